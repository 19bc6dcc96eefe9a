/**
 * The roadmap issue's memory across scheduled runs (src/compare/history.ts): what a damaged or
 * hand-edited history block keeps, which ticked boxes are remembered, and how a step of an earlier
 * plan is credited as done. Each case is one promise of the roadmap issue.
 */
import { describe, expect, it } from 'vitest';
import { advanceHistory, doneSteps, parseHistory, parseTicked, serializeHistory, type History, type RoadmapInput } from '../../src/compare/history.js';
import type { Snapshot } from '../../src/model/snapshot.js';

const block = (json: string) => `Roadmap text\n<!-- context-budget-history\n${json}\n-->\nmore`;
const step = { id: 's1', kind: 'lazy-load', title: 'Load docs on demand', eagerTokens: 40, file: 'CLAUDE.md', fileEager: 300 };

function input(over: Partial<RoadmapInput> & { files?: { path: string; eagerTokens: number }[] } = {}): RoadmapInput {
  const { files = [], ...rest } = over;
  const snapshot = { files, totals: { eagerTokens: 1000, onDemandTokens: 50 } } as unknown as Snapshot;
  return {
    snapshot,
    recommendations: [],
    previous: { version: 1, entries: [], recommendations: [] },
    date: '2026-12-01',
    commit: 'c2',
    historyLimit: 3,
    ...rest,
  };
}

describe('parseHistory', () => {
  it('no block is a new history with no problem to report', () => {
    expect(parseHistory('just text')).toEqual({ history: { version: 1, entries: [], recommendations: [] } });
    expect(parseHistory(null).problem).toBeUndefined();
  });

  it('each wrong shape starts a new history and says so', () => {
    const shapes = [
      '{"version":2,"entries":[],"recommendations":[]}',
      '{"version":1,"entries":{},"recommendations":[]}',
      '{"version":1,"entries":[],"recommendations":"x"}',
    ];
    for (const s of shapes) {
      const r = parseHistory(block(s));
      expect(r.history).toEqual({ version: 1, entries: [], recommendations: [] });
      expect(r.problem).toBe('history block has an unknown shape; starting a new history');
    }
  });

  it('broken JSON names the parser error', () => {
    const r = parseHistory(block('{"version":1,'));
    expect(r.history.entries).toEqual([]);
    expect(r.problem).toMatch(/^history block is not valid JSON \(.+\); starting a new history$/);
  });

  it('a hand-edited plan keeps only well-formed steps, field by field', () => {
    const bad = [
      null,
      { ...step, id: 1 },
      { ...step, kind: null },
      { ...step, title: 3 },
      { ...step, file: false },
      { ...step, eagerTokens: 'x' },
      { ...step, fileEager: null },
    ];
    const entries = [{ date: 'd', commit: 'c1', eagerTokens: 1, onDemandTokens: 2 }];
    const r = parseHistory(block(JSON.stringify({ version: 1, entries, recommendations: [], plan: [step, ...bad] })));
    expect(r.problem).toBeUndefined();
    expect(r.history).toEqual({ version: 1, entries, recommendations: [], plan: [step] });
    // A plan with nothing well-formed is no plan at all.
    expect(parseHistory(block(JSON.stringify({ version: 1, entries, recommendations: [], plan: bad }))).history).not.toHaveProperty('plan');
  });

  it('round-trips through serializeHistory, even with comment markers inside titles', () => {
    const h: History = { version: 1, entries: [], recommendations: [{ key: 'k', title: 'ends --> here <!-- and', eagerTokens: 1, onDemandTokens: 0 }] };
    const text = serializeHistory(h);
    expect(text.indexOf('-->')).toBe(text.length - 3);
    expect(parseHistory(`x\n${text}\ny`).history).toEqual(h);
  });
});

describe('parseTicked', () => {
  it('reads ticked boxes whole lines only, x or X, and nothing when there is no body', () => {
    const body = [
      '- [x] Cut CLAUDE.md <!-- group:memory/CLAUDE.md -->',
      '- [X] Shorter skills <!-- group:skill:a@b -->',
      '- [ ] Not ticked <!-- group:open -->',
      'text - [x] mid-line <!-- group:midline -->',
      '- [x] trailing text <!-- group:trailing --> after',
    ].join('\n');
    expect([...parseTicked(body)].sort()).toEqual(['memory/CLAUDE.md', 'skill:a@b']);
    expect(parseTicked(undefined).size).toBe(0);
  });
});

describe('doneSteps', () => {
  const previous: History = { version: 1, entries: [], recommendations: [], plan: [step, { ...step, id: 's2', file: 'docs/a.md', fileEager: 100 }] };

  it('a step no longer proposed whose file now costs less is done, with the gain measured on the file', () => {
    const done = doneSteps(
      previous,
      input({
        files: [
          { path: 'CLAUDE.md', eagerTokens: 260 },
          { path: 'docs/a.md', eagerTokens: 100 },
        ],
      }),
    );
    expect(done).toEqual([{ ...step, measured: 40 }]);
  });

  it('a step still proposed is not done, however its file changed', () => {
    const plan = [{ id: 's1', kind: 'lazy-load', title: 't', predicted: { eagerTokens: 40 }, location: { file: 'CLAUDE.md' } }];
    expect(
      doneSteps(
        previous,
        input({
          plan,
          files: [
            { path: 'CLAUDE.md', eagerTokens: 0 },
            { path: 'docs/a.md', eagerTokens: 100 },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('a removed file counts as all of its tokens saved; an unchanged one is not done', () => {
    expect(doneSteps(previous, input({ files: [{ path: 'CLAUDE.md', eagerTokens: 300 }] })).map((s) => [s.id, s.measured])).toEqual([['s2', 100]]);
  });
});

describe('advanceHistory', () => {
  it('keeps the last historyLimit runs, one per commit, and says which recommendations were resolved', () => {
    const previous: History = {
      version: 1,
      entries: ['a', 'b', 'c2', 'd'].map((commit) => ({ date: 'x', commit, eagerTokens: 1, onDemandTokens: 1 })),
      recommendations: [
        { key: 'gone', title: 'Gone', eagerTokens: 5, onDemandTokens: 0 },
        { key: 'kept', title: 'Kept', eagerTokens: 3, onDemandTokens: 0 },
      ],
    };
    const rec = { key: 'kept', title: 'T'.repeat(250), saving: { eagerTokens: 7, onDemandTokens: 2 } } as unknown as RoadmapInput['recommendations'][number];
    const { history, resolved } = advanceHistory(input({ previous, recommendations: [rec] }));
    expect(history.entries.map((e) => e.commit)).toEqual(['b', 'd', 'c2']);
    expect(history.entries.at(-1)).toEqual({ date: '2026-12-01', commit: 'c2', eagerTokens: 1000, onDemandTokens: 50 });
    expect(resolved.map((r) => r.key)).toEqual(['gone']);
    expect(history.recommendations).toEqual([{ key: 'kept', title: 'T'.repeat(200), eagerTokens: 7, onDemandTokens: 2 }]);
    expect(history).not.toHaveProperty('plan');
  });

  it('keeps the plan with each file’s always-loaded tokens now, ids and titles bounded', () => {
    const plan = [
      { id: 'i'.repeat(400), kind: 'dedupe', title: 't'.repeat(300), predicted: { eagerTokens: 12 }, location: { file: 'CLAUDE.md' } },
      { id: 'other', kind: 'lazy-load', title: 'x', predicted: { eagerTokens: 3 }, location: { file: 'gone.md' } },
    ];
    const { history } = advanceHistory(input({ plan, files: [{ path: 'CLAUDE.md', eagerTokens: 90 }] }));
    expect(history.plan).toEqual([
      { id: 'i'.repeat(300), kind: 'dedupe', title: 't'.repeat(200), eagerTokens: 12, file: 'CLAUDE.md', fileEager: 90 },
      { id: 'other', kind: 'lazy-load', title: 'x', eagerTokens: 3, file: 'gone.md', fileEager: 0 },
    ]);
  });
});
