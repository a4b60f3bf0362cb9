/**
 * Detection matrix: every fixture is detected as its own family (the folder prefix) and as no other; `generic`
 * fixtures are detected as none of the known families.
 */
import { describe, expect, it } from 'vitest';
import { DETECTION_THRESHOLD, detectFamily, detectPage, scoreFamilies } from '../src/extract/detect';
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

describe('a short notice beside a sidebar of dated links', () => {
  // 110 characters: under MIN_PROSE (140), over 2 × MIN_SHORT_PROSE.
  const NOTICE = '因地面硬化改造施工，机关停车场自3月8日起临时封闭，预计4月8日恢复使用，施工期间前来办事的车辆请停放在文化广场停车场或者沿河路临时停车区。给大家带来的不便，敬请谅解，感谢大家的理解和支持。特此通知。';
  const rows = (n: number): string => Array.from({ length: n }, (_, i) => `<li><a href="/tzgg/${880 + i}.html">关于第${i + 1}项工作安排的通知</a><span>2024-02-${10 + i}</span></li>`).join('');
  const page = (main: string, side: string): string =>
    `<!DOCTYPE html><html><head><title>通知</title></head><body><div class="side"><ul>${side}</ul></div><div class="main">${main}</div></body></html>`;
  const verdict = (html: string, url: string): boolean => detectPage(loadDocument(html, url), url).isArticle;

  it('is an article at an article\'s address when no dated row is in its own container', () => {
    const html = page(`<h1>关于停车场临时封闭的通知</h1><div class="con"><p>${NOTICE}</p></div>`, rows(10));
    expect(verdict(html, 'https://www.example.gov.cn/tzgg/8812.html')).toBe(true);
    expect(verdict(html, 'https://www.example.gov.cn/tzgg/202403/t20240305_1.html')).toBe(true);
  });

  it('stays a list at a list\'s address, or when the rows share the text\'s container (a column blurb above its list)', () => {
    const html = page(`<h1>关于停车场临时封闭的通知</h1><div class="con"><p>${NOTICE}</p></div>`, rows(10));
    expect(verdict(html, 'https://www.example.gov.cn/tzgg/index.html')).toBe(false);
    expect(verdict(html, 'https://www.example.gov.cn/tzgg/list_3.html')).toBe(false);
    const list = page(`<div class="con"><p>${NOTICE}</p><ul>${rows(10)}</ul></div>`, '');
    expect(verdict(list, 'https://www.example.gov.cn/tzgg/8812.html')).toBe(false);
  });
});
