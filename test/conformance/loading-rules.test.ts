/**
 * Three loading rules the binary decided (issue 20), held to Claude Code 2.1.332 by --measure: a
 * symlinked @import is named by its link path; a skill whose front matter name differs from its
 * folder (in case or punctuation too) is listed as `folder (Name)`; a plugin's commands are ordered
 * by file name (`commit.fast.md` before `commit.md`), the project's by name (`deploy` before `deploy_x`).
 */
import { afterAll, expect, inject, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/analyze/index.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { measureOne, requestTokenCounter } from '../../src/conformance/measure.js';
import { DEFAULT_MODEL } from '../../src/model/constants.js';
import { cleanup, counter, gitInit, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
const binary = inject('claudeCode');
it.skipIf(!binary)(
  'symlinked imports, skill aliases and command order agree with Claude Code',
  async () => {
    const dir = tmpDir();
    dirs.push(dir);
    const sk = (folder: string, name: string) => ({ [`.claude/skills/${folder}/SKILL.md`]: `---\nname: ${name}\ndescription: skill ${folder}\n---\nx\n` });
    writeFiles(dir, {
      'CLAUDE.md': '# P\n\n@docs/link.md\n',
      'docs/real.md': 'Real imported text.\n',
      ...sk('data_viz', 'DataViz'),
      ...sk('pdf-tools', 'PDF-Tools'),
      ...sk('abc', 'ABC'),
      ...sk('my.skill', 'my_skill'),
      ...sk('x-y', 'x_y'),
      ...sk('foo', 'foo-bar'),
      'plug/.claude-plugin/plugin.json': JSON.stringify({ name: 'plug' }),
      ...Object.fromEntries(
        ['commit', 'commit-push-pr', 'commit_x', 'commit.fast', 'commitx', 'commit2', 'Commit-b', 'co'].map((n) => [
          `plug/commands/${n}.md`,
          `---\ndescription: ${n}\n---\nx\n`,
        ]),
      ),
      ...Object.fromEntries(
        ['deploy', 'deploy-all', 'deploy_x', 'deployx', 'Deploy-B'].map((n) => [`.claude/commands/${n}.md`, `---\ndescription: ${n}\n---\nx\n`]),
      ),
    });
    symlinkSync('real.md', path.join(dir, 'docs/link.md'));
    gitInit(dir);
    const s = await analyze(worktreeSource(dir), { model: DEFAULT_MODEL, toolVersion: 't', loadTimeRounds: 0 }, counter);
    const m = await measureOne(worktreeSource(dir), s, { spec: 'claude-code', model: DEFAULT_MODEL, rounds: 1, countRequest: requestTokenCounter(counter) });
    expect(m.drift).toEqual([]);
    expect(m.facts.memory.map((x) => x.path)).toEqual(['CLAUDE.md', 'docs/link.md']);
    const names = m.facts.listing.entries.filter((e) => !e.bundled).map((e) => e.name);
    expect(names).toContain('data_viz (DataViz)');
    expect(names.filter((n) => n.startsWith('plug:commit')).slice(-4)).toEqual(['plug:commit.fast', 'plug:commit', 'plug:commit2', 'plug:commitx']);
    expect(names.filter((n) => /^deploy/i.test(n)).slice(0, 2)).toEqual(['deploy', 'deploy_x']);
  },
  120000,
);
