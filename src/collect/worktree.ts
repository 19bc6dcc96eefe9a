import { promises as fs } from 'node:fs';
import path from 'node:path';
import { blobSha } from './git.js';
import type { Blob, FrameworkSource, TreeEntry } from './types.js';

/** Directories never walked into. */
const IGNORED_DIRS = new Set(['.git', 'node_modules']);

/**
 * Every file and symlink under root, symlinks not followed. Written with fs.readdir rather than
 * fast-glob: fast-glob silently drops names that contain a newline, and a hostile tree must not
 * hide a file from the report.
 */
type Found = { path: string; isLink: boolean; isFile: boolean; problem?: string };

async function walk(root: string): Promise<Found[]> {
  const out: Found[] = [];
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    } catch (e) {
      // An unreadable folder is reported: what it holds could be a cost the report would otherwise hide.
      out.push({ path: rel || '.', isLink: false, isFile: false, problem: `folder cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!IGNORED_DIRS.has(e.name)) stack.push(p);
      } else if (e.isSymbolicLink() || e.isFile()) out.push({ path: p, isLink: e.isSymbolicLink(), isFile: e.isFile() });
      else
        out.push({
          path: p,
          isLink: false,
          isFile: false,
          problem: `${e.isFIFO() ? 'a FIFO' : e.isSocket() ? 'a socket' : 'a device'}, not a regular file: not read`,
        });
    }
  }
  return out;
}

/** A directory on disk. Symlinks are listed, never followed by the walker. */
export function worktreeSource(dir: string): FrameworkSource {
  const root = path.resolve(dir);
  let listing: TreeEntry[] | undefined;
  return {
    kind: 'worktree',
    root,
    async list() {
      if (listing) return listing;
      const found = await walk(root);
      const entries: TreeEntry[] = [];
      const one = async (f: (typeof found)[number]): Promise<TreeEntry | undefined> => {
        if (f.problem) return { path: f.path, type: 'unreadable', size: 0, problem: f.problem };
        if (f.isLink) {
          const target = await fs.readlink(path.join(root, f.path)).catch(() => '');
          return { path: f.path, type: 'symlink', size: target.length, linkTarget: target };
        }
        const st = await fs.stat(path.join(root, f.path)).catch(() => undefined);
        return { path: f.path, type: 'file', size: st?.size ?? 0 };
      };
      for (let i = 0; i < found.length; i += 256) for (const e of await Promise.all(found.slice(i, i + 256).map(one))) if (e) entries.push(e);
      entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      listing = entries;
      return listing;
    },
    async read(paths) {
      const out = new Map<string, Blob>();
      const readOne = async (p: string): Promise<void> => {
        const abs = path.join(root, p);
        // Only regular files inside root; lstat guards against a file swapped for a symlink.
        const st = await fs.lstat(abs).catch(() => undefined);
        if (!st?.isFile()) return;
        const data = await fs.readFile(abs).catch(() => undefined);
        if (data) out.set(p, { sha: blobSha(data), data });
      };
      // Bounded concurrency: 100,000 files must not exhaust file descriptors.
      for (let i = 0; i < paths.length; i += 64) await Promise.all(paths.slice(i, i + 64).map(readOne));
      return out;
    },
  };
}
