/** Article → plain text: a header (title, 来源, 发布时间, 原文链接), then the paragraphs (and the reference, if asked). */
import type { Article } from '../extract/types';
import type { AttachedReference } from './formats';

export interface TextOptions {
  /** The header lines above the body (default on). */
  header?: boolean;
  /** Windows line endings (default off). */
  crlf?: boolean;
  /** A UTF-8 byte-order mark, for Notepad and older Office (default off). */
  bom?: boolean;
  /** 附加引用: the reference as the first or the last paragraph. */
  reference?: AttachedReference | null;
}

/** The metadata lines shown under a title: 来源, 发布时间, 作者, 栏目 (only the ones present). */
export function metadataLines(article: Article): [label: string, value: string][] {
  const lines: [string, string][] = [];
  if (article.source) lines.push(['来源', article.source]);
  if (article.publishedTime) lines.push(['发布时间', article.publishedTime.replace('T', ' ')]);
  if (article.author) lines.push(['作者', article.author]);
  if (article.category) lines.push(['栏目', article.category]);
  return lines;
}

export function toText(article: Article, options: TextOptions = {}): string {
  const parts: string[] = [];
  if (options.header !== false) {
    const head = [article.title, ...metadataLines(article).map(([k, v]) => `${k}：${v}`)];
    if (article.url) head.push(`原文链接：${article.url}`);
    parts.push(head.join('\n'));
  }
  parts.push(article.textContent);
  if (article.attachments.length) {
    parts.push(['附件：', ...article.attachments.map((a) => `${a.name} ${a.url}`)].join('\n'));
  }
  if (options.reference?.placement === 'top') parts.unshift(options.reference.text);
  if (options.reference?.placement === 'end') parts.push(options.reference.text);
  let text = `${parts.join('\n\n')}\n`;
  if (options.crlf) text = text.replace(/\r?\n/g, '\r\n');
  return options.bom ? `\uFEFF${text}` : text;
}
