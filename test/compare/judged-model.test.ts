/**
 * Which model the report says it judged for, and who chose it (src/compare/index.ts): Claude Code's
 * default, the budget config, or the project's settings; and the base's model when a pull request
 * changes it, since the listing budget follows the model's window.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig } from '../../src/config/load.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeDir, analyzeFiles, cleanup, compareFiles, tmpDir, writeFiles } from '../helpers.js';

async function judge(base: Record<string, string>, head: Record<string, string>, raw: object = {}) {
  const r = await compareFiles(base, head, normalizeConfig(raw, 'budgets.yml'));
  if (!r.model) throw new Error('the report names no model');
  return r.model;
}
const settings = (model: string) => JSON.stringify({ model });
const memory = { 'CLAUDE.md': '# P\n\nGuidance.\n' };

describe('the judged model', () => {
  it("Claude Code's default when nothing chooses one", async () => {
    const m = await judge(memory, memory);
    expect(m.from).toBe("Claude Code's default");
    expect(m.id).not.toBe('');
    expect(m).not.toHaveProperty('baseId');
  });

  it("the project's settings, with the base's model when the pull request changes it", async () => {
    const m = await judge(
      { ...memory, '.claude/settings.json': settings('claude-sonnet-4-6') },
      { ...memory, '.claude/settings.json': settings('claude-haiku-4-5') },
    );
    expect(m).toMatchObject({ id: 'claude-haiku-4-5', from: "the project's .claude/settings.json", baseId: 'claude-sonnet-4-6' });
  });

  it('the budget config, over the settings', async () => {
    const m = await judge(memory, { ...memory, '.claude/settings.json': settings('claude-haiku-4-5') }, { model: { id: 'claude-sonnet-4-6' } });
    expect(m).toMatchObject({ id: 'claude-sonnet-4-6', from: 'the budget config' });
    expect(m).not.toHaveProperty('baseId');
  });
});

describe('the report around the budgets', () => {
  async function both(): Promise<[Snapshot, Snapshot]> {
    const dir = tmpDir();
    writeFiles(dir, memory);
    try {
      return [await analyzeDir(dir), await analyzeDir(dir)];
    } finally {
      cleanup(dir);
    }
  }

  it("a head config that can't be read fails the gate, at the line its error names", async () => {
    const [b, h] = await both();
    const config = {
      ...normalizeConfig({}, 'c.yml'),
      review: { file: '.github/context-budget.yml', changes: [], notApplied: [], accepted: false, acceptLabel: 'x', error: 'c.yml:12: bad indentation' },
    };
    const r = compare({ base: b, head: h, baseLabel: 'b', headLabel: 'h', loadTime: null }, config);
    expect(r.verdict).toBe('fail');
    expect(r.results[0]).toMatchObject({
      id: 'budget-config',
      status: 'fail',
      level: 'error',
      introduced: true,
      location: { file: '.github/context-budget.yml', line: 12 },
      howToPass: 'Fix .github/context-budget.yml so that it parses and validates (see schema/config.schema.json), or remove it.',
    });
    const noLine = { ...config, review: { ...config.review, error: 'not a mapping' } };
    expect(compare({ base: b, head: h, baseLabel: 'b', headLabel: 'h', loadTime: null }, noLine).results[0]!.location).toEqual({
      file: '.github/context-budget.yml',
      line: 1,
    });
  });

  it('token counts are estimates when either side was estimated', async () => {
    const [b, h] = await both();
    const est = (s: Snapshot, estimate: boolean) => ({ ...s, tokenizer: { ...s.tokenizer, estimate } });
    const run = (x: Snapshot, y: Snapshot) =>
      compare({ base: x, head: y, baseLabel: 'b', headLabel: 'h', loadTime: null }, normalizeConfig({}, 'c.yml')).tokensEstimated;
    expect(run(est(b, false), est(h, false))).toBe(false);
    expect(run(est(b, true), est(h, false))).toBe(true);
    expect(run(est(b, false), est(h, true))).toBe(true);
  });
});

describe('estimated token counts', () => {
  it('the report says tokens are estimated when either side was counted by an estimate', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n' });
    const side = (estimate: boolean) => ({ ...s, tokenizer: { ...s.tokenizer, estimate } });
    const run = (b: boolean, h: boolean) =>
      compare({ base: side(b), head: side(h), baseLabel: 'b', headLabel: 'h', loadTime: null }, normalizeConfig({}, 'defaults')).tokensEstimated;
    expect([run(false, false), run(true, false), run(false, true), run(true, true)]).toEqual([false, true, true, true]);
  });
});
