/**
 * Holds the analyzer to what the real Claude Code sent (goldens recorded by
 * `npm run conformance:record`; no download needed here): the eager memory files, the listing's
 * entry names, order and which lose their description, every framework line's characters and text
 * (its hash), every agent line's characters and hash (all exact), and the listing's characters
 * (within 1%, Claude Code's own entries included), per model profile and plugin set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { disagreements, predictLike, type RecordedProfile } from '../../src/conformance/predict.js';
import { CORPORA, counter, FIXTURES } from '../helpers.js';

const GOLDENS = path.join(path.dirname(new URL(import.meta.url).pathname), 'goldens');

interface Golden {
  version: string;
  framework: string;
  corpus?: boolean;
  profiles: Record<string, RecordedProfile>;
}

function frameworkDir(id: string): string | undefined {
  if (id.startsWith('fixture-')) return path.join(FIXTURES, id.slice('fixture-'.length));
  const m = /^corpus-(.+)-(base|head)$/.exec(id);
  return m ? path.join(CORPORA, m[1]!, m[2]!) : undefined;
}

const goldens: Golden[] = readdirSync(GOLDENS)
  .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
  .map((f) => JSON.parse(readFileSync(path.join(GOLDENS, f), 'utf8')) as Golden);

const cases = goldens.flatMap((g) => Object.keys(g.profiles).map((p) => ({ g, p, dir: frameworkDir(g.framework) })));

describe('conformance with Claude Code (goldens from the real binary)', () => {
  it('has goldens for every fixture and both profiles', () => {
    const fixtures = readdirSync(FIXTURES).filter((d) => !d.startsWith('.'));
    for (const f of fixtures)
      expect(
        goldens.some((g) => g.framework === `fixture-${f}`),
        f,
      ).toBe(true);
  });

  // Corpus cases need ../shared; without it they are listed as skipped with the reason, never "passed".
  const present = cases.filter((c) => c.dir && existsSync(c.dir));
  const absent = cases.length - present.length;
  if (absent) it.skip(`${absent} corpus cases: ../shared/corpora is absent on this machine`, () => undefined);
  it.each(present.map((c) => [`${c.g.framework} ${c.p}`, c] as const))('%s', async (_name, { g, p, dir }) => {
    const real = g.profiles[p]!;
    const predicted = await predictLike(dir!, real, counter);
    expect(disagreements(real, predicted)).toEqual([]);
  });
});
