/**
 * The one place that picks the tokenizer. o200k_base is a public BPE: counts are an estimate of
 * Claude's tokens (its tokenizer is not public) and every output says so.
 * gpt-tokenizer was chosen over js-tiktoken by measurement (bench/tokenizer.mjs): same o200k_base
 * ranks, faster to load and to encode.
 */
export interface Tokenizer {
  readonly name: string;
  count(text: string): number;
}

export const TOKENIZER_NAME = 'o200k_base (gpt-tokenizer)';
export const TOKENIZER_NOTE = 'Estimate: counted with the public o200k_base BPE; Claude\'s own tokenizer is not public.';

/** Pieces longer than this are split (at whitespace when possible) so no input makes BPE superlinear. */
export const MAX_PIECE_CHARS = 2_048;

/** Loads the tokenizer only when a count is actually needed (a warm cache never loads it). */
export async function loadTokenizer(): Promise<Tokenizer> {
  const mod = await import('gpt-tokenizer/encoding/o200k_base');
  const countTokens = mod.countTokens as (t: string) => number;
  return { name: TOKENIZER_NAME, count: (text) => countChunked(text, countTokens) };
}

/** Counts long text in bounded pieces: lines are kept whole up to MAX_PIECE_CHARS, longer runs are cut at whitespace. */
export function countChunked(text: string, count: (t: string) => number): number {
  if (text.length <= MAX_PIECE_CHARS) return text.length === 0 ? 0 : count(text);
  let total = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_PIECE_CHARS);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > start + MAX_PIECE_CHARS / 4) end = nl + 1;
      else {
        const sp = text.lastIndexOf(' ', end);
        if (sp > start + MAX_PIECE_CHARS / 4) end = sp;
      }
      // Never cut a surrogate pair.
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--;
    }
    total += count(text.slice(start, end));
    start = end;
  }
  return total;
}
