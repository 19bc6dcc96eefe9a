/**
 * The `analyze` text report on a framework whose answers are known by construction (issue 24: the
 * mutation run left src/render/analyze-text.ts at 8%): every table, the limits of each list, the
 * unknowns, grouped diagnostics, other agents' lines and the recommendations by horizon.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeAgent } from '../../src/analyze/agents.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { AGENT_PROFILES } from '../../src/model/agents.js';
import type { Recommendation } from '../../src/model/report.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { recommend } from '../../src/optimize/rank.js';
import { renderAnalyzeText } from '../../src/render/analyze-text.js';
import { analyzeDir, beforeShared, cleanup, counter, plugin, tmpDir, writeFiles } from '../helpers.js';

const dir = tmpDir();
const rules = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`.claude/rules/r${i}.md`, `Rule ${i}: ${'keep it short. '.repeat(5 + i * 10)}\n`]));
writeFiles(dir, {
  'CLAUDE.md': '# Project\n\n@docs/a.md\n',
  'docs/a.md': 'A text.\n\n@b.md\n',
  'docs/b.md': 'B text.\n',
  ...rules,
  '.claude/skills/deploy/SKILL.md': '---\nname: deploy\ndescription: Deploy the service.\n---\nSteps.\n',
  // A description far past what the listing shows: a recommendation to shorten it.
  '.claude/skills/verbose/SKILL.md': `---\nname: verbose\ndescription: ${'Explain every step of the settlement checks in detail. '.repeat(25).trim()}\n---\nBody\n`,
  '.claude/skills/broken/SKILL.md': '---\nname: broken\ndescription: "Quoted": then more\n  bad: [\n---\nBody\n',
  '.mcp.json': JSON.stringify({ mcpServers: { db: { command: 'db-mcp' } } }),
  'plugins/extra/.claude-plugin/plugin.json': JSON.stringify({ name: 'extra' }),
  'plugins/extra/commands/go.md': '---\ndescription: Go.\n---\nGo body.\n',
  'AGENTS.md': '# Agents\n\nAll agents: run the tests first.\n',
});
let s: Snapshot;
let withAgents: Snapshot;
let text: string;
let lines: string[];
beforeShared(async () => {
  s = await analyzeDir(dir, {}, ['extra']);
  withAgents = { ...s, agents: [await analyzeAgent(worktreeSource(dir), AGENT_PROFILES.codex, counter)] };
  text = renderAnalyzeText(s, { files: 3, recommendations: recommend(s, 0) });
  lines = text.split('\n');
});
afterAll(() => cleanup(dir));

describe('the analyze text report', () => {
  it('opens with where and which model, then the metrics table', () => {
    expect(lines[0]).toBe(`context-budget ${s.tool.version}: ${s.source.root}`);
    expect(lines[1]).toBe(
      `Tokens are an estimate (${s.tokenizer.name}); Claude Code ${s.model.claudeCodeVersion} loading model, ${s.model.id}, 1,000,000-token window.`,
    );
    expect(text).toMatch(/\| Import depth \(max\) +\| 2 \(CLAUDE\.md -> docs\/a\.md -> docs\/b\.md\) +\|/);
    expect(text).toMatch(new RegExp(`\\| Always loaded \\(eager\\) tokens +\\| ${s.totals.eagerTokens.toLocaleString('en-US')} \\(`));
    expect(text).toMatch(/\| Cycles \/ unresolved refs +\| 0 \/ 0 +\|/);
  });

  it('lists categories, units (the plugin counted: it is installed) and the largest files up to --files', () => {
    expect(text).toContain('By category\n| Category');
    for (const c of s.categories)
      expect(text).toMatch(new RegExp(`\\| ${c.category} +\\| ${c.loading} +\\| ${c.tokens.toLocaleString('en-US')} +\\| ${c.files} +\\|`));
    expect(text).toContain('By unit (a plugin: what installing it adds)');
    expect(text).toMatch(/\| extra +\| \d+ +\| \d+ +\| 2 +\|/);
    const eager = s.files.filter((f) => f.loading === 'eager').sort((a, b) => b.tokens - a.tokens);
    expect(eager.length).toBeGreaterThan(3);
    expect(text).toContain(`Largest always-loaded files (top 3 of ${eager.length})`);
    expect(text).toContain(`| ${eager[0]!.path}`);
    expect(text).not.toContain(`| ${eager[3]!.path} `);
  });

  it('names what is not measurable, groups diagnostics, and ranks recommendations by horizon', () => {
    expect(text).toContain('Not measurable statically (reported, not guessed)\n- project: db (.mcp.json): ');
    const diags = s.diagnostics.filter((d) => d.severity !== 'info');
    expect(text).toContain(`Diagnostics (${diags.length} warnings/errors, ${s.diagnostics.length - diags.length} info)`);
    const recs: Recommendation[] = recommend(s, 0);
    expect(recs.length).toBeGreaterThan(0);
    expect(text).toContain(`Recommendations (${recs.length}, ranked by saving per effort)`);
    for (const h of ['immediate', 'short-term', 'long-term'] as const) expect(text.includes(`\n${h}:\n`)).toBe(recs.some((r) => r.horizon === h));
  });

  it('without other agents, says which would read files here and how to measure them; with one, what it loads', () => {
    expect(text).toMatch(
      /Other agents read files here too: GitHub Copilot CLI \(\d+ files\), opencode \(\d+ files\), OpenAI Codex \(1 file\), Qwen Code \(1 file\), pi \(\d+ files\)\. Measure them with --agent copilot --agent opencode --agent codex --agent qwen --agent pi\./,
    );
    const agentText = renderAnalyzeText(withAgents);
    expect(agentText).not.toContain('Other agents read files here too');
    expect(agentText).toMatch(
      /OpenAI Codex 0\.171\.0: \d+ tokens of this framework at every start \(plus about 55,536 characters of its own\), 0 skills, 0 agents listed\n {2}AGENTS\.md: \d+ tokens\n/,
    );
  });

  it("says what Claude Code's own binary and another agent's measured, or why Claude Code could not be", () => {
    expect(renderAnalyzeText({ ...s, measureError: 'no sandbox: user namespaces are off' })).toContain(
      '\n\nCould not measure with Claude Code: no sandbox: user namespaces are off\n',
    );
    const a = withAgents.agents![0]!;
    const measured = { version: '0.171.0', instructions: [{ file: 'AGENTS.md' }], skills: 0, nameOnly: [], agents: 0, requestChars: 60_000, drift: [] };
    const t = renderAnalyzeText({ ...withAgents, agents: [{ ...a, measured }] });
    expect(t).toContain(
      '\n  OpenAI Codex 0.171.0, measured by running it (sandboxed, offline): 1 instruction file, 0 skills (0 by name only), 0 agents; 60,000 characters sent; no drift from the analysis.\n',
    );
  });

  it('an agent that cuts a file and lists skills by name only says so, eight names at most', () => {
    const a = withAgents.agents![0]!;
    const names = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const cut = {
      ...a,
      files: a.files.map((f) => ({ ...f, chars: 40_000, keptChars: 32_768 })),
      listings: { ...a.listings, skills: { ...a.listings.skills, budget: 5000, truncated: names } },
    };
    const t = renderAnalyzeText({ ...withAgents, agents: [cut] });
    expect(t).toMatch(/\n {2}AGENTS\.md: [\d,]+ tokens, CUT: 7,232 of 40,000 characters dropped without a word\n/);
    expect(t).toContain('\n  10 skills listed by name only (over its listing budget of 5,000 characters): s0, s1, s2, s3, s4, s5, s6, s7, ...');
  });

  it('says when nothing is loaded at all', () => {
    const empty = { ...s, categories: [], units: s.units.slice(0, 1), files: [], unknowns: [], diagnostics: [] };
    const t = renderAnalyzeText(empty);
    expect(t).toContain('Nothing here is loaded by Claude Code (no CLAUDE.md, AGENTS.md, .claude/ or plugins found).');
    expect(t).not.toContain('By unit');
    expect(t).not.toContain('Largest always-loaded files');
    expect(t).not.toContain('Recommendations (');
  });
});

describe('the analyze text report at the limits of its lists', () => {
  const rec = (i: number, saving: Recommendation['saving']): Recommendation => ({
    key: `k${i}`,
    analyzer: 'loading',
    title: `Step ${i}`,
    rationale: 'r',
    location: { file: `f${i}.md`, ...(i % 2 ? { line: i } : {}) },
    saving,
    effort: 'low',
    horizon: 'immediate',
  });

  it('counts unknowns past 20, diagnostic lines past 30 and recommendations past 15 of a horizon', () => {
    const unknowns = Array.from({ length: 23 }, (_, i) => ({ kind: 'mcp', unit: 'project', name: `u${i}`, file: '.mcp.json', note: 'n' }));
    const diagnostics = Array.from({ length: 33 }, (_, i) => ({ file: `d${i}.md`, line: 1, severity: 'warning', code: `c${i}`, message: 'm' }));
    const recs = Array.from({ length: 17 }, (_, i) => rec(i, { eagerTokens: 0, onDemandTokens: i === 0 ? 1234 : 0 }));
    const t = renderAnalyzeText({ ...s, unknowns, diagnostics } as unknown as Snapshot, { recommendations: recs }).split('\n');
    expect(t).toContain('- project: u19 (.mcp.json): n');
    expect(t).not.toContain('- project: u20 (.mcp.json): n');
    expect(t).toContain('- ... and 3 more');
    expect(t).toContain('warning d29.md:1 m');
    expect(t).not.toContain('warning d30.md:1 m');
    expect(t).toContain('... and 3 more lines (use --json for all)');
    // An on-demand saving is named when nothing always-loaded is saved; a line only when there is one.
    expect(t).toContain('- Step 0 (saves ~1,234 on-demand tokens): f0.md');
    expect(t).toContain('- Step 1: f1.md:1');
    expect(t).toContain('- Step 14: f14.md');
    expect(t).not.toContain('- Step 15: f15.md:15');
    expect(t).toContain('- ... and 2 more (use --json for all)');
  });

  it('names a commit analyzed, a model left to Claude Code, the worst invocation, and Claude Code’s own figures', () => {
    const at = { ...s, source: { kind: 'git' as const, root: '/r', ref: 'main', commit: '0123456789abcdef0123' } };
    expect(renderAnalyzeText(at).split('\n')[0]).toBe(`context-budget ${s.tool.version}: /r @ main (0123456789ab)`);
    const noModel = renderAnalyzeText({ ...s, model: { ...s.model, id: undefined } }).split('\n')[1];
    expect(noModel).toBe(`Tokens are an estimate (${s.tokenizer.name}); Claude Code ${s.model.claudeCodeVersion} loading model, 1,000,000-token window.`);
    const worst = renderAnalyzeText({ ...s, totals: { ...s.totals, worstInvocationTokens: 4321, worstInvocation: 'skill deploy' } });
    expect(worst).toMatch(/\| Worst single invocation +\| 4,321 \(eager \+ skill deploy\) +\|/);
    const none = renderAnalyzeText({ ...s, totals: { ...s.totals, worstInvocationTokens: 7, worstInvocation: null } });
    expect(none).toMatch(/\| Worst single invocation +\| 7 +\|/);
    const cc = {
      version: '2.1.332',
      facts: { model: 'm', memory: [], listing: { chars: 0, entries: [] }, agents: [] },
      firstRequest: { chars: 1, tokens: 1, exact: true, counter: 'anthropic' },
      startupMs: [5],
      drift: [],
      staged: { files: 1, bytes: 1, skipped: 0 },
    };
    expect(renderAnalyzeText({ ...s, claudeCode: cc } as unknown as Snapshot)).toContain(
      '\n\nMeasured by Claude Code 2.1.332 (m): the first request of a session with this framework\n',
    );
  });

  it('marks a plugin not installed as not counted, and a marketplace judged per plugin names the worst one and what is over', async () => {
    const d = tmpDir();
    const skill = (n: string) => `---\nname: ${n}\ndescription: The ${n} skill ${'does things well. '.repeat(20)}\n---\nBody.\n`;
    writeFiles(d, {
      'CLAUDE.md': '# P\n',
      ...plugin('alpha'),
      'plugins/alpha/skills/one/SKILL.md': skill('one'),
      'plugins/alpha/skills/two/SKILL.md': skill('two'),
      'plugins/alpha/agents/helper.md': `---\nname: helper\ndescription: ${'Helps. '.repeat(30)}\n---\nBody.\n`,
    });
    try {
      const uninstalled = await analyzeDir(d, {}, 'none');
      expect(renderAnalyzeText(uninstalled)).toMatch(/\| alpha \(not counted\) +\|/);
      const tight = await analyzeDir(d, { skillListingBudgetOverride: 6400, agentListingWarnTokens: 10 });
      expect(tight.listings.scope).toBe('per-plugin');
      const lost = tight.listings.worst.skills!.truncated.length;
      expect(lost).toBeGreaterThan(0);
      const t = renderAnalyzeText(tight);
      expect(t).toMatch(
        new RegExp(
          `\\| Skill listing \\(judged per plugin: the project plus each plugin installed alone; worst shown\\) +\\| [\\d,]+ / 6,400 chars \\(with alpha\\), Claude Code's own entries included; OVER BUDGET: ${lost} reduced to bare names +\\|`,
        ),
      );
      expect(t).toMatch(
        /\| Agent listing \(judged per plugin[^|]+\| [\d,]+ \/ 10 tokens as Claude Code estimates them \(characters \/ 4\) \(with alpha\), 1 agents, OVER LIMIT +\|/,
      );
    } finally {
      cleanup(d);
    }
  });
});
