// @vitest-environment node
/**
 * `web-ext lint` on the built extension, the check Mozilla's add-on store runs: no errors. The warnings allowed are
 * the known ones (Firefox ignores `background.service_worker`, which Chrome needs; bundled libraries that assign
 * innerHTML: DOMPurify, Readability, Turndown's parser). Any other warning fails, so a new one is looked at.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { DIST } from './harness';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

it('web-ext lint finds no errors and only the known warnings in the Firefox build', () => {
  const bin = resolve(import.meta.dirname, '../../node_modules/.bin/web-ext');
  const run = spawnSync(bin, ['lint', '--source-dir', DIST, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', timeout: 120_000 });
  const report = JSON.parse(run.stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  expect(report.errors).toEqual([]);
  const unexpected = report.warnings.filter(
    (w) =>
      !(w.code === 'BACKGROUND_SERVICE_WORKER_IGNORED') &&
      !(w.code === 'UNSAFE_VAR_ASSIGNMENT' && /^(?:page-bundle\.js|page-export\.js|popup\.js)$/.test(w.file ?? '')),
  );
  expect(unexpected).toEqual([]);
});
