/**
 * `--measure claude-code`: the real binary (the pinned version, fetched from the npm registry once
 * and cached) runs on a side and reports what it sent. Safe by construction: a fixture whose hooks
 * and MCP server would write sentinel files is measured, and the files never appear; the same
 * fixture run without the safety flags does write them, so the test can fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { startCapture, type Capture } from '../../src/collect/claude-code.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { measureOne, requestTokenCounter } from '../../src/conformance/measure.js';
import { DEFAULT_MODEL, modelFor } from '../../src/model/constants.js';
import { run as runCli } from '../../src/cli.js';
import { cleanup, counter, FIXTURES, gitInit, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const binary = inject('claudeCode');

const opts = (model = DEFAULT_MODEL) => ({ spec: 'claude-code', model, rounds: 2, countRequest: requestTokenCounter(counter) });

function sentinelFramework(): { dir: string; sentinels: string[] } {
  const dir = tmpDir();
  const out = tmpDir();
  dirs.push(dir, out);
  const sentinels = ['session-start', 'prompt-submit', 'mcp'].map((n) => path.join(out, n));
  writeFiles(dir, {
    'CLAUDE.md': '# Project\n\nKeep it short.\n',
    '.claude/settings.json': JSON.stringify({
      hooks: {
        SessionStart: [{ hooks: [{ type: 'command', command: `touch ${sentinels[0]}` }] }],
        UserPromptSubmit: [{ hooks: [{ type: 'command', command: `touch ${sentinels[1]}` }] }],
      },
    }),
    '.mcp.json': JSON.stringify({ mcpServers: { writer: { command: 'sh', args: ['-c', `touch ${sentinels[2]}`] } } }),
    '.claude/skills/deploy/SKILL.md': `---\ndescription: ${'Deploys the app carefully. '.repeat(20)}\n---\nBody\n`,
  });
  gitInit(dir);
  return { dir, sentinels };
}

describe.skipIf(!binary)('--measure claude-code', () => {
  it('runs Claude Code on the side and never lets its hooks or MCP servers run', async () => {
    const { dir, sentinels } = sentinelFramework();
    const snap = await analyze(worktreeSource(dir), { model: DEFAULT_MODEL, toolVersion: 't', loadTimeRounds: 0 }, counter);
    const m = await measureOne(worktreeSource(dir), snap, opts());
    expect(m.version).toBe('2.1.332');
    expect(m.facts.memory.map((x) => x.path)).toEqual(['CLAUDE.md']);
    expect(m.facts.listing.entries.filter((e) => !e.bundled).map((e) => e.name)).toEqual(['deploy']);
    expect(m.firstRequest.tokens).toBeGreaterThan(snap.totals.eagerTokens);
    expect(m.startupMs).toHaveLength(2);
    expect(m.drift).toEqual([]);
    await new Promise((r) => setTimeout(r, 1500));
    for (const s of sentinels) expect(existsSync(s), s).toBe(false);
  }, 120_000);

  it('control: the same framework run without the safety flags does write the sentinels', async () => {
    const { dir, sentinels } = sentinelFramework();
    const home = tmpDir();
    dirs.push(home);
    mkdirSync(path.join(home, '.claude'), { recursive: true });
    const capture: Capture = await startCapture();
    try {
      // Trust the project's MCP servers, as a user who approved them would have.
      writeFiles(home, { '.claude/settings.json': JSON.stringify({ enableAllProjectMcpServers: true }) });
      spawnSync(binary, ['-p', 'hi'], {
        cwd: realpathSync(dir),
        env: {
          PATH: process.env.PATH,
          HOME: home,
          CLAUDE_CONFIG_DIR: path.join(home, '.claude'),
          ANTHROPIC_BASE_URL: `http://127.0.0.1:${capture.port}`,
          ANTHROPIC_API_KEY: 'x',
          DISABLE_TELEMETRY: '1',
          CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
          DISABLE_AUTOUPDATER: '1',
        },
        timeout: 15_000,
        stdio: 'ignore',
      });
    } finally {
      await capture.close();
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(existsSync(sentinels[0]!)).toBe(true);
    expect(existsSync(sentinels[1]!)).toBe(true);
  }, 120_000);

  it('reports a loading rule the binary does not follow as drift (a model whose description cap differs)', async () => {
    const dir = path.join(FIXTURES, 'conformance-skills');
    const changed = { ...modelFor('claude-sonnet-4-6'), skillListingMaxDescChars: 200 };
    const snap = await analyze(worktreeSource(dir), { model: changed, toolVersion: 't', loadTimeRounds: 0 }, counter);
    const m = await measureOne(worktreeSource(dir), snap, { ...opts(changed), rounds: 1 });
    expect(m.drift.join('\n')).toMatch(/listing long-desc: Claude Code \d+ chars, analyzer 2\d\d/);
  }, 120_000);

  it('the CLI refuses a bad spec before running anything', async () => {
    const err: string[] = [];
    const code = await runCli({
      argv: ['analyze', path.join(FIXTURES, 'example-head'), '--measure', 'claude-code@;rm -rf', '--no-cache'],
      cwd: process.cwd(),
      env: {},
      stdout: { write: () => true },
      stderr: { write: (s: string) => err.push(s) },
    });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/--measure expects claude-code or claude-code@VERSION/);
  });
});
