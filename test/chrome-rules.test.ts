/**
 * Every chrome rule of every pack, by its own examples, through the whole of removeChrome (prefilter included): a
 * rule whose trigger words miss its texts, or that takes its near-misses, fails here.
 */
import { describe, expect, it } from 'vitest';
import { CHROME_PACKS, removeChrome } from '../src/extract/chrome';
import { foldWidth, squash } from '../src/extract/text';
import { loadDocument } from './helpers';

const ARTICLE = '<p>市政府今天召开常务会议，研究部署下一阶段的重点工作，会议要求各部门抓好落实。</p>';

/** A page with the article and the example block; `body`: the example sits inside the article's body. */
function page(example: string, body: boolean): { root: Element; block: Element } {
  const markup = example.startsWith('<') ? example : `<div>${example}</div>`;
  const html = body ? `<div id="root">${ARTICLE}<section id="block">${markup}</section></div>` : `<div id="root"><main>${ARTICLE}</main><section id="block">${markup}</section></div>`;
  const doc = loadDocument(`<!DOCTYPE html><html><body>${html}</body></html>`, 'https://www.example.gov.cn/a/1.html');
  const block = doc.getElementById('block')!.firstElementChild!;
  return { root: doc.getElementById('root')!, block };
}

const text = (el: Element): string => squash(foldWidth(el.textContent ?? ''));

for (const [packName, pack] of Object.entries(CHROME_PACKS)) {
  describe(`${packName} pack`, () => {
    for (const rule of pack.rules) {
      const mode = rule.inBody ? 'body' : 'page';
      it.each(rule.examples.remove)(`${rule.name} (${mode}) removes %s`, (example) => {
        const { root, block } = page(example, rule.inBody);
        expect(rule.trigger.test(block.textContent ?? ''), 'its own trigger words').toBe(true);
        expect(rule.test(text(block), block), 'its own test').toBe(true);
        removeChrome(root, { mode });
        expect(root.contains(block), 'removed by removeChrome').toBe(false);
        expect(root.textContent).toContain('常务会议');
      });
      it.each(rule.examples.keep)(`${rule.name} (${mode}) keeps %s`, (example) => {
        const { root, block } = page(example, rule.inBody);
        removeChrome(root, { mode });
        expect(root.contains(block)).toBe(true);
      });
    }
  });
}

describe('packs left out', () => {
  it('keeps what only a left-out pack would remove', () => {
    const { root, block } = page('Teilen: Facebook Twitter E-Mail', true);
    removeChrome(root, { mode: 'body', without: ['western-chrome'] });
    expect(root.contains(block)).toBe(true);
    removeChrome(root, { mode: 'body' });
    expect(root.contains(block)).toBe(false);
  });
});
