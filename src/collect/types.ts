import type { Snapshot } from '../model/snapshot.js';

/** What collect/ hands to analyze/: a listing of a tree and a batch reader. The only I/O seam. */
export interface TreeEntry {
  /** Repository-relative POSIX path. */
  path: string;
  /** unreadable: listed but cannot be read (a directory without permission, a FIFO, a socket): reported, never silently dropped. */
  type: 'file' | 'symlink' | 'submodule' | 'unreadable';
  /** Bytes (for a symlink: length of its target string). */
  size: number;
  /** Git blob SHA when known from the listing (git sources); worktree files get it on read. */
  sha?: string;
  /** For symlinks: the raw link target. */
  linkTarget?: string;
  /** For unreadable entries: why. */
  problem?: string;
}

export interface Blob {
  sha: string;
  data: Buffer;
}

export interface FrameworkSource {
  kind: 'worktree' | 'git';
  /** Directory of the repository (or worktree) on disk. */
  root: string;
  ref?: string;
  /** Resolved commit SHA for git sources. */
  commit?: string;
  list(): Promise<TreeEntry[]>;
  /** Reads many files at once; paths that vanished or can't be read are absent from the result. */
  read(paths: readonly string[]): Promise<Map<string, Blob>>;
}

/** Where a snapshot was read from, as the snapshot records it. */
export function sourceInfo(source: FrameworkSource): Snapshot['source'] {
  return { kind: source.kind, root: source.root, ...(source.ref ? { ref: source.ref } : {}), ...(source.commit ? { commit: source.commit } : {}) };
}
