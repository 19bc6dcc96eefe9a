import { createHash } from 'node:crypto';
import type { Tokenizer } from './tokenizer.js';

/** Bump when the text a file kind loads is derived differently (frontmatter, comments). */
export const TRANSFORM_VERSION = 1;

/** A persistent store of counts keyed by tokenizer and content hash (the CLI's cache dir, the Action's cache). */
export interface CountStore {
  get(key: string): number | undefined;
  set(key: string, value: number): void;
}

/**
 * Counts texts once per content hash per run (and across runs with a store); the tokenizer is
 * loaded lazily, only when some count is not cached.
 */
export class TokenCounter {
  private readonly memo = new Map<string, number>();
  private tokenizer: Tokenizer | undefined;
  /** How many texts were actually tokenized (cache misses), for the benchmark and tests. */
  tokenized = 0;
  tokenizedChars = 0;

  constructor(
    private readonly load: () => Promise<Tokenizer>,
    readonly name: string,
    private readonly store?: CountStore,
  ) {}

  /** Key of an arbitrary text: the text itself when short, else its SHA-1. */
  static key(text: string): string {
    return text.length <= 200 ? `t:${text}` : `h:${createHash('sha1').update(text).digest('hex')}`;
  }

  /**
   * Key of a file's loaded text without hashing it again: the blob SHA plus the transform that
   * derived the text (TRANSFORM_VERSION changes when a transform does).
   */
  static fileKey(blobSha: string, transform: string, text: string): string {
    return blobSha ? `b:${TRANSFORM_VERSION}:${blobSha}:${transform}:${text.length}` : TokenCounter.key(text);
  }

  /** Counts every text once per key; returns counts by key. */
  async countAll(items: Iterable<{ key: string; text: string }>): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const todo: [string, string][] = [];
    for (const { key: k, text: t } of items) {
      if (out.has(k)) continue;
      const hit = this.memo.get(k) ?? this.store?.get(`${this.name}:${k}`);
      if (hit !== undefined) {
        this.memo.set(k, hit);
        out.set(k, hit);
      } else {
        out.set(k, -1);
        todo.push([k, t]);
      }
    }
    if (todo.length) {
      this.tokenizer ??= await this.load();
      for (const [k, t] of todo) {
        const n = this.tokenizer.count(t);
        this.tokenized++;
        this.tokenizedChars += t.length;
        this.memo.set(k, n);
        this.store?.set(`${this.name}:${k}`, n);
        out.set(k, n);
      }
    }
    return out;
  }
}
