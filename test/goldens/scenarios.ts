/** Frameworks built to reach every branch of the gate, shared by the report and Action goldens. */
import path from 'node:path';
import { cleanup, commitAll, gitInit, tmpDir, writeFiles } from '../helpers.js';

export interface Repo {
  dir: string;
  base: string;
  head: string;
}

/** A real git repository: `base` committed, then `head` written over it (and `remove` deleted) and committed. Its folder goes into `dirs`. */
export function repo(dirs: string[], base: Record<string, string>, head: Record<string, string>, remove: string[] = []): Repo {
  const dir = tmpDir('cb-golden-');
  dirs.push(dir);
  writeFiles(dir, base);
  const b = gitInit(dir);
  writeFiles(dir, head);
  for (const r of remove) cleanup(path.join(dir, r));
  return { dir, base: b, head: commitAll(dir, 'change') };
}

export const para = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${topic} note ${i}: keep the ${topic} ledger consistent with entry ${i} and cite it in the review.`).join('\n') + '\n';
export const skill = (name: string, words: number, extra = '') =>
  `---\nname: ${name}\ndescription: ${`Reconcile ${name} against the statement step by step. `.repeat(words).trim()}\n${extra}---\nBody of ${name}.\n\n${para(name, 4)}`;

export const BUDGETS = `budgets:
  - metric: eagerTokens
    max: 2500
    maxIncreasePercent: 10
    level: error
  - metric: eagerTokens
    scope: category:memory
    maxIncrease: 300
    level: warn
  - metric: eagerTokens
    scope: files:docs/**
    maxIncrease: 50
    level: warn
  - metric: onDemandTokens
    scope: kind:skill
    maxIncreasePercent: 20
    level: warn
  - metric: worstInvocationTokens
    max: 3000
    level: warn
  - metric: memoryFileMaxChars
    max: 4000
    level: error
  - metric: memoryTotalChars
    maxIncrease: 1000
    level: warn
  - metric: maxDepth
    max: 3
    level: warn
  - metric: cycles
    max: 0
    level: error
  - metric: unresolved
    max: 0
    level: warn
  - metric: invalidSkillNames
    max: 0
    level: warn
  - metric: errors
    max: 0
    level: error
  - metric: agentListingTokens
    max: 400
    level: warn
`;

/** A pull request that breaks every kind of budget: each metric, scope and operator, warn and error. */
export function breaksEverything(): { base: Record<string, string>; head: Record<string, string>; remove: string[] } {
  const base = {
    '.github/context-budget.yml': BUDGETS,
    'CLAUDE.md': `# Ledger\n\n${para('ledger', 6)}\n@docs/a.md\n`,
    'docs/a.md': `# A\n\n${para('alpha', 3)}`,
    '.claude/skills/reconcile/SKILL.md': skill('reconcile', 2),
    '.claude/skills/close-month/SKILL.md': skill('close-month', 3),
    '.claude/agents/reviewer.md': '---\nname: reviewer\ndescription: Reviews ledger changes.\ntools: Read, Grep\n---\nReview.\n',
    '.claude/rules/api.md': '---\npaths: src/api/**\n---\nAPI rules apply to src/api.\n',
    '.claude/commands/ship.md': '---\ndescription: Ship it.\n---\nShip $ARGUMENTS.\n',
  };
  const runbook = `## Deployment runbook\n\n${Array.from({ length: 30 }, (_, i) => `${i + 1}. Run step ${i} of the deployment and record the ticket number in the ledger.`).join('\n')}\n`;
  const head = {
    'CLAUDE.md': `# Ledger\n\n${para('ledger', 6)}\n@docs/a.md\n@docs/missing.md\n@docs/c1.md\n\n${runbook}\n## Conventions\n\n${para('ledger', 6)}`,
    'docs/a.md': `# A\n\n${para('alpha', 6)}\n@b.md\n`,
    'docs/b.md': `B\n\n@d1.md\n`,
    'docs/d1.md': 'D1\n\n@d2.md\n',
    'docs/d2.md': 'D2\n\n@d3.md\n',
    'docs/d3.md': 'D3\n\n@d4.md\n',
    'docs/d4.md': 'D4\n\n@d5.md\n',
    'docs/d5.md': 'D5 is past the depth limit.\n',
    'docs/c1.md': 'C1\n\n@c2.md\n',
    'docs/c2.md': 'C2\n\n@c1.md\n',
    '.claude/skills/reconcile/SKILL.md': skill('reconcile', 40),
    '.claude/skills/spaced/SKILL.md': skill('My Skill', 2),
    '.claude/skills/broken/SKILL.md': '---\nname: broken\ndescription: [unclosed\n---\nBody\n',
    '.claude/agents/reviewer.md': `---\nname: reviewer\ndescription: ${'Reviews ledger changes for consistency with the policy. '.repeat(40).trim()}\ntools: Read, Grep\n---\nReview.\n`,
    '.claude/agents/auditor.md': `---\nname: auditor\ndescription: Audits the ledger.\ndisallowedTools: Bash\n---\nAudit.\n`,
    // The same broken front matter in four more skills: listed once, as a group.
    ...Object.fromEntries(['b1', 'b2', 'b3', 'b4'].map((n) => [`.claude/skills/${n}/SKILL.md`, `---\nname: ${n}\ndescription: [unclosed ${n}\n---\nBody\n`])),
    // What can't be known without running it: MCP servers' tools and SessionStart hooks' output (never run).
    '.mcp.json': JSON.stringify({ mcpServers: { db: { command: 'db-mcp' }, search: { command: 'search-mcp' } } }, null, 2),
    '.claude/settings.json': JSON.stringify(
      { hooks: { SessionStart: [{ hooks: [{ type: 'command', command: 'echo context' }] }, { hooks: [{ type: 'command', command: 'cat notes.md' }] }] } },
      null,
      2,
    ),
    // The pull request edits its own budgets: the looser limit is not applied, the stricter one is.
    '.github/context-budget.yml': BUDGETS.replace('  - metric: maxDepth\n    max: 3', '  - metric: maxDepth\n    max: 10').replace(
      '  - metric: agentListingTokens\n    max: 400',
      '  - metric: agentListingTokens\n    max: 300',
    ),
  };
  return { base, head, remove: ['.claude/commands/ship.md'] };
}
