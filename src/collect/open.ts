import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { git, gitSource } from './git.js';
import type { FrameworkSource } from './types.js';
import { worktreeSource } from './worktree.js';

const tops = new Map<string, Promise<string | null>>();

/** Top of the git repository containing dir, or null when dir is not in one (asked of git once per directory: both sides of a diff share it). */
export function repoTop(dir: string): Promise<string | null> {
  let top = tops.get(dir);
  if (!top) {
    top = git(dir, ['rev-parse', '--show-toplevel']).then(
      (out) => out.toString('utf8').trim(),
      () => (tops.delete(dir), null), // not a repository (yet): asked again next time
    );
    tops.set(dir, top);
  }
  return top;
}

/** A directory's working tree, or one commit of the repository it belongs to. */
export async function openSource(dir: string, ref?: string): Promise<FrameworkSource> {
  const abs = path.resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UserError(`Not a directory: ${dir}`);
  if (ref === undefined) return worktreeSource(abs);
  const top = await repoTop(abs);
  if (!top) throw new UserError(`"${ref}" is not a directory or snapshot file, and as a git revision it needs a git repository: ${dir} is not in one`);
  try {
    return await gitSource(top, ref);
  } catch (e) {
    // After a shallow clone (actions/checkout's default depth 1) older commits are simply absent.
    const shallow = await git(top, ['rev-parse', '--is-shallow-repository']).then(
      (b) => b.toString().trim() === 'true',
      () => false,
    );
    throw new UserError(
      shallow
        ? `${(e as Error).message}. ${top} is a shallow clone: fetch the commit (git fetch --deepen=50 origin, or git fetch origin ${ref}) or clone with more history`
        : (e as Error).message,
    );
  }
}
