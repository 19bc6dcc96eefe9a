import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Proc } from '../../src/cli.js';
import { cleanup, commitAll, copyFixture, FIXTURES, gitInit, ROOT, tmpDir, writeFiles } from '../helpers.js';

const CACHE = tmpDir('cb-cli-cache-');
async function cli(argv: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // A cache folder of this test file's own: never the user's ~/.cache.
  const proc: Proc = {
    argv,
    cwd,
    env: { ...process.env, CONTEXT_BUDGET_CACHE_DIR: CACHE },
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  };
  const code = await run(proc);
  return { code, out, err };
}

let repo: string;
let baseSha: string;
beforeAll(() => {
  repo = copyFixture('example-base');
  baseSha = gitInit(repo);
  writeFiles(repo, { 'docs/architecture.md': '# Architecture\nSee @../CLAUDE.md for the rules.\n' }); // CLAUDE.md -> docs -> CLAUDE.md: a cycle
  commitAll(repo, 'introduce a cycle');
});
afterAll(() => cleanup(repo));

describe('context-budget analyze', () => {
  it('prints a snapshot that validates against the shipped JSON schema', async () => {
    const r = await cli(['analyze', path.join(FIXTURES, 'loading'), '--json', '--no-cache']);
    expect(r.code).toBe(0);
    const snapshot = JSON.parse(r.out);
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/snapshot.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const ok = ajv.validate(schema, snapshot);
    expect(ajv.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(snapshot).toMatchObject({
      schemaVersion: 1,
      totals: { eagerTokens: expect.any(Number) },
      listings: { skills: { budget: 30000 } },
      tokenizer: { estimate: true },
    });
  });

  it('prints a human table with the estimate label', async () => {
    const r = await cli(['analyze', path.join(FIXTURES, 'example-head'), '--no-cache']);
    expect(r.out).toContain('Always loaded (eager) tokens');
    expect(r.out).toContain('estimate');
    expect(r.out).toMatch(/Read at session start\s+\| \d+ files, [\d,]+ bytes/);
    expect(r.out).not.toMatch(/Load time/); // timing is opt-in
  });

  it('reads a commit with --ref', async () => {
    const r = await cli(['analyze', repo, '--ref', baseSha, '--json', '--no-cache']);
    expect(JSON.parse(r.out).graph.cycles).toEqual([]);
    const h = await cli(['analyze', repo, '--ref', 'HEAD', '--json', '--no-cache']);
    expect(JSON.parse(h.out).graph.cycles).toEqual([['CLAUDE.md', 'docs/architecture.md', 'CLAUDE.md']]);
  });

  it('rejects bad input with exit code 2 and a clear message', async () => {
    expect(await cli(['analyze', '/no/such/dir'])).toMatchObject({ code: 2, err: expect.stringContaining('Not a directory: /no/such/dir') });
    expect(await cli(['analyze', repo, '--ref', 'nope'])).toMatchObject({ code: 2, err: expect.stringContaining('Unknown revision "nope"') });
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command "frobnicate"') });
    expect(await cli(['analyze', '--window', 'big'])).toMatchObject({ code: 2, err: expect.stringContaining('--window expects a number') });
  });
});

describe('context-budget diff', () => {
  it('exits 1 exactly when the verdict is fail (git revisions)', async () => {
    const fail = await cli(['diff', baseSha, 'HEAD', '--dir', repo, '--no-cache']);
    expect(fail.code).toBe(1);
    expect(fail.out).toMatch(/^FAIL/);
    expect(fail.out).toContain('[import-cycles]');
    const same = await cli(['diff', 'HEAD', 'HEAD', '--dir', repo, '--no-cache']);
    expect(same.code).toBe(0);
  });

  it('defaults head to the working tree', async () => {
    const dir = tmpDir();
    try {
      writeFiles(dir, { 'CLAUDE.md': '# Small\n' });
      gitInit(dir);
      writeFileSync(path.join(dir, 'CLAUDE.md'), '# Bigger\n' + 'More always-loaded text. '.repeat(50));
      const r = await cli(['diff', 'HEAD', '--dir', dir, '--json', '--no-cache']);
      const report = JSON.parse(r.out);
      expect(report.head.label).toBe('working tree');
      expect(report.diff.totals.eagerTokens.delta).toBeGreaterThan(200);
      expect(report.verdict).toBe('warn');
      expect(r.code).toBe(0);
    } finally {
      cleanup(dir);
    }
  });

  it('compares snapshot JSON files, and a snapshot with itself is empty', async () => {
    const dir = tmpDir();
    try {
      const a = await cli(['analyze', path.join(FIXTURES, 'example-base'), '--json', '--no-cache']);
      const b = await cli(['analyze', path.join(FIXTURES, 'example-head'), '--json', '--no-cache']);
      writeFileSync(path.join(dir, 'a.json'), a.out);
      writeFileSync(path.join(dir, 'b.json'), b.out);
      const r = await cli(['diff', 'a.json', 'b.json', '--json', '--no-cache'], dir);
      const report = JSON.parse(r.out);
      expect(report.loadTime).toBeNull();
      expect(report.diff.totals.eagerTokens.delta).toBe(JSON.parse(b.out).totals.eagerTokens - JSON.parse(a.out).totals.eagerTokens);
      const self = JSON.parse((await cli(['diff', 'a.json', 'a.json', '--json'], dir)).out);
      expect(self.verdict).toBe('pass');
      expect(self.diff.files).toEqual([]);
      writeFileSync(path.join(dir, 'bad.json'), '{"schemaVersion": 99}');
      expect(await cli(['diff', 'bad.json', 'a.json'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('schemaVersion: 99 is newer') });
    } finally {
      cleanup(dir);
    }
  });

  it('stops on an invalid config before printing a report', async () => {
    const dir = copyFixture('example-base');
    try {
      writeFiles(dir, { '.github/context-budget.yml': 'budgets:\n  - metric: eagerTokens\n    max: lots\n' });
      const r = await cli(['diff', '.', '.', '--no-cache'], dir);
      expect(r).toMatchObject({ code: 2, out: '' });
      expect(r.err).toContain('.github/context-budget.yml: budgets[0].max: expected a number >= 0, got "lots"');
    } finally {
      cleanup(dir);
    }
  });

  it('uses the persistent cache: a second run tokenizes nothing', async () => {
    const cache = tmpDir();
    try {
      const first = await cli(['analyze', path.join(FIXTURES, 'loading'), '--json', '--cache-dir', cache]);
      const second = await cli(['analyze', path.join(FIXTURES, 'loading'), '--json', '--cache-dir', cache]);
      const strip = (s: string) => ({ ...JSON.parse(s), loadTime: null });
      expect(strip(second.out)).toEqual(strip(first.out));
      expect(readFileSync(path.join(cache, 'token-counts-v1.json'), 'utf8').length).toBeGreaterThan(100);
    } finally {
      cleanup(cache);
    }
  });
});

describe('the built CLI (dist/)', () => {
  it('runs as a process: --help, and a diff with its exit code', () => {
    const help = execFileSync(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), '--help'], { encoding: 'utf8' });
    expect(help).toContain('Usage');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), 'diff', baseSha, 'HEAD', '--dir', repo, '--no-cache'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Import cycle');
  });

  it('keeps the snapshots of commits it analyzed in the cache folder, keyed by its build id, and reads them back', () => {
    const cache = tmpDir();
    try {
      const cliJs = path.join(ROOT, 'dist/cli/index.js');
      expect(readFileSync(path.join(ROOT, 'dist/cli/build-id'), 'utf8')).toMatch(/^[0-9a-f]{32}\n$/);
      const diff = (...extra: string[]) =>
        spawnSync(process.execPath, [cliJs, 'diff', baseSha, 'HEAD', '--dir', repo, '--json', ...extra], { encoding: 'utf8' });
      const first = diff('--cache-dir', cache);
      const second = diff('--cache-dir', cache);
      expect([first.status, second.status]).toEqual([1, 1]);
      expect(second.stdout).toBe(first.stdout);
      const dir = path.join(cache, 'snapshots-v1');
      const entries = readdirSync(dir);
      expect(entries).toHaveLength(2);
      // Beside them: token counts, digests (both of this build) and, on Node 22.8+, V8's compiled code.
      expect(readdirSync(cache).sort()).toEqual(
        ['digests-v1.json', 'snapshots-v1', 'token-counts-v1.json', ...(typeof module.enableCompileCache === 'function' ? ['v8-compile'] : [])].sort(),
      );
      expect(JSON.parse(readFileSync(path.join(cache, 'digests-v1.json'), 'utf8')).buildId).toBe(
        readFileSync(path.join(ROOT, 'dist/cli/build-id'), 'utf8').trim(),
      );
      // Proof that the second run read them: an entry changed by hand is what the next run reports.
      const head = JSON.parse(first.stdout).head as { commit: string; eagerTokens: number };
      for (const f of entries) {
        const stored = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
        if (stored.snapshot.source.commit !== head.commit) continue;
        stored.snapshot.totals.eagerTokens += 1000;
        writeFileSync(path.join(dir, f), JSON.stringify(stored));
      }
      expect(JSON.parse(diff('--cache-dir', cache).stdout).head.eagerTokens).toBe(head.eagerTokens + 1000);
      // Other options are other keys: analyzed afresh; --no-cache neither reads nor writes.
      expect(JSON.parse(diff('--cache-dir', cache, '--window', '500000').stdout).head.eagerTokens).toBe(head.eagerTokens);
      expect(readdirSync(dir)).toHaveLength(4);
      expect(JSON.parse(diff('--no-cache').stdout).head.eagerTokens).toBe(head.eagerTokens);
    } finally {
      cleanup(cache);
    }
  });

  it('measures a large framework in a worker (capped young generation): the same output and exit code as in the main thread', () => {
    const big = tmpDir();
    try {
      // Over OFFLOAD_BYTES (32 MiB listed): a small framework in a repository holding 33 MB of other data.
      const para = 'The agent reads the change, checks the budget and reports what it found in plain words.\n\n';
      writeFiles(big, {
        'CLAUDE.md': '# Project\n\nUse /review before merging.\n',
        '.claude/skills/review/SKILL.md': '---\ndescription: "Review a change: read the guide"\n---\nRead references/guide.md.\n',
        '.claude/skills/review/references/guide.md': para.repeat(2000),
        'data/archive.bin': Buffer.alloc(33 * 1024 * 1024, 7),
      });
      gitInit(big);
      const args = [path.join(ROOT, 'dist/cli/index.js'), 'analyze', big, '--ref', 'HEAD', '--no-cache', '--json'];
      const worker = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
      const main = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, CONTEXT_BUDGET_IN_PROCESS: '1' } });
      expect(worker.stderr).toBe('');
      expect([worker.status, main.status]).toEqual([0, 0]);
      const strip = (s: string) => ({ ...JSON.parse(s), loadTime: null });
      expect(strip(worker.stdout)).toEqual(strip(main.stdout));
      expect(JSON.parse(worker.stdout).totals.onDemandTokens).toBeGreaterThan(30_000);
      // A usage error is said by the main thread: exit 2 and the message on stderr.
      const bad = spawnSync(process.execPath, [args[0]!, 'diff', '--model'], { encoding: 'utf8' });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('--model');
    } finally {
      cleanup(big);
    }
  });
});

describe('what a new user meets (issue 20)', () => {
  it('--markdown with --json is refused, not silently JSON', async () => {
    const r = await cli(['diff', path.join(FIXTURES, 'example-base'), path.join(FIXTURES, 'example-head'), '--json', '--markdown', '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--json and --markdown are two outputs: choose one');
  });

  it('analyze --json carries the recommendations its text points to', async () => {
    const r = await cli(['analyze', path.join(FIXTURES, 'example-head'), '--json', '--no-cache']);
    const j = JSON.parse(r.out) as { recommendations?: { key: string }[] };
    expect(j.recommendations?.length).toBeGreaterThan(0);
  });

  it('diff outside a git repository names the problem, not --ref', async () => {
    const dir = tmpDir();
    try {
      const r = await cli(['diff', 'HEAD~1', 'HEAD', '--dir', dir, '--no-cache']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/"HEAD~1" is not a directory or snapshot file, and as a git revision it needs a git repository/);
      expect(r.err).not.toContain('--ref');
    } finally {
      cleanup(dir);
    }
  });

  it('after a shallow clone, a missing commit is explained with how to fetch it', async () => {
    const origin = tmpDir();
    const clone = tmpDir();
    try {
      writeFiles(origin, { 'CLAUDE.md': '# a\n' });
      gitInit(origin);
      writeFiles(origin, { 'CLAUDE.md': '# b\n' });
      commitAll(origin, 'two');
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
      const r = await cli(['diff', 'HEAD~1', 'HEAD', '--dir', clone, '--no-cache']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is a shallow clone: fetch the commit \(git fetch --deepen=50 origin/);
    } finally {
      cleanup(origin);
      cleanup(clone);
    }
  });
});
