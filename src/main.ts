import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { publishOnly, pullRequest, roadmap, type ActionIO, type Ctx } from './action/gate.js';
import { readOptions } from './action/options.js';
import { errorMessage, UserError } from './errors.js';
import type { Logger } from './logger.js';
import { createClient } from './publish/client.js';
import { logSafe } from './render/escape.js';

const coreLogger: Logger = {
  info: (m) => core.info(logSafe(m)),
  warning: (m, w) => core.warning(logSafe(m), w ? { file: w.file, startLine: w.line, title: w.title } : undefined),
  error: (m, w) => core.error(logSafe(m), w ? { file: w.file, startLine: w.line, title: w.title } : undefined),
  debug: (m) => core.debug(logSafe(m)),
};

/** The Action: thin. Reads inputs and the event, runs the same pipeline as the CLI, publishes. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = coreLogger;
  try {
    const opts = readOptions((n) => core.getInput(n), env);
    if (opts.token) core.setSecret(opts.token);
    if (opts.anthropicApiKey) core.setSecret(opts.anthropicApiKey);
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) throw new UserError('GITHUB_REPOSITORY is not set: run this inside GitHub Actions (or use the CLI)');
    const payload = env.GITHUB_EVENT_PATH ? (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, any>) : {};
    const workspace = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), opts.path);
    const deadline = new AbortController();
    const gh = opts.token
      ? createClient({
          token: opts.token,
          deadline: deadline.signal,
          baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
          log,
          retryBaseMs: env.CONTEXT_BUDGET_RETRY_BASE_MS ? Number(env.CONTEXT_BUDGET_RETRY_BASE_MS) : undefined,
          timeoutMs: env.CONTEXT_BUDGET_HTTP_TIMEOUT_MS ? Number(env.CONTEXT_BUDGET_HTTP_TIMEOUT_MS) : undefined,
          onUnreachable: (why) => {
            if (!deadline.signal.aborted)
              deadline.abort(new Error(`the GitHub API can't be reached (${why}): publishing stopped, not retried until publish-timeout`));
          },
        })
      : null;
    const io: ActionIO = {
      setOutput: (k, v) => core.setOutput(k, v),
      summary: async (markdown) => void (await core.summary.addRaw(markdown).write()),
      setFailed: (m) => core.setFailed(m),
      now: () => new Date(),
      uploadArtifact: async (file) => {
        // Loaded only to upload: the artifact client (Azure's blob SDK, zip) adds 0.3 s and 19 MB to a start-up that does not use it.
        const { DefaultArtifactClient } = await import('@actions/artifact');
        const r = await new DefaultArtifactClient().uploadArtifact(path.basename(file), [file], path.dirname(file), { skipArchive: true });
        if (r.id === undefined) throw new Error('the artifact service gave no artifact id');
        return { id: r.id };
      },
    };
    const ctx: Ctx = { io, deadline, opts, log, env, owner, repo, workspace, gh, payload };
    const event = env.GITHUB_EVENT_NAME ?? '';
    const mode = opts.publishReport ? 'publish' : opts.mode !== 'auto' ? opts.mode : event.startsWith('pull_request') ? 'pull-request' : 'roadmap';
    core.setOutput('mode', mode);
    if (mode === 'publish') return await publishOnly(ctx);
    if (mode === 'pull-request') return await pullRequest(ctx, event);
    return await roadmap(ctx);
  } catch (e) {
    if (e instanceof UserError) core.setFailed(e.message);
    else {
      core.debug(e instanceof Error && e.stack ? e.stack : String(e));
      core.setFailed(`context-budget failed: ${errorMessage(e)}`);
    }
  }
}
