/**
 * The acceptance measures of the extraction core on real pages nobody here wrote: the 中企动力 seed page and its
 * expected result, and the cms-zh-real pages with their hand-made metadata truth (../shared/corpus, present in
 * CI). Without the corpus the suite is skipped and says why.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle, type Article } from '../src/extract/index';
import { squash } from '../src/extract/text';
import { charF1, corpusAvailable, fold, loadDocument, CORPUS_DIR } from './helpers';
import { readCorpusPage, readSeed, readTruth } from '../bench/corpus';

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

describe.skipIf(!available)('cms-zh-real pages (hand-made metadata truth)', () => {
  const truth = available ? readTruth('cms-zh-real') : {};
  const results = Object.entries(truth).map(([id, t]) => {
    const page = readCorpusPage('cms-zh-real', id);
    const article: Article | null = extractArticle(loadDocument(page.html, page.url), { url: page.url });
    return { id, truth: t, article };
  });
  const articles = results.filter((r) => r.truth.article !== false);
  const report = (misses: string[]): string => `misses:\n  ${misses.join('\n  ')}`;

  it('gives the true title on at least 20 of the 21 articles', () => {
    const misses = articles
      .filter((r) => squash(r.article?.title ?? '') !== squash(r.truth.title ?? ''))
      .map((r) => `${r.id}: got ${JSON.stringify(r.article?.title)} want ${JSON.stringify(r.truth.title)}`);
    expect(articles).toHaveLength(21);
    expect(articles.length - misses.length, report(misses)).toBeGreaterThanOrEqual(20);
  });

  it('gives the true publication day on at least 19 of the 20 dated pages', () => {
    const dated = articles.filter((r) => r.truth.publishedTime);
    const misses = dated
      .filter((r) => r.article?.publishedTime?.slice(0, 10) !== r.truth.publishedTime!.slice(0, 10))
      .map((r) => `${r.id}: got ${r.article?.publishedTime} want ${r.truth.publishedTime}`);
    expect(dated).toHaveLength(20);
    expect(dated.length - misses.length, report(misses)).toBeGreaterThanOrEqual(19);
  });

  it('gives no article for the page that is not one', () => {
    const negatives = results.filter((r) => r.truth.article === false);
    expect(negatives.length).toBeGreaterThanOrEqual(1);
    for (const r of negatives) expect(r.article, r.id).toBeNull();
  });
});
