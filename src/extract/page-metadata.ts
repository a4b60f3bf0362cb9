/**
 * Metadata the page shows: the family's own fields, the labelled line under the headline (发布时间：… 来源：…),
 * credit lines at the edges of the body (来源：天津日报, 责任编辑：…, （记者 陈智）), and 责任编辑 lines anywhere in
 * the article area. Every element read is returned so that it can be removed from the body.
 */
import { findDate } from './dates';
import { parseLabelledLine, type LabelField, fieldValue } from './labels';
import type { Profile } from './profiles/index';
import { PLACEHOLDER } from './chrome';
import { foldWidth, squash } from './text';
import type { HiddenTest } from './visibility';

const NOTHING_HIDDEN: HiddenTest = { self: () => false, deep: () => false };

export type ShownFields = Partial<Record<LabelField | 'summary', string>>;

export interface ShownMetadata {
  fields: ShownFields;
  /** Elements whose text was read as metadata. */
  consumed: Element[];
}

function assign(target: ShownFields, source: ShownFields): void {
  for (const [k, v] of Object.entries(source) as [keyof ShownFields, string][]) {
    if (v && !target[k]) target[k] = v;
  }
}

/** Values of the family's own field elements (li.source, #pubTime …). */
export function readProfileFields(root: ParentNode, profile: Profile | null, hidden: HiddenTest = NOTHING_HIDDEN): ShownMetadata {
  const fields: ShownFields = {};
  const consumed: Element[] = [];
  if (!profile?.fields) return { fields, consumed };
  for (const [field, selectors] of Object.entries(profile.fields)) {
    for (const selector of selectors) {
      const el = [...root.querySelectorAll(selector)].find((e) => !hidden.deep(e));
      if (!el) continue;
      const text = squash(el.textContent ?? '');
      let value: string | null;
      if (field === 'summary') value = text && !PLACEHOLDER.test(foldWidth(text)) ? text : null;
      else value = fieldValue(field as LabelField, text);
      consumed.push(el);
      if (value) {
        fields[field as keyof ShownFields] = value;
        break;
      }
    }
  }
  for (const selector of profile.metaLines ?? []) {
    const el = [...root.querySelectorAll(selector)].find((e) => !hidden.deep(e));
    if (!el) continue;
    const line = readLine(el);
    if (line) {
      assign(fields, line);
      consumed.push(el);
    }
  }
  return { fields, consumed };
}

/** The fields of one labelled line; an unlabelled date counts when the line has other labels or is only a date. */
function readLine(el: Element): ShownFields | null {
  const text = squash(el.textContent ?? '');
  if (!text || text.length > 300) return null;
  const line = parseLabelledLine(text);
  const fields: ShownFields = { ...line.fields };
  if (!fields.publishedTime) {
    const date = findDate(text);
    const rest = date ? foldWidth(text).slice(0, date.index) + foldWidth(text).slice(date.index + date.length) : '';
    if (date && (line.labels > 0 || rest.replace(/\s+/g, '').length <= 12)) fields.publishedTime = date.iso;
  }
  return Object.keys(fields).length || line.labels > 0 ? fields : null;
}

const PROSE = /[。！？]/;
const ZONE_LIMIT = 40;

/**
 * The labelled lines between the headline and the start of the running text. Walks forward in document order from
 * the headline, taking the outermost short elements that carry labels or a date.
 */
export function readHeaderZone(headline: Element, stopAt: Element | null, hidden: HiddenTest = NOTHING_HIDDEN): ShownMetadata {
  const fields: ShownFields = {};
  const consumed: Element[] = [];
  let current = nextAfter(headline);
  for (let visited = 0; current && visited < ZONE_LIMIT; visited++) {
    if (current === stopAt) break;
    if (/^(?:NAV|FOOTER|SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(current.tagName) || hidden.self(current)) {
      current = nextAfter(current);
      continue;
    }
    const text = squash(current.textContent ?? '');
    if ((stopAt && current.contains(stopAt)) || text.length > 300) {
      // Too long to be a line: look inside, unless it is already running text.
      if (!current.firstElementChild && PROSE.test(text)) break;
      current = current.firstElementChild ?? nextAfter(current);
      continue;
    }
    if (PROSE.test(text) && text.length > 80) break;
    const line = readLine(current);
    if (line) {
      assign(fields, line);
      consumed.push(current);
      current = nextAfter(current);
    } else {
      current = current.firstElementChild ?? nextAfter(current);
    }
  }
  return { fields, consumed };
}

/** The next element in document order after `el`'s subtree. */
function nextAfter(el: Element): Element | null {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.nextElementSibling) return cur.nextElementSibling;
  }
  return null;
}

/**
 * Labelled lines after the body (a 版权声明 box with 来源 / 作者, a 编辑 credit under the text). Credits are taken
 * from there, and a date only from an info line: a lone stamp below an article belongs to something else.
 */
export function readFooterZone(body: Element, hidden: HiddenTest = NOTHING_HIDDEN): ShownMetadata {
  const fields: ShownFields = {};
  const consumed: Element[] = [];
  let current = nextAfter(body);
  for (let visited = 0; current && visited < ZONE_LIMIT; visited++) {
    if (hidden.self(current)) {
      current = nextAfter(current);
      continue;
    }
    const text = squash(current.textContent ?? '');
    if (text.length > 300 || /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(current.tagName)) {
      current = text.length > 300 ? (current.firstElementChild ?? nextAfter(current)) : nextAfter(current);
      continue;
    }
    const line = parseLabelledLine(text);
    const credits: ShownFields = {};
    for (const k of ['source', 'author', 'editor'] as const) if (line.fields[k]) credits[k] = line.fields[k];
    // A date below the body counts only on an info line (it has other labels), not on a widget's own stamp.
    if (line.fields.publishedTime && line.labels >= 2) credits.publishedTime = line.fields.publishedTime;
    if (Object.keys(credits).length && !(PROSE.test(text) && text.length > 60)) {
      assign(fields, credits);
      consumed.push(current);
      current = nextAfter(current);
    } else {
      current = current.firstElementChild ?? nextAfter(current);
    }
  }
  return { fields, consumed };
}

const DATELINE_AUTHOR =
  /[（(]\s*(?:本报|本台|本网)?(?:记者|通讯员|作者)\s*[:：]?\s*([\u3400-\u9fff·]{2,4}(?:\s*[、，,\s]\s*(?:记者|通讯员)?\s*[\u3400-\u9fff·]{2,4}){0,3})\s*(?:整合|报道|摄影?|采写|综合|编译)?\s*[)）]/;
const TRAILING_CREDIT = /^[（(]\s*([^()（）:：。，,]{2,16})\s*[)）]$/;
const NOT_A_CREDIT = /^(?:完|全文完|待续|未完待续|本文完|图|注|附|续|上|下|一|二|三|四|五|六|七|八|九|十)$|图片|来源|编辑|摄|供图|资料|报道|视频|原标题/;

const BLOCK_SELECTOR = 'p, div, li, td, th, dd, dt, section, blockquote, h1, h2, h3, h4, h5, h6, center, article, figcaption, pre';

/** The blocks (paragraphs) of the body that hold text, in reading order. */
export function textBlocks(body: Element): Element[] {
  const blocks: Element[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? '').trim()) continue;
    const block = node.parentElement?.closest(BLOCK_SELECTOR);
    const inBody = block && body.contains(block) ? block : body;
    if (blocks.at(-1) !== inBody) blocks.push(inBody);
  }
  return [...new Set(blocks)];
}

/** Credit and metadata lines at the start and end of the body. */
export function readBodyEdges(body: Element): ShownMetadata {
  const fields: ShownFields = {};
  const consumed: Element[] = [];
  const blocks = textBlocks(body);
  const edges = [...blocks.slice(0, 3), ...blocks.slice(Math.max(3, blocks.length - 6))];
  for (const block of edges) {
    const text = squash(block.textContent ?? '');
    if (text.length > 120) continue;
    const line = parseLabelledLine(text);
    const labelled = Object.keys(line.fields).length;
    // A credit line is mostly labels and values: no sentence around them.
    if (labelled && !(PROSE.test(text) && text.length > 40)) {
      assign(fields, line.fields);
      consumed.push(block);
    }
  }
  for (const block of blocks.slice(0, 3)) {
    const m = DATELINE_AUTHOR.exec(squash(block.textContent ?? ''));
    if (m?.[1] && !fields.author) fields.author = m[1].replace(/\s*(?:记者|通讯员)\s*/g, ' ').replace(/\s*[、，,]\s*/g, ' ').trim();
  }
  const last = blocks.at(-1);
  if (last && !consumed.includes(last)) {
    const m = TRAILING_CREDIT.exec(squash(last.textContent ?? ''));
    if (m?.[1] && !NOT_A_CREDIT.test(m[1]) && !fields.author) {
      fields.author = squash(m[1]);
      consumed.push(last);
    }
  }
  return { fields, consumed };
}

/**
 * 责任编辑 lines in a region (the body and what follows it): "责任编辑：王五", "【责任编辑：王五】". Found from the text
 * nodes that carry the label (one pass), then widened to the element that also holds the value.
 */
export function readEditor(region: Element, hidden: HiddenTest = NOTHING_HIDDEN): { editor: string | null; element: Element | null } {
  const walker = region.ownerDocument.createTreeWalker(region, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (!/责任编辑|责编/.test(value)) continue;
    for (let el = node.parentElement; el && el !== region.parentElement; el = el.parentElement) {
      const text = el.textContent ?? '';
      if (text.length > 100) break;
      if (hidden.deep(el)) break;
      const editor = fieldValue('editor', text.slice(text.search(/责任编辑|责编/)));
      if (editor) return { editor, element: el };
    }
  }
  return { editor: null, element: null };
}
