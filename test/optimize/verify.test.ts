/**
 * `optimize --apply --verify claude-code`: the real Claude Code (the pinned version, in --measure's
 * sandbox) run before and after the edits shows the moved text gone from its first request and the
 * new skill listed with its description. Skipped, and said so by the global setup, without the binary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { run, type Proc } from '../../src/cli.js';
import type { OptimizePlan } from '../../src/model/optimize.js';
import { cleanup, gitInit, tmpDir, writeFiles } from '../helpers.js';

const binary = inject('claudeCode');
const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

describe.skipIf(!binary)('optimize --verify claude-code', () => {
  it('proves a lazy-loading step and an agent-description step with the binary', async () => {
    const dir = tmpDir('cb-optimize-verify-');
    dirs.push(dir);
    const steps = Array.from(
      { length: 20 },
      (_, i) => `${i + 1}. Run \`make release-${i}\` from the root, then check that staging shows build ${i} as healthy before going on.`,
    );
    writeFiles(dir, {
      'CLAUDE.md': `# Acme\n\nIntro.\n\n## Deployment\n\nReleases go out from main through staging first.\n\n${steps.join('\n')}\n`,
      '.claude/agents/reconciler.md': `---\nname: reconciler\ndescription: "Use when ledgers do not balance. ${'<example>user: why is March off? assistant: I will use the reconciler.</example> '.repeat(8).trim()}"\n---\n\nYou reconcile ledgers.\n`,
    });
    gitInit(dir);
    let out = '';
    let err = '';
    const proc: Proc = {
      argv: ['optimize', dir, '--apply', '--verify', 'claude-code', '--json', '--no-cache'],
      cwd: dir,
      env: { ...process.env },
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
    };
    const code = await run(proc);
    expect(code, err).toBe(0);
    const v = (JSON.parse(out) as OptimizePlan).applied!.verify!;
    expect(v.agent).toBe('Claude Code 2.1.332');
    expect(v.checks.map((c) => c.text.replace(/[\d,]+ → [\d,]+/, 'N → M'))).toEqual([
      'CLAUDE.md: N → M characters in the first request (1 step moved text out)',
      'the new skill deployment is listed with its description',
      'no entry lost its description',
      'agent reconciler: N → M characters in the agent listing',
      'the analyzer agrees with Claude Code on the result (no drift)',
    ]);
    expect(v.checks.every((c) => c.ok)).toBe(true);
    expect(v.firstRequest.after).toBeLessThan(v.firstRequest.before);
    expect(readFileSync(path.join(dir, '.claude/skills/deployment/SKILL.md'), 'utf8')).toContain('make release-7');
  }, 180_000);

  it('--verify without --apply is refused', async () => {
    let err = '';
    const code = await run({
      argv: ['optimize', '.', '--verify', 'claude-code'],
      cwd: process.cwd(),
      env: {},
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
    });
    expect(code).toBe(2);
    expect(err).toContain('--verify runs Claude Code before and after the edits: it needs --apply');
  });
});
