/**
 * Claude Code's two memory warnings (2.1.332): one file over max(40,000, window x 5% x chars per
 * token) characters, and all instruction files together over max(120,000, that), where the total
 * leaves out the files already over the per-file limit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { modelFor } from '../../src/model/constants.js';
import { analyzeDir, cleanup, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

describe('memory size warnings (claude-sonnet-4-6: 40,000 per file, 120,000 in all)', () => {
  it('leaves a file over the per-file limit out of the total', async () => {
    const d = tmpDir();
    dirs.push(d);
    const rule = (c: string) => `${c.repeat(34_999)}\n`;
    writeFiles(d, {
      'CLAUDE.md': `${'m'.repeat(50_000)}\n`,
      '.claude/rules/a.md': rule('a'),
      '.claude/rules/b.md': rule('b'),
      '.claude/rules/c.md': rule('c'),
    });
    const s = await analyzeDir(d, modelFor('claude-sonnet-4-6'));
    expect(s.diagnostics.find((x) => x.code === 'memory-file-size')).toMatchObject({ file: 'CLAUDE.md' });
    // 3 x 34,999 = 104,997 counted; with the 50,000 of CLAUDE.md it would be 154,997 and warn.
    expect(s.memory.chars).toBe(104_997);
    expect(s.diagnostics.some((x) => x.code === 'memory-total-size')).toBe(false);
  });
  it('warns when the files within the per-file limit add up past the total', async () => {
    const d = tmpDir();
    dirs.push(d);
    const files: Record<string, string> = { 'CLAUDE.md': 'root\n' };
    for (const c of 'abcd') files[`.claude/rules/${c}.md`] = `${c.repeat(34_999)}\n`;
    const s = await analyzeDir(d, modelFor('claude-sonnet-4-6'));
    writeFiles(d, files);
    const s2 = await analyzeDir(d, modelFor('claude-sonnet-4-6'));
    expect(s.memory.chars).toBe(0);
    expect(s2.memory.chars).toBe(4 + 4 * 34_999);
    expect(s2.diagnostics.find((x) => x.code === 'memory-total-size')?.message).toMatch(/> 120000/);
  });
});
