/**
 * The roadmap issue's body, in process (issue 24: the mutation run left src/render/roadmap.ts at 1%,
 * exercised only through the built bundle): the trend chart and runs table, the Claude Code block,
 * what was resolved, one checkbox per group with its saving, ticked boxes kept, and folding to fit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { advanceHistory, parseHistory, parseTicked, type History, type RoadmapInput } from '../../src/compare/history.js';
import type { ClaudeCodeMeasurement } from '../../src/model/claude-code.js';
import type { Recommendation } from '../../src/model/report.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { GITHUB_COMMENT_LIMIT } from '../../src/render/comment.js';
import { renderRoadmap } from '../../src/render/roadmap.js';
import { analyzeDir, beforeShared, cleanup, tmpDir, writeFiles } from '../helpers.js';

const dir = tmpDir();
writeFiles(dir, { 'CLAUDE.md': '# P\n\n' + 'Always-loaded guidance for every session. '.repeat(60) + '\n' });
let snapshot: Snapshot;
beforeShared(async () => {
  snapshot = await analyzeDir(dir);
});
afterAll(() => cleanup(dir));

function rec(key: string, over: Partial<Recommendation> = {}): Recommendation {
  return {
    key,
    analyzer: 'loading',
    title: `Move section ${key} out of CLAUDE.md`,
    rationale: 'It is a procedure.',
    location: { file: 'CLAUDE.md', line: 3 },
    saving: { eagerTokens: 120, onDemandTokens: 0 },
    effort: 'low',
    horizon: 'immediate',
    ...over,
  };
}

const previous: History = {
  version: 1,
  entries: [
    { date: '2026-11-01T06:00:00Z', commit: 'aaaaaaa1111', eagerTokens: 900, onDemandTokens: 10 },
    { date: '2026-11-08T06:00:00Z', commit: 'bbbbbbb2222', eagerTokens: 1000, onDemandTokens: 10 },
  ],
  recommendations: [
    { key: 'gone-1', title: 'Shorten "deploy"', eagerTokens: 40, onDemandTokens: 0 },
    { key: 'gone-2', title: 'Break the import cycle a -> b', eagerTokens: 0, onDemandTokens: 0 },
    { key: 'kept', title: 'Move section kept out of CLAUDE.md', eagerTokens: 120, onDemandTokens: 0 },
  ],
};

function input(recommendations: Recommendation[], extra: Partial<RoadmapInput> = {}): RoadmapInput {
  return { snapshot, recommendations, previous, date: '2026-11-15T06:00:00Z', commit: 'ccccccc3333', historyLimit: 52, ...extra };
}

function render(i: RoadmapInput): string {
  const { history, resolved } = advanceHistory(i);
  return renderRoadmap(i, history, resolved);
}

describe('the roadmap body', () => {
  it('states the totals, draws the trend and lists the runs newest first with their change', () => {
    const body = render(input([rec('kept')]));
    const eager = snapshot.totals.eagerTokens;
    expect(body.startsWith('<!-- context-budget:roadmap -->\n\n## Context budget roadmap\n\n')).toBe(true);
    expect(body).toContain(`Always loaded: **${eager.toLocaleString('en-US')} tokens** (`);
    expect(body).toContain(
      `-token window) · on demand: ${snapshot.totals.onDemandTokens.toLocaleString('en-US')} · as of ccccccc on 2026-11-15. Token counts are estimates (`,
    );
    // One label per run (one run a day: month-day only), the y axis 10% over the largest value.
    expect(body).toContain(
      [
        '```mermaid',
        'xychart-beta',
        '  title "Always-loaded tokens per run"',
        '  x-axis ["11-01", "11-08", "11-15"]',
        `  y-axis "tokens" 0 --> ${Math.ceil(Math.max(1000, eager) * 1.1)}`,
        `  line [900, 1000, ${eager}]`,
        '```',
      ].join('\n'),
    );
    expect(body).toContain(
      [
        '| Date | Commit | Always-loaded tokens | Change |',
        '|---|---|--:|--:|',
        `| 2026-11-15 | \`ccccccc\` | ${eager.toLocaleString('en-US')} | ${eager - 1000 > 0 ? '+' : '−'}${Math.abs(eager - 1000).toLocaleString('en-US')} |`,
        '| 2026-11-08 | `bbbbbbb` | 1,000 | +100 |',
        '| 2026-11-01 | `aaaaaaa` | 900 |  |',
      ].join('\n'),
    );
    // The history block round-trips: the next run reads what this one wrote.
    expect(parseHistory(body).history.entries.map((e) => e.commit)).toEqual(['aaaaaaa1111', 'bbbbbbb2222', 'ccccccc3333']);
  });

  it('labels runs of one day with their time, and says the trend needs a second run', () => {
    const sameDay = render(input([], { previous: { ...previous, entries: [{ ...previous.entries[0]!, date: '2026-11-15T01:30:00Z' }] } }));
    expect(sameDay).toContain('  x-axis ["11-15 01:30", "11-15 06:00"]');
    const first = render(input([], { previous: { version: 1, entries: [], recommendations: [] } }));
    expect(first).toContain('### Trend\n_The trend appears after the second run._\n\n| Date |');
    expect(first).toContain('No recommendations: the framework is lean. 🎉');
  });

  it('lists what was resolved with the tokens it saved, and one checkbox per group that stays ticked', () => {
    const recs = [
      rec('kept'),
      rec('other', { title: 'Move section other out of CLAUDE.md', saving: { eagerTokens: 80, onDemandTokens: 0 } }),
      rec('later', { analyzer: 'structure', horizon: 'long-term', saving: { eagerTokens: 0, onDemandTokens: 500 } }),
    ];
    const first = render(input(recs));
    expect(first).toContain(
      '### Resolved since the previous run\n- ✅ Shorten "deploy" (~40 always-loaded tokens)\n- ✅ Break the import cycle a -&gt; b\n\nAbout 40 always-loaded tokens saved.',
    );
    expect(first).toMatch(
      /### Immediate: high impact, low effort \(2, ~200 always-loaded tokens\)\n- \[ \] \*\*[^\n]+\*\* \(2 items, [^\n]+\) <!-- group:[^ ]+ -->/,
    );
    expect(first).toMatch(/### Long-term: architectural \(1\)\n- \[ \] /);
    expect(first).not.toContain('### Short-term');
    // A maintainer ticks the immediate group's box; the next run keeps it ticked.
    const ticked = parseTicked(first.replace('- [ ] **', '- [x] **'));
    expect(ticked.size).toBe(1);
    const next = render(input(recs, { ticked }));
    expect(next).toMatch(/### Immediate[^\n]*\n- \[x\] /);
    expect(next).toMatch(/### Long-term[^\n]*\n- \[ \] /);
  });

  it('says what Claude Code itself measured, and its drift from the model', () => {
    const claudeCode = {
      version: '2.1.400',
      firstRequest: { chars: 90_000, tokens: 23_456, exact: false, counter: 'x' },
      startupMs: [900, 300, 500],
      drift: [],
      staged: { files: 1, bytes: 1, skipped: 0 },
    } as unknown as ClaudeCodeMeasurement;
    const agrees = render(input([], { snapshot: { ...snapshot, claudeCode } }));
    expect(agrees).toContain(
      `### Measured by Claude Code 2.1.400\nA session starts with 23,456 tokens (estimate) (its own prompt and tools included), after 500 ms. It loads this framework exactly as the model of Claude Code ${snapshot.model.claudeCodeVersion} predicts.`,
    );
    const drifts = render(
      input([], {
        snapshot: {
          ...snapshot,
          claudeCode: { ...claudeCode, drift: ['skill x: listed without its description'], firstRequest: { ...claudeCode.firstRequest, exact: true } },
        },
      }),
    );
    expect(drifts).toContain(`A session starts with 23,456 tokens (its own`);
    expect(drifts).toContain(
      `It loads this framework differently from the model of Claude Code ${snapshot.model.claudeCodeVersion} (1):\n- skill x: listed without its description`,
    );
  });

  it("folds groups and items to stay under GitHub's body limit, and says how many more", () => {
    const many = Array.from({ length: 900 }, (_, k) =>
      rec(`k${k}`, {
        analyzer: k % 2 ? 'listing' : 'loading',
        title: `Shorten the description of skill number ${k} ${'x'.repeat(120)}`,
        location: { file: `plugins/p${k % 60}/skills/s${k}/SKILL.md`, line: 2 },
        unit: `p${k % 60}`,
      }),
    );
    const body = render(input(many));
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body).toMatch(/_… and \d+ more groups: run `context-budget analyze` locally or see the job summary\._/);
    expect(parseHistory(body).history.recommendations).toHaveLength(200);
  });
});
