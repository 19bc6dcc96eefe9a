import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig } from '../../src/config/load.js';
import type { GateReport } from '../../src/model/report.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { renderAnnotations } from '../../src/render/annotations.js';
import { COMMENT_LIMIT, marker, renderComment } from '../../src/render/comment.js';
import { renderDiffText } from '../../src/render/diff-text.js';
import { logSafe, md } from '../../src/render/escape.js';
import { analyzeDir, beforeShared, cleanup, FIXTURES, tmpDir, writeFiles } from '../helpers.js';

let report: GateReport;
let base: Snapshot;
let head: Snapshot;
const config = normalizeConfig({}, '.github/context-budget.yml');

beforeShared(async () => {
  base = await analyzeDir(path.join(FIXTURES, 'example-base'));
  head = await analyzeDir(path.join(FIXTURES, 'example-head'));
  report = compare(
    {
      base,
      head,
      baseLabel: 'main',
      headLabel: 'feature',
      loadTime: { rounds: 5, baseMedianMs: 10, headMedianMs: 11, ratio: 1.1, ratioMin: 1.02, ratioMax: 1.2 },
    },
    config,
  );
});

describe('renderers (golden)', () => {
  it('renders the pull request comment', async () => {
    await expect(renderComment(report, { key: 'default' })).toMatchFileSnapshot('__snapshots__/example.comment.md');
  });
  it('renders terminal text', async () => {
    await expect(renderDiffText(report)).toMatchFileSnapshot('__snapshots__/example.diff.txt');
  });
  it('renders annotations with file, line, level and message', () => {
    const a = renderAnnotations(report);
    expect(a).toContainEqual(
      expect.objectContaining({ path: 'CLAUDE.md', annotation_level: 'notice', title: 'Move "Deployment runbook" out of the always-loaded CLAUDE.md' }),
    );
    expect(a).toContainEqual(
      expect.objectContaining({ path: 'CLAUDE.md', start_line: 39, annotation_level: 'notice', title: '@docs/secrets.md does not exist' }),
    );
    expect(a.every((x) => x.start_line >= 1 && x.message.length <= 1000)).toBe(true);
  });
  it('starts with a hidden marker and a one-line verdict, and names what was compared', () => {
    const c = renderComment(report, { key: 'default' });
    expect(c.startsWith('<!-- context-budget:default -->\n\n### ⚠️ **context-budget: warn**')).toBe(true);
    expect(c).toContain('Compared main → feature');
    expect(c).toContain('estimates');
  });
});

describe('safety of repository text in markdown', () => {
  it('escapes markdown, HTML, mentions, and cannot fake our marker', () => {
    expect(md('<img src=x onerror=alert(1)>')).not.toContain('<img');
    expect(md('@octocat and @org/team')).not.toMatch(/@[a-z]/);
    expect(md('<!-- context-budget:default -->')).not.toContain('<!--');
    expect(md('a|b')).toBe('a\\|b');
    expect(md('line\nbreak')).toBe('line break');
    expect(md('[link](http://x)')).toBe('\\[link\\]\\(http\u200b://x\\)');
  });
  it('neutralises workflow commands in log text', () => {
    expect(logSafe('::error::pwned\n  ::add-mask::x')).not.toMatch(/(^|\n)\s*::/);
  });
  it('keeps hostile names and descriptions from breaking the comment', async () => {
    const d = tmpDir();
    try {
      const evil = 'x</details><script>alert(1)</script> @admin **bold** `tick` | pipe <!-- context-budget:default -->';
      writeFiles(d, {
        'CLAUDE.md': '# Root\n',
        '.claude/skills/evil/SKILL.md': `---\nname: evil\ndescription: "${evil.repeat(12)}"\n---\nBody\n`,
        '.claude/commands/<b>@team.md': `---\ndescription: ${evil}\n---\n`,
      });
      const h = await analyzeDir(d);
      const r = compare({ base, head: h, baseLabel: 'main', headLabel: '@someone <b>', loadTime: null }, config);
      const c = renderComment(r, { key: 'k' });
      expect(c).not.toContain('<script>');
      expect(c).not.toMatch(/@(admin|team|someone)/);
      expect(c.match(/<!-- context-budget:/g)).toHaveLength(1);
      expect(c.split('<details>').length).toBe(c.split('</details>').length);
    } finally {
      cleanup(d);
    }
  });
});

describe('the comment size limit', () => {
  it('folds detail to stay under 65,536 characters without cutting markup', async () => {
    const d = tmpDir();
    try {
      const files: Record<string, string> = { 'CLAUDE.md': '# Root\n' };
      for (let i = 0; i < 3000; i++)
        files[`.claude/skills/s${i}-${'long-name-'.repeat(5)}/SKILL.md`] = `---\nname: s${i}\ndescription: ${'desc '.repeat(100)}\n---\nBody ${i}\n`;
      writeFiles(d, files);
      const big = await analyzeDir(d);
      const r = compare({ base, head: big, baseLabel: 'main', headLabel: 'feature', loadTime: null }, config);
      const full = renderComment(r, { key: 'k', limit: 10_000_000 });
      expect(full.length).toBeGreaterThan(COMMENT_LIMIT);
      const c = renderComment(r, { key: 'k' });
      expect(c.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      expect(c.startsWith(marker('k'))).toBe(true);
      expect(c).toContain('Detail folded');
      expect(c.split('<details>').length).toBe(c.split('</details>').length);
      expect(c.split('<sub>').length).toBe(c.split('</sub>').length);
      expect(c).toContain('| Always-loaded tokens');
    } finally {
      cleanup(d);
    }
  });
});
