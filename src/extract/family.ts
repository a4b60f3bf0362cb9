/**
 * Which CMS family built a page: each profile's signals (selectors, asset URLs, meta tags, comments, inline scripts,
 * text) scored against the page. Cheap enough for a content script on every page load: one pass over the page's
 * assets, and the costly signals read only when they could still decide.
 */
import { DETECTION, type ProfileDetection, type Signal } from './profiles/index';
import type { FamilyId } from './types';
import { bodyOf, methodOf, safeDom, type Fn, type SafeDom } from './dom-safe';
import { run, STEP } from './steps';

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

