import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, analyzePair, isDigest, type AnalyzeOptions, type DigestMemo } from './analyze/index.js';
import { JsonFileCache } from './collect/json-cache.js';
import type { FileDigest } from './analyze/plan-types.js';
import { openSource } from './collect/open.js';
import { readSnapshotFile } from './collect/snapshot-file.js';
import { readBuildId, SNAPSHOT_DIR, SnapshotStore, type SnapshotCache } from './collect/snapshot-cache.js';
import type { FrameworkSource } from './collect/types.js';
import type { CliOptions, Proc } from './cli-options.js';
import { compare } from './compare/index.js';
import { loadConfig, parseAgents, withAgentIds, type Config } from './config/load.js';
import { errorMessage, UserError } from './errors.js';
import type { GateReport, LoadTimeComparison } from './model/report.js';
import type { Snapshot } from './model/snapshot.js';
import { measureOne, measurePair, parseMeasureSpec, requestTokenCounter, type MeasureOptions } from './conformance/measure.js';
import { measureAgent, parseAgentSpec, type AgentMeasureSpec } from './conformance/agent-measure.js';
import { AGENT_PROFILES } from './model/agents.js';
import { recommend } from './optimize/rank.js';
import { renderAnalyzeText } from './render/analyze-text.js';
import { renderComment } from './render/comment.js';
import { renderDiffText } from './render/diff-text.js';
import { renderHtml } from './render/html.js';
import { pictureOf, pictureOfDiff } from './render/picture.js';
import { logSafe } from './render/escape.js';
import type { RemoteCounter } from './tokenize/anthropic.js';
import { TokenCounter } from './tokenize/counter.js';
import { CACHE_FILE, cacheDirOf, FileCountStore } from './tokenize/file-store.js';
import { loadTokenizer, TOKENIZER_NAME } from './tokenize/tokenizer.js';
import { VERSION } from './version.js';
import { createTwoFilesPatch } from 'diff';
import { overlaySource } from './collect/overlay.js';
import { dirtyFiles, writeFiles } from './collect/write.js';
import { OPTIMIZE_KINDS, type OptimizeKind } from './model/optimize.js';
import { achievedByKind, figuresOf, netEdits, planOptimizations, type OptimizeDeps } from './optimize/optimize.js';
import { verifyPlan } from './optimize/verify.js';
import { renderOptimizeText } from './render/optimize-text.js';

/** The run's caches, all in the cache folder (--no-cache: none): token counts, file digests and snapshots. */
export interface Caches {
  counter: TokenCounter;
  snapshots?: SnapshotCache;
  digests?: DigestMemo;
  save: () => void;
}

function cachesFor(o: CliOptions, proc: Proc): Caches {
  if (!o.cache) return { counter: new TokenCounter(loadTokenizer, TOKENIZER_NAME), save: () => undefined };
  const warn = (s: string) => void proc.stderr.write(`context-budget: ${s}\n`);
  return persistentCaches(cacheDirOf(o, proc), warn);
}

/** Digests kept between runs (the most recently used): enough for the largest frameworks measured (50,000 files, both sides). */
export const DIGEST_CACHE_MAX = 100_000;
export const DIGEST_FILE = 'digests-v1.json';

/**
 * The caches in a cache folder. Token counts are keyed by content and tokenizer alone; digests and
 * snapshots also depend on the code, so they are kept only by a built bundle (keyed by its build id).
 */
export function persistentCaches(dir: string, warn: (message: string) => void, buildId = readBuildId(), remote?: RemoteCounter): Caches {
  const store = new FileCountStore(path.join(dir, CACHE_FILE));
  const digests = buildId ? new JsonFileCache<FileDigest>(path.join(dir, DIGEST_FILE), buildId, DIGEST_CACHE_MAX, isDigest) : undefined;
  return {
    counter: new TokenCounter(loadTokenizer, TOKENIZER_NAME, store, remote),
    snapshots: buildId ? new SnapshotStore(path.join(dir, SNAPSHOT_DIR), buildId, { warn }) : undefined,
    digests,
    save: () => {
      for (const [what, s] of [
        ['token cache', store],
        ['digest cache', digests],
      ] as const) {
        try {
          s?.save();
        } catch (e) {
          warn(`could not write the ${what} ${s?.file}: ${(e as Error).message}`);
        }
      }
    },
  };
}

/**
 * JSON for stdout, which may be a workflow's log: the same data, with `##[` written as `#\u0023[`
 * so that no line of it reads as a workflow command (`::` can't start a line of indented JSON).
 */
function jsonOut(v: unknown): string {
  return JSON.stringify(v, null, 2).replace(/##\[/g, '#\\u0023[') + '\n';
}

/** The config with the CLI's flags applied: --model, --window, --chars-per-token, --plugins, --user-scope. */
function configFor(dir: string, o: CliOptions): Config {
  const config = loadConfig(dir, o.config, {
    ...(o.model ? { id: o.model } : {}),
    ...(o.window ? { contextWindow: o.window } : {}),
    ...(o.charsPerToken ? { charsPerToken: o.charsPerToken } : {}),
  });
  const withCli = { ...config, ...(o.plugins ? { installedPlugins: o.plugins } : {}), ...(o.userScope ? { userScope: o.userScope } : {}) };
  return o.agents?.length ? withAgentIds(withCli, parseAgents(o.agents.includes('all') ? 'all' : o.agents, '--agent', '--agent')) : withCli;
}

/** What the analyze stage takes from a config. */
export function analyzeOptions(config: Config, rounds?: number): AnalyzeOptions {
  // Timed rounds only when a budget asks for load time (opt-in): the default verdict never depends on timing.
  const timed = config.assertions.some((a) => a.metric === 'loadTimeRatio' && a.level !== 'off');
  return {
    model: config.model,
    limits: config.limits,
    installedPlugins: config.installedPlugins,
    listingScope: config.listingScope,
    userScope: config.userScope,
    ...(config.ignore.length ? { ignore: config.ignore } : {}),
    ...(config.agents.length ? { agents: config.agents } : {}),
    toolVersion: VERSION,
    loadTimeRounds: timed ? rounds : 0,
  };
}

export async function analyzeCommand(positionals: string[], o: CliOptions, proc: Proc): Promise<number> {
  const dir = path.resolve(proc.cwd, positionals[0] ?? '.');
  const source = await openSource(dir, o.ref);
  const { counter, snapshots, digests, save } = cachesFor(o, proc);
  const found = configFor(dir, o);
  const measure = measureOptions(o, found, counter, proc);
  const config = withMeasuredAgents(found, measure);
  const opts = analyzeOptions(config, o.rounds);
  const side = withCached([{ kind: 'source', source, label: '' }], opts, counter, snapshots);
  if (proc.offload && (await large(side))) return proc.offload();
  let snapshot = await snapshotOf(side[0]!, opts, counter, { snapshots, digests });
  if (measure) snapshot = await withMeasurement(snapshot, source, measure);
  save();
  if (o.html) writeHtml(proc, o.html, renderHtml(pictureOf(snapshot)));
  proc.stdout.write(
    o.json
      ? // The snapshot (readable again by diff) with the optimizer's ranked recommendations beside it.
        jsonOut({ ...snapshot, recommendations: recommend(snapshot, config.minSaving) })
      : logSafe(renderAnalyzeText(snapshot, { files: o.files, recommendations: recommend(snapshot, config.minSaving) })),
  );
  return 0;
}

/** Writes the HTML report (--html FILE), naming the file on stderr; a file that can't be written is the run's error. */
function writeHtml(proc: Proc, file: string, html: string): void {
  const target = path.resolve(proc.cwd, file);
  try {
    writeFileSync(target, html);
  } catch (e) {
    throw new UserError(`--html ${file}: can't write the report: ${errorMessage(e)}`);
  }
  proc.stderr.write(`context-budget: HTML report written to ${target} (${html.length.toLocaleString('en-US')} bytes)\n`);
}

/** A side of a diff: a snapshot file, or a source (with its snapshot when the cache had it). */
export type Side = { kind: 'snapshot'; snapshot: Snapshot; label: string } | { kind: 'source'; source: FrameworkSource; label: string; cached?: Snapshot };

/** A side's snapshot: given, cached (this build analyzed that commit before), or analyzed now (and then cached). */
export async function snapshotOf(side: Side, opts: AnalyzeOptions, counter: TokenCounter, { snapshots, digests }: Reuse = {}): Promise<Snapshot> {
  const [s] = withCached([side], opts, counter, snapshots) as [Side];
  if (s.kind === 'snapshot') return s.snapshot;
  if (s.cached) return s.cached;
  const made = await analyze(s.source, opts, counter, undefined, digests);
  keep(snapshots, counter, opts, [s.source, made]);
  return made;
}

/** Stores freshly made snapshots in the cache (when there is one and the counts are the local tokenizer's). */
function keep(snapshots: SnapshotCache | undefined, counter: TokenCounter, opts: AnalyzeOptions, ...made: [FrameworkSource, Snapshot][]): void {
  if (!snapshots) return;
  for (const [source, snapshot] of made) snapshots.set(source, cacheSettings(opts, counter), snapshot);
}

/** A side of a diff: a snapshot JSON file, a directory (working tree), or a git revision of the repository at dir. */
export async function openSide(spec: string | undefined, dir: string): Promise<Side> {
  if (spec === undefined) return { kind: 'source', source: await openSource(dir), label: 'working tree' };
  const asPath = path.resolve(dir, spec);
  if (spec.endsWith('.json') && existsSync(asPath) && statSync(asPath).isFile()) return { kind: 'snapshot', snapshot: readSnapshotFile(asPath), label: spec };
  if (existsSync(asPath) && statSync(asPath).isDirectory() && !/^[0-9a-f]{7,40}$/.test(spec))
    return { kind: 'source', source: await openSource(asPath), label: spec };
  return { kind: 'source', source: await openSource(dir, spec), label: spec };
}

/** A snapshot with what Claude Code sent for it, or with why it could not be measured (never a lost report). */
export async function withMeasurement(snapshot: Snapshot, source: FrameworkSource, measure: MeasureOptions): Promise<Snapshot> {
  [snapshot] = (await withAgentMeasurements([{ name: 'side', source, snapshot }], measure)) as [Snapshot];
  if (!measure.spec) return snapshot;
  try {
    return { ...snapshot, claudeCode: await measureOne(source, snapshot, measure) };
  } catch (e) {
    measure.log?.(`could not measure with Claude Code: ${errorMessage(e)}`);
    return { ...snapshot, measureError: errorMessage(e) };
  }
}

/** The agents --measure names, added to those analyzed (their binaries are held to the analysis). */
export function withMeasuredAgents(config: Config, measure: MeasureOptions | undefined): Config {
  const more = (measure?.agents ?? []).map((a) => a.id).filter((id) => !config.agents.includes(id));
  return more.length ? { ...config, agents: [...config.agents, ...more] } : config;
}

/**
 * Each other agent --measure names, run on the sides (collect/sandbox.ts): the sides' `agents[].measured`,
 * or the reason it could not be measured there (never a lost report).
 */
export async function withAgentMeasurements(
  sides: { name: string; source: FrameworkSource; snapshot: Snapshot }[],
  measure: MeasureOptions,
): Promise<Snapshot[]> {
  let out = sides.map((s) => s.snapshot);
  for (const spec of measure.agents ?? []) {
    try {
      out = await measureAgent(
        sides.map((s, i) => ({ ...s, snapshot: out[i]! })),
        spec,
        { ...(measure.agentCacheDir ? { cacheDir: measure.agentCacheDir } : {}), ...(measure.log ? { log: measure.log } : {}) },
      );
    } catch (e) {
      measure.log?.(`could not measure with ${AGENT_PROFILES[spec.id].name}: ${errorMessage(e)}`);
      out = out.map((s) => ({
        ...s,
        agents: (s.agents ?? []).map((a) => (a.agent.id === spec.id ? { ...a, measured: { version: spec.version, error: errorMessage(e), drift: [] } } : a)),
      }));
    }
  }
  return out;
}

/** --measure: how to run Claude Code (and other agents) on the sides, or undefined when not asked for. */
export function measureOptions(
  o: Pick<CliOptions, 'measure' | 'measureRounds' | 'cacheDir'>,
  config: Config,
  counter: TokenCounter,
  proc: Pick<Proc, 'env' | 'stderr'>,
): MeasureOptions | undefined {
  if (!o.measure) return undefined;
  // `claude-code[@V]` and other agents' ids[@V], separated by commas.
  const items = o.measure
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const claude = items.filter((x) => x.startsWith('claude-code'));
  let agents: AgentMeasureSpec[];
  try {
    if (claude.length > 1) throw new Error(`--measure names Claude Code twice ("${claude.join('", "')}")`);
    if (claude[0]) parseMeasureSpec(claude[0]);
    agents = items.filter((x) => !x.startsWith('claude-code')).map(parseAgentSpec);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const log = (s: string) => void proc.stderr.write(`context-budget: ${s}\n`);
  return {
    spec: claude[0] ?? '',
    ...(agents.length ? { agents } : {}),
    ...(agents.length && o.cacheDir ? { agentCacheDir: path.join(path.resolve(o.cacheDir), 'agents') } : {}),
    model: config.model,
    rounds: o.measureRounds ?? 3,
    countRequest: requestTokenCounter(counter, proc.env.ANTHROPIC_API_KEY, proc.env.ANTHROPIC_BASE_URL, log),
    log,
    // The binary is kept in the cache folder too, so that actions/cache keeps it with the rest.
    ...(o.cacheDir ? { cacheDir: path.join(path.resolve(o.cacheDir), 'claude-code') } : {}),
  };
}

/** What a diff may take besides its sides: timed rounds, Claude Code measurement, and the caches of snapshots and digests. */
export interface DiffExtras extends Reuse {
  rounds?: number;
  measure?: MeasureOptions;
}

/** What an analysis may reuse from earlier runs. */
export interface Reuse {
  snapshots?: SnapshotCache;
  digests?: DigestMemo;
}

/**
 * Sides whose commit this build already analyzed with the same options and tokenizer take their
 * snapshot from the cache (only counts of the local tokenizer are reused: never a remote counter's).
 */
export function withCached(sides: Side[], opts: AnalyzeOptions, counter: TokenCounter, snapshots?: SnapshotCache): Side[] {
  const settings = cacheSettings(opts, counter);
  if (!snapshots || !settings) return sides;
  return sides.map((s) => (s.kind !== 'source' || s.cached ? s : { ...s, cached: snapshots.get(s.source, settings) }));
}

/**
 * Everything a snapshot depends on besides its commit and the build (the rest of its cache key), or
 * null when it must be analyzed afresh: timed load-time rounds, or counts from a remote counter.
 */
export function cacheSettings(opts: AnalyzeOptions, counter: TokenCounter): object | null {
  if ((opts.loadTimeRounds ?? 0) > 0 || !counter.localOnly) return null;
  const { model, limits, installedPlugins, listingScope, userScope, ignore, toolVersion, agents } = opts;
  return {
    tokenizer: counter.name,
    toolVersion,
    model,
    limits: limits ?? null,
    installedPlugins: installedPlugins ?? null,
    listingScope: listingScope ?? null,
    userScope: userScope ?? null,
    ignore: ignore ?? null,
    ...(agents?.length ? { agents } : {}),
  };
}

/** Analyzes both sides (interleaving load-time rounds when both are sources) and compares them. */
export async function runDiff(baseSide: Side, headSide: Side, config: Config, counter: TokenCounter, extras: DiffExtras = {}): Promise<GateReport> {
  return (await diffSides(baseSide, headSide, config, counter, extras)).report;
}

/** A diff's report with the two snapshots it compared (what the HTML report draws). */
export interface DiffResult {
  report: GateReport;
  base: Snapshot;
  head: Snapshot;
}

/** runDiff, keeping the snapshots. */
export async function diffSides(baseSide: Side, headSide: Side, config: Config, counter: TokenCounter, extras: DiffExtras = {}): Promise<DiffResult> {
  const { measure, snapshots, digests } = extras;
  const opts = analyzeOptions(config, extras.rounds);
  [baseSide, headSide] = withCached([baseSide, headSide], opts, counter, snapshots) as [Side, Side];
  const known = (s: Side) => (s.kind === 'snapshot' ? s.snapshot : s.cached);
  let base = known(baseSide);
  let head = known(headSide);
  let loadTime: LoadTimeComparison | null = null;
  if (!base && !head && baseSide.kind === 'source' && headSide.kind === 'source') {
    ({ base, head, loadTime } = await analyzePair(baseSide.source, headSide.source, opts, counter, undefined, digests));
    keep(snapshots, counter, opts, [baseSide.source, base], [headSide.source, head]);
  } else {
    base ??= await snapshotOf(baseSide, opts, counter, extras);
    head ??= await snapshotOf(headSide, opts, counter, extras);
  }
  if (measure?.agents?.length) {
    if (baseSide.kind !== 'source' || headSide.kind !== 'source')
      throw new UserError('--measure needs both sides as git revisions or directories (the agents run on the files), not snapshot files');
    [base, head] = (await withAgentMeasurements(
      [
        { name: 'base', source: baseSide.source, snapshot: base },
        { name: 'head', source: headSide.source, snapshot: head },
      ],
      measure,
    )) as [Snapshot, Snapshot];
  }
  if (measure?.spec) {
    if (baseSide.kind !== 'source' || headSide.kind !== 'source')
      throw new UserError('--measure needs both sides as git revisions or directories (Claude Code runs on the files), not snapshot files');
    let m: Awaited<ReturnType<typeof measurePair>>;
    try {
      m = await measurePair({ source: baseSide.source, snapshot: base }, { source: headSide.source, snapshot: head }, measure);
    } catch (e) {
      // Claude Code that can't be run, or sends no request, is reported; the gate decides without it.
      measure.log?.(`could not measure with Claude Code: ${errorMessage(e)}`);
      const report = compare({ base, head, baseLabel: baseSide.label, headLabel: headSide.label, loadTime }, config);
      return { report: { ...report, measureError: errorMessage(e) }, base, head };
    }
    const measured = { base: { ...base, claudeCode: m.base }, head: { ...head, claudeCode: m.head } };
    const report = compare({ ...measured, baseLabel: baseSide.label, headLabel: headSide.label, loadTime: m.loadTime }, config);
    return { report: { ...report, claudeCode: { base: m.base, head: m.head } }, ...measured };
  }
  return { report: compare({ base, head, baseLabel: baseSide.label, headLabel: headSide.label, loadTime }, config), base, head };
}

/** Listed bytes of the sources read, past which the CLI runs in a worker with a capped young generation (worker.ts). */
export const OFFLOAD_BYTES = 32 * 1024 * 1024;

/** Whether the sources still to analyze are large enough to be worth a worker's start-up (about 50 ms of CPU). */
async function large(sides: Side[]): Promise<boolean> {
  let bytes = 0;
  for (const s of sides) if (s.kind === 'source' && !s.cached) for (const e of await s.source.list()) bytes += e.type === 'file' ? e.size : 0;
  return bytes > OFFLOAD_BYTES;
}

export async function diffCommand(positionals: string[], o: CliOptions, proc: Proc): Promise<number> {
  if (positionals.length < 1 || positionals.length > 2) throw new UserError('diff expects <base> [<head>]: git revisions, directories or snapshot JSON files');
  const dir = path.resolve(proc.cwd, o.dir ?? '.');
  const { counter, snapshots, digests, save } = cachesFor(o, proc);
  const found = configFor(dir, o);
  const measure = measureOptions(o, found, counter, proc);
  const config = withMeasuredAgents(found, measure);
  const [baseSide, headSide] = withCached(
    [await openSide(positionals[0], dir), await openSide(positionals[1], dir)],
    analyzeOptions(config, o.rounds),
    counter,
    snapshots,
  );
  if (proc.offload && (await large([baseSide!, headSide!]))) return proc.offload();
  const { report, base, head } = await diffSides(baseSide!, headSide!, config, counter, {
    rounds: o.rounds,
    measure,
    snapshots,
    digests,
  });
  save();
  if (o.html) writeHtml(proc, o.html, renderHtml(pictureOfDiff(base, head, report)));
  // --markdown: the pull request comment as the Action posts it (the job summary has the full report).
  proc.stdout.write(o.json ? jsonOut(report) : logSafe(o.markdown ? renderComment(report) : renderDiffText(report)));
  return report.verdict === 'fail' ? 1 : 0;
}

/**
 * `optimize [dir]`: the plan of edits (the optimizer's transforms on the working tree), and with
 * --apply the edits written, their diff, and the tree measured again (predicted vs achieved).
 */
export async function optimizeCommand(positionals: string[], o: CliOptions, proc: Proc): Promise<number> {
  if (positionals.length > 1) throw new UserError('optimize expects at most one directory');
  const dir = path.resolve(proc.cwd, positionals[0] ?? '.');
  const kinds = parseKinds(o.only);
  const config = configFor(dir, o);
  const source = await openSource(dir);
  if (o.apply && !o.force) {
    const dirty = await dirtyFiles(dir);
    if (dirty === null) throw new UserError(`${dir} is not in a git repository: nothing could undo the edits. Commit it to git first, or pass --force`);
    if (dirty.length)
      throw new UserError(
        `the working tree has changes (${dirty
          .slice(0, 3)
          .map((l) => l.slice(3))
          .join(', ')}${dirty.length > 3 ? ', …' : ''}): commit or stash them first, or pass --force`,
      );
  }
  const { counter, digests, save } = cachesFor(o, proc);
  const opts = analyzeOptions(config);
  const deps = await optimizerDeps(source, opts, counter, digests);
  const { plan, snapshot } = await planOptimizations(kinds, deps);
  if (o.verify && !o.apply) throw new UserError('--verify runs Claude Code before and after the edits: it needs --apply');
  if (o.verify && !/^claude-code(@[\w.-]+)?$/.test(o.verify.trim()))
    throw new UserError(`--verify expects claude-code or claude-code@VERSION, got "${o.verify}"`);
  const verify =
    o.verify && plan.steps.length ? measureOptions({ measure: o.verify, measureRounds: 1, cacheDir: o.cacheDir }, config, counter, proc) : undefined;
  // Claude Code on the tree as it is, before anything is written.
  const measuredBefore = verify ? await measureOne(source, snapshot, verify) : undefined;
  if (o.apply && plan.steps.length) {
    const edits = netEdits(plan.steps);
    const { written, skipped } = writeFiles(dir, new Map(edits.map((e) => [e.path, e.after])));
    if (skipped.length) throw new UserError(`not written (nothing was): ${skipped.map((x) => `${x.path}: ${x.why}`).join('; ')}`);
    const afterSource = await openSource(dir);
    const after = await analyze(afterSource, opts, counter, undefined, digests);
    const diff = edits
      .map((e) =>
        createTwoFilesPatch(e.before === null ? '/dev/null' : `a/${e.path}`, e.after === null ? '/dev/null' : `b/${e.path}`, e.before ?? '', e.after ?? ''),
      )
      .join('');
    plan.applied = { after: figuresOf(after), results: await achievedByKind(plan, after, deps), diff, written };
    if (verify && measuredBefore) plan.applied.verify = verifyPlan(plan, measuredBefore, await measureOne(afterSource, after, verify));
  }
  save();
  proc.stdout.write(o.json ? jsonOut(plan) : logSafe(renderOptimizeText(plan, { dir: positionals[0] ?? '.', apply: !!o.apply, only: o.only })));
  // A verification that fails is the run's failure (the edits stay written: the diff shows them).
  return plan.applied?.verify && !plan.applied.verify.ok ? 1 : 0;
}

/**
 * What the optimizer reads and measures a source with (the CLI's working tree, the Action's commit):
 * analyses of the tree with edits in memory (the tree as it is: `known`, when already analyzed),
 * its texts, its links and files, and token counts.
 */
export async function optimizerDeps(
  source: FrameworkSource,
  opts: AnalyzeOptions,
  counter: TokenCounter,
  digests?: DigestMemo,
  known?: Snapshot,
): Promise<OptimizeDeps> {
  const listing = await source.list();
  return {
    measure: async (changes) => (!changes.size && known ? known : analyze(overlaySource(source, changes), opts, counter, undefined, digests)),
    read: async (paths) => new Map([...(await source.read(paths))].map(([p, b]) => [p, b.data.toString('utf8')])),
    links: new Set(listing.filter((e) => e.type === 'symlink').map((e) => e.path)),
    paths: async () => listing.filter((e) => e.type === 'file').map((e) => e.path),
    count: async (texts) => {
      const keyed = texts.map((t) => ({ key: TokenCounter.key(t), text: t }));
      const counts = await counter.countAll(keyed);
      return keyed.map((k) => counts.get(k.key) ?? 0);
    },
  };
}

/** --only KIND (repeatable, or comma-separated): the transforms to run; every kind by default. */
function parseKinds(only: readonly string[] | undefined): Set<OptimizeKind> {
  if (!only?.length) return new Set(OPTIMIZE_KINDS);
  const bad = only.filter((k) => !OPTIMIZE_KINDS.includes(k as OptimizeKind));
  if (bad.length) throw new UserError(`--only: unknown kind "${bad[0]}"; kinds: ${OPTIMIZE_KINDS.join(', ')}`);
  return new Set(only as OptimizeKind[]);
}
