/**
 * A skill whose front matter name differs from its folder (src/analyze/loaders/prompts.ts): listed
 * under the folder's name with a valid front matter name in parentheses (`data_viz (DataViz)`, the
 * plugin's prefix on both), an invalid one ignored, as Claude Code 2.1.332 lists them (issue 24:
 * these mutants survived the in-process suite).
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeFiles, plugin } from '../helpers.js';

const skill = (name: string) => `---\nname: ${name}\ndescription: Charts.\n---\nBody.\n`;
const entry = (s: Snapshot, file: string) => s.listings.skills.items.find((i) => i.file === file);
const diag = (s: Snapshot, file: string) => s.diagnostics.filter((d) => d.file === file && /skill-name/.test(d.code));

describe('skill aliases', () => {
  it('a project skill: the valid front matter name follows in parentheses, and an info says how it is listed', async () => {
    const f = '.claude/skills/data_viz/SKILL.md';
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', [f]: skill('DataViz') });
    expect(entry(s, f)).toMatchObject({ name: 'data_viz', alias: 'DataViz' });
    expect(diag(s, f)).toEqual([
      expect.objectContaining({
        code: 'skill-name-mismatch',
        severity: 'info',
        line: 2,
        message: 'front matter name "DataViz" differs from the directory "data_viz": listed as "data_viz (DataViz)"',
      }),
    ]);
  });

  it("a plugin's skill: both names carry the plugin's prefix", async () => {
    const f = 'plugins/kit/skills/data_viz/SKILL.md';
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit'),
      [f]: skill('DataViz'),
    });
    expect(entry(s, f)).toMatchObject({ name: 'kit:data_viz', alias: 'kit:DataViz' });
    expect(diag(s, f)[0]?.message).toBe('front matter name "DataViz" differs from the directory "data_viz": listed as "kit:data_viz (kit:DataViz)"');
  });

  it('the same name, or one that differs only by surrounding spaces, is no alias', async () => {
    const f = '.claude/skills/charts/SKILL.md';
    for (const name of ['charts', '"  charts  "']) {
      const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', [f]: skill(name) });
      expect(entry(s, f)?.alias, name).toBeUndefined();
      expect(diag(s, f), name).toEqual([]);
    }
  });

  it('an invalid name (a space, or longer than the alias limit) is ignored, and named in an info cut to 80 characters', async () => {
    const f = '.claude/skills/charts/SKILL.md';
    const spaced = await analyzeFiles({ 'CLAUDE.md': '# P\n', [f]: skill('Data Viz') });
    expect(entry(spaced, f)?.alias).toBeUndefined();
    expect(diag(spaced, f)).toEqual([
      expect.objectContaining({
        code: 'invalid-skill-name',
        message: 'front matter name "Data Viz" is not a valid skill name and is ignored: listed as "charts"',
      }),
    ]);
    const long = 'a'.repeat(257);
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', [f]: skill(long) });
    expect(entry(s, f)?.alias).toBeUndefined();
    expect(diag(s, f)[0]?.message).toBe(`front matter name "${'a'.repeat(80)}" is not a valid skill name and is ignored: listed as "charts"`);
    // At the limit, the alias is shown.
    const at = await analyzeFiles({ 'CLAUDE.md': '# P\n', [f]: skill('a'.repeat(256)) });
    expect(entry(at, f)?.alias).toBe('a'.repeat(256));
  });
});

describe('a name the listed name already ends with', () => {
  it('is no alias: a folder "ns:data" named "data" is listed as "ns:data" alone', async () => {
    const f = '.claude/skills/ns:data/SKILL.md';
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', [f]: skill('data') });
    expect(s.listings.skills.items.map((i) => i.text)).toEqual(['- ns:data: Charts.']);
  });
});
