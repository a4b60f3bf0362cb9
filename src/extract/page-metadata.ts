/**
 * Metadata the page shows: the family's own fields, the labelled line under the headline (发布时间：… 来源：…),
 * credit lines at the edges of the body (来源：天津日报, 责任编辑：…, （记者 陈智）), and 责任编辑 lines anywhere in
 * the article area. Every element read is returned so that it can be removed from the body.
 */
import { findDate } from './dates';
import { authorNames, fieldValue, parseLabelledLine, type LabelField } from './labels';
import type { Profile } from './profiles/index';
import { PLACEHOLDER } from './chrome';
import { foldWidth, squash } from './text';
import { closestTag, tagSet } from './tag-match';
import type { HiddenTest } from './visibility';

const NOTHING_HIDDEN: HiddenTest = { self: () => false, deep: () => false };

export type ShownFields = Partial<Record<LabelField | 'summary', string>>;

export interface ShownMetadata {
  fields: ShownFields;
  /** Elements whose text was read as metadata. */
  consumed: Element[];
  /** Fields read from an unlabelled slot (an outlet beside the date, an account name): a labelled value wins. */
  weak?: (keyof ShownFields)[];
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
  if (!profile) return { fields, consumed };
  for (const [field, selectors] of Object.entries(profile.fields ?? {})) {
    for (const selector of selectors) {
      const el = [...root.querySelectorAll(selector)].find((e) => !hidden.deep(e));
      if (!el) continue;
      const text = lineText(el);
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
    // (A later, looser selector may find the line an earlier one read.)
    if (!el || consumed.includes(el)) continue;
    const line = readLine(el);
    if (line) {
      assign(fields, line);
      consumed.push(el);
    }
  }
  return { fields, consumed, weak: profile.weakFields?.filter((f) => f in fields) ?? [] };
}

/** Elements whose text is code or markup, never part of a line the user reads. */
const NOT_TEXT = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;

/**
 * The text of a line with a space where an inline or block element begins or ends: templates glue their slots
 * together ("<a>求是网</a><a>参与互动</a>", "<span>来源：X</span><span>作者：Y</span>").
 */
export function lineText(el: Element): string {
  let out = '';
  let previous: Element | null = null;
  const walker = el.ownerDocument.createTreeWalker(el, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && NOT_TEXT.test(parent.tagName)) continue;
    if (previous && parent !== previous) out += ' ';
    out += node.nodeValue ?? '';
    previous = parent;
  }
  return squash(out);
}

/** Elements whose class or id names the field they show (sina's a.source, span.date, qq's .author). */
const SLOT: [keyof ShownFields, RegExp][] = [
  ['source', /(?:^|[\s_-])(?:source|laiyuan|ly|media|origin|from|where|copyfrom)(?:$|[\s_-]|name)/i],
  ['author', /(?:^|[\s_-])(?:author|writer|zuozhe|byline)(?:$|[\s_-]|name)/i],
];
const AUTHOR_SLOT = SLOT.find(([field]) => field === 'author')![1];
/** Words in an info line that are neither the date nor the outlet. */
const LINE_NOISE = /原创|转载|独家|整理|综合|编译|来源|字号|超大|特大|标准|(?<=^|\s)[大中小](?=\s|$)|分享到?|评论|参与|举报|打印|收藏|关注|订阅|阅读|浏览|点击|次|\d+|[|丨｜/·•:：()（）[\]【】-]/g;
/** A credit line "石佳/中国青年报": the writer, then the outlet. */
const NAME_SLASH_OUTLET = /(?:^|\s)([\u3400-\u9fff·]{2,4})\s*[/／]\s*([\u3400-\u9fffA-Za-z]{2,20})(?=\s|$)/;
/**
 * A byline standing alone on its line, without a colon: "澎湃新闻记者 段彦超 廖艳", "本报记者 陈智", "《棱镜》作者 周纯".
 * The names follow the role after a space, so a sentence ("今天记者探访") is not one.
 */
const BYLINE = /^(?:《[^》]{1,12}》|[\u3400-\u9fff]{0,8}?)(?:见习|实习|特约)?(?:记者|作者)\s+([\u3400-\u9fff·]{2,4}(?:[\s、，,]+[\u3400-\u9fff·]{2,4}){0,4})$/;

/** The writer of a byline line, or null. */
export function bylineAuthor(text: string): string | null {
  const m = BYLINE.exec(squash(foldWidth(text)));
  return m?.[1] ? authorNames(m[1]) : null;
}

/** The class and id of an element, as the slots read them; '' for one that also names a date ("date-source"), which holds more than the one field. */
function slotName(el: Element): string {
  const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return /date|time/i.test(name) ? '' : name;
}

/** The value of `field` on the line `el`, when it looks like one (short, not a number or a date). */
function slotValue(field: keyof ShownFields, el: Element): string | null {
  const value = fieldValue(field as LabelField, lineText(el));
  return value && value.length <= 30 && !/^\d/.test(value) && !findDate(value) ? value : null;
}

function fromSlots(el: Element): ShownFields {
  const fields: ShownFields = {};
  for (const node of [el, ...el.querySelectorAll('[class], [id]')]) {
    const name = slotName(node);
    if (!name) continue;
    for (const [field, re] of SLOT) {
      if (fields[field] || !re.test(name)) continue;
      const value = slotValue(field, node);
      if (value) fields[field] = value;
    }
  }
  // A line of an author box that opens a menu below the name (<div class="author"><span>Name</span><ul>…): the box
  // is read line by line, and its first line is the name.
  if (!fields.author && !el.previousElementSibling && inAuthorBox(el)) {
    const value = slotValue('author', el);
    if (value) fields.author = value;
  }
  return fields;
}

/** Whether `el` sits (within two levels) in an element whose class or id names the author. */
function inAuthorBox(el: Element): boolean {
  for (let up = el.parentElement, i = 0; up && i < 2; up = up.parentElement, i++) if (AUTHOR_SLOT.test(slotName(up))) return true;
  return false;
}

/**
 * The fields of one line of the header: labels first ("来源：…"), then elements named for a field, then an
 * unlabelled date, and beside it the outlet (the "time + outlet" slot of news portals), or a "作者/来源" pair.
 */
function readLine(el: Element, header = false): ShownFields | null {
  const text = lineText(el);
  if (!text || text.length > 300) return null;
  const line = parseLabelledLine(text);
  const fields: ShownFields = { ...line.fields };
  let rest = foldWidth(text);
  if (!fields.publishedTime) {
    const date = findDate(text);
    if (date) {
      rest = rest.slice(0, date.index) + ' ' + rest.slice(date.index + date.length);
      if (line.labels > 0 || rest.replace(/\s+/g, '').length <= 12 || header) fields.publishedTime = date.iso;
    }
  }
  if (header) {
    const byline = !line.labels && !fields.publishedTime ? bylineAuthor(text) : null;
    if (byline) fields.author = byline;
    for (const [k, v] of Object.entries(fromSlots(el)) as [keyof ShownFields, string][]) fields[k] ??= v;
    const pair = NAME_SLASH_OUTLET.exec(text);
    if (pair && !line.labels) {
      fields.author ??= pair[1]!;
      fields.source ??= pair[2]!;
    }
    if (!fields.source && fields.publishedTime && !line.labels) {
      const outlet = rest.replace(LINE_NOISE, ' ').trim().split(/\s+/).filter((t) => t.length >= 2);
      if (outlet.length === 1 && outlet[0]!.length <= 20 && !/[。，！？]/.test(outlet[0]!)) {
        fields.source = outlet[0]!;
        weakSources.add(fields);
      }
    }
  }
  return Object.keys(fields).length || line.labels > 0 ? fields : null;
}

/** Lines whose source is the outlet guessed beside the date, not a labelled one. */
const weakSources = new WeakSet<ShownFields>();

const PROSE = /[。！？]/;
const BLOCK_CHILD = new Set(['DIV', 'P', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'SECTION', 'HEADER', 'FORM']);
const ZONE_LIMIT = 40;

/**
 * The labelled lines between the headline and the start of the running text. Walks forward in document order from
 * the headline, taking the outermost short elements that carry labels or a date.
 */
export function readHeaderZone(headline: Element, stopAt: Element | null, hidden: HiddenTest = NOTHING_HIDDEN): ShownMetadata {
  const fields: ShownFields = {};
  const consumed: Element[] = [];
  let weak = false;
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
    // A box of several lines (a sticky bar repeating the title above the date and outlet) is read line by line.
    if (hasBlockChild(current)) {
      current = current.firstElementChild!;
      continue;
    }
    // Running text has begun: a line with sentences (a title may end with a question mark).
    if ((text.match(/[。！？]/g)?.length ?? 0) >= 2 || (PROSE.test(text) && text.length > 120)) break;
    const line = readLine(current, true);
    if (line) {
      if (!fields.source && line.source) weak = weakSources.has(line);
      assign(fields, line);
      consumed.push(current);
      current = nextAfter(current);
    } else {
      current = current.firstElementChild ?? nextAfter(current);
    }
  }
  return { fields, consumed, weak: weak ? ['source'] : [] };
}

/** True when one of `el`'s children is a block (walked by siblings: `el.children` is slow to iterate in jsdom). */
export function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (BLOCK_CHILD.has(c.tagName)) return true;
  return false;
}

/** The next element in document order after `el`'s subtree. */
export function nextAfter(el: Element): Element | null {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.nextElementSibling) return cur.nextElementSibling;
  }
  return null;
}

function creditsOf(fields: ShownFields): ShownFields {
  const credits: ShownFields = {};
  for (const k of ['source', 'author', 'editor'] as const) if (fields[k]) credits[k] = fields[k];
  return credits;
}

/** The credits (来源, 作者, 编辑) on one line. */
export function readCredits(el: Element): ShownFields {
  return creditsOf(parseLabelledLine(lineText(el)).fields);
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
    const raw = current.textContent ?? '';
    if (raw.length > 600 || NOT_TEXT.test(current.tagName)) {
      current = raw.length > 600 ? (current.firstElementChild ?? nextAfter(current)) : nextAfter(current);
      continue;
    }
    const text = lineText(current);
    if (text.length > 300) {
      current = current.firstElementChild ?? nextAfter(current);
      continue;
    }
    const line = parseLabelledLine(text);
    const credits = creditsOf(line.fields);
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

/** A dateline credit in the first lines: "（记者 陈智 通讯员 王晓芳）", "本报讯（记者陈智 整合）". */
const DATELINE_AUTHOR = /[（(]\s*(?:本报|本台|本网|特约)?(?:记者|通讯员|作者)\s*[:：]?\s*([^()（）:：。]{2,40}?)\s*[)）]/;
/** A credit closing the body: "（张巨峰）", "（文/图 刘玺东 易赛楠）", "……趋稳趋优。（德清县发改局）". */
const TRAILING_CREDIT = /[（(]\s*([^()（）:：。，,]{2,20})\s*[)）]\s*$/;
/** Organisations that contribute a text (their name closes a government brief). */
const ORG_SUFFIX = /(?:局|委|办|厅|处|科|部|中心|院|所|站|社|报|台|网|公司|集团|协会|学会|委员会|政府|街道|乡|镇)$/;
/** A role before the names of a closing credit: "（编译/林靖东）", "（文/图 刘玺东 易赛楠）". */
const CREDIT_ROLE = /^(?:文\/图|图\/文|文|编译|采写|执笔|撰文|整理|记者|作者)\s*[/:：]?\s*/;
/** The end of a sentence, before a credit that follows it on the same line. */
const SENTENCE_END = /[。！？!?”」』…]\s*$/;
const NOT_A_CREDIT = /^(?:完|全文完|待续|未完待续|本文完|图|注|附|续|上|下|一|二|三|四|五|六|七|八|九|十|略|下同|同比|环比|节选|暂定|试行|草案|全文|摘要|有删节)$|公开|发布|印发|此件|此页|图片|来源|编辑|摄影|供图|资料|报道|视频|原标题|原题|原文|转自|来自|整理自|综合自|本文|记者|通讯员|贡献|对此|亦有|协助|参与|《|》|“/;

const BLOCK_TAGS = tagSet('p, div, li, td, th, dd, dt, section, blockquote, h1, h2, h3, h4, h5, h6, center, article, figcaption, pre');

/** The blocks (paragraphs) of the body that hold text, in reading order. */
export function textBlocks(body: Element): Element[] {
  const blocks: Element[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, 0x4 /* SHOW_TEXT */);
  // Text nodes of one parent share its block: asked once per parent.
  const blockOf = new Map<Element | null, Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? '').trim()) continue;
    const parent = node.parentElement;
    let inBody = blockOf.get(parent);
    if (!inBody) {
      const block = closestTag(parent, BLOCK_TAGS);
      inBody = block && body.contains(block) ? block : body;
      blockOf.set(parent, inBody);
    }
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
    if ((block.textContent ?? '').length > 240) continue;
    const text = lineText(block);
    if (text.length > 120) continue;
    const line = parseLabelledLine(text);
    const labelled = Object.keys(line.fields).length;
    // A credit line is mostly labels and values: no sentence around them.
    if (labelled && !(PROSE.test(text) && text.length > 40)) {
      assign(fields, line.fields);
      consumed.push(block);
    }
  }
  // Byline lines at either edge ("澎湃新闻记者 段彦超", "扬子晚报记者 张楠") are credits, not text; a lead box
  // (划重点 and its points) may come first.
  for (const block of [...blocks.slice(0, 8), ...blocks.slice(Math.max(8, blocks.length - 3))]) {
    const names = consumed.includes(block) ? null : bylineAuthor(block.textContent ?? '');
    if (!names) continue;
    fields.author ??= names;
    consumed.push(block);
  }
  for (const block of blocks.slice(0, 3)) {
    const m = DATELINE_AUTHOR.exec(squash(block.textContent ?? ''));
    const names = m?.[1] ? authorNames(m[1].replace(/(?:记者|通讯员)/g, ' ')) : null;
    if (names && !fields.author) fields.author = names;
  }
  // The closing credit is on the last paragraph, or alone after it; chrome may follow the text ("精彩视频推荐",
  // a rights notice, "文章关键词").
  for (const block of fields.author ? [] : blocks.slice(-6).reverse()) {
    if (consumed.includes(block)) continue;
    const credit = trailingCredit(squash(block.textContent ?? ''));
    if (credit) {
      fields.author = credit.names;
      if (credit.alone) consumed.push(block);
      break;
    }
  }
  return { fields, consumed };
}

/** The names of a parenthesised credit closing a paragraph, and whether it stands alone on its line. */
function trailingCredit(text: string): { names: string; alone: boolean } | null {
  const m = TRAILING_CREDIT.exec(text);
  if (!m?.[1]) return null;
  const alone = m.index === 0;
  const raw = squash(m[1]);
  const role = CREDIT_ROLE.exec(raw);
  const credit = role ? raw.slice(role[0].length) : raw;
  if (!credit || NOT_A_CREDIT.test(credit)) return null;
  // After a sentence, only a name, an organisation or a credit with its role ("编译/林靖东"): "(微信)" after a
  // handle is not one.
  if (!alone && (!SENTENCE_END.test(text.slice(0, m.index)) || !(role || /^[\u3400-\u9fff·]{2,3}$/.test(credit) || ORG_SUFFIX.test(credit)))) return null;
  const names = ORG_SUFFIX.test(credit) && !/\s/.test(credit) ? credit : authorNames(credit);
  return names ? { names, alone } : null;
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
