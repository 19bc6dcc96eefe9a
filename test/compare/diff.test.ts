import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decide, evaluate } from '../../src/compare/assert.js';
import { diffSnapshots, isEmptyDiff } from '../../src/compare/diff.js';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig } from '../../src/config/load.js';
import type { Delta, SnapshotDiff } from '../../src/model/report.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { frameworkTree } from '../arbitrary.js';
import { analyzeDir, cleanup, counter, FIXTURES, tmpDir, writeFiles } from '../helpers.js';
import path from 'node:path';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

async function snap(files: Record<string, string>): Promise<Snapshot> {
  const d = tmpDir();
  dirs.push(d);
  writeFiles(d, files);
  return analyzeDir(d);
}

/** Every Delta in a diff, by path. */
function deltas(x: unknown, at = '', out: [string, Delta][] = []): [string, Delta][] {
  if (x && typeof x === 'object') {
    if ('delta' in x && 'base' in x && 'head' in x) out.push([at, x as Delta]);
    else for (const [k, v] of Object.entries(x)) deltas(v, `${at}.${k}`, out);
  }
  return out;
}

const config = normalizeConfig({}, 'defaults');

describe('diff properties', () => {
  it('diff of a snapshot with itself is empty and passes', async () => {
    await fc.assert(
      fc.asyncProperty(frameworkTree, async (files) => {
        const s = await snap(files);
        const d = diffSnapshots(s, s);
        expect(isEmptyDiff(d)).toBe(true);
        const r = compare({ base: s, head: s, baseLabel: 'a', headLabel: 'a', loadTime: null }, config);
        // Nothing changed, so nothing can be this change's fault: hard limits already broken only warn.
        expect(r.verdict).not.toBe('fail');
        expect(r.recommendations.every((x) => !x.introduced)).toBe(true);
        expect(r.resolved).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('swapping base and head negates every delta and swaps added/removed', async () => {
    await fc.assert(
      fc.asyncProperty(frameworkTree, frameworkTree, async (fa, fb) => {
        const [a, b] = [await snap(fa), await snap(fb)];
        const ab = diffSnapshots(a, b);
        const ba = diffSnapshots(b, a);
        const m = new Map(deltas(ba));
        for (const [k, d] of deltas(ab)) {
          const r = m.get(k);
          if (!r) continue; // keyed lists: compared below
          expect(r.delta + 0).toBe(-d.delta + 0);
          expect(r.base).toBe(d.head);
        }
        const flip = (s: string) => (s === 'added' ? 'removed' : s === 'removed' ? 'added' : s);
        const key = (l: SnapshotDiff['files']) => l.map((f) => `${f.path}:${f.eager.delta}:${f.tokens.delta}:${f.status}`).sort();
        expect(key(ba.files)).toEqual(
          key(
            ab.files.map((f) => ({
              ...f,
              status: flip(f.status) as typeof f.status,
              eager: { ...f.eager, delta: -f.eager.delta },
              tokens: { ...f.tokens, delta: -f.tokens.delta },
            })),
          ),
        );
        expect(ba.units.map((u) => [u.name, -u.eager.delta || 0]).sort()).toEqual(ab.units.map((u) => [u.name, u.eager.delta || 0]).sort());
        expect(ba.diagnostics.added).toEqual(ab.diagnostics.fixed);
        expect(ba.listings.skills.added).toEqual(ab.listings.skills.removed);
        expect(ba.graph.cyclesAdded).toEqual(ab.graph.cyclesRemoved);
      }),
      { numRuns: 25 },
    );
  });
});

describe('budgets and the verdict', () => {
  it('warns on an eager increase, fails on a new hard-limit breach, and never blames what the base already broke', async () => {
    const base = await analyzeDir(path.join(FIXTURES, 'example-base'));
    const head = await analyzeDir(path.join(FIXTURES, 'example-head'));
    const results = evaluate(config.assertions, base, head, null);
    expect(results.find((r) => r.id === 'eager-increase')).toMatchObject({ status: 'warn', actual: head.totals.eagerTokens - base.totals.eagerTokens });
    expect(decide(results)).toBe('warn');
    const tight = normalizeConfig({ model: { agentListingWarnTokens: 10 } }, 'x.yml');
    const broken = evaluate(tight.assertions, base, head, null).find((r) => r.id === 'agent-listing-size')!;
    expect(broken).toMatchObject({ status: 'pass', base: 21, actual: 21, introduced: false, preexisting: true });
    expect(broken.message).toContain('already over on the base branch');
    const grown = { ...head, listings: { ...head.listings, agents: { ...head.listings.agents, claudeEstimateTokens: 40 } } };
    expect(evaluate(tight.assertions, base, grown, null).find((r) => r.id === 'agent-listing-size')).toMatchObject({ status: 'fail', introduced: true });
  });

  it('evaluates scoped and percentage budgets', async () => {
    const base = await analyzeDir(path.join(FIXTURES, 'example-base'));
    const head = await analyzeDir(path.join(FIXTURES, 'example-head'));
    const c = normalizeConfig(
      {
        defaults: false,
        budgets: [
          { metric: 'eagerTokens', scope: 'category:skill-listing', maxIncreasePercent: 50 },
          { metric: 'eagerTokens', scope: 'files:CLAUDE.md', max: 100000 },
          { metric: 'eagerTokens', scope: 'kind:skill', maxIncrease: 1000, level: 'warn' },
        ],
      },
      'x.yml',
    );
    const r = evaluate(c.assertions, base, head, null);
    const skills = (s: Snapshot) => s.categories.filter((x) => x.category === 'skill-listing' && x.loading === 'eager').reduce((a, x) => a + x.tokens, 0);
    expect(r[0]).toMatchObject({ status: 'fail', base: skills(base) });
    expect(r[0]!.actual).toBeCloseTo(((skills(head) - skills(base)) / skills(base)) * 100, 5);
    expect(r[1]).toMatchObject({ status: 'pass', actual: head.files.find((f) => f.path === 'CLAUDE.md')!.tokens });
    expect(r[2]).toMatchObject({ status: 'pass' });
    expect(decide(r)).toBe('fail');
  });

  it('has no timed budget by default; an opt-in one decides only when its whole interval clears the limit', async () => {
    const s = await analyzeDir(path.join(FIXTURES, 'example-base'));
    const lt = (ratio: number, ms: number, spread = 0.1) => ({
      rounds: 5,
      baseMedianMs: ms,
      headMedianMs: ms * ratio,
      ratio,
      ratioMin: ratio - spread,
      ratioMax: ratio + spread,
    });
    expect(evaluate(config.assertions, s, s, lt(40, 50)).some((r) => r.metric === 'loadTimeRatio')).toBe(false);
    const timed = normalizeConfig({ budgets: [{ metric: 'loadTimeRatio', max: 1.5, noise: 0.25, level: 'warn' }] }, 'x.yml');
    const loadResult = (ratio: number, ms: number, spread?: number) =>
      evaluate(timed.assertions, s, s, lt(ratio, ms, spread)).find((r) => r.metric === 'loadTimeRatio')!;
    expect(loadResult(1.6, 50).status).toBe('pass'); // within max 1.5 + 0.25 noise
    expect(loadResult(2.0, 50).status).toBe('warn'); // 1.9-2.1: every round over 1.75
    const noisy = loadResult(2.0, 50, 0.5); // 1.5-2.5: the interval straddles the limit
    expect(noisy.status).toBe('pass');
    expect(noisy.message).toContain('within noise');
    expect(loadResult(3.0, 1).status).toBe('pass'); // under the 5 ms floor
  });
});

describe('same commits, same verdict', () => {
  it('gives the same verdict and the same comment on every run of the same pair (20 runs, default budgets)', async () => {
    const { runDiff } = await import('../../src/pipeline.js');
    const { worktreeSource } = await import('../../src/collect/worktree.js');
    const { renderComment } = await import('../../src/render/comment.js');
    const side = (name: string) => ({ kind: 'source' as const, source: worktreeSource(path.join(FIXTURES, name)), label: name });
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = await runDiff(side('example-base'), side('example-head'), config, counter);
      seen.add(`${r.verdict}\n${renderComment(r, { key: 'default' })}`);
    }
    expect(seen.size).toBe(1);
    expect([...seen][0]).toMatch(/^warn\n/);
  });
});

describe('files whose bytes did not change', () => {
  it('are never "changed": an AGENTS.md that stops loading because a CLAUDE.md was added is "affected"', async () => {
    const base = tmpDir();
    const head = tmpDir();
    writeFiles(base, { 'AGENTS.md': '# Agents\n\nWork carefully and write tests.\n' });
    writeFiles(head, { 'AGENTS.md': '# Agents\n\nWork carefully and write tests.\n', 'CLAUDE.md': '# Claude\n\nShort.\n' });
    const d = diffSnapshots(await analyzeDir(base), await analyzeDir(head));
    cleanup(base);
    cleanup(head);
    expect(d.files.find((f) => f.path === 'AGENTS.md')).toMatchObject({ status: 'affected', loadingBase: 'eager', loadingHead: 'not-loaded' });
    expect(d.files.find((f) => f.path === 'CLAUDE.md')).toMatchObject({ status: 'added' });
  });
});

describe('an empty diff ("comment: changed" stays silent only on one)', () => {
  it('is not empty when any one list has an entry or any one total moved', async () => {
    const s = await snap({ 'CLAUDE.md': '# Project\n\nUse pnpm.\n' });
    const empty = diffSnapshots(s, s);
    expect(isEmptyDiff(empty)).toBe(true);
    const lists: ((d: SnapshotDiff) => unknown[])[] = [
      (d) => d.categories,
      (d) => d.units,
      (d) => d.components,
      (d) => d.files,
      (d) => d.listings.skills.truncatedAdded,
      (d) => d.listings.skills.truncatedRemoved,
      (d) => d.listings.skills.added,
      (d) => d.listings.skills.removed,
      (d) => d.listings.skills.changed,
      (d) => d.listings.agents.added,
      (d) => d.listings.agents.removed,
      (d) => d.listings.agents.changed,
      (d) => d.graph.cyclesAdded,
      (d) => d.graph.cyclesRemoved,
      (d) => d.graph.unresolvedAdded,
      (d) => d.graph.unresolvedRemoved,
      (d) => d.diagnostics.added,
      (d) => d.diagnostics.fixed,
    ];
    lists.forEach((list, i) => {
      const d = structuredClone(empty);
      list(d).push({});
      expect(isEmptyDiff(d), `list ${i}`).toBe(false);
    });
    const totals: ((d: SnapshotDiff) => Delta)[] = [
      (d) => d.totals.eagerTokens,
      (d) => d.totals.onDemandTokens,
      (d) => d.totals.worstInvocationTokens,
      (d) => d.totals.notLoadedTokens,
      (d) => d.listings.skills.chars,
      (d) => d.listings.agents.claudeEstimateTokens,
      (d) => d.listings.judged.skillChars,
      (d) => d.listings.judged.agentTokens,
      (d) => d.graph.maxDepth,
    ];
    totals.forEach((total, i) => {
      for (const delta of [1, -1]) {
        const d = structuredClone(empty);
        total(d).delta = delta;
        expect(isEmptyDiff(d), `total ${i} by ${delta}`).toBe(false);
      }
    });
  });

  it('lists a file whose loading changed while its bytes and tokens did not, as affected', async () => {
    // A nested CLAUDE.md loads when Claude works in src/; excluded by the head's settings, it never loads.
    const nested = { 'src/CLAUDE.md': 'Nested' };
    const base = await snap(nested);
    const head = await snap({ ...nested, '.claude/settings.json': '{"claudeMdExcludes":["src/CLAUDE.md"]}' });
    const [b, h] = [base, head].map((s) => s.files.find((x) => x.path === 'src/CLAUDE.md')!);
    expect([b!.sha, b!.tokens, b!.eagerTokens]).toEqual([h!.sha, h!.tokens, h!.eagerTokens]);
    const f = diffSnapshots(base, head).files.find((x) => x.path === 'src/CLAUDE.md');
    expect(f).toEqual({
      path: 'src/CLAUDE.md',
      unit: b!.unit,
      status: 'affected',
      loadingBase: 'on-demand',
      loadingHead: 'not-loaded',
      tokens: { base: 1, head: 1, delta: 0, ratio: 0 },
      eager: { base: 0, head: 0, delta: 0, ratio: null },
    });
    // The same file on both sides, loaded the same way, is not listed.
    expect(diffSnapshots(head, head).files).toEqual([]);
  });
});
