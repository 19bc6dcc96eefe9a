import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { readCacheFile, writeJsonFile } from './json-cache.js';
import path from 'node:path';
import type { Snapshot } from '../model/snapshot.js';
import { sourceInfo, type FrameworkSource } from './types.js';

/**
 * Snapshots of commits already analyzed, keyed by everything a snapshot depends on: the commit (a
 * commit's tree never changes), the settings of the analysis (the caller's: loading model, limits,
 * installed plugins, scopes, tokenizer), and the build of the tool itself (its build id: any change
 * to the code is a new key, so a snapshot never outlives the code that made it).
 *
 * Only what is decided by those alone is stored: working trees (files change under the same path)
 * are never cached, and neither are runs cut short by the time limit (`maxSeconds` depends on the
 * machine). The caller passes no settings (null) for what must be analyzed afresh. The cache
 * folder is trusted as the repository is (as the token counts always were): its entries are read as written.
 */
export interface SnapshotCache {
  get(source: FrameworkSource, settings: object | null): Snapshot | undefined;
  set(source: FrameworkSource, settings: object | null, snapshot: Snapshot): void;
}

/** Snapshots kept in the cache folder, and their bytes at most (a 50,000-file framework's is about 40 MB); the least recently used go first. */
export const SNAPSHOT_CACHE_KEEP = 32;
export const SNAPSHOT_CACHE_MAX_BYTES = 256 * 1024 * 1024;
export const SNAPSHOT_DIR = 'snapshots-v1';
/** Written next to each bundle by scripts/write-ranks.mjs: a hash of the bundle's code. */
export const BUILD_ID_FILE = 'build-id';

/** This bundle's build id, or null when running unbundled (tests, tsc output): then no snapshot is cached. */
export function readBuildId(): string | null {
  try {
    const id = readFileSync(new URL(BUILD_ID_FILE, import.meta.url), 'utf8').trim();
    return /^[0-9a-f]{16,}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** The name of a snapshot file this store writes: its key (SHA-256, hex) and `.json`. */
const SNAPSHOT_FILE = /^[0-9a-f]{64}\.json$/;

/** The cache key of a source analyzed with settings (JSON data), or null when its snapshot can't be reused. */
export function snapshotKey(buildId: string, source: FrameworkSource, settings: object | null): string | null {
  if (source.kind !== 'git' || !source.commit || !settings) return null;
  return createHash('sha256')
    .update(JSON.stringify({ buildId, commit: source.commit, settings }))
    .digest('hex');
}

/**
 * Whether a freshly made snapshot may be stored: not with timed rounds, nor when the time limit
 * (`limits.maxSeconds`) stopped reading, which depends on the machine. The other hard limits (files,
 * bytes, symlink expansion) stop at the same place on every run: such a snapshot is kept.
 */
export function reusable(snapshot: Snapshot): boolean {
  return snapshot.loadTime.rounds === 0 && !snapshot.diagnostics.some((d) => d.code === 'limit-reached' && /\bmaxSeconds\b/.test(d.message));
}

/** One JSON file per snapshot under dir. Unreadable or damaged entries are misses, never errors. */
export class SnapshotStore implements SnapshotCache {
  private readonly keep: number;
  private readonly maxBytes: number;
  private readonly warn: (message: string) => void;

  constructor(
    readonly dir: string,
    readonly buildId: string,
    o: { keep?: number; maxBytes?: number; warn?: (message: string) => void } = {},
  ) {
    this.keep = o.keep ?? SNAPSHOT_CACHE_KEEP;
    this.maxBytes = o.maxBytes ?? SNAPSHOT_CACHE_MAX_BYTES;
    this.warn = o.warn ?? (() => undefined);
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  get(source: FrameworkSource, settings: object | null): Snapshot | undefined {
    const key = snapshotKey(this.buildId, source, settings);
    if (!key) return undefined;
    const file = this.file(key);
    let stored: { key?: unknown; snapshot?: Snapshot };
    try {
      stored = JSON.parse(readCacheFile(file)) as typeof stored;
    } catch {
      return undefined;
    }
    const s = stored?.snapshot;
    if (stored?.key !== key || !s || typeof s !== 'object' || !Array.isArray(s.files) || !s.totals || !s.listings) return undefined;
    try {
      const now = new Date();
      utimesSync(file, now, now); // recently used: pruned last
    } catch {
      // A read-only cache still serves.
    }
    // The snapshot is the commit's; where it was read from and under which name is this run's.
    return { ...s, source: sourceInfo(source) };
  }

  set(source: FrameworkSource, settings: object | null, snapshot: Snapshot): void {
    const key = snapshotKey(this.buildId, source, settings);
    if (!key || !reusable(snapshot)) return;
    try {
      writeJsonFile(this.file(key), { key, snapshot });
      this.prune();
    } catch (e) {
      this.warn(`could not write the snapshot cache ${this.dir}: ${(e as Error).message}`);
    }
  }

  /**
   * Keeps the most recently used `keep` snapshots. Touches only files this store writes (a key's
   * name, a regular file) in a folder that is not a symlink: pruning never deletes anything else.
   */
  private prune(): void {
    if (lstatSync(this.dir).isSymbolicLink()) return this.warn(`the snapshot cache ${this.dir} is a symlink: not pruned`);
    const files = readdirSync(this.dir)
      .filter((f) => SNAPSHOT_FILE.test(f))
      .flatMap((f) => {
        const p = path.join(this.dir, f);
        try {
          const st = lstatSync(p);
          return st.isFile() ? [{ p, t: st.mtimeMs, size: st.size }] : [];
        } catch {
          return [];
        }
      })
      .sort((a, b) => b.t - a.t);
    let bytes = 0;
    files.forEach(({ p, size }, i) => {
      bytes += size;
      // The newest is always kept, however large.
      if (i > 0 && (i >= this.keep || bytes > this.maxBytes)) rmSync(p, { force: true });
    });
  }
}
