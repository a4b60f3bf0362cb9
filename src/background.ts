/**
 * Background (a service worker in Chrome and Edge, an event page in Firefox): the toolbar badge from the detector's
 * report, the keyboard commands and the context menu. Each command does what the popup's button of the same name
 * does, through the same page bundle and formats.
 */
import type { Command } from './commands';
import type { Detection, FamilyId } from './extract/types';
import type { ExportFormat } from './format/formats';
import { citationText, referenceFor } from './format/reference';
import { toText } from './format/text';
import { t } from './i18n';
import { handleMessages } from './messages';
import browser, { type Tabs } from './platform/browser';
import { callPage, extractFromTab, saveFile } from './platform/tab-tasks';
import { normalizeSettings, type Settings } from './settings';
import { installTestHooks } from './test-hooks';

export const MENU_ITEMS = ['copy-text', 'copy-citation', 'export-txt', 'export-md', 'export-html', 'export-docx'] as const;
type MenuItem = (typeof MENU_ITEMS)[number];
export type Task = { kind: 'copy-text' } | { kind: 'copy-citation' } | { kind: 'export'; format: ExportFormat | 'default' };

const BADGE_COLOR = '#1a6179';

async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await browser.storage.sync.get(null));
}

function familyName(family: FamilyId): string {
  return t(`family_${family.replace(/-/g, '_')}`);
}

async function showDetection(tabId: number, detection: Detection, title: string | null): Promise<void> {
  await browser.storage.session.set({ [`tab:${tabId}`]: { detection, title } });
  if (!detection.isArticle) {
    await browser.action.setBadgeText({ tabId, text: '' });
    await browser.action.setTitle({ tabId, title: t('actionTitle') });
    return;
  }
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  await browser.action.setBadgeText({ tabId, text: t(`badge_${detection.family.replace(/-/g, '_')}`) });
  await browser.action.setTitle({ tabId, title: t('actionTitleArticle', familyName(detection.family), title ?? '') });
}

/** A visible answer where there may be no page to show it in: a badge mark and the reason in the tooltip. */
async function signal(tabId: number | undefined, ok: boolean, message: string): Promise<void> {
  if (tabId === undefined) return;
  try {
    await callPage(tabId, 'toast', message, ok ? 'ok' : 'error');
  } catch {
    // The page refuses scripts (a browser page, the web store): the badge has to say it.
    await browser.action.setBadgeBackgroundColor({ tabId, color: ok ? BADGE_COLOR : '#b42318' });
    await browser.action.setBadgeText({ tabId, text: ok ? '✓' : '!' });
    await browser.action.setTitle({ tabId, title: message });
  }
}

function failureMessage(outcome: Exclude<Awaited<ReturnType<typeof extractFromTab>>, { ok: true }>): string {
  switch (outcome.reason) {
    case 'no-article':
      return t('noArticle');
    case 'restricted':
      return t(`restricted_${outcome.restriction.replace(/-/g, '_')}`);
    case 'not-html':
      return t('notHtml', outcome.contentType);
    case 'error':
      return outcome.message === 'tab-gone' ? t('tabGone') : t('extractFailed', outcome.message);
  }
}

/** Runs a copy or export on a tab, the way the popup's buttons do, with feedback in the page. */
export async function runTask(tab: Pick<Tabs.Tab, 'id' | 'url'>, task: Task): Promise<{ ok: boolean; message: string }> {
  const settings = await loadSettings();
  const format = task.kind === 'export' ? (task.format === 'default' ? settings.defaultFormat : task.format) : null;
  const outcome = await extractFromTab(tab, { inlineImages: format === 'html' || format === 'docx' });
  let result: { ok: boolean; message: string };
  if (!outcome.ok) {
    result = { ok: false, message: failureMessage(outcome) };
  } else if (task.kind === 'copy-text') {
    const reference = referenceFor(outcome.article, settings.attachReference);
    const copied = await callPage(tab.id!, 'copy', { text: toText(outcome.article, { header: settings.metadataHeader, reference }).trimEnd() });
    result = copied ? { ok: true, message: t('copiedText', outcome.article.title) } : { ok: false, message: t('copyFailed') };
  } else if (task.kind === 'copy-citation') {
    const text = citationText(outcome.article, 'gbt7714');
    const copied = await callPage(tab.id!, 'copy', { text });
    result = copied ? { ok: true, message: t('copiedCitation', text) } : { ok: false, message: t('copyFailed') };
  } else {
    try {
      const { bom, crlf, metadataHeader } = settings;
      const reference = referenceFor(outcome.article, settings.attachReference);
      const file = await callPage(tab.id!, 'render', outcome.article, format!, { bom, crlf, metadataHeader, reference });
      await saveFile(file);
      result = { ok: true, message: t('exported', file.filename) };
    } catch (e) {
      result = { ok: false, message: t('exportFailed', e instanceof Error ? e.message : String(e)) };
    }
  }
  await signal(tab.id, result.ok, result.message);
  return result;
}

/** What each keyboard command does (the compiler holds this to the list in commands.ts). */
const COMMAND_TASKS: Record<Command, Task> = {
  'copy-clean-text': { kind: 'copy-text' },
  'copy-citation': { kind: 'copy-citation' },
  'export-default': { kind: 'export', format: 'default' },
};

export function taskForCommand(command: string): Task | null {
  return Object.hasOwn(COMMAND_TASKS, command) ? COMMAND_TASKS[command as Command] : null;
}

function taskForMenu(item: MenuItem): Task {
  return item === 'copy-text' || item === 'copy-citation' ? { kind: item } : { kind: 'export', format: item.slice('export-'.length) as ExportFormat };
}

async function activeTab(): Promise<Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The command handler, also reachable from tests: `commands.onCommand` calls exactly this. */
export async function runCommand(command: string, tab?: Tabs.Tab): Promise<{ ok: boolean; message: string } | null> {
  const task = taskForCommand(command);
  const target = tab?.id !== undefined ? tab : await activeTab();
  if (!task || !target) return null;
  return runTask(target, task);
}

function createMenus(): void {
  void browser.contextMenus.removeAll().then(() => {
    for (const item of MENU_ITEMS) {
      browser.contextMenus.create({ id: item, title: t(`menu_${item.replace(/-/g, '_')}`), contexts: ['page', 'selection', 'link', 'image'] });
    }
  });
}

handleMessages({
  'page-detected': async (message, sender) => {
    await showDetection(sender.tab!.id!, message.detection, message.title);
    return { ok: true };
  },
  'get-detection': async (message) => {
    const stored = (await browser.storage.session.get(`tab:${message.tabId}`))[`tab:${message.tabId}`] as
      | { detection: Detection; title: string | null }
      | undefined;
    return stored ?? { detection: null, title: null };
  },
}, browser.runtime);

browser.runtime.onInstalled.addListener(createMenus);
browser.runtime.onStartup.addListener(createMenus);
browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
  void runCommand(command, tab);
});
browser.contextMenus.onClicked.addListener((info, tab) => {
  if (tab && (MENU_ITEMS as readonly string[]).includes(String(info.menuItemId))) void runTask(tab, taskForMenu(info.menuItemId as MenuItem));
});
browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove(`tab:${tabId}`);
});

// The tests' build only (tools/build-mode.ts): a headless browser cannot press a shortcut or click a menu item.
if (import.meta.env.MODE === 'e2e') installTestHooks({ runCommand, runTask }, browser);
