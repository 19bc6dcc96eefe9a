/**
 * Project settings that change what every session loads (issue 19, class 3): `model`, the listing
 * budget fraction and description cap, and `env.SLASH_COMMAND_TOOL_CHAR_BUDGET`, in
 * `.claude/settings.json` and `.claude/settings.local.json`. The analyzer judges what sessions get,
 * and the real Claude Code 2.1.332 (run by --measure, which passes no --model when the settings
 * pick it) agrees with it exactly.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { measureOne, requestTokenCounter } from '../../src/conformance/measure.js';
import { DEFAULT_MODEL, modelFor } from '../../src/model/constants.js';
import { cleanup, counter, gitInit, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const binary = inject('claudeCode');

/** 30 skills with 300-character descriptions (about 10,000 listing characters) and the given settings files. */
function framework(settings: Record<string, object>): string {
  const dir = tmpDir();
  dirs.push(dir);
  const files: Record<string, string> = { 'CLAUDE.md': '# P\n\nShort.\n' };
  for (let i = 0; i < 30; i++)
    files[`.claude/skills/skill-${String(i).padStart(2, '0')}/SKILL.md`] =
      `---\ndescription: ${`Skill ${i} handles a task carefully and reports back. `.repeat(6).trim()}\n---\nBody\n`;
  for (const [p, v] of Object.entries(settings)) files[p] = JSON.stringify(v);
  writeFiles(dir, files);
  gitInit(dir);
  return dir;
}

const analyzeDefault = (dir: string, model = DEFAULT_MODEL) => analyze(worktreeSource(dir), { model, toolVersion: 't', loadTimeRounds: 0 }, counter);
const own = (s: Awaited<ReturnType<typeof analyzeDefault>>) => s.listings.skills.truncated.length;

describe.skipIf(!binary)('settings that shrink the listing are judged, and Claude Code agrees', () => {
  const cases: [string, Record<string, object>, (s: Awaited<ReturnType<typeof analyzeDefault>>) => void][] = [
    [
      'model: claude-sonnet-4-6 in settings.json',
      { '.claude/settings.json': { model: 'claude-sonnet-4-6' } },
      (s) => {
        expect(s.model.id).toBe('claude-sonnet-4-6');
        expect(s.model.idFrom).toBe('.claude/settings.json');
        expect(s.model.contextWindow).toBe(200_000);
      },
    ],
    ['skillListingMaxDescChars: 40', { '.claude/settings.json': { skillListingMaxDescChars: 40 } }, (s) => expect(s.model.skillListingMaxDescChars).toBe(40)],
    [
      'skillListingBudgetFraction in settings.local.json',
      { '.claude/settings.local.json': { skillListingBudgetFraction: 0.0025 } },
      (s) => expect(s.model.skillListingBudgetFraction).toBe(0.0025),
    ],
    [
      'env.SLASH_COMMAND_TOOL_CHAR_BUDGET',
      { '.claude/settings.json': { env: { SLASH_COMMAND_TOOL_CHAR_BUDGET: '7000' } } },
      (s) => expect(s.model.skillListingBudgetOverride).toBe(7000),
    ],
  ];
  for (const [what, settings, check] of cases) {
    it(
      what,
      async () => {
        const plain = await analyzeDefault(framework({}));
        const dir = framework(settings);
        const s = await analyzeDefault(dir);
        check(s);
        if (!what.startsWith('skillListingMaxDescChars')) expect(own(s), 'entries lose their descriptions').toBeGreaterThan(own(plain));
        else expect(s.listings.skills.chars).toBeLessThan(plain.listings.skills.chars);
        const m = await measureOne(worktreeSource(dir), s, {
          spec: 'claude-code',
          model: DEFAULT_MODEL,
          rounds: 1,
          countRequest: requestTokenCounter(counter),
        });
        expect(m.drift).toEqual([]);
        expect(m.facts.listing.entries.filter((e) => !e.bundled && !e.described).length).toBe(own(s));
      },
      120_000,
    );
  }

  it('an explicit model in the config wins over the settings (the maintainer chose what sessions run)', async () => {
    const dir = framework({ '.claude/settings.json': { model: 'claude-sonnet-4-6' } });
    const s = await analyzeDefault(dir, { ...modelFor('claude-opus-5-5'), idFrom: 'config' });
    expect(s.model.id).toBe('claude-opus-5-5');
    expect(s.model.idFrom).toBe('config');
  });

  it('a value Claude Code would not take is reported, not applied', async () => {
    const dir = framework({ '.claude/settings.json': { skillListingBudgetFraction: 'lots', model: 'not a model!' } });
    const s = await analyzeDefault(dir);
    expect(s.model.skillListingBudgetFraction).toBe(DEFAULT_MODEL.skillListingBudgetFraction);
    expect(s.diagnostics.filter((d) => d.code === 'settings-value').map((d) => d.file)).toEqual(['.claude/settings.json', '.claude/settings.json']);
  });
});
