import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare/index.js';
import { normalizeConfig } from '../src/config/load.js';
import { renderComment } from '../src/render/comment.js';
import { analyzeDir, CORPORA } from './helpers.js';

// The real frameworks in ../shared/corpora are data of other projects: read in place, never copied.
const corpora = existsSync(CORPORA) ? readdirSync(CORPORA).filter((d) => existsSync(path.join(CORPORA, d, 'base'))) : [];
const config = normalizeConfig({}, 'defaults');

describe.skipIf(corpora.length === 0)('real frameworks (../shared/corpora)', () => {
  it.each(corpora)('%s: analyzes base and head without a crash, totals consistent', async (name) => {
    for (const side of ['base', 'head']) {
      const s = await analyzeDir(path.join(CORPORA, name, side));
      const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
      const files = s.files.filter((f) => f.loading === 'eager' && counted.has(f.unit)).reduce((a, f) => a + f.tokens, 0);
      const entries = [...s.listings.skills.items, ...s.listings.agents.items]
        .filter((e) => e.loading === 'eager' && counted.has(e.unit))
        .reduce((a, e) => a + e.tokens, 0);
      expect(s.totals.eagerTokens).toBe(files + entries);
      expect(s.files.reduce((a, f) => a + f.eagerTokens, 0)).toBe(s.totals.eagerTokens);
    }
  });

  it.each(corpora)('%s: nothing fails or warns that the pull request did not cause, and every failure says how to pass', async (name) => {
    const base = await analyzeDir(path.join(CORPORA, name, 'base'));
    const head = await analyzeDir(path.join(CORPORA, name, 'head'));
    const r = compare({ base, head, baseLabel: 'base', headLabel: 'head', loadTime: null }, config);
    for (const x of r.results.filter((y) => y.status !== 'pass')) {
      expect(x.introduced, x.message).toBe(true);
      expect(x.howToPass, x.message).toMatch(/\d/);
    }
    // What the base already broke is counted, never blamed.
    for (const x of r.results.filter((y) => y.preexisting)) expect(x.status).toBe('pass');
  });

  it('VoltAgent: the pull request that made every agent description several KB long fails on the agent listing', async () => {
    const dir = path.join(CORPORA, 'VoltAgent__awesome-claude-code-subagents');
    const base = await analyzeDir(path.join(dir, 'base'));
    const head = await analyzeDir(path.join(dir, 'head'));
    const r = compare({ base, head, baseLabel: 'base (210fe4e)', headLabel: 'head (eef78c7)', loadTime: null }, config);
    expect(r.verdict).toBe('fail');
    expect(r.results.filter((x) => x.status === 'fail').map((x) => x.id)).toEqual(['agent-listing-size']);
    expect(r.recommendations[0]).toMatchObject({ analyzer: 'listing', introduced: true, horizon: 'immediate' });
    await expect(renderComment(r, { key: 'default' })).toMatchFileSnapshot('render/__snapshots__/voltagent.comment.md');
  });

  it('obra/superpowers: pruning reference files passes', async () => {
    const dir = path.join(CORPORA, 'obra__superpowers');
    const base = await analyzeDir(path.join(dir, 'base'));
    const head = await analyzeDir(path.join(dir, 'head'));
    const r = compare({ base, head, baseLabel: 'base (711d895)', headLabel: 'head (e7ddc25)', loadTime: null }, config);
    expect(r.verdict).toBe('pass');
    expect(r.diff.totals.onDemandTokens.delta).toBeLessThan(0);
    await expect(renderComment(r, { key: 'default' })).toMatchFileSnapshot('render/__snapshots__/superpowers.comment.md');
  });

  it('SuperClaude v4: reports the nine imports that only resolve after the installer flattens the tree', async () => {
    const s = await analyzeDir(path.join(CORPORA, 'SuperClaude-Org__SuperClaude_Framework__v4-imports', 'head'));
    const missing = s.graph.unresolved.filter((u) => u.from === 'SuperClaude/Core/CLAUDE.md' && u.reason === 'missing');
    expect(missing.map((u) => u.ref).sort()).toHaveLength(9);
    expect(s.graph.unresolved.some((u) => u.ref.startsWith('pytest'))).toBe(false);
  });
});
