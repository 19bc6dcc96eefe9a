/**
 * A limit the base already broke (issue 20): a pull request fails only when it makes things worse
 * beyond the noise floor (one more listing entry cut), and "how to pass" asks for its own share,
 * never the base's whole overrun.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig } from '../../src/config/load.js';
import { metricsTable } from '../../src/render/comment.js';
import { analyzeDir, cleanup, tmpDir, writeFiles } from '../helpers.js';

const SONNET = { model: { id: 'claude-sonnet-4-6' } };
/** n commands of long descriptions: on a 200K model the listing overflows its 8,000 characters. */
function commands(n: number, from = 0): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = from; i < from + n; i++)
    out[`.claude/commands/cmd-${String(i).padStart(3, '0')}.md`] = `---\ndescription: ${`Command ${i} does a careful thing. `.repeat(8)}\n---\nBody\n`;
  return out;
}

async function judge(base: Record<string, string>, head: Record<string, string>) {
  const b = tmpDir();
  const h = tmpDir();
  writeFiles(b, base);
  writeFiles(h, head);
  try {
    const config = normalizeConfig(SONNET, 'x.yml');
    const r = compare(
      { base: await analyzeDir(b, config.model), head: await analyzeDir(h, config.model), baseLabel: 'b', headLabel: 'h', loadTime: null },
      config,
    );
    const res = r.results.find((x) => x.id === 'skill-listing-budget')!;
    return Object.assign(res, { table: metricsTable(r) });
  } finally {
    cleanup(b);
    cleanup(h);
  }
}

describe('a limit the base already broke', () => {
  it('one more command (one more entry cut): warns, with its share, never fails', async () => {
    const r = await judge(commands(60), commands(61));
    expect(r.base).toBeGreaterThan(0);
    expect(r.share).toBe(1);
    expect(r.status).toBe('warn');
    expect(r.message).toMatch(/this change adds 1, within the noise floor of 1/);
  });

  it('many more: fails, and how to pass asks for the characters this change adds, not the whole overrun', async () => {
    const r = await judge(commands(60), commands(75));
    expect(r.status).toBe('fail');
    expect(r.share).toBeGreaterThan(1);
    expect(r.howToPass).toMatch(/was over on the base branch already: cut the [\d,]+ characters this change adds/);
    const added = Number(/cut the ([\d,]+) characters/.exec(r.howToPass!)![1]!.replace(/,/g, ''));
    expect(added).toBeLessThan(15 * 400);
    expect(added).toBeGreaterThan(15 * 100);
  });

  it('not made worse: passes, counted as already on the base', async () => {
    const r = await judge(commands(60), commands(60));
    expect(r.status).toBe('pass');
    expect(r.preexisting).toBe(true);
    // The Budget column says the base already cut entries, never a bare "no entry cut".
    expect(r.table).toMatch(/no entry cut \(base already \d+ cut\)/);
  });
});
