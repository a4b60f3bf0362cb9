/**
 * The one manifest for Chrome, Edge and Firefox, and the locale files: permissions exactly the ones the features
 * need, both background forms, Firefox's settings, the commands, and every user-facing string in both locales.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_ORDER } from '../src/commands';

const root = resolve(import.meta.dirname, '..');
interface Manifest {
  manifest_version: number;
  default_locale: string;
  version: string;
  permissions: string[];
  host_permissions: string[];
  optional_permissions?: string[];
  background: unknown;
  content_scripts: unknown;
  commands: Record<string, { suggested_key: { default: string } }>;
  content_security_policy: { extension_pages: string };
  icons: Record<string, string>;
  action: { default_icon: Record<string, string> };
  browser_specific_settings: { gecko: { id: string; strict_min_version: string; data_collection_permissions: unknown }; gecko_android?: unknown };
}
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
const locale = (name: string): Record<string, { message: string; placeholders?: Record<string, unknown> }> =>
  JSON.parse(readFileSync(join(root, '_locales', name, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const zh = locale('zh_CN');
const en = locale('en');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(?:ts|html)$/.test(name) ? [path] : [];
  });
}

describe('manifest.json', () => {
  it('is Manifest V3 with Chinese as the default locale', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.default_locale).toBe('zh_CN');
    expect(manifest.version).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('asks only for the permissions the features need', () => {
    // storage: settings and per-tab state; scripting: run the extractor in the tab on demand; contextMenus: the page
    // menu; downloads: save exports under their names; clipboardWrite: copy from the keyboard command.
    expect([...manifest.permissions].sort()).toEqual(['clipboardWrite', 'contextMenus', 'downloads', 'scripting', 'storage']);
    // file:///*: saved pages, once the user turns on "Allow access to file URLs" (the detector still runs on http(s) only).
    expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*', 'file:///*']);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('runs the background as a service worker in Chrome and as module scripts in Firefox', () => {
    expect(manifest.background).toEqual({ service_worker: 'background.js', scripts: ['background.js'], type: 'module' });
  });

  it('has Firefox settings: an id, no data collection, and the lowest versions that read that declaration', () => {
    const gecko = manifest.browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/^\{[0-9a-f-]{36}\}$/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // data_collection_permissions is read from Firefox 140 (an ESR, like the 153 the e2e tests run in) and from 142
    // on Android; nothing else the extension uses is as recent (README: Install).
    expect(gecko.strict_min_version).toBe('140.0');
    expect(manifest.browser_specific_settings.gecko_android).toEqual({ strict_min_version: '142.0' });
  });

  it('runs only the small detector on pages, at document_idle', () => {
    expect(manifest.content_scripts).toEqual([{ matches: ['http://*/*', 'https://*/*'], js: ['detector.js'], run_at: 'document_idle' }]);
  });

  it('declares the commands with keys that Chromium assigns (Alt+Shift+R/C/W/T are refused)', () => {
    const keys = Object.fromEntries(Object.entries(manifest.commands).map(([k, v]) => [k, v.suggested_key.default]));
    expect(keys).toEqual({ _execute_action: 'Alt+Shift+Q', 'copy-clean-text': 'Alt+Shift+K', 'copy-citation': 'Alt+Shift+Y', 'export-default': 'Alt+Shift+E' });
    // The options page lists them in this order.
    expect(Object.keys(manifest.commands)).toEqual(COMMAND_ORDER);
  });

  it('keeps extension pages under a strict CSP: scripts from the extension only, no inline, no eval, no network', () => {
    const csp = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("img-src 'self' data: blob:");
  });

  it('names icons that exist', () => {
    for (const path of [...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)]) {
      expect(statSync(join(root, path)).size).toBeGreaterThan(100);
    }
  });
});

describe('locales', () => {
  it('zh_CN and en have the same keys and placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) expect(Object.keys(en[key]!.placeholders ?? {}), key).toEqual(Object.keys(zh[key]!.placeholders ?? {}));
  });

  it('has every string the manifest and the code ask for', () => {
    const used = new Set<string>();
    for (const m of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) used.add(m[1]!);
    for (const file of sources(join(root, 'src')).filter((f) => !f.endsWith('i18n.ts'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('(\w+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/data-i18n(?:-aria|-title)?="(\w+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(zh, key).toHaveProperty(key);
  });

  it('has the names built at run time: families, badges, menu items, restrictions, copies', () => {
    const families = ['zhongqi_portal', 'zhongqi_omo', 'trs_wcm', 'hanweb_jcms', 'vsb_boda', 'sudy_webplus', 'empirecms', 'dedecms', 'phpcms', 'founder_enp', 'wechat_mp', 'generic'];
    const keys = [
      ...families.flatMap((f) => [`family_${f}`, `badge_${f}`]),
      ...['copy_text', 'copy_citation', 'export_txt', 'export_md', 'export_html', 'export_docx'].map((m) => `menu_${m}`),
      ...['browser_page', 'web_store', 'pdf', 'file', 'no_access'].map((r) => `restricted_${r}`),
      ...['text', 'markdown', 'html'].map((c) => `copied_${c}`),
    ];
    for (const key of keys) expect(zh, key).toHaveProperty(key);
  });
});
