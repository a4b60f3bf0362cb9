// @vitest-environment node
/**
 * qingdu extract on a directory of 1 000 pages (120 in `npm test`), as a user runs it: GBK, mis-declared charsets and ~20 broken inputs
 * among good pages. It keeps going, prints one JSON line per page, lists the failures on stderr and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../src/cli/bin.ts');

function qingdu(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TOPICS = ['安全生产检查', '春季植树造林', '防汛抗旱工作', '营商环境优化', '食品安全抽检', '校园周边整治', '农田水利建设'];

/** A small notice, different for each n: its title names the topic and the number. */
function page(n: number, charset: string): { html: string; title: string } {
  const title = `关于开展${TOPICS[n % TOPICS.length]}的通知（第${n}号）`;
  const html = `<!DOCTYPE html><html><head><meta charset="${charset}"><title>${title}_通知公告_某某市人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>
<h1>${title}</h1><p>发布时间：2024-03-${String((n % 28) + 1).padStart(2, '0')} 来源：办公室</p>
<div class="content"><p>各区县人民政府，市政府各部门：为切实做好${TOPICS[n % TOPICS.length]}工作，经研究，决定在全市范围内开展专项行动。请各单位高度重视，认真组织自查自纠，建立问题清单，落实整改责任，确保工作取得实效。</p>
<p>各单位请于本月二十五日前将工作情况报送市政府办公室，联系电话：${1000 + n}。</p><p>特此通知。</p></div>
<div class="footer">版权所有：某某市人民政府</div></body></html>`;
  return { html, title };
}

type Kind = 'utf8' | 'gbk' | 'gbk-says-utf8' | 'utf8-says-gb2312';
const KINDS: Kind[] = ['utf8', 'gbk', 'gbk-says-utf8', 'utf8-says-gb2312'];

let dir: string;
const titles = new Map<string, string>();
/** Broken inputs, with the error each must get. */
const broken = new Map<string, RegExp>();
// 1 000 pages take ~3 min on a shared 2-core machine (~60 ms of CPU a page): `npm test` runs 120, with every kind of
// broken input; QINGDU_BATCH_PAGES=1000 runs the full directory (CI does, in .ci/run).
const TOTAL = Number(process.env.QINGDU_BATCH_PAGES ?? 120);
const BROKEN = 19;
const GOOD = TOTAL - BROKEN;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qingdu-batch-'));
  for (let n = 0; n < GOOD; n++) {
    const kind = KINDS[n % KINDS.length]!;
    const file = join(dir, `p${String(n).padStart(4, '0')}-${kind}.html`);
    const { html, title } = page(n, kind === 'utf8' || kind === 'gbk-says-utf8' ? 'utf-8' : kind === 'gbk' ? 'gbk' : 'gb2312');
    writeFileSync(file, kind === 'gbk' || kind === 'gbk-says-utf8' ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8'));
    titles.set(file, title);
  }
  for (let i = 0; i < 5; i++) {
    const binary = join(dir, `bad-binary-${i}.html`);
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...Array.from({ length: 200 }, (_, k) => (k * 37 + i) & 0xff)]));
    broken.set(binary, /^binary file, not an HTML page$/);
    const empty = join(dir, `bad-empty-${i}.html`);
    writeFileSync(empty, '');
    broken.set(empty, /^empty file$/);
    // Cut inside the <title> tag: nothing of the article remains.
    const truncated = join(dir, `bad-truncated-${i}.html`);
    writeFileSync(truncated, page(i, 'utf-8').html.slice(0, page(i, 'utf-8').html.indexOf('<title>') + 4));
    broken.set(truncated, /^no article found/);
  }
  for (let i = 0; i < 4; i++) {
    const dangling = join(dir, `bad-dangling-${i}.html`);
    symlinkSync(join(dir, `missing-${i}.html`), dangling);
    broken.set(dangling, /^no such file or directory$/);
  }
  // A directory whose name looks like a page: searched, not read as a page (it holds nothing).
  mkdirSync(join(dir, 'x.html'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('qingdu extract on a directory of many pages (1 000 with QINGDU_BATCH_PAGES=1000)', () => {
  it('keeps going past broken pages, prints one JSON line per page, lists the failures on stderr and exits 1', () => {
    const started = Date.now();
    const r = qingdu('extract', dir);
    console.log(`qingdu extract: ${TOTAL} pages in ${Date.now() - started} ms`);
    const records = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; ok: boolean; title?: string; error?: string });
    expect(broken.size).toBe(BROKEN);
    expect(records).toHaveLength(TOTAL);
    expect(records.filter((x) => x.ok)).toHaveLength(GOOD);
    for (const record of records) {
      if (broken.has(record.file)) {
        expect(record.ok, record.file).toBe(false);
        expect(record.error, record.file).toMatch(broken.get(record.file)!);
      } else {
        // Every encoding, declared rightly or wrongly, gives the right Chinese title.
        expect(record, record.file).toMatchObject({ ok: true, title: titles.get(record.file) });
      }
    }
    expect(records.some((x) => x.file.endsWith('x.html'))).toBe(false);
    const failures = r.stderr.trim().split('\n');
    expect(failures[0]).toBe(`qingdu: ${BROKEN} of ${TOTAL} inputs failed:`);
    expect(failures.slice(1).map((line) => line.trim().split(': ')[0]).sort()).toEqual([...broken.keys()].sort());
    expect(r.status).toBe(1);
  }, 600_000);

  it('exits 0 with only good pages', () => {
    const good = mkdtempSync(join(tmpdir(), 'qingdu-good-'));
    for (let n = 0; n < 8; n++) {
      const kind = KINDS[n % KINDS.length]!;
      const { html } = page(n, kind === 'gbk' ? 'gbk' : kind === 'utf8-says-gb2312' ? 'gb2312' : 'utf-8');
      writeFileSync(join(good, `p${n}.html`), kind === 'gbk' || kind === 'gbk-says-utf8' ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8'));
    }
    const r = qingdu('extract', good);
    expect(r.stdout.trim().split('\n')).toHaveLength(8);
    expect(r.stderr.trim()).toBe('qingdu: 8 pages extracted');
    expect(r.status).toBe(0);
    rmSync(good, { recursive: true, force: true });
  });
});
