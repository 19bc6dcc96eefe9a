import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes value as JSON to file, whole or not at all (a temporary file renamed over it), its folder made if needed. */
export function writeJsonFile(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  // Created afresh (O_EXCL): whatever stood at the temporary name (a FIFO, a link) is not opened.
  rmSync(tmp, { force: true });
  writeFileSync(tmp, JSON.stringify(value), { flag: 'wx' });
  renameSync(tmp, file);
}

/**
 * A cache file's text, read only when it is a regular file: opened without blocking and without
 * following a final symlink, so that a FIFO or a device restored with a cache can't hang the run and
 * a link can't point the read elsewhere. Throws otherwise (callers read that as a miss).
 */
export function readCacheFile(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${file} is not a regular file`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Values by key in one JSON file, valid for one build of the tool (its build id): read on first use,
 * written back when something was added, most recently used last and at most `max` entries. A file
 * of another build, a damaged file or an entry that fails `valid` reads as a miss, never an error.
 */
export class JsonFileCache<V> {
  private entries: Map<string, V> | undefined;
  private readonly used = new Set<string>();
  private dirty = false;

  constructor(
    readonly file: string,
    readonly buildId: string,
    private readonly max: number,
    private readonly valid: (v: unknown) => v is V,
  ) {}

  private load(): Map<string, V> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    try {
      const stored = JSON.parse(readCacheFile(this.file)) as { buildId?: unknown; entries?: unknown };
      if (stored?.buildId === this.buildId && stored.entries && typeof stored.entries === 'object' && !Array.isArray(stored.entries))
        for (const [k, v] of Object.entries(stored.entries)) if (this.valid(v)) this.entries.set(k, v);
    } catch {
      // No cache yet, or unreadable: start empty.
    }
    return this.entries;
  }

  get(key: string): V | undefined {
    const v = this.load().get(key);
    if (v !== undefined) this.used.add(key);
    return v;
  }

  set(key: string, value: V): void {
    this.load().set(key, value);
    this.used.add(key);
    this.dirty = true;
  }

  /** Writes the file when something was added: the entries this run used last, the oldest dropped past `max`. */
  save(): void {
    if (!this.dirty || !this.entries) return;
    const ordered: [string, V][] = [];
    for (const [k, v] of this.entries) if (!this.used.has(k)) ordered.push([k, v]);
    for (const k of this.used) ordered.push([k, this.entries.get(k)!]);
    const kept = ordered.slice(Math.max(0, ordered.length - this.max));
    writeJsonFile(this.file, { buildId: this.buildId, entries: Object.fromEntries(kept) });
    this.entries = new Map(kept);
    this.dirty = false;
  }
}
