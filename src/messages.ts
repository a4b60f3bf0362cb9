/**
 * The one message protocol between the extension's contexts. Each message has a `type`; `Reply<M>` is what its
 * handler answers. The background accepts messages only from this extension's own contexts, and the detection
 * report only from a content script in a tab.
 */
import type { Detection, FamilyId, PageType } from './extract/types';
import type { Runtime } from './platform/browser';

/** The parts of `browser.runtime` the background's message handling uses. */
export interface RuntimeApi {
  id: string;
  getURL(path: string): string;
  onMessage: { addListener(listener: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined): void };
}

export interface PageDetected {
  type: 'page-detected';
  detection: Detection;
  title: string | null;
}

export interface GetDetection {
  type: 'get-detection';
  tabId: number;
}

export type Message = PageDetected | GetDetection;

interface Replies {
  'page-detected': { ok: true };
  'get-detection': { detection: Detection | null; title: string | null };
}

export type Reply<M extends Message> = Replies[M['type']];

export type Handlers = { [T in Message['type']]: (message: Extract<Message, { type: T }>, sender: Runtime.MessageSender) => Promise<Replies[T]> };

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * Sends a message to the background. Uses the browser's own namespace (promise-based in MV3 in every supported
 * browser), so that the small detector content script does not carry the polyfill.
 */
export function sendMessage<M extends Message>(message: M): Promise<Reply<M>> {
  const api = extensionApi();
  if (!api) return Promise.reject(new Error('not in an extension context'));
  return api.runtime.sendMessage(message) as Promise<Reply<M>>;
}

/**
 * The extension namespace, `browser` first, else `chrome`. In a content script a global that the browser does not
 * define is looked up among the page's named elements and frames (`<iframe name="browser">`, `<div id="browser">`),
 * so a candidate counts only when it really has `runtime.sendMessage`; a cross-origin frame throws on access.
 */
function extensionApi(): RuntimeLike | undefined {
  const g = globalThis as unknown as Record<string, RuntimeLike | undefined>;
  for (const name of ['browser', 'chrome']) {
    try {
      const api = g[name];
      if (typeof api?.runtime?.sendMessage === 'function') return api;
    } catch {
      /* a cross-origin frame of that name */
    }
  }
  return undefined;
}

/** Where a message may come from: the detection report from a content script in a tab, the rest from extension pages. */
export function senderAllowed(message: Message, sender: Runtime.MessageSender, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  if (message.type === 'page-detected') return sender.tab?.id !== undefined && typeof sender.url === 'string' && !sender.url.startsWith(ownOrigin);
  return typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}

function isMessage(value: unknown): value is Message {
  return !!value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

/** Every family a detection may name (the compiler holds the list to FamilyId, both ways). */
const FAMILIES: Record<FamilyId, true> = {
  'zhongqi-portal': true,
  'zhongqi-omo': true,
  'trs-wcm': true,
  'hanweb-jcms': true,
  'vsb-boda': true,
  'sudy-webplus': true,
  empirecms: true,
  dedecms: true,
  phpcms: true,
  'founder-enp': true,
  'wechat-mp': true,
  generic: true,
};

const PAGE_TYPES: Record<PageType, true> = { article: true, list: true, home: true, search: true, other: true };

function isDetection(value: unknown): value is Detection {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.family === 'string' &&
    Object.hasOwn(FAMILIES, d.family) &&
    typeof d.isArticle === 'boolean' &&
    typeof d.pageType === 'string' &&
    Object.hasOwn(PAGE_TYPES, d.pageType) &&
    d.isArticle === (d.pageType === 'article') &&
    Number.isFinite(d.confidence) &&
    typeof d.reason === 'string'
  );
}

/**
 * Whether a message carries what its type promises. The detection report comes from a content script, which runs
 * in pages we do not control: its family builds locale keys (family_*, badge_*) and its title the tooltip.
 */
const PAYLOAD_VALID: { [T in Message['type']]: (message: Record<string, unknown>) => boolean } = {
  'page-detected': (m) => isDetection(m.detection) && (m.title === null || typeof m.title === 'string'),
  'get-detection': (m) => Number.isSafeInteger(m.tabId),
};

/** Registers the background's handlers; unknown or malformed messages and foreign senders get no answer. */
export function handleMessages(handlers: Handlers, runtime: RuntimeApi): void {
  const ownId = runtime.id;
  const ownOrigin = runtime.getURL('');
  runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Own keys only: `in` would also take `__proto__`, `constructor`, `toString` … for message types.
    if (!isMessage(message) || !Object.hasOwn(handlers, message.type) || !senderAllowed(message, sender, ownId, ownOrigin)) return undefined;
    if (!PAYLOAD_VALID[message.type](message as unknown as Record<string, unknown>)) return undefined;
    const handler = handlers[message.type] as (m: Message, s: Runtime.MessageSender) => Promise<unknown>;
    return handler(message, sender);
  });
}
