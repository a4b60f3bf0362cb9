/** Loading test pages: fixtures of our own, and the shared corpus when it is beside the repo. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { decodePage } from '../src/cli/decode';
import type { Attachment, PageType } from '../src/extract/types';
import { CORPUS_DIR } from '../bench/corpus';

export { CORPUS_DIR };

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = join(here, 'fixtures');

/** Hand-made facts about a fixture page, checked independently of its goldens. */
export interface FixtureTruth {
  article: boolean;
  /** What the page is (the newer fixtures say; older ones only say article or not). */
  pageType?: PageType;
  title: string | null;
  publishedTime: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  category: string | null;
  views: number | null;
  summary: string | null;
  firstSentence: string | null;
  lastSentence: string | null;
  mustContain?: string[];
  mustNotContain?: string[];
  attachments?: Attachment[];
  images?: number;
}

export interface Fixture {
  name: string;
  family: string;
  dir: string;
  url: string;
  html: string;
  truth: FixtureTruth;
}

export function listFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(FIXTURES_DIR, d.name);
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { url: string; truth: FixtureTruth };
      return {
        name: d.name,
        family: d.name.split('--')[0]!,
        dir,
        url: meta.url,
        html: readFileSync(join(dir, 'source.html'), 'utf8'),
        truth: meta.truth,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A jsdom document for a page, at its URL (scripts off, no network: jsdom's defaults). */
export function loadDocument(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

export function loadFile(path: string, url: string): Document {
  return loadDocument(decodePage(readFileSync(path)).text, url);
}

export const corpusAvailable = (): boolean => existsSync(CORPUS_DIR);

/** Folds full-width forms and whitespace for text comparisons (as the seed's expected text is compared). */
export function fold(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/g, '');
}

/** Character-bag F1 of two texts (after folding). */
export function charF1(predicted: string, gold: string): { precision: number; recall: number; f1: number } {
  const count = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const ch of fold(s)) m.set(ch, (m.get(ch) ?? 0) + 1);
    return m;
  };
  const p = count(predicted);
  const g = count(gold);
  let overlap = 0;
  for (const [ch, n] of p) overlap += Math.min(n, g.get(ch) ?? 0);
  const pn = [...p.values()].reduce((a, b) => a + b, 0);
  const gn = [...g.values()].reduce((a, b) => a + b, 0);
  const precision = pn ? overlap / pn : 0;
  const recall = gn ? overlap / gn : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
