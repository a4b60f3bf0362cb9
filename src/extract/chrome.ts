/**
 * Page chrome Chinese CMS templates print around (and sometimes inside) an article, recognised by its text:
 * footers (版权所有, ICP备, 公网安备), share bars, 【打印】【关闭】, 字号：大 中 小, 上一篇 / 下一篇, breadcrumbs, QR-code
 * panels, 友情链接 and related-article lists, template placeholders, and widget blocks that print their own
 * 发布时间 stamp.
 */
import { elementsOf } from './dom-safe';
import type { ChromeRule } from './rules/rule';
import { WESTERN } from './rules/western';
import { ZH } from './rules/zh';
import { foldWidth, squash } from './text';

export { linkDensity } from './rules/rule';
export { PLACEHOLDER } from './rules/zh';

/** Sentence ends (global: `match` counts them; a caller that uses `test` resets `lastIndex`). */
export const SENTENCE_END = /[。！？!?]/g;

/** The packs of chrome rules, by name: Chinese CMS templates, Western site templates. */
export const CHROME_PACKS = { 'zh-chrome': ZH, 'western-chrome': WESTERN } as const;
export type ChromePackName = keyof typeof CHROME_PACKS;

interface RuleSet {
  rules: readonly ChromeRule[];
  /** The union of the rules' trigger words: elements without any in their text are never tried. */
  trigger: RegExp;
}

const ruleSets = new Map<string, RuleSet>();

/** The rules of the enabled packs and their prefilter, built once per combination. */
function ruleSet(without: readonly string[] = []): RuleSet {
  const key = [...without].sort().join(',');
  let set = ruleSets.get(key);
  if (!set) {
    const rules = Object.entries(CHROME_PACKS)
      .filter(([name]) => !without.includes(name))
      .flatMap(([, pack]) => pack.rules);
    set = { rules, trigger: new RegExp(rules.map((r) => r.trigger.source).join('|') || '(?!)', 'i') };
    ruleSets.set(key, set);
  }
  return set;
}

/** The chrome rule a block of text falls under, if any. `text` is width-folded and squashed. */
export function chromeKind(text: string, el: Element, inBody = false, without: readonly string[] = []): string | null {
  const length = text.replace(/\s+/g, '').length;
  // Blocks with sentences are content, whatever words they contain (template notices aside).
  const prose = (text.match(SENTENCE_END)?.length ?? 0) >= 2 && length > 60;
  for (const rule of ruleSet(without).rules) {
    if ((rule.inBody || !inBody) && (!prose || rule.prose) && length <= rule.maxLength && rule.test(text, el)) return rule.name;
  }
  return null;
}

/** Code points `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
function isJsSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** `text.replace(/\s+/g, '').length`, counted without building the string (called on every text node of the page). */
function nonSpaceLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) if (isJsSpace(text.charCodeAt(i))) length--;
  return length;
}

/** Element text and element counts of every subtree, computed once bottom-up (the page may be huge). */
function measure(all: Element[]): Map<Element, { length: number; count: number }> {
  const sizes = new Map<Element, { length: number; count: number }>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    let length = 0;
    let count = 1;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) length += nonSpaceLength(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const s = sizes.get(child as Element);
        if (s) {
          length += s.length;
          count += s.count;
        }
      }
    }
    sizes.set(el, { length, count });
  }
  return sizes;
}

/** Class or id of the "about the author" box under Western posts. */
const AUTHOR_BOX = /author-?(?:bio|box|info|description|details|profile|card)|about-?(?:the-?)?author|entry-author|autorenbox|autor-?(?:box|info)/i;
const MAX_AUTHOR_BOX = 1200;

/** Elements with a trigger word somewhere in their text: the ancestors of the text nodes that carry one. */
function candidates(root: Element, trigger: RegExp): Set<Element> {
  const found = new Set<Element>();
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!trigger.test(node.nodeValue ?? '')) continue;
    for (let el = node.parentElement; el && !found.has(el); el = el === root ? null : el.parentElement) found.add(el);
  }
  return found;
}

const MAX_BLOCK_LENGTH = 3000;
const MAX_BLOCK_ELEMENTS = 400;

export interface ChromeScope {
  /** Elements that stay, with their ancestors (the headline, the body container). */
  protect?: readonly (Element | null)[];
  /** A subtree left alone (the body container, cleaned later with the body rules). */
  skip?: Element | null;
  /** `body`: only the rules that are safe inside an article's text. */
  mode?: 'page' | 'body';
  /** Packs left out (the benchmark's ablation). */
  without?: readonly string[];
}

/** Removes chrome blocks under `root`, outermost first. Returns what was removed, by rule, for diagnostics. */
export function removeChrome(root: Element, scope: ChromeScope = {}): Record<string, number> {
  const guarded = new Set<Element>();
  for (const el of scope.protect ?? []) {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) guarded.add(cur);
  }
  const inBody = scope.mode === 'body';
  // One list for both passes (a tag-only query is several times slower in jsdom).
  const all = [root, ...elementsOf(root.getElementsByTagName('*'))];
  const sizes = measure(all);
  const set = ruleSet(scope.without);
  const triggered = candidates(root, set.trigger);
  const removed: Record<string, number> = {};
  let passed: Element | null = null;
  for (let i = 1; i < all.length; i++) {
    const el = all[i]!;
    // Document order: the descendants of a removed or skipped element follow it directly.
    if (passed?.contains(el)) continue;
    if (el === scope.skip) {
      passed = el;
      continue;
    }
    if (guarded.has(el) || /^(?:HTML|HEAD|BODY|TITLE|META|LINK|SCRIPT|STYLE|IMG|BR|HR|TABLE|TBODY|THEAD)$/.test(el.tagName)) continue;
    const name = inBody ? '' : `${el.getAttribute('class') ?? ''} ${el.id}`;
    const size = sizes.get(el);
    if (!size || size.length > MAX_BLOCK_LENGTH || size.count > MAX_BLOCK_ELEMENTS) continue;
    // An author box is known by its name, whatever the biography says (Readability drops class names later).
    if (AUTHOR_BOX.test(name) && size.length <= MAX_AUTHOR_BOX) {
      el.remove();
      passed = el;
      removed['author-box'] = (removed['author-box'] ?? 0) + 1;
      continue;
    }
    if (!triggered.has(el)) continue;
    const text = squash(foldWidth(el.textContent ?? ''));
    const kind = chromeKind(text, el, inBody, scope.without);
    if (!kind) continue;
    el.remove();
    passed = el;
    removed[kind] = (removed[kind] ?? 0) + 1;
  }
  return removed;
}
