import { readFileSync } from 'node:fs';
import { detach } from '../strings.js';
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
export const TOKENIZER_NOTE = "Estimate: counted with the public o200k_base BPE; Claude's own tokenizer is not public.";

/** Pieces longer than this are split (at whitespace when possible) so no input makes BPE superlinear. */
export const MAX_PIECE_CHARS = 16_384;

/** Distinct pieces whose counts are remembered in a run, at most (a hostile input can't grow it further). */
export const PIECE_MEMO_MAX = 200_000;
/** Longer pieces go to a small memory of their own (they rarely repeat). */
export const PIECE_MEMO_MAX_CHARS = 64;
/** Long pieces remembered at once (the most recent). */
export const LONG_PIECES_KEPT = 256;

interface BpeCore {
  getBpeRankFromString(piece: string): number | undefined;
  bytePairEncode(piece: string): number[];
}

/**
 * Counts o200k_base tokens exactly as BPE does (the text split by the encoding's regex, each piece
 * encoded on its own), remembering each distinct piece's count: prose repeats its words, so most
 * pieces cost one map lookup instead of a rank lookup plus gpt-tokenizer's LRU merge cache. Special
 * tokens ("<|endoftext|>") are plain text here: a framework that mentions one is counted, never refused.
 * Identical to gpt-tokenizer's countTokens with disallowedSpecial empty (test/tokenize).
 */
export function pieceCounter(core: BpeCore, splitRegex: RegExp): (text: string) => number {
  const re = new RegExp(splitRegex.source, splitRegex.flags.includes('g') ? splitRegex.flags : splitRegex.flags + 'g');
  const bpe = (piece: string) => (core.getBpeRankFromString(piece) !== undefined ? 1 : core.bytePairEncode(piece).length);
  // Keys are copies (strings.ts): a piece cut from a text would keep the whole text alive.
  const memo = new Map<string, number>();
  const long = new Map<string, number>();
  return (text) => {
    let n = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const piece = m[0];
      let c = memo.get(piece);
      if (c === undefined) {
        if (piece.length > PIECE_MEMO_MAX_CHARS) {
          // Long pieces (runs of spaces, long words) rarely repeat, but BPE on them is quadratic:
          // the last LONG_PIECES_KEPT are remembered, as gpt-tokenizer's own merge cache would.
          c = long.get(piece);
          if (c === undefined) {
            c = bpe(piece);
            long.set(detach(piece), c);
            if (long.size > LONG_PIECES_KEPT) long.delete(long.keys().next().value!);
          }
        } else {
          c = bpe(piece);
          if (memo.size < PIECE_MEMO_MAX) memo.set(detach(piece), c);
        }
      }
      n += c;
    }
    return n;
  };
}

/** The ranks as JSON beside the bundle (scripts/write-ranks.mjs; test/tokenize holds it to the library's). */
export const RANKS_FILE = 'o200k_base.ranks.json';

/** o200k_base's ranks: parsed from RANKS_FILE when the bundle has it (about 50 ms faster than compiling them), else gpt-tokenizer's module. */
async function loadRanks(): Promise<(string | number[])[]> {
  let json: string | undefined;
  try {
    json = readFileSync(new URL(RANKS_FILE, import.meta.url), 'utf8');
  } catch {
    // Not built (tests, tsc output): the library's module.
  }
  return json !== undefined ? (JSON.parse(json) as (string | number[])[]) : (await import('gpt-tokenizer/bpeRanks/o200k_base')).default;
}

/** Loads the tokenizer only when a count is actually needed (a warm cache never loads it). */
export async function loadTokenizer(): Promise<Tokenizer> {
  const [ranks, { O200KBase }, { BytePairEncodingCore }] = await Promise.all([
    loadRanks(),
    import('gpt-tokenizer/encodingParams/o200k_base'),
    import('gpt-tokenizer/BytePairEncodingCore'),
  ]);
  const params = O200KBase(ranks);
  // No LRU merge cache: pieceCounter remembers counts itself (and the LRU's keys would keep texts alive).
  const core = new BytePairEncodingCore({ ...params, mergeCacheSize: 0 });
  // Two methods TypeScript calls private (public at run time; test/tokenize holds the counts to countTokens').
  const count = pieceCounter(core as unknown as BpeCore, params.tokenSplitRegex);
  return { name: TOKENIZER_NAME, count: (text) => countChunked(text, count) };
}

/**
 * Runs of base64-like data (no whitespace, BLOB_MIN_CHARS+ characters of [A-Za-z0-9+/=]) are counted by ratio,
 * not by BPE: random base64 costs o200k_base about 0.68 tokens per character (measured on 1 MB:
 * 683,600 tokens), and exact BPE on it runs several times slower per byte than prose.
 */
export const BLOB_MIN_CHARS = 512;
export const BLOB_TOKENS_PER_CHAR = 0.68;

function isBlobChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;
}

/** Counts long text in bounded pieces (no input makes BPE superlinear); base64-like runs by ratio. */
export function countChunked(text: string, count: (t: string) => number): number {
  if (text.length <= MAX_PIECE_CHARS) return text.length === 0 ? 0 : count(text);
  // One linear scan for runs of base64-like characters (a regex with {512,} backtracks per word).
  let total = 0;
  let last = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isBlobChar(text.charCodeAt(i))) {
      run++;
      continue;
    }
    if (run >= BLOB_MIN_CHARS) {
      const start = i - run;
      total += countPieces(text.slice(last, start), count);
      total += Math.round(run * BLOB_TOKENS_PER_CHAR);
      last = i;
    }
    run = 0;
  }
  return total + countPieces(text.slice(last), count);
}

/** Pieces of at most MAX_PIECE_CHARS, cut at a newline, else a space, within the window only. */
function countPieces(text: string, count: (t: string) => number): number {
  let total = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_PIECE_CHARS);
    if (end < text.length) {
      const window = text.slice(start + (MAX_PIECE_CHARS >> 2), end);
      const nl = window.lastIndexOf('\n');
      const sp = nl < 0 ? window.lastIndexOf(' ') : -1;
      if (nl >= 0) end = start + (MAX_PIECE_CHARS >> 2) + nl + 1;
      else if (sp >= 0) end = start + (MAX_PIECE_CHARS >> 2) + sp;
      // Never cut a surrogate pair.
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--;
    }
    if (end > start) total += count(text.slice(start, end));
    start = end;
  }
  return total;
}
