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
