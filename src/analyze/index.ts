import path from 'node:path';
import type { Blob, FrameworkSource, TreeEntry } from '../collect/types.js';
import { DEFAULT_LIMITS, type Limits, type LoadingModel } from '../model/constants.js';
import type { LoadTimeComparison } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import type { TokenCounter } from '../tokenize/counter.js';
import type { ContentMemo } from './content.js';
import { countItems, measure } from './measure.js';
import { buildPlan, candidatePaths, type ParseCache, type Plan, type PlanOptions } from './plan.js';
import { findImports } from './markdown.js';
import { Tree } from './tree.js';

export interface AnalyzeOptions {
  model: LoadingModel;
  limits?: Limits;
  installedPlugins?: PlanOptions['installedPlugins'];
  /** A folder of the repository installed as ~/.claude (user scope). */
  userScope?: string;
  listingScope?: 'auto' | 'installed' | 'per-plugin';
  /** Rounds of discovery+parsing timed for loadTime (median reported). */
  loadTimeRounds?: number;
  toolVersion: string;
}

/** Memory files whose imports are followed while reading. */
const MEMORY_FILE = /(^|\/)(CLAUDE\.md|CLAUDE\.local\.md|AGENTS\.md|\.claude\/rules\/.+\.md)$/;

/** Time spent on load-time rounds per side, at most (after the first round); the rounds done are reported. */
export const LOAD_TIME_BUDGET_MS = 750;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface Clock {
  now(): number;
}

export const performanceClock: Clock = { now: () => performance.now() };

/** What was read from a source: enough to plan (and re-plan for load-time rounds) without more I/O. */
export interface Loaded {
  entries: TreeEntry[];
  /** Framework files past limits.maxFiles, not read. */
  notRead: number;
  /** Files listed but not readable, and the run's limits that were reached while reading. */
  unreadable: Map<string, string>;
  limitsReached: string[];
  tree: Tree;
  contents: Map<string, Blob>;
  plan: Plan;
  source: Snapshot['source'];
}

/** Reads everything the plan needs from the source, in a few batches (candidates, then what imports and manifests point to). */
export async function load(
  source: FrameworkSource,
  opts: Pick<AnalyzeOptions, 'model' | 'limits' | 'installedPlugins' | 'userScope'>,
  parseCache: ParseCache = new Map(),
): Promise<Loaded> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const entries = await source.list();
  const tree = new Tree(entries, limits.maxSymlinkHops, limits.maxSymlinkExpansion);
  const started = Date.now();
  let bytesRead = 0;
  const limitsReached: string[] = [];
  const unreadable = new Map<string, string>();
  const contents = new Map<string, Blob>();
  const attempted = new Set<string>();
  const readable = (paths: string[]) => {
    const out: string[] = [];
    for (const p of paths) {
      const real = tree.real(p);
      if (!real || attempted.has(real)) continue;
      attempted.add(real);
      const e = tree.files.get(real);
      if (!e || e.size > limits.maxFileBytes) continue;
      // Hard budgets of the run, whatever the framework says: total bytes, and time.
      if (bytesRead + e.size > limits.maxTotalBytes) {
        if (!limitsReached.includes('maxTotalBytes')) limitsReached.push('maxTotalBytes');
        continue;
      }
      if (Date.now() - started > limits.maxSeconds * 1000) {
        if (!limitsReached.includes('maxSeconds')) limitsReached.push('maxSeconds');
        continue;
      }
      bytesRead += e.size;
      out.push(real);
    }
    return out;
  };
  const readBatch = async (paths: string[]): Promise<void> => {
    if (!paths.length) return;
    const got = await source.read(paths);
    for (const [p, b] of got) contents.set(p, b);
    // A file that was listed but could not be read is reported, never counted as empty.
    for (const p of paths) if (!got.has(p)) unreadable.set(p, 'listed but could not be read');
  };
  const candidates = readable(candidatePaths(tree));
  // Past the file limit, the rest is reported, not read (hostile trees stay bounded).
  let batch = candidates.slice(0, limits.maxFiles);
  const notRead = candidates.length - batch.length;
  let plan: Plan | undefined;
  // Import chains are followed while reading (cheap scans of the files just read), so that a chain
  // of imports costs one more read, not one more planning pass per level.
  const followImports = async (read: string[], memoryOnly: boolean): Promise<void> => {
    let frontier = read;
    for (let level = 0; level < opts.model.importMaxDepth && frontier.length; level++) {
      const next: string[] = [];
      for (const p of frontier) {
        if (memoryOnly && level === 0 && !MEMORY_FILE.test(p)) continue;
        const blob = contents.get(p);
        if (!blob || !/\.md$/i.test(p) || !blob.data.includes(64 /* @ */)) continue;
        for (const imp of findImports(blob.data.toString('utf8'))) {
          if (imp.ref.startsWith('/') || imp.ref.startsWith('~')) continue;
          const n = Tree.normalize(path.posix.join(path.posix.dirname(p), imp.ref));
          if (n) next.push(n);
        }
      }
      frontier = readable(next);
      await readBatch(frontier);
    }
  };
  for (let round = 0; round < 12; round++) {
    if (batch.length) {
      await readBatch(batch);
      await followImports(batch, round === 0);
    }
    plan = buildPlan(tree, contents, {
      model: opts.model,
      limits,
      installedPlugins: opts.installedPlugins,
      userScope: opts.userScope,
      parseCache,
      notRead,
      unreadable,
      limitsReached,
    });
    batch = readable(plan.missing);
    if (batch.length === 0) break;
  }
  const src: Snapshot['source'] = {
    kind: source.kind,
    root: source.root,
    ...(source.ref ? { ref: source.ref } : {}),
    ...(source.commit ? { commit: source.commit } : {}),
  };
  return { entries, notRead, tree, contents, plan: plan!, source: src, unreadable, limitsReached };
}

/** A source whose reads skip the blobs already known by SHA (git sources list their SHAs up front). */
export function withKnownBlobs(source: FrameworkSource, known: ReadonlyMap<string, Blob>): FrameworkSource {
  const bySha = new Map<string, Blob>();
  for (const b of known.values()) bySha.set(b.sha, b);
  return {
    ...source,
    list: () => source.list(),
    async read(paths) {
      const entries = new Map((await source.list()).map((e) => [e.path, e]));
      const out = new Map<string, Blob>();
      const rest: string[] = [];
      for (const p of paths) {
        const sha = entries.get(p)?.sha;
        const hit = sha ? bySha.get(sha) : undefined;
        if (hit) out.set(p, hit);
        else rest.push(p);
      }
      if (rest.length) for (const [p, b] of await source.read(rest)) out.set(p, b);
      return out;
    },
  };
}

/** Times discovery and parsing (the plan) over the loaded contents: one sample per call. */
export function timePlan(
  loaded: Loaded,
  opts: Pick<AnalyzeOptions, 'model' | 'limits' | 'installedPlugins' | 'userScope'>,
  clock: Clock = performanceClock,
): number {
  const t0 = clock.now();
  const tree = new Tree(loaded.entries, opts.limits?.maxSymlinkHops, opts.limits?.maxSymlinkExpansion);
  buildPlan(tree, loaded.contents, {
    model: opts.model,
    limits: opts.limits,
    installedPlugins: opts.installedPlugins,
    userScope: opts.userScope,
    notRead: loaded.notRead,
    unreadable: loaded.unreadable,
    limitsReached: loaded.limitsReached,
  });
  return clock.now() - t0;
}

export function summarizeTimes(samples: number[]): Snapshot['loadTime'] {
  const s = [...samples].sort((a, b) => a - b);
  const med = s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { medianMs: r(med), rounds: s.length, minMs: r(s[0] ?? 0), maxMs: r(s[s.length - 1] ?? 0), spreadMs: r((s[s.length - 1] ?? 0) - (s[0] ?? 0)) };
}

/** The analyze stage: source -> snapshot. */
export async function analyze(source: FrameworkSource, opts: AnalyzeOptions, counter: TokenCounter, clock: Clock = performanceClock): Promise<Snapshot> {
  const loaded = await load(source, opts);
  const rounds = Math.max(0, opts.loadTimeRounds ?? 5);
  if (rounds === 0) loaded.contents.clear(); // the plan holds the decoded texts; the bytes can go
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    samples.push(timePlan(loaded, opts, clock));
    if (sum(samples) > LOAD_TIME_BUDGET_MS) break;
  }
  return measure(loaded.plan, counter, {
    model: opts.model,
    source: loaded.source,
    toolVersion: opts.toolVersion,
    loadTime: summarizeTimes(samples),
    listingScope: opts.listingScope,
  });
}

export interface PairResult {
  base: Snapshot;
  head: Snapshot;
  /** Null when no timed rounds were asked for. */
  loadTime: LoadTimeComparison | null;
}

/**
 * Both sides of a diff: loaded once each, then timed in interleaved rounds (A B A B ...) in this one
 * process, so that machine noise hits both alike; the ratio is reported with the spread of the per-round ratios.
 */
export async function analyzePair(
  baseSource: FrameworkSource,
  headSource: FrameworkSource,
  opts: AnalyzeOptions,
  counter: TokenCounter,
  clock: Clock = performanceClock,
): Promise<PairResult> {
  // Base and head share most blobs: decoding and frontmatter parsing are shared by their loading passes.
  const parseCache: ParseCache = new Map();
  // The head is read after the base, taking every blob the base already read (by its git SHA) from
  // memory: base and head share almost all of them, so each distinct blob is read from git once.
  const a = await load(baseSource, opts, parseCache);
  const b = await load(withKnownBlobs(headSource, a.contents), opts, parseCache);
  const rounds = Math.max(0, opts.loadTimeRounds ?? 3);
  // Without timed rounds the raw bytes are not needed again: the plans hold the decoded texts.
  if (rounds === 0) {
    a.contents.clear();
    b.contents.clear();
  }
  // Both sides are counted in one batch, so that they are counted the same way (a remote counter's
  // fallback can't leave one side exact and the other estimated).
  await counter.countAll([...countItems(a.plan), ...countItems(b.plan)]);
  // The loading passes above warmed the code up; each timed round plans from the raw bytes again.
  // No rounds asked for: no timing at all (the default; timing is opt-in).
  const contentMemo0: ContentMemo = new Map();
  if (rounds === 0) {
    const none = summarizeTimes([]);
    const base = await measure(a.plan, counter, {
      model: opts.model,
      source: a.source,
      toolVersion: opts.toolVersion,
      loadTime: none,
      listingScope: opts.listingScope,
      contentMemo: contentMemo0,
    });
    const head = await measure(b.plan, counter, {
      model: opts.model,
      source: b.source,
      toolVersion: opts.toolVersion,
      loadTime: none,
      listingScope: opts.listingScope,
      contentMemo: contentMemo0,
    });
    return { base, head, loadTime: null };
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    sa.push(timePlan(a, opts, clock));
    sb.push(timePlan(b, opts, clock));
    // Large frameworks: fewer rounds, within a time budget (the count is reported).
    if (sum(sa) + sum(sb) > 2 * LOAD_TIME_BUDGET_MS) break;
  }
  const ratios = sa.map((x, i) => sb[i]! / Math.max(x, 1e-6));
  const ta = summarizeTimes(sa);
  const tb = summarizeTimes(sb);
  const contentMemo: ContentMemo = new Map();
  const base = await measure(a.plan, counter, {
    model: opts.model,
    source: a.source,
    toolVersion: opts.toolVersion,
    loadTime: ta,
    listingScope: opts.listingScope,
    contentMemo,
  });
  const head = await measure(b.plan, counter, {
    model: opts.model,
    source: b.source,
    toolVersion: opts.toolVersion,
    loadTime: tb,
    listingScope: opts.listingScope,
    contentMemo,
  });
  const r2 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    base,
    head,
    loadTime: {
      rounds,
      baseMedianMs: ta.medianMs,
      headMedianMs: tb.medianMs,
      ratio: r2(tb.medianMs / Math.max(ta.medianMs, 1e-6)),
      ratioMin: r2(Math.min(...ratios)),
      ratioMax: r2(Math.max(...ratios)),
    },
  };
}
