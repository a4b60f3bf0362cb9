/**
 * Every set is split into a development part, which we look at page by page and tune on, and a held-out test part,
 * judged only in aggregate: the targets are read on test. The split is fixed: a page is on the test side when the
 * SHA-256 of its saved file, read as a number, is 0 modulo 3 (about one third). Hashing the bytes rather than the
 * name keeps a page that two sets share (cms-zh-real and gne-zh have ten) on the same side in both.
 * WCXB comes with its own dev/ and test/ folders, which are kept; the seed page is the product's acceptance page,
 * tuned on by design, and always dev.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type Split = 'dev' | 'test';
export const SPLITS: readonly Split[] = ['dev', 'test'];

/** Which side a page is on, from its set, its id and the path of its saved file. */
export function splitOf(set: string, id: string, file: string): Split {
  if (set === 'seed') return 'dev';
  if (set === 'wcxb-articles') return id.startsWith('test/') ? 'test' : 'dev';
  return splitOfBytes(readFileSync(file));
}

export function splitOfBytes(bytes: Uint8Array): Split {
  const digest = createHash('sha256').update(bytes).digest();
  return digest.readUInt32BE(0) % 3 === 0 ? 'test' : 'dev';
}
