/** Development aid: time our extraction against vanilla Readability on one page, N times (for --cpu-prof). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { decodePage } from '../src/cli/decode';
import { extractArticle } from '../src/extract/index';

const [file, times = '5', which = 'both'] = process.argv.slice(2);
let bytes: Uint8Array = readFileSync(file!);
if (file!.endsWith('.gz')) bytes = gunzipSync(bytes);
const doc = new JSDOM(decodePage(bytes).text, { url: 'https://example.com/a', virtualConsole: new VirtualConsole() }).window.document;
let ours = 0;
let vanilla = 0;
for (let i = 0; i < Number(times); i++) {
  if (which !== 'vanilla') {
    const t0 = performance.now();
    extractArticle(doc, { url: 'https://example.com/a' });
    ours += performance.now() - t0;
  }
  if (which !== 'ours') {
    const t1 = performance.now();
    new Readability(doc.cloneNode(true) as Document).parse();
    vanilla += performance.now() - t1;
  }
}
console.log('ours', (ours / Number(times)).toFixed(0), 'vanilla', (vanilla / Number(times)).toFixed(0), 'ratio', (ours / vanilla).toFixed(2));
