/**
 * `npm run bench:browser`: the extension in real Chromium (Debian's /usr/bin/chromium, the built dist/).
 *
 *   - detector cost per page load: the corpus's Chinese pages served on 127.0.0.1, each loaded under a CDP trace;
 *     the detector content script's own main-thread time is read from the trace (events whose script is
 *     detector.js), with a control load of the same page where content scripts do not run;
 *   - popup render on the seed page: popup.html?tab=ID opened as a tab, from its navigation start to the article in
 *     its DOM;
 *   - the detection's first run against a second run in the same world (the detector's detection built on its own,
 *     run in the pages' main world in a browser without the extension): how much of the detector's time is paid
 *     only because each page load is a new world;
 *   - bundle sizes of dist/.
 *
 *   npm run bench:browser                     table on stdout
 *   npm run bench:browser -- --write-md       also replace the browser section of BENCHMARKS.md
 *   npm run bench:browser -- --limit 5        at most 5 pages per set; --runs 12 popup runs
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { DIST, launch, serve, tabIdOf, type Browser, type Route } from '../test/e2e/harness';
import { awaitDetection, chromiumVersion, commitLabel, launchPlain, onlyLocal, sizes, startTrace, scriptTime, tracedDetectorLoad, writeSection, type ScriptTime } from './chromium';
import { median, quantile } from './metrics';
import { markdownTable, textTable } from './report';
import { CORPUS_DIR, setByName } from './sets';

const ROOT = resolve(import.meta.dirname, '..');
const SETS = ['seed', 'cms-zh-real', 'gne-zh', 'zh-cwced'];

const { values: opts } = parseArgs({
  options: {
    'write-md': { type: 'boolean' },
    'md-file': { type: 'string' },
    limit: { type: 'string' },
    runs: { type: 'string' },
  },
});
const limit = opts.limit ? Number(opts.limit) : Infinity;
const runs = opts.runs ? Number(opts.runs) : 12;

if (!existsSync(CORPUS_DIR)) {
  console.error(`bench:browser: corpus not found at ${CORPUS_DIR}`);
  process.exit(1);
}

const ms = (x: number): string => (!Number.isFinite(x) ? '—' : x.toFixed(x < 10 ? 2 : 1));
const kb = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

// ---- detector ----

interface PageLoad extends ScriptTime {
  set: string;
  id: string;
  reported: boolean;
  error?: string;
}

async function detectorLoads(b: Browser, page: Page, tabId: number, origin: string, paths: { set: string; id: string; path: string }[]): Promise<PageLoad[]> {
  const session = await b.context.newCDPSession(page);
  const out: PageLoad[] = [];
  for (const [i, p] of paths.entries()) {
    process.stderr.write(`\r\x1b[K[${i + 1}/${paths.length}] ${p.set} ${p.id}`.slice(0, 100));
    try {
      out.push({ set: p.set, id: p.id, ...(await tracedDetectorLoad(b, page, session, tabId, origin + p.path)) });
    } catch (e) {
      out.push({ set: p.set, id: p.id, events: 0, totalMs: NaN, longestMs: NaN, cpuMs: NaN, longestCpuMs: NaN, longestGcCpuMs: NaN, longestOwnCpuMs: NaN, parts: { evaluate: NaN, calls: NaN, resumed: NaN }, reported: false, error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    }
  }
  process.stderr.write('\n');
  await session.detach();
  return out;
}

/** The seed page put into about:blank, where no content script runs: the trace must show no detector time. */
async function controlLoad(b: Browser, page: Page, html: string): Promise<ScriptTime> {
  const session = await b.context.newCDPSession(page);
  await page.goto('about:blank');
  const trace = await startTrace(session);
  await page.setContent(html, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 1500)); // longer than the detector's idle-callback timeout
  const t = scriptTime(await trace.stop(), `chrome-extension://${b.extensionId}/detector.js`);
  await session.detach();
  return t;
}

/**
 * The floor under the detector's time: a content script that sends the same report at the same moment (an idle
 * callback after document_idle) and detects nothing. Its cost (compiling and running a script in the isolated
 * world, the extension API's first use there, the message) is what any detector pays on every page load.
 */
const FLOOR_DETECTOR = `(() => {
  const report = () => void chrome.runtime.sendMessage({ type: 'page-detected', detection: { family: 'generic', confidence: 0, isArticle: true, reason: 'floor' }, title: document.title }).catch(() => {});
  if (typeof requestIdleCallback === 'function') requestIdleCallback(report, { timeout: 1000 });
  else setTimeout(report, 0);
})();
`;

/**
 * A tab on the local server, its id, after one unmeasured load of `firstPath`: the first run of a content script in
 * a renderer includes compiling it.
 */
async function warmTab(b: Browser, origin: string, firstPath: string): Promise<{ page: Page; tabId: number }> {
  const page = await b.context.newPage();
  await onlyLocal(page, origin);
  await page.goto(`${origin}/start`);
  const tabId = await tabIdOf(b, page);
  await page.goto(`${origin}${firstPath}`);
  await awaitDetection(b, tabId);
  return { page, tabId };
}

// ---- first run and second run ----

interface FirstRun {
  /** The detection's first run after the page loaded, ms (wall: performance.now). */
  first: number;
  /** The same, run again in the same world: the mean of ten runs, ms. */
  again: number;
}

/** detectPage (src/extract/detect.ts, what the detector runs step by step) as a classic script defining __qingduBenchDetection. */
async function detectionScript(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: true, target: ['chrome121'], lib: { entry: join(ROOT, 'bench/detection-entry.ts'), formats: ['iife'], name: '__qingduBenchDetection' } },
  })) as Rollup.RollupOutput[];
  return out[0]!.output[0].code;
}

/**
 * Each page loaded in a browser without the extension, then the detection run in its main world: once, then ten
 * times again. Everything a page load starts afresh (compiling the functions and regular expressions, parsing the
 * selectors, setting up the DOM bindings of the world) is in the first run only: the detector content script, in a
 * new isolated world on every page load, always pays it.
 */
async function firstRuns(origin: string, paths: { path: string }[]): Promise<FirstRun[]> {
  const script = await detectionScript();
  const probe = `(() => {
    (0, eval)(${JSON.stringify(script)});
    const detect = __qingduBenchDetection.detectPage;
    let t = performance.now();
    detect(document, location.href);
    const first = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < 10; i++) detect(document, location.href);
    return { first, again: (performance.now() - t) / 10 };
  })()`;
  const b = await launchPlain();
  const out: FirstRun[] = [];
  try {
    const page = await b.newPage();
    await onlyLocal(page, origin);
    for (const p of paths) {
      try {
        await page.goto(origin + p.path, { waitUntil: 'load', timeout: 30_000 });
        out.push(await page.evaluate<FirstRun>(probe));
      } catch {
        /* a page that navigates itself away: left out, as in the traced loads */
      }
    }
  } finally {
    await b.close();
  }
  return out;
}

/** The same page loads with the floor detector in place of detector.js (a copy of dist/, in a browser of its own). */
async function floorLoads(origin: string, paths: { set: string; id: string; path: string }[]): Promise<PageLoad[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-floor-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'detector.js'), FLOOR_DETECTOR);
  const b = await launch({ dist: dir });
  try {
    const { page, tabId } = await warmTab(b, origin, paths[0]!.path);
    return await detectorLoads(b, page, tabId, origin, paths);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- popup ----

interface PopupRun {
  /** Navigation start of popup.html to its DOMContentLoaded end (popup.js fetched, parsed, run), ms. */
  dcl: number;
  /** Navigation start to the popup's first call into the tab (chrome.scripting.executeScript), ms. */
  asked: number;
  /** Navigation start to the answer of its last call before the article showed, ms. */
  answered: number;
  /** Navigation start to the article (title and body) in the popup's DOM, ms. */
  rendered: number;
}

/**
 * Records, in the popup, when the reader shows the article (body[data-state=article], a title, a body), and when
 * it called into the tab and heard back (chrome.scripting.executeScript, wrapped before the popup's scripts run).
 */
const RENDER_PROBE = `(() => {
  const calls = globalThis.__benchCalls = [];
  const scripting = chrome.scripting;
  const executeScript = scripting.executeScript;
  scripting.executeScript = function (...args) {
    const call = [performance.now(), NaN];
    calls.push(call);
    const done = () => { call[1] = performance.now(); };
    const last = args[args.length - 1];
    if (typeof last === 'function') args[args.length - 1] = (...r) => { done(); return last(...r); };
    const result = executeScript.apply(this, args);
    if (result && typeof result.then === 'function') result.then(done, done);
    return result;
  };
  const check = () => {
    const title = document.getElementById('title');
    const content = document.getElementById('content');
    if (document.body?.dataset.state === 'article' && title?.textContent?.trim() && content?.firstChild) {
      globalThis.__benchRendered = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

async function popupRun(b: Browser, tabId: number): Promise<PopupRun> {
  const popup = await b.context.newPage();
  await popup.addInitScript(RENDER_PROBE);
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => (globalThis as { __benchRendered?: number }).__benchRendered !== undefined, undefined, { timeout: 30_000, polling: 50 });
  const r = await popup.evaluate(() => {
    const rendered = (globalThis as unknown as { __benchRendered: number }).__benchRendered;
    const calls = (globalThis as unknown as { __benchCalls: [number, number][] }).__benchCalls.filter(([start]) => start < rendered);
    return {
      rendered,
      asked: calls.length ? calls[0]![0] : NaN,
      answered: calls.length ? Math.max(...calls.map(([, end]) => end).filter((end) => end <= rendered)) : NaN,
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    };
  });
  await popup.close();
  return r;
}

/** Cold: the seed tab just reloaded, so the popup injects the page bundle; warm: a second popup on the same load. */
async function popupRuns(b: Browser, seedPage: Page, tabId: number, n: number): Promise<{ cold: PopupRun[]; warm: PopupRun[] }> {
  const cold: PopupRun[] = [];
  const warm: PopupRun[] = [];
  // One unmeasured run: Chromium's first open of an extension page compiles its scripts.
  await popupRun(b, tabId);
  for (let i = 0; i < n; i++) {
    await seedPage.reload({ waitUntil: 'load' });
    await awaitDetection(b, tabId);
    cold.push(await popupRun(b, tabId));
    warm.push(await popupRun(b, tabId));
  }
  return { cold, warm };
}

// ---- bundles ----

/** A file and the chunks it imports (statically, transitively), and the stylesheets an HTML page links. */
function withImports(file: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string): void => {
    if (seen.has(f) || !existsSync(f)) return;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    const refs = f.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="(\.\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
      : [...text.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]!);
    for (const r of refs) visit(resolve(dirname(f), r));
  };
  visit(join(DIST, file));
  return [...seen];
}

const BUNDLES: [string, string, string][] = [
  ['detector content script', 'detector.js', 'every http(s) page'],
  ['page bundle', 'page-bundle.js', 'injected when the reader is asked for'],
  ['page export bundle', 'page-export.js', 'injected for an export from a shortcut or the menu'],
  ['popup', 'popup.html', 'popup.html + popup.js + chunks + CSS'],
  ['background', 'background.js', 'service worker + chunks'],
  ['options', 'options.html', 'options.html + options.js + chunks + CSS'],
];

// ---- report ----

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('no dist/: run npm run build first');
  const routes: Record<string, Route> = {};
  const paths: { set: string; id: string; path: string }[] = [];
  for (const set of SETS) {
    const def = setByName(set);
    for (const id of def.list().slice(0, limit)) {
      const path = `/${set}/${encodeURIComponent(id)}`;
      routes[path] = { body: def.load(id).html }; // decoded, served as UTF-8
      paths.push({ set, id, path });
    }
  }
  const seedHtml = routes[paths.find((p) => p.set === 'seed')!.path]!.body as string;
  routes['/start'] = { body: '<!DOCTYPE html><title>start</title><p>start</p>' };
  const server = await serve(routes);
  const load0 = loadavg()[0]!;
  const started = performance.now();
  const b = await launch();
  try {
    const { page, tabId } = await warmTab(b, server.origin, paths[0]!.path);
    const loads = await detectorLoads(b, page, tabId, server.origin, paths);
    const control = await controlLoad(b, page, seedHtml);

    await page.goto(`${server.origin}${paths.find((p) => p.set === 'seed')!.path}`);
    await awaitDetection(b, tabId);
    const popup = await popupRuns(b, page, tabId, runs);
    const bundles = BUNDLES.map(([name, file, what]) => ({ name, what, ...sizes(withImports(file)) }));
    const chromium = chromiumVersion(b);
    await b.close();
    // The floor in a browser of its own, after this one is closed.
    const floor = await floorLoads(server.origin, paths);
    const runsTwice = await firstRuns(server.origin, paths);
    report({ loads, control, floor, runsTwice, popup, bundles, chromium, load: [load0, loadavg()[0]!], seconds: (performance.now() - started) / 1000 });
  } finally {
    await b.close(); // again after a failure; a second close of a closed browser does nothing
    await server.close();
  }
}

interface Results {
  loads: PageLoad[];
  control: ScriptTime;
  floor: PageLoad[];
  runsTwice: FirstRun[];
  popup: { cold: PopupRun[]; warm: PopupRun[] };
  bundles: { name: string; what: string; raw: number; gzip: number }[];
  chromium: string;
  load: [number, number];
  seconds: number;
}

/** The floor's figures, as the detector's (loads with no event or no report left out the same way). */
function floorLine(floor: PageLoad[]): string {
  const ok = floor.filter((l) => !l.error && l.events > 0);
  if (!ok.length) return 'floor (a content script that only reports): no measurement';
  const med = (f: (l: PageLoad) => number): string => ms(median(ok.map(f)));
  return (
    `the floor, measured in the same run: a content script that sends the same report at the same moment and detects nothing costs ` +
    `${med((l) => l.cpuMs)} / ${med((l) => l.totalMs)} ms per page load (median thread / wall over ${ok.length} loads; evaluating it ${med((l) => l.parts.evaluate)}, ` +
    `its idle callback with the report ${med((l) => l.parts.calls)}): the rest of the detector's time is the detection`
  );
}

function firstRunLine(runs: FirstRun[]): string {
  if (!runs.length) return 'first run against a second run: no measurement';
  const first = median(runs.map((x) => x.first));
  const again = median(runs.map((x) => x.again));
  return (
    `the detection's first run against a second run in the same world (detectPage built on its own, run in the main world of each page after its load, ` +
    `in a browser without the extension; wall ms, medians over ${runs.length} pages): first ${ms(first)}, again ${ms(again)}: ` +
    `${ms(first - again)} ms of a first run is paid because the world is new (compiling the functions and regular expressions, parsing the selectors, ` +
    `the DOM bindings), and the detector content script runs in a new world on every page load`
  );
}

function report(r: Results): void {
  const loaded = r.loads.filter((l) => !l.error);
  const failed = r.loads.filter((l) => l.error);
  // A page that navigates itself away (to a host we block) ends on an error page, where the detector never runs:
  // those loads say nothing about its cost and stay out of the figures.
  const noEvents = loaded.filter((l) => l.events === 0);
  const ok = loaded.filter((l) => l.events > 0);
  const silent = ok.filter((l) => !l.reported);
  const stat = (xs: number[]): string[] => [ms(median(xs)), ms(quantile(xs, 0.95)), ms(Math.max(...xs))];
  const detHeader = ['set', 'loads', 'wall ms median / p95 / max', 'longest piece wall ms median / max', 'thread ms median / p95 / max', 'longest piece thread ms max', '> 16 ms wall / thread'];
  const detLine = (name: string, ls: PageLoad[]): string[] => [
    name,
    String(ls.length),
    stat(ls.map((l) => l.totalMs)).join(' / '),
    `${ms(median(ls.map((l) => l.longestMs)))} / ${ms(Math.max(...ls.map((l) => l.longestMs)))}`,
    stat(ls.map((l) => l.cpuMs)).join(' / '),
    ms(Math.max(...ls.map((l) => l.longestCpuMs))),
    `${ls.filter((l) => l.longestMs > 16).length} / ${ls.filter((l) => l.longestCpuMs > 16).length}`,
  ];
  const detLines = [...SETS.map((s) => detLine(s, ok.filter((l) => l.set === s))).filter((l) => l[1] !== '0'), detLine('all', ok)];
  const worst = [...ok].sort((a, b) => b.longestCpuMs - a.longestCpuMs).slice(0, 5);

  const popHeader = ['popup run', 'runs', 'DOMContentLoaded', 'first call to the tab', 'last answer from the tab', 'article rendered: median / p95 / max'];
  const popLines = (['cold', 'warm'] as const).map((k) => {
    const xs = r.popup[k];
    const med = (f: (x: PopupRun) => number): string => ms(median(xs.map(f)));
    return [k === 'cold' ? 'cold (page bundle injected)' : 'warm (bundle already in the page)', String(xs.length), med((x) => x.dcl), med((x) => x.asked), med((x) => x.answered), stat(xs.map((x) => x.rendered)).join(' / ')];
  });
  const bundleHeader = ['bundle', 'raw', 'gzip', 'what'];
  const bundleLines = r.bundles.map((x) => [x.name, kb(x.raw), kb(x.gzip), x.what]);

  const det = r.bundles[0]!;
  const medWall = median(ok.map((l) => l.totalMs));
  const medCpu = median(ok.map((l) => l.cpuMs));
  const maxWall = Math.max(...ok.map((l) => l.longestMs));
  const maxCpu = Math.max(...ok.map((l) => l.longestCpuMs));
  const popMed = median(r.popup.cold.map((x) => x.rendered));
  const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');
  const targetHeader = ['target', 'measured', 'want', 'result'];
  const targetLines = [
    ['detector per page load, median (thread / wall)', `${ms(medCpu)} / ${ms(medWall)} ms`, '≤ 2 ms', `${verdict(medCpu <= 2)} / ${verdict(medWall <= 2)}`],
    ['detector longest piece, max over pages (thread / wall)', `${ms(maxCpu)} / ${ms(maxWall)} ms`, '≤ 16 ms', `${verdict(maxCpu <= 16)} / ${verdict(maxWall <= 16)}`],
    ['popup render, seed page, cold, median', `${ms(popMed)} ms`, '≤ 150 ms', verdict(popMed <= 150)],
    ['detector content script size', kb(det.raw), '≤ 15 kB', verdict(det.raw <= 15 * 1024)],
  ];
  const checks = [
    `detector events on ${ok.length}/${loaded.length} page loads${noEvents.length ? ` (none, left out of the figures, on: ${noEvents.map((l) => `${l.set}/${l.id}`).join(', ')}: pages that send themselves to another host)` : ''}; control (the seed page in about:blank, where content scripts do not run): ${r.control.events} events, ${ms(r.control.totalMs)} ms`,
    `detector reported to the background on ${ok.length - silent.length}/${ok.length} loads${silent.length ? ` (silent: pages it leaves alone by design, such as pages with clobbering element names, or no report within 4 s: ${silent.map((l) => `${l.set}/${l.id}`).join(', ')})` : ''}`,
    ...(failed.length ? [`page loads that failed (left out): ${failed.map((l) => `${l.set}/${l.id}: ${l.error}`).join('; ')}`] : []),
    floorLine(r.floor),
    firstRunLine(r.runsTwice),
    `where the thread time goes (median per load, ms): evaluating the script ${ms(median(ok.map((l) => l.parts.evaluate)))}, its idle callback (set-up up to the first yield) ${ms(median(ok.map((l) => l.parts.calls)))}, the tasks it resumes in after each yield (the detection itself, the report to the background) ${ms(median(ok.map((l) => l.parts.resumed)))}`,
    `heaviest pages (longest piece, thread ms): ${worst.map((l) => `${l.set}/${l.id} ${ms(l.longestCpuMs)} (wall ${ms(l.longestMs)})`).join(', ')}`,
  ];
  const commit = commitLabel(ROOT);
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const head = `commit ${commit}, Chromium ${r.chromium} (headless, ${CHROMIUM_NOTE}), ${date} UTC, ${r.seconds.toFixed(0)} s; load average ${r.load[0].toFixed(1)} at start, ${r.load[1].toFixed(1)} at end (2 cores)`;

  console.log(
    [
      `Qingdu browser benchmark: ${head}`,
      '',
      textTable(targetHeader, targetLines),
      '',
      'Detector per page load (ms):',
      textTable(detHeader, detLines),
      ...checks.map((c) => `  ${c}`),
      '',
      `Popup render, seed page (${runs} runs each):`,
      textTable(popHeader, popLines),
      '',
      'Bundles (dist/):',
      textTable(bundleHeader, bundleLines),
    ].join('\n'),
  );

  if (opts['write-md']) {
    const file = resolve(opts['md-file'] ?? join(ROOT, 'BENCHMARKS.md'));
    const body = [
      'Generated by `npm run bench:browser -- --write-md` (bench/browser.ts); `npm run bench -- --write-md` keeps this section.',
      '',
      `- **Run:** ${head}.`,
      `- **Pages:** ${ok.length} loads of the Chinese corpus sets (${SETS.join(', ')}), decoded and served as UTF-8 on 127.0.0.1 (other hosts blocked), one after another in one tab.`,
      '',
      markdownTable(targetHeader, targetLines),
      '',
      '### Detector per page load',
      '',
      markdownTable(detHeader, detLines),
      '',
      ...checks.map((c) => `- ${c}`),
      '',
      '### Popup render (seed page)',
      '',
      markdownTable(popHeader, popLines),
      '',
      '### Bundles (dist/)',
      '',
      markdownTable(bundleHeader, bundleLines),
      '',
      METHOD,
    ].join('\n');
    writeSection(file, 'browser', body);
    process.stderr.write(`bench:browser: wrote the browser section of ${file}\n`);
  }
}

const CHROMIUM_NOTE = 'extension loaded from dist/';

const METHOD = `<details><summary>Method</summary>

- **Detector time.** Each page load runs under a CDP trace (categories \`devtools.timeline\`, \`v8\`; no sampling).
  The detector's time is the union, on the tab's renderer main thread, of the trace events whose script is
  \`detector.js\`: \`EvaluateScript\` / \`v8.compile\` / \`v8.run\` (the script injected at document_idle) and
  \`FunctionCall\` (its idle callback, which does the detection, and any later callback). "Longest piece" is the
  longest unbroken stretch of that: the most the detector adds to one task. _Thread_ time is the renderer thread's
  own CPU clock (\`tdur\`); _wall_ time (\`dur\`) also counts the time the thread was descheduled, which on this
  loaded 2-core machine (other benchmarks ran beside it) inflates it. Tracing itself adds to both: the same heavy
  pages traced with \`devtools.timeline\` alone (no per-wrapper \`v8\` events) showed 0-40 % less thread time, and
  still over 16 ms. The control loads the seed page's HTML into about:blank, which no content script matches: it must show 0 events.
  The _floor_: the same page loads, traced the same way, in a second browser whose copy of the extension has, in
  place of detector.js, a script that sends the same report at the same moment and detects nothing (what any
  detector pays per page load: its evaluation, the extension API's first use in the isolated world, the message).
  _First run and again_: the detection alone (\`detectPage\` from src/extract/detect.ts, built by the benchmark into
  a classic script of its own), evaluated in each page's main world after its load in a third browser without the
  extension, timed with \`performance.now()\` on its first run and as the mean of ten more runs in the same world.
  The difference is the part of a first run that a fresh JavaScript world costs (V8 compiles each function and
  regular expression on first use, Blink parses each selector once per document and sets up the DOM bindings
  of each world): the detector pays it on every page load, and it shrinks only with the code and the patterns a
  detection runs, not with a faster walk of the page.
- **Popup render.** The reader opened as a tab (\`popup.html?tab=ID\`, as the e2e tests do), with a probe
  (MutationObserver added before the page's scripts) that notes \`performance.now()\` when \`body[data-state=article]\`,
  a non-empty \`#title\` and a first node in \`#content\` are all there. The span is from the popup's navigation start
  (its time origin) to that moment: loading and running popup.js, reading settings, asking the tab through
  \`chrome.scripting\` (cold: after a reload of the seed tab, so the page bundle is injected first; warm: a second
  popup on the same page load, bundle already there), the extraction in the page, the article's transfer and its
  rendering. It does not include the later image pass. One unmeasured popup first. The phases, all from the same
  origin (ms, medians): _DOMContentLoaded_ (the page and popup.js loaded and run; for scale, a blank extension page
  without scripts, opened the same way by hand on this machine, reached it in 55-120 ms), the _first call to the tab_ and the _last answer_ before the article showed
  (\`chrome.scripting.executeScript\`, wrapped by the probe: the bundle's injection, the extraction in the page and the
  article's transfer lie between the two), then the popup's own rendering up to _article rendered_.
- **Bundles.** Raw bytes of each entry with the chunks it imports and, for HTML pages, the scripts and stylesheets
  they link; gzip is \`gzip -9\` of those files concatenated.

</details>`;

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

