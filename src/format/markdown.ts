/**
 * Article → Markdown: YAML front matter (title, source, date, url), the headline, then the body through Turndown.
 * Simple tables become GFM tables; tables whose cells span rows or columns, or hold lists and headings, stay HTML
 * (GFM cannot express them, and a broken grid is worse than markup).
 */
import TurndownService from 'turndown';
import { strikethrough, tables } from '@joplin/turndown-plugin-gfm';
import type { Article } from '../extract/types';

function needsHtml(table: HTMLElement): boolean {
  for (const cell of table.querySelectorAll('td, th')) {
    if (Number(cell.getAttribute('rowspan') ?? 1) > 1 || Number(cell.getAttribute('colspan') ?? 1) > 1) return true;
  }
  return table.querySelector('table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, hr') !== null;
}

let service: TurndownService | null = null;

function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    hr: '---',
  });
  service.use([tables, strikethrough]);
  // Turndown tries the rules added last first: this one takes these tables before the GFM plugin does.
  service.addRule('htmlTable', {
    filter: (node) => node.nodeName === 'TABLE' && needsHtml(node),
    replacement: (_content, node) => `\n\n${(node).outerHTML}\n\n`,
  });
  return service;
}

/** Sanitised body HTML → Markdown. */
export function htmlToMarkdown(html: string): string {
  return turndown()
    .turndown(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A YAML scalar: JSON strings are valid YAML and escape everything that matters. */
function yaml(value: string): string {
  return JSON.stringify(value);
}

export interface MarkdownOptions {
  /** YAML front matter with title, source, date and url (default on). */
  frontMatter?: boolean;
}

export function toMarkdown(article: Article, options: MarkdownOptions = {}): string {
  const parts: string[] = [];
  if (options.frontMatter !== false) {
    const lines = ['---', `title: ${yaml(article.title)}`];
    if (article.source) lines.push(`source: ${yaml(article.source)}`);
    if (article.publishedTime) lines.push(`date: ${yaml(article.publishedTime)}`);
    if (article.author) lines.push(`author: ${yaml(article.author)}`);
    if (article.url) lines.push(`url: ${yaml(article.url)}`);
    lines.push('---');
    parts.push(lines.join('\n'));
  }
  parts.push(`# ${article.title.replace(/\n+/g, ' ')}`);
  const body = htmlToMarkdown(article.contentHtml);
  if (body) parts.push(body);
  return `${parts.join('\n\n')}\n`;
}
