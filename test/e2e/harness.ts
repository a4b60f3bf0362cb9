/// <reference types="chrome" />
/**
 * Real-browser harness: the built extension (dist/) loaded into Debian's Chromium through playwright-core (no
 * browser download), test pages served on 127.0.0.1, downloads saved to a directory of our own, and the real
 * toolbar popup reached through CDP (Playwright does not list it as a page).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import type { Task } from '../../src/background';
import { TEST_HOOKS_GLOBAL } from '../../src/test-hooks';

export const DIST = resolve(import.meta.dirname, '../../dist');
/** The tests' build (`npm run build:e2e`): the release plus the hooks of src/test-hooks.ts, which dist/ never has. */
export const E2E_DIST = resolve(import.meta.dirname, '../../dist-e2e');
export const CHROMIUM = process.env.QINGDU_CHROMIUM ?? '/usr/bin/chromium';
/** Flags for Chromium as root in a container, with no traffic of its own (the benchmarks' plain browser too). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Route {
  body: string | Buffer;
  type?: string;
}

export interface TestServer {
  origin: string;
  /** Every request the server saw, in order (path only). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves fixed responses on 127.0.0.1 (a free port). Unknown paths get 404. */
export async function serve(routes: Record<string, Route>): Promise<TestServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('#')[0]!;
    requests.push(path);
    const route = routes[path] ?? routes[path.split('?')[0]!];
    if (!route) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('content-type', route.type ?? 'text/html; charset=utf-8');
    res.end(route.body);
  });
  return { ...(await listen(server)), requests };
}

/**
 * Listens on a free port of 127.0.0.1. Closing drops every connection at once: server.close() alone waits for
 * connections that carry no request, and Chromium opens such sockets ahead of use (preconnect); Node ends them
 * only at its 60 s headers time-out, and a test awaiting the close ran into its own 60 s limit in CI.
 */
async function listen(server: Server): Promise<{ origin: string; close(): Promise<void> }> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const close = (): Promise<void> =>
    new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
  return { origin: `http://127.0.0.1:${port}`, close };
}

/** The extension's service worker, as the tests use it (see `steadyWorker`). */
export interface ExtensionWorker {
  evaluate: Worker['evaluate'];
  url(): string;
  on(event: 'console', listener: (message: ConsoleMessage) => void): void;
}

export interface Browser {
  context: BrowserContext;
  worker: ExtensionWorker;
  extensionId: string;
  downloads: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension, in a fresh profile that saves downloads without asking. `dist`: the
 * unpacked extension to load (default dist/; the browser benchmark loads a variant of it).
 */
export async function launch(options: { locale?: string; dist?: string } = {}): Promise<Browser> {
  const dist = options.dist ?? DIST;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`no built extension in ${dist}: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set QINGDU_CHROMIUM)`);
  const profile = mkdtempSync(join(tmpdir(), 'qingdu-e2e-'));
  const downloads = join(profile, 'downloads');
  mkdirSync(join(profile, 'Default'), { recursive: true });
  mkdirSync(downloads);
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale ?? 'zh-CN',
    // Chromium on Linux takes its interface language (the extension's i18n locale) from LANGUAGE, and needs
    // Debian's chromium-l10n for any language but en-US.
    env: { ...process.env, LANGUAGE: (options.locale ?? 'zh-CN').replace('-', '_') },
    acceptDownloads: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Chromium stops an idle extension service worker after 30 s. An extension API call every 10 s keeps it alive
  // for the tests' evaluations; should it stop all the same, steadyWorker starts it again.
  const keepAlive = setInterval(() => void worker.evaluate(() => chrome.runtime.getPlatformInfo()).catch(() => undefined), 10_000);
  keepAlive.unref();
  return {
    context,
    worker: steadyWorker(context, worker, extensionId),
    extensionId,
    downloads,
    close: () => {
      clearInterval(keepAlive);
      return context.close();
    },
  };
}

/**
 * The service worker with an `evaluate` that survives the worker being stopped. Playwright keeps one Worker object
 * across a stop and a restart, and an evaluation begun while the worker is stopped waits until something starts
 * it again: a test waiting on such an evaluation hung until its time-out (seen in CI under load, although the
 * keep-alive above had run). So an evaluation still pending after a few seconds starts the worker through CDP
 * (ServiceWorker.startWorker, from a page's session: no page is opened or brought to the front) and says so on
 * stderr; an evaluation that is merely slow is left alone by this, as starting a running worker does nothing.
 */
function steadyWorker(context: BrowserContext, worker: Worker, extensionId: string): ExtensionWorker {
  let session: { page: Page; cdp: CDPSession } | undefined;
  const start = async (): Promise<void> => {
    if (!session || session.page.isClosed()) {
      const page = context.pages().find((p) => !p.isClosed()) ?? (await context.newPage());
      session = { page, cdp: await context.newCDPSession(page) };
      await session.cdp.send('ServiceWorker.enable');
    }
    await session.cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionId}/` });
  };
  const evaluate = (async (fn: unknown, arg?: unknown) => {
    const evaluation = worker.evaluate(fn as never, arg as never);
    let pending = true;
    const watch = (async () => {
      for (let waited = 5; pending; waited += 5) {
        await new Promise((r) => setTimeout(r, 5000).unref());
        if (!pending) return;
        const what = String(fn).replace(/\s+/g, ' ').slice(0, 100);
        process.stderr.write(`[e2e] a service worker evaluation has been pending ${waited} s, starting the worker: ${what}\n`);
        await start().catch((e: unknown) => process.stderr.write(`[e2e] could not start the service worker: ${String(e)}\n`));
      }
    })();
    try {
      return await evaluation;
    } finally {
      pending = false;
      void watch;
    }
  }) as Worker['evaluate'];
  return {
    evaluate,
    url: () => worker.url(),
    on: (event, listener) => void worker.on(event, listener),
  };
}

/** What a command or a task answers (background.ts: runTask). */
export interface TaskResult {
  ok: boolean;
  message: string;
}

/**
 * Runs a keyboard command (`command`) or a context-menu task on a tab, through the handler the browser calls (the
 * e2e build's hook: a headless browser cannot press its shortcuts or click its menu).
 */
export function runInWorker(browser: Browser, tabId: number, work: { command: string } | { task: Task }): Promise<TaskResult> {
  return browser.worker.evaluate(
    async ({ id, hooks, work }) => {
      const tab = await chrome.tabs.get(id);
      const q = (globalThis as unknown as Record<string, { runCommand(c: string, t: chrome.tabs.Tab): Promise<TaskResult>; runTask(t: chrome.tabs.Tab, task: Task): Promise<TaskResult> }>)[hooks]!;
      return 'command' in work ? q.runCommand(work.command, tab) : q.runTask(tab, work.task);
    },
    { id: tabId, hooks: TEST_HOOKS_GLOBAL, work },
  );
}

/** Opens a page of the test server in a new tab; with the tab's id, as the extension sees it. */
export async function openPage(browser: Browser, server: TestServer, path: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(server.origin + path);
  return { page, tabId: await tabIdOf(browser, page) };
}

/** Every flavour on the clipboard (text/plain, text/html …), as a page reads it back. */
export function clipboardFlavours(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const out: Record<string, string> = {};
    for (const type of item!.types) out[type] = await (await item!.getType(type)).text();
    return out;
  });
}

/** Lets downloads keep the file name the extension gives (Playwright's own handling would rename them). */
export async function keepDownloadNames(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Browser.setDownloadBehavior', { behavior: 'default' });
}

/** The tab id of a page, as the extension sees it. */
export async function tabIdOf(browser: Browser, page: Page): Promise<number> {
  const url = page.url();
  const id = await browser.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** Waits until a condition computed in the service worker holds. */
export async function waitInWorker<T>(browser: Browser, fn: (arg: number) => Promise<T>, arg: number, done: (value: T) => boolean, timeout = 8000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await browser.worker.evaluate(fn, arg);
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await browser.worker.evaluate(fn, arg);
  }
  return value;
}

/** Opens the reader as a tab for a given page tab (popup.html?tab=ID). */
export async function openReaderTab(browser: Browser, tabId: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', undefined, { timeout: 15000 });
  return page;
}

/** Waits for a file to appear, complete, in the downloads directory. */
export async function waitForDownload(dir: string, name: RegExp, timeout = 10000): Promise<string> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const file = readdirSync(dir).find((f) => name.test(f) && !f.endsWith('.crdownload'));
    if (file && statSync(join(dir, file)).size > 0) return join(dir, file);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download matching ${name} in ${dir}: ${readdirSync(dir).join(', ')}`);
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * The real action popup, opened as a click on the toolbar button would open it, reached through CDP: evaluates an
 * expression in it and can take a screenshot.
 */
export class ActionPopup {
  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
  ) {}

  static async open(browser: Browser, anchor: Page): Promise<ActionPopup> {
    await browser.worker.evaluate(() => chrome.action.openPopup());
    const session = await browser.context.newCDPSession(anchor);
    const end = Date.now() + 10000;
    for (;;) {
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string; type: string }[] };
      const target = targetInfos.find((t) => t.url.startsWith(`chrome-extension://${browser.extensionId}/popup.html`));
      if (target) {
        const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
        return new ActionPopup(session, sessionId);
      }
      if (Date.now() > end) throw new Error('the action popup did not open');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private nextId = 1;

  /** Sends a CDP command to the popup (through the deprecated but working sendMessageToTarget). */
  private send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolvePromise, reject) => {
      const onMessage = (event: { sessionId: string; message: string }): void => {
        if (event.sessionId !== this.sessionId) return;
        const message = JSON.parse(event.message) as { id?: number; result?: T; error?: { message: string } };
        if (message.id !== id) return;
        this.session.off('Target.receivedMessageFromTarget', onMessage);
        if (message.error) reject(new Error(message.error.message));
        else resolvePromise(message.result as T);
      };
      this.session.on('Target.receivedMessageFromTarget', onMessage);
      void this.session.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    });
  }

  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.send<{ result: { value: T }; exceptionDetails?: unknown }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (result.exceptionDetails) throw new Error(`popup evaluation failed: ${JSON.stringify(result.exceptionDetails)}`);
    return result.result.value;
  }

  async waitFor(expression: string, timeout = 15000): Promise<void> {
    const end = Date.now() + timeout;
    while (!(await this.evaluate<boolean>(expression))) {
      if (Date.now() > end) throw new Error(`timed out waiting in the popup for ${expression}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async screenshot(path: string): Promise<void> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    writeFileSync(path, Buffer.from(data, 'base64'));
  }

  /** Sends any CDP command to the popup (`Network.enable`, `Page.addScriptToEvaluateOnNewDocument`, `Page.reload` …). */
  command<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.send<T>(method, params);
  }

  /** Calls `listener` with the parameters of every CDP event `method` of the popup (enable its domain first). */
  onEvent(method: string, listener: (params: Record<string, unknown>) => void): void {
    this.session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { method?: string; params?: Record<string, unknown> };
      if (message.method === method) listener(message.params ?? {});
    });
  }
}

export interface LoggedRequest {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
}

export interface LoggingServer extends TestServer {
  /** Every request the server saw, in order, with its method and headers. */
  log: LoggedRequest[];
}

/**
 * Like `serve`, and keeps each request's method and headers. Unknown paths get `fallbackStatus` (404; 204 makes a
 * beacon that navigations do not leave the page for), and every response gets `headers`.
 */
export async function serveLogged(routes: Record<string, Route>, options: { fallbackStatus?: number; headers?: Record<string, string> } = {}): Promise<LoggingServer> {
  const requests: string[] = [];
  const log: LoggedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('#')[0]!;
    requests.push(path);
    log.push({ path, method: req.method ?? 'GET', headers: req.headers });
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const route = routes[path] ?? routes[path.split('?')[0]!];
    if (!route) {
      res.statusCode = options.fallbackStatus ?? 404;
      res.end(res.statusCode === 204 ? undefined : 'not found');
      return;
    }
    res.setHeader('content-type', route.type ?? 'text/html; charset=utf-8');
    res.end(route.body);
  });
  return { ...(await listen(server)), requests, log };
}
