/**
 * The background's message guard (src/messages.ts): which sender may send which message, and what the registered
 * listener does with foreign senders, unknown types and names inherited from Object.prototype. Pure logic: a fake
 * runtime stands in for `browser.runtime`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleMessages, sendMessage, senderAllowed, type Handlers, type Message, type RuntimeApi } from '../src/messages';
import type { Runtime } from '../src/platform/browser';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
const OTHER_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';

const detected: Message = {
  type: 'page-detected',
  detection: { family: 'trs-wcm', confidence: 0.9, isArticle: true, pageType: 'article', reason: 'profile body' },
  title: '标题',
};
const getDetection: Message = { type: 'get-detection', tabId: 7 };

const sender = (s: Record<string, unknown>): Runtime.MessageSender => s;
const tab = (id: number | undefined): unknown => ({ id, index: 0, highlighted: false, active: true, pinned: false, incognito: false });

// The contexts a message can come from, as the browser describes them.
const SENDERS = {
  contentScript: sender({ id: OWN_ID, url: 'https://www.example.gov.cn/art/2024/1/1/art_1_1.html', tab: tab(12), frameId: 0 }),
  contentScriptHttp: sender({ id: OWN_ID, url: 'http://127.0.0.1:8080/news/1.html', tab: tab(3), frameId: 0 }),
  popup: sender({ id: OWN_ID, url: `${OWN_ORIGIN}popup.html`, origin: OWN_ORIGIN.slice(0, -1) }),
  fullTabView: sender({ id: OWN_ID, url: `${OWN_ORIGIN}popup.html?view=tab&tab=12`, tab: tab(20) }),
  optionsPage: sender({ id: OWN_ID, url: `${OWN_ORIGIN}options.html`, tab: tab(21) }),
  serviceWorker: sender({ id: OWN_ID, url: `${OWN_ORIGIN}background.js` }),
  otherExtensionPage: sender({ id: OTHER_ID, url: `chrome-extension://${OTHER_ID}/popup.html` }),
  otherExtensionContentScript: sender({ id: OTHER_ID, url: 'https://www.example.gov.cn/', tab: tab(12) }),
  webPage: sender({ url: 'https://evil.example/', origin: 'https://evil.example', tab: tab(12) }),
  noId: sender({ url: `${OWN_ORIGIN}popup.html` }),
  // The id is ours but the address only begins like our origin (no trailing slash in the lookalike).
  lookalikeOrigin: sender({ id: OWN_ID, url: `chrome-extension://${OWN_ID}x/popup.html` }),
  contentScriptWithoutTab: sender({ id: OWN_ID, url: 'https://www.example.gov.cn/' }),
  contentScriptWithoutUrl: sender({ id: OWN_ID, tab: tab(12) }),
  tabWithoutId: sender({ id: OWN_ID, url: 'https://www.example.gov.cn/', tab: tab(undefined) }),
} satisfies Record<string, Runtime.MessageSender>;

type SenderName = keyof typeof SENDERS;

describe('senderAllowed', () => {
  const allowed = (message: Message, name: SenderName): boolean => senderAllowed(message, SENDERS[name], OWN_ID, OWN_ORIGIN);

  it('accepts page-detected only from a content script in a tab', () => {
    const ok: SenderName[] = ['contentScript', 'contentScriptHttp'];
    for (const name of Object.keys(SENDERS) as SenderName[]) {
      expect(allowed(detected, name), name).toBe(ok.includes(name));
    }
  });

  it('accepts the other messages only from the extension’s own pages and worker', () => {
    const ok: SenderName[] = ['popup', 'fullTabView', 'optionsPage', 'serviceWorker'];
    for (const name of Object.keys(SENDERS) as SenderName[]) {
      expect(allowed(getDetection, name), name).toBe(ok.includes(name));
    }
  });

  it('refuses everything from another extension or a web page, whatever the address says', () => {
    for (const name of ['otherExtensionPage', 'otherExtensionContentScript', 'webPage', 'noId'] as const) {
      expect(allowed(detected, name), name).toBe(false);
      expect(allowed(getDetection, name), name).toBe(false);
    }
    // Another extension's sender claiming one of our addresses is still another extension.
    expect(senderAllowed(getDetection, sender({ id: OTHER_ID, url: `${OWN_ORIGIN}popup.html` }), OWN_ID, OWN_ORIGIN)).toBe(false);
  });

  it('does not let an extension page in a tab pass for a content script', () => {
    expect(allowed(detected, 'fullTabView')).toBe(false);
    expect(allowed(detected, 'optionsPage')).toBe(false);
  });

  it('compares the origin with its trailing slash (no prefix lookalikes), in Firefox too', () => {
    expect(allowed(getDetection, 'lookalikeOrigin')).toBe(false);
    const mozOrigin = 'moz-extension://0b6c3c7e-1f2a-4d8e-9c1b-1234567890ab/';
    const id = '{b5f0c3e2-9a4d-4c51-8e2f-6d1a7c3b9e04}';
    expect(senderAllowed(getDetection, sender({ id, url: `${mozOrigin}popup.html` }), id, mozOrigin)).toBe(true);
    expect(senderAllowed(getDetection, sender({ id, url: `${mozOrigin.slice(0, -1)}0/popup.html` }), id, mozOrigin)).toBe(false);
    expect(senderAllowed(detected, sender({ id, url: 'https://www.example.gov.cn/', tab: tab(4) }), id, mozOrigin)).toBe(true);
  });
});

describe('handleMessages', () => {
  function register(): { handlers: Handlers; listener: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined } {
    const handlers: Handlers = {
      'page-detected': vi.fn(() => Promise.resolve({ ok: true as const })),
      'get-detection': vi.fn(() => Promise.resolve({ detection: null, title: null })),
    };
    let listener: ((message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined) | undefined;
    const runtime: RuntimeApi = {
      id: OWN_ID,
      getURL: (path: string) => OWN_ORIGIN + path,
      onMessage: { addListener: (l) => void (listener = l) },
    };
    handleMessages(handlers, runtime);
    if (!listener) throw new Error('no listener registered');
    return { handlers, listener };
  }

  it('answers an allowed sender through the matching handler', async () => {
    const { handlers, listener } = register();
    await expect(listener(getDetection, SENDERS.popup)).resolves.toEqual({ detection: null, title: null });
    await expect(listener(detected, SENDERS.contentScript)).resolves.toEqual({ ok: true });
    expect(handlers['get-detection']).toHaveBeenCalledTimes(1);
    expect(handlers['page-detected']).toHaveBeenCalledTimes(1);
  });

  it('gives no answer (undefined, so that the sender sees no reply) to a refused sender', () => {
    const { handlers, listener } = register();
    expect(listener(detected, SENDERS.popup)).toBeUndefined();
    expect(listener(detected, SENDERS.webPage)).toBeUndefined();
    expect(listener(getDetection, SENDERS.contentScript)).toBeUndefined();
    expect(listener(getDetection, SENDERS.otherExtensionPage)).toBeUndefined();
    expect(handlers['page-detected']).not.toHaveBeenCalled();
    expect(handlers['get-detection']).not.toHaveBeenCalled();
  });

  it('ignores what is not a message: no object, no type, an unknown type', () => {
    const { listener } = register();
    for (const message of [null, undefined, 'get-detection', 42, [], {}, { type: 42 }, { type: 'export', format: 'html' }, { type: 'GET-DETECTION' }]) {
      expect(listener(message, SENDERS.popup), JSON.stringify(message)).toBeUndefined();
    }
  });

  it('gives no answer to a detection report whose payload is not what a detection is, and takes every family', async () => {
    const { handlers, listener } = register();
    const report = (detection: unknown, title: unknown = '标题'): unknown => ({ type: 'page-detected', detection, title });
    const base = { family: 'trs-wcm', confidence: 0.9, isArticle: true, pageType: 'article', reason: 'profile body' };
    const malformed = [
      report(null),
      report('trs-wcm'),
      // A family outside the known ones would build locale keys of the page's choosing.
      ...['x', 'TRS-WCM', 'trs_wcm', '__proto__', 'constructor', 'toString', '', 42].map((family) => report({ ...base, family })),
      report({ ...base, isArticle: 'yes' }),
      report({ ...base, pageType: 'gallery' }),
      report({ ...base, pageType: '__proto__' }),
      // An article of another page type would set a badge for a list.
      report({ ...base, pageType: 'list' }),
      report({ ...base, isArticle: false, pageType: 'article' }),
      report({ ...base, confidence: Number.NaN }),
      report({ ...base, confidence: '0.9' }),
      report({ ...base, reason: undefined }),
      report(base, 42),
      report(base, { toString: () => 'title' }),
      { type: 'page-detected', detection: base },
    ];
    for (const message of malformed) expect(listener(message, SENDERS.contentScript), JSON.stringify(message)).toBeUndefined();
    expect(handlers['page-detected']).not.toHaveBeenCalled();
    const families = ['zhongqi-portal', 'zhongqi-omo', 'trs-wcm', 'hanweb-jcms', 'vsb-boda', 'sudy-webplus', 'empirecms', 'dedecms', 'phpcms', 'founder-enp', 'wechat-mp', 'generic'];
    for (const family of families) await expect(listener(report({ ...base, family }, null), SENDERS.contentScript), family).resolves.toEqual({ ok: true });
    expect(handlers['page-detected']).toHaveBeenCalledTimes(families.length);
  });

  it('gives no answer to get-detection without a whole tab id', () => {
    const { handlers, listener } = register();
    for (const tabId of [undefined, null, '7', 1.5, Number.NaN, Number.POSITIVE_INFINITY, { valueOf: () => 7 }]) {
      expect(listener({ type: 'get-detection', tabId }, SENDERS.popup), String(tabId)).toBeUndefined();
    }
    expect(handlers['get-detection']).not.toHaveBeenCalled();
  });

  it('does not take names inherited from Object.prototype for message types, even from its own pages', () => {
    const { listener } = register();
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf']) {
      for (const from of [SENDERS.popup, SENDERS.contentScript] as const) {
        expect(() => listener({ type }, from), type).not.toThrow();
        expect(listener({ type }, from), type).toBeUndefined();
      }
    }
  });
});

describe('sendMessage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const runtime = (): { runtime: { sendMessage: ReturnType<typeof vi.fn> } } => ({ runtime: { sendMessage: vi.fn(() => Promise.resolve({ ok: true })) } });

  it('uses browser.runtime where it exists (Firefox), else chrome.runtime', async () => {
    const browserApi = runtime();
    const chromeApi = runtime();
    vi.stubGlobal('browser', browserApi);
    vi.stubGlobal('chrome', chromeApi);
    await expect(sendMessage(detected)).resolves.toEqual({ ok: true });
    expect(browserApi.runtime.sendMessage).toHaveBeenCalledWith(detected);
    expect(chromeApi.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('passes over a `browser` global the page supplied (a named form or element, a cross-origin frame)', async () => {
    const chromeApi = runtime();
    vi.stubGlobal('chrome', chromeApi);
    // <form name="browser"><input name="runtime"></form>: runtime is an element without sendMessage.
    vi.stubGlobal('browser', { runtime: document.createElement('input') });
    await expect(sendMessage(detected)).resolves.toEqual({ ok: true });
    // <iframe name="browser" src="https://elsewhere/">: reading a property throws a SecurityError.
    vi.stubGlobal('browser', {
      get runtime(): never {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    });
    await expect(sendMessage(detected)).resolves.toEqual({ ok: true });
    expect(chromeApi.runtime.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('rejects (it does not throw) outside an extension context', async () => {
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { loadTimes: () => undefined });
    let result: Promise<unknown> | undefined;
    expect(() => (result = sendMessage(detected))).not.toThrow();
    await expect(result).rejects.toThrow('not in an extension context');
  });
});
