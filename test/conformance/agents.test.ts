/**
 * Other agents' loading held to their binaries: the goldens under agent-goldens/<agent>/ were
 * recorded from GitHub Copilot CLI and OpenAI Codex themselves (scripts/conformance/agents.mjs);
 * the analyzer must agree with every one exactly (kept characters of a cut file within 1%).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeAgent } from '../../src/analyze/agents.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { compareAgentFacts, extractAgentFacts, predictAgentFacts, type AgentFacts } from '../../src/conformance/agent-facts.js';
import { AGENT_IDS, AGENT_PROFILES } from '../../src/model/agents.js';
import { CORPORA, counter, FIXTURES } from '../helpers.js';

const GOLDENS = path.join(path.dirname(new URL(import.meta.url).pathname), 'agent-goldens');

function frameworkDir(id: string): string {
  if (id.startsWith('fixture-')) return path.join(FIXTURES, id.slice('fixture-'.length));
  const m = /^corpus-(.+)-(base|head)$/.exec(id)!;
  return path.join(CORPORA, m[1]!, m[2]!);
}

describe.each(AGENT_IDS)('conformance with %s (goldens from its binary)', (id) => {
  const profile = AGENT_PROFILES[id];
  const dir = path.join(GOLDENS, id);
  const goldens = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as AgentFacts & { framework: string });

  it(`has a golden for every fixture, recorded from ${profile.npm.package}@${profile.npm.version}`, () => {
    for (const f of readdirSync(FIXTURES).filter((d) => !d.startsWith('.'))) expect(goldens.map((g) => g.framework)).toContain(`fixture-${f}`);
    for (const g of goldens) expect(g).toMatchObject({ agent: id, version: profile.npm.version });
  });

  const absent = goldens.filter((g) => g.framework.startsWith('corpus-') && !existsSync(frameworkDir(g.framework))).length;
  if (absent) it.skip(`${absent} corpus cases: ../shared/corpora is absent on this machine`, () => undefined);
  const cases = goldens.filter((g) => existsSync(frameworkDir(g.framework)));
  it.each(cases.map((g) => [g.framework, g] as const))('%s: the analyzer predicts exactly what the agent loaded', async (_name, golden) => {
    const snap = await analyzeAgent(worktreeSource(frameworkDir(golden.framework)), profile, counter);
    expect(compareAgentFacts(predictAgentFacts(snap), golden, { unordered: profile.listing.filesystemOrder })).toEqual([]);
  });
});

describe('the facts of a request', () => {
  it('finds a file read whole, a cut one with the characters kept, Copilot-style imports and listings', () => {
    const agents = 'Rule one of the handbook.\n@docs/x.md\nRule two.\n' + 'x'.repeat(1000) + '\n';
    const imported = '# Imported text here\n';
    const kept = agents.slice(0, 600);
    const system = [
      // Copilot's way: the imported file right after its `@path` token.
      '<custom_instruction>\n' +
        agents.replace('@docs/x.md', `@docs/x.md\n\n<imported_custom_instruction source="/r/docs/x.md">\n${imported}</imported_custom_instruction>`),
      '</custom_instruction>',
      '<available_skills>\n<skill>\n  <name>a&amp;b</name>\n  <description>D</description>\n  <location>project</location>\n</skill>\n<skill>\n  <name>github-pr-media</name>\n  <description>x</description>\n  <location>builtin</location>\n</skill>\nAdditional skills available (invoke by name): late, customize-cloud-agent\n</available_skills>',
    ].join('\n');
    const body = {
      messages: [{ role: 'system', content: system }],
      tools: [{ function: { description: 'User-provided custom agents:\n- **rev**: Reviews.' } }],
    };
    const files = new Map([
      ['AGENTS.md', agents],
      ['docs/x.md', imported],
      ['CUT.md', kept + 'never sent'.repeat(50)],
      ['tiny.md', 'x\n'],
    ]);
    // The cut file's prefix is in the request as part of AGENTS.md's text.
    const facts = extractAgentFacts('copilot', '1', body, files, AGENT_PROFILES.copilot.listing.bundled, '/r');
    expect(facts.instructions).toEqual([
      { file: 'AGENTS.md', chars: agents.length },
      { file: 'CUT.md', chars: files.get('CUT.md')!.length, keptChars: 600 },
      { file: 'docs/x.md', chars: imported.length },
    ]);
    expect(facts.skills).toEqual([
      { name: 'a&b', described: true },
      { name: 'late', described: false },
    ]);
    expect(facts.agents).toEqual(['rev']);
  });

  it('says where a prediction disagrees: a file not predicted, a cut off by more than 1%, another listing', () => {
    const rec: AgentFacts = {
      agent: 'codex',
      version: '1',
      instructions: [{ file: 'AGENTS.md', chars: 40_000, keptChars: 32_000 }],
      skills: [{ name: 'a', described: true }],
      agents: [],
    };
    expect(compareAgentFacts({ ...rec, instructions: [{ file: 'AGENTS.md', chars: 40_000, keptChars: 31_700 }] }, rec)).toEqual([]);
    expect(compareAgentFacts({ ...rec, instructions: [{ file: 'AGENTS.md', chars: 40_000, keptChars: 31_600 }] }, rec)).toEqual([
      'instruction file AGENTS.md: the agent kept 32000 characters, predicted 31600',
    ]);
    expect(compareAgentFacts({ ...rec, instructions: [] }, rec)).toEqual([
      'instruction file AGENTS.md: read by the agent (cut to 32000 characters), not predicted',
    ]);
    expect(compareAgentFacts({ ...rec, skills: [{ name: 'a', described: false }] }, rec)).toEqual(['skills listed: the agent [a], predicted [a (name only)]']);
  });
});
