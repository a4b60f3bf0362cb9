/**
 * Shows an Article in the reader (popup or full tab). The body is sanitised right before it is inserted; images not
 * carried over from the page become links (the reader loads nothing from the network itself).
 */
import { sanitizeHtml } from '../extract/sanitize';
import type { Article } from '../extract/types';
import { metadataLines } from '../format/text';
import { t } from '../i18n';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Replaces images at web addresses by a link to them, in an inert copy of the body, before sanitising. */
function withoutRemoteImages(html: string): string {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
  for (const img of [...doc.querySelectorAll('img')]) {
    const src = img.getAttribute('src') ?? '';
    if (/^data:image\//i.test(src)) continue;
    const link = doc.createElement('a');
    link.className = 'img-link';
    link.setAttribute('href', src);
    link.textContent = t('imageLink', img.getAttribute('alt') || t('image'));
    img.replaceWith(link);
  }
  return doc.body.innerHTML;
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
  a.href = href;
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
  // Sanitised last, immediately before insertion.
  byId('content').replaceChildren(sanitizeHtml(withoutRemoteImages(article.contentHtml)));
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
