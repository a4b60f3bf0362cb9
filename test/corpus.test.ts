/**
 * The acceptance measures of the extraction core on real pages nobody here wrote: the 中企动力 seed page and its
 * expected result, and the cms-zh-real and cms-zh-dev pages with their hand-made truth (../shared/corpus, present in
 * CI). Without the corpus the suite is skipped and says why.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle, type Article } from '../src/extract/index';
import { squash } from '../src/extract/text';
import { charF1, corpusAvailable, fold, loadDocument, CORPUS_DIR } from './helpers';
import { readCorpusPage, readSeed, readTruth } from '../bench/corpus';
import { setByName } from '../bench/sets';
import { splitOf } from '../bench/split';

const available = corpusAvailable();
if (!available) console.warn(`corpus tests skipped: ${CORPUS_DIR} not found (CI has ../shared beside the repo)`);

describe.skipIf(!available)('seed page (中企动力 portal)', () => {
  const { page, expected } = available ? readSeed() : ({} as ReturnType<typeof readSeed>);
  const article = available ? extractArticle(loadDocument(page.html, page.url), { url: page.url }) : null;

  it('gives the expected title, date, category and source', () => {
    expect(article).not.toBeNull();
    expect({
      title: article!.title,
      publishedTime: article!.publishedTime,
      category: article!.category,
      source: article!.source,
    }).toEqual({ title: expected.title, publishedTime: expected.publishedTime, category: expected.category, source: expected.source });
  });

  it('keeps the body: char-F1 ≥ 0.99 against the expected text', () => {
    const { f1 } = charF1(article!.textContent, expected.bodyText);
    expect(f1).toBeGreaterThanOrEqual(0.99);
  });

  it.each(['发布时间:2021', '这是描述信息', 'Time of issue', 'Scan the QR code', '微信公众号', 'ICP备', '友情链接', '返回首页', '(Summary description)'])(
    'drops the chrome %s',
    (chrome) => {
      expect(fold(article!.textContent)).not.toContain(fold(chrome));
    },
  );
});

/**
 * The truth sets' pages: extraction meets floors on titles, dates and page types. A miss on a dev page is named; a
 * held-out test page is only counted (bench/split.ts), so that nobody tunes on it from a test failure.
 */
const FLOORS: Record<'cms-zh-real' | 'cms-zh-dev', { title: number; date: number; pageType: number }> = {
  'cms-zh-real': { title: 20 / 21, date: 19 / 20, pageType: 1 },
  'cms-zh-dev': { title: 0.85, date: 0.87, pageType: 0.95 },
};

describe.each(['cms-zh-real', 'cms-zh-dev'] as const)('%s pages (hand-made truth)', (set) => {
  const truth = available ? readTruth(set) : {};
  const def = setByName(set);
  const results = Object.entries(truth).map(([id, t]) => {
    const page = readCorpusPage(set, id, t.url);
    const article: Article | null = extractArticle(loadDocument(page.html, page.url), { url: page.url });
    return { id, dev: splitOf(set, id, def.file(id)) === 'dev', truth: t, article };
  });
  const articles = results.filter((r) => r.truth.article !== false);
  const report = (misses: { id: string; dev: boolean; why: string }[]): string => {
    const test = misses.filter((m) => !m.dev).length;
    return `misses:\n  ${misses.filter((m) => m.dev).map((m) => `${m.id}: ${m.why}`).join('\n  ')}${test ? `\n  and ${test} held-out test page(s)` : ''}`;
  };

  it.skipIf(!available)(`gives the true title on at least ${Math.round(FLOORS[set].title * 100)} % of the articles`, () => {
    const titled = articles.filter((r) => r.truth.title);
    const misses = titled
      .filter((r) => squash(r.article?.title ?? '') !== squash(r.truth.title ?? ''))
      .map((r) => ({ ...r, why: `got ${JSON.stringify(r.article?.title)} want ${JSON.stringify(r.truth.title)}` }));
    expect(1 - misses.length / titled.length, report(misses)).toBeGreaterThanOrEqual(FLOORS[set].title);
  });

  it.skipIf(!available)(`gives the true publication day on at least ${Math.round(FLOORS[set].date * 100)} % of the dated pages`, () => {
    const dated = articles.filter((r) => r.truth.publishedTime);
    const misses = dated
      .filter((r) => r.article?.publishedTime?.slice(0, 10) !== r.truth.publishedTime!.slice(0, 10))
      .map((r) => ({ ...r, why: `got ${r.article?.publishedTime} want ${r.truth.publishedTime}` }));
    expect(1 - misses.length / dated.length, report(misses)).toBeGreaterThanOrEqual(FLOORS[set].date);
  });

  it.skipIf(!available)(`takes at least ${Math.round(FLOORS[set].pageType * 100)} % of the pages for what they are (article or not)`, () => {
    const misses = results
      .filter((r) => (r.article !== null) !== (r.truth.article !== false))
      .map((r) => ({ ...r, why: r.article ? 'an article returned for a page that is not one' : 'no article returned' }));
    expect(1 - misses.length / results.length, report(misses)).toBeGreaterThanOrEqual(FLOORS[set].pageType);
  });
});
