/** BENCHMARKS.md, written by `npm run bench -- --write-md`. The `browser` and `scale` sections are carried over unchanged. */
import {
  BODY_SLACK,
  CLASS_HEADER,
  FIELD_NAMES,
  classLines,
  FAMILY_HEADER,
  familyLines,
  markdownTable,
  MEMORY_HEADER,
  memoryLines,
  readSection,
  replaceSection,
  RESULT_HEADER,
  resultLines,
  TARGET_HEADER,
  targetLines,
  workerLine,
  type Combined,
  type Figures,
} from './report';
import { BASELINE } from './baseline';
import { SETS } from './sets';
import type { MetaField, WorkerStats } from './types';

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
  /** Rule packs left out of our extractor (an ablation run). */
  without?: string[];
  argv: string;
  warmupMs: number[];
  mainMaxRssKb: number;
  /** 1-minute load average at start and end of the run, 15-minute at the end. */
  loadavg: [number, number, number];
}

export interface MarkdownInput {
  info: RunInfo;
  figures: Figures;
  workers: WorkerStats[];
  /** The file's current text (its browser and scale sections are kept). */
  previous: string;
}


/** One line per field, dev and test side by side: hits / gold values (%), and false values where the gold has none. */
function metaSideBySide(combined: Combined[]): string {
  const dev = combined.find((c) => c.split === 'dev');
  const test = combined.find((c) => c.split === 'test');
  const cell = (c: Combined | undefined, field: MetaField): [string, string] => {
    const m = c?.meta.find((x) => x.field === field);
    if (!m) return ['—', '—'];
    return [`${m.ours}/${m.n}${m.n ? ` (${((100 * m.ours) / m.n).toFixed(1)} %)` : ''}`, `${m.oursFp}/${m.nullGold}`];
  };
  const van = (c: Combined | undefined, field: MetaField): string => {
    const m = c?.meta.find((x) => x.field === field);
    return m && m.vanilla !== null ? `${m.vanilla}/${m.n}` : '—';
  };
  const fields = [...new Set([...(dev?.meta ?? []), ...(test?.meta ?? [])].map((m) => m.field))];
  return markdownTable(
    ['field', 'dev: ours', 'dev: false where none', 'test: ours', 'test: false where none', 'vanilla dev / test'],
    fields.map((f) => [FIELD_NAMES[f], ...cell(dev, f), ...cell(test, f), `${van(dev, f)} / ${van(test, f)}`]),
  );
}

const BROWSER_PLACEHOLDER = `_Filled by \`npm run bench:browser -- --write-md\` (\`bench/browser.ts\`): detector time in Chromium, popup
render time, bundle sizes. \`npm run bench -- --write-md\` keeps whatever is here._`;

const ABLATION_PLACEHOLDER = `_Filled by \`npm run bench:ablation -- --write-md\` (\`bench/ablation.ts\`): each rule pack left out in turn.
\`npm run bench -- --write-md\` keeps whatever is here._`;

const SCALE_PLACEHOLDER = `_Filled by \`npm run bench:scale -- --write-md\` (\`bench/scale.ts\`): the generated huge and pathological pages in
jsdom and in Chromium. \`npm run bench -- --write-md\` keeps whatever is here._`;

const METHOD = `- **Dev and test.** Each set is split once and for all (bench/split.ts): a page is a test page when the
  SHA-256 of its saved file, read as a number, is 0 modulo 3 (about a third); WCXB keeps its own dev/ and test/
  folders; the seed page is the product's acceptance page and always dev. Hashing the file, not its name, keeps a
  page that two sets share on the same side in both. Rules are made and tuned on dev pages only; test pages are
  run and counted, never listed (\`--worst\`, \`--filter\` and the per-page JSON hold dev pages only). Every target
  is read on test.
- **Targets.** Metadata: the test pages of cms-zh-real, gne-zh and cms-zh-dev together (a page two sets share
  counted once). Page classification: every test page of those sets (their truth says article or not).
  Body: each set's test figure at least vanilla Readability's on the same pages (not on readability-testpages,
  whose gold is Readability's own output) and no more than ${BODY_SLACK} under the baseline measured at
  \`${BASELINE.commit}\` (bench/baseline.ts), when the held-out evaluation began.
- **Page classification.** "taken right": an article returned for a page whose truth is an article, none for a
  list, home, gallery or other page; "typed right": refused and reported with the page type the truth gives
  (\`detectPage(…).pageType\`: gallery, login and error pages are \`other\`). **Family detection**: pages whose
  truth names the CMS (the seed page; cms-zh-real by folder; cms-zh-dev by the file name's prefix, \`webplus\` =
  \`sudy-webplus\`); Z-Blog and 动易 PowerEasy pages should be \`generic\`.
- **Strings that must be absent** (cms-zh-dev): navigation, footers, prev/next links and counters the truth lists
  for each article; a page's score on its set's worst-pages list counts each one still in the text as a failed
  check.
- **Extractors.** _ours_ = \`extractArticle(document, { url })\` from \`src/extract\` (run from source with tsx);
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
  const { info, figures } = x;
  const pass = figures.targets.filter((t) => t.pass === true).length;
  const fail = figures.targets.filter((t) => t.pass === false).length;
  const lines: string[] = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push('Generated by `npm run bench -- --write-md` (bench/run.ts); do not edit by hand; the browser and scale sections come from `npm run bench:browser` and `npm run bench:scale`. Method at the end.');
  lines.push('');
  lines.push('Every set is split into **dev** pages, which we look at one by one and tune on, and held-out **test** pages, seen only in aggregate (bench/split.ts: a fixed hash of the saved file; WCXB keeps its own folders). **Targets are read on test.**');
  lines.push('');
  lines.push('```bash');
  lines.push('npm run bench                                  # all sets (../shared/corpus), table and targets on stdout');
  lines.push('npm run bench -- --set zh-cwced --worst        # one set (repeat --set or comma-separate), with its 10 worst dev pages');
  lines.push('npm run bench -- --split dev --filter 163/     # dev pages whose id contains a string (test pages are never listed)');
  lines.push('npm run bench -- --json run.json --write-md    # figures and per-page JSON of dev pages; regenerate this file (= npm run bench:md)');
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
  lines.push(markdownTable(TARGET_HEADER, targetLines(figures.targets)));
  lines.push('');
  lines.push('## Results per set');
  lines.push('');
  lines.push('P / R / F1: bag of tokens, 4-word shingles (zyte-aeb, upstream method) or snippets (trafilatura-eval), number of scored pages in brackets. ' +
    'Title and date: % of pages whose gold has one. Times in ms per page, from the parsed document. Subsets: `all`; `static` = without the pages reported apart; `apart` = those pages. cms-zh-real and cms-zh-dev have no body gold.');
  lines.push('');
  lines.push(markdownTable(RESULT_HEADER, resultLines(figures.rows)));
  lines.push('');
  if (figures.combined.length) {
    lines.push('## Metadata: cms-zh-real + gne-zh + cms-zh-dev (truth.json)');
    lines.push('');
    lines.push(`Distinct pages (byte-identical pages counted once): ${figures.combined.map((c) => `${c.split} ${c.pages}`).join(', ')}. "ours" = exact values / pages whose gold has one; "false where none" = a value given where the gold says there is none / such pages.`);
    lines.push('');
    lines.push(metaSideBySide(figures.combined));
    lines.push('');
  }
  if (figures.classes.length) {
    lines.push('## Page classification');
    lines.push('');
    lines.push(`Whether each page is taken for what it is: an article returned for an article, none for a list, home, gallery or other page ("taken right"); "typed right" = refused and given the page type the truth gives. Over every page with page-type truth (the three truth sets, distinct pages): ${figures.classFigures.map((c) => `${c.split}: articles accepted ${c.accepted}/${c.articles}, non-articles rejected ${c.rejected}/${c.nonArticles}`).join('; ')}. The article sets are all articles.`);
    lines.push('');
    lines.push(markdownTable(CLASS_HEADER, classLines(figures.classes)));
    lines.push('');
  }
  if (figures.families.length) {
    lines.push('## Family detection');
    lines.push('');
    lines.push('Real pages whose truth names the CMS that built them (the seed page, cms-zh-real by folder, cms-zh-dev by file name; distinct pages). A CMS we have no profile for (Z-Blog, 动易 PowerEasy) should get `generic`.');
    lines.push('');
    lines.push(markdownTable(FAMILY_HEADER, familyLines(figures.families)));
    lines.push('');
  }
  const { apart } = figures;
  lines.push(`## Pages reported apart (${apart.dev.length} dev, ${apart.test} test)`);
  lines.push('');
  if (apart.dev.length) lines.push(markdownTable(['set', 'page', 'why', 'ours', 'vanilla'], apart.dev.map((r) => [r.set, `\`${r.id}\``, r.detail, r.ours, r.vanilla])));
  else lines.push('No dev page.');
  if (apart.test) lines.push('', `And ${apart.test} test page${apart.test === 1 ? '' : 's'} (not listed).`);
  lines.push('');
  const failed = figures.failed;
  if (failed.dev.length || failed.test) {
    lines.push(`### Pages that failed (${failed.dev.length} dev, ${failed.test} test)`);
    lines.push('');
    lines.push('Left out of every figure (neither extractor could run, or the worker gave up on the page).');
    lines.push('');
    if (failed.dev.length) lines.push(markdownTable(['set', 'page', 'reason'], failed.dev.map((r) => [r.set, `\`${r.id}\``, r.detail])));
    lines.push('');
  }
  lines.push('## Time and memory');
  lines.push('');
  lines.push(markdownTable(MEMORY_HEADER, memoryLines(figures.rows)));
  lines.push('');
  for (const w of x.workers) lines.push(`- worker ${workerLine(w)}`);
  lines.push(`- main process (scheduling, scoring summary) peak RSS ${(info.mainMaxRssKb / 1024).toFixed(0)} MB; warm-up ${info.warmupMs.map((m) => `${(m / 1000).toFixed(1)} s`).join(', ')}`);
  lines.push('');
  lines.push('## Worst dev pages per set');
  lines.push('');
  lines.push('Ten lowest dev pages per set on its main measure (bag F1; shingle F1 on zyte-aeb; share of right snippet decisions on trafilatura-eval; share of metadata and sentence checks passed on the truth sets, capped by the silver F1). The "why" is generated: what was kept or lost, metadata got/want, and vanilla\'s score on the page. Test pages are never listed.');
  lines.push('');
  for (const [set, list] of Object.entries(figures.worst)) {
    lines.push(`### ${set}`);
    lines.push('');
    lines.push(list.length ? markdownTable(['page', 'score', 'why'], list.map((w) => [`\`${w.id}\``, w.score.toFixed(3), w.why])) : 'No dev page below 1.0.');
    lines.push('');
  }
  lines.push('## Ablation: what each rule pack buys');
  lines.push('');
  lines.push('<!-- bench:ablation:begin -->');
  lines.push('<!-- bench:ablation:end -->');
  lines.push('');
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
  for (const [name, placeholder] of [['ablation', ABLATION_PLACEHOLDER], ['browser', BROWSER_PLACEHOLDER], ['scale', SCALE_PLACEHOLDER]] as const) {
    md = replaceSection(md, name, readSection(x.previous, name) ?? placeholder);
  }
  return md;
}
