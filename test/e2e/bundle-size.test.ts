// @vitest-environment node
/**
 * The detector runs on every page the user opens: its size is a budget (26 kB, as kB are counted in BENCHMARKS.md:
 * 1 024 bytes; it grew from 15 kB when the page classification learned teaser lists, pagers, article marks and the
 * families' list templates), and the popup's first script stays small (the export formats load after the article
 * shows). Its time per page load is measured by bench:browser.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DIST } from './harness';

const size = (file: string): number => {
  const path = join(DIST, file);
  expect(existsSync(path), `${path} is missing: run npm run build`).toBe(true);
  return statSync(path).size;
};

it('keeps the detector content script within 26 kB', () => {
  expect(size('detector.js')).toBeLessThanOrEqual(26 * 1024);
});

it('keeps the popup script free of the export formats', () => {
  expect(size('popup.js')).toBeLessThan(100 * 1024);
});
