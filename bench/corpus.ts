/**
 * Pages of the shared corpus (../shared/corpus beside the repo), with the truth their SOURCE.md describes. Owned by
 * the benchmark; the corpus acceptance tests read it too.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePage } from '../src/cli/decode';

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/corpus');

/** What a page is, as the hand truth of cms-zh-dev says (`article` for the other sets' articles). */
export type PageType = 'article' | 'list' | 'home' | 'search' | 'gallery' | 'other';

export interface MetaTruth {
  title: string | null;
  publishedTime: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  firstSentence: string | null;
  lastSentence: string | null;
  article?: boolean;
  /** cms-zh-dev only. */
  pageType?: PageType;
  url?: string;
  /** Strings that occur in the page but must not be in the article text (cms-zh-dev). */
  absent?: string[];
}

export interface CorpusPage {
  id: string;
  path: string;
  html: string;
  url: string;
}

/** The address a saved page declares for itself (canonical link, og:url), else a fixed fake one. */
export function declaredUrl(html: string, id: string): string {
  const m =
    /<link[^>]+rel=["']?canonical["']?[^>]+href=["'](https?:\/\/[^"']+)/i.exec(html) ??
    /<meta[^>]+property=["']og:url["'][^>]+content=["'](https?:\/\/[^"']+)/i.exec(html);
  return m?.[1]?.replace(/&amp;/g, '&') ?? `http://fakehost/${id}`;
}

export function readCorpusPage(set: string, relPath: string, url?: string): CorpusPage {
  const path = join(CORPUS_DIR, set, relPath);
  const html = decodePage(readFileSync(path)).text;
  return { id: relPath, path, html, url: url ?? declaredUrl(html, relPath) };
}

const truths = new Map<string, Record<string, MetaTruth>>();
export function readTruth(set: 'cms-zh-real' | 'gne-zh' | 'cms-zh-dev'): Record<string, MetaTruth> {
  let truth = truths.get(set);
  if (!truth) {
    truth = JSON.parse(readFileSync(join(CORPUS_DIR, set, 'truth.json'), 'utf8')) as Record<string, MetaTruth>;
    truths.set(set, truth);
  }
  return truth;
}

export interface SeedExpected {
  title: string;
  publishedTime: string;
  category: string;
  source: string;
  bodyText: string;
}

export function readSeed(): { page: CorpusPage; expected: SeedExpected } {
  const page = readCorpusPage('seed', 'zhongqi-seed.html');
  const expected = JSON.parse(readFileSync(join(CORPUS_DIR, 'seed', 'zhongqi-seed.expected.json'), 'utf8')) as SeedExpected;
  return { page, expected };
}
