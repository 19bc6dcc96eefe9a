/**
 * Fetches the pinned Claude Code once for the whole run (the tests that run it share one binary; no
 * two files race to unpack it). Without the network the tests that need it skip, and say why here.
 */
import type { TestProject } from 'vitest/node';
import { ensureClaudeCode, PINNED_CLAUDE_CODE_VERSION } from '../src/collect/claude-code.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The pinned Claude Code executable, or "" when it could not be fetched. */
    claudeCode: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  try {
    project.provide('claudeCode', await ensureClaudeCode(PINNED_CLAUDE_CODE_VERSION));
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    console.warn(
      `\nSKIPPED: the tests that run Claude Code ${PINNED_CLAUDE_CODE_VERSION} (test/conformance/*: measure, settings, models, marketplaces), because it could not be fetched from the npm registry: ${why}. They need the network once; the binary is cached in ~/.cache/context-budget/claude-code.\n`,
    );
    project.provide('claudeCode', '');
  }
}
