/** The compare stage's output: one GateReport, with the verdict decided once, here. */
import type { Assertion, Level, Metric, Operator, Scope } from './budgets.js';
import type { ClaudeCodeMeasurement } from './claude-code.js';
import type { AgentMeasurement, Category, ComponentKind, Diagnostic, Loading, UnresolvedRef } from './snapshot.js';

export type Verdict = 'pass' | 'warn' | 'fail';

export interface Delta {
  base: number;
  head: number;
  delta: number;
  /** delta / base; null when base is 0. */
  ratio: number | null;
}

/** `affected`: the same bytes on both sides, but what Claude Code does with the file changed because of another change (its loading, or its listing line). */
export type Status = 'added' | 'removed' | 'changed' | 'affected';

export interface SnapshotDiff {
  totals: { eagerTokens: Delta; onDemandTokens: Delta; worstInvocationTokens: Delta; notLoadedTokens: Delta };
  categories: ({ category: Category; loading: Loading } & Delta)[];
  units: { name: string; status: Status; eager: Delta; onDemand: Delta }[];
  components: { id: string; kind: ComponentKind; name: string; unit: string; file: string; status: Status; eager: Delta; onDemand: Delta }[];
  files: { path: string; unit: string; status: Status; loadingBase: Loading | null; loadingHead: Loading | null; tokens: Delta; eager: Delta }[];
  listings: {
    /** Judged values: the worst single plugin in per-plugin scope, everything together otherwise. */
    judged: { scope: 'installed' | 'per-plugin'; skillChars: Delta; agentTokens: Delta; skillUnit?: string; agentUnit?: string };
    skills: {
      chars: Delta;
      budget: Delta;
      entries: Delta;
      truncatedAdded: string[];
      truncatedRemoved: string[];
      added: string[];
      removed: string[];
      changed: string[];
    };
    agents: { claudeEstimateTokens: Delta; tokens: Delta; entries: Delta; added: string[]; removed: string[]; changed: string[] };
  };
  graph: { maxDepth: Delta; cyclesAdded: string[][]; cyclesRemoved: string[][]; unresolvedAdded: UnresolvedRef[]; unresolvedRemoved: UnresolvedRef[] };
  diagnostics: { added: Diagnostic[]; fixed: Diagnostic[] };
}

export interface LoadTimeComparison {
  rounds: number;
  baseMedianMs: number;
  headMedianMs: number;
  /** headMedian / baseMedian. */
  ratio: number;
  /** Spread of the per-round ratios (interleaved rounds: A B A B ...). */
  ratioMin: number;
  ratioMax: number;
  /** What was timed: our own discovery and parsing, or Claude Code's start-up to its first request. */
  source?: 'parse' | 'claude-code';
}

export interface Location {
  file: string;
  line?: number;
}

export interface BudgetResult {
  id: string;
  metric: Metric;
  scope: Scope;
  operator: Operator;
  expected: number;
  actual: number;
  base: number | null;
  level: Level;
  status: 'pass' | 'warn' | 'fail';
  /** The limit is exceeded on the head, and this change caused or worsened it (false for what the base already had). */
  introduced: boolean;
  /** Exceeded on the base already and not made worse: counted, never failed or warned. */
  preexisting?: boolean;
  /** Exceeded on the base already and made worse by this much: the change's own share, what "how to pass" asks for. */
  share?: number;
  message: string;
  /** For a failing or warning budget: what it takes to pass, computed from the real budget. */
  howToPass?: string;
  location?: Location;
}

export type Effort = 'low' | 'medium' | 'high';
export type Horizon = 'immediate' | 'short-term' | 'long-term';

export interface Recommendation {
  /** Stable key: analyzer + location, used to tell new, kept and resolved recommendations apart. */
  key: string;
  analyzer: 'loading' | 'listing' | 'duplication' | 'references' | 'structure' | 'compression' | 'collisions' | 'reachability';
  title: string;
  rationale: string;
  location: Location;
  saving: { eagerTokens: number; onDemandTokens: number };
  effort: Effort;
  horizon: Horizon;
  /** In a diff: the pull request introduced it. */
  introduced?: boolean;
  /** The unit (project or plugin) of the file it is about. */
  unit?: string;
}

export interface SideInfo {
  label: string;
  commit?: string;
  eagerTokens: number;
}

/** On a pull request: what its own budget config changed, and what of it was not applied (config/review.ts). */
export interface ConfigReview {
  /** Which config file (head side) was reviewed. */
  file: string;
  /** What the head's config changes, one line each. */
  changes: string[];
  /** Of those, what would loosen the gate or change what is measured: not applied (unless accepted). */
  notApplied: string[];
  /** A maintainer accepted the head's config as it is (the label named in `acceptLabel`). */
  accepted: boolean;
  acceptLabel: string;
  /** The head's config could not be read; the base's decides. */
  error?: string;
}

export interface GateReport {
  schemaVersion: number;
  verdict: Verdict;
  base: SideInfo;
  head: SideInfo;
  /** How the commits were chosen (the action: merge commit or merge-base), shown in the footer. */
  compared?: string;
  /** Published from a report another (untrusted) run wrote: never shown as a verified pass. */
  untrusted?: boolean;
  /** With --measure claude-code: what Claude Code itself sent for each side. */
  claudeCode?: { base: ClaudeCodeMeasurement; head: ClaudeCodeMeasurement };
  /** With --measure: why Claude Code could not be measured (no sandbox, no request sent...). The gate decides without it. */
  measureError?: string;
  /** On a pull request: what its budget config changed, what of it was not applied, or why it could not be read. */
  configReview?: ConfigReview;
  /** The model the gate judged (the head's: its settings may choose it), and the base's when it differs. */
  model?: { id: string; from: string; contextWindow: number; baseId?: string };
  tokenizer: string;
  /** False when the counts are exact (Anthropic's endpoint). */
  tokensEstimated: boolean;
  configFile: string;
  results: BudgetResult[];
  diff: SnapshotDiff;
  loadTime: LoadTimeComparison | null;
  recommendations: Recommendation[];
  /** Recommendations of the base that the head no longer has. */
  resolved: Recommendation[];
  unknowns: { kind: string; unit: string; name: string; note: string }[];
  assertions: Assertion[];
  /** Other agents measured on both sides (--agent, `agents:`): one row each. */
  agents?: AgentComparison[];
  /** The optimizer on the pull request's own text: suggestions posted on its lines, commands for the rest. */
  edits?: { suggestions: SuggestedEdit[]; commands: EditCommand[]; posted?: number };
}

/** An optimizer step posted as a GitHub suggestion on lines the pull request added. */
export interface SuggestedEdit {
  stepId: string;
  kind: string;
  path: string;
  /** 1-based lines of the head the suggestion replaces. */
  startLine: number;
  line: number;
  title: string;
  detail: string;
  /** The predicted saving (always-loaded tokens; listing characters). */
  eagerTokens: number;
  listingChars: number;
  agentListingChars: number;
  /** The lines that replace [startLine, line] (the `suggestion` block). */
  replacement: string[];
}

/** Optimizer steps on the pull request's text that span files: one command per kind. */
export interface EditCommand {
  kind: string;
  steps: number;
  eagerTokens: number;
  command: string;
}

/** What the change did to another agent's start-up context. */
export interface AgentComparison {
  id: string;
  name: string;
  version: string;
  /** Tokens of the framework the agent loads at every start. */
  eagerTokens: Delta;
  /** Instruction text it drops without a word (characters). */
  droppedChars: Delta;
  /** Files it cuts on the head: bytes, and the characters kept of how many. */
  cut: { file: string; bytes: number; keptChars: number; chars: number }[];
  /** Skills it lists by name only on the head, and those the change pushed there. */
  nameOnly: { head: string[]; added: string[] };
  /** With --measure AGENT: what its binary loaded of each side, and the drift from the analysis. */
  measured?: { base?: AgentMeasurement; head?: AgentMeasurement };
}
