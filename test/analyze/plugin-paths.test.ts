/**
 * Where a plugin's manifest puts its components (src/analyze/loaders/components.ts): a path to one
 * command file beside a folder, an output style given as one file, MCP servers given as a list of
 * files, and a plugin whose root is itself a skill (issue 24: these mutants had no covering test in
 * the mutation suite).
 */
import { describe, expect, it } from 'vitest';
import { analyzeFiles, file, plugin } from '../helpers.js';

describe("a plugin's manifest paths", () => {
  it('commands: one file is one command under its file name, a folder gives each file with its subfolders', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit', {}, { commands: ['./extra/deploy.md', './more'] }),
      'plugins/kit/extra/deploy.md': '---\ndescription: Deploys.\n---\nGo.\n',
      'plugins/kit/extra/unlisted.md': '---\ndescription: Not in the manifest.\n---\n',
      'plugins/kit/more/sub/x.md': '---\ndescription: X.\n---\nGo.\n',
      'plugins/kit/more/readme.txt': 'Not a command.\n',
      // The default folder is replaced by the manifest's paths.
      'plugins/kit/commands/default.md': '---\ndescription: Default folder.\n---\n',
    });
    expect(s.listings.skills.items.map((i) => `${i.name} ${i.kind} ${i.file}`)).toEqual([
      'kit:deploy command plugins/kit/extra/deploy.md',
      'kit:sub:x command plugins/kit/more/sub/x.md',
    ]);
  });

  it('a plugin whose root holds SKILL.md, and whose manifest names no skills, is a skill named after the plugin', async () => {
    const files = {
      'CLAUDE.md': '# P\n',
      'plugins/kit/SKILL.md': '---\ndescription: Root skill.\n---\nBody.\n',
      'plugins/kit/notes.txt': 'Notes.\n',
    };
    const s = await analyzeFiles({ ...files, ...plugin('kit') });
    expect(s.listings.skills.items.map((i) => `${i.name}: ${i.description}`)).toEqual(['kit:kit: Root skill.']);
    expect(file(s, 'plugins/kit/notes.txt')).toMatchObject({
      kind: 'resource',
      loading: 'on-demand',
      reason: 'bundled with skill kit: read only when the skill reads it',
    });
    // With the manifest's own skills, the root's SKILL.md is not one.
    const named = await analyzeFiles({
      ...files,
      ...plugin('kit', {}, { skills: ['./skills/a'] }),
      'plugins/kit/skills/a/SKILL.md': '---\ndescription: A.\n---\n',
    });
    expect(named.listings.skills.items.map((i) => i.name)).toEqual(['kit:a']);
  });

  it('outputStyles: one file is an output style named after the file, applied when it forces itself', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit', {}, { outputStyles: './styles/terse.md.md' }),
      'plugins/kit/styles/terse.md.md': '---\nforce-for-plugin: true\n---\nBe terse.\n',
    });
    expect(s.components.filter((c) => c.kind === 'output-style').map((c) => `${c.id} ${c.loading}`)).toEqual(['output-style:kit:terse.md eager']);
    expect(file(s, 'plugins/kit/styles/terse.md.md')).toMatchObject({
      category: 'output-style',
      reason: 'plugin output style with force-for-plugin: applies without being selected',
    });
  });

  it('mcpServers: a list of files, each read for its servers; a missing file or a non-path is skipped', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit', {}, { mcpServers: ['./mcp/a.json', 7, './mcp/missing.json', './mcp/b.json'] }),
      'plugins/kit/mcp/a.json': JSON.stringify({ mcpServers: { db: { command: 'x' } } }),
      'plugins/kit/mcp/b.json': JSON.stringify({ mcpServers: { search: { command: 'y' } } }),
      // The default .mcp.json is not read when the manifest names files.
      'plugins/kit/.mcp.json': JSON.stringify({ mcpServers: { ignored: { command: 'z' } } }),
    });
    expect(s.unknowns.filter((u) => u.kind === 'mcp-server').map((u) => `${u.unit} ${u.name} ${u.file}`)).toEqual([
      'kit db plugins/kit/mcp/a.json',
      'kit search plugins/kit/mcp/b.json',
    ]);
    // One path as a string is the same as a list of one.
    const one = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit', {}, { mcpServers: './mcp/a.json' }),
      'plugins/kit/mcp/a.json': JSON.stringify({ mcpServers: { db: { command: 'x' } } }),
    });
    expect(one.unknowns.map((u) => `${u.name} ${u.file}`)).toEqual(['db plugins/kit/mcp/a.json']);
  });

  it('agents: each file the manifest names is one agent under its file name, whatever its folder; a folder refuses the manifest', async () => {
    const files = {
      'CLAUDE.md': '# P\n',
      'plugins/kit/extra/solo.md': '---\ndescription: Alone.\n---\n',
      'plugins/kit/crew/ops/db.md': '---\ndescription: Databases.\n---\n',
    };
    const s = await analyzeFiles({
      ...files,
      ...plugin('kit', {}, { agents: ['./extra/solo.md', './crew/ops/db.md'] }),
    });
    expect(s.listings.agents.items.map((i) => i.name).sort()).toEqual(['kit:db', 'kit:solo']);
    const refused = await analyzeFiles({
      ...files,
      ...plugin('kit', {}, { agents: ['./extra/solo.md', './crew'] }),
    });
    expect(refused.listings.agents.items).toEqual([]);
    expect(refused.diagnostics.map((d) => d.message)).toContain(
      'agents: "./crew" must be a path ending with ".md": Claude Code refuses this manifest and loads nothing of plugin "kit" (`claude plugin validate` shows it)',
    );
  });
});

describe('workflows', () => {
  const wf = (name: string, extra = '') => `export const meta = { name: '${name}', description: 'Ships it'${extra} };\nthrow new Error('never run');\n`;

  it("a plugin's workflow is listed under the plugin's prefix; when_to_use follows the description; one over the size limit is ignored with a warning", async () => {
    const s = await analyzeFiles(
      {
        'CLAUDE.md': '# P\n',
        ...plugin('kit'),
        'plugins/kit/workflows/ship.js': wf('ship', ", whenToUse: 'when asked'"),
        '.claude/workflows/plain.mjs': wf('plain'),
        '.claude/workflows/big.js': wf('big') + `// ${'x'.repeat(300)}\n`,
        '.claude/workflows/notes.txt': 'not a workflow',
      },
      { workflowMaxBytes: 200 },
    );
    expect(s.listings.skills.items.filter((i) => i.kind === 'workflow').map((i) => i.text)).toEqual(['- plain: Ships it', '- kit:ship: Ships it - when asked']);
    expect(file(s, '.claude/workflows/plain.mjs')).toMatchObject({
      kind: 'workflow',
      loading: 'not-loaded',
      reason: 'workflow script: runs when invoked, never sent as text',
    });
    expect(file(s, '.claude/workflows/big.js')).toMatchObject({ loading: 'not-loaded', reason: 'workflow over 200 bytes: ignored by Claude Code' });
    expect(s.diagnostics).toContainEqual(
      expect.objectContaining({
        file: '.claude/workflows/big.js',
        code: 'workflow-too-large',
        severity: 'warning',
        message: expect.stringMatching(/^workflow is \d+ bytes > 200: Claude Code ignores it$/),
      }),
    );
    expect(
      s.components
        .filter((c) => c.kind === 'workflow')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['workflow:kit:kit:ship', 'workflow:project:plain']);
  });
});
