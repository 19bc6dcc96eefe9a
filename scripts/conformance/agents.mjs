#!/usr/bin/env node
// Records what other coding agents load at session start, from their own binaries, as facts
// (src/conformance/agent-facts.ts) into test/conformance/agent-goldens/<agent>/<framework>.json.
//
//   npm run conformance:agents                          record every agent on every fixture and corpus side
//   npm run conformance:agents -- --check               record into memory and compare with the analyzer
//   npm run conformance:agents -- --agent codex --dir PATH   any folder, live: the binary vs the analyzer
//
// Each agent runs exactly as `--measure AGENT` runs it (src/conformance/agent-measure.ts): its npm
// package fetched once into ~/.cache/context-budget/agents, each framework staged as its Markdown
// only, the binary run inside the sandbox (namespaces, a new root, no network but a loopback fake
// of its model API that answers "ok" and never calls a tool, a fresh home with hooks, MCP and
// extensions off, a fixed environment).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeAgent } from '../../build/analyze/agents.js';
import { worktreeSource } from '../../build/collect/worktree.js';
import { compareAgentFacts, predictAgentFacts } from '../../build/conformance/agent-facts.js';
import { measureAgent } from '../../build/conformance/agent-measure.js';
import { AGENT_IDS, AGENT_PROFILES } from '../../build/model/agents.js';
import { TokenCounter } from '../../build/tokenize/counter.js';
import { loadTokenizer, TOKENIZER_NAME } from '../../build/tokenize/tokenizer.js';
import { frameworks, ROOT } from './frameworks.mjs';

const GOLDENS = path.join(ROOT, 'test/conformance/agent-goldens');
const args = process.argv.slice(2);
const check = args.includes('--check');
const dirs = args.flatMap((a, i) => (args[i - 1] === '--dir' ? [path.resolve(a)] : []));
const agents = args.flatMap((a, i) => (args[i - 1] === '--agent' ? [a] : []));
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--dir' && args[i - 1] !== '--agent');
for (const a of agents) if (!AGENT_IDS.includes(a)) throw new Error(`--agent ${a}: one of ${AGENT_IDS.join(', ')}`);
const chosen = agents.length ? agents : AGENT_IDS;
const counter = new TokenCounter(loadTokenizer, TOKENIZER_NAME);
const cacheDir = process.env.CONTEXT_BUDGET_AGENT_CACHE || path.join(os.homedir(), '.cache', 'context-budget', 'agents');

/** The binary's facts of one framework and the analyzer's prediction for it, through --measure's path. */
async function record(profile, dir, id) {
  const source = worktreeSource(dir);
  const snap = await analyzeAgent(source, profile, counter);
  let facts;
  let requests = [];
  const [side] = await measureAgent(
    [{ name: id.replace(/[^\w.-]/g, '_'), source, snapshot: { agents: [snap] } }],
    { id: profile.id, version: profile.npm.version },
    {
      cacheDir,
      log: (s) => console.error(s),
      onFacts: (_side, f) => (facts = f),
      onRequests: (_side, rs) => (requests = rs),
    },
  );
  const m = side.agents[0].measured;
  if (!facts) throw new Error(`${profile.name} on ${id}: ${m.error ?? 'no facts'}`);
  // For a safety check: every request body, appended to a file (CONTEXT_BUDGET_AGENT_REQUESTS).
  if (process.env.CONTEXT_BUDGET_AGENT_REQUESTS) for (const r of requests) fs.appendFileSync(process.env.CONTEXT_BUDGET_AGENT_REQUESTS, `${r.url} ${r.body}\n`);
  return { facts, predicted: predictAgentFacts(snap) };
}

let disagreements = 0;
const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-agents-empty-'));
try {
  for (const id of chosen) {
    const profile = AGENT_PROFILES[id];
    const list = dirs.length
      ? dirs.map((d) => ({ id: path.basename(d), dir: d }))
      : frameworks().filter((f) => !only.length || only.some((o) => f.id.includes(o)));
    for (const fw of list) {
      const { facts, predicted } = await record(profile, fw.dir, fw.id);
      const diff = compareAgentFacts(predicted, facts, { unordered: profile.listing.filesystemOrder });
      disagreements += diff.length;
      console.log(
        `${profile.id} ${fw.id}: ${facts.instructions.length} instruction files, ${facts.skills.length} skills (${facts.skills.filter((s) => !s.described).length} by name only), ${facts.agents.length} agents, ${diff.length} disagreements`,
      );
      for (const d of diff) console.log(`  - ${d}`);
      if (!check && !dirs.length) {
        fs.mkdirSync(path.join(GOLDENS, profile.id), { recursive: true });
        const { requestChars: _drop, ...kept } = facts;
        fs.writeFileSync(path.join(GOLDENS, profile.id, `${fw.id}.json`), JSON.stringify({ framework: fw.id, ...kept }, null, 2) + '\n');
      }
    }
    // The fixed overhead: everything the agent sends for an empty repository.
    if (!dirs.length && !only.length) {
      const { facts } = await record(profile, empty, 'empty');
      console.log(`${profile.id}: an empty repository's request carries ${facts.requestChars} characters (profile: ${profile.overheadChars})`);
    }
  }
} finally {
  fs.rmSync(empty, { recursive: true, force: true });
}
if (check || dirs.length) {
  console.log(disagreements ? `${disagreements} disagreements` : 'no disagreement');
  process.exitCode = disagreements ? 1 : 0;
}
