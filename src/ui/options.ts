/** The options page: settings in storage.sync, saved as they change; the shortcuts and where to change them. */
import { COMMAND_ORDER } from '../commands';
import { t } from '../i18n';
import browser from '../platform/browser';
import { normalizeSettings, type Settings } from '../settings';
import { localize } from './i18n-dom';

const form = document.getElementById('settings') as HTMLFormElement;

function fill(settings: Settings): void {
  for (const [key, value] of Object.entries(settings)) {
    const field = form.elements.namedItem(key);
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = Boolean(value);
    else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = String(value);
  }
}

function read(): Settings {
  const data = new FormData(form);
  return normalizeSettings({
    defaultFormat: data.get('defaultFormat'),
    metadataHeader: data.has('metadataHeader'),
    attachReference: data.get('attachReference'),
    bom: data.has('bom'),
    crlf: data.has('crlf'),
    fontSize: Number(data.get('fontSize')),
    theme: data.get('theme'),
  });
}

async function showShortcuts(): Promise<void> {
  const place = (name: string | undefined): number => COMMAND_ORDER.indexOf(name ?? '');
  const commands = (await browser.commands.getAll()).sort((a, b) => place(a.name) - place(b.name));
  const rows = commands.map((command) => {
    const tr = document.createElement('tr');
    const name = document.createElement('td');
    name.textContent = command.name === '_execute_action' ? t('commandOpenReader') : command.description || command.name || '';
    const keys = document.createElement('td');
    if (command.shortcut) {
      const kbd = document.createElement('kbd');
      kbd.textContent = command.shortcut;
      keys.append(kbd);
    } else {
      keys.className = 'unset';
      keys.textContent = t('shortcutUnset');
    }
    tr.append(name, keys);
    return tr;
  });
  document.getElementById('shortcuts')!.replaceChildren(...rows);
}

async function editShortcuts(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  // Chrome, Edge: the browser's own page, which an extension may open but a link may not.
  const url = browser.runtime.getURL('').startsWith('moz-extension:') ? 'about:addons' : 'chrome://extensions/shortcuts';
  await browser.tabs.create({ url });
}

async function start(): Promise<void> {
  localize(document);
  fill(normalizeSettings(await browser.storage.sync.get(null)));
  form.addEventListener('change', () => {
    const settings = read();
    fill(settings);
    browser.storage.sync.set({ ...settings }).then(
      () => (document.getElementById('saved')!.textContent = t('settingsSaved')),
      (e: unknown) => (document.getElementById('saved')!.textContent = t('actionFailed', String(e))),
    );
  });
  document.getElementById('edit-shortcuts')!.addEventListener('click', () => void editShortcuts());
  await showShortcuts();
}

void start();
