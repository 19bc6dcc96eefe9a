/**
 * Other agents gated on real git repositories through the CLI (in process): a pull request that
 * pushes AGENTS.md past Codex's 32 KiB cap, or Copilot's skill listing past its budget, fails with a
 * how-to-pass; the comment has one row per agent; the config's `agents` key and --agent turn them on.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { run, type Proc } from '../../src/cli.js';
import { parseConfigText } from '../../src/config/load.js';
import type { GateReport } from '../../src/model/report.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { renderComment } from '../../src/render/comment.js';
import { cleanup, commitAll, gitInit, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const proc: Proc = { argv, cwd, env: { ...process.env }, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
  return { code: await run(proc), out, err };
}

const rules = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `- Rule ${from + i}: ledger entries are immutable; a correction is a new entry that cites rule ${from + i}.`).join('\n') +
  '\n';
const skill = (name: string) =>
  `---\nname: ${name}\ndescription: ${`Reconcile ${name} against the statement, step by step. `.repeat(18).trim()}\n---\nBody of ${name}.\n`;

function repo(base: Record<string, string>, head: Record<string, string>): { dir: string; base: string; head: string } {
  const dir = tmpDir('cb-agents-');
  dirs.push(dir);
  writeFiles(dir, base);
  const b = gitInit(dir);
  writeFiles(dir, head);
  return { dir, base: b, head: commitAll(dir, 'change') };
}

describe("Codex's AGENTS.md cap", () => {
  it('a pull request that pushes AGENTS.md past 32 KiB fails, saying how many bytes to cut; one that stays under passes', async () => {
    const config = { '.github/context-budget.yml': 'agents: [codex]\n' };
    const r = repo({ ...config, 'AGENTS.md': `# Handbook\n\n${rules(150)}` }, { 'AGENTS.md': `# Handbook\n\n${rules(450)}` });
    const res = await cli(['diff', r.base, r.head, '--dir', r.dir, '--json', '--no-cache'], r.dir);
    expect(res.code, res.err).toBe(1);
    const report = JSON.parse(res.out) as GateReport;
    const cut = report.results.find((x) => x.id === 'agent-instructions-cut:codex')!;
    const bytes = Buffer.byteLength(`# Handbook\n\n${rules(450)}`);
    expect(cut).toMatchObject({ status: 'fail', introduced: true, base: 0, location: { file: 'AGENTS.md' } });
    expect(cut.actual).toBe(`# Handbook\n\n${rules(450)}`.length - 32_768);
    expect(cut.howToPass).toBe(
      `OpenAI Codex keeps the first 32,768 bytes of AGENTS.md (it is ${bytes.toLocaleString('en-US')} bytes) and drops the rest without a word: cut ${(bytes - 32_768).toLocaleString('en-US')} bytes, or move detail OpenAI Codex needs only sometimes into skills (.codex/skills, .agents/skills) that it reads when used.`,
    );
    expect(report.agents).toEqual([
      expect.objectContaining({
        id: 'codex',
        version: '0.171.0',
        cut: [{ file: 'AGENTS.md', bytes, keptChars: 32_768, chars: bytes }],
        droppedChars: expect.objectContaining({ base: 0 }),
      }),
    ]);
    const comment = renderComment(report);
    expect(comment).toContain('#### Other agents that read these files');
    expect(comment).toMatch(/\| OpenAI Codex 0\.171\.0 \| +[\d,]+ \| +[\d,]+ \| +\+[\d,]+ \| ❌ AGENTS\.md cut: [\d,]+ of [\d,]+ characters dropped/);

    const ok = repo({ ...config, 'AGENTS.md': `# Handbook\n\n${rules(150)}` }, { 'AGENTS.md': `# Handbook\n\n${rules(200)}` });
    const pass = await cli(['diff', ok.base, ok.head, '--dir', ok.dir, '--json', '--no-cache'], ok.dir);
    expect(JSON.parse(pass.out).results.find((x: { id: string }) => x.id === 'agent-instructions-cut:codex')).toMatchObject({ status: 'pass', actual: 0 });
  });

  it('a base already over the cap, not made worse, is not blamed on the change', async () => {
    const r = repo({ '.github/context-budget.yml': 'agents: [codex]\n', 'AGENTS.md': `# H\n\n${rules(450)}` }, { 'README.md': 'unrelated\n' });
    const res = await cli(['diff', r.base, r.head, '--dir', r.dir, '--json', '--no-cache'], r.dir);
    const cut = (JSON.parse(res.out) as GateReport).results.find((x) => x.id === 'agent-instructions-cut:codex')!;
    expect(cut).toMatchObject({ status: 'pass', preexisting: true });
  });
});

describe("Copilot CLI's skill listing budget", () => {
  it('a pull request that pushes its listing past 15,000 characters fails, naming the entries listed by name only', async () => {
    const base = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`.claude/skills/s${String(i).padStart(2, '0')}/SKILL.md`, skill(`s${String(i).padStart(2, '0')}`)]),
    );
    const head = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`.claude/skills/t${i}/SKILL.md`, skill(`t${i}`)]));
    const r = repo(base, head);
    // No config: --agent turns Copilot on, with its default budgets.
    const res = await cli(['diff', r.base, r.head, '--dir', r.dir, '--json', '--no-cache', '--agent', 'copilot'], r.dir);
    expect(res.code, res.err).toBe(1);
    const report = JSON.parse(res.out) as GateReport;
    const listing = report.results.find((x) => x.id === 'agent-listing:copilot')!;
    expect(listing).toMatchObject({ status: 'fail', base: 0, introduced: true });
    const row = report.agents!.find((a) => a.id === 'copilot')!;
    expect(row.nameOnly.added.length).toBe(listing.actual);
    expect(row.nameOnly.added).toEqual(row.nameOnly.head);
    expect(listing.howToPass).toMatch(
      /^GitHub Copilot CLI lists skills within 15,000 characters of its own markup; past that, \d+ entr(y is|ies are) listed by name only \(t\d/,
    );
    // Claude Code's own listing is not over (its budget is larger): only the Copilot budget fails.
    expect(report.results.filter((x) => x.status === 'fail').map((x) => x.id)).toEqual(['agent-listing:copilot']);
    expect(renderComment(report)).toMatch(/❌ \d+ skills? listed by name only \(\d+ because of this change\)/);
  });
});

describe('turning agents on', () => {
  it('analyze --agent all puts each agent in the JSON report, in the fields Claude Code has', async () => {
    const dir = tmpDir('cb-agents-');
    dirs.push(dir);
    writeFiles(dir, {
      'AGENTS.md': `# H\n\n${rules(450)}`,
      '.agents/skills/a/SKILL.md': skill('a'),
      '.claude/agents/rev.md': '---\nname: rev\ndescription: Reviews.\n---\nx\n',
    });
    const res = await cli(['analyze', dir, '--json', '--no-cache', '--agent', 'all'], dir);
    expect(res.code, res.err).toBe(0);
    const s = JSON.parse(res.out) as Snapshot;
    expect(s.agents!.map((a) => a.agent)).toEqual([
      { id: 'copilot', name: 'GitHub Copilot CLI', version: '1.0.102' },
      { id: 'codex', name: 'OpenAI Codex', version: '0.171.0' },
      { id: 'gemini', name: 'Gemini CLI', version: '0.61.0' },
      { id: 'opencode', name: 'opencode', version: '1.18.33' },
      { id: 'qwen', name: 'Qwen Code', version: '0.24.4' },
      { id: 'pi', name: 'pi', version: '0.73.1' },
    ]);
    const [copilot, codex] = s.agents!;
    expect(codex!.files.find((f) => f.path === 'AGENTS.md')).toMatchObject({ loading: 'eager', keptChars: 32_768 });
    expect(copilot!.files.find((f) => f.path === 'AGENTS.md')!.keptChars).toBeUndefined();
    expect(copilot!.listings.skills.items.map((i) => [i.name, !!i.truncated])).toEqual([['a', false]]);
    expect(copilot!.listings.agents.items.map((i) => i.name)).toEqual(['rev']);
    expect(codex!.listings.skills.items.map((i) => i.name)).toEqual(['a']);
    expect(codex!.totals.droppedChars).toBe(`# H\n\n${rules(450)}`.length - 32_768);
  });

  it('the config key and budgets: ids or "all", agent metrics only with an agent scope, errors naming the key', () => {
    expect(parseConfigText('agents: all\n', 'c.yml').agents).toEqual(['copilot', 'codex', 'gemini', 'opencode', 'qwen', 'pi']);
    const c = parseConfigText('agents: [codex]\nbudgets:\n  - metric: agentEagerTokens\n    scope: agent:codex\n    max: 5000\n', 'c.yml');
    expect(c.assertions.map((a) => a.id)).toContain('agent-instructions-cut:codex');
    expect(c.assertions.some((a) => a.id === 'agent-listing:codex')).toBe(false); // Codex has no listing budget
    expect(c.assertions.find((a) => a.metric === 'agentEagerTokens')).toMatchObject({ scope: { type: 'agent', value: 'codex' }, threshold: 5000 });
    expect(() => parseConfigText('agents: [cursor]\n', 'c.yml')).toThrow(
      'c.yml: agents: expected "all" or a list of copilot, codex, gemini, opencode, qwen, pi, got "cursor"',
    );
    expect(() => parseConfigText('budgets:\n  - metric: agentEagerTokens\n    max: 1\n', 'c.yml')).toThrow(
      /budgets\[0\]\.scope: expected "agent:<id>" for metric agentEagerTokens/,
    );
    expect(() => parseConfigText('budgets:\n  - metric: eagerTokens\n    scope: agent:codex\n    max: 1\n', 'c.yml')).toThrow(
      /not an agent scope for metric eagerTokens/,
    );
    expect(
      parseConfigText('agents: [copilot]\ndefaults:\n  agent-listing: warn\n', 'c.yml').assertions.find((a) => a.id === 'agent-listing:copilot')!.level,
    ).toBe('warn');
  });
});
