/**
 * Detection matrix: every fixture is detected as its own family (the folder prefix) and as no other; `generic`
 * fixtures are detected as none of the known families.
 */
import { describe, expect, it } from 'vitest';
import { DETECTION_THRESHOLD, detectFamily, scoreFamilies } from '../src/extract/detect';
import { PROFILES } from '../src/extract/profiles/index';
import { listFixtures, loadDocument } from './helpers';

const fixtures = listFixtures();

describe('detection matrix', () => {
  it('has at least one article fixture for every family, and negative cases', () => {
    const families = new Set(fixtures.filter((f) => f.truth.article).map((f) => f.family));
    for (const p of PROFILES) expect(families, p.id).toContain(p.id);
    expect(families).toContain('generic');
    expect(fixtures.filter((f) => !f.truth.article).length).toBeGreaterThanOrEqual(3);
  });

  describe.each(fixtures)('$name', (fixture) => {
    const doc = loadDocument(fixture.html, fixture.url);

    it(`is detected as ${fixture.family}`, () => {
      expect(detectFamily(doc, fixture.url).family).toBe(fixture.family);
    });

    it('is detected as no other family', () => {
      const others = scoreFamilies(doc, fixture.url).filter((s) => s.family !== fixture.family && s.score >= DETECTION_THRESHOLD);
      expect(others).toEqual([]);
    });
  });
});
