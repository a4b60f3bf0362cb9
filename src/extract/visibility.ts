/**
 * Elements the user cannot see are not part of the article. In the browser the caller passes a check based on
 * computed style; in Node (no layout) inline style and the `hidden` attribute decide.
 */
import type { VisibilityCheck } from './types';

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

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

/**
 * Removes hidden elements from `copy`, a clone of `live` taken just before (same shape). Visibility is read on the
 * live element (computed style needs a rendered node), removal happens in the copy. Without `isVisible`, markup
 * decides and `live` may be `copy` itself. `keep` lists containers that are hidden only until a script reveals them.
 */
export function removeHidden(live: Element, copy: Element, keep: readonly string[] = [], isVisible?: VisibilityCheck): void {
  const keepSelector = keep.join(',');
  const doomed: Element[] = [];
  // Iterative walk: pages nest thousands of levels deep.
  const stack: [Element, Element][] = [[live, copy]];
  while (stack.length) {
    const [l, c] = stack.pop()!;
    const lc = l.children;
    const cc = c.children;
    const n = Math.min(lc.length, cc.length);
    for (let i = 0; i < n; i++) {
      const lChild = lc[i]!;
      const cChild = cc[i]!;
      const hidden = isVisible ? !isVisible(lChild) : isStaticallyHidden(lChild);
      const protectedNode =
        hidden && keepSelector !== '' && (cChild.matches(keepSelector) || cChild.querySelector(keepSelector) !== null);
      if (hidden && !protectedNode) doomed.push(cChild);
      else stack.push([lChild, cChild]);
    }
  }
  for (const el of doomed) el.remove();
}
