/**
 * Dates as Chinese CMS pages print them, to ISO 8601 local time without a zone (a zone is kept only when the
 * page itself states one). Precision follows the page: a date, or a date-time when a time is shown.
 */
import { foldWidth } from './text';

const pad = (n: number): string => String(n).padStart(2, '0');

// 2024-01-20, 2024/1/20, 2024.01.20, 2024年1月20日, optionally followed by a time (also gov.cn's 2007-08-20-23:59:59).
const DATE_TIME =
  /(?<![\d])((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)(?:\s*[日号])?(?:\s*(?:星期|周)[一二三四五六日天])?(?:(?:\s*|T|-)(\d{1,2})\s*[:时]\s*(\d{2})(?:\s*[:分]\s*(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/;

export interface ParsedDate {
  iso: string;
  /** Index of the match in the (width-folded) text and its length. */
  index: number;
  length: number;
}

function valid(y: number, m: number, d: number, h?: number, min?: number, s?: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  if (h !== undefined && (h > 23 || (min ?? 0) > 59 || (s ?? 0) > 59)) return false;
  return y >= 1980 && y <= 2100;
}

/** Finds the first date (with its time, when shown) in a text. */
export function findDate(text: string): ParsedDate | null {
  const folded = foldWidth(text);
  const re = new RegExp(DATE_TIME.source, 'g');
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const [whole, ys, ms, ds, hs, mins, ss, zone] = m;
    const y = Number(ys);
    const mo = Number(ms);
    const d = Number(ds);
    const h = hs === undefined ? undefined : Number(hs);
    const mi = mins === undefined ? undefined : Number(mins);
    const s = ss === undefined ? undefined : Number(ss);
    if (!valid(y, mo, d, h, mi, s)) continue;
    let iso = `${y}-${pad(mo)}-${pad(d)}`;
    if (h !== undefined && mi !== undefined) {
      iso += `T${pad(h)}:${pad(mi)}`;
      if (s !== undefined) iso += `:${pad(s)}`;
      if (zone) iso += zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    }
    return { iso, index: m.index, length: whole.length };
  }
  return null;
}

/** The first date in a text as ISO 8601, or null. */
export function parseDate(text: string | null | undefined): string | null {
  return text ? (findDate(text)?.iso ?? null) : null;
}

/**
 * A Unix time (seconds) shown as a date in China Standard Time, the zone the publishing platforms (WeChat) show.
 * Only the date is returned: that is the precision those pages display.
 */
export function dateFromUnixSeconds(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds < 315532800 || seconds > 4102444800) return null;
  const shifted = new Date((seconds + 8 * 3600) * 1000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** Drops the time (and zone) part: compares dates to the day. */
export function dayOf(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}
