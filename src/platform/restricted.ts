/**
 * Pages where an extension may not run scripts, or where there is no web page to read. Pure: decided from the URL
 * before anything is injected, or, where the URL is hidden, from the browser's refusal to inject, so the reader can
 * say why instead of failing.
 */

export type Restriction =
  /** The browser's own pages: settings, new tab, extensions, source view, other extensions' pages. */
  | 'browser-page'
  /** Extension stores, where browsers forbid extensions to run. */
  | 'web-store'
  /** A PDF in the browser's viewer: not a web page. */
  | 'pdf'
  /** A local file the extension has not been allowed to read. */
  | 'file'
  /** No address visible: the extension has no access to this tab. */
  | 'no-access';

const BROWSER_SCHEMES = /^(?:chrome|edge|brave|opera|vivaldi|chrome-search|chrome-untrusted|devtools|about|view-source|chrome-extension|moz-extension|extension|resource|data|blob|javascript):/i;
const WEB_STORES = [
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/addons\.opera\.com\//i,
];

/** Why the reader cannot run on this URL, or null when it can try. `fileAccess`: whether file:// pages are allowed. */
export function restrictionOf(url: string | undefined | null, fileAccess = true): Restriction | null {
  if (!url) return 'no-access';
  if (/^chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\//i.test(url)) return 'pdf';
  if (BROWSER_SCHEMES.test(url)) return 'browser-page';
  if (WEB_STORES.some((re) => re.test(url))) return 'web-store';
  if (/^file:/i.test(url)) return fileAccess ? (/\.pdf(?:[?#]|$)/i.test(url) ? 'pdf' : null) : 'file';
  if (/^https?:\/\/[^?#]*\.pdf(?:[?#]|$)/i.test(url)) return 'pdf';
  if (!/^https?:/i.test(url)) return 'browser-page';
  return null;
}

/**
 * Why the reader cannot read the document it was injected into, from the document's own content type (null: it may
 * try). A PDF served at an address that does not end in `.pdf` (`/download?id=12`, common on government sites)
 * passes restrictionOf; in Chromium's viewer the injected script then finds an empty HTML shell (the viewer is
 * another extension's frame, out of its reach) whose `document.contentType` is still the PDF's.
 */
export function restrictionOfContentType(contentType: string): Restriction | null {
  return /^application\/(?:x-)?pdf\s*(?:;|$)/i.test(contentType) ? 'pdf' : null;
}

/**
 * Why the browser refused to inject a script into a tab, from the words of its refusal: the address is hidden
 * without the "tabs" permission, so on the browser's own pages the refusal is all there is to go by. `urlHidden`:
 * the tab's address was not visible; `fileAccess`: whether file:// pages are allowed. Null when the message is no
 * refusal (a closed tab, an error in the page).
 *
 * Chromium (and Edge, Opera …) names the scheme of its own pages and of other extensions' pages ("Cannot access a
 * chrome:// URL", "Cannot access a chrome-extension:// URL of different extension") and the store ("The extensions
 * gallery cannot be scripted."). Every other page it may not script (about:blank, devtools://, data:, view-source:,
 * a local file without file access, a site whose access the user withheld) gets the one sentence that names no
 * address, "Cannot access contents of the page. …", and Firefox refuses every page alike ("Missing host permission
 * for the tab"): those say only that the extension may not read the page.
 */
/** Chromium's refusal that names no address (a local file without file access, about:, devtools:, …). */
export const UNNAMED_REFUSAL = /\bcannot access contents of the page\b/i;

export function restrictionOfRefusal(message: string, options: { urlHidden?: boolean; fileAccess?: boolean } = {}): Restriction | null {
  const { urlHidden = true, fileAccess = false } = options;
  if (/\bcannot access an? [a-z][\w+.-]*:\/\/ url\b/i.test(message)) return 'browser-page';
  if (/\bextensions gallery cannot be scripted\b/i.test(message)) return 'web-store';
  if (/\bsign-in page cannot be scripted\b/i.test(message)) return 'browser-page';
  // A refusal that quotes the address ('Cannot access "about:blank" at origin "null". …', 'Cannot access contents of
  // url "file:///…". …'): the address says why, as it would have before the attempt.
  const quoted = /\bcannot access (?:contents of url )?"([^"]+)"/i.exec(message)?.[1];
  const byAddress = quoted ? restrictionOf(quoted, false) : null;
  if (byAddress && byAddress !== 'no-access') return byAddress;
  // A hidden address refused for want of a host permission while we hold every http(s) host: a local file, unless
  // file access is on (then one of the pages above, or a site the user withheld), so say how to allow it.
  if (urlHidden && !fileAccess && UNNAMED_REFUSAL.test(message)) return 'file';
  if (/cannot access|cannot be scripted|missing host permission|not allowed|permission/i.test(message)) return 'no-access';
  return null;
}
