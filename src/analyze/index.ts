import type { FrameworkSource, TreeEntry } from '../collect/types.js';
import { AGENT_PROFILES } from '../model/agents.js';
import { analyzeAgent } from './agents.js';
import type { LoadTimeComparison } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import type { TokenCounter } from '../tokenize/counter.js';
import { digest, type DigestMemo } from './digest.js';
import { measure } from './measure.js';
import { load, withKnownBlobs, type AnalyzeOptions, type Loaded } from './load.js';
import { buildPlan, type ParseCache } from './plan.js';
import { Tree } from './tree.js';

export { load, withKnownBlobs, type AnalyzeOptions, type Loaded } from './load.js';
export { isDigest, type DigestMemo } from './digest.js';

/** Time spent on load-time rounds per side, at most (after the first round); the rounds done are reported. */
export const LOAD_TIME_BUDGET_MS = 750;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface Clock {
  now(): number;
}

export const performanceClock: Clock = { now: () => performance.now() };

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
export async function analyze(
  source: FrameworkSource,
  opts: AnalyzeOptions,
  counter: TokenCounter,
  clock: Clock = performanceClock,
  digests?: DigestMemo,
): Promise<Snapshot> {
  const loaded = await load(source, opts);
  await digest([loaded], counter, digests);
  const rounds = Math.max(0, opts.loadTimeRounds ?? 5);
  if (rounds === 0) loaded.contents.clear(); // digested: the bytes can go
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    samples.push(timePlan(loaded, opts, clock));
    if (sum(samples) > LOAD_TIME_BUDGET_MS) break;
  }
  return withAgents(await measureLoaded(loaded, counter, opts, summarizeTimes(samples)), source, loaded.entries, opts, counter);
}

/** The snapshot with what each other agent asked for loads of the same tree (analyze/agents.ts). */
async function withAgents(s: Snapshot, source: FrameworkSource, entries: TreeEntry[], opts: AnalyzeOptions, counter: TokenCounter): Promise<Snapshot> {
  if (!opts.agents?.length) return s;
  const agents = [];
  for (const id of opts.agents) agents.push(await analyzeAgent(source, AGENT_PROFILES[id], counter, entries));
  return { ...s, agents };
}

function measureLoaded(loaded: Loaded, counter: TokenCounter, opts: AnalyzeOptions, loadTime: Snapshot['loadTime']): Promise<Snapshot> {
  return measure(loaded.plan, counter, { model: opts.model, source: loaded.source, toolVersion: opts.toolVersion, loadTime, listingScope: opts.listingScope });
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
  digests?: DigestMemo,
): Promise<PairResult> {
  // Base and head share most blobs: frontmatter parsing and digests are shared by both sides.
  const parseCache: ParseCache = new Map();
  // The head is read after the base, taking every blob the base already read (by its git SHA) from
  // memory: base and head share almost all of them, so each distinct blob is read from git once.
  const a = await load(baseSource, opts, parseCache);
  const headRead = withKnownBlobs(headSource, a.contents);
  const b = await load(headRead, opts, parseCache);
  const agents = (s: Snapshot, l: Loaded, src: FrameworkSource) => withAgents(s, src, l.entries, opts, counter);
  // One digest for both sides: a blob both share is decoded, counted and scanned once.
  await digest([a, b], counter, digests);
  const rounds = Math.max(0, opts.loadTimeRounds ?? 3);
  // No timed rounds (the default; timing is opt-in): the raw bytes are not needed again.
  if (rounds === 0) {
    a.contents.clear();
    b.contents.clear();
    const none = summarizeTimes([]);
    return {
      base: await agents(await measureLoaded(a, counter, opts, none), a, baseSource),
      head: await agents(await measureLoaded(b, counter, opts, none), b, headRead),
      loadTime: null,
    };
  }
  // The loading passes above warmed the code up; each timed round plans from the raw bytes again.
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
  const r2 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    base: await agents(await measureLoaded(a, counter, opts, ta), a, baseSource),
    head: await agents(await measureLoaded(b, counter, opts, tb), b, headRead),
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
