/**
 * Pages of several full entries (a blog's front page or month archive): each post printed whole, one after the
 * other, each in its own wrapper with its own title and date. The page leads with the first entry (the newest);
 * Readability would take the longest, and the richest prose container is that one too.
 */
import { findDate } from './dates';
import { visibleLength } from './text';
import { elementsOf } from './dom-safe';

export interface Entry {
  /** The entry's text container (the same kind of element as the page's richest prose container). */
  body: Element;
  /** Its wrapper: the largest ancestor that holds no other entry (so its title and date, not the next post). */
  wrapper: Element;
}

/**
 * Each entry's wrapper: its largest ancestor below `root` that holds no other entry. One walk up from each entry
 * counts the entries under every ancestor (a test of every ancestor against every entry is quadratic).
 */
function wrappersOf(entries: Element[], root: Element): Element[] {
  const count = new Map<Element, number>();
  for (const el of entries) {
    for (let up = el.parentElement; up && up !== root; up = up.parentElement) count.set(up, (count.get(up) ?? 0) + 1);
  }
  return entries.map((el) => {
    let wrapper = el;
    for (let up = el.parentElement; up && up !== root && count.get(up) === 1; up = up.parentElement) wrapper = up;
    return wrapper;
  });
}

/** The text of `wrapper` outside `body` (where an entry's title and date are). */
function around(wrapper: Element, body: Element): string {
  return (wrapper.textContent ?? '').replace(body.textContent ?? '', ' ');
}

/**
 * The first of several entries when `anchor` (the richest prose container) is a later one, else null. Entries are
 * elements of the anchor's tag and class, not nested, each with at least `minProse` characters, in wrappers of
 * their own (not paragraphs of one article sharing a parent) that show a date beside the entry's text.
 */
export function leadingEntry(anchor: Element, root: Element, minProse: number): Entry | null {
  const kind = (anchor.getAttribute('class') ?? '').trim().replace(/\s+/g, ' ');
  if (!kind) return null;
  const same = elementsOf(root.getElementsByTagName(anchor.tagName)).filter(
    (el) => (el.getAttribute('class') ?? '').trim().replace(/\s+/g, ' ') === kind && visibleLength(el.textContent ?? '') >= minProse,
  );
  // Not nested in another of them: looked up by walking each one's ancestors (linear, where a pairwise test is not).
  const isSame = new Set(same);
  const entries = same.filter((el) => {
    for (let up = el.parentElement; up && up !== root; up = up.parentElement) if (isSame.has(up)) return false;
    return true;
  });
  if (entries.length < 2 || entries[0] === anchor || !entries.includes(anchor)) return null;
  if (new Set(entries.map((el) => el.parentElement)).size < entries.length) return null;
  const wrappers = wrappersOf(entries, root);
  if (!wrappers.every((w, i) => w !== entries[i] && findDate(around(w, entries[i]!)))) return null;
  return { body: entries[0]!, wrapper: wrappers[0]! };
}
