/**
 * What the end-to-end tests need and no user gets, built only in the tests' mode (tools/build-mode.ts, into
 * dist-e2e/): the release build (dist/) leaves the call out and with it this module, which
 * test/e2e/release-build.test.ts checks.
 */
import type extensionApi from './platform/browser';

/** The handlers a test calls where it cannot press a browser shortcut or click a menu item. */
export interface TestHooks {
  runCommand: (...args: never[]) => unknown;
  runTask: (...args: never[]) => unknown;
}

/** The global the tests look the handlers up by. */
export const TEST_HOOKS_GLOBAL = '__qingduTest';

export function installTestHooks(hooks: TestHooks, browser: typeof extensionApi): void {
  (globalThis as Record<string, unknown>)[TEST_HOOKS_GLOBAL] = hooks;
  // Firefox (the only one with getBrowserInfo): WebDriver BiDi may not open moz-extension:// pages, so the tests
  // start from a tab of the extension's own.
  if (typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function') {
    browser.runtime.onInstalled.addListener(() => void browser.tabs.create({ url: browser.runtime.getURL('options.html?e2e') }));
  }
}
