import { lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { git } from './git.js';

/** A file the optimizer would not write, and why. */
export interface Skipped {
  path: string;
  why: string;
}

/**
 * Why a repository-relative path may not be written under root: outside it, or through a symbolic
 * link (a link in the tree may point anywhere: the optimizer edits the tree's own files only).
 */
export function unsafeWrite(root: string, rel: string): string | null {
  if (!rel || path.isAbsolute(rel) || rel.split('/').some((p) => p === '..' || p === '' || p === '.')) return 'not a plain path inside the repository';
  let at = root;
  for (const part of rel.split('/')) {
    at = path.join(at, part);
    try {
      if (lstatSync(at).isSymbolicLink()) return `${path.relative(root, at)} is a symbolic link`;
    } catch {
      return null; // from here on nothing exists: created as plain folders and files
    }
  }
  return null;
}

/**
 * Writes the files (null: deletes), creating folders; when any path may not be written, nothing is
 * written and those paths are returned with why.
 */
export function writeFiles(root: string, files: ReadonlyMap<string, string | null>): { written: string[]; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  for (const rel of files.keys()) {
    const why = unsafeWrite(root, rel);
    if (why) skipped.push({ path: rel, why });
  }
  if (skipped.length) return { written: [], skipped };
  const written: string[] = [];
  for (const [rel, text] of files) {
    const abs = path.join(root, rel);
    if (text === null) rmSync(abs, { force: true });
    else {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
    written.push(rel);
  }
  return { written, skipped };
}

/**
 * Whether the working tree has changes git would show (`git status --porcelain`), or null when dir
 * is not in a git repository.
 */
export async function dirtyFiles(dir: string): Promise<string[] | null> {
  try {
    const out = await git(dir, ['status', '--porcelain', '--untracked-files=all', '--', '.']);
    return out
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
  } catch {
    return null;
  }
}
