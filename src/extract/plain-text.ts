/**
 * Plain text of an article body: paragraphs separated by one blank line, `<br>` as a line break, table rows on
 * their own lines with cells separated by tabs.
 */

import { joinCjkLines } from './text';

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'TABLE', 'CAPTION', 'FIGURE', 'FIGCAPTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'CENTER', 'ADDRESS', 'MAIN',
]);
const CELL = new Set(['TD', 'TH']);

/** Converts a (sanitised) body to plain text. */
export function toPlainText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \u00a0]+/g, ' ').replace(/ *\t */g, '\t').replace(/^[ \t]+|[ \t]+$/g, ''))
      .filter((line, i, lines) => line || (i > 0 && lines[i - 1]))
      .join('\n')
      .trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  // Inside a table cell, paragraphs are separated by a space: the row stays on one line.
  let inCell = 0;
  const boundary = (): void => {
    if (inCell) current += ' ';
    else flush();
  };
  // Iterative walk with explicit enter/leave: bodies can be deeply nested.
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === 3) {
      current += joinCjkLines(node.nodeValue ?? '').replace(/[\r\n\t ]+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName : '';
    if (leaving) {
      if (CELL.has(tag)) {
        inCell--;
        current += '\t';
      } else if (tag === 'TR') current += '\n';
      else if (BLOCK.has(tag)) boundary();
      continue;
    }
    if (tag === 'BR') {
      current += '\n';
      continue;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
    if (CELL.has(tag)) inCell++;
    else if (tag === 'TABLE' && inCell) current += '\n';
    else if (BLOCK.has(tag)) boundary();
    stack.push([node, true]);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
  }
  flush();
  return paragraphs.join('\n\n');
}
