/**
 * Model ids as Claude Code 2.1.332 resolves and sizes them (src/model/profiles.ts): aliases with a
 * `[1m]` suffix kept, case, dated ids, the older models' 200K window and 4 characters per token,
 * and what counts as known (issue 24: these mutants survived; the binary's own sizing is held by
 * test/conformance/model-ids.test.ts, which the mutation suite leaves out).
 */
import { describe, expect, it } from 'vitest';
import { CLAUDE_CODE_DEFAULT_MODEL, isKnownModel, knownModels, MODEL_ALIASES, modelProfile, resolveModelId } from '../../src/model/profiles.js';

describe('resolveModelId', () => {
  it('resolves an alias in any case, keeping a trailing [1m] written in any case as [1m]', () => {
    expect(resolveModelId('opus')).toBe(MODEL_ALIASES.opus);
    expect(resolveModelId('Sonnet')).toBe(MODEL_ALIASES.sonnet);
    expect(resolveModelId('haiku[1M]')).toBe(`${MODEL_ALIASES.haiku}[1m]`);
    // Only a trailing [1m] is the suffix: anything else is not an alias and stays as written.
    expect(resolveModelId('opus[1m]x')).toBe('opus[1m]x');
    expect(resolveModelId('claude-sonnet-4-6')).toBe('claude-sonnet-4-6');
  });
});

describe('isKnownModel', () => {
  it("knows measured models, aliases, Claude's families, the older models, dated and [1m] forms; nothing else", () => {
    for (const id of [
      'claude-opus-5-5',
      'OPUS',
      'claude-sonnet-9',
      'claude-opus-12-1',
      'claude-3-opus',
      'claude-3-opus-20240229',
      'claude-3.5-sonnet',
      'claude-sonnet-4-6[1m]',
      'Claude-Haiku-4-5',
    ])
      expect(isKnownModel(id), id).toBe(true);
    for (const id of ['gpt-4o', 'claude-3-opus-2024022', 'claude-3-opus-20240229-x', 'claude-opus', 'claude-sonnet-4-6[1m]x', 'claude-3-opus20240229'])
      expect(isKnownModel(id), id).toBe(false);
  });

  it('lists every measured model, alias and older model once', () => {
    const known = knownModels();
    expect(new Set(known).size).toBe(known.length);
    for (const id of [CLAUDE_CODE_DEFAULT_MODEL, 'claude-sonnet-4-6', 'opus', 'opusplan', 'claude-3-opus', 'claude-haiku-4-5']) expect(known, id).toContain(id);
  });
});

describe('modelProfile', () => {
  it('sizes the older models at 200K and 4 characters per token, 1M with [1m]; every other model at 1M and 3', () => {
    expect(modelProfile('claude-3-opus')).toMatchObject({ id: 'claude-3-opus', contextWindow: 200_000, charsPerToken: 4 });
    expect(modelProfile('claude-3-opus-20240229[1M]')).toMatchObject({ contextWindow: 1_000_000, charsPerToken: 4 });
    expect(modelProfile('claude-sonnet-9')).toMatchObject({ contextWindow: 1_000_000, charsPerToken: 3 });
    expect(modelProfile('sonnet[1m]')).toMatchObject({ id: `${MODEL_ALIASES.sonnet}[1m]`, contextWindow: 1_000_000 });
  });

  it("takes a measured model's bundled entries in any case, and the default model's for the rest", () => {
    const measured = modelProfile('claude-sonnet-4-6');
    const dflt = modelProfile();
    expect(dflt.id).toBe(CLAUDE_CODE_DEFAULT_MODEL);
    // The two measured models' entries are equal today: told apart by which record they come from.
    expect(measured.bundled).not.toBe(dflt.bundled);
    expect(modelProfile('Claude-Sonnet-4-6[1m]').bundled).toBe(measured.bundled);
    expect(modelProfile('claude-sonnet-9').bundled).toBe(dflt.bundled);
  });
});
