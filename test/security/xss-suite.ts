/**
 * XSS suite: every vector of xss-vectors.ts, put into a realistic CMS page in three places (the article body, the
 * title, the metadata), goes through extractArticle and every export (TXT, Markdown, HTML, DOCX), every clipboard
 * payload and the standalone HTML. Nothing executable may survive in any of them, titles and metadata must come out
 * as escaped text, and the canary paragraph after the payload must survive everywhere (unless the payload swallows
 * the rest of the source page itself, which is checked against the page's own parse).
 *
 * Runs under the `unit` project (jsdom): DOMPurify sanitises only with a real DOM. One test file per place
 * (xss-body, xss-title, xss-metadata), so that the three run in parallel; the vector table is checked in xss.test.ts.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index';
import type { Article } from '../../src/extract/types';
import { clipboardPayload, exportArticle, EXPORT_FORMATS } from '../../src/format/export';
import { READER_CSS, toStandaloneHtml } from '../../src/format/html';
import { metadataLines } from '../../src/format/text';
import { htmlFragmentProblems, inspectDocx, markdownProblems, standaloneProblems } from './inert';
import { CANARY, canaryVisibleInSource, cmsPage, PAGE_URL, type PayloadContext } from './page';
import { XSS_VECTORS, type XssVector } from './xss-vectors';

const CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const text = (html: string): string => parse(html).body.textContent ?? '';

/**
 * Vectors that fail for a reason outside the files this suite may fix, `${context}:${id}` → the report that names
 * it. Each runs as `it.fails`, so it is not hidden: the day it passes, the suite says so.
 */
export const KNOWN_FAILURES: Record<string, string> = {};

/** Everything one page gives: the article and every output. */
interface Outputs {
  article: Article;
  txt: string;
  md: string;
  html: string;
  docx: { problems: string[]; text: string };
  clipText: string;
  clipMarkdown: string;
  clipHtml: string;
  standalone: string;
}

async function outputsOf(article: Article): Promise<Outputs> {
  const options = { parse };
  const files = Object.fromEntries(await Promise.all(EXPORT_FORMATS.map(async (f) => [f, (await exportArticle(article, f, options)).data] as const)));
  const html = clipboardPayload(article, 'html');
  return {
    article,
    txt: files.txt as string,
    md: files.md as string,
    html: files.html as string,
    docx: inspectDocx(files.docx as Uint8Array),
    clipText: clipboardPayload(article, 'text').text,
    clipMarkdown: clipboardPayload(article, 'markdown').text,
    clipHtml: html.html ?? '',
    standalone: toStandaloneHtml(article, { doc: parse('<!DOCTYPE html><html><body></body></html>') }),
  };
}

/** Every check on every output; returns the problems (empty when all is well). */
function problemsOf(o: Outputs): string[] {
  const { article } = o;
  const problems: string[] = [];
  const tag = (where: string, list: string[]): void => {
    problems.push(...list.map((p) => `${where}: ${p}`));
  };

  tag('contentHtml', htmlFragmentProblems(article.contentHtml));
  tag('clipboard html', htmlFragmentProblems(o.clipHtml));
  tag('exported html', standaloneProblems(o.html, { css: READER_CSS, csp: CSP }));
  tag('standalone html', standaloneProblems(o.standalone, { css: READER_CSS, csp: CSP }));
  tag('exported md', markdownProblems(o.md));
  tag('clipboard markdown', markdownProblems(o.clipMarkdown));
  tag('docx', o.docx.problems);
  for (const image of article.images) {
    if (!/^(?:https?:|data:image\/)/i.test(image.src)) problems.push(`article.images: ${image.src.slice(0, 80)}`);
  }
  for (const attachment of article.attachments) {
    if (!/^(?:https?|mailto|tel):/i.test(attachment.url)) problems.push(`article.attachments: ${attachment.url.slice(0, 80)}`);
  }

  // Titles and metadata are text: the HTML outputs must give them back exactly, escaped, not as markup.
  const meta = metadataLines(article).map(([k, v]) => `${k}：${v}`);
  for (const [where, html] of [['exported html', o.html], ['standalone html', o.standalone]] as const) {
    const doc = parse(html);
    if (doc.querySelector('head > title')?.textContent !== article.title) problems.push(`${where}: <title> is not the article title as text`);
    if (doc.querySelector('article > h1')?.textContent !== article.title) problems.push(`${where}: <h1> is not the article title as text`);
    const spans = [...doc.querySelectorAll('p.meta > span')].map((s) => s.textContent);
    if (JSON.stringify(spans) !== JSON.stringify(meta)) problems.push(`${where}: metadata line is not the metadata as text`);
  }
  const clip = parse(o.clipHtml);
  if (clip.querySelector('h1')?.textContent !== article.title) problems.push('clipboard html: <h1> is not the title as text');
  if (clip.querySelector('p')?.textContent !== meta.join('　')) problems.push('clipboard html: metadata line is not the metadata as text');
  return problems;
}

/** Where the canary must still be. */
function canaryMissing(o: Outputs): string[] {
  const where: [string, string][] = [
    ['textContent', o.article.textContent],
    ['contentHtml', text(o.article.contentHtml)],
    ['txt', o.txt],
    ['md', o.md],
    ['exported html', text(o.html)],
    ['standalone html', text(o.standalone)],
    ['clipboard text', o.clipText],
    ['clipboard markdown', o.clipMarkdown],
    ['clipboard html', text(o.clipHtml)],
    ['docx', o.docx.text],
  ];
  return where.filter(([, t]) => !t.includes(CANARY)).map(([w]) => w);
}

async function check(context: PayloadContext, vector: XssVector): Promise<void> {
  // A virtual console that goes nowhere: jsdom's complaints about the payloads' CSS are noise here.
  const { window } = new JSDOM(cmsPage(context, vector.payload), { url: PAGE_URL, virtualConsole: new VirtualConsole() });
  try {
    await checkDocument(window.document, context, vector);
  } finally {
    window.close();
  }
}

async function checkDocument(doc: Document, context: PayloadContext, vector: XssVector): Promise<void> {
  const swallows = vector.swallowsRest === true || (Array.isArray(vector.swallowsRest) && vector.swallowsRest.includes(context));
  // The swallowsRest flag must say what the source page itself does with the text after the payload.
  expect(canaryVisibleInSource(doc), 'swallowsRest must match the source page: is the canary visible there?').toBe(!swallows);

  let article: Article | null = null;
  expect(() => {
    article = extractArticle(doc, { url: PAGE_URL });
  }).not.toThrow();
  if (article === null) {
    // Null is a valid answer, but not for a page whose text is intact.
    expect(swallows, 'no article found although the page text is intact').toBe(true);
    return;
  }
  const a: Article = article;
  expect(typeof a.title).toBe('string');
  expect(typeof a.contentHtml).toBe('string');
  expect(typeof a.textContent).toBe('string');

  const o = await outputsOf(a);
  expect(problemsOf(o)).toEqual([]);
  if (!swallows) expect(canaryMissing(o), 'the canary paragraph after the payload was lost').toEqual([]);
}

/** Registers the suite for one place of the payload: one test per vector. */
export function xssSuite(context: PayloadContext): void {
  describe(`payload in the ${context}`, () => {
    for (const vector of XSS_VECTORS) {
      const name = `${vector.id}: ${vector.title}`;
      const known = KNOWN_FAILURES[`${context}:${vector.id}`];
      if (known) it.fails(`${name} (known failure: ${known})`, () => check(context, vector));
      else it(name, () => check(context, vector));
    }
  });
}
