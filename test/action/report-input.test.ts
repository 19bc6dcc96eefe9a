/**
 * The fork recipe's untrusted report (src/action/report-input.ts): a report holding every value
 * each field may take comes through whole, field for field; anything of another shape is refused
 * naming the field; strings and lists are bounded; unknown fields are dropped; the verdict is
 * decided again from the results.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readUntrustedReport, sanitizeReport } from '../../src/action/report-input.js';
import { cleanup, tmpDir } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

const d = (base: number, head: number) => ({ base, head, delta: head - base, ratio: base ? (head - base) / base : null });
const LOADINGS = ['eager', 'on-demand', 'not-loaded'] as const;
const STATUSES = ['added', 'removed', 'changed', 'affected'] as const;
const REASONS = ['missing', 'external', 'home', 'depth', 'skipped', 'loop'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const ANALYZERS = ['loading', 'listing', 'duplication', 'references', 'structure', 'compression', 'collisions', 'reachability'] as const;
const EFFORTS = ['low', 'medium', 'high'] as const;
const HORIZONS = ['immediate', 'short-term', 'long-term'] as const;
const OPERATORS = ['max', 'maxIncrease', 'maxIncreasePercent'] as const;
const LEVELS = ['off', 'warn', 'error'] as const;
const VERDICTS = ['pass', 'warn', 'fail'] as const;
const SCOPES = ['total', 'category', 'unit', 'files', 'kind'] as const;

/** A report in which every enum takes every value it may, every optional field is present and absent. */
function fullReport() {
  const rec = (i: number) => ({
    key: `k${i}`,
    analyzer: ANALYZERS[i % ANALYZERS.length],
    title: `t${i}`,
    rationale: 'r',
    location: i % 2 ? { file: 'CLAUDE.md', line: i } : { file: 'CLAUDE.md' },
    saving: { eagerTokens: i, onDemandTokens: 0 - i * 2 + 1 },
    effort: EFFORTS[i % 3],
    horizon: HORIZONS[i % 3],
    ...(i % 2 ? { introduced: i % 4 === 1, unit: 'project' } : {}),
  });
  return {
    schemaVersion: 1,
    verdict: 'fail',
    base: { label: 'base', commit: 'a'.repeat(40), eagerTokens: 10 },
    head: { label: 'head', eagerTokens: 20 },
    compared: 'merge-base',
    tokenizer: 'o200k_base',
    tokensEstimated: true,
    configFile: '.github/context-budget.yml',
    results: OPERATORS.flatMap((operator, i) =>
      LEVELS.flatMap((level, j) =>
        VERDICTS.map((status, k) => ({
          id: `r${i}${j}${k}`,
          metric: 'eagerTokens',
          scope: { type: SCOPES[(i + j + k) % SCOPES.length], ...(k ? { value: 'memory' } : {}) },
          operator,
          expected: 100,
          actual: 120.5,
          base: k === 0 ? null : 90,
          level,
          status,
          ...(k === 1 ? { introduced: true, preexisting: false, howToPass: 'cut 20', location: { file: 'CLAUDE.md', line: 3 } } : {}),
          message: 'm',
        })),
      ),
    ),
    diff: {
      totals: { eagerTokens: d(10, 20), onDemandTokens: d(0, 5), worstInvocationTokens: d(10, 25), notLoadedTokens: d(1, 1) },
      categories: LOADINGS.map((loading, i) => ({ category: `c${i}`, loading, base: 1, head: 2, delta: 1, ratio: i ? 1 : null })),
      units: STATUSES.map((status) => ({ name: status, status, eager: d(1, 2), onDemand: d(0, 0) })),
      components: STATUSES.map((status) => ({ id: status, kind: 'skill', name: 'n', unit: 'project', file: 'f', status, eager: d(1, 2), onDemand: d(0, 1) })),
      files: LOADINGS.flatMap((l, i) =>
        STATUSES.map((status) => ({
          path: `f${i}${status}`,
          unit: 'project',
          status,
          loadingBase: i ? l : null,
          loadingHead: l,
          tokens: d(1, 2),
          eager: d(0, 2),
        })),
      ),
      listings: {
        judged: { scope: 'per-plugin', skillChars: d(100, 200), agentTokens: d(1, 2), skillUnit: 'p', agentUnit: 'q' },
        skills: {
          chars: d(1, 2),
          budget: d(3, 3),
          entries: d(1, 2),
          truncatedAdded: ['a'],
          truncatedRemoved: ['b'],
          added: ['c'],
          removed: ['d'],
          changed: ['e'],
        },
        agents: { claudeEstimateTokens: d(1, 2), tokens: d(1, 2), entries: d(0, 1), added: ['x'], removed: [], changed: ['y'] },
      },
      graph: {
        maxDepth: d(1, 2),
        cyclesAdded: [['a.md', 'b.md', 'a.md']],
        cyclesRemoved: [],
        unresolvedAdded: REASONS.map((reason, i) => ({ from: 'CLAUDE.md', line: i + 1, ref: `r${i}`, reason, ...(i % 2 ? { resolved: 'x.md' } : {}) })),
        unresolvedRemoved: [],
      },
      diagnostics: { added: SEVERITIES.map((severity, i) => ({ file: 'f', line: i, severity, code: 'frontmatter', message: 'm' })), fixed: [] },
    },
    loadTime: { rounds: 5, baseMedianMs: 10, headMedianMs: 12, ratio: 1.2, ratioMin: 1.1, ratioMax: 1.3 },
    recommendations: Array.from({ length: 24 }, (_, i) => rec(i)),
    resolved: [rec(1)],
    unknowns: [
      { kind: 'mcp-server', unit: 'project', name: 'db', note: 'n' },
      { kind: 'session-start-hook', unit: 'project', name: 'h', note: 'n' },
    ],
    assertions: [{ metric: 'eagerTokens', nested: { any: ['json', 1, null] } }],
  };
}

describe('the untrusted report of the fork recipe', () => {
  it('comes through field for field when it has the shape, every enum value included', () => {
    const r = fullReport();
    expect(sanitizeReport(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('decides the verdict again from the results: a forged pass is not obeyed', () => {
    const r = { ...fullReport(), verdict: 'pass' };
    expect(sanitizeReport(r).verdict).toBe('fail');
    const passing = { ...fullReport(), verdict: 'fail', results: fullReport().results.filter((x) => x.status === 'pass') };
    expect(sanitizeReport(passing).verdict).toBe('pass');
    const warning = { ...fullReport(), verdict: 'fail', results: fullReport().results.filter((x) => x.status !== 'fail') };
    expect(sanitizeReport(warning).verdict).toBe('warn');
  });

  it('drops fields it does not know, and bounds strings at 4,000 characters', () => {
    const r = fullReport() as Record<string, unknown>;
    const out = sanitizeReport({
      ...r,
      injected: '<script>',
      head: { label: 'x'.repeat(4_001), eagerTokens: 1, extra: 1 },
      base: { label: 'y'.repeat(4_000), eagerTokens: 1 },
    });
    expect(out).not.toHaveProperty('injected');
    expect(out.head).toEqual({ label: 'x'.repeat(4_000), eagerTokens: 1 });
    expect(out.base.label).toHaveLength(4_000);
  });

  it('refuses another shape, naming the field and what it expects', () => {
    const bad: [(r: ReturnType<typeof fullReport>) => unknown, string][] = [
      [() => null, 'report: expected an object'],
      [() => [], 'report: expected an object'],
      [(r) => ({ ...r, schemaVersion: '1' }), 'report.schemaVersion: expected a number'],
      [(r) => ({ ...r, schemaVersion: Number.NaN }), 'report.schemaVersion: expected a number'],
      [(r) => ({ ...r, schemaVersion: Infinity }), 'report.schemaVersion: expected a number'],
      [(r) => ({ ...r, tokenizer: 5 }), 'report.tokenizer: expected a string'],
      [(r) => ({ ...r, tokensEstimated: 'yes' }), 'report.tokensEstimated: expected true or false'],
      [(r) => ({ ...r, verdict: 'ok' }), 'report.verdict: expected one of pass, warn, fail'],
      [(r) => ({ ...r, results: {} }), 'report.results: expected a list'],
      [(r) => ({ ...r, results: [{ ...r.results[0], level: 'fatal' }] }), 'report.results[0].level: expected one of off, warn, error'],
      [(r) => ({ ...r, recommendations: Array.from({ length: 20_001 }, () => ({})) }), 'report.recommendations: more than 20000 items'],
      [(r) => ({ ...r, loadTime: { ...r.loadTime, ratio: null } }), 'report.loadTime.ratio: expected a number'],
      [(r) => ({ ...r, assertions: 'x'.repeat(1_000_001) }), 'report.assertions: too large'],
      [
        (r) => ({ ...r, diff: { ...r.diff, graph: { ...r.diff.graph, unresolvedAdded: [{ from: 'a', line: 1, ref: 'r', reason: 'gone' }] } } }),
        'report.diff.graph.unresolvedAdded[0].reason: expected one of missing, external, home, depth, skipped, loop',
      ],
    ];
    for (const [make, message] of bad)
      expect(() => sanitizeReport(make(fullReport()), 'r.json'), message).toThrow(`Input "publish-report": r.json is not a context-budget report: ${message}`);
    // At the bounds: accepted.
    expect(sanitizeReport({ ...fullReport(), recommendations: [], assertions: 'x'.repeat(999_990) }).recommendations).toEqual([]);
    // Exactly at them: 20,000 items, and data of exactly 1,000,000 characters as JSON.
    const full = fullReport();
    expect(sanitizeReport({ ...full, recommendations: Array.from({ length: 20_000 }, () => full.recommendations[0]) }).recommendations).toHaveLength(20_000);
    expect(sanitizeReport({ ...full, assertions: 'x'.repeat(999_998) }).assertions).toHaveLength(999_998);
    expect(sanitizeReport({ ...fullReport(), loadTime: null }).loadTime).toBeNull();
  });

  it('reads the file, and says when it is not JSON', () => {
    const dir = tmpDir();
    dirs.push(dir);
    const good = path.join(dir, 'report.json');
    writeFileSync(good, JSON.stringify(fullReport()));
    expect(readUntrustedReport(good).head.label).toBe('head');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => readUntrustedReport(bad)).toThrow(`Input "publish-report": ${bad} is not readable JSON (`);
    expect(() => readUntrustedReport(path.join(dir, 'missing.json'))).toThrow('is not readable JSON (ENOENT');
  });
});
