/**
 * Export file names `YYYY-MM-DD_来源_标题.ext`, valid on Windows, macOS and Linux: no reserved characters or
 * names, no control or bidirectional-override characters, no trailing dots or spaces, at most 150 characters and
 * 240 UTF-8 bytes (Linux allows 255 bytes per name, and a CJK character takes 3).
 */
import type { Article } from '../extract/types';

export const MAX_NAME_CHARS = 150;
export const MAX_NAME_BYTES = 240;

// Windows forbids <>:"/\|?* and control characters; we also drop the bidirectional controls that can make
// "txt.exe" look like "exe.txt", zero-width characters, and the characters that confuse shells and URLs.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Half of a surrogate pair on its own: not valid UTF-16, so no valid file name on any system.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    return [...new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  }
  return [...text];
}

/** Cuts text to a budget of characters and bytes without splitting a character (or an emoji sequence). */
function cut(text: string, maxChars: number, maxBytes: number): string {
  let out = '';
  for (const g of graphemes(text)) {
    if (out.length + g.length > maxChars || utf8Length(out + g) > maxBytes) break;
    out += g;
  }
  return out;
}

/** One part of a file name made safe: forbidden characters become spaces, runs collapse, edges trimmed. */
export function safePart(text: string): string {
  return text
    .replace(LONE_SURROGATE, ' ')
    .normalize('NFC')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .trim();
}

/**
 * A safe file name for an article and an extension (without the dot). A `suffix` (a table's caption) follows the
 * title after "_", kept whole up to 40 characters: the title is the part that gets shortened.
 */
export function exportFileName(article: Pick<Article, 'title' | 'source' | 'publishedTime'>, extension: string, suffix?: string): string {
  const ext = safePart(extension).replace(/[^\w]/g, '').slice(0, 10) || 'txt';
  const tail = suffix ? cut(safePart(suffix), 40, 120).trim() : '';
  const date = article.publishedTime?.slice(0, 10);
  const prefix = [
    date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '',
    cut(safePart(article.source ?? '').replace(/_/g, ' '), 30, 60),
  ].filter(Boolean);
  const title = safePart(article.title ?? '') || '未命名文章';
  const fixed = `${prefix.map((p) => `${p}_`).join('')}${tail ? `_${tail}` : ''}.${ext}`;
  // The stem, with `reserve` characters (and bytes) left over for a leading "_".
  const stemWith = (reserve: number): string => {
    const t = cut(title, MAX_NAME_CHARS - fixed.length - reserve, MAX_NAME_BYTES - utf8Length(fixed) - reserve);
    return [...prefix, t.replace(/[\s.]+$/, '') || '未命名文章', ...(tail ? [tail] : [])].join('_');
  };
  let stem = stemWith(0);
  // A reserved device name is reserved with any extension ("CON.txt"); the "_" that defuses it must fit too.
  if (RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stemWith(1)}`;
  return `${stem}.${ext}`;
}
