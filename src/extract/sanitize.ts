/**
 * The one DOMPurify configuration. Extracted HTML is sanitised as DOM nodes (never serialised and re-parsed in
 * between: that is how mutation XSS swallows text), and again right before the popup inserts it.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

export const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img', 'figure',
  'figcaption', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'div', 'section',
  'article', 'center', 'abbr', 'cite', 'q', 'time',
];

export const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'rowspan', 'colspan', 'scope', 'headers', 'start', 'reversed', 'datetime', 'cite', 'lang', 'dir'];

export const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // DOMPurify tests every attribute value that is not URI-safe against this: values without a scheme pass
  // (rowspan="2", relative URLs), and of schemes only http(s), mailto and tel. data: passes only on <img>.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  KEEP_CONTENT: true,
  FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'textarea', 'title', 'xmp', 'plaintext'],
};

/** A data: URL that is not an image (DOMPurify allows any data: URL on <img>). */
// eslint-disable-next-line no-control-regex -- the characters a URL parser strips before the scheme
const isNonImageData = (url: string): boolean => /^data:(?!image\/)/i.test(url.replace(/[\u0000-\u0020]+/g, ''));

const instances = new WeakMap<object, DOMPurify>();

/** What every sanitiser here does beyond the configuration: safe links, no non-image data: URLs. */
function addSafetyHooks(purify: DOMPurify): void {
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    // DOMPurify lets any data: URL through on <img>; only images may stay (not data:text/html and the like).
    const src = node.nodeName === 'IMG' ? node.getAttribute('src') : null;
    if (src !== null && isNonImageData(src)) node.removeAttribute('src');
  });
}

/**
 * DOMPurify walks from the <body> of its own document, and <body> is not an allowed tag: it "unwraps" it, which for
 * the walk's root means a deep copy of the whole content (thrown away after), half the time of a sanitize. Allowing
 * that one <body> (its document's own) skips the copy; any other <body> in the content is unwrapped as before. The
 * output is the same (test/fast-paths.test.ts compares it with a sanitiser without this hook).
 */
function allowRootBody(purify: DOMPurify): void {
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName !== 'body') return;
    // Read through the getter: content named "body" (<img name="body">) cannot stand in for it.
    const doc = ownGetter<Document | null>(node, 'ownerDocument');
    if (doc && node === ownGetter<HTMLElement | null>(doc, 'body')) data.allowedTags.body = true;
    else delete data.allowedTags.body;
  });
}

/** A DOMPurify bound to `view`, with the safety hooks and nothing else (allowRootBody changes only its speed). */
export function createPurifier(view: Window & typeof globalThis, options: { fast?: boolean } = {}): DOMPurify {
  const purify = createDOMPurify(inertWindow(view));
  // Unsupported (not a real window, e.g. a clobbered defaultView): such a DOMPurify cannot sanitise (by version,
  // it lacks sanitize() or returns its input unchanged). Refuse instead.
  if (!purify.isSupported) throw new Error('DOMPurify cannot sanitise with this window: refusing to pass HTML through');
  if (options.fast !== false) allowRootBody(purify);
  addSafetyHooks(purify);
  return purify;
}

function purifierFor(view: Window & typeof globalThis): DOMPurify {
  let purify = instances.get(view);
  if (!purify) {
    purify = createPurifier(view);
    instances.set(view, purify);
  }
  return purify;
}

/**
 * Reads a DOM property through its prototype's getter, not through the object: on a page, `<img name="defaultView">`
 * or `<form name="ownerDocument">` shadows the property itself (DOM clobbering), never the getter.
 */
function ownGetter<T>(object: object, property: string): T | undefined {
  const proto = Object.getPrototypeOf(object) as object | null;
  // Looked up from the prototype, with the object as `this`: the getter runs, the object's own properties are
  // never consulted. (A DOM that keeps the property on the object itself: read it there.)
  if (proto && property in proto) return Reflect.get(proto, property, object) as T | undefined;
  return (object as Record<string, T | undefined>)[property];
}

/**
 * The window for DOMPurify, with a fresh empty document of its own in place of the page's: DOMPurify reads
 * `window.document.nodeType`, `.createElement`, `.implementation`, `.importNode`, which named elements of the page
 * shadow (`<img name="createElement">`: DOMPurify would throw, or report itself unsupported). The constructors stay
 * the window's own, so nodes of the page are still recognised.
 */
function inertWindow(view: Window & typeof globalThis): Window & typeof globalThis {
  const page = ownGetter<Document>(view, 'document');
  const implementation = page ? ownGetter<DOMImplementation>(page, 'implementation') : undefined;
  if (!implementation) return view;
  return {
    document: implementation.createHTMLDocument(''),
    Element: view.Element,
    Node: view.Node,
    NodeFilter: view.NodeFilter,
    DOMParser: view.DOMParser,
    HTMLTemplateElement: view.HTMLTemplateElement,
    trustedTypes: (view as { trustedTypes?: unknown }).trustedTypes,
  } as unknown as Window & typeof globalThis;
}

/** The window DOMPurify must be bound to: a parsed or cloned document has none of its own. */
function windowFor(doc: Document | null | undefined): Window & typeof globalThis {
  const own = doc ? ownGetter<(Window & typeof globalThis) | null>(doc, 'defaultView') : null;
  const view = own ?? (typeof window !== 'undefined' ? window : null);
  if (!view) throw new Error('sanitising needs a DOM window (jsdom in Node, or a browser)');
  return view;
}

/**
 * Sanitises a DOM node (it is copied, not changed) into an inert fragment. Pass a container element, not
 * `<body>` or `<html>` (DOMPurify would sanitise those in place).
 */
export function sanitizeNode(node: Node, view: Document | null = null): DocumentFragment {
  const purify = purifierFor(windowFor(view ?? ownGetter<Document | null>(node, 'ownerDocument')));
  return purify.sanitize(node, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** Sanitises an HTML string into an inert fragment, ready to append. `doc` gives the window (defaults to the global). */
export function sanitizeHtml(html: string, doc: Document | null = null): DocumentFragment {
  const purify = purifierFor(windowFor(doc));
  return purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** Serialises a sanitised fragment. */
export function fragmentHtml(fragment: DocumentFragment): string {
  const holder = fragment.ownerDocument.createElement('div');
  // Moved into the holder and back, not cloned: a clone copies every node, a move only the top-level ones.
  holder.append(fragment);
  const html = holder.innerHTML;
  while (holder.firstChild) fragment.appendChild(holder.firstChild);
  return html;
}
