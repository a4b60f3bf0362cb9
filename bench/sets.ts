/**
 * The page sets of ../shared/corpus and their ground truth, read as each set's SOURCE.md says. `list()` is cheap
 * (ids only, run in the main process); `load()` reads and decodes one page and its gold (run in a worker).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodePage } from '../src/cli/decode';
import { CORPUS_DIR, readCorpusPage, readSeed, readTruth, type MetaTruth } from './corpus';
import type { BodyMetric, Gold, LoadedPage, PageRef } from './types';

export { CORPUS_DIR };

export interface SetDef {
  name: string;
  /** How the body is scored in the main table. */
  metric: BodyMetric;
  /** What the gold is, in a few words (shown in BENCHMARKS.md). */
  gold: string;
  list(): string[];
  /** The saved file of a page (its bytes decide the page's split). */
  file(id: string): string;
  load(id: string): LoadedPage;
}

const dir = (set: string, ...parts: string[]): string => join(CORPUS_DIR, set, ...parts);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The gold's URL when it is one (a few WCXB records have an empty `url`), else a fixed fake one. */
function pageUrl(url: string | null | undefined, ref: PageRef): string {
  try {
    return new URL(url ?? '').href;
  } catch {
    return `http://fakehost/${ref.set}/${ref.id}`;
  }
}

function fromBytes(ref: PageRef, raw: Buffer, url: string | null | undefined, gold: Gold, group?: string): LoadedPage {
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return { ref, html: decodePage(bytes).text, url: pageUrl(url, ref), bytes: bytes.length, gold, ...(group ? { group } : {}) };
}

/**
 * The CMS family a truth names, as our family ids: the folder (cms-zh-real) or the file name's prefix (cms-zh-dev).
 * `generic` for a family we have no profile for (Z-Blog, 动易 PowerEasy): no known family should be claimed there.
 * News portals' own CMSes are not named by their truth: undefined, left out of the family table.
 */
const FAMILY_OF: Record<string, string> = {
  'trs-wcm': 'trs-wcm',
  'hanweb-jcms': 'hanweb-jcms',
  'vsb-boda': 'vsb-boda',
  empirecms: 'empirecms',
  'founder-enp': 'founder-enp',
  'wechat-mp': 'wechat-mp',
  dedecms: 'dedecms',
  webplus: 'sudy-webplus',
  phpcms: 'phpcms',
  zblog: 'generic',
  powereasy: 'generic',
};

function truthGold(t: MetaTruth, family?: string): Gold {
  const known = family ? { family } : {};
  if (t.article === false) return { article: false, pageType: t.pageType ?? 'other', ...known, ...(t.absent ? { absent: t.absent } : {}) };
  return {
    ...known,
    pageType: 'article',
    ...(t.absent ? { absent: t.absent } : {}),
    title: t.title,
    publishedTime: t.publishedTime,
    source: t.source,
    author: t.author,
    editor: t.editor,
    firstSentence: t.firstSentence,
    lastSentence: t.lastSentence,
  };
}

// ---- gne-zh silver: result.txt is GNE's own output for 20 pages, `>>>path>>>` JSON `<<<` blocks ----

interface GneSilver {
  title: string;
  author: string;
  publish_time: string;
  content: string;
}

let gneSilver: Map<string, GneSilver> | null = null;
function readGneSilver(): Map<string, GneSilver> {
  if (gneSilver) return gneSilver;
  const text = readFileSync(dir('gne-zh', 'result.txt'), 'utf8');
  const parts = text.split(/^>{5,}(.+?)>{5,}[ \t]*$/m);
  gneSilver = new Map();
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const body = parts[i + 1]!.replace(/^<{5,}[ \t]*$/gm, '');
    gneSilver.set(parts[i]!.trim(), JSON.parse(body) as GneSilver);
  }
  return gneSilver;
}

// ---- WCXB ----

interface WcxbTruth {
  url: string;
  ground_truth: { title?: string | null; author?: string | null; publish_date?: string | null; main_content?: string | null };
}

let wcxbMeta: Record<string, { spa?: boolean }> | null = null;
function wcxbFiles(): Record<string, { spa?: boolean }> {
  wcxbMeta ??= readJson<{ files: Record<string, { spa?: boolean }> }>(dir('wcxb-articles', 'metadata.json')).files;
  return wcxbMeta;
}

// ---- trafilatura-eval ----

interface TrafilaturaItem {
  file: string;
  with: string[];
  without: string[];
  title?: string | null;
  date?: string | null;
  author?: string | null;
}

let trafilaturaData: Map<string, { url: string; item: TrafilaturaItem }> | null = null;
function trafilaturaItems(): Map<string, { url: string; item: TrafilaturaItem }> {
  if (!trafilaturaData) {
    const data = readJson<Record<string, TrafilaturaItem>>(dir('trafilatura-eval', 'evaldata.json'));
    trafilaturaData = new Map(Object.entries(data).map(([url, item]) => [item.file, { url, item }]));
  }
  return trafilaturaData;
}

function trafilaturaFile(id: string): string {
  const path = [dir('trafilatura-eval', 'cache', `${id}.gz`), dir('trafilatura-eval', 'eval', `${id}.gz`)].find((p) => existsSync(p));
  if (!path) throw new Error(`trafilatura-eval: ${id}.gz not found in cache/ or eval/`);
  return path;
}

// ---- zyte-aeb ----

let zyteTruth: Record<string, { articleBody: string; url: string }> | null = null;
const zyte = (): Record<string, { articleBody: string; url: string }> =>
  (zyteTruth ??= readJson<Record<string, { articleBody: string; url: string }>>(dir('zyte-aeb', 'ground-truth.json')));

/** Text of Readability's expected.html (its article HTML). */
function expectedText(html: string): string {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const text = dom.window.document.body?.textContent ?? '';
  dom.window.close();
  return text;
}

export const SETS: SetDef[] = [
  {
    name: 'seed',
    metric: 'bag',
    gold: 'hand-made expected result of the 中企动力 seed page (body, title, date, source, category)',
    list: () => ['zhongqi-seed.html'],
    file: (id) => dir('seed', id),
    load: (id) => {
      const { page, expected } = readSeed();
      return {
        ref: { set: 'seed', id },
        html: page.html,
        url: page.url,
        bytes: Buffer.byteLength(page.html),
        gold: {
          text: expected.bodyText,
          title: expected.title,
          publishedTime: expected.publishedTime,
          source: expected.source,
          category: expected.category,
          exact: true,
          pageType: 'article',
          family: 'zhongqi-portal',
        },
      };
    },
  },
  {
    name: 'cms-zh-real',
    metric: 'none',
    gold: 'hand-made metadata and first/last sentence (truth.json); no body text gold',
    list: () => Object.keys(readTruth('cms-zh-real')),
    file: (id) => dir('cms-zh-real', id),
    load: (id) => {
      const page = readCorpusPage('cms-zh-real', id);
      const t = readTruth('cms-zh-real')[id]!;
      const gold = truthGold(t, FAMILY_OF[id.split('/')[0]!]);
      return { ref: { set: 'cms-zh-real', id }, html: page.html, url: page.url, bytes: Buffer.byteLength(page.html), gold };
    },
  },
  {
    name: 'cms-zh-dev',
    metric: 'none',
    gold: 'hand-made metadata, page type, first/last sentence and strings that must be absent (truth.json); no body text gold',
    list: () => Object.keys(readTruth('cms-zh-dev')),
    file: (id) => dir('cms-zh-dev', id),
    load: (id) => {
      const t = readTruth('cms-zh-dev')[id]!;
      const page = readCorpusPage('cms-zh-dev', id, t.url);
      const gold = truthGold(t, FAMILY_OF[id.split('--')[0]!]);
      return { ref: { set: 'cms-zh-dev', id }, html: page.html, url: page.url, bytes: Buffer.byteLength(page.html), gold };
    },
  },
  {
    name: 'gne-zh',
    metric: 'bag',
    gold: 'hand-made metadata and first/last sentence (truth.json, 60 pages); body: GNE output (silver, result.txt, 20 pages)',
    list: () => Object.keys(readTruth('gne-zh')),
    file: (id) => dir('gne-zh', id),
    load: (id) => {
      const page = readCorpusPage('gne-zh', id);
      const silver = readGneSilver().get(id);
      const gold = truthGold(readTruth('gne-zh')[id]!);
      if (silver) gold.text = silver.content;
      return { ref: { set: 'gne-zh', id }, html: page.html, url: page.url, bytes: Buffer.byteLength(page.html), gold, group: silver ? 'silver' : 'no-silver' };
    },
  },
  {
    name: 'zh-cwced',
    metric: 'bag',
    gold: 'hand-copied main content (cleaned/*.txt); dates (date/*.txt) where given',
    list: () => readdirSync(dir('zh-cwced', 'original')).filter((f) => f.endsWith('.html')).sort(),
    file: (id) => dir('zh-cwced', 'original', id),
    load: (id) => {
      const page = readCorpusPage('zh-cwced', `original/${id}`);
      const stem = id.replace(/\.html$/, '');
      const text = decodePage(readFileSync(dir('zh-cwced', 'cleaned', `${stem}.txt`))).text;
      const gold: Gold = { text };
      const datePath = dir('zh-cwced', 'date', `${stem}.txt`);
      if (existsSync(datePath)) {
        const d = readFileSync(datePath, 'utf8').trim();
        // UNKNOWN (and one misfiled author name) mean no date gold.
        if (/^\d{4}(?:-\d{1,2}){0,2}(?:\s|$)/.test(d)) gold.publishedTime = d;
      }
      return { ref: { set: 'zh-cwced', id }, html: page.html, url: page.url, bytes: Buffer.byteLength(page.html), gold };
    },
  },
  {
    name: 'zyte-aeb',
    metric: 'shingle',
    gold: 'human-annotated article body (ground-truth.json); real page URL passed',
    list: () => Object.keys(zyte()).sort(),
    file: (id) => dir('zyte-aeb', 'html', `${id}.html.gz`),
    load: (id) => {
      const t = zyte()[id]!;
      return fromBytes({ set: 'zyte-aeb', id }, readFileSync(dir('zyte-aeb', 'html', `${id}.html.gz`)), t.url, { text: t.articleBody });
    },
  },
  {
    name: 'readability-testpages',
    metric: 'bag',
    gold: "Readability's own expected output (expected.html, expected-metadata.json): a no-regression check",
    list: () =>
      readdirSync(dir('readability-testpages'), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(dir('readability-testpages', d.name, 'source.html')))
        .map((d) => d.name)
        .sort(),
    file: (id) => dir('readability-testpages', id, 'source.html'),
    load: (id) => {
      const meta = readJson<{ title?: string | null; publishedTime?: string | null }>(dir('readability-testpages', id, 'expected-metadata.json'));
      const gold: Gold = { text: expectedText(readFileSync(dir('readability-testpages', id, 'expected.html'), 'utf8')) };
      if (meta.title) gold.title = meta.title;
      if (meta.publishedTime) gold.publishedTime = meta.publishedTime;
      return fromBytes({ set: 'readability-testpages', id }, readFileSync(dir('readability-testpages', id, 'source.html')), 'http://fakehost/test/page.html', gold);
    },
  },
  {
    name: 'trafilatura-eval',
    metric: 'snippet',
    gold: 'hand-picked with/without snippets per page (evaldata.json), title and date where given',
    list: () => [...trafilaturaItems().keys()],
    file: trafilaturaFile,
    load: (id) => {
      const { url, item } = trafilaturaItems().get(id)!;
      const path = trafilaturaFile(id);
      const gold: Gold = { snippets: { with: item.with, without: item.without } };
      if (item.title) gold.title = item.title;
      if (item.date) gold.publishedTime = item.date;
      return fromBytes({ set: 'trafilatura-eval', id }, readFileSync(path), url, gold);
    },
  },
  {
    name: 'wcxb-articles',
    metric: 'bag',
    gold: 'complete main content (LLM draft, human-reviewed), title, date; dev and test splits',
    list: () =>
      ['dev', 'test'].flatMap((split) =>
        readdirSync(dir('wcxb-articles', split, 'ground-truth'))
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => `${split}/${f.replace(/\.json$/, '')}`),
      ),
    file: (id) => {
      const [split, fileId] = id.split('/') as [string, string];
      return dir('wcxb-articles', split, 'html', `${fileId}.html.gz`);
    },
    load: (id) => {
      const [split, fileId] = id.split('/') as [string, string];
      const t = readJson<WcxbTruth>(dir('wcxb-articles', split, 'ground-truth', `${fileId}.json`));
      const g = t.ground_truth;
      const gold: Gold = { text: g.main_content ?? '' };
      if (g.title) gold.title = g.title;
      if (g.publish_date) gold.publishedTime = g.publish_date;
      if (wcxbFiles()[fileId]?.spa) gold.note = 'WCXB marks the page as a single-page app';
      return fromBytes({ set: 'wcxb-articles', id }, readFileSync(dir('wcxb-articles', split, 'html', `${fileId}.html.gz`)), t.url, gold, split);
    },
  },
];

export function setByName(name: string): SetDef {
  const s = SETS.find((x) => x.name === name);
  if (!s) throw new Error(`unknown set ${name}; sets: ${SETS.map((x) => x.name).join(', ')}`);
  return s;
}
