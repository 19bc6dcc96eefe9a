/**
 * A pull request must not loosen the gate that judges it (issue 19, class 2). In process, through
 * the Action's injected context (src/action/gate.ts), on real git repositories: a base with budgets,
 * a head that grows CLAUDE.md by thousands of tokens and edits its own config.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequest } from '../../src/action/gate.js';
import type { GateReport } from '../../src/model/report.js';
import { renderComment } from '../../src/render/comment.js';
import { reviewConfig } from '../../src/config/review.js';
import { normalizeConfig } from '../../src/config/load.js';
import { cleanup, commitAll, gitInit, sh, tmpDir, writeFiles } from '../helpers.js';
import { actionContext } from './context.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

const BASE_CONFIG = 'budgets:\n  - metric: eagerTokens\n    maxIncrease: 1000\n    level: error\n';
const GROWTH =
  '\n## Runbook\n' + Array.from({ length: 300 }, (_, i) => `${i}. Check service ${i}, confirm health, promote the canary, watch errors.`).join('\n') + '\n';

/** A repository whose head commit grows CLAUDE.md and writes `headFiles` (its own config among them). */
function repo(headFiles: Record<string, string>, baseConfig = BASE_CONFIG): { dir: string; base: string; head: string } {
  const dir = tmpDir();
  dirs.push(dir);
  writeFiles(dir, { 'CLAUDE.md': '# Project\n\nKeep it short.\n', '.github/context-budget.yml': baseConfig });
  const base = gitInit(dir);
  writeFiles(dir, { 'CLAUDE.md': '# Project\n\nKeep it short.\n' + GROWTH, ...headFiles });
  const head = commitAll(dir, 'head');
  return { dir, base, head };
}

async function runPr(r: { dir: string; base: string; head: string }, labels: string[] = [], inputs: Record<string, string> = {}) {
  const { ctx, seen } = actionContext(
    dirs,
    r.dir,
    { 'fail-on': 'error', ...inputs },
    {
      pull_request: { number: 7, base: { sha: r.base }, head: { sha: r.head }, labels: labels.map((name) => ({ name })) },
    },
  );
  await pullRequest(ctx, 'pull_request');
  const report = JSON.parse(readFileSync(seen.outputs['report-path']!, 'utf8')) as GateReport;
  return { ...seen, report };
}

describe('the stricter of base and head config decides', () => {
  it('control: with the base config unchanged, the growth fails the base budget', async () => {
    const r = await runPr(repo({}));
    expect(r.outputs.verdict).toBe('fail');
    expect(r.report.configReview).toBeUndefined();
  });

  const loosenings: [string, string][] = [
    ['a raised max', 'budgets:\n  - metric: eagerTokens\n    maxIncrease: 100000\n    level: error\n'],
    ['level: off', 'budgets:\n  - metric: eagerTokens\n    maxIncrease: 1000\n    level: off\n'],
    ['the budget removed, defaults: false', 'defaults: false\n'],
    ['a scope moved away', 'budgets:\n  - metric: eagerTokens\n    scope: "files:nothing/**"\n    maxIncrease: 1000\n'],
    ['instructionFiles: managed-only (hides CLAUDE.md)', `model:\n  instructionFiles: managed-only\n${BASE_CONFIG}`],
    ['lowered limits with measurable: off', `limits:\n  maxFiles: 1\ndefaults:\n  measurable: off\n${BASE_CONFIG}`],
    ['the config deleted', ''],
  ];
  for (const [what, config] of loosenings) {
    it(`a head config with ${what} is not applied: still fail, and the comment says what was not applied`, async () => {
      const r = await runPr(repo(config ? { '.github/context-budget.yml': config } : {}), [], {});
      if (!config) {
        // Deleting the file is a change too: its budgets stay.
        const d = repo({});
        sh(d.dir, 'git', ['rm', '-q', '.github/context-budget.yml']);
        const head = commitAll(d.dir, 'delete config');
        const again = await runPr({ ...d, head });
        expect(again.outputs.verdict).toBe('fail');
        expect(again.report.configReview?.notApplied.join('\n')).toMatch(/budget removed/);
        return;
      }
      expect(r.outputs.verdict).toBe('fail');
      expect(r.report.configReview?.notApplied.length).toBeGreaterThan(0);
      const comment = renderComment(r.report);
      expect(comment).toContain('This pull request changes its budget config');
      expect(comment).toContain('Not applied');
      expect(r.logs.join('\n')).toMatch(/not applied/);
    });
  }

  it('a tightening is applied: a head that adds a stricter budget is judged by it', async () => {
    const r = await runPr(repo({ '.github/context-budget.yml': BASE_CONFIG + '  - metric: memoryTotalChars\n    max: 10\n    level: error\n' }));
    expect(r.outputs.verdict).toBe('fail');
    expect(r.report.results.some((x) => x.metric === 'memoryTotalChars' && x.status === 'fail')).toBe(true);
    expect(r.report.configReview?.notApplied).toEqual([]);
  });

  it('a maintainer accepts the loosening with the label: the head config decides', async () => {
    const files = { '.github/context-budget.yml': 'budgets:\n  - metric: eagerTokens\n    maxIncrease: 100000\n    level: error\n' };
    expect((await runPr(repo(files), ['context-budget-accept-config'])).outputs.verdict).toBe('warn'); // the default growth warning only
    // Another label, or a custom accept label, changes nothing unless it is the one named.
    expect((await runPr(repo(files), ['bug'])).outputs.verdict).toBe('fail');
    expect((await runPr(repo(files), ['ok-config'], { 'accept-config-label': 'ok-config' })).outputs.verdict).toBe('warn');
  });

  it('a broken or symlinked head config is a reported failure; everything else is still published', async () => {
    for (const files of [
      { '.github/context-budget.yml': 'budgets:\n  - metric: eagerTokens\n    max: plenty\n' },
      { '.github/context-budget.yml': 'budgets: [\n' },
    ]) {
      const r = await runPr(repo(files));
      expect(r.outputs.verdict).toBe('fail');
      const res = r.report.results.find((x) => x.id === 'budget-config');
      expect(res?.status).toBe('fail');
      expect(res?.message).toMatch(/context-budget\.yml/);
      expect(r.summaries.join('')).toContain("can't be read");
      // The base's budget still judged the growth.
      expect(r.report.results.some((x) => x.metric === 'eagerTokens' && x.status === 'fail')).toBe(true);
    }
    const d = repo({});
    sh(d.dir, 'git', ['rm', '-q', '.github/context-budget.yml']);
    writeFiles(d.dir, { 'elsewhere.yml': 'defaults: false\n', '.github/keep': '' });
    sh(d.dir, 'ln', ['-s', '../elsewhere.yml', '.github/context-budget.yml']);
    const head = commitAll(d.dir, 'symlinked config');
    const r = await runPr({ ...d, head });
    expect(r.outputs.verdict).toBe('fail');
    expect(r.report.results.find((x) => x.id === 'budget-config')?.message).toMatch(/is a symlink/);
  });
});

describe('reviewConfig (pure)', () => {
  it('keeps the stricter of every budget and the lower limits; lists each change', () => {
    const base = normalizeConfig({ budgets: [{ metric: 'eagerTokens', max: 5000, level: 'warn' }] }, 'c.yml');
    const head = normalizeConfig({ budgets: [{ metric: 'eagerTokens', max: 9000, level: 'error' }], limits: { maxFiles: 10 } }, 'c.yml');
    const { config, review } = reviewConfig(base, head, false, 'x');
    const b = config.assertions.find((a) => a.metric === 'eagerTokens' && a.operator === 'max')!;
    expect([b.threshold, b.level]).toEqual([5000, 'error']);
    expect(config.limits.maxFiles).toBe(10);
    expect(review!.changes).toHaveLength(2);
    expect(review!.notApplied).toHaveLength(1);
    expect(reviewConfig(base, base, false, 'x').review).toBeNull();
  });
});
