/**
 * Metadata the page declares for machines: government meta tags (ArticleTitle, PubDate, ContentSource, SiteName,
 * ColumnName … in any letter case), OpenGraph, JSON-LD, and a family's values in scripts and comments.
 */
import { dateFromUnixSeconds, parseDate } from './dates';
import { pageComments } from './family';
import { fieldValue } from './labels';
import type { EmbeddedField, MetaField, Profile } from './profiles/index';
import { squash } from './text';
import { decodeHTML } from 'entities';
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
  /** Names of the JSON-LD article's authors typed as persons (not shown on the page: a fallback, see `declaredAuthor`). */
  authors: string[];
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
  /** Authors typed `Person` (directly or through an `@id` reference); organisations and bare strings are left out. */
  authors?: string[];
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

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? squash(v) : undefined);
const PERSON = /^(?:(?:https?:\/\/)?schema\.org\/|schema:)?Person$/;
/**
 * A name some sites write HTML-escaped into their JSON-LD ("Maria &amp; Katerina"), decoded as HTML decodes it
 * (entities' decodeHTML); undefined when the result still holds what looks like an entity.
 */
function unescapeName(text: string): string | undefined {
  const out = decodeHTML(text);
  return /&#?\w+;/.test(out) ? undefined : squash(out);
}

/** The nodes of JSON-LD data that carry an `@id` and a type, by id (Yoast's `author: { "@id": "…#/schema/person/…" }`). */
function typedNodes(data: unknown, into: Map<string, Record<string, unknown>>, depth = 0): void {
  if (depth > 8 || !data || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (const item of data as unknown[]) typedNodes(item, into, depth + 1);
    return;
  }
  const obj = data as Record<string, unknown>;
  if (typeof obj['@id'] === 'string' && obj['@type'] !== undefined && !into.has(obj['@id'])) into.set(obj['@id'], obj);
  for (const value of Object.values(obj)) if (value && typeof value === 'object') typedNodes(value, into, depth + 1);
}

/**
 * The names of the authors typed as persons. A bare string says nothing of what it names (sites write the outlet
 * there), and an Organization is the outlet or the site.
 */
function personNames(value: unknown, byId: Map<string, Record<string, unknown>>): string[] {
  const names: string[] = [];
  for (const item of ([] as unknown[]).concat(value ?? [])) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const own = item as Record<string, unknown>;
    const ref = typeof own['@id'] === 'string' ? byId.get(own['@id']) : undefined;
    const types = ([] as unknown[]).concat(own['@type'] ?? ref?.['@type'] ?? []);
    if (!types.some((t) => typeof t === 'string' && PERSON.test(t)) || types.some((t) => typeof t === 'string' && /Organization$/.test(t))) continue;
    const raw = str(own.name) ?? str(ref?.name);
    const name = raw && unescapeName(raw);
    if (name) names.push(name);
  }
  return names;
}

/** The first article-like object of the page's JSON-LD. */
export function readJsonLd(doc: Document): JsonLdArticle | null {
  const blocks: unknown[] = [];
  for (const script of elementsOf(doc.getElementsByTagName('script'))) {
    if (!/^application\/ld\+json$/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      blocks.push(JSON.parse(script.textContent ?? ''));
    } catch {
      continue;
    }
  }
  let byId: Map<string, Record<string, unknown>> | null = null;
  for (const data of blocks) {
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
      const result: JsonLdArticle = {};
      const headline = str(obj.headline) ?? str(obj.name);
      if (headline) result.headline = headline;
      const date = str(obj.datePublished) ?? str(obj.dateCreated);
      if (date) result.datePublished = date;
      if (obj.author) {
        if (!byId) {
          byId = new Map<string, Record<string, unknown>>();
          typedNodes(blocks, byId);
        }
        const authors = personNames(obj.author, byId);
        if (authors.length) result.authors = authors;
      }
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

/**
 * The publication time news portals keep in their page data for the script that shows it (`"pubtime": "2019-09-07
 * 19:02:26"`, `publish_time = '…'`): read from inline scripts (other than JSON-LD), the first such key.
 */
const SCRIPT_DATE = /["']?(?:pubtime|pub_time|publishtime|publish_time|pubdate|pub_date|publishdate|publish_date|releasetime|release_time|datepublished)["']?\s*[:=]\s*["']((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)["']/i;
const MAX_SCRIPT_CHARS = 200_000;

function scriptDate(doc: Document): string | null {
  let read = 0;
  for (const script of elementsOf(doc.getElementsByTagName('script'))) {
    if (script.hasAttribute('src') || /ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const text = script.textContent ?? '';
    const m = SCRIPT_DATE.exec(text);
    if (m?.[1]) return parseDate(m[1]);
    read += text.length;
    if (read > MAX_SCRIPT_CHARS) break;
  }
  return null;
}

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
    scriptDate(doc),
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
    authors: ld?.authors ?? [],
  };
}
