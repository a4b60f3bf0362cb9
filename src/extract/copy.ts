/**
 * The working copy: what the pipeline cuts and cleans is copied into an inert document (no browsing context, so
 * nothing in it loads or runs), never the page itself. The copy leaves out what the user cannot see, and flattens
 * nesting beyond a sane depth (pages nested thousands of levels deep overflow the stack of recursive DOM code,
 * jsdom's included). Live nodes found while reading the page are mapped to their copies.
 */

/** Depth below which elements are copied as they are; deeper ones are unwrapped (their content is kept). */
export const MAX_COPY_DEPTH = 256;

export interface CopyOptions {
  /** Elements left out of the copy, with their content. */
  hidden?: (el: Element) => boolean;
  /** Live nodes whose copies the caller needs. */
  wanted?: readonly (Node | null | undefined)[];
}

/**
 * Copies the children of `live` into `target` (a node of `work`), iteratively. Returns the copies of the wanted
 * nodes (absent when left out).
 */
export function copyChildren(work: Document, live: Node, target: Node, options: CopyOptions = {}): Map<Node, Node> {
  const wanted = new Set(options.wanted?.filter((n): n is Node => !!n));
  const copies = new Map<Node, Node>();
  const stack: [Node, Node, number][] = [[live, target, 0]];
  while (stack.length) {
    const [from, to, depth] = stack.pop()!;
    // Children are pushed in reverse so that they are appended in order: the stack pops the first one first.
    const pending: [Node, Node, number][] = [];
    for (let child = from.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1 && options.hidden?.(child as Element)) continue;
      if (child.nodeType === 1 && depth >= MAX_COPY_DEPTH) {
        // Too deep: keep the content, drop the wrapper.
        pending.push([child, to, depth]);
        continue;
      }
      const copy = work.importNode(child, false);
      to.appendChild(copy);
      if (wanted.has(child)) copies.set(child, copy);
      if (child.firstChild) pending.push([child, copy, depth + 1]);
    }
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!);
  }
  return copies;
}

/** An inert document to work in, with the page's title. */
export function workDocument(page: Document): Document {
  const work = page.implementation.createHTMLDocument('');
  work.title = page.title;
  return work;
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
