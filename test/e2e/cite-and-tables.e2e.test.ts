/// <reference types="chrome" />
/**
 * Citations and tables in real Chromium: 复制引用 in the reader, from the keyboard command and from the context
 * menu, read back from the clipboard; BibTeX and CSL-JSON from the reader's citation menu, parsed and validated; the
 * 附加引用 option at the top and at the end of a copy and of every export file; 复制表格 on a table with merged cells
 * (a rectangular TSV and the HTML table on the clipboard) and 导出 CSV (a UTF-8 file with a byte-order mark).
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
import { clipboardFlavours, E2E_DIST, keepDownloadNames, launch, openPage, openReaderTab, runInWorker, serve, waitForDownload, type Browser, type TestServer } from './harness';
import { expectReference, localDay, NOTICE_STEM, noticeReference } from './expected';

const fixture = (name: string): string => readFileSync(join(FIXTURES_DIR, name, 'source.html'), 'utf8');
const SEED = join(CORPUS_DIR, 'seed', 'zhongqi-seed.html');
const CSL_SCHEMA = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/csl-data.json'), 'utf8')) as object;

const PATHS = {
  seed: '/news/seed.html',
  notice: '/news/2187.html',
  tables: '/news/tables.html',
  /** A 公文 (trs-wcm--short-notice) at the address its fixture names. */
  gov: '/kjt/c103412/202306/t20230607_258136.shtml',
};

/** A table with a caption, and one with a table in a cell. */
const TABLES_PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>关于公布培训报名情况的通知_测试站</title></head><body>
<h1>关于公布培训报名情况的通知</h1><p>发布时间：2024-05-06 来源：测试站</p>
<div class="article"><table><tr><td>
<p>根据培训工作安排，现将各单位报名情况公布如下，请各单位核对本单位报名人数，如有出入请于本周五前联系培训中心更正。</p>
<table><caption>表一 报名汇总</caption><thead><tr><th>单位</th><th>人数</th></tr></thead>
<tbody><tr><td>办公室, 综合科</td><td>12</td></tr><tr><td>"计量"中心</td><td>=SUM(1,2)</td></tr></tbody></table>
<p>培训费用按下表标准收取，由各单位统一汇款，汇款时请注明单位名称和“培训费”字样，不接受个人汇款。</p>
</td></tr></table>
<table><tr><th>项目</th><th>明细</th></tr><tr><td>培训费</td><td><table><tr><td>教材</td><td>300</td></tr><tr><td>课时</td><td>2300</td></tr></table></td></tr></table></div></body></html>`;

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  server = await serve({
    ...(existsSync(SEED) ? { [PATHS.seed]: { body: readFileSync(SEED) } } : {}),
    [PATHS.notice]: { body: fixture('zhongqi-portal--notice-zh-labels') },
    [PATHS.gov]: { body: fixture('trs-wcm--short-notice') },
    [PATHS.tables]: { body: TABLES_PAGE },
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

/**
 * Runs `run` and returns the file it downloads. An earlier file of that name is removed first: the browser would
 * number the new one, and the old one would be taken for it.
 */
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

describe('tables', () => {
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

  /** The notice's timetable, every merged cell expanded: a title row over four columns, days over two rows each. */
  const TITLE = '2023年第二期计量检测技术培训班课程安排';
  const GRID = [
    [TITLE, TITLE, TITLE, TITLE],
    ['日期', '时段', '课程内容', '授课教师'],
    ['9月12日', '上午', '计量法律法规与计量管理体系', '高级工程师 刘振邦'],
    ['9月12日', '下午', '测量不确定度评定与表示', '正高级工程师 贺春梅'],
    ['9月13日', '上午', '长度计量器具的检定与校准', '高级工程师 田继伟'],
    ['9月13日', '下午', '实操：卡尺、千分尺、量块的校准', '工程师 杜雅琳'],
    ['9月14日', '上午', '热工计量与温度传感器校准', '高级工程师 邵国庆'],
    ['9月14日', '下午', '实操：热电偶与热电阻的校准', '工程师 钱博文'],
    ['9月15日', '上午', '内部校准规范的编写与期间核查', '正高级工程师 贺春梅'],
    ['9月15日', '下午', '结业考试及证书发放', '结业考试及证书发放'],
  ];

  it('gives each table of the body 复制表格 and 导出 CSV', async () => {
    expect(await reader.locator('#content .table-block').count()).toBe(1);
    expect(await reader.locator('#content .table-tools button').allTextContents()).toEqual(['复制表格', '导出 CSV']);
    // The tools stand above the table, outside it.
    expect(await reader.locator('#content table .table-tools').count()).toBe(0);
  });

  it('复制表格 puts a rectangular TSV, merged cells expanded, and the HTML table on the clipboard', async () => {
    expect(await act(reader, '[data-action="copy-table"]')).toBe('已复制表格，可直接粘贴到 Excel / WPS 表格');
    const flavours = await clipboardFlavours(reader);
    const rows = flavours['text/plain']!.split('\n').map((line) => line.split('\t'));
    expect(new Set(rows.map((row) => row.length))).toEqual(new Set([4]));
    expect(rows).toEqual(GRID);
    // The HTML keeps the merges, for a spreadsheet that pastes it as cells.
    const table = new JSDOM(flavours['text/html']).window.document.querySelector('table')!;
    expect(table.querySelectorAll('td[rowspan="2"]')).toHaveLength(4);
    expect(table.querySelector('td[colspan="4"]')!.textContent).toBe(TITLE);
    expect(table.rows).toHaveLength(10);
  });

  it('导出 CSV downloads a UTF-8 file with a byte-order mark and the grid in CRLF lines', async () => {
    const name = `${NOTICE_STEM}_表1.csv`;
    const path = await download(new RegExp(`^${name.replace(/[.()]/g, '\\$&')}$`), () => act(reader, '[data-action="export-table-csv"]'));
    expect(await reader.locator('#status').textContent()).toBe(`已导出：${name}`);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(0, -2).split('\r\n').map((line) => line.split(','))).toEqual(GRID);
  });

  it('gives the tools to every table but one inside a cell, and names each CSV after its caption or its number', async () => {
    const { page: other, tabId } = await open(PATHS.tables);
    const tablesReader = await openReaderTab(browser, tabId);
    await keepDownloadNames(tablesReader);
    expect(await tablesReader.locator('#content table').count()).toBe(3);
    expect(await tablesReader.locator('#content .table-block > table > caption').allTextContents()).toEqual(['表一 报名汇总']);
    expect(await tablesReader.locator('#content .table-block').count()).toBe(2);
    const csv = async (n: number, name: string): Promise<string> => {
      const path = await download(new RegExp(`^2024-05-06_测试站_关于公布培训报名情况的通知_${name}\\.csv$`), () => act(tablesReader, `#content .table-block >> nth=${n} >> [data-action="export-table-csv"]`));
      return readFileSync(path, 'utf8');
    };
    // Quoted where a comma, a quote or a line break needs it; a formula stays text; the inner table is its cell's text.
    expect(await csv(0, '表一 报名汇总')).toBe('\uFEFF单位,人数\r\n"办公室, 综合科",12\r\n"""计量""中心","\'=SUM(1,2)"\r\n');
    expect(await csv(1, '表2')).toBe('\uFEFF项目,明细\r\n培训费,"教材 300\n课时 2300"\r\n');
    await tablesReader.close();
    await other.close();
  });
});
