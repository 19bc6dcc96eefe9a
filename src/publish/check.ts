import type { Verdict } from '../model/report.js';
import type { Annotation } from '../render/annotations.js';
import type { GitHub } from './client.js';

/** GitHub accepts at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Check run output.summary and output.text are limited to 65,535 characters. */
export const CHECK_TEXT_LIMIT = 65_535;

export interface CheckInput {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  verdict: Verdict;
  /** Measured by an untrusted run (publish-report): a pass is published as neutral, never success. */
  untrusted?: boolean;
  title: string;
  summary: string;
  annotations: Annotation[];
  detailsUrl?: string;
}

export function conclusion(v: Verdict, untrusted = false): 'success' | 'neutral' | 'failure' {
  return v === 'fail' ? 'failure' : v === 'warn' || untrusted ? 'neutral' : 'success';
}

const clip = (s: string) =>
  s.length > CHECK_TEXT_LIMIT ? s.slice(0, CHECK_TEXT_LIMIT - 80).replace(/\n[^\n]*$/, '') + '\n\n_Truncated: the full report is in the job summary._' : s;

/** A field of GitHub's answer, checked: a malformed answer is an error, never "check run undefined". */
export function answered<T extends 'number' | 'string'>(data: unknown, key: string, type: T, what: string): T extends 'number' ? number : string {
  const v = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  if (typeof v !== type) throw new Error(`GitHub's answer to ${what} has no ${key} (malformed response)`);
  return v as T extends 'number' ? number : string;
}

/**
 * Creates a completed check run; annotations go in batches of 50 (first with the create, the rest by
 * update). A failing update after the create is returned as `annotationError` with what was sent:
 * the check run exists, and the log must not say otherwise.
 */
export async function publishCheck(
  gh: GitHub,
  c: CheckInput,
  /** Called once the check run exists, before its other annotations are sent (a deadline may end the rest). */
  onCreated: (id: number) => void = () => undefined,
): Promise<{ id: number; url: string; annotations: number; annotationError?: unknown }> {
  const batches: Annotation[][] = [];
  for (let i = 0; i < c.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(c.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const output = (annotations: Annotation[]) => ({ title: c.title.slice(0, 255), summary: clip(c.summary), ...(annotations.length ? { annotations } : {}) });
  const created = await gh.rest.checks.create({
    owner: c.owner,
    repo: c.repo,
    name: c.name,
    head_sha: c.headSha,
    status: 'completed',
    conclusion: conclusion(c.verdict, c.untrusted),
    completed_at: new Date().toISOString(),
    output: output(batches[0] ?? []),
    ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
  });
  const id = answered(created.data, 'id', 'number', 'creating the check run');
  onCreated(id);
  let sent = batches[0]?.length ?? 0;
  for (const batch of batches.slice(1)) {
    try {
      await gh.rest.checks.update({ owner: c.owner, repo: c.repo, check_run_id: id, output: output(batch) });
    } catch (e) {
      return { id, url: created.data.html_url ?? '', annotations: sent, annotationError: e };
    }
    sent += batch.length;
  }
  return { id, url: created.data.html_url ?? '', annotations: sent };
}
