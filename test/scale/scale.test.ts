/**
 * Big generated pages (test/scale/pages.ts) at sizes a test can afford: extraction finishes and gives the article.
 * These assert the outcome only; a pass that grows faster than the page shows up here as a time-out, and the
 * full sizes are timed by `npm run bench:scale`.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index';
import { elementsOf } from '../../src/extract/dom-safe';
import { loadDocument } from '../helpers';
import { deepPage, hugePage, imagesPage, tablePage } from './pages';

const URL = 'https://www.example.gov.cn/art/2024/5/6/art_1_1.html';
const extract = (html: string) => extractArticle(loadDocument(html, URL), { url: URL });

describe('elementsOf', () => {
  it('gives every element of a large live collection, in order', () => {
    const doc = loadDocument(`<div>${'<p></p><span></span>'.repeat(20_000)}</div>`, URL);
    const ps = elementsOf(doc.getElementsByTagName('p'));
    expect(ps).toHaveLength(20_000);
    expect(ps.every((p) => p.tagName === 'P')).toBe(true);
    const children = elementsOf(doc.body.firstElementChild!.children);
    expect(children).toHaveLength(40_000);
    expect(children[1]!.tagName).toBe('SPAN');
  });
});

describe('scale pages', () => {
  it('a 1 MB page: the whole article, not the sidebar', () => {
    const article = extract(hugePage(1));
    expect(article?.title).toBe('超大页面测试');
    expect(article?.textContent).toContain('第0段。');
    expect(article?.textContent).toMatch(/第\d{4,}段。/);
    expect(article?.textContent).not.toContain('相关新闻标题');
  }, 180_000);

  it('a 5 000-row table: every row', () => {
    const article = extract(tablePage(5_000));
    expect(article?.contentHtml).toContain('单位4999');
    expect(article?.contentHtml.match(/<tr>/g)).toHaveLength(5_000);
  }, 180_000);

  it('10 000 images: every image', () => {
    const article = extract(imagesPage(10_000));
    expect(article?.images).toHaveLength(10_000);
    expect(article?.images[9_999]?.src).toBe('https://www.example.gov.cn/img/9999.jpg');
  }, 180_000);

  it('5 000 levels of nesting: the paragraphs at the bottom', () => {
    const article = extract(deepPage(5_000));
    expect(article?.textContent.match(/为切实做好安全生产工作/g)).toHaveLength(10);
  }, 180_000);
});
