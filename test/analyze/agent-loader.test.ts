/**
 * Agents (src/analyze/loaders/agents.ts), as Claude Code 2.1.332 lists them: front matter that does
 * not parse drops a project agent and falls back for a plugin's, names are trimmed and namespaced by
 * plugin and folder (issue 24: these mutants survived the in-process suite).
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeFiles, file, plugin } from '../helpers.js';

const listed = (s: Snapshot) => s.listings.agents.items.map((i) => `${i.name}: ${i.description ?? ''}`);

describe('agents whose front matter does not parse', () => {
  const BROKEN = '---\nname: broken\ndescription: "unclosed quote\n---\nBody.\n';

  it('a project agent is not loaded, and a warning names the parse error and its line', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/agents/broken.md': BROKEN,
      '.claude/agents/fine.md': '---\ndescription: Fine.\n---\nBody.\n',
    });
    expect(file(s, '.claude/agents/broken.md')).toMatchObject({
      loading: 'not-loaded',
      category: 'other',
      reason: 'agent whose front matter does not parse: Claude Code does not load it',
    });
    const d = s.diagnostics.find((x) => x.code === 'agent-not-loaded');
    expect(d).toMatchObject({ file: '.claude/agents/broken.md', severity: 'warning' });
    expect(d!.line).toBeGreaterThanOrEqual(2);
    expect(d!.message).toMatch(/^front matter does not parse \(.+\): Claude Code does not load this agent$/);
    expect(listed(s)).toEqual(['fine: Fine.']);
  });

  it("a plugin's agent is listed under its file name with the fallback description, every other field dropped", async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', ...plugin('kit', { 'agents/pbroken.md': BROKEN }) });
    expect(listed(s)).toEqual(['kit:pbroken: Agent from kit plugin']);
    expect(s.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'plugins/kit/agents/pbroken.md',
        code: 'agent-fallback',
        message: expect.stringMatching(/: Claude Code lists this agent as "kit:pbroken" with the description "Agent from kit plugin"$/),
      }),
    );
    expect(s.diagnostics.some((x) => x.code === 'agent-not-loaded')).toBe(false);
  });
});

describe('agent names', () => {
  it('a front matter name is trimmed; without one, the file name less its final .md', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/agents/a.md': '---\nname: "  reviewer  "\ndescription: Reviews.\n---\nBody.\n',
      '.claude/agents/docs.md-writer.md': '---\ndescription: Writes docs.\n---\nBody.\n',
    });
    expect(listed(s)).toEqual(expect.arrayContaining(['reviewer: Reviews.', 'docs.md-writer: Writes docs.']));
    expect(listed(s)).toHaveLength(2);
  });

  it("a plugin's agents are namespaced by the plugin and by the folders below its agents folder", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit', {
        'agents/top.md': '---\ndescription: Top.\n---\n',
        'agents/ops/deep/db.md': '---\nname: dba\ndescription: Databases.\n---\n',
        'agents/when.md': '---\nwhen_to_use: When needed.\n---\n',
        'agents/bare.md': '---\nmodel: haiku\n---\n',
      }),
    });
    expect(listed(s).sort()).toEqual(['kit:bare: Agent from kit plugin', 'kit:ops:deep:dba: Databases.', 'kit:top: Top.', 'kit:when: When needed.']);
  });

  it('a project agent without a description, or without front matter, is not loaded', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/agents/nodesc.md': '---\nname: nodesc\n---\nBody.\n',
      '.claude/agents/plain.md': 'Just text.\n',
    });
    expect(listed(s)).toEqual([]);
    expect(file(s, '.claude/agents/nodesc.md')).toMatchObject({ loading: 'not-loaded', reason: 'agent without a description: Claude Code does not load it' });
    expect(file(s, '.claude/agents/plain.md')).toMatchObject({ loading: 'not-loaded', reason: 'no frontmatter: not an agent definition' });
    expect(s.diagnostics).toContainEqual(
      expect.objectContaining({
        file: '.claude/agents/nodesc.md',
        code: 'missing-description',
        message: 'agent has no description: Claude Code does not load it',
      }),
    );
  });

  it("a plugin's agent without front matter, or with only when-to-use, is listed; a project agent whose description is spaces is not", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit', { 'agents/plain.md': 'Just a body.\n', 'agents/hyphen.md': '---\nwhen-to-use: When hyphenated.\n---\n' }),
      '.claude/agents/blank.md': '---\ndescription: "   "\n---\nBody.\n',
      '.claude/agents/spaced.md': '---\ndescription: "  Spaced.  "\n---\nBody.\n',
      '.claude/agents/plain.md': 'Just text.\n',
    });
    expect(listed(s).sort()).toEqual(['kit:hyphen: When hyphenated.', 'kit:plain: Agent from kit plugin', 'spaced: Spaced.']);
    expect(file(s, '.claude/agents/blank.md')).toMatchObject({ loading: 'not-loaded', reason: 'agent without a description: Claude Code does not load it' });
    // No front matter: not an agent definition, and no warning about its description.
    expect(s.diagnostics.filter((d) => d.file === '.claude/agents/plain.md')).toEqual([]);
  });
});

describe('agents with one name', () => {
  it('Claude Code keeps the last in path order; the earlier is not loaded, says which one is, and is warned about', async () => {
    const agent = (d: string) => `---\nname: dup\ndescription: ${d}\n---\nBody.\n`;
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/agents/dup-a.md': agent('First.'),
      '.claude/agents/sub/dup-b.md': agent('Second.'),
      '.claude/agents/other.md': '---\ndescription: Other.\n---\n',
    });
    expect(listed(s)).toEqual(['dup: Second.', 'other: Other.']);
    expect(file(s, '.claude/agents/dup-a.md')).toMatchObject({
      loading: 'not-loaded',
      category: 'other',
      reason: 'another agent is named "dup" (.claude/agents/sub/dup-b.md): Claude Code lists only that one',
    });
    expect(s.diagnostics).toContainEqual(
      expect.objectContaining({
        file: '.claude/agents/dup-a.md',
        code: 'duplicate-name',
        message: 'agent name "dup" is also defined by .claude/agents/sub/dup-b.md, which Claude Code lists instead of this one',
      }),
    );
    // One component per listed agent: the earlier one's is gone, the others' stay.
    expect(
      s.components
        .filter((c) => c.kind === 'agent')
        .map((c) => `${c.name} ${c.file}`)
        .sort(),
    ).toEqual(['dup .claude/agents/sub/dup-b.md', 'other .claude/agents/other.md']);
  });
});

describe("an agent's line and records", () => {
  const agent = (fm: string) => `---\nname: a\ndescription: Does A.\n${fm}---\nYou are A.\n`;
  const line = async (fm: string) => (await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/agents/a.md': agent(fm) })).listings.agents.items[0]?.text;

  it('Tools: a list or a comma-separated string, trimmed, empty items dropped; disallowed tools as "All tools except", or left out of the list', async () => {
    expect(await line('')).toBe('- a: Does A. (Tools: All tools)');
    expect(await line('tools:\n  - " Read "\n  - Grep\n  - ""\n')).toBe('- a: Does A. (Tools: Read, Grep)');
    expect(await line('tools: "Read,  Grep , ,Bash"\n')).toBe('- a: Does A. (Tools: Read, Grep, Bash)');
    expect(await line('disallowed-tools: Bash, Write\n')).toBe('- a: Does A. (Tools: All tools except Bash, Write)');
    expect(await line('disallowedTools: [Bash]\n')).toBe('- a: Does A. (Tools: All tools except Bash)');
    expect(await line('tools: Read, Bash, Grep\ndisallowedTools: Bash\n')).toBe('- a: Does A. (Tools: Read, Grep)');
    expect(await line('tools: Bash\ndisallowedTools: Bash\n')).toBe('- a: Does A. (Tools: None)');
  });

  it('the entry is sent at session start, the body when the agent is spawned; its skills are edges', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/agents/a.md': agent('skills: [charts, "docs"]\n'),
      '.claude/agents/b.md': '---\nname: b\ndescription: Does B.\n---\nYou are B.\n',
      '.claude/skills/charts/SKILL.md': '---\ndescription: Charts.\n---\n',
    });
    expect(s.listings.agents.items[0]).toMatchObject({ name: 'a', loading: 'eager', reason: 'agent listing entry, sent at session start' });
    expect(file(s, '.claude/agents/a.md')).toMatchObject({
      loading: 'on-demand',
      category: 'agent-bodies',
      reason: "agent system prompt, loaded in the subagent's own context when spawned",
    });
    expect(s.components.filter((c) => c.kind === 'agent').map((c) => `${c.id} ${c.loading}`)).toEqual(['agent:project:a eager', 'agent:project:b eager']);
    // A skill found is an edge to its file; one not found is unresolved; b names none.
    expect(s.graph.edges.filter((e) => e.type === 'agent-skill')).toEqual([
      { from: '.claude/agents/a.md', to: '.claude/skills/charts/SKILL.md', type: 'agent-skill' },
    ]);
    expect(s.graph.unresolved.filter((u) => u.from.startsWith('.claude/agents/'))).toEqual([
      { from: '.claude/agents/a.md', line: 1, ref: 'docs', reason: 'missing' },
    ]);
  });
});
