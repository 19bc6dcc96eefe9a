/**
 * Budgets are assertions (Lighthouse CI's habit): a metric, a scope, an operator with a threshold,
 * and a level. Shorthand in the config file is normalized once, here, at parse time.
 */
export type Level = 'off' | 'warn' | 'error';
export type Operator = 'max' | 'maxIncrease' | 'maxIncreasePercent';

/** Metrics an assertion can bound. Scoped metrics accept every scope; the rest only `total`. */
export const SCOPED_METRICS = ['eagerTokens', 'onDemandTokens'] as const;
/** Metrics of another agent (scope `agent:<id>`, required): what it loads, drops and lists by name only. */
export const AGENT_METRICS = ['agentEagerTokens', 'agentDroppedChars', 'agentListingNameOnly'] as const;
export const TOTAL_METRICS = [
  'worstInvocationTokens',
  'skillListingChars',
  'skillListingTruncated',
  'agentListingTokens',
  'memoryFileMaxChars',
  'memoryTotalChars',
  'importsPastDepthLimit',
  'maxDepth',
  'cycles',
  'unresolved',
  'invalidSkillNames',
  'errors',
  'unmeasured',
  'loadTimeRatio',
] as const;
export type Metric = (typeof SCOPED_METRICS)[number] | (typeof TOTAL_METRICS)[number] | (typeof AGENT_METRICS)[number];
export const METRICS: readonly Metric[] = [...SCOPED_METRICS, ...TOTAL_METRICS, ...AGENT_METRICS];

export function isAgentMetric(m: Metric): m is (typeof AGENT_METRICS)[number] {
  return (AGENT_METRICS as readonly string[]).includes(m);
}

export const METRIC_LABELS: Record<Metric, string> = {
  eagerTokens: 'Always-loaded tokens',
  onDemandTokens: 'On-demand tokens',
  worstInvocationTokens: 'Worst single invocation',
  skillListingChars: 'Skill listing characters',
  skillListingTruncated: 'Listing entries reduced to a bare name',
  agentListingTokens: 'Agent listing (tokens as Claude Code estimates them: characters / 4)',
  memoryFileMaxChars: 'Largest always-loaded memory file (chars)',
  memoryTotalChars: 'All instruction files (chars)',
  importsPastDepthLimit: 'Imports past the depth limit',
  maxDepth: 'Import depth',
  cycles: 'Import cycles',
  unresolved: 'Unresolved or external references',
  invalidSkillNames: 'Skill front matter names Claude Code ignores',
  errors: 'Error diagnostics',
  unmeasured: 'Not measured (unreadable, or a limit of the run reached)',
  loadTimeRatio: 'Load time (head / base)',
  agentEagerTokens: 'Tokens of the framework the agent loads at every start',
  agentDroppedChars: 'Instruction text the agent drops without a word (characters)',
  agentListingNameOnly: 'Skills the agent lists by name only (over its listing budget)',
};

export type ScopeType = 'total' | 'category' | 'unit' | 'files' | 'kind' | 'agent';
export const SCOPE_TYPES: readonly ScopeType[] = ['total', 'category', 'unit', 'files', 'kind', 'agent'];

/** What a budget measures: everything, or one category, unit (plugin), file glob or component kind. */
export type Scope = { type: 'total' } | { type: Exclude<ScopeType, 'total'>; value: string };

export interface Assertion {
  /** Stable id: the default's name, or `budgets[i]` for user entries (plus the operator). */
  id: string;
  metric: Metric;
  scope: Scope;
  operator: Operator;
  threshold: number;
  level: Level;
  /** Claude Code's own hard limits: when the base already broke it and the head is no worse, it only warns. */
  hardLimit?: boolean;
  /** loadTimeRatio only: ratios within this allowance above the threshold pass (measurement noise). */
  noise?: number;
  /** Where the config entry is, for messages. */
  source: string;
}

export function scopeLabel(s: Scope): string {
  return s.type === 'total' ? 'total' : `${s.type}:${s.value}`;
}
