/**
 * The Action's other runs in process (issue 24), through the same injected context as the pull
 * request tests: the scheduled roadmap, and publishing a report an untrusted run wrote.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishOnly, pullRequest, roadmap, type Ctx } from '../../src/action/gate.js';
import { readOptions } from '../../src/action/options.js';
import type { GateReport } from '../../src/model/report.js';
import { cleanup, commitAll, gitInit, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

function context(workspace: string, inputs: Record<string, string>, payload: Record<string, unknown> = {}) {
  const out = tmpDir();
  dirs.push(out);
  const seen = { outputs: {} as Record<string, string>, summaries: [] as string[], failed: [] as string[], logs: [] as string[] };
  const ctx: Ctx = {
    io: {
      setOutput: (k, v) => void (seen.outputs[k] = v),
      summary: async (m) => void seen.summaries.push(m),
      setFailed: (m) => void seen.failed.push(m),
      now: () => new Date('2026-12-01T00:00:00Z'),
    },
    deadline: new AbortController(),
    opts: readOptions((n) => ({ 'output-dir': out, 'cache-dir': path.join(out, 'cache'), ...inputs })[n] ?? '', {}),
    log: {
      info: (m) => void seen.logs.push(m),
      warning: (m) => void seen.logs.push(`warning: ${m}`),
      error: (m) => void seen.logs.push(`error: ${m}`),
      debug: () => undefined,
    },
    env: {},
    owner: 'o',
    repo: 'r',
    workspace,
    gh: null,
    payload,
  };
  return { ctx, seen };
}

function repo(): { dir: string; base: string; head: string } {
  const dir = tmpDir();
  dirs.push(dir);
  writeFiles(dir, { 'CLAUDE.md': '# P\n\nShort.\n' });
  const base = gitInit(dir);
  writeFiles(dir, { 'CLAUDE.md': '# P\n\n' + 'Always-loaded guidance for every session. '.repeat(200) + '\n' });
  const head = commitAll(dir, 'grow');
  return { dir, base, head };
}

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

  it('a report of another shape is refused, naming the field', async () => {
    const r = repo();
    const file = path.join(r.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, verdict: 'pass', results: 'all good' }));
    const { ctx } = context(r.dir, { 'publish-report': file });
    await expect(publishOnly(ctx)).rejects.toThrow(/results|base|head/);
  });
});
