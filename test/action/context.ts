/**
 * The Action's injected context for in-process tests (src/action/gate.ts), recording what a run
 * writes: outputs, job summaries, the failure and the log. And a repository whose head grows CLAUDE.md.
 */
import path from 'node:path';
import type { Ctx } from '../../src/action/gate.js';
import { readOptions } from '../../src/action/options.js';
import { commitAll, gitInit, tmpDir, writeFiles } from '../helpers.js';

export function actionContext(
  dirs: string[],
  workspace: string,
  inputs: Record<string, string>,
  payload: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = {},
) {
  const out = tmpDir();
  dirs.push(out);
  const seen = { outputs: {} as Record<string, string>, summaries: [] as string[], failed: [] as string[], logs: [] as string[] };
  const ctx: Ctx = {
    io: {
      setOutput: (k, v) => void (seen.outputs[k] = v),
      summary: async (m) => void seen.summaries.push(m),
      setFailed: (m) => void seen.failed.push(m),
      now: () => new Date('2026-12-01T00:00:00Z'),
    },
    deadline: new AbortController(),
    opts: readOptions((n) => ({ 'output-dir': out, 'cache-dir': path.join(out, 'cache'), ...inputs })[n] ?? '', {}),
    log: {
      info: (m) => void seen.logs.push(m),
      warning: (m) => void seen.logs.push(`warning: ${m}`),
      error: (m) => void seen.logs.push(`error: ${m}`),
      debug: () => undefined,
    },
    env,
    owner: 'o',
    repo: 'r',
    workspace,
    gh: null,
    payload,
  };
  return { ctx, seen };
}

/** A repository whose head commit grows CLAUDE.md by about 1,600 tokens, with `base` and `head` files added on each side. */
export function grownRepo(dirs: string[], base: Record<string, string> = {}, head: Record<string, string> = {}): { dir: string; base: string; head: string } {
  const dir = tmpDir();
  dirs.push(dir);
  writeFiles(dir, { 'CLAUDE.md': '# P\n\nShort.\n', ...base });
  const b = gitInit(dir);
  writeFiles(dir, { 'CLAUDE.md': '# P\n\n' + 'Always-loaded guidance for every session. '.repeat(200) + '\n', ...head });
  const h = commitAll(dir, 'grow');
  return { dir, base: b, head: h };
}
