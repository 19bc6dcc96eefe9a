/**
 * Digesting plans: each planned file's loaded text is read again from its blob, a batch at a time,
 * counted, scanned (content.ts) and searched for `/name` mentions, then dropped. Plans keep no
 * texts: a run holds the raw blobs (about the input's size, outside the JS heap), the plans' facts,
 * and at most one batch of decoded text, whatever the framework's size.
 */
import type { Blob } from '../collect/types.js';
import { TokenCounter } from '../tokenize/counter.js';
import { scanFile } from './content.js';
import { detach } from '../strings.js';
import { memoryText } from './markdown.js';
import type { FileDigest, Plan, PlannedFile } from './plan-types.js';
import { decode } from './text.js';

/** Characters of decoded text counted at once (one batch is all the text a run holds). */
export const DIGEST_BATCH_CHARS = 4_000_000;

/**
 * Digests by content and how it loads, shared by the sides of a diff (a blob both share is read
 * once); the pipeline may keep them between runs (a digest depends only on the text, how it loads,
 * and the code: the cache is per build).
 */
export interface DigestMemo {
  get(key: string): FileDigest | undefined;
  set(key: string, digest: FileDigest): unknown;
}

/** Whether a value read back from a digest cache is a digest. */
export function isDigest(v: unknown): v is FileDigest {
  const d = v as FileDigest | null;
  return (
    !!d &&
    typeof d === 'object' &&
    typeof d.key === 'string' &&
    typeof d.chars === 'number' &&
    Array.isArray(d.names) &&
    (d.scan === null || (!!d.scan && Array.isArray(d.scan.sections) && Array.isArray(d.scan.compressible) && Array.isArray(d.scan.paragraphs)))
  );
}

/** `/name` mentions of a command or skill (links.ts resolves them). */
const NAME_REF = /(?:^|[\s(`"'])\/([a-z0-9][\w.-]*(?::[\w.-]+)*)/g;
const MENTIONING = new Set(['command', 'skill', 'agent', 'memory', 'rule']);

/** The counter key of a planned file's text, known without reading it: blob SHA, kind and where the text starts. */
export function fileCountKey(f: Pick<PlannedFile, 'sha' | 'kind' | 'source'>): string {
  if ('text' in f.source) return TokenCounter.key(f.source.text);
  return f.sha ? TokenCounter.fileKey(f.sha, f.source.memory ? `${f.kind}+memory` : f.kind, f.source.start) : TokenCounter.key('');
}

function textOf(f: PlannedFile, contents: ReadonlyMap<string, Blob>): string {
  if ('text' in f.source) return f.source.text;
  const blob = contents.get(f.real);
  if (!blob) return '';
  const decoded = decode(blob.data).text;
  const text = f.source.start > 0 ? decoded.slice(f.source.start) : decoded;
  // Claude Code includes a memory file without its HTML comment blocks, trimmed (memory.ts).
  return f.source.memory ? memoryText(text) : text;
}

function namesIn(text: string, kind: PlannedFile['kind']): string[] {
  if (!MENTIONING.has(kind) || !text.includes('/')) return [];
  const names = new Set<string>();
  for (const m of text.matchAll(NAME_REF)) names.add(m[1]!);
  return [...names].map(detach);
}

/**
 * Fills every planned file's digest and counts its text (the counter remembers the counts). With a
 * remote counter, every side is counted in one batch so that a failure can't leave one side exact
 * and the other estimated (its texts are then held together).
 */
export async function digest(
  sides: readonly { plan: Plan; contents: ReadonlyMap<string, Blob> }[],
  counter: TokenCounter,
  memo: DigestMemo = new Map<string, FileDigest>(),
  batchChars = counter.remoteCounting ? Infinity : DIGEST_BATCH_CHARS,
): Promise<void> {
  let batch: { key: string; text: string }[] = [];
  const queued = new Set<string>();
  let chars = 0;
  const flush = async () => {
    if (batch.length) await counter.countAll(batch);
    batch = [];
    queued.clear();
    chars = 0;
  };
  for (const { plan, contents } of sides)
    for (const f of plan.files) {
      const key = fileCountKey(f);
      const dkey = `${key}:${f.loading}:${f.category}`;
      let d = memo.get(dkey);
      const count = !queued.has(key) && counter.cached(key) === undefined;
      if (!d || count) {
        const text = textOf(f, contents);
        if (!d) memo.set(dkey, (d = { key, chars: text.length, scan: scanFile(text, f), names: namesIn(text, f.kind) }));
        if (count) {
          batch.push({ key, text });
          queued.add(key);
          chars += text.length;
          if (chars >= batchChars) await flush();
        }
      }
      f.digest = d;
    }
  await flush();
}
