/**
 * The project's settings (src/analyze/loaders/settings.ts and applyOverridesAndOrder in prompts.ts),
 * in process: the real binary's reading of them is held by test/conformance/settings-loading.test.ts,
 * which the mutation suite leaves out (issue 24: these mutants had no in-process test).
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeFiles, file } from '../helpers.js';

const settings = (v: unknown) => JSON.stringify(v);
const warnings = (s: Snapshot, p = '.claude/settings.json') => s.diagnostics.filter((d) => d.file === p && d.code === 'settings-value').map((d) => d.message);
const skill = (d: string) => `---\ndescription: ${d}\n---\nBody.\n`;

describe('settings files', () => {
  it('are recorded as not sent to the model, the local one beside the shared one', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/settings.json': '{}', '.claude/settings.local.json': '{}' });
    for (const p of ['.claude/settings.json', '.claude/settings.local.json'])
      expect(file(s, p), p).toMatchObject({ kind: 'settings', loading: 'not-loaded', reason: 'settings (configure loading; not sent to the model)' });
  });

  it('a model id is the judged model, the local file over the shared one; what is not an id is a warning', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/settings.json': settings({ model: 'claude-sonnet-5' }),
      '.claude/settings.local.json': settings({ model: ' claude-haiku-5[1m] ' }),
    });
    expect(s.model).toMatchObject({ id: 'claude-haiku-5[1m]', idFrom: '.claude/settings.local.json' });
    const plain = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/settings.json': settings({ model: 'claude-sonnet-5' }) });
    expect(plain.model).toMatchObject({ id: 'claude-sonnet-5', idFrom: '.claude/settings.json' });
    for (const model of ['not a model!', 'not a model', 7]) {
      const bad = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/settings.json': settings({ model }) });
      expect(bad.model.idFrom, String(model)).toBeUndefined();
      expect(warnings(bad)).toEqual(['"model" is not a model id: ignored here (Claude Code may refuse it)']);
    }
  });

  it('listing numbers: valid ones (numbers or numeric strings) are used, the rest are warnings and the defaults stand', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/settings.json': settings({ skillListingBudgetFraction: '0.5', skillListingMaxDescChars: 120, env: { SLASH_COMMAND_TOOL_CHAR_BUDGET: 0 } }),
    });
    expect(s.model).toMatchObject({ skillListingBudgetFraction: 0.5, skillListingMaxDescChars: 120, skillListingBudgetOverride: 0 });
    expect(warnings(s)).toEqual([]);
    // Numeric strings: an integer, a decimal of several digits, spaces around.
    const strings = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/settings.json': settings({
        skillListingBudgetFraction: ' 0.25 ',
        skillListingMaxDescChars: '120',
        env: { SLASH_COMMAND_TOOL_CHAR_BUDGET: ' 12' },
      }),
    });
    expect(warnings(strings)).toEqual([]);
    expect(strings.model).toMatchObject({ skillListingBudgetFraction: 0.25, skillListingMaxDescChars: 120, skillListingBudgetOverride: 12 });
    // Zero is no fraction and no cap; a budget is a whole number of characters, not below zero.
    const zero = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/settings.json': settings({ skillListingBudgetFraction: 0, skillListingMaxDescChars: 0, env: { SLASH_COMMAND_TOOL_CHAR_BUDGET: -3 } }),
    });
    expect(warnings(zero)).toEqual([
      "skillListingBudgetFraction 0 is not a valid value: Claude Code's default is assumed",
      "skillListingMaxDescChars 0 is not a valid value: Claude Code's default is assumed",
      "env.SLASH_COMMAND_TOOL_CHAR_BUDGET -3 is not a valid value: Claude Code's default is assumed",
    ]);
    const fractional = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/settings.json': settings({ env: { SLASH_COMMAND_TOOL_CHAR_BUDGET: 2.5 } }) });
    expect(warnings(fractional)).toEqual(["env.SLASH_COMMAND_TOOL_CHAR_BUDGET 2.5 is not a valid value: Claude Code's default is assumed"]);
    const bad = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/settings.json': settings({ skillListingBudgetFraction: 1.5, skillListingMaxDescChars: 0.5, env: { SLASH_COMMAND_TOOL_CHAR_BUDGET: '-3' } }),
    });
    expect(warnings(bad)).toEqual([
      "skillListingBudgetFraction 1.5 is not a valid value: Claude Code's default is assumed",
      "skillListingMaxDescChars 0.5 is not a valid value: Claude Code's default is assumed",
      'env.SLASH_COMMAND_TOOL_CHAR_BUDGET "-3" is not a valid value: Claude Code\'s default is assumed',
    ]);
    const defaults = await analyzeFiles({ 'CLAUDE.md': '# P\n' });
    expect(bad.model.skillListingBudgetFraction).toBe(defaults.model.skillListingBudgetFraction);
    expect(bad.model.skillListingMaxDescChars).toBe(defaults.model.skillListingMaxDescChars);
    // At the edges: a fraction of exactly 1 and a cap of exactly 1 are valid.
    const edges = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/settings.json': settings({ skillListingBudgetFraction: 1, skillListingMaxDescChars: 1 }),
    });
    expect(warnings(edges)).toEqual([]);
    expect(edges.model).toMatchObject({ skillListingBudgetFraction: 1, skillListingMaxDescChars: 1 });
  });

  it('claudeMdExcludes and instructionFiles change which memory files load', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      'AGENTS.md': 'Agents.\n',
      'pkg/CLAUDE.md': 'Package.\n',
      'lib/CLAUDE.md': 'Library.\n',
      '.claude/settings.json': settings({ claudeMdExcludes: ['pkg/**', 7], instructionFiles: 'claude-md-and-agents-md' }),
    });
    expect(s.files.find((f) => f.path === 'pkg/CLAUDE.md')?.loading ?? 'not-loaded').toBe('not-loaded');
    expect(file(s, 'lib/CLAUDE.md').loading).toBe('on-demand');
    expect(file(s, 'AGENTS.md').loading).toBe('eager');
    // An instructionFiles that is not a string is ignored: AGENTS.md still stands in for a missing CLAUDE.md.
    const odd = await analyzeFiles({ 'AGENTS.md': 'Agents.\n', '.claude/settings.json': settings({ instructionFiles: 5 }) });
    expect(file(odd, 'AGENTS.md').loading).toBe('eager');
  });

  it('skillOverrides: off and user-invocable-only unlist, name-only drops the description, on changes nothing', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/skills/a/SKILL.md': skill('A.'),
      '.claude/skills/b/SKILL.md': skill('B.'),
      '.claude/skills/c/SKILL.md': skill('C.'),
      '.claude/skills/d/SKILL.md': skill('D.'),
      '.claude/skills/e/SKILL.md': '---\nname: Echo\ndescription: E.\n---\n',
      '.claude/settings.json': settings({ skillOverrides: { a: 'off', b: 'user-invocable-only', c: 'name-only', d: 'on', e: 'name-only', z: 3 } }),
    });
    const entries = Object.fromEntries(s.listings.skills.items.map((i) => [i.name, i]));
    expect(entries.a).toMatchObject({ loading: 'not-loaded', reason: 'skillOverrides: off' });
    expect(entries.b).toMatchObject({ loading: 'not-loaded', reason: 'skillOverrides: user-invocable-only' });
    expect(entries.c).toMatchObject({ loading: 'eager', text: '- c', reason: 'skill listing entry, sent at session start (skillOverrides: name-only)' });
    expect(entries.c!.description).toBeUndefined();
    expect(entries.d).toMatchObject({ loading: 'eager', text: '- d: D.', reason: 'skill listing entry, sent at session start' });
    expect(entries.e).toMatchObject({ text: '- e (Echo)' });
  });

  it("a settings file that is not an object is skipped, and hooks are an unknown naming the settings' file", async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/settings.json': '[1, 2]',
      '.claude/settings.local.json': settings({ hooks: { SessionStart: [{ hooks: [{ type: 'command', command: 'echo hi' }] }] } }),
    });
    expect(s.unknowns.filter((u) => u.kind === 'session-start-hook').map((u) => u.file)).toEqual(['.claude/settings.local.json']);
  });
});

describe('MCP declarations', () => {
  it('a file whose mcpServers is not an object is a warning, and no server is read; a file without the key is the map itself', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.mcp.json': settings({ mcpServers: ['db'] }) });
    expect(s.unknowns.filter((u) => u.kind === 'mcp-server')).toEqual([]);
    expect(s.diagnostics).toContainEqual(
      expect.objectContaining({ file: '.mcp.json', code: 'invalid-json', message: '`mcpServers` is not an object of servers: no server read from it' }),
    );
    expect(file(s, '.mcp.json')).toMatchObject({ kind: 'mcp-server', loading: 'not-loaded' });
    const bare = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.mcp.json': settings({ db: { command: 'x' } }) });
    expect(bare.unknowns.map((u) => `${u.kind} ${u.name}`)).toEqual(['mcp-server db']);
  });
});

describe('two settings files', () => {
  it('a listing number set in the shared file stands when the local file does not set it', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/settings.json': settings({ skillListingBudgetFraction: 0.5, skillListingMaxDescChars: 120, env: { SLASH_COMMAND_TOOL_CHAR_BUDGET: 900 } }),
      '.claude/settings.local.json': settings({ env: {} }),
    });
    expect(s.model).toMatchObject({ skillListingBudgetFraction: 0.5, skillListingMaxDescChars: 120, skillListingBudgetOverride: 900 });
  });
});
