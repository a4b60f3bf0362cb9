/**
 * What a page is: a single article, a list (a column of teasers), a home page, search results, or something else
 * (a gallery, a login form, an error page). Decided from the page's structure, cheaply enough for the detector
 * content script:
 *
 * - running text: the richest container's text outside links, headings, navigation and teaser items;
 * - teasers: repeated items of the same shape (li, tr, div.item …) that each hold a title link, often a date or a
 *   summary; a list page's main column is one such group, a home page has several;
 * - a list pager (首页 上一页 下一页 尾页, 共N条, 1/36) and the address's shape (list, index, column against article
 *   ids and dated paths);
 * - the marks of an article template: 上一篇 / 下一篇 links and a labelled info line (发布时间： 来源：).
 *
 * A long text is an article whatever surrounds it; a page whose teasers outweigh its text is a list (or a home page)
 * unless it carries the article template's marks; a short text (a 通知 of 50–140 characters) is an article when no
 * list holds the page.
 */
import type { ProfileDetection } from './profiles/index';
import { bodyOf, getterOf, methodOf, prop, safeDom, type Fn, type SafeDom } from './dom-safe';
import { run, STEP } from './steps';
import { HIDDEN_STYLE } from './visibility';

import type { PageType } from './types';

export type { PageType };

/** Minimum running text, in characters, for a page to count as an article without more evidence. */
export const MIN_PROSE = 140;
/** Short notices (通知, 公告) are accepted from this length when no list holds the page. */
export const MIN_SHORT_PROSE = 50;
/** Running text past which a page is an article whatever lists surround it. */
export const LONG_PROSE = MIN_PROSE * 8;
/** Items (each with a title link) that make a group of repeated elements a list of teasers. */
export const MIN_TEASERS = 4;
/** Teasers in the main group that make a list by their number alone. */
const MANY_TEASERS = 8;
/** A title link's mean length in a teaser group (menus have shorter ones: 首页, 学院概况). */
const TITLE_CHARS = 6;

// ---- the address ----

export type UrlShape = 'article' | 'list' | 'home' | 'search' | 'unknown';

const SEARCH_URL = /\/(?:search|ssjg\.jsp|dosearch|_web\/_?search)|[?&](?:q|wd|kw|keyword|keywords|searchword|query)=/i;
/** A site's front page: the root, or an index file at the root. */
const HOME_PATH = /^\/(?:(?:index|default|main|home|portal)\.\w+)?$/i;
/** A column or list page's last path segment (index.html, list_38_1.html, list.htm, more.jsp, index_2.shtml). */
const LIST_SEGMENT = /^(?:index|list|lists|default|more|column|news|articles?)(?:[_-]\d+)*\.\w+$|^list[_-]\d+(?:[_-]\d+)*\.\w+$/i;
/** List addresses by their query: a page number, or a column id without an item id (DedeCMS tid, EmpireCMS classid). */
const LIST_QUERY = /[?&](?:page|pageno|pageindex|currentpage|pagenum|tid|typeid|classid|catid|columnid|cid|lm)=\d/i;
/** Column folders of the families (Hanweb /col/col1229/, TRS /xxgk/tzgg/ with an index file). */
const LIST_PATH = /\/(?:col|column|list|lists|node|lm)\/[^/]*$|\/col\/col\d+\//i;
/**
 * An article's address: a serial number (3+ digits) in its last segment, a dated folder, a headline written as a
 * slug (four words or more), or an item id in the query.
 */
const ARTICLE_PATH = /\/[^/]*\d{3}[^/]*\.\w+$|\/(?:19|20)\d\d[-/]?[01]\d(?:[-/]?[0-3]\d)?\/|\/[a-z0-9]+(?:[-_][a-z0-9]+){3,}(?:\.\w+)?\/?$/i;
const ARTICLE_QUERY = /[?&](?:id|aid|articleid|article_id|newsid|news_id|contentid|infoid|artid|docid|__biz)=\w/i;

/** What a page's address says it is: its path's shape, before anything is read. */
export function urlShape(url: string): UrlShape {
  let path = url;
  let query = '';
  try {
    const u = new URL(url);
    path = u.pathname;
    query = u.search;
  } catch {
    /* not a URL: read the string as a path */
  }
  if (SEARCH_URL.test(path + query)) return 'search';
  if (ARTICLE_QUERY.test(query)) return 'article';
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (HOME_PATH.test(path) && !query) return 'home';
  if (LIST_SEGMENT.test(last) || LIST_QUERY.test(query) || (LIST_PATH.test(path) && !ARTICLE_PATH.test(path))) return 'list';
  if (ARTICLE_PATH.test(path)) return 'article';
  return 'unknown';
}

/**
 * A later page of an article split over pages, by its address: the article's id, then `_2` (DedeCMS, EmpireCMS) or
 * `_1` (TRS counts the second page as 1) before the extension. Its meta description is the first page's.
 */
const CONTINUATION = /\d_\d{1,2}\.s?html?$/i;

export function continuationPage(url: string): boolean {
  try {
    return CONTINUATION.test(new URL(url).pathname);
  } catch {
    return CONTINUATION.test(url);
  }
}

// ---- the text walk ----

const SEARCH_TEXT = /共(?:找到|检索到|搜索到)\s*\d+\s*(?:条|个|篇)|搜索结果|检索结果/;
/** A date in a list item: 2024-05-06, 2024年5月6日, 2024.05 (split dates), 05-06. */
const ITEM_DATE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|(?:^|\D)[01]?\d[-/.月][0-3]?\d(?:日|\D|$)/;
/** A list pager's count or last-page link: 共353条, 共9页, 1/36, 页码, 尾页, Total 5 Records. */
const PAGER_COUNT = /尾\s*页|末\s*页|最后一页|共\s*\d+\s*(?:条|页|篇|项|记录)|\d+\s*\/\s*\d+\s*页|页码|每页\s*\d+|总共\s*\d+|total\s*\d+\s*(?:pages?|records?)/i;
/** A pager's step links. */
const PAGER_STEP = /^(?:首页|上一页|上页|下一页|下页|前一页|后一页|第一页)$/;
/** Links to the previous and next article: the mark of an article template. */
const PREV_NEXT = /^(?:上一篇|下一篇|上一条|下一条|上一则|下一则|上篇|下篇|前一篇|后一篇)(?:文章|新闻)?\s*[:：]?|^(?:previous|next|older|newer)\s+(?:article|post|story|entry)\b/i;
/** A page that declares itself an article to machines (OpenGraph, article meta, JSON-LD). */
const DECLARED_ARTICLE = 'meta[property="og:type"][content="article" i], meta[property="article:published_time"], meta[name="ArticleTitle" i]';
const JSON_LD_ARTICLE = /"@type"\s*:\s*\[?\s*"(?:News|Blog|Scholarly|Tech|Report(?:age)?News)?(?:Article|Posting)"/;
/** A site footer's lines (版权所有, ICP备, 技术支持): never running text, wherever the template puts them. */
const FOOTER_TEXT = /版权所有|Copyright|©|ICP备|ICP证|公网安备|技术支持\s*[:：]|All Rights Reserved/i;
/** A labelled info line of an article (发布时间：… 来源：… 浏览次数：…). */
const INFO_LABEL = /(?:发布时间|发布日期|发表时间|发稿时间|来源|作者|浏览次数|点击次数|点击数|阅读次数|阅读量|访问量|责任编辑)\s*[:：]/;

const BLOCK_TAGS = new Set(['P', 'DIV', 'TD', 'TH', 'LI', 'DD', 'DT', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'BODY', 'MAIN', 'CENTER', 'FORM']);
/** Never text a reader sees. */
const CODE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'SELECT', 'TEXTAREA']);
/** Text, but not running text. */
const NOT_PROSE_TAGS = new Set(['A', 'BUTTON', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LABEL', 'NAV', 'HEADER', 'FOOTER']);
/** Page chrome: its links are menus, not teasers. */
const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER']);
/** Class words that mark one item among the same (the current one, the first) rather than another shape. */
const STATE_CLASS = /^(?:on|active|cur|current|curr|selected|sel|hover|first|last|odd|even|top|new|hot|clearfix|fl|fr|left|right|clear|item|alt|bg)$/i;
/** A teaser's text at most, in characters: a title, a date, a summary of a few lines (layout columns are longer). */
const TEASER_CHARS = 500;
/** A teaser this short is one whatever its link's share (a title and a date, a line of summary). */
const SHORT_TEASER_CHARS = 150;
/** Otherwise its links hold at least this share of its text. */
const TITLE_SHARE = 0.25;
/** Levels looked up from a link for the element that repeats (li, tr, div.item). */
const ITEM_DEPTH = 6;
/**
 * Paragraphs (of at least PROSE_PARAGRAPH characters) that make a <header> or <noscript> part of the page's text: a
 * site header left unclosed swallows the whole page, some site builders wrap the post's own text in a <header>
 * "section", and a parser without scripting puts the rest of the page inside a <noscript> that holds an unclosed <div>.
 */
const PROSE_HEADER_PARAGRAPHS = 3;
const PROSE_PARAGRAPH = 40;

/** A group of same-shaped siblings that each hold a title link: the rows of a list. */
export interface TeaserGroup {
  /** The element whose children the items are. */
  container: Element;
  /** Items with a title link. */
  items: number;
  /** Of those, items that show a date. */
  dated: number;
  /** Text inside the items, in characters. */
  text: number;
}

/** What one walk over a page's text finds. */
export interface ProseScan {
  /** Running text in the richest container, teaser items left out, in characters (whitespace excluded). */
  length: number;
  /** That container. */
  element: Element | null;
  /** All running text of the page, in characters (the container's share of it says how dominant it is). */
  total: number;
  /** The largest group of teasers, if any. */
  teasers: TeaserGroup | null;
  /** The largest group lies outside the text's container and its parent, and they outside it (a sidebar beside a text). */
  teasersBeside: boolean;
  /** Groups of teasers on the page, and teasers in them all. */
  teaserGroups: number;
  teaserItems: number;
  /** A list pager: a count or last-page link, or two step links. */
  pager: boolean;
  /** Marks of an article template, outside teaser items: 上一篇/下一篇, a labelled info line. */
  prevNext: boolean;
  infoLine: boolean;
  /** A short line such as "共找到 123 条结果", the header of a results list. */
  searchSummary: boolean;
  /** Links in list items and small headings, counted when the page looks like search results (or its address does). */
  listLinks: number;
}

/**
 * One walk over the text of a page: the running text of its richest container (text outside links, headings,
 * navigation and teasers, credited to its block, to the block's parent, and half to the grandparent), the groups of
 * teasers, the pager, the article template's marks, and a search results header.
 */
export function scanProse(root: Element): ProseScan {
  return run(scanProseSteps(root, safeDom(prop<Document>(root, 'ownerDocument'))));
}

/** Where a text node sits: flags of its element and ancestors. */
const HIDDEN = 1;
const NOT_PROSE = 2;
const CHROME = 4;
const IN_LINK = 8;

interface Group extends TeaserGroup {
  key: string;
  /** Items seen (with any text), and the linked ones. */
  all: Set<Element>;
  linked: Set<Element>;
  datedItems: Set<Element>;
  /** Title characters per linked item (its longest link text, up to 40). */
  linkChars: Map<Element, number>;
  /** What this group's text added to each container's score, to take back when it is a list. */
  credits: Map<Element, number>;
}

/**
 * `from`: the part of the page to walk (by default all of it); the text found there is judged as in the whole page
 * (what hides or skips it is looked up to `root`), so its credits are a part of the whole walk's. `stopAt`: stop once a
 * container holds that much running text (teasers left out).
 */
function* scanProseSteps(root: Element, dom: SafeDom, stopAt = Infinity, from = root, countLinks = false): Generator<void, ProseScan> {
  const doc = prop<Document>(root, 'ownerDocument');
  const hasAttribute = methodOf(root, 'hasAttribute') as Fn;
  // The getters once, called on every element (a lookup per call costs as much as the read in jsdom).
  const firstChildGetter = getterOf(root, 'firstElementChild') as Fn;
  const nextSiblingGetter = getterOf(root, 'nextElementSibling') as Fn;
  const firstChild = (el: Element): Element | null => firstChildGetter.call(el) as Element | null;
  const nextSibling = (el: Element): Element | null => nextSiblingGetter.call(el) as Element | null;
  let total = 0;
  const walker = (methodOf(doc, 'createTreeWalker') as Fn).call(doc, from, 0x4 /* NodeFilter.SHOW_TEXT */) as TreeWalker;

  const hidden = (el: Element): boolean => {
    if (hasAttribute.call(el, 'hidden')) return true;
    const style = dom.attr(el, 'style');
    return style !== null && HIDDEN_STYLE.test(style);
  };
  const proseHeader = (el: Element): boolean => {
    let paragraphs = 0;
    for (const p of dom.all(el, 'p')) if (dom.text(p).replace(/\s+/g, '').length >= PROSE_PARAGRAPH && ++paragraphs >= PROSE_HEADER_PARAGRAPHS) return true;
    return false;
  };
  const flagCache = new Map<Element, number>();
  const ownFlags = (el: Element): number => {
    const tag = dom.tag(el);
    if (hidden(el)) return HIDDEN;
    if (tag === 'NOSCRIPT') return proseHeader(el) ? 0 : HIDDEN;
    if (CODE_TAGS.has(tag)) return HIDDEN;
    if (tag === 'HEADER' && proseHeader(el)) return 0;
    return (NOT_PROSE_TAGS.has(tag) ? NOT_PROSE : 0) | (CHROME_TAGS.has(tag) ? CHROME : 0) | (tag === 'A' ? IN_LINK : 0);
  };
  const flagsOf = (el: Element | null): number => {
    const chain: Element[] = [];
    let flags = 0;
    for (let cur = el; cur && cur !== root; cur = dom.parent(cur)) {
      const known = flagCache.get(cur);
      if (known !== undefined) {
        flags = known;
        break;
      }
      chain.push(cur);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      flags |= ownFlags(chain[i]!);
      flagCache.set(chain[i]!, flags);
    }
    return flags;
  };

  // Repeated items: an element is an item when its parent has MIN_TEASERS or more children of its shape.
  const shapeCache = new Map<Element, string>();
  const shapeOf = (el: Element): string => {
    let key = shapeCache.get(el);
    if (key === undefined) {
      const classes = (dom.attr(el, 'class') ?? '')
        .split(/\s+/)
        .map((c) => c.replace(/\d+/g, ''))
        .filter((c) => c && !STATE_CLASS.test(c))
        .sort()
        .join('.');
      key = `${dom.tag(el)}.${classes}`;
      shapeCache.set(el, key);
    }
    return key;
  };
  const shapesOf = new Map<Element, Map<string, number>>();
  const repeats = (el: Element): boolean => {
    const parent = dom.parent(el);
    if (!parent) return false;
    let shapes = shapesOf.get(parent);
    if (!shapes) {
      shapes = new Map();
      for (let c = firstChild(parent); c; c = nextSibling(c)) shapes.set(shapeOf(c), (shapes.get(shapeOf(c)) ?? 0) + 1);
      shapesOf.set(parent, shapes);
    }
    return (shapes.get(shapeOf(el)) ?? 0) >= MIN_TEASERS;
  };
  const itemCache = new Map<Element, Element | null>();
  const itemOf = (el: Element): Element | null => {
    const known = itemCache.get(el);
    if (known !== undefined) return known;
    let item: Element | null = null;
    let cur: Element | null = el;
    for (let depth = 0; cur && depth < ITEM_DEPTH; depth++, cur = dom.parent(cur)) {
      const tag = dom.tag(cur);
      if (tag === 'BODY' || tag === 'HTML' || cur === root) break;
      if (repeats(cur)) {
        item = cur;
        break;
      }
    }
    itemCache.set(el, item);
    return item;
  };
  const groups = new Map<Element, Map<string, Group>>();
  const groupOf = (item: Element): Group => {
    const parent = dom.parent(item)!;
    let byShape = groups.get(parent);
    if (!byShape) groups.set(parent, (byShape = new Map<string, Group>()));
    const key = shapeOf(item);
    let group = byShape.get(key);
    if (!group) {
      group = { key, container: parent, items: 0, dated: 0, text: 0, all: new Set(), linked: new Set(), datedItems: new Set(), linkChars: new Map(), credits: new Map() };
      byShape.set(key, group);
    }
    return group;
  };
  const itemText = new Map<Element, number>();
  const itemLinkText = new Map<Element, number>();
  /**
   * The group's teasers: linked items short enough to be one (a layout column is not), whose link is the item's
   * title (a paragraph with a keyword linked in it is not a teaser).
   */
  const teasersOf = (g: Group): Element[] =>
    [...g.linked].filter((item) => {
      const text = itemText.get(item) ?? 0;
      return text <= TEASER_CHARS && (text <= SHORT_TEASER_CHARS || (itemLinkText.get(item) ?? 0) >= TITLE_SHARE * text);
    });
  /** The shapes of an element's children in order (a list's rows are built alike; a layout's columns are not). */
  const innerShape = (el: Element): string => {
    const shapes: string[] = [];
    for (let c = firstChild(el); c && shapes.length < 8; c = nextSibling(c)) shapes.push(shapeOf(c));
    return shapes.join(',');
  };
  const teaserCache = new Map<Group, boolean>();
  const isTeasers = (g: Group): boolean => {
    let known = teaserCache.get(g);
    if (known === undefined) {
      const teasers = teasersOf(g);
      const titles = teasers.reduce((sum, item) => sum + (g.linkChars.get(item) ?? 0), 0);
      known = teasers.length >= MIN_TEASERS && teasers.length >= 0.6 * g.all.size && titles / teasers.length >= TITLE_CHARS && alike(teasers);
      teaserCache.set(g, known);
    }
    return known;
  };
  /** Whether most items share one inner shape. */
  const alike = (items: Element[]): boolean => {
    const counts = new Map<string, number>();
    let most = 0;
    for (const item of items) {
      const shape = innerShape(item);
      const n = (counts.get(shape) ?? 0) + 1;
      counts.set(shape, n);
      most = Math.max(most, n);
    }
    return most >= 0.6 * items.length;
  };

  const containerScore = new Map<Element, number>();
  const credit = (el: Element, amount: number, group: Group | null): number => {
    const score = (containerScore.get(el) ?? 0) + amount;
    containerScore.set(el, score);
    if (group) group.credits.set(el, (group.credits.get(el) ?? 0) + amount);
    return score;
  };
  /** A container's score without what teaser groups gave it. */
  const proseOf = (el: Element, score: number): number => {
    let left = score;
    for (const byShape of groups.values()) for (const g of byShape.values()) if (isTeasers(g)) left -= g.credits.get(el) ?? 0;
    return left;
  };
  const lineage = new Map<Element, { weight: number; parent: Element | null; grand: Element | null }>();
  let searchSummary = false;
  let pagerCount = false;
  const pagerSteps = new Set<string>();
  // Article marks, with the item they sit in (a mark inside a teaser is the teaser's, not the page's).
  const marks: { kind: 'prevNext' | 'infoLine'; item: Element | null }[] = [];
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++count % STEP === 0) yield;
    const value = node.nodeValue ?? '';
    const len = value.replace(/[\s\u00a0\u3000]+/g, '').length;
    if (len < 2) continue;
    const parent = dom.parent(node);
    if (!parent) continue;
    const flags = flagsOf(parent);
    if (flags & HIDDEN) continue;
    if (!searchSummary && len <= 80 && /[找检搜]/.test(value)) {
      const line = dom.text(parent);
      searchSummary = line.length <= 80 && SEARCH_TEXT.test(line);
    }
    const short = len <= 60 ? value.trim() : '';
    if (short) {
      if (PAGER_COUNT.test(short)) pagerCount = true;
      else if (PAGER_STEP.test(short)) pagerSteps.add(short);
      if (PREV_NEXT.test(short)) marks.push({ kind: 'prevNext', item: itemOf(parent) });
      else if (INFO_LABEL.test(short) && !(flags & CHROME)) marks.push({ kind: 'infoLine', item: itemOf(parent) });
    }
    const item = flags & CHROME ? null : itemOf(parent);
    const group = item ? groupOf(item) : null;
    if (group && item) {
      group.all.add(item);
      group.text += len;
      itemText.set(item, (itemText.get(item) ?? 0) + len);
      if (flags & IN_LINK) itemLinkText.set(item, (itemLinkText.get(item) ?? 0) + len);
      if (flags & IN_LINK && len >= 4) {
        group.linked.add(item);
        group.linkChars.set(item, Math.max(group.linkChars.get(item) ?? 0, Math.min(len, 40)));
      }
      if (len <= 40 && ITEM_DATE.test(value)) group.datedItems.add(item);
    }
    if (flags & NOT_PROSE || (len <= 200 && FOOTER_TEXT.test(value))) continue;
    let block: Element | null = parent;
    while (block && !BLOCK_TAGS.has(dom.tag(block))) block = dom.parent(block);
    if (!block) continue;
    total += len;
    // A block's own text counts for itself (a body that is one long <div>), for its parent container, and half for
    // the grandparent. (Credited as the text comes, in the order of the blocks' first text, so that an early stop
    // can see the richest container so far; the sums are multiples of 1/4, exact whatever the order.)
    let up = lineage.get(block);
    if (!up) {
      const blockParent = dom.parent(block);
      up = { weight: dom.tag(block) === 'LI' ? 0.5 : 1, parent: blockParent, grand: blockParent ? dom.parent(blockParent) : null };
      lineage.set(block, up);
    }
    const amount = len * up.weight;
    let richest = credit(block, amount, group);
    let richestEl = block;
    if (up.parent) {
      const s = credit(up.parent, amount, group);
      if (s > richest) [richest, richestEl] = [s, up.parent];
    }
    if (up.grand) {
      const s = credit(up.grand, amount / 2, group);
      if (s > richest) [richest, richestEl] = [s, up.grand];
    }
    // (Teasers are known only as they come: the early stop counts a container's text without the lists found so far.)
    if (richest >= stopAt) {
      teaserCache.clear();
      if (proseOf(richestEl, richest) >= stopAt) break;
    }
  }
  yield;
  teaserCache.clear();
  let teasers: Group | null = null;
  let teaserGroups = 0;
  let teaserItems = 0;
  const inTeasers = new Set<Element>();
  for (const byShape of groups.values()) {
    for (const g of byShape.values()) {
      if (!isTeasers(g)) continue;
      g.items = teasersOf(g).length;
      g.dated = g.datedItems.size;
      teaserGroups++;
      teaserItems += g.items;
      for (const item of g.all) inTeasers.add(item);
      if (!teasers || g.items > teasers.items || (g.items === teasers.items && g.text > teasers.text)) teasers = g;
    }
  }
  // What the lists gave each container, taken back at once.
  const deducted = new Map<Element, number>();
  for (const byShape of groups.values()) {
    for (const g of byShape.values()) {
      if (!isTeasers(g)) continue;
      for (const [el, amount] of g.credits) deducted.set(el, (deducted.get(el) ?? 0) + amount);
    }
  }
  let best = 0;
  let element: Element | null = null;
  for (const [el, score] of containerScore) {
    const prose = score - (deducted.get(el) ?? 0);
    if (prose > best) {
      best = prose;
      element = el;
    }
  }
  yield;
  const within = (a: Element, b: Element): boolean => (methodOf(a, 'contains') as Fn).call(a, b) === true;
  // (The text's block and the block around it: a column's blurb and its list share one.)
  const around = element && (dom.parent(element) ?? element);
  const teasersBeside = !!teasers && !!around && !within(around, teasers.container) && !within(teasers.container, around);
  const listLinks = searchSummary || countLinks ? dom.all(root, 'li a, dt a, h3 a, h4 a').length : 0;
  const page = (kind: 'prevNext' | 'infoLine'): boolean => marks.some((m) => m.kind === kind && !(m.item && inTeasers.has(m.item)));
  return {
    length: Math.round(best),
    element,
    total,
    teasers: teasers && { container: teasers.container, items: teasers.items, dated: teasers.dated, text: teasers.text },
    teasersBeside,
    teaserGroups,
    teaserItems,
    pager: pagerCount || pagerSteps.size >= 2,
    prevNext: page('prevNext'),
    infoLine: page('infoLine'),
    searchSummary,
    listLinks,
  };
}

/** The running text of the page's richest container (see scanProse). */
export function mainProse(root: Element): { length: number; element: Element | null } {
  const { length, element } = scanProse(root);
  return { length, element };
}

/** Players: a video or audio post is its player and a caption. */
export const MEDIA = 'video, audio, iframe, embed, object, mpvoice, qqmusic, mp-common-mpaudio';
/** Players anywhere on a page (an iframe only when its address says it plays something: most iframes are ads). */
const PLAYERS =
  'video, audio, mpvoice, qqmusic, mp-common-mpaudio, iframe.video_iframe, iframe[src*="video" i], iframe[data-src*="video" i], iframe[src*="player" i], iframe[data-src*="player" i], iframe[src*="v.qq.com"], iframe[data-src*="v.qq.com"]';

/** Sentence ends: running text has them, a catalogue's labels do not. */
const SENTENCE_END = /[。！？!?]/g;
/** Images, and text per image, that make a container a picture page (a gallery, a catalogue) rather than a text. */
const PICTURES = 5;
const CHARS_PER_PICTURE = 40;

/** Whether a container is pictures with short labels: many images, little text each, hardly a sentence. */
function picturesOnly(el: Element, dom: SafeDom, text: string): boolean {
  const images = dom.all(el, 'img').length;
  return images >= PICTURES && text.replace(/\s+/g, '').length <= CHARS_PER_PICTURE * images && (text.match(SENTENCE_END)?.length ?? 0) < 2;
}

/** Sentences in inline scripts that make a page one its scripts write. */
const SCRIPT_SENTENCES = 10;
const MAX_SCRIPT_CHARS = 400_000;

/** Chinese sentence ends in the page's inline scripts (JSON or strings of a rendered article; list data has titles). */
function scriptSentences(doc: Document, dom: SafeDom): number {
  let read = 0;
  let count = 0;
  for (const script of dom.all(doc, 'script:not([src])')) {
    const text = dom.text(script);
    read += text.length;
    count += text.match(/。|\\u3002/gi)?.length ?? 0;
    if (read > MAX_SCRIPT_CHARS) break;
  }
  return count;
}

/** A sign-in form's text at most (an ASP.NET page wraps its whole self in one form). */
const LOGIN_FORM_CHARS = 400;

/** Whether a small password form and the page's main text are one: the page is its sign-in form. */
function loginForm(main: Element, dom: SafeDom): boolean {
  const contains = methodOf(main, 'contains') as Fn;
  for (const input of dom.all(main.ownerDocument, 'input[type="password" i]')) {
    const form = (methodOf(input, 'closest') as Fn).call(input, 'form') as Element | null;
    if (!form || dom.text(form).replace(/\s+/g, '').length > LOGIN_FORM_CHARS) continue;
    if ((methodOf(form, 'contains') as Fn).call(form, main) === true) return true;
    // The form inside a box that holds little else (a tip, a title): not a page whose text sits beside a login box.
    if (contains.call(main, input) === true && dom.text(main).replace(/\s+/g, '').length <= LOGIN_FORM_CHARS) return true;
  }
  return false;
}

/**
 * A heading that shows the page's own headline: the first part of `<title>` (before the site's name), eight
 * characters or more. A list's heading is its column's short name, a home page's its site's, the whole `<title>`.
 */
function headlineShown(doc: Document, dom: SafeDom): boolean {
  const title = (prop<string>(doc, 'title') ?? '').replace(/\s+/g, '');
  if (title.length < 8) return false;
  for (const h of dom.all(doc, 'h1, h2')) {
    const text = dom.text(h).replace(/\s+/g, '');
    if (text.length >= 8 && text !== title && title.startsWith(text)) return true;
  }
  return false;
}

/**
 * The family's body container, when one is found and holds more text than links (a container that wraps a list is no
 * article body): its text length, and whether it is pictures with labels. Length -1: none found.
 */
function bodyContainer(doc: Document, dom: SafeDom, profile: ProfileDetection): { length: number; pictures: boolean; media: boolean } {
  for (const selector of profile.body ?? []) {
    for (const el of dom.all(doc, selector)) {
      const text = dom.text(el);
      const len = text.replace(/\s+/g, '').length;
      const media = dom.all(el, MEDIA).length > 0;
      if (len <= 0 && !media) continue;
      if (len <= 0) return { length: 0, pictures: false, media };
      let linked = 0;
      for (const a of dom.all(el, 'a')) linked += dom.text(a).replace(/\s+/g, '').length;
      return linked * 2 < len ? { length: len, pictures: picturesOnly(el, dom, text), media } : { length: -1, pictures: false, media: false };
    }
  }
  return { length: -1, pictures: false, media: false };
}

/** Paragraphs weighed by paragraphContainer, at most. */
const MAX_PARAGRAPHS = 400;

/** The parent of the most paragraph text (`<p>` elements, the first MAX_PARAGRAPHS): where an article's text usually is. */
function* paragraphContainer(doc: Document, dom: SafeDom): Generator<void, Element | null> {
  const paragraphs = (methodOf(doc, 'getElementsByTagName') as Fn).call(doc, 'p') as HTMLCollectionOf<Element>;
  const sums = new Map<Element, number>();
  let best: Element | null = null;
  let bestSum = 0;
  // (Past the last item, the read that finds none walks the rest of the page natively: the caller pauses after it.)
  for (let i = 0, p = paragraphs[0]; p && i < MAX_PARAGRAPHS; p = paragraphs[++i]) {
    if (i % STEP === STEP - 1) yield;
    const parent = dom.parent(p);
    if (!parent) continue;
    const sum = (sums.get(parent) ?? 0) + dom.text(p).length;
    sums.set(parent, sum);
    if (sum > bestSum) {
      bestSum = sum;
      best = parent;
    }
  }
  return best;
}

export interface Classification {
  isArticle: boolean;
  pageType: PageType;
  reason: string;
  /** The text scan, when the decision needed one (the extraction reuses it). */
  scan?: ProseScan;
}

/** Decides what a page is: a single article, or a list, home, search or other page. */
export function classifyPage(doc: Document, url: string, profile: ProfileDetection | null): Classification {
  return run(classifyPageSteps(doc, url, profile));
}

const article = (reason: string, scan?: ProseScan): Classification => ({ isArticle: true, pageType: 'article', reason, ...(scan ? { scan } : {}) });
const notArticle = (pageType: Exclude<PageType, 'article'>, reason: string, scan?: ProseScan): Classification => ({ isArticle: false, pageType, reason, ...(scan ? { scan } : {}) });

/**
 * The verdict from a scan: what the text, the teasers, the pager, the address and the template's marks say together.
 * `bodyText`: the text of the family's body container (-1: none).
 */
/** Marks of an article read from the whole page, asked only when a verdict needs them. */
export interface PageMarks {
  /** The page declares itself an article (og:type, article meta, JSON-LD). */
  declared: () => boolean;
  /** A heading shows the headline `<title>` begins with. */
  headline: () => boolean;
}

const NO_MARKS: PageMarks = { declared: () => false, headline: () => false };

/** The page's marks, each read once when first asked. */
function pageMarks(doc: Document, dom: SafeDom): PageMarks {
  let declared: boolean | undefined;
  let headline: boolean | undefined;
  return {
    declared: () => {
      if (declared === undefined) {
        declared = dom.all(doc, DECLARED_ARTICLE).length > 0;
        if (!declared) for (const script of dom.all(doc, 'script[type="application/ld+json" i]')) if ((declared = JSON_LD_ARTICLE.test(dom.text(script)))) break;
      }
      return declared;
    },
    headline: () => (headline ??= headlineShown(doc, dom)),
  };
}

export function judge(scan: ProseScan, shape: UrlShape, bodyText = -1, players = 0, page: PageMarks = NO_MARKS): Classification {
  const prose = scan.length;
  const list = scan.teasers;
  // A list of results is a results page when two of three hold: a search address, a "共找到 N 条" line, less than
  // LONG_PROSE of running text.
  const searchy = shape === 'search' || scan.searchSummary;
  if (searchy && (list?.items ?? 0) + scan.listLinks >= 5 && ((shape === 'search' && scan.searchSummary) || prose < LONG_PROSE)) {
    return notArticle('search', 'search results page', scan);
  }
  if (prose >= LONG_PROSE) return article(`running text (${prose} chars)`, scan);
  const marks = (): string =>
    [scan.prevNext ? '上一篇/下一篇' : '', scan.infoLine ? 'info line' : '', page.declared() ? 'declared article' : '', page.headline() ? 'headline' : '']
      .filter(Boolean)
      .join(', ');
  const pager = scan.pager ? ', pager' : '';
  // Teasers that outweigh the text, and enough of them, or with a pager or at a list's address: the page is a list.
  // (A page with a real text of its own is a list only where a pager or its address says so too.)
  const listy =
    !!list &&
    list.items >= MIN_TEASERS + 1 &&
    list.text >= prose &&
    (prose < 2 * MIN_PROSE ? list.items >= MANY_TEASERS || scan.pager || scan.teaserGroups >= 2 || shape === 'list' || shape === 'home' : scan.pager || shape === 'list' || shape === 'home');
  if (listy) {
    // A short notice beside a long sidebar of links still shows its template's marks (上一篇/下一篇, 发布时间：); a
    // text at an article's address with no pager is one too, when it is long enough or the links lie beside it (a
    // column's blurb sits above its own list).
    const atArticle = shape === 'article' && !scan.pager && (prose >= MIN_PROSE || (prose >= 2 * MIN_SHORT_PROSE && scan.teasersBeside));
    // (A widget's own 发布时间 stamp looks like an info line: that mark does not outweigh a list's address.)
    const strong = (): boolean => scan.prevNext || page.declared() || page.headline();
    if (prose >= MIN_SHORT_PROSE && (strong() || (shape !== 'list' && shape !== 'home' && (scan.infoLine || atArticle)))) {
      return article(`text beside lists (${prose} chars; ${marks() || 'an article address'})`, scan);
    }
    // The site's front page, or several lists without a pager, none of them most of the teasers: a home page.
    if (shape === 'home' || (!scan.pager && scan.teaserGroups >= 3 && list.items * 2 < scan.teaserItems)) {
      return notArticle('home', `home page (${scan.teaserGroups} lists of teasers, ${prose} chars of text)`, scan);
    }
    return notArticle('list', `list page (${list.items} teasers${list.dated ? `, ${list.dated} dated` : ''}${pager}, ${prose} chars of text)`, scan);
  }
  const text = Math.max(prose, bodyText);
  if (text >= MIN_PROSE) return article(`running text (${text} chars)`, scan);
  if (text >= MIN_SHORT_PROSE) {
    // A short text at a list's or the front page's address, among teasers, with none of an article's marks: the
    // blurb of a column or a portal.
    if (!marks() && bodyText < MIN_SHORT_PROSE && (shape === 'list' || shape === 'home' || (list && list.items >= MIN_TEASERS + 1))) {
      return notArticle(shape === 'home' ? 'home' : 'list', `${shape === 'home' ? 'home' : 'list'} page (${list?.items ?? 0} teasers${pager}, ${text} chars of text)`, scan);
    }
    return article(`short text (${text} chars)`, scan);
  }
  if (list && list.items >= MIN_TEASERS + 1) return notArticle(shape === 'home' ? 'home' : 'list', `list page (${list.items} teasers${pager}, ${text} chars of text)`, scan);
  // A video or audio post: its player and a line or none.
  if (players > 0 && shape !== 'list' && shape !== 'home') return article(`a player with ${text} chars of text`, scan);
  return notArticle('other', `too little text (${text} chars)`, scan);
}

/**
 * classifyPage step by step: it yields between small pieces of work (see detectPageSteps). `quick`: the text walk
 * stops as soon as the answer is certain (a container with LONG_PROSE characters of running text, at an address that
 * is not a search): the same verdict from a partial scan, which the detector wants and the extraction cannot use.
 */
export function* classifyPageSteps(doc: Document, url: string, profile: ProfileDetection | null, quick = false): Generator<void, Classification> {
  const body = bodyOf(doc);
  if (!body) return notArticle('other', 'no body');
  const dom = safeDom(doc);
  const shape = urlShape(url);
  if (profile?.listUrls?.some((re) => re.test(url))) return notArticle(/search|ssjg/i.test(url) ? 'search' : 'list', `${profile.id} list page`);
  const templates = profile?.listTemplates;
  if (templates && templates.components.some((c) => dom.all(doc, c).length) && !templates.unless.some((c) => dom.all(doc, c).length)) {
    return notArticle('list', `${profile.id} list template`);
  }
  let bodyText = -1;
  if (profile && shape !== 'search') {
    const container = bodyContainer(doc, dom, profile);
    if (container.pictures && !container.media) return notArticle('other', `${profile.id} body container of pictures (${container.length} chars)`);
    if (container.media && container.length >= 0) return article(`${profile.id} body container with a player (${container.length} chars)`);
    bodyText = container.length;
    // The family's article body with a real text in it: an article (a container with a few words is no evidence).
    if (bodyText >= MIN_PROSE) return article(`${profile.id} body container (${bodyText} chars)`);
  }
  yield;
  if (quick && shape !== 'search') {
    // The detector first walks the container of the page's longest run of paragraphs alone: its credits are a part
    // of the whole walk's, so when they reach the certain mark the whole walk would too (the same verdict), without
    // reading a portal's menus and link lists first. Otherwise the whole walk decides, as below.
    const candidate = yield* paragraphContainer(doc, dom);
    yield;
    if (candidate && (methodOf(body, 'contains') as Fn).call(body, candidate) === true) {
      const part = yield* scanProseSteps(body, dom, LONG_PROSE, candidate);
      if (part.length >= LONG_PROSE) return article(`running text (${part.length} chars)`, part);
    }
  }
  const scan = yield* scanProseSteps(body, dom, quick && shape !== 'search' ? LONG_PROSE : Infinity, body, shape === 'search');
  yield;
  if (scan.length < LONG_PROSE && scan.element && picturesOnly(scan.element, dom, dom.text(scan.element))) {
    return notArticle('other', `pictures with labels (${scan.length} chars)`, scan);
  }
  // A sign-in form holding the page's few words (not one in a menu or a dialog beside a short post).
  if (scan.total < 2 * MIN_PROSE && scan.element && loginForm(scan.element, dom)) return notArticle('other', `login form (${scan.length} chars)`, scan);
  const verdict = judge(scan, shape, bodyText, scan.length < MIN_SHORT_PROSE ? dom.all(body, PLAYERS).length : 0, pageMarks(doc, dom));
  // A page whose text its scripts write (a saved single-page app, outside a browser): the page as served says
  // little of what it shows, so the extraction decides.
  if (!verdict.isArticle && verdict.pageType !== 'search' && scan.total < LONG_PROSE) {
    const written = scriptSentences(doc, dom);
    if (written >= SCRIPT_SENTENCES) return article(`text written by scripts (${written} sentences)`, scan);
  }
  return verdict;
}
