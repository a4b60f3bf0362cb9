/**
 * Markdown injection, case by case: a Markdown file is rendered by tools that allow raw HTML and follow links
 * (editors, static-site generators, note apps), so text from the page must stay text there. Each case is a way the
 * Markdown export could turn page text into a live link or raw HTML; markdownProblems (inert.ts) reads the output
 * the way a CommonMark renderer does.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/extract/types';
import { toMarkdown } from '../../src/format/markdown';
import { markdownProblems } from './inert';

function article(overrides: Partial<Article>): Article {
  return {
    title: '关于开展安全生产检查的通知',
    byline: null,
    author: null,
    editor: null,
    source: '办公室',
    publishedTime: '2024-03-08',
    category: null,
    views: null,
    summary: null,
    siteName: null,
    lang: 'zh-CN',
    url: 'https://www.example.gov.cn/a.html',
    family: 'generic',
    confidence: 0,
    textContent: '正文。',
    contentHtml: '<p>正文。</p>',
    attachments: [],
    images: [],
    length: 3,
    ...overrides,
  };
}

const HOSTILE_TEXT = '[点击](javascript:alert(1)) <img src=x onerror=alert(2)> <javascript:alert(3)> [y]: javascript:alert(4)';

describe('Markdown export keeps page text as text', () => {
  it('escapes a title holding a link, an autolink and raw HTML', () => {
    const md = toMarkdown(article({ title: HOSTILE_TEXT }));
    expect(markdownProblems(md)).toEqual([]);
    expect(md).toContain('# \\[点击\\](javascript:alert(1)) \\<img src=x onerror=alert(2)> \\<javascript:alert(3)> \\[y\\]: javascript:alert(4)\n');
  });

  it('writes front matter values without raw "<" or brackets, and they parse back to the same text', () => {
    const md = toMarkdown(article({ title: HOSTILE_TEXT, source: '</script><script>alert(1)</script>', author: '[作者](javascript:alert(1))' }));
    expect(markdownProblems(md)).toEqual([]);
    const front = md.split('---\n')[1]!;
    const values = Object.fromEntries(front.trim().split('\n').map((l) => [l.slice(0, l.indexOf(':')), JSON.parse(l.slice(l.indexOf(':') + 1)) as string]));
    expect(values).toMatchObject({ title: HOSTILE_TEXT, source: '</script><script>alert(1)</script>', author: '[作者](javascript:alert(1))' });
  });

  it('escapes body text that looks like markup or a link', () => {
    const html = `<p>${HOSTILE_TEXT.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
    const md = toMarkdown(article({ contentHtml: html }));
    expect(markdownProblems(md)).toEqual([]);
    expect(md).toContain('\\<img src=x onerror=alert(2)>');
  });

  it('escapes image alt text', () => {
    const md = toMarkdown(article({ contentHtml: '<p><img src="https://img.example.cn/a.jpg" alt="<img src=x onerror=alert(1)> ](javascript:alert(2)) ["></p>' }));
    expect(markdownProblems(md)).toEqual([]);
    expect(md).toContain('![\\<img src=x onerror=alert(1)> \\](javascript:alert(2)) \\[](https://img.example.cn/a.jpg)');
  });

  it('keeps a link title ending in a backslash inside its link', () => {
    // Turndown escapes only '"' in titles: `"…\"` would leave the title, and the link, open, and the raw <img>
    // inside it would become markup.
    const html = '<p><a href="https://www.example.gov.cn/" title="<img src=x onerror=alert(1)>\\">链接</a></p>';
    const md = toMarkdown(article({ contentHtml: html }));
    expect(markdownProblems(md)).toEqual([]);
    expect(md).toContain('[链接](https://www.example.gov.cn/ "\\<img src=x onerror=alert(1)>\\\\")');
  });

  it('escapes backslashes and brackets in link destinations', () => {
    const md = toMarkdown(article({ contentHtml: '<p><a href="mailto:office@example.gov.cn\\">邮件</a> <a href="https://a.example/x) [y](javascript:alert(1)">括号</a></p>' }));
    expect(markdownProblems(md)).toEqual([]);
    expect(md).toContain('[邮件](mailto:office@example.gov.cn\\\\) [括号](https://a.example/x\\)%20[y]\\(javascript:alert\\(1\\))');
  });

  it('keeps a table written as HTML on one line, so a blank line in a cell cannot end the HTML block', () => {
    // Turndown collapses white space, but not in <pre>: a blank line there used to end the HTML block, and the
    // rest of the cell was then read as Markdown (a javascript: link, raw HTML from the entity-escaped text).
    const html = '<table><tbody><tr><td rowspan="2">甲</td><td><pre>第一段\n\n[点击](javascript:alert(1)) &lt;img src=x onerror=alert(2)&gt;</pre></td></tr><tr><td>乙</td></tr></tbody></table>';
    const md = toMarkdown(article({ contentHtml: html }));
    expect(markdownProblems(md)).toEqual([]);
    const table = md.split('\n').find((l) => l.startsWith('<table'))!;
    expect(table.endsWith('</table>')).toBe(true);
    const pre = new DOMParser().parseFromString(table, 'text/html').querySelector('pre')!;
    expect(pre.textContent).toBe('第一段\n\n[点击](javascript:alert(1)) <img src=x onerror=alert(2)>');
  });

  it('escapes text in GFM table cells', () => {
    const md = toMarkdown(article({ contentHtml: '<table><tr><th>项目</th><th>说明</th></tr><tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>[x](javascript:alert(1))</td></tr></table>' }));
    expect(markdownProblems(md)).toEqual([]);
    expect(md).toContain('\\<script>alert(1)\\</script>');
  });
});
