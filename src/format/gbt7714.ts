/**
 * A reference in GB/T 7714—2015 form for an online resource (§4.8, 电子资源):
 *
 *   主要责任者. 题名: 其他题名信息[文献类型标识/文献载体标识]. (更新或修改日期)[引用日期]. 获取和访问路径.
 *
 * as the standard's examples write it: "BAWDEN D. Origins and concepts of digital literacy[EB/OL].
 * (2008-05-04)[2013-03-08]. http://…." Personal names surname first, a Western surname in capitals and the given
 * names as initials without stops (§8.1.1); up to three names, then ", 等" or ", et al." (§8.1.2); an organisation
 * as written (§8.1.4); with no one responsible, the title opens the reference, as the numeric system allows
 * (§8.1.3); without a publication date, only the [引用日期].
 */
import { citationOf, type Citation, type CitationName, type CitationSource } from './citation';
import type { AttachedReference, CitationPlacement } from './formats';

const HAN = /\p{Script=Han}/u;

/** One name as GB/T 7714 writes it: 李时珍, EINSTEIN A, GODARD J-L, DE MORGAN A, Online Computer Library Center, Inc. */
export function gbtName(name: CitationName): string {
  if ('literal' in name) return name.literal;
  if (HAN.test(name.family)) return `${name.family}${name.given}`;
  const initials = name.given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .map((part) => part.replace(/[^\p{L}]/gu, '').charAt(0).toUpperCase())
        .filter(Boolean)
        .join('-'),
    )
    .filter(Boolean);
  return [name.family.toUpperCase(), ...initials, ...(name.suffix ? [name.suffix] : [])].join(' ');
}

export function gbtAuthors(citation: Pick<Citation, 'authors' | 'cjk'>): string {
  const names = citation.authors.slice(0, 3).map(gbtName);
  if (citation.authors.length > 3) names.push(citation.cjk ? '等' : 'et al.');
  return names.join(', ');
}

/** Appends the full stop that ends an element, unless the element already ends with one ("Inc."). */
const closed = (text: string): string => (/[.。]$/.test(text) ? text : `${text}.`);

export function toGbt7714(citation: Citation): string {
  const parts: string[] = [];
  const authors = gbtAuthors(citation);
  if (authors) parts.push(closed(authors));
  const title = citation.subtitle ? `${citation.title}: ${citation.subtitle}` : citation.title;
  parts.push(`${title}[${citation.type}/OL].`);
  parts.push(`${citation.issued ? `(${citation.issued})` : ''}[${citation.accessed}].`);
  if (citation.url) parts.push(`${citation.url}.`);
  return parts.join(' ');
}

/** The reference a copy or an export carries for 附加引用, or null for 'none'. */
export function attachedReference(source: CitationSource, placement: CitationPlacement, now: Date = new Date()): AttachedReference | null {
  if (placement === 'none') return null;
  const citation = citationOf(source, now);
  return { placement, text: toGbt7714(citation), url: citation.url };
}

/** The reference's text before its address, or null when it does not end with one. */
export function referenceLead(reference: AttachedReference): string | null {
  return reference.url && reference.text.endsWith(` ${reference.url}.`) ? reference.text.slice(0, -reference.url.length - 1) : null;
}
