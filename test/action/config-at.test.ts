/**
 * The budget config of one commit, read from git objects (src/action/config-at.ts): a path given
 * with or without "./", what is not a regular file named with its kind and commit, a config input
 * that does not exist, the file an error is blamed on, and the model inputs applied over any config.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configAt, configOrError, modelOverrides } from '../../src/action/config-at.js';
import { cleanup, commitAll, gitInit, sh, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const none = { config: '', model: '', contextWindow: undefined, charsPerToken: undefined };

function repo(files: Record<string, string>): { dir: string; commit: string } {
  const dir = tmpDir();
  dirs.push(dir);
  writeFiles(dir, { 'CLAUDE.md': '# P\n', ...files });
  return { dir, commit: gitInit(dir) };
}

describe('the budget config of a commit', () => {
  it('reads the config input with or without "./", and the first default path that exists', async () => {
    const r = repo({ 'ci/budgets.yml': 'budgets:\n  - metric: eagerTokens\n    max: 123\n', '.github/context-budget.yaml': 'defaults: false\n' });
    for (const config of ['ci/budgets.yml', './ci/budgets.yml']) {
      const c = await configAt(r.dir, { ...none, config }, r.commit);
      expect(c.file).toBe(config);
      expect(c.assertions.some((a) => a.metric === 'eagerTokens' && a.threshold === 123)).toBe(true);
    }
    expect((await configAt(r.dir, none, r.commit)).file).toBe('.github/context-budget.yaml');
    const empty = repo({});
    expect((await configAt(empty.dir, none, empty.commit)).file).toBe('defaults');
  });

  it('a config that is not a regular file, or a config input that is missing, is refused naming it and the commit', async () => {
    const r = repo({ 'real.yml': 'defaults: false\n' });
    symlinkSync('real.yml', path.join(r.dir, 'link.yml'));
    writeFiles(r.dir, { 'dir.yml/x': 'x' });
    const c = commitAll(r.dir, 'kinds');
    const short = c.slice(0, 7);
    await expect(configAt(r.dir, { ...none, config: 'link.yml' }, c)).rejects.toThrow(
      `link.yml is a symlink at ${short}: the budget config must be a regular file`,
    );
    await expect(configAt(r.dir, { ...none, config: 'dir.yml' }, c)).rejects.toThrow(`dir.yml is a tree at ${short}: the budget config must be a regular file`);
    await expect(configAt(r.dir, { ...none, config: 'gone.yml' }, c)).rejects.toThrow(`Input "config": gone.yml does not exist at ${short}`);
    // A submodule (a gitlink in the tree).
    const sub = repo({});
    sh(r.dir, 'git', ['update-index', '--add', '--cacheinfo', `160000,${sub.commit},.github/context-budget.yml`]);
    sh(r.dir, 'git', ['commit', '-q', '-m', 'gitlink']);
    const g = sh(r.dir, 'git', ['rev-parse', 'HEAD']).trim();
    await expect(configAt(r.dir, none, g)).rejects.toThrow(
      `.github/context-budget.yml is a submodule at ${g.slice(0, 7)}: the budget config must be a regular file`,
    );
  });

  it('an error is blamed on the config input, else on the default path it names', async () => {
    const r = repo({ '.github/context-budget.json': '{"budgets": [' });
    const e = await configOrError(r.dir, none, r.commit);
    expect(e).toMatchObject({ file: '.github/context-budget.json' });
    expect('error' in e && e.error).toMatch(/^\.github\/context-budget\.json/);
    const given = await configOrError(r.dir, { ...none, config: 'x.yml' }, r.commit);
    expect(given).toMatchObject({ file: 'x.yml', error: expect.stringContaining('x.yml does not exist') });
  });

  it("applies the model inputs over the config's model", async () => {
    expect(modelOverrides(none)).toEqual({});
    expect(modelOverrides({ model: 'claude-x', contextWindow: 200_000, charsPerToken: 3 })).toEqual({
      id: 'claude-x',
      contextWindow: 200_000,
      charsPerToken: 3,
    });
    const r = repo({ '.github/context-budget.yml': 'model:\n  contextWindow: 500000\n' });
    const c = await configAt(r.dir, { ...none, model: 'claude-x', contextWindow: 300_000, charsPerToken: 3 }, r.commit);
    expect([c.model.id, c.model.contextWindow, c.model.charsPerToken]).toEqual(['claude-x', 300_000, 3]);
  });
});
