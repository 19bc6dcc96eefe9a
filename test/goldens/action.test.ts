/**
 * What the Action posts, pinned byte for byte (issue 24): the Action's own code (src/action/gate.ts,
 * src/publish/*) run in process against the fake GitHub API, on real git repositories: the sticky
 * comment, the check run (title, summary, text, every annotation), the job summary, the outputs and
 * the log; and the roadmap issue over three scheduled runs (first, unchanged, after a fix).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { pullRequest, roadmap, type Ctx } from '../../src/action/gate.js';
import { readOptions } from '../../src/action/options.js';
import { createClient } from '../../src/publish/client.js';
import { FakeGitHub } from '../e2e/fake-github.js';
import { cleanup, commitAll, gitInit, tmpDir, writeFiles } from '../helpers.js';
import { expectGolden } from './golden.js';
import { breaksEverything, para, repo, skill } from './scenarios.js';

const dirs: string[] = [];
const fake = new FakeGitHub();
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.stop();
  dirs.forEach(cleanup);
});

interface Seen {
  outputs: Record<string, string>;
  summary: string[];
  failed: string[];
  log: string[];
}

function context(workspace: string, payload: Record<string, unknown>, inputs: Record<string, string>, date = '2026-12-01T00:00:00Z') {
  const out = tmpDir('cb-golden-out-');
  dirs.push(out);
  const seen: Seen = { outputs: {}, summary: [], failed: [], log: [] };
  const line = (level: string) => (m: string) => void seen.log.push(`${level}: ${m}`);
  const ctx: Ctx = {
    io: {
      setOutput: (k, v) => void (seen.outputs[k] = v),
      summary: async (m) => void seen.summary.push(m),
      setFailed: (m) => void seen.failed.push(m),
      now: () => new Date(date),
    },
    deadline: new AbortController(),
    opts: readOptions((n) => ({ 'output-dir': out, 'cache-dir': path.join(out, 'cache'), 'html-report': 'off', ...inputs })[n] ?? '', {}),
    log: { info: line('info'), warning: line('warning'), error: line('error'), debug: () => undefined },
    // As on a runner: links to the files of the head commit and to the run.
    env: { GITHUB_SERVER_URL: 'https://github.example', GITHUB_RUN_ID: '777' },
    owner: 'o',
    repo: 'r',
    workspace,
    gh: createClient({
      token: 'ghs-write',
      baseUrl: fake.url,
      log: { info: () => undefined, warning: () => undefined, error: () => undefined, debug: () => undefined },
      retryBaseMs: 1,
    }),
    payload,
  };
  return { ctx, seen, out };
}

/** Paths, commits and times vary between machines and runs; nothing else may. */
function stabilize(text: string, names: Record<string, string>): string {
  let t = text;
  for (const [value, name] of Object.entries(names)) t = t.split(value).join(name);
  return t
    .replace(/\b\d+(\.\d+)? ?ms\b/g, '<ms>')
    .replace(/\b\d+(\.\d+)? ?s\b(?= )/g, '<s>')
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, '<api>');
}

function names(r: { dir: string; base: string; head: string }, out: string): Record<string, string> {
  return { [out]: '<out>', [r.dir]: '<repo>', [r.base]: '<base>', [r.head]: '<head>', [r.base.slice(0, 7)]: '<base7>', [r.head.slice(0, 7)]: '<head7>' };
}

describe('Action goldens', () => {
  it('a pull request that breaks every kind of budget: comment, check run, summary, outputs, log', async () => {
    const { base, head, remove } = breaksEverything();
    const r = repo(dirs, base, head, remove);
    const pr = 41;
    const payload = { pull_request: { number: pr, base: { sha: r.base }, head: { sha: r.head } } };
    const { ctx, seen, out } = context(r.dir, payload, { 'comment-key': 'golden' });
    await pullRequest(ctx, 'pull_request');
    const n = names(r, out);
    const comments = fake.comments.filter((c) => c.issue === pr);
    const runs = fake.checkRuns.filter((c) => c.head_sha === r.head);
    expectGolden('action-breaks-everything/comment.md', stabilize(comments.map((c) => c.body).join('\n\n=== next comment ===\n\n'), n));
    expectGolden(
      'action-breaks-everything/check-run.json',
      stabilize(
        JSON.stringify(
          runs.map(({ name, status, conclusion, output, annotationsAll }) => ({
            name,
            status,
            conclusion,
            title: output?.title,
            summary: output?.summary,
            text: output?.text,
            annotations: annotationsAll,
          })),
          null,
          2,
        ) + '\n',
        n,
      ),
    );
    expectGolden('action-breaks-everything/summary.md', stabilize(seen.summary.join('\n\n=== next summary ===\n\n'), n));
    const outputs = Object.fromEntries(Object.entries(seen.outputs).sort(([a], [b]) => (a < b ? -1 : 1)));
    expectGolden(
      'action-breaks-everything/outputs-and-log.txt',
      stabilize(`${JSON.stringify(outputs, null, 2)}\n--- failed\n${seen.failed.join('\n')}\n--- log\n${seen.log.join('\n')}\n`, n),
    );
  }, 60_000);

  it('the roadmap issue: first run, an unchanged run, then a run after fixes landed', async () => {
    const dir = tmpDir('cb-golden-roadmap-');
    dirs.push(dir);
    const runbook = `## Release checklist\n\n${Array.from({ length: 40 }, (_, i) => `${i + 1}. Run release step ${i} and record it in the changelog before tagging.`).join('\n')}\n`;
    writeFiles(dir, {
      'CLAUDE.md': `# App\n\n${para('app', 5)}\n@docs/missing.md\n\n${runbook}`,
      '.claude/skills/a/SKILL.md': skill('a', 40),
      '.claude/agents/reviewer.md': `---\nname: reviewer\ndescription: ${'Reviews changes for consistency with the release policy. '.repeat(30).trim()}\n---\nReview.\n`,
    });
    const first = gitInit(dir);
    fake.labels.add('context-budget');
    const bodies: string[] = [];
    const logs: string[] = [];
    const commits: Record<string, string> = {};
    const runAt = async (head: string, date: string) => {
      const k = Object.keys(commits).length / 2 + 1;
      if (!commits[head]) Object.assign(commits, { [head]: `<commit${k}>`, [head.slice(0, 7)]: `<commit${k}-7>` });
      const { ctx, seen, out } = context(dir, {}, { head, mode: 'roadmap' }, date);
      await roadmap(ctx);
      const issue = fake.issues.at(-1)!;
      bodies.push(
        stabilize(
          `# ${issue.title as string} [${(issue.labels as unknown[]).map((l) => (typeof l === 'string' ? l : (l as { name: string }).name)).join(', ')}]\n\n${issue.body as string}`,
          { [out]: '<out>', [dir]: '<repo>', ...commits },
        ),
      );
      logs.push(stabilize(seen.log.join('\n'), { [out]: '<out>', [dir]: '<repo>' }));
    };
    await runAt(first, '2026-12-01T00:00:00Z');
    await runAt(first, '2026-12-08T00:00:00Z');
    writeFiles(dir, {
      'CLAUDE.md': `# App\n\n${para('app', 5)}\nThe release checklist is the release skill.\n`,
      '.claude/skills/release/SKILL.md': `---\nname: release\ndescription: The release checklist.\n---\n${runbook}`,
    });
    const second = commitAll(dir, 'fix');
    await runAt(second, '2026-12-15T00:00:00Z');
    expectGolden('action-roadmap/1-first.md', bodies[0]!);
    expectGolden('action-roadmap/2-unchanged.md', bodies[1]!);
    expectGolden('action-roadmap/3-after-fix.md', bodies[2]!);
    expectGolden('action-roadmap/log.txt', logs.join('\n=== next run ===\n') + '\n');
  }, 60_000);
});
