/**
 * Page analysis that does not depend on either extractor: where the gold text sits in the saved page (visible
 * markup, statically hidden containers, script data), and short "why" hints for a page that scores badly.
 */
import { bagRecall, bagTokens, countTokens, squashSpace, stripSpace } from './metrics';
import type { Gold, Staticness } from './types';

/** Hidden by markup alone: the `hidden` attribute or an inline `display:none` / `visibility:hidden`. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;
const staticallyHidden = (el: Element): boolean =>
  el.hasAttribute('hidden') || (el.getAttribute('style') !== null && HIDDEN_STYLE.test(el.getAttribute('style')!));

/** Script strings hold text with JSON escapes (`\u4e2d`, `\/`, `\n`). */
function unescapeScript(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\[nrt]/g, ' ')
    .replace(/\\(["'/\\])/g, '$1');
}

export interface TextLayers {
  /** Text a static reader sees: not in script/style, not in a statically hidden element. */
  visible: string;
  /** Text in statically hidden elements, `<template>` contents and the head's `<title>`. */
  hidden: string;
  /** Text in `<script>` elements (JSON escapes undone). */
  script: string;
}

export function textLayers(doc: Document): TextLayers {
  const visible: string[] = [];
  const hidden: string[] = [];
  const script: string[] = [];
  const root = doc.documentElement;
  if (!root) return { visible: '', hidden: '', script: '' };
  // Iterative walk in document order: pages nest thousands of levels deep.
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, inHidden] = stack.pop()!;
    if (node.nodeType === 3) {
      (inHidden ? hidden : visible).push((node as Text).data);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.localName;
    if (tag === 'script') {
      script.push(unescapeScript(el.textContent ?? ''));
      continue;
    }
    if (tag === 'style') continue;
    if (tag === 'template') {
      hidden.push((el as HTMLTemplateElement).content?.textContent ?? '');
      continue;
    }
    const h = inHidden || tag === 'title' || staticallyHidden(el);
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, h]);
  }
  return { visible: visible.join(' '), hidden: hidden.join(' '), script: script.join(' ') };
}

const fmt = (x: number): string => x.toFixed(2);

/**
 * Whether the gold can be read from the page's static markup. Decided from the gold and the page alone (never
 * from an extractor's output), so both extractors are judged on the same pages:
 * - `script-revealed`: under half of the gold is in visible markup, but 80 % or more is in the page once
 *   statically hidden containers and script data count (a script shows or renders it at run time);
 * - `not-in-html`: under half of the gold is anywhere in the saved page (loaded at run time, or gold and page
 *   disagree).
 */
export function staticness(gold: Gold, layers: TextLayers): Staticness | null {
  if (gold.article === false) return null;
  if (gold.text !== undefined) {
    const tokens = bagTokens(gold.text);
    if (tokens.length < 30) return null;
    const counts = countTokens(tokens);
    const rVisible = bagRecall(layers.visible, counts, tokens.length);
    if (rVisible >= 0.5) return null;
    const rHidden = bagRecall(layers.hidden, counts, tokens.length);
    const rScript = bagRecall(layers.script, counts, tokens.length);
    const rAll = bagRecall(`${layers.visible} ${layers.hidden} ${layers.script}`, counts, tokens.length);
    if (rAll >= 0.8) {
      const where = rHidden >= rScript ? 'statically hidden elements' : 'script data';
      return { kind: 'script-revealed', detail: `gold text in ${where} (recall: visible ${fmt(rVisible)}, hidden ${fmt(rHidden)}, scripts ${fmt(rScript)})` };
    }
    if (rAll < 0.5) return { kind: 'not-in-html', detail: `gold text not in the saved page (recall of all its text ${fmt(rAll)})` };
    return null;
  }
  const snippets = gold.snippets?.with ?? [gold.firstSentence, gold.lastSentence].filter((s): s is string => !!s);
  if (!snippets.length) return null;
  const visible = stripSpace(layers.visible);
  const all = stripSpace(`${layers.visible}${layers.hidden}${layers.script}`);
  const keys = snippets.map(stripSpace);
  const inVisible = keys.filter((k) => visible.includes(k)).length;
  if (inVisible / keys.length >= 0.5) return null;
  const inAll = keys.filter((k) => all.includes(k)).length;
  if (inAll / keys.length >= 0.8) {
    const inHidden = keys.filter((k) => stripSpace(layers.hidden).includes(k)).length;
    const where = inHidden >= inAll / 2 ? 'statically hidden elements' : 'script data';
    return { kind: 'script-revealed', detail: `gold snippets in ${where} (${inVisible}/${keys.length} visible, ${inAll}/${keys.length} anywhere)` };
  }
  if (inAll === 0) return { kind: 'not-in-html', detail: `no gold snippet in the saved page (0/${keys.length})` };
  return null;
}

// ---- hints for the worst-pages list ----

function bigrams(text: string): string[] {
  const t = bagTokens(text);
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(`${t[i]} ${t[i + 1]}`);
  return out;
}

const excerpt = (text: string, n = 50): string => {
  const s = squashSpace(text);
  return s.length > n ? `${s.slice(0, n)}…` : s;
};

/** The longest paragraph of `text` whose token bigrams are mostly absent from `other`. */
function longestForeign(text: string, other: string): string | undefined {
  const known = new Set(bigrams(other));
  let best: string | undefined;
  let bestLen = 0;
  for (const para of text.split(/\n+/)) {
    const grams = bigrams(para);
    if (grams.length < 3) continue;
    const covered = grams.filter((g) => known.has(g)).length / grams.length;
    if (covered < 0.5 && grams.length > bestLen) {
      best = para;
      bestLen = grams.length;
    }
  }
  return best === undefined ? undefined : excerpt(best);
}

/** A paragraph the prediction kept that the gold lacks, and a gold paragraph it lost. */
export function keptAndLost(predicted: string, gold: string): { kept?: string; lost?: string } {
  const kept = longestForeign(predicted, gold);
  const lost = longestForeign(gold, predicted);
  return { ...(kept ? { kept } : {}), ...(lost ? { lost } : {}) };
}

/** The first `with` snippet missed and the first `without` snippet kept. */
export function snippetHints(result: string, withS: readonly string[], withoutS: readonly string[]): { kept?: string; lost?: string } {
  const r = squashSpace(result);
  const lost = withS.find((s) => !r.includes(squashSpace(s)));
  const kept = withoutS.find((s) => r.includes(squashSpace(s)));
  return { ...(kept ? { kept: excerpt(kept) } : {}), ...(lost ? { lost: excerpt(lost) } : {}) };
}
