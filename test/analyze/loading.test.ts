import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL } from '../../src/model/constants.js';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeDir, analyzeRef, cleanup, commitAll, copyFixture, file, gitInit, writeFiles, beforeShared } from '../helpers.js';

let dir: string;
let s: Snapshot;

beforeAll(() => {
  dir = copyFixture('loading');
});
beforeShared(async () => {
  s = await analyzeDir(dir);
});
afterAll(() => cleanup(dir));

const entry = (name: string) => s.listings.skills.items.find((e) => e.name === name);
const unresolved = (ref: string) => s.graph.unresolved.find((u) => u.ref === ref);

describe('memory files and @imports', () => {
  it('loads the root CLAUDE.md eagerly at depth 0', () => {
    expect(file(s, 'CLAUDE.md')).toMatchObject({ loading: 'eager', depth: 0, category: 'memory', kind: 'memory' });
  });

  it('follows plain, ./, escaped-space and #fragment imports', () => {
    for (const p of ['docs/arch.md', 'docs/style.md', 'docs/with space.md', 'docs/frag.md']) {
      expect(file(s, p)).toMatchObject({ loading: 'eager', depth: 1 });
      expect(file(s, p).reason).toBe('imported by CLAUDE.md at depth 1');
    }
  });

  it('does not scan HTML comments, inline code spans or fenced code blocks', () => {
    expect(s.files.find((f) => f.path === 'docs/commented.md')).toBeUndefined();
    expect(s.files.find((f) => f.path === 'docs/inline.md')).toBeUndefined();
    expect(s.graph.unresolved.some((u) => u.ref.startsWith('pytest'))).toBe(false);
    expect(s.graph.unresolved.some((u) => u.ref.includes('example.com'))).toBe(false);
  });

  it('strips HTML comments from the loaded text', () => {
    const f = file(s, 'CLAUDE.md');
    // The comment block goes, with the blank lines after it (as Claude Code removes it); nothing else does.
    const raw = readFileSync(path.join(dir, 'CLAUDE.md'), 'utf8');
    expect(raw).toContain('<!-- hidden comment');
    expect(f.chars).toBe(raw.replace(/^<!-- hidden comment[^\n]*-->\n(?:[ \t]*\n)*/m, '').trim().length);
    expect(s.files.every((x) => x.path !== 'docs/commented.md')).toBe(true);
  });

  it('reports home, absolute and escaping imports as unresolved, never reading them', () => {
    expect(unresolved('~/.claude/personal.md')).toMatchObject({ reason: 'home', from: 'CLAUDE.md' });
    expect(unresolved('/etc/passwd')).toMatchObject({ reason: 'external' });
    expect(unresolved('../../outside.md')).toMatchObject({ reason: 'external' });
    expect(s.files.some((f) => f.path.includes('passwd') || f.path.includes('outside'))).toBe(false);
  });

  it('skips non-text extensions and reports missing files with their line', () => {
    expect(unresolved('docs/logo.png')).toMatchObject({ reason: 'skipped' });
    expect(unresolved('docs/missing.md')).toMatchObject({ reason: 'missing', line: 18 });
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ file: 'CLAUDE.md', line: 18, code: 'import-missing' }));
  });

  it('stops at the depth limit: depth 4 loads, depth 5 does not', () => {
    expect(file(s, 'docs/deep/d4.md')).toMatchObject({ loading: 'eager', depth: 4 });
    expect(file(s, 'docs/deep/d5.md').loading).toBe('not-loaded');
    expect(unresolved('d5.md')).toMatchObject({ reason: 'depth', from: 'docs/deep/d4.md' });
    expect(s.graph.maxDepth).toBe(4);
    expect(s.graph.longestChain).toEqual(['CLAUDE.md', 'docs/deep/d1.md', 'docs/deep/d2.md', 'docs/deep/d3.md', 'docs/deep/d4.md']);
  });

  it('reports import cycles as chains and loads each file once', () => {
    expect(s.graph.cycles).toContainEqual(['docs/cycle-a.md', 'docs/cycle-b.md', 'docs/cycle-a.md']);
    expect(s.graph.cycles).toContainEqual(['CLAUDE.md', 'docs/style.md', 'CLAUDE.md']);
    expect(s.files.filter((f) => f.path === 'docs/cycle-a.md')).toHaveLength(1);
  });

  it('loads nested CLAUDE.md and nested AGENTS.md on demand; root AGENTS.md is not loaded next to CLAUDE.md', () => {
    expect(file(s, 'packages/api/CLAUDE.md')).toMatchObject({ loading: 'on-demand', category: 'nested-memory' });
    expect(file(s, 'sub/AGENTS.md')).toMatchObject({ loading: 'on-demand', category: 'nested-memory' });
    expect(file(s, 'AGENTS.md').loading).toBe('not-loaded');
  });
});

describe('rules', () => {
  it('loads rules without paths: eagerly (also in subfolders) and path-scoped rules on demand', () => {
    expect(file(s, '.claude/rules/always.md')).toMatchObject({ loading: 'eager', category: 'rules' });
    expect(file(s, '.claude/rules/sub/plain.md')).toMatchObject({ loading: 'eager', category: 'rules' });
    expect(file(s, '.claude/rules/scoped.md')).toMatchObject({ loading: 'on-demand', category: 'path-rules' });
    expect(file(s, '.claude/rules/scoped.md').reason).toContain('src/api, **/*.sql');
  });
  it('treats paths: "**" as unconditional', () => {
    expect(file(s, '.claude/rules/star.md').loading).toBe('eager');
  });
  it('counts the body only (frontmatter removed)', () => {
    // Included trimmed, as Claude Code includes it.
    expect(file(s, '.claude/rules/always.md').chars).toBe('Always follow the always rule.'.length);
  });
});

describe('the skill listing', () => {
  it('lists commands with namespaces and derived descriptions', () => {
    expect(entry('review')?.text).toBe('- review: Review the current change');
    expect(entry('frontend:component')?.text).toBe('- frontend:component: Create a React component with tests and stories');
    expect(entry('private')).toBeUndefined();
  });
  it('joins description and when_to_use', () => {
    expect(entry('deploy')?.text).toBe('- deploy: Deploy the service to staging or production - when the user asks to ship');
    expect(entry('deploy')?.loading).toBe('eager');
  });
  it('keeps user-invocable: false listed, drops disable-model-invocation, lists path-scoped skills on demand', () => {
    expect(entry('menu-hidden')?.loading).toBe('eager');
    expect(entry('hidden')).toBeUndefined();
    expect(entry('scoped')?.loading).toBe('on-demand');
    expect(entry('scoped')?.reason).toContain('migrations');
  });
  it('derives a missing description from the first body line without heading marks', () => {
    expect(entry('no-desc')?.text).toBe('- no-desc: Summarize the repository quickly and produce a list of the main components with owners');
  });
  it('lists a skill under its directory name, whatever its front matter name says (Claude Code 2.1.332)', () => {
    expect(entry('Bad_Name')?.text.startsWith('- Bad_Name')).toBe(true);
    expect(s.diagnostics.some((d) => d.code === 'invalid-skill-name')).toBe(false);
  });
  it('lists workflows from export const meta without running them', () => {
    expect(entry('release')?.text).toBe('- release: Cut a release - when the user says ship it');
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ file: '.claude/workflows/broken.js', code: 'workflow-meta' }));
  });
  it('computes chars as the sum of line widths plus newlines', () => {
    const eager = s.listings.skills.items.filter((e) => e.loading === 'eager');
    // Claude Code's own bundled entries share the listing and its budget.
    const bundled = DEFAULT_MODEL.bundledEntries;
    expect(s.listings.skills.bundledAllowance).toBe(bundled.reduce((a, b) => a + b.chars, 0));
    expect(s.listings.skills.chars).toBe(eager.reduce((a, e) => a + e.text.length, 0) + s.listings.skills.bundledAllowance + eager.length + bundled.length - 1);
    expect(s.listings.skills.budget).toBe(30_000);
    expect(s.listings.skills.overBudget).toBe(false);
  });
  it('loads skill bodies and their bundled files on demand', () => {
    expect(file(s, '.claude/skills/deploy/SKILL.md')).toMatchObject({ loading: 'on-demand', category: 'skill-bodies' });
    expect(file(s, '.claude/skills/deploy/references/runbook.md')).toMatchObject({ loading: 'on-demand', category: 'resources' });
  });
  it('pulls @file references of commands into the invocation', () => {
    expect(s.graph.edges).toContainEqual(expect.objectContaining({ from: '.claude/commands/review.md', to: 'docs/arch.md', type: 'file-ref' }));
    // Claude Code's pattern takes the trailing period as part of the path.
    expect(unresolved('docs/nope.md.')).toMatchObject({ from: '.claude/commands/review.md', reason: 'missing', line: 6 });
    const review = s.components.find((c) => c.name === 'review')!;
    expect(review.onDemandTokens).toBe(file(s, '.claude/commands/review.md').tokens + file(s, 'docs/arch.md').tokens);
  });
});

describe('agents, output styles, MCP and hooks', () => {
  it('lists agents with their tools, reading broken YAML leniently with a diagnostic', () => {
    const reviewer = s.listings.agents.items.find((e) => e.name === 'reviewer');
    expect(reviewer?.text).toBe('- reviewer: Reviews code for correctness. Examples: <example>user: review this</example> (Tools: Read, Grep)');
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ file: '.claude/agents/reviewer.md', code: 'frontmatter' }));
    expect(s.listings.agents.claudeEstimateTokens).toBe(
      Math.round('reviewer: Reviews code for correctness. Examples: <example>user: review this</example>'.length / 4),
    );
  });
  it('does not load an agent without a description, and says so', () => {
    expect(file(s, '.claude/agents/no-desc.md').loading).toBe('not-loaded');
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ file: '.claude/agents/no-desc.md', code: 'missing-description' }));
  });
  it('links agents to their skills and components mentioned by /name', () => {
    expect(s.graph.edges).toContainEqual({ from: '.claude/agents/reviewer.md', to: '.claude/skills/deploy/SKILL.md', type: 'agent-skill' });
    expect(s.graph.edges).toContainEqual({ from: '.claude/agents/reviewer.md', to: '.claude/commands/review.md', type: 'name-ref' });
  });
  it('loads the selected output style only', () => {
    expect(file(s, '.claude/output-styles/terse.md')).toMatchObject({ loading: 'eager', category: 'output-style' });
    expect(file(s, '.claude/output-styles/verbose.md').loading).toBe('not-loaded');
  });
  it('reports MCP servers and SessionStart hooks as unknown instead of guessing', () => {
    expect(s.unknowns).toContainEqual(expect.objectContaining({ kind: 'mcp-server', name: 'github', file: '.mcp.json' }));
    expect(s.unknowns).toContainEqual(expect.objectContaining({ kind: 'session-start-hook', file: '.claude/settings.json' }));
  });
});

describe('totals', () => {
  it('adds up: eager total = eager files + eager listing entries', () => {
    const files = s.files.filter((f) => f.loading === 'eager').reduce((a, f) => a + f.tokens, 0);
    const entries = [...s.listings.skills.items, ...s.listings.agents.items].filter((e) => e.loading === 'eager').reduce((a, e) => a + e.tokens, 0);
    expect(s.totals.eagerTokens).toBe(files + entries);
    expect(s.totals.eagerTokens).toBeGreaterThan(100);
    expect(s.units.find((u) => u.name === 'project')?.eagerTokens).toBe(s.totals.eagerTokens);
    expect(s.totals.windowShare).toBeCloseTo(s.totals.eagerTokens / DEFAULT_MODEL.contextWindow, 4);
  });
  it('reports worst invocation as eager + the largest command/skill with its @file references', () => {
    const worst = Math.max(...s.components.filter((c) => c.kind === 'command' || c.kind === 'skill').map((c) => c.onDemandTokens));
    expect(s.totals.worstInvocationTokens).toBe(s.totals.eagerTokens + worst);
  });
});

describe('AGENTS.md standing in', () => {
  it('loads AGENTS.md and its imports when there is no CLAUDE.md', async () => {
    const d = copyFixture('agents-md');
    try {
      const a = await analyzeDir(d);
      expect(file(a, 'AGENTS.md')).toMatchObject({ loading: 'eager', depth: 0, category: 'memory' });
      expect(file(a, 'notes.md')).toMatchObject({ loading: 'eager', depth: 1 });
      const off = await analyzeDir(d, { instructionFiles: 'claude-md' });
      expect(off.totals.eagerTokens).toBe(0);
    } finally {
      cleanup(d);
    }
  });
  it('loads both in claude-md-and-agents-md mode but drops an AGENTS.md equal to CLAUDE.md', async () => {
    const d = copyFixture('agents-md');
    try {
      writeFiles(d, { 'CLAUDE.md': '# Agents file\nStands in for CLAUDE.md. Import: @notes.md\n' });
      const a = await analyzeDir(d, { instructionFiles: 'claude-md-and-agents-md' });
      expect(file(a, 'CLAUDE.md').loading).toBe('eager');
      expect(file(a, 'AGENTS.md').loading).toBe('not-loaded');
      writeFiles(d, { 'CLAUDE.md': '# Different\n' });
      const b = await analyzeDir(d, { instructionFiles: 'claude-md-and-agents-md' });
      expect(file(b, 'AGENTS.md').loading).toBe('eager');
    } finally {
      cleanup(d);
    }
  });
});

describe('reading a commit through git objects (--ref)', () => {
  let repo: string;
  let base: Snapshot;
  let head: Snapshot;
  beforeAll(async () => {
    repo = copyFixture('loading');
    gitInit(repo);
    symlinkSync('/etc/passwd', path.join(repo, '.claude/rules/passwd.md'));
    symlinkSync('../../../outside-secret.md', path.join(repo, 'docs/escape.md'));
    symlinkSync('loop-b.md', path.join(repo, 'docs/loop-a.md'));
    symlinkSync('loop-a.md', path.join(repo, 'docs/loop-b.md'));
    symlinkSync('arch.md', path.join(repo, 'docs/linked.md'));
    writeFileSync(path.join(repo, 'CLAUDE.md'), '# Head\nLinked: @docs/linked.md\nEscape: @docs/escape.md\nLoop: @docs/loop-a.md\n');
    commitAll(repo, 'head');
    writeFileSync(path.join(repo, 'CLAUDE.md'), '# Uncommitted working tree change\n');
    base = await analyzeRef(repo, 'HEAD~1');
    head = await analyzeRef(repo, 'HEAD');
  });
  afterAll(() => cleanup(repo));

  it('reads the committed state, not the working tree', async () => {
    expect(base.source).toMatchObject({ kind: 'git', ref: 'HEAD~1' });
    expect(base.source.commit).toMatch(/^[0-9a-f]{40}$/);
    const wt = await analyzeDir(repo);
    expect(base.totals.eagerTokens).toBe(s.totals.eagerTokens);
    expect(file(head, 'CLAUDE.md').chars).toBeGreaterThan(file(wt, 'CLAUDE.md').chars);
  });
  it('follows a symlink inside the repository; the import is named by the link, as Claude Code names it', () => {
    expect(file(head, 'docs/linked.md')).toMatchObject({ loading: 'eager', depth: 1 });
    expect(head.graph.edges).toContainEqual(expect.objectContaining({ from: 'CLAUDE.md', to: 'docs/arch.md', type: 'import' }));
  });
  it('never reads symlinks that leave the repository, and reports loops', () => {
    expect(head.diagnostics).toContainEqual(expect.objectContaining({ file: '.claude/rules/passwd.md', code: 'symlink-external' }));
    expect(head.diagnostics).toContainEqual(expect.objectContaining({ file: 'docs/escape.md', code: 'symlink-external' }));
    expect(head.diagnostics).toContainEqual(expect.objectContaining({ file: 'docs/loop-a.md', code: 'symlink-loop' }));
    expect(head.graph.unresolved).toContainEqual(expect.objectContaining({ from: 'CLAUDE.md', ref: 'docs/escape.md', reason: 'external' }));
    expect(head.files.some((f) => f.path.includes('passwd'))).toBe(false);
    expect(JSON.stringify(head)).not.toContain('root:x:0:0');
  });
  it('rejects an unknown revision with a clear error', async () => {
    await expect(analyzeRef(repo, 'no-such-branch')).rejects.toThrow(/Unknown revision "no-such-branch"/);
    await expect(analyzeRef(repo, '--output=/tmp/x')).rejects.toThrow(/must not start with "-"/);
  });
});
