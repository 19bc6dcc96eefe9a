import os from 'node:os';
import path from 'node:path';
import { readCacheFile, writeJsonFile } from '../collect/json-cache.js';
import type { CountStore } from './counter.js';

/**
 * Token counts persisted as one JSON file (key: tokenizer + content hash), read on first use (a run
 * whose snapshots all come from the cache never reads it). Corrupt files are ignored.
 */
export class FileCountStore implements CountStore {
  private loaded: Map<string, number> | undefined;
  private dirty = false;

  constructor(readonly file: string) {}

  private get data(): Map<string, number> {
    if (this.loaded) return this.loaded;
    this.loaded = new Map();
    try {
      const parsed = JSON.parse(readCacheFile(this.file)) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number') this.loaded.set(k, v);
    } catch {
      // No cache yet, or unreadable: start empty.
    }
    return this.loaded;
  }

  get size(): number {
    return this.data.size;
  }

  get(key: string): number | undefined {
    return this.data.get(key);
  }

  set(key: string, value: number): void {
    this.data.set(key, value);
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    writeJsonFile(this.file, Object.fromEntries(this.data));
    this.dirty = false;
  }
}

export const CACHE_FILE = 'token-counts-v1.json';

export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  return env.CONTEXT_BUDGET_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'context-budget');
}

/** The CLI's cache folder: --cache-dir (relative to the working directory), else the default. */
export function cacheDirOf(o: { cacheDir?: string }, proc: { cwd: string; env: NodeJS.ProcessEnv }): string {
  return o.cacheDir ? path.resolve(proc.cwd, o.cacheDir) : defaultCacheDir(proc.env, os.homedir());
}

/** Node's module compile cache of the bundle, inside the cache folder. */
export const COMPILE_CACHE_DIR = 'v8-compile';
