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
/** Models whose default window is 1M tokens (measured: the listing budget of claude-opus-5-5 is 30,000 = 1M x 3 x 1%). Others: 200K, or 1M with a `[1m]` suffix. */
const ONE_MILLION = new Set(['claude-opus-5-5']);

const measured = profile.models as Record<string, { bundled: BundledEntry[]; builtinAgents: string[] }>;

/** The profile of a model id (`claude-sonnet-4-6`, `claude-sonnet-4-6[1m]`); unknown ids get the rules above and the default model's bundled entries. */
export function modelProfile(id: string = CLAUDE_CODE_DEFAULT_MODEL): ModelProfile {
  const oneM = /\[1m\]$/i.test(id);
  const base = id.replace(/\[1m\]$/i, '').toLowerCase();
  const family = base.replace(/-\d{8}$/, '').replace(/[._]/g, '-');
  const m = measured[base] ?? measured[CLAUDE_CODE_DEFAULT_MODEL]!;
  return {
    id,
    contextWindow: oneM || ONE_MILLION.has(family) ? 1_000_000 : 200_000,
    charsPerToken: FOUR_CHARS_PER_TOKEN.has(family) ? 4 : 3,
    bundled: m.bundled,
    builtinAgents: m.builtinAgents,
  };
}

export function knownModels(): string[] {
  return Object.keys(measured);
}
