/**
 * The extension in real Firefox ESR (Debian's firefox-esr, through puppeteer-core over WebDriver BiDi): the badge,
 * the real toolbar popup on the seed page, copying the text and the reference, every export, the options, a page it
 * may not read, the full tab with more than 10 MB of images, and no request of its own, watched through a proxy that
 * sees all of Firefox's traffic. Firefox runs in en-US (Debian ships its other languages as firefox-esr-l10n-*
 * packages, not installed here), so the messages checked are the en locale's; Chromium's suite checks zh_CN.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_HOOKS_GLOBAL } from '../../src/test-hooks';
import { CORPUS_DIR, FIXTURES_DIR } from '../helpers';
import { expectNoticeDocx, expectNoticeText, expectReference, expectSeedView, localDay, NOTICE_STEM, NOTICE_TEXT_EXPORTS, noticeReference } from './expected';
import { extensionTab, inExtension, launchFirefox, openExtensionPage, tabIdAt, type Firefox } from './firefox-harness';
import { readText, serveLogged, waitForDownload, type LoggingServer, type TaskResult } from './harness';
import { noisePng } from './png';

const fixture = (name: string): string => readFileSync(join(FIXTURES_DIR, name, 'source.html'), 'utf8');
const SEED = join(CORPUS_DIR, 'seed', 'zhongqi-seed.html');
const ICON = readFileSync(resolve(import.meta.dirname, '../../icons/icon-128.png'));
const EN = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../_locales/en/messages.json'), 'utf8')) as Record<string, { message: string } | undefined>;
const en = (key: string, ...values: string[]): string => values.reduce((m, v, i) => m.replace(`$P${i + 1}$`, v), EN[key]!.message);

const PATHS = {
  trs: '/gsszf/c100002/202305/t20230512_123456.shtml',
  list: '/col/col1229/index.html',
  notice: '/news/2187.html',
  news: '/news/1356.html',
  seed: '/news/seed.html',
  images: '/news/images.html',
  bigImages: '/news/big-images.html',
};

/** A picture news page: one image of its own, one from another origin that sends no CORS headers. */
const imagesPage = (otherOrigin: string, images = `<p><img src="/img/one.png" alt="活动现场"></p><p><img src="${otherOrigin}/img/two.png" alt="远景"></p>`): string =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>图片新闻_测试站</title></head><body>
<h1>图片新闻</h1><p>发布时间：2024-05-06 来源：测试站</p>
<div class="article"><p>本站图片新闻的第一段文字，介绍活动的基本情况，说明活动时间、地点和主要参加人员，篇幅足够构成一篇文章。</p>
${images}<p>第二段文字继续说明活动的进展和成效，并对下一步工作作出安排，要求各单位认真落实。</p></div></body></html>`;
/** Four photos of 3 MB each: 12 MB, over the 10 MB that storage.session holds. */
const BIG_IMAGES = Array.from({ length: 4 }, (_, i) => ({ path: `/img/big-${i}.png`, body: noisePng(1000, 1000) }));

let ff: Firefox;
let news: LoggingServer;
/** Another origin (another port), for the image the page shows but the extension may not read. */
let pics: LoggingServer;

beforeAll(async () => {
  pics = await serveLogged({ '/img/two.png': { body: ICON, type: 'image/png' } });
  news = await serveLogged({
    [PATHS.trs]: { body: fixture('trs-wcm--gov-news') },
    [PATHS.list]: { body: fixture('hanweb-jcms--column-list') },
    [PATHS.notice]: { body: fixture('zhongqi-portal--notice-zh-labels') },
    [PATHS.news]: { body: fixture('zhongqi-portal--news-en-labels') },
    ...(existsSync(SEED) ? { [PATHS.seed]: { body: readFileSync(SEED) } } : {}),
    [PATHS.images]: { body: imagesPage(pics.origin) },
    '/img/one.png': { body: ICON, type: 'image/png' },
    [PATHS.bigImages]: { body: imagesPage(pics.origin, BIG_IMAGES.map((img) => `<p><img src="${img.path}" alt="现场照片"></p>`).join('')) },
    ...Object.fromEntries(BIG_IMAGES.map((img) => [img.path, { body: img.body, type: 'image/png' }])),
  });
  ff = await launchFirefox();
}, 90_000);

afterAll(async () => {
  await ff?.close();
  await news?.close();
  await pics?.close();
});

/** Opens a web page in a new tab, in front, once loaded. */
async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await ff.puppeteer.newPage();
  await page.goto(news.origin + path);
  await page.bringToFront();
  return { page, tabId: await tabIdAt(ff, news.origin + path) };
}

/** The reader for a tab, in a tab of its own (popup.html?tab=ID), once it has an answer. */
async function openReader(tabId: number): Promise<Page> {
  const reader = await openExtensionPage(ff, `popup.html?tab=${tabId}`);
  await reader.waitForFunction(() => document.body.dataset.state !== 'loading', { timeout: 15_000 });
  return reader;
}

/** Polls `read` until it gives a value `done` accepts. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

const badge = (tabId: number): Promise<{ text: string; title: string }> =>
  inExtension(ff, async (api, id) => ({ text: await api.action.getBadgeText({ tabId: id }), title: await api.action.getTitle({ tabId: id }) }), tabId);

/** Runs a keyboard command's handler on a tab, as the shortcut would (the e2e build's hook, in the event page). */
const runCommand = (tabId: number, command: string): Promise<TaskResult> =>
  inExtension(
    ff,
    async (api, { id, name, hooks }) => {
      const background = (await api.runtime.getBackgroundPage()) as unknown as Record<string, { runCommand(c: string, t: unknown): Promise<TaskResult> }>;
      return background[hooks]!.runCommand(name, await api.tabs.get(id));
    },
    { id: tabId, name: command, hooks: TEST_HOOKS_GLOBAL },
  );

describe('Firefox ESR', () => {
  it('marks an article page with its family in the badge, family and headline in the tooltip, and leaves a list page unmarked', async () => {
    const { page, tabId } = await open(PATHS.trs);
    const shown = await until(() => badge(tabId), (b) => b.text !== '');
    expect(shown).toEqual({ text: 'TRS', title: en('actionTitleArticle', en('family_trs_wcm'), '全省春季农业生产暨高标准农田建设现场推进会召开') });
    const { page: list, tabId: listTab } = await open(PATHS.list);
    const stored = await until(
      () => inExtension(ff, async (api, id) => (await api.storage.session.get(`tab:${id}`))[`tab:${id}`] as { detection: { isArticle: boolean } } | undefined, listTab),
      (v) => v !== undefined,
    );
    expect(stored?.detection.isArticle).toBe(false);
    expect((await badge(listTab)).text).toBe('');
    await list.close();
    await page.close();
  });

  it('shows the seed page in the real toolbar popup: title, metadata and body', async () => {
    const path = existsSync(SEED) ? PATHS.seed : PATHS.news;
    if (!existsSync(SEED)) console.warn('the seed page is not there (../shared/corpus): the popup reads a fixture instead');
    const { page } = await open(path);
    await inExtension(ff, (api) => api.action.openPopup(), null);
    // The popup is one of the extension's own windows: its tab can read it.
    const read = (): Promise<{ state?: string; title?: string; meta?: string; text?: string } | null> =>
      inExtension(
        ff,
        (api) => {
          const popup = api.extension.getViews({ type: 'popup' })[0];
          const text = (id: string): string | undefined => popup?.document.getElementById(id)?.textContent ?? undefined;
          return Promise.resolve(popup ? { state: popup.document.body.dataset.state, title: text('title'), meta: text('meta'), text: text('content') } : null);
        },
        null,
      );
    const shown = await until(read, (v) => v !== null && v.state !== 'loading');
    expect(shown?.state).toBe('article');
    if (existsSync(SEED)) {
      expectSeedView(shown!);
    } else {
      expect(shown?.title).toBe('华津研究院与滨海新区三家企业签署产学研合作协议');
    }
    await inExtension(ff, (api) => Promise.resolve(api.extension.getViews({ type: 'popup' })[0]?.close()), null);
    await page.close();
  });

  describe('the reader on a notice', () => {
    let page: Page;
    let reader: Page;
    beforeAll(async () => {
      const opened = await open(PATHS.notice);
      page = opened.page;
      reader = await openReader(opened.tabId);
    });
    afterAll(async () => {
      await reader.close();
      await page.close();
    });
    const status = (): Promise<string> => reader.evaluate(() => document.getElementById('status')!.textContent);

    it('copies the clean text with its header', async () => {
      await reader.click('[data-action="copy-text"]');
      expect(await until(status, (s) => s !== '')).toBe(en('copied_text'));
      expectNoticeText(await reader.evaluate(() => navigator.clipboard.readText()));
    });

    it('copies the page’s reference in GB/T 7714 form', async () => {
      const since = localDay();
      await reader.evaluate(() => void (document.getElementById('status')!.textContent = ''));
      await reader.click('[data-action="copy-citation"]');
      const shown = await until(status, (s) => s !== '');
      const copied = await reader.evaluate(() => navigator.clipboard.readText());
      expectReference(copied, (day) => noticeReference(news.origin + PATHS.notice, day), since);
      expect(shown).toBe(en('copiedCitation', copied));
    });

    it.each(NOTICE_TEXT_EXPORTS)('exports %s under its name', async (format, check) => {
      await reader.click(`[data-action="export-${format}"]`);
      const file = await waitForDownload(ff.downloads, new RegExp(`^${NOTICE_STEM}\\.${format}$`));
      expect(check(readText(file))).toBe(true);
      expect(await until(status, (s) => s.includes(`.${format}`))).toBe(en('exported', `${NOTICE_STEM}.${format}`));
    });

    it('exports Word with the title, metadata and the table', async () => {
      await reader.click('[data-action="export-docx"]');
      expectNoticeDocx(readFileSync(await waitForDownload(ff.downloads, new RegExp(`^${NOTICE_STEM}\\.docx$`))));
    });
  });

  it('keeps all seven options through a reload of the options page, in storage.sync', async () => {
    await inExtension(ff, (api) => api.storage.sync.clear(), null);
    const options = await openExtensionPage(ff, 'options.html');
    await options.waitForSelector('#shortcuts tr');
    // Every value differs from its default (docx, no BOM, LF, header on, no reference, 18 px, follow the system).
    await options.select('select[name="defaultFormat"]', 'md');
    await options.click('input[name="bom"]');
    await options.click('input[name="crlf"]');
    await options.click('input[name="metadataHeader"]');
    await options.select('select[name="attachReference"]', 'top');
    await options.locator('input[name="fontSize"]').fill('22');
    await options.keyboard.press('Tab');
    await options.select('select[name="theme"]', 'dark');
    const seven = { defaultFormat: 'md', bom: true, crlf: true, metadataHeader: false, attachReference: 'top', fontSize: 22, theme: 'dark' };
    const stored = (): Promise<Record<string, unknown>> => inExtension(ff, (api) => api.storage.sync.get(null), null);
    expect(await until(stored, (s) => s.theme === 'dark' && s.fontSize === 22)).toEqual(seven);
    await options.evaluate(() => location.reload());
    await options.waitForFunction(() => document.querySelectorAll('#shortcuts tr').length > 0);
    const shown = await options.evaluate(() => {
      const field = (name: string): HTMLInputElement & HTMLSelectElement => document.querySelector(`[name="${name}"]`)!;
      return {
        defaultFormat: field('defaultFormat').value,
        bom: field('bom').checked,
        crlf: field('crlf').checked,
        metadataHeader: field('metadataHeader').checked,
        attachReference: field('attachReference').value,
        fontSize: Number(field('fontSize').value),
        theme: field('theme').value,
      };
    });
    expect(shown).toEqual(seven);
    // Firefox assigns the suggested keys that Chromium does, and the page lists them.
    expect(await options.evaluate(() => [...document.querySelectorAll('#shortcuts kbd')].map((k) => k.textContent))).toEqual(['Alt+Shift+Q', 'Alt+Shift+K', 'Alt+Shift+Y', 'Alt+Shift+E']);
    await inExtension(ff, (api) => api.storage.sync.clear(), null);
    await options.close();
  });

  it('says why on pages it may not read: one Firefox refuses (view-source:), an extension store by its address', async () => {
    const restriction = async (tabId: number): Promise<{ state?: string; message: string | null; detail: string | null }> => {
      const reader = await openReader(tabId);
      const shown = await reader.evaluate(() => ({
        state: document.body.dataset.state,
        message: document.getElementById('state-message')!.textContent,
        detail: document.getElementById('state-detail')!.textContent,
      }));
      await reader.close();
      return shown;
    };
    // The address is hidden from the extension (no "tabs" permission): Firefox's refusal is all it has to go by.
    const source = `view-source:${news.origin}${PATHS.news}`;
    const sourceTab = await inExtension(ff, async (api, url) => (await api.tabs.create({ url, active: false })).id!, source);
    expect(await restriction(sourceTab)).toEqual({ state: 'restricted', message: en('restricted_no_access'), detail: 'Missing host permission for the tab' });
    await inExtension(ff, (api, id) => api.tabs.remove(id), sourceTab);

    // Offline, the store's page does not load, but its tab keeps the address.
    const store = 'https://addons.mozilla.org/zh-CN/firefox/addon/qingdu/';
    const page = await ff.puppeteer.newPage();
    await page.goto(store).catch(() => undefined);
    const storeTab = await until(() => inExtension(ff, async (api, u) => (await api.tabs.query({})).find((t) => t.url === u)?.id, store), (id) => id !== undefined);
    expect(await restriction(storeTab!)).toMatchObject({ state: 'restricted', message: en('restricted_web_store') });
    await page.close();
  });

  it('opens in a full tab an article whose images total more than 10 MB, and leaves nothing in storage.session', async () => {
    const { page, tabId } = await open(PATHS.bigImages);
    const inlined = (p: Page): Promise<unknown> =>
      p.waitForFunction((n: number) => [...document.querySelectorAll('#content img')].filter((i) => i.getAttribute('src')!.startsWith('data:image/png')).length === n, { timeout: 20_000 }, BIG_IMAGES.length);
    const reader = await openReader(tabId);
    await inlined(reader);
    await reader.click('[data-action="open-tab"]');
    const full = await extensionTab(ff, `popup.html?view=tab&tab=${tabId}`);
    await full.waitForFunction(() => document.body.dataset.state === 'article', { timeout: 15_000 });
    await inlined(full);
    expect(await full.evaluate(() => document.getElementById('title')!.textContent)).toBe('图片新闻');
    const shown = await full.evaluate(() => Promise.all([...document.querySelectorAll<HTMLImageElement>('#content img')].map(async (i) => (await i.decode(), [i.naturalWidth, i.src.length]))));
    expect(shown.map(([width]) => width)).toEqual(BIG_IMAGES.map(() => 1000));
    expect(shown.reduce((sum, [, length]) => sum + (length! * 3) / 4, 0)).toBeGreaterThan(10 * 1024 * 1024);
    const keys = await inExtension(ff, async (api) => Object.keys(await api.storage.session.get(null)), null);
    expect(keys.filter((k) => !/^tab:\d+$/.test(k))).toEqual([]);
    await full.close();
    await page.close();
  });

  it('makes no request of its own: reading, copying, exporting, the commands and the options leave only the page’s own image fetch', async () => {
    const { page, tabId } = await open(PATHS.images);
    // The proxy sees Firefox's traffic: the page's own loads went through it.
    expect(ff.proxied.some((r) => r.url === `${news.origin}/img/one.png`)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    const from = ff.proxied.length;
    const fromNews = news.log.length;

    const reader = await openReader(tabId);
    // The page's own image is carried over from its cache; the other origin's, which sends no CORS headers, cannot
    // be read by the page and stays a link.
    await reader.waitForFunction(() => document.querySelector('#content img')?.getAttribute('src')?.startsWith('data:image/png'), { timeout: 10_000 });
    expect(await reader.evaluate(() => [...document.querySelectorAll('#content img')].map((i) => i.getAttribute('src')!.slice(0, 15)))).toEqual(['data:image/png;']);
    expect(await reader.evaluate(() => [...document.querySelectorAll('#content a')].some((a) => a.getAttribute('href')!.endsWith('/img/two.png')))).toBe(true);
    for (const action of ['copy-text', 'copy-markdown', 'copy-html', 'export-txt', 'export-md', 'export-html', 'export-docx', 'copy-citation']) {
      await reader.evaluate(() => void (document.getElementById('status')!.textContent = ''));
      await reader.click(`[data-action="${action}"]`);
      await until(() => reader.evaluate(() => document.getElementById('status')!.textContent), (s) => s !== '');
    }
    expect((await runCommand(tabId, 'copy-clean-text')).ok).toBe(true);
    expect((await runCommand(tabId, 'export-default')).ok).toBe(true);
    expect((await runCommand(tabId, 'copy-citation')).ok).toBe(true);
    const options = await openExtensionPage(ff, 'options.html');
    await options.waitForSelector('#shortcuts tr');
    await options.select('select[name="theme"]', 'light');
    await until(() => inExtension(ff, (api) => api.storage.sync.get('theme'), null), (s) => s.theme === 'light');
    await inExtension(ff, (api) => api.storage.sync.clear(), null);
    await new Promise((r) => setTimeout(r, 1000));

    const during = ff.proxied.slice(from);
    // Firefox's own services (Remote Settings) try Mozilla's hosts over https: the proxy refuses them.
    const firefoxOwn = (r: (typeof during)[number]): boolean => r.method === 'CONNECT' && /(?:^|\.)(?:mozilla\.(?:com|net|org)|firefox\.com):443$/.test(r.url);
    const rest = during.filter((r) => !firefoxOwn(r));
    // What is left is the page bundle's fetch of the images the page shows, made as the page (its origin, its address
    // as referrer), never as the extension: the other origin's (the page's own normally comes from its cache).
    const images = [`${news.origin}/img/one.png`, `${pics.origin}/img/two.png`];
    expect(rest.map((r) => r.url)).toContain(images[1]);
    for (const r of rest) {
      expect(`${r.method} ${r.url}`).toMatch(new RegExp(`^GET (?:${images.join('|')})$`));
      expect([undefined, news.origin]).toContain(r.headers.origin);
      expect(r.headers.referer).toMatch(new RegExp(`^${news.origin}/`));
    }
    expect(JSON.stringify(during.map((r) => r.headers))).not.toMatch(/moz-extension/);
    expect(news.log.slice(fromNews).map((r) => r.path).filter((p) => p !== '/img/one.png')).toEqual([]);
    await options.close();
    await reader.close();
    await page.close();
  });
});
