/**
 * The roadmap issue's state across runs: the hidden history block (runs and the last
 * recommendations), what was resolved since, and the boxes a maintainer ticked. Pure.
 */
import type { Recommendation } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';

export interface HistoryEntry {
  date: string;
  commit: string;
  eagerTokens: number;
  onDemandTokens: number;
}

export interface History {
  version: 1;
  entries: HistoryEntry[];
  /** Recommendations of the latest run, to tell what got resolved next time. */
  recommendations: { key: string; title: string; eagerTokens: number; onDemandTokens: number }[];
  /** The optimizer's plan of the latest run, with its file's always-loaded tokens then: a later run measures each step's gain. */
  plan?: PlannedStep[];
}

/** A step of the optimizer's plan as the roadmap keeps it. */
export interface PlannedStep {
  id: string;
  kind: string;
  title: string;
  /** Predicted always-loaded tokens saved. */
  eagerTokens: number;
  file: string;
  /** The file's always-loaded tokens (its text and listing entries) when the step was planned. */
  fileEager: number;
}

/** A step of an earlier plan that a later run no longer proposes, with the gain measured on its file. */
export interface DoneStep extends PlannedStep {
  measured: number;
}

const HISTORY_OPEN = '<!-- context-budget-history';
const HISTORY_RE = /<!-- context-budget-history\n([\s\S]*?)\n-->/;

/** Reads the hidden history block; a missing or damaged block starts a new history. */
export function parseHistory(body: string | null | undefined): { history: History; problem?: string } {
  const empty: History = { version: 1, entries: [], recommendations: [] };
  const m = HISTORY_RE.exec(body ?? '');
  if (!m) return { history: empty };
  try {
    const v = JSON.parse(m[1]!) as History;
    if (v.version !== 1 || !Array.isArray(v.entries) || !Array.isArray(v.recommendations))
      return { history: empty, problem: 'history block has an unknown shape; starting a new history' };
    // A plan block edited by hand keeps only well-formed steps.
    const ok = (x: PlannedStep) =>
      x &&
      typeof x.id === 'string' &&
      typeof x.kind === 'string' &&
      typeof x.title === 'string' &&
      typeof x.file === 'string' &&
      Number.isFinite(x.eagerTokens) &&
      Number.isFinite(x.fileEager);
    const plan = Array.isArray(v.plan) ? v.plan.filter(ok) : undefined;
    return { history: { version: 1, entries: v.entries, recommendations: v.recommendations, ...(plan?.length ? { plan } : {}) } };
  } catch (e) {
    return { history: empty, problem: `history block is not valid JSON (${(e as Error).message}); starting a new history` };
  }
}

export function serializeHistory(h: History): string {
  return `${HISTORY_OPEN}\n${JSON.stringify(h).replace(/-->/g, '--\\u003e').replace(/<!--/g, '\\u003c!--')}\n-->`;
}

export interface RoadmapInput {
  snapshot: Snapshot;
  recommendations: Recommendation[];
  previous: History;
  date: string;
  commit: string;
  historyLimit: number;
  key?: string;
  /** Group keys whose box was ticked in the issue before this run: they stay ticked. */
  ticked?: ReadonlySet<string>;
  /** The optimizer's plan on this commit (`context-budget optimize`), as steps. */
  plan?: { id: string; kind: string; title: string; predicted: { eagerTokens: number }; location: { file: string } }[];
}

const TICK_RE = /^- \[[xX]\] .*<!-- group:([A-Za-z0-9_.:@/-]+) -->$/gm;

/** Group keys ticked in an issue body (a maintainer's checkbox, remembered across runs). */
export function parseTicked(body: string | null | undefined): Set<string> {
  return new Set([...(body ?? '').matchAll(TICK_RE)].map((m) => m[1]!));
}

/** The plan's steps as the history keeps them (each with its file's always-loaded tokens now). */
function plannedSteps(i: RoadmapInput): PlannedStep[] {
  const eager = new Map(i.snapshot.files.map((f) => [f.path, f.eagerTokens]));
  return (i.plan ?? []).slice(0, 200).map((s) => ({
    id: s.id.slice(0, 300),
    kind: s.kind,
    title: s.title.slice(0, 200),
    eagerTokens: s.predicted.eagerTokens,
    file: s.location.file,
    fileEager: eager.get(s.location.file) ?? 0,
  }));
}

/**
 * Steps of the previous plan this run no longer proposes whose file now costs less: done, with the
 * gain measured on the file (its always-loaded text and listing entries then and now). Pure.
 */
export function doneSteps(previous: History, i: RoadmapInput): DoneStep[] {
  const now = new Set((i.plan ?? []).map((s) => s.id));
  const eager = new Map(i.snapshot.files.map((f) => [f.path, f.eagerTokens]));
  return (previous.plan ?? [])
    .filter((s) => !now.has(s.id))
    .map((s) => ({ ...s, measured: s.fileEager - (eager.get(s.file) ?? 0) }))
    .filter((s) => s.measured > 0);
}

/** Next history and what was resolved since the previous run. Pure. */
export function advanceHistory(i: RoadmapInput): { history: History; resolved: History['recommendations'] } {
  const keys = new Set(i.recommendations.map((r) => r.key));
  const resolved = i.previous.recommendations.filter((r) => !keys.has(r.key));
  const entry: HistoryEntry = { date: i.date, commit: i.commit, eagerTokens: i.snapshot.totals.eagerTokens, onDemandTokens: i.snapshot.totals.onDemandTokens };
  const entries = [...i.previous.entries.filter((e) => e.commit !== i.commit), entry].slice(-i.historyLimit);
  const recommendations = i.recommendations
    .slice(0, 200)
    .map((r) => ({ key: r.key, title: r.title.slice(0, 200), eagerTokens: r.saving.eagerTokens, onDemandTokens: r.saving.onDemandTokens }));
  const plan = plannedSteps(i);
  return { history: { version: 1, entries, recommendations, ...(plan.length ? { plan } : {}) }, resolved };
}
