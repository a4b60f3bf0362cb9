/** Data exchanged between the benchmark's main process, its workers and its reports. */
import type { PageType } from './corpus';
import type { PRF, SnippetCounts, TpFpFn } from './metrics';
import type { Split } from './split';

/** How a set's body text is scored. */
export type BodyMetric = 'bag' | 'shingle' | 'snippet' | 'none';

export interface PageRef {
  set: string;
  id: string;
}

/** Ground truth of one page, as its set's SOURCE.md defines it. `undefined`: no gold; `null`: the gold says none. */
export interface Gold {
  /** Body text for the bag metric (and the shingle metric on zyte-aeb). */
  text?: string;
  snippets?: { with: string[]; without: string[] };
  title?: string | null;
  publishedTime?: string | null;
  source?: string | null;
  author?: string | null;
  editor?: string | null;
  category?: string | null;
  firstSentence?: string | null;
  lastSentence?: string | null;
  /** False for a page that is not an article (the extractor should return null). */
  article?: boolean;
  /** What the page is, where the truth says (article sets: `article`). */
  pageType?: PageType;
  /** The family the truth names (`generic`: one we have no profile for); undefined where it names none. */
  family?: string;
  /** Strings of the page's chrome that must not be in the article text. */
  absent?: string[];
  /** Compare every field exactly (the seed page's acceptance rule), dates included. */
  exact?: boolean;
  /** Facts from the set's own metadata worth showing next to the page (e.g. WCXB's `spa` flag). */
  note?: string;
}

export interface LoadedPage {
  ref: PageRef;
  /** A sub-group of the set reported on its own line (WCXB split, gne-zh silver pages). */
  group?: string;
  html: string;
  url: string;
  bytes: number;
  gold: Gold;
}

/** One extractor's run on one page. */
export interface Run {
  /** The extractor returned an article. */
  ok: boolean;
  error: string | null;
  ms: number;
  /** Bytes allocated during the call (heap growth plus what collections during it freed). */
  alloc: number;
  /** Time V8 spent collecting garbage during the call (included in `ms`), and its full collections. */
  gcMs: number;
  majorGcs: number;
  chars: number;
  title: string | null;
  publishedTime: string | null;
  author: string | null;
  source: string | null;
  bag?: PRF;
  shingle?: TpFpFn;
  snippets?: SnippetCounts;
  /** A paragraph the extractor kept that the gold does not have. */
  kept?: string;
  /** A gold paragraph the extractor lost. */
  lost?: string;
}

export type MetaField = 'title' | 'publishedTime' | 'source' | 'author' | 'editor' | 'category' | 'firstSentence' | 'lastSentence';

export interface MetaCheck {
  field: MetaField;
  gold: string | null;
  ours: string | null;
  /** null: vanilla Readability has no such field. */
  vanilla: string | null | undefined;
  oursHit: boolean;
  vanillaHit: boolean | null;
}

/** Why a page cannot be read from its static markup (it is reported apart). */
export interface Staticness {
  kind: 'script-revealed' | 'not-in-html';
  detail: string;
}

/** What our detection said of the page (also when it returned no article). */
export interface Detected {
  family: string;
  isArticle: boolean;
  reason: string;
  pageType: string | null;
}

export interface PageResult {
  set: string;
  id: string;
  split: Split;
  group?: string;
  url: string;
  bytes: number;
  contentHash: string;
  parseMs: number;
  oursFirst: boolean;
  ours: Run;
  vanilla: Run;
  detected: Detected | null;
  meta: MetaCheck[];
  /** The gold says the page is not an article. */
  notArticle: boolean;
  /** The page type the gold gives (`article` for the article sets). */
  pageType: PageType | null;
  familyGold: string | null;
  /** Of the gold's `absent` strings, how many our text (and vanilla's) still holds. */
  absent?: { n: number; ours: number; vanilla: number };
  hasBodyGold: boolean;
  dynamic: Staticness | null;
  note?: string;
  /** Failure of loading or parsing the page (both runs are then empty). */
  fatal?: string;
}

export interface WorkerStats {
  pid: number;
  maxRssKb: number;
  heapPeakBytes: number;
  pages: number;
}

export type ToWorker = { type: 'page'; ref: PageRef; split: Split; seq: number } | { type: 'done' };
export type FromWorker =
  | { type: 'ready'; warmupMs: number }
  | { type: 'result'; result: PageResult }
  | { type: 'stats'; stats: WorkerStats };

function emptyRun(error: string): Run {
  return { ok: false, error, ms: 0, alloc: 0, gcMs: 0, majorGcs: 0, chars: 0, title: null, publishedTime: null, author: null, source: null };
}

/** A page that could not be loaded, parsed or finished in time: both runs empty. */
export function failed(ref: PageRef, split: Split, fatal: string): PageResult {
  return {
    set: ref.set,
    id: ref.id,
    split,
    url: '',
    bytes: 0,
    contentHash: '',
    parseMs: 0,
    oursFirst: true,
    ours: emptyRun(fatal),
    vanilla: emptyRun(fatal),
    detected: null,
    meta: [],
    notArticle: false,
    pageType: null,
    familyGold: null,
    hasBodyGold: false,
    dynamic: null,
    fatal,
  };
}
