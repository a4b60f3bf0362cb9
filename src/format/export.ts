/**
 * The exports and copies the reader offers, in one place for the popup, the keyboard commands, the context menu
 * and the CLI: each turns an Article into a file (name, MIME type, content) or a clipboard payload.
 */
import type { Article } from '../extract/types';
import { toDocx } from './docx';
import { exportFileName } from './filename';
import { escapeHtml, toStandaloneHtml } from './html';
import { toMarkdown } from './markdown';
import { metadataLines, toText } from './text';

import { type ExportFormat } from './formats';

export { EXPORT_FORMATS, type ExportFormat } from './formats';

export interface ExportOptions {
  /** Title, 来源, 发布时间 … above the body (default on). */
  metadataHeader?: boolean;
  /** TXT only: a UTF-8 byte-order mark. */
  bom?: boolean;
  /** TXT only: CRLF line endings. */
  crlf?: boolean;
  /** Parses HTML into an inert document (DOCX needs it): the browser's DOMParser, or jsdom's in Node. */
  parse: (html: string) => Document;
}

export interface ExportFile {
  filename: string;
  mime: string;
  data: string | Uint8Array;
}

const MIME: Record<ExportFormat, string> = {
  txt: 'text/plain;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function exportArticle(article: Article, format: ExportFormat, options: ExportOptions): Promise<ExportFile> {
  const header = options.metadataHeader !== false;
  const filename = exportFileName(article, format);
  const doc = options.parse('<!DOCTYPE html><html><body></body></html>');
  switch (format) {
    case 'txt':
      return { filename, mime: MIME.txt, data: toText(article, { header, bom: options.bom, crlf: options.crlf }) };
    case 'md':
      return { filename, mime: MIME.md, data: toMarkdown(article, { frontMatter: header }) };
    case 'html':
      return { filename, mime: MIME.html, data: toStandaloneHtml(article, { header, doc }) };
    case 'docx':
      return { filename, mime: MIME.docx, data: await toDocx(article, { header, parse: options.parse }) };
  }
}

export type CopyKind = 'text' | 'markdown' | 'html';

/** What goes on the clipboard: always text/plain, and text/html for the rich copy (pastes formatted into Word/WPS). */
export interface ClipboardPayload {
  text: string;
  html?: string;
}

export function clipboardPayload(article: Article, kind: CopyKind, options: Pick<ExportOptions, 'metadataHeader'> = {}): ClipboardPayload {
  const header = options.metadataHeader !== false;
  switch (kind) {
    case 'text':
      return { text: toText(article, { header }).trimEnd() };
    case 'markdown':
      return { text: toMarkdown(article, { frontMatter: header }).trimEnd() };
    case 'html': {
      const meta = header
        ? `<p>${metadataLines(article)
            .map(([k, v]) => `${escapeHtml(k)}：${escapeHtml(v)}`)
            .join('　')}</p>`
        : '';
      // contentHtml is DOMPurify's output; the title and metadata are escaped.
      return { text: toText(article, { header }).trimEnd(), html: `<h1>${escapeHtml(article.title)}</h1>${meta}${article.contentHtml}` };
    }
  }
}
