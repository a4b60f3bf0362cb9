/**
 * Sections Western templates print after the article inside its container: comment forms under a "Leave a reply" /
 * "Kommentar schreiben" / "Dodaj komentarz" heading, and "Related posts" / "Neueste Artikel" / "Czytaj także" link
 * lists. Recognised by a short heading-like block whose whole text is one of the labels below (kept as data,
 * several languages) plus structure: article text before a comment form, links in the list after a heading.
 */
import { linkDensity } from './chrome';
import { elementsBelow, tagSet } from './tag-match';
import { squash, visibleLength } from './text';

/**
 * Headings of a comment form. Only the form, not the thread: readers' comments above it are often counted as part
 * of a blog post (the trafilatura gold keeps them on most pages that have them).
 */
const COMMENT_LABELS = [
  // English
  'leave a (?:reply|comment)', 'leave your comment', 'post a comment', 'add (?:a |your )?comment', 'write a comment', 'join the discussion',
  // German
  'kommentare? (?:schreiben|verfassen|abgeben|hinzufügen)', '(?:schreibe|schreiben sie|hinterlasse|hinterlassen sie) einen kommentar',
  'deine meinung', 'ihre meinung', 'jetzt kommentieren',
  // Polish
  'dodaj komentarz', 'napisz komentarz', 'skomentuj', 'zostaw komentarz',
  // French, Spanish, Italian, Dutch
  'laisser un commentaire', 'deja un comentario', 'lascia un commento', 'reageer', 'laat een reactie achter',
];

/** Headings of link lists to other pages. */
const RELATED_LABELS = [
  'related(?: (?:posts?|articles?|stories|news|content|reading|topics|coverage))?', 'you (?:may|might) also like', 'more (?:from|on|in) .{1,40}',
  'more (?:stories|articles|news|posts)', 'recommended(?: for you| reading| articles)?', 'read (?:more|also|next)', 'see also', 'further reading',
  '(?:most )?popular(?: posts| articles| stories)?', 'most (?:read|viewed|shared)', '(?:latest|recent|newest) (?:news|posts|articles|stories)',
  'trending(?: now)?', 'also (?:on|from) .{1,40}', 'similar (?:posts|articles)',
  'neueste (?:artikel|beiträge|nachrichten|meldungen)', 'aktuelle (?:artikel|beiträge|nachrichten|meldungen)', 'letzte beiträge',
  '(?:ähnliche|verwandte|weitere|passende) (?:artikel|beiträge|themen|nachrichten|meldungen)', 'mehr zum thema(?: .{1,40})?', 'mehr (?:aus|von|zu) .{1,40}',
  'das (?:thema )?könnte (?:sie|dich) auch interessieren', 'auch interessant', '(?:lesen sie|lies) (?:auch|mehr)', 'empfohlene (?:artikel|beiträge)',
  'heute empfehlen wir', 'vorschau auf (?:den|das) nächsten? (?:artikel|beitrag)', 'weiterführende? links?', 'lesen sie hier (?:einen |noch einen )?weiteren .{1,40}', 'meistgelesen(?:e)?(?: artikel)?',
  'beliebte (?:artikel|beiträge)', 'top-?artikel', 'weitere informationen(?: (?:zu|zum|zur) .{1,60})?', 'schon gelesen', 'zum weiterlesen', 'siehe auch', 'auch lesen',
  'meist(?:diskutierte|kommentierte|gelesene|geklickte) (?:artikel|beiträge|nachrichten)', 'mehr themen', 'weitere (?:artikel|beiträge) (?:aus|zu|zum|zur|von) .{1,40}',
  '(?:lesen sie|lies) auch (?:die|diese) (?:folgenden )?(?:artikel|beiträge)',
  '(?:entdecke|entdecken sie) (?:weitere|mehr) .{1,40}', 'weitere [\\w-]{0,30}tipps(?: .{1,40})?',
  '(?:zobacz|czytaj|przeczytaj) (?:też|także|również|więcej)', 'podobne (?:artykuły|wpisy)', 'powiązane (?:artykuły|wpisy)',
  'najnowsze(?: artykuły| wiadomości| wpisy)?', 'polecane(?: artykuły)?', 'najczęściej czytane', 'najpopularniejsze',
  'articles similaires', '(?:à )?lire aussi', 'sur le même sujet', 'artículos relacionados', 'noticias relacionadas', '(?:también )?(?:te|le) puede interesar',
  'lea también', 'vea también', 'lo más (?:leído|visto)', 'articoli correlati', '(?:leia|veja) também', 'notícias relacionadas', 'mais lidas',
];

const anchored = (labels: string[]): RegExp => new RegExp(`^(?:${labels.join('|')})\\s*[:.!?…»>]*$`, 'i');
const COMMENT_HEADING = anchored(COMMENT_LABELS);
const RELATED_HEADING = anchored(RELATED_LABELS);

/** Longest heading text (characters) looked at. */
const MAX_HEADING = 160;
const HEADING_LIKE = tagSet('h1, h2, h3, h4, h5, h6, p, div, span, strong, b, dt, header, legend, label');

/** Share of a block's text in links above which it is a link list. */
const LINK_LIST = 0.5;

/** Text length in `root` before `el` in document order (stops counting once `enough` is reached). */
function textBefore(root: Element, el: Element, enough: number): number {
  let length = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node && length < enough; node = walker.nextNode()) {
    if (el.compareDocumentPosition(node) & 0x4 /* FOLLOWING */ || el.contains(node)) break;
    length += squash(node.nodeValue ?? '').length;
  }
  return length;
}

/** `el` and everything after it up to the end of `root`. */
function cutFrom(root: Element, el: Element): void {
  for (let cur: Element | null = el; cur && cur !== root; cur = cur.parentElement) {
    while (cur.nextSibling) cur.nextSibling.remove();
  }
  el.remove();
}

const INLINE = /^(?:SPAN|STRONG|B|LABEL|A|EM|I)$/;

/**
 * The outermost ancestor of `el` below `root` whose text is `el`'s text alone (a heading's wrapper), or null when
 * that is still an inline element: "<p><b>Kommentar:</b> Die Regierung…" is a labelled paragraph, not a heading.
 */
function wrapperOf(root: Element, el: Element, text: string): Element | null {
  let target = el;
  while (target.parentElement && target.parentElement !== root && squash(target.parentElement.textContent ?? '') === text) target = target.parentElement;
  return INLINE.test(target.tagName) ? null : target;
}

/**
 * Removes comment forms (from their heading to the end of the body) and headed link lists from an article body.
 * A comment heading needs article text before it, so a page that is all comments keeps them.
 */
export function removeTailSections(root: Element, minTextBefore = 200): number {
  let removed = 0;
  for (const el of elementsBelow(root, HEADING_LIKE)) {
    // Readability's result is detached from its document: `isConnected` is false there, so ask the root.
    if (!root.contains(el)) continue;
    // The text test first: it rules out nearly every block, and a selector query per block costs more (jsdom).
    const text = squash(el.textContent ?? '');
    if (!text || text.length > MAX_HEADING || !(COMMENT_HEADING.test(text) || RELATED_HEADING.test(text))) continue;
    if (el.querySelector('p, li, img, table')) continue;
    if (COMMENT_HEADING.test(text)) {
      const target = wrapperOf(root, el, text);
      if (!target || textBefore(root, target, minTextBefore) < minTextBefore) continue;
      cutFrom(root, target);
      removed++;
    } else if (RELATED_HEADING.test(text)) {
      const target = wrapperOf(root, el, text);
      if (!target) continue;
      const list = target.nextElementSibling;
      if (list && linkDensity(list, visibleLength(list.textContent ?? '')) > LINK_LIST) list.remove();
      target.remove();
      removed++;
    }
  }
  return removed;
}
