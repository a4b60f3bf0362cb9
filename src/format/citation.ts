/**
 * The reference of a page, once, for every citation format (GB/T 7714—2015, BibTeX, CSL-JSON): who is responsible
 * for it, its title and other title information, its dates and its address.
 *
 * The responsible party is the person credited, else the issuing unit (of a 公文), else the source, else the site.
 * Names are split into family and given names where that is safe: a Chinese personal name at its surname (复姓
 * included), a Western one at its last word with the particles before it (de, van …); an organisation, or a name
 * with an interpunct (阿依古丽·买买提), stays whole.
 */
import type { Article } from '../extract/types';

/** A personal name in parts, or a name that stays as written (an organisation). */
export type CitationName = { family: string; given: string; suffix?: string } | { literal: string };

/** What a reference is made from: the article, and what the article does not carry yet. */
export interface CitationSource {
  article: Pick<Article, 'title' | 'author' | 'source' | 'siteName' | 'publishedTime' | 'url' | 'lang' | 'summary'>;
  /** A 公文's 发文字号 (川科函〔2023〕57号): other title information after the title. */
  documentNumber?: string | null;
  /** A 公文's 发文机关: the responsible party when no person is credited. */
  issuer?: string | null;
}

/** The fields of a 公文's header (`article.document`) that a reference uses. */
export interface DocumentHeaderFields {
  number?: string | null;
  issuer?: string | null;
}

/**
 * The source of an article's reference: the article, with its 公文 header's 发文字号 and 发文机关 when it has one.
 * Typed structurally, so an Article with or without a `document` field fits.
 */
export function citationSource(article: CitationSource['article'] & { document?: DocumentHeaderFields | null }): CitationSource {
  return { article, documentNumber: article.document?.number ?? null, issuer: article.document?.issuer ?? null };
}

/**
 * GB/T 7714—2015 document type codes used here: EB (电子公告, any web page) and A (档案, which the standard's own
 * example of an official notice with a 发文字号 uses).
 */
export type CitationType = 'EB' | 'A';

export interface Citation {
  id: string;
  type: CitationType;
  authors: CitationName[];
  title: string;
  /** Other title information: the 发文字号. */
  subtitle: string | null;
  /** The issuing unit of a 公文 (CSL `authority`). */
  issuer: string | null;
  /** The site the page belongs to (CSL `container-title`). */
  siteName: string | null;
  /** Publication or update date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  issued: string | null;
  /** 引用日期, `YYYY-MM-DD` on the local clock. */
  accessed: string;
  /** An http(s) address; a saved file's path is no address for a reader. */
  url: string | null;
  /** The page's language tag (zh-CN, en …). */
  language: string | null;
  /** Whether the reference is in Chinese (or Japanese, Korean): decides "等" or "et al.". */
  cjk: boolean;
  abstract: string | null;
}

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Full-width punctuation and dashes: no space belongs beside them in Chinese text. */
const CJK_PUNCT = '，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—\u3000';
const SPACE_AT_PUNCT = new RegExp(`\\s+(?=[${CJK_PUNCT}])|(?<=[${CJK_PUNCT}])\\s+`, 'gu');

/** A title as a reference gives it: one line, no space beside full-width punctuation or a dash, no closing full stop. */
export function citationTitle(title: string): string {
  const one = title.replace(/\s+/g, ' ').trim();
  const cjk = HAN.test(one);
  return (cjk ? one.replace(SPACE_AT_PUNCT, '') : one).replace(/[。.．]+$/u, '');
}

/** `YYYY-MM-DD` of a date on the local clock. */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 令狐 夏侯 轩辕 端木 独孤 南宫 西门 百里 呼延 澹台 公冶 太史 申屠 钟离 闻人 万俟 赫连 濮阳 单于 亓官 公羊 东郭 拓跋'.split(
    ' ',
  ),
);
const PARTICLES = new Set(['da', 'das', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'la', 'le', 'ten', 'ter', 'van', 'von', 'zu']);
/** Words that make a credited name an organisation's. */
const ORGANISATION_CJK = /(?:社|局|厅|委|办|部|院|所|中心|公司|集团|报|网|台|会|处|科|室|组|馆|站|队|政府|大学|学院|学校|银行|医院|编辑部)$/u;
const ORGANISATION_LATIN =
  /\b(?:inc|ltd|llc|co|corp|corporation|company|university|college|institute|center|centre|association|society|agency|council|committee|organi[sz]ation|ministry|department|office|bureau|foundation|news|press|group|staff|team|library|school|hospital|bank|government|commission)\b\.?/i;

function personName(name: string): CitationName {
  if (HAN.test(name)) {
    if (/[·・•]/.test(name) || !/^[\p{Script=Han}]{2,4}$/u.test(name)) return { literal: name };
    const cut = name.length > 2 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? 2 : 1;
    return { family: name.slice(0, cut), given: name.slice(cut) };
  }
  const generation = /,?\s+((?:Jr|Sr)\.?|I{2,3}|IV)$/.exec(name);
  if (generation) {
    const person = personName(name.slice(0, generation.index));
    return 'family' in person ? { ...person, suffix: generation[1]! } : person;
  }
  const words = name.split(/\s+/);
  if (words.length === 1) return { family: name, given: '' };
  // A surname written in capitals marks itself, wherever it stands (LI Jiangning, Jiangning LI).
  const caps = words.findIndex((w) => w.length > 1 && /^\p{Lu}[\p{Lu}'-]*$/u.test(w));
  if (caps >= 0 && words.some((w) => !/^\p{Lu}[\p{Lu}'.-]*$/u.test(w))) {
    return { family: words[caps]!, given: words.filter((_, i) => i !== caps).join(' ') };
  }
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

function isOrganisation(name: string): boolean {
  // Given names end in 科, 会 or 台 too (王志科): a one-character ending marks an organisation from four characters on,
  // or a news agency's 社 (新华社).
  if (HAN.test(name)) return (name.length >= 4 && ORGANISATION_CJK.test(name)) || /^\p{Script=Han}{2}社$/u.test(name) || name.replace(/[·・•]/g, '').length > 8;
  return ORGANISATION_LATIN.test(name) || name.split(/\s+/).length > 4;
}

/**
 * The names in a credit line as the extraction writes it: Chinese names apart with spaces (刘玺东 易赛楠), Western
 * names apart with commas (Jane Doe, John Smith), or either apart with 、 ; and "and".
 */
export function creditedNames(credit: string): CitationName[] {
  let parts = credit
    .split(/\s*(?:[,，、;；&＆]|\band\b|\s和\s)\s*/u)
    .map((p) => p.trim())
    .filter(Boolean);
  // "Acme, Inc." is one name: a company or generation suffix joins the name before it.
  parts = parts.reduce<string[]>((kept, p) => {
    if (kept.length && /^(?:inc|ltd|llc|co|corp|plc|gmbh|jr|sr|ii|iii|iv)\.?$/i.test(p)) kept[kept.length - 1] += `, ${p}`;
    else kept.push(p);
    return kept;
  }, []);
  if (parts.length === 1 && HAN.test(parts[0]!) && !/[A-Za-z]/.test(parts[0]!)) parts = parts[0]!.split(/\s+/);
  return parts.map((p) => (isOrganisation(p) ? { literal: p } : personName(p)));
}

/** A short stable key: the date and a hash of the address (or title), ASCII for BibTeX. */
function citationId(issued: string | null, basis: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(basis)) hash = Math.imul(hash ^ unit, 0x01000193) >>> 0;
  return `web${(issued ?? '').replace(/-/g, '')}-${hash.toString(36)}`;
}

/** The reference of a page, accessed `now` (the local clock's date is the 引用日期). */
export function citationOf(source: CitationSource, now: Date = new Date()): Citation {
  const { article } = source;
  const clean = (s: string | null | undefined): string | null => s?.replace(/\s+/g, ' ').trim() || null;
  const number = clean(source.documentNumber);
  const issuer = clean(source.issuer);
  const fallback = issuer ?? clean(article.source) ?? clean(article.siteName);
  const credited = clean(article.author);
  const authors = credited ? creditedNames(credited) : fallback ? [{ literal: fallback }] : [];
  const title = citationTitle(article.title) || number || '';
  // A title that already carries its 发文字号 does not get it twice.
  const subtitle = number && !title.includes(number) ? number : null;
  const issued = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(article.publishedTime ?? '')?.[0] ?? null;
  const url = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;
  return {
    id: citationId(issued, url ?? article.title),
    type: number ? 'A' : 'EB',
    authors,
    title,
    subtitle,
    issuer,
    siteName: clean(article.siteName),
    issued,
    accessed: localDate(now),
    url,
    language: clean(article.lang),
    cjk: HAN.test(title) || (!/[A-Za-z]/.test(title) && authors.some((a) => HAN.test('literal' in a ? a.literal : a.family))),
    abstract: clean(article.summary),
  };
}
