import { git } from '../collect/git.js';
import type { Logger } from '../logger.js';

export interface ComparedCommits {
  base: string;
  head: string;
  /** How they were chosen, for the log and the comment. */
  how: string;
}

async function has(repo: string, sha: string): Promise<boolean> {
  try {
    await git(repo, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

async function isShallow(repo: string): Promise<boolean> {
  return (await git(repo, ['rev-parse', '--is-shallow-repository'])).toString().trim() === 'true';
}

async function fetchShas(repo: string, shas: string[], log: Logger, depth = 1): Promise<void> {
  const missing: string[] = [];
  for (const s of shas) if (!(await has(repo, s))) missing.push(s);
  if (!missing.length) return;
  log.info(`Fetching ${missing.map((s) => s.slice(0, 12)).join(', ')} (not in this checkout: usual with the default fetch-depth: 1); nothing else is fetched.`);
  await git(repo, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--no-recurse-submodules', `--depth=${depth}`, 'origin', ...missing]);
}

/** Parents of a commit, read from the commit object itself (a shallow clone hides them from rev-list). */
async function parents(repo: string, sha: string): Promise<string[]> {
  const text = (await git(repo, ['cat-file', 'commit', sha])).toString('utf8');
  const header = text.slice(0, text.indexOf('\n\n'));
  return header
    .split('\n')
    .filter((l) => l.startsWith('parent '))
    .map((l) => l.slice('parent '.length).trim());
}

/**
 * The commits that isolate what the pull request itself changes:
 * 1. the merge commit GitHub checks out for pull_request (refs/pull/N/merge) against its first
 *    parent, the base tip it was merged onto; else
 * 2. the merge-base of base and head against head, deepening a shallow clone only as far as needed.
 * Commits that landed on the base branch meanwhile never count as this pull request's change.
 */
export async function resolveCompared(repo: string, pr: { baseSha: string; headSha: string; mergeSha?: string }, log: Logger): Promise<ComparedCommits> {
  if (pr.mergeSha && (await has(repo, pr.mergeSha))) {
    const ps = await parents(repo, pr.mergeSha).catch(() => [] as string[]);
    if (ps.length === 2 && ps[1] === pr.headSha) {
      // A shallow checkout of the merge commit lacks its first parent: fetch just that commit.
      await fetchShas(repo, [ps[0]!], log);
      return {
        base: ps[0]!,
        head: pr.mergeSha,
        how: `base tip ${ps[0]!.slice(0, 7)} against the merge commit ${pr.mergeSha.slice(0, 7)} (what the pull request adds to the current base)`,
      };
    }
  }
  await fetchShas(repo, [pr.baseSha, pr.headSha], log);
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      const mb = (await git(repo, ['merge-base', pr.baseSha, pr.headSha])).toString().trim();
      if (mb)
        return {
          base: mb,
          head: pr.headSha,
          how: `merge-base ${mb.slice(0, 7)} against head ${pr.headSha.slice(0, 7)} (commits that landed on the base branch meanwhile are excluded)`,
        };
    } catch {
      // not found yet
    }
    if (!(await isShallow(repo))) break;
    const deepen = 50 * 2 ** attempt;
    log.info(`Merge-base of ${pr.baseSha.slice(0, 7)} and ${pr.headSha.slice(0, 7)} is not in the shallow history yet: deepening by ${deepen} commits.`);
    await git(repo, ['fetch', '--no-tags', '--no-recurse-submodules', `--deepen=${deepen}`, 'origin', pr.baseSha, pr.headSha]);
  }
  log.warning(
    `No merge-base of ${pr.baseSha.slice(0, 7)} and ${pr.headSha.slice(0, 7)} was found: comparing the base tip directly (changes on the base branch may show up).`,
  );
  return { base: pr.baseSha, head: pr.headSha, how: `base ${pr.baseSha.slice(0, 7)} against head ${pr.headSha.slice(0, 7)} (no merge-base found)` };
}
