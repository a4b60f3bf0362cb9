/**
 * What the on-demand page bundle (content/page-bundle.ts) offers once injected into a tab's isolated world, and
 * the results it returns through scripting.executeScript (plain JSON: no class instances, no binary).
 */
import type { Article, Detection } from './extract/types';
import type { ClipboardPayload, ExportFormat, ExportOptions } from './format/export';

export type ExtractOutcome =
  | { ok: true; article: Article; detection: Detection }
  | { ok: false; reason: 'no-article'; detection: Detection }
  | { ok: false; reason: 'not-html'; contentType: string }
  | { ok: false; reason: 'restricted'; restriction: string; detail?: string }
  | { ok: false; reason: 'error'; message: string };

export interface ExtractRequest {
  force?: boolean;
  /** Carry same-origin images over as data: URLs (fetched from the page's own cache, with the page's origin). */
  inlineImages?: boolean;
}

/** An exported file, its bytes in base64 so that it crosses executeScript as JSON. */
export interface EncodedFile {
  filename: string;
  mime: string;
  base64: string;
}

export interface PageApi {
  extract(request: ExtractRequest): Promise<ExtractOutcome>;
  render(article: Article, format: ExportFormat, options: Omit<ExportOptions, 'parse'>): Promise<EncodedFile>;
  copy(payload: ClipboardPayload): Promise<boolean>;
  toast(message: string, kind: 'ok' | 'error'): void;
}

/** The global the bundles define in the isolated world (invisible to the page's own scripts). */
export const PAGE_API_GLOBAL = '__qingduPage';

/**
 * The script that defines each function: the export formats (Turndown, docx: most of the code) are injected only
 * when a file is rendered, so that the reader's extraction injects a small bundle.
 */
export const PAGE_SCRIPT: Record<keyof PageApi, string> = { extract: 'page-bundle.js', copy: 'page-bundle.js', toast: 'page-bundle.js', render: 'page-export.js' };

/**
 * A call that callPage asked for before the bundle defining it was in the page: the bundle makes it as it loads, and
 * the injected file's value is its result, so that a first call costs two round trips to the tab, not three.
 */
export const PAGE_PENDING_GLOBAL = '__qingduPendingCall';

export interface PendingCall {
  id: string;
  fn: keyof PageApi;
  args: unknown[];
  /** Set by the bundle that made the call. */
  result?: Promise<PendingResult>;
}

export interface PendingResult {
  id: string;
  value: unknown;
}

/**
 * Makes the pending call when this bundle defines its function (see PAGE_PENDING_GLOBAL): the bundles' last
 * expression, the value of their injection. The call stays on record with its result, for a browser that would not
 * hand the value over (callPage then asks for it by id).
 */
export function runPendingCall(): Promise<PendingResult> | undefined {
  const pending = Object.getOwnPropertyDescriptor(globalThis, PAGE_PENDING_GLOBAL)?.value as PendingCall | undefined;
  const api = Object.getOwnPropertyDescriptor(globalThis, PAGE_API_GLOBAL)?.value as Record<string, (...a: unknown[]) => unknown> | undefined;
  if (!pending || pending.result || !api || !Object.prototype.hasOwnProperty.call(api, pending.fn)) return undefined;
  const { id, fn, args } = pending;
  pending.result = Promise.resolve()
    .then(() => api[fn]!(...args))
    .then((value) => ({ id, value }));
  return pending.result;
}

/** Adds a bundle's functions to the isolated world's global (an own property: see tab-tasks' callPage). */
export function providePageApi(part: Partial<PageApi>): void {
  const g = globalThis as unknown as Record<string, Partial<PageApi>>;
  const own = Object.getOwnPropertyDescriptor(g, PAGE_API_GLOBAL)?.value as Partial<PageApi> | undefined;
  g[PAGE_API_GLOBAL] = { ...own, ...part };
}
