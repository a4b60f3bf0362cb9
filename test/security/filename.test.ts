/**
 * Export file names under hostile titles and sources, property-based (fast-check): whatever the page calls its
 * article, `exportFileName` gives a name that Windows, macOS and Linux all accept, that cannot pass for another file
 * type (bidirectional overrides) or a device, and that still shows the title.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName, MAX_NAME_BYTES, MAX_NAME_CHARS } from '../../src/format/filename';

const EXTENSIONS = ['txt', 'md', 'html', 'docx'] as const;
const DEVICES = ['CON', 'PRN', 'AUX', 'NUL', 'COM1', 'COM9', 'LPT1', 'LPT9', 'COM¹', 'LPT³', 'CONIN$', 'CONOUT$'];
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// eslint-disable-next-line no-control-regex -- control characters are what the property forbids
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HAN = /\p{Script=Han}/u;

const utf8 = (s: string): number => new TextEncoder().encode(s).length;

/** Everything wrong with a file name for an extension; empty when it is valid everywhere. */
function nameProblems(name: string, ext: string): string[] {
  const problems: string[] = [];
  if (LONE_SURROGATE.test(name)) problems.push('lone surrogate (not valid UTF-16)');
  const bad = FORBIDDEN.exec(name);
  if (bad) problems.push(`forbidden character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
  if (!name.endsWith(`.${ext}`)) problems.push(`does not end with .${ext}`);
  const stem = name.slice(0, name.length - ext.length - 1);
  if (!stem.trim()) problems.push('empty stem');
  if (RESERVED.test(name.split('.')[0]!.trimEnd())) problems.push('reserved device name');
  if (/[ .]$/.test(name)) problems.push('trailing dot or space');
  if (name.startsWith('.')) problems.push('leading dot');
  if (name.length > MAX_NAME_CHARS) problems.push(`${name.length} UTF-16 code units`);
  if (utf8(name) > MAX_NAME_BYTES) problems.push(`${utf8(name)} UTF-8 bytes`);
  return problems;
}

/** True when `needles` appear in `haystack` in this order. */
function inOrder(haystack: string, needles: string[]): boolean {
  let at = 0;
  for (const n of needles) {
    const i = haystack.indexOf(n, at);
    if (i < 0) return false;
    at = i + n.length;
  }
  return true;
}

/**
 * The first four Han characters of the title, when they lie in its first 40 code points (a stretch that always
 * fits the name's budget), after NFC: compatibility ideographs such as U+F900 are canonically their unified forms.
 */
function firstHan(title: string): string[] | null {
  const head = [...title.normalize('NFC')].slice(0, 40);
  const han = head.filter((ch) => HAN.test(ch)).slice(0, 4);
  return han.length === 4 ? han : null;
}

// Pieces of hostile titles: path and shell characters, controls, bidi overrides, zero-width characters, lone
// surrogates, emoji (with ZWJ and skin tones), combining marks, CJK (with compatibility ideographs), device names.
const hostile = fc.constantFrom(
  '<', '>', ':', '"', '/', '\\', '|', '?', '*', '.', '..', '../', '..\\', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000',
  '\u007f', '\u0085', '\u009f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\ufeff', '\ud800', '\udfff', '\ud83d', '\ude00',
  '👨‍👩‍👧', '🏳️‍🌈', '👩🏽‍💻', '🧑‍🤝‍🧑', '😀', '\u0301', '\u0338', 'é', '\uf900', '\ufa0e', '𠀀', '\ud840\udc00',
  'CON', 'nul', 'Com1', 'lpt9', 'AUX.txt', 'PRN ', '_', '-', '%', '$', '~', '#', '&', "'", '`', '!', '[', ']', '{', '}',
  'exe.txt', 'txt.exe', '通知', '关于', '公告',
);
const c0 = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const c1 = fc.integer({ min: 0x80, max: 0x9f }).map((c) => String.fromCharCode(c));
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: hostile },
  { weight: 1, arbitrary: c0 },
  { weight: 1, arbitrary: c1 },
  { weight: 3, arbitrary: cjk },
  { weight: 1, arbitrary: surrogate },
);
const weird = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit, maxLength });

const deviceTitle = fc
  .tuple(
    fc.mixedCase(fc.constantFrom(...DEVICES)),
    fc.constantFrom('', ' ', '  ', '.', '..', '.txt', '.tar.gz', ' .txt', '. ', '\t', '.\u202e'),
    fc.oneof(fc.constant(''), weird(20)),
  )
  .map(([d, sep, rest]) => `${d}${sep}${rest}`);

const title = fc.oneof(
  { weight: 5, arbitrary: weird(80) },
  { weight: 2, arbitrary: weird(600) },
  { weight: 2, arbitrary: deviceTitle },
  { weight: 1, arbitrary: fc.string({ unit: cjk, minLength: 480, maxLength: 520 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('👨‍👩‍👧', '🏳️‍🌈', '👩🏽‍💻', '\u202e', '通'), maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '.', '..', '...', '\u202e', '\ud800', '　　', '<>:"/\\|?*') },
);
const source = fc.option(fc.oneof(weird(60), deviceTitle, fc.constantFrom('办公室', '市应急管理局', '_', '..', 'CON.txt')), { nil: null });
const date = fc.option(
  fc.oneof(
    fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
    fc.constantFrom('2024-03-08', '2024-03-08T09:30', '2024-13-45', '../../etc', '2024-03-08\u202e', ''),
    weird(20),
  ),
  { nil: null },
);
const ext = fc.constantFrom(...EXTENSIONS);

describe('exportFileName, property-based', () => {
  it('gives a name valid on Windows, macOS and Linux for any title, source, date and extension', () => {
    fc.assert(
      fc.property(title, source, date, ext, (t, s, d, e) => {
        const name = exportFileName({ title: t, source: s, publishedTime: d }, e);
        expect(nameProblems(name, e), JSON.stringify(name)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the title recognisable: its first four CJK characters appear in order', () => {
    fc.assert(
      fc.property(title, source, date, ext, (t, s, d, e) => {
        const han = firstHan(t);
        fc.pre(han !== null);
        const name = exportFileName({ title: t, source: s, publishedTime: d }, e);
        expect(inOrder(name, han), `${JSON.stringify(t)} → ${JSON.stringify(name)}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the first four CJK characters of titles that mix them with hostile characters', () => {
    const mixed = fc
      .array(fc.tuple(cjk, fc.oneof(fc.constant(''), hostile, c0, c1, surrogate)), { minLength: 4, maxLength: 20 })
      .map((pairs) => pairs.map(([a, b]) => a + b).join(''));
    fc.assert(
      fc.property(mixed, source, date, ext, (t, s, d, e) => {
        const han = firstHan(t);
        fc.pre(han !== null);
        const name = exportFileName({ title: t, source: s, publishedTime: d }, e);
        expect(nameProblems(name, e)).toEqual([]);
        expect(inOrder(name, han), `${JSON.stringify(t)} → ${JSON.stringify(name)}`).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('exportFileName, hostile examples', () => {
  const cases: [string, string | null, string | null][] = [
    ['CON', null, null],
    ['con.txt', null, null],
    ['NUL ', null, null],
    ['Com1.tar.gz', null, null],
    ['LPT9', null, null],
    ['lpt9 .txt', null, null],
    ['CONOUT$', null, null],
    ['AUX', 'PRN', null],
    ['标题', 'CON.x', null],
    [`CON.${'长'.repeat(200)}`, null, null],
    [`con.${'a'.repeat(300)}`, null, null],
    ['..', null, null],
    ['../../etc/passwd', null, null],
    ['..\\..\\Windows\\System32', '..', '2024-03-08'],
    ['', null, null],
    ['   ', '', ''],
    ['<>:"/\\|?*', '<>:"/\\|?*', null],
    ['报告\u202Etxt.exe', null, '2024-03-08'],
    ['\u2066通知\u2069\u202A公告\u202C', null, null],
    ['行\u0000政\u0007处\u001f罚\u0085决\u009f定', null, null],
    ['孤立\ud800代理\udc00字符', '来源\udbff', '2024-03-08'],
    ['👨‍👩‍👧'.repeat(60), '🏳️‍🌈', '2024-03-08'],
    ['关于开展安全生产检查的通知'.repeat(40), '某某市人民政府办公厅'.repeat(10), '2024-03-08T09:30'],
    ['a'.repeat(500), null, null],
    ['通知.', '办公室.', null],
    ['.hidden', '.source', null],
    ['\ufeff\u200b关于\u200e通知', null, null],
  ];
  it.each(cases)('%j (source %j, date %j)', (t, s, d) => {
    for (const e of EXTENSIONS) {
      const name = exportFileName({ title: t, source: s, publishedTime: d }, e);
      expect(nameProblems(name, e), JSON.stringify(name)).toEqual([]);
      const han = firstHan(t);
      if (han) expect(inOrder(name, han), JSON.stringify(name)).toBe(true);
    }
  });

  it('gives the expected names for the plain cases', () => {
    expect(exportFileName({ title: 'CON', source: null, publishedTime: null }, 'txt')).toBe('_CON.txt');
    expect(exportFileName({ title: '报告\u202Etxt.exe', source: null, publishedTime: null }, 'docx')).toBe('报告 txt.exe.docx');
    expect(exportFileName({ title: '', source: null, publishedTime: null }, 'md')).toBe('未命名文章.md');
    expect(exportFileName({ title: '../../etc/passwd', source: null, publishedTime: null }, 'txt')).toBe('etc passwd.txt');
  });
});
