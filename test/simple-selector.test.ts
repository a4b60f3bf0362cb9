/**
 * The detector's one-pass selector matcher must agree with the DOM's own querySelector on every detection signal,
 * on every fixture page (and refuse what it does not understand).
 */
import { describe, expect, it } from 'vitest';
import { DETECTION } from '../src/extract/profiles/index';
import { scoreFamilies } from '../src/extract/detect';
import { compileSimpleSelector, matchesCompiled, walkedSelectors } from '../src/extract/simple-selector';
import { listFixtures, loadDocument } from './helpers';

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

  it.each(listFixtures().map((f) => [f.name, f] as const))('as the extraction’s selector engine, scores %s as querySelector does', (_name, fixture) => {
    const doc = loadDocument(fixture.html, fixture.url);
    expect(scoreFamilies(doc, fixture.url, walkedSelectors)).toEqual(scoreFamilies(doc, fixture.url));
  });
});
