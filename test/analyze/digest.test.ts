import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digest } from '../../src/analyze/digest.js';
import { load, withKnownBlobs } from '../../src/analyze/load.js';
import { measure } from '../../src/analyze/measure.js';
import { CAT_FILE_IDLE_MS, catFileBatch, gitSource } from '../../src/collect/git.js';
import { DEFAULT_MODEL } from '../../src/model/constants.js';
import { TokenCounter } from '../../src/tokenize/counter.js';
import { loadTokenizer, TOKENIZER_NAME } from '../../src/tokenize/tokenizer.js';
import { cleanup, commitAll, copyFixture, gitInit, sh, tmpDir } from '../helpers.js';

const opts = { model: DEFAULT_MODEL };

/** Both sides of a real diff (the fixture, then an edit), loaded as the pipeline loads them. */
async function pair() {
  const d = copyFixture('conformance-mix');
  gitInit(d);
  writeFileSync(path.join(d, 'CLAUDE.md'), 'An added paragraph that is long enough to be compared for duplication. '.repeat(5) + '\n\nSee /deploy.\n', {
    flag: 'a',
  });
  commitAll(d, 'edit');
  const a = await load(await gitSource(d, 'HEAD~1'), opts);
  const b = await load(withKnownBlobs(await gitSource(d, 'HEAD'), a.contents), opts);
  return { d, a, b };
}

const snapshotOf = (l: Awaited<ReturnType<typeof load>>, counter: TokenCounter) =>
  measure(l.plan, counter, { model: DEFAULT_MODEL, source: l.source, toolVersion: 't', loadTime: { medianMs: 0, rounds: 0, minMs: 0, maxMs: 0, spreadMs: 0 } });

describe('digest: texts read again from the blobs, a batch at a time', () => {
  it('gives the same snapshots whatever the batch size (one text per batch, or all at once)', async () => {
    const one = await pair();
    const all = await pair();
    try {
      const c1 = new TokenCounter(loadTokenizer, TOKENIZER_NAME);
      const cAll = new TokenCounter(loadTokenizer, TOKENIZER_NAME);
      await digest([one.a, one.b], c1, new Map(), 1);
      await digest([all.a, all.b], cAll, new Map(), Infinity);
      for (const side of ['a', 'b'] as const) {
        const x = await snapshotOf(one[side], c1);
        const y = await snapshotOf(all[side], cAll);
        expect(JSON.stringify({ ...x, source: null })).toBe(JSON.stringify({ ...y, source: null }));
        expect(x.totals.eagerTokens).toBeGreaterThan(0);
      }
      // The edit's paragraph is found (content scans come from the digest), and so is its /name mention.
      const head = await snapshotOf(one.b, c1);
      expect(head.files.find((f) => f.path === 'CLAUDE.md')!.chars).toBeGreaterThan(360);
      expect(one.b.plan.files.every((f) => f.digest !== undefined)).toBe(true);
      expect(one.b.plan.files.some((f) => 'text' in f)).toBe(false);
    } finally {
      cleanup(one.d);
      cleanup(all.d);
    }
  });

  it('counts both sides in one request with a remote counter, and each shared blob once', async () => {
    const { d, a, b } = await pair();
    try {
      const calls: string[][] = [];
      const remote = { name: 'recording', count: async (texts: string[]) => (calls.push(texts), texts.map((t) => t.length)) };
      const counter = new TokenCounter(loadTokenizer, TOKENIZER_NAME, undefined, remote);
      await digest([a, b], counter);
      expect(calls).toHaveLength(1);
      // Base and head differ by one file: the head adds exactly one text to count.
      const baseOnly = new TokenCounter(loadTokenizer, TOKENIZER_NAME, undefined, { name: 'r2', count: async (t: string[]) => t.map((x) => x.length) });
      const seen: number[] = [];
      const spy = baseOnly.countAll.bind(baseOnly);
      baseOnly.countAll = (items) => (seen.push([...items].length), spy(items));
      await digest([a], baseOnly);
      expect(calls[0]!.length).toBe(seen[0]! + 1);
    } finally {
      cleanup(d);
    }
  });
});

describe('reading blobs from git, streamed', () => {
  it('reads empty, tiny, chunk-sized and large blobs exactly, and skips missing ones', async () => {
    const d = tmpDir();
    try {
      gitInit(d);
      const blobs: Record<string, Buffer> = {
        empty: Buffer.alloc(0),
        one: Buffer.from('x'),
        nl: Buffer.from('\n\n'),
        chunk: Buffer.alloc(65_536, 'a'),
        odd: Buffer.alloc(65_537, 'b'),
        large: Buffer.from(Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(32 + (i % 90))).join('')),
      };
      const shas: Record<string, string> = {};
      for (const [name, data] of Object.entries(blobs)) {
        writeFileSync(path.join(d, name), data);
        shas[name] = sh(d, 'git', ['hash-object', '-w', name]).trim();
      }
      const missing = '0123456789012345678901234567890123456789';
      const got = await catFileBatch(d, [...Object.values(shas), missing, shas.one!]);
      for (const [name, data] of Object.entries(blobs)) expect(got.get(shas[name]!)?.equals(data), name).toBe(true);
      expect(got.has(missing)).toBe(false);
      expect(got.size).toBe(Object.keys(blobs).length);
    } finally {
      cleanup(d);
    }
  });
});
describe('one git cat-file process per repository', () => {
  it('serves every read of a run, concurrent ones in turn, and starts again after closing when idle', async () => {
    const d = tmpDir();
    const shim = tmpDir();
    const log = path.join(shim, 'log');
    const realGit = sh(d, 'sh', ['-c', 'command -v git']).trim();
    writeFileSync(path.join(shim, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
    const oldPath = process.env.PATH;
    try {
      gitInit(d);
      const shas = ['a', 'b', 'c'].map((n) => {
        writeFileSync(path.join(d, n), n.repeat(70_000));
        return sh(d, 'git', ['hash-object', '-w', n]).trim();
      });
      process.env.PATH = `${shim}:${oldPath}`;
      const reads = await Promise.all([catFileBatch(d, [shas[0]!]), catFileBatch(d, [shas[1]!, shas[2]!]), catFileBatch(d, [shas[2]!, 'f'.repeat(40)])]);
      expect(reads.map((m) => [...m.values()].map((b) => b.toString('latin1', 0, 1)).join(''))).toEqual(['a', 'bc', 'c']);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['cat-file --batch']);
      await new Promise((r) => setTimeout(r, CAT_FILE_IDLE_MS + 300)); // closed when idle
      expect((await catFileBatch(d, [shas[1]!])).get(shas[1]!)?.length).toBe(70_000);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['cat-file --batch', 'cat-file --batch']);
    } finally {
      process.env.PATH = oldPath;
      cleanup(d);
      cleanup(shim);
    }
  });
});
