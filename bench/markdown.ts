/** BENCHMARKS.md, written by `npm run bench -- --write-md`. The `browser` and `scale` sections are carried over unchanged. */
import {
  markdownTable,
  META_HEADER,
  MEMORY_HEADER,
  metaLines,
  memoryLines,
  readSection,
  replaceSection,
  RESULT_HEADER,
  resultLines,
  TARGET_HEADER,
  targetLines,
  workerLine,
  type Combined,
  type Row,
  type Target,
  type Worst,
} from './report';
import { SETS } from './sets';
import type { PageResult, WorkerStats } from './types';

export interface RunInfo {
  /** HEAD when the run started (the working tree measured may differ from it: see dirtyPaths, srcHash). */
  commit: string;
  /** HEAD when the run ended, when it moved during the run. */
  commitAtEnd?: string;
  /** Hash of the files under src/ when the run started (absent in runs saved before it existed). */
  srcHash?: string;
  /** Paths `git status --porcelain` listed at the start; null when git could not be asked. */
  dirtyPaths: number | null;
  date: string;
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  readability: string;
  jsdom: string;
  jobs: number;
  seconds: number;
  pages: number;
  sets: string[];
  partial: boolean;
  argv: string;
  warmupMs: number[];
  mainMaxRssKb: number;
  /** 1-minute load average at start and end of the run, 15-minute at the end. */
  loadavg: [number, number, number];
}

export interface MarkdownInput {
  info: RunInfo;
  rows: Row[];
  targets: Target[];
  combined: Combined | null;
  worst: Record<string, Worst[]>;
  workers: WorkerStats[];
  results: PageResult[];
  /** The file's current text (its browser and scale sections are kept). */
  previous: string;
}

const BROWSER_PLACEHOLDER = `_Filled by \`npm run bench:browser -- --write-md\` (\`bench/browser.ts\`): detector time in Chromium, popup
render time, bundle sizes. \`npm run bench -- --write-md\` keeps whatever is here._`;

const SCALE_PLACEHOLDER = `_Filled by \`npm run bench:scale -- --write-md\` (\`bench/scale.ts\`): the generated huge and pathological pages in
jsdom and in Chromium. \`npm run bench -- --write-md\` keeps whatever is here._`;

const METHOD = `- **Extractors.** _ours_ = \`extractArticle(document, { url })\` from \`src/extract\` (run from source with tsx);
  _vanilla_ = \`new Readability(document.cloneNode(true)).parse()\` with default options. Same @mozilla/readability
  package (ours uses it internally for pages without a known body container), same jsdom. On
  readability-testpages only, ours runs with \`force: true\` ("extract anyway"): those are Readability's unit-test
  pages, several with a few words only, and the set measures departure from Readability's output, not our
  article-or-not decision (which the Chinese sets measure).
- **One parse per page.** Each page is decoded with \`decodePage\` (\`src/cli/decode.ts\`), parsed once with
  \`new JSDOM(html, { url, virtualConsole })\` (scripts off), and both extractors run on that document. Ours clones
  internally (a copy of the page into an inert document); Readability's clone is inside its timed span. The order alternates page by page (even pages ours
  first, odd pages vanilla first).
- **Timing** is \`performance.now()\` around each call, in the worker that runs both on the page; parse time is
  not included (shown apart as "parse median"). Workers are child processes (default 2 on 2 cores); each warms up
  on two pages (3 rounds) before timing. A minor GC runs before each timed call (\`--expose-gc\`), so neither
  starts on the other's short-lived garbage; V8's own collections during a call stay in its time. "ratio" =
  median over pages of ours ms / vanilla ms; the time target uses that median over all pages of all sets.
- **Memory.** "alloc" = bytes the call allocated: V8 used-heap growth over the call plus what the collections
  during it freed (from \`v8.GCProfiler\`). "GC %" = share of the call's time V8 spent collecting. Peak RSS is each
  worker's \`process.resourceUsage().maxRSS\` (jsdom, both extractors, the page and scoring together); the heap
  high-water mark is the largest used heap seen around the calls.
- **Bag of tokens** (P/R/F1 "bag"): text NFKC-normalised; each Han, Hiragana, Katakana, Bopomofo or Hangul
  character is a token; other runs of letters/digits/underscore (Python \`\\w+\`) are tokens, lower-cased;
  punctuation (CJK punctuation included) and symbols are not tokens. Multiset precision and recall per page; the
  set figure is the mean of per-page P, R and F1 (as WCXB does; on non-CJK text the metric is WCXB's own). No
  article returned: P = R = F1 = 0. Ours is scored on \`textContent\` (title not included), vanilla on
  Readability's \`textContent\`.
- **zyte-aeb shingle-4**: the upstream evaluate.py ported (tokens \`\\w+\` case kept, 4-word shingles, per-page
  TP/FP/FN normalised to 1, precision averaged over pages with a non-empty prediction, recall over pages with a
  non-empty gold, F1 of the two averages). Upstream ran Readability.js with a fake URL; we pass the real one.
- **trafilatura-eval snippets**: upstream's count_item: whitespace-normalised, case-sensitive substring; each
  \`with\` found = TP else FN, each \`without\` found = FP else TN; no article = nothing found; summed over pages
  (micro), F1 = 2TP / (2TP + FP + FN). URL = the evaldata key.
- **Metadata.** Title, source, author, editor, category: equal after collapsing whitespace. publishedTime: same
  day (same month / year when the gold has no more; seed: exact string). Percentages count pages whose gold has a
  value; "FP" counts pages whose gold says there is none (\`null\`) but the extractor gave one. Vanilla's title is
  Readability's \`title\`, its date \`publishedTime\`, its author \`byline\`; it has no source, editor or category.
  First / last sentence (truth.json): contained in the text, whitespace ignored. cms-zh-real + gne-zh targets
  count the 10 byte-identical pages once (the combined table).
- **Pages reported apart.** Decided from the gold and the saved page only, never from an extractor's output, so
  both extractors are judged on the same pages. _script-revealed_: under half of the gold is in visible markup
  (outside \`<script>\`, \`<template>\`, and elements hidden by the \`hidden\` attribute or an inline
  \`display:none\` / \`visibility:hidden\`), but 80 % or more is in the page once those count (a script shows or
  renders it at run time, so jsdom scores badly where a browser would not). _not-in-html_: under half of the gold
  is anywhere in the saved page. For snippet / sentence gold the same rule applies to the snippets. CSS classes
  that hide a container are not seen (no stylesheet cascade). Targets are read on the "static" row (the set
  without these pages); each target line also gives the all-pages figure.
- **Known quirks.** Readability's \`textContent\` is the DOM's text with no separator between elements, so it
  joins words where the markup has none (\`tempor<br>incididunt\` becomes one token); our \`textContent\` puts
  line breaks between blocks. This costs vanilla a little on the English bag and shingle scores, and is one reason
  it scores just under 1.0 on readability-testpages, whose expected.html was made by upstream's own harness and
  jsdom version and is pretty-printed. jsdom can fail to build a page at all (an exception from its CSS parser on a
  stylesheet value it cannot read): such pages are listed under "Pages that failed" and left out for both
  extractors.
- **Ground truth per set** (each set's SOURCE.md):
${SETS.map((s) => `  - \`${s.name}\`: ${s.gold}.`).join('\n')}`;

const fmtDirty = (n: number | null): string => (n === null ? 'unknown' : n === 0 ? 'clean working tree' : `working tree dirty (${n} paths in \`git status --porcelain\`)`);

export function renderMarkdown(x: MarkdownInput): string {
  const { info } = x;
  const pass = x.targets.filter((t) => t.pass === true).length;
  const fail = x.targets.filter((t) => t.pass === false).length;
  const lines: string[] = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push('Generated by `npm run bench -- --write-md` (bench/run.ts); do not edit by hand; the browser and scale sections come from `npm run bench:browser` and `npm run bench:scale`. Method at the end.');
  lines.push('');
  lines.push('```bash');
  lines.push('npm run bench                                  # all sets (../shared/corpus), table and targets on stdout');
  lines.push('npm run bench -- --set zh-cwced --worst        # one set (repeat --set or comma-separate), with its 10 worst pages');
  lines.push('npm run bench -- --filter 163/ --limit 20      # pages whose id contains a string; at most N per set');
  lines.push('npm run bench -- --json run.json --write-md    # per-page JSON; regenerate this file (= npm run bench:md)');
  lines.push('npm run bench -- --from-json run.json --write-md   # re-render from a saved run, no extraction');
  lines.push('```');
  lines.push('');
  lines.push(
    `- **Commit:** \`${info.commit}\`, ${fmtDirty(info.dirtyPaths)} at the start of the run` +
      (info.srcHash ? `; the code measured is src/ as it was then (content hash \`${info.srcHash}\`)` : '') +
      (info.commitAtEnd ? `; HEAD moved to \`${info.commitAtEnd}\` during the run` : ''),
  );
  lines.push(`- **Machine:** ${info.cpu}, ${info.cores} cores, ${info.ramGb.toFixed(0)} GB RAM, ${info.os}, Node ${info.node}`);
  lines.push(`- **Run:** ${info.date.slice(0, 16).replace('T', ' ')} UTC, ${info.pages} pages, ${info.jobs} worker processes, ${(info.seconds / 60).toFixed(1)} min wall time${info.partial ? ` — **partial run** (\`${info.argv}\`)` : ''}`);
  lines.push(`- **Machine load:** load average ${info.loadavg[0].toFixed(1)} (1 min) at start, ${info.loadavg[1].toFixed(1)} at end, ${info.loadavg[2].toFixed(1)} over the last 15 min, on ${info.cores} cores. Other work on the machine slows both extractors; the ratios compare them on the same page in the same process.`);
  lines.push(`- **Libraries:** @mozilla/readability ${info.readability}, jsdom ${info.jsdom} (both extractors)`);
  lines.push('');
  lines.push(`## Targets (${pass} pass, ${fail} fail)`);
  lines.push('');
  lines.push(markdownTable(TARGET_HEADER, targetLines(x.targets)));
  lines.push('');
  lines.push('## Results per set');
  lines.push('');
  lines.push('P / R / F1: bag of tokens, 4-word shingles (zyte-aeb, upstream method) or snippets (trafilatura-eval), number of scored pages in brackets. ' +
    'Title and date: % of pages whose gold has one. Times in ms per page, from the parsed document. Subsets: `all`; `static` = without the pages reported apart; `apart` = those pages; WCXB `dev` / `test` splits (static pages). cms-zh-real has no body gold.');
  lines.push('');
  lines.push(markdownTable(RESULT_HEADER, resultLines(x.rows)));
  lines.push('');
  if (x.combined) {
    lines.push(`## Metadata: cms-zh-real + gne-zh (truth.json)`);
    lines.push('');
    lines.push(`${x.combined.pages} distinct pages (byte-identical pages counted once); non-articles rejected: ${x.combined.nonArticlesRejected}/${x.combined.nonArticles}.`);
    lines.push('');
    lines.push(markdownTable(META_HEADER, metaLines(x.combined.meta)));
    lines.push('');
    for (const set of ['cms-zh-real', 'gne-zh']) {
      const row = x.rows.find((r) => r.set === set && r.subset === 'all');
      if (!row) continue;
      lines.push(`<details><summary>${set} alone (${row.pages} pages)</summary>`);
      lines.push('');
      lines.push(markdownTable(META_HEADER, metaLines(row.meta)));
      lines.push('');
      lines.push('</details>');
      lines.push('');
    }
  }
  const apart = x.results.filter((r) => r.dynamic);
  lines.push(`## Pages reported apart (${apart.length})`);
  lines.push('');
  if (apart.length) {
    const f = (r: PageResult, who: 'ours' | 'vanilla'): string => {
      const run = r[who];
      if (run.bag) return run.bag.f1.toFixed(2);
      if (run.snippets) return `${run.snippets.tp}/${run.snippets.tp + run.snippets.fn} with`;
      return run.ok ? 'article' : 'none';
    };
    lines.push(markdownTable(['set', 'page', 'kind', 'detail', 'ours', 'vanilla'], apart.map((r) => [r.set, `\`${r.id}\``, r.dynamic!.kind, r.dynamic!.detail, f(r, 'ours'), f(r, 'vanilla')])));
  } else lines.push('None.');
  lines.push('');
  const failedPages = x.results.filter((r) => r.fatal);
  if (failedPages.length) {
    lines.push(`### Pages that failed (${failedPages.length})`);
    lines.push('');
    lines.push('Left out of every figure (neither extractor could run, or the worker gave up on the page).');
    lines.push('');
    lines.push(markdownTable(['set', 'page', 'reason'], failedPages.map((r) => [r.set, `\`${r.id}\``, r.fatal!])));
    lines.push('');
  }
  lines.push('## Time and memory');
  lines.push('');
  lines.push(markdownTable(MEMORY_HEADER, memoryLines(x.rows)));
  lines.push('');
  for (const w of x.workers) lines.push(`- worker ${workerLine(w)}`);
  lines.push(`- main process (scheduling, scoring summary) peak RSS ${(info.mainMaxRssKb / 1024).toFixed(0)} MB; warm-up ${info.warmupMs.map((m) => `${(m / 1000).toFixed(1)} s`).join(', ')}`);
  lines.push('');
  lines.push('## Worst pages per set');
  lines.push('');
  lines.push('Ten lowest per set on its main measure (bag F1; shingle F1 on zyte-aeb; share of right snippet decisions on trafilatura-eval; share of metadata and sentence checks passed on cms-zh-real and gne-zh, capped by the silver F1). The "why" is generated: what was kept or lost, metadata got/want, and vanilla\'s score on the page.');
  lines.push('');
  for (const [set, list] of Object.entries(x.worst)) {
    lines.push(`### ${set}`);
    lines.push('');
    lines.push(list.length ? markdownTable(['page', 'score', 'why'], list.map((w) => [`\`${w.id}\``, w.score.toFixed(3), w.why])) : 'No page below 1.0.');
    lines.push('');
  }
  lines.push('## Browser');
  lines.push('');
  lines.push('<!-- bench:browser:begin -->');
  lines.push('<!-- bench:browser:end -->');
  lines.push('');
  lines.push('## Scale');
  lines.push('');
  lines.push('<!-- bench:scale:begin -->');
  lines.push('<!-- bench:scale:end -->');
  lines.push('');
  lines.push('## Method');
  lines.push('');
  lines.push(METHOD);
  lines.push('');
  let md = lines.join('\n');
  for (const [name, placeholder] of [['browser', BROWSER_PLACEHOLDER], ['scale', SCALE_PLACEHOLDER]] as const) {
    md = replaceSection(md, name, readSection(x.previous, name) ?? placeholder);
  }
  return md;
}
