/**
 * Bytes of a saved page to text. Chinese pages are saved in GBK / GB2312 / GB18030 as often as in UTF-8, and
 * re-saved copies keep a `<meta charset=gb2312>` over bytes that are now UTF-8. Order: a BOM; bytes that are
 * valid UTF-8 are UTF-8; else the declared charset (meta, XML declaration, or an old crawl wrapper's
 * `encoding=` attribute); else GB18030, which decodes GBK and GB2312 too.
 */

export interface Decoded {
  text: string;
  encoding: string;
  /** How the encoding was decided. */
  by: 'bom' | 'utf-8 validity' | 'declaration' | 'fallback';
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset a page declares in its first 64 kB (meta tags may sit after long comments and scripts). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 65536));
  const patterns = [
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i,
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i,
    /<text[^>]+encoding\s*=\s*["']?([\w-]+)/i,
  ];
  for (const re of patterns) {
    const m = re.exec(head);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return null;
}

function decoderFor(label: string): TextDecoder | null {
  // GB2312 and GBK pages routinely use characters outside their tables: decode all of them as GB18030.
  const normalized = /^(?:gb2312|gbk|gb_2312-80|x-gbk|gb18030|cp936|euc-cn|hz-gb-2312)$/.test(label) ? 'gb18030' : label;
  try {
    return new TextDecoder(normalized);
  } catch {
    return null;
  }
}

export function decodePage(bytes: Uint8Array): Decoded {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: new TextDecoder(encoding).decode(bytes.subarray(bom.length)), encoding, by: 'bom' };
    }
  }
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', by: 'utf-8 validity' };
  const declared = declaredCharset(bytes);
  const decoder = declared && !/^utf-?8$/.test(declared) ? decoderFor(declared) : null;
  if (decoder) return { text: decoder.decode(bytes), encoding: decoder.encoding, by: 'declaration' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', by: 'fallback' };
}
