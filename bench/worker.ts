/**
 * Benchmark worker (a child process of bench/run.ts). For each page it is sent: read and decode it, parse it once
 * with jsdom, run our `extractArticle` and vanilla Readability on that same document (order alternating by page),
 * time each from the parsed document (ours clones internally, Readability gets `cloneNode(true)` inside its timed
 * span), then score both against the gold. Timing and scoring of a page happen in this one process.
 *
 * Memory: V8's GCProfiler records the collections during each call, so the bytes a call allocates are its heap
 * growth plus what those collections freed. The time V8 spent collecting during a call is recorded too.
 */
import { createHash } from 'node:crypto';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzePage, type Analysis, type Article } from '../src/extract/index';
import type { RulePackName } from '../src/extract/types';
import { keptAndLost, snippetHints, staticness, textLayers } from './analysis';
import { bagScore, sameDate, shingleCounts, snippetCounts, squashSpace, stripSpace } from './metrics';
import { setByName } from './sets';
import type { Split } from './split';
import { failed, type FromWorker, type Gold, type LoadedPage, type MetaCheck, type MetaField, type PageRef, type PageResult, type Run, type ToWorker } from './types';

const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;

let heapPeak = 0;
const heapUsed = (): number => getHeapStatistics().used_heap_size;

interface Timed<T> {
  value: T | null;
  error: string | null;
  ms: number;
  /** Bytes allocated during the call: heap growth plus what the collections during it freed. */
  alloc: number;
  gcMs: number;
  majorGcs: number;
}

/**
 * Times one call. A minor GC first empties the young generation (cheap), so neither extractor starts on the
 * other's short-lived garbage; V8's own collections during the call stay in its time, as they would in use.
 */
function timed<T>(fn: () => T): Timed<T> {
  gc?.({ type: 'minor' });
  const profiler = new GCProfiler();
  profiler.start();
  const h0 = heapUsed();
  const t0 = performance.now();
  let value: T | null = null;
  let error: string | null = null;
  try {
    value = fn();
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const t1 = performance.now();
  const h1 = heapUsed();
  const gcs = profiler.stop().statistics;
  heapPeak = Math.max(heapPeak, h1, ...gcs.map((g) => g.beforeGC.heapStatistics.usedHeapSize));
  const freed = gcs.reduce((a, g) => a + g.beforeGC.heapStatistics.usedHeapSize - g.afterGC.heapStatistics.usedHeapSize, 0);
  return {
    value,
    error,
    ms: t1 - t0,
    alloc: h1 - h0 + freed,
    gcMs: gcs.reduce((a, g) => a + g.cost, 0) / 1000,
    majorGcs: gcs.filter((g) => g.gcType === 'MarkSweepCompact').length,
  };
}

type Vanilla = ReturnType<Readability['parse']>;

/**
 * readability-testpages measure departure from Readability's own output on Readability's unit-test pages, several
 * of which hold a few words only: there our extractor runs in its "extract anyway" mode, so that its article-or-not
 * decision (measured on the Chinese sets) does not count as a departure. Every other set uses the default.
 */
const FORCED_SETS = new Set(['readability-testpages']);
/** Rule packs left out of our extractor in this run (`npm run bench -- --without <pack>`: the ablation). */
const WITHOUT = (process.env.QINGDU_BENCH_WITHOUT ?? '').split(',').filter(Boolean) as RulePackName[];
const runOurs = (doc: Document, url: string, set = ''): Analysis => analyzePage(doc, { url, force: FORCED_SETS.has(set), without: WITHOUT });
const runVanilla = (doc: Document): Vanilla => new Readability(doc.cloneNode(true) as Document).parse();

interface Extracted {
  ok: boolean;
  text: string | null;
  title: string | null;
  publishedTime: string | null;
  author: string | null;
  source: string | null;
  editor: string | null | undefined;
  category: string | null | undefined;
}

function fromOurs(a: Article | null): Extracted {
  return {
    ok: a !== null,
    text: a?.textContent ?? null,
    title: a?.title ?? null,
    publishedTime: a?.publishedTime ?? null,
    author: a?.author ?? null,
    source: a?.source ?? null,
    editor: a?.editor ?? null,
    category: a?.category ?? null,
  };
}

function fromVanilla(r: Vanilla | null): Extracted {
  return {
    ok: r !== null && r !== undefined,
    text: r?.textContent ?? null,
    title: r?.title ?? null,
    publishedTime: r?.publishedTime ?? null,
    // Readability's only credit field is the byline.
    author: r?.byline ?? null,
    source: null,
    editor: undefined,
    category: undefined,
  };
}

function score(t: Timed<unknown>, x: Extracted, gold: Gold, metricShingle: boolean): Run {
  const run: Run = {
    ok: x.ok,
    error: t.error,
    ms: t.ms,
    alloc: t.alloc,
    gcMs: t.gcMs,
    majorGcs: t.majorGcs,
    chars: x.text ? stripSpace(x.text).length : 0,
    title: x.title,
    publishedTime: x.publishedTime,
    author: x.author,
    source: x.source,
  };
  if (gold.article === false) return run;
  if (gold.text !== undefined) {
    run.bag = bagScore(x.text, gold.text);
    if (metricShingle) run.shingle = shingleCounts(gold.text, x.text);
    if (run.bag.f1 < 0.999 && x.text) Object.assign(run, keptAndLost(x.text, gold.text));
  }
  if (gold.snippets) {
    run.snippets = snippetCounts(x.text, gold.snippets.with, gold.snippets.without);
    if (x.text) Object.assign(run, snippetHints(x.text, gold.snippets.with, gold.snippets.without));
  }
  return run;
}

const same = (a: string | null | undefined, b: string | null): boolean => (a ? squashSpace(a) : null) === (b ? squashSpace(b) : null);
const contains = (text: string | null, sentence: string): boolean => !!text && stripSpace(text).includes(stripSpace(sentence));

function metaChecks(gold: Gold, ours: Extracted, vanilla: Extracted): MetaCheck[] {
  if (gold.article === false) return [];
  const checks: MetaCheck[] = [];
  const fields: MetaField[] = ['title', 'publishedTime', 'source', 'author', 'editor', 'category'];
  for (const field of fields) {
    const g = gold[field];
    if (g === undefined) continue;
    const o = ours[field as keyof Extracted] as string | null;
    const v = vanilla[field as keyof Extracted] as string | null | undefined;
    const hit = (got: string | null | undefined): boolean => {
      if (g === null) return got === null || got === undefined || got === '';
      if (field === 'publishedTime' && !gold.exact) return sameDate(g, got);
      return same(got, g);
    };
    checks.push({ field, gold: g, ours: o, vanilla: v, oursHit: hit(o), vanillaHit: v === undefined ? null : hit(v) });
  }
  for (const field of ['firstSentence', 'lastSentence'] as const) {
    const g = gold[field];
    if (!g) continue;
    checks.push({ field, gold: g, ours: null, vanilla: null, oursHit: contains(ours.text, g), vanillaHit: contains(vanilla.text, g) });
  }
  return checks;
}

/** How many of the strings that must be absent a text still holds (whitespace ignored). */
const absentHits = (text: string | null, absent: readonly string[]): number => absent.filter((a) => contains(text, a)).length;

function processPage(ref: PageRef, split: Split, seq: number): PageResult {
  const def = setByName(ref.set);
  let page: LoadedPage;
  try {
    page = def.load(ref.id);
  } catch (e) {
    return failed(ref, split, `load failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { gold } = page;
  const t0 = performance.now();
  let dom: JSDOM;
  try {
    dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
  } catch (e) {
    // Neither extractor can run on a page jsdom cannot build (a browser would): reported as a failed page.
    return { ...failed(ref, split, `jsdom could not parse the page: ${e instanceof Error ? e.message : String(e)}`), url: page.url, bytes: page.bytes };
  }
  const parseMs = performance.now() - t0;
  const doc = dom.window.document;

  // Alternate which extractor runs first, so neither always inherits the other's warm caches or GC debt.
  const oursFirst = seq % 2 === 0;
  let tOurs: Timed<Analysis>;
  let tVanilla: Timed<Vanilla>;
  if (oursFirst) {
    tOurs = timed(() => runOurs(doc, page.url, page.ref.set));
    tVanilla = timed(() => runVanilla(doc));
  } else {
    tVanilla = timed(() => runVanilla(doc));
    tOurs = timed(() => runOurs(doc, page.url, page.ref.set));
  }
  const ours = fromOurs(tOurs.value?.article ?? null);
  const detection = tOurs.value?.detection;
  const vanilla = fromVanilla(tVanilla.value);
  const shingle = def.metric === 'shingle';
  const dynamic = staticness(gold, textLayers(doc));
  dom.window.close();

  return {
    set: ref.set,
    id: ref.id,
    split,
    ...(page.group ? { group: page.group } : {}),
    url: page.url,
    bytes: page.bytes,
    contentHash: createHash('sha1').update(page.html).digest('hex'),
    parseMs,
    oursFirst,
    ours: score(tOurs, ours, gold, shingle),
    vanilla: score(tVanilla, vanilla, gold, shingle),
    detected: detection ? { family: detection.family, isArticle: detection.isArticle, reason: detection.reason, pageType: detection.pageType } : null,
    meta: metaChecks(gold, ours, vanilla),
    notArticle: gold.article === false,
    pageType: gold.pageType ?? (gold.article === false ? 'other' : 'article'),
    familyGold: gold.family ?? null,
    ...(gold.absent?.length && gold.article !== false ? { absent: { n: gold.absent.length, ours: absentHits(ours.text, gold.absent), vanilla: absentHits(vanilla.text, gold.absent) } } : {}),
    hasBodyGold: gold.text !== undefined || gold.snippets !== undefined,
    dynamic,
    ...(gold.note ? { note: gold.note } : {}),
  };
}

/** Runs both extractors a few times on a Chinese and an English page before anything is timed (JIT, lazy init). */
function warmUp(): number {
  const t0 = performance.now();
  const refs: PageRef[] = [
    { set: 'seed', id: 'zhongqi-seed.html' },
    { set: 'readability-testpages', id: '001' },
  ];
  for (const ref of refs) {
    let page: LoadedPage;
    try {
      page = setByName(ref.set).load(ref.id);
    } catch {
      continue;
    }
    for (let i = 0; i < 3; i++) {
      const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
      try {
        runOurs(dom.window.document, page.url);
        runVanilla(dom.window.document);
      } catch {
        // measured later, per page
      }
      dom.window.close();
    }
  }
  return performance.now() - t0;
}

const send = (msg: FromWorker): void => {
  process.send?.(msg);
};

let pages = 0;
let queue: Promise<void> = Promise.resolve();
process.on('message', (msg: ToWorker) => {
  queue = queue.then(() => {
    if (msg.type === 'done') {
      send({ type: 'stats', stats: { pid: process.pid, maxRssKb: process.resourceUsage().maxRSS, heapPeakBytes: heapPeak, pages } });
      process.disconnect?.();
      return;
    }
    let result: PageResult;
    try {
      result = processPage(msg.ref, msg.split, msg.seq);
    } catch (e) {
      result = failed(msg.ref, msg.split, `page failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    pages++;
    send({ type: 'result', result });
  });
});

send({ type: 'ready', warmupMs: warmUp() });
