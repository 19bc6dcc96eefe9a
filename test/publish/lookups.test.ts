/**
 * The lookups publishing depends on, at their edges, against the fake GitHub API: the fork recipe's
 * pull request (a renamed branch, more than one page, a head that is not a bare commit id), and the
 * roadmap issue (pull requests and other authors' issues left out, the oldest of ours kept, its label
 * created once with its colour and description, a label created meanwhile, an error that is not).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type GitHub } from '../../src/publish/client.js';
import { findPullRequest } from '../../src/publish/pulls.js';
import { ensureLabel, findRoadmapIssue, upsertRoadmap } from '../../src/publish/roadmap.js';
import { marker } from '../../src/render/comment.js';
import { FakeGitHub } from '../e2e/fake-github.js';

const fake = new FakeGitHub();
let gh: GitHub;
const silent = { info: () => undefined, warning: () => undefined, error: () => undefined, debug: () => undefined };
beforeAll(async () => {
  await fake.start();
  gh = createClient({ token: 'ghs-write', baseUrl: fake.url, log: silent, retryBaseMs: 1 });
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.pulls.length = 0;
  fake.issues.length = 0;
  fake.labels.clear();
  fake.requests.length = 0;
  fake.faults.length = 0;
});

const sha = 'a'.repeat(40);
const pull = (number: number, headSha: string, owner = 'fork', ref = 'feature') => ({
  number,
  state: 'open',
  head: { sha: headSha, ref, repo: { full_name: `${owner}/r`, owner: { login: owner } } },
});
const pullsAsked = () => fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/repos/o/r/pulls'));

describe("the fork recipe's pull request", () => {
  it('a head that only contains a commit id is not one: nothing is asked', async () => {
    fake.pulls.push(pull(1, sha));
    for (const bad of [`x${sha}`, `${sha}x`, sha.toUpperCase(), sha.slice(1)])
      expect(await findPullRequest(gh, 'o', 'r', { sha: bad, owner: 'fork', branch: 'feature' })).toBeUndefined();
    expect(pullsAsked()).toEqual([]);
  });

  it('by fork and branch first: one request when it is there', async () => {
    fake.pulls.push(pull(7, sha));
    expect(await findPullRequest(gh, 'o', 'r', { sha, owner: 'fork', branch: 'feature' })).toBe(7);
    expect(pullsAsked()).toHaveLength(1);
    expect(decodeURIComponent(pullsAsked()[0]!.path)).toContain('head=fork:feature');
  });

  it('a branch renamed since: the open pull requests, newest first', async () => {
    fake.pulls.push(pull(8, sha, 'fork', 'renamed'));
    expect(await findPullRequest(gh, 'o', 'r', { sha, owner: 'fork', branch: 'feature' })).toBe(8);
    expect(pullsAsked()).toHaveLength(2);
    expect(pullsAsked()[1]!.path).toContain('sort=updated');
    // With only an owner, or only a branch, there is nothing to filter by.
    fake.requests.length = 0;
    expect(await findPullRequest(gh, 'o', 'r', { sha, owner: 'fork' })).toBe(8);
    expect(await findPullRequest(gh, 'o', 'r', { sha, branch: 'renamed' })).toBe(8);
    expect(pullsAsked().every((r) => !r.path.includes('head='))).toBe(true);
  });

  it('reads up to three full pages, and stops at a short one', async () => {
    for (let i = 0; i < 250; i++) fake.pulls.push(pull(1000 + i, 'b'.repeat(40), `u${i}`, `b${i}`));
    fake.pulls.push(pull(99, sha, 'late', 'x'));
    expect(await findPullRequest(gh, 'o', 'r', { sha })).toBe(99);
    expect(pullsAsked().map((r) => /[?&]page=(\d+)/.exec(r.path)?.[1])).toEqual(['1', '2', '3']);
    // Past three pages: not found, and no fourth page asked.
    fake.requests.length = 0;
    for (let i = 0; i < 100; i++) fake.pulls.unshift(pull(2000 + i, 'c'.repeat(40), `v${i}`, `c${i}`));
    expect(await findPullRequest(gh, 'o', 'r', { sha })).toBeUndefined();
    expect(pullsAsked()).toHaveLength(3);
    // Fewer than 100 on the first page: one request.
    fake.pulls.length = 0;
    fake.requests.length = 0;
    fake.pulls.push(pull(5, 'd'.repeat(40)));
    expect(await findPullRequest(gh, 'o', 'r', { sha })).toBeUndefined();
    expect(pullsAsked()).toHaveLength(1);
  });
});

describe('the roadmap issue', () => {
  const t = { owner: 'o', repo: 'r', label: 'cb-roadmap', title: 'Context budget roadmap', marker: marker('roadmap'), authors: ['github-actions[bot]'] };
  const issue = (number: number, over: Record<string, unknown> = {}) => ({
    id: number,
    number,
    title: 'x',
    body: `${marker('roadmap')}\nbody`,
    state: 'open',
    labels: [{ name: 'cb-roadmap' }],
    user: { login: 'github-actions[bot]' },
    html_url: `u${number}`,
    ...over,
  });

  it('ours is the oldest open issue with the label, our marker first and our author; never a pull request', async () => {
    fake.issues.push(
      issue(3, { pull_request: { url: 'p' } }),
      issue(9),
      issue(5),
      issue(2, { user: null }),
      issue(1, { body: `text\n${marker('roadmap')}` }),
      issue(4, { body: null }),
    );
    expect((await findRoadmapIssue(gh, t))?.number).toBe(5);
  });

  it('creates its label with its colour and description, once', async () => {
    await upsertRoadmap(gh, t, `${marker('roadmap')}\nfirst`);
    const created = fake.requests.filter((r) => r.method === 'POST' && r.path === '/repos/o/r/labels');
    expect(created).toHaveLength(1);
    expect(fake.labels.has('cb-roadmap')).toBe(true);
    await ensureLabel(gh, t);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/repos/o/r/labels')).toHaveLength(1);
  });

  it('a label another run created meanwhile is fine; any other failure is not', async () => {
    fake.faults.push({ method: 'POST', path: /\/labels$/, status: 422, times: 1 });
    await expect(ensureLabel(gh, t)).resolves.toBeUndefined();
    fake.faults.length = 0;
    fake.labels.clear();
    fake.faults.push({ method: 'POST', path: /\/labels$/, status: 403, times: 1 });
    await expect(ensureLabel(gh, t)).rejects.toMatchObject({ status: 403 });
    fake.faults.length = 0;
    fake.faults.push({ method: 'GET', path: /\/labels\//, status: 403, times: 1 });
    await expect(ensureLabel(gh, t)).rejects.toMatchObject({ status: 403 });
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/repos/o/r/labels')).toHaveLength(2);
  });

  it('an answer without the issue number or URL is an error that says which call it was', async () => {
    fake.labels.add('cb-roadmap');
    fake.faults.push({ method: 'POST', path: /\/issues$/, status: 201, times: 1, body: { html_url: 'u' } });
    await expect(upsertRoadmap(gh, t, `${marker('roadmap')}\nx`)).rejects.toThrow(/creating the roadmap issue/);
    fake.issues.push(issue(1));
    fake.faults.push({ method: 'PATCH', path: /\/issues\/1$/, status: 200, times: 1, body: { number: 1 } });
    await expect(upsertRoadmap(gh, t, `${marker('roadmap')}\ny`, issue(1) as never)).rejects.toThrow(/updating the roadmap issue/);
  });
});
