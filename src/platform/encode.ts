/**
 * Encodes a file for the crossing between contexts (executeScript results and messages are JSON): its bytes in
 * base64. No extension API here, so that the page bundles can use it without the polyfill.
 */
import type { EncodedFile } from '../page-api';

export function encodeFile(file: { filename: string; mime: string; data: string | Uint8Array }): EncodedFile {
  const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { filename: file.filename, mime: file.mime, base64: btoa(binary) };
}
