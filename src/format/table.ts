/**
 * A table of the article → a rectangular grid → what a spreadsheet takes: TSV and clean HTML for the clipboard (Excel
 * and WPS paste the HTML as cells, merged cells kept; other programs take the TSV), and CSV files with a byte-order
 * mark (without it Excel reads UTF-8 as the local code page and garbles Chinese).
 *
 * The grid follows the HTML table model: rows in the order a browser shows them (head groups, body rows, foot
 * groups), row spans that stop at the end of their row group (rowspan=0 reaches it), spans parsed as browsers parse
 * them ("2px" is 2), and short rows padded so that every row has the same number of cells.
 */
import type { Article } from '../extract/types';
import type { ClipboardPayload, ExportFile } from './export';
import { exportFileName } from './filename';
import { escapeHtml } from './html';

export interface GridCell {
  /** The cell's text: lines apart with "\n" (from <br> and blocks), white space collapsed within a line. */
  text: string;
  header: boolean;
  /** Where the cell starts in the grid, and how far it reaches once spans are clamped to the table. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface TableGrid {
  caption: string | null;
  /** `rows[r][c]` is the cell covering slot (r, c), or null where a short row was padded. */
  rows: (GridCell | null)[][];
  /** How many rows come from <thead>. */
  headRows: number;
  width: number;
}

// The limits the HTML standard puts on spans.
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** A colspan or rowspan as browsers read it: leading digits after white space, else the default 1. */
export function cellSpan(cell: Element, name: 'colspan' | 'rowspan'): number {
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(cell.getAttribute(name) ?? '');
  if (!m) return 1;
  const n = Number(m[1]);
  if (name === 'colspan') return Math.min(Math.max(n, 1), MAX_COLSPAN);
  return Math.min(n, MAX_ROWSPAN);
}

const tag = (node: Node): string => (node.nodeType === 1 ? (node as Element).localName.toLowerCase() : '');

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul',
]);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

/**
 * The text of a cell (or caption) as lines. A table inside a cell gives a line a row, its cells apart with a space:
 * a spreadsheet cell cannot hold a table, and its text should not be lost.
 */
export function cellText(root: Element): string {
  let out = '';
  // Line breaks in the source are white space, except inside <pre>.
  const walk = (node: Node, pre: boolean): void => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        out += pre ? text : text.replace(/\s+/g, ' ');
        continue;
      }
      const name = tag(child);
      if (!name || SKIPPED.has(name)) continue;
      if (name === 'br') out += '\n';
      else if (name === 'img') out += (child as Element).getAttribute('alt') ?? '';
      else if (name === 'td' || name === 'th') {
        out += ' ';
        walk(child, pre);
        out += ' ';
      } else if (BLOCK.has(name)) {
        out += '\n';
        walk(child, pre || name === 'pre');
        out += '\n';
      } else walk(child, pre);
    }
  };
  walk(root, false);
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The row groups in display order: every <thead>, then the bodies and bare rows, then every <tfoot>. */
function rowGroups(table: Element): { head: Element[][]; body: Element[][]; foot: Element[][]; caption: Element | null } {
  const groups = { head: [] as Element[][], body: [] as Element[][], foot: [] as Element[][], caption: null as Element | null };
  let bare: Element[] | null = null;
  for (const child of [...table.children]) {
    const name = tag(child);
    if (name === 'tr') {
      if (!bare) groups.body.push((bare = []));
      bare.push(child);
      continue;
    }
    bare = null;
    const rows = [...child.children].filter((c) => tag(c) === 'tr');
    if (name === 'caption') groups.caption ??= child;
    else if (name === 'thead') groups.head.push(rows);
    else if (name === 'tbody') groups.body.push(rows);
    else if (name === 'tfoot') groups.foot.push(rows);
  }
  return groups;
}

/** Lays one row group out into `grid`, starting at grid row `top`. */
function layGroup(rows: Element[], grid: (GridCell | null)[][], top: number): void {
  for (let r = 0; r < rows.length; r++) grid[top + r] ??= [];
  rows.forEach((tr, r) => {
    let x = 0;
    for (const el of [...tr.children]) {
      const name = tag(el);
      if (name !== 'td' && name !== 'th') continue;
      while (grid[top + r]![x]) x++;
      const left = rows.length - r;
      const asked = cellSpan(el, 'rowspan');
      const cell: GridCell = {
        text: cellText(el),
        header: name === 'th',
        row: top + r,
        col: x,
        rowSpan: asked === 0 ? left : Math.min(asked, left),
        colSpan: cellSpan(el, 'colspan'),
      };
      for (let dy = 0; dy < cell.rowSpan; dy++) {
        for (let dx = 0; dx < cell.colSpan; dx++) grid[top + r + dy]![x + dx] = cell;
      }
      x += cell.colSpan;
    }
  });
}

/** A table element → its rectangular grid. */
export function tableGrid(table: Element): TableGrid {
  const { head, body, foot, caption } = rowGroups(table);
  const rows: (GridCell | null)[][] = [];
  for (const group of [...head, ...body, ...foot]) layGroup(group, rows, rows.length);
  const width = Math.max(0, ...rows.map((row) => row.length));
  for (const row of rows) {
    for (let c = 0; c < width; c++) row[c] ??= null;
  }
  return {
    caption: caption ? cellText(caption) || null : null,
    rows,
    headRows: head.reduce((n, group) => n + group.length, 0),
    width,
  };
}

export interface GridTextOptions {
  /**
   * What a slot covered by a merged cell holds: the cell's text again ('repeat', the default, so that each row
   * sorts and filters on its own) or nothing ('empty', the cell's text only in its first slot).
   */
  merged?: 'repeat' | 'empty';
  /**
   * Text that a spreadsheet would run as a formula (=…, @…, +… or -… that is not a number) gets a leading
   * apostrophe, so that a page cannot plant a formula in the user's spreadsheet (default on).
   */
  neutralizeFormulas?: boolean;
}

const NUMBER = /^[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?$/;

function neutralize(text: string): string {
  return /^[=@]/.test(text) || (/^[+-]./s.test(text) && !NUMBER.test(text)) ? `'${text}` : text;
}

/** The grid as rows of strings. */
export function gridValues(grid: TableGrid, options: GridTextOptions = {}): string[][] {
  return grid.rows.map((row, r) =>
    row.map((cell, c) => {
      if (!cell || (options.merged === 'empty' && (cell.row !== r || cell.col !== c))) return '';
      return options.neutralizeFormulas === false ? cell.text : neutralize(cell.text);
    }),
  );
}

/** Tab-separated values as Excel writes them to the clipboard: a field with a tab, a line break or a quote is quoted. */
export function toTsv(grid: TableGrid, options: GridTextOptions = {}): string {
  const field = (v: string): string => (/[\t\n\r"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return gridValues(grid, options)
    .map((row) => row.map(field).join('\t'))
    .join('\n');
}

/** RFC 4180 CSV (CRLF, quoted fields where needed), with a UTF-8 byte-order mark unless `bom` is false. */
export function toCsv(grid: TableGrid, options: GridTextOptions & { bom?: boolean } = {}): string {
  const field = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const body = gridValues(grid, options)
    .map((row) => `${row.map(field).join(',')}\r\n`)
    .join('');
  return options.bom === false ? body : `\uFEFF${body}`;
}

/**
 * The grid as a clean HTML table: only table, caption, thead, tbody, tr, th and td, the spans as the grid clamped
 * them, padded slots as empty cells, text escaped with <br> between lines. Spreadsheets paste it as cells and merge
 * the spanned ones.
 */
export function toTableHtml(grid: TableGrid): string {
  const cellHtml = (cell: GridCell): string => {
    const name = cell.header ? 'th' : 'td';
    const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
    return `<${name}${spans}>${cell.text.split('\n').map(escapeHtml).join('<br>')}</${name}>`;
  };
  const rowHtml = (row: (GridCell | null)[], r: number): string =>
    `<tr>${row
      .map((cell, c) => (!cell ? '<td></td>' : cell.row === r && cell.col === c ? cellHtml(cell) : ''))
      .join('')}</tr>`;
  const rows = grid.rows.map(rowHtml);
  const head = grid.headRows ? `<thead>${rows.slice(0, grid.headRows).join('')}</thead>` : '';
  const body = rows.length > grid.headRows ? `<tbody>${rows.slice(grid.headRows).join('')}</tbody>` : '';
  const caption = grid.caption ? `<caption>${grid.caption.split('\n').map(escapeHtml).join('<br>')}</caption>` : '';
  return `<table>${caption}${head}${body}</table>`;
}

/** 复制表格: TSV for text/plain and the clean table for text/html. */
export function tableClipboardPayload(table: Element, options: GridTextOptions = {}): ClipboardPayload {
  const grid = tableGrid(table);
  return { text: toTsv(grid, options), html: `<meta charset="utf-8">${toTableHtml(grid)}` };
}

/**
 * 导出 CSV: the file for one table of an article, named after the article and the table's caption, else its number
 * (`index`, from 1): `2024-01-20_来源_标题_表2.csv`.
 */
export function tableCsvFile(
  table: Element,
  article: Pick<Article, 'title' | 'source' | 'publishedTime'>,
  index: number,
  options: GridTextOptions = {},
): ExportFile {
  const grid = tableGrid(table);
  const name = (grid.caption ?? '').replace(/\s+/g, ' ') || `表${index}`;
  return { filename: exportFileName(article, 'csv', name), mime: 'text/csv;charset=utf-8', data: toCsv(grid, options) };
}
