/** Development aid: print the markup right after a page's headline (where the info line lives). */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodePage } from '../src/cli/decode';
import { readDeclared } from '../src/extract/declared';
import { detectFamily } from '../src/extract/detect';
import { profileById } from '../src/extract/profiles/index';
import { pageHeadline } from '../src/extract/title';

const [file, chars = '1500'] = process.argv.slice(2);
const doc = new JSDOM(decodePage(readFileSync(file!)).text, { url: 'http://fakehost/x', virtualConsole: new VirtualConsole() }).window.document;
for (const s of doc.querySelectorAll('script, style, noscript')) s.remove();
const d = detectFamily(doc, '');
const profile = d.profile ? profileById(d.profile.id)! : null;
const h = pageHeadline(doc, profile, readDeclared(doc, profile).titles);
console.log('headline:', h?.element.tagName, h?.element.className, JSON.stringify(h?.text));
let el: Element | null = h?.element ?? null;
while (el && el.parentElement && (el.parentElement.outerHTML.length < Number(chars))) el = el.parentElement;
const html = (el?.parentElement ?? el)?.outerHTML ?? '';
const start = h ? html.indexOf(h.element.outerHTML.slice(0, 40)) : 0;
console.log(html.slice(Math.max(0, start), Math.max(0, start) + Number(chars)).replace(/\s+/g, ' '));
