// The benchmark. Every figure is a whole process of the shipped bundle (dist/cli/index.js), as the
// Action and the CLI run it, timed by CPU (user + system, git included) and peak RSS from
// /usr/bin/time, interleaved round by round with the limit (bench/limit.mjs: each distinct blob of
// both revisions read from git once and tokenized once with the same tokenizer) so that machine noise
// hits both alike. Cases: the five shared corpus pairs (skipped cleanly when ../shared is absent), a
// synthetic 10,000-file / ~50 MB-per-side marketplace built from real prose (bench/prose.mjs), and
// three frameworks shaped unlike any of those (bench/unseen.mjs).
// Each run's exit status and output are checked: a crash, a wrong verdict or a count that differs
// between runs is an error, never a figure. Cold runs use no cache; three warm runs use a cache
// folder filled by an earlier run: counts and digests only (snapshots removed before each run), the
// base's snapshot too (a new head on a seen base), and both snapshots (the same commits again).
//
// Usage: npm run bench -- [--quick] [--rounds N] [--only TEXT] [--large] [--peers] [--profile] [--cli PATH]
//   --quick    3 rounds, synthetic 2,000 files      --large    adds the 50,000-file marketplace
//   --peers    also repomix (pinned, whole process on each side, token counting on)
//   --profile  CPU profile of one cold diff per case (build/, readable names): top self-time entries
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { proseDirs, synthetic } from './synthetic.mjs';
import { unseen } from './unseen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const corpora = path.resolve(root, '../shared/corpora');
// --cli PATH: another build of the CLI (e.g. an earlier commit's dist/cli/index.js), for before/after tables.
const cli = path.resolve(process.argv.includes('--cli') ? process.argv[process.argv.indexOf('--cli') + 1] : path.join(root, 'dist/cli/index.js'));
const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const opt = (f) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : undefined);
const quick = flag('--quick');
const ROUNDS = Number(opt('--rounds') ?? (quick ? 3 : 5));
const only = opt('--only');
const REPOMIX = 'repomix@1.18.1';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' };
const sh = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv, maxBuffer: 1 << 30 }).trim();

/** A git repository whose two commits are the base and head trees. */
function repoOf(baseDir, headDir) {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'cb-bench-repo-'));
  sh(repo, 'init', '-q', '-b', 'main');
  sh(repo, 'config', 'gc.auto', '0');
  cpSync(baseDir, repo, { recursive: true, verbatimSymlinks: true });
  sh(repo, 'add', '-A');
  sh(repo, 'commit', '-qm', 'base');
  const base = sh(repo, 'rev-parse', 'HEAD');
  for (const e of readdirSync(repo)) if (e !== '.git') rmSync(path.join(repo, e), { recursive: true, force: true });
  cpSync(headDir, repo, { recursive: true, verbatimSymlinks: true });
  sh(repo, 'add', '-A');
  sh(repo, 'commit', '-qm', 'head');
  const head = sh(repo, 'rev-parse', 'HEAD');
  const headBytes = sh(repo, 'ls-tree', '-r', '-l', 'HEAD')
    .split('\n')
    .reduce((a, l) => a + (Number(l.split(/\s+/)[3]) || 0), 0);
  // Packed, as a clone is (actions/checkout fetches a pack).
  sh(repo, 'gc', '-q');
  return { repo, base, head, headBytes };
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * One whole process: CPU seconds (user + system of it and its children, git included), wall seconds,
 * peak RSS (MB) of the largest process, exit status and stdout. Without GNU time, CPU comes from bash's
 * `times` and peak RSS is not known.
 */
function measured(cmd, args, { cwd } = {}) {
  const outFile = path.join(os.tmpdir(), `cb-bench-time-${process.pid}`);
  let r;
  let cpu;
  let wall;
  let rss = null;
  if (TIME) {
    r = spawnSync(TIME, ['-o', outFile, '-f', '%e %U %S %M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    const last = readFileSync(outFile, 'utf8').trim().split('\n').pop();
    const [e, u, s, m] = last.split(' ').map(Number);
    [wall, cpu, rss] = [e, u + s, m / 1024];
  } else {
    const t0 = performance.now();
    r = spawnSync('bash', ['-c', '"$@"; rc=$?; times >&2; exit $rc', 'bench', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    wall = (performance.now() - t0) / 1000;
    const [, children] = r.stderr.trim().split('\n').slice(-2);
    cpu = children
      .split(' ')
      .map((x) => /(\d+)m([\d.]+)s/.exec(x))
      .reduce((a, m) => a + Number(m[1]) * 60 + Number(m[2]), 0);
  }
  return { cpu, wall, rss, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A diff run, checked: exit 0, or 1 exactly when the verdict is fail; the same figures every time. */
function diffRun(c, extra, expect) {
  const m = measured(process.execPath, [cli, 'diff', c.base, c.head, '--dir', c.repo, '--json', ...extra]);
  let report;
  try {
    report = JSON.parse(m.stdout);
  } catch {
    throw new Error(`${c.label}: diff ${extra.join(' ')} exited ${m.status} without a JSON report: ${m.stderr.slice(0, 400)}`);
  }
  if (!(m.status === 0 || (m.status === 1 && report.verdict === 'fail')))
    throw new Error(`${c.label}: diff exited ${m.status} with verdict ${report.verdict}: ${m.stderr.slice(0, 400)}`);
  const figures = JSON.stringify([report.verdict, report.diff, report.results]);
  if (expect.figures === undefined) expect.figures = figures;
  else if (expect.figures !== figures) throw new Error(`${c.label}: diff ${extra.join(' ')} gave different figures from an earlier run`);
  m.report = report;
  return m;
}

function limitRun(c, expect, ours = false) {
  const m = measured(process.execPath, [path.join(here, 'limit.mjs'), ...(ours ? ['--ours'] : []), c.repo, c.base, c.head]);
  if (m.status !== 0 || !/^\d+ \d+ \d+\n$/.test(m.stdout)) throw new Error(`${c.label}: the limit exited ${m.status}: ${m.stderr.slice(0, 400)}${m.stdout}`);
  const k = ours ? 'limitOurs' : 'limit';
  if (expect[k] === undefined) expect[k] = m.stdout;
  else if (expect[k] !== m.stdout) throw new Error(`${c.label}: the limit${ours ? " (tool's counting loop)" : ''} counted differently between runs`);
  const [blobs, bytes, tokens] = m.stdout.trim().split(' ').map(Number);
  return { ...m, blobs, bytes, tokens };
}

function repomixBin() {
  const prefix = path.join(os.tmpdir(), 'cb-bench-repomix-1.18.1');
  const bin = path.join(prefix, 'node_modules', 'repomix', 'bin', 'repomix.cjs');
  if (!existsSync(bin)) {
    const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, REPOMIX], { encoding: 'utf8' });
    if (r.status !== 0 || !existsSync(bin)) throw new Error(`--peers: could not install ${REPOMIX}: ${r.stderr.slice(0, 400)}`);
  }
  return bin;
}

/** repomix on both sides (it reads a directory, not git): two processes, CPU summed, output checked. */
function repomixRun(bin, c, tmp) {
  let cpu = 0;
  let rss = 0;
  for (const dir of [c.baseDir, c.headDir]) {
    const out = path.join(tmp, 'repomix.xml');
    rmSync(out, { force: true });
    const m = measured(process.execPath, [bin, '--no-security-check', '--quiet', '--token-count-encoding', 'o200k_base', '--output', out, dir]);
    if (m.status !== 0 || !existsSync(out) || statSync(out).size === 0) throw new Error(`${c.label}: repomix exited ${m.status}: ${m.stderr.slice(0, 400)}`);
    cpu += m.cpu;
    rss = Math.max(rss, m.rss ?? 0);
  }
  return { cpu, rss };
}

/** Top self-time entries of one cold diff, profiled on build/ (tsc output: readable function names). */
function profile(c, tmp) {
  const dir = path.join(tmp, 'prof');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, path.join(root, 'build/cli-entry.js'), 'diff', c.base, c.head, '--dir', c.repo, '--json', '--no-cache'],
    // In the main thread: a CPU profile sees only the thread it was started in.
    { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CONTEXT_BUDGET_IN_PROCESS: '1' } },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`profile failed: ${r.stderr}`);
  const prof = JSON.parse(readFileSync(path.join(dir, readdirSync(dir)[0]), 'utf8'));
  const dt = new Map();
  prof.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const self = new Map();
  let total = 0;
  for (const n of prof.nodes) {
    const t = dt.get(n.id) ?? 0;
    total += t;
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\/(node_modules\/)?/, '') : '';
    const key = `${f.functionName || '(anonymous)'} ${file}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + t);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
}

// ---------------------------------------------------------------- main
if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: npm run build');
const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `context-budget benchmark: ${os.cpus().length} x ${cpuModel}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${ROUNDS} interleaved rounds (median), CPU = user + system${TIME ? '' : ' (no /usr/bin/time: peak memory not measured)'}`,
);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cb-bench-'));
const cases = [];
const corpusNames = existsSync(corpora) ? readdirSync(corpora).filter((d) => existsSync(path.join(corpora, d, 'base'))) : [];
if (!corpusNames.length) console.log('(../shared/corpora absent: the real pairs are skipped)');
for (const name of corpusNames.sort()) cases.push({ label: name, baseDir: path.join(corpora, name, 'base'), headDir: path.join(corpora, name, 'head') });
const synth = [quick ? 20 : 100, ...(flag('--large') ? [500] : [])];
const prose = proseDirs();
for (const plugins of synth) {
  const b = path.join(tmp, `syn${plugins}-base`);
  const h = path.join(tmp, `syn${plugins}-head`);
  const sb = synthetic(b, { plugins }, 'base');
  synthetic(h, { plugins }, 'head');
  cases.push({ label: `synthetic marketplace, ${sb.files.toLocaleString('en')} files, ${(sb.bytes / 1e6).toFixed(0)} MB per side`, baseDir: b, headDir: h });
}
// Frameworks never seen before (bench/unseen.mjs), measured the same way.
cases.push(...unseen(tmp));
console.log(`synthetic prose: ${prose.label}`);
const selected = cases.filter((c) => !only || c.label.includes(only));
const rx = flag('--peers') ? repomixBin() : null;
const rows = [];
for (const c of selected) {
  Object.assign(c, repoOf(c.baseDir, c.headDir));
  const expect = {};
  // Three warm runs, each with its own cache folder filled by one untimed run:
  //   warm     token counts cached, no snapshot (removed before each run): an unseen pair of commits
  //   newHead  the base's snapshot cached, the head's removed: a new push to a pull request
  //   rerun    both snapshots cached: the same commits again
  const caches = {};
  for (const mode of ['warm', 'newHead', 'rerun']) {
    caches[mode] = path.join(tmp, `cache-${mode}`);
    rmSync(caches[mode], { recursive: true, force: true });
    diffRun(c, ['--cache-dir', caches[mode]], expect); // fills it (not timed)
  }
  const snapshotsOf = (mode) => path.join(caches[mode], 'snapshots-v1');
  const headEntries = (dir) =>
    existsSync(dir) ? readdirSync(dir).filter((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')).snapshot?.source?.commit === c.head) : [];
  const headSnapshot = headEntries(snapshotsOf('newHead'));
  const warmRun = (mode) => {
    if (mode === 'warm') rmSync(snapshotsOf(mode), { recursive: true, force: true });
    if (mode === 'newHead') for (const f of headSnapshot) rmSync(path.join(snapshotsOf(mode), f), { force: true });
    return diffRun(c, ['--cache-dir', caches[mode]], expect);
  };
  const runs = { limit: [], limitOurs: [], cold: [], warm: [], newHead: [], rerun: [] };
  const order = [
    ['limit', () => limitRun(c, expect)],
    ['limitOurs', () => limitRun(c, expect, true)],
    ['cold', () => diffRun(c, ['--no-cache'], expect)],
    ['warm', () => warmRun('warm')],
    ['newHead', () => warmRun('newHead')],
    ['rerun', () => warmRun('rerun')],
  ];
  for (let i = 0; i < ROUNDS; i++)
    for (let k = 0; k < order.length; k++) {
      const [name, run] = order[(i + k) % order.length]; // rotate who goes first
      runs[name].push(run());
    }
  const peer = rx ? repomixRun(rx, c, tmp) : null;
  const med = (name, key) => median(runs[name].map((r) => r[key]));
  const l = runs.limit[0];
  const rep = runs.cold[0].report;
  rows.push({
    label: c.label,
    blobs: l.blobs,
    tokens: l.tokens,
    tokensOurs: runs.limitOurs[0].tokens,
    mbPerSide: c.headBytes / 1e6,
    limit: med('limit', 'cpu'),
    limitOurs: med('limitOurs', 'cpu'),
    cold: med('cold', 'cpu'),
    warm: med('warm', 'cpu'),
    newHead: med('newHead', 'cpu'),
    rerun: med('rerun', 'cpu'),
    coldWall: med('cold', 'wall'),
    coldRss: med('cold', 'rss'),
    warmRss: med('warm', 'rss'),
    limitRss: med('limit', 'rss'),
    coldMin: Math.min(...runs.cold.map((r) => r.cpu / 1)),
    ratios: runs.cold.map((r, i) => r.cpu / runs.limit[i].cpu),
    peer,
    verdict: rep.verdict,
    eager: `${rep.diff.totals.eagerTokens.base.toLocaleString('en')} -> ${rep.diff.totals.eagerTokens.head.toLocaleString('en')}`,
  });
  if (flag('--profile')) {
    console.log(`\nprofile of one cold diff, ${c.label} (self time, build/):`);
    for (const line of profile(c, tmp)) console.log(`  ${line}`);
  }
  rmSync(c.repo, { recursive: true, force: true });
}

const f1 = (x) => x.toFixed(2);
const mb = (x) => (x === null || Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MB`);
console.log('');
console.log(
  `| case | blobs (both sides) | MB (head) | limit CPU | cold diff CPU | **cold / limit** | limit CPU, tool's counting loop | cold / that | warm: counts cached | new head, base seen | same commits again | cold wall | peak RSS cold / warm / limit |${rx ? ' repomix (both sides) | cold / repomix |' : ''}`,
);
console.log(`|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|${rx ? '--:|--:|' : ''}`);
for (const r of rows) {
  const lo = Math.min(...r.ratios);
  const hi = Math.max(...r.ratios);
  console.log(
    `| ${r.label} | ${r.blobs.toLocaleString('en')} | ${r.mbPerSide.toFixed(1)} | ${f1(r.limit)} s | ${f1(r.cold)} s | **${f1(r.cold / r.limit)}x** (${f1(lo)}–${f1(hi)}) | ${f1(r.limitOurs)} s | ${f1(r.cold / r.limitOurs)}x | ${f1(r.warm)} s (${f1(r.warm / r.limit)}x) | ${f1(r.newHead)} s (${f1(r.newHead / r.limit)}x) | ${f1(r.rerun)} s (${f1(r.rerun / r.limit)}x) | ${f1(r.coldWall)} s | ${mb(r.coldRss)} / ${mb(r.warmRss)} / ${mb(r.limitRss)} |${r.peer ? ` ${f1(r.peer.cpu)} s, ${mb(r.peer.rss)} | ${f1(r.cold / r.peer.cpu)}x |` : ''}`,
  );
}
console.log('');
for (const r of rows)
  console.log(
    `${r.label}: verdict ${r.verdict}, always-loaded tokens ${r.eager}; the same figures in all ${ROUNDS * 4 + 3} diff runs; the limits counted ${r.tokens.toLocaleString('en')} and ${r.tokensOurs.toLocaleString('en')} tokens (long files are counted in pieces of 16K characters by the tool)`,
  );

// Start-up, as whole processes.
const tiny = path.join(root, '__fixtures__/example-base');
const startup = (args, expectOut) => {
  const xs = [];
  for (let i = 0; i < ROUNDS; i++) {
    const m = measured(process.execPath, args);
    if (m.status !== 0 || !expectOut.test(m.stdout)) throw new Error(`${args.join(' ')} exited ${m.status}: ${m.stderr.slice(0, 300)}`);
    xs.push(m);
  }
  return `${(median(xs.map((x) => x.wall)) * 1000).toFixed(0)} ms wall, ${(median(xs.map((x) => x.cpu)) * 1000).toFixed(0)} ms CPU`;
};
console.log('');
console.log('| start-up (whole process, median) | time |');
console.log('|---|--:|');
console.log(`| node -e 0 (floor) | ${startup(['-e', '0'], /^$/)} |`);
console.log(`| context-budget --help | ${startup([cli, '--help'], /^context-budget /)} |`);
console.log(`| context-budget analyze, tiny framework, no cache | ${startup([cli, 'analyze', tiny, '--no-cache'], /Always loaded \(eager\) tokens/)} |`);
rmSync(tmp, { recursive: true, force: true });
