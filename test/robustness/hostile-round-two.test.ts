/**
 * Hostile input, round two: a few bytes must not hang, crash or fool the gate. One block per class
 * of the issue; each failed before its fix (a hang shows as the test timeout, not as a timing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { findContent, scanFile } from '../../src/analyze/content.js';
import { readWorkflowMeta } from '../../src/analyze/workflow.js';
import { gitSource } from '../../src/collect/git.js';
import { sanitizeReport } from '../../src/action/report-input.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig, parseConfigText } from '../../src/config/load.js';
import { DEFAULT_LIMITS, DEFAULT_MODEL } from '../../src/model/constants.js';
import type { GateReport } from '../../src/model/report.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { conclusion } from '../../src/publish/check.js';
import { retryDecision } from '../../src/publish/client.js';
import { logSafe, md } from '../../src/render/escape.js';
import { renderComment } from '../../src/render/comment.js';
import { analyzeDir, cleanup, counter, FIXTURES, gitInit, ROOT, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
function repo(files: Record<string, string | Buffer>): string {
  const d = tmpDir();
  dirs.push(d);
  writeFiles(d, files);
  return d;
}
const config = normalizeConfig({}, 'defaults');
const codes = (s: Snapshot) => s.diagnostics.map((d) => d.code);

describe('1. quadratic scans', () => {
  it('a line of 300,000 spaces before text: analyzed, its trailing whitespace still found', async () => {
    const line = ' '.repeat(300_000) + 'x';
    const s = await analyzeDir(repo({ 'CLAUDE.md': `# T\n\n${line}\nmore text  ${' '.repeat(2000)}\n` }));
    expect(s.files.find((f) => f.path === 'CLAUDE.md')!.loading).toBe('eager');
    const text = `a${' '.repeat(100_000)}b${' '.repeat(50_000)}\n`;
    const f = { loading: 'eager', category: 'memory' } as const;
    const found = findContent([{ path: 'a.md', ...f, digest: { key: 'k', chars: text.length, scan: scanFile(text, f), names: [] } }], () => 1000);
    expect(found.compressible.some((c) => c.kind === 'whitespace')).toBe(true);
  });
});

describe('2. exponential backtracking in export const meta', () => {
  it('reads meta after 5,000 comment lines, and refuses a file of comments only', () => {
    const comments = '// a comment\n  \n/* block */\n'.repeat(5000);
    expect(readWorkflowMeta(`${comments}export const meta = { name: 'w', description: 'd' };`)).toMatchObject({ ok: true, name: 'w' });
    expect(readWorkflowMeta(`${comments}const x = 1;`)).toMatchObject({ ok: false });
    expect(readWorkflowMeta('/* never closed\n'.repeat(100))).toMatchObject({ ok: false });
  });
});

describe('3. circular YAML aliases', () => {
  it('a skill, an agent and a rule with self-referencing aliases: analyzed, the snapshot serialises', async () => {
    const s = await analyzeDir(
      repo({
        'CLAUDE.md': 'mem\n',
        '.claude/skills/a/SKILL.md': '---\ndescription: &a [*a]\n---\nx\n',
        '.claude/skills/b/SKILL.md': '---\ndescription: ok\npaths: &p { x: *p }\n---\nx\n',
        '.claude/agents/ag.md': '---\nname: ag\ndescription: &d [*d, 1]\ntools: &t [*t]\n---\nx\n',
        '.claude/rules/r.md': '---\npaths: &p [*p]\n---\nrule\n',
      }),
    );
    expect(() => JSON.stringify(s)).not.toThrow();
    expect(s.listings.agents.items.map((e) => e.name)).toEqual(['ag']);
    expect(s.listings.skills.items.map((e) => e.name)).toContain('a');
  });
});

describe('4. symlink fan-out', () => {
  it('300 directory links to one folder of 2,000 files: expansion stops at the limit, the head is "could not measure" and fails', async () => {
    const files: Record<string, string> = { '.claude/skills/real/SKILL.md': '---\ndescription: d\n---\nx\n' };
    for (let i = 0; i < 2000; i++) files[`.claude/skills/real/f${i}.md`] = 'x\n';
    const d = repo(files);
    for (let i = 0; i < 300; i++) symlinkSync('real', path.join(d, `.claude/skills/l${i}`));
    const limits = { ...DEFAULT_LIMITS, maxSymlinkExpansion: 20_000 };
    const s = await analyze(worktreeSource(d), { model: DEFAULT_MODEL, limits, toolVersion: 't', loadTimeRounds: 0 }, counter);
    expect(s.files.length).toBeLessThan(25_000);
    expect(s.diagnostics.find((x) => x.code === 'limit-reached')?.message).toMatch(/could not measure: limit maxSymlinkExpansion/);
    const base = await analyzeDir(path.join(FIXTURES, 'example-base'));
    const r = compare({ base, head: s, baseLabel: 'b', headLabel: 'h', loadTime: null }, config);
    expect(r.verdict).toBe('fail');
    expect(r.results.find((x) => x.id === 'measurable')).toMatchObject({ status: 'fail', introduced: true });
  });
});

describe('5. unbounded reads from git', () => {
  it('a "symlink" blob of 1 MB is not read as a link target; the total bytes read are capped', async () => {
    const d = repo({ 'CLAUDE.md': '# Root\n', '.claude/rules/a.md': 'a'.repeat(4000) + '\n', '.claude/rules/b.md': 'b'.repeat(4000) + '\n' });
    gitInit(d);
    // A symlink whose target blob is 1 MB, written as a git object directly.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: d, input: 'x'.repeat(1 << 20) })
      .toString()
      .trim();
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `120000,${blob},.claude/skills/huge-link`], { cwd: d });
    execFileSync('git', ['commit', '-qm', 'huge link'], {
      cwd: d,
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
    });
    const source = await gitSource(d, 'HEAD');
    const link = (await source.list()).find((e) => e.path === '.claude/skills/huge-link')!;
    expect(link).toMatchObject({ type: 'unreadable' });
    const s = await analyze(source, { model: DEFAULT_MODEL, limits: { ...DEFAULT_LIMITS, maxTotalBytes: 5000 }, toolVersion: 't', loadTimeRounds: 0 }, counter);
    expect(s.diagnostics.filter((x) => x.code === 'unreadable').map((x) => x.file)).toContain('.claude/skills/huge-link');
    expect(s.diagnostics.find((x) => x.code === 'limit-reached')?.message).toMatch(/maxTotalBytes/);
  });
});

describe("6. the head's config cannot relax a guard", () => {
  it('refuses limits above the defaults, accepts lower ones', () => {
    expect(() => parseConfigText('limits:\n  maxSymlinkHops: 2000000000\n', 'x.yml')).toThrow(/limits\.maxSymlinkHops: expected at most 40/);
    expect(parseConfigText('limits:\n  maxFiles: 10\n', 'x.yml').limits.maxFiles).toBe(10);
    expect(() => parseConfigText('model:\n  toString: 1\n', 'x.yml')).toThrow(/model\.toString/);
  });
});

describe('7. workflow-command injection', () => {
  it('neutralises :: after any whitespace the runner trims (U+0085 too) and ##[ anywhere', () => {
    for (const bad of ['\u0085::error::x', '\u00a0 ::warning::x', 'a\r::error::x', 'a\u2028::error::x', 'text ##[error]x']) {
      const out = logSafe(bad);
      expect(
        out.split('\n').some((l) => /^[\s\u0085\u00a0]*::/.test(l)),
        JSON.stringify(out),
      ).toBe(false);
      expect(out).not.toContain('##[');
    }
  });
  it("the CLI's plain and JSON output carry no workflow command from file names", () => {
    const d = repo({
      'CLAUDE.md': '# Root\n',
      '.claude/commands/##[error]pwned.md': '---\ndescription: x\n---\nx\n',
      '.claude/commands/\u0085::error::y.md': 'x\n',
    });
    const cli = path.join(ROOT, 'dist/cli/index.js');
    for (const args of [
      ['analyze', d, '--no-cache'],
      ['analyze', d, '--no-cache', '--json'],
    ]) {
      const out = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' }).stdout;
      expect(out).toContain('pwned');
      expect(out).not.toContain('##[');
      expect(out.split(/\r\n|[\n\r\u2028\u2029]/).some((l) => /^[\s\u0085]*::/.test(l))).toBe(false);
    }
  });
});

describe('8. a rate limit that resets in an hour', () => {
  it('is not waited for; a short one is retried twice', () => {
    const log = { info: () => undefined, warning: () => undefined, error: () => undefined, debug: () => undefined };
    const req = { method: 'POST', url: '/x' };
    expect(retryDecision(log, 'rate limit', 3601, req, 0)).toBe(false);
    expect(retryDecision(log, 'rate limit', 5, req, 0)).toBe(true);
    expect(retryDecision(log, 'rate limit', 5, req, 2)).toBe(false);
    const ended = new AbortController();
    ended.abort();
    expect(retryDecision(log, 'rate limit', 1, req, 0, ended.signal)).toBe(false);
  });
});

describe('9. the fork recipe does not obey the fork', () => {
  const real = async () => {
    const base = await analyzeDir(path.join(FIXTURES, 'example-base'));
    const head = await analyzeDir(path.join(FIXTURES, 'example-head'));
    return JSON.parse(
      JSON.stringify(
        compare(
          { base, head, baseLabel: 'b', headLabel: 'h', loadTime: null },
          normalizeConfig({ budgets: [{ metric: 'eagerTokens', max: 10, level: 'error' }] }, 'x.yml'),
        ),
      ),
    );
  };
  it('decides the verdict again from the results: a forged "pass" over a failing result is a fail', async () => {
    const r = await real();
    expect(r.verdict).toBe('fail');
    expect(sanitizeReport({ ...r, verdict: 'pass' }).verdict).toBe('fail');
  });
  it('refuses a report whose fields have the wrong types or values, naming the field', async () => {
    const r = await real();
    expect(() => sanitizeReport({ ...r, verdict: 'pass** <img src=x onerror=alert(1)>' })).toThrow(/report\.verdict: expected one of pass, warn, fail/);
    expect(() =>
      sanitizeReport({ ...r, diff: { ...r.diff, totals: { ...r.diff.totals, eagerTokens: { ...r.diff.totals.eagerTokens, head: '<script>' } } } }),
    ).toThrow(/report\.diff\.totals\.eagerTokens\.head: expected a number/);
    expect(() => sanitizeReport({ ...r, results: [{ ...r.results[0], status: 'ok' }] })).toThrow(/report\.results\[0\]\.status/);
  });
  it('drops unknown fields, escapes strings in the comment, and never publishes a pass as success', async () => {
    const r = await real();
    const forged = sanitizeReport({
      ...r,
      results: r.results.map((x: { status: string }) => ({ ...x, status: 'pass', message: '<b>@team</b> ##[error]' })),
      extra: '<script>',
    }) as unknown as Record<string, unknown>;
    expect(forged.extra).toBeUndefined();
    expect(forged.verdict).toBe('pass');
    const body = renderComment({ ...(forged as unknown as GateReport), untrusted: true });
    expect(body).not.toContain('<b>');
    expect(body).toContain('not verified here');
    expect(conclusion('pass', true)).toBe('neutral');
    expect(conclusion('fail', true)).toBe('failure');
  });
});

describe('10. nothing is lost silently', () => {
  it('a FIFO in the skills folder is reported as unreadable, and the head cannot pass by it', async () => {
    const d = repo({ 'CLAUDE.md': '# Root\n', '.claude/skills/ok/SKILL.md': '---\ndescription: d\n---\nx\n' });
    mkdirSync(path.join(d, '.claude/skills/pipe'), { recursive: true });
    execFileSync('mkfifo', [path.join(d, '.claude/skills/pipe/SKILL.md')]);
    const s = await analyzeDir(d);
    expect(s.diagnostics.find((x) => x.file === '.claude/skills/pipe/SKILL.md')).toMatchObject({ severity: 'error', code: 'unreadable' });
    const base = await analyzeDir(path.join(FIXTURES, 'example-base'));
    expect(compare({ base, head: s, baseLabel: 'b', headLabel: 'h', loadTime: null }, config).verdict).toBe('fail');
  });
  it('`--json | head -1` ends quietly with the verdict exit code, no stack trace', () => {
    const d = repo({ 'CLAUDE.md': '# Root\n' + 'line\n'.repeat(20000) });
    const cli = path.join(ROOT, 'dist/cli/index.js');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" analyze "${d}" --no-cache --json | head -1; echo "exit=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('exit=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('11. smaller ones', () => {
  it('an `mcpServers` key that is not an object is not a server named "mcpServers"', async () => {
    const s = await analyzeDir(repo({ 'CLAUDE.md': '# Root\n', '.mcp.json': '{"mcpServers": null}\n' }));
    expect(s.unknowns.map((u) => u.name)).not.toContain('mcpServers');
    expect(codes(s)).toContain('invalid-json');
  });
  it('a #123 from a file name does not become an issue link', () => {
    expect(md('fix #123 and \\#45')).not.toMatch(/\\?#\d/);
  });
});
