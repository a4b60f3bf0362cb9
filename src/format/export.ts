/**
 * The exports and copies the reader offers, in one place for the popup, the keyboard commands, the context menu
 * and the CLI: each turns an Article into a file (name, MIME type, content) or a clipboard payload.
 */
import type { Article } from '../extract/types';
import { toDocx } from './docx';
import { exportFileName } from './filename';
import type { AttachedReference, ExportFormat } from './formats';
import { escapeHtml, referenceHtml, toStandaloneHtml } from './html';
import { toMarkdown } from './markdown';
import { metadataLines, toText } from './text';

export { CITATION_PLACEMENTS, EXPORT_FORMATS, type AttachedReference, type CitationPlacement, type ExportFormat } from './formats';
export { attachedReference } from './gbt7714';

export interface ExportOptions {
  /** Title, 来源, 发布时间 … above the body (default on). */
  metadataHeader?: boolean;
  /** TXT only: a UTF-8 byte-order mark. */
  bom?: boolean;
  /** TXT only: CRLF line endings. */
  crlf?: boolean;
  /** Parses HTML into an inert document (DOCX needs it): the browser's DOMParser, or jsdom's in Node. */
  parse: (html: string) => Document;
  /** 附加引用: the page's reference at the top or the end (see `attachedReference`); none when absent. */
  reference?: AttachedReference | null;
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
  const { reference } = options;
  const filename = exportFileName(article, format);
  const doc = options.parse('<!DOCTYPE html><html><body></body></html>');
  switch (format) {
    case 'txt':
      return { filename, mime: MIME.txt, data: toText(article, { header, bom: options.bom, crlf: options.crlf, reference }) };
    case 'md':
      return { filename, mime: MIME.md, data: toMarkdown(article, { frontMatter: header, reference }) };
    case 'html':
      return { filename, mime: MIME.html, data: toStandaloneHtml(article, { header, doc, reference }) };
    case 'docx':
      return { filename, mime: MIME.docx, data: await toDocx(article, { header, parse: options.parse, reference }) };
  }
}

export type CopyKind = 'text' | 'markdown' | 'html';

/** What goes on the clipboard: always text/plain, and text/html for the rich copy (pastes formatted into Word/WPS). */
export interface ClipboardPayload {
  text: string;
  html?: string;
}

export function clipboardPayload(article: Article, kind: CopyKind, options: Pick<ExportOptions, 'metadataHeader' | 'reference'> = {}): ClipboardPayload {
  const header = options.metadataHeader !== false;
  const { reference } = options;
  switch (kind) {
    case 'text':
      return { text: toText(article, { header, reference }).trimEnd() };
    case 'markdown':
      return { text: toMarkdown(article, { frontMatter: header, reference }).trimEnd() };
    case 'html': {
      const meta = header
        ? `<p>${metadataLines(article)
            .map(([k, v]) => `${escapeHtml(k)}：${escapeHtml(v)}`)
            .join('　')}</p>`
        : '';
      const cite = (placement: AttachedReference['placement']): string =>
        reference?.placement === placement ? `<p>${referenceHtml(reference)}</p>` : '';
      // contentHtml is DOMPurify's output; the title, metadata and reference are escaped.
      return {
        text: toText(article, { header, reference }).trimEnd(),
        html: `${cite('top')}<h1>${escapeHtml(article.title)}</h1>${meta}${article.contentHtml}${cite('end')}`,
      };
    }
  }
}
