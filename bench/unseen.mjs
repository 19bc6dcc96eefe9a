// Frameworks the project has never seen, shaped unlike the corpora and the synthetic marketplace,
// generated deterministically from real prose (prose.mjs) as base/head pairs, so that the benchmark
// measures them the same way before a release: a monorepo of nested memory files and path rules, a
// marketplace of thousands of agents with long quoted descriptions (escapes included), and a tree of
// mixed encodings (CRLF, BOMs, UTF-16, CJK and emoji, broken YAML, a symlinked rule).
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { paragraphs, proseSource } from './prose.mjs';
import { proseDirs, writeTree } from './synthetic.mjs';

/** The pull request of every unseen pair: 2% of the Markdown files edited, one file added. */
function edit(files, src) {
  const keys = Object.keys(files)
    .filter((k) => k.endsWith('.md'))
    .sort();
  for (let i = 0; i < keys.length; i += 50) if (typeof files[keys[i]] === 'string') files[keys[i]] += `\n${src.text(600)}\n`;
}

const shapes = {
  /** 400 packages, each with a nested CLAUDE.md and path rules; root memory importing a chain; commands with @file refs. */
  monorepo(src) {
    const files = { 'CLAUDE.md': `# Monorepo\n\n${src.text(3000)}\n\n@docs/overview.md\n` };
    files['docs/overview.md'] = `${src.text(2000)}\n\n@conventions.md\n`;
    files['docs/conventions.md'] = src.text(2500);
    for (let p = 0; p < 400; p++) {
      files[`packages/pkg${p}/CLAUDE.md`] = `# Package ${p}\n\n${src.text(2500)}\n`;
      files[`packages/pkg${p}/src/index.md`] = src.text(800);
      files[`.claude/rules/pkg${p}.md`] = `---\npaths: ["packages/pkg${p}/**"]\n---\n${src.text(1200)}`;
    }
    for (let c = 0; c < 60; c++)
      files[`.claude/commands/team/c${c}.md`] = `---\ndescription: ${src.line(100)}\n---\n${src.text(2000)}\n\nSee @docs/conventions.md\n`;
    return files;
  },
  /** 30 plugins x 100 agents with long double-quoted descriptions holding \n escapes and examples. */
  agents(src) {
    const market = { name: 'agents', owner: { name: 'bench' }, plugins: [] };
    const files = {};
    for (let p = 0; p < 30; p++) {
      market.plugins.push({ name: `team${p}`, source: `./plugins/team${p}` });
      files[`plugins/team${p}/.claude-plugin/plugin.json`] = JSON.stringify({ name: `team${p}` });
      for (let a = 0; a < 100; a++) {
        const d = `${src.line(200)}\\n\\n<example>\\nuser: ${src.line(80)}\\nassistant: ${src.line(120)}\\n</example>`.replace(/"/g, '\\"');
        files[`plugins/team${p}/agents/a${a}.md`] = `---\nname: a${a}\ndescription: "${d}"\ntools: Read, Grep, Glob\nmodel: sonnet\n---\n${src.text(4000)}\n`;
      }
    }
    files['.claude-plugin/marketplace.json'] = JSON.stringify(market, null, 2);
    return files;
  },
  /** Encodings and damage: CRLF, BOMs, UTF-16, CJK and emoji prose, YAML that strict parsing refuses, a symlinked rule. */
  encodings(src) {
    const cjk = (n) => {
      let s = '';
      while (s.length < n) s += src.line(60).replace(/[a-z]/g, (c) => String.fromCharCode(0x4e00 + ((c.charCodeAt(0) * 97) % 2000))) + '。🙂\n';
      return s;
    };
    const files = { 'CLAUDE.md': `# 项目\r\n\r\n${src.text(2000).replace(/\n/g, '\r\n')}\r\n` };
    for (let s = 0; s < 300; s++) {
      const body = s % 3 === 0 ? cjk(3000) : src.text(3000);
      const fm = s % 7 === 0 ? `description: [broken: yaml: here\n` : `description: ${src.line(120)}\n`;
      const text = `---\n${fm}---\n${body}`;
      files[`.claude/skills/s${s}/SKILL.md`] = s % 5 === 0 ? '\ufeff' + text.replace(/\n/g, '\r\n') : text;
      files[`.claude/skills/s${s}/notes.md`] = s % 11 === 0 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(cjk(1500), 'utf16le')]) : src.text(2000);
    }
    files['docs/rules-source.md'] = src.text(1500);
    return files;
  },
};

/** Writes base/ and head/ of every unseen framework under dir; returns [{ label, baseDir, headDir }]. */
export function unseen(dir) {
  const paras = paragraphs(proseDirs().dirs);
  const out = [];
  for (const [name, make] of Object.entries(shapes)) {
    const base = path.join(dir, `${name}-base`);
    const head = path.join(dir, `${name}-head`);
    const b = writeTree(base, make(proseSource(paras, 777)));
    const headFiles = make(proseSource(paras, 777));
    edit(headFiles, proseSource(paras, 999));
    headFiles[`added-by-the-pr/${name}.md`] = 'A new file.\n';
    writeTree(head, headFiles);
    if (name === 'encodings')
      for (const d of [base, head]) {
        mkdirSync(path.join(d, '.claude/rules'), { recursive: true });
        symlinkSync('../../docs/rules-source.md', path.join(d, '.claude/rules/linked.md'));
      }
    out.push({ label: `unseen: ${name} (${b.files.toLocaleString('en')} files, ${(b.bytes / 1e6).toFixed(1)} MB)`, baseDir: base, headDir: head });
  }
  return out;
}
