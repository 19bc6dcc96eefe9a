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

/** Diagnostics of one code: one line each up to `each`, past that one line for all of them (55 fonts and PDFs must not bury the rest). */
export type DiagnosticLine<D> =
  { one: D } | { code: string; severity: D extends { severity: infer S } ? S : never; count: number; files: string[]; message: string };

export function groupDiagnostics<D extends { code: string; file: string; message: string; severity: string }>(
  list: readonly D[],
  each = 3,
): DiagnosticLine<D>[] {
  const byCode = new Map<string, D[]>();
  for (const d of list) byCode.set(d.code, [...(byCode.get(d.code) ?? []), d]);
  const out: DiagnosticLine<D>[] = [];
  const done = new Set<string>();
  for (const d of list) {
    const same = byCode.get(d.code)!;
    if (same.length <= each) out.push({ one: d });
    else if (!done.has(d.code)) {
      done.add(d.code);
      out.push({ code: d.code, severity: d.severity as never, count: same.length, files: same.map((x) => x.file), message: d.message });
    }
  }
  return out;
}
