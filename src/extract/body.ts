/**
 * Body fidelity: lazy images promoted, URLs made absolute, attachments listed, indentation normalised, and the
 * elements a reader cannot use (scripts, forms, embeds) removed. Works on a detached copy of the body.
 */
import type { ArticleImage, Attachment } from './types';
import { squash } from './text';
import { elementsBelow, hasTagBelow, tagSet } from './tag-match';

/** Attributes where lazy-loading scripts keep an image's real address, most specific first. */
export const LAZY_IMAGE_ATTRIBUTES = [
  'data-src',
  'data-original',
  'data-original-src',
  'data-actualsrc',
  'data-lazy-src',
  'data-lazyload',
  'data-lazy',
  '_src',
  'data-echo',
  'lazy',
  'data-url',
  'original',
  'data-srcset',
] as const;

const PLACEHOLDER_SRC = /^data:|(?:^|[/_.-])(?:loading|lazy|lazyload|blank|placeholder|spacer|pixel|transparent|grey|gray|default|nopic|none|1x1)[\w.-]*\.(?:gif|png|svg|jpg)(?:[?#]|$)|\.gif(?:[?#]|$)/i;
const IMAGE_URL = /^(?:https?:)?\/\/|^\/|^\.{0,2}\/|^[\w%-]+[\w%./-]*\.(?:jpe?g|png|gif|webp|bmp|svg|avif)/i;

export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'zip', 'rar', '7z', 'wps', 'et', 'dps', 'ofd', 'txt', 'csv'];
const ATTACHMENT_PATH = new RegExp(`\\.(?:${ATTACHMENT_EXTENSIONS.join('|')})$`, 'i');
const ATTACHMENT_NAME = new RegExp(`\\.(?:${ATTACHMENT_EXTENSIONS.join('|')})\\s*[)）]?$`, 'i');
/** Download endpoints of CMS families (博达 DownloadAttachUrl, generic download.jsp / attachment?id=). */
const DOWNLOAD_ENDPOINT = /DownloadAttachUrl|download\.(?:jsp|do|aspx?|php)|\/attach(?:ment)?s?\/|[?&](?:file|attach|fileid|attachid)=/i;

function firstSrcsetUrl(value: string): string {
  return value.trim().split(/\s*,\s*/)[0]?.split(/\s+/)[0] ?? '';
}

function absolute(value: string, base: string | undefined): string | null {
  const v = value.trim();
  if (!v) return null;
  try {
    return new URL(v, base).href;
  } catch {
    return null;
  }
}

/** The address an image really shows: its `src`, unless that is a placeholder and a lazy attribute has the real one. */
export function realImageSource(img: Element): string | null {
  const src = img.getAttribute('src')?.trim() ?? '';
  for (const attr of LAZY_IMAGE_ATTRIBUTES) {
    const raw = img.getAttribute(attr);
    if (!raw) continue;
    const value = attr === 'data-srcset' ? firstSrcsetUrl(raw) : raw.trim();
    if (!value || value === src || !IMAGE_URL.test(value) || /^javascript:/i.test(value)) continue;
    if (!src || PLACEHOLDER_SRC.test(src) || /lazy|loading/i.test(img.getAttribute('class') ?? '')) return value;
  }
  if (src && !/^data:image\/(?:gif|svg)/i.test(src)) return src;
  const srcset = img.getAttribute('srcset');
  return srcset ? firstSrcsetUrl(srcset) || null : null;
}

/** File-type icons editors put before attachment links (UEditor's icon_doc.gif): decoration, not images. */
const ICON = /(?:^|\/)(?:icon|ico)[_-]?[\w-]*\.(?:gif|png|svg)(?:[?#]|$)|\/(?:fileTypeImages|icons?)\//i;
const IMG = tagSet('img');
const A = tagSet('a');

/** Promotes lazy images and resolves every link and image against the page's base URL. */
export function fixUrls(root: Element, base: string | undefined): void {
  for (const img of elementsBelow(root, IMG)) {
    const real = realImageSource(img);
    const abs = real ? absolute(real, base) : null;
    if (!abs || !/^(?:https?|data):/i.test(abs) || ICON.test(abs)) {
      img.remove();
      continue;
    }
    img.setAttribute('src', abs);
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
  }
  for (const a of elementsBelow(root, A)) {
    const href = a.getAttribute('href');
    if (href === null) continue;
    const abs = /^\s*(?:javascript|vbscript|data):/i.test(href) ? null : absolute(href, base);
    if (abs) a.setAttribute('href', abs);
    else a.removeAttribute('href');
  }
}

function fileNameOf(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

/** True for a link to a downloadable document (附件). */
export function isAttachmentLink(a: Element): boolean {
  const href = a.getAttribute('href') ?? '';
  if (!href || href.startsWith('#')) return false;
  let path = href;
  try {
    path = new URL(href, 'http://x/').pathname;
  } catch {
    /* keep the raw value */
  }
  return (
    ATTACHMENT_PATH.test(path) ||
    ATTACHMENT_NAME.test(squash(a.textContent ?? '')) ||
    a.hasAttribute('sudyfile-attr') ||
    DOWNLOAD_ENDPOINT.test(href)
  );
}

/** The body's attachments, in order, one per URL. */
export function collectAttachments(root: Element | DocumentFragment): Attachment[] {
  const seen = new Set<string>();
  const out: Attachment[] = [];
  for (const a of elementsBelow(root, A)) {
    if (!a.hasAttribute('href') || !isAttachmentLink(a)) continue;
    const url = a.getAttribute('href')!;
    if (seen.has(url)) continue;
    seen.add(url);
    const sudy = /'title'\s*:\s*'([^']+)'/.exec(a.getAttribute('sudyfile-attr') ?? '')?.[1];
    const name = squash(a.textContent ?? '') || a.getAttribute('title') || sudy || fileNameOf(url) || url;
    out.push({ name, url });
  }
  return out;
}

export function collectImages(root: Element | DocumentFragment): ArticleImage[] {
  return elementsBelow(root, IMG).filter((img) => img.hasAttribute('src')).map((img) => ({
    src: img.getAttribute('src')!,
    alt: squash(img.getAttribute('alt') ?? ''),
  }));
}

/** Elements a reader cannot use (and `form > label`), by local name. */
const USELESS = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'input', 'select', 'option', 'button', 'textarea', 'object', 'embed', 'applet', 'iframe', 'frame', 'frameset', 'canvas', 'audio', 'video', 'source', 'track', 'map', 'area', 'svg', 'math']);
const INDENT = /^[\s\u00a0\u3000]+/;
const BLOCKS = new Set(['p', 'div', 'li', 'td', 'th', 'dd', 'dt', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'center']);

/**
 * The elements under `root` (not itself) that pass `test`, in document order. One tree walk rather than a
 * selector list: in jsdom a list such as `p, div, li, …` costs ten times more per element, and the body changes
 * between the queries, so none is memoised (a 5 MB page: seconds per query).
 */
function descendants(root: Element, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) if (test(el)) out.push(el);
  return out;
}

const BR = tagSet('br');
const HR = tagSet('hr');
const INLINE = /^(?:SPAN|FONT|STRONG|B|EM|I|U|A|SMALL|BIG|LABEL|SUP|SUB)$/;

/** The text node a block begins with, looking through a few wrapping inline elements (<p><span>U+3000 U+3000…). */
function leadingText(block: Element): Text | null {
  let node: Node | null = block.firstChild;
  for (let depth = 0; node && depth < 6; depth++) {
    while (node && node.nodeType === 3 && !(node.nodeValue ?? '').trim().replace(/[\u00a0\u3000]/g, '')) {
      // Whitespace-only text before the real first text: indentation too.
      if (/[\u00a0\u3000]/.test(node.nodeValue ?? '')) break;
      node = node.nextSibling;
    }
    if (!node) return null;
    if (node.nodeType === 3) return node as Text;
    if (node.nodeType !== 1 || !INLINE.test((node as Element).tagName)) return null;
    node = node.firstChild;
  }
  return null;
}

/** A line that begins with an indentation of two full-width, em or non-breaking spaces. */
const INDENTED_LINE = /^[ \t\r\n]*[\u3000\u00a0\u2002\u2003]{2}/;
/** Elements that cannot go inside a <p>: a block holding one is not split (see splitIndentedBreaks). */
const BLOCK_CHILDREN = tagSet('p, div, table, ul, ol, dl, blockquote, h1, h2, h3, h4, h5, h6, section, article, figure, pre, hr, center, form, fieldset, address, details');

/** Whether a <br> is followed by an indented line, looking through a few wrapping inline elements. */
function breaksIndentedLine(br: Element): boolean {
  // Unlike leadingText, the first text node decides, even one of white space only.
  let node = br.nextSibling;
  for (let depth = 0; node && depth < 4; depth++) {
    if (node.nodeType === 3) return INDENTED_LINE.test(node.nodeValue ?? '');
    if (node.nodeType !== 1 || !INLINE.test((node as Element).tagName)) return false;
    node = node.firstChild;
  }
  return false;
}

/**
 * Paragraphs written as line breaks and an indentation (`…。<br>` and two U+3000, as many CMS editors save them) become <p>
 * elements: the indentation is removed below, and without it nothing would show where one paragraph ends (nor give
 * the text its blank line). A <p> is split into sibling copies of itself; another block gets <p>s inside.
 */
function splitIndentedBreaks(root: Element): void {
  const blocks = new Set<Element>();
  for (const br of elementsBelow(root, BR)) {
    const block = br.parentElement;
    if (block && (block === root || BLOCKS.has(block.localName)) && breaksIndentedLine(br)) blocks.add(block);
  }
  const doc = root.ownerDocument;
  for (const block of blocks) {
    if ([...block.children].some((child) => BLOCK_CHILDREN.has(child.localName))) continue;
    const groups: Node[][] = [[]];
    for (const child of [...block.childNodes]) {
      if (child.nodeType === 1 && (child as Element).localName === 'br' && breaksIndentedLine(child as Element)) {
        (child as Element).remove();
        groups.push([]);
      } else groups[groups.length - 1]!.push(child);
    }
    const paragraphs = groups.map((group) => {
      // Line breaks at the edges of a paragraph are the blank lines between the old ones.
      while (group.length && isBreakOrBlank(group[group.length - 1]!)) (group.pop() as ChildNode).remove();
      while (group.length && isBreakOrBlank(group[0]!)) (group.shift() as ChildNode).remove();
      return group;
    }).filter((group) => group.length > 0);
    if (block.localName === 'p') {
      let after: Element = block;
      for (const group of paragraphs.slice(1)) {
        const copy = block.cloneNode(false) as Element;
        copy.removeAttribute('id');
        copy.append(...group);
        after.after(copy);
        after = copy;
      }
    } else {
      for (const group of paragraphs) {
        const p = doc.createElement('p');
        p.append(...group);
        block.append(p);
      }
    }
  }
}

function isBreakOrBlank(node: Node): boolean {
  if (node.nodeType === 3) return !/[^\s]/.test(node.nodeValue ?? '');
  return node.nodeType === 1 && (node as Element).localName === 'br';
}

/** Removes what a reader cannot use and normalises full-width-space indentation at the start of blocks. */
export function tidyBody(root: Element): void {
  const useless = (el: Element): boolean => USELESS.has(el.localName) || (el.localName === 'label' && el.parentElement?.localName === 'form');
  for (const el of descendants(root, useless)) el.remove();
  splitIndentedBreaks(root);
  for (const block of [root, ...descendants(root, (el) => BLOCKS.has(el.localName))]) {
    // Indentation written as two U+3000 or &nbsp;&nbsp; at the start of a paragraph: CSS text-indent replaces it.
    const first = leadingText(block);
    if (first?.nodeValue && INDENT.test(first.nodeValue)) first.nodeValue = first.nodeValue.replace(INDENT, '');
  }
  // Runs of non-breaking and ideographic spaces inside text are layout, not content.
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue && /[\u00a0\u3000]{2,}/.test(node.nodeValue)) node.nodeValue = node.nodeValue.replace(/[\u00a0\u3000]{2,}/g, ' ');
  }
  removeEmpty(root);
  trimEdgeRules(root);
}

/**
 * Horizontal rules before the first text or after the last: the line a template draws under the headline or above
 * the footer, which in the reader (and as an empty paragraph in Word) separates nothing.
 */
function trimEdgeRules(root: Element): void {
  if (!hasTagBelow(root, HR)) return;
  const rules: Element[] = [];
  let seen = false;
  let trailing: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if (/[^\s\u00a0\u3000\u200b]/.test(node.nodeValue ?? '')) {
        seen = true;
        trailing = [];
      }
    } else if ((node as Element).localName === 'hr') (seen ? trailing : rules).push(node as Element);
    else if (MEDIA.has((node as Element).tagName)) {
      seen = true;
      trailing = [];
    }
  }
  for (const hr of [...rules, ...trailing]) hr.remove();
  if (rules.length || trailing.length) removeEmpty(root);
}

const KEEP_EMPTY = new Set(['IMG', 'BR', 'HR', 'TD', 'TH', 'TR', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'COL', 'COLGROUP', 'CAPTION']);
const MEDIA = new Set(['IMG', 'TABLE', 'HR']);

/** Removes elements with neither text nor media. One bottom-up pass: pages nest thousands of levels deep. */
export function removeEmpty(root: Element): void {
  const all = elementsBelow(root);
  const full = new Set<Element>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    let content = MEDIA.has(el.tagName);
    for (let child = el.firstChild; child && !content; child = child.nextSibling) {
      if (child.nodeType === 3) content = /[^\s\u00a0\u3000\u200b]/.test(child.nodeValue ?? '');
      else if (child.nodeType === 1) content = full.has(child as Element);
    }
    if (content) full.add(el);
    else if (!KEEP_EMPTY.has(el.tagName)) el.remove();
  }
}
