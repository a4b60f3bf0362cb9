/**
 * The detector's one-pass selector matcher must agree with the DOM's own querySelector on every detection signal,
 * on every fixture page (and refuse what it does not understand).
 */
import { describe, expect, it } from 'vitest';
import { DETECTION } from '../src/extract/profiles/index';
import { ASSET_TAGS, collectAsset, MAX_ASSETS_PER_TAG, scoreFamilies } from '../src/extract/family';
import { compileSimpleSelector, matchesCompiled, walkedSelectors } from '../src/extract/simple-selector';
import { listFixtures, loadDocument } from './helpers';

/** The assets and meta values as collectFacts reads them itself: tag by tag, the first ones of each in document order. */
function byTags(doc: Document): { assets: string[]; metas: string[] } {
  const assets: string[] = [];
  const metas: string[] = [];
  for (const tag of ASSET_TAGS) {
    for (const el of [...doc.getElementsByTagName(tag)].slice(0, MAX_ASSETS_PER_TAG)) collectAsset(tag, el, (e, n) => e.getAttribute(n), assets, metas);
  }
  return { assets: assets.sort(), metas: metas.sort() };
}

function walked(doc: Document): { assets: string[]; metas: string[] } {
  const steps = walkedSelectors(doc);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return { assets: [...(next.value.assets ?? [])].sort(), metas: [...(next.value.metas ?? [])].sort() };
}

/** Elements getElementsByTagName does and does not select: foreign namespaces, prefixes, upper-case local names. */
function oddNames(): Document {
  const doc = loadDocument(
    '<html><head><meta name="A" content="1"><meta property="og:x"></head><body><svg><a href="/svg-a"></a><script href="/svg-script"></script></svg>' +
      '<math><a href="/math-a"></a></math><a href="/a">a</a><img src="/i.png"><form action="/f"></form><iframe src="/fr"></iframe></body></html>',
    'https://www.example.com/',
  );
  const html = 'http://www.w3.org/1999/xhtml';
  for (const [ns, name] of [[html, 'SCRIPT'], [html, 'x:script'], [html, 'A'], ['urn:other', 'a'], ['urn:other', 'y:img'], [null, 'meta'], [html, 'Meta']] as const) {
    const el = doc.createElementNS(ns, name);
    el.setAttribute('src', `/${name}`);
    el.setAttribute('href', `/${name}`);
    el.setAttribute('name', name);
    doc.body.append(el);
  }
  return doc;
}


const selectors = [...new Set(DETECTION.flatMap((p) => p.signals).filter((s) => s.kind === 'selector').map((s) => String(s.pattern)))];

describe('simple selector matcher', () => {
  it('compiles every selector signal of the profiles', () => {
    for (const s of selectors) expect(compileSimpleSelector(s), s).not.toBeNull();
  });

  it('refuses selectors it does not understand', () => {
    for (const s of ['div > p', 'a:hover', 'p ~ p', '[x|="y"]', 'div p', '']) expect(compileSimpleSelector(s), s).toBeNull();
  });

  it.each(listFixtures().map((f) => [f.name, f] as const))('agrees with querySelectorAll on %s', (_name, fixture) => {
    const doc = loadDocument(fixture.html, fixture.url);
    const all = [...doc.querySelectorAll('*')];
    for (const s of selectors) {
      const compiled = compileSimpleSelector(s)!;
      const ours = all.filter((el) => matchesCompiled(el, compiled));
      expect(ours, s).toEqual([...doc.querySelectorAll(s)]);
    }
  });

  it('reads the assets and meta values getElementsByTagName selects, of elements in any namespace', () => {
    const doc = oddNames();
    expect(walked(doc)).toEqual(byTags(doc));
    expect(walked(doc).assets).toContain('/svg-a');
  });

  it('reads the first MAX_ASSETS_PER_TAG elements of each tag on a gallery page, and detects its family by them', () => {
    // A DedeCMS gallery: the count script in the head, then more images than are read, the last ones with a
    // DedeCMS template path that therefore goes unread in both engines.
    const images = Array.from({ length: MAX_ASSETS_PER_TAG + 50 }, (_, i) => `<img src="${i < MAX_ASSETS_PER_TAG ? `/uploads/${i}.jpg` : `/templets/${i}.jpg`}">`).join('');
    const doc = loadDocument(`<html><head><script src="/plus/count.php?aid=1"></script></head><body><div>${images}</div></body></html>`, 'http://example.cn/a/1.html');
    const facts = walked(doc);
    expect(facts).toEqual(byTags(doc));
    expect(facts.assets.filter((a) => a.startsWith('/uploads/'))).toHaveLength(MAX_ASSETS_PER_TAG);
    expect(facts.assets.some((a) => a.startsWith('/templets/'))).toBe(false);
    const scores = scoreFamilies(doc, 'http://example.cn/a/1.html');
    expect(scoreFamilies(doc, 'http://example.cn/a/1.html', walkedSelectors)).toEqual(scores);
    expect(scores.find((s) => s.family === 'dedecms')?.score).toBe(2);
  });

  it.each(listFixtures().map((f) => [f.name, f] as const))('reads the assets and meta values of %s as the per-tag reads do', (_name, fixture) => {
    const doc = loadDocument(fixture.html, fixture.url);
    expect(walked(doc)).toEqual(byTags(doc));
  });

  it.each(listFixtures().map((f) => [f.name, f] as const))('as the extraction’s selector engine, scores %s as querySelector does', (_name, fixture) => {
    const doc = loadDocument(fixture.html, fixture.url);
    expect(scoreFamilies(doc, fixture.url, walkedSelectors)).toEqual(scoreFamilies(doc, fixture.url));
  });
});
