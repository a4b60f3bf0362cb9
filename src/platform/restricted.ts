/**
 * Pages where an extension may not run scripts, or where there is no web page to read. Pure: decided from the URL
 * before anything is injected, so the reader can say why instead of failing.
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
