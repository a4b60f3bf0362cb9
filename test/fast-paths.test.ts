/**
 * The extraction's fast paths give what the plain paths give. copyPage without a visibility check deep-imports the
 * page and prunes the copy; with one it copies node by node: with a check that answers what markup says, both must
 * make the same copy. runReadability swaps three Readability internals for cheaper ones (FASTER): each must answer
 * as the pinned version's own method does, so an upgrade that changes them fails here rather than drifting.
 * joinCjkLines uses a linear form of its pattern: on any text it must do what the plain pattern does. The
 * sanitiser keeps the root <body> of its walk instead of copying the content out of it: same output as without.
 */
import { Readability } from '@mozilla/readability';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyPage } from '../src/extract/copy';
import { lineLocal } from '../src/extract/family';
import { DETECTION, PROFILES } from '../src/extract/profiles/index';
import { FASTER } from '../src/extract/readability';
import { CONFIG, createPurifier, fragmentHtml } from '../src/extract/sanitize';
import { CJK_CHAR, joinCjkLines } from '../src/extract/text';
import { isStaticallyHiddenSafe } from '../src/extract/visibility';
import { listFixtures, loadDocument } from './helpers';
import { cmsPage, CONTEXTS } from './security/page';
import { XSS_VECTORS } from './security/xss-vectors';

const KEEP = PROFILES.flatMap((p) => p.keepVisible ?? []);
const markupDecides = (el: Element): boolean => !isStaticallyHiddenSafe(el);

const pages: { name: string; html: string; url: string }[] = [
  ...listFixtures().map((f) => ({ name: f.name, html: f.html, url: f.url })),
  // Hostile markup: clobbering names, templates, hidden parts, broken nesting.
  ...XSS_VECTORS.filter((_, i) => i % 6 === 0).flatMap((v) => CONTEXTS.map((c) => ({ name: `${v.id} in ${c}`, html: cmsPage(c, v.payload), url: 'https://www.example.gov.cn/a.html' }))),
];

describe('copyPage: deep copy pruned = node-by-node copy', () => {
  it.each(pages)('$name', ({ html, url }) => {
    const doc = loadDocument(html, url);
    const fast = copyPage(doc, { keep: KEEP }).documentElement.outerHTML;
    const plain = copyPage(doc, { keep: KEEP, isVisible: markupDecides }).documentElement.outerHTML;
    expect(fast).toBe(plain);
  });
});

type Internals = typeof FASTER & { REGEXPS: { byline: RegExp } };
const TAG_LISTS = [['a'], ['br'], ['h1'], ['p'], ['table'], ['font'], ['h1', 'h2'], ['script', 'noscript'], ['style'], ['img', 'picture'], ['ul', 'ol'], ['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'], ['object', 'embed', 'iframe']];

describe('Readability internals: FASTER answers as Readability 0.6.0 does', () => {
  it.each(pages.filter((_, i) => i % 2 === 0))('$name', ({ html, url }) => {
    const doc = loadDocument(html, url);
    const reader = new Readability(doc) as unknown as Internals;
    const own = Readability.prototype as unknown as Internals;
    for (const tags of TAG_LISTS) {
      for (const root of [doc, doc.body]) {
        expect(Array.from(FASTER._getAllNodesWithTag.call(reader, root, tags)), tags.join(',')).toEqual(Array.from(own._getAllNodesWithTag.call(reader, root, tags)));
      }
    }
    for (const el of doc.querySelectorAll('*')) {
      expect(FASTER._isElementWithoutContent.call(reader, el)).toBe(own._isElementWithoutContent.call(reader, el));
      const match = `${el.className} ${el.id}`;
      expect(FASTER._isValidByline.call(reader, el, match)).toBe(own._isValidByline.call(reader, el, match));
    }
  });
});

describe('joinCjkLines: the linear pattern = the plain pattern', () => {
  // The plain form: any position may start either branch.
  const plain = new RegExp(`(?<=${CJK_CHAR})[ \\t]*[\\r\\n][\\s]*|[\\s]*[\\r\\n][ \\t]*(?=${CJK_CHAR})`, 'g');
  // Whitespace of every kind the pattern tells apart (U+3000 is both whitespace and CJK punctuation), CJK and not.
  const char = fc.constantFrom(' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u2028', 'a', '.', '中', '。', '，', 'Ａ');

  it('gives the same text on random strings', () => {
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(joinCjkLines(text)).toBe(text.replace(plain, ''));
      }),
      { numRuns: 20_000 },
    );
  });

  it('joins lines beside CJK text and keeps them elsewhere', () => {
    expect(joinCjkLines('第一行\n    第二行')).toBe('第一行第二行');
    expect(joinCjkLines('one\n  two 中')).toBe('one\n  two 中');
    expect(joinCjkLines('Qingdu\n  清读')).toBe('Qingdu清读');
  });
});

describe('sanitiser: keeping the walk\'s root <body> = unwrapping it', () => {
  // A node, or markup with the document whose window sanitises it.
  const sanitized = (input: Node | string, fast: boolean, doc = (input as Node).ownerDocument!): string => {
    const view = doc.defaultView as Window & typeof globalThis;
    return fragmentHtml(createPurifier(view, { fast }).sanitize(input, { ...CONFIG, RETURN_DOM_FRAGMENT: true }));
  };

  it.each(pages)('$name', ({ html, url }) => {
    const doc = loadDocument(html, url);
    // The body's children in a container (what extraction sanitises), and the markup as a string.
    const container = doc.createElement('div');
    container.append(...[...doc.body.childNodes].map((n) => n.cloneNode(true)));
    expect(sanitized(container, true)).toBe(sanitized(container, false));
    expect(sanitized(doc.body.innerHTML, true, doc)).toBe(sanitized(doc.body.innerHTML, false, doc));
  });

  it('unwraps a <body> inside the content, as DOM scripting can make one', () => {
    const doc = loadDocument('<div id="c"><p>before</p></div>', 'https://example.gov.cn/a.html');
    const inner = doc.createElement('body');
    inner.setAttribute('dir', 'rtl');
    inner.innerHTML = '<p>inside</p><img name="body" src="https://example.gov.cn/x.png">';
    doc.getElementById('c')!.append(inner);
    const out = sanitized(doc.getElementById('c')!, true);
    expect(out).toBe(sanitized(doc.getElementById('c')!, false));
    expect(out).not.toMatch(/<body|rtl/i);
    expect(out).toContain('<p>inside</p>');
  });
});

describe('asset signals: one search of the joined asset URLs = one search per URL', () => {
  const assetPatterns = DETECTION.flatMap((p) => p.signals.filter((s) => s.kind === 'asset').map((s) => s.pattern));

  it('holds every profile’s asset patterns to the line-local shape', () => {
    expect(assetPatterns.length).toBeGreaterThan(10);
    expect(assetPatterns.filter((p) => !lineLocal(p))).toEqual([]);
  });

  it('tells line-local patterns from the others', () => {
    const local = [/\/templets\//, /\/W0\d{10,}\w*\.(?:jpe?g|png)/i, /\bfoo\b|bar\B/, /a\\s/, /a\.b\$c\^/, /(?<n>ab)c/, 'dedecms.css'];
    // eslint-disable-next-line no-control-regex -- line breaks written as character codes are the case tested
    const notLocal = [/^a/, /a$/, /a\sb/, /a\Db/, /a\Wb/, /[^x]/, /a(?=b)/, /(?<!b)a/, /a(?!b)/, /a/m, /a/g, /a/y, /a/s, /\n/, /\x0a/, /\u000a/, /\cJ/, /(a)\1/, 'a\nb'];
    expect(local.filter((p) => !lineLocal(p))).toEqual([]);
    expect(notLocal.filter((p) => lineLocal(p))).toEqual([]);
  });

  it('gives the same verdict on random URL lists, for every profile pattern', () => {
    // Pieces of the patterns' own URLs (and line breaks, word and non-word characters) so that matches happen.
    const piece = fc.constantFrom('/', '.', 'a', '1', '0', '\n', ' ', '?', '=', '_', 'W0', '/templets/', '/plus/count.php', 'jcms_files/jcms', 'thefastimg.com/', '/_upload/article/', '/e/data/js/', 'hanweb.com', '/statics/js/', 'api.php?op=count', 'trs.com.cn', 'WCM', 'jpg');
    const url = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(url, { maxLength: 6 }), fc.constantFrom(...assetPatterns), (urls, pattern) => {
        const test = (v: string): boolean => (typeof pattern === 'string' ? v.includes(pattern) : pattern.test(v));
        expect(test(urls.join('\n'))).toBe(urls.some(test));
      }),
      { numRuns: 2000 },
    );
  });
});
