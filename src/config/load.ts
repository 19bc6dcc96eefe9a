import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { UserError } from '../errors.js';
import type { ConfigReview } from '../model/report.js';
import { DEFAULT_LIMITS, DEFAULT_MODEL, modelFor, type Limits, type LoadingModel } from '../model/constants.js';
import { isKnownModel, knownModels } from '../model/profiles.js';
import {
  AGENT_METRICS,
  isAgentMetric,
  METRICS,
  SCOPE_TYPES,
  SCOPED_METRICS,
  type Assertion,
  type Level,
  type Metric,
  type Operator,
  type Scope,
} from '../model/budgets.js';
import { AGENT_IDS, AGENT_PROFILES, isAgentId, type AgentId } from '../model/agents.js';

export const DEFAULT_CONFIG_PATHS = ['.github/context-budget.yml', '.github/context-budget.yaml', '.github/context-budget.json'];

export interface Config {
  /** Where it came from ("defaults" when there is no file). */
  file: string;
  model: LoadingModel;
  limits: Limits;
  installedPlugins: 'all' | 'none' | string[];
  /** Listing limits judged on all plugins together, or on the project + each plugin alone ("auto": per plugin when there is a marketplace). */
  listingScope: 'auto' | 'installed' | 'per-plugin';
  /** A folder of the repository that users install as ~/.claude: measured at user scope. */
  userScope?: string;
  /** Globs of paths that are content, not framework (a template catalog): left out of the analysis as if absent. */
  ignore: string[];
  assertions: Assertion[];
  /** Recommendations below this eager-token saving are dropped from the report. */
  minSaving: number;
  /** Other agents whose loading is measured and budgeted too (Claude Code always is). */
  agents: AgentId[];
  /** On a pull request: what the head's config changed and what of it was not applied (config/review.ts). */
  review?: ConfigReview;
}

/** A config mistake: names the file, the key and what was expected. */
export class ConfigError extends UserError {
  constructor(file: string, key: string, expected: string, got?: unknown) {
    super(`${file}: ${key}: expected ${expected}${got !== undefined ? `, got ${describe(got)}` : ''}`);
    this.name = 'ConfigError';
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  return String(v);
}

/** The defaults that are right for everyone: Claude Code's own limits, plus a warning on any eager increase. */
/** Always-loaded growth (tokens) that the default eager-increase budget lets pass quietly. */
export const EAGER_INCREASE_QUIET_TOKENS = 250;

export function defaultAssertions(): Assertion[] {
  const total: Scope = { type: 'total' };
  const a = (id: string, metric: Metric, operator: Operator, threshold: number, level: Level, hardLimit = true, extra: Partial<Assertion> = {}): Assertion => ({
    id,
    metric,
    scope: total,
    operator,
    threshold,
    level,
    hardLimit,
    source: 'default',
    ...extra,
  });
  return [
    a('skill-listing-budget', 'skillListingTruncated', 'max', 0, 'error'),
    a('memory-file-size', 'memoryFileMaxChars', 'max', -1, 'error'),
    a('agent-listing-size', 'agentListingTokens', 'max', -1, 'error'),
    a('import-depth', 'importsPastDepthLimit', 'max', 0, 'error'),
    a('import-cycles', 'cycles', 'max', 0, 'error'),
    // Growth below this is reported but does not warn: about one paragraph of prose, 0.1% of a 200K
    // window. Smaller changes are routine edits; a budget in the config can make it stricter.
    a('eager-increase', 'eagerTokens', 'maxIncrease', EAGER_INCREASE_QUIET_TOKENS, 'warn', false),
    // A head that can't be fully measured (unreadable files, a limit of the run reached) can't pass.
    a('measurable', 'unmeasured', 'max', 0, 'error', false),
    // No timed budget by default: the same commits must give the same verdict. Timing is opt-in
    // (a loadTimeRatio budget) and then decides only when its interval clears the threshold.
  ];
}

/** Thresholds of -1 in the defaults follow the model (so overriding a model constant moves them). */
export function resolveDefaults(assertions: Assertion[], model: LoadingModel): Assertion[] {
  return assertions.map((x) => {
    if (x.threshold !== -1) return x;
    if (x.metric === 'agentListingTokens') return { ...x, threshold: model.agentListingWarnTokens };
    if (x.metric === 'memoryFileMaxChars')
      return { ...x, threshold: Math.max(model.memoryFileMinWarnChars, Math.round(model.contextWindow * model.memoryFileWindowShare * model.charsPerToken)) };
    return x;
  });
}

export function findConfig(dir: string, explicit?: string): string | null {
  if (explicit) {
    const p = path.resolve(dir, explicit);
    if (!existsSync(p)) throw new UserError(`Config file not found: ${explicit}`);
    return p;
  }
  for (const c of DEFAULT_CONFIG_PATHS) if (existsSync(path.join(dir, c))) return path.join(dir, c);
  return null;
}

export function loadConfig(dir: string, explicit?: string, overrides: Partial<LoadingModel> = {}): Config {
  const file = findConfig(dir, explicit);
  if (!file) return normalizeConfig({}, 'defaults', overrides);
  return parseConfigText(readFileSync(file, 'utf8'), path.relative(dir, file) || file, overrides);
}

export function parseConfigText(text: string, file: string, overrides: Partial<LoadingModel> = {}): Config {
  let raw: unknown;
  if (file.endsWith('.json')) {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new UserError(`${file}: invalid JSON: ${(e as Error).message}`);
    }
  } else {
    const doc = parseDocument(text, { prettyErrors: false });
    const err = doc.errors[0];
    if (err) throw new UserError(`${file}:${err.linePos?.[0].line ?? 1}: invalid YAML: ${err.message.split('\n')[0]}`);
    raw = doc.toJS({ maxAliasCount: 50 });
  }
  return normalizeConfig(raw ?? {}, file, overrides);
}

export const TOP_KEYS = ['$schema', 'model', 'limits', 'installedPlugins', 'listingScope', 'userScope', 'ignore', 'agents', 'budgets', 'defaults', 'minSaving'];

/** Ids of the defaults every enabled agent gets (one budget per agent: `<id>:<agent>`). */
export const AGENT_DEFAULT_IDS = ['agent-instructions-cut', 'agent-listing'] as const;

/** Where another agent silently drops text: its instruction cap, its listing budget. */
export function agentDefaultAssertions(agents: readonly AgentId[]): Assertion[] {
  return agents.flatMap((id) => {
    const a = (name: string, metric: Metric): Assertion => ({
      id: `${name}:${id}`,
      metric,
      scope: { type: 'agent', value: id },
      operator: 'max',
      threshold: 0,
      level: 'error',
      hardLimit: true,
      source: 'default',
    });
    const p = AGENT_PROFILES[id];
    return [
      ...(p.instructions.some((i) => i.maxBytes !== undefined) ? [a('agent-instructions-cut', 'agentDroppedChars')] : []),
      ...(p.listing.budgetChars !== undefined ? [a('agent-listing', 'agentListingNameOnly')] : []),
    ];
  });
}

/** A config with more agents turned on (--agent, the Action's `agents` input): each new one with its default budgets. */
export function withAgentIds(config: Config, ids: readonly AgentId[]): Config {
  const added = ids.filter((id) => !config.agents.includes(id));
  if (!added.length) return config;
  return { ...config, agents: [...config.agents, ...added], assertions: [...config.assertions, ...agentDefaultAssertions(added)] };
}

/** The `agents` key (or --agent): a list of agent ids, or "all". */
export function parseAgents(v: unknown, file: string, key = 'agents'): AgentId[] {
  if (v === undefined) return [];
  const list = v === 'all' ? [...AGENT_IDS] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  const bad = list?.find((x) => !isAgentId(x));
  if (!list || bad !== undefined) throw new ConfigError(file, key, `"all" or a list of ${AGENT_IDS.join(', ')}`, bad ?? v);
  return [...new Set(list as AgentId[])];
}
const BUDGET_KEYS = ['metric', 'scope', 'max', 'maxIncrease', 'maxIncreasePercent', 'level', 'noise'];
const LEVELS: Level[] = ['off', 'warn', 'error'];

export function normalizeConfig(raw: unknown, file: string, overrides: Partial<LoadingModel> = {}): Config {
  if (!isObject(raw)) throw new ConfigError(file, '(top level)', 'a mapping', raw);
  for (const k of Object.keys(raw)) if (!TOP_KEYS.includes(k)) throw new ConfigError(file, k, `one of ${TOP_KEYS.join(', ')} (unknown key)`);
  let model: LoadingModel = { ...DEFAULT_MODEL };
  const modelId = overrides.id ?? (isObject(raw.model) ? raw.model.id : undefined);
  if (modelId !== undefined) {
    if (typeof modelId !== 'string' || !/^[A-Za-z0-9._:-]+(\[1m\])?$/.test(modelId))
      throw new ConfigError(file, 'model.id', 'a model id such as claude-sonnet-4-6', modelId);
    // A typo or another vendor's model would be judged with a guessed budget: name the known ones,
    // or take an explicit window (Claude Code itself sizes an unknown model at 1M x 3).
    const explicit = overrides.contextWindow !== undefined || (isObject(raw.model) && raw.model.contextWindow !== undefined);
    if (!isKnownModel(modelId) && !explicit)
      throw new ConfigError(
        file,
        'model.id',
        `a model Claude Code ${DEFAULT_MODEL.claudeCodeVersion} knows (${knownModels().join(', ')}, or a newer claude-opus|sonnet|haiku-N-N), or set model.contextWindow and model.charsPerToken for it`,
        modelId,
      );
    model = { ...modelFor(modelId), idFrom: 'config' };
  }
  if (raw.model !== undefined) {
    if (!isObject(raw.model)) throw new ConfigError(file, 'model', 'a mapping of Claude Code constants', raw.model);
    for (const [k, v] of Object.entries(raw.model)) {
      if (k === 'id') continue;
      if (!Object.hasOwn(DEFAULT_MODEL, k) || k === 'bundledEntries' || k === 'claudeCodeVersion')
        throw new ConfigError(
          file,
          `model.${k}`,
          `one of id, ${Object.keys(DEFAULT_MODEL)
            .filter((x) => x !== 'bundledEntries' && x !== 'claudeCodeVersion' && x !== 'id')
            .join(', ')}`,
        );
      const def = (DEFAULT_MODEL as unknown as Record<string, unknown>)[k];
      if (k === 'instructionFiles') {
        if (!['claude-md-or-agents-md', 'claude-md-and-agents-md', 'claude-md', 'managed-only'].includes(v as string))
          throw new ConfigError(file, `model.${k}`, 'claude-md-or-agents-md, claude-md-and-agents-md, claude-md or managed-only', v);
      } else if (k === 'skillListingBudgetOverride') {
        if (v !== null && (typeof v !== 'number' || v < 0)) throw new ConfigError(file, `model.${k}`, 'a number >= 0 or null', v);
      } else if (typeof def === 'number' && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
        throw new ConfigError(file, `model.${k}`, 'a number >= 0', v);
      else if (typeof def === 'string' && typeof v !== 'string') throw new ConfigError(file, `model.${k}`, 'a string', v);
      (model as unknown as Record<string, unknown>)[k] = v;
    }
  }
  Object.assign(model, Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)));
  const limits: Limits = { ...DEFAULT_LIMITS };
  if (raw.limits !== undefined) {
    if (!isObject(raw.limits)) throw new ConfigError(file, 'limits', 'a mapping', raw.limits);
    for (const [k, v] of Object.entries(raw.limits)) {
      if (!Object.hasOwn(DEFAULT_LIMITS, k)) throw new ConfigError(file, `limits.${k}`, `one of ${Object.keys(DEFAULT_LIMITS).join(', ')}`);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ConfigError(file, `limits.${k}`, 'a positive integer', v);
      // Guards can be tightened, never relaxed: a pull request must not switch off what protects the run.
      const cap = (DEFAULT_LIMITS as unknown as Record<string, number>)[k]!;
      if (v > cap) throw new ConfigError(file, `limits.${k}`, `at most ${cap} (limits protect the run and can only be lowered)`, v);
      (limits as unknown as Record<string, number>)[k] = v;
    }
  }
  let installedPlugins: Config['installedPlugins'] = 'all';
  if (raw.installedPlugins !== undefined) {
    const v = raw.installedPlugins;
    if (v === 'all' || v === 'none') installedPlugins = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) installedPlugins = v as string[];
    else throw new ConfigError(file, 'installedPlugins', '"all", "none" or a list of plugin names', v);
  }
  if (raw.userScope !== undefined && (typeof raw.userScope !== 'string' || raw.userScope.trim() === ''))
    throw new ConfigError(file, 'userScope', 'a folder of the repository (installed as ~/.claude)', raw.userScope);
  const ignore = raw.ignore === undefined ? [] : raw.ignore;
  if (!Array.isArray(ignore) || !ignore.every((g) => typeof g === 'string' && g.trim() !== ''))
    throw new ConfigError(file, 'ignore', 'a list of globs (paths that are content, not framework, e.g. "templates/**")', raw.ignore);
  const listingScope = raw.listingScope === undefined ? 'auto' : raw.listingScope;
  if (!['auto', 'installed', 'per-plugin'].includes(listingScope as string))
    throw new ConfigError(file, 'listingScope', 'auto, installed or per-plugin', listingScope);
  const minSaving = raw.minSaving === undefined ? 50 : raw.minSaving;
  if (typeof minSaving !== 'number' || minSaving < 0) throw new ConfigError(file, 'minSaving', 'a number >= 0', minSaving);

  const agents = parseAgents(raw.agents, file);
  let assertions: Assertion[] = [];
  const defaults = raw.defaults === undefined ? true : raw.defaults;
  if (defaults === true) assertions = [...defaultAssertions(), ...agentDefaultAssertions(agents)];
  else if (isObject(defaults)) {
    // defaults: { skill-listing-budget: warn, eager-increase: off, ... }
    const ids = [...defaultAssertions().map((a) => a.id), ...AGENT_DEFAULT_IDS];
    assertions = [...defaultAssertions(), ...agentDefaultAssertions(agents)].map((a) => {
      const lv = defaults[a.id.split(':')[0]!];
      if (lv === undefined) return a;
      if (!LEVELS.includes(lv as Level)) throw new ConfigError(file, `defaults.${a.id}`, 'off, warn or error', lv);
      return { ...a, level: lv as Level };
    });
    for (const k of Object.keys(defaults)) if (!ids.includes(k)) throw new ConfigError(file, `defaults.${k}`, `one of ${ids.join(', ')}`);
  } else if (defaults !== false) throw new ConfigError(file, 'defaults', 'true, false, or a mapping of default id to off|warn|error', defaults);

  if (raw.budgets !== undefined) {
    if (!Array.isArray(raw.budgets)) throw new ConfigError(file, 'budgets', 'a list of assertions', raw.budgets);
    raw.budgets.forEach((b: unknown, i: number) => assertions.push(...normalizeBudget(b, `budgets[${i}]`, file)));
  }
  return {
    file,
    model,
    limits,
    installedPlugins,
    listingScope: listingScope as Config['listingScope'],
    ...(typeof raw.userScope === 'string' ? { userScope: raw.userScope } : {}),
    ignore: ignore as string[],
    assertions: resolveDefaults(assertions, model),
    minSaving,
    agents,
  };
}

function normalizeBudget(b: unknown, key: string, file: string): Assertion[] {
  if (!isObject(b)) throw new ConfigError(file, key, 'a mapping with metric, an operator (max, maxIncrease, maxIncreasePercent) and level', b);
  for (const k of Object.keys(b)) if (!BUDGET_KEYS.includes(k)) throw new ConfigError(file, `${key}.${k}`, `one of ${BUDGET_KEYS.join(', ')} (unknown key)`);
  const metric = b.metric;
  if (typeof metric !== 'string' || !METRICS.includes(metric as Metric)) throw new ConfigError(file, `${key}.metric`, `one of ${METRICS.join(', ')}`, metric);
  const scope = parseScope(b.scope, `${key}.scope`, file);
  if (isAgentMetric(metric as Metric) !== (scope.type === 'agent'))
    throw new ConfigError(
      file,
      `${key}.scope`,
      isAgentMetric(metric as Metric)
        ? `"agent:<id>" for metric ${metric} (one of ${AGENT_IDS.join(', ')})`
        : `not an agent scope for metric ${metric} (agent scopes take ${AGENT_METRICS.join(', ')})`,
      b.scope,
    );
  if (scope.type === 'agent' && !isAgentId(scope.value)) throw new ConfigError(file, `${key}.scope`, `agent:${AGENT_IDS.join('|')}`, b.scope);
  if (scope.type !== 'total' && scope.type !== 'agent' && !SCOPED_METRICS.includes(metric as (typeof SCOPED_METRICS)[number]))
    throw new ConfigError(file, `${key}.scope`, `"total" for metric ${metric} (only ${SCOPED_METRICS.join(' and ')} take a scope)`, b.scope);
  const level = b.level === undefined ? 'error' : b.level;
  if (!LEVELS.includes(level as Level)) throw new ConfigError(file, `${key}.level`, 'off, warn or error', level);
  const ops: Operator[] = ['max', 'maxIncrease', 'maxIncreasePercent'];
  const out: Assertion[] = [];
  for (const op of ops) {
    if (b[op] === undefined) continue;
    const v = b[op];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ConfigError(file, `${key}.${op}`, 'a number >= 0', v);
    out.push({
      id: `${key}.${op}`,
      metric: metric as Metric,
      scope,
      operator: op,
      threshold: v,
      level: level as Level,
      source: `${file} ${key}`,
      ...(typeof b.noise === 'number' ? { noise: b.noise } : metric === 'loadTimeRatio' ? { noise: 0.25 } : {}),
    });
  }
  if (out.length === 0) throw new ConfigError(file, key, 'at least one of max, maxIncrease, maxIncreasePercent');
  if (b.noise !== undefined && (typeof b.noise !== 'number' || b.noise < 0)) throw new ConfigError(file, `${key}.noise`, 'a number >= 0', b.noise);
  return out;
}

function parseScope(v: unknown, key: string, file: string): Scope {
  if (v === undefined || v === 'total') return { type: 'total' };
  if (typeof v === 'string') {
    const i = v.indexOf(':');
    const type = v.slice(0, i);
    if (i > 0 && type !== 'total' && SCOPE_TYPES.includes(type as Scope['type']) && v.slice(i + 1))
      return { type: type as Exclude<Scope['type'], 'total'>, value: v.slice(i + 1) };
  }
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] !== 'total' && SCOPE_TYPES.includes(keys[0] as Scope['type']) && typeof v[keys[0]!] === 'string')
      return { type: keys[0] as Exclude<Scope['type'], 'total'>, value: v[keys[0]!] as string };
  }
  throw new ConfigError(file, key, '"total", or "category:<name>", "unit:<plugin>", "files:<glob>", "kind:<component kind>", "agent:<id>"', v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
