import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { removeChrome } from '../src/extract/chrome';

function clean(html: string, mode: 'page' | 'body' = 'body'): string {
  const root = new JSDOM(`<div id="root">${html}</div>`).window.document.getElementById('root')!;
  removeChrome(root, { mode });
  return root.textContent.replace(/\s+/g, ' ').trim();
}

describe('removeChrome: the text-size switch', () => {
  it('drops a bare 大 中 小 switch, labelled or not, as links, list items or bracketed words', () => {
    expect(clean('<p>正文第一段。</p><div class="font"><ul><li>大</li><li>中</li><li>小</li></ul></div>')).toBe('正文第一段。');
    expect(clean('<p>正文。</p><div><a href="#">【大】</a><a href="#">【中】</a><a href="#">【小】</a></div>')).toBe('正文。');
    expect(clean('<p>正文。</p><div>字号：<a>大</a> <a>中</a> <a>小</a></div>')).toBe('正文。');
  });

  it('keeps a lone size word and sizes in a table (a cell may say 大)', () => {
    expect(clean('<p>正文。</p><p>大</p>')).toBe('正文。大');
    expect(clean('<table><tbody><tr><th>规格</th><td>大</td><td>中</td><td>小</td></tr></tbody></table>')).toBe('规格大中小');
  });
});
