import type { Effort, Horizon, Recommendation } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import { ANALYZERS, type Analyzer, type Draft } from './analyzers.js';

/** Eager tokens are paid on every turn of every session; on-demand ones only when used. */
export const EAGER_WEIGHT = 10;
export const EFFORT_COST: Record<Effort, number> = { low: 1, medium: 3, high: 8 };

export function score(r: Pick<Recommendation, 'saving' | 'effort'>): number {
  return (Math.max(0, r.saving.eagerTokens) * EAGER_WEIGHT + Math.max(0, r.saving.onDemandTokens)) / EFFORT_COST[r.effort];
}

function horizon(d: Draft, minSaving: number): Horizon {
  if (d.architectural || d.effort === 'high') return 'long-term';
  if (d.effort === 'low' && (d.correctness || d.saving.eagerTokens >= minSaving)) return 'immediate';
  return 'short-term';
}

/**
 * Runs every analyzer, drops savings too small to matter (correctness findings always stay),
 * ranks by saving per effort and groups by horizon. Pure.
 */
export function recommend(s: Snapshot, minSaving: number, analyzers: readonly Analyzer[] = ANALYZERS): Recommendation[] {
  const all = analyzers.flatMap((a) => a(s));
  // One subject, one diagnosis: a file with a name collision is told to rename, not also to delete.
  const collided = new Set(all.filter((d) => d.analyzer === 'collisions').map((d) => d.location.file));
  const drafts = all.filter((d) => !(d.analyzer === 'reachability' && collided.has(d.location.file)));
  const seen = new Set<string>();
  const blockingKeys = new Set<string>();
  const unitOf = new Map(s.files.map((f) => [f.path, f.unit]));
  const out: Recommendation[] = [];
  for (const d of drafts) {
    if (seen.has(d.key)) continue;
    seen.add(d.key);
    const worth = d.correctness || d.analyzer === 'reachability' || d.saving.eagerTokens >= minSaving || d.saving.onDemandTokens >= minSaving * EAGER_WEIGHT;
    if (!worth) continue;
    const { correctness: _c, architectural: _a, blocking, ...rest } = d;
    if (blocking) blockingKeys.add(d.key);
    out.push({ ...rest, unit: unitOf.get(rest.location.file) ?? 'project', horizon: horizon(d, minSaving) });
  }
  const order: Record<Horizon, number> = { immediate: 0, 'short-term': 1, 'long-term': 2 };
  // What keeps a budget failing comes first within its horizon, then saving per effort.
  const blocks = (r: Recommendation) => (blockingKeys.has(r.key) ? 0 : 1);
  return out.sort((a, b) => order[a.horizon] - order[b.horizon] || blocks(a) - blocks(b) || score(b) - score(a) || (a.key < b.key ? -1 : 1));
}
