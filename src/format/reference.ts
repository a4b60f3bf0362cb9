/**
 * The page's reference as the extension hands it out: 复制引用 (GB/T 7714—2015), the reader's citation menu (BibTeX,
 * CSL-JSON) and 附加引用 on copies and exports. The 引用日期 is the local clock's day when it is asked for.
 */
import { toBibtex } from './bibtex';
import { citationOf, citationSource } from './citation';
import { toCslJson } from './csl-json';
import type { AttachedReference, CitationPlacement } from './formats';
import { attachedReference, toGbt7714 } from './gbt7714';

export const CITATION_STYLES = ['gbt7714', 'bibtex', 'csl-json'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

type CitedArticle = Parameters<typeof citationSource>[0];

/** The reference of an article in one style: one GB/T 7714 line, a BibLaTeX @online entry, or a CSL-JSON array. */
export function citationText(article: CitedArticle, style: CitationStyle, now: Date = new Date()): string {
  const citation = citationOf(citationSource(article), now);
  switch (style) {
    case 'gbt7714':
      return toGbt7714(citation);
    case 'bibtex':
      return toBibtex(citation);
    case 'csl-json':
      return toCslJson(citation);
  }
}

/** What a copy or an export carries for the 附加引用 setting (null for 'none'). */
export function referenceFor(article: CitedArticle, placement: CitationPlacement, now: Date = new Date()): AttachedReference | null {
  return attachedReference(citationSource(article), placement, now);
}
