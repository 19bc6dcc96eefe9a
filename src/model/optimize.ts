/**
 * The optimizer's plan: edits to a framework's files, each step with its kind, predicted saving and
 * risk; and, once applied, what re-measuring found. The JSON of `optimize --json`.
 */

/** What a transform does (`--only KIND`). */
export type OptimizeKind = 'lazy-loading' | 'conditional-loading' | 'listing-fit' | 'agent-descriptions' | 'duplication' | 'imports';

export const OPTIMIZE_KINDS: readonly OptimizeKind[] = ['lazy-loading', 'conditional-loading', 'listing-fit', 'agent-descriptions', 'duplication', 'imports'];

/** One file's change: created (before null), rewritten, or deleted (after null). */
export interface FileEdit {
  path: string;
  before: string | null;
  after: string | null;
}

/** A saving: positive numbers are what the step takes off. */
export interface Saving {
  /** Always-loaded tokens (o200k_base estimate, the gate's measure). */
  eagerTokens: number;
  /** Characters of the skill listing (what its budget counts). */
  listingChars: number;
  /** Characters of the agent listing. */
  agentListingChars: number;
}

export interface OptimizeStep {
  /** Stable id: kind and subject (file, heading or entry). */
  id: string;
  kind: OptimizeKind;
  title: string;
  /** Why this edit, and what the author should review. */
  detail: string;
  /** low: text moved as it is; medium: wording the author should read (cuts, derived descriptions); high: changes what loads. */
  risk: 'low' | 'medium' | 'high';
  /** The file and line the step starts from. */
  location: { file: string; line: number };
  edits: FileEdit[];
  /** Computed by the transform from the text it moves (tokens counted, listing lines measured). */
  predicted: Saving;
}

/** A candidate a transform looked at and left alone, and why (the cases it must refuse). */
export interface Refusal {
  /** any: the file is left alone by every transform (a symbolic link). */
  kind: OptimizeKind | 'any';
  file: string;
  line: number;
  subject: string;
  why: string;
}

/** A step's gain measured again: the framework re-analyzed with the step's kind applied. */
export interface Achieved {
  kind: OptimizeKind | 'all';
  predicted: Saving;
  achieved: Saving;
}

export interface OptimizePlan {
  steps: OptimizeStep[];
  refused: Refusal[];
  /** Before any edit: the gate's figures the savings are taken from. */
  before: { eagerTokens: number; listingChars: number; listingTruncated: number; agentListingChars: number; agents?: Record<string, number> };
  /** With --apply: the figures re-measured from the written files, total and per kind. */
  applied?: { after: OptimizePlan['before']; results: Achieved[]; diff: string; written: string[]; verify?: Verification };
}

/** `--verify claude-code`: the binary run before and after the edits, and what that shows. */
export interface Verification {
  agent: string;
  /** Tokens of the whole first request (Claude Code's own prompt included). */
  firstRequest: { before: number; after: number; exact: boolean };
  checks: { ok: boolean; text: string }[];
  ok: boolean;
}
