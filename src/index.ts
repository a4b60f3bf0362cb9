/**
 * The qingdu package: `extractArticle(document, { url })` for any DOM document (jsdom in Node, the page in a
 * browser), the page detection, and the export formats.
 */
export { extractArticle, analyzePage, detectPage, detectFamily, scoreFamilies, PROFILES } from './extract/index';
export type { Analysis, Article, ExtractOptions, Detection, FamilyId, Attachment, ArticleImage, VisibilityCheck } from './extract/index';
export { toMarkdown, htmlToMarkdown } from './format/markdown';
export { toText } from './format/text';
export { toStandaloneHtml } from './format/html';
export { decodePage } from './cli/decode';
