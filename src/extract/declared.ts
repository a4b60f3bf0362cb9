/**
 * Metadata the page declares for machines: government meta tags (ArticleTitle, PubDate, ContentSource, SiteName,
 * ColumnName … in any letter case), OpenGraph, JSON-LD, and a family's values in scripts and comments.
 */
import { dateFromUnixSeconds, parseDate } from './dates';
import { pageComments } from './detect';
import { fieldValue } from './labels';
import type { EmbeddedField, MetaField, Profile } from './profiles/index';
import { squash } from './text';
import { elementsOf } from './dom-safe';

export interface Declared {
  /** Titles the page declares, best first (ArticleTitle, JSON-LD, og:title, family values, `<title>`). */
  titles: string[];
  /** The raw `<title>`. */
  documentTitle: string;
  publishedTime: string | null;
  source: string | null;
  category: string | null;
  siteNames: string[];
  description: string | null;
  lang: string | null;
}

/** `<meta>` values by lower-cased name or property; the first non-empty value of a name wins. */
export function readMetaTags(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  // getElementsByTagName: a tag-only querySelectorAll is several times slower in jsdom.
  for (const meta of elementsOf(doc.getElementsByTagName('meta'))) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? meta.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = squash(meta.getAttribute('content') ?? '');
    if (name && content && !map.has(name)) map.set(name, content);
  }
  return map;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  section?: string;
  description?: string;
}

const ARTICLE_TYPES = /^(?:Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|AnalysisNewsArticle|ReportageNewsArticle|WebPage)$/;

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((v): v is string => !!v);
    return names.length ? names.join(' ') : undefined;
  }
  if (value && typeof value === 'object' && 'name' in value) return nameOf((value).name);
  return undefined;
}

/** The first article-like object of the page's JSON-LD. */
export function readJsonLd(doc: Document): JsonLdArticle | null {
  for (const script of elementsOf(doc.getElementsByTagName('script'))) {
    if (!/^application\/ld\+json$/i.test(script.getAttribute('type') ?? '')) continue;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) {
        queue.push(...(item as unknown[]));
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const obj = item as Record<string, unknown>;
      if (obj['@graph']) queue.push(obj['@graph']);
      const types = ([] as unknown[]).concat(obj['@type'] ?? []);
      if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue;
      const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? squash(v) : undefined);
      const result: JsonLdArticle = {};
      const headline = str(obj.headline) ?? str(obj.name);
      if (headline) result.headline = headline;
      const date = str(obj.datePublished) ?? str(obj.dateCreated);
      if (date) result.datePublished = date;
      const author = nameOf(obj.author);
      if (author) result.author = squash(author);
      const publisher = nameOf(obj.publisher);
      if (publisher) result.publisher = squash(publisher);
      const section = str(obj.articleSection);
      if (section) result.section = section;
      const description = str(obj.description);
      if (description) result.description = description;
      if (types.includes('WebPage') && !result.datePublished) continue;
      return result;
    }
  }
  return null;
}

function embedded(texts: readonly string[], fields: readonly EmbeddedField[] | undefined): Partial<Record<MetaField, string>> {
  const out: Partial<Record<MetaField, string>> = {};
  for (const f of fields ?? []) {
    if (out[f.field]) continue;
    for (const text of texts) {
      const m = f.pattern.exec(text);
      if (!m?.[1]) continue;
      const value = f.kind === 'unix' ? dateFromUnixSeconds(Number(m[1])) : squash(m[1]);
      if (value) {
        out[f.field] = value;
        break;
      }
    }
  }
  return out;
}

const first = (...values: (string | null | undefined)[]): string | null => values.find((v) => v && v.trim()) ?? null;

/** Reads what the page declares about itself. */
export function readDeclared(doc: Document, profile: Profile | null): Declared {
  const meta = readMetaTags(doc);
  const ld = readJsonLd(doc);
  const scripts = profile?.scriptFields
    ? elementsOf(doc.getElementsByTagName('script')).filter((s) => !s.hasAttribute('src')).map((s) => s.textContent ?? '')
    : [];
  const fromScripts = embedded(scripts, profile?.scriptFields);
  const fromComments = profile?.commentFields ? embedded(pageComments(doc), profile.commentFields) : {};
  const documentTitle = squash(doc.getElementsByTagName('title')[0]?.textContent ?? '');
  const titles = [
    meta.get('articletitle'),
    fromComments.title,
    fromScripts.title,
    ld?.headline,
    meta.get('og:title'),
    meta.get('twitter:title'),
    documentTitle,
  ].filter((t): t is string => !!t);
  const sourceMeta = first(meta.get('contentsource'), meta.get('source'));
  const date = first(
    parseDate(meta.get('pubdate')),
    parseDate(meta.get('publishdate')),
    parseDate(meta.get('article:published_time')),
    parseDate(ld?.datePublished),
    parseDate(fromComments.publishedTime),
    fromScripts.publishedTime,
    parseDate(meta.get('firstpublishedtime')),
    parseDate(meta.get('datepublished')),
    parseDate(meta.get('datecreated')),
    parseDate(meta.get('dateupdate')),
    parseDate(meta.get('publishtime')),
    parseDate(meta.get('ptime')),
    parseDate(meta.get('dc.date')),
    parseDate(meta.get('og:release_date')),
  );
  const lang = first(doc.documentElement.getAttribute('lang'), doc.documentElement.getAttribute('xml:lang'), meta.get('content-language'), meta.get('language'));
  return {
    titles: [...new Set(titles)],
    documentTitle,
    publishedTime: date,
    source: first(fromScripts.source, fromComments.source, sourceMeta ? fieldValue('source', sourceMeta) : null),
    category: first(meta.get('columnname'), fromComments.category, ld?.section, meta.get('article:section')),
    siteNames: [meta.get('sitename'), meta.get('og:site_name'), ld?.publisher, meta.get('application-name')].filter(
      (s): s is string => !!s,
    ),
    description: first(meta.get('description'), meta.get('og:description'), ld?.description),
    lang: lang ? lang.trim() : null,
  };
}
