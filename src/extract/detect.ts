/**
 * Which CMS family built a page, and whether the page is an article at all. Cheap enough for a content script
 * on every page load: no Readability, one pass over the page's assets, comments and text.
 */
import { DETECTION, type ProfileDetection, type Signal } from './profiles/index';
import type { Detection, FamilyId } from './types';
import { compileSimpleSelector, matchesCompiled } from './simple-selector';
import { isStaticallyHidden } from './visibility';

/** Total signal weight at which a family counts as detected. */
export const DETECTION_THRESHOLD = 2;

interface PageFacts {
  url: string;
  doc: Document;
  assets: string[];
  metas: string[];
  /** Selector signals found in the one pass over the page's elements. */
  matched: Set<string>;
  comments: string[] | null;
  scripts: string[] | null;
  text: string | null;
}

const MAX_COMMENTS = 400;
const MAX_SCRIPT_CHARS = 400_000;
const MAX_TEXT_CHARS = 200_000;

/** Every selector signal of every profile, compiled once (null: not simple, left to querySelector). */
const SELECTOR_SIGNALS = new Map(
  DETECTION.flatMap((p) => p.signals)
    .filter((s) => s.kind === 'selector')
    .map((s) => [String(s.pattern), compileSimpleSelector(String(s.pattern))] as const),
);
const ASSET_ATTRIBUTE: Record<string, string> = { SCRIPT: 'src', LINK: 'href', IMG: 'src', A: 'href', FORM: 'action', IFRAME: 'src' };

/** One pass over the page's elements: assets, meta tags, and the simple selector signals that hold. */
function collectFacts(doc: Document, url: string): PageFacts {
  const assets: string[] = [];
  const metas: string[] = [];
  const matched = new Set<string>();
  const pending = [...SELECTOR_SIGNALS].filter(([, compiled]) => compiled !== null) as [string, NonNullable<ReturnType<typeof compileSimpleSelector>>][];
  const walker = doc.createTreeWalker(doc.documentElement, 0x1 /* SHOW_ELEMENT */);
  // The element's attributes, read once for all the selectors tested against it (one cache, cleared per element:
  // a closure and a map per element cost more than the reads they save).
  const seen = new Map<string, string | null>();
  let bare = false;
  const read = (el: Element, name: string): string | null => {
    // Most elements have no attributes at all: no read needed.
    if (bare) return null;
    let value = seen.get(name);
    if (value === undefined) seen.set(name, (value = el.getAttribute(name)));
    return value;
  };
  for (let node = walker.currentNode as Element | null; node; node = walker.nextNode() as Element | null) {
    // Read once: jsdom computes tagName on every read, and every pending selector wants it.
    const tag = node.tagName;
    const attr = ASSET_ATTRIBUTE[tag];
    if (attr) {
      const value = node.getAttribute(attr);
      if (value) assets.push(value);
    } else if (tag === 'META') {
      const name = node.getAttribute('name') ?? node.getAttribute('property') ?? node.getAttribute('http-equiv');
      if (name) metas.push(`${name.toLowerCase()}=${node.getAttribute('content') ?? ''}`);
    }
    seen.clear();
    bare = !node.hasAttributes();
    for (let i = pending.length - 1; i >= 0; i--) {
      if (matchesCompiled(node, pending[i]![1], tag, read)) {
        matched.add(pending[i]![0]);
        pending.splice(i, 1);
      }
    }
  }
  return { url, doc, assets, metas, matched, comments: null, scripts: null, text: null };
}

/** Comment texts of the page, collected on first use (only some signals need them). */
export function pageComments(doc: Document, limit = MAX_COMMENTS): string[] {
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc, 0x80 /* NodeFilter.SHOW_COMMENT */);
  for (let node = walker.nextNode(); node && out.length < limit; node = walker.nextNode()) {
    out.push(node.nodeValue ?? '');
  }
  return out;
}

function inlineScripts(doc: Document): string[] {
  const out: string[] = [];
  let total = 0;
  for (const script of doc.getElementsByTagName('script')) {
    if (script.hasAttribute('src')) continue;
    const text = script.textContent ?? '';
    total += text.length;
    out.push(text);
    if (total > MAX_SCRIPT_CHARS) break;
  }
  return out;
}

function matches(pattern: string | RegExp, values: readonly string[]): boolean {
  return values.some((v) => (typeof pattern === 'string' ? v.includes(pattern) : pattern.test(v)));
}

function signalHolds(signal: Signal, facts: PageFacts): boolean {
  const { pattern } = signal;
  switch (signal.kind) {
    case 'selector':
      if (SELECTOR_SIGNALS.get(String(pattern))) return facts.matched.has(String(pattern));
      try {
        return facts.doc.querySelector(String(pattern)) !== null;
      } catch {
        return false;
      }
    case 'url':
      return matches(pattern, [facts.url]);
    case 'asset':
      return matches(pattern, facts.assets);
    case 'meta':
      return matches(pattern, facts.metas);
    case 'comment':
      facts.comments ??= pageComments(facts.doc);
      return matches(pattern, facts.comments);
    case 'script':
      facts.scripts ??= inlineScripts(facts.doc);
      return matches(pattern, facts.scripts);
    case 'text':
      facts.text ??= (facts.doc.body?.textContent ?? '').slice(-MAX_TEXT_CHARS);
      return matches(pattern, [facts.text]);
  }
}

export interface FamilyScore {
  family: Exclude<FamilyId, 'generic'>;
  score: number;
}

/** Scores every profile against the page (for diagnostics and the detection matrix). */
export function scoreFamilies(doc: Document, url = ''): FamilyScore[] {
  const facts = collectFacts(doc, url);
  return DETECTION.map((profile) => ({
    family: profile.id,
    score: profile.signals.reduce((sum, s) => sum + (signalHolds(s, facts) ? s.weight : 0), 0),
  }));
}

/** The family that built the page, or `generic`, with a confidence in 0..1. */
export function detectFamily(doc: Document, url = ''): { family: FamilyId; confidence: number; profile: ProfileDetection | null } {
  let best: FamilyScore | null = null;
  for (const s of scoreFamilies(doc, url)) {
    if (s.score >= DETECTION_THRESHOLD && (!best || s.score > best.score)) best = s;
  }
  if (!best) return { family: 'generic', confidence: 0, profile: null };
  const profile = DETECTION.find((p) => p.id === best.family) ?? null;
  // Two conclusive signs make a certainty; each further sign adds a little.
  const confidence = Math.min(1, 0.6 + 0.1 * (best.score - DETECTION_THRESHOLD));
  return { family: best.family, confidence: Math.round(confidence * 100) / 100, profile };
}

// ---------------------------------------------------------------------------------------------------------------
// Is it an article?

const SEARCH_URL = /\/(?:search|ssjg\.jsp|dosearch|_web\/_?search)|[?&](?:q|wd|kw|keyword|keywords|searchword|query)=/i;
const SEARCH_TEXT = /共(?:找到|检索到|搜索到)\s*\d+\s*(?:条|个|篇)|搜索结果|检索结果/;
const DATE_IN_ITEM = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|(?:^|\D)\d{2}-\d{2}(?:\D|$)/;
const BLOCK_TAGS = new Set(['P', 'DIV', 'TD', 'TH', 'LI', 'DD', 'DT', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'BODY', 'MAIN', 'CENTER', 'FORM']);
const SKIP_TAGS = new Set(['A', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'SELECT', 'BUTTON', 'TEXTAREA', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LABEL', 'NAV', 'HEADER', 'FOOTER']);

/** What one walk over a page's text finds. */
export interface ProseScan {
  /** Running text in the richest container, in characters (whitespace excluded). */
  length: number;
  /** That container. */
  element: Element | null;
  /** Short rows holding a link and a date (list pages have many). */
  datedItems: number;
  /** Links in list items and small headings, counted when the page looks like search results. */
  listLinks: number;
  /** A short line such as "共找到 123 条结果", the header of a results list. */
  searchSummary: boolean;
  /** All running text of the page, in characters (the container's share of it says how dominant it is). */
  total: number;
}

/**
 * One walk over the text of a page: the running text of its richest container (text outside links, headings and
 * navigation, credited to its block, to the block's parent, and half to the grandparent), the dated link rows of a
 * list, and a search results header.
 */
export function scanProse(root: Element): ProseScan {
  const doc = root.ownerDocument;
  const blockText = new Map<Element, number>();
  const walker = doc.createTreeWalker(root, 0x4 /* NodeFilter.SHOW_TEXT */);
  const skipCache = new Map<Element, boolean>();
  const skipped = (el: Element | null): boolean => {
    const chain: Element[] = [];
    let result = false;
    for (let cur = el; cur && cur !== root; cur = cur.parentElement) {
      const known = skipCache.get(cur);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(cur);
      if (SKIP_TAGS.has(cur.tagName) || isStaticallyHidden(cur)) {
        result = true;
        break;
      }
    }
    for (const c of chain) skipCache.set(c, result);
    return result;
  };
  const datedRows = new Set<Element>();
  let searchSummary = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    const len = value.replace(/[\s\u00a0\u3000]+/g, '').length;
    if (len < 2) continue;
    const parent = node.parentElement;
    if (!parent) continue;
    if (len <= 40 && DATE_IN_ITEM.test(value)) {
      const row = parent.closest('li, tr, dd');
      if (row && !datedRows.has(row) && (row.textContent ?? '').length <= 160 && row.querySelector('a')) datedRows.add(row);
    }
    if (!searchSummary && len <= 80 && /[找检搜]/.test(value)) {
      const line = parent.textContent ?? '';
      searchSummary = line.length <= 80 && SEARCH_TEXT.test(line);
    }
    if (skipped(parent)) continue;
    let block: Element | null = parent;
    while (block && !BLOCK_TAGS.has(block.tagName)) block = block.parentElement;
    if (!block) continue;
    blockText.set(block, (blockText.get(block) ?? 0) + len);
  }
  const containerScore = new Map<Element, number>();
  for (const [block, len] of blockText) {
    const weight = block.tagName === 'LI' ? 0.5 : 1;
    // A block's own text counts for itself (a body that is one long <div>) and for its parent container.
    containerScore.set(block, (containerScore.get(block) ?? 0) + len * weight);
    const parent = block.parentElement;
    if (parent) containerScore.set(parent, (containerScore.get(parent) ?? 0) + len * weight);
    const grand = parent?.parentElement;
    if (grand) containerScore.set(grand, (containerScore.get(grand) ?? 0) + (len * weight) / 2);
  }
  let best = 0;
  let element: Element | null = null;
  for (const [el, score] of containerScore) {
    if (score > best) {
      best = score;
      element = el;
    }
  }
  const listLinks = searchSummary ? root.querySelectorAll('li a, dt a, h3 a, h4 a').length : 0;
  let total = 0;
  for (const len of blockText.values()) total += len;
  return { length: Math.round(best), element, datedItems: datedRows.size, listLinks, searchSummary, total };
}

/** The running text of the page's richest container (see scanProse). */
export function mainProse(root: Element): { length: number; element: Element | null } {
  const { length, element } = scanProse(root);
  return { length, element };
}

function bodyContainerText(doc: Document, profile: ProfileDetection): number {
  for (const selector of profile.body ?? []) {
    for (const el of doc.querySelectorAll(selector)) {
      const len = (el.textContent ?? '').replace(/\s+/g, '').length;
      if (len >= 40 || el.querySelector('img, table')) return len;
    }
  }
  return -1;
}

/** Minimum running text, in characters, for a page with no known body container to count as an article. */
export const MIN_PROSE = 140;
/** Short notices (通知, 公告) are accepted from this length when the page is not a list. */
export const MIN_SHORT_PROSE = 50;

export interface Classification {
  isArticle: boolean;
  reason: string;
  /** The text scan, when the decision needed one (the extraction reuses it). */
  scan?: ProseScan;
}

/** Decides whether a page is a single article (not a list, home, search or error page). */
export function classifyPage(doc: Document, url: string, profile: ProfileDetection | null): Classification {
  const body = doc.body;
  if (!body) return { isArticle: false, reason: 'no body' };
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    /* not a URL: test the string as it is */
  }
  if (profile?.listUrls?.some((re) => re.test(url))) return { isArticle: false, reason: `${profile.id} list page` };
  const searchUrl = SEARCH_URL.test(path);
  if (profile && !searchUrl) {
    const len = bodyContainerText(doc, profile);
    if (len >= 0) return { isArticle: true, reason: `${profile.id} body container (${len} chars)` };
  }
  const scan = scanProse(body);
  const { length: prose, datedItems: dated } = scan;
  const results = dated + (searchUrl ? body.querySelectorAll('li a, dt a, h3 a, h4 a').length : scan.listLinks);
  // A search address with a list of results is a results page; the "共找到 N 条" line alone needs less running text.
  if (results >= 5 && ((searchUrl && scan.searchSummary) || (searchUrl && prose < MIN_PROSE * 8) || (scan.searchSummary && prose < MIN_PROSE * 8))) {
    return { isArticle: false, reason: 'search results page', scan };
  }
  if (prose >= MIN_PROSE) return { isArticle: true, reason: `running text (${prose} chars)`, scan };
  if (prose >= MIN_SHORT_PROSE && dated < 8) return { isArticle: true, reason: `short text (${prose} chars)`, scan };
  return {
    isArticle: false,
    reason: dated >= 8 ? `list page (${dated} dated links, ${prose} chars of text)` : `too little text (${prose} chars)`,
    scan,
  };
}

/** Family, confidence and article-ness of a page. */
export function detectPage(doc: Document, url = ''): Detection {
  const { family, confidence, profile } = detectFamily(doc, url);
  const { isArticle, reason } = classifyPage(doc, url, profile);
  return { family, confidence, isArticle, reason };
}
