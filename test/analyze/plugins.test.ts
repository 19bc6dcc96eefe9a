import { modelFor } from '../../src/model/constants.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeDir, cleanup, copyFixture, file, beforeShared } from '../helpers.js';

let dir: string;
let s: Snapshot;
beforeAll(() => {
  dir = copyFixture('marketplace');
});
beforeShared(async () => {
  s = await analyzeDir(dir);
});
afterAll(() => cleanup(dir));

const entry = (name: string) => s.listings.skills.items.find((e) => e.name === name);
const unit = (name: string) => s.units.find((u) => u.name === name);

describe('plugins and marketplaces', () => {
  it('finds every local marketplace plugin as a unit, reporting external and escaping sources', () => {
    expect(s.units.map((u) => u.name).sort()).toEqual(['alpha', 'beta', 'gamma', 'project']);
    expect(unit('alpha')).toMatchObject({ type: 'plugin', root: 'plugins/alpha', marketplace: 'fixture-market' });
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ code: 'external-plugin', message: expect.stringContaining('"remote"') }));
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ code: 'external-plugin', message: expect.stringContaining('"escape"') }));
  });

  it('uses manifest paths instead of the default folders', () => {
    expect(entry('alpha:hello')?.text).toBe('- alpha:hello: Say hello to the user');
    expect(entry('alpha:ignored')).toBeUndefined();
    expect(file(s, 'plugins/alpha/commands/ignored.md').loading).toBe('not-loaded');
    expect(entry('alpha:lint')?.loading).toBe('eager');
    expect(s.listings.agents.items.map((a) => a.text)).toContain('- alpha:lead: Leads the team (Tools: Read)');
  });

  it('does not list plugin commands without a description', () => {
    expect(entry('alpha:nodesc')).toBeUndefined();
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ file: 'plugins/alpha/cmds/nodesc.md', code: 'missing-description' }));
  });

  it('takes components from a strict: false marketplace entry and default folders without a manifest', () => {
    expect(entry('beta:fmt')?.text).toBe('- beta:fmt: Format files (inline marketplace manifest)');
    expect(entry('gamma:plain')?.loading).toBe('eager');
  });

  it('applies a force-for-plugin output style and reports hooks as unknown', () => {
    expect(file(s, 'plugins/alpha/output-styles/forced.md')).toMatchObject({ loading: 'eager', unit: 'alpha', category: 'output-style' });
    expect(s.unknowns).toContainEqual(expect.objectContaining({ kind: 'session-start-hook', unit: 'alpha', file: 'plugins/alpha/hooks/hooks.json' }));
  });

  it('measures each plugin as what installing it adds', () => {
    const alpha = unit('alpha')!;
    const alphaEntries = [...s.listings.skills.items, ...s.listings.agents.items].filter((e) => e.unit === 'alpha' && e.loading === 'eager');
    const alphaFiles = s.files.filter((f) => f.unit === 'alpha' && f.loading === 'eager');
    expect(alpha.eagerTokens).toBe(alphaEntries.reduce((a, e) => a + e.tokens, 0) + alphaFiles.reduce((a, f) => a + f.tokens, 0));
    expect(s.totals.eagerTokens).toBe(s.units.reduce((a, u) => a + u.eagerTokens, 0));
  });

  it('resolves a plugin command @file reference relative to the plugin', () => {
    expect(s.graph.edges).toContainEqual(expect.objectContaining({ from: 'plugins/alpha/cmds/hello.md', to: 'README.md', type: 'file-ref' }));
    expect(s.graph.edges).toContainEqual(expect.objectContaining({ from: 'plugin:alpha', type: 'plugin-member' }));
  });

  it('counts only installed plugins in the totals when told which are installed, still measuring each', async () => {
    const only = await analyzeDir(dir, {}, ['gamma']);
    expect(only.units.find((u) => u.name === 'alpha')).toMatchObject({ counted: false });
    expect(only.units.find((u) => u.name === 'alpha')!.eagerTokens).toBe(unit('alpha')!.eagerTokens);
    expect(only.totals.eagerTokens).toBe(unit('gamma')!.eagerTokens + unit('project')!.eagerTokens);
  });
});

describe('a skill listing over budget', () => {
  let o: Snapshot;
  let d: string;
  beforeAll(async () => {
    d = copyFixture('listing-over-budget');
    o = await analyzeDir(d);
  });
  afterAll(() => cleanup(d));

  it('caps a description at 1,536 characters with an ellipsis', () => {
    const huge = o.listings.skills.items.find((e) => e.name === 'huge-desc')!;
    expect(huge.descriptionCapped).toBe(true);
    expect(huge.text).toBe(`- huge-desc: ${'word '.repeat(400).trim().slice(0, 1535)}…`);
    expect(o.diagnostics).toContainEqual(expect.objectContaining({ file: '.claude/skills/huge-desc/SKILL.md', code: 'description-too-long', line: 3 }));
  });

  it('reduces entries to bare names in listing order once the budget runs out (claude-sonnet-4-6: 8,000 characters)', async () => {
    const sonnet = await analyzeDir(d, modelFor('claude-sonnet-4-6'));
    const L = sonnet.listings.skills;
    expect(L.budget).toBe(8000);
    expect(L.overBudget).toBe(true);
    expect(L.chars).toBeGreaterThan(L.budget);
    // Replay the rule independently: bundled entries that never compete keep their line, the rest
    // start bare, then descriptions come back in listing order while they fit.
    const eager = L.items.filter((e) => e.loading === 'eager');
    const bundled = modelFor('claude-sonnet-4-6').bundledEntries;
    const n = eager.length + bundled.length;
    let left =
      L.budget - (eager.reduce((a, e) => a + `- ${e.name}`.length, 0) + bundled.reduce((a, b) => a + (b.competes ? b.name.length + 2 : b.chars), 0) + n - 1);
    const expected: string[] = [];
    for (const e of eager) {
      const extra = e.text.length - `- ${e.name}`.length;
      if (extra <= left) left -= extra;
      else expected.push(e.name);
    }
    expect(L.truncated).toEqual(expected);
    expect(L.truncated.length).toBeGreaterThan(0);
    expect(L.truncated.length).toBeLessThan(eager.length);
    expect(L.items.filter((e) => e.truncated).map((e) => e.name)).toEqual(L.truncated);
    expect(L.bundledTruncated).toEqual(['init', 'security-review']);
  });

  it('scales the budget with the model: 30,000 characters on claude-opus-5-5 (1M x 3 x 1%), where this listing fits', () => {
    expect(o.listings.skills.budget).toBe(30_000);
    expect(o.listings.skills.overBudget).toBe(false);
    expect(o.listings.skills.truncated).toEqual([]);
  });
});
