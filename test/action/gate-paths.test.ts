/**
 * The Action's runs on the paths a first week meets (issue 24: their mutants survived): the budget
 * config of each side read, broken or accepted; the roadmap's issue written, its history damaged,
 * GitHub failing; a report published for the commit and pull request it names; an output folder that
 * can't be written. In process, on real git repositories, against the fake GitHub API.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publishOnly, pullRequest, roadmap } from '../../src/action/gate.js';
import { createClient } from '../../src/publish/client.js';
import { FakeGitHub } from '../e2e/fake-github.js';
import { cleanup } from '../helpers.js';
import { actionContext, grownRepo } from './context.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const context = (workspace: string, inputs: Record<string, string>, payload: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) =>
  actionContext(dirs, workspace, inputs, payload, env);
const pr = (r: { base: string; head: string }, labels: string[] = []) => ({
  pull_request: { number: 4, base: { sha: r.base }, head: { sha: r.head }, labels: labels.map((name) => ({ name })) },
});
const CONFIG = '.github/context-budget.yml';
const skill = '---\nname: deploy\ndescription: Deploy the service.\n---\nSteps to deploy.\n';

describe('the budget config of each side', () => {
  it("a base config that can't be read: the built-in defaults judge, and the log says why", async () => {
    const r = grownRepo(dirs, { [CONFIG]: 'budgets: [unclosed\n' }, { [CONFIG]: 'budgets: []\n' });
    const { ctx, seen } = context(r.dir, {}, pr(r));
    await pullRequest(ctx, 'pull_request');
    expect(seen.logs.find((l) => l.startsWith("warning: The base branch's budget config can't be read"))).toMatch(
      /^warning: The base branch's budget config can't be read \(\.github\/context-budget\.yml.*\): the built-in defaults judge this pull request\.$/s,
    );
    expect(seen.outputs.verdict).toBe('warn');
  });

  it('on pull_request_target the base commit’s config decides, and the head’s is not even read', async () => {
    const r = grownRepo(dirs, { [CONFIG]: 'budgets:\n  - metric: eagerTokens\n    maxIncrease: 100\n    level: error\n' }, { [CONFIG]: 'budgets: [broken\n' });
    const { ctx, seen } = context(r.dir, {}, pr(r));
    await pullRequest(ctx, 'pull_request_target');
    expect(seen.logs).toContain('Budgets: .github/context-budget.yml (read from the base commit: pull_request_target).');
    expect(seen.logs.some((l) => l.includes("pull request's budget config can't be read"))).toBe(false);
    expect(seen.outputs.verdict).toBe('fail');
  });

  it("a head config that can't be read is a warning; an accepted one is named as the pull request's", async () => {
    const r = grownRepo(dirs, { [CONFIG]: 'budgets: []\n' }, { [CONFIG]: 'budgets: [broken\n' });
    const broken = context(r.dir, {}, pr(r));
    await pullRequest(broken.ctx, 'pull_request');
    expect(broken.seen.logs.some((l) => /^warning: The pull request's budget config can't be read: \.github\/context-budget\.yml/.test(l))).toBe(true);
    const loose = grownRepo(dirs, { [CONFIG]: 'budgets: []\n' }, { [CONFIG]: 'defaults: false\n' });
    const accepted = context(loose.dir, {}, pr(loose, ['context-budget-accept-config']));
    await pullRequest(accepted.ctx, 'pull_request');
    expect(accepted.seen.logs).toContain('Budgets: .github/context-budget.yml (the pull request\'s, accepted by the label "context-budget-accept-config").');
    const asked = context(loose.dir, {}, pr(loose));
    await pullRequest(asked.ctx, 'pull_request');
    expect(asked.seen.logs.find((l) => l.includes('not applied'))).toMatch(/ A maintainer accepts it with the label "context-budget-accept-config"\.$/);
    expect(asked.seen.logs).toContain('Budgets: .github/context-budget.yml (the stricter of base and head).');
  });

  it("an output folder that can't be written is a warning; the verdict and summary still come", async () => {
    const r = grownRepo(dirs);
    const blocker = path.join(r.dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const { ctx, seen } = context(r.dir, { 'output-dir': path.join(blocker, 'out') }, pr(r));
    await pullRequest(ctx, 'pull_request');
    expect(seen.logs.some((l) => l.startsWith(`warning: Could not write the report to ${path.join(blocker, 'out')}: `))).toBe(true);
    expect(seen.outputs['report-path']).toBeUndefined();
    expect(seen.outputs.verdict).toBe('warn');
    expect(seen.summaries.join('')).toContain('context-budget: warn');
    const roadmapRun = context(r.dir, { head: r.head, 'output-dir': path.join(blocker, 'out') });
    await roadmap(roadmapRun.ctx);
    expect(roadmapRun.seen.logs.some((l) => l.startsWith('warning: Could not write the snapshot: '))).toBe(true);
  });
});

describe('the roadmap run against GitHub', () => {
  const fake = new FakeGitHub();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.faults.length = 0;
    fake.issues.length = 0;
  });
  const withGitHub = (c: ReturnType<typeof context>) => {
    c.ctx.gh = createClient({ token: 'ghs-write', baseUrl: fake.url, log: c.ctx.log, retryBaseMs: 1 });
    return c;
  };

  it('writes its issue and says where; the summary is the roadmap, then the always-loaded pie, nothing on demand', async () => {
    const r = grownRepo(dirs, {}, { '.claude/skills/deploy/SKILL.md': skill });
    const { ctx, seen } = withGitHub(context(r.dir, { head: r.head }));
    await roadmap(ctx);
    expect(fake.issues).toHaveLength(1);
    expect(seen.outputs['issue-url']).toBe('https://github.com/o/r/issues/1');
    expect(seen.logs).toContain('Roadmap issue #1 created: https://github.com/o/r/issues/1');
    const summary = seen.summaries.join('');
    expect(summary.startsWith(fake.issues[0]!.body as string)).toBe(true);
    const pie = summary.slice(
      summary.indexOf('\n\n#### Where the always-loaded context goes\n\n```mermaid\npie showData title Always-loaded tokens by category\n'),
    );
    expect(pie.length).toBeGreaterThan(0);
    expect(pie).toContain('"memory files"');
    expect(pie).toContain('"skill listing"');
    expect(pie).not.toContain('skill bodies');
    expect(fake.violations).toEqual([]);
  });

  it('a damaged history is named with its issue; listing or writing the issue failing is a warning, and the summary still comes', async () => {
    const r = grownRepo(dirs);
    fake.labels.add('context-budget');
    const first = withGitHub(context(r.dir, { head: r.head }));
    await roadmap(first.ctx);
    const issue = fake.issues[0]!;
    issue.body = (issue.body as string).replace(/<!-- context-budget-history\n[\s\S]*?\n-->/, '<!-- context-budget-history\n{not json\n-->');
    const damaged = withGitHub(context(r.dir, { head: r.head }));
    await roadmap(damaged.ctx);
    expect(damaged.seen.logs.some((l) => /^warning: Roadmap issue #1: .+/.test(l))).toBe(true);

    // A listing that fails writes no issue: a new one could duplicate the one it could not see.
    for (const status of [403, 500]) {
      fake.faults.push({ method: 'GET', path: /\/issues$/, status, times: 10 });
      const listing = withGitHub(context(r.dir, { head: r.head }));
      await roadmap(listing.ctx);
      fake.faults.length = 0;
      expect(listing.seen.logs.some((l) => l.startsWith('warning: Listing roadmap issues') && (status === 500 || l.includes('issues: read')))).toBe(true);
      expect(listing.seen.logs).toContain(
        'warning: The roadmap issue was not written: without the list of open issues a new one could duplicate it. The roadmap is in the job summary.',
      );
      expect(listing.seen.summaries.join('')).toContain('context-budget-history');
      expect(fake.issues).toHaveLength(1);
    }

    fake.faults.push({ method: 'PATCH', path: /\/issues\/\d+$/, status: 403, times: 10 });
    const writing = withGitHub(context(r.dir, { head: r.head }));
    await roadmap(writing.ctx);
    expect(writing.seen.logs.find((l) => l.startsWith('warning: Writing the roadmap issue'))).toMatch(/issues: write.* The roadmap is in the job summary\.$/s);
    expect(writing.seen.outputs['issue-url']).toBeUndefined();
  });

  it('a summary that cannot be written is a warning; the issue is still written', async () => {
    const r = grownRepo(dirs);
    const c = withGitHub(context(r.dir, { head: r.head }));
    c.ctx.io.summary = async () => {
      throw new Error('GITHUB_STEP_SUMMARY is not writable');
    };
    await roadmap(c.ctx);
    expect(c.seen.logs).toContain('warning: Could not write the job summary: GITHUB_STEP_SUMMARY is not writable');
    expect(c.seen.outputs['issue-url']).toBeTruthy();
  });

  it('judges the commit of the head input, else GITHUB_SHA, else HEAD', async () => {
    const r = grownRepo(dirs);
    const at = async (inputs: Record<string, string>, env: NodeJS.ProcessEnv) => {
      const c = context(r.dir, inputs, {}, env);
      await roadmap(c.ctx);
      return Number(c.seen.outputs['eager-tokens']);
    };
    const [grown, short] = [await at({ head: r.head }, {}), await at({ head: r.base }, {})];
    expect(grown).toBeGreaterThan(short);
    expect(await at({}, { GITHUB_SHA: r.base })).toBe(short);
    expect(await at({ head: r.head }, { GITHUB_SHA: r.base })).toBe(grown);
    expect(await at({}, {})).toBe(grown);
  });
});

describe('publishing a report another run wrote, for its commit and pull request', () => {
  const fake = new FakeGitHub();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('the head input, else the run’s head, else the report’s commit; the pr-number input, else the run’s pull request', async () => {
    const r = grownRepo(dirs);
    const first = context(r.dir, {}, pr(r));
    await pullRequest(first.ctx, 'pull_request');
    const file = first.seen.outputs['report-path']!;
    const publishWith = async (inputs: Record<string, string>, payload: Record<string, unknown>) => {
      const c = context(r.dir, { 'publish-report': file, ...inputs }, payload);
      c.ctx.gh = createClient({ token: 'ghs-write', baseUrl: fake.url, log: c.ctx.log, retryBaseMs: 1 });
      const before = fake.checkRuns.length;
      await publishOnly(c.ctx);
      return { run: fake.checkRuns[before], comments: fake.comments.map((x) => x.issue) };
    };
    const other = 'e'.repeat(40);
    expect((await publishWith({}, {})).run?.head_sha).toBe(r.head);
    expect((await publishWith({}, { workflow_run: { head_sha: other, pull_requests: [{ number: 4 }] } })).run?.head_sha).toBe(other);
    expect((await publishWith({ head: r.base }, { workflow_run: { head_sha: other, pull_requests: [] } })).run?.head_sha).toBe(r.base);
    fake.comments.length = 0;
    const numbered = await publishWith({ 'pr-number': '12' }, { workflow_run: { head_sha: r.head, pull_requests: [{ number: 4 }] } });
    expect(numbered.comments).toEqual([12]);
    expect(fake.violations).toEqual([]);
  });

  it("a lookup of the fork's pull request that fails is a warning naming the permission", async () => {
    const r = grownRepo(dirs);
    const first = context(r.dir, {}, pr(r));
    await pullRequest(first.ctx, 'pull_request');
    fake.faults.push({ method: 'GET', path: /\/pulls$/, status: 403, times: 10 });
    const c = context(
      r.dir,
      { 'publish-report': first.seen.outputs['report-path']! },
      { workflow_run: { head_sha: r.head, head_branch: 'b', pull_requests: [] } },
    );
    c.ctx.gh = createClient({ token: 'ghs-write', baseUrl: fake.url, log: c.ctx.log, retryBaseMs: 1 });
    await publishOnly(c.ctx);
    fake.faults.length = 0;
    expect(c.seen.logs.some((l) => l.startsWith('warning: Finding the pull request of the workflow run') && l.includes('pull-requests: read'))).toBe(true);
  });
});
