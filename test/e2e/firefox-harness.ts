/**
 * Firefox ESR (Debian's firefox-esr) driven over WebDriver BiDi through puppeteer-core (no browser download): the
 * tests' build (dist-e2e/) installed as a temporary add-on, downloads saved to a directory of our own, and every
 * request the browser makes sent through a logging proxy of ours.
 *
 * BiDi may not open moz-extension:// pages, so the tests start from the tab the e2e build opens on install
 * (src/test-hooks.ts): extension API calls run there, and the reader and the options are opened from there with
 * tabs.create. Puppeteer lists such tabs as about:blank; they are found by the address their own script reports.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser as Puppeteer, type Page } from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { E2E_DIST } from './harness';

export const FIREFOX = process.env.QINGDU_FIREFOX ?? '/usr/bin/firefox-esr';

export interface ProxiedRequest {
  method: string;
  /** The absolute address (`host:port` for a CONNECT, the tunnel an https request would take). */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface Firefox {
  puppeteer: Puppeteer;
  /** The extension's own tab (options.html?e2e), where the tests call extension APIs. */
  control: Page;
  /** moz-extension://<uuid>/ */
  extensionOrigin: string;
  downloads: string;
  /** Every request Firefox made, in order, as the proxy saw it. */
  proxied: ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * A forward proxy for the browser: http requests to 127.0.0.1 (the test servers) are passed on, anything else is
 * refused after it has been logged (the tests are offline; Firefox's own services try to reach Mozilla).
 */
async function loggingProxy(): Promise<{ port: number; proxied: ProxiedRequest[]; close(): Promise<void> }> {
  const proxied: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    proxied.push({ method: req.method ?? 'GET', url: req.url ?? '', headers: req.headers });
    const target = URL.parse(req.url ?? '');
    if (target?.protocol !== 'http:' || target.hostname !== '127.0.0.1') {
      res.writeHead(502).end();
      return;
    }
    const upstream = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    proxied.push({ method: 'CONNECT', url: req.url ?? '', headers: req.headers });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    proxied,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/**
 * The first tab whose address (as its own script reports it: Puppeteer names extension tabs about:blank) satisfies
 * `accept`. A tab still loading may not answer at once: it is asked again on the next round.
 */
async function findPage(firefox: Puppeteer, accept: (href: string) => boolean, what: string, timeout = 10_000): Promise<Page> {
  const end = Date.now() + timeout;
  for (;;) {
    for (const page of await firefox.pages()) {
      const href = await Promise.race([page.evaluate(() => location.href).catch(() => ''), new Promise<string>((ok) => setTimeout(() => ok(''), 1000))]);
      if (accept(href)) return page;
    }
    if (Date.now() > end) throw new Error(`no tab: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Launches Firefox ESR with the tests' build installed, in a fresh profile, all its traffic through our proxy. */
export async function launchFirefox(): Promise<Firefox> {
  if (!existsSync(join(E2E_DIST, 'manifest.json'))) throw new Error(`no built extension in ${E2E_DIST}: run npm run build:e2e first`);
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX} (apt-get install firefox-esr, or set QINGDU_FIREFOX)`);
  const downloads = mkdtempSync(join(tmpdir(), 'qingdu-firefox-downloads-'));
  const proxy = await loggingProxy();
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      // Lets the tests read the clipboard back without a paste prompt (a test-only pref of Firefox's).
      'dom.events.testing.asyncClipboard': true,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  try {
    await firefox.installExtension(E2E_DIST);
    const control = await findPage(firefox, (href) => href.startsWith('moz-extension://') && href.endsWith('/options.html?e2e'), 'the e2e build opened none of its own on install');
    const extensionOrigin = new URL('/', await control.evaluate(() => location.href)).href;
    return {
      puppeteer: firefox,
      control,
      extensionOrigin,
      downloads,
      proxied: proxy.proxied,
      close: async () => {
        await firefox.close();
        await proxy.close();
      },
    };
  } catch (e) {
    await firefox.close();
    await proxy.close();
    throw e;
  }
}

/**
 * Runs `fn` in the extension's own tab with its WebExtension API (`browser`). `fn` is sent as source: it may use
 * nothing from the test's scope but `arg`.
 */
export function inExtension<A, T>(ff: Firefox, fn: (api: ExtensionApi, arg: A) => Promise<T>, arg: A): Promise<T> {
  return ff.control.evaluate(`(${fn.toString()})(browser, ${JSON.stringify(arg)})`) as Promise<T>;
}

/** The tab showing one of the extension's pages (`popup.html?view=tab&tab=3`), once it is there. */
export function extensionTab(ff: Firefox, path: string): Promise<Page> {
  return findPage(ff.puppeteer, (href) => href === ff.extensionOrigin + path, path);
}

/** Opens one of the extension's pages (`popup.html?tab=3`, `options.html`) in a new tab, as the extension would. */
export async function openExtensionPage(ff: Firefox, path: string): Promise<Page> {
  await inExtension(ff, (api, url) => api.tabs.create({ url }), path);
  return extensionTab(ff, path);
}

/** The tab id of the tab at `url`, as the extension sees it. */
export async function tabIdAt(ff: Firefox, url: string): Promise<number> {
  const id = await inExtension(ff, async (api, u) => (await api.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}
