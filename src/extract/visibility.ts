/**
 * Elements the user cannot see are not part of the article. In the browser the caller passes a check based on
 * computed style; in Node (no layout) inline style and the `hidden` attribute decide.
 */
import { attributeOf, hasAttributeOf } from './dom-safe';
import type { VisibilityCheck } from './types';

export const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

/** As isStaticallyHidden, read through the prototype (for the live page, whose names may shadow properties). */
export function isStaticallyHiddenSafe(el: Element): boolean {
  if (hasAttributeOf(el, 'hidden')) return true;
  const style = attributeOf(el, 'style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Hidden by markup alone: the `hidden` attribute or an inline `display:none` / `visibility:hidden`. */
export function isStaticallyHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** A visibility check for a rendered page: computed `display` and `visibility`. */
export function computedVisibility(view: Window): VisibilityCheck {
  return (el) => {
    const style = view.getComputedStyle(el);
    return style.display !== 'none' && style.visibility !== 'hidden';
  };
}

/** Hidden-ness of live elements, read in place: the element alone (`self`), or with its ancestors (`deep`). */
export interface HiddenTest {
  self: (el: Element) => boolean;
  deep: (el: Element) => boolean;
}

export function hiddenTest(isVisible?: VisibilityCheck, keep: readonly string[] = []): HiddenTest {
  const keepSelector = keep.join(',');
  const self = (el: Element): boolean => {
    if (keepSelector && el.matches(keepSelector)) return false;
    if (!isVisible) return isStaticallyHidden(el);
    if (isVisible(el)) return false;
    // Inside a container shown only by script, computed visibility is inherited from it: judge by markup there.
    return keepSelector && el.closest(keepSelector) ? isStaticallyHidden(el) : true;
  };
  const memo = new Map<Element, boolean>();
  const deep = (el: Element): boolean => {
    const chain: Element[] = [];
    let result = false;
    for (let cur: Element | null = el; cur && cur.tagName !== 'BODY' && cur.tagName !== 'HTML'; cur = cur.parentElement) {
      const known = memo.get(cur);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(cur);
      if (self(cur)) {
        result = true;
        break;
      }
    }
    for (const c of chain) memo.set(c, result);
    return result;
  };
  return { self, deep };
}
