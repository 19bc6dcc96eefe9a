// Generates the README's inputs/outputs tables from action.yml (between the usage markers).
// `node scripts/readme-usage.mjs --check` exits 1 when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const action = parse(readFileSync('action.yml', 'utf8'));
const esc = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
const inputs = Object.entries(action.inputs).map(([k, v]) => `| \`${k}\` | ${esc(v.description)} | ${v.default === '' ? '' : `\`${esc(v.default)}\``} |`);
const outputs = Object.entries(action.outputs).map(([k, v]) => `| \`${k}\` | ${esc(v.description)} |`);
const block = [
  '<!-- usage:start (generated from action.yml by scripts/readme-usage.mjs) -->',
  '### Inputs',
  '',
  '| Input | Description | Default |',
  '|---|---|---|',
  ...inputs,
  '',
  '### Outputs',
  '',
  '| Output | Description |',
  '|---|---|',
  ...outputs,
  '<!-- usage:end -->',
].join('\n');
const readme = readFileSync('README.md', 'utf8');
const re = /<!-- usage:start[\s\S]*?<!-- usage:end -->/;
if (!re.test(readme)) throw new Error('README.md has no usage markers');
const next = readme.replace(re, block);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md inputs/outputs are out of date: run npm run build');
    process.exit(1);
  }
} else if (next !== readme) writeFileSync('README.md', next);
