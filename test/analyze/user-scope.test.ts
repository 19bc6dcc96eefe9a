/**
 * User scope (`userScope`: a folder of the repository standing for ~/.claude; src/analyze/loaders/memory.ts
 * and plan.ts): its CLAUDE.md and rules load at session start before the project's, its files are
 * never read as the project's memory, and a folder that merely starts with the same name is the
 * project's (issue 24: these mutants had no covering test in the mutation suite).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { DEFAULT_MODEL } from '../../src/model/constants.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { cleanup, counter, file, tmpDir, writeFiles } from '../helpers.js';

async function analyzeWithUser(files: Record<string, string>, userScope?: string): Promise<Snapshot> {
  const dir = tmpDir();
  writeFiles(dir, files);
  try {
    return await analyze(worktreeSource(dir), { model: DEFAULT_MODEL, toolVersion: 'test', loadTimeRounds: 1, ...(userScope ? { userScope } : {}) }, counter);
  } finally {
    cleanup(dir);
  }
}

describe('user scope', () => {
  const framework = {
    'CLAUDE.md': '# Project\n',
    'home/CLAUDE.md': '# Mine\n',
    'home/rules/zeta.md': 'Zeta rule.\n',
    'home/rules/alpha.md': 'Alpha rule.\n',
    'home/rules/deep/beta.md': 'Beta rule.\n',
    'home/rules/notes.txt': 'Not a rule.\n',
    // Claude Code reads ~/.claude/CLAUDE.md, not a CLAUDE.md in a folder below it.
    'home/sub/CLAUDE.md': 'Not memory.\n',
    // A folder whose name only starts with the user folder's is the project's.
    'home-docs/CLAUDE.md': 'Docs memory.\n',
  };

  it("loads the user's CLAUDE.md and every Markdown rule under its rules folder at session start, as the user's", async () => {
    const s = await analyzeWithUser(framework, 'home');
    expect(file(s, 'home/CLAUDE.md')).toMatchObject({
      unit: 'user',
      loading: 'eager',
      category: 'memory',
      reason: 'user memory file (~/.claude/CLAUDE.md), loaded at session start',
    });
    for (const p of ['home/rules/zeta.md', 'home/rules/alpha.md', 'home/rules/deep/beta.md'])
      expect(file(s, p), p).toMatchObject({
        unit: 'user',
        loading: 'eager',
        category: 'rules',
        reason: 'user rule (~/.claude/rules), loaded at session start',
      });
    expect(s.files.find((f) => f.path === 'home/rules/notes.txt')?.loading ?? 'not-loaded').toBe('not-loaded');
  });

  it('a user scope written with a trailing slash is the same folder', async () => {
    const [plain, slashed] = [await analyzeWithUser(framework, 'home'), await analyzeWithUser(framework, 'home//')];
    const eager = (s: Snapshot) => s.files.filter((f) => f.loading === 'eager').map((f) => `${f.unit} ${f.path} ${f.eagerTokens}`);
    expect(eager(slashed)).toEqual(eager(plain));
    expect(eager(plain)).toHaveLength(5);
  });

  it("never reads the user folder's files as the project's nested memory, and reads a look-alike folder as the project's", async () => {
    const s = await analyzeWithUser(framework, 'home');
    expect(file(s, 'home-docs/CLAUDE.md')).toMatchObject({
      unit: 'project',
      loading: 'on-demand',
      category: 'nested-memory',
      reason: 'nested memory file, loaded when Claude reads files in home-docs/',
    });
    expect(s.files.filter((f) => f.path.startsWith('home/') && f.loading !== 'not-loaded').every((f) => f.unit === 'user')).toBe(true);
    expect(s.files.find((f) => f.path === 'home/sub/CLAUDE.md')?.loading ?? 'not-loaded').toBe('not-loaded');
  });

  it('without a user scope, the same folder is nested project memory', async () => {
    const s = await analyzeWithUser(framework);
    expect(file(s, 'home/CLAUDE.md')).toMatchObject({ unit: 'project', loading: 'on-demand', category: 'nested-memory' });
  });

  it('a user scope that is not a folder of the repository is a warning, and nothing is measured at user scope', async () => {
    const s = await analyzeWithUser(framework, 'nowhere');
    expect(s.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'user-scope-missing',
        severity: 'warning',
        message: 'userScope "nowhere" is not a folder of the repository: nothing is measured at user scope',
      }),
    );
    expect(s.files.some((f) => f.unit === 'user')).toBe(false);
  });
});
