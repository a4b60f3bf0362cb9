/**
 * The article's headline: the heading the page displays, found by matching headings against the titles the page
 * declares (`<title>`, ArticleTitle, og:title); else `<title>` without its 栏目 / 站名 suffixes.
 */
import type { ProfileDetection } from './profiles/index';
import { displayText, foldWidth, squash } from './text';

/**
 * Separators between headline, column and site name. Chinese sites write them without spaces
 * ("标题_栏目_站名", "标题-公司名称", "标题|站名"); a hyphen between digits or Latin letters ("1-10月") is not one.
 */
const SEPARATOR =
  /\s+[-–—|·»:]\s+|\s*(?:[_|｜丨»]|——|--|—|·)\s*|(?<=[\u3400-\u9fff）」》”])\s*-\s*|\s*-\s*(?=[\u3400-\u9fff（「《“])/g;

/** Words that end the name of a site, an outlet or an organisation (also how labels.ts tells an outlet from a writer). */
export const ORGANISATION_ENDINGS = [
  '网', '网站', '门户', '官网', '在线', '新闻', '资讯', '报', '杂志', '频道', '栏目', '专栏', '平台', '政府', '委员会', '办公室',
  '办公厅', '局', '厅', '署', '部', '院', '所', '大学', '学院', '学校', '医院', '公司', '集团', '中心', '协会', '学会', '研究院', '研究所',
];
/** Words that mark a 站名 or 栏目 (a site, organisation or column name), not a headline. */
const SITE_WORDS = new RegExp(
  `(?:${[...ORGANISATION_ENDINGS, '人民政府', '中学', '小学', '首页', '动态', '要闻', '公告', '通知', '日报', '晚报', '科技', 'app'].join('|')})$`,
  'i',
);

export interface TitleHints {
  /** Names the page gives for itself (SiteName, og:site_name, ColumnName …); a suffix equal to one is dropped. */
  siteNames: string[];
}

/** Key for comparing titles: letters and digits only, width-folded, lower-cased. */
export function titleKey(text: string): string {
  return foldWidth(text)
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

function looksLikeSiteName(part: string, rest: string, hints: TitleHints): boolean {
  const key = titleKey(part);
  if (!key) return true;
  if (hints.siteNames.some((n) => titleKey(n) === key)) return true;
  // A Latin-only suffix after a Chinese headline is a site name ("…综述-TIANJIN RESEARCH INSTITUTE").
  if (!/[\u3400-\u9fff]/.test(part) && /[\u3400-\u9fff]/.test(rest)) return true;
  const visible = part.replace(/\s+/g, '');
  return visible.length <= 24 && SITE_WORDS.test(visible);
}

/** `<title>` without the 栏目 / 站名 parts around the headline. */
export function cleanTitle(raw: string, hints: TitleHints = { siteNames: [] }): string {
  let title = displayText(raw);
  for (;;) {
    const seps = [...title.matchAll(SEPARATOR)];
    const last = seps.at(-1);
    if (!last || last.index === undefined) break;
    const head = title.slice(0, last.index);
    const tail = title.slice(last.index + last[0].length);
    if (titleKey(head).length < 2 || !looksLikeSiteName(tail, head, hints)) break;
    title = head;
  }
  for (;;) {
    const first = [...title.matchAll(SEPARATOR)][0];
    if (!first || first.index === undefined) break;
    const head = title.slice(0, first.index);
    const tail = title.slice(first.index + first[0].length);
    const key = titleKey(head);
    if (titleKey(tail).length < 4 || !hints.siteNames.some((n) => titleKey(n) === key)) break;
    title = tail;
  }
  return squash(title);
}

/** Elements that may display the headline: headings, and elements whose class or id says title (tit, biaoti, bt…). */
const HEADLINE_NAME = /tit|biaoti|headline|bt/i;

function headlineCandidates(root: ParentNode): Element[] {
  const out: Element[] = [];
  const doc = (root as Node).ownerDocument ?? (root as Document);
  // One walk rather than querySelectorAll with case-insensitive substring selectors (slow in jsdom on big pages).
  const walker = doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (/^H[1-6]$/.test(el.tagName) || HEADLINE_NAME.test(el.getAttribute('class') ?? '') || HEADLINE_NAME.test(el.id)) out.push(el);
  }
  return out;
}

export interface Headline {
  element: Element;
  text: string;
  score: number;
}

const HEADING_BONUS: Record<string, number> = { H1: 12, H2: 8, H3: 5, H4: 3, H5: 2 };

function matchScore(heading: string, ref: string): number {
  if (heading.length < 4 || ref.length < 4) return 0;
  if (heading === ref) return 100;
  // The heading is the title without its suffixes, or a shortened title.
  if (ref.startsWith(heading)) return 70 + 25 * (heading.length / ref.length);
  if (ref.includes(heading)) return 55 + 25 * (heading.length / ref.length);
  // The heading carries a series tag the declared title lacks ("【中国稳健前行】…").
  if (heading.includes(ref) && ref.length >= 6) return 60 + 30 * (ref.length / heading.length);
  return 0;
}

/**
 * Finds the element displaying the headline: the heading that best matches one of the declared titles. Returns
 * null when no element matches well enough.
 */
/** Tags a template puts before a headline, inside the heading element ("<h2><span>原创</span>…"). */
const BADGE = /^(?:原创|独家|转载|置顶|热|荐|新|图|视频|专题|头条|首发|推荐|精选|热门)$/;

/** The text a heading displays, without a leading badge. */
export function headlineText(element: Element): string {
  const text = displayText(element.textContent ?? '');
  const first = element.firstElementChild;
  if (first && element.firstChild === first && /^(?:SPAN|EM|I|B|STRONG|LABEL|SMALL)$/.test(first.tagName)) {
    const badge = displayText(first.textContent ?? '');
    if (BADGE.test(badge) && text.length - badge.length >= 6) return displayText(text.slice(text.indexOf(badge) + badge.length));
  }
  return text;
}

export function findHeadline(root: ParentNode, declared: readonly string[], hidden?: (el: Element) => boolean): Headline | null {
  // A heading that matches only the 栏目/站名 part of a declared title is a site heading, not the headline.
  const refs = [...new Map(declared.map((d) => [titleKey(d), titleKey(cleanTitle(d))] as const)).entries()].filter(([k]) => k.length >= 2);
  if (!refs.length) return null;
  let best: Headline | null = null;
  for (const element of headlineCandidates(root)) {
    const raw = element.textContent ?? '';
    if (raw.length > 400) continue;
    const text = headlineText(element);
    const key = titleKey(text);
    if (key.length < 2 || key.length > 160) continue;
    let score = 0;
    for (const [ref, core] of refs) {
      // A short headline ("戒指") matches only the declared title's own headline part, exactly.
      if (key.length < 4) {
        if (key === core) score = Math.max(score, 100);
        continue;
      }
      if (core !== ref && !core.includes(key) && !key.includes(core)) continue;
      score = Math.max(score, matchScore(key, ref));
    }
    if (score === 0 || hidden?.(element)) continue;
    score += HEADING_BONUS[element.tagName] ?? 0;
    if (element.closest('a, nav, header, footer, li, title, option')) score -= 30;
    if (!best || score > best.score) best = { element, text, score };
  }
  // Nested matches (<h1><div class="font">…</div></h1>) score alike: keep the outermost of equal text.
  if (best) {
    for (let up = best.element.parentElement; up && headlineText(up) === best.text; up = up.parentElement) {
      if (/^H[1-6]$/.test(up.tagName)) best = { ...best, element: up };
    }
  }
  if (best && best.score >= 55) return best;
  return findTitleText(root, declared, hidden) ?? best;
}

/**
 * Second chance: the first text in the page that is exactly a declared title or a part of one ("监察法" of
 * "监察法-纪检"), whatever element holds it (old templates put headlines in a styled <span> or <td>).
 */
function findTitleText(root: ParentNode, declared: readonly string[], hidden?: (el: Element) => boolean): Headline | null {
  const keys = new Set<string>();
  for (const title of declared) {
    for (const part of [title, ...squash(title).split(SEPARATOR)]) {
      const key = titleKey(part ?? '');
      if (key.length >= 6) keys.add(key);
    }
  }
  if (!keys.size) return null;
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.length > 300 || value.trim().length < 4) continue;
    const element = node.parentElement;
    if (!element || element.closest('title, a, script, style, option, nav')) continue;
    if (keys.has(titleKey(value)) && !hidden?.(element)) return { element, text: displayText(value), score: 55 };
  }
  return null;
}

/** The site name a `<title>` carries after the headline ("标题_栏目_站名" → "站名"), or null. */
export function siteSuffix(documentTitle: string, headline: string): string | null {
  const parts = squash(documentTitle)
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  const last = parts.at(-1)!;
  const key = titleKey(last);
  return key && !titleKey(headline).includes(key) && key.length <= 60 ? last : null;
}

/** The headline element: the family's title element, else the heading matching a declared title. */
export function pageHeadline(
  doc: Document,
  profile: ProfileDetection | null,
  declared: readonly string[],
  hidden?: (el: Element) => boolean,
  anchor?: Element | null,
): Headline | null {
  let family: Headline | null = null;
  for (const selector of profile?.title ?? []) {
    for (const element of doc.querySelectorAll(selector)) {
      const text = headlineText(element);
      if (titleKey(text).length >= 2 && !hidden?.(element)) {
        family = { element, text, score: 100 };
        break;
      }
    }
    if (family) break;
  }
  if (!doc.body) return family;
  const found = findHeadline(doc.body, declared, hidden);
  // The family's title element, unless it names none of the titles the page declares while a heading does (a selector
  // as loose as .title h2 can find a slogan).
  if (family) return found && found.score >= 55 && !namesDeclared(family.text, declared) ? found : family;
  if (found && found.score >= 55) return found;
  return (anchor ? headingBefore(anchor, hidden) : null) ?? found;
}

/** Whether a text and one of the declared titles hold each other (after the declared title's suffixes go). */
function namesDeclared(text: string, declared: readonly string[]): boolean {
  const key = titleKey(text);
  return declared.some((d) => {
    const core = titleKey(cleanTitle(d));
    const whole = titleKey(d);
    return !!key && (whole.includes(key) || key.includes(core));
  });
}

/**
 * When no heading matches a declared title (a <title> with only the column and site): the heading just above the
 * running text.
 */
function headingBefore(anchor: Element, hidden?: (el: Element) => boolean): Headline | null {
  const walker = anchor.ownerDocument.createTreeWalker(anchor.ownerDocument.body ?? anchor, 0x1 /* SHOW_ELEMENT */);
  walker.currentNode = anchor;
  for (let i = 0, el = walker.previousNode() as Element | null; el && i < 60; i++, el = walker.previousNode() as Element | null) {
    if (el.contains(anchor)) continue;
    if (!/^H[1-6]$/.test(el.tagName) && !HEADLINE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) continue;
    if (el.closest('a, nav, header, footer, li, option') || hidden?.(el)) continue;
    const text = headlineText(el);
    const length = titleKey(text).length;
    if (length >= 6 && length <= 120) return { element: el, text, score: 40 };
  }
  return null;
}

