/**
 * The optimizer: runs the transforms in order on the framework's texts (each seeing what the
 * earlier ones left, measured again where it reads the listings), counts what each step moves, and
 * measures a plan again once applied. I/O injected: `measure` analyzes the tree with some files
 * changed in memory, `read` gives the tree's texts, `count` the token counts.
 */
import type { Achieved, FileEdit, OptimizeKind, OptimizePlan, OptimizeStep, Refusal, Saving } from '../model/optimize.js';
import type { Snapshot } from '../model/snapshot.js';
import { transformsFor, type DraftStep } from './transforms.js';

export interface OptimizeDeps {
  /** The snapshot of the tree with these files changed (path → text; null: deleted). */
  measure(changes: ReadonlyMap<string, string | null>): Promise<Snapshot>;
  /** Texts of files of the tree as they are (absent: not there, or not text). */
  read(paths: readonly string[]): Promise<Map<string, string>>;
  /** Token counts of texts. */
  count(texts: readonly string[]): Promise<number[]>;
  /** Paths of the tree that are symbolic links: never edited (the link may point anywhere). */
  links?: ReadonlySet<string>;
  /** Every regular file of the tree (Markdown an import past the depth limit reaches is not in the snapshot). */
  paths?: () => Promise<string[]>;
}

type Figures = OptimizePlan['before'];

/** The figures a saving is taken from, as the gate measures them. */
export function figuresOf(s: Snapshot): Figures {
  const worst = s.listings.scope === 'per-plugin' ? s.listings.worst.skills : null;
  return {
    eagerTokens: s.totals.eagerTokens,
    listingChars: worst ? worst.chars : s.listings.skills.chars,
    listingTruncated: (worst ? worst.truncated : s.listings.skills.truncated).length,
    agentListingChars: s.listings.agents.chars,
    ...(s.agents?.length ? { agents: Object.fromEntries(s.agents.map((a) => [a.agent.id, a.totals.eagerTokens])) } : {}),
  };
}

function savingBetween(a: Figures, b: Figures): Saving {
  return {
    eagerTokens: a.eagerTokens - b.eagerTokens,
    listingChars: a.listingChars - b.listingChars,
    agentListingChars: a.agentListingChars - b.agentListingChars,
  };
}

/** Files a transform may read: the instruction files, every listed prompt file, and any Markdown an import may reach. */
function editablePaths(s: Snapshot): string[] {
  const kinds = new Set(['memory', 'rule', 'skill', 'command', 'agent']);
  return s.files.filter((f) => kinds.has(f.kind) || /\.md$/i.test(f.path)).map((f) => f.path);
}

/** Plans the edits of the given kinds on the tree. */
export async function planOptimizations(
  kinds: ReadonlySet<OptimizeKind>,
  deps: OptimizeDeps,
): Promise<{ plan: OptimizePlan; changes: Map<string, string | null>; snapshot: Snapshot }> {
  const s0 = await deps.measure(new Map());
  const links = deps.links ?? new Set<string>();
  const listed = deps.paths ? (await deps.paths()).filter((p) => /\.md$/i.test(p)) : [];
  const paths = [...new Set([...editablePaths(s0), ...listed])];
  const originals = await deps.read(paths.filter((p) => !links.has(p)));
  const changes = new Map<string, string | null>();
  const text = (p: string) => (changes.has(p) ? (changes.get(p) ?? undefined) : originals.get(p));
  const known = new Set(s0.files.map((f) => f.path));
  const drafts: DraftStep[] = [];
  const refused: Refusal[] = paths
    .filter((p) => links.has(p) && s0.files.some((f) => f.path === p && f.loading !== 'not-loaded'))
    .map((p) => ({ kind: 'any', file: p, line: 1, subject: p, why: 'it is a symbolic link: edit the file it points to' }));
  let s = s0;
  let stale = false;
  for (const t of transformsFor(kinds)) {
    // A transform that reads the listings or the graph sees the tree as the earlier ones left it.
    if (t.needsFreshSnapshot && stale) {
      s = await deps.measure(changes);
      stale = false;
    }
    const r = t.run({ snapshot: s, text, exists: (p) => known.has(p) || changes.has(p) });
    for (const d of r.steps) {
      drafts.push(d);
      for (const e of d.edits) changes.set(e.path, e.after);
      stale = true;
    }
    refused.push(...r.refused);
  }
  const steps = await counted(drafts, deps);
  return { plan: { steps, refused, before: figuresOf(s0) }, changes, snapshot: s0 };
}

async function counted(drafts: readonly DraftStep[], deps: OptimizeDeps): Promise<OptimizeStep[]> {
  const texts = drafts.flatMap((d) => [...d.eagerRemoved, ...d.eagerAdded]);
  const counts = await deps.count(texts);
  let i = 0;
  const sum = (n: number) => {
    let t = 0;
    for (let k = 0; k < n; k++) t += counts[i++]!;
    return t;
  };
  return drafts.map(({ eagerRemoved, eagerAdded, listingChars, agentListingChars, ...step }) => {
    const removed = sum(eagerRemoved.length);
    const added = sum(eagerAdded.length);
    return { ...step, predicted: { eagerTokens: removed - added, listingChars, agentListingChars } };
  });
}

/** Sums savings. */
export function totalOf(xs: readonly Saving[]): Saving {
  return xs.reduce(
    (a, x) => ({
      eagerTokens: a.eagerTokens + x.eagerTokens,
      listingChars: a.listingChars + x.listingChars,
      agentListingChars: a.agentListingChars + x.agentListingChars,
    }),
    {
      eagerTokens: 0,
      listingChars: 0,
      agentListingChars: 0,
    },
  );
}

/** Each file's change from the tree as it was to the plan's end (steps that touched a file twice collapsed). */
export function netEdits(steps: readonly OptimizeStep[]): FileEdit[] {
  const out = new Map<string, FileEdit>();
  for (const st of steps)
    for (const e of st.edits) {
      const prev = out.get(e.path);
      out.set(e.path, { path: e.path, before: prev ? prev.before : e.before, after: e.after });
    }
  return [...out.values()].filter((e) => e.before !== e.after);
}

/**
 * Predicted against achieved, per kind and in total: the tree measured with the kinds applied one
 * after another (each kind's gain is what it adds to those before it), and the total from `after`.
 */
export async function achievedByKind(plan: OptimizePlan, after: Snapshot, deps: Pick<OptimizeDeps, 'measure'>): Promise<Achieved[]> {
  const kinds = [...new Set(plan.steps.map((st) => st.kind))];
  const results: Achieved[] = [];
  let prev = plan.before;
  const applied: OptimizeStep[] = [];
  // Every file the plan touches, as it was: measured after --apply, the tree on disk already holds
  // every kind's edits, so the kinds not applied yet are taken back out in memory.
  const original = new Map(netEdits(plan.steps).map((e) => [e.path, e.before]));
  for (const [i, k] of kinds.entries()) {
    applied.push(...plan.steps.filter((st) => st.kind === k));
    const overlay = new Map(original);
    for (const e of netEdits(applied)) overlay.set(e.path, e.after);
    const figures = i === kinds.length - 1 ? figuresOf(after) : figuresOf(await deps.measure(overlay));
    results.push({ kind: k, predicted: totalOf(plan.steps.filter((st) => st.kind === k).map((st) => st.predicted)), achieved: savingBetween(prev, figures) });
    prev = figures;
  }
  results.push({ kind: 'all', predicted: totalOf(plan.steps.map((st) => st.predicted)), achieved: savingBetween(plan.before, figuresOf(after)) });
  return results;
}
