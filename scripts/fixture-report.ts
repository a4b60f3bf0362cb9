/**
 * Prints, per fixture, the fields where the extraction differs from the hand-made truth (a development aid;
 * the test suite asserts the same facts). Usage: npx tsx scripts/fixture-report.ts [name-filter]
 */
import { extractArticle } from '../src/extract/index';
import { fold, listFixtures, loadDocument } from '../test/helpers';

const filter = process.argv[2] ?? '';
for (const f of listFixtures().filter((x) => x.name.includes(filter))) {
  const a = extractArticle(loadDocument(f.html, f.url), { url: f.url });
  const diffs: string[] = [];
  if ((a !== null) !== f.truth.article) diffs.push(`article: got ${a !== null}`);
  if (a && f.truth.article) {
    for (const k of ['title', 'publishedTime', 'source', 'author', 'editor', 'category', 'views', 'summary'] as const) {
      if ((a[k] ?? null) !== (f.truth[k] ?? null)) diffs.push(`${k}: got ${JSON.stringify(a[k])} want ${JSON.stringify(f.truth[k])}`);
    }
    const text = fold(a.textContent);
    for (const s of [f.truth.firstSentence, f.truth.lastSentence, ...(f.truth.mustContain ?? [])]) {
      if (s && !text.includes(fold(s))) diffs.push(`missing: ${s.slice(0, 40)}`);
    }
    for (const s of f.truth.mustNotContain ?? []) if (text.includes(fold(s))) diffs.push(`chrome kept: ${s}`);
    if (JSON.stringify(a.attachments) !== JSON.stringify(f.truth.attachments ?? [])) diffs.push(`attachments: got ${JSON.stringify(a.attachments)}`);
    if (a.images.length !== (f.truth.images ?? 0)) diffs.push(`images: got ${a.images.length} want ${f.truth.images}`);
  }
  console.log(`${diffs.length ? '✗' : '✓'} ${f.name}${diffs.map((d) => `\n    ${d}`).join('')}`);
}
