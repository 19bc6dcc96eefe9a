import { canRelay, runInWorker } from './worker.js';

// Stack traces through the bundle's source maps, when debugging (Node's own support: no cost otherwise).
if (process.env.CONTEXT_BUDGET_DEBUG) process.setSourceMapsEnabled(true);
// The main thread loads nothing but the relay: the Action's modules are loaded once, in the worker.
if (canRelay()) process.exit(await runInWorker(new URL(import.meta.url)));
const { run } = await import('./main.js');
await run();
// The verdict is set (exit code, outputs, summary, log): leave now, even if a GitHub call given up
// at the deadline still holds a socket or a retry timer open.
process.exit(process.exitCode ?? 0);
