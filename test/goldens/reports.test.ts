/**
 * What users read, pinned byte for byte (issue 24): for pull requests built to reach every branch of
 * the gate (each metric, scope and operator; limits the base already broke; noise floors; a head
 * that could not be measured; recommendations new and resolved; per-plugin listings; other agents),
 * the CLI's text, markdown, JSON report, annotations and the head's analysis are compared with the
 * goldens beside this file. Each run is the real CLI in process on a real git repository.
 */
import { afterAll, describe, it } from 'vitest';
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

async function scenario(name: string, r: Repo, extra: string[] = []): Promise<void> {
  const html = path.join(r.dir, '..', `${path.basename(r.dir)}.html`);
  const text = await cli(['diff', r.base, r.head, '--dir', r.dir, '--no-cache', '--html', html, ...extra], r.dir);
  const markdown = await cli(['diff', r.base, r.head, '--dir', r.dir, '--no-cache', '--markdown', ...extra], r.dir);
  const json = await cli(['diff', r.base, r.head, '--dir', r.dir, '--no-cache', '--json', ...extra], r.dir);
  const report = JSON.parse(json.out) as GateReport;
  expectGolden(`${name}/diff.txt`, stable(`exit ${text.code}\n${text.out}\n--- stderr\n${text.err}`, r));
  expectGolden(`${name}/comment.md`, stable(`exit ${markdown.code}\n${markdown.out}`, r));
  expectGolden(`${name}/report.json`, stableJson(report, r));
  expectGolden(`${name}/annotations.json`, stable(JSON.stringify(renderAnnotations(report), null, 2) + '\n', r));
  expectGolden(`${name}/report.html`, stable(htmlShape(readFileSync(html, 'utf8')), r));
  cleanup(html);
  // The head's analysis as `analyze` prints it, recommendations included.
  const analyzed = await cli(['analyze', r.dir, '--ref', r.head, '--no-cache', '--files', '30', ...agentsOf(extra)], r.dir);
  // The load time row is a timing: its width would move the whole table's padding.
  const analysis = `exit ${analyzed.code}\n${analyzed.out}\n--- stderr\n${analyzed.err}`
    .split('\n')
    .filter((l) => !l.startsWith('| Load time'))
    .join('\n')
    .replace(/ +\|/g, ' |')
    .replace(/-{3,}/g, '---');
  expectGolden(`${name}/analyze.txt`, stable(analysis, r));
  // The optimizer on the head: its plan as text and as data, then --apply's diff and measurements.
  const plan = await cli(['optimize', r.dir, '--no-cache', ...agentsOf(extra)], r.dir);
  const planJson = await cli(['optimize', r.dir, '--no-cache', '--json', ...agentsOf(extra)], r.dir);
  const applied = await cli(['optimize', r.dir, '--no-cache', '--apply', ...agentsOf(extra)], r.dir);
  sh(r.dir, 'git', ['checkout', '-q', '--', '.']);
  sh(r.dir, 'git', ['clean', '-qfd']);
  expectGolden(`${name}/optimize.txt`, stable(`exit ${plan.code}\n${plan.out}\n--- stderr\n${plan.err}`, r));
  expectGolden(`${name}/optimize.json`, stable(JSON.stringify(JSON.parse(planJson.out), null, 2) + '\n', r));
  expectGolden(`${name}/optimize-apply.txt`, stable(`exit ${applied.code}\n${applied.out}\n--- stderr\n${applied.err}`, r));
}

describe('report goldens', () => {
  it('a pull request that breaks every kind of budget', async () => {
    const { base, head, remove } = breaksEverything();
    await scenario('breaks-everything', repo(dirs, base, head, remove));
  });

  it('limits the base already broke: not made worse, worse within the noise floor, worse past it', async () => {
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
    await scenario('preexisting', repo(dirs, base, head));
  });

  it('a pull request that only makes things smaller: recommendations resolved, nothing fails', async () => {
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
    await scenario('shrinks', repo(dirs, base, head));
  });

  it('plugins of a marketplace judged one at a time, and other agents', async () => {
    const dir = tmpDir('cb-golden-');
    dirs.push(dir);
    cpSync(path.join(FIXTURES, 'marketplace-strict-false'), dir, { recursive: true, verbatimSymlinks: true });
    const b = gitInit(dir);
    writeFiles(dir, {
      'AGENTS.md': `# Agents\n\n${para('agents', 400)}`,
      'CLAUDE.md': '# Project\n\n@AGENTS.md\n',
      '.claude/skills/extra/SKILL.md': skill('extra', 30),
    });
    const r = { dir, base: b, head: commitAll(dir, 'change') };
    await scenario('plugins-and-agents', r, ['--agent', 'all']);
  });
});
