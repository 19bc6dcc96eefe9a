/**
 * What the diff lists between two real frameworks (src/compare/diff.ts): a unit or component that
 * changed in one kind of tokens only, a file whose bytes changed but not its tokens, and the added
 * and removed references, cycles, diagnostics and listing entries, each one by one.
 */
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/compare/diff.js';
import { analyzeFiles, plugin } from '../helpers.js';

const snap = (files: Record<string, string>) => analyzeFiles(files);
const text = (topic: string, n: number) => Array.from({ length: n }, (_, i) => `${topic} line ${i} guides the session.`).join('\n') + '\n';
const skill = (desc: string, body: string) => `---\ndescription: ${desc}\n---\n${body}`;

describe('units and components', () => {
  const base = { 'CLAUDE.md': text('memory', 3), '.claude/skills/report/SKILL.md': skill('Writes the report.', text('report', 2)) };

  it('always-loaded growth alone is a change of the unit', async () => {
    const d = diffSnapshots(await snap(base), await snap({ ...base, 'CLAUDE.md': text('memory', 9) }));
    expect(d.units).toHaveLength(1);
    expect(d.units[0]).toMatchObject({ name: 'project', status: 'changed', onDemand: { delta: 0 } });
    expect(d.units[0]!.eager.delta).toBeGreaterThan(0);
  });

  it('on-demand growth alone is a change of the unit and of its component', async () => {
    const d = diffSnapshots(await snap(base), await snap({ ...base, '.claude/skills/report/SKILL.md': skill('Writes the report.', text('report', 20)) }));
    expect(d.units).toHaveLength(1);
    expect(d.units[0]).toMatchObject({ name: 'project', status: 'changed', eager: { delta: 0 } });
    expect(d.units[0]!.onDemand.delta).toBeGreaterThan(0);
    const c = d.components.find((x) => x.file === '.claude/skills/report/SKILL.md')!;
    expect(c).toMatchObject({ status: 'changed', eager: { delta: 0 } });
    expect(c.onDemand.delta).toBeGreaterThan(0);
    expect(d.components.filter((x) => x.file !== '.claude/skills/report/SKILL.md')).toEqual([]);
  });

  it('a file whose bytes changed but not its tokens is still listed as changed', async () => {
    const a = await snap({ 'CLAUDE.md': 'The cat sat on the mat.\n' });
    const b = await snap({ 'CLAUDE.md': 'The dog sat on the mat.\n' });
    const d = diffSnapshots(a, b);
    expect(d.totals.eagerTokens.delta).toBe(0);
    expect(d.files).toEqual([expect.objectContaining({ path: 'CLAUDE.md', status: 'changed', tokens: expect.objectContaining({ delta: 0 }) })]);
    expect(diffSnapshots(a, a).files).toEqual([]);
  });
});

describe('entries and units that carry no tokens', () => {
  it('a skill turned off by skillOverrides leaves the listing: removed, and its edits are not changes', async () => {
    const skills = (desc: string) => ({
      '.claude/skills/x/SKILL.md': `---\ndescription: ${desc} x\n---\nBody\n`,
      '.claude/skills/y/SKILL.md': `---\ndescription: ${desc} y\n---\nBody\n`,
    });
    const off = { '.claude/settings.json': JSON.stringify({ skillOverrides: { x: 'off' } }) };
    const d = diffSnapshots(await snap(skills('Old')), await snap({ ...skills('New'), ...off }));
    expect(d.listings.skills.removed).toEqual(['x']);
    expect(d.listings.skills.changed).toEqual(['y']);
    const both = diffSnapshots(await snap({ ...skills('Old'), ...off }), await snap({ ...skills('New'), ...off }));
    expect(both.listings.skills.changed).toEqual(['y']);
    expect(both.listings.skills.removed).toEqual([]);
  });

  it('a plugin added with nothing the model reads is still listed as an added unit', async () => {
    const market = JSON.stringify({ name: 'm', owner: { name: 'o' }, plugins: [{ name: 'quiet', source: './plugins/quiet' }] });
    const d = diffSnapshots(
      await snap({ 'CLAUDE.md': text('memory', 2) }),
      await snap({
        'CLAUDE.md': text('memory', 2),
        '.claude-plugin/marketplace.json': market,
        'plugins/quiet/.claude-plugin/plugin.json': JSON.stringify({ name: 'quiet' }),
      }),
    );
    const quiet = d.units.find((u) => u.name === 'quiet');
    expect(quiet).toMatchObject({ status: 'added', eager: { delta: 0 }, onDemand: { delta: 0 } });
  });
});

describe('lists, added and removed one by one', () => {
  it('references, cycles and diagnostics already on the base are not added again', async () => {
    const base = await snap({
      'CLAUDE.md': '# P\n\n@docs/missing-a.md\n@docs/a.md\n',
      'docs/a.md': 'A\n\n@b.md\n',
      'docs/b.md': 'B\n\n@a.md\n',
      '.claude/skills/one/SKILL.md': '---\ndescription: [broken\n---\nBody\n',
    });
    const head = await snap({
      'CLAUDE.md': '# P\n\n@docs/missing-a.md\n@docs/missing-b.md\n@docs/a.md\n@docs/c.md\n',
      'docs/a.md': 'A\n\n@b.md\n',
      'docs/b.md': 'B\n\n@a.md\n',
      'docs/c.md': 'C\n\n@d.md\n',
      'docs/d.md': 'D\n\n@c.md\n',
      '.claude/skills/one/SKILL.md': '---\ndescription: [broken\n---\nBody\n',
      '.claude/skills/two/SKILL.md': '---\ndescription: [also broken\n---\nBody\n',
    });
    const d = diffSnapshots(base, head);
    expect(d.graph.unresolvedAdded.map((u) => u.ref)).toEqual(['docs/missing-b.md']);
    expect(d.graph.unresolvedRemoved).toEqual([]);
    expect(d.graph.cyclesAdded).toHaveLength(1);
    expect(d.graph.cyclesAdded[0]!.join(' ')).toMatch(/docs\/c\.md.*docs\/d\.md|docs\/d\.md.*docs\/c\.md/);
    expect(d.graph.cyclesRemoved).toEqual([]);
    const added = d.diagnostics.added.map((x) => x.file);
    expect(added).toContain('.claude/skills/two/SKILL.md');
    expect(added).not.toContain('.claude/skills/one/SKILL.md');
    expect(d.diagnostics.fixed).toEqual([]);
  });

  it('listing entries whose line changed, sorted by name (skills and commands mixed)', async () => {
    const tree = (desc: string) => ({
      '.claude/skills/b-skill/SKILL.md': `---\ndescription: ${desc} b\n---\nBody\n`,
      '.claude/commands/a-cmd.md': `---\ndescription: ${desc} a\n---\nBody\n`,
      '.claude/commands/c-cmd.md': `---\ndescription: ${desc} c\n---\nBody\n`,
    });
    const [a, b] = [await snap(tree('Old')), await snap(tree('New'))];
    // The listing's own order is not by name, so the diff's order is its own doing.
    expect(b.listings.skills.items.map((e) => e.name).filter((n) => n.endsWith('-cmd') || n === 'b-skill')).not.toEqual(['a-cmd', 'b-skill', 'c-cmd']);
    const d = diffSnapshots(a, b);
    expect(d.listings.skills.changed).toEqual(['a-cmd', 'b-skill', 'c-cmd']);
    expect(d.listings.skills.added).toEqual([]);
  });
});

describe('the judged listings and the files read on neither side', () => {
  it('names the plugin whose agents are judged in a marketplace judged per plugin', async () => {
    const market = {
      ...plugin('alpha'),
      'plugins/alpha/agents/helper.md': `---\nname: helper\ndescription: ${'Helps. '.repeat(30)}\n---\nBody.\n`,
    };
    const d = diffSnapshots(await snap({ 'CLAUDE.md': '# P\n' }), await snap({ 'CLAUDE.md': '# P\n', ...market }));
    expect(d.listings.judged).toMatchObject({ scope: 'per-plugin', agentUnit: 'alpha' });
    expect(d.listings.judged.agentTokens.delta).toBeGreaterThan(0);
  });

  it('a file that could be read on neither side is changed, never "same bytes": an empty digest proves nothing', async () => {
    const s = await snap({ 'CLAUDE.md': text('memory', 3) });
    const unread = (tokens: number) => ({ ...s, files: s.files.map((f) => ({ ...f, sha: '', tokens, eagerTokens: tokens })) });
    const f = diffSnapshots(unread(5), unread(9)).files[0]!;
    expect(f).toMatchObject({ path: 'CLAUDE.md', status: 'changed' });
    // Equal digests that are real are "same bytes, affected".
    const same = (tokens: number) => ({ ...s, files: s.files.map((x) => ({ ...x, tokens, eagerTokens: tokens })) });
    expect(diffSnapshots(same(5), same(9)).files[0]).toMatchObject({ status: 'affected' });
  });
});
