// @vitest-environment node
/**
 * A failure of ours inside one page's work (the extractor throwing, say) must not end the run with a stack trace:
 * in JSON Lines it is that page's failed record and counts among the failures; for one file it is one line on
 * stderr and exit 1. QINGDU_DEBUG shows the stack. The crash is staged by mocking the extractor, in process.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main';
import type * as Extract from '../src/extract/index';
import { FIXTURES_DIR } from './helpers';

vi.mock('../src/extract/index', async (importOriginal) => {
  const real = await importOriginal<typeof Extract>();
  return {
    ...real,
    analyzePage: (doc: Document, options: Extract.ExtractOptions) => {
      if (doc.URL.includes('crash')) throw new TypeError('boom\nsecond line of the message');
      return real.analyzePage(doc, options);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'qingdu-internal-'));
const GOOD = join(dir, 'good.html');
const CRASH = join(dir, 'crash.html');
writeFileSync(GOOD, readFileSync(join(FIXTURES_DIR, 'zhongqi-portal--news-en-labels', 'source.html')));
writeFileSync(CRASH, readFileSync(GOOD));

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const status = main(args);
    return { status, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('an internal error in one page', () => {
  it('is that page\'s failed record in JSON Lines, counted in the summary, and the run goes on', () => {
    const r = run('extract', dir, '--format', 'md');
    expect(r.status).toBe(1);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; ok: boolean; error?: string; title?: string });
    expect(records).toEqual([
      { file: CRASH, ok: false, error: 'internal error: boom' },
      expect.objectContaining({ file: GOOD, ok: true, title: '华津研究院与滨海新区三家企业签署产学研合作协议' }),
    ]);
    expect(r.stderr).toBe(`qingdu: 1 of 2 inputs failed:\n  ${CRASH}: internal error: boom\n`);
  });

  it('is one line on stderr and exit 1 for one file', () => {
    const r = run('extract', CRASH);
    expect(r).toEqual({ status: 1, stdout: '', stderr: `qingdu: internal error while reading ${CRASH}: boom\n` });
  });

  it('shows its stack with QINGDU_DEBUG set', () => {
    vi.stubEnv('QINGDU_DEBUG', '1');
    const r = run('extract', CRASH);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^qingdu: internal error while reading .*crash\.html: boom\nTypeError: boom\n/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
