/**
 * Memory files and rules (src/analyze/loaders/memory.ts): what each says about why it loads, which
 * of two ways to reach one file wins, the per-file size warning, and @imports in rules and past the
 * depth limit (issue 24: these mutants survived the analyzer's own tests).
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeFiles, file } from '../helpers.js';

const why = (s: Snapshot, p: string) => {
  const f = file(s, p);
  return `${f.loading} ${f.category} ${f.kind}: ${f.reason}`;
};

describe('why each memory file loads', () => {
  it('the root, a package, rules with and without paths, AGENTS.md standing in, and an empty file', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      'AGENTS.md': 'Agents text.\n',
      '.claude/rules/always.md': 'Always.\n',
      '.claude/rules/scoped.md': '---\npaths:\n  - "src/**"\n  - docs/*.md\n---\nScoped.\n',
      // No globs scope nothing: the rule loads every session.
      '.claude/rules/no-globs.md': '---\npaths: []\n---\nEvery session.\n',
      'pkg/CLAUDE.md': 'Package.\n',
      'pkg/.claude/rules/r.md': 'Package rule.\n',
      'lib/AGENTS.md': 'Library.\n',
      'blank/CLAUDE.md': '  \n\n',
    });
    expect(why(s, 'CLAUDE.md')).toBe('eager memory memory: memory file at the project root, loaded at session start');
    expect(why(s, 'AGENTS.md')).toBe('not-loaded other memory: AGENTS.md not loaded: a CLAUDE.md exists in the same place');
    expect(why(s, '.claude/rules/always.md')).toBe('eager rules rule: rule without paths:, loaded at session start');
    expect(why(s, '.claude/rules/no-globs.md')).toBe('eager rules rule: rule without paths:, loaded at session start');
    expect(why(s, '.claude/rules/scoped.md')).toBe('on-demand path-rules rule: rule with paths: src, docs/*.md; loaded when matching files are touched');
    expect(why(s, 'pkg/CLAUDE.md')).toBe('on-demand nested-memory memory: nested memory file, loaded when Claude reads files in pkg/');
    expect(why(s, 'pkg/.claude/rules/r.md')).toBe('on-demand nested-memory rule: rule in pkg/.claude/rules, loaded when Claude reads files in pkg/');
    expect(why(s, 'lib/AGENTS.md')).toBe('on-demand nested-memory memory: nested AGENTS.md, loaded when Claude reads files in lib/');
    expect(file(s, 'blank/CLAUDE.md')).toMatchObject({ loading: 'not-loaded', reason: 'empty memory file: Claude Code includes nothing', tokens: 0 });
  });

  it('AGENTS.md alone at the root stands in; with instructionFiles: claude-md it is never read as memory', async () => {
    const files = { 'AGENTS.md': 'Agents text.\n' };
    expect(why(await analyzeFiles(files), 'AGENTS.md')).toBe('eager memory memory: AGENTS.md standing in for CLAUDE.md, loaded at session start');
    expect(why(await analyzeFiles(files, { instructionFiles: 'claude-md' }), 'AGENTS.md')).toBe(
      'not-loaded other memory: AGENTS.md (instructionFiles: claude-md)',
    );
  });

  it('with claude-md-and-agents-md, an AGENTS.md that repeats a loaded memory file is dropped; a different one loads', async () => {
    const s = await analyzeFiles(
      { 'CLAUDE.md': 'Same guidance.\n', 'AGENTS.md': '\nSame guidance.\n\n', 'pkg/CLAUDE.md': 'Pkg.\n', 'pkg/AGENTS.md': 'Other.\n' },
      { instructionFiles: 'claude-md-and-agents-md' },
    );
    expect(why(s, 'AGENTS.md')).toBe('not-loaded other memory: AGENTS.md with the same text as a memory file already loaded: dropped');
    expect(why(s, 'pkg/AGENTS.md')).toBe('on-demand nested-memory memory: nested AGENTS.md, loaded when Claude reads files in pkg/');
  });

  it('a rule whose body is empty after its front matter includes nothing', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/rules/blank.md': '---\npaths: src/**\n---\n\n' });
    expect(file(s, '.claude/rules/blank.md')).toMatchObject({ loading: 'not-loaded', reason: 'empty memory file: Claude Code includes nothing' });
  });

  it('a memory file over the size limit counts as nothing', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n@big.md\n', 'big.md': 'word '.repeat(40) }, { memoryFileMaxBytes: 100 });
    expect(file(s, 'big.md')).toMatchObject({ loading: 'not-loaded', reason: 'memory file over 100 bytes: skipped by Claude Code', tokens: 0 });
  });
});

describe('a file two memory files import', () => {
  it('is always loaded when an always-on rule imports it, even if a path-scoped rule before it does too', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/rules/a-scoped.md': '---\npaths: src/**\n---\n@../../shared.md\n',
      '.claude/rules/b-always.md': '@../../shared.md\n',
      'shared.md': 'Shared guidance.\n',
    });
    expect(why(s, 'shared.md')).toBe('eager rules memory: imported by .claude/rules/b-always.md at depth 1');
  });

  it('by two packages, says the first package in path order imported it', async () => {
    // In path order "a/..." comes after "a-b/..." ('-' sorts before '/'); as folders, "a" comes first.
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      'a-b/CLAUDE.md': '@../shared.md\n',
      'a/CLAUDE.md': '@../shared.md\n',
      'shared.md': 'Shared guidance.\n',
    });
    expect(why(s, 'shared.md')).toBe('on-demand nested-memory memory: imported by a/CLAUDE.md at depth 1');
  });
});

describe('the per-file size warning', () => {
  it('is given for memory loaded at session start, not for nested memory loaded later', async () => {
    const big = 'x'.repeat(101);
    const s = await analyzeFiles({ 'CLAUDE.md': big, 'pkg/CLAUDE.md': big }, { memoryFileMinWarnChars: 100, memoryFileWindowShare: 0 });
    expect(s.diagnostics.filter((d) => d.code === 'memory-file-size')).toEqual([
      {
        file: 'CLAUDE.md',
        line: 1,
        severity: 'warning',
        code: 'memory-file-size',
        message: '101 characters > 100: Claude Code warns "Large CLAUDE.md will impact performance"',
      },
    ]);
  });
});

describe('@imports', () => {
  it("a rule's imports are numbered by the lines of the whole file, front matter included", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/rules/r.md': '---\ndescription: d\npaths: src/**\n---\nText.\n@../../docs/there.md\n@../../docs/missing.md\n',
      'docs/there.md': 'There.\n',
    });
    expect(s.graph.edges.filter((e) => e.from === '.claude/rules/r.md')).toEqual([
      { from: '.claude/rules/r.md', to: 'docs/there.md', type: 'import', line: 6 },
    ]);
    expect(s.diagnostics.find((d) => d.file === '.claude/rules/r.md')).toMatchObject({ line: 7, code: 'import-missing' });
  });

  it('past the depth limit: not loaded, named on its line; a file already loaded, or a cycle, is still an edge', async () => {
    const s = await analyzeFiles(
      {
        'CLAUDE.md': '# P\n@b.md\n@a.md\n',
        'a.md': 'A.\n@b.md\n@c.md\n@CLAUDE.md\n',
        'b.md': 'B.\n',
        'c.md': 'C.\n',
      },
      { importMaxDepth: 2 },
    );
    expect(s.graph.edges.map((e) => `${e.from}:${e.line} -> ${e.to}`)).toEqual([
      'CLAUDE.md:2 -> b.md',
      'CLAUDE.md:3 -> a.md',
      'a.md:2 -> b.md',
      'a.md:4 -> CLAUDE.md',
    ]);
    expect(s.graph.cycles).toEqual([['CLAUDE.md', 'a.md', 'CLAUDE.md']]);
    expect(s.diagnostics.filter((d) => d.code === 'import-depth')).toEqual([
      {
        file: 'a.md',
        line: 3,
        severity: 'warning',
        code: 'import-depth',
        message: '@c.md is at import depth 2; Claude Code stops at depth 2 (file not loaded)',
      },
    ]);
    expect(why(s, 'c.md')).toBe('not-loaded other memory: import past the depth limit (2) from a.md');
    expect(why(s, 'b.md')).toBe('eager memory memory: imported by CLAUDE.md at depth 1');
  });
});

describe('components', () => {
  it('each memory file and rule Claude Code starts from is one component; what they import is part of it', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n@docs/more.md\n', 'docs/more.md': 'More.\n', '.claude/rules/r.md': 'Rule.\n' });
    expect(s.components.filter((c) => c.kind === 'memory' || c.kind === 'rule').map((c) => `${c.id} ${c.loading}`)).toEqual([
      'memory:CLAUDE.md eager',
      'rule:.claude/rules/r.md eager',
    ]);
  });
});

describe('the size limits at their edges', () => {
  const model = { memoryFileMinWarnChars: 10, memoryFileWindowShare: 0, memoryTotalMinWarnChars: 10 };
  const codes = (s: Snapshot) => s.diagnostics.filter((d) => d.code.startsWith('memory-')).map((d) => `${d.code} ${d.file}`);

  it('a file of exactly the per-file figure is not warned about and counts in the total; the total exactly at its figure is not warned about', async () => {
    expect(codes(await analyzeFiles({ 'CLAUDE.md': 'abcde', '.claude/rules/r.md': 'fghij' }, model))).toEqual([]);
    expect(codes(await analyzeFiles({ 'CLAUDE.md': 'abcdefghij', '.claude/rules/r.md': 'k' }, model))).toEqual(['memory-total-size CLAUDE.md']);
  });

  it("an import's characters count in the total", async () => {
    const wider = { memoryFileMinWarnChars: 20, memoryFileWindowShare: 0, memoryTotalMinWarnChars: 20 };
    expect(codes(await analyzeFiles({ 'CLAUDE.md': '@m.md', 'm.md': 'x'.repeat(16) }, wider))).toEqual(['memory-total-size CLAUDE.md']);
  });

  it('a memory file of exactly memoryFileMaxBytes is loaded', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '0123456789' }, { memoryFileMaxBytes: 10 });
    expect(file(s, 'CLAUDE.md').loading).toBe('eager');
  });
});
