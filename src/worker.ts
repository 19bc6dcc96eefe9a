/**
 * Large runs happen in a worker thread with a capped young generation: the Action always, the CLI
 * when the framework is over OFFLOAD_BYTES (pipeline.ts; a worker costs about 50 ms of CPU to start).
 * Reading, planning and counting tens of megabytes of prompts allocates fast; V8 then grows its
 * nursery to two 64 MB semispaces and keeps them for the rest of the run. Capped, a 10,000-file /
 * 50 MB-per-side diff peaks at about 365 MB instead of 440 to 550 MB, for the same CPU (bench/run.mjs
 * prints both). Arguments, environment, output and the exit code pass through as they are.
 * CONTEXT_BUDGET_IN_PROCESS=1 keeps everything in the main thread (a CPU profile sees only that thread).
 */
import { isMainThread, Worker } from 'node:worker_threads';

/** The worker's young generation (two semispaces and the nursery's large objects), in MB. */
export const YOUNG_GENERATION_MB = 8;

/** Whether this thread may hand its work to a worker (the main thread, unless told to stay in process). */
export function canRelay(): boolean {
  return isMainThread && process.env.CONTEXT_BUDGET_IN_PROCESS !== '1';
}

/** Runs the entry file in a worker with the same arguments; resolves to its exit code. */
export function runInWorker(entry: URL): Promise<number> {
  return new Promise((resolve) => {
    const worker = new Worker(entry, { argv: process.argv.slice(2), resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    // An error nothing caught in the worker: said here; the worker then exits with 1.
    worker.on('error', (e) => void process.stderr.write(`context-budget: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`));
    worker.on('exit', (code) => resolve(code));
  });
}
