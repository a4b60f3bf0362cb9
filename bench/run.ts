/**
 * `npm run bench`: our extractArticle against vanilla @mozilla/readability (same version, same jsdom, same parsed
 * document, same run) over the sets in ../shared/corpus. See BENCHMARKS.md ("Method") for what is measured.
 *
 * Every set is split into dev and test pages (bench/split.ts). Targets are read on test; only dev pages are ever
 * shown one by one (--worst, --filter, the per-page JSON); test pages are seen in aggregate.
 *
 *   npm run bench                                   all sets, table and targets on stdout
 *   npm run bench -- --set zyte-aeb --set seed      some sets (or --set a,b)
 *   npm run bench -- --split dev                    one side only (dev or test)
 *   npm run bench -- --filter 163/ --limit 20       dev pages whose id contains a string; at most N pages per set
 *   npm run bench -- --json out.json                all figures, and per-page results of dev pages, as JSON
 *   npm run bench -- --write-md                     regenerate BENCHMARKS.md (--md-file to write elsewhere)
 *   npm run bench -- --worst                        also print the 10 worst dev pages per set
 *   npm run bench -- --jobs 1                       worker processes (default: min(2, CPUs))
 *   npm run bench -- --from-json out.json --write-md   re-render the report and BENCHMARKS.md from a saved run
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CODE_PATHS, git } from './git';
import { renderMarkdown, type RunInfo } from './markdown';
import {
  CLASS_HEADER,
  classLines,
  computeFigures,
  FAMILY_HEADER,
  familyLines,
  META_HEADER,
  MEMORY_HEADER,
  metaLines,
  memoryLines,
  RESULT_HEADER,
  resultLines,
  TARGET_HEADER,
  targetLines,
  textTable,
  workerLine,
  type Figures,
} from './report';
import { CORPUS_DIR, SETS, setByName } from './sets';
import { SPLITS, splitOf, type Split } from './split';
import { RULE_PACKS } from '../src/extract/types';
import { failed, type FromWorker, type PageRef, type PageResult, type ToWorker, type WorkerStats } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');

const HELP = `npm run bench -- [options]
  --set <name>       a set (repeat, or comma-separated); default all: ${SETS.map((s) => s.name).join(', ')}
  --split <side>     dev or test pages only (default both; targets are read on test)
  --without <pack>   leave a rule pack out of our extractor (repeat, or comma-separated): ${RULE_PACKS.join(', ')}
  --filter <text>    only dev pages whose id contains <text> (test pages are never picked by name)
  --limit <n>        at most n pages per set
  --json <file>      write all figures, and the per-page results of dev pages, as JSON
  --write-md         regenerate BENCHMARKS.md (keeps its browser and scale sections)
  --md-file <file>   where --write-md writes (default BENCHMARKS.md at the repo root)
  --worst            print the 10 worst dev pages per set
  --jobs <n>         worker processes (default min(2, CPUs))
  --timeout <s>      per-page limit before a worker is killed (default 300)
  --from-json <file> no run: print the report (and --write-md) from a file written by --json`;

const { values: opts } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    filter: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'string' },
    'write-md': { type: 'boolean' },
    'md-file': { type: 'string' },
    worst: { type: 'boolean' },
    jobs: { type: 'string' },
    timeout: { type: 'string' },
    'from-json': { type: 'string' },
    split: { type: 'string' },
    without: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
});

if (opts.help) {
  console.log(HELP);
  process.exit(0);
}
if (!existsSync(CORPUS_DIR)) {
  console.error(`bench: corpus not found at ${CORPUS_DIR} (../shared/corpus beside the repo)`);
  process.exit(1);
}

const setNames = opts.set?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean) ?? SETS.map((s) => s.name);
const sets = setNames.map(setByName);
const limit = opts.limit ? Number(opts.limit) : Infinity;
const jobs = Math.max(1, opts.jobs ? Number(opts.jobs) : Math.min(2, availableParallelism()));
const timeoutMs = (opts.timeout ? Number(opts.timeout) : 300) * 1000;

const without = opts.without?.flatMap((w) => w.split(',')).map((w) => w.trim()).filter(Boolean) ?? [];
for (const w of without) {
  if (!(RULE_PACKS as readonly string[]).includes(w)) {
    console.error(`bench: unknown pack ${w}; packs: ${RULE_PACKS.join(', ')}`);
    process.exit(1);
  }
}
// The workers read it at start (an environment variable: the ablation runs the same worker code).
process.env.QINGDU_BENCH_WITHOUT = without.join(',');
if (opts.split && !SPLITS.includes(opts.split as Split)) {
  console.error(`bench: --split is dev or test, not ${opts.split}`);
  process.exit(1);
}
// A page id is named only on dev pages: --filter selects among them, and a test page is never picked by name.
const onlySplit: Split | null = opts.filter ? 'dev' : ((opts.split as Split | undefined) ?? null);
type Job = PageRef & { split: Split };
const refs: Job[] = opts['from-json']
  ? []
  : sets.flatMap((s) =>
      s
        .list()
        .filter((id) => !opts.filter || id.includes(opts.filter))
        .map((id) => ({ set: s.name, id, split: splitOf(s.name, id, s.file(id)) }))
        .filter((ref) => !onlySplit || ref.split === onlySplit)
        .slice(0, limit),
    );
if (!refs.length && !opts['from-json']) {
  console.error('bench: no pages selected');
  process.exit(1);
}

// ---- workers ----

interface Worker {
  child: ChildProcess;
  current: Job | null;
  timer: NodeJS.Timeout | null;
  doneSent: boolean;
  finished: boolean;
}

const results: PageResult[] = [];
const stats: WorkerStats[] = [];
const warmups: number[] = [];
let next = 0;
let seq = 0;
const started = performance.now();
const loadAtStart = loadavg()[0]!;
const tty = process.stderr.isTTY;

function progress(r: PageResult): void {
  const n = results.length;
  const name = r.split === 'dev' ? `${r.set} ${r.id}` : `${r.set} (test page)`;
  if (tty) process.stderr.write(`\r\x1b[K[${n}/${refs.length}] ${name}`.slice(0, (process.stderr.columns || 100) - 1));
  else if (n % 250 === 0 || n === refs.length) process.stderr.write(`[${n}/${refs.length}] ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

function run(): Promise<void> {
  return new Promise((done) => {
    const workers = new Set<Worker>();
    const finish = (): void => {
      if (results.length === refs.length && [...workers].every((w) => w.finished)) done();
    };
    const assign = (w: Worker): void => {
      if (next >= refs.length) {
        w.current = null;
        w.doneSent = true;
        w.child.send({ type: 'done' } satisfies ToWorker);
        return;
      }
      const ref = refs[next++]!;
      w.current = ref;
      w.timer = setTimeout(() => {
        // A page that hangs: give up on it, kill this worker (ours) and start another.
        w.child.kill('SIGKILL');
      }, timeoutMs);
      w.child.send({ type: 'page', ref: { set: ref.set, id: ref.id }, split: ref.split, seq: seq++ } satisfies ToWorker);
    };
    const spawn = (): void => {
      const execArgv = [...process.execArgv];
      if (!execArgv.some((a) => a.includes('tsx'))) execArgv.push('--import', 'tsx');
      // The worker runs a minor GC before each timed call (default V8 heap settings otherwise).
      execArgv.push('--expose-gc');
      const child = fork(join(here, 'worker.ts'), [], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      const w: Worker = { child, current: null, timer: null, doneSent: false, finished: false };
      workers.add(w);
      child.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          warmups.push(msg.warmupMs);
          assign(w);
        } else if (msg.type === 'result') {
          if (w.timer) clearTimeout(w.timer);
          w.current = null;
          results.push(msg.result);
          progress(msg.result);
          assign(w);
        } else if (msg.type === 'stats') {
          stats.push(msg.stats);
        }
      });
      child.on('exit', (code, signal) => {
        if (w.timer) clearTimeout(w.timer);
        w.finished = true;
        if (w.current) {
          const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `worker exited (${signal ?? code})`;
          const r = failed(w.current, w.current.split, why);
          results.push(r);
          progress(r);
          w.current = null;
          if (next < refs.length || results.length < refs.length) spawn();
        } else if (!w.doneSent && ![...workers].some((x) => !x.finished)) {
          console.error(`bench: worker ${child.pid} exited (${signal ?? code}) before any page; giving up`);
          process.exit(1);
        }
        finish();
      });
    };
    for (let i = 0; i < Math.min(jobs, refs.length); i++) spawn();
  });
}

/** A hash of every file under src/ at the start of the run: the code measured, even on a dirty tree. */
function srcHash(): string {
  const hash = createHash('sha1');
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
  for (const f of files) hash.update(f.slice(ROOT.length)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 12);
}
const srcAtStart = opts['from-json'] ? '' : srcHash();

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

interface Saved {
  run: RunInfo;
  workers: WorkerStats[];
  pages: PageResult[];
}

/** A live run: the workers over the selected pages. */
async function measure(): Promise<Saved> {
  const commit = git(['rev-parse', '--short', 'HEAD'], ROOT) ?? 'unknown';
  const dirty = git(['status', '--porcelain', ...CODE_PATHS], ROOT);
  process.stderr.write(`bench: ${refs.length} pages from ${sets.map((s) => s.name).join(', ')}; ${jobs} worker(s)\n`);
  await run();
  if (tty) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  // Results in set order, then page order, whatever order the workers finished in.
  const order = new Map(refs.map((r, i) => [`${r.set}\u0000${r.id}`, i]));
  results.sort((a, b) => order.get(`${a.set}\u0000${a.id}`)! - order.get(`${b.set}\u0000${b.id}`)!);
  const commitAtEnd = git(['rev-parse', '--short', 'HEAD'], ROOT) ?? 'unknown';
  const info: RunInfo = {
    commit,
    ...(commitAtEnd !== commit ? { commitAtEnd } : {}),
    srcHash: srcAtStart,
    dirtyPaths: dirty === null ? null : dirty.split('\n').filter(Boolean).length,
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    ramGb: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.version,
    readability: version('@mozilla/readability'),
    jsdom: version('jsdom'),
    jobs,
    seconds,
    pages: results.length,
    sets: sets.map((s) => s.name),
    partial: Boolean(opts.filter || opts.limit || opts.set || opts.split || without.length),
    without,
    argv: process.argv.slice(2).join(' '),
    warmupMs: warmups,
    mainMaxRssKb: process.resourceUsage().maxRSS,
    loadavg: [loadAtStart, loadavg()[0]!, loadavg()[2]!],
  };
  return { run: info, workers: stats, pages: results };
}

/** The text report on stdout. */
function textReport(info: RunInfo, figures: Figures, workers: WorkerStats[], pageCount: number, fromJson?: string): string {
  const ts = figures.targets;
  const pass = ts.filter((t) => t.pass === true).length;
  const fail = ts.filter((t) => t.pass === false).length;
  const out: string[] = [];
  out.push(`Qingdu benchmark${info.without?.length ? ` WITHOUT ${info.without.join(', ')}` : ''}: commit ${info.commit}${info.dirtyPaths ? ` (+${info.dirtyPaths} uncommitted paths)` : ''}${info.commitAtEnd ? ` (HEAD moved to ${info.commitAtEnd} during the run)` : ''}, ${pageCount} pages, ${info.jobs} worker(s), ${info.seconds.toFixed(0)} s${fromJson ? ` (from ${fromJson}, run ${info.date.slice(0, 16)})` : ''}`);
  out.push(`machine load average (1 min) ${info.loadavg[0].toFixed(1)} at start, ${info.loadavg[1].toFixed(1)} at end, ${info.loadavg[2].toFixed(1)} over 15 min, on ${info.cores} cores`);
  out.push(`ours = extractArticle, vanilla = @mozilla/readability ${info.readability}, both on jsdom ${info.jsdom}; "apart" = pages read from script-revealed or missing text, "static" = the rest; targets are read on the test split`);
  out.push('', textTable(RESULT_HEADER, resultLines(figures.rows)));
  out.push('', `Targets: ${pass} pass, ${fail} fail`, textTable(TARGET_HEADER, targetLines(ts)));
  for (const c of figures.combined) {
    out.push('', `Metadata, ${c.split}, cms-zh-real + gne-zh + cms-zh-dev (${c.pages} distinct pages; non-articles rejected ${c.nonArticlesRejected}/${c.nonArticles}):`, textTable(META_HEADER, metaLines(c.meta)));
  }
  if (figures.classes.length) out.push('', 'Page classification:', textTable(CLASS_HEADER, classLines(figures.classes)));
  if (figures.families.length) out.push('', 'Family detection (real pages whose truth names the CMS):', textTable(FAMILY_HEADER, familyLines(figures.families)));
  out.push('', 'Memory and failures:', textTable(MEMORY_HEADER, memoryLines(figures.rows)));
  for (const w of workers) out.push(`  worker ${workerLine(w)}`);
  out.push(`  main process peak RSS ${(info.mainMaxRssKb / 1024).toFixed(0)} MB`);
  const { apart, failed: failedPages } = figures;
  if (apart.dev.length || apart.test) {
    out.push('', `Pages reported apart (${apart.dev.length} dev, listed; ${apart.test} test):`);
    for (const r of apart.dev) out.push(`  ${r.set} ${r.id}: ${r.detail}`);
  }
  if (failedPages.dev.length || failedPages.test) {
    out.push('', `Pages that failed, left out of every figure (${failedPages.dev.length} dev, listed; ${failedPages.test} test):`);
    for (const r of failedPages.dev) out.push(`  ${r.set} ${r.id}: ${r.detail}`);
  }
  if (opts.worst) {
    for (const [set, list] of Object.entries(figures.worst)) {
      if (!list.length) continue;
      out.push('', `Worst dev pages, ${set}:`);
      for (const w of list) out.push(`  ${w.score.toFixed(3)}  ${w.id}  ${w.why}`);
    }
  }
  return out.join('\n');
}

interface SavedRun {
  run: RunInfo;
  figures: Figures;
  workers: WorkerStats[];
  /** Per-page results of dev pages only. */
  pages: PageResult[];
}

async function main(): Promise<void> {
  let saved: SavedRun;
  if (opts['from-json']) {
    saved = JSON.parse(readFileSync(opts['from-json'], 'utf8')) as SavedRun;
  } else {
    const live = await measure();
    saved = { run: live.run, figures: computeFigures(live.pages, sets), workers: live.workers, pages: live.pages.filter((p) => p.split === 'dev') };
  }
  const { run: info, figures, workers } = saved;
  console.log(textReport(info, figures, workers, info.pages, opts['from-json']));

  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify(saved, null, 1));
    process.stderr.write(`bench: wrote ${opts.json} (per-page results of dev pages only)\n`);
  }
  if (opts['write-md']) {
    const file = resolve(opts['md-file'] ?? join(ROOT, 'BENCHMARKS.md'));
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    writeFileSync(file, renderMarkdown({ info, figures, workers, previous }));
    process.stderr.write(`bench: wrote ${file}${info.partial ? ' (partial run)' : ''}\n`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
