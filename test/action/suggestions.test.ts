/**
 * The optimizer on a pull request, in process against the fake GitHub API (which refuses, as GitHub
 * does, a review comment on a line outside the pull request's diff): an edit within lines the pull
 * request added is posted as a `suggestion`, once; an edit across files is a command in the comment;
 * text the base already had gets neither.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullRequest, type Ctx } from '../../src/action/gate.js';
import { readOptions } from '../../src/action/options.js';
import { createClient } from '../../src/publish/client.js';
import { addedLinesOf, changedStretch } from '../../src/optimize/suggest.js';
import { renderSuggestion } from '../../src/render/suggestion.js';
import { FakeGitHub } from '../e2e/fake-github.js';
import { cleanup, commitAll, gitInit, sh, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
const fake = new FakeGitHub();
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.stop();
  dirs.forEach(cleanup);
});

const silent = { info: () => undefined, warning: () => undefined, error: () => undefined, debug: () => undefined };

function context(workspace: string, payload: Record<string, unknown>, inputs: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}) {
  const out = tmpDir();
  dirs.push(out);
  const seen = { outputs: {} as Record<string, string>, logs: [] as string[] };
  const ctx: Ctx = {
    io: {
      setOutput: (k, v) => void (seen.outputs[k] = v),
      summary: async () => undefined,
      setFailed: () => undefined,
      now: () => new Date('2026-12-01T00:00:00Z'),
    },
    deadline: new AbortController(),
    opts: readOptions((n) => ({ 'output-dir': out, 'cache-dir': path.join(out, 'cache'), 'html-report': 'off', ...inputs })[n] ?? '', {}),
    log: { ...silent, info: (m) => void seen.logs.push(m), warning: (m) => void seen.logs.push(`warning: ${m}`) },
    env,
    owner: 'o',
    repo: 'r',
    workspace,
    gh: createClient({ token: 'ghs-write', baseUrl: fake.url, log: silent, retryBaseMs: 1 }),
    payload,
  };
  return { ctx, seen };
}

const examples = (who: string) =>
  Array.from({ length: 6 }, (_, i) => `<example>user: ledger ${i} is off. assistant: I will use the ${who} agent.</example>`).join(' ');
const agent = (name: string) =>
  `---\nname: ${name}\ndescription: "Use when ledgers do not balance. ${examples(name)}"\ntools: Read\n---\n\nYou reconcile ledgers.\n`;
const steps = Array.from(
  { length: 20 },
  (_, i) => `${i + 1}. Run \`make release-${i}\` from the root, then check that staging shows build ${i} as healthy before going on.`,
);

describe('suggested edits on a pull request', () => {
  it('posts a suggestion on lines the pull request added, a command for an edit across files, nothing for the base’s own text; never twice', async () => {
    const dir = tmpDir('cb-suggest-');
    dirs.push(dir);
    writeFiles(dir, { 'CLAUDE.md': '# Acme\n\nIntro.\n', '.claude/agents/old.md': agent('old') });
    const base = gitInit(dir);
    writeFiles(dir, {
      'CLAUDE.md': `# Acme\n\nIntro.\n\n## Deployment\n\nReleases go out from main through staging first.\n\n${steps.join('\n')}\n`,
      '.claude/agents/reconciler.md': agent('reconciler'),
    });
    const head = commitAll(dir, 'add a deployment procedure and an agent');
    // The fake accepts review comments only on the pull request's added lines.
    fake.diffLines.set(7, addedLinesOf(sh(dir, 'git', ['diff', '--unified=0', base, head])));
    const payload = { pull_request: { number: 7, base: { sha: base }, head: { sha: head } } };

    const { ctx, seen } = context(dir, payload, { 'comment-key': 'sg' });
    await pullRequest(ctx, 'pull_request');
    expect(fake.violations).toEqual([]);
    expect(seen.logs.filter((l) => l.startsWith('warning'))).toEqual([]);
    expect(fake.reviews).toHaveLength(1);
    const posted = fake.reviewComments.filter((c) => c.pull === 7);
    expect(posted.map((c) => [c.path, c.start_line, c.line, c.commit_id])).toEqual([['.claude/agents/reconciler.md', 3, 5, head]]);
    const body = posted[0]!.body;
    expect(body).toMatch(/^<!-- context-budget:suggestion:[0-9a-f]{16} -->\n\*\*context-budget\*\* · Keep reconciler's routing sentence/);
    expect(body).toContain('```suggestion\ndescription: "Use when ledgers do not balance."\ntools: Read\n---\n\n## When to use\n');
    // What the suggestion makes of the file is exactly the optimizer's edit.
    const before = agent('reconciler');
    const lines = before.split('\n');
    const replacement = body.slice(body.indexOf('```suggestion\n') + 14, body.lastIndexOf('\n```')).split('\n');
    lines.splice(2, 3, ...replacement);
    expect(changedStretch(before, lines.join('\n'))).toMatchObject({ start: 3 });
    expect(lines.join('\n')).toContain('---\n\n## When to use\n\n<example>');
    expect(lines.join('\n')).not.toMatch(/^description:.*<example>/m);

    const comment = fake.comments.find((c) => c.issue === 7)!.body;
    expect(comment).toContain('**Edits the optimizer can make to what this pull request adds**');
    expect(comment).toContain("- 💡 Keep reconciler's routing sentence");
    expect(comment).toMatch(
      /- 1 lazy-loading edit across files \(about [\d,]+ always-loaded tokens\): run `context-budget optimize --only lazy-loading --apply` and commit the result/,
    );
    // The base's own agent (old.md) is the roadmap's business, not this pull request's.
    expect(comment).not.toContain('old');
    expect(posted.some((c) => c.path.endsWith('old.md'))).toBe(false);

    // A second run on the same pull request posts nothing again.
    const again = context(dir, payload, { 'comment-key': 'sg' });
    await pullRequest(again.ctx, 'pull_request');
    expect(fake.reviews).toHaveLength(1);
    expect(again.seen.logs).toContain('Suggested edits: 0 posted, 1 already posted by an earlier run.');

    // suggestions: false posts none and lists none.
    const off = context(dir, { pull_request: { number: 8, base: { sha: base }, head: { sha: head } } }, { 'comment-key': 'sg', suggestions: 'false' });
    await pullRequest(off.ctx, 'pull_request');
    expect(fake.reviewComments.filter((c) => c.pull === 8)).toEqual([]);
    expect(fake.comments.find((c) => c.issue === 8)!.body).not.toContain('Edits the optimizer can make');
  }, 60_000);
});

describe('suggested edits when the run compares the merge commit', () => {
  /** A pull request (head) whose merge commit into a moved base branch is `merge`; `evil` changes the agent in the merge itself. */
  function merged(evil: boolean) {
    const dir = tmpDir('cb-suggest-merge-');
    dirs.push(dir);
    writeFiles(dir, { 'CLAUDE.md': '# Acme\n\nIntro.\n', 'README.md': 'Readme.\n' });
    const base = gitInit(dir);
    sh(dir, 'git', ['checkout', '-q', '-b', 'feature']);
    writeFiles(dir, { '.claude/agents/reconciler.md': agent('reconciler') });
    const head = commitAll(dir, 'add an agent');
    sh(dir, 'git', ['checkout', '-q', base]);
    writeFiles(dir, { 'README.md': 'Readme, moved on.\n' });
    const tip = commitAll(dir, 'the base branch moves on');
    sh(dir, 'git', ['merge', '-q', '--no-ff', '--no-commit', head]);
    if (evil) writeFiles(dir, { '.claude/agents/reconciler.md': agent('reconciler') + '\nChanged in the merge.\n' });
    const merge = commitAll(dir, 'merge');
    fake.diffLines.set(evil ? 12 : 11, addedLinesOf(sh(dir, 'git', ['diff', '--unified=0', base, head])));
    return { dir, base, head, tip, merge };
  }

  it("keeps a suggestion whose file is the same at the pull request's head, and posts it on that commit", async () => {
    const r = merged(false);
    const payload = { pull_request: { number: 11, base: { sha: r.tip }, head: { sha: r.head } } };
    const { ctx, seen } = context(r.dir, payload, { 'comment-key': 'sgm' }, { GITHUB_SHA: r.merge });
    await pullRequest(ctx, 'pull_request');
    expect(seen.logs.join('\n')).toContain(`against the merge commit ${r.merge.slice(0, 7)}`);
    expect(fake.violations).toEqual([]);
    expect(fake.reviewComments.filter((c) => c.pull === 11).map((c) => [c.path, c.commit_id])).toEqual([['.claude/agents/reconciler.md', r.head]]);
  }, 60_000);

  it("drops a suggestion whose file differs at the pull request's head, where the review's lines point", async () => {
    const r = merged(true);
    const payload = { pull_request: { number: 12, base: { sha: r.tip }, head: { sha: r.head } } };
    const { ctx, seen } = context(r.dir, payload, { 'comment-key': 'sgm' }, { GITHUB_SHA: r.merge });
    await pullRequest(ctx, 'pull_request');
    expect(seen.logs.join('\n')).toContain(`against the merge commit ${r.merge.slice(0, 7)}`);
    expect(fake.reviewComments.filter((c) => c.pull === 12)).toEqual([]);
    expect(fake.comments.find((c) => c.issue === 12)!.body).not.toContain("Keep reconciler's routing sentence");
  }, 60_000);
});

describe('renderSuggestion', () => {
  it("escapes the pull request's text it quotes (a mention is never sent) and fences the replacement past its own code", () => {
    const body = renderSuggestion({
      stepId: 'x',
      kind: 'agent-descriptions',
      path: 'a.md',
      startLine: 1,
      line: 2,
      title: 'Keep @evil-org/admins routing <b>now</b>',
      detail: 'See #12 and @octocat.',
      eagerTokens: 1234,
      listingChars: 0,
      agentListingChars: 56,
      replacement: ['text', '```js', 'code', '```'],
    });
    expect(body).not.toMatch(/@evil|@octocat|<b>/);
    expect(body).toContain('(about 1,234 always-loaded tokens, agent listing 56 characters)');
    expect(body.endsWith('````suggestion\ntext\n```js\ncode\n```\n````')).toBe(true);
  });
});

describe('changedStretch', () => {
  it('gives the replaced lines, taking a neighbour along for a pure insertion', () => {
    expect(changedStretch('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ start: 2, end: 2, lines: ['B'] });
    expect(changedStretch('a\nb\nc\n', 'a\nc\n')).toEqual({ start: 2, end: 2, lines: [] });
    expect(changedStretch('a\nb\n', 'a\nx\ny\nb\n')).toEqual({ start: 1, end: 1, lines: ['a', 'x', 'y'] });
    expect(changedStretch('a\nb\n', 'x\na\nb\n')).toEqual({ start: 1, end: 1, lines: ['x', 'a'] });
    expect(changedStretch('same', 'same')).toBeNull();
  });
});
