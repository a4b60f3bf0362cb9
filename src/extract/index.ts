/**
 * `extractArticle(document, { url })`: a page of a Chinese CMS in, a clean `Article` out (or null when the page
 * is not an article). Pure DOM-in, data-out: no extension APIs, so the content script, the CLI and the tests run
 * the same code. The given document is never changed: the pipeline works on a clone.
 *
 * 1. detect the CMS family and decide whether the page is an article at all;
 * 2. clone, and drop what the user cannot see;
 * 3. read the metadata the page declares (meta tags, JSON-LD, the family's script/comment values);
 * 4. find the headline, the body container the profile knows, and the metadata lines the page shows;
 * 5. drop chrome (the profile's, and the generic Chinese chrome rules), then take the profile's body container,
 *    or let Readability find the body;
 * 6. clean the body (duplicate title, metadata lines, in-body chrome, lazy images, URLs, indentation);
 * 7. sanitise it as DOM with DOMPurify, and derive the text, images and attachments from the sanitised result.
 */
import { removeChrome, PLACEHOLDER } from './chrome';
import { locateBody, trailingAttachments } from './body-locate';
import { between, copyPage } from './copy';
import { collectAttachments, collectImages, fixUrls, tidyBody } from './body';
import { readDeclared } from './declared';
import { declaredAuthor } from './labels';
import { leadingEntry } from './entries';
import { classifyPage, continuationPage, detectFamily, mainProse, MEDIA, MIN_PROSE, MIN_SHORT_PROSE } from './detect';
import { walkedSelectors } from './simple-selector';
import { parseDate } from './dates';
import { readBodyEdges, readCredits, readEditor, readFooterZone, readHeaderZone, readProfileFields, textBlocks, type ShownFields } from './page-metadata';
import { runReadability } from './readability';
import { removeTailSections } from './tail-sections';
import { findLead, restoreLead } from './lead';
import { removeWesternLines } from './western-lines';
import { fragmentHtml, sanitizeNode } from './sanitize';
import { toPlainText } from './plain-text';
import { cjkShare, foldWidth, squash, stripSpace, visibleLength } from './text';
import { dropLeadingPromo, dropSideColumns, trimTrailingLinkLists } from './body-trim';
import { cleanTitle, pageHeadline, titleKey, siteSuffix } from './title';
import type { Article, ExtractOptions } from './types';

export type { Article, ExtractOptions, Detection, FamilyId, Attachment, ArticleImage, VisibilityCheck } from './types';
import type { Detection } from './types';
export { detectPage, detectFamily, scoreFamilies } from './detect';
export { PROFILES } from './profiles/index';
import { PROFILES, profileById } from './profiles/index';
import { elementsOf, prop } from './dom-safe';

function pageUrl(document: Document, options: ExtractOptions): string | undefined {
  if (options.url) return options.url;
  const own = prop<string>(document, 'URL');
  return own && !/^about:/.test(own) ? own : undefined;
}

function baseUrl(doc: Document, url: string | undefined): string | undefined {
  const href = elementsOf(doc.getElementsByTagName('base')).find((b) => b.hasAttribute('href'))?.getAttribute('href');
  if (!href) return url;
  try {
    return new URL(href, url).href;
  } catch {
    return url;
  }
}

const first = <T>(...values: (T | null | undefined)[]): T | null => values.find((v) => v !== null && v !== undefined && v !== '') ?? null;

const SUMMARY_LABEL = /^\s*(?:[【[(（]\s*(?:概要描述|摘要|内容摘要|内容提要|导读|summary description)\s*[】\])）]|(?:摘要|内容摘要|内容提要|导读|核心提示)\s*[:：])\s*/i;

/**
 * A description that is a real summary: not a placeholder, the title again, a keyword list, or the opening of the
 * body copied by the CMS.
 */
function realSummary(text: string | null | undefined, title: string, body: string): string | null {
  if (!text) return null;
  const value = squash(text).replace(SUMMARY_LABEL, '');
  const opening = stripSpace(foldWidth(value)).slice(0, 16);
  if (opening.length >= 8 && stripSpace(foldWidth(body)).includes(opening)) return null;
  const key = titleKey(value);
  const titleK = titleKey(title);
  if (visibleLength(value) < 15 || PLACEHOLDER.test(foldWidth(value))) return null;
  if (key === titleK || titleK.includes(key) || (key.includes(titleK) && key.length < titleK.length + 10)) return null;
  if (value.split(/[,，、;；\s]+/).length > 5 && !/[。！？.!?]/.test(value)) return null;
  return value;
}

/** Removes the body's first blocks that repeat the headline. */
function removeTitleRepeats(body: Element, title: string): void {
  const key = titleKey(title);
  if (!key) return;
  for (const block of textBlocks(body).slice(0, 3)) {
    const blockKey = titleKey(block.textContent ?? '');
    if (blockKey === key || (blockKey.length >= 6 && key.startsWith(blockKey) && /^H\d$/.test(block.tagName))) {
      // Remove the outermost wrapper that holds nothing else.
      let target: Element = block;
      while (target.parentElement && target.parentElement !== body && titleKey(target.parentElement.textContent ?? '') === blockKey) {
        target = target.parentElement;
      }
      target.remove();
    }
  }
}

/** Containers some family shows only by script (WeChat's body): never left out of the copy as hidden. */
const KEEP_VISIBLE = PROFILES.flatMap((p) => p.keepVisible ?? []);

/** Names of containers that hold text but not the article (a long comment thread can outweigh the article). */
const NOT_ARTICLE = /comment|reply|discuss|respond|remark|sidebar|footer|related|recommend|pinglun|liuyan/i;

function unlikelyArticle(anchor: Element, around: Element): boolean {
  for (let el: Element | null = anchor; el && el !== around.parentElement; el = el.parentElement) {
    if (NOT_ARTICLE.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) return true;
  }
  return false;
}

/** The share of a page's running text that makes its richest container the only place Readability looks. */
export const DOMINANT_SHARE = 0.6;

/** Pages larger than this (elements) are not given to Readability, whose cost grows faster than the page. */
export const HUGE_PAGE_ELEMENTS = 15_000;

/** Extracts the article of a page, or returns null when the page holds no article. */
export function extractArticle(document: Document, options: ExtractOptions = {}): Article | null {
  return analyzePage(document, options).article;
}

/** What the pipeline found: the article (or null) and the page's detection, which says why there is none. */
export interface Analysis {
  article: Article | null;
  detection: Detection;
}

/** The article and the detection of a page, from one working copy (the page itself is read once). */
export function analyzePage(document: Document, options: ExtractOptions = {}): Analysis {
  const url = pageUrl(document, options);
  // 1. The working copy: in an inert document, without what the user cannot see, without names that clobber the
  // DOM. Everything below reads and cuts the copy; the page itself is only read once, here.
  const doc = copyPage(document, { isVisible: options.isVisible, keep: KEEP_VISIBLE });
  const page = doc.body;

  const detected = detectFamily(doc, url ?? '', walkedSelectors);
  const { family, confidence } = detected;
  const classified = classifyPage(doc, url ?? '', detected.profile);
  const detection: Detection = { family, confidence, isArticle: classified.isArticle, pageType: classified.pageType, reason: classified.reason };
  const none = (reason?: string): Analysis => ({ article: null, detection: reason ? { ...detection, isArticle: false, pageType: 'other', reason } : detection });
  if (!classified.isArticle && !options.force) return none();
  const profile = detected.profile ? (profileById(detected.profile.id) ?? null) : null;

  // 2. What the page declares, the body the profile knows, its headline, the metadata lines it shows.
  const declared = readDeclared(doc, profile);
  const located = locateBody(doc, profile);
  const huge = !located && page.getElementsByTagName('*').length > HUGE_PAGE_ELEMENTS;
  // Where the running text is, before Readability decides: it bounds the lines read above and below the body.
  const prose = located ? null : (classified.scan ?? mainProse(page)).element;
  // On a page of several whole posts, the first one (the page leads with it), not the longest.
  const entry = prose ? leadingEntry(prose, page, MIN_PROSE) : null;
  const anchor = located?.root ?? entry?.body ?? prose;
  const headline = pageHeadline(doc, profile, declared.titles, undefined, anchor);
  const shown: ShownFields = {};
  const consumed: Element[] = [];
  const weak = new Set<keyof ShownFields>();
  // `labelled`: the values come from labelled credit lines, which replace a value from an unlabelled slot.
  const absorb = (m: { fields: ShownFields; consumed: Element[]; weak?: (keyof ShownFields)[] }, labelled = false): void => {
    for (const [k, v] of Object.entries(m.fields) as [keyof ShownFields, string][]) {
      if (!v || (shown[k] && !(labelled && weak.has(k)))) continue;
      shown[k] = v;
      if (m.weak?.includes(k)) weak.add(k);
      else weak.delete(k);
    }
    consumed.push(...m.consumed);
  };
  absorb(readProfileFields(doc, profile));
  if (headline) absorb(readHeaderZone(headline.element, anchor));
  if (anchor) absorb(readFooterZone(anchor), true);
  // 责任编辑 sits in the body or just below it: look in the body, then in the region around it.
  const inBody = anchor ? readEditor(anchor) : null;
  const region = anchor?.parentElement?.parentElement?.parentElement ?? page;
  const editorLine = inBody?.element ? inBody : readEditor(region === page.parentElement ? page : region);
  // The 责任编辑 line leaves the body: the other credits on it ("责编|何思远 来源|…") are read first.
  if (editorLine.element) absorb({ fields: readCredits(editorLine.element), consumed: [] }, true);
  const trailing = located ? trailingAttachments(located.root) : [];

  // 3. The body: the container the profile knows (or, on a huge page, the richest prose container), else what
  // Readability finds once the page's chrome and the lines read above are gone.
  let content: Element | null = null;
  let readability: ReturnType<typeof runReadability> = null;
  let lead: Element | null = null;
  const dropInside = (root: Element, keep: Element | null): void => {
    for (const selector of profile?.drop ?? []) {
      for (const el of root.querySelectorAll(selector)) if (!el.contains(keep)) el.remove();
    }
  };
  if (located || (huge && anchor)) {
    content = located?.start && located.end ? between(doc, located.start, located.end) : (located?.root ?? anchor!);
    for (const el of trailing) content.append(el);
    dropInside(content, null);
  } else {
    // The lead printed between the headline and the body, copied before the page is narrowed or Readability runs.
    const leadBlock = headline && anchor ? findLead(headline.element, anchor) : null;
    lead = leadBlock ? (leadBlock.cloneNode(true) as Element) : null;
    // When one container holds most of the page's running text, Readability looks only around it: the rest of the
    // page (menus, sidebars, footers) cannot be the article, and Readability's cost grows with the page.
    const scan = classified.scan;
    const around = entry ? null : anchor?.parentElement?.parentElement;
    // Prose written straight into <body> (old forum pages) has no container below the page to restrict to.
    if (scan && anchor && around && around !== page && page.contains(around) && scan.length >= DOMINANT_SHARE * scan.total && scan.length >= MIN_PROSE * 2 && !unlikelyArticle(anchor, around)) {
      page.replaceChildren(around);
    }
    if (entry) page.replaceChildren(entry.wrapper);
    dropInside(page, headline?.element ?? null);
    removeChrome(page, { protect: [headline?.element ?? null], mode: 'page' });
  }
  // The metadata lines' texts, read before Readability rebuilds a line (its <div> turned <p> is left empty).
  const lines = [...consumed, editorLine.element].filter((el): el is Element => !!el);
  const lineTexts = new Set(lines.map((el) => squash(el.textContent ?? '')).filter((t) => t.length > 0 && t.length <= 300));
  if (!content) {
    readability = runReadability(doc);
    if (!readability) return none('Readability found no article');
    content = readability.content;
    if (lead) restoreLead(content, lead, content.textContent ?? '');
  }
  // The metadata lines read above, and the 责任编辑 line, leave the body. (Only now: taken out before Readability,
  // a byline can tip its choice to a comment thread.)
  for (const el of lines) {
    if (el !== content && !el.contains(content) && !(headline && el.contains(headline.element))) el.remove();
  }
  // Readability may have rebuilt a line (a <div> turned <p>): find it by its text among the first and last blocks.
  if (readability && lineTexts.size) {
    const blocks = textBlocks(content);
    for (const block of [...blocks.slice(0, 4), ...blocks.slice(-4)]) {
      if (block !== content && lineTexts.has(squash(block.textContent ?? ''))) block.remove();
    }
  }

  // Readability keeps a layout row's sidebar, the lists after the text and a promo line above it on Chinese pages.
  // (Chinese text, not an English page that quotes a few characters.)
  if (readability && cjkShare(content.textContent ?? '') >= 0.3) {
    dropSideColumns(content);
    trimTrailingLinkLists(content);
    dropLeadingPromo(content);
  }

  const title =
    first(headline?.text, declared.titles[0] && cleanTitle(declared.titles[0], { siteNames: declared.siteNames }), readability?.title) ?? '';
  const edges = readBodyEdges(content);
  absorb(edges, true);
  for (const el of edges.consumed) el.remove();
  removeTitleRepeats(content, title);
  removeChrome(content, { mode: 'body' });
  removeTailSections(content);
  // Credits, gallery controls, ad labels and date lines of Western templates (a Chinese body keeps its dates).
  if (cjkShare(content.textContent ?? '') < 0.3) removeWesternLines(content);
  // A video or audio post is its player and a caption (the player itself does not survive tidying).
  const media = content.querySelector(MEDIA) !== null;
  fixUrls(content, baseUrl(doc, url));
  tidyBody(content);

  const fragment = sanitizeNode(content, document);
  const textContent = toPlainText(fragment);
  // (A later page of a split article declares the first page's description.)
  const description = url && continuationPage(url) ? null : declared.description;
  const summary = first(realSummary(shown.summary, title, textContent), realSummary(description, title, textContent));
  const images = collectImages(fragment);
  const attachments = collectAttachments(fragment);
  // An article is a text: pictures with a caption or two (a gallery, a picture post) are not one; a notice with its
  // 附件, or a player with its caption, is.
  const length = visibleLength(textContent);
  if (!options.force && ((length < 10 && !images.length) || (length < MIN_SHORT_PROSE && images.length && !attachments.length && !media))) {
    return none(images.length ? `pictures with little text (${length} chars)` : `no text left after cleaning (${length} chars)`);
  }

  const source = first(shown.source, declared.source);
  const siteName = first(declared.siteNames[0], siteSuffix(declared.documentTitle, title), readability?.siteName);
  // A writer is one the page shows. Meta authors are often the outlet or the site (网易, 参考消息): only a JSON-LD
  // Person that is neither, when the page shows none.
  const author = shown.author ?? declaredAuthor(declared.authors, [source, siteName, ...declared.siteNames], url);
  const views = shown.views ? Number(shown.views) : null;
  const article: Article = {
    title,
    byline: first(author, source),
    author,
    editor: first(editorLine.editor, shown.editor),
    source,
    publishedTime: first(shown.publishedTime, declared.publishedTime, parseDate(readability?.publishedTime)),
    category: first(shown.category, declared.category),
    views: Number.isFinite(views) ? views : null,
    summary,
    siteName,
    lang: first(declared.lang, readability?.lang),
    url: url ?? null,
    family,
    confidence,
    textContent,
    contentHtml: fragmentHtml(fragment),
    attachments,
    images,
    length,
  };
  return { article, detection };
}
