/**
 * The optimizer on real git repositories, through the CLI in process: each transform's plan, its
 * refusals, --apply writing the working tree (never committing), the measured gain against the
 * predicted one, and a second run proposing nothing more.
 */
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type Proc } from '../../src/cli.js';
import type { OptimizePlan } from '../../src/model/optimize.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { cleanup, gitInit, sh, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const proc: Proc = { argv, cwd, env: { ...process.env }, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
  return { code: await run(proc), out, err };
}

function repo(files: Record<string, string>, git = true): string {
  const dir = tmpDir('cb-optimize-');
  dirs.push(dir);
  writeFiles(dir, files);
  if (git) gitInit(dir);
  return dir;
}

async function plan(dir: string, ...args: string[]): Promise<OptimizePlan> {
  const r = await cli(['optimize', dir, '--json', '--no-cache', ...args], dir);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as OptimizePlan;
}

async function snapshot(dir: string): Promise<Snapshot> {
  const r = await cli(['analyze', dir, '--json', '--no-cache'], dir);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Snapshot;
}

const within5 = (achieved: number, predicted: number) => Math.abs(achieved - predicted) <= Math.max(20, Math.abs(predicted) * 0.05);

const deploySteps = Array.from(
  { length: 20 },
  (_, i) => `${i + 1}. Run \`make release-${i}\` from the repository root, then check that the staging dashboard shows build ${i} as healthy before you go on.`,
).join('\n');
const DEPLOY = `## Deployment\n\nReleases go out from the main branch through the staging cluster first.\n\n${deploySteps}\n`;
const RULES = `## Coding rules\n\n${Array.from({ length: 26 }, (_, i) => `- Always run the linter before committing change number ${i}; never push a red build.`).join('\n')}\n`;
const billingLines = Array.from(
  { length: 18 },
  (_, i) => `- \`services/billing/src/ledger${i}.ts\`: entries there are immutable, and a correction is a new entry that cites the one it corrects.`,
).join('\n');
const BILLING = `## Billing service\n\n${billingLines}\n`;

describe('lazy loading', () => {
  it('moves a procedure section to a skill, keeps a pointer line, leaves the rules for every task, and proves the gain', async () => {
    const dir = repo({ 'CLAUDE.md': `# Acme\n\nA short intro.\n\n${RULES}\n${DEPLOY}\n## Contact\n\nAsk in #eng.\n` });
    const head = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
    const p = await plan(dir);
    const lazy = p.steps.filter((s) => s.kind === 'lazy-loading');
    expect(lazy.map((s) => s.title)).toEqual(['Move "Deployment" to the deployment skill']);
    expect(lazy[0]!.location).toEqual({ file: 'CLAUDE.md', line: 34 });
    expect(lazy[0]!.edits.map((e) => [e.path, e.before === null])).toEqual([
      ['CLAUDE.md', false],
      ['.claude/skills/deployment/SKILL.md', true],
    ]);
    expect(p.refused).toContainEqual(
      expect.objectContaining({ kind: 'lazy-loading', file: 'CLAUDE.md', subject: 'Coding rules', why: expect.stringContaining('rule for every task') }),
    );
    const predicted = lazy[0]!.predicted.eagerTokens;
    expect(predicted).toBeGreaterThan(400);

    const r = await cli(['optimize', dir, '--apply', '--json', '--no-cache'], dir);
    expect(r.code, r.err).toBe(0);
    const applied = (JSON.parse(r.out) as OptimizePlan).applied!;
    expect(applied.written.sort()).toEqual(['.claude/skills/deployment/SKILL.md', 'CLAUDE.md']);
    expect(applied.diff).toContain('+++ b/.claude/skills/deployment/SKILL.md');
    expect(applied.diff).toContain('-## Deployment');
    // Never committed.
    expect(sh(dir, 'git', ['rev-parse', 'HEAD']).trim()).toBe(head);
    const claude = readFileSync(path.join(dir, 'CLAUDE.md'), 'utf8');
    expect(claude).toContain('Deployment: see the `deployment` skill.');
    expect(claude).not.toContain('make release-3');
    expect(claude).toContain('## Coding rules');
    const skill = readFileSync(path.join(dir, '.claude/skills/deployment/SKILL.md'), 'utf8');
    expect(skill).toBe(
      `---\nname: deployment\ndescription: "Deployment: Releases go out from the main branch through the staging cluster first."\n---\n\n${DEPLOY.trim()}\n`,
    );
    const all = applied.results.find((x) => x.kind === 'all')!;
    expect(within5(all.achieved.eagerTokens, all.predicted.eagerTokens), JSON.stringify(all)).toBe(true);
    expect(applied.after.eagerTokens).toBe(p.before.eagerTokens - all.achieved.eagerTokens);

    // Claude Code's view of the result: the skill is listed with its description.
    const s = await snapshot(dir);
    expect(s.listings.skills.items.find((e) => e.name === 'deployment')).toMatchObject({
      loading: 'eager',
      description: 'Deployment: Releases go out from the main branch through the staging cluster first.',
    });
    expect(s.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    // Idempotent: nothing more to move.
    const again = await plan(dir, '--force');
    expect(again.steps).toEqual([]);
  });

  it("refuses a section under a heading two imported files share, one that holds @imports, and a file's title section", async () => {
    const dir = repo({
      'CLAUDE.md': `# Acme\n\n@docs/a.md\n@docs/b.md\n\n## Setup\n\n@docs/setup-details.md\n\n${deploySteps}\n`,
      'docs/a.md': DEPLOY,
      'docs/b.md': DEPLOY.replace('main branch', 'release branch'),
      'docs/setup-details.md': 'Use Node 24.\n',
      'docs/title.md': '',
    });
    const p = await plan(dir, '--only', 'lazy-loading');
    expect(p.steps).toEqual([]);
    const why = (file: string) => p.refused.find((r) => r.file === file)?.why;
    expect(why('docs/a.md')).toBe("its heading is shared by docs/a.md and docs/b.md: merging them is the author's call");
    expect(why('docs/b.md')).toBe("its heading is shared by docs/a.md and docs/b.md: merging them is the author's call");
    expect(why('CLAUDE.md')).toBe('it holds @imports: moving it would change what they load (move the imported files instead)');

    const title = repo({ 'CLAUDE.md': `# Deployment guide\n\n${deploySteps}\n` });
    expect((await plan(title)).refused).toEqual([
      expect.objectContaining({ subject: 'Deployment guide', why: expect.stringContaining("the file's title section") }),
    ]);
  });
});

describe('conditional loading', () => {
  it('moves a section about one folder to a rule with paths:, loaded only there', async () => {
    const dir = repo({ 'CLAUDE.md': `# Acme\n\nIntro.\n\n${BILLING}\n## Contact\n\nAsk in #eng.\n` });
    const p = await plan(dir);
    expect(p.steps.map((s) => [s.kind, s.title])).toEqual([['conditional-loading', 'Load "Billing service" only for services/billing/src/**']]);
    const r = await cli(['optimize', dir, '--apply', '--json', '--no-cache'], dir);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(path.join(dir, '.claude/rules/billing-service.md'), 'utf8')).toBe(
      `---\npaths:\n  - "services/billing/src/**"\n---\n\n${BILLING.trim()}\n`,
    );
    const s = await snapshot(dir);
    expect(s.files.find((f) => f.path === '.claude/rules/billing-service.md')).toMatchObject({ loading: 'on-demand', category: 'path-rules' });
    const all = (JSON.parse(r.out) as OptimizePlan).applied!.results.find((x) => x.kind === 'all')!;
    expect(within5(all.achieved.eagerTokens, all.predicted.eagerTokens), JSON.stringify(all)).toBe(true);
    expect((await plan(dir, '--force')).steps).toEqual([]);
  });
});

describe('listing fit', () => {
  const skill = (i: number) =>
    `---\nname: s${i}\ndescription: ${`Reconcile ledger ${i} against the bank statement. Flag every mismatch for review. `.repeat(6).trim()}\n---\nBody ${i}.\n`;
  it('cuts the longest descriptions at a sentence to a target from the real budget, until no entry loses its description', async () => {
    const files: Record<string, string> = { '.github/context-budget.yml': 'model:\n  skillListingBudgetOverride: 12000\n' };
    for (let i = 0; i < 20; i++) files[`.claude/skills/s${i}/SKILL.md`] = skill(i);
    const dir = repo(files);
    const before = await snapshot(dir);
    expect(before.listings.skills.truncated.length).toBeGreaterThan(0);
    const p = await plan(dir, '--only', 'listing-fit');
    expect(p.steps.length).toBeGreaterThan(0);
    for (const s of p.steps) {
      const after = s.edits[0]!.after!;
      const desc = /description: "(.*)"/.exec(after)![1]!;
      expect(desc.endsWith('.'), desc).toBe(true);
      expect(after).toContain(`name: ${s.id.split(':')[1]}\n`);
    }
    const r = await cli(['optimize', dir, '--apply', '--json', '--no-cache', '--only', 'listing-fit'], dir);
    expect(r.code, r.err).toBe(0);
    const s = await snapshot(dir);
    expect(s.listings.skills.truncated).toEqual([]);
    expect(s.listings.skills.overBudget).toBe(false);
    expect(s.listings.skills.items.every((e) => e.description && e.description.length > 40)).toBe(true);
    const all = (JSON.parse(r.out) as OptimizePlan).applied!.results.find((x) => x.kind === 'all')!;
    expect(within5(all.achieved.listingChars, all.predicted.listingChars), JSON.stringify(all)).toBe(true);
    expect((await plan(dir, '--force', '--only', 'listing-fit')).steps).toEqual([]);
  });
});

describe('agent descriptions', () => {
  it('keeps the routing sentence in the description and moves the examples to the top of the body', async () => {
    const dir = repo({
      '.claude/agents/reconciler.md': `---\nname: reconciler\ndescription: "Use when ledgers do not balance. Examples:\\n\\n${examples.replace(/\n/g, '\\n').replace(/"/g, '\\"')}"\ntools: Read\n---\n\nYou reconcile ledgers.\n`,
      '.claude/agents/bare.md': `---\nname: bare\ndescription: "${examples.replace(/\n/g, '\\n').replace(/"/g, '\\"')}"\n---\n\nBody.\n`,
    });
    const p = await plan(dir, '--only', 'agent-descriptions');
    expect(p.steps.map((s) => s.id)).toEqual(['agent-descriptions:reconciler']);
    expect(p.refused).toEqual([expect.objectContaining({ subject: 'bare', why: expect.stringContaining('no routing sentence') })]);
    const r = await cli(['optimize', dir, '--apply', '--no-cache', '--only', 'agent-descriptions'], dir);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(path.join(dir, '.claude/agents/reconciler.md'), 'utf8')).toBe(
      `---\nname: reconciler\ndescription: "Use when ledgers do not balance."\ntools: Read\n---\n\n## When to use\n\nExamples:\n\n${examples}\n\nYou reconcile ledgers.\n`,
    );
    const s = await snapshot(dir);
    expect(s.listings.agents.items.find((e) => e.name === 'reconciler')!.text).toBe('- reconciler: Use when ledgers do not balance. (Tools: Read)');
  });
});

const examples = `<example>\nContext: a ledger does not balance.\nuser: "Why is March off?"\nassistant: "I'll use the reconciler agent."\n</example>`;

describe('predicted against achieved, per kind', () => {
  it('gives each kind what it adds, though --apply has already written every kind to disk', async () => {
    const dir = repo({
      'CLAUDE.md': `# Acme\n\nIntro.\n\n${DEPLOY}`,
      '.claude/agents/reconciler.md': `---\nname: reconciler\ndescription: "Use when ledgers do not balance. Examples:\\n\\n${examples.replace(/\n/g, '\\n').replace(/"/g, '\\"')}"\ntools: Read\n---\n\nYou reconcile ledgers.\n`,
    });
    const r = await cli(['optimize', dir, '--apply', '--json', '--no-cache'], dir);
    expect(r.code, r.err).toBe(0);
    const p = JSON.parse(r.out) as OptimizePlan;
    const results = p.applied!.results;
    expect(results.map((x) => x.kind)).toEqual(['lazy-loading', 'agent-descriptions', 'all']);
    for (const x of results) expect(within5(x.achieved.eagerTokens, x.predicted.eagerTokens), JSON.stringify(x)).toBe(true);
    const byKind = Object.fromEntries(results.map((x) => [x.kind, x.achieved]));
    // The agent listing's gain belongs to agent-descriptions alone, the skill listing's to lazy-loading.
    expect(byKind['lazy-loading']!.agentListingChars).toBe(0);
    expect(byKind['agent-descriptions']!.agentListingChars).toBe(byKind.all!.agentListingChars);
    expect(byKind['agent-descriptions']!.listingChars).toBe(0);
    expect(byKind['lazy-loading']!.eagerTokens + byKind['agent-descriptions']!.eagerTokens).toBe(byKind.all!.eagerTokens);
  });
});

describe('--agent', () => {
  it('measures what each other agent loads before and after the edits', async () => {
    const examples = Array.from({ length: 8 }, (_, i) => `<example>user: ledger ${i} is off. assistant: I will use the reconciler.</example>`).join(' ');
    const dir = repo({
      '.claude/agents/reconciler.md': `---\nname: reconciler\ndescription: "Use when ledgers do not balance. ${examples}"\n---\n\nYou reconcile ledgers.\n`,
    });
    const r = await cli(['optimize', dir, '--apply', '--json', '--no-cache', '--agent', 'copilot'], dir);
    expect(r.code, r.err).toBe(0);
    const p = JSON.parse(r.out) as OptimizePlan;
    // Copilot CLI lists Claude Code's agents too: its start-up shrinks with Claude Code's.
    expect(p.before.agents!.copilot).toBeGreaterThan(p.applied!.after.agents!.copilot!);
    const text = await cli(['optimize', dir, '--no-cache', '--agent', 'copilot'], dir);
    expect(text.out).toContain('0 steps');
  });
});

describe('duplication and imports', () => {
  const para = `The ledger is the source of truth for every balance we show, on every screen and in every export. A correction is always a new entry that cites the entry it corrects, and nothing is ever edited in place, because auditors replay the ledger from its first entry.`;
  it('keeps a repeated paragraph where it loads first; breaks an import cycle; lists a missing import without guessing', async () => {
    const dir = repo({
      'CLAUDE.md': `# Acme\n\n${para}\n\n@docs/ledger.md\n@docs/missing.md\n`,
      'docs/ledger.md': `# Ledger\n\n${para}\n\nSee also @more.md\n`,
      'docs/more.md': `More.\n\n@ledger.md\n`,
    });
    const p = await plan(dir, '--only', 'duplication', '--only', 'imports');
    expect(p.steps.map((s) => [s.kind, s.location.file])).toEqual([
      ['duplication', 'docs/ledger.md'],
      ['imports', 'docs/more.md'],
    ]);
    expect(p.refused).toContainEqual(
      expect.objectContaining({ kind: 'imports', file: 'CLAUDE.md', subject: 'docs/missing.md', why: expect.stringContaining('never guessed') }),
    );
    const r = await cli(['optimize', dir, '--apply', '--json', '--no-cache', '--only', 'duplication,imports'], dir);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(path.join(dir, 'docs/ledger.md'), 'utf8')).toBe('# Ledger\n\nSee also @more.md\n');
    expect(readFileSync(path.join(dir, 'docs/more.md'), 'utf8')).toBe('More.\n\n');
    expect(readFileSync(path.join(dir, 'CLAUDE.md'), 'utf8')).toContain(para);
    const dup = (JSON.parse(r.out) as OptimizePlan).applied!.results.find((x) => x.kind === 'duplication')!;
    expect(within5(dup.achieved.eagerTokens, dup.predicted.eagerTokens), JSON.stringify(dup)).toBe(true);
    expect((await snapshot(dir)).graph.cycles).toEqual([]);
  });
});

describe('imports past the depth limit', () => {
  it('imports the file from the root (relative to .claude/CLAUDE.md), predicting what it and its own imports cost', async () => {
    const files: Record<string, string> = {
      '.claude/CLAUDE.md': '# Root\n\n@../docs/d1.md\n',
      'docs/d6.md': 'Level 6, imported by level 5, never loaded today.\n',
    };
    for (let i = 1; i <= 5; i++) files[`docs/d${i}.md`] = `Level ${i} text here.\n\n@d${i + 1}.md\n`;
    const dir = repo(files);
    const p = await plan(dir, '--only', 'imports');
    expect(p.steps.map((x) => [x.title, x.risk])).toEqual([
      ['Import docs/d5.md from .claude/CLAUDE.md: it sits past the import depth limit and never loads', 'high'],
    ]);
    const r = await cli(['optimize', dir, '--apply', '--json', '--no-cache', '--only', 'imports'], dir);
    const all = (JSON.parse(r.out) as OptimizePlan).applied!.results.find((x) => x.kind === 'all')!;
    // A cost: negative savings, predicted exactly (d5 and d6 now load).
    expect(all.achieved.eagerTokens).toBeLessThan(0);
    expect(all.achieved.eagerTokens).toBe(all.predicted.eagerTokens);
    expect(readFileSync(path.join(dir, '.claude/CLAUDE.md'), 'utf8')).toBe('# Root\n\n@../docs/d1.md\n@../docs/d5.md\n');
    const s = await snapshot(dir);
    expect(s.files.find((f) => f.path === 'docs/d5.md')?.loading).toBe('eager');
    expect((await plan(dir, '--force', '--only', 'imports')).steps).toEqual([]);
  });
});

describe('--apply guards', () => {
  it('refuses a tree with changes (or outside git) without --force, and never writes through a symbolic link', async () => {
    const dir = repo({ 'CLAUDE.md': `# Acme\n\nIntro.\n\n${DEPLOY}` });
    writeFiles(dir, { 'notes.txt': 'wip\n' });
    const r = await cli(['optimize', dir, '--apply', '--no-cache'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('the working tree has changes (notes.txt): commit or stash them first, or pass --force');
    expect(readFileSync(path.join(dir, 'CLAUDE.md'), 'utf8')).toContain('make release-3');
    expect((await cli(['optimize', dir, '--apply', '--force', '--no-cache'], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, '.claude/skills/deployment/SKILL.md'))).toBe(true);

    const plain = repo({ 'CLAUDE.md': `# Acme\n\nIntro.\n\n${DEPLOY}` }, false);
    const r2 = await cli(['optimize', plain, '--apply', '--no-cache'], plain);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('is not in a git repository');

    // A linked file is never edited; nothing is written through a linked folder (.claude pointing outside).
    const linked = repo({ 'docs/shared.md': `# Acme\n\nIntro.\n\n${DEPLOY}` }, false);
    symlinkSync('docs/shared.md', path.join(linked, 'CLAUDE.md'));
    gitInit(linked);
    const p = await plan(linked);
    expect(p.steps).toEqual([]);
    expect(p.refused).toEqual([{ kind: 'any', file: 'CLAUDE.md', line: 1, subject: 'CLAUDE.md', why: 'it is a symbolic link: edit the file it points to' }]);
    const outside = tmpDir('cb-optimize-outside-');
    dirs.push(outside);
    const viaLink = repo({ 'CLAUDE.md': `# Acme\n\nIntro.\n\n${DEPLOY}` }, false);
    symlinkSync(outside, path.join(viaLink, '.claude'));
    gitInit(viaLink);
    const r3 = await cli(['optimize', viaLink, '--apply', '--no-cache'], viaLink);
    expect(r3.code).toBe(2);
    expect(r3.err).toContain('not written (nothing was): .claude/skills/deployment/SKILL.md: .claude is a symbolic link');
    expect(readFileSync(path.join(viaLink, 'CLAUDE.md'), 'utf8')).toContain('make release-3');
    expect(existsSync(path.join(outside, 'skills'))).toBe(false);
  });

  it('names an unknown kind', async () => {
    const dir = repo({ 'CLAUDE.md': 'x\n' });
    const r = await cli(['optimize', dir, '--only', 'compress'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--only: unknown kind "compress"; kinds: lazy-loading, conditional-loading, listing-fit, agent-descriptions, duplication, imports');
  });
});
