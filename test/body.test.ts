import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { tidyBody } from '../src/extract/body';

function tidy(html: string): string {
  const root = new JSDOM(`<div id="root">${html}</div>`).window.document.getElementById('root')!;
  tidyBody(root);
  return root.innerHTML;
}

describe('tidyBody: paragraphs written as line breaks and an indentation', () => {
  it('splits a <div> into <p>s at each <br> followed by full-width spaces', () => {
    expect(tidy('<div>　　第一段。<br>　　第二段。<br><br>　　第三段。</div>')).toBe('<div><p>第一段。</p><p>第二段。</p><p>第三段。</p></div>');
  });

  it('splits a <p> into copies of itself, keeping inline markup and the class', () => {
    expect(tidy('<p class="art">　　甲<b>乙</b>。<br/>\n&nbsp;&nbsp;丙<br><span>　　丁</span>。</p>')).toBe(
      '<p class="art">甲<b>乙</b>。</p><p class="art">丙</p><p class="art"><span>丁</span>。</p>',
    );
  });

  it('keeps a <br> that is not followed by an indentation (a line break inside a paragraph, an address)', () => {
    expect(tidy('<p>地址：某路1号<br>电话：1234567</p>')).toBe('<p>地址：某路1号<br>电话：1234567</p>');
  });

  it('leaves a block that holds other blocks as it is (a <p> cannot hold them)', () => {
    expect(tidy('<div>甲<br>　　乙<table><tbody><tr><td>丙</td></tr></tbody></table></div>')).toBe(
      '<div>甲<br> 乙<table><tbody><tr><td>丙</td></tr></tbody></table></div>',
    );
  });
});

describe('tidyBody: rules at the edges', () => {
  it('drops horizontal rules before the first text and after the last, and keeps those between', () => {
    expect(tidy('<div><hr></div><p>甲。</p><hr><p>乙。</p><hr><div><hr></div>')).toBe('<p>甲。</p><hr><p>乙。</p>');
  });

  it('keeps a rule under an image or a table: they are content', () => {
    expect(tidy('<p><img src="a.png"></p><hr><p>甲。</p>')).toBe('<p><img src="a.png"></p><hr><p>甲。</p>');
  });
});
