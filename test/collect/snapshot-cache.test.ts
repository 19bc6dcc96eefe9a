import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitSource } from '../../src/collect/git.js';
import { SnapshotStore, snapshotKey } from '../../src/collect/snapshot-cache.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import type { FrameworkSource } from '../../src/collect/types.js';
import { normalizeConfig } from '../../src/config/load.js';
import { analyzeOptions, cacheSettings, runDiff, snapshotOf, type Side } from '../../src/pipeline.js';
import { TokenCounter } from '../../src/tokenize/counter.js';
import { loadTokenizer, TOKENIZER_NAME } from '../../src/tokenize/tokenizer.js';
import { cleanup, commitAll, gitInit, tmpDir, writeFiles } from '../helpers.js';

let repo: string;
let cache: string;
let baseSha: string;
let headSha: string;
beforeEach(() => {
  repo = tmpDir();
  cache = tmpDir();
  writeFiles(repo, {
    'CLAUDE.md': '# Project\n\nRun the tests before every commit.\n',
    '.claude/skills/review/SKILL.md': '---\nname: review\ndescription: Review a change against the guide\n---\nRead the guide first.\n',
  });
  baseSha = gitInit(repo);
  writeFiles(repo, { '.claude/rules/style.md': '# Style\n\nShort functions, named constants, no abbreviations.\n'.repeat(20) });
  headSha = commitAll(repo, 'a rule');
});
afterEach(() => {
  cleanup(repo);
  cleanup(cache);
});

/** A source that counts how often it is listed and read: a cache hit touches neither. */
function counted(source: FrameworkSource): FrameworkSource & { calls: number } {
  const s = {
    ...source,
    calls: 0,
    list: () => (s.calls++, source.list()),
    read: (p: readonly string[]) => (s.calls++, source.read(p)),
  };
  return s;
}

const DEFAULT_CONFIG = normalizeConfig({}, 'defaults');
const opts = analyzeOptions(DEFAULT_CONFIG);
const side = (source: FrameworkSource, label: string): Side => ({ kind: 'source', source, label });
const freshCounter = () => new TokenCounter(loadTokenizer, TOKENIZER_NAME);
const settings = cacheSettings(opts, freshCounter());

describe('snapshot cache', () => {
  it('gives a second diff of the same commits from the cache: the same report, nothing read or counted', async () => {
    const store = new SnapshotStore(cache, 'a'.repeat(32));
    const first = await runDiff(side(await gitSource(repo, baseSha), 'base'), side(await gitSource(repo, 'HEAD'), 'head'), DEFAULT_CONFIG, freshCounter(), {
      snapshots: store,
    });
    expect(readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    const b = counted(await gitSource(repo, baseSha));
    const h = counted(await gitSource(repo, 'HEAD'));
    const c = freshCounter();
    const second = await runDiff(side(b, 'base'), side(h, 'head'), DEFAULT_CONFIG, c, { snapshots: store });
    expect(second).toEqual(first);
    expect([b.calls, h.calls, c.tokenized]).toEqual([0, 0, 0]);
    // The snapshot is the commit's; the name it was asked for, and where, are this run's.
    const byName = store.get(await gitSource(repo, 'main~1'), settings);
    expect(byName?.source).toEqual({ kind: 'git', root: repo, ref: 'main~1', commit: baseSha });
  });

  it('analyzes only the side it has not seen (a new head on the same base)', async () => {
    const store = new SnapshotStore(cache, 'a'.repeat(32));
    await runDiff(side(await gitSource(repo, baseSha), 'base'), side(await gitSource(repo, baseSha), 'head'), DEFAULT_CONFIG, freshCounter(), {
      snapshots: store,
    });
    const b = counted(await gitSource(repo, baseSha));
    const h = counted(await gitSource(repo, headSha));
    const withCache = await runDiff(side(b, 'base'), side(h, 'head'), DEFAULT_CONFIG, freshCounter(), { snapshots: store });
    expect(b.calls).toBe(0);
    expect(h.calls).toBeGreaterThan(0);
    const without = await runDiff(side(await gitSource(repo, baseSha), 'base'), side(await gitSource(repo, headSha), 'head'), DEFAULT_CONFIG, freshCounter());
    expect(withCache).toEqual(without);
  });

  it('keys on the commit, the options, the tokenizer and the build; never caches working trees or timed rounds', async () => {
    const base = await gitSource(repo, baseSha);
    const head = await gitSource(repo, headSha);
    const key = (build: string, source: FrameworkSource, o = opts, c = freshCounter()) => snapshotKey(build, source, cacheSettings(o, c));
    const k = key('b1', base);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(key('b1', await gitSource(repo, 'main~1'))).toBe(k); // the commit, whatever its name
    const others = [
      key('b1', head),
      key('b2', base),
      key('b1', base, opts, new TokenCounter(loadTokenizer, 'other-tokenizer')),
      key('b1', base, { ...opts, model: { ...opts.model, contextWindow: 123_456 } }),
      key('b1', base, { ...opts, installedPlugins: 'none' }),
      key('b1', base, { ...opts, userScope: 'home' }),
      key('b1', base, { ...opts, listingScope: 'per-plugin' }),
      key('b1', base, { ...opts, limits: { ...opts.limits!, maxFiles: 10 } }),
    ];
    expect(new Set([k, ...others]).size, JSON.stringify([k, ...others])).toBe(others.length + 1);
    expect(key('b1', worktreeSource(repo))).toBeNull();
    expect(key('b1', base, { ...opts, loadTimeRounds: 3 })).toBeNull();
    const remote = new TokenCounter(loadTokenizer, TOKENIZER_NAME, undefined, { name: 'anthropic', count: async () => [] });
    expect(key('b1', base, opts, remote)).toBeNull();
  });

  it('treats damaged, foreign and truncated entries as misses, and keeps only the most recently used', async () => {
    const store = new SnapshotStore(cache, 'c'.repeat(32), { keep: 2 });
    const sources = [await gitSource(repo, baseSha), await gitSource(repo, headSha)];
    const c = freshCounter();
    for (const s of sources) await runDiff(side(s, 'a'), side(s, 'b'), DEFAULT_CONFIG, c, { snapshots: store });
    const [baseKey, headKey] = sources.map((s) => snapshotKey(store.buildId, s, settings)!);
    const file = (k: string) => path.join(cache, `${k}.json`);
    expect(store.get(sources[0]!, settings)?.source.commit).toBe(baseSha);
    const good = readFileSync(file(baseKey!), 'utf8');
    for (const bad of [good.slice(0, good.length / 2), JSON.stringify({ key: headKey, snapshot: JSON.parse(good).snapshot }), '{"key":1}', '']) {
      writeFileSync(file(baseKey!), bad);
      expect(store.get(sources[0]!, settings)).toBeUndefined();
    }
    writeFileSync(file(baseKey!), good);
    // The base was used last; a third snapshot pushes out the head, the least recently used.
    const old = new Date(Date.now() - 60_000);
    utimesSync(file(headKey!), old, old);
    store.get(sources[0]!, settings);
    const third = commitAll(repo, 'empty');
    const s3 = await gitSource(repo, third);
    await runDiff(side(s3, 'a'), side(s3, 'b'), DEFAULT_CONFIG, c, { snapshots: store });
    expect(readdirSync(cache).sort()).toEqual([`${baseKey}.json`, `${snapshotKey(store.buildId, s3, settings)}.json`].sort());
  });

  it('keeps the snapshots within a byte budget, the newest always', async () => {
    const c = freshCounter();
    const sources = [await gitSource(repo, baseSha), await gitSource(repo, headSha)];
    const one = new SnapshotStore(cache, 'e'.repeat(32), { maxBytes: 1 });
    for (const s of sources) await snapshotOf(side(s, 's'), opts, c, { snapshots: one });
    expect(readdirSync(cache)).toEqual([`${snapshotKey(one.buildId, sources[1]!, settings)}.json`]);
  });

  it('does not store a snapshot cut short by the time limit, and stores one cut by a limit that stops at the same place every run', async () => {
    const store = new SnapshotStore(cache, 'd'.repeat(32));
    // Time: every read takes 20 ms against a limit of 5 ms; the import is read after the limit passed.
    writeFiles(repo, { 'CLAUDE.md': '# Project\n\nSee @docs/guide.md\n', 'docs/guide.md': '# Guide\n\nRead it.\n' });
    const timed = commitAll(repo, 'an import');
    const slow = await gitSource(repo, timed);
    const slowRead = slow.read;
    slow.read = async (p) => (await new Promise((r) => setTimeout(r, 20)), slowRead(p));
    const hurried = { ...DEFAULT_CONFIG, limits: { ...DEFAULT_CONFIG.limits, maxSeconds: 0.005 } };
    const late = await snapshotOf(side(slow, 'head'), analyzeOptions(hurried), freshCounter(), { snapshots: store });
    expect(late.diagnostics.find((d) => d.code === 'limit-reached')?.message).toContain('maxSeconds');
    expect(readdirSync(cache)).toEqual([]);
    // Bytes: the same cut on every run.
    const small = { ...DEFAULT_CONFIG, limits: { ...DEFAULT_CONFIG.limits, maxTotalBytes: 10 } };
    const cut = await snapshotOf(side(await gitSource(repo, headSha), 'head'), analyzeOptions(small), freshCounter(), { snapshots: store });
    expect(cut.diagnostics.find((d) => d.code === 'limit-reached')?.message).toContain('maxTotalBytes');
    expect(readdirSync(cache)).toHaveLength(1);
  });
});
