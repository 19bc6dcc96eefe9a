/**
 * Memory files and rules where a framework nests them (src/analyze/loaders/memory.ts; issue 24:
 * these mutants had no covering test in the mutation suite): a package's own .claude folder and
 * rules, a memory file over Claude Code's size limit, and a symlink checked out as a plain file.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFiles, file } from '../helpers.js';

describe('nested memory', () => {
  it("a package's .claude/CLAUDE.md and its rules load when Claude works in the package", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# Root\n',
      'pkg/.claude/CLAUDE.md': 'Package memory.\n',
      'pkg/.claude/rules/style.md': 'Package style.\n',
      'pkg/.claude/notes.md': 'Not memory.\n',
    });
    expect(file(s, 'pkg/.claude/CLAUDE.md')).toMatchObject({ loading: 'on-demand' });
    expect(file(s, 'pkg/.claude/rules/style.md')).toMatchObject({
      loading: 'on-demand',
      reason: 'rule in pkg/.claude/rules, loaded when Claude reads files in pkg/',
    });
    expect(s.files.find((f) => f.path === 'pkg/.claude/notes.md')?.loading ?? 'not-loaded').toBe('not-loaded');
  });

  it('a memory file over the size limit is skipped by Claude Code: not loaded, and an error says so', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': `# Root\n${'x'.repeat(300)}\n`, 'docs/a.md': 'A\n' }, { memoryFileMaxBytes: 200 });
    expect(file(s, 'CLAUDE.md')).toMatchObject({ loading: 'not-loaded', reason: 'memory file over 200 bytes: skipped by Claude Code', eagerTokens: 0 });
    expect(s.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'CLAUDE.md',
        code: 'memory-file-skipped',
        severity: 'error',
        message: '308 bytes > 200: Claude Code skips this memory file entirely',
      }),
    );
  });

  it('a memory file whose whole text is the path of another file is named as a symlink checked out as a plain file', async () => {
    // As git writes it (no newline), or as an editor saves it (with one).
    for (const text of ['docs/real.md', 'docs/real.md\n']) {
      const s = await analyzeFiles({ 'CLAUDE.md': text, 'docs/real.md': '# Real guidance\n' });
      expect(s.diagnostics).toContainEqual(
        expect.objectContaining({
          file: 'CLAUDE.md',
          code: 'symlink-as-file',
          message:
            'the whole file is the path "docs/real.md": a symlink checked out as a plain file (core.symlinks=false)? Claude Code loads this text, not docs/real.md',
        }),
      );
    }
    // A path to nothing, or to itself, is just text.
    for (const text of ['docs/none.md', 'CLAUDE.md']) {
      const t = await analyzeFiles({ 'CLAUDE.md': text, 'docs/real.md': 'x\n' });
      expect(t.diagnostics.some((d) => d.code === 'symlink-as-file')).toBe(false);
    }
  });

  it("a .claude folder's AGENTS.md stands in for CLAUDE.md at the root and in a package, and a CLAUDE.md beside it wins", async () => {
    const s = await analyzeFiles({
      '.claude/AGENTS.md': 'Root agents.\n',
      'pkg/.claude/AGENTS.md': 'Package agents.\n',
      'lib/.claude/AGENTS.md': 'Library agents.\n',
      'lib/CLAUDE.md': 'Library memory.\n',
    });
    expect(file(s, '.claude/AGENTS.md')).toMatchObject({
      loading: 'eager',
      category: 'memory',
      reason: 'AGENTS.md standing in for CLAUDE.md, loaded at session start',
    });
    expect(file(s, 'pkg/.claude/AGENTS.md')).toMatchObject({
      loading: 'on-demand',
      category: 'nested-memory',
      reason: 'nested AGENTS.md, loaded when Claude reads files in pkg/',
    });
    expect(file(s, 'lib/.claude/AGENTS.md')).toMatchObject({ loading: 'not-loaded', reason: 'AGENTS.md not loaded: a CLAUDE.md exists in the same place' });
    expect(file(s, 'lib/CLAUDE.md')).toMatchObject({ loading: 'on-demand', category: 'nested-memory' });
  });

  it('every memory file of a place loads: CLAUDE.md, .claude/CLAUDE.md and CLAUDE.local.md', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': 'A\n', '.claude/CLAUDE.md': 'B\n', 'CLAUDE.local.md': 'C\n', 'pkg/CLAUDE.local.md': 'D\n' });
    for (const p of ['CLAUDE.md', '.claude/CLAUDE.md', 'CLAUDE.local.md']) expect(file(s, p), p).toMatchObject({ loading: 'eager', category: 'memory' });
    expect(file(s, 'pkg/CLAUDE.local.md')).toMatchObject({ loading: 'on-demand', reason: 'nested memory file, loaded when Claude reads files in pkg/' });
  });

  it('instructionFiles: managed-only loads no memory file of the repository', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': 'A\n', 'AGENTS.md': 'B\n', '.claude/rules/r.md': 'R\n' }, { instructionFiles: 'managed-only' });
    expect(s.files.filter((f) => f.loading !== 'not-loaded').map((f) => f.path)).toEqual([]);
    expect(s.memory.chars).toBe(0);
  });

  it('memory files in ignored folders, and rules outside a .claude folder, are not memory', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': 'Root.\n',
      'node_modules/lib/CLAUDE.md': 'Vendored.\n',
      'foo.claude/rules/a.md': 'Not a rule.\n',
      'docs/.claude/rules/b.md': 'A rule of docs/.\n',
    });
    // Exactly these records: nothing vendored, and nothing made up.
    expect(s.files.map((f) => `${f.path} ${f.loading}`).sort()).toEqual([
      'CLAUDE.md eager',
      'docs/.claude/rules/b.md on-demand',
      'foo.claude/rules/a.md not-loaded',
    ]);
  });

  it('the total-size warning points at the first memory file Claude Code loads: CLAUDE.md before .claude/CLAUDE.md', async () => {
    const s = await analyzeFiles(
      { 'CLAUDE.md': 'A'.repeat(30_000) + '\n', '.claude/CLAUDE.md': 'B'.repeat(30_000) + '\n' },
      { memoryTotalMinWarnChars: 50_000, memoryFileMinWarnChars: 40_000, contextWindow: 100_000 },
    );
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ code: 'memory-total-size', file: 'CLAUDE.md' }));
    // Without a CLAUDE.md at the root, the first is .claude/CLAUDE.md, then the rules (each trimmed: 30,000
    // characters); nested memory never counts.
    const t = await analyzeFiles(
      { '.claude/CLAUDE.md': 'B'.repeat(30_000) + '\n', '.claude/rules/r.md': 'C'.repeat(30_000) + '\n', 'pkg/CLAUDE.md': 'D'.repeat(30_000) + '\n' },
      { memoryTotalMinWarnChars: 50_000, memoryFileMinWarnChars: 40_000, contextWindow: 100_000 },
    );
    expect(t.diagnostics.filter((d) => d.code === 'memory-total-size')).toEqual([
      expect.objectContaining({ file: '.claude/CLAUDE.md', message: expect.stringMatching(/^instruction files total 60000 characters > 50000: /) }),
    ]);
  });
});
