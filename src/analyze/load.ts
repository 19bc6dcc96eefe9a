import type { AgentId } from '../model/agents.js';
import picomatch from 'picomatch';
/**
 * Reading a side for the analyzer: the framework's candidate files, then what imports and manifests
 * point to, in a few batches, within the run's limits (files, bytes, time); what can't be read is
 * reported. The only place the analyzer asks its source for bytes.
 */
import path from 'node:path';
import { sourceInfo, type Blob, type FrameworkSource, type TreeEntry } from '../collect/types.js';
import { DEFAULT_LIMITS } from '../model/constants.js';
import type { Snapshot } from '../model/snapshot.js';
import { findImports } from './markdown.js';
import { buildPlan, candidatePaths, type ParseCache, type Plan } from './plan.js';
import { Tree } from './tree.js';
import type { Limits, LoadingModel } from '../model/constants.js';
import type { PlanOptions } from './plan.js';

export interface AnalyzeOptions {
  model: LoadingModel;
  limits?: Limits;
  installedPlugins?: PlanOptions['installedPlugins'];
  /** A folder of the repository installed as ~/.claude (user scope). */
  userScope?: string;
  /** Globs of paths left out as if absent (config `ignore`: content, not framework). */
  ignore?: readonly string[];
  listingScope?: 'auto' | 'installed' | 'per-plugin';
  /** Rounds of discovery+parsing timed for loadTime (median reported). */
  loadTimeRounds?: number;
  toolVersion: string;
  /** Other agents to analyze too (their snapshots go in `agents`). */
  agents?: AgentId[];
}

/** The first line of a Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/v1\n');

/** Memory files whose imports are followed while reading. */
const MEMORY_FILE = /(^|\/)(CLAUDE\.md|CLAUDE\.local\.md|AGENTS\.md|\.claude\/rules\/.+\.md)$/;

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
  opts: Pick<AnalyzeOptions, 'model' | 'limits' | 'installedPlugins' | 'userScope' | 'ignore'>,
  parseCache: ParseCache = new Map(),
): Promise<Loaded> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const listed = await source.list();
  const ignored = opts.ignore?.length ? picomatch([...opts.ignore], { dot: true }) : null;
  const entries = ignored ? listed.filter((e) => !ignored(e.path)) : listed;
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
    for (const [p, b] of got) {
      contents.set(p, b);
      // A Git LFS pointer stands where the file is: what sessions load is in LFS, not in git.
      if (b.data.length < 1024 && b.data.subarray(0, LFS_POINTER.length).equals(LFS_POINTER))
        unreadable.set(p, 'a Git LFS pointer (the content is stored in LFS, not in the commit)');
    }
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
  return { entries, notRead, tree, contents, plan: plan!, source: sourceInfo(source), unreadable, limitsReached };
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
