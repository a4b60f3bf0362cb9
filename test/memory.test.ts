/**
 * The CLI and the benchmark run thousands of pages in one process, each in a jsdom window of its own: nothing the
 * pipeline keeps between calls (caches keyed by prototypes or windows) may keep closed pages alive. Each page
 * here holds about 1.4 MB while alive, so a leak shows as heap growth in proportion to the number of pages.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/index';
import { exportArticle, EXPORT_FORMATS } from '../src/format/export';
import { cmsPage, PAGE_URL } from './security/page';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Extracts and exports one page in a window of its own, then closes the window. */
async function onePage(): Promise<void> {
  const { window } = new JSDOM(cmsPage('body', '<p>正文</p>'), { url: PAGE_URL, virtualConsole: new VirtualConsole() });
  const article = extractArticle(window.document, { url: PAGE_URL });
  if (!article) throw new Error('no article found on the test page');
  const parse = (html: string): Document => new window.DOMParser().parseFromString(html, 'text/html');
  for (const format of EXPORT_FORMATS) await exportArticle(article, format, { parse });
  window.close();
  // jsdom finishes closing a window on a later task.
  await new Promise((resolve) => setTimeout(resolve, 1));
}

async function settledHeap(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('memory', () => {
  it('does not grow with the number of pages extracted and exported', async () => {
    for (let i = 0; i < 5; i++) await onePage(); // warm-up: module caches, compiled code
    const before = await settledHeap();
    const pages = 40;
    for (let i = 0; i < pages; i++) await onePage();
    const perPage = ((await settledHeap()) - before) / pages;
    // A page kept alive costs well over 1 MB; what stays is tens of kB per page (compiled code, caches that are bounded).
    expect(perPage).toBeLessThan(500_000);
  });
});
