/**
 * DOM reads that a page cannot clobber. A page's `<form>` exposes its controls as properties (`<input
 * name="parentNode">` makes `form.parentNode` that input), and a document exposes named forms, images and frames
 * (`<form name="body">` makes `document.body` that form). Reading through the prototype's own getters and methods
 * is immune; the pipeline does so where it walks the live page, and works on a copy that has no such names.
 */

type Getter = (this: unknown) => unknown;
// Weak: every jsdom window (one per page in the CLI) has prototypes of its own, which must not outlive it.
const getters = new WeakMap<object, Map<string, Getter | null>>();

/** The getter of `property` found on the prototype chain of `object` (not on the object itself). */
function protoGetter(object: object, property: string): Getter | null {
  const proto = Object.getPrototypeOf(object) as object | null;
  if (!proto) return null;
  let byName = getters.get(proto);
  if (!byName) getters.set(proto, (byName = new Map<string, Getter | null>()));
  let getter = byName.get(property);
  if (getter === undefined) {
    getter = null;
    for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
      const descriptor = Object.getOwnPropertyDescriptor(p, property);
      if (descriptor) {
        // Called with .call(object) below: the getter is bound to the right receiver there.
        // eslint-disable-next-line @typescript-eslint/unbound-method
        getter = (descriptor.get as Getter | undefined) ?? null;
        break;
      }
    }
    byName.set(property, getter);
  }
  return getter;
}

/** The prototype getter of `property` for objects like `object`, to call on many of them (`getter.call(el)`). */
export function getterOf(object: object, property: string): Getter | null {
  return protoGetter(object, property);
}

function read<T>(object: object, property: string): T {
  const getter = protoGetter(object, property);
  return (getter ? getter.call(object) : undefined) as T;
}

type Method = (...args: unknown[]) => unknown;
const methods = new WeakMap<object, Map<string, Method | null>>();

/** The method `name` found on the prototype chain of `object`, cached per prototype. */
function method(object: object, name: string): Method | null {
  const proto = Object.getPrototypeOf(object) as object | null;
  if (!proto) return null;
  let byName = methods.get(proto);
  if (!byName) methods.set(proto, (byName = new Map<string, Method | null>()));
  let found = byName.get(name);
  if (found === undefined) {
    found = null;
    for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
      const descriptor = Object.getOwnPropertyDescriptor(p, name);
      if (descriptor) {
        found = typeof descriptor.value === 'function' ? (descriptor.value as Method) : null;
        break;
      }
    }
    byName.set(name, found);
  }
  return found;
}

/** The prototype method `name` for objects like `object`, to call on many of them (`fn.call(el, …)`). */
export function methodOf(object: object, name: string): Method | null {
  return method(object, name);
}

export const firstChildOf = (node: Node): Node | null => read<Node | null>(node, 'firstChild');
export const nextSiblingOf = (node: Node): Node | null => read<Node | null>(node, 'nextSibling');
export const nodeTypeOf = (node: Node): number => read<number>(node, 'nodeType');
export const nodeNameOf = (node: Node): string => read<string>(node, 'nodeName');
export const parentOf = (node: Node): Node | null => read<Node | null>(node, 'parentNode');

export function attributeOf(el: Element, name: string): string | null {
  const fn = method(el, 'getAttribute');
  return fn ? (fn.call(el, name) as string | null) : null;
}

export function hasAttributeOf(el: Element, name: string): boolean {
  const fn = method(el, 'hasAttribute');
  return fn ? Boolean(fn.call(el, name)) : false;
}

export function matchesOf(el: Element, selector: string): boolean {
  const fn = method(el, 'matches');
  try {
    return fn ? Boolean(fn.call(el, selector)) : false;
  } catch {
    return false;
  }
}

/** A property read through its prototype getter (`document.body` even when a page element is named "body"). */
export function prop<T>(object: object, property: string): T {
  return read<T>(object, property);
}

/**
 * The elements of a live collection (`getElementsByTagName`, `children`) as an array. Not by spread or for-of:
 * jsdom looks every non-index property read of a collection up as an element id or name first, a scan of the whole
 * collection, and the array iterator reads `length` at each step, so iterating is quadratic (20 000 elements:
 * minutes). Read by index until there is no element (an index past the end costs one scan).
 */
export function elementsOf<T extends Element>(collection: HTMLCollectionOf<T>): T[] {
  const out: T[] = [];
  for (let el: T | undefined; (el = collection[out.length]); ) out.push(el);
  return out;
}

export const bodyOf = (doc: Document): HTMLElement | null => read<HTMLElement | null>(doc, 'body');

/** `el.closest(selector)`, walking parents through the prototype getters. */
export function closestOf(el: Element, selector: string): Element | null {
  for (let cur: Node | null = el; cur && nodeTypeOf(cur) === 1; cur = parentOf(cur)) {
    if (matchesOf(cur as Element, selector)) return cur as Element;
  }
  return null;
}

/**
 * True when the page has names that shadow DOM properties: a form control named like a form property, or a named
 * form, image, frame or object named like a document property. The CLI then works on a copy without those names
 * (the detector reads every member through the prototypes instead).
 */
export function hasClobberingNames(doc: Document): boolean {
  const query = method(doc, 'querySelectorAll');
  if (!query) return true;
  const formProto = Object.getPrototypeOf(doc.createElement('form')) as object;
  for (const el of query.call(doc, 'form [name], form [id]') as Iterable<Element>) {
    for (const attr of ['name', 'id']) {
      const value = attributeOf(el, attr);
      if (value && value in formProto) return true;
    }
  }
  const docProto = Object.getPrototypeOf(doc) as object;
  for (const el of query.call(doc, 'form[name], img[name], iframe[name], embed[name], object[name], frame[name], object[id]') as Iterable<Element>) {
    const value = attributeOf(el, 'name') ?? attributeOf(el, 'id');
    if (value && value in docProto) return true;
  }
  return false;
}

/**
 * Node and Element members taken from the prototypes, once per scan: a page's form controls cannot shadow them
 * (`<input name="parentElement">` in a form would send an ancestor walk round in circles, `name="tagName"` would lie).
 */
export interface SafeDom {
  tag: (el: Element) => string;
  parent: (node: Node) => Element | null;
  attr: (el: Element, name: string) => string | null;
  text: (node: Node) => string;
  /** querySelectorAll on a document or an element. */
  all: (root: ParentNode, selector: string) => ArrayLike<Element> & Iterable<Element>;
}

export type Fn = (this: unknown, ...args: unknown[]) => unknown;

export function safeDom(doc: Document): SafeDom {
  const el = (methodOf(doc, 'createElement') as Fn).call(doc, 'div') as Element;
  const tag = getterOf(el, 'tagName') as Fn;
  const parent = getterOf(el, 'parentElement') as Fn;
  const text = getterOf(el, 'textContent') as Fn;
  const getAttribute = methodOf(el, 'getAttribute') as Fn;
  return {
    tag: (e) => tag.call(e) as string,
    parent: (n) => parent.call(n) as Element | null,
    attr: (e, name) => getAttribute.call(e, name) as string | null,
    text: (n) => (text.call(n) as string | null) ?? '',
    all: (root, selector) => (methodOf(root, 'querySelectorAll') as Fn).call(root, selector) as NodeListOf<Element>,
  };
}
