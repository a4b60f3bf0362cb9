/**
 * A reference as a BibLaTeX `@online` entry (Biber, and the biblatex-gb7714-2015 style, read it; Zotero and JabRef
 * import it): author, title, subtitle (the 发文字号), organization (the site), date, urldate, url.
 */
import type { Citation, CitationName } from './citation';

const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Field text with LaTeX's special characters escaped, on one line. */
export function bibtexText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\{}#$%&_~^]/g, (ch) => LATEX_SPECIAL[ch]!);
}

/** A name in a name list: "Family, Given" ("Family, Jr., Given"); an organisation braced whole. */
function bibtexName(name: CitationName): string {
  if ('literal' in name) return `{${bibtexText(name.literal)}}`;
  // A Chinese name is written whole, as Chinese .bib files write it (刘玺东, not 刘, 玺东).
  if (/\p{Script=Han}/u.test(name.family)) return bibtexText(`${name.family}${name.given}`);
  const family = /\s/.test(name.family) ? `{${bibtexText(name.family)}}` : bibtexText(name.family);
  if (!name.given) return family;
  return [family, ...(name.suffix ? [bibtexText(name.suffix)] : []), bibtexText(name.given)].join(', ');
}

/** The url field is read verbatim: only what would unbalance the braces or end the value is percent-encoded. */
const bibtexUrl = (url: string): string => url.replace(/[{}\\\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function toBibtex(citation: Citation): string {
  const fields: [string, string][] = [];
  if (citation.authors.length) fields.push(['author', citation.authors.map(bibtexName).join(' and ')]);
  fields.push(['title', bibtexText(citation.title)]);
  if (citation.subtitle) fields.push(['subtitle', bibtexText(citation.subtitle)]);
  if (citation.siteName) fields.push(['organization', bibtexText(citation.siteName)]);
  if (citation.issued) fields.push(['date', citation.issued]);
  fields.push(['urldate', citation.accessed]);
  if (citation.url) fields.push(['url', bibtexUrl(citation.url)]);
  const langid = { zh: 'chinese', en: 'english' }[(citation.language ?? '').slice(0, 2).toLowerCase()];
  if (langid) fields.push(['langid', langid]);
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@online{${citation.id},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}}`).join(',\n')}\n}\n`;
}
