import { describe, expect, it } from 'vitest';
import { AGENT_DEFAULT_IDS, defaultAssertions, normalizeConfig, parseConfigText } from '../../src/config/load.js';

describe('budget config', () => {
  it('has zero-config defaults: Claude Code hard limits as errors, any eager increase as a warning', () => {
    const c = normalizeConfig({}, 'defaults');
    const byId = Object.fromEntries(c.assertions.map((a) => [a.id, a]));
    expect(byId['skill-listing-budget']).toMatchObject({ metric: 'skillListingTruncated', operator: 'max', threshold: 0, level: 'error' });
    // 1M window (claude-opus-5-5): max(40,000, 1M x 5% x 3) = 150,000.
    expect(byId['memory-file-size']).toMatchObject({ metric: 'memoryFileMaxChars', threshold: 150_000, level: 'error' });
    expect(byId['agent-listing-size']).toMatchObject({ metric: 'agentListingTokens', threshold: 15_000, level: 'error' });
    expect(byId['import-depth']).toMatchObject({ level: 'error' });
    expect(byId['import-cycles']).toMatchObject({ level: 'error' });
    // Claude Code lists a skill under its directory name whatever its front matter says: no such default.
    expect(byId['invalid-skill-names']).toBeUndefined();
    expect(byId['load-time']).toBeUndefined();
    expect(byId['eager-increase']).toMatchObject({ metric: 'eagerTokens', operator: 'maxIncrease', threshold: 250, level: 'warn' });
    expect(c.model).toMatchObject({ id: 'claude-opus-5-5', contextWindow: 1_000_000, charsPerToken: 3 });
  });

  it('moves model-derived defaults with the model', () => {
    const c = parseConfigText('model:\n  contextWindow: 1000000\n  agentListingWarnTokens: 20000\n', 'x.yml');
    const byId = Object.fromEntries(c.assertions.map((a) => [a.id, a]));
    expect(byId['memory-file-size']!.threshold).toBe(150_000);
    expect(byId['agent-listing-size']!.threshold).toBe(20_000);
  });

  it('normalizes shorthand once: one entry with two operators is two assertions', () => {
    const c = parseConfigText(
      [
        'defaults:',
        '  eager-increase: off',
        'budgets:',
        '  - metric: eagerTokens',
        '    scope: unit:my-plugin',
        '    max: 5000',
        '    maxIncreasePercent: 10',
        '    level: warn',
        '  - metric: onDemandTokens',
        '    scope: { files: "docs/**" }',
        '    maxIncrease: 100',
      ].join('\n'),
      '.github/context-budget.yml',
    );
    const user = c.assertions.filter((a) => a.source !== 'default');
    expect(user).toEqual([
      expect.objectContaining({
        id: 'budgets[0].max',
        metric: 'eagerTokens',
        scope: { type: 'unit', value: 'my-plugin' },
        operator: 'max',
        threshold: 5000,
        level: 'warn',
      }),
      expect.objectContaining({ id: 'budgets[0].maxIncreasePercent', operator: 'maxIncreasePercent', threshold: 10, level: 'warn' }),
      expect.objectContaining({ id: 'budgets[1].maxIncrease', scope: { type: 'files', value: 'docs/**' }, level: 'error' }),
    ]);
    expect(c.assertions.find((a) => a.id === 'eager-increase')!.level).toBe('off');
  });

  it('accepts JSON', () => {
    const c = parseConfigText('{"defaults": false, "budgets": [{"metric": "cycles", "max": 0}]}', 'cb.json');
    expect(c.assertions.map((a) => a.id)).toEqual(['budgets[0].max']);
  });

  it.each([
    ['budgets:\n  - metric: eagerTokenz\n    max: 1\n', /x\.yml: budgets\[0\]\.metric: expected one of eagerTokens, .*got "eagerTokenz"/],
    ['budgets:\n  - metric: eagerTokens\n    max: -1\n', /x\.yml: budgets\[0\]\.max: expected a number >= 0, got -1/],
    ['budgets:\n  - metric: eagerTokens\n    level: fatal\n    max: 1\n', /budgets\[0\]\.level: expected off, warn or error, got "fatal"/],
    ['budgets:\n  - metric: eagerTokens\n', /budgets\[0\]: expected at least one of max, maxIncrease, maxIncreasePercent/],
    ['budgets:\n  - metric: cycles\n    scope: unit:x\n    max: 1\n', /budgets\[0\]\.scope: expected "total" for metric cycles/],
    ['budgets:\n  - metric: eagerTokens\n    scope: planet:mars\n    max: 1\n', /budgets\[0\]\.scope: expected "total", or "category:<name>"/],
    ['budget: []\n', /x\.yml: budget: expected one of .*unknown key/],
    ['model:\n  contextWindw: 5\n', /x\.yml: model\.contextWindw: expected one of id, contextWindow/],
    ['model:\n  charsPerToken: three\n', /model\.charsPerToken: expected a number >= 0, got "three"/],
    ['installedPlugins: some\n', /installedPlugins: expected "all", "none" or a list of plugin names/],
    ['budgets: [\n', /x\.yml:\d+: invalid YAML/],
    ['- just\n- a list\n', /x\.yml: \(top level\): expected a mapping, got a list/],
  ])('rejects %j with a message naming file, key and expectation', (text, re) => {
    expect(() => parseConfigText(text, 'x.yml')).toThrow(re);
  });

  it('keeps every default id documented in the shipped JSON schema', async () => {
    const schema = (await import('../../schema/config.schema.json', { with: { type: 'json' } })).default as {
      properties: { defaults: { oneOf: { properties?: Record<string, unknown> }[] }; budgets: { items: { properties: { metric: { enum: string[] } } } } };
    };
    const ids = [...defaultAssertions().map((a) => a.id), ...AGENT_DEFAULT_IDS].sort();
    const objectForm = schema.properties.defaults.oneOf.find((x) => x.properties)!;
    expect(Object.keys(objectForm.properties!).sort()).toEqual(ids);
    const { METRICS } = await import('../../src/model/budgets.js');
    expect([...schema.properties.budgets.items.properties.metric.enum].sort()).toEqual([...METRICS].sort());
  });
});
