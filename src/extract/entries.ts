/**
 * Pages of several full entries (a blog's front page or month archive): each post printed whole, one after the
 * other, each in its own wrapper with its own title and date. The page leads with the first entry (the newest);
 * Readability would take the longest, and the richest prose container is that one too.
 */
import { findDate } from './dates';
import { visibleLength } from './text';

export interface Entry {
  /** The entry's text container (the same kind of element as the page's richest prose container). */
  body: Element;
  /** Its wrapper: the largest ancestor that holds no other entry (so its title and date, not the next post). */
  wrapper: Element;
}

function wrapperOf(body: Element, others: Element[], root: Element): Element {
  let wrapper = body;
  for (let up = body.parentElement; up && up !== root && !others.some((o) => o !== body && up!.contains(o)); up = up.parentElement) {
    wrapper = up;
  }
  return wrapper;
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
  const same = [...root.getElementsByTagName(anchor.tagName)].filter(
    (el) => (el.getAttribute('class') ?? '').trim().replace(/\s+/g, ' ') === kind && visibleLength(el.textContent ?? '') >= minProse,
  );
  const entries = same.filter((el) => !same.some((o) => o !== el && o.contains(el)));
  if (entries.length < 2 || entries[0] === anchor || !entries.includes(anchor)) return null;
  if (new Set(entries.map((el) => el.parentElement)).size < entries.length) return null;
  const wrappers = entries.map((el) => wrapperOf(el, entries, root));
  if (!wrappers.every((w, i) => w !== entries[i] && findDate(around(w, entries[i]!)))) return null;
  return { body: entries[0]!, wrapper: wrappers[0]! };
}
