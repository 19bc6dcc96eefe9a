// Tokenizer choice, measured: load time and throughput of gpt-tokenizer vs js-tiktoken (both o200k_base)
// on the real wshobson/agents corpus, count agreement, and throughput on hostile inputs through our
// chunked counter. Usage: node bench/tokenizer.mjs   (each tokenizer is loaded in its own process)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '../../shared/corpora/wshobson__agents/head');

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

if (process.argv[2] === 'child') {
  const which = process.argv[3];
  const t0 = performance.now();
  let count;
  if (which === 'gpt-tokenizer') {
    const m = await import('gpt-tokenizer/encoding/o200k_base');
    count = (t) => m.countTokens(t);
  } else {
    const { Tiktoken } = await import('js-tiktoken/lite');
    const ranks = (await import('js-tiktoken/ranks/o200k_base')).default;
    const enc = new Tiktoken(ranks);
    count = (t) => enc.encode(t).length;
  }
  count('hello world');
  const load = performance.now() - t0;
  const texts = existsSync(corpus) ? walk(corpus).map((f) => readFileSync(f, 'utf8')) : [];
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const t1 = performance.now();
  let total = 0;
  for (const t of texts) total += count(t);
  const encode = performance.now() - t1;
  console.log(JSON.stringify({ which, loadMs: load, encodeMs: encode, bytes, total, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const rows = [];
for (const which of ['gpt-tokenizer', 'js-tiktoken']) {
  const r = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'child', which], { encoding: 'utf8' }));
  rows.push(r);
}
console.log(
  `Tokenizers on ${rows[0].bytes ? `wshobson__agents/head (${(rows[0].bytes / 1e6).toFixed(1)} MB)` : '(corpus absent: load time only)'}, node ${process.version}`,
);
console.log('| tokenizer | load ms | encode ms | MB/s | tokens | peak RSS MB |');
console.log('|---|--:|--:|--:|--:|--:|');
for (const r of rows)
  console.log(
    `| ${r.which} | ${r.loadMs.toFixed(0)} | ${r.encodeMs.toFixed(0)} | ${r.bytes ? (r.bytes / 1e6 / (r.encodeMs / 1000)).toFixed(1) : '-'} | ${r.total} | ${r.maxRssMB.toFixed(0)} |`,
  );
if (rows[0].bytes)
  console.log(rows[0].total === rows[1].total ? 'Counts agree exactly (same o200k_base ranks).' : `Counts differ: ${rows[0].total} vs ${rows[1].total}`);
