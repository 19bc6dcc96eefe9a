/**
 * What Claude Code itself sent, as the analyze text and the comment say it (issue 24: the mutation
 * run left src/render/claude-code.ts at 17%): bundled entries and built-in agents left out of the
 * framework's counts, medians of even and odd rounds, drift folded, timings only where they belong.
 */
import { describe, expect, it } from 'vitest';
import type { ClaudeCodeMeasurement } from '../../src/model/claude-code.js';
import type { GateReport } from '../../src/model/report.js';
import { claudeCodeLines, claudeCodeSection } from '../../src/render/claude-code.js';

function measurement(over: Partial<ClaudeCodeMeasurement> = {}): ClaudeCodeMeasurement {
  return {
    version: '2.1.332',
    facts: {
      model: 'claude-opus-5-5',
      memory: [
        { path: 'CLAUDE.md', scope: 'project', chars: 1200 },
        { path: 'docs/a.md', scope: 'project', chars: 300 },
      ] as ClaudeCodeMeasurement['facts']['memory'],
      listing: {
        chars: 5400,
        entries: [
          { name: 'deploy', described: true, chars: 40, hash: 'a' },
          { name: 'lint', described: false, chars: 8, hash: 'b' },
          { name: 'review', described: true, chars: 30, hash: 'f' },
          { name: 'init', described: true, chars: 60, hash: 'c', bundled: true },
        ],
      },
      agents: [
        { name: 'reviewer', chars: 50, hash: 'd' },
        { name: 'writer', chars: 40, hash: 'g' },
        { name: 'general-purpose', chars: 90, hash: 'e', builtin: true },
      ],
    },
    firstRequest: { chars: 98_765, tokens: 24_680, exact: false, counter: 'o200k_base' },
    startupMs: [1400, 900, 1000, 1200],
    drift: [],
    staged: { files: 12, bytes: 34_567, skipped: 0 },
    ...over,
  };
}

describe('claudeCodeLines (analyze)', () => {
  it('counts only the framework, takes the median of even rounds, and says there is no drift', () => {
    expect(claudeCodeLines(measurement())).toEqual([
      'Measured by Claude Code 2.1.332 (claude-opus-5-5): the first request of a session with this framework',
      "- whole first request (Claude Code's own prompt and tools included): 24,680 tokens (estimate), 98,765 characters (o200k_base)",
      '- start-up to the first request: 1,100 ms median of 4 (900–1,400 ms)',
      '- memory files sent: 2 (CLAUDE.md 1,200 chars, docs/a.md 300 chars)',
      '- skill listing: 3 entries of the framework (1 without description), 5,400 characters in all',
      '- agent listing: 2 agents of the framework',
      '- drift from the model: none (the analyzer predicts exactly what Claude Code sent)',
      '- staged for the run: 12 files, 34,567 bytes',
    ]);
  });

  it('lists each drift indented, an exact count, an odd median, no memory files, and what was left out', () => {
    const m = measurement({
      drift: ['skill x: listed without its description', 'two\nlines'],
      firstRequest: { chars: 10, tokens: 5, exact: true, counter: 'anthropic' },
      startupMs: [700, 500, 600],
      staged: { files: 1, bytes: 2, skipped: 3 },
      facts: { ...measurement().facts, memory: [] },
    });
    const lines = claudeCodeLines(m);
    expect(lines[1]).toBe("- whole first request (Claude Code's own prompt and tools included): 5 tokens (exact), 10 characters (anthropic)");
    expect(lines[2]).toBe('- start-up to the first request: 600 ms median of 3 (500–700 ms)');
    expect(lines[3]).toBe('- memory files sent: 0');
    expect(lines[6]).toBe('- drift from the model (2):\n    skill x: listed without its description\n    two\n    lines');
    expect(lines[7]).toBe('- staged for the run: 1 files, 2 bytes, 3 left out');
  });

  it('a run that never reached its first request has a median of 0 ms', () => {
    expect(claudeCodeLines(measurement({ startupMs: [] }))[2]).toBe('- start-up to the first request: 0 ms median of 0 (0–0 ms)');
  });
});

describe('claudeCodeSection (comment and summary)', () => {
  const report = (over: Partial<GateReport> = {}) => ({ assertions: [], loadTime: null, ...over }) as unknown as GateReport;
  const base = measurement();
  const head = measurement({
    firstRequest: { ...base.firstRequest, tokens: 25_000 },
    startupMs: [1500, 1500, 1700],
    facts: {
      ...base.facts,
      memory: [...base.facts.memory, { path: 'docs/b.md', scope: 'project', chars: 10 } as ClaudeCodeMeasurement['facts']['memory'][number]],
    },
  });

  it('is empty without a measurement, and says why when one failed', () => {
    expect(claudeCodeSection(report())).toBe('');
    expect(claudeCodeSection(report({ measureError: 'no sandbox: user namespaces are off' }))).toBe(
      "#### What Claude Code itself sent\n⚠️ Could not measure with Claude Code: no sandbox: user namespaces are off. The gate decided on the analyzer's figures alone.",
    );
  });

  it('tables base, head and change; start-up times only with timings or a load-time budget', () => {
    const withTimes = claudeCodeSection(report({ claudeCode: { base, head } }));
    expect(withTimes).toMatch(/\| First request tokens \(estimate\) +\| +24,680 \| +25,000 \| +\+320 \|/);
    expect(withTimes).toMatch(/\| Memory files sent +\| +2 \| +3 \| +\+1 \|/);
    expect(withTimes).toMatch(/^\| +\| +Base \| +Head \| +Δ \|$/m);
    expect(withTimes).toMatch(/^\| Measured by Claude Code +\| 2\.1\.332 \(claude-opus-5-5\) \| +\| +\|$/m);
    expect(withTimes).toMatch(/\| Listing entries of the framework +\| +3 \| +3 \| +±?0 \|/);
    expect(withTimes).toMatch(/\| … sent without description +\| +1 \| +1 \| +±?0 \|/);
    expect(withTimes).toMatch(/\| Agents of the framework +\| +2 \| +2 \| +±?0 \|/);
    expect(withTimes).toMatch(/\| Start-up to first request \(ms, median\) +\| +1,100 \| +1,500 \| +\+400 \|/);
    expect(withTimes).toContain('No drift: the analyzer predicts exactly what Claude Code sent on both sides.');
    const sticky = claudeCodeSection(report({ claudeCode: { base, head } }), { timings: false });
    expect(sticky).not.toContain('Start-up to first request');
    const budgeted = claudeCodeSection(
      report({ claudeCode: { base, head }, assertions: [{ metric: 'loadTimeRatio', level: 'warn' }] as GateReport['assertions'] }),
      { timings: false },
    );
    expect(budgeted).toContain('Start-up to first request');
    const off = claudeCodeSection(report({ claudeCode: { base, head }, assertions: [{ metric: 'loadTimeRatio', level: 'off' }] as GateReport['assertions'] }), {
      timings: false,
    });
    expect(off).not.toContain('Start-up to first request');
  });

  it('states the start-up ratio of interleaved rounds, and folds drift per side', () => {
    const lt = { rounds: 4, baseMedianMs: 1100, headMedianMs: 1500, ratio: 1.36, ratioMin: 1.2, ratioMax: 1.5, source: 'claude-code' as const };
    const text = claudeCodeSection(report({ claudeCode: { base: { ...base, drift: ['base thing'] }, head: { ...head, drift: ['head <b>'] } }, loadTime: lt }));
    expect(text).toContain(
      'Start-up ratio 1.36x (1.20–1.50 over 4 interleaved rounds); timing decides only with a loadTimeRatio budget, and only when the whole interval clears it.',
    );
    expect(text).toContain('<details><summary>Drift from the model (2)</summary>\n\n- base: base thing\n- head: head &lt;b&gt;\n\n</details>');
    // A parse-timed ratio is not Claude Code's: not stated here.
    expect(claudeCodeSection(report({ claudeCode: { base, head }, loadTime: { ...lt, source: 'parse' } }))).not.toContain('Start-up ratio');
  });
});
