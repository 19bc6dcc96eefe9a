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

/** A framework analyzed, with one other agent's analysis of it. */
async function withAgent(files: Record<string, string>, agent: keyof typeof AGENT_PROFILES): Promise<Snapshot> {
  const dir = tmpDir();
  writeFiles(dir, files);
  try {
    const s = await analyzeDir(dir);
    return { ...s, agents: [await analyzeAgent(worktreeSource(dir), AGENT_PROFILES[agent], counter)] };
  } finally {
    cleanup(dir);
  }
}
const withCodex = (files: Record<string, string>) => withAgent(files, 'codex');
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

/** Copilot CLI's skill listing (15,000 characters, 769 of them its own bundled skills) overflowed by `count` skills of 900-character descriptions. */
async function withCopilot(count: number): Promise<Snapshot> {
  const skills: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const name = `skill-${String(i).padStart(2, '0')}`;
    // Each description a different length, so that "longest first" has an order to keep.
    skills[`.claude/skills/${name}/SKILL.md`] = `---\nname: ${name}\ndescription: ${'d'.repeat(800 + i)}\n---\nBody of ${name}.\n`;
  }
  return withAgent(skills, 'copilot');
}

describe("another agent's skill listing over its budget", () => {
  const copilot = normalizeConfig({ agents: ['copilot'] }, 'budgets.yml');
  const run = (base: Snapshot, head: Snapshot) => compare({ base, head, baseLabel: 'b', headLabel: 'h', loadTime: null }, copilot);
  const listingResult = (base: Snapshot, head: Snapshot) => run(base, head).results.find((x) => x.metric === 'agentListingNameOnly')!;

  // Skill i's entry is 94 characters of markup + its 8-character name + 800 + i of description: 902 + i.
  // Skills 1..16 take 14,568 characters; skill 17 would make 15,487, over 15,000: from there on, names only.
  it('names the skills newly listed by name only, and says how many characters to cut, longest first', async () => {
    const base = await withCopilot(14);
    const head = await withCopilot(20);
    const listing = head.agents![0]!.listings.skills;
    expect(listing.items.map((i) => i.chars)).toEqual(Array.from({ length: 20 }, (_, i) => 903 + i));
    expect(base.agents![0]!.listings.skills.truncated).toEqual([]);
    const lost = ['skill-17', 'skill-18', 'skill-19', 'skill-20'];
    expect(listing.truncated).toEqual(lost);

    const row = run(base, head).agents![0]!;
    expect(row.nameOnly).toEqual({ head: lost, added: lost });
    // A head that lists the same skills by name only as its base adds none.
    expect(run(head, head).agents![0]!.nameOnly).toEqual({ head: lost, added: [] });

    const r = listingResult(base, head);
    expect(r).toMatchObject({ id: 'agent-listing:copilot', status: 'fail', actual: 4, base: 0, introduced: true });
    // All 20 entries (18,250 characters) and Copilot's bundled skills (769) against 15,000: 4,019 over.
    expect(r.howToPass).toBe(
      'GitHub Copilot CLI lists skills within 15,000 characters of its own markup; past that, 4 entries are listed by name only (skill-17, skill-18, skill-19, skill-20). ' +
        'Shorten descriptions by about 4,019 characters in all, longest first: ' +
        'skill-20 (922 chars, .claude/skills/skill-20/SKILL.md); skill-19 (921 chars, .claude/skills/skill-19/SKILL.md); skill-18 (920 chars, .claude/skills/skill-18/SKILL.md); ' +
        'skill-17 (919 chars, .claude/skills/skill-17/SKILL.md); skill-16 (918 chars, .claude/skills/skill-16/SKILL.md).',
    );
  });

  it('says "1 entry is" for a single skill listed by name only, and lists at most five', async () => {
    const base = await withCopilot(14);
    expect(listingResult(base, await withCopilot(17)).howToPass).toContain(
      'past that, 1 entry is listed by name only (skill-17). Shorten descriptions by about 1,256 characters',
    );
    const many = listingResult(base, await withCopilot(23)).howToPass!;
    expect(many).toContain('past that, 7 entries are listed by name only (skill-17, skill-18, skill-19, skill-20, skill-21). ');
  });
});
