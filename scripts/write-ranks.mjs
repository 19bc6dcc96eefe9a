#!/usr/bin/env node
// Writes o200k_base's BPE ranks as JSON next to each bundle (dist/, dist/cli/): JSON.parse reads the
// 200,000 ranks in about 27 ms where compiling gpt-tokenizer's JavaScript module of them takes about
// 75 ms, on every cold run (src/tokenize/tokenizer.ts loads this file, else the module). Run by `npm run build`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { default: ranks } = await import('gpt-tokenizer/bpeRanks/o200k_base');
const json = JSON.stringify(ranks);
for (const dir of ['dist', 'dist/cli']) writeFileSync(path.join(root, dir, 'o200k_base.ranks.json'), json);
