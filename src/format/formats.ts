/** The export formats (kept apart from their code, which is large, so that settings can name them cheaply). */
export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
