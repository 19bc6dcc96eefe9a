/**
 * The line that says what another agent's own binary loaded (--measure AGENT), in process and without
 * the binary: the measurement is data, so every shape of it (both sides, one side, an error, a cut
 * file, drift past five items, singular and plural) is rendered here exactly. The live runs are in
 * test/conformance/agent-measure.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { measuredLine } from '../../src/render/agent-measured.js';
import type { AgentMeasurement } from '../../src/model/snapshot.js';

const plain = (t: string) => t;
const clip = (t: string, n: number) => `[${t.slice(0, n)}]`;
const m = (over: Partial<AgentMeasurement> = {}): AgentMeasurement => ({
  version: '0.61.0',
  instructions: [{ file: 'GEMINI.md' }, { file: 'docs/style.md' }],
  skills: 3,
  nameOnly: ['a'],
  agents: 2,
  requestChars: 12345,
  drift: [],
  ...over,
});

describe('measuredLine', () => {
  it('both sides of a diff, each labelled, plain text', () => {
    expect(measuredLine('Gemini CLI', { base: m({ skills: 1, agents: 1, nameOnly: [], instructions: [{ file: 'GEMINI.md' }] }), head: m() }, plain)).toBe(
      'Gemini CLI 0.61.0, measured by running it (sandboxed, offline): ' +
        'base: 1 instruction file, 1 skill (0 by name only), 1 agent; 12,345 characters sent; no drift from the analysis; ' +
        'head: 2 instruction files, 3 skills (1 by name only), 2 agents; 12,345 characters sent; no drift from the analysis.',
    );
  });

  it('one side (an analysis or the roadmap) has no label; markdown is bold and flags drift', () => {
    const drift = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'];
    expect(measuredLine('Codex', { head: m({ version: '0.171.0', drift }) }, clip, true)).toBe(
      '**[Codex] [0.171.0], measured by running it** (sandboxed, offline): 2 instruction files, 3 skills (1 by name only), 2 agents; 12,345 characters sent; ' +
        '⚠️ **drift** from the analysis: [d1]; [d2]; [d3]; [d4]; [d5]; and 2 more.',
    );
  });

  it('a file the agent cut, and nothing known but the version', () => {
    const cut = m({ instructions: [{ file: 'AGENTS.md', keptChars: 32768 }, { file: 'docs/x.md' }], drift: ['one'] });
    expect(measuredLine('Codex', { head: cut }, plain)).toBe(
      'Codex 0.61.0, measured by running it (sandboxed, offline): 2 instruction files (AGENTS.md cut to 32,768 characters), 3 skills (1 by name only), ' +
        '2 agents; 12,345 characters sent; drift from the analysis: one.',
    );
    expect(measuredLine('X', { head: { version: '1', drift: [] } }, plain)).toBe(
      'X 1, measured by running it (sandboxed, offline): 0 instruction files, 0 skills (0 by name only), 0 agents; 0 characters sent; no drift from the analysis.',
    );
  });

  it('a side that could not be measured says why; the version comes from the base when the head has none', () => {
    const line = measuredLine(
      'Gemini CLI',
      { base: { version: '0.60.0', drift: [], error: 'npm fetch failed' }, head: { version: '', drift: [], error: 'x'.repeat(300) } },
      clip,
    );
    expect(line).toBe(
      `[Gemini CLI] [], measured by running it (sandboxed, offline): base: could not be measured ([npm fetch failed]); head: could not be measured ([${'x'.repeat(200)}]).`,
    );
    expect(measuredLine('G', { base: m({ version: '0.59.0' }) }, plain)).toMatch(/^G 0\.59\.0, measured/);
    // Names and versions are repository or registry text: bounded like any other.
    expect(measuredLine('N'.repeat(50), { head: m({ version: 'v'.repeat(30) }) }, clip)).toMatch(
      new RegExp(`^\\[${'N'.repeat(40)}\\] \\[${'v'.repeat(20)}\\],`),
    );
  });
});
