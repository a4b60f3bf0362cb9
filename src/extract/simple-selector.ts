/**
 * A matcher for the simple selectors profiles use as detection signals (`#id`, `.class`, `tag`, `[attr]`,
 * `[attr="v"]`, `[attr^="v"]`, `[attr*="v"]`, optional ` i`, compounds of these, comma lists), so that the
 * extraction tests every signal in one pass over the page instead of one querySelector per signal: jsdom's
 * selector engine scans the whole page for each attribute selector (17 signals: about 30 ms a page, the pass about
 * 2 ms). The detector content script does not use it: in a browser querySelector is native and cheaper still.
 * Anything else compiles to null and is left to querySelector.
 */
import { DETECTION } from './profiles/index';
import { ASSET_TAGS, collectAsset, MAX_ASSETS_PER_TAG, type ElementFacts } from './family';
import { STEP } from './steps';
import { getterOf, methodOf, prop } from './dom-safe';

interface AttrTest {
  name: string;
  op: 'exists' | '=' | '^=' | '*=' | '~=';
  value: string;
  insensitive: boolean;
}

interface Compound {
  tag: string | null;
  tests: AttrTest[];
}

export type CompiledSelector = Compound[];

const COMPOUND = /^([a-zA-Z][\w-]*)?((?:#[\w-]+|\.[\w-]+|\[[\w-]+(?:[~^*]?=(?:"[^"]*"|'[^']*'|[\w-]+)(?:\s+i)?)?\])*)$/;
const PART = /#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:([~^*]?=)("[^"]*"|'[^']*'|[\w-]+)(\s+i)?)?\]/g;

/** Compiles a selector list, or returns null when it uses anything this matcher does not know. */
export function compileSimpleSelector(selector: string): CompiledSelector | null {
  const compounds: Compound[] = [];
  for (const raw of selector.split(',')) {
    const text = raw.trim();
    const m = COMPOUND.exec(text);
    if (!text || !m) return null;
    const tests: AttrTest[] = [];
    for (const p of (m[2] ?? '').matchAll(PART)) {
      if (p[1]) tests.push({ name: 'id', op: '=', value: p[1], insensitive: false });
      else if (p[2]) tests.push({ name: 'class', op: '~=', value: p[2], insensitive: false });
      else {
        const value = (p[5] ?? '').replace(/^["']|["']$/g, '');
        tests.push({ name: p[3]!.toLowerCase(), op: (p[4] as AttrTest['op'] | undefined) ?? 'exists', value, insensitive: !!p[6] });
      }
    }
    compounds.push({ tag: m[1] ? m[1].toUpperCase() : null, tests });
  }
  return compounds;
}

function testAttr(el: Element, t: AttrTest, read: (el: Element, name: string) => string | null): boolean {
  const raw = read(el, t.name);
  if (raw === null) return false;
  if (t.op === 'exists') return true;
  const value = t.insensitive ? raw.toLowerCase() : raw;
  const want = t.insensitive ? t.value.toLowerCase() : t.value;
  switch (t.op) {
    case '=':
      return value === want;
    case '^=':
      return want !== '' && value.startsWith(want);
    case '*=':
      return want !== '' && value.includes(want);
    case '~=':
      // includes() first: most class lists do not hold the name at all, and split() allocates.
      return value.includes(want) && value.split(/\s+/).includes(want);
  }
}

const plainRead = (el: Element, name: string): string | null => el.getAttribute(name);

/**
 * True when the element matches one of the compiled compounds. `tag` and `read` let a caller that tests many
 * selectors against one element read its tag name and attributes once.
 */
export function matchesCompiled(el: Element, selector: CompiledSelector, tag = el.tagName, read = plainRead): boolean {
  return selector.some((c) => (c.tag === null || tag === c.tag) && c.tests.every((t) => testAttr(el, t, read)));
}

/**
 * False when the element cannot match the selector whatever the document's mode: a tested attribute is missing, or
 * its value does not hold the wanted one even ignoring case (quirks mode compares ids and classes that way). A
 * cheap test before the selector engine's own; true says nothing.
 */
export function mayMatch(el: Element, selector: CompiledSelector, read = plainRead): boolean {
  return selector.some((c) =>
    c.tests.every((t) => {
      const raw = read(el, t.name);
      return raw !== null && (t.op === 'exists' || raw.toLowerCase().includes(t.value.toLowerCase()));
    }),
  );
}

interface KeyedCompound {
  pattern: string;
  compound: CompiledSelector;
}

/** Every selector signal of every profile, compiled once (null: not simple, left to querySelector). */
const SELECTOR_SIGNALS = new Map(
  DETECTION.flatMap((p) => p.signals)
    .filter((s) => s.kind === 'selector')
    .map((s) => [String(s.pattern), compileSimpleSelector(String(s.pattern))] as const),
);

/**
 * The compiled compounds indexed by something an element must have to match them: its id, a class token, an
 * attribute name, or else its tag. Each element then tests only the few compounds its own id, classes and attribute
 * names point to, not every signal.
 */
const BY_ID = new Map<string, KeyedCompound[]>();
const BY_CLASS = new Map<string, KeyedCompound[]>();
const BY_ATTRIBUTE = new Map<string, KeyedCompound[]>();
const BY_TAG = new Map<string, KeyedCompound[]>();
for (const [pattern, compiled] of SELECTOR_SIGNALS) {
  for (const compound of compiled ?? []) {
    const first = compound.tests[0];
    const [index, key] = !first
      ? [BY_TAG, compound.tag ?? '']
      : first.name === 'id' && first.op === '=' && !first.insensitive
        ? [BY_ID, first.value]
        : first.name === 'class' && first.op === '~=' && !first.insensitive
          ? [BY_CLASS, first.value]
          : [BY_ATTRIBUTE, first.name];
    const list = index.get(key) ?? [];
    list.push({ pattern, compound: [compound] });
    index.set(key, list);
  }
}

type Fn = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Tag names (`tagName`) an element of ASSET_TAGS can have: upper case in the HTML namespace, as written in others
 * (an SVG <a>). Only these are asked for their local name and prefix.
 */
const ASSET_TAG_NAMES = new Set(ASSET_TAGS.flatMap((t) => [t, t.toUpperCase()]));
const ASSET_TAG_SET = new Set(ASSET_TAGS);

/**
 * Which detection selector signals hold on the page, from one step-wise walk over its elements (a selector engine
 * for detect.ts), and the assets and meta values of the page, read on the way. Members are read through the
 * prototypes: a page's form controls cannot shadow them.
 */
export function* walkedSelectors(doc: Document): Generator<void, ElementFacts> {
  const matched = new Set<string>();
  const querySelector = methodOf(doc, 'querySelector') as Fn;
  const answer = (selector: string): boolean => {
    if (SELECTOR_SIGNALS.get(selector)) return matched.has(selector);
    try {
      return querySelector.call(doc, selector) !== null;
    } catch {
      return false;
    }
  };
  const root = prop<Element | null>(doc, 'documentElement');
  if (!root) return { selector: answer };
  const assets: string[] = [];
  const metas: string[] = [];
  // As many of each tag as collectFacts reads (the first ones, in document order): the same verdict in both.
  const perTag = new Map<string, number>();
  const tagName = getterOf(root, 'tagName') as Fn;
  const localName = getterOf(root, 'localName') as Fn;
  const prefix = getterOf(root, 'prefix') as Fn;
  const getAttribute = methodOf(root, 'getAttribute') as Fn;
  const getAttributeNames = methodOf(root, 'getAttributeNames') as Fn;
  const hasAttributes = methodOf(root, 'hasAttributes') as Fn;
  const read = (el: Element, name: string): string | null => getAttribute.call(el, name) as string | null;
  const test = (list: KeyedCompound[] | undefined, el: Element, tag: string): void => {
    for (const { pattern, compound } of list ?? []) {
      if (!matched.has(pattern) && matchesCompiled(el, compound, tag, read)) matched.add(pattern);
    }
  };
  const walker = (methodOf(doc, 'createTreeWalker') as Fn).call(doc, root, 0x1 /* SHOW_ELEMENT */) as TreeWalker;
  let count = 0;
  for (let node = walker.currentNode as Element | null; node; node = walker.nextNode() as Element | null) {
    if (++count % STEP === 0) yield;
    const tag = tagName.call(node) as string;
    if (ASSET_TAG_NAMES.has(tag)) {
      // As getElementsByTagName(name) selects: the qualified name is the lower-case name, in any namespace.
      const local = localName.call(node) as string;
      if (prefix.call(node) === null && ASSET_TAG_SET.has(local)) {
        const seen = perTag.get(local) ?? 0;
        if (seen < MAX_ASSETS_PER_TAG) {
          perTag.set(local, seen + 1);
          collectAsset(local, node, read, assets, metas);
        }
      }
    }
    test(BY_TAG.get(tag), node, tag);
    if (!hasAttributes.call(node)) continue;
    for (const name of getAttributeNames.call(node) as string[]) {
      test(BY_ATTRIBUTE.get(name), node, tag);
      if (name === 'id') test(BY_ID.get(read(node, name) ?? ''), node, tag);
      else if (name === 'class') for (const token of (read(node, name) ?? '').split(/\s+/)) test(BY_CLASS.get(token), node, tag);
    }
  }
  return { selector: answer, assets, metas };
}
