/**
 * What every loader shares (src/analyze/loaders/context.ts): resolving an @reference (folders,
 * files Claude Code does not import, links that loop or leave the repository), a file reached twice,
 * values that are not what a file should hold (issue 24: these mutants survived the analyzer's own
 * tests).
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeDir, analyzeFiles, cleanup, file, plugin, tmpDir, writeFiles } from '../helpers.js';

const unresolved = (s: Snapshot) =>
  s.graph.unresolved.map((u) => `${u.from}:${u.line} ${u.ref} ${u.reason}${u.resolved ? ` -> ${u.resolved}` : ''}${u.noFolder ? ' (no folder)' : ''}`);
const diags = (s: Snapshot) =>
  s.diagnostics.filter((d) => d.code.startsWith('import-')).map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}: ${d.message}`);

describe('an @import', () => {
  it('of a folder is not a file: unresolved, and no warning (it may be a mention)', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n@docs\n', 'docs/a.md': 'A.\n' });
    expect(unresolved(s)).toEqual(['CLAUDE.md:2 docs missing']);
    expect(diags(s)).toEqual([]);
    expect(s.files.map((f) => f.path)).not.toContain('docs');
  });

  it('of a file Claude Code does not import (an image) is skipped when it exists, and nothing when it does not', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n@docs/chart.png\n@docs/none.png\n', 'docs/chart.png': 'PNG' });
    expect(unresolved(s)).toEqual(['CLAUDE.md:2 docs/chart.png skipped -> docs/chart.png']);
    expect(diags(s)).toEqual([]);
  });

  it('through a symlink loop, or a symlink out of the repository: unresolved, and a warning that says which', async () => {
    const dir = tmpDir();
    try {
      writeFiles(dir, { 'CLAUDE.md': '# P\n@docs/a.md\n@docs/out.md\n', 'docs/keep.md': 'Keep.\n' });
      symlinkSync('b.md', path.join(dir, 'docs/a.md'));
      symlinkSync('a.md', path.join(dir, 'docs/b.md'));
      symlinkSync('/etc/hostname', path.join(dir, 'docs/out.md'));
      const s = await analyzeDir(dir);
      expect(unresolved(s).filter((u) => u.startsWith('CLAUDE.md'))).toEqual(['CLAUDE.md:2 docs/a.md loop', 'CLAUDE.md:3 docs/out.md external']);
      expect(diags(s)).toEqual([
        'warning import-loop CLAUDE.md:2: @docs/a.md is a symlink loop: not loaded',
        'warning import-external CLAUDE.md:3: @docs/out.md leads outside the repository through a symlink (never read): not loaded',
      ]);
    } finally {
      cleanup(dir);
    }
  });

  it("a command's @file reference that does not exist is unresolved without a warning (an import's is warned about)", async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n@docs/gone.md\n', '.claude/commands/c.md': '---\ndescription: C.\n---\nRead @docs/none.md\n' });
    expect(unresolved(s)).toEqual(['CLAUDE.md:2 docs/gone.md missing (no folder)', '.claude/commands/c.md:4 docs/none.md missing (no folder)']);
    expect(diags(s)).toEqual(['warning import-missing CLAUDE.md:2: @docs/gone.md does not exist in the repository: not loaded']);
  });
});

describe('a file reached twice', () => {
  it('not loaded one way and on demand the other is on demand, whichever comes first', async () => {
    // AGENTS.md beside a CLAUDE.md is not loaded as memory; a command's @reference reads it on invocation.
    const files = { 'CLAUDE.md': '# P\n', 'AGENTS.md': 'Agents.\n', '.claude/commands/c.md': '---\ndescription: C.\n---\nRead @AGENTS.md\n' };
    for (const order of [files, Object.fromEntries(Object.entries(files).reverse())])
      expect(file(await analyzeFiles(order), 'AGENTS.md')).toMatchObject({ loading: 'on-demand', kind: 'resource' });
  });
});

describe('values that are not what the file should hold', () => {
  it('nulls in settings are ignored', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/skills/a/SKILL.md': '---\ndescription: A.\n---\n',
      '.claude/settings.json': JSON.stringify({ skillOverrides: null, env: null, hooks: null, claudeMdExcludes: null }),
    });
    expect(s.listings.skills.items.map((i) => i.text)).toEqual(['- a: A.']);
    // A file that is not loaded still shows what it would cost.
    expect(file(s, '.claude/settings.json').tokens).toBeGreaterThan(0);
  });

  it("a manifest's list of paths keeps the strings only", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit', { 'extra/a.md': '---\ndescription: A.\n---\n' }, { commands: [7, './extra/a.md', null] }),
    });
    expect(s.listings.skills.items.map((i) => i.name)).toEqual(['kit:a']);
  });

  it('a rule scoped to "/**" keeps that glob as written', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/rules/r.md': '---\npaths: ["/**", "src/**"]\n---\nRule.\n' });
    expect(file(s, '.claude/rules/r.md').reason).toBe('rule with paths: /**, src; loaded when matching files are touched');
  });
});
