/**
 * Every metric a budget can bound, on a framework whose answers are known by construction (issue 24:
 * most survivors of the first mutation run of assert.ts were metrics no test budgeted).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { metricValue } from '../../src/compare/assert.js';
import { analyzeDir, beforeShared, cleanup, tmpDir, writeFiles } from '../helpers.js';

describe('metric values', () => {
  const dir = tmpDir();
  writeFiles(dir, {
    // Imports: CLAUDE.md -> docs/a.md -> docs/b.md (depth 2); c <-> d a cycle; one missing file.
    'CLAUDE.md': '# P\n\n@docs/a.md\n@docs/c.md\n@docs/missing.md\n',
    'docs/a.md': 'A\n\n@b.md\n',
    'docs/b.md': 'B text.\n',
    'docs/c.md': 'C\n\n@d.md\n',
    'docs/d.md': 'D\n\n@c.md\n',
    // One skill with an invalid name, one valid.
    '.claude/skills/Bad_Name/SKILL.md': '---\ndescription: Bad name.\n---\nBody\n',
    '.claude/skills/good/SKILL.md': '---\ndescription: Good.\n---\nBody of the good skill.\n',
    // A front matter name Claude Code ignores (a space is not allowed), and one it shows as an alias.
    '.claude/skills/spaced/SKILL.md': '---\nname: My Skill\ndescription: Spaced.\n---\nBody\n',
    '.claude/skills/aliased/SKILL.md': '---\nname: AliasName\ndescription: Aliased.\n---\nBody\n',
    '.claude/rules/always.md': 'Always.\n',
  });
  let s: Snapshot;
  beforeShared(async () => {
    s = await analyzeDir(dir);
  });
  afterAll(() => cleanup(dir));
  const v = (metric: Parameters<typeof metricValue>[1], scope: Parameters<typeof metricValue>[2] = { type: 'total' }) =>
    metricValue(s, metric, scope, null, 'head');

  it('import depth, cycles, unresolved references, invalid skill names', () => {
    expect(v('maxDepth')).toMatchObject({ value: 2, location: { file: 'CLAUDE.md' } });
    expect(v('cycles')?.value).toBe(1);
    expect(v('unresolved')).toMatchObject({ value: 1, location: { file: 'CLAUDE.md', line: 5 } });
    // Claude Code lists a skill under any folder name (2.1.332); a front matter name it can't show is ignored: that is what counts.
    expect(v('invalidSkillNames')).toEqual({ value: 1, location: { file: '.claude/skills/spaced/SKILL.md', line: 2 } });
    expect(v('errors')?.value).toBe(s.diagnostics.filter((d) => d.severity === 'error').length);
    expect(v('unmeasured')?.value).toBe(0);
  });

  it('scoped tokens: total, a category, a unit, a kind, a glob; nothing for what does not exist', () => {
    const total = v('eagerTokens')!.value;
    expect(total).toBe(s.totals.eagerTokens);
    expect(v('onDemandTokens')!.value).toBe(s.totals.onDemandTokens);
    expect(v('eagerTokens', { type: 'unit', value: 'project' })!.value).toBe(total);
    expect(v('eagerTokens', { type: 'unit', value: 'no-such-plugin' })!.value).toBe(0);
    const docs = v('eagerTokens', { type: 'files', value: 'docs/**' })!.value;
    const rules = v('eagerTokens', { type: 'files', value: '.claude/rules/**' })!.value;
    expect(docs).toBeGreaterThan(0);
    expect(rules).toBeGreaterThan(0);
    expect(docs + rules).toBeLessThan(total);
    expect(v('eagerTokens', { type: 'files', value: 'nothing/**' })!.value).toBe(0);
    expect(v('onDemandTokens', { type: 'kind', value: 'skill' })!.value).toBeGreaterThan(0);
    expect(v('eagerTokens', { type: 'kind', value: 'agent' })!.value).toBe(0);
    const cats = s.categories.filter((c) => c.loading === 'eager');
    expect(cats.reduce((a, c) => a + v('eagerTokens', { type: 'category', value: c.category })!.value, 0)).toBe(total);
  });

  it('load time needs a measurement; the base side is 1, the head its ratio', () => {
    expect(v('loadTimeRatio')).toBeNull();
    const lt = { rounds: 3, baseMedianMs: 10, headMedianMs: 15, ratio: 1.5, ratioMin: 1.4, ratioMax: 1.6, source: 'parse' as const };
    expect(metricValue(s, 'loadTimeRatio', { type: 'total' }, lt, 'head')?.value).toBe(1.5);
    expect(metricValue(s, 'loadTimeRatio', { type: 'total' }, lt, 'base')?.value).toBe(1);
  });
});
