/**
 * What each budget says, word for word, at its edges (src/compare/assert.ts): a timed budget under
 * the floor, over in every round, within noise and under; growth, shrinkage and no change; a limit
 * met exactly; a level that is off; the base exactly at a limit; the noise floor of each metric; and
 * where another agent's limits point. The messages are the check run's and the comment's text.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, metricValue, preexistingFloor } from '../../src/compare/assert.js';
import type { Assertion } from '../../src/model/budgets.js';
import type { LoadTimeComparison } from '../../src/model/report.js';
import type { AgentSnapshot, Snapshot } from '../../src/model/snapshot.js';
import { analyzeDir, beforeShared, cleanup, plugin, tmpDir, writeFiles } from '../helpers.js';

const a = (over: Partial<Assertion>): Assertion =>
  ({ id: 'b', metric: 'eagerTokens', scope: { type: 'total' }, operator: 'max', threshold: 0, level: 'error', ...over }) as Assertion;
const lt = (ratio: number, min: number, max: number, ms = 50): LoadTimeComparison =>
  ({ rounds: 5, baseMedianMs: ms, headMedianMs: ms * ratio, ratio, ratioMin: min, ratioMax: max, source: 'parse' }) as LoadTimeComparison;
const withTotal = (s: Snapshot, eagerTokens: number): Snapshot => ({ ...s, totals: { ...s.totals, eagerTokens } });

describe('budget messages', () => {
  let s: Snapshot;
  beforeShared(async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'CLAUDE.md': '# P\n\nGuidance.\n' });
    try {
      s = await analyzeDir(dir);
    } finally {
      cleanup(dir);
    }
  });
  const one = (x: Assertion, base: Snapshot, head: Snapshot, t: LoadTimeComparison | null = null) => evaluate([x], base, head, t)[0]!;

  it('a timed budget: under the floor, over in every round, within noise, under', () => {
    const timed = a({ metric: 'loadTimeRatio', threshold: 1.5, noise: 0.25, level: 'warn' });
    expect(one(timed, s, s, lt(3, 2.9, 3.1, 1))).toEqual(
      expect.objectContaining({
        status: 'pass',
        base: 1,
        actual: 3,
        introduced: false,
        message: 'Load time (head / base): both sides load in under 5 ms; too fast to compare reliably',
      }),
    );
    expect(one(timed, s, s, lt(2, 1.9, 2.1)).message).toBe(
      'Load time (head / base) is 2.00x (1.90–2.10x over 5 rounds), over the limit of 1.75x in every round',
    );
    expect(one(timed, s, s, lt(2, 1.75, 2.1)).status).toBe('pass');
    expect(one(timed, s, s, lt(1.7, 1.5, 1.8)).message).toBe(
      'Load time (head / base) is 1.70x (1.50–1.80x over 5 rounds): within noise of the limit 1.75x, not judged',
    );
    expect(one(timed, s, s, lt(1.2, 1.1, 1.75)).message).toBe('Load time (head / base) is 1.20x (1.10–1.75x over 5 rounds; limit 1.75x)');
    // A timed budget that is not a maximum is judged like any other.
    expect(one(a({ metric: 'loadTimeRatio', operator: 'maxIncrease', threshold: 0.5 }), s, s, lt(2, 1.9, 2.1)).message).toMatch(
      /^Load time \(head \/ base\) grew by 1\.00x \(1\.00x → 2\.00x; allowed increase 0\.50x\)$/,
    );
  });

  it('growth, shrinkage, no change; a limit met exactly passes', () => {
    const inc = a({ operator: 'maxIncrease', threshold: 10 });
    expect(one(inc, withTotal(s, 100), withTotal(s, 110))).toMatchObject({
      status: 'pass',
      message: 'Always-loaded tokens grew by 10 (100 → 110; allowed increase 10)',
    });
    expect(one(inc, withTotal(s, 100), withTotal(s, 111)).status).toBe('fail');
    expect(one(inc, withTotal(s, 100), withTotal(s, 90)).message).toBe('Always-loaded tokens shrank by 10 (100 → 90; allowed increase 10)');
    expect(one(inc, withTotal(s, 100), withTotal(s, 100)).message).toBe('Always-loaded tokens did not change (100 → 100; allowed increase 10)');
    const pct = a({ operator: 'maxIncreasePercent', threshold: 10 });
    expect(one(pct, withTotal(s, 100), withTotal(s, 110))).toMatchObject({
      status: 'pass',
      message: 'Always-loaded tokens changed by 10.0% (100 → 110; allowed +10%)',
    });
    expect(one(a({ threshold: 100 }), s, withTotal(s, 100)).status).toBe('pass');
  });

  it('a level that is off is not judged; warn warns where error fails', () => {
    expect(evaluate([a({ level: 'off' })], s, withTotal(s, 500), null)).toEqual([]);
    expect(one(a({ level: 'warn' }), s, withTotal(s, 500)).status).toBe('warn');
    const d = (file: string) => ({ file, line: 1, code: 'unreadable', severity: 'warning', message: 'unreadable' });
    const h = { ...s, diagnostics: [d('x.md')] } as Snapshot;
    expect(one(a({ metric: 'unmeasured', level: 'warn' }), s, h).status).toBe('warn');
    // Three fresh ones are listed whole; what the base already could not read is not fresh.
    const three = { ...s, diagnostics: [d('a.md'), d('b.md'), d('c.md')] } as Snapshot;
    expect(one(a({ metric: 'unmeasured' }), s, three).message).toBe('Could not measure the head: a.md: unreadable; b.md: unreadable; c.md: unreadable');
    const other = { ...s, diagnostics: [{ ...d('a.md'), code: 'invalid-yaml' }] } as unknown as Snapshot;
    expect(one(a({ metric: 'unmeasured' }), other, three).actual).toBe(3);
  });

  it('a base exactly at the limit is not over it: the change answers for all of its growth', () => {
    const r = one(a({ threshold: 100 }), withTotal(s, 100), withTotal(s, 150));
    expect(r).toMatchObject({ status: 'fail', introduced: true });
    expect(r).not.toHaveProperty('share');
    expect(r).not.toHaveProperty('preexisting');
    // A growth budget never counts as "already over".
    const g = one(a({ operator: 'maxIncrease', threshold: 5 }), withTotal(s, 100), withTotal(s, 150));
    expect(g).not.toHaveProperty('share');
  });

  it('the noise floor of each limit', () => {
    expect(preexistingFloor('skillListingTruncated', 0)).toBe(1);
    for (const m of ['agentListingTokens', 'memoryFileMaxChars', 'memoryTotalChars', 'skillListingChars'] as const) expect(preexistingFloor(m, 1050)).toBe(11);
    for (const m of ['importsPastDepthLimit', 'cycles', 'eagerTokens'] as const) expect(preexistingFloor(m, 1050)).toBe(0);
  });
});

describe("another agent's limits point at the file it cuts and the first skill it lists by name only", () => {
  it('dropped characters and names only', async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'CLAUDE.md': '# P\n' });
    let s: Snapshot;
    try {
      s = await analyzeDir(dir);
    } finally {
      cleanup(dir);
    }
    const agent = {
      agent: { id: 'codex', name: 'OpenAI Codex', version: '1' },
      totals: { eagerTokens: 10, eagerChars: 40, onDemandTokens: 0, droppedChars: 700, overheadChars: 0 },
      files: [
        { path: 'docs/a.md', loading: 'eager', tokens: 1, chars: 4, bytes: 4 },
        { path: 'AGENTS.md', loading: 'eager', tokens: 9, chars: 900, bytes: 900, keptChars: 200 },
      ],
      listings: {
        skills: {
          items: [
            { name: 'kept', file: '.agents/skills/kept/SKILL.md', chars: 10, truncated: false },
            { name: 'lost', file: '.agents/skills/lost/SKILL.md', chars: 10, truncated: true },
          ],
          truncated: ['lost'],
          budget: 100,
        },
        agents: { items: [] },
      },
      diagnostics: [],
    } as unknown as AgentSnapshot;
    const h = { ...s!, agents: [agent] };
    const scope = { type: 'agent' as const, value: 'codex' };
    expect(metricValue(h, 'agentDroppedChars', scope, null, 'head')).toEqual({ value: 700, location: { file: 'AGENTS.md' } });
    expect(metricValue(h, 'agentListingNameOnly', scope, null, 'head')).toEqual({ value: 1, location: { file: '.agents/skills/lost/SKILL.md' } });
    expect(metricValue(h, 'agentEagerTokens', scope, null, 'head')).toEqual({ value: 10 });
    expect(metricValue(h, 'agentEagerTokens', { type: 'agent', value: 'gemini' }, null, 'head')).toBeNull();
  });
});

describe('a scoped budget counts only counted units, and only the loading it names', () => {
  const skill = (n: string) => `---\nname: ${n}\ndescription: The ${n} skill does things\n---\nBody of ${n} with several words.\n`;
  // A project and a marketplace plugin that is not installed ('none'): the plugin's entries are analyzed, never counted.
  let s: Snapshot;
  beforeShared(async () => {
    const dir = tmpDir();
    writeFiles(dir, {
      'CLAUDE.md': '# P\n',
      '.claude/commands/p.md': 'Project command body words.\n',
      '.claude/skills/ps/SKILL.md': skill('ps'),
      ...plugin('alpha'),
      'plugins/alpha/commands/ac.md': 'Alpha command body.\n',
      'plugins/alpha/skills/as/SKILL.md': skill('as'),
    });
    try {
      s = await analyzeDir(dir, {}, 'none');
    } finally {
      cleanup(dir);
    }
  });
  const v = (metric: 'eagerTokens' | 'onDemandTokens', scope: Assertion['scope']) => metricValue(s, metric, scope, null, 'head')!.value;
  const component = (kind: string, unit: string) => s.components.find((c) => c.kind === kind && c.unit === unit)!;
  const entry = (name: string) => s.listings.skills.items.find((i) => i.name === name)!;

  it('a kind counts the project’s components, not an uninstalled plugin’s', () => {
    expect(s.units.map((u) => [u.name, u.counted])).toEqual([
      ['project', true],
      ['alpha', false],
    ]);
    expect(component('command', 'alpha').onDemandTokens).toBeGreaterThan(0);
    expect(v('onDemandTokens', { type: 'kind', value: 'command' })).toBe(component('command', 'project').onDemandTokens);
    expect(v('eagerTokens', { type: 'kind', value: 'skill' })).toBe(component('skill', 'project').eagerTokens);
  });

  it('a category counts its tokens of the loading asked for only', () => {
    const listing = s.categories.find((c) => c.category === 'skill-listing')!;
    expect(listing).toMatchObject({ loading: 'eager' });
    expect(v('eagerTokens', { type: 'category', value: 'skill-listing' })).toBe(listing.tokens);
    expect(v('onDemandTokens', { type: 'category', value: 'skill-listing' })).toBe(0);
  });

  it('a glob counts files and listing entries of the loading asked for, in counted units', () => {
    const body = s.files.find((f) => f.path === '.claude/skills/ps/SKILL.md')!;
    expect(body.loading).toBe('on-demand');
    // On demand: the skill's body, not its always-loaded listing entry.
    expect(v('onDemandTokens', { type: 'files', value: '.claude/skills/**' })).toBe(body.tokens);
    // Always loaded: the listing entry, not the body.
    expect(v('eagerTokens', { type: 'files', value: '.claude/skills/**' })).toBe(entry('ps').tokens);
    // The uninstalled plugin's entry is listed but not counted.
    expect(entry('alpha:as').tokens).toBeGreaterThan(0);
    expect(v('eagerTokens', { type: 'files', value: 'plugins/**' })).toBe(0);
  });

  it('a timing too fast to compare leaves token budgets judged as usual', () => {
    const tooFast = lt(3, 2.9, 3.1, 1);
    const r = evaluate([a({ metric: 'eagerTokens', threshold: 1 })], withTotal(s, 0), s, tooFast)[0]!;
    expect(r.status).toBe('fail');
    expect(r.message).not.toContain('too fast');
    expect(r.actual).toBe(s.totals.eagerTokens);
  });
});
