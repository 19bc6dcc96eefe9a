/**
 * What buries the signal (issue 20): drift that printed both whole listings, timings that changed
 * the sticky comment on every re-run, npm package names taken for broken references, and dozens of
 * binary files each on a line of their own.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig } from '../../src/config/load.js';
import { listDiff } from '../../src/conformance/predict.js';
import type { ClaudeCodeMeasurement } from '../../src/model/claude-code.js';
import { recommend } from '../../src/optimize/rank.js';
import { renderAnalyzeText } from '../../src/render/analyze-text.js';
import { renderComment } from '../../src/render/comment.js';
import { analyzeDir, cleanup, tmpDir, writeFiles } from '../helpers.js';

describe('noise', () => {
  it('drift between two long listings: counts, what only one side has, the first difference; never both lists', () => {
    const real = Array.from({ length: 300 }, (_, i) => `skill-${i}`);
    const predicted = [...real.slice(0, 10), 'extra', ...real.slice(10, 299)];
    const text = listDiff(real, predicted);
    expect(text).toBe(
      'Claude Code 300, analyzer 300; only Claude Code: skill-299; only the analyzer: extra; first difference at #11: Claude Code skill-10, analyzer extra',
    );
    expect(text.length).toBeLessThan(300);
  });

  it('the sticky comment has no start-up times unless a loadTimeRatio budget decides: re-runs give the same comment', async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'CLAUDE.md': '# P\n' });
    try {
      const s = await analyzeDir(dir);
      const m = (ms: number): ClaudeCodeMeasurement => ({
        version: '2.1.332',
        facts: { model: 'm', memory: [], listing: { chars: 0, entries: [] }, agents: [] },
        firstRequest: { chars: 1, tokens: 1, exact: false, counter: 'c' },
        startupMs: [ms],
        drift: [],
        staged: { files: 1, bytes: 1, skipped: 0 },
      });
      const loadTime = { rounds: 1, baseMedianMs: 600, headMedianMs: 0, ratio: 1, ratioMin: 1, ratioMax: 1, source: 'claude-code' as const };
      const report = (ms: number, config = normalizeConfig({}, 'x')) => ({
        ...compare({ base: s, head: s, baseLabel: 'b', headLabel: 'h', loadTime: { ...loadTime, headMedianMs: ms, ratio: ms / 600 } }, config),
        claudeCode: { base: m(600), head: m(ms) },
      });
      expect(renderComment(report(650), { key: 'default' })).toBe(renderComment(report(710), { key: 'default' }));
      expect(renderComment(report(650), { timings: true })).toContain('Start-up to first request');
      expect(renderComment(report(650))).not.toContain('Start-up to first request');
      const timed = normalizeConfig({ budgets: [{ metric: 'loadTimeRatio', max: 1.5 }] }, 'x');
      expect(renderComment(report(650, timed), { key: 'default' })).toContain('Start-up to first request');
    } finally {
      cleanup(dir);
    }
  });

  it('@scope/package in prose is not a broken reference; a missing file in a real folder is', async () => {
    const dir = tmpDir();
    writeFiles(dir, {
      'CLAUDE.md': '# P\n\nWe use @storybook/sveltekit and @testing-library/svelte here.\n\nSee @docs/missing-guide and @docs/gone.md for more.\n',
      'docs/other.md': 'x\n',
    });
    try {
      const recs = recommend(await analyzeDir(dir), 0).filter((r) => r.analyzer === 'references');
      const titles = recs.map((r) => r.title).join('\n');
      expect(titles).not.toContain('storybook');
      expect(titles).not.toContain('testing-library');
      expect(titles).toContain('@docs/missing-guide does not exist');
      expect(titles).toContain('@docs/gone.md does not exist');
    } finally {
      cleanup(dir);
    }
  });

  it('55 binary files in a skills folder are one line, and the real diagnostic stays visible', async () => {
    const dir = tmpDir();
    const files: Record<string, string | Buffer> = { '.claude/skills/fonts/SKILL.md': '---\ndescription: Fonts\n---\nUse the fonts.\n' };
    for (let i = 0; i < 55; i++) files[`.claude/skills/fonts/font-${i}.md`] = Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 3, 4]);
    files['.claude/agents/broken.md'] = '---\nname: [unclosed\ndescription: x\n---\nBody\n';
    writeFiles(dir, files);
    try {
      const s = await analyzeDir(dir);
      expect(s.diagnostics.filter((d) => d.code === 'binary-file').length).toBeGreaterThanOrEqual(55);
      const text = renderAnalyzeText(s, {});
      expect(text).toMatch(/\d+ files \(binary-file\): /);
      expect(text.split('\n').filter((l) => l.includes('font-')).length).toBe(1);
    } finally {
      cleanup(dir);
    }
  });
});

describe('one subject, one diagnosis (issue 20)', () => {
  it('agents that collide are told to rename, not also to delete', async () => {
    const dir = tmpDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 3; i++) {
      files[`.claude/agents/a${i}.md`] = `---\nname: dup${i}\ndescription: first ${i}\n---\nBody\n`;
      files[`.claude/agents/sub/b${i}.md`] = `---\nname: dup${i}\ndescription: second ${i}\n---\nBody\n`;
    }
    writeFiles(dir, files);
    try {
      const recs = recommend(await analyzeDir(dir), 0);
      const byFile = new Map<string, string[]>();
      for (const r of recs) byFile.set(r.location.file, [...(byFile.get(r.location.file) ?? []), r.analyzer]);
      expect([...byFile.values()].some((a) => a.includes('collisions'))).toBe(true);
      for (const kinds of byFile.values()) expect(kinds.includes('collisions') && kinds.includes('reachability')).toBe(false);
    } finally {
      cleanup(dir);
    }
  });

  it('more entries than the budget can describe: no "about 40 characters brings every entry back"', async () => {
    const dir = tmpDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`.claude/commands/c${i}.md`] = `---\ndescription: ${'Does a careful thing. '.repeat(6)}\n---\nBody\n`;
    writeFiles(dir, files);
    try {
      const recs = recommend(await analyzeDir(dir, { id: 'claude-sonnet-4-6', contextWindow: 200_000, charsPerToken: 4 }), 0).filter((r) =>
        r.title.includes('loses its description'),
      );
      expect(recs.length).toBeGreaterThan(0);
      expect(recs[0]!.rationale).not.toMatch(/About \d+ characters per description brings every entry back/);
      expect(recs[0]!.rationale).toMatch(/can't all keep a description within this budget/);
    } finally {
      cleanup(dir);
    }
  });
});
