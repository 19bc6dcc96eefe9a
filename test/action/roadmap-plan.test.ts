/**
 * The roadmap issue keeps the optimizer's plan as checkboxes, each with its predicted gain and the
 * command that applies it; after the edits land, the next scheduled run ticks the step, with the
 * gain it measured on the file. In process, against the fake GitHub API.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roadmap, type Ctx } from '../../src/action/gate.js';
import { readOptions } from '../../src/action/options.js';
import { run } from '../../src/cli.js';
import { createClient } from '../../src/publish/client.js';
import { FakeGitHub } from '../e2e/fake-github.js';
import { cleanup, commitAll, gitInit, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
const fake = new FakeGitHub();
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.stop();
  dirs.forEach(cleanup);
});
const silent = { info: () => undefined, warning: () => undefined, error: () => undefined, debug: () => undefined };

function context(workspace: string, head: string, date: string) {
  const out = tmpDir();
  dirs.push(out);
  const warnings: string[] = [];
  const ctx: Ctx = {
    io: { setOutput: () => undefined, summary: async () => undefined, setFailed: () => undefined, now: () => new Date(date) },
    deadline: new AbortController(),
    opts: readOptions((n) => ({ 'output-dir': out, 'cache-dir': path.join(out, 'cache'), 'html-report': 'off', head, mode: 'roadmap' })[n] ?? '', {}),
    log: { ...silent, warning: (m) => void warnings.push(m) },
    env: {},
    owner: 'o',
    repo: 'r',
    workspace,
    gh: createClient({ token: 'ghs-write', baseUrl: fake.url, log: silent, retryBaseMs: 1 }),
    payload: {},
  };
  return { ctx, warnings };
}

const steps = Array.from(
  { length: 20 },
  (_, i) => `${i + 1}. Run \`make release-${i}\` from the root, then check that staging shows build ${i} as healthy before going on.`,
);

describe('the roadmap keeps the optimizer plan', () => {
  it('lists each step with its gain and command, then ticks it with the gain measured once the edit landed', async () => {
    const dir = tmpDir('cb-roadmap-plan-');
    dirs.push(dir);
    writeFiles(dir, { 'CLAUDE.md': `# Acme\n\nIntro.\n\n## Deployment\n\nReleases go out from main through staging first.\n\n${steps.join('\n')}\n` });
    const first = gitInit(dir);
    fake.labels.add('context-budget');
    const a = context(dir, first, '2026-12-01T00:00:00Z');
    await roadmap(a.ctx);
    expect(a.warnings).toEqual([]);
    const body1 = fake.issues[0]!.body as string;
    expect(body1).toMatch(
      /### Optimization plan \(1 step, ~[\d,]+ always-loaded tokens\)\n.*\n- \[ \] Move "Deployment" to the deployment skill \(~[\d,]+ always-loaded tokens\): `context-budget optimize --only lazy-loading --apply`/,
    );
    const predicted = Number(/Move "Deployment" to the deployment skill \(~([\d,]+)/.exec(body1)![1]!.replace(/,/g, ''));

    // The edit lands (made by the CLI, committed by a person); the next run measures it.
    const code = await run({
      argv: ['optimize', dir, '--apply', '--no-cache'],
      cwd: dir,
      env: { ...process.env },
      stdout: { write: () => true },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    const second = commitAll(dir, 'optimize');
    const b = context(dir, second, '2026-12-08T00:00:00Z');
    await roadmap(b.ctx);
    expect(fake.issues).toHaveLength(1);
    const body2 = fake.issues[0]!.body as string;
    const done =
      /- \[x\] ~~Move "Deployment" to the deployment skill~~: done, measured ([\d,]+) always-loaded tokens less in CLAUDE.md \(predicted ([\d,]+)\)/.exec(
        body2,
      );
    expect(done, body2).not.toBeNull();
    const measured = Number(done![1]!.replace(/,/g, ''));
    expect(Number(done![2]!.replace(/,/g, ''))).toBe(predicted);
    // Measured on the file: its text left CLAUDE.md; the new skill's listing line is paid elsewhere.
    expect(Math.abs(measured - predicted)).toBeLessThanOrEqual(Math.max(20, predicted * 0.1));
    expect(body2).not.toContain('- [ ] Move "Deployment"');
  }, 60_000);
});
