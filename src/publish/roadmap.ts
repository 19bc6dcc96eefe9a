import type { GitHub } from './client.js';
import { answered } from './check.js';
import { statusOf } from './client.js';

export interface RoadmapTarget {
  owner: string;
  repo: string;
  label: string;
  title: string;
  marker: string;
  authors: string[];
}

type Issue = { number: number; body?: string | null; user: { login: string } | null; html_url: string; pull_request?: unknown };

/** Our open roadmap issue: found by label and marker, written by one of our authors. */
export async function findRoadmapIssue(gh: GitHub, t: RoadmapTarget): Promise<Issue | undefined> {
  const issues = (await gh.paginate(gh.rest.issues.listForRepo, { owner: t.owner, repo: t.repo, labels: t.label, state: 'open', per_page: 100 })) as Issue[];
  return issues
    .filter((i) => !i.pull_request && (i.body ?? '').startsWith(t.marker) && i.user !== null && t.authors.includes(i.user.login))
    .sort((a, b) => a.number - b.number)[0];
}

export async function ensureLabel(gh: GitHub, t: RoadmapTarget): Promise<void> {
  try {
    await gh.rest.issues.getLabel({ owner: t.owner, repo: t.repo, name: t.label });
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
    try {
      await gh.rest.issues.createLabel({
        owner: t.owner,
        repo: t.repo,
        name: t.label,
        color: '5319e7',
        description: 'Context budget roadmap (context-budget)',
      });
    } catch (e2) {
      if (statusOf(e2) !== 422) throw e2; // created meanwhile
    }
  }
}

export async function upsertRoadmap(
  gh: GitHub,
  t: RoadmapTarget,
  body: string,
  existing?: Issue,
): Promise<{ action: 'created' | 'updated'; number: number; url: string }> {
  if (existing) {
    const r = await gh.rest.issues.update({ owner: t.owner, repo: t.repo, issue_number: existing.number, body });
    return {
      action: 'updated',
      number: answered(r.data, 'number', 'number', 'updating the roadmap issue'),
      url: answered(r.data, 'html_url', 'string', 'updating the roadmap issue'),
    };
  }
  await ensureLabel(gh, t);
  const r = await gh.rest.issues.create({ owner: t.owner, repo: t.repo, title: t.title, body, labels: [t.label] });
  return {
    action: 'created',
    number: answered(r.data, 'number', 'number', 'creating the roadmap issue'),
    url: answered(r.data, 'html_url', 'string', 'creating the roadmap issue'),
  };
}
