/** Finding the article body a family's profile knows: a container selector, or a pair of comments around it. */
import { isAttachmentLink } from './body';
import type { Profile } from './profiles/index';
import { visibleLength } from './text';

/** Nodes between two comments, moved into a new container in the same document. */
function betweenComments(doc: Document, start: RegExp, end: RegExp): Element | null {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 0x80 /* SHOW_COMMENT */);
  let open: Comment | null = null;
  for (let node = walker.nextNode() as Comment | null; node; node = walker.nextNode() as Comment | null) {
    const text = node.nodeValue ?? '';
    if (!open && start.test(text)) open = node;
    else if (open && end.test(text)) {
      const range = doc.createRange();
      range.setStartAfter(open);
      range.setEndBefore(node);
      const holder = doc.createElement('div');
      holder.append(range.cloneContents());
      // Replace the bracketed nodes in the page by the holder, so that the body sits where it was.
      range.deleteContents();
      open.after(holder);
      return holder;
    }
  }
  return null;
}

/** The empty `<meta name="ContentStart">` / `ContentEnd` markers TRS and Hanweb pages put around the body. */
function betweenMarkers(doc: Document): Element | null {
  const start = doc.querySelector('body meta[name="ContentStart" i]');
  const end = doc.querySelector('body meta[name="ContentEnd" i]');
  if (!start || !end || !(start.compareDocumentPosition(end) & 4 /* FOLLOWING */)) return null;
  const range = doc.createRange();
  range.setStartAfter(start);
  range.setEndBefore(end);
  const holder = doc.createElement('div');
  holder.append(range.cloneContents());
  range.deleteContents();
  start.after(holder);
  return holder;
}

function substantial(el: Element): boolean {
  return visibleLength(el.textContent ?? '') >= 20 || el.querySelector('img, table') !== null;
}

/**
 * The body container the profile knows, or null. Among several matches of a selector, the one with the most text;
 * a container nested in another match is not counted twice.
 */
export function locateBody(doc: Document, profile: Profile | null): Element | null {
  if (profile?.bodyComments) {
    const holder = betweenComments(doc, profile.bodyComments.start, profile.bodyComments.end);
    if (holder && substantial(holder)) return holder;
  }
  for (const selector of profile?.body ?? []) {
    let best: Element | null = null;
    let bestLength = -1;
    for (const el of doc.querySelectorAll(selector)) {
      if (best?.contains(el)) continue;
      const length = visibleLength(el.textContent ?? '');
      if (length > bestLength) {
        best = el;
        bestLength = length;
      }
    }
    if (best && substantial(best)) return best;
  }
  const marked = betweenMarkers(doc);
  return marked && substantial(marked) ? marked : null;
}

/** The next element in document order after `el`'s subtree. */
function nextAfter(el: Element): Element | null {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.nextElementSibling) return cur.nextElementSibling;
  }
  return null;
}

/**
 * Attachment lists that templates print right after the body container (博达 `附件【…】已下载 N 次`, TRS 附件 blocks)
 * belong to the article: moved into the body so that they stay with the text and are listed.
 */
export function adoptTrailingAttachments(body: Element): void {
  let current = nextAfter(body);
  for (let visited = 0; current && visited < 8; visited++) {
    const text = visibleLength(current.textContent ?? '');
    const links = [...current.querySelectorAll('a[href]')];
    if (current.matches('a[href]')) links.push(current);
    const next = nextAfter(current);
    if (links.length && text <= 400 && links.every((a) => isAttachmentLink(a) || /附件/.test(a.textContent ?? ''))) {
      body.append(current);
    } else if (text > 300) {
      break;
    }
    current = next;
  }
}
