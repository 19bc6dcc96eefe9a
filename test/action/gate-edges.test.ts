/**
 * The pull request run at its edges (src/action/gate.ts; issue 24: these mutants survived): every
 * config change not applied named in one warning, labels GitHub sends as null, the publish deadline
 * started by the run itself against a GitHub that never answers, a run without a pull request
 * number, and a report with no edits section when the optimizer has nothing to propose.
 */
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequest } from '../../src/action/gate.js';
import type { GateReport } from '../../src/model/report.js';
import { createClient } from '../../src/publish/client.js';
import { cleanup, commitAll, gitInit, sh, tmpDir, writeFiles } from '../helpers.js';
import { actionContext, grownRepo } from './context.js';

const dirs: string[] = [];
const servers: Server[] = [];
afterAll(() => {
  dirs.forEach(cleanup);
  servers.forEach((s) => s.close());
});
const CONFIG = '.github/context-budget.yml';
const BASE = 'budgets:\n  - metric: eagerTokens\n    maxIncrease: 100\n    level: error\n  - metric: onDemandTokens\n    maxIncrease: 100\n    level: error\n';
const HEAD = 'budgets:\n  - metric: eagerTokens\n    maxIncrease: 5000\n    level: error\n  - metric: onDemandTokens\n    maxIncrease: 100\n    level: warn\n';
const pr = (r: { base: string; head: string }, labels: unknown[] = []) => ({
  pull_request: { number: 4, base: { sha: r.base }, head: { sha: r.head }, labels },
});

describe('the config a pull request changes', () => {
  it('names every change not applied in one warning, and reads labels GitHub sends as null or without a name', async () => {
    const r = grownRepo(dirs, { [CONFIG]: BASE }, { [CONFIG]: HEAD });
    const { ctx, seen } = actionContext(dirs, r.dir, {}, pr(r, [null, {}, { name: 'bug' }]));
    await pullRequest(ctx, 'pull_request');
    const warning = seen.logs.find((l) => l.includes('not applied'))!;
    expect(warning).toMatch(
      /^warning: The pull request changes its budget config; not applied \(it would loosen the gate or change what is measured\): .+; .+\. A maintainer/,
    );
    expect(warning.split('; ').length).toBeGreaterThanOrEqual(2);
    expect(seen.outputs.verdict).toBe('fail');

    const accepted = actionContext(dirs, r.dir, {}, pr(r, [null, { name: 'context-budget-accept-config' }]));
    await pullRequest(accepted.ctx, 'pull_request');
    expect(accepted.seen.outputs.verdict).not.toBe('fail');
  });

  it("a base config that can't be read leaves the built-in defaults, named as such", async () => {
    const r = grownRepo(dirs, { [CONFIG]: 'budgets: [unclosed\n' });
    const { ctx, seen } = actionContext(dirs, r.dir, {}, pr(r));
    await pullRequest(ctx, 'pull_request');
    expect(seen.logs).toContain('Budgets: defaults.');
  });
});

describe('the publish deadline', () => {
  it('is started by the run: a GitHub that never answers is given up after publish-timeout, and the report still goes to the summary', async () => {
    const silent = createServer(() => undefined);
    servers.push(silent);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const port = (silent.address() as { port: number }).port;
    const r = grownRepo(dirs);
    const { ctx, seen } = actionContext(dirs, r.dir, { 'publish-timeout': '1', 'html-report': 'off' }, pr(r));
    ctx.gh = createClient({ token: 'ghs-x', baseUrl: `http://127.0.0.1:${port}`, log: ctx.log, retryBaseMs: 1 });
    const started = Date.now();
    await pullRequest(ctx, 'pull_request');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(seen.logs.join('\n')).toContain('publishing took longer than 1s (publish-timeout)');
    expect(seen.summaries.join('')).toContain('context-budget: warn');
    expect(seen.outputs.verdict).toBe('warn');
  }, 40_000);
});

describe('a run without a pull request', () => {
  it('names its HTML report "none" and its head "pull request #?"', async () => {
    const r = grownRepo(dirs);
    const { ctx, seen } = actionContext(dirs, r.dir, { base: r.base, head: r.head, 'comment-key': 'k', 'html-report': 'file' });
    await pullRequest(ctx, 'workflow_dispatch');
    expect(path.basename(seen.outputs['html-path']!)).toBe('context-budget-k-pr-none-1.html');
    const report = JSON.parse(readFileSync(seen.outputs['report-path']!, 'utf8')) as GateReport;
    expect(report.head.label).toBe('pull request #?');
    expect(report.compared).toMatch(/^merge-base [0-9a-f]{7} against head [0-9a-f]{7}/);
  });
});

describe('edits the optimizer proposes', () => {
  it('a pull request with nothing to improve has no edits in its report or comment', async () => {
    const r = grownRepo(dirs, {}, { '.claude/rules/short.md': 'Use tabs.\n' });
    const { ctx, seen } = actionContext(dirs, r.dir, {}, pr(r));
    await pullRequest(ctx, 'pull_request');
    const report = JSON.parse(readFileSync(seen.outputs['report-path']!, 'utf8')) as GateReport;
    expect(report.edits).toBeUndefined();
    expect(seen.summaries.join('')).not.toContain('Edits the optimizer can make');
  });
});

describe('which commits a pull request run compares', () => {
  /** A pull request whose merge commit into a base branch that moved on is `merge`. */
  function merged() {
    const dir = tmpDir('cb-merge-');
    dirs.push(dir);
    writeFiles(dir, { 'CLAUDE.md': '# P\n\nShort.\n', 'README.md': 'Readme.\n' });
    const base = gitInit(dir);
    sh(dir, 'git', ['checkout', '-q', '-b', 'feature']);
    writeFiles(dir, { 'CLAUDE.md': '# P\n\n' + 'Always-loaded guidance for every session. '.repeat(200) + '\n' });
    const head = commitAll(dir, 'grow');
    sh(dir, 'git', ['checkout', '-q', base]);
    writeFiles(dir, { 'README.md': 'Readme, moved on.\n' });
    const tip = commitAll(dir, 'the base branch moves on');
    sh(dir, 'git', ['merge', '-q', '--no-ff', '--no-commit', head]);
    const merge = commitAll(dir, 'merge');
    return { dir, base, head, tip, merge };
  }
  const payload = (r: ReturnType<typeof merged>) => ({ pull_request: { number: 5, base: { sha: r.tip }, head: { sha: r.head } } });

  it('the merge commit GitHub made (GITHUB_SHA) on pull_request; the merge-base otherwise, or when the head input is set', async () => {
    const r = merged();
    const onPr = actionContext(dirs, r.dir, {}, payload(r), { GITHUB_SHA: r.merge });
    await pullRequest(onPr.ctx, 'pull_request');
    expect(onPr.seen.logs).toContain(
      `Comparing base tip ${r.tip.slice(0, 7)} against the merge commit ${r.merge.slice(0, 7)} (what the pull request adds to the current base).`,
    );
    const mergeBase = `Comparing merge-base ${r.base.slice(0, 7)} against head ${r.head.slice(0, 7)} (commits that landed on the base branch meanwhile are excluded).`;
    const onTarget = actionContext(dirs, r.dir, {}, payload(r), { GITHUB_SHA: r.merge });
    await pullRequest(onTarget.ctx, 'pull_request_target');
    expect(onTarget.seen.logs).toContain(mergeBase);
    const withHead = actionContext(dirs, r.dir, { head: r.head }, payload(r), { GITHUB_SHA: r.merge });
    await pullRequest(withHead.ctx, 'pull_request');
    expect(withHead.seen.logs).toContain(mergeBase);
  });
});

describe("the run's caches", () => {
  it('are saved in cache-dir for the next run', async () => {
    const r = grownRepo(dirs);
    const { ctx } = actionContext(dirs, r.dir, {}, pr(r));
    await pullRequest(ctx, 'pull_request');
    expect(readdirSync(ctx.opts.cacheDir).length).toBeGreaterThan(0);
  });
});

describe('measuring on pull_request_target', () => {
  it('is refused before anything runs: the head is untrusted and the token can write', async () => {
    const r = grownRepo(dirs);
    const { ctx, seen } = actionContext(dirs, r.dir, { measure: 'claude' }, pr(r));
    await expect(pullRequest(ctx, 'pull_request_target')).rejects.toThrow(
      'Input "measure": refused on pull_request_target, where the head is untrusted and the token can write.',
    );
    expect(seen.outputs.verdict).toBeUndefined();
  });
});
