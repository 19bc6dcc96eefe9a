import { run } from './main.js';
import { relayToWorker } from './worker.js';

const relayed = relayToWorker(new URL(import.meta.url));
if (relayed) process.exit(await relayed);
await run();
// The verdict is set (exit code, outputs, summary, log): leave now, even if a GitHub call given up
// at the deadline still holds a socket or a retry timer open.
process.exit(process.exitCode ?? 0);
