/**
 * Marketplaces held to the install path (issue 20): plugins installed as a user installs them
 * (`claude plugin marketplace add`, `claude plugin install NAME@MARKETPLACE`, offline, into a fresh
 * home, in the sandbox), not with --plugin-dir. The fixture has the official anthropics/skills
 * layout: three entries with `source: "./"`, `strict: false` and a `skills` list each, sharing the
 * repository root, plus a skill no entry lists.
 */
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { worktreeSource } from '../../src/collect/worktree.js';
import { measureOne, requestTokenCounter } from '../../src/conformance/measure.js';
import { DEFAULT_MODEL, modelFor } from '../../src/model/constants.js';
import { analyzeDir, cleanup, copyFixture, counter, FIXTURES, gitInit, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const binary = inject('claudeCode');

const FIXTURE = path.join(FIXTURES, 'marketplace-strict-false');

describe.skipIf(!binary)('a marketplace of source "./" entries with skills lists', () => {
  it('the analyzer: one plugin per entry, each its listed skills in list order, the unlisted skill in none', async () => {
    const s = await analyzeDir(FIXTURE);
    expect(s.units.filter((u) => u.type === 'plugin').map((u) => u.name)).toEqual(['docs-skills', 'examples-skills', 'api-skills']);
    expect(s.listings.skills.items.map((e) => e.name)).toEqual([
      'docs-skills:xlsx',
      'docs-skills:docx',
      'docs-skills:pdf',
      'examples-skills:art',
      'examples-skills:brand',
      'examples-skills:canvas',
      'examples-skills:zeta-tool',
      'examples-skills:alpha-tool',
      'api-skills:api-guide',
    ]);
  });

  for (const model of [DEFAULT_MODEL, modelFor('claude-sonnet-4-6')]) {
    it(`Claude Code installs them and sends exactly that (${model.id}), commands and agents of the shared root included`, async () => {
      const dir = copyFixture('marketplace-strict-false');
      dirs.push(dir);
      writeFiles(dir, {
        'commands/hello.md': '---\ndescription: Say hello\n---\nHello\n',
        'agents/helper.md': '---\nname: helper\ndescription: Helps\n---\nHelp\n',
      });
      gitInit(dir);
      const s = await analyzeDir(dir, model);
      const m = await measureOne(worktreeSource(dir), s, { spec: 'claude-code', model, rounds: 1, countRequest: requestTokenCounter(counter) });
      expect(m.drift).toEqual([]);
      expect(m.facts.listing.entries.filter((e) => !e.bundled).map((e) => e.name)).toContain('examples-skills:hello');
      expect(m.facts.agents.filter((a) => !a.builtin).map((a) => a.name)).toEqual(['api-skills:helper', 'docs-skills:helper', 'examples-skills:helper']);
    }, 180_000);
  }
});
