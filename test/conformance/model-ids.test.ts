/**
 * Model ids as Claude Code 2.1.332 sizes them (issue 20): aliases resolve (opus, sonnet, haiku), the
 * older models listed in profiles.ts get 200K x 4 (1M with [1m]), every other id, an unknown one
 * included, 1M x 3. Each picked by the project's settings and held to the real binary: the model
 * it requested and the listing it cut (150 skills, about 45,000 characters) agree with the analyzer.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { measureOne, requestTokenCounter } from '../../src/conformance/measure.js';
import { normalizeConfig } from '../../src/config/load.js';
import { DEFAULT_MODEL } from '../../src/model/constants.js';
import { cleanup, counter, gitInit, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const binary = inject('claudeCode');

const cases: [string, string, number][] = [
  ['opus', 'claude-opus-5-5', 30_000],
  ['sonnet', 'claude-sonnet-5-5', 30_000],
  ['gpt-5', 'gpt-5', 30_000],
  ['claude-opus-4-6', 'claude-opus-4-6', 8_000],
  ['claude-opus-4-6[1m]', 'claude-opus-4-6', 40_000],
];

describe.skipIf(!binary)('model ids as Claude Code sizes them', () => {
  for (const [id, requested, budget] of cases) {
    it(`${id}: requests ${requested}, a ${budget}-character listing budget`, async () => {
      const dir = tmpDir();
      dirs.push(dir);
      const files: Record<string, string> = { 'CLAUDE.md': '# P\n', '.claude/settings.json': JSON.stringify({ model: id }) };
      for (let i = 0; i < 150; i++) files[`.claude/skills/s${i}/SKILL.md`] = `---\ndescription: ${'word '.repeat(58)}end\n---\nx\n`;
      writeFiles(dir, files);
      gitInit(dir);
      const s = await analyze(worktreeSource(dir), { model: DEFAULT_MODEL, toolVersion: 't', loadTimeRounds: 0 }, counter);
      expect(s.listings.skills.budget).toBe(budget);
      const m = await measureOne(worktreeSource(dir), s, { spec: 'claude-code', model: DEFAULT_MODEL, rounds: 1, countRequest: requestTokenCounter(counter) });
      expect(m.facts.model).toBe(requested);
      expect(m.drift).toEqual([]);
    }, 120_000);
  }
});

describe('an unknown model in the config or --model', () => {
  it('is an error that lists the known ones, unless its window is given', () => {
    expect(() => normalizeConfig({ model: { id: 'claude-sonet-4-6' } }, 'c.yml')).toThrow(
      /c\.yml: model\.id: expected a model Claude Code .* knows \(.*claude-sonnet-4-6.*\).*got "claude-sonet-4-6"/,
    );
    expect(() => normalizeConfig({}, 'c.yml', { id: 'gpt-5' })).toThrow(/model\.id/);
    expect(normalizeConfig({ model: { id: 'gpt-5', contextWindow: 400_000, charsPerToken: 4 } }, 'c.yml').model).toMatchObject({
      id: 'gpt-5',
      contextWindow: 400_000,
    });
    expect(normalizeConfig({ model: { id: 'claude-opus-6-0' } }, 'c.yml').model.id).toBe('claude-opus-6-0');
    expect(normalizeConfig({ model: { id: 'sonnet' } }, 'c.yml').model.id).toBe('claude-sonnet-5-5');
  });
});
