/** A text/plain document (a .txt opened in the browser) as an article: its text, paragraphs at blank lines. */
import { escapeHtml } from '../format/html';
import type { Article } from '../extract/types';

export function plainTextArticle(doc: Document, url: string): Article | null {
  const text = (doc.body?.textContent ?? '').replace(/\r\n?/g, '\n').trim();
  if (!text) return null;
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const name = decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() ?? '') || 'text';
  return {
    title: name,
    byline: null,
    author: null,
    editor: null,
    source: null,
    publishedTime: null,
    category: null,
    views: null,
    summary: null,
    siteName: null,
    lang: null,
    url,
    family: 'generic',
    confidence: 0,
    textContent: paragraphs.join('\n\n'),
    contentHtml: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join(''),
    attachments: [],
    images: [],
    length: text.replace(/\s+/g, '').length,
  };
}
