/**
 * The detector content script, on every http(s) page at document_idle. Small on purpose: the CMS profiles and the
 * page classification, no Readability, no DOMPurify. It tells the background whether the page is an article and
 * which family built it; the extraction itself runs only when the user asks.
 *
 * The work is spread over short tasks (SLICE_MS each, then a yield to the page), so that a huge page is not frozen
 * while its 50 000 rows are read; every DOM read goes through the prototypes (src/extract/dom-safe.ts), so that a
 * page whose form controls are named like DOM members still gets its badge.
 */
import { detectPageSteps } from '../extract/detect';
import { methodOf, prop } from '../extract/dom-safe';
import { sendMessage } from '../messages';

/** Work per task, ms: well under the 16 ms of a frame, even with the step that overruns it. */
const SLICE_MS = 4;

type Fn = (this: unknown, ...args: unknown[]) => unknown;

/** Gives the page a turn: scheduler.yield where there is one (Chromium), else a new task. */
function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function detect(): Promise<void> {
  // Pages replaced by a viewer (PDF, images) or without a body are not articles; say nothing.
  if (!prop<HTMLElement | null>(document, 'body') || !/html/.test(prop<string>(document, 'contentType'))) return;
  const url = location.href;
  const steps = detectPageSteps(document, url);
  let next = steps.next();
  while (!next.done) {
    await pause();
    const end = performance.now() + SLICE_MS;
    do next = steps.next();
    while (!next.done && performance.now() < end);
  }
  const { family, confidence, isArticle, pageType, reason, profile } = next.value;
  let title: string | null = null;
  if (isArticle) {
    // For the tooltip: the family's title element, else the first <h1>, else <title> (the headline matching of the
    // full extraction is left to the reader: this script stays small).
    const query = methodOf(document, 'querySelector') as Fn;
    const text = (el: Element | null): string => (el ? (prop<string | null>(el, 'textContent') ?? '') : '');
    const heading = [...(profile?.title ?? []), 'h1'].map((s) => query.call(document, s) as Element | null).find((el) => text(el).trim());
    title = (heading ? text(heading) : prop<string>(document, 'title')).replace(/\s+/g, ' ').trim() || null;
  }
  void sendMessage({ type: 'page-detected', detection: { family, confidence, isArticle, pageType, reason }, title }).catch(() => {
    /* the background may be restarting; the next page load reports again */
  });
}

const start = (): void => void detect();
// After the page's own work: an idle moment, or at the latest one second after document_idle.
if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 1000 });
else setTimeout(start, 0);
