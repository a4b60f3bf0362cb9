/**
 * The lead (standfirst, teaser, "Vorspann", "bajada") that Western news and blog templates print between the headline
 * and the article body, in a header block of its own: Readability takes the body's container and leaves the lead
 * out. It is looked for by walking forward from the headline towards the body, and put back in front of the body
 * when the body does not hold its text.
 */
import { chromeKind, linkDensity } from './chrome';
import { hasBlockChild, nextAfter } from './page-metadata';
import { closestTag, hasTagBelow, tagSet } from './tag-match';
import { foldWidth, squash, visibleLength } from './text';
import { westernLineKind } from './western-lines';

/** Elements looked at after the headline before giving up (a header holds a few lines: kicker, lead, byline, date). */
const WALK_LIMIT = 40;
/** Shortest and longest lead (visible characters): shorter is a kicker or a byline, longer is the body itself. */
const MIN_LEAD = 60;
const MAX_LEAD = 800;
/** Tags a lead is printed in. */
const LEAD_TAGS = tagSet('p, div, h2, h3, span, strong, em');
/** What a lead is never in: captions, navigation, teasers of other stories, forms. */
const NOT_LEAD = tagSet('figure, figcaption, nav, aside, footer, form, a, button, label, ul, ol, li, table, blockquote');
/** Names of boxes around a block that make it something else: a caption, a share or messenger popover, a pull quote, a promo. */
const NOT_LEAD_NAME = /caption|credit|social|share|messenger|popover|tooltip|modal|newsletter|promo|quote|related|teaser-?list|sidebar|widget|author|comment|cookie|consent|banner/i;
/** How many boxes up the names are read. */
const NAME_DEPTH = 3;
const MEDIA = tagSet('img, picture, figure, video');
const SCRIPT = tagSet('script');
const SKIPPED = /^(?:NAV|ASIDE|FOOTER|FIGURE|SCRIPT|STYLE|NOSCRIPT|TEMPLATE|FORM|UL|OL|TABLE|BUTTON|SELECT)$/;

/** In a caption box, a share popover, a widget or an author box, right after a picture (its caption), or holding a script. */
function elsewhere(el: Element): boolean {
  for (let cur: Element | null = el, up = 0; cur && up < NAME_DEPTH; cur = cur.parentElement, up++) {
    if (NOT_LEAD_NAME.test(`${cur.getAttribute('class') ?? ''} ${cur.id}`)) return true;
  }
  const prev = el.previousElementSibling;
  // A script's code is text too (a share bar's inline script).
  return (prev !== null && MEDIA.has(prev.localName)) || hasTagBelow(el, SCRIPT);
}

/** A paragraph of sentences in words (not a byline, a date, a credit, a link or a chrome line). */
function isLeadText(el: Element, text: string): boolean {
  const length = visibleLength(text);
  if (length < MIN_LEAD || length > MAX_LEAD || text.split(' ').length < 8) return false;
  // A sentence: a full stop, a question or a colon ending a clause; a headline-like line has none.
  if (!/[.!?…:;]["”“»«)]?(?:\s|$)/.test(text)) return false;
  if (linkDensity(el, length) > 0.3 || westernLineKind(text, true)) return false;
  return chromeKind(squash(foldWidth(text)), el, true) === null;
}

/**
 * The lead block between `headline` and the body container `body` (or null): the first leaf block after the
 * headline that is a paragraph of sentences, found before the body container and before running text longer than a
 * lead (that is the body, or something else).
 */
export function findLead(headline: Element, body: Element | null): Element | null {
  if (!body || headline.contains(body) || body.contains(headline) || !(headline.compareDocumentPosition(body) & 0x4) /* FOLLOWING */) return null;
  let current = nextAfter(headline);
  for (let visited = 0; current && visited < WALK_LIMIT; visited++) {
    if (current === body || current.contains(body)) return null;
    if (SKIPPED.test(current.tagName)) {
      current = nextAfter(current);
      continue;
    }
    // A box of blocks, or of a picture and its caption, is looked into.
    if (hasBlockChild(current) || hasTagBelow(current, MEDIA)) {
      current = current.firstElementChild!;
      continue;
    }
    const text = squash(current.textContent ?? '');
    if (visibleLength(text) > MAX_LEAD) return null;
    if (LEAD_TAGS.has(current.localName) && !closestTag(current, NOT_LEAD) && !elsewhere(current) && isLeadText(current, text)) return current;
    current = nextAfter(current);
  }
  return null;
}

/** Puts `lead` (a copy taken before Readability) in front of `content` unless the body already holds its text. */
export function restoreLead(content: Element, lead: Element, contentText: string): boolean {
  const text = squash(lead.textContent ?? '');
  if (squash(contentText).includes(text.slice(0, 80))) return false;
  const p = content.ownerDocument.createElement('p');
  p.append(...lead.childNodes);
  content.prepend(p);
  return true;
}
