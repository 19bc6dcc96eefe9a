#!/usr/bin/env node
// The optimizer on every corpus of ../shared/corpora (and the bundled example), each side copied
// into a fresh git repository: the plan's size, predicted against achieved always-loaded tokens
// after --apply, and the built CLI's wall time and peak memory for the plan and for --apply.
//   node bench/optimize.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli', 'index.js');
const corpora = path.resolve(root, '..', 'shared', 'corpora');
const cases = [{ name: 'example-head', dir: path.join(root, '__fixtures__', 'example-head') }];
if (existsSync(corpora)) {
  for (const c of readdirSync(corpora).sort())
    if (statSync(path.join(corpora, c)).isDirectory())
      for (const side of ['base', 'head']) cases.push({ name: `${c} ${side}`, dir: path.join(corpora, c, side) });
} else console.log(`(${corpora} is absent: the bundled example only)`);

/** Runs the CLI under /usr/bin/time: its output, wall seconds and peak RSS in MB. */
function timed(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const [s, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { out: r.stdout, code: r.status, seconds: s, mb: Math.round(kb / 1024) };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cb-bench-optimize-'));
console.log('| framework | steps (kinds) | refused | predicted | achieved | plan s / MB | --apply s / MB |');
console.log('|---|---|--:|--:|--:|--:|--:|');
try {
  for (const c of cases) {
    const dir = path.join(tmp, c.name.replace(/\W+/g, '-'));
    cpSync(c.dir, dir, { recursive: true, verbatimSymlinks: true });
    const git = (...a) => execFileSync('git', a, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.email=b@b', '-c', 'user.name=bench', 'commit', '-q', '-m', 'base');
    const plan = timed(['optimize', dir, '--json', '--no-cache']);
    const p = JSON.parse(plan.out);
    const kinds = [...new Set(p.steps.map((s) => s.kind))].join(', ');
    const applied = timed(['optimize', dir, '--apply', '--json', '--no-cache']);
    const all = JSON.parse(applied.out).applied?.results.find((r) => r.kind === 'all');
    console.log(
      `| ${c.name} | ${p.steps.length}${kinds ? ` (${kinds})` : ''} | ${p.refused.length} | ${all ? -all.predicted.eagerTokens : 0} | ${all ? -all.achieved.eagerTokens : 0} | ${plan.seconds} / ${plan.mb} | ${applied.seconds} / ${applied.mb} |`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
