/**
 * Each other agent's row of the report (src/compare/index.ts): its numbers from zero when the base
 * did not analyze it, the skills newly listed by name only, and what its own binary measured on
 * each side (`--measure AGENT`), carried as it is. The measurement is data here; the live runs are in
 * test/conformance/agent-measure.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig } from '../../src/config/load.js';
import type { AgentMeasurement, Snapshot } from '../../src/model/snapshot.js';
import { analyzeAgent } from '../../src/analyze/agents.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { AGENT_PROFILES } from '../../src/model/agents.js';
import { analyzeDir, cleanup, counter, tmpDir, writeFiles } from '../helpers.js';

async function withCodex(files: Record<string, string>): Promise<Snapshot> {
  const dir = tmpDir();
  writeFiles(dir, files);
  try {
    const s = await analyzeDir(dir);
    return { ...s, agents: [await analyzeAgent(worktreeSource(dir), AGENT_PROFILES.codex, counter)] };
  } finally {
    cleanup(dir);
  }
}
const config = normalizeConfig({ agents: ['codex'] }, 'budgets.yml');
const judge = (base: Snapshot, head: Snapshot) => compare({ base, head, baseLabel: 'b', headLabel: 'h', loadTime: null }, config);
const measured = (over: Partial<AgentMeasurement> = {}): AgentMeasurement => ({
  version: '0.171.0',
  instructions: [{ file: 'AGENTS.md' }],
  drift: [],
  ...over,
});
const files = { 'AGENTS.md': '# Agents\n\nRun the tests first.\n' };

describe("another agent's row", () => {
  it('counts from zero when the base did not analyze the agent', async () => {
    const head = await withCodex(files);
    const base = { ...(await withCodex({})), agents: undefined };
    const [row] = judge(base, head).agents!;
    expect(row!.id).toBe('codex');
    expect(row!.eagerTokens.base).toBe(0);
    expect(row!.eagerTokens.head).toBe(head.agents![0]!.totals.eagerTokens);
    expect(row!.nameOnly).toEqual({ head: [], added: [] });
    expect(row).not.toHaveProperty('measured');
  });

  it("carries what the agent's binary measured, per side", async () => {
    const b = await withCodex(files);
    const h = await withCodex(files);
    const mb = measured({ requestChars: 100 });
    const mh = measured({ requestChars: 120, drift: ['x'] });
    const on = (s: Snapshot, m?: AgentMeasurement) => ({ ...s, agents: s.agents!.map((a) => ({ ...a, ...(m ? { measured: m } : {}) })) });
    expect(judge(on(b, mb), on(h, mh)).agents![0]!.measured).toEqual({ base: mb, head: mh });
    expect(judge(on(b), on(h, mh)).agents![0]!.measured).toEqual({ head: mh });
    expect(judge(on(b, mb), on(h)).agents![0]!.measured).toEqual({ base: mb });
  });
});
