import type { SuggestedEdit } from '../model/report.js';
import { SUGGESTION_MARKER, suggestionMarker } from '../optimize/suggest.js';
import { renderSuggestion } from '../render/suggestion.js';
import type { GitHub } from './client.js';

export interface ReviewTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head commit the suggestions' lines belong to. */
  commitId: string;
  /** Logins whose review comments are ours. */
  authors: string[];
}

/**
 * Posts the suggestions as one review (event COMMENT) on the pull request's head commit, leaving
 * out those one of our earlier runs already posted (their marker is in one of our review comments).
 * Gives how many were posted.
 */
export async function postSuggestions(gh: GitHub, t: ReviewTarget, suggestions: readonly SuggestedEdit[]): Promise<{ posted: number; already: number }> {
  if (!suggestions.length) return { posted: 0, already: 0 };
  const existing = (await gh.paginate(gh.rest.pulls.listReviewComments, { owner: t.owner, repo: t.repo, pull_number: t.pullNumber, per_page: 100 })) as {
    body?: string;
    user: { login: string } | null;
  }[];
  const ours = new Set(
    existing
      .filter((c) => c.user && t.authors.includes(c.user.login))
      .map((c) => (c.body ?? '').split('\n')[0]!)
      .filter((first) => first.startsWith(SUGGESTION_MARKER)),
  );
  const fresh = suggestions.filter((s) => !ours.has(suggestionMarker(s.stepId)));
  if (!fresh.length) return { posted: 0, already: suggestions.length };
  await gh.rest.pulls.createReview({
    owner: t.owner,
    repo: t.repo,
    pull_number: t.pullNumber,
    commit_id: t.commitId,
    event: 'COMMENT',
    body: `context-budget: ${fresh.length} suggested edit${fresh.length === 1 ? '' : 's'} that take text this pull request adds out of what every session loads. Each can be committed from here; the sticky comment has the figures.`,
    comments: fresh.map((s) => ({
      path: s.path,
      line: s.line,
      side: 'RIGHT' as const,
      ...(s.startLine < s.line ? { start_line: s.startLine, start_side: 'RIGHT' as const } : {}),
      body: renderSuggestion(s),
    })),
  });
  return { posted: fresh.length, already: suggestions.length - fresh.length };
}
