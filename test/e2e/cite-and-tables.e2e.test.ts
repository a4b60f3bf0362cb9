/// <reference types="chrome" />
/**
 * Citations in real Chromium: 复制引用 in the reader, from the keyboard command and from the context menu, read back
 * from the clipboard; BibTeX and CSL-JSON from the reader's citation menu, parsed and validated; the 附加引用 option
 * at the top and at the end of a copy and of every export file.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import Ajv from 'ajv';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { docxOutline } from '../docx-outline';
import { CORPUS_DIR, FIXTURES_DIR } from '../helpers';
import { E2E_DIST, keepDownloadNames, launch, openPage, openReaderTab, runInWorker, serve, waitForDownload, type Browser, type TestServer } from './harness';
import { expectReference, localDay, NOTICE_STEM, noticeReference } from './expected';

const fixture = (name: string): string => readFileSync(join(FIXTURES_DIR, name, 'source.html'), 'utf8');
const SEED = join(CORPUS_DIR, 'seed', 'zhongqi-seed.html');
const CSL_SCHEMA = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/csl-data.json'), 'utf8')) as object;

const PATHS = {
  seed: '/news/seed.html',
  notice: '/news/2187.html',
  /** A 公文 (trs-wcm--short-notice) at the address its fixture names. */
  gov: '/kjt/c103412/202306/t20230607_258136.shtml',
};

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  server = await serve({
    ...(existsSync(SEED) ? { [PATHS.seed]: { body: readFileSync(SEED) } } : {}),
    [PATHS.notice]: { body: fixture('zhongqi-portal--notice-zh-labels') },
    [PATHS.gov]: { body: fixture('trs-wcm--short-notice') },
  });
  browser = await launch({ dist: E2E_DIST });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string): Promise<{ page: Page; tabId: number }> => openPage(browser, server, path);

/** The expected references, by page, for a 引用日期. */
const REFERENCES = {
  seed: (day: string): string => `天津日报. 凝心聚力助发展 服务为民践初心——市政协十五届一次会议以来工作综述[EB/OL]. (2024-01-20)[${day}]. ${server.origin}${PATHS.seed}.`,
  notice: (day: string): string => noticeReference(`${server.origin}${PATHS.notice}`, day),
  // The page shows its 发文字号 (川科函〔2023〕57号) in its 信息公开 table, but the extraction does not read the 公文
  // header into the Article yet (citationSource reads `article.document`): the reference is an online resource's,
  // by the source. Once it does, this becomes 四川省科学技术厅. …: 川科函〔2023〕57号[A/OL]. ….
  gov: (day: string): string => `成果转化与区域创新处. 关于报送2023年度省级科技企业孵化器绩效评价材料的通知[EB/OL]. (2023-06-07)[${day}]. ${server.origin}${PATHS.gov}.`,
};

const clipboardOf = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());
const clearClipboard = (page: Page): Promise<void> => page.evaluate(() => navigator.clipboard.writeText(''));

/** Clicks a reader button and waits until the status line answers. */
async function act(reader: Page, selector: string): Promise<string> {
  await reader.evaluate(() => void (document.getElementById('status')!.textContent = ''));
  await reader.click(selector);
  await expect.poll(() => reader.locator('#status').textContent()).not.toBe('');
  return (await reader.locator('#status').textContent())!;
}

/** Runs `act` and returns the file it downloads, removing any earlier file of that name first (the browser would number the new one). */
async function download(name: RegExp, run: () => Promise<unknown>): Promise<string> {
  for (const file of readdirSync(browser.downloads).filter((f) => name.test(f))) rmSync(join(browser.downloads, file));
  await run();
  return waitForDownload(browser.downloads, name);
}

describe('复制引用', () => {
  it.skipIf(!existsSync(SEED))('the reader’s button puts the seed page’s GB/T 7714 reference on the clipboard, and says so', async () => {
    const { page, tabId } = await open(PATHS.seed);
    const reader = await openReaderTab(browser, tabId);
    await clearClipboard(reader);
    const since = localDay();
    const status = await act(reader, '[data-action="copy-citation"]');
    const copied = await clipboardOf(reader);
    expectReference(copied, REFERENCES.seed, since);
    expect(status).toBe(`已复制引用：${copied}`);
    await reader.close();
    await page.close();
  });

  it('the command and the context-menu item copy a 公文’s reference from the page, with a notice in it', async () => {
    const { page, tabId } = await open(PATHS.gov);
    await page.bringToFront();
    const since = localDay();
    await clearClipboard(page);
    const byCommand = await runInWorker(browser, tabId, { command: 'copy-citation' });
    const copied = await clipboardOf(page);
    expectReference(copied, REFERENCES.gov, since);
    expect(byCommand).toEqual({ ok: true, message: `已复制引用：${copied}` });
    expect(await page.evaluate(() => document.querySelector('qingdu-toast') !== null)).toBe(true);

    await clearClipboard(page);
    expect(await runInWorker(browser, tabId, { task: { kind: 'copy-citation' } })).toEqual(byCommand);
    expect(await clipboardOf(page)).toBe(copied);
    await page.close();
  });

  it('the reader’s citation menu gives the same reference as GB/T 7714, as BibTeX that parses and as CSL-JSON that validates', async () => {
    const { page, tabId } = await open(PATHS.notice);
    const reader = await openReaderTab(browser, tabId);
    const since = localDay();
    const fromMenu = async (style: string): Promise<string> => {
      await reader.click('#citation-menu summary');
      await act(reader, `[data-action="copy-citation-${style}"]`);
      // The menu closes once used.
      expect(await reader.locator('#citation-menu').getAttribute('open')).toBeNull();
      return clipboardOf(reader);
    };
    expectReference(await fromMenu('gbt7714'), REFERENCES.notice, since);

    const bibtex = await fromMenu('bibtex');
    expect(bibtex).toMatch(/^@online\{web20230821-[0-9a-z]+,\n/);
    const [parsed] = new Cite(bibtex).data;
    expect(parsed).toMatchObject({
      type: 'webpage',
      title: '关于举办2023年第二期计量检测技术培训班的通知',
      author: [{ family: '综合办公室' }],
      issued: { 'date-parts': [[2023, 8, 21]] },
      URL: `${server.origin}${PATHS.notice}`,
    });

    const csl = JSON.parse(await fromMenu('csl-json')) as Record<string, unknown>[];
    const validate = new Ajv({ allErrors: true, strict: false }).compile(CSL_SCHEMA);
    expect(validate(csl), JSON.stringify(validate.errors)).toBe(true);
    expect(csl).toHaveLength(1);
    expect(csl[0]).toMatchObject({
      type: 'webpage',
      title: '关于举办2023年第二期计量检测技术培训班的通知',
      author: [{ literal: '综合办公室' }],
      issued: { 'date-parts': [[2023, 8, 21]] },
      URL: `${server.origin}${PATHS.notice}`,
    });
    const accessed = (csl[0]!.accessed as { 'date-parts': number[][] })['date-parts'][0]!;
    expect([...new Set([since, localDay()])]).toContain(accessed.map((n) => String(n).padStart(2, '0')).join('-'));
    await reader.close();
    await page.close();
  });
});

describe('附加引用', () => {
  const setPlacement = (placement: string): Promise<void> => browser.worker.evaluate((p) => chrome.storage.sync.set({ attachReference: p }), placement);
  afterEach(() => browser.worker.evaluate(() => chrome.storage.sync.clear()));

  /** The paragraphs of a text, apart at blank lines. */
  const paragraphs = (text: string): string[] => text.replace(/\r\n/g, '\n').trim().split(/\n\n+/);

  it.each(['top', 'end'] as const)('puts the reference at the %s of copied text and of the TXT, Markdown, HTML and Word files', async (placement) => {
    await setPlacement(placement);
    const { page, tabId } = await open(PATHS.notice);
    const reader = await openReaderTab(browser, tabId);
    await keepDownloadNames(reader);
    const since = localDay();
    // First or last, by placement; and nowhere else.
    const at = <T>(list: T[]): T => (placement === 'top' ? list[0]! : list.at(-1)!);
    const once = (text: string, reference: string): void => expect(text.split(reference)).toHaveLength(2);

    await act(reader, '[data-action="copy-text"]');
    const copied = await clipboardOf(reader);
    const reference = at(paragraphs(copied));
    expectReference(reference, REFERENCES.notice, since);
    once(copied, reference);
    // The title and its header stay next to the reference at the top, the first paragraph otherwise.
    expect(paragraphs(copied)[placement === 'top' ? 1 : 0]).toMatch(/^关于举办2023年第二期计量检测技术培训班的通知\n来源：培训中心\n/);

    const file = async (format: string): Promise<string> => download(new RegExp(`^${NOTICE_STEM}\\.${format}$`), () => act(reader, `[data-action="export-${format}"]`));

    const txt = readFileSync(await file('txt'), 'utf8');
    expect(at(paragraphs(txt))).toBe(reference);
    once(txt, reference);

    // Markdown escapes the brackets and makes the address an autolink; after the front matter at the top.
    const md = readFileSync(await file('md'), 'utf8');
    const mdBlocks = paragraphs(md.replace(/^---\n[^]*?\n---\n/, ''));
    const mdReference = at(mdBlocks);
    expect(mdReference.replace(/\\([[\]])/g, '$1').replace(/<(https?:[^>]+)>/, '$1')).toBe(reference);
    expect(placement === 'top' ? mdBlocks[1] : mdBlocks[0]).toBe('# 关于举办2023年第二期计量检测技术培训班的通知');

    const html = new JSDOM(readFileSync(await file('html'), 'utf8')).window.document;
    const blocks = [...html.querySelector('article')!.children];
    expect(at(blocks).className).toMatch(/\breference\b/);
    expect(at(blocks).textContent).toBe(reference);
    expect(at(blocks).querySelector('a')!.getAttribute('href')).toBe(`${server.origin}${PATHS.notice}`);
    expect(html.querySelectorAll('.reference')).toHaveLength(1);

    // Word: the first or last paragraph, its address a link (the outline writes links as [text](target)).
    const outline = docxOutline(readFileSync(await file('docx'))).split('\n').filter(Boolean);
    const url = `${server.origin}${PATHS.notice}`;
    expect(at(outline).replace(`[${url}](${url})`, url)).toBe(reference);
    expect(outline.filter((line) => line.includes('[EB/OL]'))).toHaveLength(1);

    await reader.close();
    await page.close();
  });

  it('is off by default, and the keyboard commands’ copy and export follow it', async () => {
    const { page, tabId } = await open(PATHS.notice);
    await page.bringToFront();
    await keepDownloadNames(page);
    expect((await runInWorker(browser, tabId, { command: 'copy-clean-text' })).ok).toBe(true);
    expect(await clipboardOf(page)).not.toContain('[EB/OL]');

    await browser.worker.evaluate(() => chrome.storage.sync.set({ attachReference: 'end', defaultFormat: 'txt' }));
    const since = localDay();
    expect((await runInWorker(browser, tabId, { command: 'copy-clean-text' })).ok).toBe(true);
    expectReference(paragraphs(await clipboardOf(page)).at(-1)!, REFERENCES.notice, since);
    const txt = await download(new RegExp(`^${NOTICE_STEM}\\.txt$`), () => runInWorker(browser, tabId, { command: 'export-default' }));
    expectReference(paragraphs(readFileSync(txt, 'utf8')).at(-1)!, REFERENCES.notice, since);
    await page.close();
  });
});
