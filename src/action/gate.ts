/**
 * The Action's runs (a pull request, the scheduled roadmap, publishing a report from a fork's run),
 * on the same pipeline as the CLI (`runDiff` in pipeline.ts). main.ts only reads inputs and builds
 * the context; outputs, summary, failure, clock, logger and the GitHub client are injected here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configAt, configOrError, modelOverrides } from './config-at.js';
import { reviewConfig } from '../config/review.js';
import type { ActionOptions } from './options.js';
import { resolveCompared } from './refs.js';
import { git, gitSource } from '../collect/git.js';
import type { FrameworkSource } from '../collect/types.js';
import type { DigestMemo } from '../analyze/index.js';
import { OPTIMIZE_KINDS, type OptimizePlan } from '../model/optimize.js';
import type { Snapshot } from '../model/snapshot.js';
import { planOptimizations } from '../optimize/optimize.js';
import { addedLinesOf, suggestionsFor } from '../optimize/suggest.js';
import { normalizeConfig, withAgentIds, type Config } from '../config/load.js';
import { readUntrustedReport } from './report-input.js';
import { errorMessage, UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GateReport, SuggestedEdit } from '../model/report.js';
import { recommend } from '../optimize/rank.js';
import type { MeasureOptions } from '../conformance/measure.js';
import {
  analyzeOptions,
  diffSides,
  measureOptions,
  optimizerDeps,
  persistentCaches,
  snapshotOf,
  withMeasuredAgents,
  withMeasurement,
  type Caches,
} from '../pipeline.js';
import { explain, type GitHub } from '../publish/client.js';
import { beforeDeadline, ourAuthors, publishReport } from '../publish/index.js';
import { findRoadmapIssue, upsertRoadmap } from '../publish/roadmap.js';
import { findPullRequest } from '../publish/pulls.js';
import { marker } from '../render/comment.js';
import { advanceHistory, doneSteps, parseHistory, parseTicked } from '../compare/history.js';
import { renderRoadmap } from '../render/roadmap.js';
import { renderHtml } from '../render/html.js';
import { pictureOf, pictureOfDiff } from '../render/picture.js';
import { mermaidPie } from '../render/chart.js';
import { anthropicCounter } from '../tokenize/anthropic.js';
import { TokenCounter } from '../tokenize/counter.js';

/** What the Action's runs touch besides git and GitHub: outputs, the job summary, the job's failure, the clock. */
export interface ActionIO {
  setOutput: (name: string, value: string) => void;
  summary: (markdown: string) => Promise<void>;
  setFailed: (message: string) => void;
  now: () => Date;
  /**
   * Uploads one file as a workflow artifact of this run, as it is (not zipped: an HTML file opens in
   * the browser), and gives the artifact's id; absent where the run has no artifact service.
   */
  uploadArtifact?: (file: string) => Promise<{ id: number }>;
}

/** One run of the Action: its options, the event, and everything it touches, injected. */
export interface Ctx {
  io: ActionIO;
  /** Aborts GitHub calls once publishing's deadline passes (started when publishing starts). */
  deadline: AbortController;
  opts: ActionOptions;
  log: Logger;
  env: NodeJS.ProcessEnv;
  owner: string;
  repo: string;
  workspace: string;
  gh: GitHub | null;
  payload: Record<string, any>;
}

/** The run's caches (token counts, digests, snapshots), all in the cache-dir input's folder. */
function cachesFor(ctx: Ctx): Caches {
  const remote = ctx.opts.anthropicApiKey
    ? anthropicCounter({ apiKey: ctx.opts.anthropicApiKey, model: ctx.opts.anthropicModel, baseUrl: ctx.env.ANTHROPIC_BASE_URL })
    : undefined;
  const caches = persistentCaches(ctx.opts.cacheDir, (s) => ctx.log.debug(s), undefined, remote);
  return {
    ...caches,
    save: () => {
      if (caches.counter.fallback) ctx.log.warning(caches.counter.fallback);
      caches.save();
    },
  };
}

export async function pullRequest(ctx: Ctx, event: string): Promise<void> {
  const pr = ctx.payload.pull_request as
    | {
        number: number;
        base: { sha: string; repo?: { full_name?: string } };
        head: { sha: string; repo?: { full_name?: string } };
        labels?: { name?: string }[];
      }
    | undefined;
  const baseSha = ctx.opts.baseRef || pr?.base.sha;
  const headSha = ctx.opts.headRef || pr?.head.sha;
  if (!baseSha || !headSha)
    throw new UserError('No pull request in the event payload: set the "base" and "head" inputs, or run on pull_request / pull_request_target');
  const compared = await resolveCompared(
    ctx.workspace,
    { baseSha, headSha, mergeSha: event === 'pull_request' && !ctx.opts.headRef ? ctx.env.GITHUB_SHA : undefined },
    ctx.log,
  );
  ctx.log.info(`Comparing ${compared.how}.`);
  const found = withAgentIds(await pullRequestConfig(ctx, event, compared, pr), ctx.opts.agents);
  const { counter, snapshots, digests, save } = cachesFor(ctx);
  const measure = measureFor(ctx, event, found, counter);
  const config = withMeasuredAgents(found, measure);
  const [base, head] = await Promise.all([gitSource(ctx.workspace, compared.base), gitSource(ctx.workspace, compared.head)]);
  const diff = await diffSides(
    { kind: 'source', source: base, label: `base ${compared.base.slice(0, 7)}` },
    { kind: 'source', source: head, label: `head ${compared.head.slice(0, 7)}` },
    config,
    counter,
    { measure, snapshots, digests },
  );
  // Suggestions go on lines the pull request added: a change that added or edited no framework file has none to plan.
  const touched = diff.report.diff.files.some((f) => f.status === 'added' || f.status === 'changed');
  const edits =
    ctx.opts.suggestions && touched ? await editsOnPullRequest(ctx, { base, head, snapshot: diff.head, headSha, config, counter, digests }) : undefined;
  save();
  const report = diff.report;
  const withHow: GateReport = {
    ...report,
    compared: compared.how,
    head: { ...report.head, label: `pull request #${pr?.number ?? '?'}` },
    ...(edits && (edits.suggestions.length || edits.commands.length) ? { edits } : {}),
  };
  writeArtifacts(ctx, withHow);
  const reportUrl = await htmlReport(ctx, `pr-${pr?.number ?? 'none'}`, () =>
    renderHtml(
      pictureOfDiff(diff.base, diff.head, withHow, { linkBase: blobBase(ctx, compared.head), title: `${ctx.owner}/${ctx.repo} ${withHow.head.label}` }),
    ),
  );
  await publish(ctx, withHow, pr?.number, headSha, reportUrl);
}

/** The optimizer's plan on a commit (read from git objects; edits measured in memory, never written). */
async function planOn(source: FrameworkSource, snapshot: Snapshot, config: Config, counter: TokenCounter, digests?: DigestMemo): Promise<OptimizePlan> {
  const { plan } = await planOptimizations(new Set(OPTIMIZE_KINDS), await optimizerDeps(source, analyzeOptions(config), counter, digests, snapshot));
  return plan;
}

/**
 * The optimizer on the pull request's head: steps on lines it added, as suggestions (only in files
 * whose text is the same at the pull request's head commit, where the review's lines point) and
 * commands. Never decides anything, never fails the run: a problem is logged and nothing suggested.
 */
async function editsOnPullRequest(
  ctx: Ctx,
  a: { base: FrameworkSource; head: FrameworkSource; snapshot: Snapshot; headSha: string; config: Config; counter: TokenCounter; digests?: DigestMemo },
): Promise<GateReport['edits']> {
  try {
    const plan = await planOn(a.head, a.snapshot, a.config, a.counter, a.digests);
    if (!plan.steps.length) return undefined;
    const files = [...new Set(plan.steps.flatMap((st) => st.edits.map((e) => e.path)))];
    const diff = await git(ctx.workspace, [
      '-c',
      'core.quotePath=false',
      'diff',
      '--no-color',
      '--no-ext-diff',
      '--no-renames',
      '--unified=0',
      a.base.commit!,
      a.head.commit!,
      '--',
      ...files.map((f) => `:(literal)${f}`),
    ]);
    const { suggestions, commands } = suggestionsFor(plan.steps, addedLinesOf(diff.toString('utf8')));
    // The review's lines are the pull request head's: keep a suggestion only where that file is the same as the one measured.
    const same = async (p: string) =>
      a.head.commit === a.headSha ||
      (await Promise.all([git(ctx.workspace, ['rev-parse', `${a.head.commit}:${p}`]), git(ctx.workspace, ['rev-parse', `${a.headSha}:${p}`])]).then(
        ([x, y]) => x.toString() === y.toString(),
        () => false,
      ));
    const kept: SuggestedEdit[] = [];
    for (const sg of suggestions) if (await same(sg.path)) kept.push(sg);
    return { suggestions: kept, commands };
  } catch (e) {
    ctx.log.warning(`The optimizer could not plan edits for this pull request: ${errorMessage(e)}`);
    return undefined;
  }
}

/** `https://github.com/o/r/blob/SHA/`: where the HTML report's files link to. */
function blobBase(ctx: Ctx, commit: string): string | undefined {
  const server = ctx.env.GITHUB_SERVER_URL;
  return server ? `${server}/${ctx.owner}/${ctx.repo}/blob/${commit}/` : undefined;
}

/**
 * The HTML report (input html-report): written to output-dir, then uploaded as an artifact of this
 * run, unzipped, named after the comment key and the run attempt (a name is taken once per run).
 * Gives the artifact's URL to link, or nothing; a failure is a warning, never a lost report.
 */
async function htmlReport(ctx: Ctx, what: string, html: () => string): Promise<string | undefined> {
  if (ctx.opts.htmlReport === 'off') return undefined;
  let file: string;
  try {
    mkdirSync(ctx.opts.outputDir, { recursive: true });
    file = path.join(ctx.opts.outputDir, `context-budget-${ctx.opts.commentKey}-${what}-${ctx.env.GITHUB_RUN_ATTEMPT || '1'}.html`);
    writeFileSync(file, html());
    ctx.io.setOutput('html-path', file);
  } catch (e) {
    ctx.log.warning(`Could not write the HTML report: ${errorMessage(e)}`);
    return undefined;
  }
  if (ctx.opts.htmlReport !== 'upload') return undefined;
  if (!ctx.io.uploadArtifact || !ctx.env.ACTIONS_RUNTIME_TOKEN || !ctx.env.ACTIONS_RESULTS_URL) {
    ctx.log.info(`HTML report written to ${file} (no artifact service in this run: not uploaded).`);
    return undefined;
  }
  try {
    startDeadline(ctx);
    const { id } = await beforeDeadline(ctx.deadline.signal, () => ctx.io.uploadArtifact!(file));
    const server = ctx.env.GITHUB_SERVER_URL || 'https://github.com';
    const url = ctx.env.GITHUB_RUN_ID ? `${server}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.env.GITHUB_RUN_ID}/artifacts/${id}` : undefined;
    ctx.log.info(`HTML report uploaded as artifact ${id}${url ? `: ${url}` : ''}`);
    if (url) ctx.io.setOutput('html-url', url);
    return url;
  } catch (e) {
    ctx.log.warning(`Could not upload the HTML report (${errorMessage(e)}); it is at ${file}.`);
    return undefined;
  }
}

/**
 * The budgets that judge a pull request. The head's config is the pull request's own input: on
 * pull_request_target it is not read at all; otherwise the stricter of base and head decides
 * (config/review.ts) unless a maintainer put the accept label on the pull request. A config that
 * can't be read is reported (a failing result for the head's; the defaults for the base's), never a
 * run that publishes nothing.
 */
async function pullRequestConfig(
  ctx: Ctx,
  event: string,
  compared: { base: string; head: string },
  pr: { labels?: { name?: string }[] } | undefined,
): Promise<Config> {
  let base = await configOrError(ctx.workspace, ctx.opts, compared.base);
  if ('error' in base) {
    ctx.log.warning(`The base branch's budget config can't be read (${base.error}): the built-in defaults judge this pull request.`);
    base = normalizeConfig({}, 'defaults', modelOverrides(ctx.opts));
  }
  if (event === 'pull_request_target') {
    ctx.log.info(`Budgets: ${base.file} (read from the base commit: pull_request_target).`);
    return base;
  }
  const head = compared.head === compared.base ? base : await configOrError(ctx.workspace, ctx.opts, compared.head);
  const label = ctx.opts.acceptConfigLabel;
  const accepted = !!label && (pr?.labels ?? []).some((l) => l?.name === label);
  const { config, review } = reviewConfig(base, head, accepted, label);
  if (review?.error) ctx.log.warning(`The pull request's budget config can't be read: ${review.error}`);
  else if (review?.notApplied.length)
    ctx.log.warning(
      `The pull request changes its budget config; not applied (it would loosen the gate or change what is measured): ${review.notApplied.join('; ')}.${label ? ` A maintainer accepts it with the label "${label}".` : ''}`,
    );
  ctx.log.info(`Budgets: ${config.file}${review?.accepted ? ` (the pull request's, accepted by the label "${label}")` : ''}.`);
  return config;
}

/**
 * The `measure` input. Running Claude Code executes a program on the measured tree: never where the
 * head is untrusted and the token can write (pull_request_target), whatever the flags make safe.
 */
function measureFor(ctx: Ctx, event: string, config: Config, counter: TokenCounter): MeasureOptions | undefined {
  if (!ctx.opts.measure) return undefined;
  if (event === 'pull_request_target')
    throw new UserError(
      'Input "measure": refused on pull_request_target, where the head is untrusted and the token can write. Measure on pull_request (read-only token for forks) or in the scheduled roadmap run.',
    );
  return measureOptions({ measure: ctx.opts.measure, measureRounds: ctx.opts.measureRounds, cacheDir: ctx.opts.cacheDir }, config, counter, {
    env: { ANTHROPIC_API_KEY: ctx.opts.anthropicApiKey || undefined, ANTHROPIC_BASE_URL: ctx.env.ANTHROPIC_BASE_URL },
    stderr: { write: (s: string) => ctx.log.info(s.trim()) },
  });
}

function writeArtifacts(ctx: Ctx, report: GateReport): void {
  try {
    mkdirSync(ctx.opts.outputDir, { recursive: true });
    const reportPath = path.join(ctx.opts.outputDir, 'report.json');
    writeFileSync(reportPath, JSON.stringify(report));
    ctx.io.setOutput('report-path', reportPath);
    ctx.io.setOutput('snapshot-path', reportPath);
  } catch (e) {
    ctx.log.warning(`Could not write the report to ${ctx.opts.outputDir}: ${errorMessage(e)}`);
  }
}

/** Starts publishing's deadline (once). */
function startDeadline(ctx: Ctx): void {
  if ((ctx as { started?: boolean }).started) return;
  (ctx as { started?: boolean }).started = true;
  setTimeout(
    () => ctx.deadline.abort(new Error(`publishing took longer than ${ctx.opts.publishTimeoutSeconds}s (publish-timeout)`)),
    ctx.opts.publishTimeoutSeconds * 1000,
  ).unref();
}

/** Publishes with the Actions toolkit as the summary, outputs and failure (src/publish/index.ts does the work). */
async function publish(ctx: Ctx, report: GateReport, prNumber: number | undefined, headSha: string, reportUrl?: string): Promise<void> {
  startDeadline(ctx);
  const o = ctx.opts;
  await publishReport(
    report,
    {
      owner: ctx.owner,
      repo: ctx.repo,
      prNumber,
      headSha,
      serverUrl: ctx.env.GITHUB_SERVER_URL,
      runId: ctx.env.GITHUB_RUN_ID,
      checkRun: o.checkRun,
      checkName: o.checkName,
      comment: o.comment,
      commentKey: o.commentKey,
      commentAuthor: o.commentAuthor,
      failOn: o.failOn,
      suggestions: o.suggestions,
      ...(reportUrl ? { reportUrl } : {}),
    },
    {
      gh: ctx.gh,
      log: ctx.log,
      summary: ctx.io.summary,
      setOutput: ctx.io.setOutput,
      setFailed: ctx.io.setFailed,
      deadline: ctx.deadline.signal,
    },
  );
}

/**
 * The fork recipe's trusted half: the report comes from an artifact the fork's own run wrote. It is
 * rebuilt field by field, its verdict decided again from its results, and a pass is never published
 * as a success: the check run says neutral and the comment says the numbers were not measured here.
 */
export async function publishOnly(ctx: Ctx): Promise<void> {
  const report: GateReport = { ...readUntrustedReport(ctx.opts.publishReport), untrusted: true };
  const run = ctx.payload.workflow_run as
    { pull_requests?: { number?: number }[]; head_sha?: string; head_branch?: string; head_repository?: { owner?: { login?: string } } } | undefined;
  const headSha = ctx.opts.headRef || run?.head_sha || report.head.commit || '';
  let prNumber = ctx.opts.prNumber ?? run?.pull_requests?.[0]?.number;
  // A fork's pull request: GitHub leaves pull_requests empty; find it by the fork's branch and the measured commit.
  if (prNumber === undefined && ctx.gh && run?.head_sha) {
    try {
      prNumber = await findPullRequest(ctx.gh, ctx.owner, ctx.repo, { sha: run.head_sha, owner: run.head_repository?.owner?.login, branch: run.head_branch });
      ctx.log.info(
        prNumber
          ? `Pull request #${prNumber} found by its head ${run.head_sha.slice(0, 7)}.`
          : `No open pull request has the head ${run.head_sha.slice(0, 7)}: no comment.`,
      );
    } catch (e) {
      ctx.log.warning(explain(e, 'Finding the pull request of the workflow run', 'pull-requests: read'));
    }
  }
  await publish(ctx, report, prNumber, headSha);
}

export async function roadmap(ctx: Ctx): Promise<void> {
  const commit = ctx.opts.headRef || ctx.env.GITHUB_SHA || 'HEAD';
  const source = await gitSource(ctx.workspace, commit);
  const found = withAgentIds(await configAt(ctx.workspace, ctx.opts, source.commit!), ctx.opts.agents);
  const { counter, snapshots, digests, save } = cachesFor(ctx);
  // With `measure: claude-code@latest` (or `codex@latest`, ...) the roadmap says what a new release loads differently.
  const measure = measureFor(ctx, ctx.env.GITHUB_EVENT_NAME ?? '', found, counter);
  const config = withMeasuredAgents(found, measure);
  const opts = analyzeOptions(config);
  let snapshot = await snapshotOf({ kind: 'source', source, label: '' }, opts, counter, { snapshots, digests });
  if (measure) snapshot = await withMeasurement(snapshot, source, measure);
  let plan: OptimizePlan | undefined;
  try {
    plan = await planOn(source, snapshot, config, counter, digests);
  } catch (e) {
    ctx.log.warning(`The optimizer could not plan edits: ${errorMessage(e)}`);
  }
  save();
  const recommendations = recommend(snapshot, config.minSaving);
  ctx.io.setOutput('eager-tokens', String(snapshot.totals.eagerTokens));
  try {
    mkdirSync(ctx.opts.outputDir, { recursive: true });
    const p = path.join(ctx.opts.outputDir, 'snapshot.json');
    writeFileSync(p, JSON.stringify(snapshot));
    ctx.io.setOutput('snapshot-path', p);
  } catch (e) {
    ctx.log.warning(`Could not write the snapshot: ${errorMessage(e)}`);
  }
  const target = {
    owner: ctx.owner,
    repo: ctx.repo,
    label: ctx.opts.roadmapLabel,
    title: ctx.opts.roadmapTitle,
    marker: marker('roadmap'),
    authors: ctx.gh ? await ourAuthors(ctx.gh, ctx.opts.commentAuthor) : [],
  };
  let existing: Awaited<ReturnType<typeof findRoadmapIssue>>;
  // Whether the open roadmap issue is known: a listing that failed must not open a second issue.
  let listed = false;
  if (ctx.gh) {
    try {
      startDeadline(ctx);
      existing = await beforeDeadline(ctx.deadline.signal, () => findRoadmapIssue(ctx.gh!, target));
      listed = true;
    } catch (e) {
      ctx.log.warning(explain(e, 'Listing roadmap issues', 'issues: read'));
    }
  }
  const { history: previous, problem } = parseHistory(existing?.body);
  if (problem) ctx.log.warning(`Roadmap issue #${existing?.number}: ${problem}`);
  const input = {
    snapshot,
    recommendations,
    previous,
    date: ctx.io.now().toISOString(),
    commit: source.commit!,
    historyLimit: ctx.opts.historyLimit,
    ticked: parseTicked(existing?.body),
    ...(plan ? { plan: plan.steps } : {}),
  };
  const { history, resolved } = advanceHistory(input);
  const body = renderRoadmap(input, history, resolved, doneSteps(previous, input));
  const reportUrl = await htmlReport(ctx, `roadmap`, () =>
    renderHtml(pictureOf(snapshot, { linkBase: blobBase(ctx, source.commit!), title: `${ctx.owner}/${ctx.repo} ${source.commit!.slice(0, 7)}` })),
  );
  const chart = mermaidPie(
    'Always-loaded tokens by category',
    snapshot.categories.filter((c) => c.loading === 'eager'),
  );
  try {
    await ctx.io.summary(
      [body, chart && `#### Where the always-loaded context goes\n\n${chart}`, reportUrl && `[Where the context goes: the HTML report](${reportUrl})`]
        .filter(Boolean)
        .join('\n\n'),
    );
  } catch (e) {
    ctx.log.warning(`Could not write the job summary: ${errorMessage(e)}`);
  }
  ctx.log.info(
    `Roadmap: ${recommendations.length} recommendations, ${resolved.length} resolved since the previous run; always-loaded ${snapshot.totals.eagerTokens} tokens.`,
  );
  if (!ctx.gh) return ctx.log.warning('No github-token: the roadmap is in the job summary only.');
  if (!listed)
    return ctx.log.warning(
      'The roadmap issue was not written: without the list of open issues a new one could duplicate it. The roadmap is in the job summary.',
    );
  try {
    const r = await beforeDeadline(ctx.deadline.signal, () => upsertRoadmap(ctx.gh!, target, body, existing));
    ctx.io.setOutput('issue-url', r.url);
    ctx.log.info(`Roadmap issue #${r.number} ${r.action}: ${r.url}`);
  } catch (e) {
    ctx.log.warning(`${explain(e, 'Writing the roadmap issue', 'issues: write')} The roadmap is in the job summary.`);
  }
}
