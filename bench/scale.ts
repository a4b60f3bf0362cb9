/**
 * `npm run bench:scale`: the four generated pages of test/scale/pages.ts (5 MB / 100k nodes, 5000 levels deep,
 * 10k images, 50k table rows).
 *
 *   - jsdom (Node): parse, our extractArticle, vanilla Readability, peak memory and the outcome, each page in a child
 *     process of its own with a time limit, so that a pathological page cannot hang the run;
 *   - Chromium, the built extension: the detector's time on each page load (CDP trace) and the page bundle's
 *     extraction when the reader asks for the article.
 *
 *   npm run bench:scale                      table on stdout
 *   npm run bench:scale -- --write-md        also replace the scale section of BENCHMARKS.md
 *   npm run bench:scale -- --page huge       one page (huge, deep, images, table); --timeout 180 (s, per page)
 *   npm run bench:scale -- --no-browser      jsdom only (--no-jsdom: Chromium only)
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../src/extract/index';
import { DIST, launch, serve, tabIdOf } from '../test/e2e/harness';
import { deepPage, hugePage, imagesPage, tablePage } from '../test/scale/pages';
import { awaitDetection, chromiumVersion, commitLabel, launchPlain, onlyLocal, pageExtraction, pageGcWithoutExtension, tracedDetectorLoad, writeSection, type Extraction, type ScriptTime } from './chromium';
import { markdownTable, textTable } from './report';

const ROOT = resolve(import.meta.dirname, '..');
const URL_BASE = 'http://127.0.0.1/scale/';

const PAGES: Record<string, { what: string; html: () => string }> = {
  huge: { what: 'hugePage(5): ≈ 5 MB, ≈ 100k nodes', html: () => hugePage(5) },
  deep: { what: 'deepPage(): 5000 nested divs', html: () => deepPage() },
  images: { what: 'imagesPage(): 10k images', html: () => imagesPage() },
  table: { what: 'tablePage(): 50k table rows', html: () => tablePage() },
};

// ---- the child: one page in jsdom ----

type Phase = 'parse' | 'ours' | 'vanilla';
type ChildMessage = { phase: Phase; ms: number; cpuMs: number; outcome: string } | { phase: 'memory'; maxRssKb: number; heapUsedBytes: number };

/** CPU time of this process since `from` (all its threads, GC included), ms: what other load on the machine inflates least. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

/** An extractor's result in a few words; a stack overflow is named as such. */
function outcomeOf(run: () => { textContent?: string | null } | null): { ms: number; cpuMs: number; outcome: string } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    const a = run();
    return { ms: performance.now() - t0, cpuMs: cpuSince(c0), outcome: a ? `article, ${a.textContent?.length ?? 0} chars` : 'null' };
  } catch (e) {
    const ms = performance.now() - t0;
    const overflow = e instanceof RangeError && /call stack/i.test(e.message);
    return { ms, cpuMs: cpuSince(c0), outcome: `${overflow ? 'STACK OVERFLOW' : 'error'}: ${e instanceof Error ? e.message.slice(0, 120) : String(e)}` };
  }
}

function child(name: string): void {
  const send = (m: ChildMessage): void => void process.send!(m);
  let heap = 0;
  const sample = (): void => void (heap = Math.max(heap, process.memoryUsage().heapUsed));
  const html = PAGES[name]!.html();
  const url = `${URL_BASE}${name}.html`;
  globalThis.gc?.();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  send({ phase: 'parse', ms: performance.now() - t0, cpuMs: cpuSince(c0), outcome: `${(Buffer.byteLength(html) / 1024 ** 2).toFixed(1)} MB, ${doc.getElementsByTagName('*').length} elements` });
  sample();
  globalThis.gc?.();
  send({ phase: 'ours', ...outcomeOf(() => extractArticle(doc, { url })) });
  sample();
  globalThis.gc?.();
  send({ phase: 'vanilla', ...outcomeOf(() => new Readability(doc.cloneNode(true) as Document).parse()) });
  sample();
  send({ phase: 'memory', maxRssKb: process.resourceUsage().maxRSS, heapUsedBytes: heap });
  process.disconnect();
}

// ---- the parent ----

interface Timing {
  ms: number;
  cpuMs: number;
  outcome: string;
}

interface JsdomResult {
  page: string;
  parse?: Timing;
  ours?: Timing;
  vanilla?: Timing;
  maxRssKb?: number;
  heapUsedBytes?: number;
  /** Set when the child did not finish: a time-out or a crash. */
  failure?: string;
}

function runChild(name: string, timeoutMs: number): Promise<JsdomResult> {
  return new Promise((done) => {
    const result: JsdomResult = { page: name };
    const execArgv = [...process.execArgv];
    if (!execArgv.some((a) => a.includes('tsx'))) execArgv.push('--import', 'tsx');
    execArgv.push('--expose-gc');
    const proc = fork(fileURLToPath(import.meta.url), ['--child', name], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => {
      result.failure = `timed out after ${timeoutMs / 1000} s`;
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.on('message', (m: ChildMessage) => {
      if (m.phase === 'memory') {
        result.maxRssKb = m.maxRssKb;
        result.heapUsedBytes = m.heapUsedBytes;
      } else result[m.phase] = { ms: m.ms, cpuMs: m.cpuMs, outcome: m.outcome };
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!result.failure && (code !== 0 || !result.vanilla)) result.failure = `child exited (${signal ?? code})`;
      done(result);
    });
  });
}

interface BrowserResult {
  page: string;
  detector?: ScriptTime & { reported: boolean; traceEvents: number; dataLoss: boolean; elapsedMs: number };
  /** The page's longest GC pause in a browser without the extension (thread ms). */
  controlGcMs?: number;
  extraction?: Extraction;
  failure?: string;
}

/** `p`, or a failure after `ms`; the timer is cleared either way (a pending one kept the process alive for minutes). */
const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
};

async function runBrowser(names: string[], timeoutMs: number): Promise<{ results: BrowserResult[]; chromium: string }> {
  const routes = Object.fromEntries(names.map((n) => [`/scale/${n}.html`, { body: PAGES[n]!.html() }]));
  routes['/start'] = { body: '<!DOCTYPE html><title>start</title><p>start</p>' };
  const server = await serve(routes);
  const b = await launch();
  const results: BrowserResult[] = [];
  try {
    for (const name of names) {
      // A tab per page, so that a page that wedges its renderer does not take the next one with it.
      const page = await b.context.newPage();
      await onlyLocal(page, server.origin);
      await page.goto(`${server.origin}/start`);
      const tabId = await tabIdOf(b, page);
      // The start page's own report first: arriving late (its detector runs when the page is idle), it ended the
      // next trace before the heavy page's detector had run (rows with no detector event in the trace).
      await awaitDetection(b, tabId);
      const session = await b.context.newCDPSession(page);
      const r: BrowserResult = { page: name };
      try {
        // The detector's report is awaited as long as the page load may take: on a 5 MB page under load,
        // document_idle, the idle callback and the sliced scan come long after DOMContentLoaded, and a trace stopped
        // before the report sees only the detector's first pieces.
        const load = tracedDetectorLoad(b, page, session, tabId, `${server.origin}/scale/${name}.html`, timeoutMs, timeoutMs);
        r.detector = await within(load, 2 * timeoutMs + 5000, 'page load');
        r.extraction = await within(pageExtraction(b, tabId), timeoutMs, 'extraction');
      } catch (e) {
        r.failure = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
      results.push(r);
      process.stderr.write(`bench:scale: Chromium ${name} done\n`);
      await session.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
    const version = chromiumVersion(b);
    await b.close();
    // The control: each page again in Chromium without the extension, traced as long as its load with it took.
    const plain = await launchPlain();
    try {
      for (const r of results) {
        if (!r.detector) continue;
        r.controlGcMs = await within(pageGcWithoutExtension(plain, `${server.origin}/scale/${r.page}.html`, Math.max(1000, r.detector.elapsedMs), timeoutMs), 2 * timeoutMs + 5000, 'control load').catch(() => undefined);
        process.stderr.write(`bench:scale: control ${r.page} done\n`);
      }
    } finally {
      await plain.close();
    }
    return { results, chromium: version };
  } finally {
    await b.close();
    await server.close();
  }
}

/**
 * Whether the detector's longest piece, less the GC that V8 ran inside it, is over 16 ms (thread clock; the wall
 * clock, which the machine's load inflates, is said when it alone is over).
 */
function ownWork(d: ScriptTime): string {
  const own = d.longestOwnCpuMs;
  if (own > 16) return `yes (${ms(own)} ms)`;
  if (d.longestCpuMs > 16) return `no (${ms(own)} ms; GC made the piece ${ms(d.longestCpuMs)} ms)`;
  return d.longestMs > 16 ? `no (${ms(own)} ms; wall ${ms(d.longestMs)} ms)` : `no (${ms(own)} ms)`;
}

const ms = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(x < 10 ? 2 : 0));
const mb = (bytes: number | undefined): string => (bytes === undefined ? '—' : (bytes / 1024 ** 2).toFixed(0));

async function main(): Promise<void> {
  const { values: opts } = parseArgs({
    options: {
      'write-md': { type: 'boolean' },
      'md-file': { type: 'string' },
      page: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      'no-browser': { type: 'boolean' },
      'no-jsdom': { type: 'boolean' },
    },
  });
  const names = opts.page?.flatMap((p) => p.split(',')) ?? Object.keys(PAGES);
  for (const n of names) if (!PAGES[n]) throw new Error(`unknown page ${n}; pages: ${Object.keys(PAGES).join(', ')}`);
  const timeoutMs = (opts.timeout ? Number(opts.timeout) : 180) * 1000;
  const load0 = loadavg()[0]!;
  const started = performance.now();

  // One child at a time: the timings are of one page alone, and the machine is shared.
  const jsdom: JsdomResult[] = [];
  if (!opts['no-jsdom']) {
    for (const n of names) {
      jsdom.push(await runChild(n, timeoutMs));
      process.stderr.write(`bench:scale: jsdom ${n} done\n`);
    }
  }
  let chromium = '';
  let browser: BrowserResult[] = [];
  if (!opts['no-browser']) {
    if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('no dist/: run npm run build first');
    ({ results: browser, chromium } = await runBrowser(names, timeoutMs));
  }

  const jsHeader = ['page', 'parse ms wall / CPU', 'ours ms wall / CPU', 'vanilla ms wall / CPU', 'ours / vanilla (CPU)', 'peak RSS MB', 'heap used MB', 'ours outcome', 'vanilla outcome'];
  const jsLines = jsdom.map((r) => [
    r.page,
    `${ms(r.parse?.ms)} / ${ms(r.parse?.cpuMs)}`,
    `${ms(r.ours?.ms)} / ${ms(r.ours?.cpuMs)}`,
    `${ms(r.vanilla?.ms)} / ${ms(r.vanilla?.cpuMs)}`,
    r.ours && r.vanilla ? `${(r.ours.cpuMs / r.vanilla.cpuMs).toFixed(2)} ×` : '—',
    r.maxRssKb ? (r.maxRssKb / 1024).toFixed(0) : '—',
    mb(r.heapUsedBytes),
    r.ours?.outcome ?? r.failure ?? '—',
    r.vanilla?.outcome ?? r.failure ?? '—',
  ]);
  const pageLines = names.map((n) => {
    const r = jsdom.find((x) => x.page === n);
    return [n, PAGES[n]!.what, r?.parse?.outcome ?? '—'];
  });
  const brHeader = ['page', 'detector events of all trace events', 'detector ms thread / wall', 'longest piece ms thread / wall', 'of it GC (thread)', 'page\'s longest GC without Qingdu (thread)', 'detector\'s own work > 16 ms', 'reported', 'bundle injection ms', 'extraction ms (in page)', 'outcome'];
  const brLines = browser.map((r) => {
    const d = r.detector;
    return [
      r.page,
      d ? `${d.events} of ${d.traceEvents}${d.dataLoss ? ' (Chromium dropped trace events)' : ''}` : '—',
      d ? `${ms(d.cpuMs)} / ${ms(d.totalMs)}` : '—',
      d ? `${ms(d.longestCpuMs)} / ${ms(d.longestMs)}` : '—',
      d ? ms(d.longestGcCpuMs) : '—',
      ms(r.controlGcMs),
      // A report with no detector event in the trace is a gap in the trace, not a detector that took no time.
      d ? (d.events === 0 ? 'unknown' : ownWork(d)) : '—',
      d ? (d.reported ? 'yes' : 'no') : '—',
      ms(r.extraction?.injectMs),
      ms(r.extraction?.extractMs),
      r.extraction?.outcome ?? r.failure ?? '—',
    ];
  });
  const huge = jsdom.find((r) => r.page === 'huge');
  const hugeTotal = huge?.parse && huge.ours ? huge.parse.cpuMs + huge.ours.cpuMs : undefined;
  const goal = huge
    ? hugeTotal === undefined
      ? `5 MB page under 2 s in jsdom: DOES NOT HOLD here: ${huge.parse ? `parse alone took ${ms(huge.parse.ms)} ms (${ms(huge.parse.cpuMs)} ms CPU), then ` : ''}extractArticle did not finish (${huge.failure ?? 'incomplete'})`
      : `5 MB page under 2 s in jsdom: parse ${ms(huge.parse!.cpuMs)} ms + extractArticle ${ms(huge.ours!.cpuMs)} ms CPU = ${ms(hugeTotal)} ms: ${hugeTotal <= 2000 ? 'HOLDS' : 'DOES NOT HOLD'}` +
        ` (extractArticle alone ${huge.ours!.cpuMs <= 2000 ? 'within' : 'over'} 2 s)`
    : null;
  const overflowed = (who: string, outcomes: [string, string | undefined][]): string => {
    const pages = outcomes.filter(([, o]) => /STACK OVERFLOW|Maximum call stack/i.test(o ?? '')).map(([p]) => p);
    return `${who} ${pages.length ? `on ${pages.join(', ')}` : 'none'}`;
  };
  const overflow = [
    overflowed('ours (jsdom)', jsdom.map((r) => [r.page, r.ours?.outcome])),
    overflowed('ours (Chromium)', browser.map((r) => [r.page, r.extraction?.outcome])),
    overflowed('vanilla Readability (jsdom)', jsdom.map((r) => [r.page, r.vanilla?.outcome])),
  ].join('; ');
  const head = `commit ${commitLabel(ROOT)}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${chromium ? `, Chromium ${chromium}` : ''}, Node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${load0.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (2 cores)`;
  const notes = [
    ...(goal ? [goal] : []),
    `stack overflows: ${overflow}`,
    ...jsdom.filter((r) => r.failure).map((r) => `jsdom ${r.page}: ${r.failure}`),
    ...browser.filter((r) => r.failure).map((r) => `Chromium ${r.page}: ${r.failure}`),
  ];

  const out = [`Qingdu scale benchmark: ${head}`, '', textTable(['page', 'what', 'size'], pageLines)];
  if (jsdom.length) out.push('', 'jsdom (Node), one child process per page:', textTable(jsHeader, jsLines));
  if (browser.length) out.push('', 'Chromium, the built extension:', textTable(brHeader, brLines));
  out.push('', ...notes.map((n) => `  ${n}`));
  console.log(out.join('\n'));

  if (opts['write-md']) {
    const file = resolve(opts['md-file'] ?? join(ROOT, 'BENCHMARKS.md'));
    const body = [
      'Generated by `npm run bench:scale -- --write-md` (bench/scale.ts); `npm run bench -- --write-md` keeps this section.',
      '',
      `- **Run:** ${head}.`,
      ...notes.map((n) => `- ${n}`),
      '',
      markdownTable(['page', 'what', 'size'], pageLines),
      '',
      ...(jsdom.length ? ['### jsdom (Node)', '', markdownTable(jsHeader, jsLines), ''] : []),
      ...(browser.length ? ['### Chromium', '', markdownTable(brHeader, brLines), ''] : []),
      METHOD,
    ].join('\n');
    writeSection(file, 'scale', body, 'browser');
    process.stderr.write(`bench:scale: wrote the scale section of ${file}\n`);
  }
}

const METHOD = `<details><summary>Method</summary>

- **jsdom.** Each page runs in a child process of its own (tsx, \`--expose-gc\`, default V8 stack and heap), one
  at a time, killed after the time limit (a time-out is reported as such). In it: the page is generated (not
  timed), parsed with \`new JSDOM(html, { url })\` (_parse_), then \`extractArticle(document, { url })\` (_ours_),
  then \`new Readability(document.cloneNode(true)).parse()\` (_vanilla_, the clone inside its time), a GC before
  each. Each step has its wall time and the child's CPU time (\`process.cpuUsage\`, all its threads): on a loaded
  machine the wall time grows with the load, the CPU time much less; the ratio and the 2 s goal use CPU time. _Peak RSS_ is the child's \`maxRSS\`; _heap used_ is the largest \`heapUsed\` sampled after each step. The
  outcome is the article's text length, \`null\`, or the error (a stack overflow is named).
- **Chromium.** The built extension in Debian's Chromium, each page served on 127.0.0.1 and loaded in a new tab
  under a CDP trace; the detector's time is read from the trace as in the browser section (thread clock / wall
  clock; the longest unbroken piece is its most in one task). V8 collects the page's whole heap (its DOM, every
  world's objects) and finishes a collection in whichever task is running when its marking is done, so a page's
  own major GC can land inside one of the detector's tasks: _of it GC_ is the GC thread time inside the longest
  piece, and the verdict on 16 ms is on the detector's _own work_ (each piece less the GC inside it, the most over
  the pieces). The control: after the extension's runs, each page again in the same Chromium without the extension,
  traced from navigation for as long as its load with the extension took (at least 1 s); _page's longest GC
  without Qingdu_ is the longest unbroken GC on a renderer main thread there. Then, as the reader does when asked (see
  src/platform/tab-tasks.ts), the service worker injects page-bundle.js into the tab's isolated world with
  \`chrome.scripting.executeScript\` (_bundle injection_: that round trip, timed in the worker) and calls its
  \`extract({})\`, timed inside the page (_extraction_, without the article's transfer back).

</details>`;

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) child(process.argv[childIndex + 1]!);
else
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
