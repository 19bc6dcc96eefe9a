import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Blob, FrameworkSource, TreeEntry } from './types.js';

/** Runs git with arguments only (never a shell), returning stdout as a Buffer. */
export function git(cwd: string, args: readonly string[], input?: Buffer | string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(args, code ?? -1, Buffer.concat(err).toString('utf8').trim()));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.split('\n')[0] ?? ''}`);
    this.name = 'GitError';
  }
}

/** Git blob hash of content, as `git hash-object` computes it. */
export function blobSha(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

export async function resolveCommit(repo: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new Error(`Invalid revision "${ref}": must not start with "-"`);
  if (/[\0\n\r]/.test(ref)) throw new Error(`Invalid revision ${JSON.stringify(ref)}: a line break or NUL in it`);
  // Asked of the repository's cat-file process (the name is read as `git rev-parse` reads it; the
  // commit object's header gives its SHA): no process of its own.
  let got: Map<string, Buffer>;
  try {
    got = await catFileBatch(repo, [`${ref}^{commit}`]);
  } catch (e) {
    throw new Error(`Unknown revision "${ref}" in ${repo}: ${(e as Error).message}`);
  }
  const [sha] = got.keys();
  if (!sha) throw new Error(`Unknown revision "${ref}" in ${repo}: no such commit`);
  return sha;
}

/** Parses `git ls-tree -r -l -z` output. */
export function parseLsTree(out: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const rec of out.toString('utf8').split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, sha, size] = rec.slice(0, tab).split(/ +/);
    const path = rec.slice(tab + 1);
    if (type === 'commit') entries.push({ path, type: 'submodule', size: 0, sha });
    else if (type === 'blob') entries.push({ path, type: mode === '120000' ? 'symlink' : 'file', size: Number(size) || 0, sha });
  }
  return entries;
}

/** How long an idle `git cat-file --batch` process is kept for the next read of its repository. */
export const CAT_FILE_IDLE_MS = 1000;

type Pending = { want: number; done: number; result: Map<string, Buffer>; resolve: (m: Map<string, Buffer>) => void; reject: (e: Error) => void };

/**
 * One `git cat-file --batch` process per repository, asked one batch of SHAs at a time (both sides
 * of a diff and every planning round share it: one process start instead of one per read). Streamed:
 * each blob is copied into a buffer of its own as its bytes arrive, so a read holds its blobs and one
 * pipe chunk, never git's whole output twice over. The process never keeps Node alive: its handles
 * are held only while a read waits, and it is closed after CAT_FILE_IDLE_MS without one.
 */
class CatFile {
  private child: ChildProcessWithoutNullStreams | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Pending | null = null;
  private idle: NodeJS.Timeout | null = null;
  private err: Buffer[] = [];
  private header: Buffer[] = [];
  private blob: { sha: string; data: Buffer; filled: number } | null = null;
  private separator = false;

  constructor(readonly repo: string) {}

  read(shas: readonly string[]): Promise<Map<string, Buffer>> {
    const unique = [...new Set(shas)];
    if (unique.length === 0) return Promise.resolve(new Map());
    const run = this.queue.then(() => this.request(unique));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private request(shas: string[]): Promise<Map<string, Buffer>> {
    if (this.idle) clearTimeout(this.idle);
    const child = this.child ?? this.start();
    return new Promise((resolve, reject) => {
      this.pending = { want: shas.length, done: 0, result: new Map(), resolve, reject };
      this.hold(true);
      child.stdin.write(shas.join('\n') + '\n');
    });
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.repo, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    this.child = child;
    this.err = [];
    this.header = [];
    this.blob = null;
    this.separator = false;
    // Events of a process closed for idleness (a new one may serve by then) are not this reader's.
    child.stdout.on('data', (chunk: Buffer) => {
      if (this.child === child) this.parse(chunk);
    });
    child.stderr.on('data', (d: Buffer) => {
      if (this.child === child) this.err.push(d);
    });
    child.stdin.on('error', () => undefined);
    const fail = (e: Error) => {
      if (this.child !== child) return;
      this.child = null;
      const p = this.pending;
      this.pending = null;
      p?.reject(e);
    };
    child.on('error', fail);
    child.on('close', (code) => fail(new GitError(['cat-file', '--batch'], code ?? -1, Buffer.concat(this.err).toString('utf8').trim() || 'closed early')));
    return child;
  }

  /** Holds Node alive while a read waits for git, and lets it go between reads. */
  private hold(on: boolean): void {
    const c = this.child;
    if (!c) return;
    for (const h of [c, c.stdin, c.stdout, c.stderr] as { ref(): void; unref(): void }[]) {
      if (on) h.ref();
      else h.unref();
    }
  }

  private record(): void {
    const p = this.pending;
    if (!p || ++p.done < p.want) return;
    this.pending = null;
    this.hold(false);
    this.idle = setTimeout(() => this.close(), CAT_FILE_IDLE_MS);
    this.idle.unref();
    p.resolve(p.result);
  }

  private close(): void {
    const c = this.child;
    if (!c || this.pending) return;
    this.child = null;
    c.stdin.end();
  }

  private parse(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.blob) {
        const blob = this.blob;
        const n = Math.min(blob.data.length - blob.filled, chunk.length - pos);
        chunk.copy(blob.data, blob.filled, pos, pos + n);
        blob.filled += n;
        pos += n;
        if (blob.filled === blob.data.length) {
          this.blob = null;
          this.separator = true;
          this.pending?.result.set(blob.sha, blob.data);
          this.record();
        }
        continue;
      }
      if (this.separator) {
        pos++; // the newline after each blob's content
        this.separator = false;
        continue;
      }
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        this.header.push(chunk.subarray(pos));
        break;
      }
      this.header.push(chunk.subarray(pos, nl));
      const line = Buffer.concat(this.header).toString('latin1');
      this.header = [];
      pos = nl + 1;
      const [sha, type, sizeText] = line.split(' ');
      if (type === 'missing' || sizeText === undefined || sha === undefined) {
        this.record();
        continue;
      }
      const size = Number(sizeText);
      this.blob = { sha, data: Buffer.allocUnsafeSlow(size), filled: 0 };
      if (size === 0) {
        this.blob = null;
        this.separator = true;
        this.pending?.result.set(sha, Buffer.alloc(0));
        this.record();
      }
    }
  }
}

const catFiles = new Map<string, CatFile>();

/** Reads blobs by SHA through the repository's `git cat-file --batch` process (CatFile); missing ones are absent from the result. */
export function catFileBatch(repo: string, shas: readonly string[]): Promise<Map<string, Buffer>> {
  let c = catFiles.get(repo);
  if (!c) catFiles.set(repo, (c = new CatFile(repo)));
  return c.read(shas);
}

/** Bytes of blobs asked of one `git cat-file --batch` (a bound on one read's blobs in memory at once). */
export const READ_BATCH_BYTES = 32 * 1024 * 1024;

/** Longest symlink target read (PATH_MAX). */
export const MAX_LINK_TARGET = 4096;

/** A commit of a repository, read from git objects only: no checkout, no worktree, nothing executed. */
export async function gitSource(repo: string, ref: string): Promise<FrameworkSource> {
  const commit = await resolveCommit(repo, ref);
  let listing: TreeEntry[] | undefined;
  const list = async (): Promise<TreeEntry[]> => {
    if (listing) return listing;
    const entries = parseLsTree(await git(repo, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]));
    // A link target is a path: one longer than PATH_MAX is not read (a "symlink" blob can be 400 MB).
    const links = entries.filter((e) => e.type === 'symlink' && e.size <= MAX_LINK_TARGET);
    const targets = await catFileBatch(
      repo,
      links.map((l) => l.sha!),
    );
    listing = entries.map((e) =>
      e.type !== 'symlink'
        ? e
        : e.size > MAX_LINK_TARGET
          ? { ...e, type: 'unreadable' as const, problem: `symlink target of ${e.size} bytes is not a path: not read` }
          : { ...e, linkTarget: targets.get(e.sha!)?.toString('utf8') ?? '' },
    );
    return listing;
  };
  return {
    kind: 'git',
    root: repo,
    ref,
    commit,
    list,
    async read(paths) {
      const byPath = new Map((await list()).map((e) => [e.path, e]));
      const wanted = paths.map((p) => byPath.get(p)).filter((e): e is TreeEntry => !!e && e.type === 'file');
      const out = new Map<string, Blob>();
      // In batches of at most READ_BATCH_BYTES: git's output is buffered, so a batch bounds that buffer.
      for (let i = 0; i < wanted.length;) {
        let bytes = 0;
        let j = i;
        while (j < wanted.length && (j === i || bytes + wanted[j]!.size <= READ_BATCH_BYTES)) bytes += wanted[j++]!.size;
        const batch = wanted.slice(i, j);
        const blobs = await catFileBatch(
          repo,
          batch.map((e) => e.sha!),
        );
        for (const e of batch) {
          const data = blobs.get(e.sha!);
          if (data) out.set(e.path, { sha: e.sha!, data });
        }
        i = j;
      }
      return out;
    },
  };
}
