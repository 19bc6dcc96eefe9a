/**
 * The optimizer on the real frameworks of ../shared/corpora (skipped, and said so, without them):
 * on both sides of every pair, --apply leaves a framework that loads without a new warning, the
 * measured saving is within 5% of the predicted one, and a second run proposes nothing of the same kind.
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type Proc } from '../../src/cli.js';
import type { OptimizePlan } from '../../src/model/optimize.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { cleanup, CORPORA, FIXTURES, gitInit, tmpDir } from '../helpers.js';

const corpora = existsSync(CORPORA) ? readdirSync(CORPORA).filter((d) => existsSync(path.join(CORPORA, d, 'base'))) : [];
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const proc: Proc = {
    argv,
    cwd: process.cwd(),
    env: { ...process.env },
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  };
  return { code: await run(proc), out, err };
}

const problems = (s: Snapshot) =>
  s.diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => `${d.code} ${d.file}`)
    .sort();

/** Copies a framework, commits it, optimizes it with --apply, and holds the result to the promises. */
async function optimizedCopy(from: string): Promise<void> {
  const dir = tmpDir('cb-optimize-corpus-');
  dirs.push(dir);
  cpSync(from, dir, { recursive: true, verbatimSymlinks: true });
  gitInit(dir);
  const before = JSON.parse((await cli(['analyze', dir, '--json', '--no-cache'])).out) as Snapshot;
  const r = await cli(['optimize', dir, '--apply', '--json', '--no-cache']);
  expect(r.code, r.err).toBe(0);
  const plan = JSON.parse(r.out) as OptimizePlan;
  const after = JSON.parse((await cli(['analyze', dir, '--json', '--no-cache'])).out) as Snapshot;
  // Nothing the edits made is a new warning or error (a skill without a description, a broken front matter, ...).
  const old = new Set(problems(before));
  expect(problems(after).filter((p) => !old.has(p))).toEqual([]);
  if (plan.steps.length) {
    const all = plan.applied!.results.find((x) => x.kind === 'all')!;
    expect(Math.abs(all.achieved.eagerTokens - all.predicted.eagerTokens), JSON.stringify(all)).toBeLessThanOrEqual(
      Math.max(20, Math.abs(all.predicted.eagerTokens) * 0.05),
    );
    expect(after.totals.eagerTokens).toBe(before.totals.eagerTokens - all.achieved.eagerTokens);
  }
  const again = JSON.parse((await cli(['optimize', dir, '--json', '--no-cache', '--force'])).out) as OptimizePlan;
  const kinds = new Set(plan.steps.map((s) => s.kind));
  expect(again.steps.filter((s) => kinds.has(s.kind)).map((s) => s.id)).toEqual([]);
}

describe.skipIf(corpora.length === 0)('optimize on real frameworks (../shared/corpora)', () => {
  for (const name of corpora) for (const side of ['base', 'head']) it(`${name} ${side}`, () => optimizedCopy(path.join(CORPORA, name, side)), 120_000);
});

describe('optimize on every fixture (frameworks made for the loading rules)', () => {
  for (const name of readdirSync(FIXTURES)) it(name, () => optimizedCopy(path.join(FIXTURES, name)), 60_000);
});
