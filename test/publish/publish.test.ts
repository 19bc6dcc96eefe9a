/**
 * Publishing in-process, with a recording GitHub client: the check run and the sticky comment when
 * the token allows, the summary, outputs and log always, and the verdict deciding the job whatever
 * GitHub answers (a read-only token, a deadline that passes).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig } from '../../src/config/load.js';
import type { GateReport } from '../../src/model/report.js';
import type { GitHub } from '../../src/publish/client.js';
import { ourAuthors, publishReport, type PublishTarget } from '../../src/publish/index.js';
import { cappedAnnotations } from '../../src/render/annotations.js';
import { analyzeDir, FIXTURES } from '../helpers.js';

async function report(budgets: unknown[] = [], headFixture = 'example-head'): Promise<GateReport> {
  const base = await analyzeDir(path.join(FIXTURES, 'example-base'));
  const head = await analyzeDir(path.join(FIXTURES, headFixture));
  return compare({ base, head, baseLabel: 'base', headLabel: 'head', loadTime: null }, normalizeConfig({ budgets }, 'x.yml'));
}

type Call = [string, Record<string, unknown>];
function recordingClient(fail: (name: string) => number | undefined = () => undefined): { gh: GitHub; calls: Call[] } {
  const calls: Call[] = [];
  const comments: { id: number; body: string; user: { login: string } }[] = [];
  const call = (name: string, answer: (p: Record<string, unknown>) => unknown) => async (p: Record<string, unknown>) => {
    calls.push([name, p]);
    const status = fail(name);
    if (status) throw Object.assign(new Error(`HTTP ${status}`), { status });
    return { data: answer(p) };
  };
  const gh = {
    paginate: async (fn: (p: Record<string, unknown>) => Promise<{ data: unknown[] }>, p: Record<string, unknown>) => (await fn(p)).data,
    rest: {
      users: { getAuthenticated: call('users.getAuthenticated', () => ({ login: 'bot' })) },
      checks: {
        create: call('checks.create', () => ({ id: 42, html_url: 'https://example.test/check/42' })),
        update: call('checks.update', () => ({ id: 42 })),
      },
      issues: {
        listComments: call('issues.listComments', () => comments),
        createComment: call('issues.createComment', (p) => {
          const c = {
            id: comments.length + 1,
            body: String(p.body),
            user: { login: 'github-actions[bot]' },
            html_url: `https://example.test/c/${comments.length + 1}`,
          };
          comments.push(c);
          return c;
        }),
        updateComment: call('issues.updateComment', (p) => ({ id: p.comment_id, html_url: 'https://example.test/c/u' })),
        deleteComment: call('issues.deleteComment', () => ({})),
      },
    },
  };
  return { gh: gh as unknown as GitHub, calls };
}

function sink() {
  const out = { summary: [] as string[], outputs: {} as Record<string, string>, failed: [] as string[], log: [] as string[] };
  const log = {
    info: (m: string) => out.log.push(`info ${m}`),
    warning: (m: string) => out.log.push(`warning ${m}`),
    error: (m: string) => out.log.push(`error ${m}`),
    debug: () => undefined,
  };
  return {
    out,
    deps: {
      log,
      summary: async (m: string) => void out.summary.push(m),
      setOutput: (k: string, v: string) => void (out.outputs[k] = v),
      setFailed: (m: string) => void out.failed.push(m),
    },
  };
}

const target: PublishTarget = {
  owner: 'o',
  repo: 'r',
  prNumber: 7,
  headSha: 'abc',
  serverUrl: 'https://github.com',
  runId: '9',
  checkRun: true,
  checkName: 'context-budget',
  comment: 'changed',
  commentKey: 'default',
  commentAuthor: '',
  failOn: 'error',
};

describe('publishing (in-process)', () => {
  it('publishes a failing report: check run failure, sticky comment, outputs, summary, job failed', async () => {
    const r = await report([{ metric: 'eagerTokens', max: 10, level: 'error' }]);
    const { gh, calls } = recordingClient();
    const { out, deps } = sink();
    await publishReport(r, target, { ...deps, gh, deadline: new AbortController().signal });
    const check = calls.find((c) => c[0] === 'checks.create')![1];
    expect(check).toMatchObject({ owner: 'o', repo: 'r', head_sha: 'abc', conclusion: 'failure', details_url: 'https://github.com/o/r/actions/runs/9' });
    const comment = calls.find((c) => c[0] === 'issues.createComment')![1];
    expect(String(comment.body)).toMatch(/^<!-- context-budget:default -->/);
    expect(out.outputs).toMatchObject({ verdict: 'fail', 'check-run-id': '42' });
    expect(out.summary[0]).toContain('context-budget: fail');
    expect(out.failed[0]).toMatch(/^context-budget: fail: /);
  });

  it('with a read-only token: one warning naming both permissions, annotations in the log, the verdict unchanged', async () => {
    const r = await report([{ metric: 'eagerTokens', max: 10, level: 'error' }]);
    const { gh } = recordingClient((name) => (name === 'checks.create' || name === 'issues.createComment' || name === 'issues.listComments' ? 403 : undefined));
    const { out, deps } = sink();
    await publishReport(r, target, { ...deps, gh, deadline: new AbortController().signal });
    const warning = out.log.filter((l) => l.startsWith('warning ') && l.includes('checks: write'));
    expect(warning).toHaveLength(1);
    expect(warning[0]).toContain('pull-requests: write');
    // The check run's annotations go to the log as workflow-command annotations instead.
    expect(out.log.some((l) => l.startsWith('warning ') && l.includes('secrets.md'))).toBe(true);
    expect(out.summary[0]).toContain('context-budget: fail');
    expect(out.failed).toHaveLength(1);
  });

  it('past the deadline: GitHub steps are given up, the summary, log and verdict still land', async () => {
    const r = await report([{ metric: 'eagerTokens', max: 10, level: 'error' }]);
    const { gh, calls } = recordingClient();
    const { out, deps } = sink();
    const ended = new AbortController();
    ended.abort(new Error('publishing took longer than 300s (publish-timeout)'));
    await publishReport(r, target, { ...deps, gh, deadline: ended.signal });
    expect(calls).toHaveLength(0);
    expect(out.log.join('\n')).toContain('publish-timeout');
    expect(out.summary).toHaveLength(1);
    expect(out.failed).toHaveLength(1);
  });

  it('posts no new comment when nothing Claude Code loads changed (comment: changed)', async () => {
    const base = await analyzeDir(path.join(FIXTURES, 'example-base'));
    const r = compare({ base, head: base, baseLabel: 'b', headLabel: 'h', loadTime: null }, normalizeConfig({}, 'x.yml'));
    const { gh, calls } = recordingClient();
    const { out, deps } = sink();
    await publishReport(r, target, { ...deps, gh, deadline: new AbortController().signal });
    expect(calls.some((c) => c[0] === 'issues.createComment')).toBe(false);
    expect(out.log).toContain('info Nothing changed: no comment (comment: changed).');
    expect(out.failed).toHaveLength(0);
  });
});

describe('publishing under load (issue 19, class 4)', () => {
  /** A report with `n` introduced recommendations and one failing budget: every one would be an annotation. */
  async function loaded(n: number): Promise<GateReport> {
    const r = await report([{ metric: 'eagerTokens', max: 10, level: 'error' }]);
    const rec = r.recommendations[0]!;
    const recs = Array.from({ length: n }, (_, i) => ({ ...rec, key: `k${i}`, title: `rec ${i}`, introduced: true, location: { file: `f${i}.md`, line: 1 } }));
    return { ...r, recommendations: recs };
  }

  it('the comment goes first; annotations are capped, failures first, the rest counted in the check summary', async () => {
    const { gh, calls } = recordingClient();
    const { out, deps } = sink();
    await publishReport(await loaded(3000), target, { ...deps, gh, deadline: new AbortController().signal });
    const names = calls.map((c) => c[0]);
    expect(names.indexOf('issues.createComment')).toBeLessThan(names.indexOf('checks.create'));
    const create = calls.find((c) => c[0] === 'checks.create')![1] as { output: { annotations: { annotation_level: string }[]; summary: string } };
    const rank = { failure: 0, warning: 1, notice: 2 } as Record<string, number>;
    const levels = create.output.annotations.map((a) => rank[a.annotation_level]!);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(levels[0]).toBeLessThan(2); // the report's warnings come before its 3,000 notices
    const updates = calls.filter((c) => c[0] === 'checks.update');
    const sent =
      create.output.annotations.length + updates.reduce((s, c) => s + ((c[1] as { output: { annotations?: unknown[] } }).output.annotations?.length ?? 0), 0);
    expect(sent).toBe(100);
    expect(names.length).toBeLessThan(10);
    expect(create.output.summary).toMatch(/\d[\d,]* more findings are not annotated/);
    expect(out.log.join('\n')).toMatch(/Check run 42 published with 100 annotations \(\d+ more not annotated\)/);
  });

  it('a failing annotation update after the create says the check run exists', async () => {
    const { gh } = recordingClient((name) => (name === 'checks.update' ? 422 : undefined));
    const { out, deps } = sink();
    await publishReport(await loaded(300), target, { ...deps, gh, deadline: new AbortController().signal });
    const w = out.log.filter((l) => l.startsWith('warning ')).join('\n');
    expect(w).toContain('Check run 42 was created with 50 of 100 annotations');
    expect(w).not.toMatch(/Creating the check run failed/);
    expect(out.outputs['check-run-id']).toBe('42');
  });

  it('the job summary limit is in UTF-8 bytes: a CJK report fits under 1 MiB', async () => {
    const { renderComment, SUMMARY_LIMIT, utf8Bytes } = await import('../../src/render/comment.js');
    const r = await loaded(2000);
    const cjk = { ...r, recommendations: r.recommendations.map((x) => ({ ...x, title: '漢字の説明文'.repeat(60), rationale: '理由'.repeat(150) })) };
    const text = renderComment(cjk, { limit: SUMMARY_LIMIT });
    expect(utf8Bytes(text)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(text.length).toBeLessThan(SUMMARY_LIMIT);
  });

  it('fails the job exactly as fail-on says, naming every result that did not pass', async () => {
    const cases = [
      { budgets: [{ metric: 'eagerTokens', max: 10, level: 'error' }], verdict: 'fail' },
      { budgets: [{ metric: 'eagerTokens', max: 10, level: 'warn' }], verdict: 'warn' },
      { budgets: [], verdict: 'pass', head: 'example-base' },
    ] as const;
    const expected: Record<string, Record<string, boolean>> = {
      error: { fail: true, warn: false, pass: false },
      warn: { fail: true, warn: true, pass: false },
      never: { fail: false, warn: false, pass: false },
    };
    for (const c of cases) {
      const r = await report([...c.budgets], 'head' in c ? c.head : undefined);
      expect(r.verdict).toBe(c.verdict);
      for (const failOn of ['error', 'warn', 'never'] as const) {
        const { out, deps } = sink();
        await publishReport(r, { ...target, failOn }, { ...deps, gh: null, deadline: new AbortController().signal });
        expect(out.failed.length > 0, `${failOn} × ${c.verdict}`).toBe(expected[failOn]![c.verdict]);
        if (out.failed.length)
          expect(out.failed[0]).toBe(
            `context-budget: ${c.verdict}: ${r.results
              .filter((x) => x.status !== 'pass')
              .map((x) => x.message)
              .join('; ')}`,
          );
        expect(out.outputs).toEqual({
          verdict: c.verdict,
          'eager-tokens': String(r.diff.totals.eagerTokens.head),
          'eager-tokens-delta': String(r.diff.totals.eagerTokens.delta),
        });
      }
    }
  });

  it('an untrusted report is never a verified success: its check run is neutral, and its links point at this run', async () => {
    const r = { ...(await report([], 'example-base')), untrusted: true };
    const { gh, calls } = recordingClient();
    const { out, deps } = sink();
    await publishReport(r, target, { ...deps, gh, deadline: new AbortController().signal });
    expect(calls.find((c) => c[0] === 'checks.create')![1]).toMatchObject({ conclusion: 'neutral' });
    const trusted = recordingClient();
    await publishReport({ ...r, untrusted: false }, target, { ...sink().deps, gh: trusted.gh, deadline: new AbortController().signal });
    expect(trusted.calls.find((c) => c[0] === 'checks.create')![1]).toMatchObject({ conclusion: 'success' });
    // Links: the run (details) and the head commit's files, only where the server and the ids are known.
    const body = String(calls.find((c) => c[0] === 'issues.createComment')?.[1].body ?? out.summary[0]);
    expect(out.summary[0]).toContain('https://github.com/o/r/actions/runs/9');
    expect(body).not.toContain('undefined');
    const bare = recordingClient();
    const b = sink();
    await publishReport(
      { ...r, untrusted: false },
      { ...target, serverUrl: undefined, runId: undefined },
      { ...b.deps, gh: bare.gh, deadline: new AbortController().signal },
    );
    expect(b.out.summary[0]).not.toContain('actions/runs');
    expect(bare.calls.find((c) => c[0] === 'checks.create')![1].details_url).toBeUndefined();
  });

  it('without a check run, failures and warnings go to the log as annotations with file and line', async () => {
    const r = await report([{ metric: 'eagerTokens', max: 10, level: 'error' }]);
    const { out, deps } = sink();
    const seen: [string, string, unknown][] = [];
    const log = {
      ...deps.log,
      error: (m: string, w?: unknown) => void seen.push(['error', m, w]),
      warning: (m: string, w?: unknown) => void seen.push(['warning', m, w]),
    };
    await publishReport(r, { ...target, checkRun: false }, { ...deps, log, gh: null, deadline: new AbortController().signal });
    const expectedAnnotations = cappedAnnotations(r, 50).annotations.filter((a) => a.annotation_level !== 'notice');
    expect(expectedAnnotations.length).toBeGreaterThan(0);
    expect(seen).toEqual(
      expectedAnnotations.map((a) => [a.annotation_level === 'failure' ? 'error' : 'warning', a.message, { file: a.path, line: a.start_line, title: a.title }]),
    );
    expect(out.failed).toHaveLength(1);
  });
});

describe('publishing: what each input and failure changes', () => {
  const run = async (r: GateReport, t: Partial<PublishTarget>, fail?: (name: string) => number | undefined, deadline = new AbortController().signal) => {
    const { gh, calls } = recordingClient(fail);
    const s = sink();
    await publishReport(r, { ...target, ...t }, { ...s.deps, gh, deadline });
    return { calls: calls.map((c) => c[0]), params: calls, out: s.out };
  };
  const unchanged = async (): Promise<GateReport> => {
    const base = await analyzeDir(path.join(FIXTURES, 'example-base'));
    return compare({ base, head: base, baseLabel: 'b', headLabel: 'h', loadTime: null }, normalizeConfig({}, 'x.yml'));
  };

  it('comment: never posts none; always posts one on an unchanged pull request; changed posts one when the verdict is not a pass', async () => {
    const same = await unchanged();
    expect(same.verdict).toBe('pass');
    expect((await run(same, { comment: 'never' })).calls).not.toContain('issues.listComments');
    expect((await run(same, { comment: 'always' })).calls).toContain('issues.createComment');
    expect((await run(same, { comment: 'changed' })).calls).not.toContain('issues.createComment');
    const warned = { ...same, verdict: 'warn' as const };
    expect((await run(warned, { comment: 'changed' })).calls).toContain('issues.createComment');
    // A changed diff with a pass: the comment is posted.
    const changed = { ...(await report([])), verdict: 'pass' as const };
    expect((await run(changed, { comment: 'changed' })).calls).toContain('issues.createComment');
  });

  it('whose comments are ours: the comment-author input alone, else github-actions[bot] and the token user, or the bot alone when /user is refused', async () => {
    const r = await report([]);
    expect(await ourAuthors(recordingClient().gh, 'me')).toEqual(['me']);
    expect(await ourAuthors(recordingClient().gh, '')).toEqual(['github-actions[bot]', 'bot']);
    expect(await ourAuthors(recordingClient((n) => (n === 'users.getAuthenticated' ? 403 : undefined)).gh, '')).toEqual(['github-actions[bot]']);
    expect((await run(r, { commentAuthor: 'me' })).calls).not.toContain('users.getAuthenticated');
  });

  it('links the run only with both the server and the run id, and files only with a head commit', async () => {
    const r = await report([{ metric: 'eagerTokens', max: 10, level: 'error' }]);
    const noRun = await run(r, { runId: undefined });
    expect(noRun.params.find((c) => c[0] === 'checks.create')![1]).not.toHaveProperty('details_url');
    const noServer = await run({ ...r, head: { ...r.head, commit: 'f'.repeat(40) } }, { serverUrl: undefined });
    expect(String(noServer.params.find((c) => c[0] === 'issues.createComment')![1].body)).not.toContain('/blob/');
    const linked = await run({ ...r, head: { ...r.head, commit: 'f'.repeat(40) } }, {});
    expect(String(linked.params.find((c) => c[0] === 'issues.createComment')![1].body)).toContain(`https://github.com/o/r/blob/${'f'.repeat(40)}/`);
    const noCommit = await run({ ...r, head: { ...r.head, commit: undefined } }, {});
    expect(String(noCommit.params.find((c) => c[0] === 'issues.createComment')![1].body)).not.toContain('/blob/');
  });

  it('a job summary that cannot be written is a warning; the comment and check still go', async () => {
    const r = await report([]);
    const { gh, calls } = recordingClient();
    const s = sink();
    await publishReport(r, target, {
      ...s.deps,
      summary: async () => {
        throw new Error('ENOSPC');
      },
      gh,
      deadline: new AbortController().signal,
    });
    expect(s.out.log).toContain('warning Could not write the job summary: ENOSPC');
    expect(calls.map((c) => c[0])).toContain('checks.create');
  });

  it('a check run created before the deadline passed is said to exist, with its id', async () => {
    const r = await report([{ metric: 'eagerTokens', max: 10, level: 'error' }]);
    const recs = Array.from({ length: 120 }, (_, i) => ({ ...r.recommendations[0]!, key: `k${i}`, introduced: true, location: { file: `f${i}.md`, line: 1 } }));
    const { gh } = recordingClient();
    const deadline = new AbortController();
    gh.rest.checks.update = (async () => {
      deadline.abort(new Error('publishing took longer than 1s (publish-timeout)'));
      return new Promise(() => undefined);
    }) as unknown as typeof gh.rest.checks.update;
    const s = sink();
    await publishReport({ ...r, recommendations: recs }, { ...target, comment: 'never' }, { ...s.deps, gh, deadline: deadline.signal });
    expect(s.out.outputs['check-run-id']).toBe('42');
    expect(s.out.log.join('\n')).toContain(
      'Check run 42 was created, but adding its annotations did not finish: publishing took longer than 1s (publish-timeout).',
    );
    // The check run exists: its annotations are not repeated in the log.
    expect(s.out.log.some((l) => l.startsWith('error ') && l.includes('eager'))).toBe(false);
  });

  it('suggested edits that cannot be posted are a warning naming the permission; an untrusted report posts none', async () => {
    const r = await report([]);
    const sg = {
      stepId: 's',
      kind: 'duplication',
      path: 'CLAUDE.md',
      startLine: 1,
      line: 1,
      title: 't',
      detail: 'd',
      eagerTokens: 1,
      listingChars: 0,
      agentListingChars: 0,
      replacement: ['x'],
    };
    const withEdits = { ...r, edits: { suggestions: [sg], commands: [] } } as unknown as GateReport;
    const { gh } = recordingClient();
    (gh.rest as unknown as { pulls: unknown }).pulls = {
      listReviewComments: async () => {
        throw Object.assign(new Error('HTTP 403'), { status: 403 });
      },
    };
    const s = sink();
    await publishReport(withEdits, { ...target, suggestions: true }, { ...s.deps, gh, deadline: new AbortController().signal });
    expect(s.out.log.find((l) => l.startsWith('warning ') && l.includes('Posting the suggested edits'))).toContain('pull-requests: write');
    const untrusted = sink();
    await publishReport({ ...withEdits, untrusted: true }, { ...target, suggestions: true }, { ...untrusted.deps, gh, deadline: new AbortController().signal });
    expect(untrusted.out.log.some((l) => l.includes('suggested edits'))).toBe(false);
  });
});
