/**
 * Codex keeps its skill list within 40,000 characters by cutting every description to one common
 * length. The binary's figures (Codex 0.171.0, `--measure codex` on these frameworks: N skills whose
 * description is one 73-character sentence 14 times, 1,007 characters) were: 40 skills cut to
 * 924–928 characters, 80 to 448–452, 120 to 291–294, 200 to 162 (its own four entries cut alike),
 * the list 39,994–39,997 characters each time; 10 skills are not cut. The analysis is held to them
 * within 1%.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeAgent } from '../../src/analyze/agents.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { AGENT_PROFILES } from '../../src/model/agents.js';
import { cleanup, counter, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

function skills(n: number): string {
  const dir = tmpDir('cb-codex-fit-');
  dirs.push(dir);
  const width = String(n).length;
  const files: Record<string, string> = { 'AGENTS.md': '# A\n' };
  for (let i = 1; i <= n; i++) {
    const id = String(i).padStart(width, '0');
    const description = `Skill ${id} reconciles the ledger against the bank statement step by step. `.repeat(14).trim();
    files[`.agents/skills/s${id}/SKILL.md`] = `---\nname: s${id}\ndescription: ${description}\n---\nBody\n`;
  }
  writeFiles(dir, files);
  return dir;
}

describe("Codex's skill list, kept within 40,000 characters", () => {
  it.each([
    [40, [924, 928]],
    [80, [448, 452]],
    [120, [291, 294]],
    [200, [162, 162]],
  ] as const)('%i skills: every description cut to the length the binary cut it to (within 1%%)', async (n, [lo, hi]) => {
    const a = await analyzeAgent(worktreeSource(skills(n)), AGENT_PROFILES.codex, counter);
    const lengths = new Set(a.listings.skills.items.map((i) => i.description!.length));
    expect(lengths.size).toBe(1);
    const cap = [...lengths][0]!;
    expect(cap).toBeGreaterThanOrEqual(Math.floor(lo * 0.99));
    expect(cap).toBeLessThanOrEqual(Math.ceil(hi * 1.01));
    expect(a.listings.skills.items.every((i) => i.descriptionCapped && i.text.length === i.chars)).toBe(true);
    // The list as Codex sends it: every line, its own four included, joined by newlines, within 40,000.
    const own = AGENT_PROFILES.codex.listing.bundledLines!.reduce((s, b) => s + b.overhead + Math.min(b.description, cap), 0);
    const total = a.listings.skills.items.reduce((s, i) => s + i.chars, 0) + own + n + 3;
    expect(total).toBeLessThanOrEqual(40_000);
    expect(total).toBeGreaterThan(40_000 - (n + 4));
    expect(a.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'agent-description-cut', message: expect.stringContaining(`to ${cap.toLocaleString('en-US')} characters`) }),
    );
  });

  it('10 skills fit whole: nothing is cut, nothing said', async () => {
    const a = await analyzeAgent(worktreeSource(skills(10)), AGENT_PROFILES.codex, counter);
    expect(a.listings.skills.items.every((i) => i.description!.length === 1007 && !i.descriptionCapped)).toBe(true);
    expect(a.diagnostics.filter((d) => d.code === 'agent-description-cut')).toEqual([]);
  });
});
