declare module 'html-encoding-sniffer' {
  /**
   * The HTML standard's encoding sniffing: a BOM, the transport layer's label, the prescan of the first 1 024 bytes
   * for a meta charset, else `defaultEncoding`. Returns an encoding name (`GBK`, `windows-1252`, `UTF-8`, …).
   */
  export default function sniffHTMLEncoding(bytes: Uint8Array, options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string }): string;
}
