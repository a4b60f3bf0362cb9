/**
 * The export formats and file names: what each format puts in the file, the options (header, BOM, CRLF), escaping
 * of hostile titles, the Word document's structure, and file names valid on Windows, macOS and Linux.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/extract/types';
import { attachedReference, clipboardPayload, exportArticle, type CitationPlacement } from '../src/format/export';
import { exportFileName, MAX_NAME_BYTES, MAX_NAME_CHARS } from '../src/format/filename';
import { toStandaloneHtml } from '../src/format/html';
import { toMarkdown } from '../src/format/markdown';
import { toText } from '../src/format/text';
import { docxOutline } from './docx-outline';

const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function article(overrides: Partial<Article> = {}): Article {
  return {
    title: '关于开展安全生产检查的通知',
    byline: '办公室',
    author: null,
    editor: '李明',
    source: '办公室',
    publishedTime: '2024-03-08T09:30',
    category: '通知公告',
    views: null,
    summary: null,
    siteName: '某某市应急管理局',
    lang: 'zh-CN',
    url: 'https://yjj.example.gov.cn/tzgg/t20240308_1.shtml',
    family: 'trs-wcm',
    confidence: 1,
    textContent: '各区县应急管理局：\n\n为切实做好春季安全生产工作，决定开展检查。\n\n特此通知。',
    contentHtml:
      '<p>各区县应急管理局：</p><p>为切实做好春季安全生产工作，决定开展<strong>检查</strong>。</p>' +
      '<table><tbody><tr><td rowspan="2">一组</td><td>东区</td></tr><tr><td>西区</td></tr></tbody></table>' +
      `<p><img src="${PNG_1PX}" alt="示意图"></p><p><img src="https://img.example.cn/a.jpg" alt="现场"></p>` +
      '<p>附件：<a href="https://yjj.example.gov.cn/att/检查表.xlsx">检查表.xlsx</a></p><p>特此通知。</p>',
    attachments: [{ name: '检查表.xlsx', url: 'https://yjj.example.gov.cn/att/检查表.xlsx' }],
    images: [{ src: PNG_1PX, alt: '示意图' }],
    length: 40,
    ...overrides,
  };
}

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('plain text', () => {
  it('has a header with title, 来源, 发布时间, 作者, 栏目 and 原文链接, then the paragraphs and the attachments', () => {
    const text = toText(article());
    expect(text).toBe(
      '关于开展安全生产检查的通知\n来源：办公室\n发布时间：2024-03-08 09:30\n栏目：通知公告\n原文链接：https://yjj.example.gov.cn/tzgg/t20240308_1.shtml\n\n' +
        '各区县应急管理局：\n\n为切实做好春季安全生产工作，决定开展检查。\n\n特此通知。\n\n附件：\n检查表.xlsx https://yjj.example.gov.cn/att/检查表.xlsx\n',
    );
  });

  it('leaves the header out, and writes a BOM and CRLF line endings when asked', () => {
    const text = toText(article(), { header: false, bom: true, crlf: true });
    expect(text.startsWith('\uFEFF各区县应急管理局：\r\n\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('Markdown', () => {
  it('puts title, source, date and url in YAML front matter, quoting what needs it', () => {
    const md = toMarkdown(article({ title: '标题: "引号"\n第二行', source: 'a: b' }));
    expect(md.startsWith('---\ntitle: "标题: \\"引号\\"\\n第二行"\nsource: "a: b"\ndate: "2024-03-08T09:30"\nurl: "https://yjj.example.gov.cn/tzgg/t20240308_1.shtml"\n---\n\n# 标题: "引号" 第二行\n')).toBe(true);
  });

  it('keeps a table as HTML where GFM would lose cells: spans written loosely, rowspan="0", a nested table', () => {
    for (const [html, kept] of [
      ['<table><tr><th>区</th><th>人数</th></tr><tr><td colspan="2px">合计</td></tr></table>', '<td colspan="2px">合计</td>'],
      ['<table><tr><td rowspan="0">组</td><td>a</td></tr><tr><td>b</td></tr></table>', '<td rowspan="0">组</td>'],
      ['<table><tr><td>附件</td><td><table><tr><td>1</td><td>表.docx</td></tr></table></td></tr></table>', '<td>表.docx</td>'],
    ] as const) {
      const md = toMarkdown(article({ contentHtml: html }));
      expect(md, html).toMatch(/\n\n<table><tbody><tr>/);
      expect(md, html).toContain(kept);
      expect(md, html).not.toContain('| --- |');
    }
  });

  it('keeps a table with merged cells as HTML and converts a simple one to GFM', () => {
    expect(toMarkdown(article())).toContain('<table><tbody><tr><td rowspan="2">一组</td>');
    const simple = toMarkdown(article({ contentHtml: '<table><tr><th>区</th><th>人数</th></tr><tr><td>东|区</td><td>12</td></tr></table>' }));
    expect(simple).toContain('| 区   | 人数  |\n| --- | --- |\n| 东\\|区 | 12  |');
  });

  it('has no front matter without the header', () => {
    expect(toMarkdown(article(), { frontMatter: false }).startsWith('# 关于开展安全生产检查的通知\n')).toBe(true);
  });
});

describe('standalone HTML', () => {
  it('escapes a hostile title and sanitises the body again', () => {
    const html = toStandaloneHtml(
      article({ title: '<script>alert(1)</script>', contentHtml: '<p>ok</p><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>' }),
      { doc: document },
    );
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });
});

describe('Word', () => {
  it('holds the title, the metadata line, paragraphs, a table with merged cells, links and the embedded image', async () => {
    const file = await exportArticle(article(), 'docx', { parse });
    expect(file.filename).toBe('2024-03-08_办公室_关于开展安全生产检查的通知.docx');
    const zip = unzipSync(file.data as Uint8Array);
    const xml = strFromU8(zip['word/document.xml']!);
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>.*关于开展安全生产检查的通知/s);
    expect(xml).toContain('来源：办公室');
    expect(xml).toContain('为切实做好春季安全生产工作');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:drawing>');
    // The image only at a web address is not fetched: it becomes a link.
    expect(xml).toContain('[图片：现场]');
    expect(Object.keys(zip).some((name) => name.startsWith('word/media/'))).toBe(true);
    const rels = strFromU8(zip['word/_rels/document.xml.rels']!);
    expect(rels).toContain('https://img.example.cn/a.jpg');
    expect(rels).toContain('检查表.xlsx');
  });
});

describe('clipboard payloads', () => {
  it('gives text/html and text/plain for the rich copy, plain text alone otherwise', () => {
    const rich = clipboardPayload(article(), 'html');
    expect(rich.html).toContain('<h1>关于开展安全生产检查的通知</h1><p>来源：办公室');
    expect(rich.text.startsWith('关于开展安全生产检查的通知\n')).toBe(true);
    expect(clipboardPayload(article(), 'text').html).toBeUndefined();
    expect(clipboardPayload(article(), 'markdown').text.startsWith('---\n')).toBe(true);
  });
});

describe('file names', () => {
  const name = (title: string, source: string | null = '办公室', date: string | null = '2024-03-08'): string =>
    exportFileName({ title, source, publishedTime: date }, 'txt');

  it('is YYYY-MM-DD_来源_标题.ext', () => {
    expect(name('关于开展安全生产检查的通知')).toBe('2024-03-08_办公室_关于开展安全生产检查的通知.txt');
    expect(name('标题', null, null)).toBe('标题.txt');
  });

  it('has no reserved characters, controls or direction overrides', () => {
    expect(name('a<b>c:d"e/f\\g|h?i*j\u0007k\u202Etxt.exe')).toBe('2024-03-08_办公室_a b c d e f g h i j k txt.exe.txt');
    expect(name('../../etc/passwd')).toBe('2024-03-08_办公室_etc passwd.txt');
  });

  it('avoids Windows device names and trailing dots and spaces', () => {
    expect(exportFileName({ title: 'CON', source: null, publishedTime: null }, 'txt')).toBe('_CON.txt');
    expect(exportFileName({ title: 'nul', source: null, publishedTime: null }, 'md')).toBe('_nul.md');
    expect(name('标题...  ')).toBe('2024-03-08_办公室_标题.txt');
  });

  it('is at most 150 characters and 240 bytes, without splitting an emoji', () => {
    const long = name('很长的标题'.repeat(100));
    expect(long.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(long.endsWith('.txt')).toBe(true);
    const emoji = name('👨‍👩‍👧'.repeat(40));
    expect(emoji).toMatch(/^2024-03-08_办公室_(?:👨‍👩‍👧)+\.txt$/u);
  });

  it('still names an article without a title', () => {
    expect(name('', null, null)).toBe('未命名文章.txt');
    expect(name('???', null, null)).toBe('未命名文章.txt');
  });
});

describe('附加引用: the reference at the top or the end of every export and copy', () => {
  const now = new Date(2026, 11, 7, 10, 0);
  const REF = '办公室. 关于开展安全生产检查的通知[EB/OL]. (2024-03-08)[2026-12-07]. https://yjj.example.gov.cn/tzgg/t20240308_1.shtml.';
  const ref = (placement: CitationPlacement) => attachedReference({ article: article() }, placement, now);

  it('is the page’s GB/T 7714 reference, or nothing for none', () => {
    expect(ref('top')).toEqual({ placement: 'top', text: REF, url: 'https://yjj.example.gov.cn/tzgg/t20240308_1.shtml' });
    expect(ref('none')).toBeNull();
  });

  it('TXT: the first or the last paragraph, with the file’s line endings', async () => {
    const top = (await exportArticle(article(), 'txt', { parse, reference: ref('top'), crlf: true })).data as string;
    expect(top.startsWith(`${REF}\r\n\r\n关于开展安全生产检查的通知\r\n来源：办公室`)).toBe(true);
    const end = (await exportArticle(article(), 'txt', { parse, reference: ref('end') })).data as string;
    expect(end.endsWith(`检查表.xlsx https://yjj.example.gov.cn/att/检查表.xlsx\n\n${REF}\n`)).toBe(true);
    expect(end.split(REF)).toHaveLength(2);
    const none = (await exportArticle(article(), 'txt', { parse, reference: ref('none') })).data as string;
    expect(none).toBe((await exportArticle(article(), 'txt', { parse })).data);
    expect(none).not.toContain('[EB/OL]');
  });

  it('Markdown: after the front matter or at the end, escaped, the address an autolink', async () => {
    const md = `办公室. 关于开展安全生产检查的通知\\[EB/OL\\]. (2024-03-08)\\[2026-12-07\\]. <https://yjj.example.gov.cn/tzgg/t20240308_1.shtml>.`;
    const top = (await exportArticle(article(), 'md', { parse, reference: ref('top') })).data as string;
    expect(top).toMatch(/^---\n[^]*?\n---\n\n(.*)\n\n# 关于开展安全生产检查的通知\n/);
    expect(/^---\n[^]*?\n---\n\n(.*)\n\n# /.exec(top)![1]).toBe(md);
    const end = (await exportArticle(article(), 'md', { parse, reference: ref('end') })).data as string;
    expect(end.endsWith(`特此通知。\n\n${md}\n`)).toBe(true);
  });

  it('Markdown and HTML: a hostile title in the reference stays text', async () => {
    const hostile = attachedReference({ article: article({ title: '<img src=x onerror=alert(1)>[x](javascript:alert(1))' }) }, 'end', now);
    const md = (await exportArticle(article(), 'md', { parse, reference: hostile })).data as string;
    expect(md.split('\n').at(-2)).toBe('办公室. \\<img src=x onerror=alert(1)>\\[x\\](javascript:alert(1))\\[EB/OL\\]. (2024-03-08)\\[2026-12-07\\]. <https://yjj.example.gov.cn/tzgg/t20240308_1.shtml>.');
    const html = (await exportArticle(article(), 'html', { parse, reference: hostile })).data as string;
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<p class="source-link reference">办公室. &lt;img src=x onerror=alert(1)&gt;[x](javascript:alert(1))[EB/OL].');
  });

  it('HTML: above the title or after the original link, small and grey, the address a link', async () => {
    const linked =
      '办公室. 关于开展安全生产检查的通知[EB/OL]. (2024-03-08)[2026-12-07]. <a href="https://yjj.example.gov.cn/tzgg/t20240308_1.shtml" rel="noopener noreferrer">https://yjj.example.gov.cn/tzgg/t20240308_1.shtml</a>.';
    const top = (await exportArticle(article(), 'html', { parse, reference: ref('top') })).data as string;
    expect(top).toContain(`<article>\n<p class="meta reference">${linked}</p>\n<h1>`);
    const end = (await exportArticle(article(), 'html', { parse, reference: ref('end') })).data as string;
    expect(end).toMatch(new RegExp(`<p class="source-link">.*</p>\\n<p class="source-link reference">${linked.replace(/[.()[\]?]/g, '\\$&')}</p>\\n</article>`));
  });

  it('Word: the first or the last paragraph, the address a link', async () => {
    const paragraphs = async (placement: CitationPlacement): Promise<string[]> =>
      docxOutline((await exportArticle(article(), 'docx', { parse, reference: ref(placement) })).data as Uint8Array)
        .split('\n')
        .filter(Boolean);
    const linked =
      '办公室. 关于开展安全生产检查的通知[EB/OL]. (2024-03-08)[2026-12-07]. [https://yjj.example.gov.cn/tzgg/t20240308_1.shtml](https://yjj.example.gov.cn/tzgg/t20240308_1.shtml).';
    const top = await paragraphs('top');
    expect(top[0]).toContain(linked);
    expect(top[1]).toContain('关于开展安全生产检查的通知');
    const end = await paragraphs('end');
    expect(end.at(-1)).toContain(linked);
    expect(end[0]).not.toContain('[EB/OL]');
  });

  it('copies: text, Markdown and the rich copy carry it too', () => {
    expect(clipboardPayload(article(), 'text', { reference: ref('top') }).text.startsWith(`${REF}\n\n关于开展`)).toBe(true);
    expect(clipboardPayload(article(), 'markdown', { reference: ref('end') }).text.endsWith('t20240308_1.shtml>.')).toBe(true);
    const rich = clipboardPayload(article(), 'html', { reference: ref('end') });
    expect(rich.html).toMatch(/<p>特此通知。<\/p><p>办公室\. 关于开展安全生产检查的通知\[EB\/OL\]\. .*<a href="https:\/\/yjj\.example\.gov\.cn\/tzgg\/t20240308_1\.shtml"/);
    expect(rich.text.endsWith(REF)).toBe(true);
  });
});
