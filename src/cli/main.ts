/**
 * qingdu: the extraction core on the command line.
 *   qingdu extract <file-or-dir>... [--url URL] [--format text|md|html|json|cite|bibtex|csl] [--reference top|end] [--force]
 * One file → the article on stdout. Several files or a directory → JSON Lines, one record per page, a progress bar
 * on a terminal, and the failures listed at the end. Exit 0 with output, 2 when no article was found, 1 when an
 * input could not be read or processed, or the command was wrong. A user's mistake and a failure of ours alike give
 * one line on stderr, never a stack trace (QINGDU_DEBUG=1 shows the stack of an internal error).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { copyPage } from '../extract/copy';
import { hasClobberingNames } from '../extract/dom-safe';
import { analyzePage, detectPage, type Article } from '../extract/index';
import { toBibtex } from '../format/bibtex';
import { citationOf, citationSource } from '../format/citation';
import { toCslJson } from '../format/csl-json';
import type { AttachedReference } from '../format/formats';
import { attachedReference, toGbt7714 } from '../format/gbt7714';
import { toStandaloneHtml } from '../format/html';
import { toMarkdown } from '../format/markdown';
import { toText } from '../format/text';
import { version as VERSION } from '../../package.json' with { type: 'json' };
import { decodePage } from './decode';

const FORMATS = ['text', 'md', 'html', 'json', 'cite', 'bibtex', 'csl'] as const;
type Format = (typeof FORMATS)[number];
const PAGE_EXTENSIONS = ['html', 'htm', 'shtml', 'shtm', 'xhtml'] as const;
const PAGE_FILE = new RegExp(`\\.(?:${PAGE_EXTENSIONS.join('|')})(?:\\.gz)?$`, 'i');
// Named in --help and in the message for a directory without pages, so that both say what PAGE_FILE matches.
const PAGE_EXTENSIONS_TEXT = `${PAGE_EXTENSIONS.map((e) => `.${e}`).join(', ')}, each also gzip-compressed as .gz`;

export const HELP = `qingdu ${VERSION} — 清读: clean articles from Chinese institutional web pages

Usage:
  qingdu extract <file-or-dir>... [options]
  qingdu detect <file>... [--url URL]
  qingdu --help | --version

extract   Reads saved pages and prints the article. Pages are files ending in
          ${PAGE_EXTENSIONS_TEXT}.
          One file: the article in the chosen format on stdout.
          Several files or a directory (searched recursively): JSON Lines on stdout, one record per page,
          a progress bar on a terminal, and a summary of the failures on stderr at the end. The records:
            --format json            {"file", "ok": true, "article"}: article is the Article object (below)
            other formats            {"file", "ok": true, "title", "format", "output"}: the article's title,
                                     the format, and what one file would print in it
            an input that failed     {"file", "ok": false, "error"}: why, in one line
detect    Prints the CMS family, the confidence and whether the page is an article, one JSON line per file.

Options:
  --url URL       The page's address: relative links and images are resolved against it, and some CMS
                  families are recognised by it. Default: the file's own file:// URL.
  --format F      text (default): title, 来源, 发布时间, 原文链接, then the text
                  md:     Markdown with YAML front matter
                  html:   a standalone, sanitised HTML file
                  json:   the Article object (title, byline, author, editor, source, publishedTime, category,
                          views, summary, siteName, lang, url, family, confidence, textContent, contentHtml,
                          attachments, images, length)
                  cite:   the page's reference in GB/T 7714—2015 form for an online resource, e.g.
                          天津日报. 标题[EB/OL]. (2024-01-20)[2026-12-07]. https://….
                          (引用日期 = today on the local clock; the address only for an http(s) --url)
                  bibtex: the same reference as a BibLaTeX @online entry
                  csl:    the same reference as CSL-JSON (Zotero, Pandoc and citation managers read it)
  --reference P   text, md, html: the GB/T 7714 reference at the top or the end (P = top or end).
  --force         Extract even when the page does not look like an article.
  -h, --help      This help.
  -v, --version   The version.

Encodings: a BOM wins; bytes that are valid UTF-8 are UTF-8 (even under a stale <meta charset=gb2312>);
otherwise the declared charset, else GB18030 (which also reads GBK and GB2312).

Exit status: 0 with output; 2 when no article was found (for several inputs: in some page, none unreadable);
1 when an input could not be read (missing, binary, empty, a directory with no pages), on an internal error,
or on a usage error.

Environment: QINGDU_DEBUG=1 prints the stack trace of an internal error.
`;

class UsageError extends Error {}

interface Outcome {
  file: string;
  ok: boolean;
  article?: Article | null;
  error?: string;
  kind?: 'unreadable' | 'no-article' | 'internal';
  /** The page as --format prints it (not made for JSON Lines in json, whose record holds the Article itself). */
  output?: string;
  /** The exception behind an internal error, for QINGDU_DEBUG. */
  cause?: unknown;
}

const debugging = (): boolean => Boolean(process.env.QINGDU_DEBUG);

function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

function listInputs(paths: string[]): { files: string[]; missing: Outcome[]; many: boolean } {
  const files: string[] = [];
  const missing: Outcome[] = [];
  let many = paths.length > 1;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (PAGE_FILE.test(entry.name)) files.push(path);
    }
  };
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) {
        many = true;
        const before = files.length;
        walk(p);
        // Silence would look like success: say what was looked for (pages saved as .asp or .jsp are not found).
        if (files.length === before) missing.push({ file: p, ok: false, kind: 'unreadable', error: `no pages found in this directory (looked for ${PAGE_EXTENSIONS_TEXT})` });
      } else files.push(p);
    } catch (e) {
      missing.push({ file: p, ok: false, kind: 'unreadable', error: describeFsError(e) });
    }
  }
  return { files, missing, many };
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error).message;
}

/** A page's text, or why it cannot be a page. */
function readPage(file: string): string {
  let bytes: Uint8Array = readFileSync(file);
  if (/\.gz$/i.test(file)) bytes = gunzipSync(bytes);
  if (bytes.length === 0) throw new Error('empty file');
  // NUL bytes in the first kilobytes: an image, an archive, a PDF, not a web page.
  const head = bytes.subarray(0, 4096);
  if (head.includes(0) && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff)) {
    throw new Error('binary file, not an HTML page');
  }
  return decodePage(bytes).text;
}

function documentFor(html: string, url: string): Document {
  // No scripts, no network, no console noise from the page's CSS.
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

function pageUrl(file: string, url: string | undefined): string {
  // pathToFileURL escapes what a path may hold and a URL may not (#, ?, %, spaces).
  return url ?? pathToFileURL(resolve(file)).href;
}

function render(article: Article, format: Format, doc: Document, placement: Placement): string {
  const source = citationSource(article);
  const reference: AttachedReference | null = placement ? attachedReference(source, placement) : null;
  switch (format) {
    case 'json':
      return `${JSON.stringify(article, null, 2)}\n`;
    case 'md':
      return toMarkdown(article, { reference });
    case 'html':
      return toStandaloneHtml(article, { doc, reference });
    case 'text':
      return toText(article, { reference });
    case 'cite':
      return `${toGbt7714(citationOf(source))}\n`;
    case 'bibtex':
      return toBibtex(citationOf(source));
    case 'csl':
      return toCslJson(citationOf(source));
  }
}

type Placement = 'top' | 'end' | null;

interface ExtractOptions {
  url: string | undefined;
  force: boolean;
  format: Format;
  reference: Placement;
  /** JSON Lines: a json record carries the Article, not its pretty-printed text. */
  batch: boolean;
}

/** One page, read, extracted and rendered. Whatever goes wrong becomes this page's outcome, never the run's. */
function extractOne(file: string, options: ExtractOptions): Outcome {
  let html: string;
  try {
    html = readPage(file);
  } catch (e) {
    return { file, ok: false, kind: 'unreadable', error: e instanceof Error && !(e as NodeJS.ErrnoException).code ? e.message : describeFsError(e) };
  }
  try {
    const doc = documentFor(html, pageUrl(file, options.url));
    const { article, detection } = analyzePage(doc, { url: pageUrl(file, options.url), force: options.force });
    if (!article) return { file, ok: false, kind: 'no-article', error: `no article found (${detection.reason})` };
    const output = options.batch && options.format === 'json' ? undefined : render(article, options.format, doc, options.reference);
    return { file, ok: true, article, output };
  } catch (e) {
    return { file, ok: false, kind: 'internal', error: `internal error: ${messageOf(e)}`, cause: e };
  }
}

function printStack(outcome: Outcome): void {
  if (debugging() && outcome.cause !== undefined) process.stderr.write(`${outcome.cause instanceof Error ? outcome.cause.stack : messageOf(outcome.cause)}\n`);
}

class Progress {
  private readonly enabled: boolean;
  constructor(private readonly total: number) {
    this.enabled = Boolean(process.stderr.isTTY) && total > 1;
  }
  tick(done: number, failed: number): void {
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total}${failed ? `, ${failed} failed` : ''}`);
    if (done === this.total) process.stderr.write('\n');
  }
}

function exitCodeFor(outcomes: Outcome[]): number {
  if (outcomes.some((o) => o.kind === 'unreadable' || o.kind === 'internal')) return 1;
  if (outcomes.some((o) => o.kind === 'no-article')) return 2;
  return 0;
}

/** --url is the user's to get right: a bad one is a usage error, caught before any page is read. */
function checkUrl(url: string | undefined): void {
  if (url === undefined) return;
  if (!/^(?:https?|file):\/\//i.test(url)) throw new UsageError(`--url must be an http(s) or file URL, not "${url}"`);
  if (!URL.canParse(url)) throw new UsageError(`--url "${url}" is not a valid URL`);
}

function runExtract(positionals: string[], values: { url?: string; format?: string; force?: boolean; reference?: string }): number {
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (choose ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)})`);
  const reference = values.reference ?? null;
  if (reference !== null && reference !== 'top' && reference !== 'end') throw new UsageError(`--reference must be top or end, not "${reference}"`);
  if (reference !== null && !['text', 'md', 'html'].includes(format)) throw new UsageError(`--reference goes with --format text, md or html, not ${format}`);
  if (!positionals.length) throw new UsageError('extract needs at least one file or directory');
  checkUrl(values.url);
  const { files, missing, many } = listInputs(positionals);
  // One input that gave nothing to extract (a missing file, a directory without pages): one line, no JSON Lines.
  if (positionals.length === 1 && missing.length === 1 && !files.length) {
    process.stderr.write(`qingdu: ${missing[0]!.file}: ${missing[0]!.error}\n`);
    return 1;
  }
  const options: ExtractOptions = { url: values.url, force: Boolean(values.force), format, reference, batch: many };
  if (!many) {
    const result = extractOne(files[0]!, options);
    if (result.kind === 'internal') {
      process.stderr.write(`qingdu: internal error while reading ${result.file}: ${messageOf(result.cause)}\n`);
      printStack(result);
      return 1;
    }
    if (!result.ok) {
      process.stderr.write(`qingdu: ${result.file}: ${result.error}\n`);
      return exitCodeFor([result]);
    }
    process.stdout.write(result.output!);
    return 0;
  }
  const outcomes: Outcome[] = [...missing];
  for (const m of missing) process.stdout.write(`${JSON.stringify({ file: m.file, ok: false, error: m.error })}\n`);
  const progress = new Progress(files.length);
  files.forEach((file, i) => {
    const result = extractOne(file, options);
    outcomes.push(result);
    printStack(result);
    // The record shapes are the ones --help lists: keep the two in step.
    const record = result.ok
      ? format === 'json'
        ? { file, ok: true, article: result.article }
        : { file, ok: true, title: result.article!.title, format, output: result.output }
      : { file, ok: false, error: result.error };
    process.stdout.write(`${JSON.stringify(record)}\n`);
    progress.tick(i + 1, outcomes.filter((o) => !o.ok).length - missing.length);
  });
  const failures = outcomes.filter((o) => !o.ok);
  if (failures.length) {
    process.stderr.write(`qingdu: ${failures.length} of ${outcomes.length} inputs failed:\n`);
    for (const f of failures) process.stderr.write(`  ${f.file}: ${f.error}\n`);
  } else if (outcomes.length > 1) {
    process.stderr.write(`qingdu: ${outcomes.length} pages extracted\n`);
  }
  return exitCodeFor(outcomes);
}

function runDetect(positionals: string[], values: { url?: string }): number {
  if (!positionals.length) throw new UsageError('detect needs at least one file');
  checkUrl(values.url);
  const outcomes: Outcome[] = [];
  for (const file of positionals) {
    try {
      const live = documentFor(readPage(file), pageUrl(file, values.url));
      // Names that shadow DOM properties could mislead (or trap) a walk of the page itself: detect on a clean copy.
      const doc = hasClobberingNames(live) ? copyPage(live) : live;
      process.stdout.write(`${JSON.stringify({ file, ...detectPage(doc, pageUrl(file, values.url)) })}\n`);
      outcomes.push({ file, ok: true });
    } catch (e) {
      const error = e instanceof Error && !(e as NodeJS.ErrnoException).code ? e.message : describeFsError(e);
      process.stderr.write(`qingdu: ${file}: ${error}\n`);
      outcomes.push({ file, ok: false, kind: 'unreadable', error });
    }
  }
  return exitCodeFor(outcomes);
}

export function main(argv: string[]): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', short: 'f' },
        force: { type: 'boolean' },
        reference: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (values.version) {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (command === 'extract') return runExtract(rest, values);
    if (command === 'detect') return runDetect(rest, values);
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`qingdu: ${(e as Error).message}\nTry 'qingdu --help'.\n`);
      return 1;
    }
    // A failure outside any one page's work: still one line, unless asked for the stack.
    if (debugging()) throw e;
    process.stderr.write(`qingdu: internal error: ${messageOf(e)}\n`);
    return 1;
  }
}
