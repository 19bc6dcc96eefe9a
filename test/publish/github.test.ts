/**
 * The GitHub side of publishing in process, against the fake API (which validates every request
 * against GitHub's OpenAPI description): the sticky comment, the fork recipe's pull request lookup,
 * the roadmap issue and its label, the retry policy and the error explanations. The end-to-end
 * tests run the same through the committed bundle; these hold src/ itself (issue 24).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, explain, MAX_RETRY_WAIT_S, retryDecision, statusOf, type GitHub } from '../../src/publish/client.js';
import { findOurComments, upsertComment } from '../../src/publish/comment.js';
import { answered, CHECK_TEXT_LIMIT, conclusion, publishCheck } from '../../src/publish/check.js';
import { findPullRequest } from '../../src/publish/pulls.js';
import { postSuggestions } from '../../src/publish/review.js';
import { suggestionMarker } from '../../src/optimize/suggest.js';
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

  it('a concurrent run that created its comment meanwhile: the oldest is kept, with this body, and the other deleted', async () => {
    const create = gh.rest.issues.createComment;
    const racing = (first: 'them' | 'us') =>
      (async (params: Parameters<typeof create>[0]) => {
        if (first === 'them') fake.seedComment(params!.issue_number, BOT, `${marker('k')}\ntheirs`);
        const r = await create(params);
        if (first === 'us') fake.seedComment(params!.issue_number, BOT, `${marker('k')}\ntheirs`);
        return r;
      }) as typeof create;
    try {
      gh.rest.issues.createComment = racing('them');
      const kept = await upsertComment(gh, t(6), `${marker('k')}\nmine`);
      const left = fake.comments.filter((c) => c.issue === 6);
      expect(left).toHaveLength(1);
      expect(kept).toEqual({ action: 'updated', id: left[0]!.id, url: expect.stringContaining(String(left[0]!.id)) });
      expect(left[0]!.body).toBe(`${marker('k')}\nmine`);

      gh.rest.issues.createComment = racing('us');
      const ours = await upsertComment(gh, t(7), `${marker('k')}\nmine`);
      const remaining = fake.comments.filter((c) => c.issue === 7);
      expect(remaining.map((c) => [c.id, c.body])).toEqual([[ours.id, `${marker('k')}\nmine`]]);
      expect(ours.action).toBe('created');
    } finally {
      gh.rest.issues.createComment = create;
    }
  });

  it("an answer without the comment's id or link is an error naming the request", async () => {
    fake.faults.push({ method: 'POST', path: /\/issues\/8\/comments$/, status: 201, body: { id: 5 }, times: 1 });
    await expect(upsertComment(gh, t(8), `${marker('k')}\nx`)).rejects.toThrow("GitHub's answer to creating the comment has no html_url (malformed response)");
    fake.faults.length = 0;
    fake.seedComment(9, BOT, `${marker('k')}\nold`);
    fake.faults.push({ method: 'PATCH', path: /\/issues\/comments\/\d+$/, status: 200, body: { html_url: 'u' }, times: 1 });
    await expect(upsertComment(gh, t(9), `${marker('k')}\nnew`)).rejects.toThrow("GitHub's answer to updating the comment has no id (malformed response)");
    fake.faults.length = 0;
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

describe('the check run', () => {
  const input = (over: Partial<Parameters<typeof publishCheck>[1]> = {}) => ({
    owner: 'o',
    repo: 'r',
    name: 'context-budget',
    headSha: 'c'.repeat(40),
    verdict: 'pass' as const,
    title: 't',
    summary: 's',
    annotations: [],
    ...over,
  });
  const note = (i: number) => ({ path: 'CLAUDE.md', start_line: i + 1, end_line: i + 1, annotation_level: 'warning' as const, title: `n${i}`, message: 'm' });

  it('concludes failure, neutral (a warning, or a pass nobody here measured) or success', () => {
    expect([conclusion('fail'), conclusion('warn'), conclusion('pass'), conclusion('pass', true), conclusion('fail', true)]).toEqual([
      'failure',
      'neutral',
      'success',
      'neutral',
      'failure',
    ]);
  });

  it('sends annotations 50 a request, clips the title at 255 and a summary past 65,535 at its last whole line', async () => {
    const before = fake.requests.length;
    const long = Array.from({ length: 3000 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
    expect(long.length).toBeGreaterThan(CHECK_TEXT_LIMIT);
    const r = await publishCheck(gh, input({ title: 'T'.repeat(300), summary: long, annotations: Array.from({ length: 101 }, (_, i) => note(i)) }));
    expect(r.annotations).toBe(101);
    const sent = fake.requests.slice(before).map((q) => q.method);
    expect(sent).toEqual(['POST', 'PATCH', 'PATCH']);
    const run = fake.checkRuns.find((x) => x.id === r.id)!;
    expect(run.output.title).toBe('T'.repeat(255));
    expect(run.annotationsAll).toHaveLength(101);
    const summary = run.output.summary as string;
    expect(summary.length).toBeLessThanOrEqual(CHECK_TEXT_LIMIT);
    expect(summary.endsWith('\n\n_Truncated: the full report is in the job summary._')).toBe(true);
    const kept = summary.slice(0, summary.indexOf('\n\n_Truncated'));
    expect(long.startsWith(kept + '\n')).toBe(true);
    expect(kept.length).toBeGreaterThan(CHECK_TEXT_LIMIT - 200);
    // Exactly at the limit: sent as it is; exactly 50 annotations: one request.
    const exact = 'y'.repeat(CHECK_TEXT_LIMIT);
    const mark = fake.requests.length;
    const e = await publishCheck(gh, input({ summary: exact, annotations: Array.from({ length: 50 }, (_, i) => note(i)) }));
    expect(fake.checkRuns.find((x) => x.id === e.id)!.output.summary).toBe(exact);
    expect(fake.requests.slice(mark).map((q) => q.method)).toEqual(['POST']);
  });

  it('an answer without an id is an error naming the request; a field is read only from an object', async () => {
    fake.faults.push({ method: 'POST', path: /\/check-runs$/, status: 201, body: { html_url: 'u' }, times: 1 });
    await expect(publishCheck(gh, input())).rejects.toThrow("GitHub's answer to creating the check run has no id (malformed response)");
    fake.faults.length = 0;
    expect(() => answered(null, 'id', 'number', 'x')).toThrow("GitHub's answer to x has no id (malformed response)");
    expect(() => answered('id', 'length', 'number', 'x')).toThrow("GitHub's answer to x has no length (malformed response)");
    expect(answered({ id: 3 }, 'id', 'number', 'x')).toBe(3);
  });
});

describe('suggested edits as a review', () => {
  const edit = (stepId: string, startLine: number, line: number) => ({
    stepId,
    kind: 'duplication',
    path: 'CLAUDE.md',
    startLine,
    line,
    title: `Edit ${stepId}`,
    detail: 'd',
    eagerTokens: 10,
    listingChars: 0,
    agentListingChars: 0,
    replacement: ['x'],
  });
  const target = (pullNumber: number) => ({ owner: 'o', repo: 'r', pullNumber, commitId: 'c'.repeat(40), authors: [BOT] });

  it('posts only edits not posted before by us; one line or a range; says how many', async () => {
    expect(await postSuggestions(gh, target(20), [])).toEqual({ posted: 0, already: 0 });
    expect(fake.reviews).toHaveLength(0);
    expect(await postSuggestions(gh, target(20), [edit('a', 3, 3)])).toEqual({ posted: 1, already: 0 });
    const review = fake.reviews.at(-1)!;
    expect(review.body).toMatch(/^context-budget: 1 suggested edit that take/);
    const one = fake.reviewComments.filter((c) => c.pull === 20);
    expect(one.map((c) => [c.line, c.start_line])).toEqual([[3, undefined]]);
    // Someone else's comment carrying our marker does not count as posted.
    fake.reviewComments.push({ ...one[0]!, id: 999, body: `${suggestionMarker('b')}\nplanted`, user: { login: 'mallory' } });
    expect(await postSuggestions(gh, target(20), [edit('a', 3, 3), edit('b', 5, 8), edit('c', 9, 9)])).toEqual({ posted: 2, already: 1 });
    expect(fake.reviews.at(-1)!.body).toMatch(/^context-budget: 2 suggested edits that take/);
    const two = fake.reviewComments.filter((c) => c.pull === 20 && c.user.login === BOT).slice(1);
    expect(two.map((c) => [c.line, c.start_line])).toEqual([
      [8, 5],
      [9, undefined],
    ]);
    expect(await postSuggestions(gh, target(20), [edit('a', 3, 3)])).toEqual({ posted: 0, already: 1 });
    expect(fake.violations).toEqual([]);
  });
});
