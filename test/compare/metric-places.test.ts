/**
 * Where each metric points (the annotation's place) and what it leaves out, on real frameworks:
 * the largest always-loaded memory file or rule (never a file loaded on demand), the first skill cut
 * to its name, the largest agent line of the worst plugin, the first diagnostic that made a side
 * unmeasurable; and the messages of the edge cases (a budget on growth from zero, many files that
 * could not be measured).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, metricValue } from '../../src/compare/assert.js';
import type { Assertion } from '../../src/model/budgets.js';
import type { Diagnostic, Snapshot } from '../../src/model/snapshot.js';
import { normalizeConfig } from '../../src/config/load.js';
import { analyzeFiles, beforeShared } from '../helpers.js';

const snap = analyzeFiles;
const text = (n: number) => 'A line of guidance that the model reads at the start of every session.\n'.repeat(n);
const head = (s: Snapshot, metric: Parameters<typeof metricValue>[1], scope: Parameters<typeof metricValue>[2] = { type: 'total' }) =>
  metricValue(s, metric, scope, null, 'head');
const diag = (file: string, code: string, severity: Diagnostic['severity'] = 'warning', line = 1): Diagnostic =>
  ({ file, line, code, severity, message: `${code} in ${file}` }) as Diagnostic;
const assertion = (over: Partial<Assertion>): Assertion =>
  ({ id: 'a', metric: 'eagerTokens', scope: { type: 'total' }, operator: 'max', threshold: 0, level: 'error', ...over }) as Assertion;

describe('the largest memory file', () => {
  it('is the largest always-loaded memory file or rule; a nested CLAUDE.md loaded on demand never counts', async () => {
    const s = await snap({
      'CLAUDE.md': text(2),
      '.claude/rules/zz-long.md': text(8),
      '.claude/rules/aa-short.md': text(1),
      'pkg/deep/CLAUDE.md': text(40),
    });
    const nested = s.files.find((f) => f.path === 'pkg/deep/CLAUDE.md')!;
    expect(nested.loading).not.toBe('eager');
    const rule = s.files.find((f) => f.path === '.claude/rules/zz-long.md')!;
    expect(head(s, 'memoryFileMaxChars')).toEqual({ value: rule.chars, location: { file: '.claude/rules/zz-long.md', line: 1 } });
  });

  it('an always-loaded output style, however large, is not a memory file', async () => {
    const s = await snap({
      'CLAUDE.md': text(2),
      '.claude/settings.json': JSON.stringify({ outputStyle: 'long' }),
      '.claude/output-styles/long.md': `---\nname: long\ndescription: A long style.\n---\n${text(30)}`,
    });
    expect(s.files.find((f) => f.path === '.claude/output-styles/long.md')?.loading).toBe('eager');
    expect(head(s, 'memoryFileMaxChars')?.location).toEqual({ file: 'CLAUDE.md', line: 1 });
  });

  it('is a memory file when it is the largest', async () => {
    const s = await snap({ '.claude/rules/a.md': text(1), 'CLAUDE.md': text(5) });
    expect(head(s, 'memoryFileMaxChars')?.location).toEqual({ file: 'CLAUDE.md', line: 1 });
  });

  it('is 0, with no place, when there is none', async () => {
    expect(head(await snap({ 'README.md': 'x' }), 'memoryFileMaxChars')).toEqual({ value: 0 });
  });
});

describe('listings', () => {
  it('the first skill cut to its bare name is the place of the truncation metric', async () => {
    const cmds: Record<string, string> = {};
    for (let i = 0; i < 60; i++)
      cmds[`.claude/commands/c${String(i).padStart(2, '0')}.md`] = `---\ndescription: ${'Does a careful thing. '.repeat(12)}\n---\nBody\n`;
    const s = await snap(cmds, normalizeConfig({ model: { id: 'claude-sonnet-4-6' } }, 'x.yml').model);
    const names = s.listings.skills.truncated;
    expect(names.length).toBeGreaterThan(0);
    const first = s.listings.skills.items.find((e) => e.name === names[0])!;
    expect(head(s, 'skillListingTruncated')).toEqual({ value: names.length, location: { file: first.file, line: first.line } });
  });

  it('tokens in a glob count the listing lines of the files it matches', async () => {
    const s = await snap({ 'CLAUDE.md': text(1), '.claude/skills/one/SKILL.md': `---\ndescription: ${'Reconciles the ledger. '.repeat(5)}\n---\nBody\n` });
    const entry = s.listings.skills.items.find((e) => e.file === '.claude/skills/one/SKILL.md')!;
    expect(entry.tokens).toBeGreaterThan(0);
    const skillFile = s.files.find((f) => f.path === '.claude/skills/one/SKILL.md')!;
    const fileEager = skillFile.loading === 'eager' ? skillFile.tokens : 0;
    expect(head(s, 'eagerTokens', { type: 'files', value: '.claude/skills/**' })?.value).toBe(fileEager + entry.tokens);
  });

  it('an agent scope is not a token scope: 0', async () => {
    const s = await snap({ 'CLAUDE.md': text(3) });
    expect(head(s, 'eagerTokens', { type: 'agent', value: 'codex' })).toEqual({ value: 0 });
  });
});

describe('the graph and the diagnostics, each pointing at the first offender', () => {
  let s: Snapshot;
  beforeShared(async () => {
    s = await snap({ 'CLAUDE.md': text(1) });
  });
  const withGraph = (unresolved: Snapshot['graph']['unresolved']): Snapshot => ({ ...s, graph: { ...s.graph, unresolved } });
  const withDiags = (diagnostics: Diagnostic[]): Snapshot => ({ ...s, diagnostics });

  it('unresolved references leave out the ones skipped on purpose', () => {
    const g = withGraph([
      { from: 'CLAUDE.md', ref: 'a.md', line: 3, reason: 'skipped' },
      { from: 'docs/x.md', ref: 'b.md', line: 7, reason: 'missing' },
    ] as Snapshot['graph']['unresolved']);
    expect(head(g, 'unresolved')).toEqual({ value: 1, location: { file: 'docs/x.md', line: 7 } });
  });

  it('every code that means "not measured" counts, at the first one', () => {
    const d = withDiags([
      diag('a.md', 'invalid-yaml'),
      diag('big.md', 'limit-reached', 'warning', 4),
      diag('fifo', 'not-measurable'),
      diag('locked', 'unreadable'),
    ]);
    expect(head(d, 'unmeasured')).toEqual({ value: 3, location: { file: 'big.md', line: 4 } });
  });

  it('errors count only errors, at the first one', () => {
    const d = withDiags([diag('w.md', 'x', 'warning'), diag('e.md', 'y', 'error', 9), diag('e2.md', 'z', 'error')]);
    expect(head(d, 'errors')).toEqual({ value: 2, location: { file: 'e.md', line: 9 } });
  });

  it('what the head could not measure lists three and says how many more', () => {
    const h = withDiags(['a', 'b', 'c', 'd', 'e'].map((f) => diag(`${f}.md`, 'unreadable')));
    const [r] = evaluate([assertion({ metric: 'unmeasured', threshold: 0 })], withDiags([diag('a.md', 'unreadable')]), h, null);
    expect(r).toMatchObject({ actual: 4, base: 0, status: 'fail', introduced: true, location: { file: 'b.md', line: 1 } });
    expect(r!.message).toBe('Could not measure the head: b.md: unreadable in b.md; c.md: unreadable in c.md; d.md: unreadable in d.md (and 1 more)');
  });
});

describe('growth from zero', () => {
  it('a percentage budget on a metric that was 0 says "new", and fails', async () => {
    const base = await snap({ 'CLAUDE.md': text(1) });
    const h = await snap({ 'CLAUDE.md': text(1), '.claude/rules/r.md': text(2) });
    const a = assertion({ scope: { type: 'category', value: 'rules' }, operator: 'maxIncreasePercent', threshold: 50 });
    const [r] = evaluate([a], base, h, null);
    // Infinite growth is kept as the largest safe number (JSON has no Infinity).
    expect(r!.actual).toBe(Number.MAX_SAFE_INTEGER);
    expect(r!.status).toBe('fail');
    expect(r!.message).toMatch(/^Always-loaded tokens \(.*\) changed by new \(base was 0\) \(0 → [\d,]+; allowed \+50%\)$/);
    // Zero on both sides is no change at all.
    const [same] = evaluate([a], base, base, null);
    expect(same).toMatchObject({ actual: 0, status: 'pass' });
  });
});
