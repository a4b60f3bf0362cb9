/**
 * Work on a tab, shared by the popup, the keyboard commands and the context menu: say why a page cannot be read,
 * inject the page bundle into the tab's isolated world, call it, and save files.
 */
import type { ExportFormat } from '../format/formats';
import { PAGE_API_GLOBAL, PAGE_PENDING_GLOBAL, PAGE_SCRIPT, type EncodedFile, type ExtractOutcome, type ExtractRequest, type PageApi, type PendingCall, type PendingResult } from '../page-api';
import browser from './browser';
import { restrictionOf, restrictionOfRefusal, UNNAMED_REFUSAL } from './restricted';

async function fileAccessAllowed(): Promise<boolean> {
  try {
    return await browser.extension.isAllowedFileSchemeAccess();
  } catch {
    return false;
  }
}

/** What the call below answers when the function's script is not in the page yet (no function returns it). */
const NOT_THERE = '__qingduPage:not-there';

let calls = 0;

/**
 * Calls one of the page bundles' functions with arguments, injecting its script first when this page load does not
 * have it yet: one round trip to the tab when it does, two when it does not (the call is left in the page for the
 * bundle to make as it loads: page-api.ts, runPendingCall). The globals are looked up as own properties of the
 * isolated world's global object: a plain `globalThis[name]` also finds the page's elements by id or name
 * (`<div id="__qingduPage">`, `<iframe name=…>`), which the page controls.
 */
export async function callPage<K extends keyof PageApi>(tabId: number, name: K, ...args: Parameters<PageApi[K]>): Promise<Awaited<ReturnType<PageApi[K]>>> {
  const id = `${Date.now().toString(36)}-${++calls}`;
  // `leave`: when the bundle is not there, leave the call for it. Else (a browser that did not hand over the bundle's
  // value) take the result of the call the bundle made, or make it now.
  const call = async (leave: boolean): Promise<unknown> => {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: (global: string, pendingGlobal: string, callId: string, fn: string, fnArgs: unknown[], notThere: string, leaveIt: boolean) => {
        const own = (key: string): unknown => Object.getOwnPropertyDescriptor(globalThis, key)?.value;
        const pending = own(pendingGlobal) as PendingCall | undefined;
        // One call on record at a time: this one, or none.
        if (pending) delete (globalThis as Record<string, unknown>)[pendingGlobal];
        if (pending?.id === callId && pending.result) return pending.result.then((r) => r.value);
        const api = own(global) as Record<string, (...a: unknown[]) => unknown> | undefined;
        if (api && Object.prototype.hasOwnProperty.call(api, fn)) return api[fn]!(...fnArgs);
        if (leaveIt) Object.defineProperty(globalThis, pendingGlobal, { value: { id: callId, fn, args: fnArgs }, configurable: true, writable: true });
        return notThere;
      },
      args: [PAGE_API_GLOBAL, PAGE_PENDING_GLOBAL, id, name, args, NOT_THERE, leave],
    });
    return result?.result;
  };
  let result = await call(true);
  if (result === NOT_THERE) {
    const [loaded] = await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_SCRIPT[name]] });
    const made = loaded?.result as PendingResult | undefined;
    result = made && typeof made === 'object' && made.id === id ? made.value : await call(false);
  }
  return result as Awaited<ReturnType<PageApi[K]>>;
}

/** Extracts the article of a tab, or says why not. Never throws. */
export async function extractFromTab(tab: { id?: number; url?: string }, request: ExtractRequest = {}): Promise<ExtractOutcome> {
  // Only a local file needs the file-access setting: no round trip for it on web pages.
  const restriction = restrictionOf(tab.url, !/^file:/i.test(tab.url ?? '') || (await fileAccessAllowed()));
  // A hidden address (no "tabs" permission) is still tried: the browser's refusal says why (a local file, …).
  if (restriction && !(restriction === 'no-access' && tab.id !== undefined)) return { ok: false, reason: 'restricted', restriction };
  if (tab.id === undefined) return { ok: false, reason: 'restricted', restriction: 'no-access' };
  try {
    const outcome = await callPage(tab.id, 'extract', request);
    return outcome ?? { ok: false, reason: 'error', message: 'no result from the page' };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // The browser refused to inject: its own page, a store, a local file, or one whose access the user withheld. Its
    // words say which (restricted.ts); file access matters only for the sentence that names no address.
    const urlHidden = !tab.url;
    const fileAccess = urlHidden && UNNAMED_REFUSAL.test(message) ? await fileAccessAllowed() : false;
    const refusal = restrictionOfRefusal(message, { urlHidden, fileAccess });
    if (refusal) return { ok: false, reason: 'restricted', restriction: refusal, detail: message };
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

export type { ExportFormat };
