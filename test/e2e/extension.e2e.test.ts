/// <reference types="chrome" />
/**
 * The built extension in real Chromium (Debian's, through playwright-core): the detector's badge, the reader in the
 * toolbar popup and as a tab, every copy and export button, the keyboard-command handlers, the shortcuts Chromium
 * really assigns, the options, and the messages for pages without an article or where extensions may not run.
 * Pages are our own fixtures, served on 127.0.0.1; the seed page comes from ../shared/corpus when it is there.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, CORPUS_DIR } from '../helpers';
import { ActionPopup, clipboardFlavours, E2E_DIST, keepDownloadNames, launch, openPage, openReaderTab, readText, runInWorker, serve, waitForDownload, waitInWorker, type Browser, type TaskResult, type TestServer } from './harness';
import { expectNoticeDocx, expectNoticeText, expectSeedView, NOTICE_STEM, NOTICE_TEXT_EXPORTS } from './expected';
import { minimalPdf } from './pdf';
import { noisePng } from './png';

const fixture = (name: string): string => readFileSync(join(FIXTURES_DIR, name, 'source.html'), 'utf8');
const SEED = join(CORPUS_DIR, 'seed', 'zhongqi-seed.html');
const ICON = readFileSync(resolve(import.meta.dirname, '../../icons/icon-128.png'));
/** The messages the reader shows in Chinese (the e2e browser runs in zh-CN). */
const ZH_CN = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string } | undefined>;

const PATHS = {
  trs: '/gsszf/c100002/202305/t20230512_123456.shtml',
  notice: '/news/2187.html',
  list: '/col/col1229/index.html',
  news: '/news/1356.html',
  seed: '/news/seed.html',
  images: '/news/images.html',
  bigImages: '/news/big-images.html',
  text: '/files/notice.txt',
  image: '/files/photo.png',
  pdf: '/files/report.pdf',
  /** A PDF at an address that does not say so, as government sites serve their files. */
  pdfDownload: '/download?id=12',
};

const IMAGES_PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>图片新闻_测试站</title></head><body>
<h1>图片新闻</h1><p>发布时间：2024-05-06 来源：测试站</p>
<div class="article"><p>本站图片新闻的第一段文字，介绍活动的基本情况，说明活动时间、地点和主要参加人员，篇幅足够构成一篇文章。</p>
<p><img src="/img/one.png" alt="活动现场"></p><p>第二段文字继续说明活动的进展和成效，并对下一步工作作出安排，要求各单位认真落实。</p></div></body></html>`;

/** Four photos of 3 MB each (1 000 × 1 000 random pixels): 12 MB, over the 10 MB that storage.session holds. */
const BIG_IMAGES = Array.from({ length: 4 }, (_, i) => ({ path: `/img/big-${i}.png`, body: noisePng(1000, 1000) }));
const BIG_IMAGES_PAGE = IMAGES_PAGE.replace('<p><img src="/img/one.png" alt="活动现场"></p>', BIG_IMAGES.map((img) => `<p><img src="${img.path}" alt="现场照片"></p>`).join(''));

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  server = await serve({
    [PATHS.trs]: { body: fixture('trs-wcm--gov-news') },
    [PATHS.notice]: { body: fixture('zhongqi-portal--notice-zh-labels') },
    [PATHS.list]: { body: fixture('hanweb-jcms--column-list') },
    [PATHS.news]: { body: fixture('zhongqi-portal--news-en-labels') },
    ...(existsSync(SEED) ? { [PATHS.seed]: { body: readFileSync(SEED) } } : {}),
    [PATHS.images]: { body: IMAGES_PAGE },
    '/img/one.png': { body: ICON, type: 'image/png' },
    [PATHS.bigImages]: { body: BIG_IMAGES_PAGE },
    ...Object.fromEntries(BIG_IMAGES.map((img) => [img.path, { body: img.body, type: 'image/png' }])),
    [PATHS.text]: { body: '关于开展安全检查的通知\n\n各单位：请于本月底前完成自查。\n\n特此通知。', type: 'text/plain; charset=utf-8' },
    [PATHS.image]: { body: ICON, type: 'image/png' },
    [PATHS.pdf]: { body: minimalPdf(), type: 'application/pdf' },
    [PATHS.pdfDownload]: { body: minimalPdf(), type: 'application/pdf' },
  });
  browser = await launch({ dist: E2E_DIST });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string): Promise<{ page: Page; tabId: number }> => openPage(browser, server, path);

/** Opens a page whose address the extension may not see (no host permission): its tab is the one that is new. */
async function openUnseen(url: string): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await browser.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id)));
  const page = await browser.context.newPage();
  await page.goto(url).catch(() => undefined);
  const ids = await browser.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
  const tabId = ids.find((id) => !before.has(id));
  if (tabId === undefined) throw new Error(`no new tab for ${url}`);
  return { page, tabId };
}

const badgeOf = (tabId: number): Promise<string> => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

describe('detector and badge', () => {
  it('marks an article page with its family, and names family and title in the tooltip', async () => {
    const { page, tabId } = await open(PATHS.trs);
    expect(await waitInWorker(browser, (id) => chrome.action.getBadgeText({ tabId: id }), tabId, (b) => b !== '')).toBe('TRS');
    const title = await browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(title).toContain('拓尔思 TRS');
    expect(title).toContain('全省春季农业生产暨高标准农田建设现场推进会召开');
    await page.close();
  });

  it('leaves a list page unmarked', async () => {
    const { page, tabId } = await open(PATHS.list);
    // The detector has reported when the background stored its result.
    await waitInWorker(browser, async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] !== undefined, tabId, (v) => v);
    expect(await badgeOf(tabId)).toBe('');
    const stored = await browser.worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { detection: { isArticle: boolean } }, tabId);
    expect(stored.detection.isArticle).toBe(false);
    await page.close();
  });

  // MV3: Chromium stops an idle service worker and starts a fresh one for the next event, so the background may keep
  // nothing in memory and must register its listeners at start. Here the stop is forced through CDP.
  it('marks pages again after Chromium has stopped the service worker', async () => {
    await browser.worker.evaluate(() => void ((globalThis as Record<string, unknown>).__e2eBeforeStop = true));
    const blank = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(blank);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The detector's report is the event that starts the worker again.
    const { page, tabId } = await open(PATHS.trs);
    expect(await waitInWorker(browser, (id) => chrome.action.getBadgeText({ tabId: id }), tabId, (b) => b !== '')).toBe('TRS');
    expect(await browser.worker.evaluate(() => (globalThis as Record<string, unknown>).__e2eBeforeStop ?? 'fresh worker')).toBe('fresh worker');
    await page.close();
    await blank.close();
  });
});

describe('reader', () => {
  it('shows title, metadata, body with table and images, and attachments in a tab', async () => {
    const { page, tabId } = await open(PATHS.notice);
    const reader = await openReaderTab(browser, tabId);
    expect(await reader.locator('body').getAttribute('data-state')).toBe('article');
    expect(await reader.locator('#title').textContent()).toBe('关于举办2023年第二期计量检测技术培训班的通知');
    const meta = await reader.locator('#meta').textContent();
    for (const part of ['来源：培训中心', '发布时间：2023-08-21 14:05:32', '作者：综合办公室', '栏目：通知公告']) expect(meta).toContain(part);
    expect(await reader.locator('#content td[rowspan="2"]').count()).toBe(4);
    expect(await reader.locator('#content').textContent()).not.toMatch(/ICP备|上一个|分类：/);
    expect(await reader.locator('#attachment-list a').allTextContents()).toEqual(['2023年第二期计量检测技术培训班课程表.pdf', '培训报名回执表.docx']);
    // Links open in a new tab, without opener or referrer.
    const rel = await reader.locator('#content a[href]').first().getAttribute('rel');
    expect(rel).toBe('noopener noreferrer');
    await reader.close();
    await page.close();
  });

  it('shows the article in the real toolbar popup (the seed page), and a screenshot of it goes to docs/', async () => {
    const path = existsSync(SEED) ? PATHS.seed : PATHS.news;
    const { page } = await open(path);
    await page.bringToFront();
    const popup = await ActionPopup.open(browser, page);
    await popup.waitFor(`document.body.dataset.state === 'article'`);
    const shown = await popup.evaluate<{ title: string; meta: string; text: string; buttons: string[] }>(`({
      title: document.getElementById('title').textContent,
      meta: document.getElementById('meta').textContent,
      text: document.getElementById('content').textContent,
      buttons: [...document.querySelectorAll('#actions [data-action]')].map((b) => b.dataset.action + '|' + b.getAttribute('aria-label')),
    })`);
    if (existsSync(SEED)) {
      expectSeedView(shown);
      await popup.screenshot(resolve(import.meta.dirname, '../../docs/screenshots/popup-seed.png'));
    } else {
      console.warn('seed screenshot skipped: ../shared/corpus is not there');
      expect(shown.title).toBe('华津研究院与滨海新区三家企业签署产学研合作协议');
    }
    // Every button has a name a screen reader can say.
    for (const b of shown.buttons) expect(b.split('|')[1]?.length).toBeGreaterThan(1);
    expect(shown.buttons.map((b) => b.split('|')[0])).toEqual(['copy-text', 'copy-markdown', 'copy-html', 'export-txt', 'export-md', 'export-html', 'export-docx', 'copy-citation', 'copy-citation-gbt7714', 'copy-citation-bibtex', 'copy-citation-csl-json', 'open-tab']);
    await page.close();
  });

  it('carries same-origin images over as data: URLs, so that the reader loads nothing itself', async () => {
    const { page, tabId } = await open(PATHS.images);
    const before = server.requests.filter((r) => r === '/img/one.png').length;
    const reader = await openReaderTab(browser, tabId);
    await reader.waitForFunction(() => document.querySelector('#content img')?.getAttribute('src')?.startsWith('data:image/png'), undefined, { timeout: 10000 });
    expect(await reader.locator('#content img').getAttribute('alt')).toBe('活动现场');
    // The page had the image already; the reader asked for nothing new beyond the page's cache.
    expect(server.requests.filter((r) => r === '/img/one.png').length - before).toBeLessThanOrEqual(1);
    await reader.close();
    await page.close();
  });

  it('remembers the font size', async () => {
    const { page, tabId } = await open(PATHS.news);
    const reader = await openReaderTab(browser, tabId);
    const size = async (): Promise<string> => reader.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--size').trim());
    const start = await size();
    await reader.click('[data-action="font-larger"]');
    await reader.waitForFunction((s) => getComputedStyle(document.documentElement).getPropertyValue('--size').trim() !== s, start);
    const larger = await size();
    expect(parseInt(larger)).toBe(parseInt(start) + 2);
    await reader.reload();
    await reader.waitForFunction(() => document.body.dataset.state === 'article');
    expect(await size()).toBe(larger);
    await reader.click('[data-action="font-smaller"]');
    await reader.close();
    await page.close();
  });

  it('opens the same reader in a full tab', async () => {
    const { page, tabId } = await open(PATHS.news);
    const reader = await openReaderTab(browser, tabId);
    const [full] = await Promise.all([browser.context.waitForEvent('page'), reader.click('[data-action="open-tab"]')]);
    await full.waitForFunction(() => document.body.dataset.state === 'article');
    expect(full.url()).toBe(`chrome-extension://${browser.extensionId}/popup.html?view=tab&tab=${tabId}`);
    expect(await full.locator('#title').textContent()).toBe('华津研究院与滨海新区三家企业签署产学研合作协议');
    await full.close();
    await reader.close().catch(() => undefined);
    await page.close();
  });

  it('opens in a full tab an article whose images total more than 10 MB, and leaves nothing in storage.session', async () => {
    const { page, tabId } = await open(PATHS.bigImages);
    const inlined = async (p: Page): Promise<unknown> =>
      p.waitForFunction((n) => [...document.querySelectorAll('#content img')].filter((i) => i.getAttribute('src')!.startsWith('data:image/png')).length === n, BIG_IMAGES.length, { timeout: 20_000 });
    const reader = await openReaderTab(browser, tabId);
    await inlined(reader);
    const [full] = await Promise.all([browser.context.waitForEvent('page'), reader.click('[data-action="open-tab"]')]);
    await full.waitForFunction(() => document.body.dataset.state === 'article');
    await inlined(full);
    expect(await full.locator('#title').textContent()).toBe('图片新闻');
    expect(await full.locator('#content').textContent()).toContain('第二段文字继续说明活动的进展和成效');
    // Shown, not just carried: each is decoded at its full size.
    const shown = await full.evaluate(() => Promise.all([...document.querySelectorAll<HTMLImageElement>('#content img')].map(async (i) => (await i.decode(), [i.naturalWidth, i.src.length]))));
    expect(shown.map(([width]) => width)).toEqual(BIG_IMAGES.map(() => 1000));
    const bytes = shown.reduce((sum, [, length]) => sum + (length! * 3) / 4, 0);
    expect(bytes).toBeGreaterThan(10 * 1024 * 1024);
    // Nothing is left behind but the detector's record of each tab.
    const keys = await browser.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
    expect(keys.filter((k) => !/^tab:\d+$/.test(k))).toEqual([]);
    await full.close();
    await reader.close().catch(() => undefined);
    await page.close();
  });
});

describe('copy buttons', () => {
  let page: Page;
  let reader: Page;
  beforeAll(async () => {
    const opened = await open(PATHS.notice);
    page = opened.page;
    reader = await openReaderTab(browser, opened.tabId);
  });
  afterAll(async () => {
    await reader.close();
    await page.close();
  });

  const clipboardText = (): Promise<string> => reader.evaluate(() => navigator.clipboard.readText());

  it('copy-text puts the clean text with its header on the clipboard', async () => {
    await reader.click('[data-action="copy-text"]');
    await expect.poll(() => reader.locator('#status').textContent()).toContain('已复制');
    expectNoticeText(await clipboardText());
  });

  it('copy-markdown puts Markdown with front matter on the clipboard', async () => {
    await reader.click('[data-action="copy-markdown"]');
    await expect.poll(clipboardText).toMatch(/^---\ntitle: "关于举办2023年第二期计量检测技术培训班的通知"/);
    expect(await clipboardText()).toContain('\n# 关于举办2023年第二期计量检测技术培训班的通知\n');
  });

  it('copy-html puts text/html and text/plain on the clipboard together', async () => {
    await reader.click('[data-action="copy-html"]');
    await expect.poll(() => reader.locator('#status').textContent()).toContain('富文本');
    const flavours = await clipboardFlavours(reader);
    expect(flavours['text/html']).toContain('<h1>关于举办2023年第二期计量检测技术培训班的通知</h1>');
    expect(flavours['text/html']).toMatch(/<td rowspan="2">/);
    expect(flavours['text/html']).not.toMatch(/<script|onerror/i);
    expect(flavours['text/plain']).toContain('为进一步提升企业计量检测人员的专业技术水平');
  });
});

describe('export buttons', () => {
  let page: Page;
  let reader: Page;
  beforeAll(async () => {
    const opened = await open(PATHS.notice);
    page = opened.page;
    reader = await openReaderTab(browser, opened.tabId);
    await keepDownloadNames(reader);
  });
  afterAll(async () => {
    await reader.close();
    await page.close();
  });

  it.each(NOTICE_TEXT_EXPORTS)('export-%s downloads a file with the right name and content', async (format, check) => {
    await reader.click(`[data-action="export-${format}"]`);
    const file = await waitForDownload(browser.downloads, new RegExp(`^${NOTICE_STEM}\\.${format}$`));
    expect(check(readText(file))).toBe(true);
    await expect.poll(() => reader.locator('#status').textContent()).toContain(`${NOTICE_STEM}.${format}`);
  });

  it('export-docx downloads a Word file with the title, metadata, table and attachment links', async () => {
    await reader.click('[data-action="export-docx"]');
    const zip = expectNoticeDocx(readFileSync(await waitForDownload(browser.downloads, new RegExp(`^${NOTICE_STEM}\\.docx$`))));
    // The attachment stays a link in the document.
    expect(strFromU8(zip['word/_rels/document.xml.rels']!)).toContain(`${server.origin}/repository/file/20230821/a7c3e1f09b2d4e6f.docx`);
  });
});

describe('keyboard commands and options', () => {
  it('lists the shortcuts Chromium really assigned', async () => {
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    const byName: Record<string, string | undefined> = Object.fromEntries(commands.map((c) => [c.name ?? '', c.shortcut]));
    expect(byName).toEqual({ _execute_action: 'Alt+Shift+Q', 'copy-clean-text': 'Alt+Shift+K', 'copy-citation': 'Alt+Shift+Y', 'export-default': 'Alt+Shift+E' });
  });

  it('copy-clean-text copies what the copy-text button copies, with feedback in the page', async () => {
    const { page, tabId } = await open(PATHS.trs);
    await page.bringToFront();
    const result = await runInWorker(browser, tabId, { command: 'copy-clean-text' });
    expect(result).toMatchObject({ ok: true, message: '已复制正文：全省春季农业生产暨高标准农田建设现场推进会召开' });
    expect(await page.evaluate(() => document.querySelector('qingdu-toast') !== null)).toBe(true);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.split('\n')[0]).toBe('全省春季农业生产暨高标准农田建设现场推进会召开');
    expect(text).toContain('5月11日，全省春季农业生产暨高标准农田建设现场推进会在张掖市召开。');
    expect(text).not.toMatch(/ICP备|分享到/);
    await page.close();
  });

  describe('options', () => {
    // Each test starts from the defaults (the reader's A+ / A− store a size), sets options through the page, and
    // leaves the defaults behind it whatever happens.
    const clear = (): Promise<void> => browser.worker.evaluate(() => chrome.storage.sync.clear());
    beforeEach(clear);
    afterEach(clear);

    /** Opens the options page, once it shows what is stored (the shortcuts are listed after the form is filled). */
    const openOptions = async (): Promise<Page> => {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.locator('#shortcuts tr').first().waitFor();
      return options;
    };
    const stored = (): Promise<Record<string, unknown>> => browser.worker.evaluate(() => chrome.storage.sync.get(null));
    /** Runs the export-default command on a tab, as the keyboard shortcut does. */
    const exportDefault = (tabId: number): Promise<TaskResult> => runInWorker(browser, tabId, { command: 'export-default' });

    it('all seven options persist: set through the page, every control shows its value after a reload, and the reader follows them', async () => {
      const options = await openOptions();
      // Every value differs from its default (docx, no BOM, LF, header on, no reference, 18 px, follow the system).
      await options.selectOption('select[name="defaultFormat"]', 'txt');
      await options.check('input[name="bom"]');
      await options.check('input[name="crlf"]');
      await options.uncheck('input[name="metadataHeader"]');
      await options.selectOption('select[name="attachReference"]', 'end');
      await options.fill('input[name="fontSize"]', '22');
      await options.press('input[name="fontSize"]', 'Tab');
      await options.selectOption('select[name="theme"]', 'dark');
      const seven = { defaultFormat: 'txt', bom: true, crlf: true, metadataHeader: false, attachReference: 'end', fontSize: 22, theme: 'dark' };
      await expect.poll(stored).toEqual(seven);
      expect(await options.locator('#saved').textContent()).toBe('已保存');

      await options.reload();
      await options.locator('#shortcuts tr').first().waitFor();
      expect({
        defaultFormat: await options.locator('select[name="defaultFormat"]').inputValue(),
        bom: await options.locator('input[name="bom"]').isChecked(),
        crlf: await options.locator('input[name="crlf"]').isChecked(),
        metadataHeader: await options.locator('input[name="metadataHeader"]').isChecked(),
        attachReference: await options.locator('select[name="attachReference"]').inputValue(),
        fontSize: Number(await options.locator('input[name="fontSize"]').inputValue()),
        theme: await options.locator('select[name="theme"]').inputValue(),
      }).toEqual(seven);
      expect(await options.locator('#shortcuts kbd').allTextContents()).toEqual(['Alt+Shift+Q', 'Alt+Shift+K', 'Alt+Shift+Y', 'Alt+Shift+E']);
      expect(await stored()).toEqual(seven);

      // The reader opens in the chosen size and theme.
      const { page, tabId } = await open(PATHS.news);
      const reader = await openReaderTab(browser, tabId);
      expect(await reader.evaluate(() => ({ size: getComputedStyle(document.documentElement).getPropertyValue('--size').trim(), theme: document.documentElement.dataset.theme }))).toEqual({ size: '22px', theme: 'dark' });
      await reader.close();
      await page.close();
      await options.close();
    });

    it('export-default follows them: TXT with BOM and CRLF, and the metadata header only when it is on', async () => {
      const options = await openOptions();
      await options.selectOption('select[name="defaultFormat"]', 'txt');
      await options.check('input[name="bom"]');
      await options.check('input[name="crlf"]');
      await options.uncheck('input[name="metadataHeader"]');
      await expect.poll(stored).toMatchObject({ defaultFormat: 'txt', bom: true, crlf: true, metadataHeader: false });

      const { page, tabId } = await open(PATHS.trs);
      await keepDownloadNames(page);
      const name = /^2023-05-12_省农业农村厅_全省春季农业生产暨高标准农田建设现场推进会召开\.txt$/;
      const title = '全省春季农业生产暨高标准农田建设现场推进会召开';
      const body = '5月11日，全省春季农业生产暨高标准农田建设现场推进会在张掖市召开。';
      const HEADER_LINE = /^(?:来源|发布时间|作者|栏目|原文链接)：/m;

      // Header off: the body comes first, after the BOM.
      expect((await exportDefault(tabId)).ok).toBe(true);
      const bare = await waitForDownload(browser.downloads, name);
      const bytes = readFileSync(bare);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      expect(text).toContain('\r\n');
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      expect(text.startsWith(body)).toBe(true);
      expect(text).not.toMatch(HEADER_LINE);
      expect(text).not.toContain(title);
      // The next export keeps the same name only when this one is gone (conflictAction "uniquify").
      rmSync(bare);

      // Header on, through the page again: title, 来源, 发布时间 and 原文链接 above the body.
      await options.check('input[name="metadataHeader"]');
      await expect.poll(stored).toMatchObject({ metadataHeader: true });
      expect((await exportDefault(tabId)).ok).toBe(true);
      const headed = readFileSync(await waitForDownload(browser.downloads, name)).toString('utf8').slice(1).replace(/\r\n/g, '\n');
      const [head, ...rest] = headed.split('\n\n');
      const lines = head!.split('\n');
      expect(lines[0]).toBe(title);
      expect(lines).toContain('来源：省农业农村厅');
      expect(lines).toContainEqual(expect.stringMatching(/^发布时间：2023-05-12/));
      expect(lines.at(-1)).toBe(`原文链接：${server.origin}${PATHS.trs}`);
      expect(lines.slice(1).every((l) => HEADER_LINE.test(l))).toBe(true);
      expect(rest.join('\n\n').startsWith(body)).toBe(true);
      await options.close();
      await page.close();
    });
  });
});

describe('when the reader cannot work', () => {
  it('says 未检测到正文 on a list page and offers to extract anyway', async () => {
    const { page, tabId } = await open(PATHS.list);
    const reader = await openReaderTab(browser, tabId);
    expect(await reader.locator('body').getAttribute('data-state')).toBe('no-article');
    expect(await reader.locator('#state-message').textContent()).toBe('未检测到正文');
    await reader.click('[data-action="extract-anyway"]');
    await reader.waitForFunction(() => document.body.dataset.state === 'article');
    const text = await reader.locator('#content').textContent();
    expect(text!.length).toBeGreaterThan(20);
    // The full tab reads the page the same way.
    const [full] = await Promise.all([browser.context.waitForEvent('page'), reader.click('[data-action="open-tab"]')]);
    await full.waitForFunction(() => document.body.dataset.state !== 'loading');
    expect(full.url()).toMatch(/\?view=tab&tab=\d+&force=1$/);
    expect(await full.locator('#content').textContent()).toBe(text);
    await full.close();
    await reader.close().catch(() => undefined);
    await page.close();
  });

  // Without the "tabs" permission the extension cannot see the address of a page it may not access: the browser's
  // refusal to inject says which kind of page it is.
  it.each([
    ['a browser page', 'chrome://version', 'restricted_browser_page', 'Cannot access a chrome:// URL'],
    ["another extension's page", 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'restricted_browser_page', 'Cannot access a chrome-extension:// URL of different extension'],
    // Chromium's refusal names no page here; with file access on, it is not a local file either.
    ['about:blank', 'about:blank', 'no-access-or-file', 'Cannot access contents of the page.'],
  ])('says why on %s (%s)', async (_name, url, key, refusal) => {
    const { page, tabId } = await openUnseen(url);
    const reader = await openReaderTab(browser, tabId);
    expect(await reader.locator('body').getAttribute('data-state')).toBe('restricted');
    const fileAccess = await browser.worker.evaluate(() => chrome.extension.isAllowedFileSchemeAccess());
    const expected = key === 'no-access-or-file' ? (fileAccess ? 'restricted_no_access' : 'restricted_file') : key;
    expect(await reader.locator('#state-message').textContent()).toBe(ZH_CN[expected]!.message);
    expect(await reader.locator('#state-detail').textContent()).toContain(refusal);
    await reader.close();
    await page.close();
  });

  it('says why on a browser page in the real toolbar popup', async () => {
    const { page } = await openUnseen('chrome://version');
    await page.bringToFront();
    const popup = await ActionPopup.open(browser, page);
    await popup.waitFor(`document.body.dataset.state !== 'loading'`);
    expect(await popup.evaluate<{ state?: string; message: string | null }>(`({ state: document.body.dataset.state, message: document.getElementById('state-message').textContent })`)).toEqual({
      state: 'restricted',
      message: '这是浏览器自己的页面，扩展不能在这里运行。',
    });
    expect(ZH_CN.restricted_browser_page!.message).toBe('这是浏览器自己的页面，扩展不能在这里运行。');
    await page.close();
  });

  it('says why on a PDF and on an image, and reads a plain-text file', async () => {
    const { page: pdf, tabId: pdfTab } = await openUnseen('about:blank');
    await browser.worker.evaluate((id) => chrome.tabs.update(id, { url: 'https://example.invalid/report.pdf' }), pdfTab).catch(() => undefined);
    // Wait until the tab shows the PDF's address (the navigation fails offline, but the address stays).
    await waitInWorker(browser, async (id) => (await chrome.tabs.get(id)).url ?? '', pdfTab, (u) => u.endsWith('/report.pdf'));
    const pdfReader = await browser.context.newPage();
    await pdfReader.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${pdfTab}`);
    await pdfReader.waitForFunction(() => document.body.dataset.state !== 'loading');
    expect(await pdfReader.locator('#state-message').textContent()).toContain('PDF');

    const { page: image, tabId: imageTab } = await open(PATHS.image);
    const imageReader = await openReaderTab(browser, imageTab);
    expect(await imageReader.locator('#state-message').textContent()).toBe(ZH_CN.notHtml!.message.replace('$P1$', 'image/png'));

    const { page: text, tabId: textTab } = await open(PATHS.text);
    const textReader = await openReaderTab(browser, textTab);
    expect(await textReader.locator('body').getAttribute('data-state')).toBe('article');
    expect(await textReader.locator('#content').textContent()).toContain('各单位：请于本月底前完成自查。');
    for (const p of [pdf, pdfReader, image, imageReader, text, textReader]) await p.close();
  });

  // A real PDF, rendered by Chromium's viewer. To a script the extension injects, the tab is then an empty HTML shell
  // (<html><body></body></html>, no <embed>, no frames it can see) with the PDF's own address and
  // document.contentType 'application/pdf'; the viewer is the PDF extension's frame in the tab, out of reach. A `.pdf`
  // address is answered before anything is injected (restricted.ts), any other by the page bundle, from the type.
  it.each([
    ['at a .pdf address', PATHS.pdf],
    ['at an address without .pdf (/download?id=12)', PATHS.pdfDownload],
  ])('says a PDF in the viewer is a PDF, %s, in the reader and for a command', async (_name, path) => {
    const { page, tabId } = await open(path);
    // Chromium renders it: the viewer's frame, and in it the frame of the document itself.
    const viewer = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html';
    await expect
      .poll(() => page.frames().some((f) => f.url() === server.origin + path && f.parentFrame()?.url() === viewer), { timeout: 10_000 })
      .toBe(true);
    expect(await page.evaluate(() => ({ type: document.contentType, text: document.body.textContent.trim(), embeds: document.querySelectorAll('embed, iframe, object').length }))).toEqual({
      type: 'application/pdf',
      text: '',
      embeds: 0,
    });

    const reader = await openReaderTab(browser, tabId);
    expect(await reader.locator('body').getAttribute('data-state')).toBe('restricted');
    expect(await reader.locator('#state-message').textContent()).toBe(ZH_CN.restricted_pdf!.message);
    expect(ZH_CN.restricted_pdf!.message).toBe('这是 PDF 文件，不是网页，没有可提取的网页正文。');

    await page.bringToFront();
    const result = await runInWorker(browser, tabId, { command: 'copy-clean-text' });
    expect(result).toEqual({ ok: false, message: ZH_CN.restricted_pdf!.message });
    // The notice shows over the viewer (the shell is injectable); no badge mark is needed.
    expect(await page.evaluate(() => document.querySelector('qingdu-toast') !== null)).toBe(true);
    expect(await badgeOf(tabId)).toBe('');
    await reader.close();
    await page.close();
  });
});
