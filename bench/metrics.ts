/**
 * Scoring functions of the benchmark. Pure string functions, no DOM.
 *
 * - `bagScore`: our bag-of-tokens P/R/F1. Text is NFKC-normalised (full-width letters and digits become ASCII).
 *   Every Han, Hiragana, Katakana, Bopomofo or Hangul character is one token; every other run of letters, digits
 *   and underscores (Python's `\w+`) is one token, lower-cased. Punctuation and symbols (Chinese 。，“” too) are
 *   not tokens. On text without CJK characters this is exactly WCXB's word-multiset F1.
 * - `shingleCounts` / `shingleSummary`: scrapinghub/article-extraction-benchmark's evaluate.py, ported: tokens
 *   `\w+` with case kept, 4-word shingles, per-page TP/FP/FN normalised to sum 1, precision averaged over pages
 *   with a non-empty prediction, recall over pages with a non-empty gold, F1 of the two averages.
 * - `snippetCounts`: trafilatura's count_item: whitespace-normalised, case-sensitive substring test of each
 *   `with` (TP/FN) and `without` (FP/TN) snippet; a missing extraction finds nothing. Micro-averaged by the caller.
 */

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Python's `\w` (str.isalnum or underscore): letters and numbers of any script. */
const WORD = /[\p{L}\p{N}_]+/gu;
/** Scripts written without spaces between words, or syllable blocks: one token per character. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}]/u;
const CJK_SPLIT = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}])/u;

/** Bag tokens: CJK characters one by one, other `\w+` runs lower-cased. */
export function bagTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').matchAll(WORD)) {
    const word = m[0];
    if (!CJK_CHAR.test(word)) {
      out.push(word.toLowerCase());
      continue;
    }
    for (const part of word.split(CJK_SPLIT)) {
      if (!part) continue;
      // The split isolates CJK characters, so a part with one is that character alone.
      out.push(CJK_CHAR.test(part) ? part : part.toLowerCase());
    }
  }
  return out;
}

export function countTokens(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

export function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [t, c] of small) n += Math.min(c, large.get(t) ?? 0);
  return n;
}

/** Multiset P/R/F1 of predicted against gold tokens. Empty gold and empty prediction: 1; one of them empty: 0. */
export function bagScore(predicted: string | null, gold: string): PRF {
  const p = bagTokens(predicted ?? '');
  const g = bagTokens(gold);
  if (!g.length) return p.length ? { precision: 0, recall: 0, f1: 0 } : { precision: 1, recall: 1, f1: 1 };
  if (!p.length) return { precision: 0, recall: 0, f1: 0 };
  const o = overlap(countTokens(p), countTokens(g));
  const precision = o / p.length;
  const recall = o / g.length;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Share of the gold tokens found in `text` (multiset recall). */
export function bagRecall(text: string, goldCounts: Map<string, number>, goldTotal: number): number {
  if (!goldTotal) return 1;
  return overlap(countTokens(bagTokens(text)), goldCounts) / goldTotal;
}

// ---- Zyte article-extraction-benchmark: 4-word shingles ----

export type TpFpFn = [number, number, number];

function shingles(text: string, n: number): Map<string, number> {
  const tokens = [...text.matchAll(WORD)].map((m) => m[0]);
  const out = new Map<string, number>();
  // Python: range(0, max(1, len(tokens) - n + 1)), skipping an empty shingle.
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = tokens.slice(i, i + n);
    if (!s.length) continue;
    const key = s.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Per-page TP/FP/FN over 4-word shingles, normalised to sum 1 (evaluate.py `string_shingle_matching`). */
export function shingleCounts(gold: string, predicted: string | null, n = 4): TpFpFn {
  const t = shingles(gold, n);
  const p = shingles(predicted ?? '', n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

function shinglePrecision([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function shingleRecall([tp, fp, fn]: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** Per-page shingle F1 (for ranking pages; the set figure is `shingleSummary`). */
export function shinglePageF1(c: TpFpFn): number {
  const p = shinglePrecision(c);
  const r = shingleRecall(c);
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/** evaluate.py `metrics_from_tp_fp_fns`. */
export function shingleSummary(pages: readonly TpFpFn[]): PRF {
  const ps = pages.filter(([tp, fp]) => tp + fp > 0).map(shinglePrecision);
  const rs = pages.filter(([tp, , fn]) => tp + fn > 0).map(shingleRecall);
  const precision = mean(ps);
  const recall = mean(rs);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

// ---- trafilatura snippets ----

export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** trafilatura eval_common `norm`: whitespace runs to one space, trimmed. */
export const normSpace = (text: string): string => text.replace(/\s+/gu, ' ').trim();

export function snippetCounts(result: string | null, withSnippets: readonly string[], withoutSnippets: readonly string[]): SnippetCounts {
  let tp = 0;
  let fp = 0;
  if (result !== null) {
    const r = normSpace(result);
    tp = withSnippets.filter((s) => r.includes(normSpace(s))).length;
    fp = withoutSnippets.filter((s) => r.includes(normSpace(s))).length;
  }
  return { tp, fp, fn: withSnippets.length - tp, tn: withoutSnippets.length - fp };
}

export function snippetSummary(pages: readonly SnippetCounts[]): PRF & { accuracy: number } {
  const c = pages.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 });
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const denom = 2 * c.tp + c.fp + c.fn;
  const total = c.tp + c.fp + c.fn + c.tn;
  return { precision, recall, f1: denom ? (2 * c.tp) / denom : 0, accuracy: total ? (c.tp + c.tn) / total : 0 };
}

/** Per-page share of snippet decisions that are right (for ranking pages). */
export function snippetPageScore(c: SnippetCounts): number {
  const total = c.tp + c.fp + c.fn + c.tn;
  return total ? (c.tp + c.tn) / total : 1;
}

// ---- metadata ----

/** Whitespace of every kind (NBSP, ideographic space, zero-width) collapsed, trimmed. */
export function squashSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/gu, ' ').trim();
}

export function stripSpace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff]+/gu, '');
}

/** A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the first date in the string), else null. */
export function dateKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const pad = (s: string): string => s.padStart(2, '0');
  const full = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u.exec(value);
  if (full) return `${full[1]}-${pad(full[2]!)}-${pad(full[3]!)}`;
  const month = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$/u.exec(value);
  if (month) return `${month[1]}-${pad(month[2]!)}`;
  const year = /^\s*(\d{4})\s*年?\s*$/u.exec(value);
  if (year) return year[1]!;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/** Same publication date at the gold's precision (day, or month / year when the gold has no more). */
export function sameDate(gold: string, got: string | null | undefined): boolean {
  const g = dateKey(gold);
  const o = dateKey(got);
  if (!g || !o) return false;
  return o.slice(0, g.length) === g;
}

// ---- statistics ----

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Nearest-rank quantile (q in 0..1) of an unsorted list. */
export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  if (q === 0.5 && s.length % 2 === 0) return (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[rank]!;
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);
