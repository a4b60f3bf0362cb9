/**
 * Injected into the tab's isolated world only when a file is exported (a shortcut or menu item): the export formats
 * (Turndown, docx), rendered where a DOM parser exists (the background service worker has none). Kept apart from
 * page-bundle.ts, which the reader waits for.
 */
import type { Article } from '../extract/types';
import { exportArticle } from '../format/export';
import { providePageApi, runPendingCall, type EncodedFile, type PageApi } from '../page-api';
import { encodeFile } from '../platform/encode';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

async function render(article: Article, format: Parameters<PageApi['render']>[1], options: Parameters<PageApi['render']>[2]): Promise<EncodedFile> {
  return encodeFile(await exportArticle(article, format, { ...options, parse }));
}

providePageApi({ render });

/** The call that was waiting for this bundle, if any: the build ends the script with this value (vite.scripts.config.ts). */
export const pending = runPendingCall();
