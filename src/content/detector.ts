/**
 * The detector content script, on every http(s) page at document_idle. Small on purpose: the CMS profiles and the
 * page classification, no Readability, no DOMPurify. It tells the background whether the page is an article and
 * which family built it; the extraction itself runs only when the user asks.
 */
import { classifyPage, detectFamily } from '../extract/detect';
import { cleanTitle, declaredTitles, pageHeadline } from '../extract/title';
import { sendMessage } from '../messages';

function detect(): void {
  // Pages replaced by a viewer (PDF, images) or without a body are not articles; say nothing.
  if (!document.body || !/html/.test(document.contentType)) return;
  const url = location.href;
  const { family, confidence, profile } = detectFamily(document, url);
  const { isArticle, reason } = classifyPage(document, url, profile);
  let title: string | null = null;
  if (isArticle) {
    const titles = declaredTitles(document);
    title = pageHeadline(document, profile, titles)?.text ?? (titles[0] ? cleanTitle(titles[0]) : null);
  }
  void sendMessage({ type: 'page-detected', detection: { family, confidence, isArticle, reason }, title }).catch(() => {
    /* the background may be restarting; the next page load reports again */
  });
}

// After the page's own work: an idle moment, or at the latest one second after document_idle.
if (typeof requestIdleCallback === 'function') requestIdleCallback(detect, { timeout: 1000 });
else setTimeout(detect, 0);
