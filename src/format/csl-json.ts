/**
 * A reference as CSL-JSON, the input of citeproc processors (Zotero, Pandoc, Mendeley …): a one-item array, as the
 * CSL data schema describes it, with the fields a web page has. The 发文字号 goes to `number` and the issuing unit
 * to `authority`, the CSL variables for an identifier and an issuer.
 */
import type { Citation, CitationName } from './citation';

export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  authority?: string;
  number?: string;
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL?: string;
  language?: string;
  abstract?: string;
}

function cslName(name: CitationName): CslName {
  if ('literal' in name) return { literal: name.literal };
  const out: CslName = { family: name.family };
  if (name.given) out.given = name.given;
  if (name.suffix) out.suffix = name.suffix;
  return out;
}

const dateParts = (date: string): { 'date-parts': number[][] } => ({ 'date-parts': [date.split('-').map(Number)] });

export function toCslItem(citation: Citation): CslItem {
  const item: CslItem = { id: citation.id, type: 'webpage', title: citation.title, accessed: dateParts(citation.accessed) };
  if (citation.authors.length) item.author = citation.authors.map(cslName);
  if (citation.siteName) item['container-title'] = citation.siteName;
  if (citation.issuer) item.authority = citation.issuer;
  if (citation.subtitle) item.number = citation.subtitle;
  if (citation.issued) item.issued = dateParts(citation.issued);
  if (citation.url) item.URL = citation.url;
  if (citation.language) item.language = citation.language;
  if (citation.abstract) item.abstract = citation.abstract;
  return item;
}

/** The CSL-JSON file: a one-item array, indented. */
export function toCslJson(citation: Citation): string {
  return `${JSON.stringify([toCslItem(citation)], null, 2)}\n`;
}
