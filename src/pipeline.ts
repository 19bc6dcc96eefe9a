import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze, analyzePair, type AnalyzeOptions } from './analyze/index.js';
import { openSource } from './collect/open.js';
import { readSnapshotFile } from './collect/snapshot-file.js';
import type { FrameworkSource } from './collect/types.js';
import type { CliOptions, Proc } from './cli-options.js';
import { compare } from './compare/index.js';
import { loadConfig, type Config } from './config/load.js';
import { UserError } from './errors.js';
import type { GateReport, LoadTimeComparison } from './model/report.js';
import type { Snapshot } from './model/snapshot.js';
import { measureOne, measurePair, parseMeasureSpec, requestTokenCounter, type MeasureOptions } from './conformance/measure.js';
import { recommend } from './optimize/rank.js';
import { renderAnalyzeText } from './render/analyze-text.js';
import { renderComment, SUMMARY_LIMIT } from './render/comment.js';
import { renderDiffText } from './render/diff-text.js';
import { logSafe } from './render/escape.js';
import { TokenCounter } from './tokenize/counter.js';
import { CACHE_FILE, defaultCacheDir, FileCountStore } from './tokenize/file-store.js';
import { loadTokenizer, TOKENIZER_NAME } from './tokenize/tokenizer.js';
import { VERSION } from './version.js';

function counterFor(o: CliOptions, proc: Proc): { counter: TokenCounter; save: () => void } {
  if (!o.cache) return { counter: new TokenCounter(loadTokenizer, TOKENIZER_NAME), save: () => undefined };
  const store = new FileCountStore(path.join(o.cacheDir ? path.resolve(proc.cwd, o.cacheDir) : defaultCacheDir(proc.env, os.homedir()), CACHE_FILE));
  return {
    counter: new TokenCounter(loadTokenizer, TOKENIZER_NAME, store),
    save: () => {
      try {
        store.save();
      } catch (e) {
        proc.stderr.write(`context-budget: could not write the token cache ${store.file}: ${(e as Error).message}\n`);
      }
    },
  };
}

/**
 * JSON for stdout, which may be a workflow's log: the same data, with `##[` written as `#\u0023[`
 * so that no line of it reads as a workflow command (`::` can't start a line of indented JSON).
 */
function jsonOut(v: unknown): string {
  return JSON.stringify(v, null, 2).replace(/##\[/g, '#\\u0023[') + '\n';
}

/** The config with the CLI's flags applied: --model, --window, --chars-per-token, --plugins, --user-scope. */
function configFor(dir: string, o: CliOptions): Config {
  const config = loadConfig(dir, o.config, {
    ...(o.model ? { id: o.model } : {}),
    ...(o.window ? { contextWindow: o.window } : {}),
    ...(o.charsPerToken ? { charsPerToken: o.charsPerToken } : {}),
  });
  return { ...config, ...(o.plugins ? { installedPlugins: o.plugins } : {}), ...(o.userScope ? { userScope: o.userScope } : {}) };
}

/** What the analyze stage takes from a config. */
export function analyzeOptions(config: Config, rounds?: number): AnalyzeOptions {
  // Timed rounds only when a budget asks for load time (opt-in): the default verdict never depends on timing.
  const timed = config.assertions.some((a) => a.metric === 'loadTimeRatio' && a.level !== 'off');
  return {
    model: config.model,
    limits: config.limits,
    installedPlugins: config.installedPlugins,
    listingScope: config.listingScope,
    userScope: config.userScope,
    toolVersion: VERSION,
    loadTimeRounds: timed ? rounds : 0,
  };
}

export async function analyzeCommand(positionals: string[], o: CliOptions, proc: Proc): Promise<number> {
  const dir = path.resolve(proc.cwd, positionals[0] ?? '.');
  const config = configFor(dir, o);
  const source = await openSource(dir, o.ref);
  if (proc.offload && (await large([{ kind: 'source', source, label: '' }]))) return proc.offload();
  const { counter, save } = counterFor(o, proc);
  let snapshot = await analyze(source, analyzeOptions(config, o.rounds), counter);
  const measure = measureOptions(o, config, counter, proc);
  if (measure) snapshot = { ...snapshot, claudeCode: await measureOne(source, snapshot, measure) };
  save();
  proc.stdout.write(
    o.json ? jsonOut(snapshot) : logSafe(renderAnalyzeText(snapshot, { files: o.files, recommendations: recommend(snapshot, config.minSaving) })),
  );
  return 0;
}

type Side = { kind: 'snapshot'; snapshot: Snapshot; label: string } | { kind: 'source'; source: FrameworkSource; label: string };

/** A side of a diff: a snapshot JSON file, a directory (working tree), or a git revision of the repository at dir. */
export async function openSide(spec: string | undefined, dir: string): Promise<Side> {
  if (spec === undefined) return { kind: 'source', source: await openSource(dir), label: 'working tree' };
  const asPath = path.resolve(dir, spec);
  if (spec.endsWith('.json') && existsSync(asPath) && statSync(asPath).isFile()) return { kind: 'snapshot', snapshot: readSnapshotFile(asPath), label: spec };
  if (existsSync(asPath) && statSync(asPath).isDirectory() && !/^[0-9a-f]{7,40}$/.test(spec))
    return { kind: 'source', source: await openSource(asPath), label: spec };
  return { kind: 'source', source: await openSource(dir, spec), label: spec };
}

/** --measure: how to run Claude Code on the sides, or undefined when not asked for. */
export function measureOptions(
  o: Pick<CliOptions, 'measure' | 'measureRounds'>,
  config: Config,
  counter: TokenCounter,
  proc: Pick<Proc, 'env' | 'stderr'>,
): MeasureOptions | undefined {
  if (!o.measure) return undefined;
  try {
    parseMeasureSpec(o.measure);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const log = (s: string) => void proc.stderr.write(`context-budget: ${s}\n`);
  return {
    spec: o.measure,
    model: config.model,
    rounds: o.measureRounds ?? 3,
    countRequest: requestTokenCounter(counter, proc.env.ANTHROPIC_API_KEY, proc.env.ANTHROPIC_BASE_URL, log),
    log,
  };
}

/** Analyzes both sides (interleaving load-time rounds when both are sources) and compares them. */
export async function runDiff(
  baseSide: Side,
  headSide: Side,
  config: Config,
  counter: TokenCounter,
  rounds?: number,
  measure?: MeasureOptions,
): Promise<GateReport> {
  const opts = analyzeOptions(config, rounds);
  let base: Snapshot;
  let head: Snapshot;
  let loadTime: LoadTimeComparison | null = null;
  if (baseSide.kind === 'source' && headSide.kind === 'source') {
    const pair = await analyzePair(baseSide.source, headSide.source, opts, counter);
    ({ base, head, loadTime } = pair);
  } else {
    base = baseSide.kind === 'snapshot' ? baseSide.snapshot : await analyze(baseSide.source, opts, counter);
    head = headSide.kind === 'snapshot' ? headSide.snapshot : await analyze(headSide.source, opts, counter);
  }
  if (measure) {
    if (baseSide.kind !== 'source' || headSide.kind !== 'source')
      throw new UserError('--measure needs both sides as git revisions or directories (Claude Code runs on the files), not snapshot files');
    const m = await measurePair({ source: baseSide.source, snapshot: base }, { source: headSide.source, snapshot: head }, measure);
    const report = compare(
      {
        base: { ...base, claudeCode: m.base },
        head: { ...head, claudeCode: m.head },
        baseLabel: baseSide.label,
        headLabel: headSide.label,
        loadTime: m.loadTime,
      },
      config,
    );
    return { ...report, claudeCode: { base: m.base, head: m.head } };
  }
  return compare({ base, head, baseLabel: baseSide.label, headLabel: headSide.label, loadTime }, config);
}

/** Listed bytes of the sources read, past which the CLI runs in a worker with a capped young generation (worker.ts). */
export const OFFLOAD_BYTES = 32 * 1024 * 1024;

/** Whether the sources are large enough to be worth a worker's start-up (about 50 ms of CPU). */
async function large(sides: Side[]): Promise<boolean> {
  let bytes = 0;
  for (const s of sides) if (s.kind === 'source') for (const e of await s.source.list()) bytes += e.type === 'file' ? e.size : 0;
  return bytes > OFFLOAD_BYTES;
}

export async function diffCommand(positionals: string[], o: CliOptions, proc: Proc): Promise<number> {
  if (positionals.length < 1 || positionals.length > 2) throw new UserError('diff expects <base> [<head>]: git revisions, directories or snapshot JSON files');
  const dir = path.resolve(proc.cwd, o.dir ?? '.');
  const config = configFor(dir, o);
  const [baseSide, headSide] = [await openSide(positionals[0], dir), await openSide(positionals[1], dir)];
  if (proc.offload && (await large([baseSide, headSide]))) return proc.offload();
  const { counter, save } = counterFor(o, proc);
  const report = await runDiff(baseSide, headSide, config, counter, o.rounds, measureOptions(o, config, counter, proc));
  save();
  proc.stdout.write(o.json ? jsonOut(report) : logSafe(o.markdown ? renderComment(report, { limit: SUMMARY_LIMIT }) : renderDiffText(report)));
  return report.verdict === 'fail' ? 1 : 0;
}
