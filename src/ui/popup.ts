/**
 * The reader: in the toolbar popup (and through the `_execute_action` shortcut) for the active tab, or in a full tab
 * (`?view=tab`) for long articles. `?tab=<id>` reads a given tab (`&force=1`: even when it is not taken for an
 * article). Every action says whether it worked.
 */
import type { Article, Detection } from '../extract/types';
import type * as ExportModule from '../format/export';
import type { AttachedReference, ClipboardPayload, CopyKind, ExportFormat } from '../format/export';
import type * as ReferenceModule from '../format/reference';
import type { CitationStyle } from '../format/reference';
import type * as TableModule from '../format/table';
import { t } from '../i18n';
import type { ExtractOutcome } from '../page-api';
import browser from '../platform/browser';
import { encodeFile } from '../platform/encode';
import { callPage, extractFromTab, saveFile } from '../platform/tab-tasks';
import { FONT_SIZES, normalizeSettings, type Settings } from '../settings';
import { renderArticle } from './article-view';
import { localize } from './i18n-dom';

const params = new URLSearchParams(location.search);
const view = params.get('view') === 'tab' ? 'tab' : 'popup';
document.documentElement.dataset.view = view;

let settings: Settings;
/** The options, read while the tab is asked for its article (both are round trips to other processes). */
let settingsRead: Promise<void> = Promise.resolve();
let article: Article | null = null;
let targetTab: { id?: number; url?: string } | null = null;
/** Whether the article shown was extracted although the page was not taken for an article (仍然提取). */
let forced = false;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

type Formats = typeof ExportModule;
let formatsModule: Promise<Formats> | null = null;
/**
 * The export formats (Turndown, docx: most of the reader's code) in a chunk of their own, loaded once the article
 * shows rather than before it: the popup opens on the article first.
 */
const formats = (): Promise<Formats> => (formatsModule ??= import('../format/export'));
let referenceModule: Promise<typeof ReferenceModule> | null = null;
/** The citation formats, small, in a chunk of their own too (复制引用, and 附加引用 for every copy and export). */
const references = (): Promise<typeof ReferenceModule> => (referenceModule ??= import('../format/reference'));
let tableModule: Promise<typeof TableModule> | null = null;
/** Tables to spreadsheets (复制表格, 导出 CSV). */
const tables = (): Promise<typeof TableModule> => (tableModule ??= import('../format/table'));

function applySettings(): void {
  document.documentElement.style.setProperty('--size', `${settings.fontSize}px`);
  if (settings.theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = settings.theme;
}

function status(message: string, kind: 'ok' | 'error' = 'ok'): void {
  const el = byId('status');
  el.textContent = message;
  el.className = `status ${kind}`;
}

type ViewState = 'loading' | 'article' | 'no-article' | 'restricted' | 'error';

/** The state the reader is in, on <body data-state> (for styling and for the tests). */
function setState(state: ViewState): void {
  document.body.dataset.state = state;
}

function showState(state: Exclude<ViewState, 'article'>, message: string, detail = ''): void {
  setState(state);
  const offerForce = state === 'no-article';
  byId('article').hidden = true;
  byId('actions').hidden = true;
  byId('state').hidden = false;
  byId('state-message').textContent = message;
  byId('state-detail').textContent = detail;
  byId('extract-anyway').hidden = !offerForce;
}

function showArticle(a: Article, detection?: Detection): void {
  article = a;
  setState('article');
  byId('state').hidden = true;
  byId('actions').hidden = false;
  if (view === 'tab') byId<HTMLButtonElement>('actions').querySelector<HTMLElement>('[data-action="open-tab"]')!.hidden = true;
  const family = detection?.family ?? a.family;
  byId('family').textContent = family === 'generic' ? '' : t(`family_${family.replace(/-/g, '_')}`);
  renderArticle(a);
  void formats();
  void references();
}

function failure(outcome: Exclude<ExtractOutcome, { ok: true }>): void {
  switch (outcome.reason) {
    case 'no-article':
      showState('no-article', t('noArticle'), t('noArticleDetail', outcome.detection.reason));
      break;
    case 'restricted':
      showState('restricted', t(`restricted_${outcome.restriction.replace(/-/g, '_')}`), outcome.detail ?? '');
      break;
    case 'not-html':
      showState('restricted', t('notHtml', outcome.contentType));
      break;
    case 'error':
      showState('error', outcome.message === 'tab-gone' ? t('tabGone') : t('extractFailed', outcome.message));
      break;
  }
}

/** Shows the tab's article; `asked` is the extraction when it was already started (see start). */
async function extract(force = false, asked?: Promise<ExtractOutcome>): Promise<void> {
  if (!targetTab) return;
  showState('loading', t('loading'));
  const outcome = await (asked ?? extractFromTab(targetTab, { force }));
  await settingsRead;
  if (!outcome.ok) return failure(outcome);
  forced = force;
  showArticle(outcome.article, outcome.detection);
  // Then carry the images over from the page, and show them when they arrive.
  if (outcome.article.images.some((i) => /^https?:/i.test(i.src)) && targetTab.id !== undefined) {
    try {
      const withImages = await callPage(targetTab.id, 'extract', { force, inlineImages: true });
      if (withImages?.ok && article === outcome.article) showArticle(withImages.article, withImages.detection);
    } catch {
      /* the tab went away: keep the article without its images */
    }
  }
}

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** The page's reference for the 附加引用 setting, dated today (null when the setting is 'none'). */
async function attachedReference(): Promise<AttachedReference | null> {
  return (await references()).referenceFor(article!, settings.attachReference);
}

/** Writes text, and HTML with it when there is some (pastes formatted into Word, WPS, Excel). */
async function writeClipboard(payload: ClipboardPayload): Promise<void> {
  if (payload.html) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([payload.html], { type: 'text/html' }),
        'text/plain': new Blob([payload.text], { type: 'text/plain' }),
      }),
    ]);
  } else {
    await navigator.clipboard.writeText(payload.text);
  }
}

async function copy(kind: CopyKind): Promise<void> {
  const [{ clipboardPayload }, reference] = await Promise.all([formats(), attachedReference()]);
  await writeClipboard(clipboardPayload(article!, kind, { metadataHeader: settings.metadataHeader, reference }));
  status(t(`copied_${kind}`));
}

async function exportAs(format: ExportFormat): Promise<void> {
  status(t('exporting'));
  const [{ exportArticle }, reference] = await Promise.all([formats(), attachedReference()]);
  const file = await exportArticle(article!, format, { ...settings, parse, reference });
  await saveFile(encodeFile(file));
  status(t('exported', file.filename));
}

/** 复制引用: GB/T 7714 (the button), or the style chosen in the citation menu. */
async function copyCitation(style: CitationStyle): Promise<void> {
  byId<HTMLDetailsElement>('citation-menu').open = false;
  const text = (await references()).citationText(article!, style);
  await navigator.clipboard.writeText(text);
  status(style === 'gbt7714' ? t('copiedCitation', text) : t(style === 'bibtex' ? 'copiedBibtex' : 'copiedCslJson'));
}

/** The table a table tool belongs to (article-view.ts puts the tools and the table in one block), and its number. */
function toolTable(button: HTMLElement): { table: HTMLTableElement; index: number } {
  const block = button.closest('.table-block')!;
  return { table: block.querySelector<HTMLTableElement>(':scope > table')!, index: [...byId('content').querySelectorAll('.table-block')].indexOf(block) + 1 };
}

async function copyTable(button: HTMLElement): Promise<void> {
  await writeClipboard((await tables()).tableClipboardPayload(toolTable(button).table));
  status(t('copiedTable'));
}

async function exportTableCsv(button: HTMLElement): Promise<void> {
  const { table, index } = toolTable(button);
  const file = (await tables()).tableCsvFile(table, article!, index);
  await saveFile(encodeFile(file));
  status(t('exported', file.filename));
}

/**
 * The full tab asks the page for the article itself, as this reader did: the page bundle keeps its result, and an
 * article with its images carried over (up to 24 MB, inline-images.ts) is more than storage could hand over.
 */
async function openInTab(): Promise<void> {
  const query = new URLSearchParams({ view: 'tab', tab: String(targetTab!.id) });
  if (forced) query.set('force', '1');
  await browser.tabs.create({ url: browser.runtime.getURL(`popup.html?${query}`) });
  if (view === 'popup') window.close();
}

async function changeFontSize(delta: number): Promise<void> {
  settings.fontSize = Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, settings.fontSize + delta));
  applySettings();
  await browser.storage.sync.set({ fontSize: settings.fontSize });
  status(t('fontSizeNow', settings.fontSize));
}

const ACTIONS: Record<string, (button: HTMLElement) => Promise<void>> = {
  'copy-text': () => copy('text'),
  'copy-markdown': () => copy('markdown'),
  'copy-html': () => copy('html'),
  'export-txt': () => exportAs('txt'),
  'export-md': () => exportAs('md'),
  'export-html': () => exportAs('html'),
  'export-docx': () => exportAs('docx'),
  'copy-citation': () => copyCitation('gbt7714'),
  'copy-citation-gbt7714': () => copyCitation('gbt7714'),
  'copy-citation-bibtex': () => copyCitation('bibtex'),
  'copy-citation-csl-json': () => copyCitation('csl-json'),
  'copy-table': copyTable,
  'export-table-csv': exportTableCsv,
  'open-tab': openInTab,
  'extract-anyway': () => extract(true),
  'font-smaller': () => changeFontSize(-FONT_SIZES.step),
  'font-larger': () => changeFontSize(FONT_SIZES.step),
  options: () => browser.runtime.openOptionsPage(),
};

document.addEventListener('click', (event) => {
  const menu = byId<HTMLDetailsElement>('citation-menu');
  if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  const button = (event.target as Element).closest<HTMLElement>('[data-action]');
  const action = button?.dataset.action;
  if (!button || !action || !ACTIONS[action]) return;
  ACTIONS[action](button).catch((e: unknown) => status(t('actionFailed', e instanceof Error ? e.message : String(e)), 'error'));
});

document.addEventListener('keydown', (event) => {
  const menu = byId<HTMLDetailsElement>('citation-menu');
  if (event.key !== 'Escape' || !menu.open) return;
  menu.open = false;
  menu.querySelector('summary')!.focus();
});

async function start(): Promise<void> {
  settingsRead = browser.storage.sync.get(null).then((stored) => {
    settings = normalizeSettings(stored);
    applySettings();
  });
  localize(document);
  const tabParam = Number(params.get('tab'));
  if (Number.isInteger(tabParam) && tabParam > 0) {
    targetTab = await browser.tabs.get(tabParam).catch(() => null);
    if (!targetTab) return showState('error', t('tabGone'));
  } else {
    targetTab = (await browser.tabs.query({ active: true, currentWindow: true }))[0] ?? null;
    if (!targetTab) return showState('restricted', t('restricted_no_access'));
  }
  const force = params.get('force') === '1';
  await extract(force, extractFromTab(targetTab, { force }));
}

// The tab being read may close while the popup is open.
browser.tabs.onRemoved.addListener((tabId) => {
  if (view === 'popup' && targetTab?.id === tabId) status(t('tabGone'), 'error');
});

start().catch((e: unknown) => showState('error', t('extractFailed', e instanceof Error ? e.message : String(e))));
