/**
 * The qingdu package: `extractArticle(document, { url })` for any DOM document (jsdom in Node, the page in a
 * browser), the page detection, the export formats, the page's reference (GB/T 7714, BibTeX, CSL-JSON) and
 * tables as spreadsheets (TSV, CSV, clean HTML).
 */
export { extractArticle, analyzePage, detectPage, detectFamily, scoreFamilies, PROFILES } from './extract/index';
export type { Analysis, Article, ExtractOptions, Detection, FamilyId, Attachment, ArticleImage, VisibilityCheck } from './extract/index';
export { toMarkdown, htmlToMarkdown } from './format/markdown';
export { toText } from './format/text';
export { toStandaloneHtml } from './format/html';
export { citationOf, citationSource, creditedNames, type Citation, type CitationName, type CitationSource } from './format/citation';
export { attachedReference, toGbt7714 } from './format/gbt7714';
export { toBibtex } from './format/bibtex';
export { toCslItem, toCslJson, type CslItem } from './format/csl-json';
export { CITATION_PLACEMENTS, type AttachedReference, type CitationPlacement } from './format/formats';
export { tableGrid, gridValues, toTsv, toCsv, toTableHtml, tableClipboardPayload, tableCsvFile, type GridCell, type GridTextOptions, type TableGrid } from './format/table';
export { decodePage } from './cli/decode';
