/**
 * The small renderers every report leans on, each pinned at its edges (issue 24: their mutants
 * survived the goldens, whose frameworks never reach these edges): the job summary's pie, the
 * recommendation groups, a suggested edit's fence and saving, the annotations' clipping and order,
 * and when an optimization counts as "as predicted".
 */
import { describe, expect, it } from 'vitest';
import type { Achieved, OptimizePlan, OptimizeStep } from '../../src/model/optimize.js';
import type { GateReport, Recommendation, SuggestedEdit } from '../../src/model/report.js';
import { cappedAnnotations, renderAnnotations } from '../../src/render/annotations.js';
import { CHART_SLICES, diffChart, mermaidPie } from '../../src/render/chart.js';
import { groupDiagnostics, groupRecommendations } from '../../src/render/groups.js';
import { close, renderOptimizeText } from '../../src/render/optimize-text.js';
import { renderSuggestion } from '../../src/render/suggestion.js';
import type { Category } from '../../src/model/snapshot.js';

describe('the job summary pie', () => {
  it('draws categories with tokens, largest first, ties by name, and sums what is past the slices', () => {
    const slices: { category: Category; tokens: number }[] = [
      { category: 'skill-listing', tokens: 50 },
      { category: 'memory', tokens: 50 },
      { category: 'rules', tokens: 0 },
      { category: 'agent-listing', tokens: 70 },
    ];
    expect(mermaidPie('T "x"\n`y`', slices)).toBe(
      ['```mermaid', 'pie showData title T  x   y ', '    "agent listing" : 70', '    "memory files" : 50', '    "skill listing" : 50', '```'].join('\n'),
    );
  });

  it(`shows ${CHART_SLICES} slices and "the rest" as their sum`, () => {
    const cats = [
      'memory',
      'rules',
      'skill-listing',
      'agent-listing',
      'mcp',
      'hooks',
      'skill-bodies',
      'command-bodies',
      'agent-bodies',
      'resources',
    ] as Category[];
    const slices = cats.map((category, i) => ({ category, tokens: 100 - i }));
    const lines = mermaidPie('t', slices).split('\n');
    expect(lines).toHaveLength(2 + CHART_SLICES + 1 + 1);
    expect(lines.at(-2)).toBe(`    "the rest" : ${91 + 92}`);
    expect(lines[2]).toMatch(/ : 100$/);
  });

  it('is empty when nothing is always loaded, and a diff chart takes the head of eager categories only', () => {
    expect(mermaidPie('t', [{ category: 'memory', tokens: 0 }])).toBe('');
    const r = {
      diff: {
        categories: [
          { category: 'memory', loading: 'eager', base: 5, head: 12 },
          { category: 'skill-bodies', loading: 'on-demand', base: 0, head: 900 },
        ],
      },
    } as unknown as GateReport;
    expect(diffChart(r)).toBe(
      '#### Where the always-loaded context goes\n\n```mermaid\npie showData title Always-loaded tokens of the head, by category\n    "memory files" : 12\n```',
    );
    expect(diffChart({ diff: { categories: [] } } as unknown as GateReport)).toBe('');
  });
});

const rec = (over: Partial<Recommendation>): Recommendation => ({
  key: 'k',
  analyzer: 'loading',
  title: 't',
  rationale: 'r',
  location: { file: 'CLAUDE.md', line: 1 },
  saving: { eagerTokens: 0, onDemandTokens: 0 },
  effort: 'low',
  horizon: 'immediate',
  ...over,
});

describe('recommendation groups', () => {
  it('titles each analyzer, puts a unitless item in the project, and sums only savings', () => {
    const analyzers: Recommendation['analyzer'][] = [
      'loading',
      'listing',
      'duplication',
      'references',
      'structure',
      'compression',
      'collisions',
      'reachability',
    ];
    expect(groupRecommendations(analyzers.map((analyzer) => rec({ analyzer }))).map((g) => [g.key, g.title])).toEqual([
      ['loading:project', 'Load on demand instead of always in project'],
      ['listing:project', 'Shorten listing descriptions in project'],
      ['duplication:project', 'Remove duplicated text in project'],
      ['references:project', 'Fix references in project'],
      ['structure:project', 'Restructure in project'],
      ['compression:project', 'Compress always-loaded text in project'],
      ['collisions:project', 'Resolve name collisions in project'],
      ['reachability:project', 'Unreachable files in project'],
    ]);
    const [g, p] = groupRecommendations([
      rec({ saving: { eagerTokens: 10, onDemandTokens: 7 } }),
      rec({ saving: { eagerTokens: -4, onDemandTokens: -3 } }),
      rec({ saving: { eagerTokens: 5, onDemandTokens: 2 } }),
      rec({ unit: 'alpha', saving: { eagerTokens: 1, onDemandTokens: 1 } }),
    ]);
    expect([g!.unit, g!.items.length, g!.eagerTokens, g!.onDemandTokens]).toEqual(['project', 3, 15, 9]);
    expect([p!.key, p!.title, p!.unit]).toEqual(['loading:alpha', 'Load on demand instead of always in alpha', 'alpha']);
  });

  it('gives diagnostics of one code a line each up to the limit, one line for all past it', () => {
    const d = (code: string, file: string) => ({ code, file, message: `${code} in ${file}`, severity: 'warning' });
    const three = [d('a', '1'), d('a', '2'), d('a', '3')];
    expect(groupDiagnostics(three, 3)).toEqual(three.map((one) => ({ one })));
    expect(groupDiagnostics([...three, d('b', '9'), d('a', '4')], 3)).toEqual([
      { code: 'a', severity: 'warning', count: 4, files: ['1', '2', '3', '4'], message: 'a in 1' },
      { one: d('b', '9') },
    ]);
  });
});

describe('a suggested edit', () => {
  const edit = (over: Partial<SuggestedEdit>): SuggestedEdit => ({
    stepId: 'step-1',
    kind: 'duplication',
    path: 'CLAUDE.md',
    startLine: 1,
    line: 2,
    title: 'Shorten the intro',
    detail: 'Two lines say the same.',
    eagerTokens: 40,
    listingChars: 0,
    agentListingChars: 0,
    replacement: ['One line.'],
    ...over,
  });

  it('fences the replacement with more backticks than any fence that starts one of its lines', () => {
    expect(renderSuggestion(edit({})).split('\n').slice(-3)).toEqual(['```suggestion', 'One line.', '```']);
    const nested = renderSuggestion(edit({ replacement: ['```ts', 'x', '```', '  `````', 'y'] }));
    expect(nested).toContain('\n``````suggestion\n');
    expect(nested.endsWith('\ny\n``````')).toBe(true);
    // Backticks inside a line, or after other text, are no fence.
    expect(renderSuggestion(edit({ replacement: ['a ````` b', '.````'] }))).toContain('\n```suggestion\n');
  });

  it('states the saving, the listings only when they move', () => {
    const head = (e: SuggestedEdit) => renderSuggestion(e).split('\n')[1];
    expect(head(edit({}))).toBe('**context-budget** · Shorten the intro (about 40 always-loaded tokens)');
    expect(head(edit({ listingChars: 1200, agentListingChars: 30 }))).toBe(
      '**context-budget** · Shorten the intro (about 40 always-loaded tokens, skill listing 1,200 characters, agent listing 30 characters)',
    );
    const lines = renderSuggestion(edit({})).split('\n');
    expect([lines[2], lines[3], lines[4]]).toEqual(['', 'Two lines say the same.', '']);
  });
});

describe('annotations', () => {
  const report = (over: Partial<GateReport>) => ({ results: [], diff: { diagnostics: { added: [] } }, recommendations: [], ...over }) as unknown as GateReport;
  const result = (id: string, status: string, message: string) => ({ id, status, message, location: { file: 'CLAUDE.md', line: 0 } });

  it('clips a message at 1,000 characters, never one of exactly 1,000', () => {
    const [exact, over] = renderAnnotations(report({ results: [result('a', 'fail', 'x'.repeat(1000)), result('b', 'warn', 'y'.repeat(1001))] as never }));
    expect(exact!.message).toBe('x'.repeat(1000));
    expect(over!.message).toBe('y'.repeat(999) + '…');
    expect([exact!.start_line, exact!.annotation_level, over!.annotation_level]).toEqual([1, 'failure', 'warning']);
  });

  it('marks an error diagnostic a failure, a warning a warning, and leaves out info', () => {
    const d = (severity: string, code: string) => ({ file: 'a.md', line: 3, severity, code, message: code });
    const out = renderAnnotations(report({ diff: { diagnostics: { added: [d('error', 'e'), d('warning', 'w'), d('info', 'i')] } } } as never));
    expect(out.map((a) => [a.title, a.annotation_level])).toEqual([
      ['context-budget: e', 'failure'],
      ['context-budget: w', 'warning'],
    ]);
  });

  it('orders failures, then warnings, then notices, each in report order, and counts what the cap leaves out', () => {
    const results = [result('w1', 'warn', 'm'), result('f1', 'fail', 'm'), result('w2', 'warn', 'm'), result('f2', 'fail', 'm'), result('w3', 'warn', 'm')];
    const { annotations, omitted } = cappedAnnotations(report({ results } as never), 4);
    expect(annotations.map((a) => a.title)).toEqual(['f1', 'f2', 'w1', 'w2'].map((x) => `context-budget: ${x}`));
    expect(omitted).toBe(1);
  });
});

describe('an optimization as predicted', () => {
  const a = (predicted: number, achieved: number): Achieved =>
    ({
      kind: 'duplication',
      predicted: { eagerTokens: predicted, listingChars: 0, agentListingChars: 0 },
      achieved: { eagerTokens: achieved, listingChars: 0, agentListingChars: 0 },
    }) as Achieved;
  it('is within 20 tokens for small steps, within 5% for large ones, edges included', () => {
    expect(close(a(100, 120))).toBe(true);
    expect(close(a(100, 121))).toBe(false);
    expect(close(a(1000, 1050))).toBe(true);
    expect(close(a(1000, 1051))).toBe(false);
    expect(close(a(-1000, -950))).toBe(true);
  });
});

describe('the optimization plan as text', () => {
  const zero = { eagerTokens: 0, listingChars: 0, agentListingChars: 0 };
  const step = (over: Partial<OptimizeStep>): OptimizeStep => ({
    id: 'duplication:a',
    kind: 'duplication',
    title: 'Remove a repeated section',
    detail: 'Said twice.',
    risk: 'low',
    location: { file: 'CLAUDE.md', line: 4 },
    edits: [{ path: 'CLAUDE.md', before: 'a', after: 'b' }],
    predicted: { ...zero, eagerTokens: 30 },
    ...over,
  });

  it('names what each edit does to its file, truncated listing entries, every refusal up to 50, and the --only to apply', () => {
    const plan: OptimizePlan = {
      steps: [
        step({
          edits: [
            { path: 'docs/new.md', before: null, after: 'x' },
            { path: 'CLAUDE.md', before: 'a', after: 'b' },
            { path: 'old.md', before: 'y', after: null },
          ],
        }),
      ],
      refused: Array.from({ length: 53 }, (_, i) => ({ kind: 'imports' as const, file: `f${i}.md`, line: i + 1, subject: `s${i}`, why: 'a symbolic link' })),
      before: { eagerTokens: 1200, listingChars: 16_000, listingTruncated: 3, agentListingChars: 40 },
    };
    const lines = renderOptimizeText(plan, { dir: '.', apply: false, only: ['duplication', 'imports'] }).split('\n');
    expect(lines[1]).toBe('Now: 1,200 always-loaded tokens; skill listing 16,000 chars (3 entries without their description); agent listing 40 chars.');
    expect(lines).toContain('     create docs/new.md; edit CLAUDE.md; delete old.md');
    expect(lines).toContain('Left alone (53):');
    expect(lines).toContain('  f49.md:50 [imports] "s49": a symbolic link');
    expect(lines).not.toContain('  f50.md:51 [imports] "s50": a symbolic link');
    expect(lines).toContain('  … and 3 more (--json lists them all)');
    expect(lines).toContain('Apply: context-budget optimize . --apply --only duplication --only imports  (writes the working tree, never commits)');
    const all = renderOptimizeText({ ...plan, refused: plan.refused.slice(0, 50) }, { dir: '.', apply: false }).split('\n');
    expect(all).toContain('Apply: context-budget optimize . --apply  (writes the working tree, never commits)');
    expect(all.some((l) => l.includes('more (--json'))).toBe(false);
  });
});
