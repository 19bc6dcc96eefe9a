/**
 * Which commits a pull request is judged on (src/action/refs.ts), with real repositories and
 * shallow clones as actions/checkout makes them: the merge commit against its first parent
 * (fetched when the checkout lacks it), else the merge-base (deepening a shallow clone only as far
 * as needed), else the base tip with a warning.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveCompared } from '../../src/action/refs.js';
import { cleanup, commitAll, gitInit, sh, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

function logger() {
  const lines: string[] = [];
  return {
    lines,
    log: { info: (m: string) => void lines.push(m), warning: (m: string) => void lines.push(`warning: ${m}`), error: () => undefined, debug: () => undefined },
  };
}

/** origin: main c1 → c2 → c3 (60 more commits after c1 on main), feature f1 from c1, and GitHub's merge commit of feature onto c3. */
function origin() {
  const dir = tmpDir('cb-refs-origin-');
  dirs.push(dir);
  writeFiles(dir, { 'CLAUDE.md': 'one\n' });
  const c1 = gitInit(dir);
  sh(dir, 'git', ['checkout', '-q', '-b', 'feature']);
  writeFiles(dir, { 'feature.md': 'f\n' });
  const f1 = commitAll(dir, 'f1');
  sh(dir, 'git', ['checkout', '-q', 'main']);
  for (let i = 0; i < 60; i++) {
    writeFiles(dir, { 'CLAUDE.md': `main ${i}\n` });
    commitAll(dir, `m${i}`);
  }
  const c3 = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
  sh(dir, 'git', ['-c', 'user.email=a@b', '-c', 'user.name=n', 'merge', '-q', '--no-ff', '-m', 'merge', 'feature']);
  const merge = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
  sh(dir, 'git', ['update-ref', 'refs/pull/1/merge', merge]);
  sh(dir, 'git', ['reset', '-q', '--hard', c3]);
  sh(dir, 'git', ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  return { dir, c1, f1, c3, merge };
}

/** A depth-1 checkout of one commit, as actions/checkout makes it. */
function shallow(o: { dir: string }, sha: string): string {
  const dir = tmpDir('cb-refs-clone-');
  dirs.push(dir);
  sh(dir, 'git', ['init', '-q']);
  sh(dir, 'git', ['remote', 'add', 'origin', `file://${o.dir}`]);
  sh(dir, 'git', ['fetch', '-q', '--depth=1', 'origin', sha]);
  sh(dir, 'git', ['checkout', '-q', sha]);
  return dir;
}

describe('the commits a pull request is judged on', () => {
  it('the merge commit against its first parent, fetching just that parent into a shallow checkout', async () => {
    const o = origin();
    const clone = shallow(o, o.merge);
    const { lines, log } = logger();
    const r = await resolveCompared(clone, { baseSha: o.c1, headSha: o.f1, mergeSha: o.merge }, log);
    expect(r).toEqual({
      base: o.c3,
      head: o.merge,
      how: `base tip ${o.c3.slice(0, 7)} against the merge commit ${o.merge.slice(0, 7)} (what the pull request adds to the current base)`,
    });
    expect(lines).toEqual([`Fetching ${o.c3.slice(0, 12)} (not in this checkout: usual with the default fetch-depth: 1); nothing else is fetched.`]);
    expect(sh(clone, 'git', ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
  });

  it('the merge-base against the head otherwise, deepening a shallow clone until it is found', async () => {
    const o = origin();
    const clone = shallow(o, o.f1);
    const { lines, log } = logger();
    // A merge commit whose second parent is not the head (a stale merge ref) is not used.
    const r = await resolveCompared(clone, { baseSha: o.c3, headSha: o.f1, mergeSha: o.f1 }, log);
    expect(r).toEqual({
      base: o.c1,
      head: o.f1,
      how: `merge-base ${o.c1.slice(0, 7)} against head ${o.f1.slice(0, 7)} (commits that landed on the base branch meanwhile are excluded)`,
    });
    expect(lines).toContain(`Merge-base of ${o.c3.slice(0, 7)} and ${o.f1.slice(0, 7)} is not in the shallow history yet: deepening by 50 commits.`);
    expect(lines).toContain(`Merge-base of ${o.c3.slice(0, 7)} and ${o.f1.slice(0, 7)} is not in the shallow history yet: deepening by 100 commits.`);
    expect(lines.some((l) => l.includes('deepening by 200'))).toBe(false);
  });

  it('a merge commit made before the head moved on (a stale merge ref) is not used: the merge-base against the new head is', async () => {
    const o = origin();
    sh(o.dir, 'git', ['checkout', '-q', 'feature']);
    writeFiles(o.dir, { 'feature.md': 'f2\n' });
    const f2 = commitAll(o.dir, 'f2');
    const { log } = logger();
    const r = await resolveCompared(o.dir, { baseSha: o.c3, headSha: f2, mergeSha: o.merge }, log);
    expect(r).toMatchObject({ base: o.c1, head: f2 });
  });

  it('the base tip itself, with a warning, when the histories share no commit', async () => {
    const o = origin();
    sh(o.dir, 'git', ['checkout', '-q', '--orphan', 'other']);
    writeFiles(o.dir, { 'other.md': 'x\n' });
    const orphan = commitAll(o.dir, 'orphan');
    const { lines, log } = logger();
    const r = await resolveCompared(o.dir, { baseSha: orphan, headSha: o.f1 }, log);
    expect(r).toEqual({ base: orphan, head: o.f1, how: `base ${orphan.slice(0, 7)} against head ${o.f1.slice(0, 7)} (no merge-base found)` });
    expect(lines).toEqual([
      `warning: No merge-base of ${orphan.slice(0, 7)} and ${o.f1.slice(0, 7)} was found: comparing the base tip directly (changes on the base branch may show up).`,
    ]);
  });
});
