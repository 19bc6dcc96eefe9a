/**
 * How the analyzer reads files and references (src/analyze/loaders/context.ts): what each
 * unresolvable @import says, files over the analysis limit or binary, JSON that does not parse (on
 * its line), a diagnostic said once, and a file reached two ways keeping its strongest loading
 * (issue 24: the words and edges these mutants changed had no in-process test).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { DEFAULT_LIMITS, DEFAULT_MODEL } from '../../src/model/constants.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeFiles, cleanup, counter, file, tmpDir, writeFiles } from '../helpers.js';

const messages = (s: Snapshot, code: string) => s.diagnostics.filter((d) => d.code === code).map((d) => `${d.file}:${d.line} ${d.severity} ${d.message}`);

describe('@imports that are not read', () => {
  it('each says why, on its line; a missing file without an extension is not warned about (it may be a mention)', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n@~/.claude/mine.md\n@/etc/hosts.md\n@../outside.md\n@docs/gone.md\n@someone\n@docs/gone.md again\n',
      'docs/here.md': 'Here.\n',
    });
    expect(messages(s, 'import-home')).toEqual([
      "CLAUDE.md:2 info @~/.claude/mine.md is in the user's home directory: user-specific, not resolvable from the repository (never read)",
    ]);
    expect(messages(s, 'import-external')).toEqual([
      'CLAUDE.md:3 warning @/etc/hosts.md is an absolute path outside the repository (never read)',
      'CLAUDE.md:4 warning @../outside.md resolves outside the repository (never read)',
    ]);
    expect(messages(s, 'import-missing')).toEqual([
      'CLAUDE.md:5 warning @docs/gone.md does not exist in the repository: not loaded',
      'CLAUDE.md:7 warning @docs/gone.md does not exist in the repository: not loaded',
    ]);
    // A folder that exists, or one that does not: the graph says which.
    const gone = s.graph.unresolved.find((u) => u.ref === 'docs/gone.md')!;
    expect(gone.noFolder).toBeUndefined();
    expect(s.graph.unresolved.find((u) => u.ref === 'someone')).toMatchObject({ reason: 'missing' });
    expect(s.graph.unresolved.find((u) => u.ref === 'someone')!.noFolder).toBeUndefined();
    const nowhere = await analyzeFiles({ 'CLAUDE.md': '# P\n@nowhere/x.md\n' });
    expect(nowhere.graph.unresolved).toEqual([expect.objectContaining({ ref: 'nowhere/x.md', noFolder: true })]);
  });

  it('the same import twice on one line is one diagnostic', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\nSee @docs/gone.md and @docs/gone.md.\n', 'docs/x.md': 'x\n' });
    expect(messages(s, 'import-missing')).toHaveLength(1);
  });
});

describe('files the analyzer does not read as text', () => {
  it('a file over limits.maxFileBytes is a warning and counts as nothing', async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'CLAUDE.md': '# P\n@docs/big.md\n', 'docs/big.md': 'x'.repeat(5_000) + '\n' });
    try {
      const s = await analyze(
        worktreeSource(dir),
        { model: DEFAULT_MODEL, toolVersion: 'test', loadTimeRounds: 1, limits: { ...DEFAULT_LIMITS, maxFileBytes: 1_000 } },
        counter,
      );
      expect(messages(s, 'oversized-file')).toEqual([
        'docs/big.md:1 warning 5001 bytes exceeds the analysis limit of 1000 bytes (limits.maxFileBytes): not read, counted as 0 tokens',
      ]);
      expect(s.files.map((f) => f.path)).toEqual(['CLAUDE.md']);
    } finally {
      cleanup(dir);
    }
  });

  it('a binary file is a warning naming it', async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'CLAUDE.md': '# P\n@docs/blob.md\n', 'docs/blob.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff, 0x00]) });
    try {
      const s = await analyze(worktreeSource(dir), { model: DEFAULT_MODEL, toolVersion: 'test', loadTimeRounds: 1 }, counter);
      expect(s.diagnostics).toContainEqual(expect.objectContaining({ file: 'docs/blob.md', code: 'binary-file', severity: 'warning' }));
    } finally {
      cleanup(dir);
    }
  });

  it('JSON that does not parse is a warning on its line', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/settings.json': '{\n  "model": "x",\n  oops\n}\n' });
    const d = s.diagnostics.find((x) => x.code === 'invalid-json')!;
    expect(d).toMatchObject({ file: '.claude/settings.json', line: 3, severity: 'warning' });
    expect(d.message).toMatch(/^invalid JSON: /);
  });
});

describe('front matter', () => {
  it('is read only where Claude Code reads it: a CLAUDE.md that opens like front matter is plain text, with no warning', async () => {
    const text = '---\ntitle: "unclosed\n---\nUse pnpm.\n';
    const s = await analyzeFiles({ 'CLAUDE.md': text, '.claude/rules/r.md': text });
    expect(s.diagnostics.filter((d) => d.code === 'frontmatter').map((d) => d.file)).toEqual(['.claude/rules/r.md']);
    expect(file(s, 'CLAUDE.md')).toMatchObject({ loading: 'eager', chars: text.trim().length });
  });
});

describe('a file reached two ways', () => {
  it('keeps its strongest loading: imported by CLAUDE.md (always) and referenced by a command (on demand)', async () => {
    for (const order of ['command first', 'memory first']) {
      const files: Record<string, string> = {
        'CLAUDE.md': '# P\n@docs/shared.md\n',
        '.claude/commands/use.md': '---\ndescription: Use.\n---\nRead @docs/shared.md.\n',
        'docs/shared.md': 'Shared.\n',
      };
      const s = await analyzeFiles(order === 'command first' ? files : Object.fromEntries(Object.entries(files).reverse()));
      expect(file(s, 'docs/shared.md'), order).toMatchObject({ loading: 'eager', kind: 'memory' });
    }
  });
});
