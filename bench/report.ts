/**
 * From per-page results to figures: per-set rows, the issue's targets (PASS/FAIL), the worst pages with a short
 * automatic "why", and their rendering as a plain-text table (stdout) and as BENCHMARKS.md.
 *
 * BENCHMARKS.md has named sections between `<!-- bench:NAME:begin -->` / `<!-- bench:NAME:end -->` markers. This
 * benchmark rewrites the whole file but carries over the `browser` and `scale` sections unchanged, which
 * bench/browser.ts and bench/scale.ts fill with `replaceSection(md, name, body)` and `markdownTable(...)`.
 */
import { mean, median, quantile, shinglePageF1, shingleSummary, snippetPageScore, snippetSummary, type PRF } from './metrics';
import { BASELINE } from './baseline';
import { SPLITS, type Split } from './split';
import type { BodyMetric, MetaField, PageResult, WorkerStats } from './types';

// ---- figures ----

export interface BodyFigure {
  metric: Exclude<BodyMetric, 'none'>;
  n: number;
  ours: PRF;
  vanilla: PRF;
}

export interface MetaFigure {
  field: MetaField;
  /** Pages whose gold has a value. */
  n: number;
  ours: number;
  /** null: Readability has no such field. */
  vanilla: number | null;
  /** Pages whose gold says there is no value. */
  nullGold: number;
  /** Of those, pages where the extractor still gave one. */
  oursFp: number;
  vanillaFp: number | null;
}

export interface TimeFigure {
  n: number;
  oursMedian: number;
  oursP95: number;
  vanillaMedian: number;
  vanillaP95: number;
  /** Median over pages of ours/vanilla time. */
  medianRatio: number;
  parseMedian: number;
  /** Bytes allocated per call. */
  allocOursMedian: number;
  allocOursP95: number;
  allocVanillaMedian: number;
  allocVanillaP95: number;
  /** Share of the extraction time V8 spent collecting garbage. */
  gcShareOurs: number;
  gcShareVanilla: number;
}

export interface Row {
  set: string;
  split: Split;
  /** `all`, `static` (pages reported apart left out) or `apart`. */
  subset: string;
  pages: number;
  bodies: BodyFigure[];
  meta: MetaFigure[];
  time: TimeFigure;
  oursNone: number;
  vanillaNone: number;
  oursErrors: number;
  vanillaErrors: number;
  fatal: number;
  /** Pages whose gold says they are not articles, and of those how many we rejected (returned null). */
  nonArticles: number;
  nonArticlesRejected: number;
}

const prfMean = (xs: PRF[]): PRF => ({ precision: mean(xs.map((x) => x.precision)), recall: mean(xs.map((x) => x.recall)), f1: mean(xs.map((x) => x.f1)) });

export function bodyFigures(pages: PageResult[], metric: BodyMetric): BodyFigure[] {
  const out: BodyFigure[] = [];
  const withBag = pages.filter((p) => p.ours.bag && p.vanilla.bag);
  if (withBag.length) out.push({ metric: 'bag', n: withBag.length, ours: prfMean(withBag.map((p) => p.ours.bag!)), vanilla: prfMean(withBag.map((p) => p.vanilla.bag!)) });
  const withShingle = pages.filter((p) => p.ours.shingle && p.vanilla.shingle);
  if (metric === 'shingle' && withShingle.length) {
    out.push({ metric: 'shingle', n: withShingle.length, ours: shingleSummary(withShingle.map((p) => p.ours.shingle!)), vanilla: shingleSummary(withShingle.map((p) => p.vanilla.shingle!)) });
  }
  const withSnippets = pages.filter((p) => p.ours.snippets && p.vanilla.snippets);
  if (withSnippets.length) {
    out.push({ metric: 'snippet', n: withSnippets.length, ours: snippetSummary(withSnippets.map((p) => p.ours.snippets!)), vanilla: snippetSummary(withSnippets.map((p) => p.vanilla.snippets!)) });
  }
  return out;
}

const META_FIELDS: MetaField[] = ['title', 'publishedTime', 'source', 'author', 'editor', 'category', 'firstSentence', 'lastSentence'];

export function metaFigures(pages: PageResult[]): MetaFigure[] {
  const out: MetaFigure[] = [];
  for (const field of META_FIELDS) {
    const checks = pages.flatMap((p) => p.meta.filter((m) => m.field === field));
    if (!checks.length) continue;
    const valued = checks.filter((c) => c.gold !== null);
    const nulls = checks.filter((c) => c.gold === null);
    const hasVanilla = checks.some((c) => c.vanillaHit !== null);
    out.push({
      field,
      n: valued.length,
      ours: valued.filter((c) => c.oursHit).length,
      vanilla: hasVanilla ? valued.filter((c) => c.vanillaHit).length : null,
      nullGold: nulls.length,
      oursFp: nulls.filter((c) => !c.oursHit).length,
      vanillaFp: hasVanilla ? nulls.filter((c) => c.vanillaHit === false).length : null,
    });
  }
  return out;
}

export function timeFigure(pages: PageResult[]): TimeFigure {
  const timed = pages.filter((p) => !p.fatal && !p.ours.error && !p.vanilla.error);
  const ours = timed.map((p) => p.ours.ms);
  const vanilla = timed.map((p) => p.vanilla.ms);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  return {
    n: timed.length,
    oursMedian: median(ours),
    oursP95: quantile(ours, 0.95),
    vanillaMedian: median(vanilla),
    vanillaP95: quantile(vanilla, 0.95),
    medianRatio: median(timed.filter((p) => p.vanilla.ms > 0).map((p) => p.ours.ms / p.vanilla.ms)),
    parseMedian: median(timed.map((p) => p.parseMs)),
    allocOursMedian: median(timed.map((p) => p.ours.alloc)),
    allocOursP95: quantile(timed.map((p) => p.ours.alloc), 0.95),
    allocVanillaMedian: median(timed.map((p) => p.vanilla.alloc)),
    allocVanillaP95: quantile(timed.map((p) => p.vanilla.alloc), 0.95),
    gcShareOurs: sum(timed.map((p) => p.ours.gcMs)) / sum(ours),
    gcShareVanilla: sum(timed.map((p) => p.vanilla.gcMs)) / sum(vanilla),
  };
}

export function makeRow(set: string, split: Split, subset: string, pages: PageResult[], metric: BodyMetric): Row {
  const articles = pages.filter((p) => !p.notArticle && !p.fatal);
  const nonArticles = pages.filter((p) => p.notArticle);
  return {
    set,
    split,
    subset,
    pages: pages.length,
    bodies: bodyFigures(pages, metric),
    meta: metaFigures(pages),
    time: timeFigure(pages),
    oursNone: articles.filter((p) => !p.ours.ok).length,
    vanillaNone: articles.filter((p) => !p.vanilla.ok).length,
    oursErrors: pages.filter((p) => p.ours.error && !p.fatal).length,
    vanillaErrors: pages.filter((p) => p.vanilla.error && !p.fatal).length,
    fatal: pages.filter((p) => p.fatal).length,
    nonArticles: nonArticles.length,
    nonArticlesRejected: nonArticles.filter((p) => !p.ours.ok).length,
  };
}

/**
 * Rows of one set, per split: all its pages; without the pages reported apart, and those alone (when there are
 * any).
 */
export function setRows(set: string, metric: BodyMetric, pages: PageResult[]): Row[] {
  const rows: Row[] = [];
  for (const split of SPLITS) {
    const part = pages.filter((p) => p.split === split);
    if (!part.length) continue;
    rows.push(makeRow(set, split, 'all', part, metric));
    const apart = part.filter((p) => p.dynamic);
    if (apart.length) {
      rows.push(makeRow(set, split, 'static', part.filter((p) => !p.dynamic), metric));
      rows.push(makeRow(set, split, 'apart', apart, metric));
    }
  }
  return rows;
}

/** The row a set's headline figures come from, on one split: pages reported apart left out. */
export const headline = (rows: Row[], set: string, split: Split = 'test'): Row | undefined =>
  rows.find((r) => r.set === set && r.split === split && r.subset === 'static') ?? rows.find((r) => r.set === set && r.split === split && r.subset === 'all');

/** The sets whose hand truth gives metadata and page types (each a real page a person read). */
export const TRUTH_SETS = ['cms-zh-real', 'gne-zh', 'cms-zh-dev'] as const;

/** Pages of some sets, a page that two sets share (byte-identical) counted once, in the order of the sets. */
export function distinctPages(results: readonly PageResult[], sets: readonly string[]): PageResult[] {
  const seen = new Set<string>();
  const out: PageResult[] = [];
  for (const set of sets) {
    for (const p of results.filter((r) => r.set === set)) {
      if (p.contentHash && seen.has(p.contentHash)) continue;
      seen.add(p.contentHash);
      out.push(p);
    }
  }
  return out;
}

export interface Combined {
  split: Split;
  /** cms-zh-real + gne-zh + cms-zh-dev, byte-identical pages counted once. */
  meta: MetaFigure[];
  pages: number;
  nonArticles: number;
  nonArticlesRejected: number;
}

/** The metadata figures of the truth sets together, one per split. */
export function combineTruthSets(results: readonly PageResult[]): Combined[] {
  const out: Combined[] = [];
  for (const split of SPLITS) {
    const pages = distinctPages(results.filter((r) => r.split === split), TRUTH_SETS);
    if (!pages.length) continue;
    const non = pages.filter((p) => p.notArticle);
    out.push({ split, meta: metaFigures(pages), pages: pages.length, nonArticles: non.length, nonArticlesRejected: non.filter((p) => !p.ours.ok).length });
  }
  return out;
}

// ---- classification and family detection ----

export interface ClassRow {
  set: string;
  split: Split;
  /** `all` or a page type the gold gives. */
  kind: string;
  pages: number;
  /** Pages taken as what the gold says they are: articles returned, non-articles refused. */
  right: number;
  /** Of the non-articles refused, those our detection calls the same page type. */
  typed: number | null;
}

/** Per set and split: articles accepted, and non-articles rejected per page type. */
export function classificationRows(results: readonly PageResult[], sets: readonly string[]): ClassRow[] {
  const rows: ClassRow[] = [];
  for (const set of sets) {
    for (const split of SPLITS) {
      const pages = results.filter((r) => r.set === set && r.split === split && !r.fatal && r.pageType);
      if (!pages.length) continue;
      const kinds = [...new Set(pages.map((p) => p.pageType!))].sort((a, b) => (a === 'article' ? -1 : b === 'article' ? 1 : a.localeCompare(b)));
      for (const kind of kinds) {
        const of = pages.filter((p) => p.pageType === kind);
        const right = of.filter((p) => (kind === 'article' ? p.ours.ok : !p.ours.ok));
        const typed = kind === 'article' ? null : right.filter((p) => p.detected?.pageType === kind).length;
        rows.push({ set, split, kind, pages: of.length, right: right.length, typed });
      }
    }
  }
  return rows;
}

export interface ClassFigure {
  split: Split;
  articles: number;
  accepted: number;
  nonArticles: number;
  rejected: number;
}

/** Over every distinct page with page-type truth (the truth sets), per split. */
export function classificationFigures(results: readonly PageResult[]): ClassFigure[] {
  return SPLITS.map((split) => {
    const pages = distinctPages(results.filter((r) => r.split === split && !r.fatal), TRUTH_SETS);
    const arts = pages.filter((p) => !p.notArticle);
    const non = pages.filter((p) => p.notArticle);
    return { split, articles: arts.length, accepted: arts.filter((p) => p.ours.ok).length, nonArticles: non.length, rejected: non.filter((p) => !p.ours.ok).length };
  }).filter((f) => f.articles + f.nonArticles > 0);
}

export interface FamilyRow {
  split: Split;
  /** Pages whose truth names a family we have a profile for. */
  known: number;
  right: number;
  wrong: number;
  missed: number;
  /** Pages whose truth names a family we have no profile for, and of those how many we gave a known family. */
  other: number;
  otherClaimed: number;
}

/** Family detection on real pages whose truth names the family (distinct pages), per split. */
export function familyRows(results: readonly PageResult[]): FamilyRow[] {
  return SPLITS.map((split) => {
    const pages = distinctPages(results.filter((r) => r.split === split && !r.fatal && r.familyGold && r.detected), ['seed', ...TRUTH_SETS]);
    const known = pages.filter((p) => p.familyGold !== 'generic');
    const other = pages.filter((p) => p.familyGold === 'generic');
    return {
      split,
      known: known.length,
      right: known.filter((p) => p.detected!.family === p.familyGold).length,
      wrong: known.filter((p) => p.detected!.family !== p.familyGold && p.detected!.family !== 'generic').length,
      missed: known.filter((p) => p.detected!.family === 'generic').length,
      other: other.length,
      otherClaimed: other.filter((p) => p.detected!.family !== 'generic').length,
    };
  }).filter((r) => r.known + r.other > 0);
}

// ---- targets ----

export interface Target {
  label: string;
  value: string;
  want: string;
  /** null: the set was not part of this run. */
  pass: boolean | null;
  detail: string;
}

const pct = (a: number, n: number): string => (n ? `${((100 * a) / n).toFixed(1)} %` : '—');
const pages = (n: number): string => `${n} page${n === 1 ? '' : 's'}`;
/** Target values get four decimals, so a miss by less than 0.0005 does not print as the threshold. */
const f4 = (x: number): string => x.toFixed(4);
const f3 = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(3));

function bodyOf(row: Row | undefined, metric: BodyFigure['metric']): BodyFigure | undefined {
  return row?.bodies.find((b) => b.metric === metric);
}

/** The body measure each set is judged on, and whether vanilla Readability is the bar (not on its own test pages). */
const BODY_TARGETS: { set: string; metric: BodyFigure['metric']; vsVanilla: boolean }[] = [
  { set: 'zh-cwced', metric: 'bag', vsVanilla: true },
  { set: 'gne-zh', metric: 'bag', vsVanilla: true },
  { set: 'zyte-aeb', metric: 'shingle', vsVanilla: true },
  { set: 'wcxb-articles', metric: 'bag', vsVanilla: true },
  { set: 'trafilatura-eval', metric: 'snippet', vsVanilla: true },
  { set: 'readability-testpages', metric: 'bag', vsVanilla: false },
];

/** How far under the baseline a test figure may fall. */
export const BODY_SLACK = 0.005;

/** Metadata targets on the test split of the truth sets. */
const META_TARGETS: [MetaField, number, string][] = [
  ['title', 0.98, 'title exact'],
  ['publishedTime', 0.97, 'publishedTime (day)'],
  ['source', 0.92, 'source exact'],
  ['author', 0.85, 'author exact'],
  ['editor', 0.9, 'editor exact'],
];

export function targets(rows: Row[], results: PageResult[]): Target[] {
  const out: Target[] = [];
  const notRun = (label: string, want: string): Target => ({ label, value: '—', want, pass: null, detail: 'set or split not in this run' });

  // Acceptance: the seed page (always dev: it is the product's first target, tuned on by design).
  const seedRow = headline(rows, 'seed', 'dev');
  const seedBody = bodyOf(seedRow, 'bag');
  if (seedBody) out.push({ label: 'seed (acceptance): body F1', value: f4(seedBody.ours.f1), want: '≥ 0.99', pass: seedBody.ours.f1 >= 0.99, detail: `vanilla ${f3(seedBody.vanilla.f1)}` });
  else out.push(notRun('seed (acceptance): body F1', '≥ 0.99'));
  if (seedRow) {
    const fields = seedRow.meta.filter((m) => ['title', 'publishedTime', 'source', 'category'].includes(m.field));
    const misses = fields.filter((m) => m.ours < m.n).map((m) => m.field);
    const hits = fields.filter((m) => m.ours === m.n).length;
    out.push({ label: 'seed (acceptance): title, date, source, category exact', value: `${hits}/${fields.length}`, want: '4/4', pass: hits === 4 && fields.length === 4, detail: misses.length ? `wrong: ${misses.join(', ')}` : 'all exact' });
  } else out.push(notRun('seed (acceptance): title, date, source, category exact', '4/4'));

  // Metadata on the held-out pages of the three truth sets.
  const combined = combineTruthSets(results);
  const test = combined.find((c) => c.split === 'test');
  const dev = combined.find((c) => c.split === 'dev');
  for (const [field, min, name] of META_TARGETS) {
    const label = `test, cms-zh-real + gne-zh + cms-zh-dev: ${name}`;
    const m = test?.meta.find((x) => x.field === field);
    if (!test || !m) {
      out.push(notRun(label, `≥ ${min * 100} %`));
      continue;
    }
    const d = dev?.meta.find((x) => x.field === field);
    out.push({
      label,
      value: pct(m.ours, m.n),
      want: `≥ ${min * 100} %`,
      pass: m.n > 0 && m.ours / m.n >= min,
      detail: `${m.ours}/${m.n} (${test.pages} distinct pages); ${m.oursFp}/${m.nullGold} false positives where the gold has none${d ? `; dev ${pct(d.ours, d.n)}` : ''}`,
    });
  }

  // Page classification over every page with page-type truth.
  const classes = classificationFigures(results);
  const ct = classes.find((c) => c.split === 'test');
  const cd = classes.find((c) => c.split === 'dev');
  if (ct) {
    out.push({
      label: 'test, page-type truth: non-articles rejected',
      value: pct(ct.rejected, ct.nonArticles),
      want: '≥ 95 %',
      pass: ct.nonArticles > 0 && ct.rejected / ct.nonArticles >= 0.95,
      detail: `${ct.rejected}/${ct.nonArticles}${cd ? `; dev ${cd.rejected}/${cd.nonArticles}` : ''}`,
    });
    out.push({
      label: 'test, page-type truth: articles accepted',
      value: pct(ct.accepted, ct.articles),
      want: '≥ 98 %',
      pass: ct.articles > 0 && ct.accepted / ct.articles >= 0.98,
      detail: `${ct.accepted}/${ct.articles}${cd ? `; dev ${cd.accepted}/${cd.articles}` : ''}`,
    });
  } else {
    out.push(notRun('test, page-type truth: non-articles rejected', '≥ 95 %'));
    out.push(notRun('test, page-type truth: articles accepted', '≥ 98 %'));
  }

  // Body text on every test split: at least vanilla's, and no more than BODY_SLACK under the baseline.
  for (const { set, metric, vsVanilla } of BODY_TARGETS) {
    const b = bodyOf(headline(rows, set, 'test'), metric);
    const base = BASELINE.body[set]?.test;
    const label = `test, ${set}: body ${metric === 'bag' ? 'F1' : `${metric} F1`}`;
    if (!b) {
      out.push(notRun(label, vsVanilla ? '≥ vanilla' : `≥ baseline − ${BODY_SLACK}`));
      continue;
    }
    const floor = Math.max(vsVanilla ? b.vanilla.f1 : -Infinity, base !== undefined ? base - BODY_SLACK : -Infinity);
    const wants = [vsVanilla ? `≥ vanilla ${f4(b.vanilla.f1)}` : null, base !== undefined ? `≥ ${f4(base - BODY_SLACK)}` : null].filter(Boolean).join(', ');
    const devB = bodyOf(headline(rows, set, 'dev'), metric);
    out.push({
      label,
      value: f4(b.ours.f1),
      want: wants,
      pass: b.ours.f1 >= floor,
      detail: `${pages(b.n)}${base !== undefined ? `; baseline ${f4(base)} at ${BASELINE.commit}` : ''}${devB ? `; dev ${f4(devB.ours.f1)} (vanilla ${f3(devB.vanilla.f1)})` : ''}`,
    });
  }

  const gnePages = results.filter((r) => r.set === 'gne-zh' && r.split === 'test' && !r.notArticle);
  if (gnePages.length) {
    const hit = (who: 'oursHit' | 'vanillaHit') => gnePages.filter((p) => {
      const s = p.meta.filter((m) => m.field === 'firstSentence' || m.field === 'lastSentence');
      return s.length > 0 && s.every((m) => m[who]);
    }).length;
    out.push({ label: 'test, gne-zh: first and last sentence present', value: `${hit('oursHit')}/${gnePages.length}`, want: 'all pages', pass: hit('oursHit') === gnePages.length, detail: `vanilla ${hit('vanillaHit')}/${gnePages.length}` });
  } else out.push(notRun('test, gne-zh: first and last sentence present', 'all pages'));

  const timed = results.filter((p) => !p.fatal && !p.ours.error && !p.vanilla.error && p.vanilla.ms > 0);
  if (timed.length) {
    const ratio = median(timed.map((p) => p.ours.ms / p.vanilla.ms));
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    const total = sum(timed.map((p) => p.ours.ms)) / sum(timed.map((p) => p.vanilla.ms));
    out.push({ label: 'time: ours / vanilla, median over all pages', value: `${ratio.toFixed(2)} ×`, want: '≤ 1.2 ×', pass: ratio <= 1.2, detail: `${pages(timed.length)}; total time ratio ${total.toFixed(2)} ×` });
  }
  return out;
}

// ---- worst pages ----

export interface Worst {
  id: string;
  score: number;
  why: string;
}

const clip = (s: string | null | undefined, n = 30): string => {
  if (s === null || s === undefined) return 'null';
  const t = s.replace(/\s+/g, ' ').trim();
  return `«${t.length > n ? `${t.slice(0, n)}…` : t}»`;
};

/** The page's score on its set's main measure (0..1, 1 = perfect). */
export function pageScore(p: PageResult, metric: BodyMetric): number {
  if (p.fatal) return 0;
  if (p.notArticle) return p.ours.ok ? 0 : 1;
  if (metric === 'none' || p.set === 'gne-zh') {
    const checks = p.meta;
    const passed = checks.filter((c) => c.oursHit).length + (p.absent ? p.absent.n - p.absent.ours : 0);
    const total = checks.length + (p.absent?.n ?? 0);
    const share = total ? passed / total : 1;
    return p.ours.bag ? Math.min(share, p.ours.bag.f1) : share;
  }
  if (metric === 'shingle' && p.ours.shingle) return shinglePageF1(p.ours.shingle);
  if (metric === 'snippet' && p.ours.snippets) return snippetPageScore(p.ours.snippets);
  return p.ours.bag?.f1 ?? 1;
}

export const FIELD_NAMES: Record<MetaField, string> = {
  title: 'title',
  publishedTime: 'date',
  source: 'source',
  author: 'author',
  editor: 'editor',
  category: 'category',
  firstSentence: 'first sentence',
  lastSentence: 'last sentence',
};

export function why(p: PageResult, metric: BodyMetric): string {
  const parts: string[] = [];
  if (p.fatal) return p.fatal;
  if (p.dynamic) parts.push(`${p.dynamic.kind}: ${p.dynamic.detail}`);
  if (p.ours.error) parts.push(`extractor threw ${clip(p.ours.error, 60)}`);
  if (p.notArticle && p.ours.ok) parts.push('an article returned for a page that is not one');
  if (!p.notArticle && !p.ours.ok && !p.ours.error) parts.push(`no article returned${p.vanilla.ok ? ` (vanilla found ${p.vanilla.chars} chars)` : ' (vanilla neither)'}`);
  const b = p.ours.bag;
  if (p.ours.ok && b) {
    if (b.precision < 0.9) parts.push(`low precision ${b.precision.toFixed(2)}: extra text kept${p.ours.kept ? ` ${clip(p.ours.kept, 40)}` : ''}`);
    if (b.recall < 0.9) parts.push(`low recall ${b.recall.toFixed(2)}: body lost${p.ours.lost ? ` ${clip(p.ours.lost, 40)}` : ''}`);
    if (b.precision >= 0.9 && b.recall >= 0.9 && b.f1 < 0.999) {
      const hint = p.ours.kept ? `, kept ${clip(p.ours.kept, 40)}` : p.ours.lost ? `, lost ${clip(p.ours.lost, 40)}` : '';
      parts.push(`P ${b.precision.toFixed(2)} R ${b.recall.toFixed(2)}${hint}`);
    }
  }
  if (p.ours.ok && metric === 'snippet' && p.ours.snippets) {
    const s = p.ours.snippets;
    if (s.fn) parts.push(`missed ${s.fn} with-snippet(s)${p.ours.lost ? ` ${clip(p.ours.lost, 40)}` : ''}`);
    if (s.fp) parts.push(`kept ${s.fp} boilerplate snippet(s)${p.ours.kept ? ` ${clip(p.ours.kept, 40)}` : ''}`);
  }
  if (p.absent?.ours) parts.push(`kept ${p.absent.ours} of ${p.absent.n} strings that must be absent`);
  for (const m of p.meta.filter((c) => !c.oursHit)) {
    if (m.field === 'firstSentence' || m.field === 'lastSentence') parts.push(`${FIELD_NAMES[m.field]} missing ${clip(m.gold, 20)}`);
    else parts.push(`${FIELD_NAMES[m.field]}: got ${clip(m.ours)} want ${clip(m.gold)}`);
  }
  const vb = p.vanilla.bag;
  if (metric === 'shingle' && p.vanilla.shingle) parts.push(`vanilla shingle F1 ${shinglePageF1(p.vanilla.shingle).toFixed(2)}`);
  else if (metric === 'snippet' && p.vanilla.snippets) parts.push(`vanilla ${snippetPageScore(p.vanilla.snippets).toFixed(2)}`);
  else if (vb) parts.push(`vanilla F1 ${vb.f1.toFixed(2)}`);
  if (p.note) parts.push(p.note);
  return parts.join('; ');
}

export function worstPages(pages: PageResult[], metric: BodyMetric, n = 10): Worst[] {
  return pages
    .map((p) => ({ id: p.id, score: pageScore(p, metric), why: why(p, metric) }))
    .filter((w) => w.score < 0.999)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, n);
}

// ---- rendering ----

const ms = (x: number): string => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const mb = (bytes: number): string => (Number.isNaN(bytes) ? '—' : `${(bytes / 1048576).toFixed(1)}`);
const prf = (x: PRF | undefined): string => (x ? `${f3(x.precision)} / ${f3(x.recall)} / ${f3(x.f1)}` : '—');
const metaPct = (row: Row, field: MetaField, who: 'ours' | 'vanilla'): string => {
  const m = row.meta.find((x) => x.field === field);
  if (!m || !m.n) return '—';
  const v = who === 'ours' ? m.ours : m.vanilla;
  return v === null ? '—' : `${Math.round((100 * v) / m.n)}`;
};

export const METRIC_NAMES: Record<BodyFigure['metric'], string> = { bag: 'bag', shingle: 'shingle-4', snippet: 'snippet' };

export const RESULT_HEADER = ['set', 'split', 'subset', 'pages', 'metric', 'ours P / R / F1', 'vanilla P / R / F1', 'title % ours/van', 'date % ours/van', 'median ms ours/van', 'ratio', 'p95 ms ours/van'];

/** One table line per row and body metric (a row without body gold gets one line with its metadata). */
export function resultLines(rows: Row[]): string[][] {
  const lines: string[][] = [];
  for (const r of rows) {
    const bodies: (BodyFigure | undefined)[] = r.bodies.length ? r.bodies : [undefined];
    for (const [i, b] of bodies.entries()) {
      const t = r.time;
      lines.push([
        i === 0 ? r.set : '',
        i === 0 ? r.split : '',
        i === 0 ? r.subset : '',
        i === 0 ? String(r.pages) : '',
        b ? `${METRIC_NAMES[b.metric]} (${b.n})` : '—',
        prf(b?.ours),
        prf(b?.vanilla),
        i === 0 ? `${metaPct(r, 'title', 'ours')} / ${metaPct(r, 'title', 'vanilla')}` : '',
        i === 0 ? `${metaPct(r, 'publishedTime', 'ours')} / ${metaPct(r, 'publishedTime', 'vanilla')}` : '',
        i === 0 ? `${ms(t.oursMedian)} / ${ms(t.vanillaMedian)}` : '',
        i === 0 ? (Number.isNaN(t.medianRatio) ? '—' : `${t.medianRatio.toFixed(2)}`) : '',
        i === 0 ? `${ms(t.oursP95)} / ${ms(t.vanillaP95)}` : '',
      ]);
    }
  }
  return lines;
}

export function textTable(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmtLine = (l: string[]): string => l.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [fmtLine(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmtLine)].join('\n');
}

export function markdownTable(header: string[], lines: string[][]): string {
  const esc = (c: string): string => c.replace(/\|/g, '\\|');
  return [`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.map(esc).join(' | ')} |`)].join('\n');
}

export const TARGET_HEADER = ['target', 'ours', 'want', 'result', 'detail'];
export const targetLines = (ts: Target[]): string[][] =>
  ts.map((t) => [t.label, t.value, t.want, t.pass === null ? 'NOT RUN' : t.pass ? 'PASS' : 'FAIL', t.detail]);

export const META_HEADER = ['field', 'gold values', 'ours', 'vanilla', 'gold null', 'ours FP', 'vanilla FP'];
export function metaLines(meta: MetaFigure[]): string[][] {
  return meta.map((m) => [
    FIELD_NAMES[m.field],
    String(m.n),
    `${m.ours} (${pct(m.ours, m.n)})`,
    m.vanilla === null ? '—' : `${m.vanilla} (${pct(m.vanilla, m.n)})`,
    String(m.nullGold),
    String(m.oursFp),
    m.vanillaFp === null ? '—' : String(m.vanillaFp),
  ]);
}

export const MEMORY_HEADER = ['set', 'split', 'pages', 'alloc median MB ours/van', 'alloc p95 MB ours/van', 'GC % of time ours/van', 'parse median ms', 'no article ours/van', 'errors ours/van'];
export function memoryLines(rows: Row[]): string[][] {
  const share = (x: number): string => (Number.isNaN(x) ? '—' : `${(100 * x).toFixed(0)}`);
  return rows
    .filter((r) => r.subset === 'all')
    .map((r) => [
      r.set,
      r.split,
      String(r.pages),
      `${mb(r.time.allocOursMedian)} / ${mb(r.time.allocVanillaMedian)}`,
      `${mb(r.time.allocOursP95)} / ${mb(r.time.allocVanillaP95)}`,
      `${share(r.time.gcShareOurs)} / ${share(r.time.gcShareVanilla)}`,
      ms(r.time.parseMedian),
      `${r.oursNone} / ${r.vanillaNone}`,
      `${r.oursErrors} / ${r.vanillaErrors}${r.fatal ? ` (+${r.fatal} failed pages)` : ''}`,
    ]);
}

export const CLASS_HEADER = ['set', 'split', 'page type', 'pages', 'taken right', 'typed right'];
/** Classification lines: "taken right" = articles returned, non-articles refused; "typed right" = refused and given the gold's page type. */
export function classLines(rows: ClassRow[]): string[][] {
  return rows.map((r) => [r.set, r.split, r.kind, String(r.pages), `${r.right} (${pct(r.right, r.pages)})`, r.typed === null ? '—' : `${r.typed}`]);
}

export const FAMILY_HEADER = ['split', 'pages naming a known family', 'detected right', 'another family', 'generic (missed)', 'pages of other CMSes', 'a family claimed there'];
export function familyLines(rows: FamilyRow[]): string[][] {
  return rows.map((r) => [r.split, String(r.known), `${r.right} (${pct(r.right, r.known)})`, String(r.wrong), String(r.missed), String(r.other), String(r.otherClaimed)]);
}

export const workerLine = (w: WorkerStats): string =>
  `pid ${w.pid}: ${w.pages} pages, peak RSS ${(w.maxRssKb / 1024).toFixed(0)} MB, used-heap high-water ${mb(w.heapPeakBytes)} MB (V8 collects lazily: garbage not yet collected included)`;

/** Replaces (or appends) the body of section `name` in a markdown file's text. */
export function replaceSection(md: string, name: string, body: string): string {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${begin}\n${body.trim()}\n${end}`;
  const i = md.indexOf(begin);
  const j = md.indexOf(end);
  if (i >= 0 && j > i) return md.slice(0, i) + block + md.slice(j + end.length);
  return `${md.trimEnd()}\n\n${block}\n`;
}

/** The body of section `name`, or null. */
export function readSection(md: string, name: string): string | null {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const i = md.indexOf(begin);
  const j = md.indexOf(end);
  return i >= 0 && j > i ? md.slice(i + begin.length, j).trim() : null;
}

// ---- all figures of a run ----

/** A page listed by id (only dev pages are: test pages are seen in aggregate). */
export interface ListedPage {
  set: string;
  id: string;
  detail: string;
  ours: string;
  vanilla: string;
}

export interface Figures {
  rows: Row[];
  targets: Target[];
  combined: Combined[];
  classes: ClassRow[];
  classFigures: ClassFigure[];
  families: FamilyRow[];
  /** Dev pages only. */
  worst: Record<string, Worst[]>;
  /** Pages reported apart and pages that failed: dev ones listed, test ones counted. */
  apart: { dev: ListedPage[]; test: number };
  failed: { dev: ListedPage[]; test: number };
}

function apartScore(r: PageResult, who: 'ours' | 'vanilla'): string {
  const run = r[who];
  if (run.bag) return run.bag.f1.toFixed(2);
  if (run.snippets) return `${run.snippets.tp}/${run.snippets.tp + run.snippets.fn} with`;
  return run.ok ? 'article' : 'none';
}

/** Everything a run reports, from its per-page results. */
export function computeFigures(results: PageResult[], sets: readonly { name: string; metric: BodyMetric }[]): Figures {
  const present = sets.filter((s) => results.some((p) => p.set === s.name));
  const rows = present.flatMap((s) => setRows(s.name, s.metric, results.filter((r) => r.set === s.name)));
  const dev = results.filter((r) => r.split === 'dev');
  const test = results.filter((r) => r.split === 'test');
  return {
    rows,
    targets: targets(rows, results),
    combined: combineTruthSets(results),
    classes: classificationRows(results, present.map((s) => s.name)),
    classFigures: classificationFigures(results),
    families: familyRows(results),
    worst: Object.fromEntries(present.map((s) => [s.name, worstPages(dev.filter((r) => r.set === s.name), s.metric)])),
    apart: {
      dev: dev.filter((r) => r.dynamic).map((r) => ({ set: r.set, id: r.id, detail: `${r.dynamic!.kind}: ${r.dynamic!.detail}`, ours: apartScore(r, 'ours'), vanilla: apartScore(r, 'vanilla') })),
      test: test.filter((r) => r.dynamic).length,
    },
    failed: {
      dev: dev.filter((r) => r.fatal).map((r) => ({ set: r.set, id: r.id, detail: r.fatal!, ours: '', vanilla: '' })),
      test: test.filter((r) => r.fatal).length,
    },
  };
}
