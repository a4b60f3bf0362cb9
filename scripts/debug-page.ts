/** Development aid: extract one saved page and print the result (usage: npx tsx scripts/debug-page.ts <file> [url]). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { decodePage } from '../src/cli/decode';
import { extractArticle } from '../src/extract/index';

const [file, url = 'http://fakehost/test/page.html'] = process.argv.slice(2);
let bytes: Uint8Array = readFileSync(file!);
if (file!.endsWith('.gz')) bytes = gunzipSync(bytes);
const doc = new JSDOM(decodePage(bytes).text, { url, virtualConsole: new VirtualConsole() }).window.document;
const a = extractArticle(doc, { url, force: process.env.FORCE === '1' });
const v = new Readability(doc.cloneNode(true) as Document).parse();
if (!a) console.log('NO ARTICLE');
else {
  const { textContent, contentHtml: _h, ...rest } = a;
  console.log(JSON.stringify({ ...rest, images: rest.images.length }, null, 1));
  console.log('--- ours', textContent.length);
  console.log(process.env.FULL ? textContent : `${textContent.slice(0, 800)}\n…\n${textContent.slice(-500)}`);
}
console.log('--- vanilla', v?.textContent?.length, v?.title);
if (process.env.VANILLA) console.log(v?.textContent);
