/**
 * The pull request run at its edges (src/action/gate.ts; issue 24: these mutants survived): every
 * config change not applied named in one warning, labels GitHub sends as null, the publish deadline
 * started by the run itself against a GitHub that never answers, a run without a pull request
 * number, and a report with no edits section when the optimizer has nothing to propose.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequest } from '../../src/action/gate.js';
import type { GateReport } from '../../src/model/report.js';
import { createClient } from '../../src/publish/client.js';
import { cleanup } from '../helpers.js';
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
