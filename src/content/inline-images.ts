/**
 * Carries an article's images over as data: URLs, fetched in the page's context (its origin, its cache), so that the
 * reader, the copies and the exported files show them without the extension making a request of its own. Images
 * another site serves without CORS cannot be read this way and keep their address.
 */
import { sanitizeHtml, fragmentHtml } from '../extract/sanitize';
import type { Article } from '../extract/types';

const MAX_IMAGES = 40;
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_TOTAL = 24 * 1024 * 1024;
const TIMEOUT_MS = 8000;

async function toDataUrl(src: string, budget: { left: number }, signal: AbortSignal): Promise<string | null> {
  try {
    // force-cache: the page has just shown these images; take them from the cache when they are there.
    const response = await fetch(src, { cache: 'force-cache', credentials: 'same-origin', signal });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !/^image\/(?:png|jpe?g|gif|webp|bmp|svg\+xml|avif)/i.test(type)) return null;
    const blob = await response.blob();
    if (blob.size > MAX_BYTES || blob.size > budget.left) return null;
    budget.left -= blob.size;
    return await new Promise<string | null>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(blob);
    });
  } catch {
    return null;
  }
}

export async function inlineImages(article: Article, parse: (html: string) => Document): Promise<Article> {
  const sources = [...new Set(article.images.map((i) => i.src).filter((s) => /^https?:/i.test(s)))].slice(0, MAX_IMAGES);
  if (!sources.length) return article;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const budget = { left: MAX_TOTAL };
  const data = new Map<string, string>();
  await Promise.all(
    sources.map(async (src) => {
      const url = await toDataUrl(src, budget, controller.signal);
      if (url) data.set(src, url);
    }),
  );
  clearTimeout(timer);
  if (!data.size) return article;
  const doc = parse('<!DOCTYPE html><html><body></body></html>');
  const holder = doc.createElement('div');
  holder.append(sanitizeHtml(article.contentHtml, document));
  for (const img of holder.querySelectorAll('img[src]')) {
    const inline = data.get(img.getAttribute('src') ?? '');
    if (inline) img.setAttribute('src', inline);
  }
  // Sanitised again: the result is what the reader will insert (and sanitise once more, right before).
  const contentHtml = fragmentHtml(sanitizeHtml(holder.innerHTML, document));
  return { ...article, contentHtml, images: article.images.map((i) => ({ ...i, src: data.get(i.src) ?? i.src })) };
}
