import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { loadTokenizer, MAX_PIECE_CHARS, PIECE_MEMO_MAX_CHARS, RANKS_FILE } from '../../src/tokenize/tokenizer.js';
import { analyzeDir, cleanup, CORPORA, FIXTURES, ROOT, tmpDir, writeFiles } from '../helpers.js';

/** gpt-tokenizer's own count, special tokens as plain text. */
const reference = (t: string) => countTokens(t, { disallowedSpecial: new Set() });

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '.git') files(p, out);
    else if (e.isFile() && /\.(md|json|mdc|ya?ml|txt)$/.test(e.name) && statSync(p).size < MAX_PIECE_CHARS) out.push(p);
  }
  return out;
}

describe('the piece-remembering counter', () => {
  it('counts every fixture file exactly as gpt-tokenizer does, twice (the second time from memory)', async () => {
    const tok = await loadTokenizer();
    const texts = files(FIXTURES).map((f) => readFileSync(f, 'utf8'));
    expect(texts.length).toBeGreaterThan(100);
    for (let round = 0; round < 2; round++) for (const t of texts) expect(tok.count(t)).toBe(reference(t));
  });

  it.skipIf(!existsSync(CORPORA))('counts every corpus file exactly as gpt-tokenizer does', async () => {
    const tok = await loadTokenizer();
    let n = 0;
    for (const f of files(CORPORA)) {
      const t = readFileSync(f, 'utf8');
      expect(tok.count(t), f).toBe(reference(t));
      n++;
    }
    expect(n).toBeGreaterThan(1000);
  });

  it('agrees on arbitrary text: unicode, whitespace runs, special tokens, long pieces', async () => {
    const tok = await loadTokenizer();
    const parts = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('<|endoftext|>', '<|im_start|>', '<|fim_prefix|>', '\r\n', '   ', '\t\t', "'s", "don't", '1234567', '—', '日本語テキスト', '🙂🙂'),
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '.', 'é'), minLength: PIECE_MEMO_MAX_CHARS, maxLength: 3 * PIECE_MEMO_MAX_CHARS }),
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 30 }), (xs) => {
        const t = xs.join('');
        expect(tok.count(t)).toBe(reference(t));
      }),
      { numRuns: 400 },
    );
  });

  it('counts a framework that mentions a special token instead of refusing it', async () => {
    const d = tmpDir();
    try {
      writeFiles(d, { 'CLAUDE.md': '# Rules\n\nNever print <|endoftext|> or <|im_start|> in output.\n' });
      const s = await analyzeDir(d);
      const f = s.files.find((x) => x.path === 'CLAUDE.md')!;
      expect(f.tokens).toBe(reference('# Rules\n\nNever print <|endoftext|> or <|im_start|> in output.'));
      expect(() => countTokens('<|endoftext|>')).toThrow(/special token/); // what the library does by default
    } finally {
      cleanup(d);
    }
  });

  it('ships the ranks beside each bundle exactly as gpt-tokenizer has them', async () => {
    const { default: ranks } = await import('gpt-tokenizer/bpeRanks/o200k_base');
    for (const dir of ['dist', 'dist/cli']) {
      const shipped = JSON.parse(readFileSync(path.join(ROOT, dir, RANKS_FILE), 'utf8')) as unknown[];
      expect(shipped.length).toBe(ranks.length);
      expect(shipped).toEqual(ranks);
    }
  });
});
