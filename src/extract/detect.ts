/**
 * Which CMS family built a page, and whether the page is an article at all. Cheap enough for a content script
 * on every page load: no Readability, one pass over the page's assets, comments and text.
 */
import { DETECTION, type ProfileDetection, type Signal } from './profiles/index';
import type { Detection, FamilyId } from './types';
import { bodyOf, getterOf, methodOf, prop } from './dom-safe';
import { HIDDEN_STYLE } from './visibility';

/** Total signal weight at which a family counts as detected. */
export const DETECTION_THRESHOLD = 2;

/**
 * Answers the selector signals on one page, after what preparation it needs (step by step). Default: the DOM's own
 * querySelector, native code in a browser (the detector content script); in jsdom one walk is much cheaper
 * (simple-selector.ts: walkedSelectors, which the extraction passes).
 */
export type SelectorEngine = (doc: Document) => Generator<void, ElementFacts>;

/**
 * A selector engine's answers. An engine that walks every element anyway may also bring the asset and meta values
 * (as collectAsset reads them, in any order): collectFacts then skips its own reads, one whole-page scan per tag
 * in jsdom.
 */
export interface ElementFacts {
  /** Whether a selector signal holds. */
  selector: (selector: string) => boolean;
  assets?: string[];
  metas?: string[];
}

function* nativeSelectors(doc: Document): Generator<void, ElementFacts> {
  const querySelector = methodOf(doc, 'querySelector') as Fn;
  yield; // nothing to prepare: a pause point like any other
  return {
    selector: (selector) => {
      try {
        return querySelector.call(doc, selector) !== null;
      } catch {
        return false;
      }
    },
  };
}

interface PageFacts {
  url: string;
  /** Whether a selector signal holds. */
  selector: (selector: string) => boolean;
  doc: Document;
  assets: string[];
  /** The assets on a few strings, one per line (see lineLocal), joined on first use (see assetChunks). */
  assetLines: string[] | null;
  metas: string[];
  dom: SafeDom;
  comments: string[] | null;
  scripts: string[] | null;
  text: string | null;
}

const MAX_COMMENTS = 400;
const MAX_SCRIPT_CHARS = 400_000;
const MAX_TEXT_CHARS = 200_000;
/**
 * Elements read per asset tag. A family's asset signals show in the first few hundred of its scripts, links and
 * images; reading all 10 000 images of a gallery page makes as many wrappers and strings, and the allocation drew
 * the page's major GC (17 ms) into the detector's task.
 */
export const MAX_ASSETS_PER_TAG = 1000;

const ASSET_ATTRIBUTE: Record<string, string> = { script: 'src', link: 'href', img: 'src', a: 'href', form: 'action', iframe: 'src' };
/** The tags whose elements carry assets and meta values: `getElementsByTagName` names (qualified names). */
export const ASSET_TAGS = [...Object.keys(ASSET_ATTRIBUTE), 'meta'];

/** Adds the asset (URL) or the meta value that an element of one of ASSET_TAGS carries. */
export function collectAsset(tag: string, el: Element, attr: (el: Element, name: string) => string | null, assets: string[], metas: string[]): void {
  const name = ASSET_ATTRIBUTE[tag];
  if (name) {
    const value = attr(el, name);
    if (value) assets.push(value);
  } else {
    const key = attr(el, 'name') ?? attr(el, 'property') ?? attr(el, 'http-equiv');
    if (key) metas.push(`${key.toLowerCase()}=${attr(el, 'content') ?? ''}`);
  }
}

/**
 * Node and Element members taken from the prototypes, once per scan: a page's form controls cannot shadow them
 * (`<input name="parentElement">` in a form would send an ancestor walk round in circles, `name="tagName"` would lie).
 */
interface SafeDom {
  tag: (el: Element) => string;
  parent: (node: Node) => Element | null;
  attr: (el: Element, name: string) => string | null;
  text: (node: Node) => string;
  /** querySelectorAll on a document or an element. */
  all: (root: ParentNode, selector: string) => ArrayLike<Element> & Iterable<Element>;
}

type Fn = (this: unknown, ...args: unknown[]) => unknown;

function safeDom(doc: Document): SafeDom {
  const el = (methodOf(doc, 'createElement') as Fn).call(doc, 'div') as Element;
  const tag = getterOf(el, 'tagName') as Fn;
  const parent = getterOf(el, 'parentElement') as Fn;
  const text = getterOf(el, 'textContent') as Fn;
  const getAttribute = methodOf(el, 'getAttribute') as Fn;
  return {
    tag: (e) => tag.call(e) as string,
    parent: (n) => parent.call(n) as Element | null,
    attr: (e, name) => getAttribute.call(e, name) as string | null,
    text: (n) => (text.call(n) as string | null) ?? '',
    all: (root, selector) => (methodOf(root, 'querySelectorAll') as Fn).call(root, selector) as NodeListOf<Element>,
  };
}

/** Nodes handled between two yields of the step-wise scans: well under a millisecond in a browser. */
export const STEP = 256;

/** Runs a step-wise scan to its end, in one go. */
function run<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The page's assets and meta tags, from the elements that carry them: no walk over every element in script
 * (selector signals are left to the browser's selector engine, which is native code).
 */
function* collectFacts(doc: Document, url: string, selectors: SelectorEngine): Generator<void, PageFacts> {
  const dom = safeDom(doc);
  const found = yield* selectors(doc);
  if (found.assets && found.metas) return { url, selector: found.selector, doc, dom, assets: found.assets, assetLines: null, metas: found.metas, comments: null, scripts: null, text: null };
  const assets: string[] = [];
  const metas: string[] = [];
  const facts: PageFacts = { url, selector: found.selector, doc, dom, assets, assetLines: null, metas, comments: null, scripts: null, text: null };
  const byTag = methodOf(doc, 'getElementsByTagName') as Fn;
  let count = 0;
  // Tag by tag through live collections, read item by item with pauses: one selector query for all of them is a
  // single native piece of work, tens of milliseconds on a page of 200 000 elements. (The order of the values does
  // not matter to the signals.)
  for (const tag of ASSET_TAGS) {
    // A pause before each tag too: finding a collection's first item, or that it has none, walks the document
    // (natively), about 2 ms a tag on 200 000 elements, seven tags in one piece otherwise.
    yield;
    const list = byTag.call(doc, tag) as HTMLCollectionOf<Element>;
    for (let i = 0, node = list[0]; node && i < MAX_ASSETS_PER_TAG; node = list[++i]) {
      if (++count % STEP === 0) yield;
      collectAsset(tag, node, dom.attr, assets, metas);
    }
  }
  return facts;
}

/** Comment texts of the page, collected on first use (only some signals need them). */
export function pageComments(doc: Document, limit = MAX_COMMENTS): string[] {
  const out: string[] = [];
  const walker = (methodOf(doc, 'createTreeWalker') as Fn).call(doc, doc, 0x80 /* NodeFilter.SHOW_COMMENT */) as TreeWalker;
  for (let node = walker.nextNode(); node && out.length < limit; node = walker.nextNode()) {
    out.push(node.nodeValue ?? '');
  }
  return out;
}

function inlineScripts(doc: Document, dom: SafeDom): string[] {
  const out: string[] = [];
  let total = 0;
  // By tag name, not `script:not([src])`: the selector engine costs more than the attribute test (jsdom).
  for (const script of (methodOf(doc, 'getElementsByTagName') as Fn).call(doc, 'script') as HTMLCollectionOf<Element>) {
    if (dom.attr(script, 'src') !== null) continue;
    const text = dom.text(script);
    total += text.length;
    out.push(text);
    if (total > MAX_SCRIPT_CHARS) break;
  }
  return out;
}

/**
 * The end of the body's textContent (the text of its text nodes, in order), read step by step from the last text
 * node backwards, and no further than the part that is kept: a huge page's whole text would be a long read and a
 * large string for nothing.
 */
function* bodyTextSteps(doc: Document): Generator<void, string> {
  const body = bodyOf(doc);
  if (!body) return '';
  const parts: string[] = [];
  let length = 0;
  const walker = (methodOf(doc, 'createTreeWalker') as Fn).call(doc, body, 0x4 /* SHOW_TEXT */) as TreeWalker;
  let count = 0;
  // With only text nodes shown, the root's last child in the walker's view is the last text node of the subtree.
  for (let node = walker.lastChild(); node && length < MAX_TEXT_CHARS; node = walker.previousNode()) {
    if (++count % STEP === 0) yield;
    const value = node.nodeValue ?? '';
    parts.push(value);
    length += value.length;
  }
  return parts.reverse().join('').slice(-MAX_TEXT_CHARS);
}

function matches(pattern: string | RegExp, values: readonly string[]): boolean {
  return values.some((v) => (typeof pattern === 'string' ? v.includes(pattern) : pattern.test(v)));
}

/**
 * Whether a pattern only ever matches within one line, and the same whether the line stands alone or among others:
 * no line break in it, no anchor, no lookaround, nothing that can take a line break (`[^…]`, `\s`, `\D`, `\W`, a
 * character code, a back reference), no flag that changes that or makes `test` stateful. (`.`, `\S`, `\d`, `\w` never
 * take one; `\b` sees a line break as it sees the end of the text.) Such a pattern holds on some value of a list exactly
 * when it holds on the values joined by line breaks: one native search of a page's asset URLs instead of one per URL
 * (on a portal page with a thousand links, most of the detector's work).
 */
export function lineLocal(pattern: string | RegExp): boolean {
  if (typeof pattern === 'string') return !/[\r\n]/.test(pattern);
  const unescaped = pattern.source.replace(/\\[^sDWnrucx0-9pPk]/g, '');
  return !/[gymsuv]/.test(pattern.flags) && !/[\^$\r\n]|\\|\(\?<?[=!]/.test(unescaped);
}

/**
 * Characters of asset URLs searched in one piece: a short piece whatever the pattern, even on its first run (V8
 * interprets a regular expression until it has run), on a page of 10 000 images with half a megabyte of URLs.
 */
const ASSET_CHUNK_CHARS = 32_768;

/** The asset URLs, each ended by a line break, in chunks of about ASSET_CHUNK_CHARS characters (in any order). */
function assetChunks(facts: PageFacts): string[] {
  if (!facts.assetLines) {
    const chunks = [''];
    for (const asset of facts.assets) {
      if (chunks[0]!.length >= ASSET_CHUNK_CHARS) chunks.unshift('');
      chunks[0] += `${asset}\n`;
    }
    facts.assetLines = chunks;
  }
  return facts.assetLines;
}

/**
 * Whether an asset pattern holds, a chunk of the URLs at a time: each chunk is one search (asset patterns are
 * line-local: a test holds every profile to it).
 */
function* assetSteps(pattern: string | RegExp, facts: PageFacts): Generator<void, boolean> {
  const chunks = assetChunks(facts);
  for (const [i, chunk] of chunks.entries()) {
    if (i) yield;
    if (typeof pattern === 'string' ? chunk.includes(pattern) : pattern.test(chunk)) return true;
  }
  return false;
}

function signalHolds(signal: Signal, facts: PageFacts): boolean {
  const { pattern } = signal;
  switch (signal.kind) {
    case 'selector':
      return facts.selector(String(pattern));
    case 'url':
      return matches(pattern, [facts.url]);
    case 'asset':
      return run(assetSteps(pattern, facts));
    case 'meta':
      return matches(pattern, facts.metas);
    case 'comment':
      facts.comments ??= pageComments(facts.doc);
      return matches(pattern, facts.comments);
    case 'script':
      facts.scripts ??= inlineScripts(facts.doc, facts.dom);
      return matches(pattern, facts.scripts);
    case 'text':
      facts.text ??= run(bodyTextSteps(facts.doc));
      return matches(pattern, [facts.text]);
  }
}

export interface FamilyScore {
  family: Exclude<FamilyId, 'generic'>;
  score: number;
}

/** Scores every profile against the page (for diagnostics and the detection matrix). */
export function scoreFamilies(doc: Document, url = '', selectors: SelectorEngine = nativeSelectors): FamilyScore[] {
  return run(scoreSteps(doc, url, selectors));
}

function* scoreSteps(doc: Document, url: string, selectors: SelectorEngine): Generator<void, FamilyScore[]> {
  const facts = yield* collectFacts(doc, url, selectors);
  const scores: FamilyScore[] = [];
  for (const profile of DETECTION) {
    // A profile's comment, script or text signal may read a whole page's worth (once): a pause before each.
    yield;
    if (facts.text === null && profile.signals.some((s) => s.kind === 'text')) facts.text = yield* bodyTextSteps(doc);
    scores.push({ family: profile.id, score: profile.signals.reduce((sum, s) => sum + (signalHolds(s, facts) ? s.weight : 0), 0) });
  }
  return scores;
}

export interface FamilyDetection {
  family: FamilyId;
  confidence: number;
  profile: ProfileDetection | null;
}

/** The family that built the page, or `generic`, with a confidence in 0..1. */
export function detectFamily(doc: Document, url = '', selectors: SelectorEngine = nativeSelectors): FamilyDetection {
  return run(detectFamilySteps(doc, url, selectors));
}

/** Signals answered from the one element pass; the others read the comments, inline scripts or body text. */
const FROM_ELEMENTS = new Set<Signal['kind']>(['selector', 'url', 'asset', 'meta']);
/** What an open signal costs to answer: a walk over the comments, the inline scripts' text, the body's text. */
const OPEN_COST: Partial<Record<Signal['kind'], number>> = { comment: 0, script: 1, text: 2 };
/** Each profile's other signals, cheapest first. */
const OPEN_SIGNALS = new Map(
  DETECTION.map((p) => [p, p.signals.filter((s) => !FROM_ELEMENTS.has(s.kind)).sort((a, b) => (OPEN_COST[a.kind] ?? 3) - (OPEN_COST[b.kind] ?? 3))]),
);

/**
 * detectFamily step by step: it yields between small pieces of work (see detectPageSteps). Gives scoreFamilies'
 * winner (the first of the highest scores at the threshold or over) without its cost: a family's costly signals
 * are read only when they could still make it that winner, which on most pages is never.
 */
export function* detectFamilySteps(doc: Document, url = '', selectors: SelectorEngine = nativeSelectors): Generator<void, FamilyDetection> {
  const facts = yield* collectFacts(doc, url, selectors);
  let best: FamilyScore | null = null;
  for (const profile of DETECTION) {
    let score = 0;
    let open = 0;
    for (const s of profile.signals) {
      if (!FROM_ELEMENTS.has(s.kind)) open += s.weight;
      else if (s.kind === 'asset' ? yield* assetSteps(s.pattern, facts) : signalHolds(s, facts)) score += s.weight;
      // A selector query is native work over the whole page (tens of milliseconds on 200 000 elements), an asset
      // pattern a search of all its asset URLs (half a megabyte on a page of 10 000 images): a piece each.
      if (s.kind === 'selector' || s.kind === 'asset') yield;
    }
    // A later family wins only with a higher score (ties go to the first).
    if (score + open < DETECTION_THRESHOLD || (best && score + open <= best.score)) continue;
    if (open) {
      // Cheapest first, and none once the rest could no longer make this family the answer (the verdict is the same
      // as with all of them): on most pages the body text is never read.
      for (const s of OPEN_SIGNALS.get(profile) ?? []) {
        if (score + open < DETECTION_THRESHOLD || (best && score + open <= best.score)) break;
        // Each may read a whole page's worth (once; the text step by step): a pause before each.
        yield;
        open -= s.weight;
        if (s.kind === 'text' && facts.text === null) facts.text = yield* bodyTextSteps(doc);
        if (signalHolds(s, facts)) score += s.weight;
      }
    }
    if (score >= DETECTION_THRESHOLD && (!best || score > best.score)) best = { family: profile.id, score };
  }
  if (!best) return { family: 'generic', confidence: 0, profile: null };
  const profile = DETECTION.find((p) => p.id === best.family) ?? null;
  // Two conclusive signs make a certainty; each further sign adds a little.
  const confidence = Math.min(1, 0.6 + 0.1 * (best.score - DETECTION_THRESHOLD));
  return { family: best.family, confidence: Math.round(confidence * 100) / 100, profile };
}

// ---------------------------------------------------------------------------------------------------------------
// Is it an article?

/** An article's address: a last segment with a serial number (not an index or list page), or a dated folder. */
const ARTICLE_PATH = /\/(?!index|list|default)[^/?]*\d{3}[^/?]*\.\w+(\?|$)|\/20\d\d[-/]?[01]\d\//i;
const SEARCH_URL = /\/(?:search|ssjg\.jsp|dosearch|_web\/_?search)|[?&](?:q|wd|kw|keyword|keywords|searchword|query)=/i;
const SEARCH_TEXT = /共(?:找到|检索到|搜索到)\s*\d+\s*(?:条|个|篇)|搜索结果|检索结果/;
const DATE_IN_ITEM = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|(?:^|\D)\d{2}-\d{2}(?:\D|$)/;
const BLOCK_TAGS = new Set(['P', 'DIV', 'TD', 'TH', 'LI', 'DD', 'DT', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'BODY', 'MAIN', 'CENTER', 'FORM']);
const SKIP_TAGS = new Set(['A', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'SELECT', 'BUTTON', 'TEXTAREA', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LABEL', 'NAV', 'HEADER', 'FOOTER']);
/**
 * Paragraphs (of at least PROSE_PARAGRAPH characters) that make a <header> or <noscript> part of the page's text: a
 * site header left unclosed swallows the whole page, some site builders wrap the post's own text in a <header>
 * "section", and a parser without scripting puts the rest of the page inside a <noscript> that holds an unclosed <div>.
 */
const PROSE_HEADER_PARAGRAPHS = 3;
const PROSE_PARAGRAPH = 40;

/** What one walk over a page's text finds. */
export interface ProseScan {
  /** Running text in the richest container, in characters (whitespace excluded). */
  length: number;
  /** That container. */
  element: Element | null;
  /** Short rows holding a link and a date (list pages have many). */
  datedItems: number;
  /** Those of them inside `element`: a list's rows are its own text, a sidebar's lie beside an article's. */
  datedInside: number;
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
  return run(scanProseSteps(root, safeDom(prop<Document>(root, 'ownerDocument'))));
}

/**
 * `from`: the part of the page to walk (by default all of it); the text found there is judged as in the whole page
 * (what hides or skips it is looked up to `root`), so its credits are a part of the whole walk's.
 */
function* scanProseSteps(root: Element, dom: SafeDom, stopAt = Infinity, from = root): Generator<void, ProseScan> {
  const doc = prop<Document>(root, 'ownerDocument');
  const closest = methodOf(root, 'closest') as Fn;
  const hasAttribute = methodOf(root, 'hasAttribute') as Fn;
  // All running text credited to blocks, in characters.
  let total = 0;
  const walker = (methodOf(doc, 'createTreeWalker') as Fn).call(doc, from, 0x4 /* NodeFilter.SHOW_TEXT */) as TreeWalker;
  const skipCache = new Map<Element, boolean>();
  // isStaticallyHidden, through the prototypes.
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
  const skipped = (el: Element | null): boolean => {
    const chain: Element[] = [];
    let result = false;
    for (let cur = el; cur && cur !== root; cur = dom.parent(cur)) {
      const known = skipCache.get(cur);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(cur);
      const tag = dom.tag(cur);
      if ((SKIP_TAGS.has(tag) && !((tag === 'HEADER' || tag === 'NOSCRIPT') && proseHeader(cur))) || hidden(cur)) {
        result = true;
        break;
      }
    }
    for (const c of chain) skipCache.set(c, result);
    return result;
  };
  const containerScore = new Map<Element, number>();
  const credit = (el: Element, amount: number): number => {
    const score = (containerScore.get(el) ?? 0) + amount;
    containerScore.set(el, score);
    return score;
  };
  const lineage = new Map<Element, { weight: number; parent: Element | null; grand: Element | null }>();
  const datedRows = new Set<Element>();
  let searchSummary = false;
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++count % STEP === 0) yield;
    const value = node.nodeValue ?? '';
    const len = value.replace(/[\s\u00a0\u3000]+/g, '').length;
    if (len < 2) continue;
    const parent = dom.parent(node);
    if (!parent) continue;
    if (len <= 40 && DATE_IN_ITEM.test(value)) {
      const row = closest.call(parent, 'li, tr, dd') as Element | null;
      if (row && !datedRows.has(row) && dom.text(row).length <= 160 && dom.all(row, 'a').length > 0) datedRows.add(row);
    }
    if (!searchSummary && len <= 80 && /[找检搜]/.test(value)) {
      const line = dom.text(parent);
      searchSummary = line.length <= 80 && SEARCH_TEXT.test(line);
    }
    if (skipped(parent)) continue;
    let block: Element | null = parent;
    while (block && !BLOCK_TAGS.has(dom.tag(block))) block = dom.parent(block);
    if (!block) continue;
    total += len;
    // A block's own text counts for itself (a body that is one long <div>), for its parent container, and half for
    // the grandparent. (Credited as the text comes, in the order of the blocks' first text, so that an early stop
    // can see the richest container so far; the sums are multiples of 1/4, exact whatever the order.)
    let up = lineage.get(block);
    if (!up) {
      const parent = dom.parent(block);
      up = { weight: dom.tag(block) === 'LI' ? 0.5 : 1, parent, grand: parent ? dom.parent(parent) : null };
      lineage.set(block, up);
    }
    const amount = len * up.weight;
    let richest = credit(block, amount);
    if (up.parent) richest = Math.max(richest, credit(up.parent, amount));
    if (up.grand) richest = Math.max(richest, credit(up.grand, amount / 2));
    if (richest >= stopAt) break;
  }
  yield;
  let best = 0;
  let element: Element | null = null;
  for (const [el, score] of containerScore) {
    if (score > best) {
      best = score;
      element = el;
    }
  }
  yield;
  const listLinks = searchSummary ? dom.all(root, 'li a, dt a, h3 a, h4 a').length : 0;
  const contains = methodOf(root, 'contains') as Fn;
  let datedInside = 0;
  if (element) for (const row of datedRows) if (contains.call(element, row)) datedInside++;
  return { length: Math.round(best), element, datedItems: datedRows.size, datedInside, listLinks, searchSummary, total };
}

/** The running text of the page's richest container (see scanProse). */
export function mainProse(root: Element): { length: number; element: Element | null } {
  const { length, element } = scanProse(root);
  return { length, element };
}

function bodyContainerText(doc: Document, dom: SafeDom, profile: ProfileDetection): number {
  for (const selector of profile.body ?? []) {
    for (const el of dom.all(doc, selector)) {
      const len = dom.text(el).replace(/\s+/g, '').length;
      if (len >= 40 || dom.all(el, 'img, table').length > 0) return len;
    }
  }
  return -1;
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
  return run(classifyPageSteps(doc, url, profile));
}

/**
 * classifyPage step by step: it yields between small pieces of work (see detectPageSteps). `quick`: the text walk
 * stops as soon as the answer is certain (a container with 8 × MIN_PROSE characters of running text, at an address
 * that is not a search): the same verdict from a partial scan, which the detector wants and the extraction cannot use.
 */
export function* classifyPageSteps(doc: Document, url: string, profile: ProfileDetection | null, quick = false): Generator<void, Classification> {
  const body = bodyOf(doc);
  if (!body) return { isArticle: false, reason: 'no body' };
  const dom = safeDom(doc);
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
    const len = bodyContainerText(doc, dom, profile);
    if (len >= 0) return { isArticle: true, reason: `${profile.id} body container (${len} chars)` };
  }
  yield;
  // Past 8 × MIN_PROSE the search rules below cannot hold unless the address is a search.
  const certain = MIN_PROSE * 8;
  if (quick && !searchUrl) {
    // The detector first walks the container of the page's longest run of paragraphs alone: its credits are a part
    // of the whole walk's, so when they reach the certain mark the whole walk would too (the same verdict), without
    // reading a portal's menus and link lists first. Otherwise the whole walk decides, as below.
    const candidate = yield* paragraphContainer(doc, dom);
    yield;
    if (candidate && (methodOf(body, 'contains') as Fn).call(body, candidate) === true) {
      const part = yield* scanProseSteps(body, dom, certain, candidate);
      if (part.length >= certain) return { isArticle: true, reason: `running text (${part.length} chars)`, scan: part };
    }
  }
  const scan = yield* scanProseSteps(body, dom, quick && !searchUrl ? certain : Infinity);
  const { length: prose, datedItems: dated } = scan;
  const results = dated + (searchUrl ? dom.all(body, 'li a, dt a, h3 a, h4 a').length : scan.listLinks);
  // A list of results is a results page when two of three hold: a search address, a "共找到 N 条" line, less than
  // 8 × MIN_PROSE of running text.
  if (results >= 5 && (searchUrl || scan.searchSummary) && ((searchUrl && scan.searchSummary) || prose < MIN_PROSE * 8)) {
    return { isArticle: false, reason: 'search results page', scan };
  }
  if (prose >= MIN_PROSE) return { isArticle: true, reason: `running text (${prose} chars)`, scan };
  // Many dated links may be a sidebar (最新公告) beside a short notice: then none of them is in the notice's own
  // container and the address is an article's. (A list's rows are the richest text of their page, or hold its blurb.)
  if (prose >= MIN_SHORT_PROSE && (dated < 8 || (prose >= 2 * MIN_SHORT_PROSE && !scan.datedInside && ARTICLE_PATH.test(path)))) {
    return { isArticle: true, reason: `short text (${prose} chars)`, scan };
  }
  return {
    isArticle: false,
    reason: dated >= 8 ? `list page (${dated} dated links, ${prose} chars of text)` : `too little text (${prose} chars)`,
    scan,
  };
}

/** Family, confidence and article-ness of a page. */
export function detectPage(doc: Document, url = ''): Detection {
  const { family, confidence, isArticle, reason } = run(detectPageSteps(doc, url));
  return { family, confidence, isArticle, reason };
}

/**
 * detectPage step by step, with the family's profile: the generator yields after every few hundred nodes, so that
 * a caller on a live page (the detector content script) can spread the work over short tasks; run to its end in
 * one go, it gives exactly detectPage's answer.
 */
export function* detectPageSteps(doc: Document, url = ''): Generator<void, Detection & { profile: ProfileDetection | null }> {
  const { family, confidence, profile } = yield* detectFamilySteps(doc, url);
  yield;
  const { isArticle, reason } = yield* classifyPageSteps(doc, url, profile, true);
  return { family, confidence, isArticle, reason, profile };
}
