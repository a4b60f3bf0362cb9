/**
 * A matcher for the simple selectors profiles use as detection signals (`#id`, `.class`, `tag`, `[attr]`,
 * `[attr="v"]`, `[attr^="v"]`, `[attr*="v"]`, optional ` i`, compounds of these, comma lists), so that the detector
 * tests every signal in one pass over the page instead of one querySelector per signal (which is slow in jsdom).
 * Anything else compiles to null and is left to querySelector.
 */

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
