/**
 * Metadata the page shows: the family's own fields, the labelled line under the headline (发布时间：… 来源：…),
 * credit lines at the edges of the body (来源：天津日报, 责任编辑：…, （记者 陈智）), and 责任编辑 lines anywhere in
 * the article area. Each reader gives candidates for the resolver (resolve.ts), with how the page shows each value,
 * and every element it read, so that the line can leave the body.
 */
import { findDate, findTime } from './dates';
import { authorNames, fieldValue, parseLabelledLine, type LabelField } from './labels';
import type { Profile } from './profiles/index';
import { PLACEHOLDER } from './chrome';
import { candidatesOf, STRENGTH, type Candidate, type Field, type Origin } from './resolve';
import { looksLikePersonalName } from './lexicon';
import { foldWidth, squash } from './text';
import { closestTag, tagSet } from './tag-match';

export interface ShownMetadata {
  candidates: Candidate[];
  /** Elements whose text was read as metadata. */
  consumed: Element[];
}

/** One line's values, each with how the page shows it. */
interface LineValues {
  candidates: Candidate[];
  /** Labels found on the line, of any kind. */
  labels: number;
}

const has = (candidates: readonly Candidate[], field: Field): boolean => candidates.some((c) => c.field === field);

/** Values of the family's own field elements (li.source, #pubTime …) and of its metadata lines. */
export function readProfileFields(root: ParentNode, profile: Profile | null): ShownMetadata {
  const candidates: Candidate[] = [];
  const consumed: Element[] = [];
  if (!profile) return { candidates, consumed };
  for (const [field, selectors] of Object.entries(profile.fields ?? {}) as [Exclude<Field, 'title' | 'time'>, string[]][]) {
    // A stand-in slot (the account name where a post names no source) gives way to any labelled value.
    const strength = profile.weakFields?.includes(field) ? STRENGTH.guess : STRENGTH.labelled;
    for (const selector of selectors) {
      const el = root.querySelector(selector);
      if (!el) continue;
      const text = lineText(el);
      let value: string | null;
      if (field === 'summary') value = text && !PLACEHOLDER.test(foldWidth(text)) ? text : null;
      else value = fieldValue(field, text);
      consumed.push(el);
      if (value) {
        candidates.push({ field, value, origin: 'family', strength });
        break;
      }
    }
  }
  for (const selector of profile.metaLines ?? []) {
    const el = root.querySelector(selector);
    // (A later, looser selector may find the line an earlier one read.)
    if (!el || consumed.includes(el)) continue;
    const line = readLine(el, 'family');
    if (line) {
      candidates.push(...line.candidates);
      consumed.push(el);
    }
  }
  return { candidates, consumed };
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
const SLOT: [LabelField, RegExp][] = [
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
function slotValue(field: LabelField, el: Element): string | null {
  const value = fieldValue(field, lineText(el));
  return value && value.length <= 30 && !/^\d/.test(value) && !findDate(value) ? value : null;
}

function fromSlots(el: Element): Partial<Record<LabelField, string>> {
  const fields: Partial<Record<LabelField, string>> = {};
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
 * The values of one line: labels first ("来源：…"), then, on a header line, elements named for a field, an unlabelled
 * date (and a time shown without its day), beside it the outlet (the "time + outlet" slot of news portals), a byline
 * ("本报记者 陈智"), or a "作者/来源" pair.
 */
function readLine(el: Element, origin: Origin, header = false): LineValues | null {
  const text = lineText(el);
  if (!text || text.length > 300) return null;
  const line = parseLabelledLine(text);
  const candidates = candidatesOf(line.fields, origin, STRENGTH.labelled, line.labelOf);
  let rest = foldWidth(text);
  if (!line.fields.publishedTime) {
    const date = findDate(text);
    if (date) {
      rest = rest.slice(0, date.index) + ' ' + rest.slice(date.index + date.length);
      if (line.labels > 0 || rest.replace(/\s+/g, '').length <= 12 || header) candidates.push({ field: 'publishedTime', value: date.iso, origin, strength: STRENGTH.slot });
    } else if (header && (line.labels > 0 || rest.replace(/\s+/g, '').length <= 40)) {
      const time = findTime(text);
      if (time) candidates.push({ field: 'time', value: time, origin, strength: STRENGTH.slot });
    }
  }
  if (header) {
    const dated = has(candidates, 'publishedTime');
    const byline = !line.labels && !dated ? bylineAuthor(text) : null;
    if (byline) candidates.push({ field: 'author', value: byline, origin, strength: STRENGTH.labelled, label: '记者' });
    // An element the template names for the writer credits what it holds as the writer (a unit too).
    candidates.push(...candidatesOf(fromSlots(el), origin, STRENGTH.slot, { author: 'author-slot' }));
    const pair = NAME_SLASH_OUTLET.exec(text);
    if (pair && !line.labels) candidates.push(...candidatesOf({ author: pair[1], source: pair[2] }, origin, STRENGTH.slot));
    if (!line.fields.source && dated && !line.labels) {
      const outlet = rest.replace(LINE_NOISE, ' ').trim().split(/\s+/).filter((t) => t.length >= 2);
      if (outlet.length === 1 && outlet[0]!.length <= 20 && !/[。，！？]/.test(outlet[0]!)) {
        // A name beside the date is the outlet, or the writer when it is a person's name and no outlet's.
        const field = looksLikePersonalName(outlet[0]!) && !OUTLET_END.test(outlet[0]!) ? 'author' : 'source';
        candidates.push({ field, value: outlet[0]!, origin, strength: STRENGTH.guess });
      }
    }
  }
  return candidates.length || line.labels > 0 ? { candidates, labels: line.labels } : null;
}

/** Endings of outlets and organisations a two-to-four-character name beside a date may have (新华社, 人民网, 扬子晚报). */
const OUTLET_END = /(?:网|报|社|台|刊|志|视|频|讯|闻|号|局|委|办|厅|院|所|会|部|处|站|馆|校|司|团|中心|在线|之声|传媒|媒体|发布)$/;

const PROSE = /[。！？]/;
const BLOCK_CHILD = new Set(['DIV', 'P', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'SECTION', 'HEADER', 'FORM']);
const ZONE_LIMIT = 40;

/**
 * The labelled lines between the headline and the start of the running text. Walks forward in document order from
 * the headline, taking the outermost short elements that carry labels or a date.
 */
export function readHeaderZone(headline: Element, stopAt: Element | null): ShownMetadata {
  const candidates: Candidate[] = [];
  const consumed: Element[] = [];
  let current = nextAfter(headline);
  for (let visited = 0; current && visited < ZONE_LIMIT; visited++) {
    if (current === stopAt) break;
    if (/^(?:NAV|FOOTER|SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(current.tagName)) {
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
    const line = readLine(current, 'header', true);
    if (line) {
      candidates.push(...line.candidates);
      consumed.push(current);
      current = nextAfter(current);
    } else {
      current = current.firstElementChild ?? nextAfter(current);
    }
  }
  return { candidates, consumed };
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

const CREDITS: readonly LabelField[] = ['source', 'author', 'editor'];

/** The credits (来源, 作者, 编辑) on one line, labelled. */
export function readCredits(el: Element, origin: Origin): Candidate[] {
  const line = parseLabelledLine(lineText(el));
  return candidatesOf(Object.fromEntries(CREDITS.map((f) => [f, line.fields[f]])), origin, STRENGTH.labelled, line.labelOf);
}

/**
 * Labelled lines after the body (a 版权声明 box with 来源 / 作者, a 编辑 credit under the text). Credits are taken
 * from there; a labelled date too, but below anything above the body: a widget's own stamp may look the same.
 */
export function readFooterZone(body: Element): ShownMetadata {
  const candidates: Candidate[] = [];
  const consumed: Element[] = [];
  let current = nextAfter(body);
  for (let visited = 0; current && visited < ZONE_LIMIT; visited++) {
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
    const credits = candidatesOf(Object.fromEntries(CREDITS.map((f) => [f, line.fields[f]])), 'footer', STRENGTH.labelled, line.labelOf);
    // An info line below the body (发布时间 with other labels) shows the page's date; a lone stamp may be a widget's.
    if (line.fields.publishedTime) credits.push({ field: 'publishedTime', value: line.fields.publishedTime, origin: 'footer', strength: line.labels >= 2 ? STRENGTH.slot : STRENGTH.guess });
    if (credits.length && !(PROSE.test(text) && text.length > 60)) {
      candidates.push(...credits);
      consumed.push(current);
      current = nextAfter(current);
    } else {
      current = current.firstElementChild ?? nextAfter(current);
    }
  }
  return { candidates, consumed };
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
  const candidates: Candidate[] = [];
  const consumed: Element[] = [];
  const blocks = textBlocks(body);
  const edges = [...blocks.slice(0, LEADING_BLOCKS), ...blocks.slice(Math.max(LEADING_BLOCKS, blocks.length - TRAILING_BLOCKS))];
  // A credit written as the last line of the last paragraph ("……<br><br>作者:夜漫寻痕").
  const last = blocks.at(-1);
  const tail = last ? lastLine(last) : null;
  if (tail) {
    const line = parseLabelledLine(tail.text);
    const credits = Object.fromEntries(CREDITS.map((f) => [f, line.fields[f]]));
    if (Object.values(credits).some(Boolean)) {
      candidates.push(...candidatesOf(credits, 'body-edge', STRENGTH.labelled, line.labelOf));
      for (const node of tail.nodes) node.parentNode?.removeChild(node);
    }
  }
  for (const block of edges) {
    if ((block.textContent ?? '').length > 240) continue;
    const text = lineText(block);
    if (text.length > 120) continue;
    const line = parseLabelledLine(text);
    // A credit line is mostly labels and values: no sentence around them.
    if (Object.keys(line.fields).length && !(PROSE.test(text) && text.length > 40)) {
      candidates.push(...candidatesOf(line.fields, 'body-edge', STRENGTH.labelled, line.labelOf));
      consumed.push(block);
    }
  }
  // Byline lines at either edge ("澎湃新闻记者 段彦超", "扬子晚报记者 张楠") are credits, not text; a lead box
  // (划重点 and its points) may come first.
  for (const block of [...blocks.slice(0, BYLINE_LEADING), ...blocks.slice(Math.max(BYLINE_LEADING, blocks.length - BYLINE_TRAILING))]) {
    const names = consumed.includes(block) ? null : bylineAuthor(block.textContent ?? '');
    if (!names) continue;
    candidates.push({ field: 'author', value: names, origin: 'body-edge', strength: STRENGTH.labelled, label: '记者' });
    consumed.push(block);
  }
  for (const block of blocks.slice(0, LEADING_BLOCKS)) {
    const m = DATELINE_AUTHOR.exec(squash(block.textContent ?? ''));
    const names = m?.[1] ? authorNames(m[1].replace(/(?:记者|通讯员)/g, ' ')) : null;
    if (names) candidates.push({ field: 'author', value: names, origin: 'body-edge', strength: STRENGTH.slot, label: '记者' });
  }
  // The closing credit is on the last paragraph, or alone after it; chrome may follow the text ("精彩视频推荐",
  // a rights notice, "文章关键词").
  for (const block of has(candidates, 'author') ? [] : blocks.slice(-TRAILING_BLOCKS).reverse()) {
    if (consumed.includes(block)) continue;
    const credit = trailingCredit(squash(block.textContent ?? ''));
    if (credit) {
      candidates.push({ field: 'author', value: credit.names, origin: 'body-edge', strength: STRENGTH.slot, ...(credit.unit ? { label: '供稿' } : {}) });
      if (credit.alone) consumed.push(block);
      break;
    }
  }
  return { candidates, consumed };
}

/** The nodes after a long block's last <br>, when they make a short line of their own. */
function lastLine(block: Element): { text: string; nodes: Node[] } | null {
  if ((block.textContent ?? '').length <= 240) return null;
  const nodes: Node[] = [];
  for (let node = block.lastChild; node; node = node.previousSibling) {
    if (node.nodeName === 'BR') {
      if (nodes.some((n) => (n.textContent ?? '').trim())) break;
      continue;
    }
    if (node.nodeType === 1 && BLOCK_CHILD.has((node as Element).tagName)) return null;
    nodes.unshift(node);
    if (nodes.reduce((n, x) => n + (x.textContent ?? '').length, 0) > 60) return null;
  }
  const text = squash(nodes.map((n) => n.textContent ?? '').join(''));
  return text && nodes.length < block.childNodes.length ? { text, nodes } : null;
}

/** Blocks at the body's start and end read for credit lines, and for bylines (a lead box may come before one). */
const LEADING_BLOCKS = 3;
const TRAILING_BLOCKS = 6;
const BYLINE_LEADING = 8;
const BYLINE_TRAILING = 3;

/** The names of a parenthesised credit closing a paragraph, and whether it stands alone on its line. */
function trailingCredit(text: string): { names: string; alone: boolean; unit: boolean } | null {
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
  // An organisation closing a government brief ("（德清县发改局）") contributed the text: the unit is its writer.
  const unit = ORG_SUFFIX.test(credit) && !/\s/.test(credit);
  const names = unit ? credit : authorNames(credit);
  return names ? { names, alone, unit } : null;
}

/**
 * 责任编辑 lines in a region (the body and what follows it): "责任编辑：王五", "【责任编辑：王五】". Found from the text
 * nodes that carry the label (one pass), then widened to the element that also holds the value; a label whose line
 * gives no value (an empty slot, a tooltip) does not end the search. When the label sits in a long block (the last
 * paragraph's text), the line is the text node itself.
 */
export function readEditor(region: Element): { editor: string | null; element: Element | null; node: Node | null } {
  const walker = region.ownerDocument.createTreeWalker(region, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    const at = value.search(/责任编辑|责编/);
    if (at < 0) continue;
    for (let el = node.parentElement; el && el !== region.parentElement; el = el.parentElement) {
      const text = el.textContent ?? '';
      if (text.length > 100) {
        const own = fieldValue('editor', value.slice(at));
        if (own) return { editor: own, element: null, node };
        break;
      }
      const editor = fieldValue('editor', text.slice(text.search(/责任编辑|责编/)));
      if (editor) return { editor, element: el, node };
    }
  }
  return { editor: null, element: null, node: null };
}
