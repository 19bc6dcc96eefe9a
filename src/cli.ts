import path from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDirOf, COMPILE_CACHE_DIR } from './tokenize/file-store.js';
import { errorMessage, UserError } from './errors.js';
import type { CliOptions, Proc } from './cli-options.js';
import { VERSION } from './version.js';

export type { CliOptions, Proc } from './cli-options.js';

export const HELP = `context-budget ${VERSION}: what a Claude Code framework costs in context, and what a change does to it.

Usage
  context-budget analyze [dir] [--ref REV] [--json] [options]
      Measure a framework: a directory's working tree, or one commit (--ref) read from git objects.
  context-budget diff <base> [<head>] [--dir DIR] [--json|--markdown] [options]
      Compare two sides against the budgets. A side is a git revision of DIR's repository or a
      snapshot JSON file; <head> defaults to the working tree. Exits 1 exactly when the verdict is fail.
  context-budget optimize [dir] [--apply [--force]] [--only KIND]... [--json] [options]
      Plan edits that take text out of what every session loads, each with its predicted saving:
      lazy-loading (a procedure or reference section becomes a skill), conditional-loading (a
      section about some paths becomes a rule with paths:), listing-fit (descriptions cut at a
      sentence to the listing's budget), agent-descriptions (examples move to the agent's body),
      duplication, imports (cycles, depth). --apply writes them to the working tree (never commits;
      a tree with changes needs --force), prints the diff and measures again: predicted vs achieved.
      --verify claude-code[@VERSION] (with --apply) runs Claude Code before and after, as --measure
      does, and checks that the moved text left its first request, each new skill is listed with
      its description, and no entry lost its description.
  context-budget help

Options
  --config FILE         budget config (default: .github/context-budget.yml or .json, if present)
  --model ID            the model whose window and listing budget apply (default: Claude Code's
                        default model, claude-opus-5-5 in 2.1.332; e.g. claude-sonnet-4-6)
  --plugins SET         which of the repository's plugins count as installed: all (default),
                        none, or NAME[,NAME...]
  --user-scope DIR      a folder of the repository that users install as ~/.claude
  --measure claude-code[@VERSION]
                        also run the real Claude Code on each side (fetched from the npm registry
                        and cached) in a sandbox (namespaces, a new root: no network but its
                        loopback capture, nothing of the machine), with settings keys that run
                        commands dropped and marketplace plugins installed as users install them;
                        report what it sent, its start-up time and any drift from the model.
                        With ANTHROPIC_API_KEY set, the first request is counted exactly.
                        Other agents too, comma-separated: codex, copilot, gemini, opencode, qwen,
                        pi (each [@VERSION]), e.g. --measure claude-code,codex: each binary runs on
                        the sides' Markdown only, in the same sandbox, against a loopback fake of
                        its model API; what it loaded, and any drift from the analysis.
  --measure-rounds N    Claude Code runs per side for its start-up time (default 3)
  --window N            context window in tokens (overrides the model's)
  --chars-per-token N   characters per token (overrides the model's: 3 current, 4 older)
  --rounds N            load-time rounds (default 5)
  --cache-dir DIR       persistent token-count cache (default ~/.cache/context-budget)
  --no-cache            do not read or write the persistent cache
  --files N             rows of the largest-files table (default 15)
  --agent ID            also measure what another agent loads of the same files, against its own
                        limits: copilot (GitHub Copilot CLI), codex (OpenAI Codex), gemini
                        (Gemini CLI), opencode, qwen (Qwen Code), pi, or all;
                        repeatable (config: agents). Claude Code is always measured.
  --html FILE           also write a self-contained HTML report to FILE: a zoomable treemap of
                        tokens (base, head and change in a diff), the skill listing against its
                        budget, and a plain table (the same numbers as --json)

Token counts are estimates (o200k_base); Claude's own tokenizer is not public.
`;

/** Runs the CLI; resolves to the exit code. */
export async function run(proc: Proc): Promise<number> {
  const [command, ...rest] = proc.argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    proc.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    proc.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    const { parsed, options } = parseCli(rest);
    // Before the pipeline's code loads: compiled once, then read back (with --no-cache: neither).
    if (options.cache && proc.compileCache)
      proc.compileCache(proc.env.NODE_COMPILE_CACHE ? undefined : path.join(cacheDirOf(options, proc), COMPILE_CACHE_DIR));
    const pipeline = await import('./pipeline.js');
    if (command === 'analyze') return await pipeline.analyzeCommand(parsed.positionals, options, proc);
    if (command === 'diff') return await pipeline.diffCommand(parsed.positionals, options, proc);
    if (command === 'optimize') return await pipeline.optimizeCommand(parsed.positionals, options, proc);
    throw new UserError(`Unknown command "${command}". Run "context-budget help".`);
  } catch (e) {
    if (e instanceof UserError) {
      proc.stderr.write(`context-budget: ${e.message}\n`);
      return 2;
    }
    proc.stderr.write(`context-budget: internal error: ${errorMessage(e)}\n${proc.env.CONTEXT_BUDGET_DEBUG ? (e as Error).stack + '\n' : ''}`);
    return 3;
  }
}

function parseCli(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ref: { type: 'string' },
        json: { type: 'boolean', default: false },
        markdown: { type: 'boolean', default: false },
        config: { type: 'string' },
        dir: { type: 'string' },
        window: { type: 'string' },
        'chars-per-token': { type: 'string' },
        model: { type: 'string' },
        plugins: { type: 'string' },
        'user-scope': { type: 'string' },
        measure: { type: 'string' },
        'measure-rounds': { type: 'string' },
        rounds: { type: 'string' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        files: { type: 'string' },
        html: { type: 'string' },
        agent: { type: 'string', multiple: true },
        apply: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true },
        verify: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UserError(`${errorMessage(e)}. Run "context-budget help".`);
  }
  const v = parsed.values;
  if (v.json && v.markdown) throw new UserError('--json and --markdown are two outputs: choose one');
  const num = (name: string, s: string | undefined, min: number): number | undefined => {
    if (s === undefined) return undefined;
    const n = Number(s);
    if (!Number.isFinite(n) || n < min) throw new UserError(`--${name} expects a number >= ${min}, got "${s}"`);
    return n;
  };
  const options: CliOptions = {
    ref: v.ref,
    json: v.json ?? false,
    markdown: v.markdown ?? false,
    config: v.config,
    dir: v.dir,
    window: num('window', v.window, 1000),
    charsPerToken: num('chars-per-token', v['chars-per-token'], 1),
    model: v.model,
    plugins:
      v.plugins === undefined
        ? undefined
        : v.plugins === 'all' || v.plugins === 'none'
          ? v.plugins
          : v.plugins
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
    userScope: v['user-scope'],
    measure: v.measure,
    measureRounds: num('measure-rounds', v['measure-rounds'], 1),
    rounds: num('rounds', v.rounds, 1),
    cacheDir: v['cache-dir'],
    cache: !v['no-cache'],
    files: num('files', v.files, 1),
    ...(v.html !== undefined ? { html: v.html } : {}),
    ...(v.apply ? { apply: true } : {}),
    ...(v.force ? { force: true } : {}),
    ...(v.verify !== undefined ? { verify: v.verify } : {}),
    ...(v.only?.length ? { only: v.only.flatMap((a) => a.split(',')).map((a) => a.trim()) } : {}),
    ...(v.agent?.length ? { agents: v.agent.flatMap((a) => a.split(',')).map((a) => a.trim()) } : {}),
  };
  return { parsed, options };
}
