import { execFileSync } from 'node:child_process';
import path from 'node:path';
/**
 * One direct test per promise of the README and the action's inputs that a hand-made mutant once
 * survived (issue 24): each fails when the promise is broken, on real inputs.
 */
import { describe, expect, it } from 'vitest';
import { readOptions } from '../src/action/options.js';
import { advanceHistory, parseHistory, serializeHistory } from '../src/compare/history.js';
import { compare } from '../src/compare/index.js';
import { EAGER_INCREASE_QUIET_TOKENS, normalizeConfig } from '../src/config/load.js';
import { DEFAULT_MODEL, memoryTotalWarnChars, modelFor, skillListingBudget } from '../src/model/constants.js';
import type { GateReport } from '../src/model/report.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { renderAnnotations } from '../src/render/annotations.js';
import { marker, renderComment } from '../src/render/comment.js';
import { analyzeDir, cleanup, tmpDir, writeFiles } from './helpers.js';

async function pair(
  base: Record<string, string>,
  head: Record<string, string>,
  config = normalizeConfig({}, 'x'),
  also: (b: string, h: string) => void = () => undefined,
): Promise<GateReport> {
  const b = tmpDir();
  const h = tmpDir();
  writeFiles(b, base);
  writeFiles(h, head);
  also(b, h);
  try {
    return compare(
      { base: await analyzeDir(b, config.model), head: await analyzeDir(h, config.model), baseLabel: 'b', headLabel: 'h', loadTime: null },
      config,
    );
  } finally {
    cleanup(b);
    cleanup(h);
  }
}

/** A snapshot whose always-loaded tokens are set to `n` (the eager-increase budget reads totals only). */
function withEager(s: Snapshot, n: number): Snapshot {
  return { ...s, totals: { ...s.totals, eagerTokens: n } };
}

describe('the gate', () => {
  it(`growth of exactly ${EAGER_INCREASE_QUIET_TOKENS} tokens passes; one more warns`, async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'CLAUDE.md': '# P\n' });
    try {
      const s = await analyzeDir(dir);
      const config = normalizeConfig({}, 'x');
      const at = (n: number) =>
        compare({ base: withEager(s, 1000), head: withEager(s, 1000 + n), baseLabel: 'b', headLabel: 'h', loadTime: null }, config).results.find(
          (r) => r.id === 'eager-increase',
        )!.status;
      expect(at(EAGER_INCREASE_QUIET_TOKENS)).toBe('pass');
      expect(at(EAGER_INCREASE_QUIET_TOKENS + 1)).toBe('warn');
    } finally {
      cleanup(dir);
    }
  });

  it('a file the base already could not measure is not blamed on the pull request', async () => {
    // A FIFO where a rule would be: it can't be read, on the base as on the head.
    const fifo = (dir: string) => execFileSync('mkfifo', [path.join(dir, '.claude/rules/pipe.md')]);
    const files = { 'CLAUDE.md': '# P\n', '.claude/rules/ok.md': 'Rule.\n' };
    const same = await pair(files, files, normalizeConfig({}, 'x'), (b, h) => (fifo(b), fifo(h)));
    expect(same.results.find((r) => r.metric === 'unmeasured')?.status).toBe('pass');
    const fresh = await pair(files, files, normalizeConfig({}, 'x'), (_b, h) => fifo(h));
    expect(fresh.results.find((r) => r.metric === 'unmeasured')?.status).toBe('fail');
  });

  it('"how to pass" lists the entries this change touched first', async () => {
    // 39 big agents and a small one (a39); the head makes the small one a little bigger: it is the
    // smallest entry, yet the one this change touched, so it is named first.
    const agents = (small: number) =>
      Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [
          `.claude/agents/a${i}.md`,
          `---\nname: a${i}\ndescription: ${`Agent ${i} reviews the code carefully. `.repeat(i === 39 ? small : 60)}\n---\nBody\n`,
        ]),
      );
    const r = await pair(agents(10), agents(14), normalizeConfig({}, 'x'));
    const res = r.results.find((x) => x.metric === 'agentListingTokens')!;
    expect(res.status).not.toBe('pass');
    expect(res.howToPass).toMatch(/Largest: a39 /);
  });

  it('the "Already on the base branch" section is rendered for what the base already broke', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`.claude/commands/c${i}.md`, `---\ndescription: ${'Does a careful thing. '.repeat(8)}\n---\nx\n`]),
    );
    const config = normalizeConfig({ model: { id: 'claude-sonnet-4-6' } }, 'x');
    const r = await pair(many, many, config);
    expect(r.results.some((x) => x.preexisting)).toBe(true);
    expect(renderComment(r)).toContain('Already on the base branch');
  });

  it('a failing budget is annotated as a failure, a warning as a warning', async () => {
    const level = async (lv: 'error' | 'warn') => {
      const r = await pair(
        { 'CLAUDE.md': '# P\n' },
        { 'CLAUDE.md': '# P\n\n' + 'Always-loaded words here. '.repeat(40) },
        normalizeConfig({ budgets: [{ metric: 'memoryFileMaxChars', max: 10, level: lv }] }, 'x'),
      );
      return renderAnnotations(r).find((a) => a.title.includes('budgets[0]'))?.annotation_level;
    };
    expect(await level('error')).toBe('failure');
    expect(await level('warn')).toBe('warning');
  });
});

describe('the action inputs', () => {
  it('comment-key is sanitised into the hidden marker (it cannot close the comment)', () => {
    const o = readOptions((n) => (n === 'comment-key' ? 'a --> <b>' : ''), {});
    expect(o.commentKey).toBe('a_-->_<b>'.replace(/[^A-Za-z0-9_.-]/g, '_'));
    expect(marker(o.commentKey)).not.toMatch(/-->.*-->/);
    expect(marker('x --> y').match(/-->/g)).toHaveLength(1);
  });

  it('comment: always is not comment: changed', () => {
    expect(readOptions((n) => (n === 'comment' ? 'always' : ''), {}).comment).toBe('always');
    expect(readOptions(() => '', {}).comment).toBe('changed');
  });
});

describe('the roadmap history', () => {
  it('keeps exactly history-limit runs and escapes --> in titles', async () => {
    const dir = tmpDir();
    writeFiles(dir, { 'CLAUDE.md': '# P\n' });
    try {
      const snapshot = await analyzeDir(dir);
      let previous = parseHistory('').history;
      for (let i = 0; i < 6; i++)
        previous = advanceHistory({ snapshot, recommendations: [], previous, date: `2026-01-0${i + 1}`, commit: `c${i}`, historyLimit: 4 }).history;
      expect(previous.entries.map((e) => e.commit)).toEqual(['c2', 'c3', 'c4', 'c5']);
      const evil = { ...previous, recommendations: [{ key: 'k', title: 'a --> b <!-- c', eagerTokens: 1, onDemandTokens: 0 }] };
      const text = serializeHistory(evil);
      expect(text.match(/-->/g)).toHaveLength(1);
      expect(parseHistory(`x\n${text}\ny`).history.recommendations[0]!.title).toBe('a --> b <!-- c');
    } finally {
      cleanup(dir);
    }
  });
});

describe('the model', () => {
  it('a [1m] suffix selects the 1M window; a dated id keeps its family', () => {
    expect(modelFor('claude-sonnet-4-6[1m]').contextWindow).toBe(1_000_000);
    expect(modelFor('claude-sonnet-4-6').contextWindow).toBe(200_000);
    expect(modelFor('claude-sonnet-4-5-20250929')).toMatchObject({ contextWindow: 200_000, charsPerToken: 4 });
  });

  it('the listing-budget override replaces the budget; the total-memory warning follows the window', () => {
    expect(skillListingBudget({ ...DEFAULT_MODEL, skillListingBudgetOverride: 1234 })).toBe(1234);
    expect(skillListingBudget(DEFAULT_MODEL)).toBe(30_000);
    expect(memoryTotalWarnChars(modelFor('claude-opus-5-5'))).toBeGreaterThan(memoryTotalWarnChars(modelFor('claude-sonnet-4-6')));
  });
});
