// Hostile frameworks, one per class of the hostile-input issues (rounds two and three), each run as a whole
// process of the shipped CLI bundle (dist/cli/index.js) with its wall time, peak memory (RSS, from
// /usr/bin/time when present, else the child's resource usage), exit code and the diagnostic it gave.
// Usage: npm run bench:hostile-classes   (--quick: smaller sizes)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/index.js');
const quick = process.argv.includes('--quick');
const work = mkdtempSync(path.join(os.tmpdir(), 'cb-hostile-'));
const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' };

function dir(name, files) {
  const d = path.join(work, name);
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, p)), { recursive: true });
    writeFileSync(path.join(d, p), c);
  }
  return d;
}
const git = (d, ...args) => execFileSync('git', args, { cwd: d, env, maxBuffer: 1 << 30 });
function commit(d) {
  git(d, 'init', '-q');
  git(d, 'add', '-A');
  git(d, 'commit', '-qm', 'x');
}

const cases = [];
// 1. quadratic: a line of spaces before text
cases.push({ name: '1. 300 KB of spaces, then text, in CLAUDE.md', run: () => [dir('c1', { 'CLAUDE.md': `# T\n\n${' '.repeat(300_000)}x\n` })] });
// 2. exponential: comment lines before export const meta
cases.push({
  name: '2. 5,000 comment lines before `export const meta`',
  run: () => [dir('c2', { 'CLAUDE.md': '#\n', '.claude/workflows/w.js': '// c\n\n'.repeat(5000) + "export const meta = { name: 'w', description: 'd' };\n" })],
});
// 3. circular aliases
cases.push({
  name: '3. circular YAML aliases in front matter',
  run: () => [
    dir('c3', {
      'CLAUDE.md': '#\n',
      '.claude/skills/a/SKILL.md': '---\ndescription: &a [*a]\n---\nx\n',
      '.claude/agents/b.md': '---\nname: b\ndescription: ok\ntools: &t { x: *t }\n---\n',
    }),
  ],
});
// 4. symlink fan-out
cases.push({
  name: `4. ${quick ? 30 : 300} directory links to a folder of ${quick ? '5,000' : '50,000'} files (git)`,
  run: () => {
    const n = quick ? 5000 : 50_000;
    const files = { 'CLAUDE.md': '#\n', '.claude/skills/real/SKILL.md': '---\ndescription: d\n---\nx\n' };
    for (let i = 0; i < n; i++) files[`.claude/skills/real/f${i}.md`] = 'x\n';
    const d = dir('c4', files);
    for (let i = 0; i < (quick ? 30 : 300); i++) symlinkSync('real', path.join(d, `.claude/skills/l${i}`));
    commit(d);
    return [d, '--ref', 'HEAD'];
  },
});
// 5. unbounded reads: symlink blobs of many MB, and many large files
cases.push({
  name: `5a. three "symlinks" to a ${quick ? 40 : 400} MB blob (git)`,
  run: () => {
    const d = dir('c5a', { 'CLAUDE.md': '#\n' });
    commit(d);
    const big = path.join(work, 'big.bin');
    writeFileSync(big, Buffer.alloc((quick ? 40 : 400) * 1024 * 1024, 120));
    const blob = git(d, 'hash-object', '-w', big).toString().trim();
    for (const n of ['a', 'b', 'c']) git(d, 'update-index', '--add', '--cacheinfo', `120000,${blob},.claude/skills/${n}`);
    git(d, 'commit', '-qm', 'links');
    rmSync(big);
    return [d, '--ref', 'HEAD'];
  },
});
cases.push({
  name: `5b. ${quick ? 40 : 400} rules of 8 MB (git; ${quick ? '320 MB' : '3.2 GB'} in all)`,
  run: () => {
    const d = dir('c5b', { 'CLAUDE.md': '#\n' });
    const chunk = Buffer.alloc(8 * 1024 * 1024 - 1024, 97);
    for (let i = 0; i < (quick ? 40 : 400); i++) {
      mkdirSync(path.join(d, '.claude/rules'), { recursive: true });
      // Distinct blobs: a different first line each.
      writeFileSync(path.join(d, `.claude/rules/r${i}.md`), Buffer.concat([Buffer.from(`rule ${i}\n`), chunk]));
    }
    commit(d);
    rmSync(path.join(d, '.claude'), { recursive: true });
    return [d, '--ref', 'HEAD'];
  },
});
// 6. a config that tries to switch off a guard, with a symlink loop
cases.push({
  name: '6. limits.maxSymlinkHops: 2000000000 and a symlink loop',
  run: () => {
    const d = dir('c6', { 'CLAUDE.md': '#\n', '.github/context-budget.yml': 'limits:\n  maxSymlinkHops: 2000000000\n' });
    symlinkSync('b', path.join(d, 'a'));
    symlinkSync('a', path.join(d, 'b'));
    return [d];
  },
});
// 7. workflow commands in file names
cases.push({
  name: '7. `##[error]` and U+0085`::` in file names',
  run: () => [dir('c7', { 'CLAUDE.md': '#\n', '.claude/commands/##[error]x.md': 'x\n', '.claude/commands/\u0085::error::y.md': 'x\n' })],
});
// 10. a FIFO where a skill should be
cases.push({
  name: '10. a FIFO as a SKILL.md',
  run: () => {
    const d = dir('c10', { 'CLAUDE.md': '#\n' });
    mkdirSync(path.join(d, '.claude/skills/p'), { recursive: true });
    execFileSync('mkfifo', [path.join(d, '.claude/skills/p/SKILL.md')]);
    return [d];
  },
});

// Round three (issue 19): cost hidden behind links, submodules and LFS; hostile caches; names; --measure.
cases.push({
  name: `11. .claude/commands/all -> ../.. in a repository of ${quick ? '300' : '3,000'} Markdown files`,
  run: () => {
    const files = { 'CLAUDE.md': '#\n' };
    for (let i = 0; i < (quick ? 300 : 3000); i++) files[`docs/d${i % 50}/p${i}.md`] = `# Page ${i}\n\nSome documentation text.\n`;
    const d = dir('c11', files);
    mkdirSync(path.join(d, '.claude/commands'), { recursive: true });
    symlinkSync('../..', path.join(d, '.claude/commands/all'));
    return [d];
  },
});
cases.push({
  name: '12. .claude/skills as a submodule (gitlink)',
  run: () => {
    const d = dir('c12', { 'CLAUDE.md': '#\n', '.claude/skills/s/SKILL.md': '---\ndescription: d\n---\nx\n' });
    git(path.join(d, '.claude/skills'), 'init', '-q');
    git(path.join(d, '.claude/skills'), 'add', '-A');
    git(path.join(d, '.claude/skills'), 'commit', '-qm', 'x');
    commit(d);
    return [d, '--ref', 'HEAD'];
  },
});
cases.push({
  name: '13. CLAUDE.md as a Git LFS pointer',
  run: () => [dir('c13', { 'CLAUDE.md': `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 120000\n` })],
});
cases.push({
  name: '14. FIFOs in place of every cache file (--cache-dir)',
  run: () => {
    const d = dir('c14', { 'CLAUDE.md': '# P\n\nText.\n' });
    const cache = path.join(work, 'c14-cache');
    mkdirSync(path.join(cache, 'snapshots-v1'), { recursive: true });
    for (const f of ['token-counts-v1.json', 'digests-v1.json']) execFileSync('mkfifo', [path.join(cache, f)]);
    return { args: [d], cache };
  },
});
cases.push({
  name: `15. ${quick ? 800 : 8000} skills (a listing far over budget)`,
  run: () => {
    const files = { 'CLAUDE.md': '#\n' };
    for (let i = 0; i < (quick ? 800 : 8000); i++) files[`.claude/skills/s${i}/SKILL.md`] = `---\ndescription: Skill ${i} does one careful thing.\n---\nx\n`;
    return [dir('c15', files)];
  },
});
cases.push({
  name: '16. seven agents named codereviewer with invisible characters',
  run: () => {
    const files = { 'CLAUDE.md': '#\n' };
    ['\u200b', '\u200e', '\u2060', '\ufeff', '\u{e0041}', '\u2028', '\u00ad'].forEach((c, i) => {
      files[`.claude/agents/a${i}.md`] = `---\nname: "code${c}reviewer"\ndescription: Reviews ${i}\n---\nx\n`;
    });
    return [dir('c16', files)];
  },
});

const hasTime = existsSync('/usr/bin/time');
console.log(
  `context-budget hostile classes (${quick ? 'quick' : 'full'} sizes): whole processes of dist/cli/index.js, ${os.cpus().length} x ${os.cpus()[0]?.model.trim()}, node ${process.version}`,
);
console.log('| class | wall s | peak RSS MB | exit | what it said |');
console.log('|---|--:|--:|--:|---|');
for (const c of cases) {
  const made = c.run();
  const args = Array.isArray(made) ? made : made.args;
  const argv = ['analyze', ...args, ...(Array.isArray(made) ? ['--no-cache'] : ['--cache-dir', made.cache])];
  const t0 = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...argv], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
  const wall = (performance.now() - t0) / 1000;
  const rss = hasTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
  const stderr = r.stderr
    .trim()
    .split('\n')
    .filter((l) => !/^\d+$/.test(l));
  const said = (r.stdout.match(/^(error|warning) +\S+ (.*)$/m)?.[2] ?? (stderr[0] || 'analyzed; no warning')).slice(0, 110);
  const leaked = /^[\s\u0085]*::|##\[/m.test(r.stdout) ? ' LEAKED A WORKFLOW COMMAND' : '';
  console.log(
    `| ${c.name} | ${wall.toFixed(1)} | ${Number.isFinite(rss) ? rss.toFixed(0) : '?'} | ${r.status ?? r.signal} | ${said.replace(/\|/g, '\\|')}${leaked} |`,
  );
}
rmSync(work, { recursive: true, force: true });
