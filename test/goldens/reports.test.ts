/**
 * What users read, pinned byte for byte (issue 24): for pull requests built to reach every branch of
 * the gate (each metric, scope and operator; limits the base already broke; noise floors; a head
 * that could not be measured; recommendations new and resolved; per-plugin listings; other agents),
 * the CLI's text, markdown, JSON report, annotations and the head's analysis are compared with the
 * goldens beside this file. Each run is the real CLI in process on a real git repository.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Proc } from '../../src/cli.js';
import { cleanup, commitAll, gitInit, sh, tmpDir, writeFiles, FIXTURES } from '../helpers.js';
import { expectGolden } from './golden.js';
import { breaksEverything, para, repo, skill, type Repo } from './scenarios.js';
import { renderAnnotations } from '../../src/render/annotations.js';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GateReport } from '../../src/model/report.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.GITHUB_ACTIONS;
  const proc: Proc = { argv, cwd, env, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
  return { code: await run(proc), out, err };
}

/** Paths, commits and times vary between machines and runs; nothing else may. */
function stable(text: string, r: Repo): string {
  let t = text.split(r.dir).join('<repo>');
  for (const sha of [r.base, r.head])
    t = t
      .split(sha)
      .join(`<${sha === r.base ? 'base' : 'head'}>`)
      .split(sha.slice(0, 12))
      .join(`<${sha === r.base ? 'base' : 'head'}12>`)
      .split(sha.slice(0, 7))
      .join(`<${sha === r.base ? 'base' : 'head'}7>`);
  return t.replace(/\b\d+(\.\d+)? ?ms\b/g, '<ms>');
}

/** The report as JSON, its times taken out. */
function stableJson(report: GateReport, r: Repo): string {
  const json = JSON.stringify(report, (k, v) => (/(Ms|Time|elapsed|durationMs)$/.test(k) && typeof v === 'number' ? '<ms>' : v), 2);
  return stable(json, r) + '\n';
}

/** The HTML report without its fixed style and script (pinned by their own tests), its data pretty-printed. */
function htmlShape(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '<style>…</style>')
    .replace(/<script>(?!.*cb-data)[\s\S]*?<\/script>\n<\/body>/, '<script>…</script>\n</body>')
    .replace(
      /(<script type="application\/json" id="cb-data">)([\s\S]*?)(<\/script>)/,
      (_, a: string, data: string, b: string) => `${a}\n${JSON.stringify(JSON.parse(data), null, 1)}\n${b}`,
    );
}

const agentsOf = (extra: string[]) => (extra.includes('--agent') ? ['--agent', extra[extra.indexOf('--agent') + 1]!] : []);

/**
 * One scenario's goldens, one test per output: under mutation testing each output is its own test, so
 * a mutant is caught by the first output it changes instead of after every CLI run of the scenario.
 */
function scenario(name: string, make: () => Repo, extra: string[] = []): void {
  describe(name, () => {
    let r: Repo;
    beforeAll(() => {
      r = make();
    });
    const diff = (...flags: string[]) => cli(['diff', r.base, r.head, '--dir', r.dir, '--no-cache', ...flags, ...extra], r.dir);

    it('diff: the terminal text', async () => {
      const text = await diff();
      expectGolden(`${name}/diff.txt`, stable(`exit ${text.code}\n${text.out}\n--- stderr\n${text.err}`, r));
    });

    it('diff --markdown: the comment', async () => {
      const markdown = await diff('--markdown');
      expectGolden(`${name}/comment.md`, stable(`exit ${markdown.code}\n${markdown.out}`, r));
    });

    it('diff --json: the report and its annotations', async () => {
      const report = JSON.parse((await diff('--json')).out) as GateReport;
      expectGolden(`${name}/report.json`, stableJson(report, r));
      expectGolden(`${name}/annotations.json`, stable(JSON.stringify(renderAnnotations(report), null, 2) + '\n', r));
    });

    it('diff --html: the HTML report', async () => {
      const html = path.join(r.dir, '..', `${path.basename(r.dir)}.html`);
      const written = await diff('--html', html);
      expect(written.err).toMatch(/^context-budget: HTML report written to .+\.html \([\d,]+ bytes\)$/m);
      expectGolden(`${name}/report.html`, stable(htmlShape(readFileSync(html, 'utf8')), r));
      cleanup(html);
    });

    it("analyze: the head's analysis, recommendations included", async () => {
      const analyzed = await cli(['analyze', r.dir, '--ref', r.head, '--no-cache', '--files', '30', ...agentsOf(extra)], r.dir);
      // The load time row is a timing: its width would move the whole table's padding.
      const analysis = `exit ${analyzed.code}\n${analyzed.out}\n--- stderr\n${analyzed.err}`
        .split('\n')
        .filter((l) => !l.startsWith('| Load time'))
        .join('\n')
        .replace(/ +\|/g, ' |')
        .replace(/-{3,}/g, '---');
      expectGolden(`${name}/analyze.txt`, stable(analysis, r));
    });

    it('optimize: the plan on the head, as text and as data', async () => {
      const plan = await cli(['optimize', r.dir, '--no-cache', ...agentsOf(extra)], r.dir);
      expectGolden(`${name}/optimize.txt`, stable(`exit ${plan.code}\n${plan.out}\n--- stderr\n${plan.err}`, r));
      const planJson = await cli(['optimize', r.dir, '--no-cache', '--json', ...agentsOf(extra)], r.dir);
      expectGolden(`${name}/optimize.json`, stable(JSON.stringify(JSON.parse(planJson.out), null, 2) + '\n', r));
    });

    it('optimize --apply: its diff and what it measured', async () => {
      const applied = await cli(['optimize', r.dir, '--no-cache', '--apply', ...agentsOf(extra)], r.dir);
      sh(r.dir, 'git', ['checkout', '-q', '--', '.']);
      sh(r.dir, 'git', ['clean', '-qfd']);
      expectGolden(`${name}/optimize-apply.txt`, stable(`exit ${applied.code}\n${applied.out}\n--- stderr\n${applied.err}`, r));
    });
  });
}

describe('report goldens', () => {
  // A pull request that breaks every kind of budget.
  scenario('breaks-everything', () => {
    const { base, head, remove } = breaksEverything();
    return repo(dirs, base, head, remove);
  });

  // Limits the base already broke: not made worse, worse within the noise floor, worse past it.
  scenario('preexisting', () => {
    const many = (n: number, words: number) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`.claude/skills/s${String(i).padStart(3, '0')}/SKILL.md`, skill(`s${String(i).padStart(3, '0')}`, words)]),
      );
    const budgets = `budgets:\n  - metric: memoryFileMaxChars\n    max: 2000\n    level: error\n  - metric: skillListingChars\n    max: 6000\n    level: error\n  - metric: memoryTotalChars\n    max: 2500\n    level: error\n`;
    // Import depth 1 against a limit of 0 on both sides: already over, not made worse.
    const depth = '  - metric: maxDepth\n    max: 0\n    level: error\n';
    const base = {
      '.github/context-budget.yml': budgets + depth,
      'CLAUDE.md': `# Big\n\n@docs/a.md\n\n${para('big', 30)}`,
      'docs/a.md': 'A.\n',
      ...many(12, 8),
    };
    const head = { 'CLAUDE.md': `# Big\n\n@docs/a.md\n\n${para('big', 30)}x\n`, ...many(16, 8) };
    return repo(dirs, base, head);
  });

  // A pull request that only makes things smaller: recommendations resolved, nothing fails.
  scenario('shrinks', () => {
    const runbook = `## Release checklist\n\n${Array.from({ length: 40 }, (_, i) => `${i + 1}. Run release step ${i} and record it in the changelog before tagging.`).join('\n')}\n`;
    // The base also has a broken front matter and a missing import, both fixed by the change.
    const base = {
      'CLAUDE.md': `# App\n\n${para('app', 5)}\n@docs/gone.md\n\n${runbook}`,
      '.claude/skills/a/SKILL.md': skill('a', 5),
      '.claude/skills/b/SKILL.md': '---\nname: b\ndescription: [unclosed\n---\nBody\n',
    };
    const head = {
      'CLAUDE.md': `# App\n\n${para('app', 5)}\nSee the release skill.\n`,
      '.claude/skills/a/SKILL.md': skill('a', 5),
      '.claude/skills/b/SKILL.md': '---\nname: b\ndescription: Fixed.\n---\nBody\n',
      '.claude/skills/release/SKILL.md': `---\nname: release\ndescription: The release checklist.\n---\n${runbook}`,
    };
    return repo(dirs, base, head);
  });

  // Plugins of a marketplace judged one at a time, and other agents.
  scenario(
    'plugins-and-agents',
    () => {
      const dir = tmpDir('cb-golden-');
      dirs.push(dir);
      cpSync(path.join(FIXTURES, 'marketplace-strict-false'), dir, { recursive: true, verbatimSymlinks: true });
      const b = gitInit(dir);
      writeFiles(dir, {
        'AGENTS.md': `# Agents\n\n${para('agents', 400)}`,
        'CLAUDE.md': '# Project\n\n@AGENTS.md\n',
        '.claude/skills/extra/SKILL.md': skill('extra', 30),
      });
      return { dir, base: b, head: commitAll(dir, 'change') };
    },
    ['--agent', 'all'],
  );
});
