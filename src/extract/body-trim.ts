/**
 * What Readability takes along on old table-layout and blog pages: the sidebar column of the layout row that holds
 * the article (categories, month archive, latest posts), and the link lists printed after the article's last
 * paragraph (related stories, channel menus, navigation boxes). Both are recognised by their links, not by words.
 */
import { isAttachmentLink } from './body';
import { linkDensity, SENTENCE_END } from './chrome';
import { elementsOf } from './dom-safe';
import { textBlocks } from './page-metadata';
import { elementsBelow } from './tag-match';
import { squash, visibleLength } from './text';

const textLength = (el: Element): number => visibleLength(el.textContent ?? '');

interface Measure {
  length: number;
  unlinked: number;
  sentences: number;
}

function measure(el: Element): Measure {
  const text = el.textContent ?? '';
  const length = visibleLength(text);
  const unlinked = length * (1 - linkDensity(el, length));
  return { length, unlinked, sentences: text.match(SENTENCE_END)?.length ?? 0 };
}

/** Least running text (characters outside links) and sentences of the cell that holds the article. */
const MAIN_CELL_TEXT = 300;
const MAIN_CELL_SENTENCES = 3;

/**
 * In a layout row (cells side by side) whose one cell holds the article, the other cells that carry text are
 * sidebars: a quarter or more links (five at least: a blog's categories, archive and latest comments), or under a
 * third of the article cell's running text. Spacer cells without text stay.
 */
export function dropSideColumns(root: Element): void {
  for (const row of [root, ...elementsBelow(root)]) {
    const cells = elementsOf(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    if (cells.length < 2) continue;
    const sizes = cells.map(measure);
    let main = 0;
    for (let i = 1; i < cells.length; i++) if (sizes[i]!.unlinked > sizes[main]!.unlinked) main = i;
    const article = sizes[main]!;
    if (article.unlinked < MAIN_CELL_TEXT || article.sentences < MAIN_CELL_SENTENCES) continue;
    let dropped = false;
    cells.forEach((cell, i) => {
      const size = sizes[i]!;
      if (i === main || !size.length) return;
      if (size.unlinked < article.unlinked / 3 || (size.length - size.unlinked > size.length / 4 && cell.querySelectorAll('a').length >= 5)) {
        cell.remove();
        dropped = true;
      }
    });
    // The layout table (or the row Readability turned into a <div>) goes, its article cell's paragraphs stay: a
    // table cell's text is one line in the text exports. Spacer cells go with it.
    if (dropped) {
      let outer = row;
      while (outer !== root && outer.parentElement && /^(?:TR|TBODY|THEAD|TABLE)$/.test(outer.tagName) && textLength(outer.parentElement) === textLength(row)) {
        outer = outer.parentElement;
      }
      if (/^(?:TR|TBODY|THEAD)$/.test(outer.tagName)) return;
      const wrapper = row.ownerDocument.createElement('div');
      wrapper.append(...cells[main]!.childNodes);
      if (outer === root) root.replaceChildren(wrapper);
      else outer.replaceWith(wrapper);
      return;
    }
  }
}

/** A block of links: two or more, most of its text, none an attachment (附件 lists belong to the article). */
function isLinkList(el: Element, length: number): boolean {
  const links = el.tagName === 'A' ? [el] : [...el.querySelectorAll('a')];
  return links.length >= 2 && linkDensity(el, length) >= 0.5 && !links.some(isAttachmentLink);
}

const DATED_ITEM = /(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * A teaser list: three or more short items, each a title ending in its date (a heading line may lead), whether or
 * not the titles are links.
 */
function isTeaserList(el: Element): boolean {
  const items = elementsOf(el.children).map((c) => squash(c.textContent ?? '')).filter((t) => t.length > 0);
  const dated = items.filter((t) => t.length <= 80 && DATED_ITEM.test(t)).length;
  return dated >= 3 && dated >= items.length - 1;
}

/** Longest line (characters) passed over on the way up from the end: a credit, a heading, an authority-control line. */
const SHORT_LINE = 40;

/**
 * Removes link and teaser lists that follow the article's last text, looking down the last branch of the body. Short lines
 * between them are passed over and kept; running text ends the search, so lists before it are left alone. At most
 * half of the body goes.
 */
export function trimTrailingLinkLists(root: Element): void {
  let budget = visibleLength(root.textContent ?? '') / 2;
  let node: Element | null = root;
  for (let depth = 0; node && depth < 16; depth++) {
    let next: Element | null = null;
    for (let child: ChildNode | null = node.lastChild; child && !next; ) {
      const prev: ChildNode | null = child.previousSibling;
      // Comments (a wiki's parser report) are not text.
      if (child.nodeType !== 1 && child.nodeType !== 3) {
        child = prev;
        continue;
      }
      const text = child.textContent ?? '';
      const length = visibleLength(text);
      if (child.nodeType === 1 && length && length <= budget && (isLinkList(child as Element, length) || isTeaserList(child as Element))) {
        budget -= length;
        child.remove();
      } else if (length > SHORT_LINE || SENTENCE_END.test(text)) {
        if (child.nodeType !== 1) return;
        next = child as Element;
      }
      SENTENCE_END.lastIndex = 0;
      child = prev;
    }
    node = next;
  }
}

/** A call to action in brackets around a link (【点击投票】, 【点击进入专题】). */
const CALL_TO_ACTION = /【\s*点击[^】]{1,8}】/;

/** A short promo line the template prints above the article (a poll, a special page): it is not the article's. */
export function dropLeadingPromo(root: Element): void {
  const first = textBlocks(root)[0];
  if (!first || first === root) return;
  const text = squash(first.textContent ?? '');
  const linked = [...first.querySelectorAll('a')].some((a) => /^点击/.test(squash(a.textContent ?? '')));
  if (linked && visibleLength(text) <= 150 && CALL_TO_ACTION.test(text)) first.remove();
}
