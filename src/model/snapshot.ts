import type { ClaudeCodeMeasurement } from './claude-code.js';

/**
 * The snapshot: the analyzer's output and a public, versioned JSON format
 * (schema: schema/snapshot.schema.json). Scripts rely on the field names; add fields, never rename.
 */
export const SNAPSHOT_SCHEMA_VERSION = 1;

export type Loading = 'eager' | 'on-demand' | 'not-loaded';
export type Severity = 'error' | 'warning' | 'info';

/** Claude Code's /context categories, plus the on-demand ones. */
export type Category =
  | 'memory'
  | 'rules'
  | 'skill-listing'
  | 'agent-listing'
  | 'output-style'
  | 'mcp'
  | 'hooks'
  | 'skill-bodies'
  | 'command-bodies'
  | 'agent-bodies'
  | 'path-rules'
  | 'nested-memory'
  | 'resources'
  | 'other';

export type ComponentKind =
  | 'memory'
  | 'rule'
  | 'command'
  | 'skill'
  | 'workflow'
  | 'agent'
  | 'output-style'
  | 'mcp-server'
  | 'hook'
  | 'settings'
  | 'plugin-manifest'
  | 'marketplace'
  | 'resource'
  | 'other';

export interface FileRecord {
  path: string;
  /** Unit the file belongs to: "project" or the plugin name. */
  unit: string;
  kind: ComponentKind;
  loading: Loading;
  /** Why it has that loading, e.g. "imported by CLAUDE.md at depth 2". */
  reason: string;
  category: Category;
  /** Tokens of the text that is loaded (frontmatter and HTML comments removed where Claude Code removes them). */
  tokens: number;
  /** Always-loaded tokens attributable to this file: its text if eager, plus its eager listing entries. */
  eagerTokens: number;
  /** Characters of the loaded text. */
  chars: number;
  bytes: number;
  /** Git blob SHA of the content (worktree files are hashed the same way). */
  sha: string;
  /** Import depth for memory files (root = 0). */
  depth?: number;
}

export interface ListingEntry {
  /** Name as listed, e.g. "review", "frontend:component", "my-plugin:lint". */
  name: string;
  kind: 'command' | 'skill' | 'workflow' | 'agent';
  unit: string;
  file: string;
  /** The exact listed line, e.g. "- name: description". */
  text: string;
  /** Display width of the line (CJK wide characters count 2). */
  chars: number;
  tokens: number;
  loading: Loading;
  reason: string;
  /** The description was longer than the cap and was cut. */
  descriptionCapped?: boolean;
  /** The front matter name Claude Code shows in parentheses after the listed name (`data_viz (DataViz)`). */
  alias?: string;
  /** Line of the `description:` field in the file (where annotations point). */
  line?: number;
  /** The description as listed (after Claude Code's cap and whitespace rules); absent for a bare name. */
  description?: string;
  /** An agent's `Tools:` as listed. */
  tools?: string;
  /** Over budget, this entry would be reduced to its bare name. */
  truncated?: boolean;
}

export interface Component {
  id: string;
  kind: ComponentKind;
  name: string;
  unit: string;
  file: string;
  loading: Loading;
  /** Tokens always paid: listing line, eager body. */
  eagerTokens: number;
  /** Tokens paid when invoked: body plus @file references. */
  onDemandTokens: number;
}

export interface CategoryTotal {
  category: Category;
  loading: Loading;
  tokens: number;
  files: number;
}

export interface UnitRecord {
  name: string;
  /** user: a folder installed as ~/.claude (user scope). */
  type: 'project' | 'plugin' | 'user';
  /** Plugin root directory ("" for the repository root). */
  root: string;
  /** Marketplace that lists this plugin, if any. */
  marketplace?: string;
  /** Folder of that marketplace's `.claude-plugin/marketplace.json` ("" for the repository root). */
  marketplaceRoot?: string;
  /** Why Claude Code refuses this plugin's manifest (it loads nothing of it). */
  invalid?: string;
  /** Whether this unit counts in the totals (see installedPlugins). */
  counted: boolean;
  eagerTokens: number;
  onDemandTokens: number;
  files: number;
  components: Record<string, number>;
  mcpServers: string[];
  sessionStartHooks: number;
}

export interface UnresolvedRef {
  from: string;
  line: number;
  ref: string;
  /** missing: no such file; external: outside the repository; home: ~/ path; depth: past the depth limit; skipped: not a text file; loop: symlink loop. */
  reason: 'missing' | 'external' | 'home' | 'depth' | 'skipped' | 'loop';
  resolved?: string;
  /** missing: the folder it would be in does not exist either (likely prose, e.g. an npm package name, not a path). */
  noFolder?: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  type: 'import' | 'file-ref' | 'agent-skill' | 'plugin-member' | 'name-ref';
  line?: number;
}

export interface Graph {
  nodes: number;
  edges: GraphEdge[];
  maxDepth: number;
  longestChain: string[];
  cycles: string[][];
  unresolved: UnresolvedRef[];
}

/**
 * Every diagnostic the analyzer emits. Metrics, recommendations and renderers switch on these, so a
 * typo or a renamed code is a compile error (snapshots written by older versions may hold others:
 * readers treat unknown codes as plain findings).
 */
export type DiagnosticCode =
  | 'agent-fallback'
  | 'settings-value'
  | 'not-measurable'
  | 'agent-not-loaded'
  | 'binary-file'
  | 'description-capped'
  | 'description-too-long'
  | 'agent-description-cut'
  | 'duplicate-name'
  | 'duplicate-plugin'
  | 'encoding'
  | 'external-plugin'
  | 'frontmatter'
  | 'import-depth'
  | 'import-external'
  | 'import-home'
  | 'import-loop'
  | 'import-missing'
  | 'invalid-json'
  | 'invalid-manifest'
  | 'invalid-skill-name'
  | 'limit-reached'
  | 'memory-file-size'
  | 'memory-file-skipped'
  | 'memory-total-size'
  | 'missing-description'
  | 'missing-plugin'
  | 'name-collision'
  | 'oversized-file'
  | 'plugin-name-mismatch'
  | 'skill-name-mismatch'
  | 'symlink-as-file'
  | 'symlink-external'
  | 'symlink-loop'
  | 'symlink-missing'
  | 'unreadable'
  | 'user-scope-missing'
  | 'workflow-meta'
  | 'workflow-too-large';

export interface Diagnostic {
  file: string;
  line: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
}

export interface SkillListing {
  chars: number;
  budget: number;
  /** Characters of Claude Code's own bundled entries for this model (measured from the binary). */
  bundledAllowance: number;
  /** Bundled entries that lose their description because of the framework's entries. */
  bundledTruncated?: string[];
  overBudget: boolean;
  /** Names that would be reduced to "- name" in the assumed order. */
  truncated: string[];
  /** The order assumed for restoring descriptions (usage order differs per user). */
  assumedOrder: string;
  entries: number;
  tokens: number;
}

export interface AgentListing {
  chars: number;
  /** o200k_base estimate of the listed lines. */
  tokens: number;
  /** Claude Code's own estimate, round(chars / 4), which drives its warning. */
  claudeEstimateTokens: number;
  warnAt: number;
  overLimit: boolean;
  entries: number;
}

/** Text-derived findings (estimates proportional to characters), so recommendations need only the snapshot. */
export interface ContentFindings {
  /** Large level-1/2 sections of always-loaded files. */
  sections: { file: string; line: number; heading: string; tokens: number }[];
  /** Paragraphs repeated in more than one loaded file. */
  duplicates: { tokens: number; chars: number; preview: string; locations: { file: string; line: number; eager: boolean }[] }[];
  /** Long code blocks, tables, base64 runs and wasted whitespace in always-loaded files. */
  compressible: { file: string; line: number; kind: 'code-block' | 'table' | 'base64' | 'whitespace'; tokens: number; note: string }[];
}

export interface Snapshot {
  schemaVersion: number;
  tool: { name: 'context-budget'; version: string };
  source: { kind: 'worktree' | 'git'; root: string; ref?: string; commit?: string };
  tokenizer: { name: string; estimate: boolean; note: string };
  /** The loading model judged, with the constants that messages quote (so an override shows in the words too). */
  model: {
    claudeCodeVersion: string;
    id?: string;
    /** Who chose the model: "config", or the settings file whose `model` sessions get (unset: Claude Code's default). */
    idFrom?: string;
    contextWindow: number;
    charsPerToken: number;
    importMaxDepth?: number;
    skillListingMaxDescChars?: number;
    skillListingBudgetFraction?: number;
    skillListingBudgetOverride?: number | null;
  };
  totals: {
    eagerTokens: number;
    onDemandTokens: number;
    /** Eager plus the most expensive single command/skill body with its @file references. */
    worstInvocationTokens: number;
    worstInvocation: string | null;
    windowShare: number;
    notLoadedTokens: number;
  };
  categories: CategoryTotal[];
  units: UnitRecord[];
  files: FileRecord[];
  components: Component[];
  listings: {
    /** skills/agents: every counted unit installed together. */
    skills: SkillListing & { items: ListingEntry[] };
    agents: AgentListing & { items: ListingEntry[] };
    /** Which view the listing limits are judged on: all together, or project + each plugin alone (marketplaces). */
    scope: 'installed' | 'per-plugin';
    /** Project + each plugin alone: what installing that one plugin does to the listings. */
    perPlugin: { unit: string; skillChars: number; skillTruncated: string[]; agentClaudeEstimateTokens: number }[];
    worst: {
      skills: { unit: string; chars: number; truncated: string[] } | null;
      agents: { unit: string; claudeEstimateTokens: number } | null;
    };
  };
  memory: { chars: number; warnChars: number; fileWarnChars: number; maxFileChars: number; files: number };
  graph: Graph;
  unknowns: { kind: 'mcp-server' | 'session-start-hook'; unit: string; file: string; name: string; note: string }[];
  content: ContentFindings;
  loadTime: { medianMs: number; rounds: number; minMs: number; maxMs: number; spreadMs: number };
  diagnostics: Diagnostic[];
  /** With --measure claude-code: what Claude Code itself sent for this side, and the drift from the model. */
  claudeCode?: ClaudeCodeMeasurement;
  /** With --measure: why Claude Code could not be measured on this side. */
  measureError?: string;
  /** With --agent / `agents:`: what each other agent loads of the same files (src/analyze/agents.ts). */
  agents?: AgentSnapshot[];
}

/**
 * What another coding agent loads at session start, in the fields Claude Code's snapshot has
 * (files with their loading, the skill and agent listings), so a reader needs no special case.
 */
/** What an agent's own binary loaded of a side (`--measure AGENT`), and where it differs from the analysis. */
export interface AgentMeasurement {
  /** The binary's version (the profile's pinned one, or another asked for). */
  version: string;
  /** Why the binary could not be measured on this side (then nothing else is known). */
  error?: string;
  /** Repository files whose text went in; keptChars where only a prefix did. */
  instructions?: { file: string; keptChars?: number }[];
  /** Skills it listed, and those listed by name only. */
  skills?: number;
  nameOnly?: string[];
  agents?: number;
  /** Characters of its whole session request (its own prompt and tools included). */
  requestChars?: number;
  /** Each difference from what the analyzer predicted for this agent (empty: none). */
  drift: string[];
}

export interface AgentSnapshot {
  agent: { id: string; name: string; version: string };
  /** With --measure AGENT: what the agent's binary loaded. */
  measured?: AgentMeasurement;
  totals: {
    /** Tokens of the framework's text the agent loads at every start (instruction files, listing entries). */
    eagerTokens: number;
    eagerChars: number;
    onDemandTokens: number;
    /** Characters of instruction files the agent drops without a word (past its cap). */
    droppedChars: number;
    /** The agent's own prompt and tools with an empty repository (measured from its binary). */
    overheadChars: number;
  };
  files: {
    path: string;
    loading: Loading;
    reason: string;
    category: Category;
    tokens: number;
    /** Characters of the file's loaded text as the agent reads it (whole). */
    chars: number;
    bytes: number;
    /** For a cut file: the characters kept. */
    keptChars?: number;
  }[];
  listings: {
    skills: {
      /** Characters of the framework's entries in the agent's own format. */
      chars: number;
      /** Characters the entries may take (null: no budget). */
      budget: number | null;
      items: (Pick<ListingEntry, 'name' | 'kind' | 'file' | 'text' | 'chars' | 'tokens' | 'loading' | 'reason' | 'description' | 'descriptionCapped'> & {
        truncated?: boolean;
      })[];
      truncated: string[];
    };
    agents: { items: Pick<ListingEntry, 'name' | 'kind' | 'file' | 'text' | 'chars' | 'tokens' | 'loading' | 'reason'>[] };
  };
  diagnostics: Diagnostic[];
}
