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
  byId('content').replaceChildren(withoutRemoteImages(sanitizeHtml(article.contentHtml)));
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
