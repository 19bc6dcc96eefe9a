/**
 * The Action's other runs in process (issue 24), through the same injected context as the pull
 * request tests: the scheduled roadmap, and publishing a report an untrusted run wrote.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishOnly, pullRequest, roadmap } from '../../src/action/gate.js';
import { readOptions } from '../../src/action/options.js';
import type { GateReport } from '../../src/model/report.js';
import { createClient } from '../../src/publish/client.js';
import { FakeGitHub } from '../e2e/fake-github.js';
import { cleanup } from '../helpers.js';
import { actionContext, grownRepo } from './context.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

const context = (workspace: string, inputs: Record<string, string>, payload: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) =>
  actionContext(dirs, workspace, inputs, payload, env);
const repo = () => grownRepo(dirs);

describe('the roadmap run', () => {
  it('writes the roadmap to the job summary, the snapshot and its outputs, and says the issue needs a token', async () => {
    const r = repo();
    const { ctx, seen } = context(r.dir, { head: r.head });
    await roadmap(ctx);
    expect(seen.summaries.join('')).toMatch(/roadmap|Roadmap/);
    expect(Number(seen.outputs['eager-tokens'])).toBeGreaterThan(1000);
    expect(JSON.parse(readFileSync(seen.outputs['snapshot-path']!, 'utf8')).source.commit).toBe(r.head);
    expect(seen.logs.join('\n')).toMatch(/No github-token: the roadmap is in the job summary only/);
  });
});

describe('publishing a report another run wrote', () => {
  it('decides the verdict again from the results: a forged pass is published as the failure it is', async () => {
    const r = repo();
    const pr = { number: 3, base: { sha: r.base }, head: { sha: r.head } };
    const first = context(r.dir, { 'fail-on': 'error' }, { pull_request: pr });
    await pullRequest(first.ctx, 'pull_request');
    const reportPath = first.seen.outputs['report-path']!;
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as GateReport;
    expect(report.verdict).toBe('warn');
    // The fork's run edits its report: a failing result, and the verdict set to pass.
    const forged = {
      ...report,
      verdict: 'pass',
      results: report.results.map((x) => (x.id === 'eager-increase' ? { ...x, status: 'fail', level: 'error' } : x)),
    };
    const file = path.join(path.dirname(reportPath), 'forged.json');
    writeFileSync(file, JSON.stringify(forged));
    const second = context(r.dir, { 'publish-report': file, 'fail-on': 'error' }, { workflow_run: { head_sha: r.head, pull_requests: [{ number: 3 }] } });
    await publishOnly(second.ctx);
    expect(second.seen.outputs.verdict).toBe('fail');
    expect(second.seen.failed).toHaveLength(1);
    expect(second.seen.summaries.join('')).toMatch(/not verified here|pull request's own workflow run/);
  });

  it("finds a fork's pull request by its head (GitHub leaves pull_requests empty), and says when there is none", async () => {
    const r = repo();
    const first = context(r.dir, {}, { pull_request: { number: 31, base: { sha: r.base }, head: { sha: r.head } } });
    await pullRequest(first.ctx, 'pull_request');
    const file = first.seen.outputs['report-path']!;
    const fake = new FakeGitHub();
    await fake.start();
    try {
      fake.pulls.push({ number: 31, state: 'open', head: { sha: r.head, ref: 'topic', repo: { full_name: 'fork/r', owner: { login: 'fork' } } } });
      const run = (sha: string) => ({
        workflow_run: { head_sha: sha, head_branch: 'topic', head_repository: { owner: { login: 'fork' } }, pull_requests: [] },
      });
      const found = context(r.dir, { 'publish-report': file }, run(r.head));
      found.ctx.gh = createClient({ token: 'ghs-write', baseUrl: fake.url, log: found.ctx.log, retryBaseMs: 1 });
      await publishOnly(found.ctx);
      expect(found.seen.logs).toContain(`Pull request #31 found by its head ${r.head.slice(0, 7)}.`);
      expect(fake.comments.filter((c) => c.issue === 31)).toHaveLength(1);
      const other = 'f'.repeat(40);
      const missing = context(r.dir, { 'publish-report': file }, run(other));
      missing.ctx.gh = createClient({ token: 'ghs-write', baseUrl: fake.url, log: missing.ctx.log, retryBaseMs: 1 });
      await publishOnly(missing.ctx);
      expect(missing.seen.logs).toContain(`No open pull request has the head ${other.slice(0, 7)}: no comment.`);
      expect(fake.comments).toHaveLength(1);
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.stop();
    }
  });

  it('a report of another shape is refused, naming the field', async () => {
    const r = repo();
    const file = path.join(r.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, verdict: 'pass', results: 'all good' }));
    const { ctx } = context(r.dir, { 'publish-report': file });
    await expect(publishOnly(ctx)).rejects.toThrow(/results|base|head/);
  });
});

describe('what the pull request run refuses', () => {
  it('measuring on pull_request_target (untrusted head, writing token), and an event without a pull request', async () => {
    const r = repo();
    const { ctx } = context(r.dir, { measure: 'claude-code' }, { pull_request: { number: 2, base: { sha: r.base }, head: { sha: r.head } } });
    await expect(pullRequest(ctx, 'pull_request_target')).rejects.toThrow(
      'Input "measure": refused on pull_request_target, where the head is untrusted and the token can write.',
    );
    const none = context(r.dir, {}, {});
    await expect(pullRequest(none.ctx, 'push')).rejects.toThrow(
      'No pull request in the event payload: set the "base" and "head" inputs, or run on pull_request / pull_request_target',
    );
    // The base and head inputs stand in for the event.
    const inputs = context(r.dir, { base: r.base, head: r.head }, {});
    await pullRequest(inputs.ctx, 'workflow_dispatch');
    expect(inputs.seen.outputs.verdict).toBe('warn');
    expect(inputs.seen.logs).toContain(
      `Comparing merge-base ${r.base.slice(0, 7)} against head ${r.head.slice(0, 7)} (commits that landed on the base branch meanwhile are excluded).`,
    );
  });
});

describe('the HTML report in the pull request run', () => {
  const service = {
    ACTIONS_RUNTIME_TOKEN: 'jwt',
    ACTIONS_RESULTS_URL: 'http://results',
    GITHUB_RUN_ID: '77',
    GITHUB_SERVER_URL: 'https://ghe.example',
    GITHUB_RUN_ATTEMPT: '3',
  };
  const pr = (r: { base: string; head: string }) => ({ pull_request: { number: 9, base: { sha: r.base }, head: { sha: r.head } } });

  it("is written with the diff's numbers, uploaded once, and its artifact URL is an output and in the summary beside a Mermaid pie", async () => {
    const r = repo();
    const { ctx, seen } = context(r.dir, { 'comment-key': 'k' }, pr(r), service);
    const uploaded: string[] = [];
    ctx.io.uploadArtifact = async (file) => {
      uploaded.push(file);
      return { id: 5150 };
    };
    await pullRequest(ctx, 'pull_request');
    expect(uploaded).toEqual([seen.outputs['html-path']]);
    expect(path.basename(uploaded[0]!)).toBe('context-budget-k-pr-9-3.html');
    const report = JSON.parse(readFileSync(seen.outputs['report-path']!, 'utf8')) as GateReport;
    const html = readFileSync(uploaded[0]!, 'utf8');
    expect(html).toContain(`id="cb-eager" data-head="${report.diff.totals.eagerTokens.head}" data-base="${report.diff.totals.eagerTokens.base}"`);
    // Files link to the head commit on the run's server.
    expect(html).toContain(`https://ghe.example/o/r/blob/${r.head}/`);
    const url = 'https://ghe.example/o/r/actions/runs/77/artifacts/5150';
    expect(seen.outputs['html-url']).toBe(url);
    const summary = seen.summaries.join('');
    expect(summary).toContain(`[Where the context goes: the HTML report](${url})`);
    expect(summary).toContain('```mermaid\npie showData title Always-loaded tokens of the head, by category');
    expect(summary.indexOf('```mermaid')).toBeGreaterThan(summary.indexOf('context-budget: warn'));
  });

  it('an upload that fails is a warning naming the file; the rest is published without a link', async () => {
    const r = repo();
    const { ctx, seen } = context(r.dir, {}, pr(r), service);
    ctx.io.uploadArtifact = async () => {
      throw new Error('Failed to CreateArtifact: quota');
    };
    await pullRequest(ctx, 'pull_request');
    expect(seen.logs.join('\n')).toContain(
      `warning: Could not upload the HTML report (Failed to CreateArtifact: quota); it is at ${seen.outputs['html-path']}.`,
    );
    expect(seen.outputs['html-url']).toBeUndefined();
    expect(seen.outputs.verdict).toBe('warn');
    expect(seen.summaries.join('')).not.toContain('the HTML report](');
  });

  it('html-report: file writes without uploading; off writes nothing; no artifact service: written, not uploaded', async () => {
    const r = repo();
    const upload = async () => {
      throw new Error('must not upload');
    };
    const file = context(r.dir, { 'html-report': 'file' }, pr(r), service);
    file.ctx.io.uploadArtifact = upload;
    await pullRequest(file.ctx, 'pull_request');
    expect(readFileSync(file.seen.outputs['html-path']!, 'utf8').startsWith('<!doctype html>')).toBe(true);
    const off = context(r.dir, { 'html-report': 'off' }, pr(r), service);
    off.ctx.io.uploadArtifact = upload;
    await pullRequest(off.ctx, 'pull_request');
    expect(off.seen.outputs['html-path']).toBeUndefined();
    const none = context(r.dir, {}, pr(r), { GITHUB_RUN_ID: '1' });
    none.ctx.io.uploadArtifact = upload;
    await pullRequest(none.ctx, 'pull_request');
    expect(none.seen.outputs['html-path']).toBeTruthy();
    expect(none.seen.logs.join('\n')).toContain('no artifact service in this run: not uploaded');
    expect(() => readOptions((n) => (n === 'html-report' ? 'zip' : ''), {})).toThrow('Input "html-report": expected one of upload, file, off, got "zip"');
  });

  it('is uploaded only with the upload function, the runtime token and the results URL all present', async () => {
    const r = repo();
    for (const missing of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'uploadArtifact']) {
      const env: NodeJS.ProcessEnv = { ...service, [missing]: undefined };
      const { ctx, seen } = context(r.dir, {}, pr(r), env);
      const uploaded: string[] = [];
      if (missing !== 'uploadArtifact')
        ctx.io.uploadArtifact = async (f) => {
          uploaded.push(f);
          return { id: 1 };
        };
      await pullRequest(ctx, 'pull_request');
      expect(uploaded, missing).toEqual([]);
      expect(seen.logs, missing).toContain(`HTML report written to ${seen.outputs['html-path']} (no artifact service in this run: not uploaded).`);
    }
    // html-report: file never tries.
    const file = context(r.dir, { 'html-report': 'file' }, pr(r), service);
    let tried = false;
    file.ctx.io.uploadArtifact = async () => {
      tried = true;
      return { id: 1 };
    };
    await pullRequest(file.ctx, 'pull_request');
    expect(tried).toBe(false);
    expect(file.seen.outputs['html-url']).toBeUndefined();
  });

  it("links the artifact on github.com when the run names no server, names the file after attempt 1 when it names none, and gives no URL without the run's id", async () => {
    const r = repo();
    const { GITHUB_SERVER_URL: _s, GITHUB_RUN_ATTEMPT: _a, ...bare } = service;
    const { ctx, seen } = context(r.dir, { 'comment-key': 'k' }, pr(r), bare);
    ctx.io.uploadArtifact = async () => ({ id: 5 });
    await pullRequest(ctx, 'pull_request');
    expect(path.basename(seen.outputs['html-path']!)).toBe('context-budget-k-pr-9-1.html');
    expect(seen.outputs['html-url']).toBe('https://github.com/o/r/actions/runs/77/artifacts/5');
    expect(seen.logs).toContain('HTML report uploaded as artifact 5: https://github.com/o/r/actions/runs/77/artifacts/5');
    // Files link to the head only where the run names its server.
    expect(readFileSync(seen.outputs['html-path']!, 'utf8')).not.toContain('/blob/');

    const { GITHUB_RUN_ID: _i, ...noRun } = service;
    const anon = context(r.dir, {}, pr(r), noRun);
    anon.ctx.io.uploadArtifact = async () => ({ id: 6 });
    await pullRequest(anon.ctx, 'pull_request');
    expect(anon.seen.logs).toContain('HTML report uploaded as artifact 6');
    expect(anon.seen.outputs['html-url']).toBeUndefined();
  });

  it("a report that can't be written is a warning, and nothing is uploaded", async () => {
    const r = repo();
    const { ctx, seen } = context(r.dir, { 'comment-key': 'k' }, pr(r), service);
    // A folder where the file goes.
    mkdirSync(path.join(ctx.opts.outputDir, 'context-budget-k-pr-9-3.html'), { recursive: true });
    let tried = false;
    ctx.io.uploadArtifact = async () => {
      tried = true;
      return { id: 1 };
    };
    await pullRequest(ctx, 'pull_request');
    expect(seen.logs.join('\n')).toMatch(/warning: Could not write the HTML report: EISDIR/);
    expect(tried).toBe(false);
    expect(seen.outputs['html-path']).toBeUndefined();
    expect(seen.outputs.verdict).toBe('warn');
  });

  it('the HTML report is titled with the repository and the pull request', async () => {
    const r = repo();
    const { ctx, seen } = context(r.dir, {}, pr(r), service);
    await pullRequest(ctx, 'pull_request');
    expect(readFileSync(seen.outputs['html-path']!, 'utf8')).toContain('<title>context-budget: o/r pull request #9</title>');
  });

  it('the roadmap run writes the HTML report of its commit and puts the chart in the summary', async () => {
    const r = repo();
    const { ctx, seen } = context(r.dir, { head: r.head }, {}, service);
    ctx.io.uploadArtifact = async () => ({ id: 1 });
    await roadmap(ctx);
    expect(readFileSync(seen.outputs['html-path']!, 'utf8')).toContain(`id="cb-eager" data-head="${seen.outputs['eager-tokens']}"`);
    expect(seen.summaries.join('')).toContain('```mermaid\npie showData title Always-loaded tokens by category');
    expect(seen.summaries.join('')).toContain('(https://ghe.example/o/r/actions/runs/77/artifacts/1)');
  });
});
