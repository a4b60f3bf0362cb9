/**
 * Bytes of a saved page to text. Chinese pages are saved in GBK / GB2312 / GB18030 as often as in UTF-8, and
 * re-saved copies keep a `<meta charset=gb2312>` over bytes that are now UTF-8. Order: a BOM; bytes that are
 * valid UTF-8 are UTF-8; else the declared charset (meta, XML declaration, or an old crawl wrapper's
 * `encoding=` attribute); else GB18030, which decodes GBK and GB2312 too.
 */
import sniffHtmlEncoding from 'html-encoding-sniffer';
import { parse, serializeOuter, type DefaultTreeAdapterTypes } from 'parse5';

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

/** How far into a page a declaration is looked for (meta tags may sit after long comments and scripts). */
const HEAD_BYTES = 65536;

function* metaElements(node: DefaultTreeAdapterTypes.Node): Generator<DefaultTreeAdapterTypes.Element> {
  if ('tagName' in node && node.tagName === 'meta') yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* metaElements(child);
}

/**
 * The charset a page declares: the first meta tag an HTML parser builds (so not one inside a comment, a script or an
 * attribute value, and one past the prescan's first 1 024 bytes too, as the standard's parser changes to it) that
 * names an encoding by the standard's rules for `charset` and the content-type pragma (html-encoding-sniffer, run on
 * that tag alone). Else an XML declaration, or an old crawl wrapper's `encoding=` attribute.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_BYTES));
  const encoder = new TextEncoder();
  for (const meta of metaElements(parse(text))) {
    const named = sniffHtmlEncoding(encoder.encode(serializeOuter(meta)), { defaultEncoding: '' });
    if (named) return named.toLowerCase();
  }
  const other = /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(text) ?? /<text[^>]+encoding\s*=\s*["']?([\w-]+)/i.exec(text);
  return other?.[1]?.toLowerCase() ?? null;
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
