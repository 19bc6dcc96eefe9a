/**
 * Where a unit's components are found and what they are called (src/analyze/loaders/components.ts):
 * command and output-style names, what is not a skill or a workflow, a manifest path that is a
 * symlink, output styles selected in settings, MCP servers and SessionStart hooks of plugins
 * installed or not (issue 24: these mutants survived the analyzer's own tests).
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeDir, analyzeFiles, cleanup, file, plugin, tmpDir, writeFiles } from '../helpers.js';

const names = (s: Snapshot, kind: string) => s.listings.skills.items.filter((i) => i.kind === kind).map((i) => i.name);
const describeIt = '---\ndescription: D.\n---\nBody.\n';

describe('names and what is not a component', () => {
  it('a command is named by its path without the final .md; files not ending in .md are not commands', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/commands/a.mdx.md': describeIt,
      '.claude/commands/ops/deploy.md': describeIt,
      '.claude/commands/notes.md.bak': describeIt,
    });
    expect(names(s, 'command')).toEqual(['a.mdx', 'ops:deploy']);
  });

  it('a skill is SKILL.md one folder below skills/: deeper, or with a suffix, it is a file of that skill or nothing', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/skills/top/SKILL.md': describeIt,
      '.claude/skills/top/inner/SKILL.md': describeIt,
      '.claude/skills/group/deep/SKILL.md': describeIt,
      '.claude/skills/old/SKILL.md.orig': describeIt,
    });
    expect(names(s, 'skill')).toEqual(['top']);
    expect(file(s, '.claude/skills/top/inner/SKILL.md')).toMatchObject({
      kind: 'resource',
      loading: 'on-demand',
      reason: 'bundled with skill top: read only when the skill reads it',
    });
    for (const p of ['.claude/skills/group/deep/SKILL.md', '.claude/skills/old/SKILL.md.orig'])
      expect(file(s, p)).toMatchObject({ kind: 'other', loading: 'not-loaded', reason: 'not in any location Claude Code loads from' });
  });

  it("a plugin's root skill does not bundle the plugin's other skills as its files", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit', { 'SKILL.md': describeIt, 'skills/a/SKILL.md': describeIt, 'docs/guide.md': 'Guide.\n' }),
    });
    expect(names(s, 'skill').sort()).toEqual(['kit:a', 'kit:kit']);
    expect(file(s, 'plugins/kit/skills/a/SKILL.md')).toMatchObject({ kind: 'skill' });
    expect(file(s, 'plugins/kit/docs/guide.md')).toMatchObject({ kind: 'resource', reason: 'bundled with skill kit: read only when the skill reads it' });
  });

  it('a workflow is a .js or .mjs file directly in workflows/', async () => {
    const wf = (name: string) => `export const meta = { name: '${name}', description: 'Ships it' };\n`;
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/workflows/ship.js': wf('ship'),
      '.claude/workflows/lib/helper.js': wf('helper'),
      '.claude/workflows/old.js.bak': wf('old'),
    });
    expect(names(s, 'workflow')).toEqual(['ship']);
  });

  it('an output style is named by its front matter, or by its file name without the final .md', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/output-styles/a.mdx.md': 'Terse.\n',
      '.claude/output-styles/named.md': '---\nname: Formal\n---\nFormal.\n',
      '.claude/output-styles/notes.md.bak': 'Not a style.\n',
    });
    expect(s.components.filter((c) => c.kind === 'output-style').map((c) => c.id)).toEqual(['output-style:project:a.mdx', 'output-style:project:Formal']);
  });
});

describe('a manifest path that is a symlink to a file', () => {
  it('is one command named after the link', async () => {
    const dir = tmpDir();
    try {
      writeFiles(dir, {
        'CLAUDE.md': '# P\n',
        ...plugin('kit', { 'extra/deploy.md': '---\ndescription: Deploys.\n---\nGo.\n' }, { commands: ['./ship.md'] }),
      });
      symlinkSync('extra/deploy.md', path.join(dir, 'plugins/kit/ship.md'));
      const s = await analyzeDir(dir);
      expect(s.listings.skills.items.map((i) => `${i.name} ${i.kind}`)).toEqual(['kit:ship command']);
    } finally {
      cleanup(dir);
    }
  });
});

describe('output styles', () => {
  const styles = { 'CLAUDE.md': '# P\n', '.claude/output-styles/terse.md': 'Be terse.\n', ...plugin('kit', { 'output-styles/formal.md': 'Be formal.\n' }) };
  const loaded = (s: Snapshot) =>
    s.components.filter((c) => c.kind === 'output-style').map((c) => `${c.id} ${c.loading} ${file(s, c.file).category}: ${file(s, c.file).reason}`);

  it('none is selected: each is not loaded', async () => {
    expect(loaded(await analyzeFiles(styles))).toEqual([
      'output-style:project:terse not-loaded other: output style not selected in settings',
      'output-style:kit:formal not-loaded other: output style not selected in settings',
    ]);
  });

  it("one selected by its name, or a plugin's by its prefixed name, loads at session start", async () => {
    expect(loaded(await analyzeFiles({ ...styles, '.claude/settings.json': JSON.stringify({ outputStyle: 'terse' }) }))).toEqual([
      'output-style:project:terse eager output-style: output style selected in settings (outputStyle: terse)',
      'output-style:kit:formal not-loaded other: output style not selected in settings',
    ]);
    expect(loaded(await analyzeFiles({ ...styles, '.claude/settings.json': JSON.stringify({ outputStyle: 'kit:formal' }) }))).toEqual([
      'output-style:project:terse not-loaded other: output style not selected in settings',
      'output-style:kit:formal eager output-style: output style selected in settings (outputStyle: kit:formal)',
    ]);
  });

  it("force-for-plugin forces a plugin's style, never the project's", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/output-styles/terse.md': '---\nforce-for-plugin: true\n---\nBe terse.\n',
      ...plugin('kit', { 'output-styles/formal.md': '---\nforce-for-plugin: true\n---\nBe formal.\n' }),
    });
    expect(loaded(s)).toEqual([
      'output-style:project:terse not-loaded other: output style not selected in settings',
      'output-style:kit:formal eager output-style: plugin output style with force-for-plugin: applies without being selected',
    ]);
  });
});

describe("a plugin's MCP servers and SessionStart hooks", () => {
  const hooks = (n: number) => ({ hooks: { SessionStart: [{ hooks: Array.from({ length: n }, () => ({ type: 'command', command: 'echo' })) }] } });
  const kit = {
    'CLAUDE.md': '# P\n',
    ...plugin('kit', {
      '.mcp.json': JSON.stringify({ mcpServers: { db: { command: 'x' }, search: { command: 'y' } } }),
      'hooks/hooks.json': JSON.stringify(hooks(2)),
    }),
  };

  it('installed: each server and the hooks are unknowns of the plugin; the hooks file is not loaded', async () => {
    const s = await analyzeFiles(kit);
    expect(s.unknowns.map((u) => `${u.kind} ${u.unit} ${u.name} ${u.file}`)).toEqual([
      'mcp-server kit db plugins/kit/.mcp.json',
      'mcp-server kit search plugins/kit/.mcp.json',
      'session-start-hook kit SessionStart (2) plugins/kit/hooks/hooks.json',
    ]);
    expect(s.unknowns[0]!.note).toBe('MCP server: its tool schemas load at session start; their size is unknown without starting the server');
    expect(s.unknowns[2]!.note).toBe('SessionStart hook: may inject its command output into every session; unknown statically');
    expect(file(s, 'plugins/kit/hooks/hooks.json')).toMatchObject({
      kind: 'hook',
      loading: 'not-loaded',
      reason: 'hooks configuration (runs commands; not sent to the model)',
    });
    const unit = s.units.find((u) => u.name === 'kit')!;
    expect(unit).toMatchObject({ mcpServers: ['db', 'search'], sessionStartHooks: 2 });
  });

  it('not installed: nothing is unknown, and the plugin still says what it has', async () => {
    const dir = tmpDir();
    try {
      writeFiles(dir, kit);
      const s = await analyzeDir(dir, {}, 'none');
      expect(s.unknowns).toEqual([]);
      expect(s.units.find((u) => u.name === 'kit')).toMatchObject({ mcpServers: ['db', 'search'], sessionStartHooks: 2 });
    } finally {
      cleanup(dir);
    }
  });

  it('the standard hooks/hooks.json always loads; the manifest adds files or inline hooks; no SessionStart is no unknown', async () => {
    // Claude Code 2.x: "The standard hooks/hooks.json is loaded automatically, so manifest.hooks should
    // only reference additional hook files" (its error when a manifest names it again).
    const std = 'SessionStart (5) plugins/kit/hooks/hooks.json';
    const cases: [unknown, Record<string, string>, string[]][] = [
      ['./cfg/a.json', { 'cfg/a.json': JSON.stringify(hooks(1)) }, [std, 'SessionStart (1) plugins/kit/cfg/a.json']],
      [
        ['./cfg/a.json', 7, './cfg/missing.json', './cfg/b.json'],
        { 'cfg/a.json': JSON.stringify(hooks(1)), 'cfg/b.json': JSON.stringify(hooks(3)['hooks']) },
        [std, 'SessionStart (1) plugins/kit/cfg/a.json', 'SessionStart (3) plugins/kit/cfg/b.json'],
      ],
      [hooks(2).hooks, {}, ['SessionStart (2) plugins/kit/.claude-plugin/plugin.json', std]],
      [{ PreToolUse: [{ hooks: [{ type: 'command', command: 'echo' }] }] }, {}, [std]],
    ];
    for (const [declared, files, expected] of cases) {
      const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', ...plugin('kit', { ...files, 'hooks/hooks.json': JSON.stringify(hooks(5)) }, { hooks: declared }) });
      expect(s.unknowns.map((u) => `${u.name} ${u.file}`)).toEqual(expected);
      expect(s.diagnostics.filter((d) => d.code === 'invalid-manifest')).toEqual([]);
    }
  });

  it('a manifest that names the standard hooks file again counts its hooks once, and a warning says what Claude Code reports', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', ...plugin('kit', { 'hooks/hooks.json': JSON.stringify(hooks(2)) }, { hooks: './hooks/hooks.json' }) });
    expect(s.unknowns.map((u) => `${u.name} ${u.file}`)).toEqual(['SessionStart (2) plugins/kit/hooks/hooks.json']);
    expect(s.units.find((u) => u.name === 'kit')!.sessionStartHooks).toBe(2);
    expect(s.diagnostics.filter((d) => d.code === 'invalid-manifest')).toEqual([
      {
        file: 'plugins/kit/.claude-plugin/plugin.json',
        line: 1,
        severity: 'warning',
        code: 'invalid-manifest',
        message:
          'hooks: "./hooks/hooks.json" is the standard hooks/hooks.json, which Claude Code loads anyway: it loads it once and reports "Duplicate hooks file detected"',
      },
    ]);
  });
});

describe('what lies beside the component folders', () => {
  it('.js and .md files directly in .claude/, and an agent file with a suffix, are no workflow, output style or agent', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/ship.js': "export const meta = { name: 'ship', description: 'Ships it' };\n",
      '.claude/notes.md': 'Notes.\n',
      '.claude/agents/old.md.bak': '---\nname: old\ndescription: Old.\n---\n',
    });
    expect(s.listings.skills.items).toEqual([]);
    expect(s.listings.agents.items).toEqual([]);
    expect(s.components.filter((c) => c.kind === 'output-style' || c.kind === 'workflow')).toEqual([]);
  });

  it("a plugin's MCP servers given inline in its manifest are its own, named by the manifest", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit', { '.mcp.json': JSON.stringify({ mcpServers: { ignored: { command: 'z' } } }) }, { mcpServers: { db: { command: 'x' } } }),
    });
    expect(s.unknowns.map((u) => `${u.kind} ${u.name} ${u.file}`)).toEqual(['mcp-server db plugins/kit/.claude-plugin/plugin.json']);
  });

  it("a plugin's root skill is named after the plugin, whatever its folder is called", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude-plugin/marketplace.json': JSON.stringify({ name: 'm', owner: { name: 'o' }, plugins: [{ name: 'kit', source: './plugins/kit-folder' }] }),
      'plugins/kit-folder/.claude-plugin/plugin.json': JSON.stringify({ name: 'kit' }),
      'plugins/kit-folder/SKILL.md': describeIt,
    });
    expect(names(s, 'skill')).toEqual(['kit:kit']);
  });
});
