/**
 * Model profiles of the pinned Claude Code release, measured from the binary by the conformance
 * recorder (`npm run conformance:record` writes claude-code-profile.json): the default model, and
 * per model its context window, characters per token, Claude Code's own listing entries (which share
 * the skill-listing budget with the framework's) and built-in agent types.
 */
import profile from './claude-code-profile.json' with { type: 'json' };

export interface BundledEntry {
  name: string;
  /** Display width of its full listing line. */
  chars: number;
  /** It competes for the budget (can lose its description); the others always keep it. */
  competes: boolean;
}

export interface ModelProfile {
  id: string;
  contextWindow: number;
  charsPerToken: number;
  bundled: BundledEntry[];
  builtinAgents: string[];
}

export const PROFILE_VERSION: string = profile.version;
/** The model Claude Code picks for an API-key user who passes no --model. */
export const CLAUDE_CODE_DEFAULT_MODEL: string = profile.defaultModel;

/** Models whose listing Claude Code sizes at 4 characters per token (all newer ones: 3). Read from 2.1.332. */
const FOUR_CHARS_PER_TOKEN = new Set([
  'claude-3-opus',
  'claude-3-sonnet',
  'claude-3-haiku',
  'claude-3-5-sonnet',
  'claude-3-5-haiku',
  'claude-3-7-sonnet',
  'claude-opus-4-0',
  'claude-opus-4-1',
  'claude-opus-4-5',
  'claude-opus-4-6',
  'claude-sonnet-4-0',
  'claude-sonnet-4-5',
  'claude-sonnet-4-6',
  'claude-haiku-4-5',
]);
/**
 * Claude Code's aliases and what they picked in 2.1.332 (measured: the request's `model` with each
 * in `.claude/settings.json`, print mode).
 */
export const MODEL_ALIASES: Readonly<Record<string, string>> = {
  opus: 'claude-opus-5-5',
  sonnet: 'claude-sonnet-5-5',
  haiku: 'claude-haiku-5-5',
  opusplan: 'claude-sonnet-5-5',
};

/** Model ids of Claude's families that Claude Code sizes by the rules below (a new release of a family is one of them). */
const CLAUDE_FAMILY = /^claude-(opus|sonnet|haiku)-\d+(-\d+)?$/;

const measured = profile.models as Record<string, { bundled: BundledEntry[]; builtinAgents: string[] }>;

/** A model id as Claude Code resolves it: an alias to its model (a `[1m]` suffix kept). */
export function resolveModelId(id: string): string {
  const oneM = /\[1m\]$/i.test(id);
  const base = id.replace(/\[1m\]$/i, '');
  const alias = MODEL_ALIASES[base.toLowerCase()];
  return alias ? alias + (oneM ? '[1m]' : '') : id;
}

function familyOf(id: string): string {
  return resolveModelId(id)
    .replace(/\[1m\]$/i, '')
    .toLowerCase()
    .replace(/-\d{8}$/, '')
    .replace(/[._]/g, '-');
}

/** Whether Claude Code 2.1.332 knows the model: measured, an alias, one of Claude's families, or a listed older model. */
export function isKnownModel(id: string): boolean {
  const f = familyOf(id);
  return f in measured || FOUR_CHARS_PER_TOKEN.has(f) || CLAUDE_FAMILY.test(f);
}

/**
 * The profile of a model id (`claude-sonnet-4-6`, `claude-sonnet-4-6[1m]`, `opus`). Measured with
 * 2.1.332: the older models listed above are sized at a 200K window and 4 characters per token (1M
 * with `[1m]`); every other model, an unknown one included, at 1M and 3 (a 30,000-character listing
 * budget). Unmeasured models take the default model's bundled entries.
 */
export function modelProfile(id: string = CLAUDE_CODE_DEFAULT_MODEL): ModelProfile {
  const oneM = /\[1m\]$/i.test(id);
  const resolved = resolveModelId(id);
  const base = resolved.replace(/\[1m\]$/i, '').toLowerCase();
  const family = familyOf(id);
  const older = FOUR_CHARS_PER_TOKEN.has(family);
  const m = measured[base] ?? measured[CLAUDE_CODE_DEFAULT_MODEL]!;
  return {
    id: resolved,
    contextWindow: oneM || !older ? 1_000_000 : 200_000,
    charsPerToken: FOUR_CHARS_PER_TOKEN.has(family) ? 4 : 3,
    bundled: m.bundled,
    builtinAgents: m.builtinAgents,
  };
}

/** What an error about an unknown model lists. */
export function knownModels(): string[] {
  return [...new Set([...Object.keys(measured), ...Object.keys(MODEL_ALIASES), ...FOUR_CHARS_PER_TOKEN])];
}
