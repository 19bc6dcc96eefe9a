import { createHash } from 'node:crypto';
import type { RemoteCounter } from './anthropic.js';
import type { Tokenizer } from './tokenizer.js';

/** Bump when the text a file kind loads is derived differently (frontmatter, comments). */
export const TRANSFORM_VERSION = 2;

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

  /** Set when remote counting failed and the estimate was used instead. */
  fallback: string | undefined;

  constructor(
    private readonly load: () => Promise<Tokenizer>,
    readonly name: string,
    private readonly store?: CountStore,
    /** Exact counts (Anthropic's endpoint); on any error the offline estimate takes over for the run. */
    private readonly remote?: RemoteCounter,
  ) {}

  /** What the counts are: the remote counter's name, or the estimate's (also after a fallback). */
  get source(): { name: string; estimate: boolean } {
    return this.remote && !this.fallback ? { name: this.remote.name, estimate: false } : { name: this.name, estimate: true };
  }

  private storeKey(k: string): string {
    return `${this.remote && !this.fallback ? this.remote.name : this.name}:${k}`;
  }

  /** Key of an arbitrary text: the text itself when short, else its SHA-1. */
  static key(text: string): string {
    return text.length <= 200 ? `t:${text}` : `h:${createHash('sha1').update(text).digest('hex')}`;
  }

  /**
   * Key of a file's loaded text without reading it: the blob SHA, the kind of file and where its
   * loaded text starts in the blob's decoded text (TRANSFORM_VERSION changes when a transform does).
   */
  static fileKey(blobSha: string, kind: string, start: number): string {
    return `b:${TRANSFORM_VERSION}:${blobSha}:${kind}:${start}`;
  }

  /** Counting through a remote counter (which wants every text of a run in one batch). */
  get remoteCounting(): boolean {
    return !!this.remote && !this.fallback;
  }

  /** Every count is the local tokenizer's (no remote counter configured): what cached snapshots may hold. */
  get localOnly(): boolean {
    return !this.remote;
  }

  /** A count already known (this run or the persistent store), or undefined. */
  cached(key: string): number | undefined {
    return this.memo.get(key) ?? this.store?.get(this.storeKey(key));
  }

  /** Counts every text once per key; returns counts by key. */
  async countAll(items: Iterable<{ key: string; text: string }>): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const todo: [string, string][] = [];
    for (const { key: k, text: t } of items) {
      if (out.has(k)) continue;
      const hit = this.memo.get(k) ?? this.store?.get(this.storeKey(k));
      if (hit !== undefined) {
        this.memo.set(k, hit);
        out.set(k, hit);
      } else {
        out.set(k, -1);
        todo.push([k, t]);
      }
    }
    if (todo.length) {
      let counts: number[] | undefined;
      if (this.remote && !this.fallback) {
        try {
          counts = await this.remote.count(todo.map(([, t]) => t));
        } catch (e) {
          this.fallback = `${this.remote.name} failed (${(e as Error).message}); using the offline estimate`;
        }
      }
      if (!counts) {
        this.tokenizer ??= await this.load();
        counts = todo.map(([, t]) => this.tokenizer!.count(t));
      }
      todo.forEach(([k, t], i) => {
        const n = counts![i]!;
        this.tokenized++;
        this.tokenizedChars += t.length;
        this.memo.set(k, n);
        this.store?.set(this.storeKey(k), n);
        out.set(k, n);
      });
    }
    return out;
  }
}
