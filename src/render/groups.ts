import type { Recommendation } from '../model/report.js';

/** Recommendations of one kind in one unit: what a reader acts on as one piece of work. */
export interface RecommendationGroup {
  /** Stable across runs: `analyzer:unit` (a ticked roadmap box is remembered by it). */
  key: string;
  title: string;
  unit: string;
  items: Recommendation[];
  eagerTokens: number;
  onDemandTokens: number;
}

const GROUP_TITLE: Record<Recommendation['analyzer'], string> = {
  loading: 'Load on demand instead of always',
  listing: 'Shorten listing descriptions',
  duplication: 'Remove duplicated text',
  references: 'Fix references',
  structure: 'Restructure',
  compression: 'Compress always-loaded text',
  collisions: 'Resolve name collisions',
  reachability: 'Unreachable files',
};

/** Groups in the order of their first (best-ranked) item. Pure. */
export function groupRecommendations(list: readonly Recommendation[]): RecommendationGroup[] {
  const groups = new Map<string, RecommendationGroup>();
  for (const x of list) {
    const unit = x.unit ?? 'project';
    const key = `${x.analyzer}:${unit}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, title: `${GROUP_TITLE[x.analyzer]} in ${unit}`, unit, items: [], eagerTokens: 0, onDemandTokens: 0 }));
    g.items.push(x);
    g.eagerTokens += Math.max(0, x.saving.eagerTokens);
    g.onDemandTokens += Math.max(0, x.saving.onDemandTokens);
  }
  return [...groups.values()];
}
