/**
 * What the analyzer could not measure, each named where it is and why (src/analyze/loaders/settings.ts:
 * reportUnmeasured, reportComponentLinks, reportLinks), in process: symlinks that point nowhere, out
 * of the repository or in a loop; links and submodules where Claude Code loads from; Git LFS pointers;
 * the run's own limits (issue 24: the hostile-input tests that cover these run outside the analyzer's
 * mutation suite).
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { DEFAULT_LIMITS, DEFAULT_MODEL } from '../../src/model/constants.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeDir, analyzeRef, cleanup, counter, gitInit, plugin, sh, tmpDir, writeFiles } from '../helpers.js';

const diags = (s: Snapshot, code: string) => s.diagnostics.filter((d) => d.code === code).map((d) => `${d.severity} ${d.file}: ${d.message}`);

/** A framework in a temporary folder with symlinks made by `link(dir)`, analyzed from the folder. */
async function withLinks(files: Record<string, string>, link: (dir: string) => void, opts: { limits?: typeof DEFAULT_LIMITS } = {}): Promise<Snapshot> {
  const dir = tmpDir();
  try {
    writeFiles(dir, files);
    link(dir);
    if (!opts.limits) return await analyzeDir(dir);
    return await analyze(worktreeSource(dir), { model: DEFAULT_MODEL, limits: opts.limits, toolVersion: 'test', loadTimeRounds: 1 }, counter);
  } finally {
    cleanup(dir);
  }
}

describe('symlinks that are not followed', () => {
  it('to nothing, out of the repository, or in a loop: each says so, none in node_modules; each is an unresolved reference', async () => {
    const s = await withLinks({ 'CLAUDE.md': '# P\n', 'docs/keep.md': 'Keep.\n' }, (d) => {
      symlinkSync('gone.md', path.join(d, 'docs/missing.md'));
      symlinkSync('/etc/hostname', path.join(d, 'docs/outside.md'));
      symlinkSync('b.md', path.join(d, 'docs/a.md'));
      symlinkSync('a.md', path.join(d, 'docs/b.md'));
      writeFiles(d, { 'node_modules/pkg/readme.md': 'x\n' });
      symlinkSync('gone.md', path.join(d, 'node_modules/pkg/broken.md'));
    });
    expect(s.diagnostics.filter((d) => d.code.startsWith('symlink-')).map((d) => `${d.severity} ${d.code} ${d.file}: ${d.message}`)).toEqual([
      'warning symlink-loop docs/a.md: symlink to "b.md" is a symlink loop',
      'warning symlink-loop docs/b.md: symlink to "a.md" is a symlink loop',
      'info symlink-missing docs/missing.md: symlink to "gone.md" points to nothing in the repository',
      'warning symlink-external docs/outside.md: symlink to "/etc/hostname" points outside the repository; never read',
    ]);
    expect(
      s.graph.unresolved
        .filter((u) => u.from.startsWith('docs/'))
        .map((u) => `${u.from} ${u.reason}`)
        .sort(),
    ).toEqual(['docs/a.md loop', 'docs/b.md loop', 'docs/missing.md missing', 'docs/outside.md external']);
    expect(diags(s, 'not-measurable')).toEqual([]);
  });

  it('a link out of the repository where Claude Code loads from cannot be measured; elsewhere it is only a warning', async () => {
    const s = await withLinks({ 'CLAUDE.md': '# P\n', '.claude/commands/own.md': 'Own.\n' }, (d) => {
      symlinkSync('/etc', path.join(d, '.claude/commands/system'));
      symlinkSync('/etc', path.join(d, 'docs-etc'));
    });
    expect(diags(s, 'not-measurable')).toEqual([
      'error .claude/commands/system: could not measure: symlink to "/etc", outside the repository, where Claude Code loads from; a checkout lists whatever is there',
    ]);
    // The component folder itself a link out of the repository.
    const whole = await withLinks({ 'CLAUDE.md': '# P\n' }, (d) => symlinkSync('/etc', path.join(d, '.claude-skills-out')));
    expect(diags(whole, 'not-measurable')).toEqual([]);
    const folder = await withLinks({ 'CLAUDE.md': '# P\n', '.claude/x.md': 'x\n' }, (d) => symlinkSync('/etc', path.join(d, '.claude/skills')));
    expect(diags(folder, 'not-measurable')).toEqual([
      'error .claude/skills: could not measure: symlink to "/etc", outside the repository, where Claude Code loads from; a checkout lists whatever is there',
    ]);
  });

  it('every component folder of the project and of a plugin counts; a link to nothing there is only a note', async () => {
    const folders = [
      '.claude/agents',
      '.claude/rules',
      '.claude/output-styles',
      ...['commands', 'agents', 'skills', 'output-styles', '.claude/commands', '.claude/agents', '.claude/skills'].map((d) => `plugins/kit/${d}`),
    ];
    const s = await withLinks({ 'CLAUDE.md': '# P\n', ...plugin('kit'), '.claude/commands/own.md': 'Own.\n' }, (d) => {
      for (const f of folders) {
        mkdirSync(path.join(d, f), { recursive: true });
        symlinkSync('/etc', path.join(d, f, 'out'));
      }
      symlinkSync('gone', path.join(d, '.claude/commands/missing'));
    });
    expect(diags(s, 'not-measurable').map((m) => m.slice(0, m.indexOf(':')))).toEqual(folders.map((f) => `error ${f}/out`).sort());
    // The whole .claude folder a link out of the repository.
    const whole = await withLinks({ 'CLAUDE.md': '# P\n' }, (d) => symlinkSync('/etc', path.join(d, '.claude')));
    expect(diags(whole, 'not-measurable').map((m) => m.slice(0, m.indexOf(':')))).toEqual(['error .claude']);
  });

  it('a link in a component folder to a folder that contains it, or through further links, cannot be measured', async () => {
    const ancestor = await withLinks({ 'CLAUDE.md': '# P\n', '.claude/commands/own.md': 'Own.\n' }, (d) =>
      symlinkSync('../..', path.join(d, '.claude/commands/all')),
    );
    expect(diags(ancestor, 'not-measurable')).toEqual([
      'error .claude/commands/all: could not measure: symlink to "../..", a folder that contains it; Claude Code follows it and lists every Markdown file under that folder (each real folder once)',
    ]);
    const further = await withLinks({ 'CLAUDE.md': '# P\n', 'docs/guide.md': 'Guide.\n', '.claude/commands/own.md': 'Own.\n' }, (d) => {
      symlinkSync('../docs', path.join(d, 'lib-docs'));
      symlinkSync('../../lib', path.join(d, '.claude/commands/lib'));
      writeFiles(d, { 'lib/readme.md': 'Lib.\n' });
      symlinkSync('../docs', path.join(d, 'lib/docs'));
    });
    expect(diags(further, 'not-measurable')).toEqual([
      'error .claude/commands/lib: could not measure: symlink to "../../lib", whose folder holds further directory links; Claude Code follows them and lists what they hold',
    ]);
    // The same links outside a component folder are measured as they are.
    const outside = await withLinks({ 'CLAUDE.md': '# P\n', 'docs/guide.md': 'Guide.\n' }, (d) => symlinkSync('..', path.join(d, 'docs/up')));
    expect(diags(outside, 'not-measurable')).toEqual([]);
  });
});

describe('submodules where Claude Code loads from', () => {
  const at = async (paths: string[], files: Record<string, string> = {}) => {
    const dir = tmpDir();
    try {
      writeFiles(dir, { 'CLAUDE.md': '# P\n', ...files });
      gitInit(dir);
      for (const p of paths) sh(dir, 'git', ['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},${p}`]);
      // Committed without `git add -A`, which would drop the gitlinks (no folder on disk).
      sh(dir, 'git', ['commit', '-qm', 'submodules']);
      const ref = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
      return diags(await analyzeRef(dir, ref), 'not-measurable');
    } finally {
      cleanup(dir);
    }
  };

  it('at a component folder, inside one, or holding one: could not measure; elsewhere nothing', async () => {
    expect(await at(['.claude/skills', 'vendor/lib'])).toEqual([
      'error .claude/skills: could not measure: a submodule (gitlink) at a path Claude Code loads from; its files are in another repository, not in this commit',
    ]);
    expect(await at(['.claude/commands/shared'])).toEqual([
      'error .claude/commands/shared: could not measure: a submodule (gitlink) at .claude/commands/shared, where Claude Code loads .claude/commands; its files are in another repository, not in this commit',
    ]);
    expect(await at(['AGENTS.md'])).toEqual([
      'error AGENTS.md: could not measure: a submodule (gitlink) at a path Claude Code loads from; its files are in another repository, not in this commit',
    ]);
    // Inside a plugin's folder, which Claude Code reads whole (a root SKILL.md, .mcp.json, hooks).
    expect(await at(['plugins/kit/vendor'], plugin('kit'))).toEqual([
      'error plugins/kit/vendor: could not measure: a submodule (gitlink) at plugins/kit/vendor, where Claude Code loads plugins/kit; its files are in another repository, not in this commit',
    ]);
    expect(await at(['.claude'])).toEqual([
      'error .claude: could not measure: a submodule (gitlink) at .claude, where Claude Code loads .claude/commands; its files are in another repository, not in this commit',
    ]);
    for (const p of ['CLAUDE.md', 'CLAUDE.local.md', '.claude-plugin'])
      expect(await at([p]), p).toEqual([
        `error ${p}: could not measure: a submodule (gitlink) at a path Claude Code loads from; its files are in another repository, not in this commit`,
      ]);
    // A name that only begins like one of those places is not one.
    expect(await at(['vendor/lib', 'AGENTS.md-old', '.claude-old', 'plugins/ki'], plugin('kit'))).toEqual([]);
  });
});

describe('what the run could not read', () => {
  it('a Git LFS pointer is an error naming it, counted as nothing', async () => {
    const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 12345\n';
    const dir = tmpDir();
    try {
      writeFiles(dir, { 'CLAUDE.md': '# P\n@docs/big.md\n', 'docs/big.md': pointer });
      const s = await analyzeDir(dir);
      expect(diags(s, 'unreadable')).toEqual([
        'error docs/big.md: a Git LFS pointer (the content is stored in LFS, not in the commit): not measured (counted as nothing)',
      ]);
    } finally {
      cleanup(dir);
    }
  });

  it('a limit of the run reached: an error on the repository, naming the limit and its value', async () => {
    const s = await withLinks({ 'CLAUDE.md': '# P\n@a.md\n@b.md\n', 'a.md': 'A'.repeat(300) + '\n', 'b.md': 'B'.repeat(300) + '\n' }, () => {}, {
      limits: { ...DEFAULT_LIMITS, maxTotalBytes: 400 },
    });
    expect(diags(s, 'limit-reached')).toEqual(['error .: could not measure: limit maxTotalBytes (400) reached; the rest of the framework was not read']);
    // The file past the limit is still in the report, its size known, its content (and hash) not.
    expect(s.files.find((f) => f.path === 'b.md')).toMatchObject({ bytes: 301, sha: '', tokens: 0 });
  });

  it('directory links past maxSymlinkExpansion: an error on the first link not followed, with how many', async () => {
    const files: Record<string, string> = { 'CLAUDE.md': '# P\n' };
    for (let i = 0; i < 5; i++) files[`real/f${i}.md`] = `F${i}.\n`;
    const s = await withLinks(
      files,
      (d) => {
        for (let i = 0; i < 4; i++) symlinkSync('real', path.join(d, `links-${i}`));
      },
      { limits: { ...DEFAULT_LIMITS, maxSymlinkExpansion: 12 } },
    );
    expect(diags(s, 'limit-reached')).toEqual([
      expect.stringMatching(
        /^error links-\d: could not measure: limit maxSymlinkExpansion \(12 paths through directory symlinks\) reached; \d+ directory links not followed$/,
      ),
    ]);
  });
});
