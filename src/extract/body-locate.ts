/**
 * Finding the article body a family's profile knows, without changing the page: a container selector, a pair of
 * comments around it (Hanweb's `<$[信息内容]>begin`, Founder's `enpcontent`), or the TRS/Hanweb `ContentStart` and
 * `ContentEnd` meta markers.
 */
import { isAttachmentLink } from './body';
import type { Profile } from './profiles/index';
import { visibleLength } from './text';
import { elementsOf } from './dom-safe';
import { MEDIA } from './classify';

/** The body: a root element, and for a bracketed body the two marker nodes inside it. */
export interface LocatedBody {
  root: Element;
  start?: Node;
  end?: Node;
}

function bracketed(doc: Document, start: Node, end: Node): LocatedBody | null {
  if (!(start.compareDocumentPosition(end) & 4 /* FOLLOWING */)) return null;
  const range = doc.createRange();
  range.setStartAfter(start);
  range.setEndBefore(end);
  const common = range.commonAncestorContainer;
  const root = common.nodeType === 1 ? (common as Element) : common.parentElement;
  if (!root) return null;
  const fragment = range.cloneContents();
  const substantial = visibleLength(fragment.textContent ?? '') >= 20 || fragment.querySelector('img, table') !== null;
  return substantial ? { root, start, end } : null;
}

function commentPair(doc: Document, start: RegExp, end: RegExp): LocatedBody | null {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 0x80 /* SHOW_COMMENT */);
  let open: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!open && start.test(text)) open = node;
    else if (open && end.test(text)) return bracketed(doc, open, node);
  }
  return null;
}

function substantial(el: Element): boolean {
  return visibleLength(el.textContent ?? '') >= 20 || el.querySelector(`img, table, ${MEDIA}`) !== null;
}

/**
 * The body container the profile knows, or null. Among several matches of a selector, the one with the most text;
 * a container nested in another match is not counted twice.
 */
export function locateBody(doc: Document, profile: Profile | null): LocatedBody | null {
  if (profile?.bodyComments) {
    const pair = commentPair(doc, profile.bodyComments.start, profile.bodyComments.end);
    if (pair) return pair;
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
    if (best && substantial(best)) return { root: best };
  }
  // One pass over the body's <meta> elements rather than two querySelector calls (slow in jsdom).
  const metas = doc.body ? elementsOf(doc.body.getElementsByTagName('meta')) : [];
  const marker = (name: string): Element | null => metas.find((m) => m.getAttribute('name')?.toLowerCase() === name) ?? null;
  const start = marker('contentstart');
  const end = marker('contentend');
  return start && end ? bracketed(doc, start, end) : null;
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
 * belong to the article: they are returned to be appended to the body.
 */
export function trailingAttachments(body: Element): Element[] {
  const found: Element[] = [];
  let current = nextAfter(body);
  for (let visited = 0; current && visited < 8; visited++) {
    const text = visibleLength(current.textContent ?? '');
    const links = [...current.querySelectorAll('a[href]')];
    if (current.matches('a[href]')) links.push(current);
    if (links.length && text <= 400 && links.every((a) => isAttachmentLink(a) || /附件/.test(a.textContent ?? ''))) {
      found.push(current);
      current = nextAfter(current);
    } else if (text > 300) {
      break;
    } else {
      current = nextAfter(current);
    }
  }
  return found;
}
