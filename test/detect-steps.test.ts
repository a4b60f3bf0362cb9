/**
 * The step-wise detection the content script drives in short slices: the same answer as the one-shot call on every
 * fixture, in pieces small enough to pause between, and not misled or trapped by clobbering form-control names.
 */
import { describe, expect, it } from 'vitest';
import { classifyPage, detectFamily, detectPage, detectPageSteps } from '../src/extract/detect';
import { listFixtures, loadDocument } from './helpers';

const fixtures = listFixtures();

/** Drives the generator as the detector does, one step at a time, and counts the pauses. */
function stepwise(doc: Document, url: string): { result: ReturnType<typeof detectPage>; pauses: number } {
  const steps = detectPageSteps(doc, url);
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) {
      const { family, confidence, isArticle, reason } = next.value;
      return { result: { family, confidence, isArticle, reason }, pauses };
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
    // 15 000 elements and 10 000 text nodes, 256 nodes a step.
    expect(pauses).toBeGreaterThan(15_000 / 256);
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
function pick(c: { isArticle: boolean; reason: string }): { isArticle: boolean; reason: string } {
  return { isArticle: c.isArticle, reason: c.reason.replace(/^running text \(\d+ chars\)$/, 'running text (N chars)') };
}

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
