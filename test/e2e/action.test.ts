/**
 * End to end, as the runner runs it: `node dist/index.js` with the runner's environment, a real
 * temporary git repository (an origin with base, head and GitHub's merge commit; a shallow
 * checkout of the merge commit), and the fake GitHub API above.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, copyFixture, ROOT, sh, tmpDir, writeFiles } from '../helpers.js';
import { FakeArtifacts } from './fake-artifacts.js';
import { FakeGitHub } from './fake-github.js';

const DIST = path.join(ROOT, 'dist', 'index.js');
/** What a reader may want to look at after a run (the comment, the check run, the roadmap issue): one folder per run, never a fixed name in the OS temp folder. */
const ARTIFACTS = process.env.CONTEXT_BUDGET_E2E_ARTIFACTS || tmpDir('cb-e2e-artifacts-');

interface Repo {
  origin: string;
  base: string;
  head: string;
  merge: string;
}

/** An origin repository: main (base), feature (head), and refs/pull/1/merge like GitHub makes. */
function makeOrigin(headChange: (dir: string) => void): Repo {
  const work = copyFixture('example-base');
  sh(work, 'git', ['init', '-q', '-b', 'main']);
  sh(work, 'git', ['add', '-A']);
  sh(work, 'git', ['commit', '-qm', 'base']);
  sh(work, 'git', ['checkout', '-qb', 'feature']);
  headChange(work);
  sh(work, 'git', ['add', '-A']);
  sh(work, 'git', ['commit', '-qm', 'head']);
  const head = sh(work, 'git', ['rev-parse', 'HEAD']).trim();
  // Meanwhile main moves on (a commit the pull request must not be blamed for).
  sh(work, 'git', ['checkout', '-q', 'main']);
  writeFiles(work, { '.claude/rules/unrelated.md': '# Unrelated rule that landed on main\n' + 'Always-loaded text from another change. '.repeat(40) + '\n' });
  sh(work, 'git', ['add', '-A']);
  sh(work, 'git', ['commit', '-qm', 'main moves on']);
  const mainTip = sh(work, 'git', ['rev-parse', 'HEAD']).trim();
  sh(work, 'git', ['checkout', '-q', '--detach', mainTip]);
  sh(work, 'git', ['merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature']);
  const merge = sh(work, 'git', ['rev-parse', 'HEAD']).trim();
  const origin = tmpDir('cb-origin-');
  sh(origin, 'git', ['init', '-q', '--bare']);
  sh(origin, 'git', ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  sh(work, 'git', ['push', '-q', origin, 'main', 'feature', `${merge}:refs/pull/1/merge`]);
  cleanup(work);
  return { origin, base: mainTip, head, merge };
}

/** What actions/checkout does by default: fetch one commit at depth 1 and check it out. */
function shallowCheckout(origin: string, sha: string): string {
  const ws = tmpDir('cb-ws-');
  sh(ws, 'git', ['init', '-q']);
  sh(ws, 'git', ['remote', 'add', 'origin', `file://${origin}`]);
  sh(ws, 'git', ['fetch', '-q', '--no-tags', '--depth=1', 'origin', sha]);
  sh(ws, 'git', ['checkout', '-q', '--detach', sha]);
  return ws;
}

interface RunResult {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  report?: { verdict: string };
}

async function runAction(o: {
  ws: string;
  event: string;
  payload: object;
  sha: string;
  inputs: Record<string, string>;
  api: string;
  env?: Record<string, string>;
}): Promise<RunResult> {
  const tmp = tmpDir('cb-runner-');
  const eventPath = path.join(tmp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  const outFile = path.join(tmp, 'output');
  const summaryFile = path.join(tmp, 'summary');
  writeFileSync(outFile, '');
  writeFileSync(summaryFile, '');
  mkdirSync(path.join(tmp, 'temp'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_API_URL: o.api,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_SHA: o.sha,
    GITHUB_WORKSPACE: o.ws,
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: path.join(tmp, 'temp'),
    CONTEXT_BUDGET_RETRY_BASE_MS: '20',
    ...Object.fromEntries(Object.entries(o.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...o.env,
  };
  const child = spawn(process.execPath, [DIST], { cwd: o.ws, env });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
  const outputs: Record<string, string> = {};
  const raw = readFileSync(outFile, 'utf8');
  for (const m of raw.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  const summary = readFileSync(summaryFile, 'utf8');
  const report = outputs['report-path'] && existsSync(outputs['report-path']) ? JSON.parse(readFileSync(outputs['report-path'], 'utf8')) : undefined;
  cleanup(tmp);
  return { code, stdout, outputs, summary, report };
}

const gh = new FakeGitHub();
let api = '';
const dirs: string[] = [];
beforeAll(async () => {
  api = await gh.start();
});
afterAll(async () => {
  await gh.stop();
  dirs.forEach(cleanup);
});
beforeEach(() => {
  gh.comments.length = 0;
  gh.checkRuns.length = 0;
  gh.issues.length = 0;
  gh.labels.clear();
  gh.pulls.length = 0;
  gh.faults.length = 0;
  gh.requests.length = 0;
  gh.violations.length = 0;
});
afterEach(() => {
  expect(gh.violations).toEqual([]);
});

const grow = (dir: string) => {
  const big =
    '\n## Deployment runbook\n' +
    Array.from(
      { length: 25 },
      (_, i) => `${i + 1}. Check the dashboard for service ${i}, confirm health, promote the canary and watch the error rates for ten minutes.`,
    ).join('\n') +
    '\n';
  writeFileSync(path.join(dir, 'CLAUDE.md'), readFileSync(path.join(dir, 'CLAUDE.md'), 'utf8') + big);
};
const prPayload = (r: Repo) => ({
  action: 'synchronize',
  number: 1,
  pull_request: { number: 1, base: { sha: r.base, ref: 'main' }, head: { sha: r.head, ref: 'feature' } },
  repository: { full_name: 'o/r' },
});

/** An origin with the given head change, checked out at its merge commit with depth 1. */
function pullRequestFixture(change: (dir: string) => void): { repo: Repo; ws: string } {
  const repo = makeOrigin(change);
  const ws = shallowCheckout(repo.origin, repo.merge);
  dirs.push(repo.origin, ws);
  return { repo, ws };
}

describe('pull_request', () => {
  let repo: Repo;
  let ws: string;
  beforeAll(() => {
    ({ repo, ws } = pullRequestFixture(grow));
  });

  it('first run: fetches the missing base, creates one comment and a check run, writes summary and outputs', async () => {
    const r = await runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r.code).toBe(0); // warn: an eager increase, no hard limit broken
    expect(r.stdout).toContain('Fetching');
    expect(r.stdout).toContain(`base tip ${repo.base.slice(0, 7)} against the merge commit ${repo.merge.slice(0, 7)}`);
    expect(r.outputs.verdict).toBe('warn');
    expect(Number(r.outputs['eager-tokens-delta'])).toBeGreaterThan(500);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body.startsWith('<!-- context-budget:default -->')).toBe(true);
    // Only the pull request's change is measured: main's unrelated import is not in the delta.
    expect(gh.comments[0]!.body).not.toContain('unrelated');
    expect(r.outputs['comment-url']).toContain('#issuecomment-');
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ name: 'context-budget', head_sha: repo.head, conclusion: 'neutral', status: 'completed' });
    expect(r.outputs['check-run-id']).toBe(String(gh.checkRuns[0].id));
    expect(r.summary).toContain('context-budget: warn');
    expect(r.report?.verdict).toBe('warn');
    writeFileSync(path.join(ARTIFACTS, 'context-budget-e2e-comment.md'), gh.comments[0]!.body);
    writeFileSync(
      path.join(ARTIFACTS, 'context-budget-e2e-check.json'),
      JSON.stringify(
        {
          name: gh.checkRuns[0].name,
          conclusion: gh.checkRuns[0].conclusion,
          title: gh.checkRuns[0].output.title,
          annotations: gh.checkRuns[0].annotationsAll,
        },
        null,
        2,
      ),
    );
  });

  it('second run updates the same comment: still one', async () => {
    await runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: { 'github-token': 'ghs-write' }, api });
    const firstId = gh.comments[0]!.id;
    gh.comments[0]!.body += '\nstale';
    const r = await runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.id).toBe(firstId);
    expect(gh.comments[0]!.body).not.toContain('stale');
    expect(gh.requests.filter((q) => q.method === 'PATCH' && q.path.includes('/issues/comments/'))).toHaveLength(1);
  });

  it('finds its comment among more than 100 others, and ignores a fake marker planted by someone else', async () => {
    for (let i = 0; i < 130; i++) gh.seedComment(1, `user${i}`, i === 5 ? '<!-- context-budget:default -->\nplanted by a user' : `comment ${i}`);
    const ours = gh.seedComment(1, 'github-actions[bot]', '<!-- context-budget:default -->\nold');
    gh.seedComment(1, 'someone', 'after');
    const r = await runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r.code).toBe(0);
    expect(gh.comments.filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1);
    expect(gh.comments.find((c) => c.id === ours.id)!.body).toContain('context-budget: warn');
    expect(gh.comments.find((c) => c.user.login === 'user5')!.body).toContain('planted by a user');
    expect(gh.requests.filter((q) => q.path.includes('/issues/1/comments') && q.method === 'GET').length).toBeGreaterThanOrEqual(2);
  });

  it('read-only token: 403 on comment and check, yet the summary has the report and the exit code follows the verdict', async () => {
    const r = await runAction({
      ws,
      event: 'pull_request',
      payload: prPayload(repo),
      sha: repo.merge,
      inputs: { 'github-token': 'ghs-read', 'fail-on': 'warn' },
      api,
    });
    expect(r.code).toBe(1); // fail-on: warn and the verdict is warn
    expect(r.summary).toContain('context-budget: warn');
    // One warning naming both permissions (the comment is tried first, then the check run).
    expect(r.stdout).toMatch(/::warning::.*pull-requests: write.*checks: write/s);
    expect(gh.comments).toHaveLength(0);
    const ok = await runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: { 'github-token': 'ghs-read' }, api });
    expect(ok.code).toBe(0);
  });

  it('retries a 500 and a secondary rate limit', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues\/1\/comments$/, status: 500, times: 1 });
    gh.faults.push({
      method: 'POST',
      path: /\/check-runs$/,
      status: 403,
      times: 1,
      headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
    });
    const r = await runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/comments')).map((q) => q.status)).toEqual([500, 201]);
    expect(gh.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/check-runs')).map((q) => q.status)).toEqual([403, 201]);
  });
});

describe('the HTML report: an artifact of the run, linked', () => {
  const store = new FakeArtifacts();
  let repo: Repo;
  let ws: string;
  beforeAll(async () => {
    await store.start();
    ({ repo, ws } = pullRequestFixture(grow));
  });
  afterAll(() => store.stop());
  afterEach(() => expect(store.violations).toEqual([]));

  it('uploads the report unzipped through the artifact service and links it from the comment, check run and summary; the summary draws a Mermaid chart', async () => {
    const r = await runAction({
      ws,
      event: 'pull_request',
      payload: prPayload(repo),
      sha: repo.merge,
      inputs: { 'github-token': 'ghs-write', 'comment-key': 'html' },
      api,
      env: { ...store.env(), GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(r.code, r.stdout).toBe(0);
    expect(store.uploads).toHaveLength(1);
    const u = store.uploads[0]!;
    expect(u).toMatchObject({ name: 'context-budget-html-pr-1-2.html', mimeType: 'text/html', finalized: true });
    // What was uploaded (its SHA-256 checked by the fake against the client's own) is the page the run wrote, with the report's numbers in it.
    expect(r.outputs['html-path']).toMatch(/context-budget-html-pr-1-2\.html$/);
    const html = u.bytes.toString('utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`data-head="${(r.report as any).diff.totals.eagerTokens.head}"`);
    expect(html).toContain(`data-base="${(r.report as any).diff.totals.eagerTokens.base}"`);
    const url = `https://github.com/o/r/actions/runs/42/artifacts/${u.id}`;
    expect(r.outputs['html-url']).toBe(url);
    expect(gh.comments[0]!.body).toContain(`[Where the context goes: the HTML report](${url})`);
    expect(gh.checkRuns[0].output.summary).toContain(url);
    expect(r.summary).toContain(url);
    expect(r.summary).toMatch(/```mermaid\npie showData title Always-loaded tokens of the head, by category\n {4}"memory files" : \d+/);
  });

  it('an artifact service that refuses is a warning: the report is still written, commented and summarised, without the link', async () => {
    store.failCreate = 403;
    try {
      const r = await runAction({
        ws,
        event: 'pull_request',
        payload: prPayload(repo),
        sha: repo.merge,
        inputs: { 'github-token': 'ghs-write', 'comment-key': 'refused' },
        api,
        env: store.env(),
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/::warning::Could not upload the HTML report \(.*403.*\); it is at .*context-budget-refused-pr-1-1\.html/);
      expect(r.outputs['html-path']).toBeTruthy();
      expect(r.outputs['html-url']).toBeUndefined();
      expect(gh.comments).toHaveLength(1);
      expect(gh.comments[0]!.body).not.toContain('HTML report');
      expect(r.summary).toContain('context-budget: warn');
    } finally {
      store.failCreate = undefined;
    }
  });

  it('html-report: off writes no report; without an artifact service the file is written and not uploaded', async () => {
    const before = store.uploads.length;
    const off = await runAction({
      ws,
      event: 'pull_request',
      payload: prPayload(repo),
      sha: repo.merge,
      inputs: { 'html-report': 'off' },
      api,
      env: store.env(),
    });
    expect(off.outputs['html-path']).toBeUndefined();
    const local = await runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: {}, api });
    expect(local.outputs['html-path']).toBeTruthy();
    expect(local.stdout).toContain('no artifact service in this run: not uploaded');
    expect(store.uploads).toHaveLength(before);
  });
});

describe('faults: the report is never lost, the exit code follows the verdict', () => {
  let repo: Repo;
  let ws: string;
  beforeAll(() => {
    ({ repo, ws } = pullRequestFixture(grow));
  });
  const runPr = (inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
    runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: { 'github-token': 'ghs-write', ...inputs }, api, env });

  it('an unreachable GitHub API (connection refused) stops publishing at once instead of retrying until publish-timeout', async () => {
    // A loopback port nothing listens on (taken, then released). Past the test's own timeout means it retried for 300 s.
    const probe = http.createServer();
    await new Promise<void>((res) => probe.listen(0, '127.0.0.1', res));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((res) => probe.close(() => res()));
    const r = await runAction({
      ws,
      event: 'pull_request',
      payload: prPayload(repo),
      sha: repo.merge,
      inputs: { 'github-token': 'ghs-write' },
      api: `http://127.0.0.1:${port}`,
    });
    expect(r.code).toBe(0); // warn: the verdict decides, not GitHub
    expect(r.summary).toContain('context-budget: warn');
    expect(r.stdout).toContain(`the GitHub API can't be reached (ECONNREFUSED from 127.0.0.1:${port})`);
  }, 45_000);

  it('401: a bad token is explained; summary and exit code unaffected', async () => {
    const r = await runPr({ 'github-token': 'ghs-bogus' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('the token is invalid or expired (401)');
    expect(r.summary).toContain('context-budget: warn');
    expect(r.stdout).toContain('::add-mask::ghs-bogus'); // the runner masks it in every later line
  });

  it('404 and 422 are explained, not retried', async () => {
    gh.faults.push({ method: 'GET', path: /\/issues\/1\/comments$/, status: 404, times: 5 });
    gh.faults.push({ method: 'POST', path: /\/check-runs$/, status: 422, times: 5, body: { message: 'Validation Failed' } });
    const r = await runPr();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not found (404)');
    expect(r.stdout).toContain('GitHub rejected the request (422)');
    expect(gh.requests.filter((q) => q.path.endsWith('/check-runs'))).toHaveLength(1);
    expect(r.summary).toContain('context-budget: warn');
  });

  it('502 and a timeout are retried', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues\/1\/comments$/, status: 502, times: 1 });
    gh.faults.push({ method: 'POST', path: /\/check-runs$/, status: 201, times: 1, delayMs: 1500 });
    const r = await runPr({}, { CONTEXT_BUDGET_HTTP_TIMEOUT_MS: '500' });
    expect(r.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/comments')).map((q) => q.status)).toEqual([502, 201]);
  });

  it('two runs at once still end with one comment', async () => {
    await Promise.all([runPr(), runPr()]);
    expect(gh.comments.filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1);
  });

  it("a pull request's bad config is a reported failure naming file and key; the base's config judges the rest and everything is published", async () => {
    const { repo: bad, ws: bws } = pullRequestFixture((dir) =>
      writeFiles(dir, { '.github/context-budget.yml': 'budgets:\n  - metric: eagerTokens\n    max: plenty\n' }),
    );
    const r = await runAction({ ws: bws, event: 'pull_request', payload: prPayload(bad), sha: bad.merge, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.stdout).toContain('.github/context-budget.yml: budgets[0].max: expected a number >= 0');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain("can't be read");
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ conclusion: 'failure' });
  });

  it('repository text cannot inject workflow commands into the log', async () => {
    const { repo: evil, ws: ews } = pullRequestFixture((dir) =>
      writeFiles(dir, {
        '.claude/skills/evil/SKILL.md': '---\nname: evil\ndescription: x\n---\nBody\n',
        '.claude/commands/::error::pwned.md': '---\ndescription: "::add-mask::x"\n---\n',
        'CLAUDE.md': '# Root\n@::warning::nope.md\n',
      }),
    );
    const r = await runAction({ ws: ews, event: 'pull_request', payload: prPayload(evil), sha: evil.merge, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r.stdout).not.toMatch(/^::error::pwned/m);
    expect(r.stdout).not.toMatch(/^\s*::warning::nope/m);
    expect(r.stdout).not.toMatch(/^::add-mask::x$/m);
  });
});

describe('comment: changed (the default)', () => {
  it('posts nothing when the pull request changes nothing in the framework, and still updates an existing comment', async () => {
    const { repo, ws } = pullRequestFixture((dir) => writeFiles(dir, { 'notes.txt': 'not part of the framework\n' }));
    const run = () => runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: { 'github-token': 'ghs-write' }, api });
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.stdout).toContain('Nothing changed: no comment (comment: changed).');
    expect(gh.comments).toHaveLength(0);
    expect(gh.checkRuns).toHaveLength(1);
    const old = gh.seedComment(1, 'github-actions[bot]', '<!-- context-budget:default -->\nan earlier warning');
    await run();
    expect(gh.comments.find((c) => c.id === old.id)!.body).toContain('context-budget: pass');
  });
});

describe('failing pull request and annotations in batches', () => {
  it('fails the job on a broken hard limit and sends more than 50 annotations in batches', async () => {
    const { repo, ws } = pullRequestFixture((dir) => {
      const files: Record<string, string> = {};
      // 80 skills of ~600-character descriptions: the listing overflows Claude Code's budget (30,000 characters on its default model).
      for (let i = 0; i < 80; i++)
        files[`.claude/skills/skill-${i}/SKILL.md`] = `---\ndescription: skill ${i} ${'does one careful thing and reports it. '.repeat(15)}\n---\nBody\n`;
      writeFiles(dir, files);
    });
    const r = await runAction({ ws, event: 'pull_request', payload: prPayload(repo), sha: repo.merge, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.stdout).toContain('::error::context-budget: fail');
    const run = gh.checkRuns[0];
    expect(run.conclusion).toBe('failure');
    expect(run.annotationsAll.length).toBeGreaterThan(50);
    expect(gh.requests.filter((q) => q.method === 'PATCH' && q.path.includes('/check-runs/')).length).toBe(Math.ceil(run.annotationsAll.length / 50) - 1);
  });
});

describe('pull_request_target without a merge commit, shallow head checkout', () => {
  it('deepens to the merge-base and reads budgets from the base commit', async () => {
    const repo = makeOrigin((dir) => {
      grow(dir);
      writeFiles(dir, { '.github/context-budget.yml': 'defaults: false\n' }); // the pull request tries to switch the gate off
    });
    const ws = shallowCheckout(repo.origin, repo.head);
    dirs.push(repo.origin, ws);
    const r = await runAction({ ws, event: 'pull_request_target', payload: prPayload(repo), sha: repo.base, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('merge-base');
    expect(r.stdout).toContain('Budgets: defaults (read from the base commit: pull_request_target)');
    expect(r.outputs.verdict).toBe('warn');
    expect(gh.comments[0]!.body).not.toContain('unrelated');
  });
});

describe('measure: claude-code is refused where the head is untrusted and the token can write', () => {
  it('fails on pull_request_target before running anything, naming the input', async () => {
    const repo = makeOrigin((dir) => grow(dir));
    const ws = shallowCheckout(repo.origin, repo.head);
    dirs.push(repo.origin, ws);
    const r = await runAction({
      ws,
      event: 'pull_request_target',
      payload: prPayload(repo),
      sha: repo.base,
      inputs: { 'github-token': 'ghs-write', measure: 'claude-code' },
      api,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Input "measure": refused on pull_request_target');
    expect(gh.comments).toHaveLength(0);
  });
});

describe('schedule: the roadmap issue', () => {
  it('creates the issue and its label, then updates it with history and what was resolved', async () => {
    const dir = copyFixture('example-head');
    sh(dir, 'git', ['init', '-q', '-b', 'main']);
    sh(dir, 'git', ['add', '-A']);
    sh(dir, 'git', ['commit', '-qm', 'one']);
    const first = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
    dirs.push(dir);
    const r1 = await runAction({ ws: dir, event: 'schedule', payload: {}, sha: first, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r1.code).toBe(0);
    expect(gh.labels.has('context-budget')).toBe(true);
    expect(gh.issues).toHaveLength(1);
    const body1 = gh.issues[0].body as string;
    expect(body1).toContain('### Immediate');
    expect(body1).toContain('@​docs/secrets.md does not exist');
    expect(body1).toContain('The trend appears after the second run');
    // A maintainer ticks the group of the recommendation that will still be there next run.
    const loadingBox = /^- \[ \] (.*<!-- group:loading:project -->)$/m;
    expect(body1).toMatch(loadingBox);
    gh.issues[0].body = body1.replace(loadingBox, '- [x] $1');
    // Fix the broken import, then run again.
    writeFileSync(
      path.join(dir, 'CLAUDE.md'),
      readFileSync(path.join(dir, 'CLAUDE.md'), 'utf8').replace('Deployment secrets are described in @docs/secrets.md\n', ''),
    );
    sh(dir, 'git', ['commit', '-qam', 'fix import']);
    const second = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
    const r2 = await runAction({ ws: dir, event: 'schedule', payload: {}, sha: second, inputs: { 'github-token': 'ghs-write' }, api });
    expect(r2.code).toBe(0);
    expect(gh.issues).toHaveLength(1);
    const body2 = gh.issues[0].body as string;
    expect(body2).toContain('### Resolved since the previous run');
    expect(body2).toContain('✅ @​docs/secrets.md does not exist');
    expect(body2).toContain('xychart-beta');
    expect(body2).toMatch(/^- \[x\] .*<!-- group:loading:project -->$/m); // the tick is remembered
    expect(body2).toMatch(new RegExp(`\\| \\d{4}-\\d{2}-\\d{2} \\| \`${second.slice(0, 7)}\` \\| [\\d,]+ \\| [−+-]?[\\d,]+ \\|`)); // runs table, date with the year
    const history = JSON.parse(/<!-- context-budget-history\n([\s\S]*?)\n-->/.exec(body2)![1]!);
    expect(history.entries.map((e: { commit: string }) => e.commit)).toEqual([first, second]);
    expect(r2.outputs['issue-url']).toBe('https://github.com/o/r/issues/1');
    writeFileSync(path.join(ARTIFACTS, 'context-budget-e2e-roadmap.md'), body2);
  });
});

describe('exact counts from Anthropic (optional)', () => {
  let server: http.Server;
  let url = '';
  let mode: 'ok' | 'fail' = 'ok';
  const seen: { key?: string; version?: string; model?: string }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const j = JSON.parse(body);
        seen.push({ key: req.headers['x-api-key'] as string, version: req.headers['anthropic-version'] as string, model: j.model });
        if (mode === 'fail') return res.writeHead(529, { 'content-type': 'application/json' }).end('{"type":"error","error":{"type":"overloaded_error"}}');
        // A stand-in tokenizer: one token per word, plus 7 tokens of message framing.
        const words = String(j.messages[0].content).split(/\s+/).filter(Boolean).length;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ input_tokens: words + 7 }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('uses exact counts when a key is given, caching by content; falls back to the estimate on an API error', async () => {
    const { repo, ws } = pullRequestFixture(grow);
    const run = () =>
      runAction({
        ws,
        event: 'pull_request',
        payload: prPayload(repo),
        sha: repo.merge,
        inputs: { 'github-token': 'ghs-write', 'anthropic-api-key': 'sk-ant-test', 'anthropic-model': 'claude-test' },
        api,
        env: { ANTHROPIC_BASE_URL: url },
      });
    const exact = await run();
    expect(exact.code).toBe(0);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((x) => x.key === 'sk-ant-test' && x.version === '2023-06-01' && x.model === 'claude-test')).toBe(true);
    expect(gh.comments[0]!.body).toContain('Token counts are exact (anthropic count\\_tokens \\(claude-test\\))');
    expect(exact.stdout).toContain('::add-mask::sk-ant-test');
    mode = 'fail';
    const fallback = await run();
    expect(fallback.code).toBe(0);
    expect(fallback.stdout).toMatch(/::warning::anthropic count_tokens \(claude-test\) failed \(count_tokens answered 529/);
    expect(gh.comments[0]!.body).toContain('Token counts are estimates');
    expect(fallback.outputs.verdict).toBe(exact.outputs.verdict);
  });
});

describe('workflow_run recipe', () => {
  it('publishes a report produced earlier', async () => {
    const report = path.join(tmpDir(), 'report.json');
    const { repo, ws } = pullRequestFixture(grow);
    dirs.push(path.dirname(report));
    const measure = await runAction({
      ws,
      event: 'pull_request',
      payload: prPayload(repo),
      sha: repo.merge,
      inputs: { 'github-token': 'ghs-read', comment: 'never', 'check-run': 'false', 'output-dir': path.dirname(report) },
      api,
    });
    expect(measure.code).toBe(0);
    const r = await runAction({
      ws,
      event: 'workflow_run',
      payload: { workflow_run: { head_sha: repo.head, pull_requests: [{ number: 1 }] } },
      sha: repo.base,
      inputs: { 'github-token': 'ghs-write', 'publish-report': report },
      api,
    });
    expect(r.code).toBe(0);
    expect(r.outputs.mode).toBe('publish');
    expect(gh.comments).toHaveLength(1);
    expect(gh.checkRuns[0].head_sha).toBe(repo.head);
  });

  it("a fork's pull request (workflow_run.pull_requests empty): found by the fork's branch and the measured commit, commented", async () => {
    const report = path.join(tmpDir(), 'report.json');
    const { repo, ws } = pullRequestFixture(grow);
    dirs.push(path.dirname(report));
    const measure = await runAction({
      ws,
      event: 'pull_request',
      payload: prPayload(repo),
      sha: repo.merge,
      inputs: { 'github-token': 'ghs-read', comment: 'never', 'check-run': 'false', 'output-dir': path.dirname(report) },
      api,
    });
    expect(measure.code).toBe(0);
    const fork = { full_name: 'forker/r', owner: { login: 'forker' } };
    // Another open pull request from a branch of the same name, at another commit: not ours.
    gh.pulls.push({ number: 3, state: 'open', head: { sha: 'f'.repeat(40), ref: 'feature', repo: { full_name: 'other/r', owner: { login: 'other' } } } });
    gh.pulls.push({ number: 5, state: 'open', head: { sha: repo.head, ref: 'feature', repo: fork } });
    const payload = { workflow_run: { head_sha: repo.head, head_branch: 'feature', head_repository: fork, pull_requests: [] } };
    const r = await runAction({ ws, event: 'workflow_run', payload, sha: repo.base, inputs: { 'github-token': 'ghs-write', 'publish-report': report }, api });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pull request #5 found by its head');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.issue).toBe(5);
    expect(gh.checkRuns[0].head_sha).toBe(repo.head);
    // No pull request with that head: the check run is still published, no comment anywhere.
    gh.comments.length = 0;
    gh.pulls.length = 0;
    const none = await runAction({
      ws,
      event: 'workflow_run',
      payload,
      sha: repo.base,
      inputs: { 'github-token': 'ghs-write', 'publish-report': report },
      api,
    });
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No open pull request has the head');
    expect(gh.comments).toHaveLength(0);
  });
});
