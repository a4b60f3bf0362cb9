/** Pages of the shared corpus (../shared/corpus), with the truth their SOURCE.md describes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePage } from '../src/cli/decode';
import { CORPUS_DIR } from './helpers';

export interface MetaTruth {
  title: string | null;
  publishedTime: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  firstSentence: string | null;
  lastSentence: string | null;
  article?: boolean;
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

export function readCorpusPage(set: string, relPath: string): CorpusPage {
  const path = join(CORPUS_DIR, set, relPath);
  const html = decodePage(readFileSync(path)).text;
  return { id: relPath, path, html, url: declaredUrl(html, relPath) };
}

export function readTruth(set: 'cms-zh-real' | 'gne-zh'): Record<string, MetaTruth> {
  return JSON.parse(readFileSync(join(CORPUS_DIR, set, 'truth.json'), 'utf8')) as Record<string, MetaTruth>;
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
