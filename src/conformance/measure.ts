/**
 * `--measure claude-code[@VERSION]`: runs the real Claude Code on a side (written from its git
 * objects or working tree into a temporary folder, with a fresh home), captures its first request on
 * loopback, and reports what it sent next to the model's figures, with every difference as drift.
 *
 * It executes a program on the measured tree, so it is safe by construction: hooks disabled, MCP
 * servers not started, no credential passed, the API a loopback capture (collect/claude-code.ts);
 * the Action refuses it where the head is untrusted and the token can write (pull_request_target).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureClaudeCode, PINNED_CLAUDE_CODE_VERSION, resolveVersion, runClaudeCode, startCapture, type Capture } from '../collect/claude-code.js';
import { stageSource } from './stage.js';
import type { FrameworkSource } from '../collect/types.js';
import type { LoadingModel } from '../model/constants.js';
import type { ClaudeCodeMeasurement, Facts } from '../model/claude-code.js';
import type { LoadTimeComparison } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import { TokenCounter } from '../tokenize/counter.js';
import { ANTHROPIC_VERSION } from '../tokenize/anthropic.js';
import { extractFacts, markBuiltins, requestTexts } from './facts.js';
import { disagreements, predictFacts } from './predict.js';
import { compareNames } from '../strings.js';

export interface MeasureOptions {
  /** `claude-code`, `claude-code@2.1.332`, `claude-code@latest`. */
  spec: string;
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

interface Prepared {
  version: string;
  binary: string;
  capture: Capture;
  empty: Facts;
  work: string;
}

async function prepare(o: MeasureOptions): Promise<Prepared> {
  const { version: wanted } = parseMeasureSpec(o.spec);
  const version = o.binary ? wanted : await resolveVersion(wanted);
  const binary = o.binary ?? (await ensureClaudeCode(version, o.cacheDir, o.log));
  const capture = await startCapture();
  const work = mkdtempSync(path.join(os.tmpdir(), 'cb-measure-'));
  // An empty project shows what Claude Code brings itself (bundled skills, built-in agents).
  const emptyDir = path.join(work, 'empty');
  mkdirSync(emptyDir);
  const first = await runOnce({ binary, capture, work, name: 'empty-run', project: emptyDir, model: o.model });
  return { version, binary, capture, empty: first.facts, work };
}

async function runOnce(p: {
  binary: string;
  capture: Capture;
  work: string;
  name: string;
  project: string;
  model: LoadingModel;
  pluginDirs?: string[];
}): Promise<{ facts: Facts; body: unknown; ms: number }> {
  const home = path.join(p.work, `${p.name}-home`);
  mkdirSync(path.join(home, '.claude'), { recursive: true });
  const { execFileSync } = await import('node:child_process');
  execFileSync('git', ['init', '-q', p.project]);
  const project = realpathSync(p.project);
  const r = await runClaudeCode({
    binary: p.binary,
    cwd: project,
    home: realpathSync(home),
    capture: p.capture,
    model: p.model.id,
    pluginDirs: p.pluginDirs?.map((d) => path.join(project, d)),
    timeoutMs: 120_000,
  });
  rmSync(home, { recursive: true, force: true });
  return { facts: extractFacts(r.body, project, realpathSync(p.work)), body: r.body, ms: r.firstRequestMs };
}

function requestChars(body: unknown): number {
  const b = body as { tools?: unknown };
  return requestTexts(body).reduce((a, t) => a + t.length, 0) + JSON.stringify(b.tools ?? []).length;
}

/** Measures one side: `rounds` runs (the first one's request is the one reported). */
async function measureSide(
  p: Prepared,
  source: FrameworkSource,
  snapshot: Snapshot,
  o: MeasureOptions,
  name: string,
): Promise<{ m: ClaudeCodeMeasurement; project: string }> {
  const project = path.join(p.work, name);
  mkdirSync(project, { recursive: true });
  const staged = await stageSource(source, project);
  const pluginDirs = pluginDirsOf(snapshot);
  const run = await runOnce({ binary: p.binary, capture: p.capture, work: p.work, name: `${name}-0`, project, model: o.model, pluginDirs });
  const facts = markBuiltins(run.facts, p.empty);
  const predicted = predictFacts(
    snapshot,
    o.model,
    facts.agents.filter((a) => a.builtin).map((a) => a.name),
  );
  predicted.agents.sort((a, b) => compareNames(a.name, b.name));
  const counted = await o.countRequest(run.body);
  return {
    project,
    m: {
      version: p.version,
      facts,
      firstRequest: { chars: requestChars(run.body), ...counted },
      startupMs: [run.ms],
      drift: disagreements(facts, predicted),
      staged,
    },
  };
}

/** The plugin folders Claude Code gets with --plugin-dir: the snapshot's installed plugins. */
function pluginDirsOf(snapshot: Snapshot): string[] {
  return snapshot.units.filter((u) => u.type === 'plugin' && u.counted).map((u) => u.root || '.');
}

/** One more timed start-up of a side already staged. */
async function timeAgain(p: Prepared, o: MeasureOptions, side: { m: ClaudeCodeMeasurement; project: string }, snapshot: Snapshot, name: string): Promise<void> {
  const run = await runOnce({
    binary: p.binary,
    capture: p.capture,
    work: p.work,
    name,
    project: side.project,
    model: o.model,
    pluginDirs: pluginDirsOf(snapshot),
  });
  side.m.startupMs.push(run.ms);
}

/** Claude Code run on one side, `rounds` times. */
export async function measureOne(source: FrameworkSource, snapshot: Snapshot, o: MeasureOptions): Promise<ClaudeCodeMeasurement> {
  const p = await prepare(o);
  try {
    const { m, project } = await measureSide(p, source, snapshot, o, 'side');
    for (let i = 1; i < o.rounds; i++) await timeAgain(p, o, { m, project }, snapshot, `side-${i}`);
    return m;
  } finally {
    await p.capture.close();
    rmSync(p.work, { recursive: true, force: true });
  }
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
  const p = await prepare(o);
  try {
    const a = await measureSide(p, base.source, base.snapshot, o, 'base');
    const b = await measureSide(p, head.source, head.snapshot, o, 'head');
    for (let i = 1; i < o.rounds; i++) {
      await timeAgain(p, o, a, base.snapshot, `base-${i}`);
      await timeAgain(p, o, b, head.snapshot, `head-${i}`);
    }
    const med = (xs: number[]) => {
      const s = [...xs].sort((x, y) => x - y);
      return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
    };
    const ratios = a.m.startupMs.map((x, i) => b.m.startupMs[i]! / Math.max(x, 1e-6));
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    const r1 = (x: number) => Math.round(x * 10) / 10;
    return {
      base: a.m,
      head: b.m,
      loadTime: {
        rounds: a.m.startupMs.length,
        baseMedianMs: r1(med(a.m.startupMs)),
        headMedianMs: r1(med(b.m.startupMs)),
        ratio: r3(med(b.m.startupMs) / Math.max(med(a.m.startupMs), 1e-6)),
        ratioMin: r3(Math.min(...ratios)),
        ratioMax: r3(Math.max(...ratios)),
        source: 'claude-code',
      },
    };
  } finally {
    await p.capture.close();
    rmSync(p.work, { recursive: true, force: true });
  }
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
