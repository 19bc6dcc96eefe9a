import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileCache } from '../../src/collect/json-cache.js';
import { gitSource } from '../../src/collect/git.js';
import { normalizeConfig } from '../../src/config/load.js';
import { analyzeOptions, DIGEST_FILE, persistentCaches, runDiff, snapshotOf } from '../../src/pipeline.js';
import { cleanup, commitAll, gitInit, tmpDir, writeFiles } from '../helpers.js';

let dir: string;
beforeEach(() => (dir = tmpDir()));
afterEach(() => cleanup(dir));

const isNumber = (v: unknown): v is number => typeof v === 'number';

describe('JsonFileCache', () => {
  it('reads back what a run of the same build wrote; another build, a damaged file or a bad entry is a miss', () => {
    const file = path.join(dir, 'c.json');
    const a = new JsonFileCache(file, 'build-1', 10, isNumber);
    a.set('x', 1);
    a.set('y', 2);
    a.save();
    expect(new JsonFileCache(file, 'build-1', 10, isNumber).get('x')).toBe(1);
    expect(new JsonFileCache(file, 'build-2', 10, isNumber).get('x')).toBeUndefined();
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.entries.y = 'not a number';
    writeFileSync(file, JSON.stringify(stored));
    const b = new JsonFileCache(file, 'build-1', 10, isNumber);
    expect([b.get('x'), b.get('y')]).toEqual([1, undefined]);
    writeFileSync(file, '{"buildId":"build-1","entries":{"x":');
    expect(new JsonFileCache(file, 'build-1', 10, isNumber).get('x')).toBeUndefined();
  });

  it('keeps the entries used most recently, at most max, and writes only when something was added', () => {
    const file = path.join(dir, 'c.json');
    const a = new JsonFileCache(file, 'b', 3, isNumber);
    for (const [k, v] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      a.set(k, v);
    a.save();
    const b = new JsonFileCache(file, 'b', 3, isNumber);
    b.get('a'); // used: kept over b and c
    b.set('d', 4);
    b.save();
    const c = new JsonFileCache(file, 'b', 3, isNumber);
    expect(['a', 'b', 'c', 'd'].map((k) => c.get(k))).toEqual([1, undefined, 3, 4]);
    const before = readFileSync(file, 'utf8');
    c.save(); // nothing added
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('digests kept between runs', () => {
  it('are what a later run of the same build reads instead of scanning the files again', async () => {
    const repo = tmpDir();
    try {
      writeFiles(repo, { 'CLAUDE.md': '# Project\n\nRun /review before merging.\n\nKeep functions short.\n' });
      const base = gitInit(repo);
      writeFiles(repo, { '.claude/commands/review.md': '# Review\n\nRead the diff.\n\nRead the diff.\n' });
      const head = commitAll(repo, 'a command');
      const config = normalizeConfig({}, 'defaults');
      const diff = async () => {
        const c = persistentCaches(dir, () => undefined, 'build-1');
        const r = await runDiff(
          { kind: 'source', source: await gitSource(repo, base), label: 'base' },
          { kind: 'source', source: await gitSource(repo, head), label: 'head' },
          config,
          c.counter,
          { digests: c.digests },
        );
        c.save();
        return r;
      };
      const first = await diff();
      const file = path.join(dir, DIGEST_FILE);
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      expect(Object.keys(stored.entries).length).toBeGreaterThanOrEqual(2);
      expect(await diff()).toEqual(first);
      // Proof that they are read: a digest changed by hand is what the next analysis reports.
      for (const d of Object.values(stored.entries) as { chars: number }[]) d.chars += 1000;
      writeFileSync(file, JSON.stringify(stored));
      const c = persistentCaches(dir, () => undefined, 'build-1');
      const snap = await snapshotOf({ kind: 'source', source: await gitSource(repo, head), label: 'head' }, analyzeOptions(config), c.counter, {
        digests: c.digests,
      });
      expect(snap.files.find((f) => f.path === 'CLAUDE.md')?.chars).toBeGreaterThan(1000);
      const fresh = persistentCaches(dir, () => undefined, 'build-2'); // another build: scanned again
      const again = await snapshotOf({ kind: 'source', source: await gitSource(repo, head), label: 'head' }, analyzeOptions(config), fresh.counter, {
        digests: fresh.digests,
      });
      expect(again.files.find((f) => f.path === 'CLAUDE.md')?.chars).toBeLessThan(100);
    } finally {
      cleanup(repo);
    }
  });
});

describe('hostile cache folders (issue 19, class 5)', () => {
  it('a FIFO in place of a cache file is a miss, not a hang; a symlinked cache file is not followed', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, symlinkSync, writeFileSync: write } = await import('node:fs');
    const os = await import('node:os');
    const { JsonFileCache: Cache, readCacheFile } = await import('../../src/collect/json-cache.js');
    const d = mkdtempSync(path.join(os.tmpdir(), 'cb-fifo-'));
    const fifo = path.join(d, 'digests-v1.json');
    execFileSync('mkfifo', [fifo]);
    expect(() => readCacheFile(fifo)).toThrow(/not a regular file/);
    const c = new Cache<number>(fifo, 'b', 10, (v): v is number => typeof v === 'number');
    expect(c.get('x')).toBeUndefined();
    c.set('x', 1);
    c.save(); // replaces the FIFO by a file
    expect(new Cache<number>(fifo, 'b', 10, (v): v is number => typeof v === 'number').get('x')).toBe(1);
    write(path.join(d, 'target.json'), JSON.stringify({ buildId: 'b', entries: { y: 2 } }));
    symlinkSync('target.json', path.join(d, 'linked.json'));
    expect(new Cache<number>(path.join(d, 'linked.json'), 'b', 10, (v): v is number => typeof v === 'number').get('y')).toBeUndefined();
    // A FIFO at the temporary name of a write does not block it either.
    execFileSync('mkfifo', [`${fifo}.${process.pid}.tmp`]);
    c.set('z', 3);
    c.save();
    expect(new Cache<number>(fifo, 'b', 10, (v): v is number => typeof v === 'number').get('z')).toBe(3);
  });

  it('pruning a symlinked snapshots folder, or one with foreign files, deletes nothing it did not write', async () => {
    const { existsSync, mkdtempSync, mkdirSync: mk, symlinkSync, writeFileSync: write, readdirSync } = await import('node:fs');
    const os = await import('node:os');
    const { SnapshotStore } = await import('../../src/collect/snapshot-cache.js');
    const root = mkdtempSync(path.join(os.tmpdir(), 'cb-prune-'));
    const victim = path.join(root, 'victim');
    mk(victim);
    for (let i = 0; i < 5; i++) write(path.join(victim, `important-${i}.json`), '{}');
    symlinkSync(victim, path.join(root, 'snapshots-v1'));
    const own = path.join(root, 'own');
    mk(own);
    write(path.join(own, 'notes.json'), '{}');
    const warnings: string[] = [];
    for (const dir of [path.join(root, 'snapshots-v1'), own]) {
      const store = new SnapshotStore(dir, 'b', { keep: 1, warn: (w) => warnings.push(w) });
      const prune = (store as unknown as { prune: () => void }).prune.bind(store);
      prune();
    }
    expect(readdirSync(victim).sort()).toEqual(['important-0.json', 'important-1.json', 'important-2.json', 'important-3.json', 'important-4.json']);
    expect(existsSync(path.join(own, 'notes.json'))).toBe(true);
    expect(warnings.join('\n')).toMatch(/is a symlink: not pruned/);
  });
});
