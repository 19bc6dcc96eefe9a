/**
 * Holds the analyzer to what the real Claude Code sent (goldens recorded by
 * `npm run conformance:record`; no download needed here): the eager memory files, the listing's
 * entry names and which lose their description (exact), the listing's characters (within 1%), and
 * the agent names (exact), per model profile and plugin set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import type { Facts } from '../../src/conformance/facts.js';
import { predictFacts } from '../../src/conformance/predict.js';
import { modelFor } from '../../src/model/constants.js';
import { CORPORA, counter, FIXTURES } from '../helpers.js';

const GOLDENS = path.join(path.dirname(new URL(import.meta.url).pathname), 'goldens');

interface Golden {
  version: string;
  framework: string;
  corpus?: boolean;
  profiles: Record<string, Facts & { pluginDirs: string[]; userScope?: string }>;
}

function frameworkDir(id: string): string | undefined {
  if (id.startsWith('fixture-')) return path.join(FIXTURES, id.slice('fixture-'.length));
  const m = /^corpus-(.+)-(base|head)$/.exec(id);
  return m ? path.join(CORPORA, m[1]!, m[2]!) : undefined;
}

const goldens: Golden[] = readdirSync(GOLDENS)
  .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
  .map((f) => JSON.parse(readFileSync(path.join(GOLDENS, f), 'utf8')) as Golden);

/** Every disagreement between a recorded and a predicted set of facts, in words. */
export function disagreements(real: Facts, predicted: Facts): string[] {
  const out: string[] = [];
  const paths = (f: Facts) => f.memory.map((m) => m.path).sort();
  if (JSON.stringify(paths(real)) !== JSON.stringify(paths(predicted))) out.push(`memory files: Claude Code [${paths(real).join(', ')}], analyzer [${paths(predicted).join(', ')}]`);
  for (const m of real.memory) {
    const p = predicted.memory.find((x) => x.path === m.path);
    if (p && p.chars !== m.chars) out.push(`memory ${m.path}: Claude Code ${m.chars} chars, analyzer ${p.chars}`);
  }
  const names = (f: Facts) => f.listing.entries.map((e) => e.name);
  if (JSON.stringify(names(real)) !== JSON.stringify(names(predicted))) out.push(`listing order/names: Claude Code [${names(real).join(' ')}]\n   analyzer [${names(predicted).join(' ')}]`);
  const bare = (f: Facts) => f.listing.entries.filter((e) => !e.described).map((e) => e.name).sort();
  if (JSON.stringify(bare(real)) !== JSON.stringify(bare(predicted))) out.push(`without description: Claude Code [${bare(real).join(' ')}], analyzer [${bare(predicted).join(' ')}]`);
  for (const e of real.listing.entries) {
    const p = predicted.listing.entries.find((x) => x.name === e.name);
    if (p && p.chars !== e.chars && !e.bundled) out.push(`listing ${e.name}: Claude Code ${e.chars} chars, analyzer ${p.chars}`);
  }
  if (Math.abs(real.listing.chars - predicted.listing.chars) > real.listing.chars * 0.01) out.push(`listing chars: Claude Code ${real.listing.chars}, analyzer ${predicted.listing.chars}`);
  const agents = (f: Facts) => f.agents.map((a) => a.name);
  if (JSON.stringify(agents(real)) !== JSON.stringify(agents(predicted))) out.push(`agents: Claude Code [${agents(real).join(' ')}]\n   analyzer [${agents(predicted).join(' ')}]`);
  return out;
}

const cases = goldens.flatMap((g) => Object.keys(g.profiles).map((p) => ({ g, p, dir: frameworkDir(g.framework) })));

describe('conformance with Claude Code (goldens from the real binary)', () => {
  it('has goldens for every fixture and both profiles', () => {
    const fixtures = readdirSync(FIXTURES).filter((d) => !d.startsWith('.'));
    for (const f of fixtures) expect(goldens.some((g) => g.framework === `fixture-${f}`), f).toBe(true);
  });

  it.each(cases.map((c) => [`${c.g.framework} ${c.p}`, c] as const))('%s', async (_name, { g, p, dir }) => {
    if (!dir || !existsSync(dir)) return; // corpora: ../shared absent on this machine
    const real = g.profiles[p]!;
    const model = modelFor(real.model);
    const userScope = real.userScope;
    const probe = await analyze(worktreeSource(dir), { model, toolVersion: 'test', loadTimeRounds: 1, installedPlugins: 'none', userScope }, counter);
    const installed = probe.units.filter((u) => u.type === 'plugin' && real.pluginDirs.includes(u.root || '.')).map((u) => u.name);
    const snap = installed.length ? await analyze(worktreeSource(dir), { model, toolVersion: 'test', loadTimeRounds: 1, installedPlugins: installed, userScope }, counter) : probe;
    const predicted = predictFacts(snap, model, real.agents.filter((a) => a.builtin).map((a) => a.name));
    // Built-in agents sit among the framework's in Claude Code's order: compare after the same sort.
    predicted.agents.sort((a, b) => a.name.localeCompare(b.name));
    expect(disagreements(real, predicted)).toEqual([]);
  });
});
