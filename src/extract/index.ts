/**
 * `extractArticle(document, { url })`: a page of a Chinese CMS in, a clean `Article` out (or null when the page
 * is not an article). Pure DOM-in, data-out: no extension APIs, so the content script, the CLI and the tests run
 * the same code. The given document is never changed: the pipeline works on a copy.
 *
 * `analyzePage` is the recipe, a phase per step over one context (`Work`); each phase is a function below it:
 * prepare → classify → locate → readShownMetadata → extractBody → resolveTitle → cleanBody → finish (sanitise,
 * resolve the metadata, assemble). Metadata sources give candidates; resolve.ts picks per field.
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
import { readBodyEdges, readCredits, readEditor, readFooterZone, readHeaderZone, readProfileFields, textBlocks } from './page-metadata';
import { resolve, STRENGTH, type Candidate, type ResolveContext } from './resolve';
import type { Classification } from './classify';
import type { FamilyDetection } from './family';
import type { Profile } from './profiles/index';
import type { Declared } from './declared';
import type { Headline } from './title';
import type { Entry as LeadingEntry } from './entries';
import type { LocatedBody } from './body-locate';
import { runReadability } from './readability';
import { removeTailSections } from './tail-sections';
import { findLead, restoreLead } from './lead';
import { removeWesternLines } from './western-lines';
import { fragmentHtml, sanitizeNode } from './sanitize';
import { toPlainText } from './plain-text';
import { cjkShare, foldWidth, squash, stripSpace, visibleLength } from './text';
import { dropLeadingPromo, dropSideColumns, trimTrailingLinkLists } from './body-trim';
import { cleanTitle, pageHeadline, titleKey, siteSuffix } from './title';
import type { Article, ExtractOptions, RulePackName } from './types';

export type { Article, ExtractOptions, Detection, FamilyId, Attachment, ArticleImage, VisibilityCheck } from './types';
import type { Detection } from './types';
export { detectPage, detectFamily, scoreFamilies } from './detect';
export { PROFILES } from './profiles/index';
import { PROFILES, profileById } from './profiles/index';
import { elementsOf, prop } from './dom-safe';

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
  const work = prepare(document, options);
  const detection = classify(work);
  const none = (reason?: string): Analysis => ({ article: null, detection: reason ? { ...detection, isArticle: false, pageType: 'other', reason } : detection });
  if (!detection.isArticle && !options.force) return none();
  locate(work);
  readShownMetadata(work);
  if (!extractBody(work)) return none('Readability found no article');
  resolveTitle(work);
  cleanBody(work);
  const article = finish(work, document);
  return typeof article === 'string' ? none(article) : { article, detection };
}

/** What the phases share: the working copy, what was found in it, and the metadata candidates gathered so far. */
interface Work {
  options: ExtractOptions;
  url: string | undefined;
  /** The inert copy of the page, and its body. */
  doc: Document;
  page: HTMLElement;
  detected: FamilyDetection;
  classified: Classification;
  profile: Profile | null;
  declared: Declared;
  located: LocatedBody | null;
  /** The body's region before Readability decides: the profile's container, the first post, or the richest text. */
  anchor: Element | null;
  entry: LeadingEntry | null;
  headline: Headline | null;
  candidates: Candidate[];
  /** The metadata lines read, which leave the body. */
  lines: Element[];
  /** The 责任编辑 value and where it was read. */
  editorLine: { editor: string | null; element: Element | null; node: Node | null };
  content: Element | null;
  readability: ReturnType<typeof runReadability>;
  title: string;
  /** The body holds a player (a video or audio post). */
  media: boolean;
}

// ---- 1. prepare: the working copy ----

/**
 * The working copy: in an inert document, without what the user cannot see, without names that clobber the DOM.
 * Everything after reads and cuts the copy; the page itself is only read once, here.
 */
function prepare(document: Document, options: ExtractOptions): Work {
  const doc = copyPage(document, { isVisible: options.isVisible, keep: KEEP_VISIBLE });
  return {
    options,
    url: pageUrl(document, options),
    doc,
    page: doc.body,
    detected: { family: 'generic', confidence: 0, profile: null },
    classified: { isArticle: false, pageType: 'other', reason: '' },
    profile: null,
    declared: NOTHING_DECLARED,
    located: null,
    anchor: null,
    entry: null,
    headline: null,
    candidates: [],
    lines: [],
    editorLine: { editor: null, element: null, node: null },
    content: null,
    readability: null,
    title: '',
    media: false,
  };
}

/** What a page declares before it is read (locate reads it). */
const NOTHING_DECLARED: Declared = { titles: [], documentTitle: '', publishedTime: null, source: null, category: null, siteNames: [], description: null, lang: null, authors: [] };

// ---- 2. classify: the family, and whether the page is an article ----

function classify(work: Work): Detection {
  work.detected = detectFamily(work.doc, work.url ?? '', walkedSelectors);
  work.classified = classifyPage(work.doc, work.url ?? '', work.detected.profile);
  work.profile = work.detected.profile && !off(work, 'profiles') ? (profileById(work.detected.profile.id) ?? null) : null;
  const { family, confidence } = work.detected;
  const { isArticle, pageType, reason } = work.classified;
  return { family, confidence, isArticle, pageType, reason };
}

// ---- 3. locate: what the page declares, its body's region, its headline ----

function locate(work: Work): void {
  const { doc, page, profile } = work;
  work.declared = readDeclared(doc, profile);
  work.located = locateBody(doc, profile);
  // Where the running text is, before Readability decides: it bounds the lines read above and below the body.
  const prose = work.located ? null : (work.classified.scan ?? mainProse(page)).element;
  // On a page of several whole posts, the first one (the page leads with it), not the longest.
  work.entry = prose ? leadingEntry(prose, page, MIN_PROSE) : null;
  work.anchor = work.located?.root ?? work.entry?.body ?? prose;
  work.headline = pageHeadline(doc, profile, work.declared.titles, undefined, work.anchor);
}

// ---- 4. readShownMetadata: the lines the page shows around its body ----

function readShownMetadata(work: Work): void {
  const { doc, page, profile, headline, anchor } = work;
  const shown = [readProfileFields(doc, profile), headline ? readHeaderZone(headline.element, anchor) : null, anchor ? readFooterZone(anchor) : null];
  for (const m of shown) {
    if (!m) continue;
    work.candidates.push(...m.candidates);
    work.lines.push(...m.consumed);
  }
  // 责任编辑 sits in the body or just below it: look in the body, then in the region around it.
  const inBody = anchor ? readEditor(anchor) : null;
  const region = anchor?.parentElement?.parentElement?.parentElement ?? page;
  work.editorLine = inBody?.editor ? inBody : readEditor(region === page.parentElement ? page : region);
  const { editor, element } = work.editorLine;
  if (editor) work.candidates.push({ field: 'editor', value: editor, origin: 'editor-line', strength: STRENGTH.dedicated });
  // The 责任编辑 line leaves the body: the other credits on it ("责编|何思远 来源|…") are read first.
  if (element) {
    work.candidates.push(...readCredits(element, 'editor-line'));
    work.lines.push(element);
  }
}

// ---- 5. extractBody: the profile's container, else what Readability finds ----

/**
 * The body: the container the profile knows (or, on a huge page, the richest prose container), else what Readability
 * finds once the page's chrome and the lines read above are gone. False when there is none.
 */
function extractBody(work: Work): boolean {
  const { doc, page, located, anchor, entry, headline, profile } = work;
  const huge = !located && page.getElementsByTagName('*').length > HUGE_PAGE_ELEMENTS;
  const dropInside = (root: Element, keep: Element | null): void => {
    for (const selector of profile?.drop ?? []) {
      for (const el of root.querySelectorAll(selector)) if (!el.contains(keep)) el.remove();
    }
  };
  let lead: Element | null = null;
  if (located || (huge && anchor)) {
    const trailing = located ? trailingAttachments(located.root) : [];
    work.content = located?.start && located.end ? between(doc, located.start, located.end) : (located?.root ?? anchor!);
    for (const el of trailing) work.content.append(el);
    dropInside(work.content, null);
  } else {
    // The lead printed between the headline and the body, copied before the page is narrowed or Readability runs.
    const leadBlock = headline && anchor && !off(work, 'lead') ? findLead(headline.element, anchor) : null;
    lead = leadBlock ? (leadBlock.cloneNode(true) as Element) : null;
    // When one container holds most of the page's running text, Readability looks only around it: the rest of the
    // page (menus, sidebars, footers) cannot be the article, and Readability's cost grows with the page.
    const scan = work.classified.scan;
    const around = entry ? null : anchor?.parentElement?.parentElement;
    // Prose written straight into <body> (old forum pages) has no container below the page to restrict to.
    if (scan && anchor && around && around !== page && page.contains(around) && scan.length >= DOMINANT_SHARE * scan.total && scan.length >= MIN_PROSE * 2 && !unlikelyArticle(anchor, around)) {
      page.replaceChildren(around);
    }
    if (entry) page.replaceChildren(entry.wrapper);
    dropInside(page, headline?.element ?? null);
    removeChrome(page, { protect: [headline?.element ?? null], mode: 'page', without: work.options.without ?? [] });
  }
  // The metadata lines' texts, read before Readability rebuilds a line (its <div> turned <p> is left empty).
  const lineTexts = new Set(work.lines.map((el) => squash(el.textContent ?? '')).filter((t) => t.length > 0 && t.length <= 300));
  if (!work.content) {
    work.readability = runReadability(doc);
    if (!work.readability) return false;
    work.content = work.readability.content;
    if (lead) restoreLead(work.content, lead, work.content.textContent ?? '');
  }
  const content = work.content;
  // The metadata lines read above leave the body. (Only now: taken out before Readability, a byline can tip its
  // choice to a comment thread.) A 责任编辑 credit inside a paragraph's text leaves as that text.
  for (const el of work.lines) {
    if (el !== content && !el.contains(content) && !(headline && el.contains(headline.element))) el.remove();
  }
  const { node } = work.editorLine;
  if (node && !work.editorLine.element && content.contains(node)) node.nodeValue = (node.nodeValue ?? '').replace(EDITOR_CREDIT, '');
  // Readability may have rebuilt a line (a <div> turned <p>): find it by its text among the first and last blocks.
  if (work.readability && lineTexts.size) {
    const blocks = textBlocks(content);
    for (const block of [...blocks.slice(0, 4), ...blocks.slice(-4)]) {
      if (block !== content && lineTexts.has(squash(block.textContent ?? ''))) block.remove();
    }
  }
  // Readability keeps a layout row's sidebar, the lists after the text and a promo line above it on Chinese pages.
  // (Chinese text, not an English page that quotes a few characters.)
  if (work.readability && cjkShare(content.textContent ?? '') >= 0.3 && !off(work, 'body-trim')) {
    dropSideColumns(content);
    trimTrailingLinkLists(content);
    dropLeadingPromo(content);
  }
  return true;
}

/** A 责任编辑 credit at the end of a paragraph's text ("……。(责任编辑：XYUU)"). */
const EDITOR_CREDIT = /\s*[(（【[]?\s*(?:责任编辑|责编)\s*[:：][^)）】\]]{1,40}[)）】\]]?\s*$/;

// ---- 6. resolveTitle: the headline, before the body's repeats of it go ----

function resolveTitle(work: Work): void {
  const { declared, headline, readability } = work;
  const cleaned = declared.titles[0] ? cleanTitle(declared.titles[0], { siteNames: declared.siteNames }) : null;
  const candidates: Candidate[] = [];
  if (headline) candidates.push({ field: 'title', value: headline.text, origin: 'header', strength: STRENGTH.labelled });
  if (cleaned) candidates.push({ field: 'title', value: cleaned, origin: 'meta', strength: STRENGTH.declared });
  if (readability?.title) candidates.push({ field: 'title', value: readability.title, origin: 'readability', strength: STRENGTH.fallback });
  work.title = resolve(candidates, resolveContext(work, cleaned), ['title']).title ?? '';
}

function resolveContext(work: Work, title: string | null): ResolveContext {
  return { siteNames: work.declared.siteNames, siteSuffix: title ? siteSuffix(work.declared.documentTitle, title) : null };
}

// ---- 7. cleanBody: credits at its edges, repeats of the title, in-body chrome ----

function cleanBody(work: Work): void {
  const content = work.content!;
  const edges = readBodyEdges(content);
  work.candidates.push(...edges.candidates);
  for (const el of edges.consumed) el.remove();
  removeTitleRepeats(content, work.title);
  removeChrome(content, { mode: 'body', without: work.options.without ?? [] });
  if (!off(work, 'tail-sections')) removeTailSections(content);
  // Credits, gallery controls, ad labels and date lines of Western templates (a Chinese body keeps its dates).
  if (cjkShare(content.textContent ?? '') < 0.3 && !off(work, 'western-lines')) removeWesternLines(content);
  // A video or audio post is its player and a caption (the player itself does not survive tidying).
  work.media = content.querySelector(MEDIA) !== null;
  fixUrls(content, baseUrl(work.doc, work.url));
  tidyBody(content);
}

// ---- 8. finish: sanitise, resolve the metadata, assemble ----

/** The article, or why there is none after all. */
function finish(work: Work, document: Document): Article | string {
  const { declared, readability, url, title } = work;
  const fragment = sanitizeNode(work.content!, document);
  const textContent = toPlainText(fragment);
  const images = collectImages(fragment);
  const attachments = collectAttachments(fragment);
  // An article is a text: pictures with a caption or two (a gallery, a picture post) are not one; a notice with its
  // 附件, or a player with its caption, is.
  const length = visibleLength(textContent);
  if (!work.options.force && ((length < 10 && !images.length) || (length < MIN_SHORT_PROSE && images.length && !attachments.length && !work.media))) {
    return images.length ? `pictures with little text (${length} chars)` : `no text left after cleaning (${length} chars)`;
  }

  const siteName = first(declared.siteNames[0], siteSuffix(declared.documentTitle, title), readability?.siteName);
  const context = resolveContext(work, title);
  const candidates = [...work.candidates, ...declaredCandidates(work, siteName)];
  // A summary the page shows, else its description: each only when it is a real one (see realSummary).
  const shownSummary = candidates.find((c) => c.field === 'summary');
  // (A later page of a split article declares the first page's description.)
  const description = url && continuationPage(url) ? null : declared.description;
  const summary = first(realSummary(shownSummary?.value, title, textContent), realSummary(description, title, textContent));
  const picked = resolve(
    candidates.filter((c) => c.field !== 'summary'),
    context,
  );
  const author = picked.author ?? null;
  const source = picked.source ?? null;
  const views = picked.views ? Number(picked.views) : null;
  return {
    title,
    byline: first(author, source),
    author,
    editor: picked.editor ?? null,
    source,
    publishedTime: picked.publishedTime ?? null,
    category: picked.category ?? null,
    views: Number.isFinite(views) ? views : null,
    summary,
    siteName,
    lang: first(declared.lang, readability?.lang),
    url: url ?? null,
    family: work.detected.family,
    confidence: work.detected.confidence,
    textContent,
    contentHtml: fragmentHtml(fragment),
    attachments,
    images,
    length,
  };
}

/**
 * What the page declares for machines (meta tags, JSON-LD, script and comment values) and what Readability read:
 * the weakest candidates. A JSON-LD Person is a writer only when it is neither the outlet nor the site.
 */
function declaredCandidates(work: Work, siteName: string | null): Candidate[] {
  const { declared, readability, url } = work;
  const out: Candidate[] = [];
  const push = (field: Candidate['field'], value: string | null | undefined, origin: Candidate['origin'], strength: number = STRENGTH.declared): void => {
    if (value) out.push({ field, value, origin, strength });
  };
  push('publishedTime', declared.publishedTime, 'meta');
  push('source', declared.source, 'meta');
  push('category', declared.category, 'meta');
  const shownSource = work.candidates.find((c) => c.field === 'source')?.value;
  push('author', declaredAuthor(declared.authors, [shownSource ?? declared.source, siteName, ...declared.siteNames], url), 'json-ld');
  push('publishedTime', parseDate(readability?.publishedTime), 'readability', STRENGTH.fallback);
  return out;
}

// ---- helpers ----

/** Whether a rule pack is left out of this run (ExtractOptions.without). */
const off = (work: Work, pack: RulePackName): boolean => work.options.without?.includes(pack) ?? false;

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

