/**
 * Work on a tab, shared by the popup, the keyboard commands and the context menu: say why a page cannot be read,
 * inject the page bundle into the tab's isolated world, call it, and save files.
 */
import type { ExportFormat } from '../format/formats';
import { PAGE_API_GLOBAL, type EncodedFile, type ExtractOutcome, type ExtractRequest, type PageApi } from '../page-api';
import browser from './browser';
import { restrictionOf } from './restricted';

export const PAGE_BUNDLE = 'page-bundle.js';

async function fileAccessAllowed(): Promise<boolean> {
  try {
    return await browser.extension.isAllowedFileSchemeAccess();
  } catch {
    return false;
  }
}

/**
 * Injects the page bundle (once per page) and calls one of its functions with arguments. The bundle's global is
 * looked up as an own property of the isolated world's global object: a plain `globalThis[name]` also finds the
 * page's elements by id or name (`<div id="__qingduPage">`, `<iframe name=…>`), which the page controls.
 */
export async function callPage<K extends keyof PageApi>(tabId: number, name: K, ...args: Parameters<PageApi[K]>): Promise<Awaited<ReturnType<PageApi[K]>>> {
  const [probe] = await browser.scripting.executeScript({
    target: { tabId },
    func: (global: string) => Object.prototype.hasOwnProperty.call(globalThis, global),
    args: [PAGE_API_GLOBAL],
  });
  if (!probe?.result) await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_BUNDLE] });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: (global: string, fn: string, fnArgs: unknown[]) =>
      (Object.getOwnPropertyDescriptor(globalThis, global)!.value as Record<string, (...a: unknown[]) => unknown>)[fn]!(...fnArgs),
    args: [PAGE_API_GLOBAL, name, args],
  });
  return result?.result as Awaited<ReturnType<PageApi[K]>>;
}

/** Extracts the article of a tab, or says why not. Never throws. */
export async function extractFromTab(tab: { id?: number; url?: string }, request: ExtractRequest = {}): Promise<ExtractOutcome> {
  const restriction = restrictionOf(tab.url, await fileAccessAllowed());
  // A hidden address (no "tabs" permission) is still tried: the browser's refusal says why (a local file, …).
  if (restriction && !(restriction === 'no-access' && tab.id !== undefined)) return { ok: false, reason: 'restricted', restriction };
  if (tab.id === undefined) return { ok: false, reason: 'restricted', restriction: 'no-access' };
  try {
    const outcome = await callPage(tab.id, 'extract', request);
    return outcome ?? { ok: false, reason: 'error', message: 'no result from the page' };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A hidden address refused for want of a host permission, while we hold every http(s) host: in practice a local
    // file (Chromium's own pages and the stores refuse with other words), so say how to allow it.
    if (!tab.url && /cannot access contents of the page/i.test(message)) return { ok: false, reason: 'restricted', restriction: 'file', detail: message };
    // The browser refused to inject: a page it protects, or one whose access the user withheld.
    if (/cannot access|cannot be scripted|missing host permission|not allowed|extensions gallery|permission/i.test(message)) {
      return { ok: false, reason: 'restricted', restriction: 'no-access', detail: message };
    }
    if (/no tab with id|tab was closed|frame with id 0 was removed|No frame/i.test(message)) {
      return { ok: false, reason: 'error', message: 'tab-gone' };
    }
    return { ok: false, reason: 'error', message };
  }
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves a file through the downloads API: a blob: URL where the context can make one (pages, Firefox's background),
 * else a data: URL (Chrome's service worker has no URL.createObjectURL).
 */
export async function saveFile(file: EncodedFile): Promise<number> {
  let url: string;
  let revoke = (): void => undefined;
  if (typeof URL.createObjectURL === 'function') {
    url = URL.createObjectURL(new Blob([base64ToBytes(file.base64) as BlobPart], { type: file.mime }));
    revoke = () => setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } else {
    url = `data:${file.mime.replace(/;.*$/, '')};base64,${file.base64}`;
  }
  try {
    return await browser.downloads.download({ url, filename: file.filename, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    revoke();
  }
}

/** Encodes a file made in an extension page (the popup) like the page bundle does. */
export function encodeFile(file: { filename: string; mime: string; data: string | Uint8Array }): EncodedFile {
  const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { filename: file.filename, mime: file.mime, base64: btoa(binary) };
}

export type { ExportFormat };
