/**
 * The declared charset of a saved page (src/cli/decode.ts), from the meta tags an HTML parser builds: a charset in a
 * comment, a script or another attribute does not count, a meta tag past the first 1 024 bytes does. The order of
 * the rules around it (BOM, UTF-8 validity, declaration, GB18030) is tested through the command in cli.test.ts.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodePage } from '../src/cli/decode';

const TITLE = '关于开展安全生产检查的通知';
const page = (head: string, body = `<h1>${TITLE}</h1>`): string => `<!DOCTYPE html><html><head>${head}<title>${TITLE}</title></head><body>${body}</body></html>`;
const gbk = (html: string): Buffer => iconv.encode(html, 'gbk');

describe('declaredCharset', () => {
  it.each([
    ['a comment', '<!-- 旧模板: <meta charset="big5"> -->'],
    ['a script', `<script>document.write('<meta charset="big5">');</script>`],
    ['another attribute', '<meta name="generator" content="CMS 5.0" data-help="charset=big5">'],
    ['a meta without the content-type pragma', '<meta name="description" content="text/html; charset=big5">'],
  ])('does not take a charset in %s for the page’s', (_where, decoy) => {
    const bytes = gbk(page(`${decoy}<meta charset="gbk">`));
    expect(declaredCharset(bytes)).toBe('gbk');
    expect(decodePage(bytes)).toMatchObject({ encoding: 'gb18030', by: 'declaration' });
    expect(decodePage(bytes).text).toContain(`<h1>${TITLE}</h1>`);
  });

  it('reads a meta tag that comes after 1 024 bytes of scripts, as a browser’s parser does', () => {
    const script = `<script>var config = ${JSON.stringify({ pad: 'x'.repeat(3000) })};</script>`;
    const html = page(`${script}<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">`, '<p>Zażółć gęślą jaźń.</p>');
    const bytes = iconv.encode(html, 'iso-8859-2');
    expect(html.indexOf('<meta')).toBeGreaterThan(1024);
    expect(declaredCharset(bytes)).toBe('iso-8859-2');
    expect(decodePage(bytes).text).toContain('<p>Zażółć gęślą jaźń.</p>');
  });

  it('names the encoding as the standard does (gb2312 is GBK, latin1 is windows-1252)', () => {
    expect(declaredCharset(gbk(page('<meta http-equiv="content-type" content="text/html;charset=GB2312">')))).toBe('gbk');
    expect(declaredCharset(Buffer.from(page('<meta charset="iso-8859-1">'), 'latin1'))).toBe('windows-1252');
  });

  it('falls back to an XML declaration or a crawl wrapper’s encoding attribute, and else to none', () => {
    expect(declaredCharset(gbk(`<?xml version="1.0" encoding="GBK"?>${page('')}`))).toBe('gbk');
    expect(declaredCharset(gbk(`<text encoding="gb2312">${page('')}</text>`))).toBe('gb2312');
    expect(declaredCharset(gbk(page('<!-- <meta charset="big5"> -->')))).toBeNull();
    expect(decodePage(gbk(page('<!-- <meta charset="big5"> -->')))).toMatchObject({ encoding: 'gb18030', by: 'fallback' });
  });
});
