/**
 * The checkers of inert.ts catch what they must and pass what is harmless, so that an empty problem list in
 * xss.test.ts means something.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { htmlFragmentProblems, inspectDocx, markdownProblems, standaloneProblems } from './inert';

describe('htmlFragmentProblems', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<p ONCLICK="alert(1)">x</p>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href=" JAVASCRIPT:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html,x">x</a>',
    '<img src="data:text/html,x">',
    '<img srcset="x.png 1x, javascript:alert(1) 2x">',
    '<form action="javascript:alert(1)"></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<video poster="javascript:alert(1)"></video>',
    '<table background="javascript:alert(1)"></table>',
    '<svg><a xlink:href="javascript:alert(1)"></a></svg>',
    '<p style="color:red">x</p>',
    '<iframe srcdoc="x"></iframe>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<math><mi>x</mi></math>',
    '<style>p{}</style>',
    '<link rel="stylesheet" href="x.css">',
  ])('flags %s', (html) => {
    expect(htmlFragmentProblems(html)).not.toEqual([]);
  });

  it.each([
    '<p>正文 <a href="https://www.example.gov.cn/" target="_blank" rel="noopener noreferrer">链接</a></p>',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="图">',
    '<img src="https://img.example.cn/a.jpg" alt="图">',
    '<a href="mailto:office@example.gov.cn">邮件</a> <a href="#top">顶部</a>',
    '<p title="javascript:alert(1)">只是文字</p>',
    '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
  ])('passes %s', (html) => {
    expect(htmlFragmentProblems(html)).toEqual([]);
  });
});

describe('standaloneProblems', () => {
  const csp = "default-src 'none'";
  const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer"><title>t</title><style>css</style>`;
  it('passes the file shape and flags anything added to the head or the body', () => {
    expect(standaloneProblems(`<!DOCTYPE html><html lang="zh-CN"><head>${head}</head><body><h1>t</h1></body></html>`, { css: 'css', csp })).toEqual([]);
    expect(standaloneProblems(`<!DOCTYPE html><html lang="zh-CN"><head>${head}<script>x</script></head><body></body></html>`, { css: 'css', csp })).not.toEqual([]);
    expect(standaloneProblems(`<!DOCTYPE html><html lang="zh-CN" onload="x"><head>${head}</head><body></body></html>`, { css: 'css', csp })).not.toEqual([]);
    expect(standaloneProblems(`<!DOCTYPE html><html lang="zh-CN"><head>${head}</head><body><style>p{}</style></body></html>`, { css: 'css', csp })).not.toEqual([]);
    expect(standaloneProblems(`<!DOCTYPE html><html lang="zh-CN"><head>${head.replace(csp, '*')}</head><body></body></html>`, { css: 'css', csp })).not.toEqual([]);
  });
});

describe('markdownProblems', () => {
  it.each([
    '[x](javascript:alert(1))',
    '[x]( JavaScript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](data:text/html,x)',
    '[x](data:image/png;base64,AA)',
    '![x](data:text/html,x)',
    '[![i](https://a/i.png)](vbscript:x)',
    '[ref]: javascript:alert(1)',
    '<javascript:alert(1)>',
    '<script>alert(1)</script>',
    'text <img src=x onerror=alert(1)> text',
    '<!-- comment -->',
    '<table><tr><td onclick="x">a</td></tr></table>',
    '<table><tr><td>a\n\n[x](javascript:alert(1))</td></tr></table>',
    '<div>block</div>',
  ])('flags %j', (md) => {
    expect(markdownProblems(md)).not.toEqual([]);
  });

  it.each([
    '[链接](https://www.example.gov.cn/ "标题")',
    '![图](data:image/png;base64,AA)',
    '![图](https://img.example.cn/a.jpg)',
    '\\[x\\](javascript:alert(1))',
    '\\<script>alert(1)\\</script>',
    '`<script>alert(1)</script>` and `[x](javascript:alert(1))`',
    '```\n<script>alert(1)</script>\n```',
    '| a | b<br>c |\n| --- | --- |',
    '<table><tbody><tr><td rowspan="2">甲</td><td>乙</td></tr></tbody></table>',
    '&lt;script&gt;',
  ])('passes %j', (md) => {
    expect(markdownProblems(md)).toEqual([]);
  });
});

describe('inspectDocx', () => {
  const docx = (rels: string, body = '<w:p><w:r><w:t>正文</w:t></w:r></w:p>'): Uint8Array =>
    zipSync({
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
      'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    });
  const link = (target: string): string => `<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${target}" TargetMode="External"/>`;

  it('reads the text and passes an ordinary hyperlink', () => {
    expect(inspectDocx(docx(link('https://www.example.gov.cn/')))).toEqual({ problems: [], text: '正文' });
  });

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'vbscript:x', 'data:text/html,x'])('flags a hyperlink to %j', (target) => {
    expect(inspectDocx(docx(link(target))).problems).not.toEqual([]);
  });

  it('flags a script element and malformed XML', () => {
    expect(inspectDocx(docx('', '<script>alert(1)</script>')).problems).not.toEqual([]);
    expect(inspectDocx(docx('', '<w:p>')).problems).not.toEqual([]);
  });
});
