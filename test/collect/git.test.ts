import { describe, expect, it } from 'vitest';
import { resolveCommit } from '../../src/collect/git.js';
import { cleanup, commitAll, gitInit, sh, tmpDir, writeFiles } from '../helpers.js';

describe('resolveCommit', () => {
  it('reads a revision as git rev-parse does: names, short SHAs, annotated tags peeled, reflog and ancestry', async () => {
    const d = tmpDir();
    try {
      writeFiles(d, { 'CLAUDE.md': '# One\n' });
      const first = gitInit(d);
      writeFiles(d, { 'CLAUDE.md': '# Two\n' });
      const second = commitAll(d, 'two');
      sh(d, 'git', ['tag', '-a', 'v1', '-m', 'annotated', first]);
      sh(d, 'git', ['branch', 'feat/x', second]);
      const cases: [string, string][] = [
        ['HEAD', second],
        ['HEAD~1', first],
        [first.slice(0, 9), first],
        ['v1', first],
        ['feat/x', second],
        ['main@{0}', second],
        [`${second}^`, first],
      ];
      for (const [ref, sha] of cases) expect(await resolveCommit(d, ref), ref).toBe(sha);
      for (const ref of ['nope', 'HEAD:CLAUDE.md', 'HEAD\nHEAD', '--all'])
        await expect(resolveCommit(d, ref), JSON.stringify(ref)).rejects.toThrow(/Unknown revision|Invalid revision/);
      // After an unknown one, the same process still answers.
      expect(await resolveCommit(d, 'HEAD')).toBe(second);
    } finally {
      cleanup(d);
    }
  });
});
