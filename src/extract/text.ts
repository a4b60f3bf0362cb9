/** Small text helpers shared by the extraction modules. Pure string functions. */

/** Folds full-width ASCII variants (U+FF01–U+FF5E) to ASCII and the ideographic space to a space. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

/** Every kind of whitespace CMS pages use, including NBSP, ideographic space and zero-width characters. */
const SPACE_RUN = /[\s\u00A0\u3000\u200B-\u200D\uFEFF]+/g;

export const CJK_CHAR = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f]';
const ANY_CJK = new RegExp(CJK_CHAR);
/**
 * A line break in the HTML source next to a Han character or CJK punctuation is formatting, not a space: after
 * such a character, spaces, a line break and all whitespace after it; before one, a whitespace run up to a line
 * break and spaces. The second branch starts only where a whitespace run starts (`(?<!\s)`): tried inside the run
 * as well, as the plain pattern is, it rescans the rest of the run from every position, quadratic in the run's
 * length (and textContent has long runs of indentation). A match cannot start inside a run where it could not
 * start at the run's start, so the answer is the same (test/fast-paths.test.ts compares the two).
 */
const CJK_LINE_BREAK = new RegExp(`(?<=${CJK_CHAR})[ \\t]*[\\r\\n]\\s*|(?<!\\s)\\s*[\\r\\n][ \\t]*(?=${CJK_CHAR})`, 'g');

/** Drops source line breaks beside CJK text (what CSS calls segment-break transformation). */
export function joinCjkLines(text: string): string {
  // Most text has no line break or no CJK character at all: two linear scans instead of the replace.
  if (!/[\r\n]/.test(text) || !ANY_CJK.test(text)) return text;
  return text.replace(CJK_LINE_BREAK, '');
}

/** Collapses whitespace runs to one space and trims. */
export function squash(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim();
}

/** Text as a reader sees it in one line: whitespace collapsed, source line breaks beside CJK text dropped. */
export function displayText(text: string): string {
  return squash(joinCjkLines(text));
}

/** Removes all whitespace (for comparisons that ignore layout). */
export function stripSpace(text: string): string {
  return text.replace(SPACE_RUN, '');
}

/** Text length without whitespace: CJK pages are measured in characters. */
export function visibleLength(text: string): number {
  return stripSpace(text).length;
}

const CJK = /[\u3400-\u9FFF\uF900-\uFAFF]/;

/** True when the text has Han characters. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Share of the text's visible characters that are Han characters (0 for empty text). */
export function cjkShare(text: string): number {
  const length = visibleLength(text);
  return length ? (text.match(new RegExp(CJK.source, 'g'))?.length ?? 0) / length : 0;
}

/** Text of a node with whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return node ? squash(node.textContent ?? '') : '';
}
