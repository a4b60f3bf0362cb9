/**
 * Article → Markdown: YAML front matter (title, source, date, url), the headline, then the body through Turndown.
 * Simple tables become GFM tables; tables whose cells span rows or columns, or hold lists and headings, stay HTML
 * (GFM cannot express them, and a broken grid is worse than markup).
 */
import TurndownService from 'turndown';
import { strikethrough, tables } from '@joplin/turndown-plugin-gfm';
import type { Article } from '../extract/types';
import type { AttachedReference } from './formats';
import { referenceLead } from './gbt7714';
import { cellSpan } from './table';

function needsHtml(table: HTMLElement): boolean {
  // Spans read as browsers read them: colspan="2px" still joins two columns.
  for (const cell of table.querySelectorAll('td, th')) {
    if (cellSpan(cell, 'rowspan') !== 1 || cellSpan(cell, 'colspan') > 1) return true;
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
  // Text must not turn into markup where a renderer allows raw HTML: escape "<" too (Turndown escapes only the
  // Markdown syntax), so text such as "<img src=x onerror=…>" stays text.
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text: string): string => escapeMarkdown(text).replace(/</g, '\\<');
  // Turndown tries the rules added last first: this one takes these tables before the GFM plugin does. The HTML is
  // sanitised, but a blank line in it would end the HTML block and let the rest be read as Markdown: newlines are
  // written as character references (the same text once parsed).
  service.addRule('htmlTable', {
    filter: (node) => node.nodeName === 'TABLE' && needsHtml(node),
    replacement: (_content, node) => `\n\n${node.outerHTML.replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')}\n\n`,
  });
  // Links and images as Turndown writes them, but with the title and the destination fully escaped: Turndown
  // escapes only '"' in a title, so a title ending in a backslash breaks the link open and spills its text.
  service.addRule('safeLink', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => `[${content}](${destination(node.getAttribute('href') ?? '')}${titlePart(node)})`,
  });
  service.addRule('safeImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = node.getAttribute('src') ?? '';
      const alt = service!.escape(oneLine(node.getAttribute('alt')));
      return src ? `![${alt}](${destination(src)}${titlePart(node)})` : '';
    },
  });
  return service;
}

/** Attribute text on one line per paragraph, as Turndown's cleanAttribute does. */
const oneLine = (value: string | null): string => (value ?? '').replace(/(\n+\s*)+/g, '\n');

/** A link destination: backslash, angle brackets and parentheses escaped, white space percent-encoded. */
function destination(url: string): string {
  return url.replace(/[\\<>()]/g, '\\$&').replace(/\s/g, (ch) => encodeURIComponent(ch));
}

/** ` "title"` with every character that could end or leave it escaped, or nothing. */
function titlePart(node: HTMLElement): string {
  const title = oneLine(node.getAttribute('title'));
  return title ? ` "${title.replace(/[\\"<]/g, '\\$&')}"` : '';
}

/** Sanitised body HTML → Markdown. */
export function htmlToMarkdown(html: string): string {
  return turndown()
    .turndown(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A YAML scalar: JSON strings are valid YAML and escape everything that matters. "<", "[" and "]" are written as
 * \u escapes (the same value once parsed) so that a renderer without front matter, which shows these lines as text,
 * finds no raw HTML and no link in them.
 */
function yaml(value: string): string {
  return JSON.stringify(value).replace(/[<[\]]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface MarkdownOptions {
  /** YAML front matter with title, source, date and url (default on). */
  frontMatter?: boolean;
  /** 附加引用: the reference as the first paragraph (after the front matter) or the last. */
  reference?: AttachedReference | null;
}

/** The reference as a paragraph: its text escaped, its address an autolink (escaping would break a bare URL). */
function referenceMarkdown(reference: AttachedReference): string {
  const lead = referenceLead(reference);
  if (lead !== null && !/[\s<>]/.test(reference.url!)) return `${turndown().escape(lead)}<${reference.url!}>.`;
  return turndown().escape(reference.text);
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
  if (options.reference?.placement === 'top') parts.push(referenceMarkdown(options.reference));
  // The title is text: escaped like body text, so it can hold neither a link nor raw HTML.
  parts.push(`# ${turndown().escape(article.title.replace(/\n+/g, ' '))}`);
  const body = htmlToMarkdown(article.contentHtml);
  if (body) parts.push(body);
  if (options.reference?.placement === 'end') parts.push(referenceMarkdown(options.reference));
  return `${parts.join('\n\n')}\n`;
}
