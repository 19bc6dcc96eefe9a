/**
 * Publishing a gate report: job summary, outputs and log always; the check run and the sticky
 * comment when the token allows; the job's failure from the verdict. It never decides the gate and
 * never loses the report. Everything it touches is injected (GitHub client, logger, summary,
 * outputs, deadline), so it is tested in-process with a recording client.
 */
import { isEmptyDiff } from '../compare/diff.js';
import { errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GateReport } from '../model/report.js';
import { cappedAnnotations, MAX_ANNOTATIONS } from '../render/annotations.js';
import { marker, renderComment, SUMMARY_LIMIT, utf8Bytes, verdictLine } from '../render/comment.js';
import { renderDiffText } from '../render/diff-text.js';
import { diffChart } from '../render/chart.js';
import { publishCheck } from './check.js';
import { explain, type GitHub } from './client.js';
import { upsertComment } from './comment.js';
import { postSuggestions } from './review.js';

export interface PublishDeps {
  gh: GitHub | null;
  log: Logger;
  /** Writes markdown to the job summary. */
  summary: (markdown: string) => Promise<void>;
  setOutput: (name: string, value: string) => void;
  setFailed: (message: string) => void;
  /** Aborted when publishing's deadline passes: every GitHub step still waiting is given up. */
  deadline: AbortSignal;
}

export interface PublishTarget {
  owner: string;
  repo: string;
  prNumber: number | undefined;
  headSha: string;
  /** For links: `https://github.com` and the run id. */
  serverUrl?: string;
  runId?: string;
  checkRun: boolean;
  checkName: string;
  comment: 'always' | 'changed' | 'never';
  commentKey: string;
  /** Login whose comments are ours; default github-actions[bot] and the token's own user. */
  commentAuthor: string;
  failOn: 'error' | 'warn' | 'never';
  /** The HTML report's artifact, linked from the comment, the check run and the summary. */
  reportUrl?: string;
  /** Post report.edits' suggestions as a review on the pull request. */
  suggestions?: boolean;
}

/** One GitHub step, given up when the deadline passes (whatever it waits for: a request, a retry). */
export async function beforeDeadline<T>(signal: AbortSignal, step: () => Promise<T>): Promise<T> {
  if (signal.aborted) throw signal.reason;
  return await new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    step().then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Logins whose comments and issues are ours: the configured one, or github-actions[bot] and the token's user. */
export async function ourAuthors(gh: GitHub, commentAuthor: string): Promise<string[]> {
  if (commentAuthor) return [commentAuthor];
  const authors = ['github-actions[bot]'];
  try {
    const me = await gh.rest.users.getAuthenticated();
    authors.push(me.data.login);
  } catch {
    // GITHUB_TOKEN can't read /user: it comments as github-actions[bot].
  }
  return authors;
}

/** Publishing never decides the gate and never loses the report: summary and log always get it. */
export async function publishReport(report: GateReport, t: PublishTarget, deps: PublishDeps): Promise<void> {
  const { gh, log } = deps;
  const runUrl = t.serverUrl && t.runId ? `${t.serverUrl}/${t.owner}/${t.repo}/actions/runs/${t.runId}` : undefined;
  // Files and lines link to the commit measured as the head; the footer links the run.
  const blobUrl = t.serverUrl && report.head.commit ? `${t.serverUrl}/${t.owner}/${t.repo}/blob/${report.head.commit}` : undefined;
  const links = { ...(blobUrl ? { blobUrl } : {}), ...(runUrl ? { runUrl } : {}), ...(t.reportUrl ? { reportUrl: t.reportUrl } : {}) };
  log.info(renderDiffText(report));
  try {
    // The summary also gets a chart GitHub draws itself (the HTML report is the zoomable one).
    const chart = diffChart(report);
    const body = renderComment(report, { limit: SUMMARY_LIMIT - utf8Bytes(chart) - 2, timings: true, ...links });
    await deps.summary(chart ? `${body}\n\n${chart}` : body);
  } catch (e) {
    log.warning(`Could not write the job summary: ${errorMessage(e)}`);
  }
  deps.setOutput('verdict', report.verdict);
  deps.setOutput('eager-tokens', String(report.diff.totals.eagerTokens.head));
  deps.setOutput('eager-tokens-delta', String(report.diff.totals.eagerTokens.delta));
  const missing: string[] = [];
  let checkPublished = false;
  // The comment first: it is what a reviewer reads; the check run's annotations can wait behind it.
  if (gh && t.prNumber && t.comment !== 'never') {
    const prNumber = t.prNumber;
    try {
      const onlyIfExists = t.comment === 'changed' && isEmptyDiff(report.diff) && report.verdict === 'pass';
      const body = renderComment(report, { key: t.commentKey, detailsUrl: runUrl, ...links });
      const r = await beforeDeadline(deps.deadline, async () =>
        upsertComment(
          gh,
          { owner: t.owner, repo: t.repo, issueNumber: prNumber, marker: marker(t.commentKey), authors: await ourAuthors(gh, t.commentAuthor) },
          body,
          onlyIfExists,
        ),
      );
      if (r.url) deps.setOutput('comment-url', r.url);
      log.info(r.action === 'skipped' ? 'Nothing changed: no comment (comment: changed).' : `Comment ${r.action}: ${r.url ?? ''}`);
    } catch (e) {
      missing.push(explain(e, 'Posting the pull request comment', 'pull-requests: write'));
    }
  }
  // Suggestions only from a report this run measured (an untrusted report's text is never posted as an edit).
  const suggested = report.edits?.suggestions ?? [];
  if (gh && t.prNumber && t.suggestions && suggested.length && !report.untrusted) {
    const pullNumber = t.prNumber;
    try {
      const r = await beforeDeadline(deps.deadline, async () =>
        postSuggestions(gh, { owner: t.owner, repo: t.repo, pullNumber, commitId: t.headSha, authors: await ourAuthors(gh, t.commentAuthor) }, suggested),
      );
      log.info(`Suggested edits: ${r.posted} posted${r.already ? `, ${r.already} already posted by an earlier run` : ''}.`);
    } catch (e) {
      missing.push(explain(e, 'Posting the suggested edits', 'pull-requests: write'));
    }
  }
  if (gh && t.checkRun) {
    let createdId: number | undefined;
    try {
      const { annotations, omitted } = cappedAnnotations(report);
      const note = omitted
        ? `\n\n_${omitted} more findings are not annotated (at most ${MAX_ANNOTATIONS}, failures and warnings first); all are in the report._`
        : '';
      const c = await beforeDeadline(deps.deadline, () =>
        publishCheck(
          gh,
          {
            owner: t.owner,
            repo: t.repo,
            headSha: t.headSha,
            name: t.checkName,
            verdict: report.verdict,
            untrusted: report.untrusted === true,
            title: verdictLine(report).replace(/\*\*/g, ''),
            summary: renderComment(report, { limit: 65_000 - note.length, timings: true, detailsUrl: runUrl, ...links }) + note,
            annotations,
            detailsUrl: runUrl,
          },
          (id) => (createdId = id),
        ),
      );
      deps.setOutput('check-run-id', String(c.id));
      checkPublished = true;
      if (c.annotationError)
        missing.push(
          `Check run ${c.id} was created with ${c.annotations} of ${annotations.length} annotations; ${explain(c.annotationError, 'adding the rest', 'checks: write')}`,
        );
      else log.info(`Check run ${c.id} published with ${c.annotations} annotations${omitted ? ` (${omitted} more not annotated)` : ''}.`);
    } catch (e) {
      // Said as it happened: a check run created before the deadline exists, whatever came after.
      if (createdId !== undefined) {
        deps.setOutput('check-run-id', String(createdId));
        checkPublished = true;
        missing.push(`Check run ${createdId} was created, but adding its annotations did not finish: ${errorMessage(e)}.`);
      } else missing.push(explain(e, 'Creating the check run', 'checks: write'));
    }
  }
  if (!checkPublished) {
    // Fallback for annotations: workflow-command annotations in the log.
    for (const a of cappedAnnotations(report, 50).annotations) {
      const where = { file: a.path, line: a.start_line, title: a.title };
      if (a.annotation_level === 'failure') log.error(a.message, where);
      else if (a.annotation_level === 'warning') log.warning(a.message, where);
    }
  }
  if (missing.length)
    log.warning(`${missing.join('\n')}\nThe full report is in the job summary and in this log; the verdict (${report.verdict}) is unchanged.`);
  const fail = (t.failOn === 'error' && report.verdict === 'fail') || (t.failOn === 'warn' && report.verdict !== 'pass');
  if (fail)
    deps.setFailed(
      `context-budget: ${report.verdict}: ${report.results
        .filter((r) => r.status !== 'pass')
        .map((r) => r.message)
        .join('; ')}`,
    );
}
