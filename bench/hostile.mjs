// Tokenizer throughput on hostile inputs (issue 5): a 5 MB file of one line, one repeated character,
// base64, CJK, against ordinary prose. Each through our chunked counter, as the analyzer counts.
// Usage: npm run bench:hostile (needs build/ from `npx tsc -p .`; `npm run bench` makes it).
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadTokenizer } = await import(path.join(root, 'build/tokenize/tokenizer.js'));
const tok = await loadTokenizer();
const MB = 5 * 1024 * 1024;
// Baseline: real framework text (the wshobson corpus) when present, else varied generated prose.
const corpus = path.resolve(root, '../shared/corpora/wshobson__agents/head/plugins');
const walk = (d, out = []) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) walk(path.join(d, e.name), out);
    else out.push(path.join(d, e.name));
  }
  return out;
};
let prose = '';
if (existsSync(corpus)) for (const f of walk(corpus)) if (prose.length < MB) prose += readFileSync(f, 'utf8') + '\n';
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
while (prose.length < MB) prose += Array.from({ length: 12 }, () => Math.floor(rnd() * 1e6).toString(36)).join(' ') + '.\n';
const inputs = {
  'real framework text (baseline)': prose.slice(0, MB),
  'the same as one line (no newline)': prose.replace(/\n/g, ' ').slice(0, MB),
  'one repeated character': 'a'.repeat(MB),
  base64: randomBytes(Math.ceil((MB * 3) / 4))
    .toString('base64')
    .slice(0, MB),
  'CJK text': '上下文预算保持精简快速的提示框架'.repeat(Math.ceil(MB / 16)).slice(0, MB),
};
console.log('| input (5 MiB) | ms | MB/s | per byte vs baseline |');
console.log('|---|--:|--:|--:|');
let base = 0;
for (const [name, text] of Object.entries(inputs)) {
  tok.count(text.slice(0, 10000));
  const t0 = performance.now();
  tok.count(text);
  const ms = performance.now() - t0;
  const rate = Buffer.byteLength(text) / 1e6 / (ms / 1000);
  if (!base) base = rate;
  console.log(`| ${name} | ${ms.toFixed(0)} | ${rate.toFixed(1)} | ${(base / rate).toFixed(2)}x |`);
}
