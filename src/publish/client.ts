import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../logger.js';

const Client = Octokit.plugin(retry, throttling);
export type GitHub = InstanceType<typeof Client>;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  log: Logger;
  /** Base of retry waits in ms (1,000 in production: retry-after seconds x this). */
  retryBaseMs?: number;
  /** Per-request timeout; a timed-out request is retried like a 5xx. */
  timeoutMs?: number;
  /** Aborts every request in flight when publishing's deadline passes. */
  deadline?: AbortSignal;
  /**
   * Called once when the API can't be reached at all (connection refused, no such host, no route):
   * retrying that for the whole publish-timeout helps nobody, so the caller stops publishing.
   */
  onUnreachable?: (why: string) => void;
}

/** Connection-level failures: the API is not there, whatever is retried. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

export const REQUEST_TIMEOUT_MS = 30_000;
/** Longest wait for a rate limit: a reset an hour ahead is not waited for (the report is in the summary and the log). */
export const MAX_RETRY_WAIT_S = 60;

/** Octokit with retries (5xx) and throttling (primary and secondary rate limits, retry-after honoured). */
export function createClient(o: ClientOptions): GitHub {
  const base = o.retryBaseMs ?? 1000;
  return new Client({
    auth: o.token,
    baseUrl: o.baseUrl,
    userAgent: 'context-budget',
    request: {
      // Octokit's fetch has no timeout of its own: each request gets one.
      fetch: (url: string | URL, init: RequestInit = {}) =>
        fetch(url, {
          ...init,
          signal: AbortSignal.any([init.signal ?? AbortSignal.timeout(o.timeoutMs ?? REQUEST_TIMEOUT_MS), ...(o.deadline ? [o.deadline] : [])]),
        }).catch((e: unknown) => {
          const cause = (e as { cause?: { code?: unknown; message?: unknown } })?.cause;
          const code = typeof cause?.code === 'string' ? cause.code : '';
          if (UNREACHABLE.has(code)) o.onUnreachable?.(`${code} from ${new URL(String(url)).host}`);
          throw e;
        }),
    },
    log: { debug: () => undefined, info: () => undefined, warn: (m: string) => o.log.debug(m), error: (m: string) => o.log.debug(m) },
    retry: { retryAfterBaseValue: base, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    throttle: {
      retryAfterBaseValue: base,
      onRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, count: number) =>
        retryDecision(o.log, 'rate limit', after, options, count, o.deadline),
      onSecondaryRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, count: number) =>
        retryDecision(o.log, 'secondary rate limit', after, options, count, o.deadline),
    },
  });
}

/** Retry a rate-limited request at most twice, and only when the wait is short and the deadline not passed. */
export function retryDecision(
  log: Logger,
  what: string,
  after: number,
  options: { method: string; url: string },
  count: number,
  deadline?: AbortSignal,
): boolean {
  if (deadline?.aborted) return false;
  if (after > MAX_RETRY_WAIT_S) {
    log.info(`GitHub ${what} on ${options.method} ${options.url}: resets in ${after}s, more than ${MAX_RETRY_WAIT_S}s: not waiting`);
    return false;
  }
  log.info(`GitHub ${what} on ${options.method} ${options.url}: retrying after ${after}s (attempt ${count + 1})`);
  return count < 2;
}

/** HTTP status of an Octokit error, or 0. */
export function statusOf(e: unknown): number {
  return typeof e === 'object' && e !== null && 'status' in e && typeof (e as { status: unknown }).status === 'number' ? (e as { status: number }).status : 0;
}

/** A one-line explanation of a failed GitHub call, naming the permission when that is the cause. */
export function explain(e: unknown, what: string, permission: string): string {
  const s = statusOf(e);
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (s === 401) return `${what} failed: the token is invalid or expired (401).`;
  if (s === 403)
    return `${what} failed: the token lacks "${permission}" (403; read-only on fork pull requests). Grant it in the workflow's permissions: block, or use the workflow_run recipe in the README.`;
  if (s === 404) return `${what} failed: not found (404): the pull request or repository is gone, or the token can't see it.`;
  if (s === 422) return `${what} failed: GitHub rejected the request (422): ${msg}`;
  return `${what} failed${s ? ` (${s})` : ''}: ${msg}`;
}
