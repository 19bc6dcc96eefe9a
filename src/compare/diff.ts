import type { Delta, SnapshotDiff, Status } from '../model/report.js';
import { judgedListings } from '../analyze/listing.js';
import type { Diagnostic, ListingEntry, Snapshot, UnresolvedRef } from '../model/snapshot.js';

export function delta(base: number, head: number): Delta {
  return { base, head, delta: head - base, ratio: base === 0 ? null : (head - base) / base };
}

function status(inBase: boolean, inHead: boolean): Status {
  return inBase && !inHead ? 'removed' : !inBase && inHead ? 'added' : 'changed';
}

/** Pairs items of both sides by key; keeps only those that differ. */
function pair<T, R>(base: readonly T[], head: readonly T[], key: (t: T) => string, make: (b: T | undefined, h: T | undefined, s: Status) => R | null): R[] {
  const bm = new Map(base.map((x) => [key(x), x]));
  const hm = new Map(head.map((x) => [key(x), x]));
  const keys = [...new Set([...bm.keys(), ...hm.keys()])].sort();
  const out: R[] = [];
  for (const k of keys) {
    const r = make(bm.get(k), hm.get(k), status(bm.has(k), hm.has(k)));
    if (r) out.push(r);
  }
  return out;
}

/** Deltas for every metric at every level; unchanged items are left out. Pure. */
export function diffSnapshots(base: Snapshot, head: Snapshot): SnapshotDiff {
  const entryNames = (a: ListingEntry[], b: ListingEntry[]) => {
    const am = new Map(a.filter((e) => e.loading !== 'not-loaded').map((e) => [e.name, e.text]));
    const bm = new Map(b.filter((e) => e.loading !== 'not-loaded').map((e) => [e.name, e.text]));
    return {
      added: [...bm.keys()].filter((k) => !am.has(k)).sort(),
      removed: [...am.keys()].filter((k) => !bm.has(k)).sort(),
      changed: [...bm.keys()].filter((k) => am.has(k) && am.get(k) !== bm.get(k)).sort(),
    };
  };
  const refKey = (u: UnresolvedRef) => `${u.from}\0${u.ref}\0${u.reason}`;
  const diagKey = (d: Diagnostic) => `${d.file}\0${d.code}\0${d.message}`;
  const cycleKey = (c: string[]) => c.join('\0');
  const minus = <T>(a: T[], b: T[], key: (t: T) => string) => {
    const bs = new Set(b.map(key));
    return a.filter((x) => !bs.has(key(x)));
  };
  return {
    totals: {
      eagerTokens: delta(base.totals.eagerTokens, head.totals.eagerTokens),
      onDemandTokens: delta(base.totals.onDemandTokens, head.totals.onDemandTokens),
      worstInvocationTokens: delta(base.totals.worstInvocationTokens, head.totals.worstInvocationTokens),
      notLoadedTokens: delta(base.totals.notLoadedTokens, head.totals.notLoadedTokens),
    },
    categories: pair(
      base.categories,
      head.categories,
      (c) => `${c.category}:${c.loading}`,
      (b, h) => {
        const d = delta(b?.tokens ?? 0, h?.tokens ?? 0);
        return d.delta === 0 ? null : { category: (h ?? b)!.category, loading: (h ?? b)!.loading, ...d };
      },
    ),
    units: pair(
      base.units,
      head.units,
      (u) => u.name,
      (b, h, s) => {
        const eager = delta(b?.eagerTokens ?? 0, h?.eagerTokens ?? 0);
        const onDemand = delta(b?.onDemandTokens ?? 0, h?.onDemandTokens ?? 0);
        return s === 'changed' && eager.delta === 0 && onDemand.delta === 0 ? null : { name: (h ?? b)!.name, status: s, eager, onDemand };
      },
    ),
    components: pair(
      base.components,
      head.components,
      (c) => c.id,
      (b, h, s) => {
        const eager = delta(b?.eagerTokens ?? 0, h?.eagerTokens ?? 0);
        const onDemand = delta(b?.onDemandTokens ?? 0, h?.onDemandTokens ?? 0);
        if (s === 'changed' && eager.delta === 0 && onDemand.delta === 0 && b!.loading === h!.loading) return null;
        const x = (h ?? b)!;
        return { id: x.id, kind: x.kind, name: x.name, unit: x.unit, file: x.file, status: s, eager, onDemand };
      },
    ),
    files: pair(
      base.files,
      head.files,
      (f) => f.path,
      (b, h, s) => {
        if (s === 'changed' && b!.sha === h!.sha && b!.loading === h!.loading && b!.tokens === h!.tokens && b!.eagerTokens === h!.eagerTokens) return null;
        return {
          path: (h ?? b)!.path,
          unit: (h ?? b)!.unit,
          // Identical bytes are never "changed": the file was affected by another change.
          status: s === 'changed' && b!.sha !== '' && b!.sha === h!.sha ? 'affected' : s,
          loadingBase: b?.loading ?? null,
          loadingHead: h?.loading ?? null,
          tokens: delta(b?.tokens ?? 0, h?.tokens ?? 0),
          eager: delta(b?.eagerTokens ?? 0, h?.eagerTokens ?? 0),
        };
      },
    ),
    listings: {
      judged: (() => {
        const jb = judgedListings(base);
        const jh = judgedListings(head);
        return {
          scope: head.listings.scope,
          skillChars: delta(jb.skillChars, jh.skillChars),
          agentTokens: delta(jb.agentTokens, jh.agentTokens),
          ...(jh.skillUnit ? { skillUnit: jh.skillUnit } : {}),
          ...(jh.agentUnit ? { agentUnit: jh.agentUnit } : {}),
        };
      })(),
      skills: {
        chars: delta(base.listings.skills.chars, head.listings.skills.chars),
        budget: delta(base.listings.skills.budget, head.listings.skills.budget),
        entries: delta(base.listings.skills.entries, head.listings.skills.entries),
        truncatedAdded: minus(head.listings.skills.truncated, base.listings.skills.truncated, String),
        truncatedRemoved: minus(base.listings.skills.truncated, head.listings.skills.truncated, String),
        ...entryNames(base.listings.skills.items, head.listings.skills.items),
      },
      agents: {
        claudeEstimateTokens: delta(base.listings.agents.claudeEstimateTokens, head.listings.agents.claudeEstimateTokens),
        tokens: delta(base.listings.agents.tokens, head.listings.agents.tokens),
        entries: delta(base.listings.agents.entries, head.listings.agents.entries),
        ...entryNames(base.listings.agents.items, head.listings.agents.items),
      },
    },
    graph: {
      maxDepth: delta(base.graph.maxDepth, head.graph.maxDepth),
      cyclesAdded: minus(head.graph.cycles, base.graph.cycles, cycleKey),
      cyclesRemoved: minus(base.graph.cycles, head.graph.cycles, cycleKey),
      unresolvedAdded: minus(head.graph.unresolved, base.graph.unresolved, refKey),
      unresolvedRemoved: minus(base.graph.unresolved, head.graph.unresolved, refKey),
    },
    diagnostics: { added: minus(head.diagnostics, base.diagnostics, diagKey), fixed: minus(base.diagnostics, head.diagnostics, diagKey) },
  };
}

/** True when the diff holds no change at all. */
export function isEmptyDiff(d: SnapshotDiff): boolean {
  const deltas = [
    d.totals.eagerTokens,
    d.totals.onDemandTokens,
    d.totals.worstInvocationTokens,
    d.totals.notLoadedTokens,
    d.listings.skills.chars,
    d.listings.agents.claudeEstimateTokens,
    d.listings.judged.skillChars,
    d.listings.judged.agentTokens,
    d.graph.maxDepth,
  ];
  return (
    deltas.every((x) => x.delta === 0) &&
    [
      d.categories,
      d.units,
      d.components,
      d.files,
      d.listings.skills.truncatedAdded,
      d.listings.skills.truncatedRemoved,
      d.listings.skills.added,
      d.listings.skills.removed,
      d.listings.skills.changed,
      d.listings.agents.added,
      d.listings.agents.removed,
      d.listings.agents.changed,
      d.graph.cyclesAdded,
      d.graph.cyclesRemoved,
      d.graph.unresolvedAdded,
      d.graph.unresolvedRemoved,
      d.diagnostics.added,
      d.diagnostics.fixed,
    ].every((l) => l.length === 0)
  );
}
