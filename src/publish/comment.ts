import { answered } from './check.js';
import { MARKER_PREFIX } from '../render/comment.js';
import type { GitHub } from './client.js';

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  /** Logins whose comments we may update (our own bot or token user). */
  authors: string[];
}

export interface CommentResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  id?: number;
  url?: string;
}

type IssueComment = { id: number; body?: string | null; user: { login: string } | null; html_url: string };

/** Our comments on the issue: our marker on the first line AND one of our authors; every page is read. */
export async function findOurComments(gh: GitHub, t: CommentTarget): Promise<IssueComment[]> {
  const all = (await gh.paginate(gh.rest.issues.listComments, { owner: t.owner, repo: t.repo, issue_number: t.issueNumber, per_page: 100 })) as IssueComment[];
  return all.filter((c) => (c.body ?? '').startsWith(t.marker) && c.user !== null && t.authors.includes(c.user.login)).sort((a, b) => a.id - b.id);
}

/**
 * One sticky comment: update ours in place, or create it. After creating, look again: if a
 * concurrent run also created one, keep the oldest and delete the rest, so one comment remains.
 */
export async function upsertComment(gh: GitHub, t: CommentTarget, body: string, onlyIfExists = false): Promise<CommentResult> {
  if (!body.startsWith(t.marker) || !t.marker.startsWith(MARKER_PREFIX)) throw new Error('comment body must start with its marker');
  const ours = await findOurComments(gh, t);
  const existing = ours[0];
  if (existing) {
    for (const extra of ours.slice(1)) await gh.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: extra.id }).catch(() => undefined);
    if (existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.html_url };
    const r = await gh.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: existing.id, body });
    return {
      action: 'updated',
      id: answered(r.data, 'id', 'number', 'updating the comment'),
      url: answered(r.data, 'html_url', 'string', 'updating the comment'),
    };
  }
  if (onlyIfExists) return { action: 'skipped' };
  const created = await gh.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, body });
  const after = await findOurComments(gh, t);
  if (after.length > 1) {
    const keep = after[0]!;
    for (const extra of after.slice(1)) await gh.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: extra.id }).catch(() => undefined);
    if (keep.id !== created.data.id) {
      const r = await gh.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: keep.id, body });
      return {
        action: 'updated',
        id: answered(r.data, 'id', 'number', 'updating the comment'),
        url: answered(r.data, 'html_url', 'string', 'updating the comment'),
      };
    }
  }
  return {
    action: 'created',
    id: answered(created.data, 'id', 'number', 'creating the comment'),
    url: answered(created.data, 'html_url', 'string', 'creating the comment'),
  };
}
