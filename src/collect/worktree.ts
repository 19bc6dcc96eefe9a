import { promises as fs } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { blobSha } from './git.js';
import type { Blob, FrameworkSource, TreeEntry } from './types.js';

const IGNORE = ['**/.git/**', '**/node_modules/**'];

/** A directory on disk. Symlinks are listed, never followed by the walker. */
export function worktreeSource(dir: string): FrameworkSource {
  const root = path.resolve(dir);
  let listing: TreeEntry[] | undefined;
  return {
    kind: 'worktree',
    root,
    async list() {
      if (listing) return listing;
      const found = await fg('**', { cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, objectMode: true, ignore: IGNORE, suppressErrors: true });
      const entries: TreeEntry[] = [];
      for (const f of found) {
        if (f.dirent.isSymbolicLink()) {
          const target = await fs.readlink(path.join(root, f.path)).catch(() => '');
          entries.push({ path: f.path, type: 'symlink', size: target.length, linkTarget: target });
        } else if (f.dirent.isFile()) {
          const st = await fs.stat(path.join(root, f.path)).catch(() => undefined);
          entries.push({ path: f.path, type: 'file', size: st?.size ?? 0 });
        }
      }
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
