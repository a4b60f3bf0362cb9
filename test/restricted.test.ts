/**
 * Why the reader cannot run on a page (src/platform/restricted.ts): from the tab's address when the extension sees
 * it, and from the browser's refusal to inject when it does not (no "tabs" permission: the browser's own pages hide
 * their address). The refusals are the browsers' own words: Chromium's extensions/common/manifest_constants.cc
 * (checked against Chromium 156 in the e2e environment) and Firefox's scripting API. extractFromTab is run against a
 * stand-in browser that refuses with those words.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { restrictionOf, restrictionOfContentType, restrictionOfRefusal, type Restriction } from '../src/platform/restricted';

const executeScript = vi.fn<(injection: unknown) => Promise<unknown>>();
let fileAccess = false;
vi.mock('webextension-polyfill', () => ({
  default: {
    scripting: { executeScript: (i: unknown) => executeScript(i) },
    extension: { isAllowedFileSchemeAccess: () => Promise.resolve(fileAccess) },
  },
}));

const { extractFromTab } = await import('../src/platform/tab-tasks');

/** Chromium's refusals, word for word. */
const CHROMIUM = {
  chromeUrl: 'Cannot access a chrome:// URL',
  otherExtension: 'Cannot access a chrome-extension:// URL of different extension',
  gallery: 'The extensions gallery cannot be scripted.',
  signin: 'The sign-in page cannot be scripted.',
  page: 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
  pageWithUrl: (url: string) => `Cannot access contents of url "${url}". Extension manifest must request permission to access this host.`,
  aboutUrl: (url: string, origin: string) => `Cannot access "${url}" at origin "${origin}". Extension must have permission to access the frame's origin, and matchAboutBlank must be true.`,
  policy: 'This page cannot be scripted due to an ExtensionsSettings policy.',
};
/** Firefox refuses every page it protects alike: its own, the add-ons site, a site withheld. */
const FIREFOX = {
  tab: 'Missing host permission for the tab',
  tabOrFrames: 'Missing host permission for the tab or frames',
};

describe('restrictionOf (the address is visible)', () => {
  it.each<[string | undefined, Restriction | null]>([
    [undefined, 'no-access'],
    ['chrome://settings/', 'browser-page'],
    ['edge://extensions/', 'browser-page'],
    ['about:addons', 'browser-page'],
    ['devtools://devtools/bundled/inspector.html', 'browser-page'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', 'browser-page'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf'],
    ['https://chromewebstore.google.com/detail/x', 'web-store'],
    ['https://addons.mozilla.org/zh-CN/firefox/', 'web-store'],
    ['https://example.com/report.pdf?x=1', 'pdf'],
    ['https://www.gov.cn/zhengce/content/202305/content_1.htm', null],
  ])('%s → %s', (url, restriction) => {
    expect(restrictionOf(url)).toBe(restriction);
  });

  it('a local file needs file access', () => {
    expect(restrictionOf('file:///home/u/notice.html', false)).toBe('file');
    expect(restrictionOf('file:///home/u/notice.html', true)).toBeNull();
  });
});

describe('restrictionOfContentType (the document says what it is)', () => {
  it('takes a PDF for a PDF whatever its address, and nothing else', () => {
    expect(restrictionOfContentType('application/pdf')).toBe('pdf');
    expect(restrictionOfContentType('application/x-pdf; charset=binary')).toBe('pdf');
    for (const type of ['text/html', 'application/xhtml+xml', 'text/plain', 'image/png', 'application/pdfx', 'application/json']) {
      expect(restrictionOfContentType(type), type).toBeNull();
    }
  });
});

describe('restrictionOfRefusal (the address is hidden: the browser says why)', () => {
  it.each<[string, Restriction]>([
    [CHROMIUM.chromeUrl, 'browser-page'],
    [CHROMIUM.otherExtension, 'browser-page'],
    // Edge and other Chromium browsers, should they name their own scheme.
    ['Cannot access a edge:// URL', 'browser-page'],
    ['Cannot access a devtools:// URL', 'browser-page'],
    [CHROMIUM.signin, 'browser-page'],
    [CHROMIUM.gallery, 'web-store'],
    // Refusals that quote the address go by the address.
    [CHROMIUM.aboutUrl('about:blank', 'null'), 'browser-page'],
    [CHROMIUM.pageWithUrl('chrome-untrusted://terms/'), 'browser-page'],
    [CHROMIUM.pageWithUrl('file:///tmp/a.html'), 'file'],
  ])('%s → %s', (message, restriction) => {
    expect(restrictionOfRefusal(message)).toBe(restriction);
    // The same whatever the file-access setting.
    expect(restrictionOfRefusal(message, { fileAccess: true })).toBe(restriction);
  });

  it('the sentence that names no page: a local file while file access is off, else no more than no access', () => {
    expect(restrictionOfRefusal(CHROMIUM.page)).toBe('file');
    expect(restrictionOfRefusal(CHROMIUM.page, { urlHidden: true, fileAccess: false })).toBe('file');
    // With file access on a local file would have been read: about:blank, devtools://, data:, or a withheld site.
    expect(restrictionOfRefusal(CHROMIUM.page, { urlHidden: true, fileAccess: true })).toBe('no-access');
    // With the address visible it was not a local file (restrictionOf said so before the attempt).
    expect(restrictionOfRefusal(CHROMIUM.page, { urlHidden: false })).toBe('no-access');
  });

  it.each([FIREFOX.tab, FIREFOX.tabOrFrames, CHROMIUM.policy, CHROMIUM.pageWithUrl('https://intranet.example/'), `Error: ${FIREFOX.tab}.`])('a refusal that does not say which page: %s → no-access', (message) => {
    expect(restrictionOfRefusal(message)).toBe('no-access');
  });

  it.each(['No tab with id: 7.', 'Frame with ID 0 was removed.', 'Frame with ID 0 is showing error page', 'Could not establish connection. Receiving end does not exist.', 'TypeError: x is undefined', ''])('not a refusal: %j → null', (message) => {
    expect(restrictionOfRefusal(message)).toBeNull();
  });

  it('does not read a scheme out of other words', () => {
    expect(restrictionOfRefusal('Cannot access a chrome:// URLs list')).toBe('no-access');
    expect(restrictionOfRefusal('the page said: see chrome://flags')).toBeNull();
  });
});

describe('extractFromTab on a page whose address is hidden', () => {
  beforeEach(() => {
    executeScript.mockReset();
    fileAccess = false;
  });

  const refusedWith = async (message: string, tab: { id?: number; url?: string } = { id: 3 }) => {
    executeScript.mockRejectedValue(new Error(message));
    return extractFromTab(tab);
  };

  it.each<[string, Restriction, boolean]>([
    [CHROMIUM.chromeUrl, 'browser-page', false],
    [CHROMIUM.otherExtension, 'browser-page', false],
    [CHROMIUM.gallery, 'web-store', false],
    [CHROMIUM.page, 'file', false],
    [CHROMIUM.page, 'no-access', true],
    [FIREFOX.tab, 'no-access', false],
    [FIREFOX.tabOrFrames, 'no-access', true],
  ])('%s (file access %s) → %s, with the refusal as detail', async (message, restriction, allowed) => {
    fileAccess = allowed;
    expect(await refusedWith(message)).toEqual({ ok: false, reason: 'restricted', restriction, detail: message });
  });

  it('a refusal of a tab whose address is visible is not taken for a local file', async () => {
    expect(await refusedWith(CHROMIUM.page, { id: 3, url: 'https://intranet.example/a.html' })).toMatchObject({ restriction: 'no-access' });
  });

  it('a closed tab is no refusal', async () => {
    expect(await refusedWith('No tab with id: 3.')).toEqual({ ok: false, reason: 'error', message: 'tab-gone' });
  });
});
