/**
 * Parts of the terminal report (`diff`) that the goldens' pull requests don't produce: an unchanged
 * total, exact counts, a model the pull request changed, a worst plugin for agents, the start-up row,
 * Claude Code's own measurement or why it failed, another agent's drops and measurement, files with
 * the same bytes, entries newly cut to a name, on-demand savings, and the "more" lines. Each starts
 * from a real report: the breaks-everything golden's JSON, produced by the CLI.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateReport, LoadTimeComparison, Recommendation } from '../../src/model/report.js';
import { claudeCodeLines } from '../../src/render/claude-code.js';
import { renderDiffText } from '../../src/render/diff-text.js';
import { ROOT } from '../helpers.js';

const golden = (name: string): GateReport => JSON.parse(readFileSync(path.join(ROOT, 'test/goldens', name, 'report.json'), 'utf8')) as GateReport;
const r = golden('breaks-everything');
const lt = (over: Partial<LoadTimeComparison> = {}): LoadTimeComparison =>
  ({ rounds: 5, baseMedianMs: 120, headMedianMs: 150, ratio: 1.25, ratioMin: 1.2, ratioMax: 1.3, source: 'claude-code', ...over }) as LoadTimeComparison;
const rec = (i: number, over: Partial<Recommendation> = {}): Recommendation =>
  ({ ...r.recommendations[0]!, key: `k${i}`, title: `Recommendation ${i}`, introduced: false, ...over }) as Recommendation;

describe('the head lines', () => {
  it('an unchanged total, exact counts, and the base’s model when the pull request changed it', () => {
    const t = renderDiffText({
      ...r,
      tokensEstimated: false,
      model: { ...r.model!, baseId: 'claude-sonnet-4-6' },
      diff: { ...r.diff, totals: { ...r.diff.totals, eagerTokens: { base: 7, head: 7, delta: 0, ratio: 0 } } },
    });
    const [first, second, third] = t.split('\n');
    expect(first).toMatch(/^FAIL {2}always-loaded 7 -> 7 tokens \(unchanged\); /);
    expect(second).toMatch(/^Token counts are exact \(/);
    expect(third).toMatch(/; the base's sessions got claude-sonnet-4-6\.$/);
  });
});

describe('the table', () => {
  it('names the worst plugin for agents, and adds the start-up row', () => {
    const j = { ...r.diff.listings.judged, agentUnit: 'alpha', skillUnit: 'beta' };
    const t = renderDiffText({ ...r, loadTime: lt(), diff: { ...r.diff, listings: { ...r.diff.listings, judged: j } } });
    expect(t).toMatch(/\| Skill listing chars \(budget [\d,]+\), worst plugin beta +\|/);
    expect(t).toMatch(/\| Agent listing \(tokens, characters \/ 4\), worst plugin alpha +\|/);
    expect(t).toMatch(/\| Claude Code start-up ms \(median\) +\| +120\.0 \| +150\.0 \| 1\.25x \[1\.20-1\.30\] \|/);
    const parse = renderDiffText({ ...r, loadTime: lt({ source: 'parse' as never, baseMedianMs: 0.2, headMedianMs: 0.3 }) });
    expect(parse).toMatch(/\| Load time ms \(median\) +\| +0\.2 \| +0\.3 \| too fast to compare \|/);
  });
});

describe('what was measured by running the agents', () => {
  it("says why Claude Code could not be measured, and the gate's basis", () => {
    expect(renderDiffText({ ...r, measureError: 'no sandbox' })).toContain(
      "\n\nCould not measure with Claude Code: no sandbox. The gate decided on the analyzer's figures alone.\n",
    );
  });

  it("Claude Code's own measurement of each side, line by line", () => {
    const m = (chars: number) => ({
      version: '2.1.332',
      facts: { model: 'claude-opus-5-5', memory: [{ path: 'CLAUDE.md', scope: 'project', chars }], listing: { chars: 5400, entries: [] }, agents: [] },
      firstRequest: { chars: 90_000 + chars, tokens: 22_000, exact: false, counter: 'o200k_base' },
      startupMs: [900, 1000],
      drift: [],
      staged: { files: 3, bytes: 4000, skipped: 0 },
    });
    const base = m(1200);
    const head = m(1500);
    const t = renderDiffText({ ...r, claudeCode: { base, head } } as unknown as GateReport);
    const block = t.slice(t.indexOf('Claude Code itself, base -> head:'));
    const lines = block.split('\n').slice(1);
    const expected = [...claudeCodeLines(base as never).map((l) => `  base: ${l}`), ...claudeCodeLines(head as never).map((l) => `  head: ${l}`)];
    expect(expected.length).toBeGreaterThan(2);
    expect(lines.slice(0, expected.length)).toEqual(expected);
    expect(t.indexOf('Claude Code itself')).toBeGreaterThan(t.indexOf('\nBudgets\n'));
  });

  it("another agent's drops and its binary's measurement", () => {
    const measured = { head: { version: '0.171.0', instructions: [{ file: 'AGENTS.md', keptChars: 32_768 }], drift: [] } };
    const agent = {
      id: 'codex',
      name: 'OpenAI Codex',
      version: '0.171.0',
      eagerTokens: { base: 10, head: 9000, delta: 8990, ratio: 899 },
      droppedChars: { base: 0, head: 7000, delta: 7000, ratio: null },
      cut: [{ file: 'AGENTS.md', bytes: 40_000, keptChars: 32_768, chars: 39_768 }],
      nameOnly: { head: ['a', 'b'], added: ['b'] },
      measured,
    };
    const t = renderDiffText({ ...r, agents: [agent] as GateReport['agents'] });
    expect(t).toContain(
      '\n\nOpenAI Codex 0.171.0: always-loaded 10 -> 9,000 tokens (+8,990); drops: AGENTS.md cut (7,000 of 39,768 characters dropped); 2 skills by name only (1 because of this change)\n',
    );
    expect(t).toContain('\n  OpenAI Codex 0.171.0, measured by running it (sandboxed, offline): 1 instruction file (AGENTS.md cut to 32,768 characters)');
    const quiet = renderDiffText({ ...r, agents: [{ ...agent, cut: [], nameOnly: { head: [], added: [] }, measured: undefined }] as GateReport['agents'] });
    expect(quiet).toContain('(+8,990); drops: nothing\n');
    expect(quiet).not.toContain('measured by running it');
  });
});

describe('files, entries and recommendations', () => {
  it('a file with the same bytes is "same bytes, affected"; entries newly cut to a name are listed', () => {
    const f = { ...r.diff.files[0]!, status: 'affected' as const };
    const skills = { ...r.diff.listings.skills, truncatedAdded: ['alpha', 'beta'] };
    const t = renderDiffText({ ...r, diff: { ...r.diff, files: [f], listings: { ...r.diff.listings, skills } } });
    expect(t).toMatch(new RegExp(`\\| ${f.path.replace(/\./g, '\\.')} +\\| same bytes, affected \\|`));
    expect(t).toContain('\n\nNow reduced to a bare name in the skill listing: alpha, beta\n');
  });

  it('savings on demand, correctness, and more than ten of each list', () => {
    const recs = [
      rec(0, { saving: { eagerTokens: 0, onDemandTokens: 1234 }, introduced: true }),
      rec(1, { saving: { eagerTokens: 0, onDemandTokens: 0 } }),
      ...Array.from({ length: 10 }, (_, i) => rec(i + 2)),
    ];
    const resolved = Array.from({ length: 13 }, (_, i) => rec(100 + i, { location: { file: 'CLAUDE.md' } }));
    const t = renderDiffText({ ...r, recommendations: recs, resolved });
    expect(t).toMatch(/\n {2}NEW \[\S+\] Recommendation 0 \(~1,234 on-demand; \S+ effort\) /);
    expect(t).toMatch(/\n {6}\[\S+\] Recommendation 1 \(correctness; /);
    expect(t).toContain('\n  ... and 2 more (--json or --markdown)\n');
    expect(t).not.toContain('Recommendation 10 ');
    expect(t).toContain('\nResolved by this change (13)\n');
    expect(t).toContain('\n  DONE Recommendation 100 CLAUDE.md\n');
    expect(t).toContain('\n  ... and 3 more (--json)\n');
    expect(t).not.toContain('Recommendation 110 ');
  });
});
