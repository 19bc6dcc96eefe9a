import { modelProfile, PROFILE_VERSION, type BundledEntry } from './profiles.js';

/**
 * The loading model's constants, as Claude Code 2.1.332 uses them.
 * Source: ../shared/reference/claude-code-loading.md (read from @anthropic-ai/claude-code 2.1.332).
 * Every one can be overridden in the budget config under `model:`, because later Claude Code
 * releases change them (several changed between 2.1.110 and 2.1.332).
 */
export interface LoadingModel {
  /** Claude Code release these defaults describe. */
  claudeCodeVersion: string;
  /** The model whose window, characters per token and bundled entries apply (config `model.id`, `--model`). */
  id: string;
  /**
   * Who chose `id` (not a config key): "config" (config `model.id`, the `model` input, `--model`),
   * a settings file (`.claude/settings.json`'s `model`, which sessions get when no model is given),
   * or unset for Claude Code's own default.
   */
  idFrom?: string;
  /** Context window in tokens (200,000 standard; 1,000,000 on some models). */
  contextWindow: number;
  /** Characters per token Claude Code assumes: 4 for older models, 3 for every newer model. */
  charsPerToken: number;
  /** Setting `skillListingBudgetFraction`: share of window x charsPerToken given to the skill listing. */
  skillListingBudgetFraction: number;
  /** Env `SLASH_COMMAND_TOOL_CHAR_BUDGET`: replaces the whole listing budget when set. */
  skillListingBudgetOverride: number | null;
  /** Setting `skillListingMaxDescChars`: a longer description is cut to (cap - 1) chars + "…". */
  skillListingMaxDescChars: number;
  /** Claude Code's own listing entries for this model (measured from the binary; see profiles.ts). */
  bundledEntries: BundledEntry[];
  /** Agent listing warning threshold, in Claude Code's own estimate round(chars / 4). */
  agentListingWarnTokens: number;
  /** Per memory file warning: max(memoryFileMinWarnChars, round(window x memoryFileWindowShare x charsPerToken)). */
  memoryFileMinWarnChars: number;
  memoryFileWindowShare: number;
  /** All instruction files together: max(memoryTotalMinWarnChars, per-file limit). */
  memoryTotalMinWarnChars: number;
  /** A memory file larger than this many bytes is skipped (not loaded at all). */
  memoryFileMaxBytes: number;
  /** A file at this import depth or deeper is not loaded (root memory file = depth 0). */
  importMaxDepth: number;
  /** Description fallback cut: first body line cut to this many characters (n - 3 + "..."). */
  derivedDescriptionMaxChars: number;
  /** Skill `name` rule from the skills spec. */
  skillNameMaxChars: number;
  /** Longest front matter name Claude Code shows in parentheses after a skill's directory name. */
  skillAliasMaxChars: number;
  /** Skill description limit from the skills spec (Claude Code itself caps the listing at 1,536). */
  skillDescriptionSpecMaxChars: number;
  /** Workflow scripts larger than this are ignored. */
  workflowMaxBytes: number;
  /** Setting `instructionFiles`. */
  instructionFiles: 'claude-md-or-agents-md' | 'claude-md-and-agents-md' | 'claude-md' | 'managed-only';
}

const defaultProfile = modelProfile();

export const DEFAULT_MODEL: LoadingModel = {
  claudeCodeVersion: PROFILE_VERSION,
  id: defaultProfile.id,
  contextWindow: defaultProfile.contextWindow,
  charsPerToken: defaultProfile.charsPerToken,
  skillListingBudgetFraction: 0.01,
  skillListingBudgetOverride: null,
  skillListingMaxDescChars: 1_536,
  bundledEntries: defaultProfile.bundled,
  agentListingWarnTokens: 15_000,
  memoryFileMinWarnChars: 40_000,
  memoryFileWindowShare: 0.05,
  memoryTotalMinWarnChars: 120_000,
  memoryFileMaxBytes: 4 * 1024 * 1024,
  importMaxDepth: 5,
  derivedDescriptionMaxChars: 100,
  skillNameMaxChars: 64,
  skillAliasMaxChars: 256,
  skillDescriptionSpecMaxChars: 1_024,
  workflowMaxBytes: 512 * 1024,
  instructionFiles: 'claude-md-or-agents-md',
};

/** The loading model for a model id: its measured profile over the defaults. */
export function modelFor(id: string, base: LoadingModel = DEFAULT_MODEL): LoadingModel {
  const p = modelProfile(id);
  return { ...base, id: p.id, contextWindow: p.contextWindow, charsPerToken: p.charsPerToken, bundledEntries: p.bundled };
}

/** max(1, floor(window x charsPerToken x fraction)), unless the env-style override is set (Claude Code 2.1.332). */
/**
 * The loading keys a project's Claude Code settings set (`.claude/settings.json`, then
 * `.claude/settings.local.json` over it): every session of the project gets them.
 */
export interface SettingsModel {
  model?: { id: string; file: string };
  skillListingBudgetFraction?: number;
  skillListingMaxDescChars?: number;
  /** `env.SLASH_COMMAND_TOOL_CHAR_BUDGET`. */
  skillListingBudgetOverride?: number;
}

/**
 * The model sessions of this project get: the settings' `model` unless the config chose one
 * explicitly, and the settings' listing keys over Claude Code's constants.
 */
export function withSettings(m: LoadingModel, s: SettingsModel): LoadingModel {
  let out = m;
  if (s.model && m.idFrom !== 'config' && s.model.id !== m.id) out = { ...modelFor(s.model.id, m), idFrom: s.model.file };
  const keys = ['skillListingBudgetFraction', 'skillListingMaxDescChars', 'skillListingBudgetOverride'] as const;
  for (const k of keys) if (s[k] !== undefined && s[k] !== out[k]) out = { ...out, [k]: s[k] };
  return out;
}

export function skillListingBudget(m: LoadingModel): number {
  if (m.skillListingBudgetOverride != null) return m.skillListingBudgetOverride;
  return Math.max(1, Math.floor(m.contextWindow * m.charsPerToken * m.skillListingBudgetFraction));
}

export function memoryFileWarnChars(m: LoadingModel): number {
  return Math.max(m.memoryFileMinWarnChars, Math.round(m.contextWindow * m.memoryFileWindowShare * m.charsPerToken));
}

export function memoryTotalWarnChars(m: LoadingModel): number {
  return Math.max(m.memoryTotalMinWarnChars, memoryFileWarnChars(m));
}

/**
 * Extensions Claude Code follows in @imports (text-like files); files with no extension are
 * followed too. Anything else (images, archives) is skipped.
 */
export const IMPORTABLE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'md mdx markdown txt text rst adoc json jsonc json5 yaml yml toml xml csv tsv html htm css scss sass less ' +
    'js mjs cjs jsx ts mts cts tsx py pyi rb go rs java kt kts scala swift m mm c h cc cpp cxx hpp hh cs fs ' +
    'php pl pm lua r sql sh bash zsh fish ps1 bat cmd diff patch ini cfg conf env properties gradle ' +
    'graphql gql proto vue svelte astro elm ex exs erl hrl clj cljs dart hs ml mli nim zig tf hcl ' +
    'dockerfile makefile cmake log lock mdc prisma sol vb'
  ).split(' '),
);

/** Operational limits of our own (not Claude Code's): hostile input stays bounded. */
export interface Limits {
  /** Files larger than this are not read; they are reported as oversized. */
  maxFileBytes: number;
  /** At most this many framework files are read; the rest are reported. */
  maxFiles: number;
  /** Frontmatter larger than this is not parsed as YAML (read line by line instead). */
  maxFrontmatterBytes: number;
  /** Symlink chain hops before a link is reported as a loop. */
  maxSymlinkHops: number;
  /** Paths made visible through directory symlinks, in all: a few links to a big folder can't multiply the tree. */
  maxSymlinkExpansion: number;
  /** Bytes read per side, in all: past it the rest is not read and the run says it could not measure. */
  maxTotalBytes: number;
  /** Seconds of reading and planning per side before the rest is left out (and reported). */
  maxSeconds: number;
}

/**
 * The run's own guards. A config file can tighten them but never relax them past these values: on a
 * pull request the config may come from the head, which whoever opened it wrote.
 */
export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 8 * 1024 * 1024,
  maxFiles: 50_000,
  maxFrontmatterBytes: 256 * 1024,
  maxSymlinkHops: 40,
  maxSymlinkExpansion: 100_000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxSeconds: 120,
};

/** Below this median (ms) on both sides, load-time ratios are noise: budgets pass them, reports say so. */
export const LOAD_TIME_FLOOR_MS = 5;

export function loadTimeTooFast(lt: { baseMedianMs: number; headMedianMs: number }): boolean {
  return Math.max(lt.baseMedianMs, lt.headMedianMs) < LOAD_TIME_FLOOR_MS;
}
