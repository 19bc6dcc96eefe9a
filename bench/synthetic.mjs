// The synthetic framework of the benchmark, generated deterministically from real prose (see prose.mjs):
// a marketplace of `plugins` plugins x 100 files (about 5 KB each: 10,000 files and ~50 MB per side at 100).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paragraphs, proseSource } from './prose.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the prose comes from: the real frameworks in ../shared/corpora (base sides) when present,
 * else this repository's own Markdown (README, fixtures). Returned with a label for the report.
 */
export function proseDirs() {
  const corpora = path.resolve(root, '../shared/corpora');
  if (existsSync(corpora)) {
    const dirs = ['wshobson__agents', 'VoltAgent__awesome-claude-code-subagents', 'obra__superpowers', 'SuperClaude-Org__SuperClaude_Framework']
      .map((c) => path.join(corpora, c, 'base'))
      .filter(existsSync);
    if (dirs.length) return { dirs, label: 'paragraphs of the shared corpora' };
  }
  return { dirs: [path.join(root, '__fixtures__'), path.join(root, 'docs')].filter(existsSync), label: "paragraphs of this repository's Markdown" };
}

let cached;
function prose(seed) {
  cached ??= paragraphs(proseDirs().dirs);
  return proseSource(cached, seed);
}

/** Writes the synthetic marketplace into dir (variant 'head': the pull request edits 1% of the files and adds a plugin); returns its file count. */
export function synthetic(dir, { plugins, scale = 1 }, variant) {
  const src = prose(12345);
  const text = (n) => src.text(n);
  const files = {};
  const market = { name: 'synthetic', owner: { name: 'bench' }, plugins: [] };
  for (let p = 0; p < plugins; p++) {
    const pr = `plugins/p${p}`;
    market.plugins.push({ name: `p${p}`, source: `./${pr}`, description: `Plugin ${p}` });
    files[`${pr}/.claude-plugin/plugin.json`] = JSON.stringify({ name: `p${p}`, version: '1.0.0' });
    for (let s = 0; s < 10; s++) {
      files[`${pr}/skills/s${s}/SKILL.md`] = `---\nname: s${s}\ndescription: ${src.line(180)}\n---\n# Skill ${s}\n\n${text(3000 * scale)}\n`;
      for (let r = 0; r < 5; r++) files[`${pr}/skills/s${s}/references/r${r}.md`] = text(5000 * scale);
    }
    for (let a = 0; a < 20; a++)
      files[`${pr}/agents/a${a}.md`] = `---\nname: a${a}\ndescription: ${src.line(240)}\ntools: Read, Grep\n---\n${text(5000 * scale)}\n`;
    for (let m = 0; m < 19; m++) files[`${pr}/commands/c${m}.md`] = `---\ndescription: ${src.line(120)}\n---\n${text(3000 * scale)}\nSee @README.md\n`;
    files[`${pr}/README.md`] = text(1000);
  }
  files['.claude-plugin/marketplace.json'] = JSON.stringify(market, null, 2);
  files['CLAUDE.md'] = `# Synthetic\n\n${text(4000)}\n\n@docs/l1.md\n`;
  for (let d = 1; d <= 6; d++) files[`docs/l${d}.md`] = `# Level ${d}\n\n${text(2000)}\n\n${d < 6 ? `@l${d + 1}.md` : ''}\n`;
  for (let r = 0; r < 10; r++) files[`.claude/rules/r${r}.md`] = r % 2 ? `---\npaths: ["src/m${r}/**"]\n---\n${text(1500)}` : text(1500);
  if (variant === 'head') {
    // The pull request: edit 1% of the files and add one plugin.
    const keys = Object.keys(files).filter((k) => k.endsWith('.md'));
    for (let i = 0; i < keys.length; i += 100) files[keys[i]] += `\n${text(800)}`;
    files['plugins/new/.claude-plugin/plugin.json'] = JSON.stringify({ name: 'new' });
    for (let s = 0; s < 5; s++) files[`plugins/new/skills/n${s}/SKILL.md`] = `---\nname: n${s}\ndescription: ${src.line(150)}\n---\n${text(3000)}`;
    market.plugins.push({ name: 'new', source: './plugins/new' });
    files['.claude-plugin/marketplace.json'] = JSON.stringify(market, null, 2);
  }
  return writeTree(dir, files);
}

/** Writes files (path -> text) under dir; returns how many and their bytes. */
export function writeTree(dir, files) {
  let bytes = 0;
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), t);
    bytes += Buffer.byteLength(t);
  }
  return { files: Object.keys(files).length, bytes };
}
