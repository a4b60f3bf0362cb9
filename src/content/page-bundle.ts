/**
 * Injected on demand (the popup opens, a shortcut or menu item is used) into the tab's isolated world: runs the full
 * extraction on the live page, where computed style tells what is visible, and copies there. The export formats are
 * a bundle of their own (page-export.ts), injected only for an export: this one is what the reader waits for.
 */
import { analyzePage } from '../extract/index';
import { computedVisibility } from '../extract/visibility';
import type { ClipboardPayload } from '../format/export';
import { providePageApi, runPendingCall, type ExtractOutcome, type ExtractRequest } from '../page-api';
import { restrictionOfContentType } from '../platform/restricted';
import { inlineImages } from './inline-images';
import { showToast } from './toast';
import { plainTextArticle } from './plain-text-page';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

function extractNow(request: ExtractRequest): ExtractOutcome {
  try {
    const contentType = document.contentType || 'text/html';
    // A PDF whose address did not say so (restricted.ts): the same answer as for a `.pdf` address, not "not a web page".
    const restriction = restrictionOfContentType(contentType);
    if (restriction) return { ok: false, reason: 'restricted', restriction };
    if (/^text\/plain/i.test(contentType)) {
      const article = plainTextArticle(document, location.href);
      return article ? { ok: true, article, detection: { family: 'generic', confidence: 0, isArticle: true, pageType: 'article', reason: 'plain text document' } } : { ok: false, reason: 'not-html', contentType };
    }
    if (!/html|xml/i.test(contentType)) return { ok: false, reason: 'not-html', contentType };
    const analysis = analyzePage(document, { url: location.href, isVisible: computedVisibility(window), force: request.force });
    const { detection, article } = analysis;
    return article ? { ok: true, article, detection } : { ok: false, reason: 'no-article', detection };
  } catch (e) {
    return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The extractions of this page as it is now, by request: a second reader on the same page, and the reader's image
 * pass after its first answer, do not extract again. Any change to the document (or the viewport, which decides
 * what is visible) forgets them.
 */
const extractions = new Map<string, Promise<ExtractOutcome>>();
let watcher: MutationObserver | null = null;

function forget(): void {
  extractions.clear();
  watcher?.disconnect();
  watcher = null;
  removeEventListener('resize', forget);
}

function remembered(key: string, make: () => Promise<ExtractOutcome>): Promise<ExtractOutcome> {
  if (!watcher) {
    watcher = new MutationObserver(forget);
    watcher.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    addEventListener('resize', forget);
  }
  const full = `${location.href} ${key}`;
  let outcome = extractions.get(full);
  if (!outcome) extractions.set(full, (outcome = make()));
  return outcome;
}

function extract(request: ExtractRequest): Promise<ExtractOutcome> {
  const force = !!request.force;
  const plain = (): Promise<ExtractOutcome> => remembered(`${force}`, () => Promise.resolve(extractNow({ force })));
  if (!request.inlineImages) return plain();
  return remembered(`${force} images`, async () => {
    const outcome = await plain();
    try {
      return outcome.ok ? { ...outcome, article: await inlineImages(outcome.article, parse) } : outcome;
    } catch (e) {
      return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  });
}

/** How long the async Clipboard API may take before the copy command is used instead, ms. */
const CLIPBOARD_WAIT_MS = 1500;

/** Puts text (and HTML) on the clipboard from the page: the async Clipboard API, else a copy event. */
async function copy(payload: ClipboardPayload): Promise<boolean> {
  try {
    const items: Record<string, Blob> = { 'text/plain': new Blob([payload.text], { type: 'text/plain' }) };
    if (payload.html) items['text/html'] = new Blob([payload.html], { type: 'text/html' });
    // Bounded: a write that neither succeeds nor fails (a tab in the background) must not hold a command for ever.
    await Promise.race([
      navigator.clipboard.write([new ClipboardItem(items)]),
      new Promise((_, reject) => setTimeout(() => reject(new Error('clipboard write did not settle')), CLIPBOARD_WAIT_MS)),
    ]);
    return true;
  } catch {
    // The page is not focused or the API is refused: the extension's clipboardWrite permission allows a copy command.
    const onCopy = (event: ClipboardEvent): void => {
      event.clipboardData?.setData('text/plain', payload.text);
      if (payload.html) event.clipboardData?.setData('text/html', payload.html);
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    document.addEventListener('copy', onCopy, true);
    try {
      return document.execCommand('copy');
    } finally {
      document.removeEventListener('copy', onCopy, true);
    }
  }
}

providePageApi({ extract, copy, toast: showToast });

/** The call that was waiting for this bundle, if any: the build ends the script with this value (vite.scripts.config.ts). */
export const pending = runPendingCall();
