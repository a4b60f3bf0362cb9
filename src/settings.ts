/** User settings, kept in storage.sync. Pure: defaults and validation; storage access lives in the UI. */
import { CITATION_PLACEMENTS, EXPORT_FORMATS, type CitationPlacement, type ExportFormat } from './format/formats';

export interface Settings {
  defaultFormat: ExportFormat;
  /** TXT exports start with a UTF-8 byte-order mark (Notepad and older Office read them right). */
  bom: boolean;
  /** TXT exports use CRLF line endings. */
  crlf: boolean;
  /** Exports and copies carry the title and 来源 / 发布时间 header. */
  metadataHeader: boolean;
  /** 附加引用: copies and exports carry the page's GB/T 7714 reference at the top, at the end, or not at all. */
  attachReference: CitationPlacement;
  /** Reader font size in px. */
  fontSize: number;
  theme: 'auto' | 'light' | 'dark';
}

export const DEFAULT_SETTINGS: Settings = {
  defaultFormat: 'docx',
  bom: false,
  crlf: false,
  metadataHeader: true,
  attachReference: 'none',
  fontSize: 18,
  theme: 'auto',
};

export const FONT_SIZES = { min: 14, max: 26, step: 2 } as const;

/** Settings from storage, with anything missing or invalid replaced by its default. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const bool = (key: keyof Settings): boolean => (typeof r[key] === 'boolean' ? (r[key]) : (DEFAULT_SETTINGS[key] as boolean));
  const size = typeof r.fontSize === 'number' && Number.isFinite(r.fontSize) ? Math.round(r.fontSize) : DEFAULT_SETTINGS.fontSize;
  return {
    defaultFormat: EXPORT_FORMATS.includes(r.defaultFormat as ExportFormat) ? (r.defaultFormat as ExportFormat) : DEFAULT_SETTINGS.defaultFormat,
    bom: bool('bom'),
    crlf: bool('crlf'),
    metadataHeader: bool('metadataHeader'),
    attachReference: CITATION_PLACEMENTS.includes(r.attachReference as CitationPlacement) ? (r.attachReference as CitationPlacement) : DEFAULT_SETTINGS.attachReference,
    fontSize: Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, size)),
    theme: r.theme === 'light' || r.theme === 'dark' ? r.theme : 'auto',
  };
}
