/**
 * What a family's profile reads by itself on that family's fixtures: the headline and field selectors and the chrome
 * that cms-zh.md gives for the family. The generic header, footer and editor readers find most of these
 * values too, so the goldens alone do not show that the profile's selectors hold; these tests read through the
 * profile only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfileFields } from '../src/extract/page-metadata';
import { DETECTION, profileById, type Profile } from '../src/extract/profiles/index';
import { pageHeadline } from '../src/extract/title';
import { FIXTURES_DIR, loadDocument, type FixtureTruth } from './helpers';

/** The first value each field has among a reader's candidates. */
function valuesOf(shown: { candidates: { field: string; value: string }[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of shown.candidates) out[c.field] ??= c.value;
  return out;
}

/** One fixture, read by name (not through the whole list: others may be half-written while this runs). */
function load(name: string): { doc: Document; truth: FixtureTruth; profile: Profile } {
  const dir = join(FIXTURES_DIR, name);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { url: string; truth: FixtureTruth };
  const doc = loadDocument(readFileSync(join(dir, 'source.html'), 'utf8'), meta.url);
  return { doc, truth: meta.truth, profile: profileById(name.split('--')[0]!)! };
}

/** The elements a profile drops from `doc`, per selector. */
function dropped(doc: Document, profile: Profile, selector: string): Element[] {
  expect(profile.drop).toContain(selector);
  return [...doc.querySelectorAll(selector)];
}

describe('trs-wcm (cms-zh.md §3)', () => {
  it('takes the headline from .article-title', () => {
    const { doc, truth, profile } = load('trs-wcm--short-notice');
    const headline = pageHeadline(doc, profile, []);
    expect(headline?.element.matches('.article-title')).toBe(true);
    expect(headline?.text).toBe(truth.title);
  });

  it('keeps the title selector out of the detector bundle', () => {
    // The detector content script carries the detection parts only, and is at its size limit.
    expect(DETECTION.find((d) => d.id === 'trs-wcm')?.title).toBeUndefined();
    expect(profileById('trs-wcm')?.title).toEqual(['.article-title']);
  });

  it('reads 时间 and 来源 from their line li.article-infos-source', () => {
    const { doc, truth, profile } = load('trs-wcm--gov-news');
    const shown = readProfileFields(doc, profile);
    expect(valuesOf(shown)).toEqual({ publishedTime: truth.publishedTime, source: truth.source });
    expect(new Set(shown.consumed.map((el) => el.className))).toEqual(new Set(['article-infos-source left']));
  });
});

describe('vsb-boda (cms-zh.md §5)', () => {
  it('reads 责任编辑 from .con_bm', () => {
    const { doc, truth, profile } = load('vsb-boda--university-news');
    const shown = readProfileFields(doc, profile);
    expect(valuesOf(shown)).toEqual({ editor: truth.editor });
    expect(shown.consumed.map((el) => el.className)).toEqual(['con_bm']);
  });

  it('drops the .n_tit breadcrumb bar, outside the headline and the body', () => {
    const { doc, profile } = load('vsb-boda--university-news');
    const [bar, ...more] = dropped(doc, profile, '.n_tit');
    expect(more).toEqual([]);
    expect(bar!.textContent).toMatch(/^当前位置：首页>>.+>>正文$/);
    expect(bar!.querySelector('form[name="_newscontent_fromname"], [id^="vsb_content"]')).toBeNull();
  });
});

describe('empirecms (cms-zh.md §9)', () => {
  it('reads the 发布日期 / 所属分类 line and the 版权声明 box', () => {
    const { doc, truth, profile } = load('empirecms--city-news');
    const shown = readProfileFields(doc, profile);
    expect(valuesOf(shown)).toEqual({
      publishedTime: truth.publishedTime,
      category: truth.category,
      source: truth.source,
      author: truth.author,
    });
    // Only the first line of the box: the second is the 转载请注明 link.
    expect(new Set(shown.consumed.map((el) => el.textContent?.trim().slice(0, 4)))).toEqual(new Set(['发布日期', '版权声明']));
  });

  it('drops the 上一篇 / 下一篇 nav.nav-single', () => {
    const { doc, profile } = load('empirecms--city-news');
    const navs = dropped(doc, profile, '.nav-single');
    expect(navs.map((el) => el.tagName)).toEqual(['NAV']);
    expect(navs[0]!.textContent).toMatch(/上一篇：[\s\S]*下一篇：/);
  });
});

describe('zhongqi-omo (cms-zh.md §1.5, generation B)', () => {
  it('drops the c_banner_* block, which holds neither the headline nor the body', () => {
    const { doc, profile } = load('zhongqi-omo--company-news');
    const banners = dropped(doc, profile, '[id^="c_banner_"]');
    expect(banners.map((el) => el.id)).toEqual(['c_banner_008_P_312-17103146851204']);
    expect(banners[0]!.querySelector('[class*="e_h1-"], [class*="e_richText-"]')).toBeNull();
  });
});

describe('profiles with meta lines and no field selectors', () => {
  it.each([
    ['hanweb-jcms--gov-article', 'small-title clearfix'],
    ['dedecms--enterprise-news', 'info'],
  ])('%s: the meta line (class "%s") is read by the profile alone', (name, className) => {
    const { doc, truth, profile } = load(name);
    expect(profile.fields).toBeUndefined();
    const shown = readProfileFields(doc, profile);
    expect(shown.consumed.map((el) => el.className)).toEqual([className]);
    expect(valuesOf(shown).publishedTime).toBe(truth.publishedTime);
    if (valuesOf(shown).source !== undefined) expect(valuesOf(shown).source).toBe(truth.source);
  });
});
