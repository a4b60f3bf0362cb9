/**
 * Detection matrix: every fixture is detected as its own family (the folder prefix) and as no other; `generic`
 * fixtures are detected as none of the known families.
 */
import { describe, expect, it } from 'vitest';
import { DETECTION_THRESHOLD, detectFamily, scoreFamilies } from '../src/extract/detect';
import { PROFILES } from '../src/extract/profiles/index';
import { listFixtures, loadDocument } from './helpers';

const fixtures = listFixtures();

/** detectFamily's answer as scoreFamilies gives it: the first of the highest scores at the threshold or over. */
function winner(doc: Document, url: string): string {
  let best: { family: string; score: number } | null = null;
  for (const s of scoreFamilies(doc, url)) if (s.score >= DETECTION_THRESHOLD && (!best || s.score > best.score)) best = s;
  return best?.family ?? 'generic';
}

const SCRIPT = '<script>window.tenant = {};</script>';
const TEXT = '<p>网站建设：中企动力</p>';
const FOUNDER = '<!--enpproperty <title>x</title>--><!--enpcontent--><p>正文</p><!--/enpcontent-->';
const VSB = '<!--#begineditable name="x"--><script>_showDynClicks("a")</script>';
const DEDE = '<p>Powered by DedeCms</p><script src="/templets/default/js/dedeajax2.js"></script>';
/** Pages whose family hangs on the comment, script and text signals, alone and in competition. */
const SIGNAL_PAGES = [SCRIPT, TEXT, SCRIPT + TEXT, FOUNDER, FOUNDER + SCRIPT + TEXT, VSB, VSB + SCRIPT + TEXT, DEDE, DEDE + SCRIPT, TEXT + VSB + FOUNDER, ''].map(
  (body, i) => ({ name: `signals ${i}`, html: `<html><head><title>t</title></head><body>${body}</body></html>` }),
);

describe('detection matrix', () => {
  it('has at least one article fixture for every family, and negative cases', () => {
    const families = new Set(fixtures.filter((f) => f.truth.article).map((f) => f.family));
    for (const p of PROFILES) expect(families, p.id).toContain(p.id);
    expect(families).toContain('generic');
    expect(fixtures.filter((f) => !f.truth.article).length).toBeGreaterThanOrEqual(3);
  });

  it.each([...fixtures, ...SIGNAL_PAGES.map((p) => ({ ...p, url: 'https://www.example.com/a.html' }))])('$name: the winner of the scores', ({ html, url }) => {
    const doc = loadDocument(html, url);
    expect(detectFamily(doc, url).family).toBe(winner(doc, url));
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
