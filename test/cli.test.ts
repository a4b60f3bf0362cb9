// @vitest-environment node
/**
 * The qingdu command, run as a user runs it (a child process): output formats, JSON Lines for directories, the
 * decoding of GBK / GB2312 / GB18030 pages, and the exit codes and one-line messages for a user's mistakes.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { localDate } from '../src/format/citation';
import { FIXTURES_DIR } from './helpers';

const BIN = join(import.meta.dirname, '../src/cli/bin.ts');

function qingdu(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ARTICLE = join(FIXTURES_DIR, 'zhongqi-portal--news-en-labels', 'source.html');
const ARTICLE_URL = 'https://www.tjhjmat.com/news/1356.html';
const LIST = join(FIXTURES_DIR, 'hanweb-jcms--column-list', 'source.html');

const NOTICE = (charset: string) => `<!DOCTYPE html><html><head><meta charset="${charset}"><title>关于开展安全生产检查的通知_通知公告_某某市应急管理局</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>
<h1>关于开展安全生产检查的通知</h1><p>发布时间：2024-03-08 来源：办公室</p>
<div class="content"><p>各区县应急管理局：为切实做好春季安全生产工作，防范各类事故发生，经研究，决定于三月中旬在全市范围内开展安全生产大检查。请各单位高度重视，认真组织自查自纠，建立问题清单，落实整改责任，确保检查工作取得实效。检查结果请于三月二十五日前报送市局安全生产综合协调科。</p>
<p>特此通知。</p></div><div class="footer">版权所有：某某市应急管理局 京ICP备12345678号</div></body></html>`;

const tmp = mkdtempSync(join(tmpdir(), 'qingdu-cli-'));

describe('qingdu extract, one file', () => {
  it('prints the clean text with a header and exits 0', () => {
    const r = qingdu('extract', ARTICLE, '--url', ARTICLE_URL);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('华津研究院与滨海新区三家企业签署产学研合作协议');
    expect(r.stdout).toContain('来源：滨城日报');
    expect(r.stdout).toContain('原文链接：https://www.tjhjmat.com/news/1356.html');
    expect(r.stdout).not.toMatch(/ICP备|Time of issue|这是描述信息/);
  });

  it('prints the Article as JSON with every field', () => {
    const r = qingdu('extract', ARTICLE, '--url', ARTICLE_URL, '--format', 'json');
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(
      ['title', 'byline', 'author', 'editor', 'source', 'publishedTime', 'category', 'views', 'summary', 'siteName', 'lang', 'url', 'family', 'confidence', 'textContent', 'contentHtml', 'attachments', 'images', 'length'].sort(),
    );
    expect(a.family).toBe('zhongqi-portal');
    expect(a.publishedTime).toBe('2022-03-15T09:30:00');
  });

  it('prints Markdown with front matter, and a standalone HTML page', () => {
    const md = qingdu('extract', ARTICLE, '--url', ARTICLE_URL, '--format', 'md');
    expect(md.stdout).toMatch(/^---\ntitle: "华津研究院与滨海新区三家企业签署产学研合作协议"\nsource: "滨城日报"\n/);
    expect(md.stdout).toContain('\n# 华津研究院与滨海新区三家企业签署产学研合作协议\n');
    const html = qingdu('extract', ARTICLE, '--url', ARTICLE_URL, '--format', 'html');
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).toContain('<meta charset="utf-8">');
    expect(html.stdout).not.toMatch(/<script/i);
  });

  it('says so on one line and exits 2 when the page holds no article', () => {
    const r = qingdu('extract', LIST, '--url', 'https://fgw.example.gov.cn/col/col1229/index.html');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no article found \(.*list page/);
  });

  it('extracts anyway with --force', () => {
    const r = qingdu('extract', LIST, '--force', '--format', 'json');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { textContent: string }).textContent.length).toBeGreaterThan(0);
  });

  it('gives a saved page without --url its file URL, escaped whatever the name holds', () => {
    const dir = join(tmp, 'saved #1 ?');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, '通知 50%#2.html');
    writeFileSync(file, NOTICE('utf-8'));
    const r = qingdu('extract', file, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const { url } = JSON.parse(r.stdout) as { url: string };
    expect(url).toBe(pathToFileURL(file).href);
    // Pasted into a string, '#' would end the path and '?' start a query.
    expect(new URL(url).hash).toBe('');
    expect(decodeURIComponent(new URL(url).pathname)).toBe(file);
  });

  it('exits 1 with a one-line message, no stack trace, for unreadable input', () => {
    const missing = qingdu('extract', join(tmp, 'nope.html'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.html: no such file or directory\n$/);
    const binary = join(tmp, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const bin = qingdu('extract', binary);
    expect(bin.status).toBe(1);
    expect(bin.stderr).toMatch(/binary file, not an HTML page/);
    const empty = join(tmp, 'empty.html');
    writeFileSync(empty, '');
    expect(qingdu('extract', empty).stderr).toMatch(/empty file/);
    for (const r of [missing, bin]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a malformed --url as a usage error, with no stack trace', () => {
    for (const url of ['http://', 'https://exa mple.com/a', 'http://[::1']) {
      for (const r of [qingdu('extract', ARTICLE, '--url', url), ...(url === 'http://' ? [qingdu('detect', ARTICLE, '--url', url)] : [])]) {
        expect(r.status, url).toBe(1);
        expect(r.stdout, url).toBe('');
        expect(r.stderr, url).toBe(`qingdu: --url "${url}" is not a valid URL\nTry 'qingdu --help'.\n`);
      }
    }
  });

  it('says on one line that a directory holds no pages, naming what it looked for, and exits 1', () => {
    const dir = join(tmp, 'no-pages');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'index.asp'), NOTICE('utf-8'));
    const r = qingdu('extract', dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^qingdu: .*no-pages: no pages found in this directory \(looked for \.html, \.htm, \.shtml, .*\.gz\)\n$/);
    // Beside other inputs it is one failed record among the pages.
    const both = qingdu('extract', dir, ARTICLE, '--format', 'json');
    expect(both.status).toBe(1);
    const records = both.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; ok: boolean; error?: string });
    expect(records.map((x) => [x.file === dir, x.ok])).toEqual([[true, false], [false, true]]);
    expect(records[0]!.error).toMatch(/^no pages found/);
  });

  it('exits 1 on usage errors and explains itself in --help', () => {
    expect(qingdu('extract', ARTICLE, '--format', 'pdf').status).toBe(1);
    expect(qingdu('frobnicate').stderr).toMatch(/unknown command "frobnicate"/);
    expect(qingdu('extract', ARTICLE, '--bogus').status).toBe(1);
    const help = qingdu('--help');
    expect(help.status).toBe(0);
    for (const word of ['extract', 'detect', '--url', '--format', 'JSON Lines', 'GB18030', 'Exit status']) expect(help.stdout).toContain(word);
  });
});

describe('qingdu extract, citations', () => {
  const REFERENCE = (day: string): string =>
    `滨城日报. 华津研究院与滨海新区三家企业签署产学研合作协议[EB/OL]. (2022-03-15)[${day}]. https://www.tjhjmat.com/news/1356.html.`;
  /** Runs the command and gives the local days before and after it (a run across midnight may print either). */
  const run = (...args: string[]): { r: ReturnType<typeof qingdu>; days: string[] } => {
    const before = localDate(new Date());
    const r = qingdu(...args);
    return { r, days: [before, localDate(new Date())] };
  };

  it('prints the GB/T 7714 reference with today as the 引用日期 (--format cite)', () => {
    const { r, days } = run('extract', ARTICLE, '--url', ARTICLE_URL, '--format', 'cite');
    expect(r.status, r.stderr).toBe(0);
    expect(days.map((d) => `${REFERENCE(d)}\n`)).toContain(r.stdout);
  });

  it('gives no address for a saved file without --url', () => {
    const r = qingdu('extract', ARTICLE, '--format', 'cite');
    expect(r.stdout).toMatch(/^滨城日报\. 华津研究院与滨海新区三家企业签署产学研合作协议\[EB\/OL\]\. \(2022-03-15\)\[\d{4}-\d{2}-\d{2}\]\.\n$/);
  });

  it('prints a BibLaTeX @online entry that a BibTeX reader parses (--format bibtex)', () => {
    const { r, days } = run('extract', ARTICLE, '--url', ARTICLE_URL, '--format', 'bibtex');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^@online\{web20220315-[0-9a-z]+,\n/);
    const [item] = new Cite(r.stdout).data;
    expect(item).toMatchObject({ type: 'webpage', title: '华津研究院与滨海新区三家企业签署产学研合作协议', author: [{ family: '滨城日报' }], URL: ARTICLE_URL });
    expect(days.map((d) => ({ 'date-parts': [d.split('-').map(Number)] }))).toContainEqual(item!.accessed);
  });

  it('prints CSL-JSON (--format csl)', () => {
    const r = qingdu('extract', ARTICLE, '--url', ARTICLE_URL, '--format', 'csl');
    expect(r.status, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      type: 'webpage',
      title: '华津研究院与滨海新区三家企业签署产学研合作协议',
      author: [{ literal: '滨城日报' }],
      issued: { 'date-parts': [[2022, 3, 15]] },
      URL: ARTICLE_URL,
      language: 'zh-CN',
    });
  });

  it('puts the reference at the top or the end of text, Markdown and HTML (--reference)', () => {
    const top = run('extract', ARTICLE, '--url', ARTICLE_URL, '--reference', 'top');
    expect(top.days.map((d) => `${REFERENCE(d)}\n\n华津研究院与滨海新区三家企业签署产学研合作协议\n`).some((head) => top.r.stdout.startsWith(head))).toBe(true);
    const md = run('extract', ARTICLE, '--url', ARTICLE_URL, '--format', 'md', '--reference', 'end');
    expect(md.r.stdout).toMatch(/\n\n滨城日报\. 华津研究院与滨海新区三家企业签署产学研合作协议\\\[EB\/OL\\\]\. \(2022-03-15\)\\\[[-\d]+\\\]\. <https:\/\/www\.tjhjmat\.com\/news\/1356\.html>\.\n$/);
    const html = qingdu('extract', ARTICLE, '--url', ARTICLE_URL, '--format', 'html', '--reference', 'end');
    expect(html.stdout).toMatch(/<p class="source-link reference">滨城日报\. .*<\/p>\n<\/article>/);
  });

  it('refuses --reference with another placement or another format, as a usage error', () => {
    for (const [args, message] of [
      [['--reference', 'middle'], '--reference must be top or end, not "middle"'],
      [['--reference', 'top', '--format', 'json'], '--reference goes with --format text, md or html, not json'],
      [['--format', 'ris'], 'unknown format "ris" (choose text, md, html, json, cite, bibtex or csl)'],
    ] as const) {
      const r = qingdu('extract', ARTICLE, ...args);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`qingdu: ${message}\nTry 'qingdu --help'.\n`);
    }
  });
});

describe('qingdu decodes Chinese encodings', () => {
  const write = (name: string, bytes: Buffer): string => {
    const path = join(tmp, name);
    writeFileSync(path, bytes);
    return path;
  };
  const title = (path: string): string => (JSON.parse(qingdu('extract', path, '--format', 'json').stdout) as { title: string }).title;

  it('reads a GBK page by its meta charset', () => {
    expect(title(write('gbk.html', iconv.encode(NOTICE('gbk'), 'gbk')))).toBe('关于开展安全生产检查的通知');
  });

  it('reads a GB18030 page with no declaration at all', () => {
    expect(title(write('gb18030.html', iconv.encode(NOTICE('').replace('<meta charset="">', ''), 'gb18030')))).toBe('关于开展安全生产检查的通知');
  });

  it('reads UTF-8 bytes as UTF-8 even when the page still says gb2312', () => {
    expect(title(write('resaved.html', Buffer.from(NOTICE('gb2312'), 'utf8')))).toBe('关于开展安全生产检查的通知');
  });

  it('honours a UTF-8 byte-order mark', () => {
    expect(title(write('bom.html', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NOTICE('gbk'), 'utf8')])))).toBe('关于开展安全生产检查的通知');
  });
});

describe('qingdu extract, a directory', () => {
  const dir = join(tmp, 'pages');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'a.html'), readFileSync(ARTICLE));
  writeFileSync(join(dir, 'sub', 'b.html'), iconv.encode(NOTICE('gbk'), 'gbk'));
  writeFileSync(join(dir, 'list.html'), readFileSync(LIST));
  writeFileSync(join(dir, 'broken.html'), Buffer.from([0, 1, 2, 3, 0, 0, 0]));
  writeFileSync(join(dir, 'notes.txt'), 'not a page');
  const locked = join(dir, 'locked.html');
  writeFileSync(locked, NOTICE('utf-8'));
  chmodSync(locked, 0o000);
  const runningAsRoot = process.getuid?.() === 0;

  it('writes one JSON line per page, keeps going past failures, lists them and exits non-zero', () => {
    const r = qingdu('extract', dir, '--format', 'json');
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; ok: boolean; error?: string; article?: { title: string } });
    expect(records.map((x) => x.file.slice(dir.length + 1)).sort()).toEqual(['a.html', 'broken.html', 'list.html', 'locked.html', 'sub/b.html']);
    const byName = Object.fromEntries(records.map((x) => [x.file.slice(dir.length + 1), x]));
    expect(byName['a.html']!.ok).toBe(true);
    expect(byName['sub/b.html']!.article!.title).toBe('关于开展安全生产检查的通知');
    expect(byName['list.html']!.error).toMatch(/no article found/);
    expect(byName['broken.html']!.error).toMatch(/binary file/);
    // root reads any file whatever its mode; elsewhere the unreadable file is reported.
    if (!runningAsRoot) expect(byName['locked.html']!.error).toMatch(/permission denied/);
    expect(r.stderr).toMatch(/inputs failed:/);
    expect(r.stderr).toContain('broken.html: binary file');
    expect(r.status).toBe(1);
  });

  it('writes exactly the record shapes --help describes, for every format', () => {
    const help = qingdu('--help').stdout;
    const shapes = { json: ['file', 'ok', 'article'], text: ['file', 'ok', 'title', 'format', 'output'], failed: ['file', 'ok', 'error'] };
    expect(help).toContain('--format json            {"file", "ok": true, "article"}');
    expect(help).toContain('other formats            {"file", "ok": true, "title", "format", "output"}');
    expect(help).toContain('an input that failed     {"file", "ok": false, "error"}');
    for (const format of ['json', 'text', 'md', 'html', 'cite']) {
      const r = qingdu('extract', join(dir, 'a.html'), join(dir, 'list.html'), join(dir, 'gone.html'), '--format', format);
      const [gone, good, list] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(Object.keys(good!), format).toEqual(format === 'json' ? shapes.json : shapes.text);
      for (const failed of [gone!, list!]) expect(Object.keys(failed), format).toEqual(shapes.failed);
      if (format !== 'json') expect(good!.format).toBe(format);
      // output is what the one-file command prints in that format.
      if (format === 'text' || format === 'cite') expect(good!.output).toBe(qingdu('extract', join(dir, 'a.html'), '--format', format).stdout);
    }
  });

  it('gives text, Markdown or HTML per record in the other formats', () => {
    const r = qingdu('extract', join(dir, 'a.html'), join(dir, 'sub', 'b.html'), '--format', 'md');
    expect(r.status).toBe(0);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; format: string; output: string });
    expect(records).toHaveLength(2);
    for (const rec of records) {
      expect(rec.format).toBe('md');
      expect(rec.output).toMatch(/^---\ntitle: /);
    }
  });
});

describe('qingdu detect', () => {
  it('prints the family and whether the page is an article', () => {
    const r = qingdu('detect', ARTICLE, '--url', ARTICLE_URL);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ family: 'zhongqi-portal', isArticle: true });
  });
});
