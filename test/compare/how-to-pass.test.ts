/**
 * "How to pass" (src/compare/remedy.ts) on real frameworks: a scoped budget names only what its
 * scope counts (a unit, a glob that reaches dot folders, a kind, a category, a listing category),
 * a marketplace judged per plugin names the worst plugin's entries and the project's, never another
 * plugin's, and each limit asks for what it takes: characters over the budget, never a negative cut.
 */
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/load.js';
import type { GateReport as Report } from '../../src/model/report.js';
import { beforeShared, compareFiles } from '../helpers.js';

/** Only the budgets of the test: Claude Code's own limits are on by default. */
const judge = (base: Record<string, string>, head: Record<string, string>, raw: object): Promise<Report> =>
  compareFiles(base, head, normalizeConfig({ defaults: false, ...raw }, 'budgets.yml'));
/** A budget's result, found by its metric and scope as the config writes them. */
const result = (r: Report, metric: string, scope = 'total') => {
  const x = r.results.find((y) => y.metric === metric && (y.scope.type === 'total' ? 'total' : `${y.scope.type}:${y.scope.value}`) === scope);
  if (!x) throw new Error(`no result ${metric} ${scope} in ${r.results.map((y) => y.id).join(', ')}`);
  return x;
};
/** The files a how-to-pass names under "Largest additions", in order. */
const additions = (text: string | undefined) =>
  [...(/Largest additions: (.*)\.$/.exec(text ?? '')?.[1] ?? '').matchAll(/([^\s;]+) \(\+[\d,]+\)/g)].map((m) => m[1]);
const lines = (topic: string, n: number) => Array.from({ length: n }, (_, i) => `${topic} line ${i} says something worth keeping.`).join('\n') + '\n';
const skill = (name: string, desc: string) => `---\nname: ${name}\ndescription: ${desc}\n---\n${lines(name, 3)}`;

describe('how to pass a scoped budget names only what the scope counts', () => {
  const base = {
    'CLAUDE.md': `# P\n\n@docs/guide.md\n\n${lines('memory', 2)}`,
    '.claude/rules/style.md': lines('style', 2),
    '.claude/skills/report/SKILL.md': skill('report', 'Writes the report.'),
    'docs/guide.md': lines('guide', 2),
  };
  const head = {
    'CLAUDE.md': `# P\n\n@docs/guide.md\n\n${lines('memory', 40)}`,
    '.claude/rules/style.md': lines('style', 20),
    '.claude/skills/report/SKILL.md': `${skill('report', `Writes the report. ${'Use it for every quarterly statement. '.repeat(20)}`)}${lines('report body', 30)}`,
    'docs/guide.md': lines('guide', 30),
  };
  const budget = (scope: string, metric = 'eagerTokens') => ({ metric, scope, maxIncrease: 0, level: 'error' });
  let r: Report;
  beforeShared(async () => {
    r = await judge(base, head, {
      budgets: [
        budget('total'),
        budget('kind:rule'),
        budget('category:rules'),
        budget('category:memory'),
        budget('category:skill-listing'),
        budget('files:**/*.md'),
        budget('files:docs/**'),
        budget('files:**/*.md', 'onDemandTokens'),
        budget('unit:project'),
      ],
    });
  });

  it('the total names every file that grew, largest first', () => {
    const all = additions(result(r, 'eagerTokens').howToPass);
    expect(all[0]).toBe('CLAUDE.md');
    expect(all).toEqual(expect.arrayContaining(['CLAUDE.md', '.claude/rules/style.md', '.claude/skills/report/SKILL.md']));
    expect(result(r, 'eagerTokens').howToPass).toMatch(/^Remove [\d,]+ always-loaded tokens, or raise the budget/);
  });

  it('a kind or a category of file text: only those files', () => {
    expect(additions(result(r, 'eagerTokens', 'kind:rule').howToPass)).toEqual(['.claude/rules/style.md']);
    expect(additions(result(r, 'eagerTokens', 'category:rules').howToPass)).toEqual(['.claude/rules/style.md']);
    // Imported memory is memory.
    expect(additions(result(r, 'eagerTokens', 'category:memory').howToPass)).toEqual(['CLAUDE.md', 'docs/guide.md']);
  });

  it('a listing category names the file whose listing line grew', () => {
    expect(additions(result(r, 'eagerTokens', 'category:skill-listing').howToPass)).toEqual(['.claude/skills/report/SKILL.md']);
  });

  it('a glob reaches files in dot folders, as the budget counts them', () => {
    expect(additions(result(r, 'eagerTokens', 'files:**/*.md').howToPass)).toEqual(
      expect.arrayContaining(['CLAUDE.md', '.claude/rules/style.md', '.claude/skills/report/SKILL.md']),
    );
    expect(additions(result(r, 'eagerTokens', 'files:docs/**').howToPass)).toEqual(['docs/guide.md']);
    const bodies = result(r, 'onDemandTokens', 'files:**/*.md');
    expect(bodies.status).toBe('fail');
    expect(bodies.howToPass).toMatch(/^Remove [\d,]+ on-demand tokens/);
    expect(additions(bodies.howToPass)).toEqual(['.claude/skills/report/SKILL.md']);
  });

  it('a unit: its own files', () => {
    expect(additions(result(r, 'eagerTokens', 'unit:project').howToPass)).toContain('CLAUDE.md');
  });
});

describe('listing limits judged per plugin', () => {
  const agent = (name: string, words: number) =>
    `---\nname: ${name}\ndescription: ${'Reviews the ledger carefully. '.repeat(words).trim()}\n---\nPrompt of ${name}.\n`;
  const plugin = (name: string, agent: string) => JSON.stringify({ name, version: '1.0.0', agents: [`./agents/${agent}.md`] });
  const market = JSON.stringify({
    name: 'm',
    owner: { name: 'o' },
    plugins: [
      { name: 'alpha', source: './plugins/alpha' },
      { name: 'beta', source: './plugins/beta' },
    ],
  });
  const tree = (alphaWords: number, localWords = 2) => ({
    '.claude-plugin/marketplace.json': market,
    '.claude/agents/local.md': agent('local', localWords),
    'plugins/alpha/.claude-plugin/plugin.json': plugin('alpha', 'big'),
    'plugins/alpha/agents/big.md': agent('big', alphaWords),
    'plugins/beta/.claude-plugin/plugin.json': plugin('beta', 'small'),
    'plugins/beta/agents/small.md': agent('small', 3),
  });
  let r: Report;
  beforeShared(async () => {
    r = await judge(tree(1), tree(60, 3), {
      budgets: [
        { metric: 'agentListingTokens', max: 60, level: 'error' },
        { metric: 'eagerTokens', scope: 'unit:alpha', maxIncrease: 0, level: 'error' },
      ],
    });
  });

  it('names the worst plugin and takes its entries and the project’s, not another plugin’s', () => {
    const res = result(r, 'agentListingTokens');
    expect(res.status).toBe('fail');
    expect(res.message).toContain('project + plugin alpha');
    expect(res.howToPass).toContain("from alpha's agent descriptions");
    expect(res.howToPass).toMatch(
      /Largest: alpha:big \([\d,]+ chars, plugins\/alpha\/agents\/big\.md:3\); local \([\d,]+ chars, \.claude\/agents\/local\.md:3\)\.$/,
    );
    expect(res.howToPass).not.toContain('small');
    expect(res.location).toEqual({ file: 'plugins/alpha/agents/big.md', line: 3 });
    const over = res.actual - res.expected;
    expect(res.howToPass).toContain(`Cut about ${(over * 4).toLocaleString('en-US')} characters (${over.toLocaleString('en-US')} tokens`);
  });
});

describe('more places and plurals', () => {
  it("a unit's budget names that unit's files only, though the project's grew too", async () => {
    const agent = (name: string, words: number) =>
      `---\nname: ${name}\ndescription: ${'Reviews the ledger carefully. '.repeat(words).trim()}\n---\nPrompt of ${name}.\n`;
    const market = JSON.stringify({ name: 'm', owner: { name: 'o' }, plugins: [{ name: 'alpha', source: './plugins/alpha' }] });
    const tree = (words: number) => ({
      '.claude-plugin/marketplace.json': market,
      '.claude/agents/local.md': agent('local', words),
      'plugins/alpha/.claude-plugin/plugin.json': JSON.stringify({ name: 'alpha', agents: ['./agents/a.md'] }),
      'plugins/alpha/agents/a.md': agent('a', words),
    });
    const r = await judge(tree(2), tree(40), { budgets: [{ metric: 'eagerTokens', scope: 'unit:alpha', maxIncrease: 0, level: 'error' }] });
    expect(additions(result(r, 'eagerTokens', 'unit:alpha').howToPass)).toEqual(['plugins/alpha/agents/a.md']);
  });

  it("the agent limit's place is the worst plugin's largest line, though another plugin has a larger one", async () => {
    const agent = (name: string, words: number) => `---\nname: ${name}\ndescription: ${'Reviews the ledger carefully. '.repeat(words).trim()}\n---\nPrompt.\n`;
    const plugin = (name: string, agents: string[]) => JSON.stringify({ name, agents: agents.map((a) => `./agents/${a}.md`) });
    const market = JSON.stringify({ name: 'm', owner: { name: 'o' }, plugins: ['alpha', 'beta'].map((n) => ({ name: n, source: `./plugins/${n}` })) });
    const files = {
      '.claude-plugin/marketplace.json': market,
      'plugins/alpha/.claude-plugin/plugin.json': plugin('alpha', ['a1', 'a2']),
      'plugins/alpha/agents/a1.md': agent('a1', 35),
      'plugins/alpha/agents/a2.md': agent('a2', 36),
      'plugins/beta/.claude-plugin/plugin.json': plugin('beta', ['b1']),
      'plugins/beta/agents/b1.md': agent('b1', 50),
    };
    const r = await judge(files, files, { budgets: [{ metric: 'agentListingTokens', max: 10, level: 'warn' }] });
    const res = result(r, 'agentListingTokens');
    expect(res.message).toContain('project + plugin alpha');
    expect(res.location).toEqual({ file: 'plugins/alpha/agents/a2.md', line: 3 });
  });

  it('two import cycles: "cycles"', async () => {
    const r = await judge(
      {},
      { 'CLAUDE.md': '# P\n\n@a.md\n@c.md\n', 'a.md': 'A\n\n@b.md\n', 'b.md': 'B\n\n@a.md\n', 'c.md': 'C\n\n@d.md\n', 'd.md': 'D\n\n@c.md\n' },
      { budgets: [{ metric: 'cycles', max: 0, level: 'error' }] },
    );
    expect(result(r, 'cycles').howToPass).toMatch(/^Break the import cycles: a\.md → b\.md → a\.md; c\.md → d\.md → c\.md\.$/);
  });

  it('the skill listing names the worst plugin’s and the project’s entries, never one turned off', async () => {
    const skill = (name: string, words: number) => `---\nname: ${name}\ndescription: ${'Reconciles the ledger. '.repeat(words).trim()}\n---\nBody\n`;
    const market = JSON.stringify({ name: 'm', owner: { name: 'o' }, plugins: ['alpha', 'beta'].map((n) => ({ name: n, source: `./plugins/${n}` })) });
    const files = {
      '.claude-plugin/marketplace.json': market,
      '.claude/settings.json': JSON.stringify({ skillOverrides: { hushed: 'off' } }),
      '.claude/skills/local/SKILL.md': skill('local', 3),
      '.claude/skills/hushed/SKILL.md': skill('hushed', 60),
      'plugins/alpha/.claude-plugin/plugin.json': JSON.stringify({ name: 'alpha' }),
      'plugins/alpha/skills/big/SKILL.md': skill('big', 40),
      'plugins/beta/.claude-plugin/plugin.json': JSON.stringify({ name: 'beta' }),
      'plugins/beta/skills/other/SKILL.md': skill('other', 30),
    };
    const r = await judge({}, files, { budgets: [{ metric: 'skillListingChars', max: 6300, level: 'error' }] });
    const res = result(r, 'skillListingChars');
    expect(res.status).toBe('fail');
    expect(res.message).toContain('project + plugin alpha');
    const named = /Largest: (.*)\.$/
      .exec(res.howToPass!)![1]!
      .split('; ')
      .map((x) => x.split(' (')[0]);
    expect(named).toEqual(['alpha:big', 'local']);
  });
});

describe('the skill listing and memory limits', () => {
  const commands = (n: number, words: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        `.claude/commands/c${String(i).padStart(2, '0')}.md`,
        `---\ndescription: ${'Does a careful thing. '.repeat(words).trim()}\n---\nBody\n`,
      ]),
    );
  const SONNET = { id: 'claude-sonnet-4-6' };

  it('over the budget: cut what is over, and only eagerly listed entries are named', async () => {
    const r = await judge(
      {},
      {
        ...commands(40, 12),
        '.claude/commands/hidden.md': `---\ndescription: ${'Never listed by itself. '.repeat(30)}\ndisable-model-invocation: true\n---\nB\n`,
      },
      { model: SONNET, budgets: [{ metric: 'skillListingChars', max: 7000, level: 'error' }] },
    );
    const res = result(r, 'skillListingChars');
    const L = /The listing holds ([\d,]+) characters against Claude Code's budget of ([\d,]+)/.exec(res.howToPass!)!;
    const [chars, budget] = [Number(L[1]!.replace(/,/g, '')), Number(L[2]!.replace(/,/g, ''))];
    expect(chars).toBeGreaterThan(budget);
    expect(res.howToPass).toContain(`: cut ${(chars - budget).toLocaleString('en-US')} characters of descriptions`);
    expect(res.howToPass).not.toContain('hidden');
  });

  it('within Claude Code’s budget but over the config’s limit: never a negative cut', async () => {
    const r = await judge({}, commands(2, 3), { model: SONNET, budgets: [{ metric: 'skillListingChars', max: 6300, level: 'error' }] });
    expect(result(r, 'skillListingChars').howToPass).toContain(': cut 0 characters of descriptions');
  });

  it('the largest memory file: what is over, from that file', async () => {
    const r = await judge({}, { 'CLAUDE.md': lines('memory', 30) }, { budgets: [{ metric: 'memoryFileMaxChars', max: 500, level: 'error' }] });
    const res = result(r, 'memoryFileMaxChars');
    expect(res.howToPass).toMatch(
      new RegExp(`^Cut ${(res.actual - 500).toLocaleString('en-US')} characters from CLAUDE\\.md \\(Claude Code warns above 500\\):`),
    );
  });
});

describe('an on-demand budget counts a file by how it loads on each side', () => {
  it('a rule made path-scoped grows the on-demand text by all of it, whatever it weighed always-loaded', async () => {
    const text = lines('tabs', 12);
    const r = await judge(
      { '.claude/rules/tabs.md': text },
      { '.claude/rules/tabs.md': `---\npaths:\n  - "src/**"\n---\n${text}` },
      {
        budgets: [{ metric: 'onDemandTokens', scope: 'total', maxIncrease: 0, level: 'error' }],
      },
    );
    const f = r.diff.files.find((x) => x.path === '.claude/rules/tabs.md')!;
    expect([f.loadingBase, f.loadingHead]).toEqual(['eager', 'on-demand']);
    expect(f.tokens.base).toBeGreaterThan(0);
    const res = result(r, 'onDemandTokens');
    expect(res.howToPass).toContain(`Largest additions: .claude/rules/tabs.md (+${f.tokens.head.toLocaleString('en-US')}).`);
  });
});

describe('how to pass the import graph limits names each import', () => {
  let r: Report;
  beforeShared(async () => {
    const chain = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`docs/d${i + 1}.md`, `Depth ${i + 1}.\n${i < 6 ? `@d${i + 2}.md\n` : ''}`]));
    r = await compareFiles(
      { 'CLAUDE.md': '# P\n' },
      {
        'CLAUDE.md': '# P\n\n@docs/a.md\n@docs/d1.md\n@docs/missing.md\n',
        'docs/a.md': 'A.\n@b.md\n',
        'docs/b.md': 'B.\n@a.md\n',
        ...chain,
      },
      normalizeConfig(
        {
          budgets: [
            { metric: 'unresolved', max: 0, level: 'error' },
            { metric: 'maxDepth', max: 3, level: 'error' },
          ],
        },
        'budgets.yml',
      ),
    );
  });

  it('a cycle: the files in order', () => {
    expect(result(r, 'cycles').howToPass).toBe('Break the import cycle: docs/a.md → docs/b.md → docs/a.md.');
  });

  // The root memory file is depth 0; a file at depth 5 (d5.md) is not loaded.
  it('past the depth limit: the import and where it is', () => {
    expect(result(r, 'importsPastDepthLimit').howToPass).toBe(
      'Claude Code does not load imports past its depth limit: import d5.md (from docs/d4.md:2) from a file nearer the root memory file, or inline it.',
    );
  });

  it('unresolved: each reference and its line; the deepest chain to flatten', () => {
    expect(result(r, 'unresolved').howToPass).toMatch(
      /^Fix or remove the unresolved references: (@[^;]+ in [^;]+:\d+; )*@docs\/missing\.md in CLAUDE\.md:5(; .*)?\.$/,
    );
    expect(result(r, 'maxDepth').howToPass).toBe('Flatten the import chain CLAUDE.md → docs/d1.md → docs/d2.md → docs/d3.md → docs/d4.md.');
  });
});
