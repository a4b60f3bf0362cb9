/**
 * Article → a standalone HTML file: UTF-8, inline CSS (no external resource but the article's own images), the
 * body sanitised again right before it is written in.
 */
import { fragmentHtml, sanitizeHtml } from '../extract/sanitize';
import type { Article } from '../extract/types';
import type { AttachedReference } from './formats';
import { referenceLead } from './gbt7714';
import { metadataLines } from './text';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export const READER_CSS = `
:root { color-scheme: light dark; }
body { margin: 0 auto; max-width: 42em; padding: 2em 1.25em 4em; line-height: 1.85; font-size: 18px;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  color: #1f2328; background: #fdfdfb; text-align: justify; }
h1 { font-size: 1.6em; line-height: 1.4; margin: 0 0 .5em; text-align: left; }
.meta { color: #59636e; font-size: .85em; margin: 0 0 2em; }
.meta span + span::before { content: " · "; }
img { max-width: 100%; height: auto; display: block; margin: 1em auto; }
table { border-collapse: collapse; margin: 1em 0; font-size: .9em; display: block; overflow-x: auto; }
td, th { border: 1px solid #d0d7de; padding: .35em .6em; }
a { color: #0969da; }
.source-link { margin-top: 2em; font-size: .8em; color: #59636e; word-break: break-all; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #161b22; } .meta, .source-link { color: #9198a1; }
  td, th { border-color: #3d444d; } a { color: #4493f8; }
}
`;

export interface HtmlOptions {
  /** The metadata line under the title (default on). */
  header?: boolean;
  /** The document whose window sanitises (Node: a jsdom document; the browser: the page's own). */
  doc?: Document | null;
  /** 附加引用: the reference above the title or after the original link. */
  reference?: AttachedReference | null;
}

/** The reference's text, escaped, its address a link. */
export function referenceHtml(reference: AttachedReference): string {
  const lead = referenceLead(reference);
  if (lead === null) return escapeHtml(reference.text);
  const url = escapeHtml(reference.url!);
  return `${escapeHtml(lead)}<a href="${url}" rel="noopener noreferrer">${url}</a>.`;
}

export function toStandaloneHtml(article: Article, options: HtmlOptions = {}): string {
  const body = fragmentHtml(sanitizeHtml(article.contentHtml, options.doc ?? null));
  const lines = options.header === false ? [] : metadataLines(article);
  const meta = lines.length ? `<p class="meta">${lines.map(([k, v]) => `<span>${escapeHtml(k)}：${escapeHtml(v)}</span>`).join('')}</p>` : '';
  const source = article.url && /^https?:\/\//i.test(article.url)
    ? `<p class="source-link">原文链接：<a href="${escapeHtml(article.url)}" rel="noopener noreferrer">${escapeHtml(article.url)}</a></p>`
    : '';
  // The classes the stylesheet has already: small grey text, as the metadata line (top) and the original link (end).
  const reference = (placement: AttachedReference['placement'], cls: string): string =>
    options.reference?.placement === placement ? `\n<p class="${cls} reference">${referenceHtml(options.reference)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(article.lang ?? 'zh-CN')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(article.title)}</title>
<style>${READER_CSS}</style>
</head>
<body>
<article>${reference('top', 'meta')}
<h1>${escapeHtml(article.title)}</h1>
${meta}
${body}
${source}${reference('end', 'source-link')}
</article>
</body>
</html>
`;
}
