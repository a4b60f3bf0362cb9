// @vitest-environment node
/**
 * The package as it ships, not the sources: `node lib/cli.js` as the `qingdu` bin runs, and `import … from 'qingdu'`
 * resolved through package.json's exports (a package may import itself by its name) in a plain Node process.
 * `npm test` builds lib/ first; to run this file alone, `npm run build:lib`. A missing lib/ fails, never skips.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './helpers';

const ROOT = join(import.meta.dirname, '..');
const ARTICLE = join(FIXTURES_DIR, 'zhongqi-portal--news-en-labels', 'source.html');
const ARTICLE_URL = 'https://www.tjhjmat.com/news/1356.html';
const TITLE = '华津研究院与滨海新区三家企业签署产学研合作协议';
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

function requireLib(): void {
  for (const file of ['lib/cli.js', 'lib/index.js', 'lib/index.d.ts']) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build:lib\` first (\`npm test\` builds it)`);
  }
}

function node(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the built package', () => {
  it('runs lib/cli.js, the qingdu bin, with plain node', () => {
    requireLib();
    // npm links the bin as it is: without the shebang it would not run as a command.
    expect(readFileSync(join(ROOT, 'lib/cli.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const r = node('lib/cli.js', 'extract', ARTICLE, '--url', ARTICLE_URL, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ title: TITLE, family: 'zhongqi-portal' });
  });

  it('says the version package.json gives', () => {
    requireLib();
    expect(node('lib/cli.js', '--version')).toEqual({ status: 0, stdout: `${PKG.version}\n`, stderr: '' });
  });

  it('imports exactly the packages package.json lists as dependencies (and Node’s own modules)', () => {
    requireLib();
    const imported = new Set<string>();
    for (const file of readdirSync(join(ROOT, 'lib')).filter((f) => f.endsWith('.js'))) {
      for (const m of readFileSync(join(ROOT, 'lib', file), 'utf8').matchAll(/^import\s[^'"]*['"]([^'"./][^'"]*)['"]/gm)) {
        const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
        if (!name.startsWith('node:') && !builtinModules.includes(name)) imported.add(name);
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(PKG.dependencies).sort());
  });

  it("is imported as 'qingdu' from Node and extracts from a jsdom document", () => {
    requireLib();
    const script = `
      import { readFileSync } from 'node:fs';
      import { JSDOM } from 'jsdom';
      import { extractArticle } from 'qingdu';
      const [file, url] = process.argv.slice(1);
      const { document } = new JSDOM(readFileSync(file, 'utf8'), { url }).window;
      const article = extractArticle(document, { url });
      console.log(JSON.stringify({ resolved: import.meta.resolve('qingdu'), title: article?.title }));`;
    const r = node('--input-type=module', '-e', script, ARTICLE, ARTICLE_URL);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Resolved to this repository's lib/, not to some other copy of the package.
    expect(JSON.parse(r.stdout)).toEqual({ resolved: pathToFileURL(join(ROOT, 'lib/index.js')).href, title: TITLE });
  });
});
