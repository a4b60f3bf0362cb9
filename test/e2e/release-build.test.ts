/**
 * The release build (dist/, what `npm run build` and `npm run package` ship) holds no test hook: the tests' build
 * (dist-e2e/) differs from it in background.js alone, by the hooks of src/test-hooks.ts; and the release, loaded in
 * Chromium, marks an article page without them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_HOOKS_GLOBAL } from '../../src/test-hooks';
import { FIXTURES_DIR } from '../helpers';
import { DIST, E2E_DIST, launch, serve, tabIdOf, waitInWorker, type Browser, type TestServer } from './harness';

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
/** What only the hooks put in a build: the global's name and Firefox's first tab (options.html?e2e). */
const HOOK_MARKS = [TEST_HOOKS_GLOBAL, 'options.html?e2e'];

describe('the release build', () => {
  it('has no test hook in any file, where the tests’ build has them in background.js only', () => {
    const release = files(DIST);
    expect(release).toEqual(files(E2E_DIST));
    expect(release).toContain('background.js');
    const marked = (dir: string): string[] => release.filter((f) => HOOK_MARKS.some((mark) => readFileSync(join(dir, f), 'latin1').includes(mark)));
    expect(marked(DIST)).toEqual([]);
    expect(marked(E2E_DIST)).toEqual(['background.js']);
    const differing = release.filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(E2E_DIST, f))));
    expect(differing).toEqual(['background.js']);
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let server: TestServer;
    beforeAll(async () => {
      server = await serve({ '/art/1.shtml': { body: readFileSync(join(FIXTURES_DIR, 'trs-wcm--gov-news', 'source.html')) } });
      browser = await launch({ dist: DIST });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('marks an article page, and its background has no hook', async () => {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/art/1.shtml`);
      const tabId = await tabIdOf(browser, page);
      expect(await waitInWorker(browser, (id) => chrome.action.getBadgeText({ tabId: id }), tabId, (b) => b !== '')).toBe('TRS');
      expect(await browser.worker.evaluate((name) => name in globalThis, TEST_HOOKS_GLOBAL)).toBe(false);
      await page.close();
    });
  });
});
