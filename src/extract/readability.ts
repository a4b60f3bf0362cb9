/**
 * @mozilla/readability, tuned for CJK pages: its thresholds count characters, and a Chinese page says in 200
 * characters what an English page says in 600, so short 通知 / 公告 must not fall under the default 500.
 */
import { Readability } from '@mozilla/readability';
import { hasCjk } from './text';

/** Smallest article Readability accepts on a Chinese page, in characters. */
export const CJK_CHAR_THRESHOLD = 80;

export interface ReadabilityResult {
  content: Element;
  title: string | null;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
}

/** The start of `root`'s textContent, without building all of it (a page's text can run to megabytes). */
function textStart(root: Node, max: number): string {
  let out = '';
  const walker = root.ownerDocument!.createTreeWalker(root, 0x4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && out.length < max; node = walker.nextNode()) out += node.nodeValue ?? '';
  return out.slice(0, max);
}

/** Runs Readability on `doc` (which it mutates) and returns the article element itself, not a re-parsed string. */
export function runReadability(doc: Document): ReadabilityResult | null {
  const sample = doc.body ? textStart(doc.body, 5000) : '';
  const reader = new Readability<Element>(doc, {
    charThreshold: hasCjk(sample) ? CJK_CHAR_THRESHOLD : 500,
    serializer: (node) => node as Element,
    keepClasses: false,
    // JSON-LD is read by declared.ts already.
    disableJSONLD: true,
  });
  const result = reader.parse();
  if (!result?.content) return null;
  return {
    content: result.content,
    title: result.title ?? null,
    byline: result.byline ?? null,
    excerpt: result.excerpt ?? null,
    siteName: result.siteName ?? null,
    publishedTime: result.publishedTime ?? null,
    lang: result.lang ?? null,
  };
}
