/**
 * Injected on demand (the popup opens, a shortcut or menu item is used) into the tab's isolated world: runs the full
 * extraction on the live page, where computed style tells what is visible, and renders exports and copies there,
 * where a DOM parser exists (the background service worker has none).
 */
import { analyzePage } from '../extract/index';
import { computedVisibility } from '../extract/visibility';
import type { Article } from '../extract/types';
import { exportArticle, type ClipboardPayload } from '../format/export';
import { PAGE_API_GLOBAL, type EncodedFile, type ExtractOutcome, type ExtractRequest, type PageApi } from '../page-api';
import { inlineImages } from './inline-images';
import { showToast } from './toast';
import { plainTextArticle } from './plain-text-page';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

async function extract(request: ExtractRequest): Promise<ExtractOutcome> {
  try {
    const contentType = document.contentType || 'text/html';
    if (/^text\/plain/i.test(contentType)) {
      const article = plainTextArticle(document, location.href);
      return article ? { ok: true, article, detection: { family: 'generic', confidence: 0, isArticle: true, reason: 'plain text document' } } : { ok: false, reason: 'not-html', contentType };
    }
    if (!/html|xml/i.test(contentType)) return { ok: false, reason: 'not-html', contentType };
    const analysis = analyzePage(document, { url: location.href, isVisible: computedVisibility(window), force: request.force });
    const detection = analysis.detection;
    let article: Article | null = analysis.article;
    if (!article) return { ok: false, reason: 'no-article', detection };
    if (request.inlineImages) article = await inlineImages(article, parse);
    return { ok: true, article, detection };
  } catch (e) {
    return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

async function render(article: Article, format: Parameters<PageApi['render']>[1], settings: Parameters<PageApi['render']>[2]): Promise<EncodedFile> {
  const file = await exportArticle(article, format, { ...settings, parse });
  const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
  return { filename: file.filename, mime: file.mime, base64: base64(bytes) };
}

/** Puts text (and HTML) on the clipboard from the page: the async Clipboard API, else a copy event. */
async function copy(payload: ClipboardPayload): Promise<boolean> {
  try {
    const items: Record<string, Blob> = { 'text/plain': new Blob([payload.text], { type: 'text/plain' }) };
    if (payload.html) items['text/html'] = new Blob([payload.html], { type: 'text/html' });
    await navigator.clipboard.write([new ClipboardItem(items)]);
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

const api: PageApi = { extract, render, copy, toast: showToast };
(globalThis as unknown as Record<string, PageApi>)[PAGE_API_GLOBAL] = api;
