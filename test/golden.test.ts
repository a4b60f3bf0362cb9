/**
 * Golden fixtures: every page in test/fixtures/<family>--<slug>/ is extracted and compared with
 *  - its hand-made `truth` in meta.json (title, date, source …, first and last sentence, strings that must and must
 *    not survive, attachments, image count): facts a person decided, so a wrong extraction fails even if someone
 *    regenerated the goldens from it;
 *  - its goldens `expected.json` (the Article without contentHtml) and the exports `expected.md`, `expected.txt`,
 *    `expected.html` and `expected.docx.txt` (an outline of the Word file: see docx-outline.ts), which pin
 *    everything else. They are written only by `npm run golden:update` (QINGDU_UPDATE_GOLDENS=1); a missing
 *    golden fails.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/index';
import { detectPage } from '../src/extract/detect';
import { toDocx } from '../src/format/docx';
import { toStandaloneHtml } from '../src/format/html';
import { toMarkdown } from '../src/format/markdown';
import { toText } from '../src/format/text';
import { docxOutline } from './docx-outline';
import { fold, listFixtures, loadDocument } from './helpers';

const UPDATE = process.env.QINGDU_UPDATE_GOLDENS === '1';

function compareGolden(path: string, actual: string): void {
  if (UPDATE) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `missing golden ${path}: review the output, then run npm run golden:update`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe.each(listFixtures())('$name', (fixture) => {
  const doc = loadDocument(fixture.html, fixture.url);
  const before = doc.documentElement.outerHTML;
  const article = extractArticle(doc, { url: fixture.url });
  const { truth } = fixture;

  it('does not change the page it is given', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it(truth.article ? 'is taken for an article' : 'is not taken for an article', () => {
    expect(detectPage(doc, fixture.url).isArticle).toBe(truth.article);
    expect(article !== null).toBe(truth.article);
  });

  if (truth.pageType) {
    it(`is a page of type ${truth.pageType}`, () => {
      expect(detectPage(doc, fixture.url).pageType).toBe(truth.pageType);
    });
  }

  if (truth.article) {
    it('gives the true metadata', () => {
      expect(article).not.toBeNull();
      const a = article!;
      expect({
        title: a.title,
        publishedTime: a.publishedTime,
        source: a.source,
        author: a.author,
        editor: a.editor,
        category: a.category,
        views: a.views,
        summary: a.summary,
      }).toEqual({
        title: truth.title,
        publishedTime: truth.publishedTime,
        source: truth.source,
        author: truth.author,
        editor: truth.editor,
        category: truth.category,
        views: truth.views,
        summary: truth.summary,
      });
    });

    it('keeps the body and drops the chrome', () => {
      const text = fold(article!.textContent);
      const first = fold(truth.firstSentence ?? '');
      const last = fold(truth.lastSentence ?? '');
      expect(text).toContain(first);
      expect(text).toContain(last);
      expect(text.indexOf(first)).toBeLessThanOrEqual(text.lastIndexOf(last));
      for (const s of truth.mustContain ?? []) expect(text).toContain(fold(s));
      for (const s of truth.mustNotContain ?? []) expect(text).not.toContain(fold(s));
      // The headline is shown once, above the body, not repeated in it.
      expect(text.startsWith(fold(truth.title ?? ''))).toBe(false);
    });

    it('lists the attachments and images', () => {
      expect(article!.attachments).toEqual(truth.attachments ?? []);
      expect(article!.images).toHaveLength(truth.images ?? 0);
      for (const img of article!.images) expect(img.src).toMatch(/^https?:\/\//);
    });
  }

  it('matches its goldens', async () => {
    const json = article
      ? (({ contentHtml: _html, ...rest }) => rest)(article)
      : { article: null, detection: detectPage(doc, fixture.url) };
    compareGolden(join(fixture.dir, 'expected.json'), `${JSON.stringify(json, null, 2)}\n`);
    if (article) {
      compareGolden(join(fixture.dir, 'expected.md'), toMarkdown(article));
      compareGolden(join(fixture.dir, 'expected.txt'), toText(article));
      compareGolden(join(fixture.dir, 'expected.html'), toStandaloneHtml(article, { doc: document }));
      const docx = await toDocx(article, { parse: (html) => new DOMParser().parseFromString(html, 'text/html') });
      compareGolden(join(fixture.dir, 'expected.docx.txt'), docxOutline(docx));
    }
  });
});
