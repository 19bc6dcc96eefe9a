/**
 * Hostile input, round three (issue 19): cost every session pays must not pass by hiding it. Real
 * git repositories, the CLI's diff in process; each case failed (passed the gate) before its fix.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import type { GateReport } from '../../src/model/report.js';
import { cleanup, commitAll, gitInit, sh, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

/** A repository with a small framework (base), then `change` applied and committed (head). */
function pr(change: (dir: string) => void): string {
  const dir = tmpDir();
  dirs.push(dir);
  writeFiles(dir, {
    'CLAUDE.md': '# Project\n\nKeep it short.\n',
    '.claude/commands/deploy.md': '---\ndescription: Deploy\n---\nDeploy.\n',
    'docs/guide.md': '# Guide\n\n' + 'Long prose about the product. '.repeat(200) + '\n',
  });
  gitInit(dir);
  change(dir);
  commitAll(dir, 'head');
  return dir;
}

async function diff(dir: string): Promise<{ code: number; report: GateReport }> {
  let out = '';
  const code = await run({
    argv: ['diff', 'HEAD~1', 'HEAD', '--dir', dir, '--json', '--no-cache'],
    cwd: dir,
    env: {},
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: () => true },
  });
  return { code, report: JSON.parse(out) as GateReport };
}

const unmeasured = (r: GateReport) => r.results.find((x) => x.metric === 'unmeasured');

describe('3. cost passed silently', () => {
  it('a symlink from .claude/commands to an ancestor folder: could not measure, the gate fails', async () => {
    const dir = pr((d) => symlinkSync('../..', path.join(d, '.claude/commands/all')));
    const { code, report } = await diff(dir);
    expect(code).toBe(1);
    expect(unmeasured(report)).toMatchObject({ status: 'fail', introduced: true });
    expect(unmeasured(report)!.message + JSON.stringify(report.results)).toMatch(/\.claude\/commands\/all/);
  });

  it('the same for .claude/agents, and for a link whose folder holds further directory links', async () => {
    // .claude/agents -> .. (the repository root), and -> ../.. (outside it: whatever the checkout's parent holds).
    for (const target of ['..', '../..']) {
      const dir = pr((d) => symlinkSync(target, path.join(d, '.claude/agents')));
      expect((await diff(dir)).code, target).toBe(1);
    }
    const nested = pr((d) => {
      writeFiles(d, { 'lib/x.md': 'x\n' });
      symlinkSync('../docs', path.join(d, 'lib/docs'));
      symlinkSync('../../lib', path.join(d, '.claude/commands/lib'));
    });
    expect(unmeasured((await diff(nested)).report)?.status).toBe('fail');
  });

  it('control: a plain symlinked command folder (no loop, no further links) is measured and passes', async () => {
    const dir = pr((d) => {
      writeFiles(d, { 'shared/cmds/ship.md': '---\ndescription: Ship\n---\nShip.\n' });
      symlinkSync('../../shared/cmds', path.join(d, '.claude/commands/shared'));
    });
    const { code, report } = await diff(dir);
    expect(code).toBe(0);
    expect(unmeasured(report)?.status).toBe('pass');
  });

  it('a head that moves .claude/skills into a submodule (gitlink): could not measure', async () => {
    const dir = pr((d) => {
      // A nested repository where the skills are: `git add -A` records it as a gitlink.
      writeFiles(d, { '.claude/skills/deploy/SKILL.md': '---\ndescription: Deploy\n---\nBody\n' });
      gitInit(path.join(d, '.claude/skills'));
    });
    expect(sh(dir, 'git', ['ls-tree', 'HEAD', '.claude/skills'])).toMatch(/^160000 commit/);
    const { code, report } = await diff(dir);
    expect(code).toBe(1);
    expect(unmeasured(report)).toMatchObject({ status: 'fail' });
  });

  it('a CLAUDE.md stored in Git LFS (a pointer in the commit): could not measure, not a 55-token file', async () => {
    const dir = pr((d) =>
      writeFiles(d, {
        'CLAUDE.md': 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 120000\n',
      }),
    );
    const { code, report } = await diff(dir);
    expect(code).toBe(1);
    expect(unmeasured(report)).toMatchObject({ status: 'fail' });
  });
});

describe('6. names in every output', () => {
  it('format characters are shown, so agents that differ only by them read differently', async () => {
    const { md } = await import('../../src/render/escape.js');
    const invisible = ['\u200b', '\u200e', '\u2060', '\ufeff', '\u{e0041}', '\u2028', '\u00ad'];
    const names = invisible.map((c) => md(`code${c}reviewer`));
    expect(new Set(names).size).toBe(invisible.length);
    for (const n of names) expect(n).toMatch(/^code⟨U\\\+[0-9A-F]{4,5}⟩reviewer$/);
    expect(md('codereviewer')).toBe('codereviewer');
  });

  it('GH-123, URLs and www. names do not autolink or cross-reference', async () => {
    const { md } = await import('../../src/render/escape.js');
    expect(md('fixes GH-123 and gh-7')).not.toMatch(/GH-\d|gh-\d/);
    expect(md('https://github.com/o/r/issues/1')).not.toMatch(/https:\/\//);
    expect(md('see www.example.com')).not.toMatch(/www\./);
  });

  it('end to end: a rendered comment shows an agent named with a zero-width space as such', async () => {
    const dir = pr((d) =>
      writeFiles(d, {
        '.claude/agents/code\u200breviewer.md': `---\nname: code-reviewer\ndescription: Reviews GH-12 at https://github.com/o/r/issues/1 ${'carefully '.repeat(400)}\n---\nBody\n`,
      }),
    );
    let out = '';
    await run({
      argv: ['diff', 'HEAD~1', 'HEAD', '--dir', dir, '--markdown', '--no-cache'],
      cwd: dir,
      env: {},
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: () => true },
    });
    expect(out).toContain('code⟨U\\+200B⟩reviewer');
    expect(out).not.toMatch(/GH-\d|https:\/\/github\.com\/o\/r\/issues/);
  });
});
