import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach } from 'vitest';
import { analyze } from '../src/analyze/index.js';
import { gitSource } from '../src/collect/git.js';
import { worktreeSource } from '../src/collect/worktree.js';
import { DEFAULT_MODEL, type LoadingModel } from '../src/model/constants.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { compare } from '../src/compare/index.js';
import type { Config } from '../src/config/load.js';
import type { GateReport } from '../src/model/report.js';
import { TokenCounter } from '../src/tokenize/counter.js';
import { loadTokenizer, TOKENIZER_NAME } from '../src/tokenize/tokenizer.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, '__fixtures__');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const CORPORA = path.join(SHARED, 'corpora');

/** One real tokenizer for the whole test file. */
export const counter = new TokenCounter(loadTokenizer, TOKENIZER_NAME);

export function tmpDir(prefix = 'cb-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function copyFixture(name: string, dest = tmpDir()): string {
  cpSync(path.join(FIXTURES, name), dest, { recursive: true, verbatimSymlinks: true });
  return dest;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), content);
  }
}

export function sh(cwd: string, cmd: string, args: string[]): string {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
      GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
    },
  });
}

/** A real git repository with everything in dir committed; returns the commit SHA. */
export function gitInit(dir: string): string {
  sh(dir, 'git', ['init', '-q', '-b', 'main']);
  sh(dir, 'git', ['config', 'core.symlinks', 'true']);
  return commitAll(dir, 'initial');
}

export function commitAll(dir: string, message: string): string {
  sh(dir, 'git', ['add', '-A']);
  sh(dir, 'git', ['commit', '-q', '--allow-empty', '-m', message]);
  return sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
}

export async function analyzeDir(dir: string, model: Partial<LoadingModel> = {}, installedPlugins?: 'all' | 'none' | string[]): Promise<Snapshot> {
  return analyze(worktreeSource(dir), { model: { ...DEFAULT_MODEL, ...model }, toolVersion: 'test', loadTimeRounds: 1, installedPlugins }, counter);
}

export async function analyzeRef(repo: string, ref: string, model: Partial<LoadingModel> = {}): Promise<Snapshot> {
  return analyze(await gitSource(repo, ref), { model: { ...DEFAULT_MODEL, ...model }, toolVersion: 'test', loadTimeRounds: 1 }, counter);
}

export function file(s: Snapshot, p: string) {
  const f = s.files.find((x) => x.path === p);
  if (!f) throw new Error(`no file record for ${p}; have: ${s.files.map((x) => x.path).join(', ')}`);
  return f;
}

/**
 * Setup shared by a file's tests: `beforeAll`, except under mutation testing (CB_MUTATION, set by
 * vitest.mutation.config.ts), where it is `beforeEach`. Stryker credits a test only with the code that
 * runs inside it; code run outside every test makes each of its mutants "static", and a static mutant
 * reruns the whole suite instead of the tests that cover it.
 */
export const beforeShared: typeof beforeAll = process.env.CB_MUTATION ? (beforeEach as typeof beforeAll) : beforeAll;

/** A framework written to a temporary folder and analyzed; the folder is removed after. */
export async function analyzeFiles(files: Record<string, string>, model: Partial<LoadingModel> = {}): Promise<Snapshot> {
  const dir = tmpDir();
  writeFiles(dir, files);
  try {
    return await analyzeDir(dir, model);
  } finally {
    cleanup(dir);
  }
}

/**
 * A marketplace at the root listing one plugin in `plugins/NAME`: its manifest (`{ name }` plus
 * `manifest`'s fields) and `files`, given relative to the plugin's folder.
 */
export function plugin(name: string, files: Record<string, string> = {}, manifest: Record<string, unknown> = {}): Record<string, string> {
  return {
    '.claude-plugin/marketplace.json': JSON.stringify({ name: 'm', owner: { name: 'o' }, plugins: [{ name, source: `./plugins/${name}` }] }),
    [`plugins/${name}/.claude-plugin/plugin.json`]: JSON.stringify({ name, ...manifest }),
    ...Object.fromEntries(Object.entries(files).map(([p, t]) => [`plugins/${name}/${p}`, t])),
  };
}

/** Two frameworks, each written to a temporary folder and analyzed with the config's model, compared under its budgets. */
export async function compareFiles(base: Record<string, string>, head: Record<string, string>, config: Config): Promise<GateReport> {
  const [b, h] = [await analyzeFiles(base, config.model), await analyzeFiles(head, config.model)];
  return compare({ base: b, head: h, baseLabel: 'b', headLabel: 'h', loadTime: null }, config);
}
