/**
 * Recommendation identity is its subject, not its line (issue 20): a pull request that adds lines
 * above a section, a code block or a repeated paragraph neither shows the old recommendation as new
 * nor as resolved.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig } from '../../src/config/load.js';
import { analyzeDir, cleanup, tmpDir, writeFiles } from '../helpers.js';

const section =
  '## Deployment runbook\n' +
  Array.from({ length: 40 }, (_, i) => `${i}. Check service ${i}, confirm health, promote the canary and watch errors.`).join('\n') +
  '\n';
const code = '```sh\n' + Array.from({ length: 60 }, (_, i) => `echo step ${i} && ./run.sh --flag ${i}`).join('\n') + '\n```\n';
const para =
  'Always run the full test suite before pushing, and never skip the linters, even for a one-line change in the docs folder. '.repeat(3).trim() + '\n';

describe('recommendation identity', () => {
  it('lines added above every subject: nothing new, nothing resolved', async () => {
    const base = tmpDir();
    const head = tmpDir();
    const files = (top: string) => ({
      'CLAUDE.md': `# Project\n\n${top}${section}\n${code}\n${para}`,
      '.claude/rules/style.md': `# Style\n\n${top}${para}`,
    });
    writeFiles(base, files(''));
    writeFiles(head, files('One.\n\nTwo.\n\nThree.\n\nFour.\n\n'));
    try {
      const r = compare(
        { base: await analyzeDir(base), head: await analyzeDir(head), baseLabel: 'b', headLabel: 'h', loadTime: null },
        normalizeConfig({ minSaving: 0 }, 'x'),
      );
      const kinds = new Set(r.recommendations.map((x) => x.analyzer));
      expect(kinds).toContain('loading');
      expect(kinds).toContain('compression');
      expect(kinds).toContain('duplication');
      expect(r.recommendations.filter((x) => x.introduced).map((x) => x.key)).toEqual([]);
      expect(r.resolved.map((x) => x.key)).toEqual([]);
    } finally {
      cleanup(base);
      cleanup(head);
    }
  });
});

describe('the comment is about the pull request (issue 20)', () => {
  it("lists only the recommendations the change introduced, and one line for the base's", async () => {
    const { renderComment } = await import('../../src/render/comment.js');
    const base = tmpDir();
    const head = tmpDir();
    const big = (n: string) =>
      `## ${n}\n` +
      Array.from({ length: 40 }, (_, i) => `${i}. Check ${n} service ${i}, confirm health, promote the canary and watch errors.`).join('\n') +
      '\n';
    writeFiles(base, { 'CLAUDE.md': `# P\n\n${big('Old runbook')}` });
    writeFiles(head, { 'CLAUDE.md': `# P\n\n${big('Old runbook')}\n${big('New runbook')}` });
    try {
      const r = compare(
        { base: await analyzeDir(base), head: await analyzeDir(head), baseLabel: 'b', headLabel: 'h', loadTime: null },
        normalizeConfig({}, 'x'),
      );
      const text = renderComment(r);
      expect(text).toContain('New runbook');
      expect(text).not.toContain('Old runbook');
      expect(text).toMatch(/1 more recommendation the base branch already had is not repeated here/);
    } finally {
      cleanup(base);
      cleanup(head);
    }
  });

  it('ignore: a template catalog the pull request adds is left out as content, not framework', async () => {
    const { parseConfigText } = await import('../../src/config/load.js');
    const { runDiff } = await import('../../src/pipeline.js');
    const { worktreeSource } = await import('../../src/collect/worktree.js');
    const { counter } = await import('../helpers.js');
    const base = tmpDir();
    const head = tmpDir();
    writeFiles(base, { 'CLAUDE.md': '# P\n' });
    const catalog: Record<string, string> = { 'CLAUDE.md': '# P\n' };
    for (let i = 0; i < 30; i++) catalog[`templates/t${i}/.claude/agents/a.md`] = `---\nname: a${i}\ndescription: template agent ${i}\n---\nBody\n`;
    writeFiles(head, catalog);
    try {
      const side = (dir: string, label: string) => ({ kind: 'source' as const, source: worktreeSource(dir), label });
      const plain = await runDiff(side(base, 'b'), side(head, 'h'), parseConfigText('{}', 'c.json'), counter);
      const ignored = await runDiff(side(base, 'b'), side(head, 'h'), parseConfigText('ignore: ["templates/**"]\n', 'c.yml'), counter);
      expect(plain.diff.files.length).toBeGreaterThan(0);
      expect(ignored.diff.files).toEqual([]);
      expect(ignored.recommendations.filter((x) => x.introduced)).toEqual([]);
      expect(() => parseConfigText('ignore: templates\n', 'c.yml')).toThrow(/c\.yml: ignore: expected a list of globs/);
    } finally {
      cleanup(base);
      cleanup(head);
    }
  });
});
