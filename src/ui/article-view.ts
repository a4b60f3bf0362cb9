/**
 * Shows an Article in the reader (popup or full tab). The body is sanitised right before it is inserted; images not
 * carried over from the page become links (the reader loads nothing from the network itself).
 */
import { sanitizeHtml } from '../extract/sanitize';
import type { Article } from '../extract/types';
import { metadataLines } from '../format/text';
import { t } from '../i18n';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/**
 * Replaces images at web addresses by a link to them, in the sanitised body (made with DOM calls, no markup: the
 * address is one the sanitiser already let through as an image's).
 */
function withoutRemoteImages(body: DocumentFragment): DocumentFragment {
  for (const img of [...body.querySelectorAll('img')]) {
    const src = img.getAttribute('src') ?? '';
    if (/^data:image\//i.test(src)) continue;
    const link = externalLink(src, t('imageLink', img.getAttribute('alt') || t('image')));
    link.className = 'img-link';
    img.replaceWith(link);
  }
  return body;
}

function safeHttpUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function externalLink(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.setAttribute('href', href);
  a.textContent = text;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function toolButton(action: string, label: string, name: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.action = action;
  button.textContent = t(label);
  button.setAttribute('aria-label', t(name));
  return button;
}

/**
 * Puts 复制表格 and 导出 CSV above each table of the body, in a block with it (popup.ts finds the table from the
 * button). A table inside another goes with the cell it is in (table.ts writes it into the cell's text).
 */
function addTableTools(content: HTMLElement): void {
  for (const table of content.querySelectorAll('table')) {
    if (table.parentElement?.closest('table')) continue;
    const tools = document.createElement('div');
    tools.className = 'table-tools';
    tools.append(toolButton('copy-table', 'copyTable', 'copyTableLabel'), toolButton('export-table-csv', 'exportCsv', 'exportCsvLabel'));
    const block = document.createElement('div');
    block.className = 'table-block';
    table.replaceWith(block);
    block.append(tools, table);
  }
}

export function renderArticle(article: Article): void {
  byId('title').textContent = article.title;
  document.title = `${article.title} · ${t('extName')}`;
  const meta = byId('meta');
  meta.replaceChildren(
    ...metadataLines(article).map(([label, value]) => {
      const span = document.createElement('span');
      span.textContent = `${label}：${value}`;
      return span;
    }),
  );
  meta.hidden = meta.childElementCount === 0;
  // Sanitised here, immediately before insertion, and parsed once: the fragment is what is inserted.
  const content = byId('content');
  content.replaceChildren(withoutRemoteImages(sanitizeHtml(article.contentHtml)));
  addTableTools(content);
  const list = byId('attachment-list');
  list.replaceChildren(
    ...article.attachments.flatMap((a) => {
      const href = safeHttpUrl(a.url);
      if (!href) return [];
      const li = document.createElement('li');
      li.append(externalLink(href, a.name));
      return [li];
    }),
  );
  byId('attachments').hidden = list.childElementCount === 0;
  const origin = byId('origin');
  const url = article.url ? safeHttpUrl(article.url) : null;
  origin.replaceChildren(...(url ? [document.createTextNode(`${t('originalLink')}：`), externalLink(url, url)] : []));
  byId('article').hidden = false;
}
