// The limit a diff is measured against, as a whole process: every distinct blob of both revisions
// read from git once (one ls-tree per side, one `git cat-file --batch`) and tokenized once with the
// tokenizer the tool uses (gpt-tokenizer o200k_base). No analysis at all: nothing can be faster and
// still count every byte. Prints "<blobs> <bytes> <tokens>".
// Usage: node bench/limit.mjs [--ours] REPO BASE HEAD
//   --ours: count with the tool's own counting loop (build/tokenize/tokenizer.js: the same BPE, each
//   distinct piece counted once) instead of gpt-tokenizer's countTokens: the limit for the tool's counting.
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const ours = args[0] === '--ours';
if (ours) args.shift();
let countTokens;
if (ours) {
  const { loadTokenizer } = await import(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/tokenize/tokenizer.js'));
  const tokenizer = await loadTokenizer();
  countTokens = (t) => tokenizer.count(t);
} else {
  // Special tokens are plain text, as the tool counts them.
  const m = await import('gpt-tokenizer/encoding/o200k_base');
  const plain = { disallowedSpecial: new Set() };
  countTokens = (t) => m.countTokens(t, plain);
}
const [repo, ...revs] = args;
const shas = new Set();
for (const rev of revs) {
  const out = execFileSync('git', ['ls-tree', '-r', '-z', '--full-tree', rev], { cwd: repo, maxBuffer: 1 << 30 }).toString('utf8');
  for (const rec of out.split('\0')) {
    const m = /^100\d{3} blob ([0-9a-f]+)\t/.exec(rec);
    if (m) shas.add(m[1]);
  }
}
// Streamed: each blob is counted as it arrives, so memory stays one blob plus git's pipe.
const child = spawn('git', ['cat-file', '--batch'], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
child.stdin.end([...shas].join('\n') + '\n');
let buf = Buffer.alloc(0);
let blobs = 0;
let bytes = 0;
let tokens = 0;
for await (const chunk of child.stdout) {
  buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
  for (;;) {
    const nl = buf.indexOf(10);
    if (nl < 0) break;
    const size = Number(buf.toString('latin1', 0, nl).split(' ')[2]);
    if (buf.length < nl + 1 + size + 1) break;
    const text = buf.toString('utf8', nl + 1, nl + 1 + size);
    tokens += text.length ? countTokens(text) : 0;
    blobs++;
    bytes += size;
    buf = buf.subarray(nl + 1 + size + 1);
  }
}
if (blobs !== shas.size) throw new Error(`read ${blobs} of ${shas.size} blobs`);
console.log(`${blobs} ${bytes} ${tokens}`);
