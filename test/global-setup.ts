/**
 * Fetches the pinned Claude Code once for the whole run (the tests that run it share one binary; no
 * two files race to unpack it). Without the network the tests that need it skip, and say why here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureClaudeCode, PINNED_CLAUDE_CODE_VERSION } from '../src/collect/claude-code.js';
import { sandboxSupport } from '../src/collect/sandbox.js';
import { ensureAgent } from '../src/collect/agent-binary.js';
import { AGENT_PROFILES } from '../src/model/agents.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The pinned Claude Code executable, or "" when it could not be fetched, or when no sandbox can be made to run it in. */
    claudeCode: string;
    /** Gemini CLI's package fetched (the agent --measure runs in tests), or why not: "" when it is there. */
    geminiSkip: string;
  }
}

/** Fetches the pinned Gemini CLI (about 100 MB; the other agents' --measure tests run it), or says why the tests skip. */
async function fetchGemini(project: TestProject): Promise<void> {
  const support = await sandboxSupport();
  if ('error' in support) {
    project.provide('geminiSkip', support.error);
    return;
  }
  try {
    await ensureAgent(AGENT_PROFILES.gemini);
    project.provide('geminiSkip', '');
  } catch (e) {
    const why = `Gemini CLI ${AGENT_PROFILES.gemini.npm.version} could not be fetched from the npm registry: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
    console.warn(`\nSKIPPED: the tests that run another agent through --measure (test/conformance/agent-measure.test.ts), because ${why}.\n`);
    project.provide('geminiSkip', why);
  }
}

export async function setup(project: TestProject): Promise<void> {
  await fetchGemini(project);
  const corpora = path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpora');
  if (!existsSync(corpora))
    console.warn(
      `\nSKIPPED: the tests on the real frameworks of ${corpora} (test/corpora.test.ts, test/optimize/corpora.test.ts, the corpus cases of test/conformance/conformance.test.ts), because that folder is absent on this machine.\n`,
    );
  try {
    const binary = await ensureClaudeCode(PINNED_CLAUDE_CODE_VERSION);
    // --measure runs Claude Code only in a sandbox: where none can be made, those tests can't run either.
    const support = await sandboxSupport();
    if ('error' in support) {
      console.warn(`\nSKIPPED: the tests that run Claude Code through --measure: ${support.error}\n`);
      project.provide('claudeCode', '');
      return;
    }
    project.provide('claudeCode', binary);
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    console.warn(
      `\nSKIPPED: the tests that run Claude Code ${PINNED_CLAUDE_CODE_VERSION} (test/conformance/*: measure, settings, models, marketplaces; test/optimize/verify.test.ts), because it could not be fetched from the npm registry: ${why}. They need the network once; the binary is cached in ~/.cache/context-budget/claude-code.\n`,
    );
    project.provide('claudeCode', '');
  }
}
