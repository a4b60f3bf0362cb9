/**
 * The detector content script, on every http(s) page at document_idle. Small on purpose: the CMS profiles and the
 * page classification, no Readability, no DOMPurify. It tells the background whether the page is an article and
 * which family built it; the extraction itself runs only when the user asks.
 */
import { classifyPage, detectFamily } from '../extract/detect';
import { hasClobberingNames } from '../extract/dom-safe';
import { sendMessage } from '../messages';

function detect(): void {
  // Pages replaced by a viewer (PDF, images) or without a body are not articles; say nothing. Nor on a page whose
  // element names shadow DOM properties: the detector reads the live page, which such names could mislead (the
  // reader, working on a clean copy, still works there).
  if (!document.body || !/html/.test(document.contentType) || hasClobberingNames(document)) return;
  const url = location.href;
  const { family, confidence, profile } = detectFamily(document, url);
  const { isArticle, reason } = classifyPage(document, url, profile);
  let title: string | null = null;
  if (isArticle) {
    // For the tooltip: the family's title element, else the first <h1>, else <title> (the headline matching of the
    // full extraction is left to the reader: this script stays small).
    const heading = [...(profile?.title ?? []), 'h1'].map((s) => document.querySelector(s)).find((el) => el?.textContent?.trim());
    title = (heading?.textContent ?? document.title).replace(/\s+/g, ' ').trim() || null;
  }
  void sendMessage({ type: 'page-detected', detection: { family, confidence, isArticle, reason }, title }).catch(() => {
    /* the background may be restarting; the next page load reports again */
  });
}

// After the page's own work: an idle moment, or at the latest one second after document_idle.
if (typeof requestIdleCallback === 'function') requestIdleCallback(detect, { timeout: 1000 });
else setTimeout(detect, 0);
