/**
 * What the real Claude Code sent in its first request, as facts (names, counts, flags, hashes, never
 * its own text), and a measurement of one side with it (`--measure claude-code`).
 */
export interface MemoryFact {
  /** Repository-relative path (`~/` + path for user scope). */
  path: string;
  /** Claude Code's label: project, local, user. */
  scope: string;
  /** Characters of the included text (trimmed, as Claude Code includes it). */
  chars: number;
}

export interface ListingFact {
  /** Name as listed (the part before `: `, a parenthesised alias included). */
  name: string;
  described: boolean;
  /** Display width of the line (`- name: description`). */
  chars: number;
  /** Short hash of the line, to see that the text agrees, not only its length. */
  hash: string;
  /** Claude Code's own entry (present in an empty project). */
  bundled?: boolean;
}

export interface AgentFact {
  name: string;
  chars: number;
  hash: string;
  builtin?: boolean;
}

export interface Facts {
  model: string;
  memory: MemoryFact[];
  listing: { chars: number; entries: ListingFact[] };
  agents: AgentFact[];
}

export interface ClaudeCodeMeasurement {
  /** Claude Code release that was run. */
  version: string;
  facts: Facts;
  /** The whole first request (Claude Code's own system prompt and tools included): where a session starts. */
  firstRequest: { chars: number; tokens: number; exact: boolean; counter: string };
  /** Milliseconds from starting Claude Code to its first request, per round. */
  startupMs: number[];
  /** Where the analyzer's prediction differs from what Claude Code sent (empty: it agrees). */
  drift: string[];
  /** Files and bytes written for the run, and what was left out. */
  staged: { files: number; bytes: number; skipped: number };
}
