/**
 * `--measure claude-code[@VERSION]`: runs the real Claude Code on a side (written from its git
 * objects or working tree into a temporary folder, with a fresh home), captures its first request on
 * loopback, and reports what it sent next to the model's figures, with every difference as drift.
 *
 * It executes a program on the measured tree, so it is safe by construction: hooks disabled, MCP
 * servers not started, no credential passed, the API a loopback capture (collect/claude-code.ts);
 * the Action refuses it where the head is untrusted and the token can write (pull_request_target).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureClaudeCode, PINNED_CLAUDE_CODE_VERSION, resolveVersion } from '../collect/claude-code.js';
import { BOX_ROOT, runInSandbox, sandboxSupport, type BoxRun } from '../collect/sandbox.js';
import { stageSource } from './stage.js';
import type { FrameworkSource } from '../collect/types.js';
import { modelFor, type LoadingModel } from '../model/constants.js';
import type { ClaudeCodeMeasurement } from '../model/claude-code.js';
import type { LoadTimeComparison } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import { TokenCounter } from '../tokenize/counter.js';
import { ANTHROPIC_VERSION } from '../tokenize/anthropic.js';
import { extractFacts, markBuiltins, requestTexts } from './facts.js';
import { disagreements, predictFacts } from './predict.js';
import { compareNames } from '../strings.js';
import type { AgentMeasureSpec } from './agent-measure.js';

export interface MeasureOptions {
  /** `claude-code`, `claude-code@2.1.332`, `claude-code@latest`; empty when only other agents are measured. */
  spec: string;
  /** Other agents whose binaries run on the sides too (`--measure codex,gemini@0.61.0`). */
  agents?: AgentMeasureSpec[];
  /** Where other agents' packages are cached (default ~/.cache/context-budget/agents). */
  agentCacheDir?: string;
  model: LoadingModel;
  rounds: number;
  /** Counts the whole first request: exact (Anthropic's endpoint) or the offline estimate. */
  countRequest: (body: unknown) => Promise<{ tokens: number; exact: boolean; counter: string }>;
  log?: (s: string) => void;
  /** Where the binary is cached (default ~/.cache/context-budget/claude-code). */
  cacheDir?: string;
  /** A `claude` to use as it is (the one on PATH), instead of a fetched version. */
  binary?: string;
}

/** Parses `claude-code[@VERSION]`; anything else is refused. */
export function parseMeasureSpec(spec: string): { version: string } {
  const m = /^claude-code(?:@([\w.-]+))?$/.exec(spec.trim());
  if (!m)
    throw new Error(`--measure expects claude-code or claude-code@VERSION (e.g. claude-code@${PINNED_CLAUDE_CODE_VERSION}, claude-code@latest), got "${spec}"`);
  return { version: m[1] ?? PINNED_CLAUDE_CODE_VERSION };
}

/** One side staged into the box: its folder there, the snapshot it predicts, and its plugin folders. */
interface StagedSide {
  name: string;
  snapshot: Snapshot;
  staged: { files: number; bytes: number; skipped: number };
}

/**
 * Stages the sides (and an empty project, which shows what Claude Code brings itself: bundled
 * skills, built-in agents), runs Claude Code `rounds` times on each in interleaved order (A B A B,
 * so that machine noise hits both alike) inside the sandbox (collect/sandbox.ts), and turns each
 * side's first run into a measurement. Throws when Claude Code can't be run or sends no request.
 */
async function measureSides(sides: { name: string; source: FrameworkSource; snapshot: Snapshot }[], o: MeasureOptions): Promise<ClaudeCodeMeasurement[]> {
  const { version: wanted } = parseMeasureSpec(o.spec);
  const support = await sandboxSupport();
  if ('error' in support) throw new Error(support.error);
  const version = o.binary ? wanted : await resolveVersion(wanted);
  const binary = o.binary ?? (await ensureClaudeCode(version, o.cacheDir, o.log));
  const work = mkdtempSync(path.join(os.tmpdir(), 'cb-measure-'));
  try {
    const box = path.join(work, 'box');
    const staged: StagedSide[] = [];
    for (const s of [{ name: 'empty', source: null, snapshot: null }, ...sides]) {
      const dir = path.join(box, s.name);
      mkdirSync(dir, { recursive: true });
      const counts = s.source ? await stageSource(s.source, dir) : { files: 0, bytes: 0, skipped: 0 };
      execFileSync('git', ['init', '-q', dir], { env: { PATH: process.env.PATH } });
      if (s.snapshot) staged.push({ name: s.name, snapshot: s.snapshot, staged: counts });
    }
    const run = (side: string, round: number, snapshot?: Snapshot): BoxRun => {
      const model = modelFlag(snapshot ? sideModel(snapshot, o.model) : o.model);
      const setup = snapshot ? installSteps(snapshot, `./${side}`) : [];
      return {
        name: `${side}-${round}`,
        project: side,
        home: `homes/${side}-${round}`,
        ...(model ? { model } : {}),
        ...(snapshot ? { pluginDirs: pluginDirsOf(snapshot).map((d) => path.posix.join(side, d)) } : {}),
        ...(setup.length ? { setup } : {}),
      };
    };
    const runs: BoxRun[] = [run('empty', 0)];
    for (let i = 0; i < o.rounds; i++) for (const s of staged) runs.push(run(s.name, i, s.snapshot));
    const results = await runInSandbox({ binary, work, runs, timeoutMs: 120_000 });
    const byName = new Map(results.map((r) => [r.name, r]));
    const facts = (name: string, project: string) => {
      const r = byName.get(name);
      if (!r || r.body === null)
        throw new Error(`Claude Code made no Messages request for ${project} (exit ${r?.exitCode ?? 'none'}): ${(r?.stderr ?? 'no run').trim().slice(0, 500)}`);
      return { facts: extractFacts(r.body, `${BOX_ROOT}/${project}`, `${BOX_ROOT}/homes/${name}`), body: r.body };
    };
    const empty = facts('empty-0', 'empty').facts;
    const out: ClaudeCodeMeasurement[] = [];
    for (const s of staged) {
      const first = facts(`${s.name}-0`, s.name);
      const measured = markBuiltins(first.facts, empty);
      const predicted = predictFacts(
        s.snapshot,
        sideModel(s.snapshot, o.model),
        measured.agents.filter((a) => a.builtin).map((a) => a.name),
      );
      predicted.agents.sort((a, b) => compareNames(a.name, b.name));
      const counted = await o.countRequest(first.body);
      out.push({
        version,
        facts: measured,
        firstRequest: { chars: requestChars(first.body), ...counted },
        startupMs: Array.from({ length: o.rounds }, (_, i) => byName.get(`${s.name}-${i}`)?.firstRequestMs ?? 0),
        drift: [
          ...(byName.get(`${s.name}-0`)?.setupErrors ?? []).map((e) => `plugins could not be installed as a user installs them: ${e}`),
          ...disagreements(measured, predicted),
        ],
        staged: s.staged,
      });
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The --model flag for a run: none when the judged model is the one the project's settings pick (Claude Code then picks it itself). */
function modelFlag(model: LoadingModel): string | undefined {
  return model.idFrom && model.idFrom !== 'config' ? undefined : model.id;
}

/** The model a side was analyzed with: the judged one with the side's settings over it (as the snapshot records them). */
export function sideModel(s: Snapshot, m: LoadingModel): LoadingModel {
  const id = s.model.id ?? m.id;
  const base: LoadingModel = id !== m.id ? { ...modelFor(id, m), ...(s.model.idFrom ? { idFrom: s.model.idFrom } : {}) } : m;
  return {
    ...base,
    skillListingMaxDescChars: s.model.skillListingMaxDescChars ?? base.skillListingMaxDescChars,
    skillListingBudgetFraction: s.model.skillListingBudgetFraction ?? base.skillListingBudgetFraction,
    skillListingBudgetOverride: s.model.skillListingBudgetOverride !== undefined ? s.model.skillListingBudgetOverride : base.skillListingBudgetOverride,
  };
}

function requestChars(body: unknown): number {
  const b = body as { tools?: unknown };
  return requestTexts(body).reduce((a, t) => a + t.length, 0) + JSON.stringify(b.tools ?? []).length;
}

/** The plugin folders Claude Code gets with --plugin-dir: the snapshot's installed plugins that no marketplace lists. */
export function pluginDirsOf(snapshot: Snapshot): string[] {
  return snapshot.units.filter((u) => u.type === 'plugin' && u.counted && u.marketplace === undefined).map((u) => u.root || '.');
}

/**
 * A marketplace's plugins installed as a user installs them (`claude plugin marketplace add DIR`,
 * then `claude plugin install NAME@MARKETPLACE` for each, in the marketplace's order), offline,
 * into the run's fresh home; paths relative to the box.
 */
export function installSteps(snapshot: Snapshot, project: string): string[][] {
  // A plugin whose manifest Claude Code refuses is not installed (the analyzer already loads nothing of it).
  const units = snapshot.units.filter((u) => u.type === 'plugin' && u.counted && u.marketplace !== undefined && !u.invalid);
  const roots = [...new Set(units.map((u) => u.marketplaceRoot ?? ''))];
  return [
    ...roots.map((r) => ['plugin', 'marketplace', 'add', r ? `${project}/${r}` : project]),
    ...units.map((u) => ['plugin', 'install', `${u.name}@${u.marketplace}`]),
  ];
}

/** Claude Code run on one side, `rounds` times. */
export async function measureOne(source: FrameworkSource, snapshot: Snapshot, o: MeasureOptions): Promise<ClaudeCodeMeasurement> {
  const [m] = await measureSides([{ name: 'side', source, snapshot }], o);
  return m!;
}

/**
 * Both sides, Claude Code's start-up timed in interleaved rounds (A B A B ...) so that machine noise
 * hits both alike; the ratio comes with the interval of the per-round ratios.
 */
export async function measurePair(
  base: { source: FrameworkSource; snapshot: Snapshot },
  head: { source: FrameworkSource; snapshot: Snapshot },
  o: MeasureOptions,
): Promise<{ base: ClaudeCodeMeasurement; head: ClaudeCodeMeasurement; loadTime: LoadTimeComparison }> {
  const [a, b] = (await measureSides(
    [
      { name: 'base', ...base },
      { name: 'head', ...head },
    ],
    o,
  )) as [ClaudeCodeMeasurement, ClaudeCodeMeasurement];
  const med = (xs: number[]) => {
    const s = [...xs].sort((x, y) => x - y);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const ratios = a.startupMs.map((x, i) => b.startupMs[i]! / Math.max(x, 1e-6));
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    base: a,
    head: b,
    loadTime: {
      rounds: a.startupMs.length,
      baseMedianMs: r1(med(a.startupMs)),
      headMedianMs: r1(med(b.startupMs)),
      ratio: r3(med(b.startupMs) / Math.max(med(a.startupMs), 1e-6)),
      ratioMin: r3(Math.min(...ratios)),
      ratioMax: r3(Math.max(...ratios)),
      source: 'claude-code',
    },
  };
}

/**
 * Counts a captured first request: exactly with Anthropic's token-counting endpoint when a key is
 * given (the request as Claude Code sent it: system, messages, tools), else the offline estimate of
 * its text, labelled as such. The key goes to api.anthropic.com only, never to Claude Code.
 */
export function requestTokenCounter(
  counter: TokenCounter,
  apiKey?: string,
  baseUrl = 'https://api.anthropic.com',
  log?: (s: string) => void,
): MeasureOptions['countRequest'] {
  return async (body) => {
    const b = body as { model?: string; system?: unknown; messages?: unknown; tools?: unknown };
    if (apiKey) {
      try {
        const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/v1/messages/count_tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'anthropic-version': ANTHROPIC_VERSION },
          body: JSON.stringify({ model: b.model, system: b.system, messages: b.messages, tools: b.tools }),
          signal: AbortSignal.timeout(30_000),
        });
        const j = (await res.json()) as { input_tokens?: unknown };
        if (res.ok && typeof j.input_tokens === 'number') return { tokens: j.input_tokens, exact: true, counter: `anthropic count_tokens (${b.model})` };
        log?.(`count_tokens answered ${res.status}: using the offline estimate for the first request`);
      } catch (e) {
        log?.(`count_tokens failed (${(e as Error).message}): using the offline estimate for the first request`);
      }
    }
    const texts = [...requestTexts(body), JSON.stringify(b.tools ?? [])];
    const counts = await counter.countAll(texts.map((t) => ({ key: TokenCounter.key(t), text: t })));
    return { tokens: texts.reduce((a, t) => a + (counts.get(TokenCounter.key(t)) ?? 0), 0), exact: false, counter: `${counter.source.name} estimate` };
  };
}
