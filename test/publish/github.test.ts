/**
 * The GitHub side of publishing in process, against the fake API (which validates every request
 * against GitHub's OpenAPI description): the sticky comment, the fork recipe's pull request lookup,
 * the roadmap issue and its label, the retry policy and the error explanations. The end-to-end
 * tests run the same through the committed bundle; these hold src/ itself (issue 24).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, explain, MAX_RETRY_WAIT_S, retryDecision, statusOf, type GitHub } from '../../src/publish/client.js';
import { findOurComments, upsertComment } from '../../src/publish/comment.js';
import { findPullRequest } from '../../src/publish/pulls.js';
import { ensureLabel, findRoadmapIssue, upsertRoadmap } from '../../src/publish/roadmap.js';
import { marker } from '../../src/render/comment.js';
import { FakeGitHub } from '../e2e/fake-github.js';

const fake = new FakeGitHub();
let gh: GitHub;
const logs: string[] = [];
const log = { info: (m: string) => void logs.push(m), warning: (m: string) => void logs.push(m), error: () => undefined, debug: () => undefined };
beforeAll(async () => {
  await fake.start();
  gh = createClient({ token: 'ghs-write', baseUrl: fake.url, log, retryBaseMs: 1 });
});
afterAll(() => fake.stop());

const BOT = 'github-actions[bot]';

describe('the sticky comment', () => {
  const t = (issueNumber: number, key = 'k') => ({ owner: 'o', repo: 'r', issueNumber, marker: marker(key), authors: [BOT] });

  it('is created once, updated in place, left alone when unchanged, and skipped when asked only to update', async () => {
    const body = (s: string) => `${marker('k')}\n${s}`;
    expect(await upsertComment(gh, t(1), body('x'), true)).toEqual({ action: 'skipped' });
    expect(fake.comments.filter((c) => c.issue === 1)).toEqual([]);
    const created = await upsertComment(gh, t(1), body('one'));
    expect(created.action).toBe('created');
    expect(created.url).toMatch(/^https:\/\/github.com\/o\/r\/pull\/1#issuecomment-\d+$/);
    const updated = await upsertComment(gh, t(1), body('two'));
    expect(updated).toMatchObject({ action: 'updated', id: created.id });
    expect(await upsertComment(gh, t(1), body('two'))).toMatchObject({ action: 'unchanged', id: created.id });
    expect(fake.comments.filter((c) => c.issue === 1).map((c) => c.body)).toEqual([body('two')]);
    expect(fake.violations).toEqual([]);
  });

  it("is ours only with our marker at the start AND one of our authors; another key's comment is not ours", async () => {
    fake.seedComment(2, 'mallory', `${marker('k')}\nplanted`);
    fake.seedComment(2, BOT, `quoted ${marker('k')}`);
    fake.seedComment(2, BOT, `${marker('other')}\nanother key`);
    expect(await findOurComments(gh, t(2))).toEqual([]);
    const r = await upsertComment(gh, t(2), `${marker('k')}\nmine`);
    expect(r.action).toBe('created');
    expect(fake.comments.filter((c) => c.issue === 2)).toHaveLength(4);
    expect(fake.comments.find((c) => c.user.login === 'mallory')!.body).toBe(`${marker('k')}\nplanted`);
  });

  it('keeps the oldest of duplicates (concurrent runs) and deletes the rest', async () => {
    const a = fake.seedComment(3, BOT, `${marker('k')}\nfirst`);
    fake.seedComment(3, BOT, `${marker('k')}\nsecond`);
    fake.seedComment(3, BOT, `${marker('k')}\nthird`);
    const r = await upsertComment(gh, t(3), `${marker('k')}\nnow`);
    expect(r).toMatchObject({ action: 'updated', id: a.id });
    expect(fake.comments.filter((c) => c.issue === 3).map((c) => c.body)).toEqual([`${marker('k')}\nnow`]);
  });

  it('reads every page of comments (changesets/action missed ours past the first 30)', async () => {
    for (let i = 0; i < 130; i++) fake.seedComment(4, 'someone', `comment ${i}`);
    const ours = fake.seedComment(4, BOT, `${marker('k')}\nold`);
    const r = await upsertComment(gh, t(4), `${marker('k')}\nnew`);
    expect(r).toMatchObject({ action: 'updated', id: ours.id });
  });

  it('refuses a body without its marker', async () => {
    await expect(upsertComment(gh, t(5), 'no marker')).rejects.toThrow('comment body must start with its marker');
    await expect(upsertComment(gh, { ...t(5), marker: '<!-- not ours -->' }, '<!-- not ours -->\nx')).rejects.toThrow(
      'comment body must start with its marker',
    );
  });
});

describe("the fork recipe's pull request lookup", () => {
  const sha = 'a'.repeat(40);
  const pull = (number: number, headSha: string, owner: string, ref: string) => ({
    number,
    state: 'open',
    head: { sha: headSha, ref, repo: { full_name: `${owner}/r`, owner: { login: owner } } },
  });

  it('finds the open pull request whose head is exactly the measured commit, by the fork and branch first', async () => {
    fake.pulls.push(pull(20, 'b'.repeat(40), 'fork', 'feature'), pull(21, sha, 'fork', 'feature'), pull(22, sha, 'other', 'main'));
    expect(await findPullRequest(gh, 'o', 'r', { sha, owner: 'fork', branch: 'feature' })).toBe(21);
    // Without owner and branch: the open pull requests, newest first.
    expect(await findPullRequest(gh, 'o', 'r', { sha })).toBe(21);
    expect(await findPullRequest(gh, 'o', 'r', { sha: 'c'.repeat(40), owner: 'fork', branch: 'feature' })).toBeUndefined();
    // Not a commit SHA: nothing is asked.
    const before = fake.requests.length;
    expect(await findPullRequest(gh, 'o', 'r', { sha: 'main' })).toBeUndefined();
    expect(fake.requests.length).toBe(before);
  });
});

describe('the roadmap issue', () => {
  const t = { owner: 'o', repo: 'r', label: 'cb-roadmap', title: 'Context budget roadmap', marker: marker('roadmap'), authors: [BOT] };

  it('creates its label when missing, then the issue; finds it again by label, marker and author; updates it', async () => {
    expect(await findRoadmapIssue(gh, t)).toBeUndefined();
    const created = await upsertRoadmap(gh, t, `${marker('roadmap')}\nfirst`);
    expect(created).toMatchObject({ action: 'created', number: expect.any(Number) });
    expect(fake.labels.has('cb-roadmap')).toBe(true);
    const found = await findRoadmapIssue(gh, t);
    expect(found?.number).toBe(created.number);
    const updated = await upsertRoadmap(gh, t, `${marker('roadmap')}\nsecond`, found);
    expect(updated).toEqual({ action: 'updated', number: created.number, url: created.url });
    expect(fake.issues.find((i) => i.number === created.number)!.body).toBe(`${marker('roadmap')}\nsecond`);
    // An issue with the label by someone else, or without the marker, is not ours.
    fake.issues.push({
      id: 1,
      number: 900,
      title: 'x',
      body: `${marker('roadmap')}\nplanted`,
      state: 'open',
      labels: [{ name: 'cb-roadmap' }],
      user: { login: 'mallory' },
      html_url: 'u',
    });
    expect((await findRoadmapIssue(gh, t))?.number).toBe(created.number);
    await ensureLabel(gh, t); // exists: nothing to do, no error
    expect(fake.violations).toEqual([]);
  });
});

describe('retries and explanations', () => {
  it('retries a rate limit at most twice, never past the deadline or for a long reset', () => {
    const o = { method: 'GET', url: '/x' };
    expect(retryDecision(log, 'rate limit', 5, o, 0)).toBe(true);
    expect(retryDecision(log, 'rate limit', 5, o, 1)).toBe(true);
    expect(retryDecision(log, 'rate limit', 5, o, 2)).toBe(false);
    expect(logs.at(-1)).toBe('GitHub rate limit on GET /x: retrying after 5s (attempt 3)');
    expect(retryDecision(log, 'rate limit', MAX_RETRY_WAIT_S, o, 0)).toBe(true);
    expect(retryDecision(log, 'rate limit', MAX_RETRY_WAIT_S + 1, o, 0)).toBe(false);
    expect(logs.at(-1)).toBe(`GitHub rate limit on GET /x: resets in ${MAX_RETRY_WAIT_S + 1}s, more than ${MAX_RETRY_WAIT_S}s: not waiting`);
    const aborted = new AbortController();
    aborted.abort();
    expect(retryDecision(log, 'rate limit', 1, o, 0, aborted.signal)).toBe(false);
  });

  it('names the permission a 403 lacks and says what each status means', () => {
    const err = (status: number, message = 'boom\nsecond line') => Object.assign(new Error(message), { status });
    expect(statusOf(err(403))).toBe(403);
    expect(statusOf({ status: '403' })).toBe(0);
    expect(statusOf(null)).toBe(0);
    expect(explain(err(401), 'Posting', 'pull-requests: write')).toBe('Posting failed: the token is invalid or expired (401).');
    expect(explain(err(403), 'Posting', 'pull-requests: write')).toBe(
      'Posting failed: the token lacks "pull-requests: write" (403; read-only on fork pull requests). Grant it in the workflow\'s permissions: block, or use the workflow_run recipe in the README.',
    );
    expect(explain(err(404), 'Posting', 'x')).toBe("Posting failed: not found (404): the pull request or repository is gone, or the token can't see it.");
    expect(explain(err(422), 'Posting', 'x')).toBe('Posting failed: GitHub rejected the request (422): boom');
    expect(explain(err(500), 'Posting', 'x')).toBe('Posting failed (500): boom');
    expect(explain('plain', 'Posting', 'x')).toBe('Posting failed: plain');
  });

  it('a read-only token gets 403 from the API and the client says so without retrying', async () => {
    const ro = createClient({ token: 'ghs-read', baseUrl: fake.url, log, retryBaseMs: 1 });
    const before = fake.requests.filter((r) => r.method === 'POST').length;
    const e = await ro.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 1, body: 'x' }).catch((x: unknown) => x);
    expect(statusOf(e)).toBe(403);
    expect(fake.requests.filter((r) => r.method === 'POST').length).toBe(before + 1);
  });
});
