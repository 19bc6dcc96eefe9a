/**
 * Parts of the comment the goldens can't reach with a deterministic run: the start-up row (a timing),
 * links that would break on a file name, and folding to fit a limit down to its last resort. Each
 * starts from a real report: the breaks-everything golden's JSON, produced by the CLI.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateReport, LoadTimeComparison, Recommendation } from '../../src/model/report.js';
import { metricsTable, renderComment, utf8Bytes, verdictLine } from '../../src/render/comment.js';
import { ROOT } from '../helpers.js';

const golden = (name: string): GateReport => JSON.parse(readFileSync(path.join(ROOT, 'test/goldens', name, 'report.json'), 'utf8')) as GateReport;
const row = (table: string, label: string) => table.split('\n').find((l) => l.startsWith(`| ${label}`));
const cells = (line: string | undefined) =>
  (line ?? '')
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
const lt = (over: Partial<LoadTimeComparison> = {}): LoadTimeComparison =>
  ({ rounds: 5, baseMedianMs: 120, headMedianMs: 150, ratio: 1.25, ratioMin: 1.2, ratioMax: 1.3, source: 'claude-code', ...over }) as LoadTimeComparison;

describe('the start-up row', () => {
  const r = golden('breaks-everything');

  it("Claude Code's start-up, with its interval and rounds, in the job summary", () => {
    const t = metricsTable({ ...r, loadTime: lt() }, { timings: true });
    expect(cells(row(t, 'Claude Code start-up'))).toEqual(['Claude Code start-up to first request', '120.0 ms', '150.0 ms', '1.25x (1.20–1.30, 5 rounds)', '']);
  });

  it('the analyzer’s own load time, and "too fast to compare" under the floor', () => {
    const t = metricsTable({ ...r, loadTime: lt({ source: 'parse' as never, baseMedianMs: 0.4, headMedianMs: 0.5 }) }, { timings: true });
    expect(cells(row(t, 'Load time'))).toEqual(['Load time (discover + parse)', '0.4 ms', '0.5 ms', 'too fast to compare', '']);
  });

  it('the sticky comment leaves timings out, unless a load time budget decides on them', () => {
    const timed = { ...r, loadTime: lt() };
    expect(row(metricsTable(timed, { timings: false }), 'Claude Code start-up')).toBeUndefined();
    const off = { ...timed, assertions: [...r.assertions, { ...r.assertions[0]!, metric: 'loadTimeRatio' as const, level: 'off' as const }] };
    expect(row(metricsTable(off, { timings: false }), 'Claude Code start-up')).toBeUndefined();
    const on = { ...off, assertions: [...r.assertions, { ...r.assertions[0]!, metric: 'loadTimeRatio' as const, level: 'warn' as const }] };
    const budget = {
      ...r.results[0]!,
      metric: 'loadTimeRatio' as const,
      scope: { type: 'total' as const },
      operator: 'max' as const,
      expected: 1.5,
      status: 'pass' as const,
    };
    const t = metricsTable({ ...on, results: [...r.results, budget] }, { timings: false });
    expect(cells(row(t, 'Claude Code start-up'))[4]).toBe('≤ 1.5x');
  });

  it('a limit on entries cut shows how many may be', () => {
    const cut = {
      ...r.results[0]!,
      metric: 'skillListingTruncated' as const,
      scope: { type: 'total' as const },
      operator: 'max' as const,
      expected: 3,
      status: 'warn' as const,
    };
    const t = metricsTable({ ...r, results: [cut] });
    expect(cells(row(t, 'Skill listing'))[4]).toBe('⚠️ ≤ 3 cut');
  });
});

describe('the verdict line', () => {
  it('says when always-loaded context did not change', () => {
    const r = golden('breaks-everything');
    const same = { ...r, diff: { ...r.diff, totals: { ...r.diff.totals, eagerTokens: { base: 5, head: 5, delta: 0, ratio: 0 } } } };
    expect(verdictLine(same)).toMatch(/^❌ \*\*context-budget: fail\*\* — always-loaded context unchanged; \d+ budgets failed, \d+ warnings$/);
  });
});

describe('links to the head', () => {
  const r = golden('breaks-everything');
  const blobUrl = 'https://github.example/o/r/blob/abc';

  it('each path segment is encoded; a file name that would break the link stays plain text', () => {
    const first = r.results.find((x) => x.status === 'fail' && x.location?.line)!;
    const odd = { ...r, results: r.results.map((x) => (x === first ? { ...x, location: { file: 'docs/my notes (v2).md', line: 4 } } : x)) };
    const text = renderComment(odd, { blobUrl, limit: 60_000 });
    expect(text).toContain(`— docs/my notes \\(v2\\).md:4 <sub>`);
    expect(text).not.toContain('my%20notes');
    const hashed = { ...r, results: r.results.map((x) => (x === first ? { ...x, location: { file: 'docs/a#b.md', line: 4 } } : x)) };
    expect(renderComment(hashed, { blobUrl, limit: 60_000 })).toContain(`(${blobUrl}/docs/a%23b.md#L4)`);
  });
});

describe('folding to fit a limit', () => {
  const r = golden('breaks-everything');
  const full = renderComment(r, { key: 'k', limit: 1_000_000 });

  it('fits the limit by folding detail, and says where the rest is', () => {
    const limit = utf8Bytes(full) - 1;
    const folded = renderComment(r, { key: 'k', limit, detailsUrl: 'https://run' });
    expect(utf8Bytes(folded)).toBeLessThanOrEqual(limit);
    expect(folded).toContain("Detail folded to fit GitHub's limit: [full report](https://run).");
    expect(renderComment(r, { key: 'k', limit })).toContain("Detail folded to fit GitHub's limit: the full report is in the job summary.");
    expect(full).not.toContain('Detail folded');
  });

  it('last resort: the verdict, the table and the regressions cut at a line, within the limit', () => {
    const table = metricsTable(r);
    const limit = utf8Bytes(table) + 2_000;
    const minimal = renderComment(r, { key: 'k', limit });
    expect(utf8Bytes(minimal)).toBeLessThanOrEqual(limit);
    expect(minimal.startsWith('<!-- context-budget:k -->\n\n### ❌')).toBe(true);
    expect(minimal).toContain(table);
    expect(minimal).not.toContain('Detail folded');
    expect(minimal).toContain('#### What this change did');
    // Cut at a line: no line of the regressions ends mid-way.
    const regress = minimal.slice(minimal.indexOf('#### What this change did'));
    for (const l of regress.split('\n').filter((x) => x.startsWith('- '))) expect(full).toContain(l);
  });

  it('below even that: the verdict and where the report is', () => {
    expect(renderComment(r, { key: 'k', limit: 300 })).toBe(
      `<!-- context-budget:k -->\n\n### ${verdictLine(r)}\n\n<sub>The full report is in the job summary.</sub>\n`,
    );
    expect(renderComment(r, { limit: 300 })).toBe(`### ${verdictLine(r)}\n\n<sub>The full report is in the job summary.</sub>\n`);
  });
});

describe('sections the goldens reach only in part', () => {
  const r = golden('breaks-everything');
  const rec = (i: number, over: Partial<Recommendation> = {}): Recommendation =>
    ({ ...r.recommendations[0]!, key: `k${i}`, title: `Recommendation ${i}`, ...over }) as Recommendation;

  it('the footer: exact counts, and the base branch’s model when the pull request changed it', () => {
    const t = renderComment({ ...r, tokensEstimated: false, model: { ...r.model!, baseId: 'claude-sonnet-4-6' } }, { limit: 1_000_000 });
    expect(t).toContain("; the base branch's sessions got claude-sonnet-4-6.");
    expect(t).toMatch(/Token counts are exact \(o200k\\_base .*\)\. Budgets:/);
    expect(t).not.toContain('are estimates');
  });

  it('a file with the same bytes is "same bytes, affected"', () => {
    const f = { ...r.diff.files[0]!, status: 'affected' as const };
    const t = renderComment({ ...r, diff: { ...r.diff, files: [f] } }, { limit: 1_000_000 });
    expect(t).toMatch(/\| same bytes, affected +\|/);
  });

  it('resolved recommendations past five, and those the base already had, in one line each', () => {
    const resolved = Array.from({ length: 7 }, (_, i) => rec(100 + i));
    const recs = [rec(1, { introduced: true }), rec(2, { introduced: false }), rec(3, { introduced: false, analyzer: 'tokens' as never })];
    const t = renderComment({ ...r, recommendations: recs, resolved }, { limit: 1_000_000 });
    expect(t).toContain(
      '✅ **Resolved by this change** (7): Recommendation 100; Recommendation 101; Recommendation 102; Recommendation 103; Recommendation 104; and 2 more.',
    );
    expect(t).toContain('<sub>2 more recommendations the base branch already had are not repeated here: see the roadmap issue');
    const one = renderComment({ ...r, recommendations: [rec(1, { introduced: true }), rec(2, { introduced: false })], resolved: [] }, { limit: 1_000_000 });
    expect(one).toContain('<sub>1 more recommendation the base branch already had is not repeated here');
  });

  it('a group of this change’s recommendations: its items, each new', () => {
    const recs = [rec(1, { introduced: true }), rec(2, { introduced: false }), rec(3, { introduced: true })].map((x) => ({
      ...x,
      horizon: 'immediate' as const,
    }));
    const t = renderComment({ ...r, recommendations: recs, resolved: [] }, { limit: 1_000_000 });
    expect(t).toContain(': 2 items, together ');
    expect(t).toContain('- 🆕 Recommendation 1 — ~');
    expect(t).toContain('- 🆕 Recommendation 3 — ~');
    expect(t).not.toContain('- 🆕 Recommendation 2');
  });

  it('edits: one edit and several, in words', () => {
    const edits = {
      suggestions: [],
      commands: [
        { kind: 'lazy-loading', steps: 1, eagerTokens: 500, command: 'context-budget optimize --only lazy-loading --apply' },
        { kind: 'dedupe', steps: 3, eagerTokens: 1200, command: 'context-budget optimize --only dedupe --apply' },
      ],
    };
    const t = renderComment({ ...r, edits } as GateReport, { limit: 1_000_000 });
    expect(t).toContain('- 1 lazy-loading edit across files (about 500 always-loaded tokens)');
    expect(t).toContain('- 3 dedupe edits across files (about 1,200 always-loaded tokens)');
  });

  it('one MCP server and one hook source, in the singular', () => {
    const unknowns = [
      { kind: 'mcp-server', unit: 'project', name: 'db', note: '' },
      { kind: 'session-start-hook', unit: 'project', name: 'h', note: '' },
    ] as GateReport['unknowns'];
    expect(renderComment({ ...r, unknowns }, { limit: 1_000_000 })).toContain(
      "<sub>Not measured, since it can't be known without running them: 1 MCP server (tool schemas load at start); 1 SessionStart hook source (may inject output).</sub>",
    );
  });

  it('folded lists say how many more', () => {
    const names = Array.from({ length: 30 }, (_, i) => `skill-${i}`);
    const skills = { ...r.diff.listings.skills, added: names };
    const big = { ...r, diff: { ...r.diff, listings: { ...r.diff.listings, skills } } };
    const full = renderComment(big, { limit: 1_000_000 });
    expect(full).toContain('skill-29');
    // Folded to fit: the listing shows the first rows and counts the rest.
    const limit = utf8Bytes(full) - 1;
    const folded = renderComment(big, { limit });
    expect(folded).toMatch(/\*\*Skill listing: added\*\* \(30\): skill-0, .*, … \d+ more/);
  });
});
