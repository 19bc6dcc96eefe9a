import { UserError } from '../errors.js';
import { parseAgents } from '../config/load.js';
import { AGENT_IDS, type AgentId } from '../model/agents.js';

/** Every input of action.yml, read in one place into one typed object (actions/checkout's habit). */
export interface ActionOptions {
  token: string;
  /** Repository directory inside the workspace. */
  path: string;
  config: string;
  failOn: 'error' | 'warn' | 'never';
  comment: 'always' | 'changed' | 'never';
  commentKey: string;
  commentAuthor: string;
  checkRun: boolean;
  checkName: string;
  /** Post the optimizer's edits on lines the pull request added as GitHub suggestions (true by default). */
  suggestions: boolean;
  mode: 'auto' | 'pull-request' | 'roadmap';
  baseRef: string;
  headRef: string;
  /** `claude-code[@VERSION]`: also run the real Claude Code on both sides (off by default). */
  measure: string;
  measureRounds: number;
  /** Deadline for all GitHub publishing; past it the verdict still reaches the exit code, the summary and the log. */
  publishTimeoutSeconds: number;
  /** Model whose window and listing budget apply (config model.id; default Claude Code's default model). */
  model: string;
  contextWindow: number | undefined;
  charsPerToken: number | undefined;
  outputDir: string;
  cacheDir: string;
  publishReport: string;
  prNumber: number | undefined;
  roadmapLabel: string;
  roadmapTitle: string;
  historyLimit: number;
  anthropicApiKey: string;
  anthropicModel: string;
  /** A pull request label with which a maintainer accepts the pull request's own budget config ("" for none). */
  acceptConfigLabel: string;
  /** The HTML report: uploaded as a workflow artifact and linked (upload), only written to output-dir (file), or not made (off). */
  htmlReport: 'upload' | 'file' | 'off';
  /** Other agents to measure too (input agents: ids or "all"). */
  agents: AgentId[];
}

export type GetInput = (name: string) => string;

function oneOf<T extends string>(get: GetInput, name: string, allowed: readonly T[], def: T): T {
  const v = get(name).trim() || def;
  if (!allowed.includes(v as T)) throw new UserError(`Input "${name}": expected one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

function bool(get: GetInput, name: string, def: boolean): boolean {
  const v = get(name).trim().toLowerCase();
  if (!v) return def;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new UserError(`Input "${name}": expected true or false, got "${v}"`);
}

function num(get: GetInput, name: string, min: number): number | undefined {
  const v = get(name).trim();
  if (!v) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new UserError(`Input "${name}": expected a number >= ${min}, got "${v}"`);
  return n;
}

function agentsInput(v: string): AgentId[] {
  const ids = v
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (!ids.length) return [];
  try {
    return parseAgents(ids.includes('all') ? 'all' : ids, 'input', 'agents');
  } catch {
    throw new UserError(`Input "agents": expected "all" or a list of ${AGENT_IDS.join(', ')}, got "${v.trim()}"`);
  }
}

export function readOptions(get: GetInput, env: NodeJS.ProcessEnv): ActionOptions {
  const temp = env.RUNNER_TEMP || '/tmp';
  const comment = get('comment').trim().toLowerCase();
  return {
    token: get('github-token').trim(),
    path: get('path').trim() || '.',
    config: get('config').trim(),
    failOn: oneOf(get, 'fail-on', ['error', 'warn', 'never'] as const, 'error'),
    comment: comment === 'true' ? 'always' : comment === 'false' ? 'never' : oneOf(get, 'comment', ['always', 'changed', 'never'] as const, 'changed'),
    commentKey: (get('comment-key').trim() || 'default').replace(/[^A-Za-z0-9_.-]/g, '_'),
    commentAuthor: get('comment-author').trim(),
    checkRun: bool(get, 'check-run', true),
    checkName: get('check-name').trim() || 'context-budget',
    suggestions: bool(get, 'suggestions', true),
    mode: oneOf(get, 'mode', ['auto', 'pull-request', 'roadmap'] as const, 'auto'),
    baseRef: get('base').trim(),
    headRef: get('head').trim(),
    model: get('model').trim(),
    contextWindow: num(get, 'context-window', 1000),
    charsPerToken: num(get, 'chars-per-token', 1),
    outputDir: get('output-dir').trim() || `${temp}/context-budget`,
    cacheDir: get('cache-dir').trim() || `${temp}/context-budget-cache`,
    publishReport: get('publish-report').trim(),
    prNumber: num(get, 'pr-number', 1),
    roadmapLabel: get('roadmap-label').trim() || 'context-budget',
    roadmapTitle: get('roadmap-title').trim() || 'Context budget roadmap',
    historyLimit: num(get, 'history-limit', 1) ?? 52,
    anthropicApiKey: get('anthropic-api-key').trim(),
    publishTimeoutSeconds: num(get, 'publish-timeout', 1) ?? 300,
    measure: get('measure').trim(),
    measureRounds: num(get, 'measure-rounds', 1) ?? 3,
    anthropicModel: get('anthropic-model').trim() || 'claude-sonnet-4-5',
    acceptConfigLabel: get('accept-config-label').trim() || 'context-budget-accept-config',
    htmlReport: oneOf(get, 'html-report', ['upload', 'file', 'off'] as const, 'upload'),
    agents: agentsInput(get('agents')),
  };
}
