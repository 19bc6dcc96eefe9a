#!/usr/bin/env node
import module from 'node:module';
import { run } from './cli.js';
import { canRelay, runInWorker } from './worker.js';

// Stack traces through the bundle's source maps, when debugging (Node's own support: no cost otherwise).
if (process.env.CONTEXT_BUDGET_DEBUG) process.setSourceMapsEnabled(true);
// A reader that stops early (`--json | head -1`) is not a failure: the verdict's exit code stands.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});
const entry = new URL(import.meta.url);
process.exitCode = await run({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  // A large framework is measured in a worker (worker.ts); a small one right here.
  ...(canRelay() ? { offload: () => runInWorker(entry) } : {}),
  // Node 22.8+ (the Action's node24); a no-op on older Node.
  compileCache: (dir) => void module.enableCompileCache?.(dir),
});
