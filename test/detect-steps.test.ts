/**
 * The step-wise detection the content script drives in short slices: the same answer as the one-shot call on every
 * fixture, in pieces small enough to pause between, and not misled or trapped by clobbering form-control names.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { classifyPage, detectFamily, detectPage, detectPageSteps } from '../src/extract/detect';
import { DETECTION } from '../src/extract/profiles/index';
import { listFixtures, loadDocument } from './helpers';

const fixtures = listFixtures();

/** Drives the generator as the detector does, one step at a time, and counts the pauses. */
function stepwise(doc: Document, url: string): { result: ReturnType<typeof detectPage>; pauses: number } {
  const steps = detectPageSteps(doc, url);
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) {
      const { family, confidence, isArticle, pageType, reason } = next.value;
      return { result: { family, confidence, isArticle, pageType, reason }, pauses };
    }
    pauses++;
  }
}

describe('detectPageSteps', () => {
  it.each(fixtures)('gives detectPage’s answer on $name', (fixture) => {
    const doc = loadDocument(fixture.html, fixture.url);
    const oneShot = detectPage(doc, fixture.url);
    const family = detectFamily(doc, fixture.url);
    expect({ ...oneShot, ...pick(oneShot) }).toEqual({ family: family.family, confidence: family.confidence, ...pick(classifyPage(doc, fixture.url, family.profile)) });
    const { result, pauses } = stepwise(doc, fixture.url);
    expect(result).toEqual(oneShot);
    expect(pauses).toBeGreaterThan(0);
  });

  it('pauses at least once per few hundred elements on a large page', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<tr><td><a href="/n/${i}.html">第${i}条</a></td><td>2024-05-06</td></tr>`).join('');
    const doc = loadDocument(`<html><body><table>${rows}</table></body></html>`, 'https://example.gov.cn/list.html');
    const { result, pauses } = stepwise(doc, 'https://example.gov.cn/list.html');
    expect(result.family).toBe('generic');
    // The 5 000 links' addresses are read 256 a step, and each selector query is a step of its own (the body
    // text is not read here: no family could be decided by it).
    const selectorQueries = DETECTION.flatMap((p) => p.signals).filter((s) => s.kind === 'selector').length;
    expect(pauses).toBeGreaterThan(5000 / 256 + selectorQueries);
  });

  it('pauses before each tag whose elements it reads: finding that there are none walks the whole page', () => {
    const url = 'https://example.gov.cn/a.html';
    const { window } = new JSDOM('<html><body><p>正文</p></body></html>', { url });
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the document as `this`
    const byTag = window.Document.prototype.getElementsByTagName;
    let step = 0;
    const stepOfTag = new Map<string, number>();
    vi.spyOn(window.Document.prototype, 'getElementsByTagName').mockImplementation(function (this: Document, tag: string) {
      if (!stepOfTag.has(tag)) stepOfTag.set(tag, step);
      return byTag.call(this, tag);
    });
    const steps = detectPageSteps(window.document, url);
    while (!steps.next().done) step++;
    const tags = ['script', 'link', 'img', 'a', 'form', 'iframe', 'meta'];
    const stepsOfTags = tags.map((t) => stepOfTag.get(t));
    expect(stepsOfTags.every((s) => s !== undefined)).toBe(true);
    expect(new Set(stepsOfTags).size).toBe(tags.length);
  });

  it('reads the page’s text step by step too, not in one piece', () => {
    // 20 000 elements of one text node each. A /templets/ asset makes DedeCMS's text signal decisive, so the text is
    // read; that read and the prose scan each pause every 256 text nodes.
    // Link text is not running text, so the prose scan cannot stop early here.
    const spans = Array.from({ length: 20_000 }, (_, i) => `<a href="/n/${i}.html">第${i}段</a>`).join('');
    const html = `<html><head><link rel="stylesheet" href="/templets/default/style.css"></head><body><div>${spans}</div><p>Powered by DedeCms</p></body></html>`;
    const doc = loadDocument(html, 'https://example.gov.cn/a.html');
    const { result, pauses } = stepwise(doc, 'https://example.gov.cn/a.html');
    expect(result).toEqual(detectPage(doc, 'https://example.gov.cn/a.html'));
    expect(result.family).toBe('dedecms');
    expect(pauses).toBeGreaterThan((2 * 20_000) / 256);
  });
});

/** The verdict and its reason; the detector's quick scan may stop counting characters earlier than classifyPage. */
function pick(c: { isArticle: boolean; pageType: string; reason: string }): { isArticle: boolean; pageType: string; reason: string } {
  return { isArticle: c.isArticle, pageType: c.pageType, reason: c.reason.replace(/^running text \(\d+ chars\)$/, 'running text (N chars)') };
}

describe('asset URLs searched a chunk at a time', () => {
  it('finds a family’s asset after half a megabyte of other URLs, as the one-shot detection does', () => {
    const url = 'https://www.example.com.cn/a/2024/0506/12.html';
    const images = Array.from({ length: 10_000 }, (_, i) => `<img src="/uploads/allimg/240506/image-number-${i}.jpg" alt="">`).join('');
    const html = `<html><body><div>${images}</div><p>${'各单位要按照工作安排认真落实有关要求。'.repeat(10)}</p><a href="/plus/count.php?aid=12">点击</a></body></html>`;
    const doc = loadDocument(html, url);
    const { result } = stepwise(doc, url);
    expect(result.family).toBe('dedecms');
    expect(result).toEqual(detectPage(doc, url));
  });
});

describe('the detector’s quick scan', () => {
  const prose = (n: number): string => Array.from({ length: n }, (_, i) => `<p>第${i}段：各单位要按照工作安排认真落实有关要求。</p>`).join('');
  const paragraphs = prose(20_000);

  it('stops reading a long article’s text once the verdict is certain, with classifyPage’s verdict', () => {
    const url = 'https://example.gov.cn/art/2024/5/6/a.html';
    const doc = loadDocument(`<html><body><div class="content">${paragraphs}</div></body></html>`, url);
    const { result, pauses } = stepwise(doc, url);
    expect(result.isArticle).toBe(true);
    expect(pick(result)).toEqual(pick(classifyPage(doc, url, null)));
    // Twice the text, not one pause more: the walk stopped after the first paragraphs (a full one pauses every 256).
    // (The end of the text that the families' text signals read is capped at 200 000 characters: both pass it.)
    const longer = loadDocument(`<html><body><div class="content">${prose(40_000)}</div></body></html>`, url);
    expect(stepwise(longer, url).pauses).toBe(pauses);
  });

  it('reads the paragraphs’ container first, not a portal’s menus before it', () => {
    const url = 'https://news.example.com.cn/2024/05/06/a.html';
    const menus = Array.from({ length: 20_000 }, (_, i) => `<li><a href="/c/${i}.html">栏目${i}</a></li>`).join('');
    const page = (text: string): string => `<html><body><ul class="nav">${menus}</ul><div class="content">${text}</div></body></html>`;
    const doc = loadDocument(page(prose(60)), url);
    const { result, pauses } = stepwise(doc, url);
    expect(pick(result)).toEqual(pick(classifyPage(doc, url, null)));
    expect(result.isArticle).toBe(true);
    // The same text in <div>s has no paragraph container: the walk reads the menus' 20 000 text nodes first, and
    // pauses every 256 of them. (Both read the 20 000 links' addresses for the families' signals.)
    const divs = loadDocument(page(prose(60).replace(/<(\/?)p>/g, '<$1div>')), url);
    const walked = stepwise(divs, url);
    expect(walked.result.isArticle).toBe(true);
    expect(walked.pauses - pauses).toBeGreaterThan(20_000 / 256 - 2);
  });

  it.each([
    ['a hidden block', '<div style="display:none">', '</div>'],
    ['a link', '<a href="/more.html">', '</a>'],
    ['a page footer', '<footer>', '</footer>'],
  ])('judges the paragraphs as the whole page does when they sit in %s', (_, open, close) => {
    const url = 'https://news.example.com.cn/2024/05/06/a.html';
    const doc = loadDocument(`<html><body><p>本站首页</p>${open}<div class="content">${prose(60)}</div>${close}<p>版权所有</p></body></html>`, url);
    const { result } = stepwise(doc, url);
    expect(result.isArticle).toBe(false);
    expect(pick(result)).toEqual(pick(classifyPage(doc, url, null)));
  });

  it('reads all of it at a search address, where a results list can still outweigh the text', () => {
    const url = 'https://example.gov.cn/search?q=工作';
    const doc = loadDocument(`<html><body><div class="content">${paragraphs}</div></body></html>`, url);
    const { result, pauses } = stepwise(doc, url);
    expect(result).toEqual({ ...detectPage(doc, url), isArticle: classifyPage(doc, url, null).isArticle });
    expect(pauses).toBeGreaterThan(20_000 / 256);
  });
});

describe('clobbering names on the live page', () => {
  const names = ['tagName', 'parentElement', 'parentNode', 'getAttribute', 'getAttributeNames', 'hasAttribute', 'hasAttributes', 'closest', 'textContent', 'querySelectorAll', 'children'];
  const controls = names.map((n) => `<input name="${n}">`).join('');
  const article = (extra: string): string =>
    `<html><head><title>通知</title></head><body>${extra}<div class="article"><h1>关于开展检查工作的通知</h1>` +
    `<form action="/search">${controls}<p>${'各单位：根据工作安排，现就有关事项通知如下。'.repeat(12)}</p></form></div></body></html>`;

  it('neither traps nor misleads the detection', () => {
    const url = 'https://www.example.gov.cn/art/2024/5/6/art_1_1.html';
    const clobbered = loadDocument(
      article('<form name="body"></form><img name="createTreeWalker" alt=""><embed name="createElement"><img name="documentElement" alt="">'),
      url,
    );
    const result = detectPage(clobbered, url);
    expect(result.isArticle).toBe(true);
    // The same answer as on the page whose forms have no such names.
    const clean = loadDocument(article('').replace(/ name="[^"]+"/g, ''), url);
    expect(result).toEqual(detectPage(clean, url));
  });
});

describe('signals read from the page’s text, scripts and comments', () => {
  const SHOW_TEXT = 0x4;
  const URL = 'https://www.example.com/news/1.html';
  /** The family found, and how many times the detection walked the body's text. */
  function textWalks(html: string): { family: string; walks: number } {
    const { window } = new JSDOM(html, { url: URL });
    const walker = vi.spyOn(window.Document.prototype, 'createTreeWalker');
    const { family } = detectFamily(window.document, URL);
    return { family, walks: walker.mock.calls.filter((call) => call[1] === SHOW_TEXT).length };
  }
  const body = '<p>本站讯 今天上午，市政府召开常务会议，研究部署近期重点工作。</p><p>网站建设：中企动力</p>';

  it('leave the body text unread when it could not change the family', () => {
    // The 中企动力 footer line alone (weight 1) cannot reach the threshold: no reason to read the whole text.
    expect(textWalks(`<html><body>${body}</body></html>`)).toEqual({ family: 'generic', walks: 0 });
  });

  it('read it when it decides the family', () => {
    // With the builder's inline script (weight 1), the footer line makes the family.
    expect(textWalks(`<html><head><script>window.tenant = {}</script></head><body>${body}</body></html>`)).toEqual({ family: 'zhongqi-portal', walks: 1 });
  });
});
