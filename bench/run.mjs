// The benchmark: `context-budget diff` from git revisions against the tokenizer's limit, a naive
// baseline and repomix, on the real wshobson/agents pair and a generated 10,000-file / 50 MB
// marketplace; plus cold starts. Prints a table. Run with `npm run bench` (compiles src/ to build/).
// Options: --quick (fewer rounds, smaller synthetic), --no-repomix.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthetic } from './synthetic.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const corpora = path.resolve(root, '../shared/corpora');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 2 : 5;

// ---------------------------------------------------------------- child cases
if (process.argv[2] === 'case') {
  const [, , , name, repo, base, head, baseDir, headDir] = process.argv;
  const rounds = Number(process.env.ROUNDS ?? 3);
  const out = await runCase(name, { repo, base, head, baseDir, headDir }, rounds);
  console.log(JSON.stringify({ ...out, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

async function runCase(name, c, rounds) {
  const times = [];
  const extra = {};
  if (name === 'diff' || name === 'diff-warm') {
    const { openSide, runDiff } = await import(path.join(root, 'build/pipeline.js'));
    const { normalizeConfig } = await import(path.join(root, 'build/config/load.js'));
    const { TokenCounter } = await import(path.join(root, 'build/tokenize/counter.js'));
    const { FileCountStore } = await import(path.join(root, 'build/tokenize/file-store.js'));
    const { loadTokenizer, TOKENIZER_NAME } = await import(path.join(root, 'build/tokenize/tokenizer.js'));
    const config = normalizeConfig({}, 'defaults');
    const storeFile = path.join(os.tmpdir(), `cb-bench-store-${process.pid}.json`);
    if (name === 'diff-warm') {
      // First run fills the persistent cache (not timed); then every timed run starts from it.
      const s = new FileCountStore(storeFile);
      await runDiff(await openSide(c.base, c.repo), await openSide(c.head, c.repo), config, new TokenCounter(loadTokenizer, TOKENIZER_NAME, s), 1);
      s.save();
    }
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const store = name === 'diff-warm' ? new FileCountStore(storeFile) : undefined;
      let loaded = false;
      const counter = new TokenCounter(async () => ((loaded = true), loadTokenizer()), TOKENIZER_NAME, store);
      const report = await runDiff(await openSide(c.base, c.repo), await openSide(c.head, c.repo), config, counter, 3);
      times.push(performance.now() - t0);
      extra.tokenized = counter.tokenized;
      extra.tokenizedMB = counter.tokenizedChars / 1e6;
      extra.tokenizerLoaded = loaded;
      extra.verdict = report.verdict;
      extra.eager = `${report.diff.totals.eagerTokens.base} -> ${report.diff.totals.eagerTokens.head}`;
    }
    rmSync(storeFile, { force: true });
  } else if (name === 'limit') {
    // Each distinct blob of both sides, read beforehand; only counting is timed.
    const { catFileBatch, git, parseLsTree } = await import(path.join(root, 'build/collect/git.js'));
    const shas = new Set();
    for (const rev of [c.base, c.head])
      for (const e of parseLsTree(await git(c.repo, ['ls-tree', '-r', '-l', '-z', rev]))) if (e.type === 'file') shas.add(e.sha);
    const blobs = [...(await catFileBatch(c.repo, [...shas])).values()].map((b) => b.toString('utf8'));
    const tl = performance.now();
    const m = await import('gpt-tokenizer/encoding/o200k_base');
    m.countTokens('warm up');
    extra.loadMs = performance.now() - tl;
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      let n = 0;
      for (const b of blobs) n += m.countTokens(b);
      times.push(performance.now() - t0);
      extra.blobs = blobs.length;
      extra.MB = blobs.reduce((a, b) => a + Buffer.byteLength(b), 0) / 1e6;
      extra.tokens = n;
    }
  } else if (name === 'naive') {
    // js-tiktoken, every file of both sides, file by file (read + encode).
    const { Tiktoken } = await import('js-tiktoken/lite');
    const ranks = (await import('js-tiktoken/ranks/o200k_base')).default;
    const enc = new Tiktoken(ranks);
    const files = [...walk(c.baseDir), ...walk(c.headDir)];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      let n = 0;
      for (const f of files) n += enc.encode(readFileSync(f, 'utf8')).length;
      times.push(performance.now() - t0);
      extra.files = files.length;
      extra.tokens = n;
    }
  }
  return { name, times, ...extra };
}

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== '.git') walk(p, out);
    } else if (e.isFile()) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------- helpers
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sh = (cwd, ...args) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' },
    maxBuffer: 1 << 30,
  }).trim();

/** A git repository whose two commits are the base and head trees. */
function repoOf(baseDir, headDir) {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'cb-bench-repo-'));
  sh(repo, 'init', '-q', '-b', 'main');
  cpSync(baseDir, repo, { recursive: true, verbatimSymlinks: true });
  sh(repo, 'add', '-A');
  sh(repo, 'commit', '-qm', 'base');
  const base = sh(repo, 'rev-parse', 'HEAD');
  for (const e of readdirSync(repo)) if (e !== '.git') rmSync(path.join(repo, e), { recursive: true, force: true });
  cpSync(headDir, repo, { recursive: true, verbatimSymlinks: true });
  sh(repo, 'add', '-A');
  sh(repo, 'commit', '-qm', 'head');
  const head = sh(repo, 'rev-parse', 'HEAD');
  return { repo, base, head };
}

function child(name, c, rounds) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'case', name, c.repo, c.base, c.head, c.baseDir, c.headDir], {
    encoding: 'utf8',
    env: { ...process.env, ROUNDS: String(rounds) },
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Median wall time of a whole process; a run that exits non-zero, or prints not what it should, is an error, never a figure. */
function timeProcess(args, runs = 5, expect = /./) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (!expect.test(r.stdout)) throw new Error(`${args.join(' ')} printed no ${expect}: ${r.stdout.slice(0, 200)}`);
  }
  return median(times);
}

function repomixBin() {
  if (process.argv.includes('--no-repomix')) return null;
  const prefix = path.join(os.tmpdir(), 'cb-bench-repomix');
  const bin = path.join(prefix, 'node_modules', 'repomix', 'bin', 'repomix.cjs');
  if (!existsSync(bin)) {
    const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, 'repomix@1'], { encoding: 'utf8' });
    if (r.status !== 0 || !existsSync(bin)) return null;
  }
  return bin;
}

// ---------------------------------------------------------------- main
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `context-budget benchmark: ${os.cpus().length} x ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, rounds ${ROUNDS} (median)`,
);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cb-bench-'));
const sets = [];
const wsh = path.join(corpora, 'wshobson__agents');
if (existsSync(wsh)) sets.push({ label: 'wshobson__agents (real pair)', baseDir: path.join(wsh, 'base'), headDir: path.join(wsh, 'head') });
else console.log('(../shared/corpora absent: the real pair is skipped)');
{
  const b = path.join(tmp, 'syn-base');
  const h = path.join(tmp, 'syn-head');
  const opts = quick ? { plugins: 20, scale: 1 } : { plugins: 100, scale: 1 };
  const n = synthetic(b, opts, 'base');
  synthetic(h, opts, 'head');
  sets.push({ label: `synthetic marketplace (${n} files/side)`, baseDir: b, headDir: h });
}
const repomix = repomixBin();
const results = [];
for (const s of sets) {
  Object.assign(s, repoOf(s.baseDir, s.headDir));
  const rounds = s.label.startsWith('synthetic') ? Math.min(ROUNDS, 3) : ROUNDS;
  const d = child('diff', s, rounds);
  // Peak memory of one diff, as the action runs it: a fresh process, one run.
  const once = child('diff', s, 1);
  const w = child('diff-warm', s, rounds);
  const l = child('limit', s, rounds);
  const n = child('naive', s, rounds);
  let rx = null;
  if (repomix) {
    const t = [];
    for (let i = 0; i < Math.min(rounds, 3); i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [repomix, '--no-security-check', '--quiet', '--output', path.join(tmp, 'repomix.xml'), s.headDir], {
        encoding: 'utf8',
      });
      t.push(performance.now() - t0);
      if (r.status !== 0) {
        t.length = 0;
        break;
      }
    }
    rx = t.length ? median(t) : null;
  }
  results.push({ s, d, w, l, n, rx, once });
}

console.log('');
console.log(
  '| framework | (1) diff from git | (1w) diff, warm cache | (2) limit: count distinct blobs once (+ tokenizer load, counted in the ratio) | (3) naive js-tiktoken per file | (4) repomix | (1)/(2) | (1)/(3) | (1)/(4) | peak RSS of one diff (fresh process) |',
);
console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const { s, d, w, l, n, rx, once } of results) {
  const [md, mw, mn] = [median(d.times), median(w.times), median(n.times)];
  const ml = median(l.times) + l.loadMs;
  console.log(
    `| ${s.label} | ${md.toFixed(0)} ms | ${mw.toFixed(0)} ms (tokenized ${w.tokenized}, tokenizer loaded: ${w.tokenizerLoaded}) | ${(ml - l.loadMs).toFixed(0)} ms + ${l.loadMs.toFixed(0)} ms load (${l.blobs} blobs, ${l.MB.toFixed(1)} MB) | ${mn.toFixed(0)} ms (${n.files} files) | ${rx === null ? 'n/a' : `${rx.toFixed(0)} ms`} | ${(md / ml).toFixed(2)} | ${(md / mn).toFixed(2)} | ${rx === null ? 'n/a' : (md / rx).toFixed(2)} | ${once.maxRssMB.toFixed(0)} MB |`,
  );
  console.log(
    `|   detail | verdict ${d.verdict}, eager ${d.eager}, tokenized ${d.tokenized} texts (${d.tokenizedMB.toFixed(1)} MB); peak ${d.maxRssMB.toFixed(0)} MB after ${d.times.length} runs in one process | peak ${w.maxRssMB.toFixed(0)} MB | peak ${l.maxRssMB.toFixed(0)} MB | peak ${n.maxRssMB.toFixed(0)} MB | | | | | |`,
  );
}

// Cold start, as whole processes.
const cli = path.join(root, 'dist/cli/index.js');
const tiny = path.join(root, '__fixtures__/example-base');
const help = timeProcess([cli, '--help'], 5, /^context-budget /);
const report = timeProcess([cli, 'analyze', tiny, '--no-cache', '--rounds', '1'], 5, /Always loaded \(eager\) tokens/);
const tokLoad = timeProcess(
  ['--input-type=module', '-e', "const m = await import('gpt-tokenizer/encoding/o200k_base'); console.log(m.countTokens('two words'));"],
  5,
  /^2\n/,
);
const node = timeProcess(['-e', '0'], 5, /^$/);
const warmCache = path.join(tmp, 'warm-cache');
spawnSync(process.execPath, [cli, 'analyze', tiny, '--cache-dir', warmCache]);
const warm = timeProcess([cli, 'analyze', tiny, '--cache-dir', warmCache, '--rounds', '1'], 5, /Always loaded \(eager\) tokens/);
console.log('');
console.log('| cold start (whole process, median of 5) | ms |');
console.log('|---|--:|');
console.log(`| node -e 0 (floor) | ${node.toFixed(0)} |`);
console.log(`| context-budget --help | ${help.toFixed(0)} |`);
console.log(`| tokenizer alone: load o200k_base and count two words | ${tokLoad.toFixed(0)} |`);
console.log(`| context-budget analyze (tiny framework, cold cache) | ${report.toFixed(0)} (tokenizer load + ${(report - tokLoad).toFixed(0)}) |`);
console.log(`| context-budget analyze (tiny framework, warm cache: no tokenizer) | ${warm.toFixed(0)} |`);
for (const s of sets) rmSync(s.repo, { recursive: true, force: true });
rmSync(tmp, { recursive: true, force: true });
