/**
 * The type-selector helpers answer as the selector engine does: closestTag as closest(), hasTagBelow as
 * querySelector() !== null, elementsBelow as querySelectorAll(), for the tag lists the extraction asks, on the
 * fixtures and on hostile markup.
 */
import { describe, expect, it } from 'vitest';
import { closestTag, elementsBelow, hasTagBelow, tagSet } from '../src/extract/tag-match';
import { listFixtures, loadDocument } from './helpers';
import { cmsPage, CONTEXTS } from './security/page';
import { XSS_VECTORS } from './security/xss-vectors';

const SELECTORS = ['h1, h2, h3, h4, h5, h6, p, div, span, strong, b, dt, header, legend, label', 'figcaption', 'img', 'li', 'a', 'img, picture, video, iframe, table', 'p, div, li, h1, h2, h3, h4, h5, h6, blockquote', 'p, div, li, td, th, dd, dt, section, blockquote, h1, h2, h3, h4, h5, h6, center, article, figcaption, pre'];

const pages: { name: string; html: string; url: string }[] = [
  ...listFixtures().map((f) => ({ name: f.name, html: f.html, url: f.url })),
  ...XSS_VECTORS.filter((_, i) => i % 6 === 0).flatMap((v) => CONTEXTS.map((c) => ({ name: `${v.id} in ${c}`, html: cmsPage(c, v.payload), url: 'https://www.example.gov.cn/a.html' }))),
  { name: 'foreign and template content', html: '<svg><a><img/></a><figcaption><p></p></figcaption></svg><math><li><table/></li></math><template><img><li></li></template><p><template><a></a></template></p>', url: 'https://www.example.com/' },
];

describe('tag-match: as closest() and querySelector()', () => {
  it.each(pages.filter((_, i) => i % 2 === 0))('$name', ({ html, url }) => {
    const doc = loadDocument(html, url);
    const all = [...doc.querySelectorAll('*')];
    for (const selector of SELECTORS) {
      const names = tagSet(selector);
      for (const el of all) {
        expect(closestTag(el, names), selector).toBe(el.closest(selector));
        expect(hasTagBelow(el, names), selector).toBe(el.querySelector(selector) !== null);
      }
      for (const el of [doc.documentElement, doc.body, ...all.filter((_, i) => i % 7 === 0)]) {
        expect(elementsBelow(el, names), selector).toEqual([...el.querySelectorAll(selector)]);
      }
    }
    expect(elementsBelow(doc.documentElement)).toEqual([...doc.documentElement.querySelectorAll('*')]);
    // A fragment, as the sanitised article is: its children have no parent element.
    const fragment = doc.createDocumentFragment();
    fragment.append(...[...doc.body.cloneNode(true).childNodes]);
    for (const selector of SELECTORS) expect(elementsBelow(fragment, tagSet(selector)), selector).toEqual([...fragment.querySelectorAll(selector)]);
    expect(elementsBelow(fragment)).toEqual([...fragment.querySelectorAll('*')]);
  });
});
