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
import { analyzeDir, beforeShared, cleanup, counter, tmpDir, writeFiles } from '../helpers.js';

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
