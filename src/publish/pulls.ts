/**
 * The pull request a workflow_run belongs to. GitHub leaves `workflow_run.pull_requests` empty when
 * the head is in a fork (a known behaviour), so the fork recipe's publishing half looks it up by
 * the head repository's owner and branch, and accepts only a pull request whose head is exactly
 * the commit that was measured. GitHub I/O only.
 */
import type { GitHub } from './client.js';

export interface RunHead {
  sha: string;
  /** `workflow_run.head_repository.owner.login` (the fork's owner). */
  owner?: string;
  /** `workflow_run.head_branch`. */
  branch?: string;
}

type Pull = { number: number; head?: { sha?: string } };

export async function findPullRequest(gh: GitHub, owner: string, repo: string, head: RunHead): Promise<number | undefined> {
  if (!/^[0-9a-f]{40}$/.test(head.sha)) return undefined;
  const match = (list: Pull[]) => list.find((p) => p.head?.sha === head.sha)?.number;
  if (head.owner && head.branch) {
    const r = await gh.rest.pulls.list({ owner, repo, state: 'open', head: `${head.owner}:${head.branch}`, per_page: 100 });
    const n = match(r.data as Pull[]);
    if (n !== undefined) return n;
  }
  // Without a branch to filter by (or a renamed one): the open pull requests, newest first, a few pages.
  for (let page = 1; page <= 3; page++) {
    const r = await gh.rest.pulls.list({ owner, repo, state: 'open', sort: 'updated', direction: 'desc', per_page: 100, page });
    const list = r.data as Pull[];
    const n = match(list);
    if (n !== undefined || list.length < 100) return n;
  }
  return undefined;
}
