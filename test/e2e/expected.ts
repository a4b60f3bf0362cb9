/**
 * What the Chromium and the Firefox suites both expect of the same pages: the reader's view of the seed page, and the
 * copied text, the exports and the reference of the 中企动力 notice fixture. One place, so that both browsers are held
 * to one result.
 */
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { expect } from 'vitest';

/** The reader's view of the seed page (../shared/corpus/seed/zhongqi-seed.html). */
export function expectSeedView(shown: { title?: string | null; meta?: string | null; text?: string | null }): void {
  expect(shown.title).toBe('凝心聚力助发展 服务为民践初心 ——市政协十五届一次会议以来工作综述');
  expect(shown.meta).toContain('来源：天津日报');
  expect(shown.text).toContain('新元肇启，万象更新');
  expect(shown.text).not.toMatch(/Time of issue|这是描述信息|ICP备/);
}

const NOTICE_TITLE = '关于举办2023年第二期计量检测技术培训班的通知';

/** The notice as copied text (copy-text, with the metadata header). */
export function expectNoticeText(text: string): void {
  expect(text.split('\n')[0]).toBe(NOTICE_TITLE);
  expect(text).toContain('来源：培训中心');
  expect(text).toContain('为进一步提升企业计量检测人员的专业技术水平');
  expect(text).not.toMatch(/ICP备|<\w+/);
}

/** The name of each of the notice's exports, before its extension. */
export const NOTICE_STEM = `2023-08-21_培训中心_${NOTICE_TITLE}`;

/** The notice's text exports, each with what its file must be. */
export const NOTICE_TEXT_EXPORTS: [format: string, check: (content: string) => boolean][] = [
  ['txt', (c) => c.startsWith(`${NOTICE_TITLE}\n来源：培训中心`)],
  ['md', (c) => c.startsWith('---\ntitle: ') && c.includes('<td rowspan="2">')],
  ['html', (c) => c.startsWith('<!DOCTYPE html>') && c.includes('<meta charset="utf-8">') && !/<script/i.test(c)],
];

/** The notice's Word export: title, metadata and the table with its merged cells. Returns the unzipped file. */
export function expectNoticeDocx(bytes: Uint8Array): Unzipped {
  const zip = unzipSync(bytes);
  const xml = strFromU8(zip['word/document.xml']!);
  for (const part of [NOTICE_TITLE, '来源：培训中心', '<w:tbl>']) expect(xml).toContain(part);
  expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
  return zip;
}

/** The notice's GB/T 7714 reference, served at `url`, on a 引用日期. */
export const noticeReference = (url: string, day: string): string => `综合办公室. ${NOTICE_TITLE}[EB/OL]. (2023-08-21)[${day}]. ${url}.`;

/** A day on the local clock, as GB/T 7714's 引用日期 gives it. */
export function localDay(date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * A reference the extension wrote at some moment between `since` (a day taken before it acted) and now must be
 * `expected` of one of those days: midnight may fall in between.
 */
export function expectReference(actual: string, expected: (day: string) => string, since: string): void {
  expect([...new Set([since, localDay()])].map(expected)).toContain(actual);
}
