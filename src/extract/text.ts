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

const CJK_CHAR = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f]';
/** A line break in the HTML source next to a Han character or CJK punctuation is formatting, not a space. */
const CJK_LINE_BREAK = new RegExp(`(?<=${CJK_CHAR})[ \\t]*[\\r\\n][\\s]*|[\\s]*[\\r\\n][ \\t]*(?=${CJK_CHAR})`, 'g');

/** Drops source line breaks beside CJK text (what CSS calls segment-break transformation). */
export function joinCjkLines(text: string): string {
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
