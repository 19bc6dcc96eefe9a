// Replays a repository's recent framework commits as pull requests (first parent -> commit) and
// prints, per build of the CLI, what a maintainer meets in the first week: verdicts, whether the exit
// code matches the verdict, comment sizes (the sticky comment is capped at 65,536; the bar is
// 12,000), recommendations shown both as new and as resolved, and wall time per diff.
//
// Usage: node bench/replay.mjs --repo DIR [--repo DIR ...] [--commits 30] [--cli PATH ...] [--model ID]
//   DIR: a git repository (a bare mirror is cloned, objects shared, no checkout)
//   --cli: builds to compare (default dist/cli/index.js); e.g. an earlier commit's dist, unpacked
//          with `git archive <commit> dist | tar -x -C /tmp/old`
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const many = (f) => argv.flatMap((a, i) => (argv[i - 1] === f ? [a] : []));
const one = (f, d) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : d);
const repos = many('--repo');
const clis = many('--cli').length ? many('--cli').map((c) => path.resolve(c)) : [path.join(root, 'dist/cli/index.js')];
const N = Number(one('--commits', '30'));
const model = one('--model', '');
if (!repos.length) {
  console.error('usage: node bench/replay.mjs --repo DIR [--repo DIR] [--commits N] [--cli PATH ...] [--model ID]');
  process.exit(2);
}

/** Paths Claude Code (or a plugin marketplace) loads from: a commit touching one is a framework commit. */
const FRAMEWORK = /(^|\/)(CLAUDE(\.local)?\.md|AGENTS\.md|\.claude\/|\.claude-plugin\/|\.mcp\.json$|skills\/|agents\/|commands\/)/;

function workTree(dir) {
  const bare = execFileSync('git', ['-C', dir, 'rev-parse', '--is-bare-repository'], { encoding: 'utf8' }).trim() === 'true';
  if (!bare) return dir;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cb-replay-'));
  execFileSync('git', ['clone', '-q', '--shared', '--no-checkout', dir, tmp]);
  return tmp;
}

function frameworkCommits(dir) {
  const log = execFileSync('git', ['-C', dir, 'log', '--first-parent', '--no-merges', '--no-renames', '--format=%H', '--name-only', '-n', '2000', 'HEAD'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const out = [];
  for (const block of log.split(/\n(?=[0-9a-f]{40}\n)/)) {
    const [sha, ...files] = block.trim().split('\n');
    if (files.some((f) => FRAMEWORK.test(f))) out.push(sha);
    if (out.length >= N) break;
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

function run(cli, dir, sha, format) {
  const args = [cli, 'diff', `${sha}~1`, sha, '--dir', dir, format, '--no-cache', ...(model ? ['--model', model] : [])];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', ms: performance.now() - t0 };
}

const rows = [];
for (const repo of repos) {
  const dir = workTree(path.resolve(repo));
  const commits = frameworkCommits(dir);
  for (const cli of clis) {
    if (!existsSync(cli)) throw new Error(`no CLI at ${cli}`);
    const verdicts = { pass: 0, warn: 0, fail: 0, error: 0 };
    let exitMismatch = 0;
    let newAndResolved = 0;
    let over12k = 0;
    const sizes = [];
    const times = [];
    const errors = [];
    for (const sha of commits) {
      const md = run(cli, dir, sha, '--markdown');
      const json = run(cli, dir, sha, '--json');
      times.push(md.ms);
      let report;
      try {
        report = JSON.parse(json.out);
      } catch {
        verdicts.error++;
        errors.push(`${sha.slice(0, 7)}: exit ${json.code}: ${(json.err || json.out).trim().split('\n').pop()}`);
        continue;
      }
      verdicts[report.verdict]++;
      if ((report.verdict === 'fail') !== (md.code === 1) || (md.code !== 0 && md.code !== 1)) exitMismatch++;
      sizes.push(md.out.length);
      if (md.out.length > 12_000) over12k++;
      const resolved = new Set((report.resolved ?? []).map((r) => r.key));
      if ((report.recommendations ?? []).some((r) => r.introduced && resolved.has(r.key))) newAndResolved++;
    }
    rows.push({
      repo: (path.basename(path.resolve(repo)) === 'repo' ? path.basename(path.dirname(path.resolve(repo))) : path.basename(path.resolve(repo))).replace(
        '+',
        '/',
      ),
      cli: cli.startsWith(root) ? path.relative(root, cli) : cli,
      commits: commits.length,
      verdicts: `${verdicts.pass} / ${verdicts.warn} / ${verdicts.fail}${verdicts.error ? ` / ${verdicts.error} errors` : ''}`,
      exitMismatch,
      comment: `${Math.round(median(sizes)).toLocaleString('en-US')} / ${Math.max(0, ...sizes).toLocaleString('en-US')}`,
      over12k,
      newAndResolved,
      time: `${(median(times) / 1000).toFixed(2)} s / ${(Math.max(0, ...times) / 1000).toFixed(2)} s`,
    });
    for (const e of errors.slice(0, 5)) console.error(`  ${e}`);
  }
}
console.log(
  '| repository | build | framework commits | pass / warn / fail | exit ≠ verdict | comment chars median / max | comments > 12,000 | new and resolved at once | time median / max |',
);
console.log('|---|---|--:|--:|--:|--:|--:|--:|--:|');
for (const r of rows)
  console.log(`| ${r.repo} | ${r.cli} | ${r.commits} | ${r.verdicts} | ${r.exitMismatch} | ${r.comment} | ${r.over12k} | ${r.newAndResolved} | ${r.time} |`);
