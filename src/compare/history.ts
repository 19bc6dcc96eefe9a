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
    return { history: v };
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
}

const TICK_RE = /^- \[[xX]\] .*<!-- group:([A-Za-z0-9_.:@/-]+) -->$/gm;

/** Group keys ticked in an issue body (a maintainer's checkbox, remembered across runs). */
export function parseTicked(body: string | null | undefined): Set<string> {
  return new Set([...(body ?? '').matchAll(TICK_RE)].map((m) => m[1]!));
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
  return { history: { version: 1, entries, recommendations }, resolved };
}
