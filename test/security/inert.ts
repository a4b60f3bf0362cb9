/**
 * Checks that an output holds nothing executable: HTML (parsed with DOMParser, as a browser would), Markdown (as a
 * CommonMark renderer with raw HTML enabled would read it) and DOCX (its relationships and XML parts). Each returns
 * a list of problems, empty when the output is inert, so a failing test says exactly what survived.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ALLOWED_TAGS } from '../../src/extract/sanitize';

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Elements that must never appear in an output (the standalone file's own <head> is checked separately). */
export const FORBIDDEN_ELEMENTS = [
  'script', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset', 'base', 'form', 'svg', 'math', 'style', 'link',
  'meta', 'noscript', 'template', 'portal', 'input', 'button', 'textarea', 'select', 'isindex', 'keygen', 'title',
];

/** Attributes that take a URL a browser may load or navigate to. */
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background', 'data', 'codebase', 'cite',
  'longdesc', 'lowsrc', 'dynsrc', 'ping', 'manifest', 'archive', 'classid', 'usemap', 'icon', 'profile', 'srcdoc',
]);

/** A URL the way a browser compares its scheme: ASCII whitespace and controls removed, lower case. */
export function compactUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- the controls a URL parser strips are exactly what must go
  return value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
}

const DANGEROUS_SCHEME = /^(?:javascript|vbscript|livescript|mocha|data):/;

/** True when a URL attribute value would run code or load a document: javascript:, vbscript:, data: (but images). */
export function dangerousUrl(value: string, imageSource = false): boolean {
  const url = compactUrl(value);
  if (!DANGEROUS_SCHEME.test(url)) return false;
  return !(imageSource && url.startsWith('data:image/'));
}

/** Problems in one parsed document's elements (all of them, head included). */
function elementProblems(root: ParentNode, allowed: (el: Element) => boolean = () => false): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (allowed(el)) continue;
    const tag = el.localName.toLowerCase();
    if (el.namespaceURI !== XHTML) problems.push(`foreign element <${el.nodeName}> (${el.namespaceURI})`);
    if (FORBIDDEN_ELEMENTS.includes(tag) && !['html', 'head', 'body'].includes(tag)) problems.push(`forbidden element <${tag}>`);
    for (const { name, value } of [...el.attributes]) {
      const lname = name.toLowerCase();
      if (lname.startsWith('on')) problems.push(`<${tag} ${name}="${value}">: event handler`);
      if (lname === 'style') problems.push(`<${tag} style="${value}">: style attribute`);
      if (lname === 'srcdoc') problems.push(`<${tag} srcdoc>`);
      if (URL_ATTRIBUTES.has(lname) || lname.endsWith(':href')) {
        const candidates = lname === 'srcset' ? value.split(',') : [value];
        for (const c of candidates) {
          if (dangerousUrl(c, tag === 'img' && lname === 'src')) problems.push(`<${tag} ${name}="${value}">: dangerous URL`);
        }
      }
    }
  }
  return problems;
}

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** An HTML fragment (contentHtml, the clipboard's text/html, a table kept as HTML in Markdown). */
export function htmlFragmentProblems(html: string): string[] {
  const doc = parse(html);
  const problems = elementProblems(doc);
  if (doc.head.childNodes.length) problems.push(`content hoisted into <head>: ${doc.head.innerHTML}`);
  return problems;
}

export interface StandaloneExpectations {
  css: string;
  csp: string;
}

/**
 * The standalone HTML file: its <head> is exactly the file's own (meta charset, viewport, the CSP, referrer, the
 * escaped title, the reader CSS), the <html> element has only `lang`, and the body follows the fragment rules.
 */
export function standaloneProblems(html: string, expected: StandaloneExpectations): string[] {
  const doc = parse(html);
  const problems: string[] = [];
  const htmlAttrs = [...doc.documentElement.attributes].map((a) => a.name);
  if (htmlAttrs.join() !== 'lang') problems.push(`<html> attributes: ${htmlAttrs.join(', ')}`);
  const head = [...doc.head.children];
  const shape = head.map((el) => el.localName).join(',');
  if (shape !== 'meta,meta,meta,meta,title,style') problems.push(`unexpected <head>: ${shape}`);
  const [charset, viewport, csp, referrer, , style] = head;
  const attrs = (el: Element | undefined): string =>
    el ? [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ') : '';
  if (attrs(charset) !== 'charset=utf-8') problems.push(`meta charset: ${attrs(charset)}`);
  if (attrs(viewport) !== 'name=viewport content=width=device-width, initial-scale=1') problems.push(`meta viewport: ${attrs(viewport)}`);
  if (attrs(csp) !== `http-equiv=Content-Security-Policy content=${expected.csp}`) problems.push(`CSP meta: ${attrs(csp)}`);
  if (attrs(referrer) !== 'name=referrer content=no-referrer') problems.push(`referrer meta: ${attrs(referrer)}`);
  if (style && (style.attributes.length || style.textContent !== expected.css)) problems.push('the <style> is not the reader CSS');
  const inHead = new Set(head.slice(0, 6));
  problems.push(...elementProblems(doc, (el) => inHead.has(el) || el === doc.head));
  return problems;
}

/** Replaces backslash escapes by two neutral characters, so indexes stay those of the original text. */
function maskEscapes(text: string): string {
  return text.replace(/\\[!-/:-@[-`{-~]/g, 'XX');
}

function decodeEntities(text: string): string {
  return parse(`<!DOCTYPE html><body><textarea>${text.replace(/</g, '&lt;')}</textarea>`).querySelector('textarea')!.value;
}

/**
 * Markdown: no raw HTML outside the tables kept as HTML (which must hold only the sanitiser's tags and pass the
 * fragment rules), no link, image or reference definition whose destination is javascript:, vbscript: or data:
 * (but data:image/ for an image), no autolink to such a scheme.
 */
export function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  const lines = md.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Fenced code: literal text.
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}\\s*$`);
      let j = i + 1;
      while (j < lines.length && !close.test(lines[j]!)) j++;
      i = j;
      kept.push('');
      continue;
    }
    // An HTML block (CommonMark type 6, e.g. <table>): runs to the next blank line.
    if (/^ {0,3}<\/?[A-Za-z]/.test(line)) {
      let j = i;
      const block: string[] = [];
      while (j < lines.length && lines[j]!.trim() !== '') block.push(lines[j++]!);
      i = j - 1;
      const html = block.join('\n').trim();
      if (!/^<table[\s>]/.test(html) || !html.endsWith('</table>')) {
        problems.push(`raw HTML block: ${html.slice(0, 200)}`);
        continue;
      }
      const doc = parse(html);
      for (const el of doc.body.querySelectorAll('*')) {
        if (!ALLOWED_TAGS.includes(el.localName)) problems.push(`tag <${el.localName}> in a Markdown HTML table`);
      }
      problems.push(...htmlFragmentProblems(html).map((p) => `in a Markdown HTML table: ${p}`));
      kept.push('');
      continue;
    }
    kept.push(line);
  }
  let text = maskEscapes(kept.join('\n'));
  // Code spans: literal text.
  text = text.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (m) => ' '.repeat(m.length));
  // The GFM table plugin writes line breaks inside a cell as a bare <br>: the one tag allowed outside HTML tables.
  const raw = /<(?!br>)[A-Za-z/!?]/.exec(text);
  if (raw) problems.push(`raw HTML or autolink: ${text.slice(raw.index, raw.index + 80)}`);
  // Link and image destinations: for every "](", find its "[" and look for a "!" before it.
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 1)) {
    let depth = 0;
    let open = -1;
    for (let k = at - 1; k >= 0; k--) {
      if (text[k] === ']') depth++;
      else if (text[k] === '[') {
        if (depth === 0) {
          open = k;
          break;
        }
        depth--;
      }
    }
    const image = open > 0 && text[open - 1] === '!';
    const dest = /^\(\s*<?([^\s>)]*)/.exec(text.slice(at + 1))?.[1] ?? '';
    if (dangerousUrl(decodeEntities(dest), image)) problems.push(`${image ? 'image' : 'link'} to ${dest.slice(0, 80)}`);
  }
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) {
    if (dangerousUrl(decodeEntities(m[1]!))) problems.push(`reference definition to ${m[1]!.slice(0, 80)}`);
  }
  return problems;
}

/**
 * DOCX: every part the article reaches well-formed XML, no script element or raw "<script" anywhere, no
 * relationship (hyperlinks above all) to javascript:, vbscript: or data:. Also gives the document's visible text.
 */
export function inspectDocx(bytes: Uint8Array): { problems: string[]; text: string } {
  const problems: string[] = [];
  let text = '';
  const files = unzipSync(bytes);
  if (!files['word/document.xml']) problems.push('no word/document.xml');
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(?:xml|rels)$/.test(name)) continue;
    const xml = strFromU8(data);
    if (/<script/i.test(xml)) problems.push(`${name} has a raw <script`);
    // The parts the article's content reaches (the rest is the docx library's fixed styles and settings).
    if (!/^(?:word\/document\.xml|docProps\/.*\.xml|.*\.rels)$/.test(name)) continue;
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) problems.push(`${name} is not well-formed XML`);
    if (doc.getElementsByTagNameNS('*', 'script').length) problems.push(`${name} has a script element`);
    if (name === 'word/document.xml') text = [...doc.getElementsByTagName('w:t')].map((t) => t.textContent).join('');
    if (name.endsWith('.rels')) {
      for (const rel of doc.getElementsByTagName('Relationship')) {
        const target = rel.getAttribute('Target') ?? '';
        if (dangerousUrl(target)) problems.push(`${name}: relationship ${rel.getAttribute('Type')} to ${target.slice(0, 80)}`);
      }
    }
  }
  return { problems, text };
}
