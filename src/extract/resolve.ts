/**
 * One resolver for the article's metadata. Every source (the family's field elements, the labelled lines above and
 * below the body, the 责任编辑 line, credits at the body's edges, meta tags, JSON-LD, script data, Readability) gives
 * candidates `{field, value, origin, strength}`; for each field the resolver takes the strongest candidate that its
 * field's rule accepts (the first of equals, in the order the sources were read).
 *
 * The rules: a title carries no label line, no date and is not the site's name; a date is a real calendar date (a time
 * shown without its day takes the day from the page's own data); a source is a value, not the phrase that introduces
 * one; an author is a person, or a unit the page itself labels 作者/撰稿/供稿, never the outlet, the site, the 来源
 * value or a self-media account.
 */
import { parseDate } from './dates';
import { LEAD_IN, OUTLET_NAME } from './labels';
import { foldWidth, squash, stripSpace } from './text';
import { titleKey } from './title';

export type Field = 'title' | 'publishedTime' | 'time' | 'source' | 'author' | 'editor' | 'category' | 'views' | 'summary';

/** Where a value was read. */
export type Origin = 'family' | 'header' | 'footer' | 'editor-line' | 'body-edge' | 'meta' | 'json-ld' | 'script' | 'readability';

/** How much a value is to be trusted, by how the page shows it. */
export const STRENGTH = {
  /** The 责任编辑 line itself. */
  dedicated: 5,
  /** A labelled line (来源：…), a family's own field element, a credit with its role (记者 陈智). */
  labelled: 4,
  /** An element named for the field (class="source"), a closing credit (（张巨峰）). */
  slot: 3,
  /** Guessed from its place: the outlet beside the date, a family's stand-in slot, a date below the body. */
  guess: 2,
  /** Declared for machines: meta tags, JSON-LD, script data. */
  declared: 1,
  /** Readability's own reading. */
  fallback: 0,
} as const;

export interface Candidate {
  field: Field;
  value: string;
  origin: Origin;
  strength: number;
  /** The label the page put before the value ("作者", "供稿单位"), when it did. */
  label?: string;
}

/** What the rules may compare a value with. */
export interface ResolveContext {
  /** Names the page gives for its site and its publisher. */
  siteNames: readonly string[];
  /** The site's name from `<title>` ("标题_栏目_站名" → 站名), when there is one. */
  siteSuffix?: string | null;
}

export type Resolved = Partial<Record<Field, string>>;

/** Labels under which a page credits a unit as the writer (供稿单位 …, an element named for the author): a unit is an author there. */
const WRITER_LABEL = /^(?:作者|撰稿|撰稿人|撰文|执笔|供稿|供稿单位|文|author-slot)$/;
/** News outlets, never a writer even when labelled (a unit that wrote a text is: 局, 办, 党支部). */
const MEDIA_OUTLET = /(?:网|网站|报|报社|日报|晚报|周刊|月刊|杂志|通讯社|新闻社|社|电视台|广播电台|台|卫视|频道|传媒|媒体|融媒|新闻|客户端|公众号|门户|官网|官微|编辑部)$/;
/** The badge of a self-media account on a portal ("扬眼 企鹅号"): an outlet, not a person. */
const ACCOUNT_BADGE = /\s*(?:企鹅号|头条号|百家号|大鱼号|网易号|搜狐号|一点号|澎湃号|新浪号|公众号)$/;
/** Words that start an info line a headline element may hold as well ("…标题 来源：… 时间：…"). */
const TITLE_TAIL = /\s*(?:[【[(（]?\s*(?:来源|作者|发布时间|发布日期|发表时间|更新时间|时间|日期|浏览|点击|阅读|编辑|责任编辑|字号)\s*[:：]).*$/;

/** A numeric date (and time) standing apart at the end of a headline element's text. */
const STAMP_TAIL = /\s+(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;

const key = (s: string | null | undefined): string => (s ? titleKey(s) : '');

/** The rule of each field: the value as it may stand, or null when it may not. */
type Rule = (c: Candidate, picked: Resolved, ctx: ResolveContext) => string | null;

function titleRule(c: Candidate, _picked: Resolved, ctx: ResolveContext): string | null {
  let value = squash(c.value);
  // A headline element that also holds the info line: the headline is what comes before it.
  const cut = value.replace(TITLE_TAIL, '');
  if (cut !== value && key(cut).length >= 4) value = cut;
  // A numeric stamp after a space closing the element ("标题 2024-01-02 10:30"); a headline may name a date in words.
  const stamp = STAMP_TAIL.exec(value);
  if (stamp && key(value.slice(0, stamp.index)).length >= 4) value = value.slice(0, stamp.index).trim();
  const k = key(value);
  if (k.length < 2) return null;
  // The site's name (a page whose headline element holds only it) is not a headline.
  if (c.strength > STRENGTH.fallback && [...ctx.siteNames, ctx.siteSuffix].some((n) => key(n) === k)) return null;
  return value;
}

function dateRule(c: Candidate): string | null {
  return parseDate(c.value);
}

function timeRule(c: Candidate): string | null {
  return /^\d{2}:\d{2}(?::\d{2})?$/.test(c.value) ? c.value : null;
}

/** Badges and placeholders that stand where a source would ("原创", "网络"): no source is named. */
const NO_SOURCE = /^(?:原创|原创稿|转载|独家|首发|网络|互联网|网络转载|本站|本网|未知|佚名)$/;

function sourceRule(c: Candidate): string | null {
  const value = squash(c.value).replace(LEAD_IN, '').replace(ACCOUNT_BADGE, '');
  if (!value || value.length > 40 || /[。！？]/.test(value) || NO_SOURCE.test(value)) return null;
  return value;
}

function authorRule(c: Candidate, picked: Resolved, ctx: ResolveContext): string | null {
  const value = squash(c.value);
  if (!value || ACCOUNT_BADGE.test(value)) return null;
  const bare = stripSpace(foldWidth(value));
  // Never the 来源 value, the site or the publisher.
  const k = key(value);
  const outlets = [picked.source, ...ctx.siteNames, ctx.siteSuffix].map(key).filter((o) => o.length >= 2);
  if (outlets.some((o) => o === k || k.includes(o))) return null;
  // A unit is an author only where the page labels it as the writer; a news outlet never.
  if (MEDIA_OUTLET.test(bare)) return null;
  if (OUTLET_NAME.test(bare) && !(c.label && WRITER_LABEL.test(c.label))) return null;
  return value;
}

function plainRule(c: Candidate): string | null {
  const value = squash(c.value);
  return value || null;
}

/** The rules, in the order the fields are resolved (an author is checked against the source picked before it). */
const RULES: [Field, Rule][] = [
  ['title', titleRule],
  ['publishedTime', dateRule],
  ['time', timeRule],
  ['source', sourceRule],
  ['author', authorRule],
  ['editor', plainRule],
  ['category', plainRule],
  ['views', (c) => (/^\d+$/.test(c.value) ? c.value : null)],
  ['summary', plainRule],
];

/** The value of each field: the strongest candidate its rule accepts, the first of equals. */
export function resolve(candidates: readonly Candidate[], ctx: ResolveContext, fields: readonly Field[] = RULES.map(([f]) => f)): Resolved {
  const picked: Resolved = {};
  // A self-media account in a writer's slot ("扬眼 企鹅号") is the outlet the post comes from.
  const all = candidates.flatMap((c) => (c.field === 'author' && ACCOUNT_BADGE.test(c.value) ? [c, { ...c, field: 'source' as const, value: c.value.replace(ACCOUNT_BADGE, '') }] : [c]));
  for (const [field, rule] of RULES) {
    if (!fields.includes(field)) continue;
    const ranked = all.filter((c) => c.field === field).sort((a, b) => b.strength - a.strength);
    for (const c of ranked) {
      const value = rule(c, picked, ctx);
      if (value) {
        picked[field] = value;
        break;
      }
    }
  }
  // A time shown without its day, on the day the page's own data gives.
  if (picked.time && picked.publishedTime && !picked.publishedTime.includes('T')) picked.publishedTime = `${picked.publishedTime}T${picked.time}`;
  delete picked.time;
  return picked;
}

/** Candidates for several fields from one source. */
export function candidatesOf(
  fields: Partial<Record<Field, string | null | undefined>>,
  origin: Origin,
  strength: number,
  labels: Partial<Record<Field, string>> = {},
): Candidate[] {
  const out: Candidate[] = [];
  for (const [field, value] of Object.entries(fields) as [Field, string | null | undefined][]) {
    if (!value) continue;
    const label = labels[field];
    out.push({ field, value, origin, strength, ...(label ? { label } : {}) });
  }
  return out;
}
