/**
 * Chrome rules as data: each names a kind of page chrome (a footer, a share bar, a cookie notice), says where it may
 * be applied and how long such a block is at most, gives the phrases that make one, the trigger words one of which
 * its text must hold (the prefilter of removeChrome is their union: a rule without its words is never tried), and
 * examples it must remove and near-misses it must keep (test/chrome-rules.test.ts runs each through removeChrome).
 */

/** Languages of the rule packs. */
export type Language = 'zh' | 'en' | 'de' | 'fr' | 'es' | 'it' | 'pl';

export interface ChromeRule {
  name: string;
  /** Also applied inside the article body (where a false positive costs content). */
  inBody: boolean;
  /** Longest text (characters, whitespace excluded) a block of this kind has. */
  maxLength: number;
  /** Words one of which a text node of such a block holds. */
  trigger: RegExp;
  test: (text: string, el: Element) => boolean;
  /** Also a block of several sentences (a template notice is written in sentences, and says nothing else). */
  prose?: boolean;
  /** Block texts the rule removes, and texts it keeps (`inBody` examples are tried inside an article body). */
  examples: { remove: string[]; keep: string[] };
}

/** A pack: the rules of one language. */
export interface RulePack {
  language: Language;
  rules: ChromeRule[];
}

/**
 * One pattern from a list of phrases (regular-expression sources), case-insensitive: `start` anchors each at the
 * start of the text, `end` at its end.
 */
export function anyOf(phrases: readonly string[], { start = false, end = false, global = false } = {}): RegExp {
  return new RegExp(`${start ? '^' : ''}(?:${phrases.join('|')})${end ? '$' : ''}`, `i${global ? 'g' : ''}`);
}

/** Share of `el`'s text (of `textLength` characters, whitespace excluded) inside links. */
export function linkDensity(el: Element, textLength: number): number {
  if (!textLength) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / textLength;
}
