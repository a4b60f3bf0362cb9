/// <reference types="chrome" />
/**
 * Broken and odd pages in real Chromium: each ends in a definite reader state with a clear message (or the article),
 * never a blank popup, a reader stuck on loading, or an uncaught error in the reader or the service worker.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, tabIdOf, waitInWorker, type Browser, type TestServer } from './harness';

const PARAGRAPHS = `<p>各区县人民政府，市政府各部门：为进一步加强本市安全生产工作，切实防范各类事故发生，经市政府同意，决定在全市范围内开展安全生产大检查活动，现将有关事项通知如下。</p>
<p>一、检查时间。自即日起至本月底，各单位先行自查，市级部门随后组织抽查，对发现的问题建立清单，逐项整改到位，确保检查工作取得实效。</p>
<p>二、工作要求。各单位要高度重视，主要负责同志亲自部署，明确专人负责，检查结果请于下月五日前报送市应急管理局综合协调科。</p>`;
const ARTICLE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>关于开展安全生产大检查的通知_通知公告</title></head><body>
<h1>关于开展安全生产大检查的通知</h1><p>发布时间：2024-03-08 来源：市应急管理局</p><div class="article">${PARAGRAPHS}</div></body></html>`;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Rewrites its body every 5 ms, for as long as it is open. */
const CHURNING = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>关于开展安全生产大检查的通知</title></head><body>
<h1>关于开展安全生产大检查的通知</h1><div class="article">${PARAGRAPHS}</div>
<script>let n = 0; setInterval(() => { n++; document.body.innerHTML = '<h1>关于开展安全生产大检查的通知</h1><p>发布时间：2024-03-08</p><div class="article">' + ${JSON.stringify(PARAGRAPHS)} + '<p>第' + n + '次更新</p></div>'; }, 5);</script></body></html>`;

const PATHS = {
  emptyHtml: '/odd/empty.html',
  zeroBytes: '/odd/zero.html',
  frameset: '/odd/frameset.html',
  images: '/odd/images.html',
  iframe: '/odd/iframe.html',
  article: '/odd/article.html',
  churn: '/odd/churn.html',
  slow: '/odd/slow.html',
};

let browser: Browser;
let server: TestServer;
/** Uncaught errors and console errors, from the reader pages and from the service worker. */
let errors: string[] = [];

beforeAll(async () => {
  server = await serve({
    [PATHS.emptyHtml]: { body: '<html></html>' },
    [PATHS.zeroBytes]: { body: '' },
    [PATHS.frameset]: { body: `<html><head><title>框架页</title></head><frameset cols="30%,70%"><frame src="${PATHS.article}"><frame src="${PATHS.article}"></frameset></html>` },
    [PATHS.images]: { body: `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${'<img src="/odd/p.png" width="300" height="200">'.repeat(6)}</body></html>` },
    '/odd/p.png': { body: PNG, type: 'image/png' },
    [PATHS.iframe]: { body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>嵌入页</title></head><body><iframe src="${PATHS.article}" width="800" height="600"></iframe></body></html>` },
    [PATHS.article]: { body: ARTICLE },
    [PATHS.churn]: { body: CHURNING },
  });
  browser = await launch();
  browser.worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`service worker: ${m.text()}`);
  });
  browser.context.on('weberror', (e) => errors.push(`uncaught: ${e.error().message}`));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  errors = [];
});

async function open(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return { page, tabId: await tabIdOf(browser, page) };
}

/** Opens the reader for a tab, and waits (bounded) for it to leave the loading state. */
async function reader(tabId: number): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`reader: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`reader console: ${m.text()}`);
  });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', undefined, { timeout: 20_000 });
  return page;
}

async function shown(page: Page): Promise<{ state: string | null; message: string | null; title: string | null }> {
  return {
    state: await page.locator('body').getAttribute('data-state'),
    message: await page.locator('#state-message').textContent(),
    title: await page.locator('#title').textContent().catch(() => null),
  };
}

/** Points an existing tab at an address the test browser cannot load (offline): the tab keeps the address. */
async function tabAt(url: string): Promise<{ page: Page; tabId: number }> {
  const { page, tabId } = await open(server.origin + PATHS.article);
  await browser.worker.evaluate(([id, u]) => chrome.tabs.update(id, { url: u }), [tabId, url] as const).catch(() => undefined);
  await waitInWorker(browser, async (id) => (await chrome.tabs.get(id)).url ?? '', tabId, (u) => u === url);
  return { page, tabId };
}

describe('pages with nothing to read', () => {
  it.each([
    ['an empty <html></html>', PATHS.emptyHtml],
    ['a 0-byte response', PATHS.zeroBytes],
    ['a page of images and no text', PATHS.images],
    // The page bundle runs in the top frame only (the load event has waited for the frames): their text is not read.
    ['a frameset, whose top frame holds no text', PATHS.frameset],
    ['an article inside a same-origin iframe, in a page with no text of its own', PATHS.iframe],
  ])('says 未检测到正文 on %s', async (_name, path) => {
    const { page, tabId } = await open(server.origin + path);
    const view = await reader(tabId);
    expect(await shown(view)).toMatchObject({ state: 'no-article', message: '未检测到正文' });
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });
});

describe('pages where the extension may not run', () => {
  it('says a web store page forbids extensions', async () => {
    const { page, tabId } = await tabAt('https://chromewebstore.google.com/detail/abcdefghijklmnopabcdefghijklmnop');
    const view = await reader(tabId);
    expect(await shown(view)).toMatchObject({ state: 'restricted', message: '浏览器不允许扩展在扩展商店页面上运行。' });
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });

  it('reads a saved page from file:// when file access is allowed, and says how to allow it otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingdu-file-'));
    const file = join(dir, 'notice.html');
    writeFileSync(file, ARTICLE);
    const before = new Set(await browser.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id)));
    const page = await browser.context.newPage();
    await page.goto(`file://${file}`);
    const tabId = (await browser.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id))).find((id) => !before.has(id))!;
    const view = await reader(tabId);
    // The toggle "Allow access to file URLs" decides; Chromium turns it on for unpacked extensions it loads itself.
    const allowed = await browser.worker.evaluate(() => chrome.extension.isAllowedFileSchemeAccess());
    const detail = await view.locator('#state-detail').textContent();
    if (allowed) {
      expect(await shown(view), detail ?? '').toMatchObject({ state: 'article', title: '关于开展安全生产大检查的通知' });
    } else {
      expect(await shown(view), detail ?? '').toMatchObject({ state: 'restricted', message: '本地文件需要授权：请在扩展详情中打开“允许访问文件网址”。' });
    }
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });
});

describe('pages that move under the reader', () => {
  it('reads a page whose body is rewritten every 5 ms', async () => {
    const { page, tabId } = await open(server.origin + PATHS.churn);
    const view = await reader(tabId);
    const { state, title } = await shown(view);
    expect(state).toBe('article');
    expect(title).toBe('关于开展安全生产大检查的通知');
    expect(await view.locator('#content').textContent()).toContain('开展安全生产大检查活动');
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });

  it('ends in a definite state when the page navigates away while the reader loads', async () => {
    const { page, tabId } = await open(server.origin + PATHS.article);
    const view = await browser.context.newPage();
    view.on('pageerror', (e) => errors.push(`reader: ${e.message}`));
    // Leave for another page as soon as the reader starts.
    void page.evaluate((url) => setTimeout(() => (location.href = url), 0), server.origin + PATHS.emptyHtml);
    await view.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await view.waitForFunction(() => document.body.dataset.state !== 'loading', undefined, { timeout: 20_000 });
    const { state, message, title } = await shown(view);
    // Either page may have been read, or the navigation said so: never a blank reader.
    expect(state).toMatch(/^(?:article|no-article|error)$/);
    if (state === 'article') expect(title).toBe('关于开展安全生产大检查的通知');
    else expect(message).toMatch(/^(?:未检测到正文|原网页的标签页已经关闭。|提取失败：.+)$/);
    expect(errors).toEqual([]);
    await view.close();
    await page.close();
  });

  it('says the page is gone when its tab closes under an open reader, and still copies the article it has', async () => {
    const { page, tabId } = await open(server.origin + PATHS.article);
    const view = await reader(tabId);
    expect((await shown(view)).state).toBe('article');
    await page.close();
    await view.waitForFunction(() => document.getElementById('status')?.textContent === '原网页的标签页已经关闭。');
    await view.click('[data-action="copy-text"]');
    await view.waitForFunction(() => document.getElementById('status')?.textContent !== '原网页的标签页已经关闭。');
    expect(await view.locator('#status').getAttribute('class')).toBe('status ok');
    expect((await view.evaluate(() => navigator.clipboard.readText())).split('\n')[0]).toBe('关于开展安全生产大检查的通知');
    expect(errors).toEqual([]);
    await view.close();
  });
});
