/**
 * The working copy. The pipeline reads and cleans a copy of the page in an inert document (no browsing context:
 * nothing in it loads or runs), never the page itself. The copy
 *  - leaves out what the user cannot see (computed style in the browser; inline style and `hidden` in Node);
 *  - has no names that clobber the DOM: form controls lose the names and ids that shadow form properties, and
 *    forms, images, frames and objects lose names that shadow document properties;
 *  - flattens nesting beyond a sane depth (recursive DOM code, jsdom's included, overflows the stack on pages
 *    nested thousands of levels deep).
 * The walk over the live page reads through prototype getters (dom-safe.ts), so the page cannot mislead it.
 */
import { attributeOf, bodyOf, closestOf, firstChildOf, matchesOf, nextSiblingOf, nodeNameOf, nodeTypeOf, prop } from './dom-safe';
import { compileSimpleSelector, mayMatch } from './simple-selector';
import { isStaticallyHiddenSafe } from './visibility';
import type { VisibilityCheck } from './types';

/** Depth below which elements are copied as they are; deeper ones are unwrapped (their content is kept). */
export const MAX_COPY_DEPTH = 256;

/** Elements kept whatever their style says: the head's content, and scripts (detection reads them). */
const ALWAYS = new Set(['SCRIPT', 'META', 'TITLE', 'LINK', 'BASE', 'TEMPLATE']);
const FORM_CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'FIELDSET', 'OUTPUT', 'OBJECT', 'IMG', 'EMBED']);
const DOCUMENT_NAMED = new Set(['FORM', 'IMG', 'IFRAME', 'EMBED', 'OBJECT', 'FRAME']);

export interface CopyOptions {
  /** The visibility check of a rendered page (absent: markup decides). */
  isVisible?: VisibilityCheck;
  /** Containers a family shows only by script: never left out as hidden. */
  keep?: readonly string[];
}

/** Names that would shadow a property of a form (for its controls) or of the document (for named elements). */
function clobbers(name: string, proto: object | null): boolean {
  return !!name && !!proto && name in proto;
}

/**
 * The attributes (`name`, `id`) of an element to be copied whose values would shadow a member: of its form, for a
 * control inside one, or of the document, for a named form, image, frame or object.
 */
function clobberingNames(el: Element, tag: string, inForm: boolean, ctx: { formProto: object | null; docProto: object | null }): string[] {
  const names: string[] = [];
  if (!FORM_CONTROLS.has(tag) && !DOCUMENT_NAMED.has(tag)) return names;
  for (const attr of ['name', 'id']) {
    const value = attributeOf(el, attr);
    if (value === null) continue;
    if ((inForm && FORM_CONTROLS.has(tag) && clobbers(value, ctx.formProto)) || (DOCUMENT_NAMED.has(tag) && clobbers(value, ctx.docProto))) names.push(attr);
  }
  return names;
}

/**
 * Copies `page` (head and body) into a new inert document and returns it. Which names clobber is read from the
 * prototypes of the inert document's own form and document objects.
 */
export function copyPage(page: Document, options: CopyOptions = {}): Document {
  const work = prop<DOMImplementation>(page, 'implementation').createHTMLDocument('');
  const keepSelector = (options.keep ?? []).join(',');
  const formProto = Object.getPrototypeOf(work.createElement('form')) as object | null;
  const docProto = Object.getPrototypeOf(work) as object | null;
  // jsdom's matches() is a costly call, asked for every hidden element: only of those that could match at all.
  const simple = compileSimpleSelector(keepSelector);
  const kept = (el: Element): boolean => (!simple || mayMatch(el, simple, attributeOf)) && matchesOf(el, keepSelector);
  const hidden = (el: Element, tag: string): boolean => {
    if (ALWAYS.has(tag)) return false;
    const hiddenHere = options.isVisible ? !options.isVisible(el) : isStaticallyHiddenSafe(el);
    if (!hiddenHere || (keepSelector && kept(el))) return false;
    // Inside a container shown only by script, computed visibility is inherited from it: markup decides there.
    return !options.isVisible || !(keepSelector && closestOf(el, keepSelector)) || isStaticallyHiddenSafe(el);
  };
  const head = prop<HTMLHeadElement | null>(page, 'head');
  // createHTMLDocument('') made an empty <title>: the page's own comes instead.
  work.head.replaceChildren();
  const body = bodyOf(page);
  if (body) {
    for (const name of ['class', 'id', 'lang', 'dir', 'data-pageid', 'data-tmplid', 'data-layout']) {
      const value = attributeOf(body, name);
      if (value !== null) work.body.setAttribute(name, value);
    }
  }
  // Without a visibility check, markup alone decides: a deep copy, pruned after, gives the same copy at a fraction
  // of the cost of copying node by node. (Not beyond MAX_COPY_DEPTH: then the node-by-node copy flattens.)
  if (!options.isVisible && copyDeep(work, head, body, { hidden, formProto, docProto })) return finish(page, work);
  work.head.replaceChildren();
  work.body.replaceChildren();
  if (head) copyInto(work, head, work.head, { hidden: () => false, formProto, docProto });
  if (body) copyInto(work, body, work.body, { hidden, formProto, docProto });
  return finish(page, work);
}

function finish(page: Document, work: Document): Document {
  const root = prop<Element | null>(page, 'documentElement');
  const lang = root ? attributeOf(root, 'lang') : null;
  if (lang !== null) work.documentElement.setAttribute('lang', lang);
  return work;
}

/**
 * copyInto's copy without a visibility check, made by deep imports and then pruned: the same elements go (<style>,
 * the statically hidden outside a `keep` container, unless in the head) and the same names are dropped. Every
 * test reads the copy with all its elements still in place, as copyInto reads the page. Returns false, leaving a
 * partial copy, when the page nests deeper than MAX_COPY_DEPTH (or too deep to import in one go).
 */
function copyDeep(
  work: Document,
  head: HTMLHeadElement | null,
  body: HTMLElement | null,
  ctx: { hidden: (el: Element, tag: string) => boolean; formProto: object | null; docProto: object | null },
): boolean {
  try {
    for (const [from, to] of [[head, work.head], [body, work.body]] as const) {
      for (let child = from && firstChildOf(from); child; child = nextSiblingOf(child)) {
        const type = nodeTypeOf(child);
        if (type === 1 || type === 3 || type === 8) to.appendChild(work.importNode(child, true));
      }
    }
  } catch (e) {
    if (e instanceof RangeError) return false;
    throw e;
  }
  const drop: Element[] = [];
  const unname: [Element, string][] = [];
  for (const root of [work.head, work.body]) {
    const inHead = root === work.head;
    // The copy is inert and in this document, but its forms may still shadow members: walked by a TreeWalker
    // (which reads no member of the nodes) and read through the prototypes.
    const walker = work.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
    let depth = 0;
    let formDepth = Infinity;
    let node: Node | null = walker.firstChild();
    while (node) {
      const el = node as Element;
      const tag = nodeNameOf(el).toUpperCase();
      if (depth >= MAX_COPY_DEPTH) return false;
      // As copyInto decides: the head's elements are never hidden.
      if (tag === 'STYLE' || (!inHead && ctx.hidden(el, tag))) drop.push(el);
      else {
        for (const attr of clobberingNames(el, tag, depth > formDepth, ctx)) unname.push([el, attr]);
        if (tag === 'TEMPLATE') {
          // A node-by-node copy leaves a template's content behind; so does this one.
          prop<DocumentFragment>(el, 'content').replaceChildren();
        }
        if (tag === 'FORM' && depth < formDepth) formDepth = depth;
        if (walker.firstChild()) {
          depth++;
          node = walker.currentNode;
          continue;
        }
      }
      // Next: the following sibling, or that of the nearest ancestor that has one.
      node = walker.nextSibling();
      while (!node && depth > 0) {
        walker.parentNode();
        depth--;
        node = walker.nextSibling();
      }
      if (depth <= formDepth) formDepth = Infinity;
    }
  }
  for (const [el, attr] of unname) el.removeAttribute(attr);
  for (const el of drop) el.remove();
  return true;
}

function copyInto(
  work: Document,
  live: Node,
  target: Node,
  ctx: { hidden: (el: Element, tag: string) => boolean; formProto: object | null; docProto: object | null },
): void {
  const stack: [Node, Node, number, boolean][] = [[live, target, 0, false]];
  while (stack.length) {
    const [from, to, depth, inForm] = stack.pop()!;
    const pending: [Node, Node, number, boolean][] = [];
    for (let child = firstChildOf(from); child; child = nextSiblingOf(child)) {
      const type = nodeTypeOf(child);
      if (type === 3 || type === 8) {
        to.appendChild(work.importNode(child, false));
        continue;
      }
      if (type !== 1) continue;
      const el = child as Element;
      const tag = nodeNameOf(el).toUpperCase();
      if (tag === 'STYLE' || ctx.hidden(el, tag)) continue;
      if (depth >= MAX_COPY_DEPTH) {
        // Too deep: keep the content, drop the wrapper.
        pending.push([el, to, depth, inForm || tag === 'FORM']);
        continue;
      }
      const copy = work.importNode(el, false);
      for (const attr of clobberingNames(copy, tag, inForm, ctx)) copy.removeAttribute(attr);
      to.appendChild(copy);
      if (firstChildOf(el)) pending.push([el, copy, depth + 1, inForm || tag === 'FORM']);
    }
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!);
  }
}

/** The nodes between two markers, moved into a new container. */
export function between(work: Document, start: Node, end: Node): Element {
  const range = work.createRange();
  range.setStartAfter(start);
  range.setEndBefore(end);
  const holder = work.createElement('div');
  holder.append(range.extractContents());
  return holder;
}

