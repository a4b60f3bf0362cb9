/** The export formats (kept apart from their code, which is large, so that settings can name them cheaply). */
export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** 附加引用: where a copy or an export carries the page's reference (GB/T 7714), if anywhere. */
export const CITATION_PLACEMENTS = ['none', 'top', 'end'] as const;
export type CitationPlacement = (typeof CITATION_PLACEMENTS)[number];

/** A reference to put at the top or the end of a copy or an export; `url` is the address it ends with, to link. */
export interface AttachedReference {
  placement: 'top' | 'end';
  text: string;
  url: string | null;
}
