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

/** Years a page's own date can fall in: the web's Chinese institutional pages, with room to spare. */
const FIRST_YEAR = 1980;
const LAST_YEAR = 2100;

/** Days in a month of the Gregorian calendar (February by the leap-year rule). */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** A real calendar date (2023-02-31 is not), and a real time of day when one is given. */
function valid(y: number, m: number, d: number, h?: number, min?: number, s?: number): boolean {
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return false;
  return h === undefined || (h <= 23 && (min ?? 0) <= 59 && (s ?? 0) <= 59);
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
    if (!valid(y, mo, d)) continue;
    let iso = `${y}-${pad(mo)}-${pad(d)}`;
    // A time that is no time of day ("25:00") is dropped; the date stands.
    if (h !== undefined && mi !== undefined && valid(y, mo, d, h, mi, s)) {
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

/** The first and last Unix seconds of FIRST_YEAR..LAST_YEAR (1980-01-01, 2100-01-01 UTC). */
const EPOCH_MIN = 315532800;
const EPOCH_MAX = 4102444800;

/**
 * A Unix time (seconds) shown as a date in China Standard Time, the zone the publishing platforms (WeChat) show.
 * Only the date is returned: that is the precision those pages display.
 */
export function dateFromUnixSeconds(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds < EPOCH_MIN || seconds > EPOCH_MAX) return null;
  const shifted = new Date((seconds + 8 * 3600) * 1000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** A time of day shown without its date ("19:02", "09:30:15"), as `HH:MM[:SS]`. */
const TIME_ONLY = /(?<![\d:.\-/年月日])([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)(?:\s*[:：]\s*([0-5]\d))?(?![\d:])/;

export function findTime(text: string): string | null {
  if (findDate(text)) return null;
  const m = TIME_ONLY.exec(foldWidth(text));
  return m ? `${pad(Number(m[1]))}:${m[2]}${m[3] ? `:${m[3]}` : ''}` : null;
}

