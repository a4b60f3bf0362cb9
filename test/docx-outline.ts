/**
 * A readable outline of a .docx file, for golden tests: what a reader of the Word file sees, one line per paragraph
 * (its style, list level, text, links with their targets, images) and tables row by row with their merged cells.
 * Read from word/document.xml and its relationships, so it pins the document's structure without the zip's bytes.
 */
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const children = (el: Element, name: string): Element[] => [...el.children].filter((c) => c.namespaceURI === W && c.localName === name);
const child = (el: Element, name: string): Element | undefined => children(el, name)[0];
const wAttr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;

export function docxOutline(bytes: Uint8Array): string {
  const zip = unzipSync(bytes);
  const parse = (path: string): Document => {
    const file = zip[path];
    if (!file) throw new Error(`${path} missing from the .docx`);
    return new new JSDOM('').window.DOMParser().parseFromString(strFromU8(file), 'application/xml');
  };
  const targets = new Map<string, string>();
  for (const rel of parse('word/_rels/document.xml.rels').getElementsByTagName('Relationship')) {
    targets.set(rel.getAttribute('Id') ?? '', rel.getAttribute('Target') ?? '');
  }
  const body = parse('word/document.xml').getElementsByTagNameNS(W, 'body')[0]!;

  /** A paragraph's content: text, links as [text](target), images as {image target}, line breaks as ⏎. */
  const inline = (el: Element): string => {
    let out = '';
    for (const node of el.children) {
      if (node.namespaceURI === W && node.localName === 't') out += node.textContent ?? '';
      else if (node.namespaceURI === W && node.localName === 'br') out += '⏎';
      else if (node.namespaceURI === W && node.localName === 'tab') out += '\t';
      else if (node.namespaceURI === W && node.localName === 'hyperlink') out += `[${inline(node)}](${targets.get(node.getAttributeNS(R, 'id') ?? '') ?? '?'})`;
      else if (node.namespaceURI === W && node.localName === 'drawing') {
        const blip = node.getElementsByTagName('a:blip')[0];
        out += `{image ${targets.get(blip?.getAttributeNS(R, 'embed') ?? '') ?? '?'}}`;
      } else if (node.namespaceURI === W && node.localName === 'pPr') continue;
      else out += inline(node);
    }
    return out;
  };

  const paragraph = (p: Element): string => {
    const pPr = child(p, 'pPr');
    const style = wAttr(pPr && child(pPr, 'pStyle'), 'val');
    const numPr = pPr && child(pPr, 'numPr');
    const level = numPr ? wAttr(child(numPr, 'ilvl'), 'val') ?? '0' : null;
    const marks = [style, level !== null ? `list ${level}` : null].filter(Boolean).join(', ');
    return `${marks ? `[${marks}] ` : ''}${inline(p)}`;
  };

  const table = (tbl: Element, indent: string): string[] => {
    const lines = [`${indent}table:`];
    for (const tr of children(tbl, 'tr')) {
      const cells = children(tr, 'tc').map((tc) => {
        const tcPr = child(tc, 'tcPr');
        const span = wAttr(tcPr && child(tcPr, 'gridSpan'), 'val');
        const vMerge = tcPr && child(tcPr, 'vMerge');
        const marks = [span ? `span ${span}` : null, vMerge ? (wAttr(vMerge, 'val') === 'restart' ? 'merge ↓' : 'merged ↑') : null].filter(Boolean);
        const text = [...tc.children].map((c) => (c.localName === 'p' ? inline(c) : c.localName === 'tbl' ? '{table}' : '')).filter(Boolean).join(' / ');
        return `${marks.length ? `{${marks.join(', ')}} ` : ''}${text}`;
      });
      lines.push(`${indent}| ${cells.join(' | ')} |`);
    }
    return lines;
  };

  const lines: string[] = [];
  for (const el of body.children) {
    if (el.namespaceURI !== W) continue;
    if (el.localName === 'p') lines.push(paragraph(el));
    else if (el.localName === 'tbl') lines.push(...table(el, ''));
  }
  return `${lines.join('\n')}\n`;
}
