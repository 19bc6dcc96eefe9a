/** Property-based: random framework trees and random bytes never make analyze throw, and totals add up. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { frameworkTree, randomBytes } from '../arbitrary.js';
import { analyzeDir, cleanup, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

function consistent(s: Snapshot): void {
  const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
  const files = s.files.filter((f) => f.loading === 'eager' && counted.has(f.unit)).reduce((a, f) => a + f.tokens, 0);
  const entries = [...s.listings.skills.items, ...s.listings.agents.items]
    .filter((e) => e.loading === 'eager' && counted.has(e.unit))
    .reduce((a, e) => a + e.tokens, 0);
  expect(s.totals.eagerTokens).toBe(files + entries);
  expect(s.files.reduce((a, f) => a + f.eagerTokens, 0)).toBe(s.totals.eagerTokens);
  expect(s.categories.filter((c) => c.loading === 'eager').reduce((a, c) => a + c.tokens, 0)).toBe(s.totals.eagerTokens);
  expect(s.units.filter((u) => u.counted).reduce((a, u) => a + u.eagerTokens, 0)).toBe(s.totals.eagerTokens);
  expect(s.totals.worstInvocationTokens).toBeGreaterThanOrEqual(s.totals.eagerTokens);
  for (const d of s.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
}

async function analyzeFiles(files: Record<string, string | Buffer>): Promise<Snapshot> {
  const d = tmpDir();
  dirs.push(d);
  writeFiles(d, files);
  return analyzeDir(d);
}

describe('analyze on random input', () => {
  it('random framework trees: never throws, totals consistent', async () => {
    await fc.assert(
      fc.asyncProperty(frameworkTree, async (files) => consistent(await analyzeFiles(files))),
      { numRuns: 60 },
    );
  });

  it('random bytes in framework files: never throws, totals consistent', async () => {
    const paths = fc.constantFrom(
      'CLAUDE.md',
      'AGENTS.md',
      '.claude/rules/r.md',
      '.claude/commands/c.md',
      '.claude/skills/s/SKILL.md',
      '.claude/agents/a.md',
      '.claude/settings.json',
      '.mcp.json',
      '.claude-plugin/marketplace.json',
      'p/.claude-plugin/plugin.json',
      '.claude/workflows/w.js',
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(paths, randomBytes, { minKeys: 1 }), async (files) => consistent(await analyzeFiles(files))),
      { numRuns: 60 },
    );
  });
});
