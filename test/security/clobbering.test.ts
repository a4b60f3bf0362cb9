/**
 * DOM clobbering of the sanitiser's own inputs. In a browser, `<img name="defaultView">` on a page makes
 * `document.defaultView` that <img> (Document's named properties override its built-ins); jsdom does not implement
 * named properties, so the tests put the same shadowing property on the document by hand. DOMPurify bound to
 * anything but a real window reports `isSupported === false` and cannot sanitise (depending on the version it then
 * lacks sanitize() or returns its input unchanged): the extraction must neither bind it to a clobbered value nor
 * ever use an unsupported purifier.
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index';
import { sanitizeHtml, sanitizeNode, fragmentHtml } from '../../src/extract/sanitize';
import { htmlFragmentProblems } from './inert';
import { CANARY, cmsPage, PAGE_URL } from './page';

const HOSTILE = '<p onclick="alert(1)">点击<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">链接</a></p>';

/** Shadows `property` on `object` with `value`, as a browser's named-property lookup does. */
function clobber(object: object, property: string, value: unknown): void {
  Object.defineProperty(object, property, { configurable: true, get: () => value });
}

describe('DOM clobbering of the sanitiser', () => {
  it('DOMPurify bound to a clobbered defaultView cannot sanitise (why the extraction must not bind it so)', () => {
    // DOMPurify 3.4 then has no sanitize() or addHook() at all (the extraction threw, on any page with such an
    // element); where an unsupported DOMPurify has sanitize(), it returns its input unchanged.
    const { window } = new JSDOM('<img name="defaultView" src="x">');
    const img = window.document.getElementsByName('defaultView')[0]!;
    const purify = createDOMPurify(img as unknown as Window & typeof globalThis);
    expect(purify.isSupported).toBe(false);
    expect(typeof (purify as { addHook?: unknown }).addHook).not.toBe('function');
    window.close();
  });

  it('extracts a sanitised article from a page that clobbers document.defaultView', () => {
    const { window } = new JSDOM(cmsPage('body', `${HOSTILE}<img name="defaultView" src="/a.png"><form id="defaultView"></form>`), { url: PAGE_URL });
    const doc = window.document;
    clobber(doc, 'defaultView', doc.getElementsByName('defaultView')[0]);
    const article = extractArticle(doc, { url: PAGE_URL });
    expect(article).not.toBeNull();
    expect(htmlFragmentProblems(article!.contentHtml)).toEqual([]);
    expect(article!.contentHtml).not.toMatch(/onclick|onerror|javascript:/i);
    expect(article!.textContent).toContain(CANARY);
    window.close();
  });

  it('sanitises a node whose ownerDocument is clobbered', () => {
    const { window } = new JSDOM(`<div id="c">${HOSTILE}</div>`);
    const container = window.document.getElementById('c')!;
    const form = window.document.createElement('form');
    clobber(container, 'ownerDocument', form);
    const html = fragmentHtml(sanitizeNode(container));
    expect(htmlFragmentProblems(html)).toEqual([]);
    expect(html).toContain('点击');
    window.close();
  });

  it('refuses (throws) rather than return HTML unsanitised when no usable window is found', () => {
    const fake = Object.create({ get defaultView() { return {}; } }) as Document;
    expect(() => sanitizeHtml(HOSTILE, fake)).toThrow(/DOMPurify/);
  });
});

describe('DOMPurify is not bound to the page document', () => {
  // DOMPurify reads `window.document.nodeType`, `.createElement`, `.implementation`, `.importNode`, `.currentScript`;
  // on a page whose named elements shadow them it threw (createElement) or reported itself unsupported (nodeType,
  // implementation). sanitize.ts now gives it a fresh document of the window's own.
  for (const member of ['createElement', 'nodeType', 'implementation', 'importNode', 'currentScript']) {
    it(`sanitises the nodes of a page with <img name="${member}">`, () => {
      const { window } = new JSDOM(`<div id="c">${HOSTILE}</div><img name="${member}" src="/a.png">`);
      try {
        const doc = window.document;
        clobber(doc, member, doc.getElementsByName(member)[0]);
        const html = fragmentHtml(sanitizeNode(doc.getElementById('c')!, doc));
        expect(htmlFragmentProblems(html)).toEqual([]);
        expect(html).toContain('点击');
      } finally {
        window.close();
      }
    });
  }
});

describe('the extraction survives a page whose named elements shadow Document members', () => {
  // In a browser, <img name="querySelector"> makes `document.querySelector` that <img>. jsdom does not implement
  // it (the clob-* vectors pass there), so each member is shadowed by hand. The extraction reads the page through
  // the prototypes (src/extract/dom-safe.ts) and the sanitiser binds DOMPurify to a document of its own.
  const members = [
    'querySelector', 'querySelectorAll', 'body', 'head', 'documentElement', 'getElementsByTagName', 'getElementsByName',
    'getElementById', 'createTreeWalker', 'createNodeIterator', 'implementation', 'createElement', 'createTextNode',
    'createDocumentFragment', 'importNode', 'adoptNode', 'cloneNode', 'defaultView', 'nodeType', 'nodeName', 'title',
    'URL', 'childNodes', 'children', 'firstChild', 'parentNode', 'contains', 'currentScript',
  ];
  for (const member of members) {
    it(`gives the sanitised article of a page with <img name="${member}">`, () => {
      const { window } = new JSDOM(cmsPage('body', `${HOSTILE}<img name="${member}" src="/a.png">`), { url: PAGE_URL });
      try {
        const doc = window.document;
        clobber(doc, member, doc.getElementsByName(member)[0]);
        const article = extractArticle(doc, { url: PAGE_URL });
        expect(article?.textContent).toContain(CANARY);
        expect(htmlFragmentProblems(article!.contentHtml)).toEqual([]);
      } finally {
        window.close();
      }
    });
  }
});
