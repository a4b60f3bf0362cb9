/**
 * Shared by the browser and scale benchmarks: the built extension in real Chromium (through test/e2e/harness.ts),
 * CDP tracing of a page load, and the main-thread time of one extension script read from the trace.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser as PlainBrowser, type CDPSession, type Page } from 'playwright-core';
import { PAGE_API_GLOBAL } from '../src/page-api';
import { CHROMIUM, CHROMIUM_ARGS, type Browser } from '../test/e2e/harness';
import { CODE_PATHS, git } from './git';
import { replaceSection } from './report';

/** A complete trace event ("X"); begin/end pairs are folded into these. */
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) clock: the time the thread actually ran, which other processes on the machine do not inflate. */
  tts?: number;
  tdur?: number;
  args?: { data?: { url?: string; scriptName?: string }; fileName?: string; name?: string };
}

// Enough to see script work on the renderer's main thread, and nothing sampled (sampling would cost CPU). A cost:
// these categories add an event per DOM wrapper created; on heavy corpus pages the detector's thread time traced
// with `devtools.timeline` alone was 0-40 % lower (noisy, same verdict against 16 ms).
const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'];

/** Starts a browser-wide trace on a CDP session; `stop()` returns its events. */
export async function startTrace(session: CDPSession): Promise<{ stop(): Promise<TraceEvent[] & { dataLoss: boolean }> }> {
  const events: TraceEvent[] = [];
  const onData = (p: { value: object[] }): void => void events.push(...(p.value as TraceEvent[]));
  session.on('Tracing.dataCollected', onData);
  await session.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      // Chromium says when its trace buffer filled and events were dropped: a trace missing the script's events
      // must say so rather than count as "no time".
      const done = new Promise<boolean>((ok) => session.once('Tracing.tracingComplete', (p: { dataLossOccurred?: boolean }) => ok(p.dataLossOccurred === true)));
      await session.send('Tracing.end');
      const dataLoss = await done;
      session.off('Tracing.dataCollected', onData);
      return Object.assign(events, { dataLoss });
    },
  };
}

export interface ScriptTime {
  /** Trace events attributed to the script (script evaluation, callbacks into it, V8 compile/run of it). */
  events: number;
  /** Main-thread wall time covered by those events, overlaps counted once (ms). */
  totalMs: number;
  /** The longest stretch of it without a break: its longest contribution to a single task (ms). */
  longestMs: number;
  /** The same two on the thread clock: time the thread really ran the script (ms). */
  cpuMs: number;
  longestCpuMs: number;
  /** Garbage collection inside that longest piece (thread ms): V8 collects the page's whole heap, and finishes a
   *  collection in whichever task is running when its marking is done. */
  longestGcCpuMs: number;
  /** The longest piece less the GC inside it, the most over all pieces: the detector's own work in one task. */
  longestOwnCpuMs: number;
  /** Thread time by kind, ms: the script's evaluation (compile and top level), calls into it (its idle callback),
   *  and the tasks it resumed in after a scheduler.yield. */
  parts: { evaluate: number; calls: number; resumed: number };
}

const urlOf = (e: TraceEvent): string => e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '';

interface Span {
  key: string;
  start: number;
  end: number;
}

/** Sum and longest of the union of intervals, per thread, and its pieces. */
function union(spans: Span[]): { total: number; longest: number; pieces: Span[] } {
  spans.sort((a, b) => (a.key === b.key ? a.start - b.start : a.key < b.key ? -1 : 1));
  let total = 0;
  let longest = 0;
  const pieces: Span[] = [];
  let cur: Span | null = null;
  const close = (c: Span): void => {
    total += c.end - c.start;
    longest = Math.max(longest, c.end - c.start);
    pieces.push(c);
  };
  for (const s of spans) {
    if (cur && s.key === cur.key && s.start <= cur.end) cur.end = Math.max(cur.end, s.end);
    else {
      if (cur) close(cur);
      cur = { ...s };
    }
  }
  if (cur) close(cur);
  return { total: total / 1000, longest: longest / 1000, pieces };
}

/** V8's and Blink's garbage collection (the page's whole heap: its DOM and every world's objects). */
const GC_EVENT = /^(?:MajorGC|MinorGC|V8\.GC|BlinkGC|CppGC)/;

/** GC events on the thread clock. */
function gcSpans(events: TraceEvent[]): Span[] {
  return events.filter((e) => e.ph === 'X' && e.tts !== undefined && e.tdur !== undefined && GC_EVENT.test(e.name)).map((e) => ({ key: `${e.pid}:${e.tid}`, start: e.tts!, end: e.tts! + e.tdur! }));
}

/**
 * The longest unbroken GC pause (thread ms) on a renderer main thread of a trace: what the page's own heap costs
 * it, for comparison with a GC that lands inside one of the detector's tasks.
 */
export function longestRendererGc(events: TraceEvent[]): number {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return union(gcSpans(events).filter((s) => main.has(s.key))).longest;
}

/**
 * Time the script at `scriptUrl` spent on any thread (in practice the page's renderer main thread). Nested events
 * (v8.run inside EvaluateScript) are merged into intervals, so nothing counts twice.
 *
 * The detector resumes after each `scheduler.yield()` in a task whose trace events name no script (a
 * RunYieldContinuation, then the microtask that runs its code, inside one RunTask): each such task on the script's
 * thread after its first event counts whole, GC it caused included. (Counted as the detector's: a page of its own
 * that used scheduler.yield would be counted too; the benchmark pages do not.)
 */
export function scriptTime(events: TraceEvent[], scriptUrl: string): ScriptTime {
  const open = new Map<string, TraceEvent[]>();
  const wall: Span[] = [];
  const cpu: Span[] = [];
  const add = (key: string, b: TraceEvent, dur: number, tdur: number | undefined): void => {
    wall.push({ key, start: b.ts, end: b.ts + dur });
    if (b.tts !== undefined && tdur !== undefined) cpu.push({ key, start: b.tts, end: b.tts + tdur });
  };
  const first = events.filter((e) => e.ph === 'X' && urlOf(e).startsWith(scriptUrl)).sort((a, b) => a.ts - b.ts)[0];
  const resumed = events.filter((e) => e.name === 'RunYieldContinuation' && first && e.pid === first.pid && e.tid === first.tid && e.ts >= first.ts);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined && first && e.pid === first.pid && e.tid === first.tid);
  const parts = { evaluate: 0, calls: 0, resumed: 0 };
  for (const task of tasks) {
    if (!resumed.some((c) => c.ts >= task.ts && c.ts <= task.ts + task.dur!)) continue;
    add(`${task.pid}:${task.tid}`, task, task.dur!, task.tdur);
    parts.resumed += (task.tdur ?? 0) / 1000;
  }
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined || !urlOf(e).startsWith(scriptUrl)) continue;
    if (e.name === 'EvaluateScript') parts.evaluate += e.tdur / 1000;
    else if (e.name === 'FunctionCall') parts.calls += e.tdur / 1000;
  }
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'B') {
      (open.get(key) ?? open.set(key, []).get(key)!).push(e);
    } else if (e.ph === 'E') {
      const b = open.get(key)?.pop();
      if (b && urlOf(b).startsWith(scriptUrl)) add(key, b, e.ts - b.ts, b.tts !== undefined && e.tts !== undefined ? e.tts - b.tts : undefined);
    } else if (e.ph === 'X' && e.dur !== undefined && urlOf(e).startsWith(scriptUrl)) {
      add(key, e, e.dur, e.tdur);
    }
  }
  const w = union(wall);
  const c = union(cpu);
  const gc = gcSpans(events);
  const gcIn = (piece: Span): number => union(gc.filter((g) => g.key === piece.key && g.end > piece.start && g.start < piece.end).map((g) => ({ ...g, start: Math.max(g.start, piece.start), end: Math.min(g.end, piece.end) }))).total;
  const longestPiece = c.pieces.reduce<Span | null>((a, p) => (!a || p.end - p.start > a.end - a.start ? p : a), null);
  return {
    events: wall.length,
    totalMs: w.total,
    longestMs: w.longest,
    cpuMs: c.total,
    longestCpuMs: c.longest,
    longestGcCpuMs: longestPiece ? gcIn(longestPiece) : 0,
    longestOwnCpuMs: Math.max(0, ...c.pieces.map((p) => (p.end - p.start) / 1000 - gcIn(p))),
    parts,
  };
}

/** Clears what the background stored about a tab's last detection, so that the next one can be awaited. */
export async function forgetDetection(browser: Browser, tabId: number): Promise<void> {
  await browser.worker.evaluate((id) => chrome.storage.session.remove(`tab:${id}`), tabId);
}

/** Waits until the detector reported on the tab (false when it said nothing within `timeout`). */
export async function awaitDetection(browser: Browser, tabId: number, timeout = 4000): Promise<boolean> {
  const end = Date.now() + timeout;
  for (;;) {
    const seen = await browser.worker.evaluate(async (id) => `tab:${id}` in (await chrome.storage.session.get(`tab:${id}`)), tabId);
    if (seen) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Loads a URL in `page` under a trace and returns the detector's main-thread time on that load. Waits for
 * DOMContentLoaded only (the detector runs at document_idle, after it): some corpus pages never fire `load`.
 */
export async function tracedDetectorLoad(browser: Browser, page: Page, session: CDPSession, tabId: number, url: string, timeout = 4000, loadTimeout = 30_000): Promise<ScriptTime & { reported: boolean; traceEvents: number; dataLoss: boolean; elapsedMs: number }> {
  await forgetDetection(browser, tabId);
  const trace = await startTrace(session);
  const start = performance.now();
  const loaded = page.goto(url, { waitUntil: 'domcontentloaded', timeout: loadTimeout }).then(() => awaitDetection(browser, tabId, timeout));
  // When the detector reported, its message has been handled by the background: its last callback has returned.
  // The trace is stopped whatever happened, or the next Tracing.start would fail.
  const reported = await loaded.catch((e: unknown) => e as Error);
  const elapsedMs = performance.now() - start;
  const events = await trace.stop();
  if (reported instanceof Error) throw reported;
  return { ...scriptTime(events, `chrome-extension://${browser.extensionId}/detector.js`), reported, traceEvents: events.length, dataLoss: events.dataLoss, elapsedMs };
}

export interface Extraction {
  /** Injection of page-bundle.js into the tab (executeScript round trip from the service worker), ms. */
  injectMs: number;
  /** The bundle's `extract({})` in the page, as the popup calls it (timed in the page), ms. */
  extractMs: number;
  outcome: string;
}

/**
 * What the popup asks of the page, done from the service worker the way src/platform/tab-tasks.ts does it: inject
 * page-bundle.js into the tab's isolated world, then call its `extract`. Timed in the page, so that the transfer
 * of the article back to the extension is not counted.
 */
export async function pageExtraction(browser: Browser, tabId: number): Promise<Extraction> {
  // As source text: tsx would wrap named functions in a helper (__name) that the service worker does not have.
  const inPage = `async (g) => {
    const api = Object.getOwnPropertyDescriptor(globalThis, g).value;
    const s = performance.now();
    const out = await api.extract({});
    const ms = performance.now() - s;
    const outcome = out.ok ? 'article, ' + (out.article.textContent || '').length + ' chars' : out.reason + (out.message ? ': ' + out.message : '');
    return { ms, outcome };
  }`;
  const inWorker = `(async () => {
    const t0 = performance.now();
    await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, files: ['page-bundle.js'] });
    const injectMs = performance.now() - t0;
    const [r] = await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: ${inPage}, args: [${JSON.stringify(PAGE_API_GLOBAL)}] });
    const res = r && r.result;
    return { injectMs, extractMs: res ? res.ms : NaN, outcome: res ? res.outcome : 'no result' };
  })()`;
  return browser.worker.evaluate<Extraction>(inWorker);
}

/** Raw and gzip size of files. */
export function sizes(paths: string[]): { raw: number; gzip: number } {
  const buf = Buffer.concat(paths.map((p) => readFileSync(p)));
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** Debian's Chromium without the extension, with the harness's flags otherwise: the control for a page's own costs. */
export async function launchPlain(): Promise<PlainBrowser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Loads a URL in a new tab of a browser without the extension under a trace, for as long as the same page took with
 * the extension (at least `ms`), and returns the page's longest GC pause (see longestRendererGc).
 */
export async function pageGcWithoutExtension(browser: PlainBrowser, url: string, ms: number, loadTimeout = 30_000): Promise<number> {
  const page = await browser.newPage();
  try {
    await onlyLocal(page, new URL(url).origin);
    const session = await page.context().newCDPSession(page);
    const trace = await startTrace(session);
    const loaded = page.goto(url, { waitUntil: 'domcontentloaded', timeout: loadTimeout }).then(() => new Promise((ok) => setTimeout(ok, ms)));
    const done = await loaded.catch((e: unknown) => e as Error);
    const events = await trace.stop();
    if (done instanceof Error) throw done;
    return longestRendererGc(events);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Lets the page reach only our server: corpus pages link to hosts that this machine cannot reach. */
export async function onlyLocal(page: Page, origin: string): Promise<void> {
  await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
}

/** The Chromium version, from the browser itself when Playwright exposes it. */
export function chromiumVersion(browser: Browser): string {
  return browser.context.browser()?.version() ?? 'unknown';
}

/** Short commit of the work tree, with a mark when it has uncommitted changes. */
export function commitLabel(root: string): string {
  const dirty = git(['status', '--porcelain', '--untracked-files=no', ...CODE_PATHS], root);
  return `${git(['rev-parse', '--short', 'HEAD'], root) || 'unknown'}${dirty ? ' (+ uncommitted changes)' : ''}`;
}

/**
 * Writes one `<!-- bench:NAME -->` section of BENCHMARKS.md, leaving the rest of the file as it is. A section the
 * file does not have yet goes, under its own heading, after section `after` (else at the end).
 */
export function writeSection(file: string, name: string, body: string, after?: string): void {
  let md = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const afterEnd = after ? `<!-- bench:${after}:end -->` : '';
  if (!md.includes(`<!-- bench:${name}:begin -->`) && afterEnd && md.includes(afterEnd)) {
    const heading = `## ${name[0]!.toUpperCase()}${name.slice(1)}`;
    md = md.replace(afterEnd, `${afterEnd}\n\n${heading}\n\n<!-- bench:${name}:begin -->\n<!-- bench:${name}:end -->`);
  }
  writeFileSync(file, replaceSection(md, name, body));
}
