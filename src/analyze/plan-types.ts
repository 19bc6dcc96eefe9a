/** The load plan's data: what the loaders claim about files, listing entries and components. */
import type { Limits, LoadingModel } from '../model/constants.js';
import type { Category, Component, ComponentKind, ContentFindings, Diagnostic, GraphEdge, Loading, UnresolvedRef } from '../model/snapshot.js';
import type { ParsedFrontmatter } from './frontmatter.js';
import type { UnitDef } from './units.js';
import type { ImportRef } from './markdown.js';

/** A file in the load plan, with the exact text Claude Code would load. */
export interface PlannedFile {
  path: string;
  real: string;
  sha: string;
  bytes: number;
  unit: string;
  kind: ComponentKind;
  loading: Loading;
  reason: string;
  category: Category;
  /**
   * Where the loaded text (frontmatter, HTML comments removed where Claude Code removes them) comes
   * from. Plans keep no file texts: digest.ts reads them again from the blobs, a batch at a time.
   */
  source: TextSource;
  depth?: number;
  /** Filled by digest(): characters of the loaded text, its content scan and the `/names` it mentions. */
  digest?: FileDigest;
}

/** What one file's text yields, in characters: computed once per content (digest.ts, content.ts), so a blob shared by base and head is scanned once. */
export interface FileScan {
  sections: { line: number; heading: string; chars: number }[];
  compressible: { line: number; kind: ContentFindings['compressible'][number]['kind']; chars: number; note: string }[];
  /** Paragraphs compared for duplication: a hash of length and opening, where it is, and how it reads. */
  paragraphs: { key: string; line: number; chars: number; preview: string }[];
}

/**
 * The loaded text: the blob's decoded text from `start` (after a frontmatter block), as a memory
 * file loads it when `memory` (HTML comment blocks removed, trimmed), or a text of its own.
 */
export type TextSource = { start: number; memory?: true } | { text: string };

/** What the snapshot needs of a file's loaded text, computed once per content (digest.ts). */
export interface FileDigest {
  /** The count key of the text (digest.ts fileCountKey). */
  key: string;
  chars: number;
  /** Sections, compressible parts and paragraphs (content.ts). */
  scan: FileScan | null;
  /** Every `/name` the text mentions (links.ts resolves them to commands and skills). */
  names: string[];
}

export interface PlannedEntry {
  name: string;
  kind: 'command' | 'skill' | 'workflow' | 'agent';
  unit: string;
  file: string;
  text: string;
  loading: Loading;
  reason: string;
  descriptionCapped: boolean;
  /** `- name` alone (name-only override). */
  nameOnly: boolean;
  /** Front matter name shown in parentheses after the listed (directory) name. */
  alias?: string;
  /** Line of the `description:` field. */
  line?: number;
  /** The description as listed (after Claude Code's cap and whitespace rules); absent for a bare name. */
  description?: string;
  /** An agent's `Tools:` as listed. */
  tools?: string;
  /** Its place in the plugin manifest's own list (a `skills` array): Claude Code lists them in that order. */
  order?: number;
}

export interface PlannedComponent extends Pick<Component, 'id' | 'kind' | 'name' | 'unit' | 'file' | 'loading'> {
  /** Listing entry name, when it has one. */
  entry?: string;
  /** Files the component pulls in when invoked (@file references). */
  refs: string[];
}

export interface Unknown {
  kind: 'mcp-server' | 'session-start-hook';
  unit: string;
  file: string;
  name: string;
  note: string;
}

export interface Plan {
  units: UnitDef[];
  files: PlannedFile[];
  skillEntries: PlannedEntry[];
  agentEntries: PlannedEntry[];
  components: PlannedComponent[];
  edges: GraphEdge[];
  unresolved: UnresolvedRef[];
  cycles: string[][];
  unknowns: Unknown[];
  diagnostics: Diagnostic[];
  memoryChars: number;
  /** Paths whose content the plan needed but was not given: read them and plan again. */
  missing: string[];
  /** The loading model the plan applied: the given one with the project's settings over it. */
  model: LoadingModel;
}

/** Decoding problems and parsed frontmatter by blob SHA, shared by the planning passes of a run (not by timed rounds); no texts. */
/** What planning needs of a memory file's loaded text (memory.ts), known without keeping the text. */
export interface MemoryFacts {
  /** Characters Claude Code includes (HTML comment blocks removed, trimmed); 0: nothing. */
  chars: number;
  imports: ImportRef[];
  /** The whole text trimmed, for a file short enough to be a path (a symlink checked out as a file). */
  linkText?: string;
}

/** Facts of a blob by SHA, shared by every planning round and both sides of a diff. */
export type ParseCache = Map<string, { problem?: string; binary: boolean; parsed?: ParsedFrontmatter; memory?: { rule?: MemoryFacts; plain?: MemoryFacts } }>;

export interface PlanOptions {
  /** Framework files past limits.maxFiles that were not read (reported). */
  notRead?: number;
  /** Reuse decoding and frontmatter parsing between passes (load's re-plans); timed rounds pass none. */
  parseCache?: ParseCache;
  model: LoadingModel;
  limits?: Limits;
  /** Which plugins count as installed in the totals: "all", "none" or a list of names. */
  installedPlugins?: 'all' | 'none' | string[];
  /** A folder of the repository that users install as ~/.claude (user-scope memory, commands, skills, agents). */
  userScope?: string;
  /** Files listed but not readable (reported as errors, never counted as empty). */
  unreadable?: ReadonlyMap<string, string>;
  /** The run's own limits reached while reading (reported: the totals are incomplete). */
  limitsReached?: readonly string[];
}
