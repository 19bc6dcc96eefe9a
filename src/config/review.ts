/**
 * The budget config of a pull request: the head's config is the pull request's own input, so it
 * must not loosen the gate that judges it. Pure.
 *
 * - Budgets: the stricter of base and head decides, budget by budget (the higher level, the lower
 *   threshold); a budget only one side has is kept. A head can add or tighten, never remove, lower
 *   or switch off (`measurable: off`, `defaults: false`, `level: off`, a raised max).
 * - Limits of the run: the lower of each. `minSaving`: the lower.
 * - What is measured (the loading model's constants, installed plugins, listing scope, user scope):
 *   the base's. These can hide files or move the window; the head's values apply once the change
 *   lands, or now when a maintainer accepts it (a label on the pull request).
 * - A head config that can't be read is a failing result, and the base's config decides the rest.
 */
import type { Assertion, Level } from '../model/budgets.js';
import { scopeLabel } from '../model/budgets.js';
import type { Config } from './load.js';
import type { ConfigReview } from '../model/report.js';

const LEVEL_RANK: Record<Level, number> = { off: 0, warn: 1, error: 2 };

/** A budget's identity across configs: a default by its id, a user budget by what it bounds (and which of its kind it is). */
function keyed(list: readonly Assertion[]): Map<string, Assertion> {
  const out = new Map<string, Assertion>();
  const seen = new Map<string, number>();
  for (const a of list) {
    const k = a.source === 'default' ? a.id : `${a.metric}|${scopeLabel(a.scope)}|${a.operator}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    out.set(`${k}#${n}`, a);
  }
  return out;
}

function describeBudget(a: Assertion): string {
  const what = a.source === 'default' ? a.id : `${a.metric}${a.scope.type === 'total' ? '' : ` (${scopeLabel(a.scope)})`} ${a.operator}`;
  return `${what} ${a.operator === 'max' || a.operator === 'maxIncrease' || a.operator === 'maxIncreasePercent' ? a.threshold : ''} at ${a.level}`.replace(
    /\s+/g,
    ' ',
  );
}

/** The stricter of two budgets with the same key. */
function stricter(a: Assertion, b: Assertion): Assertion {
  const level = LEVEL_RANK[b.level] > LEVEL_RANK[a.level] ? b.level : a.level;
  const threshold = Math.min(a.threshold, b.threshold);
  const noise = a.noise !== undefined || b.noise !== undefined ? Math.min(a.noise ?? Infinity, b.noise ?? Infinity) : undefined;
  return { ...a, level, threshold, ...(noise !== undefined ? { noise } : {}) };
}

const fmtValue = (v: unknown) => (v === undefined ? '(unset)' : JSON.stringify(v));

/**
 * The config that judges a pull request, and what the head's config changed. `head` is the head's
 * config or why it could not be read; `accepted`: a maintainer accepted the head's config.
 */
export function reviewConfig(
  base: Config,
  head: Config | { error: string; file: string },
  accepted: boolean,
  acceptLabel: string,
): { config: Config; review: ConfigReview | null } {
  if ('error' in head) {
    const review: ConfigReview = { file: head.file, changes: [], notApplied: [], accepted: false, acceptLabel, error: head.error };
    return { config: { ...base, review }, review };
  }
  const changes: string[] = [];
  const notApplied: string[] = [];
  const measured = (line: string) => {
    changes.push(line);
    notApplied.push(line);
  };

  // What is measured: the base's.
  const bm = base.model as unknown as Record<string, unknown>;
  const hm = head.model as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(bm), ...Object.keys(hm)])) {
    if (k === 'bundledEntries') continue;
    if (JSON.stringify(bm[k]) !== JSON.stringify(hm[k])) measured(`model.${k}: ${fmtValue(bm[k])} → ${fmtValue(hm[k])}`);
  }
  for (const k of ['installedPlugins', 'listingScope', 'userScope', 'ignore', 'agents'] as const)
    if (JSON.stringify(base[k]) !== JSON.stringify(head[k])) measured(`${k}: ${fmtValue(base[k])} → ${fmtValue(head[k])}`);

  // Limits and minSaving: the lower.
  const limits = { ...base.limits };
  for (const k of Object.keys(base.limits) as (keyof Config['limits'])[]) {
    if (head.limits[k] === base.limits[k]) continue;
    changes.push(`limits.${k}: ${base.limits[k]} → ${head.limits[k]}`);
    if (head.limits[k] > base.limits[k]) notApplied.push(`limits.${k}: ${base.limits[k]} → ${head.limits[k]}`);
    limits[k] = Math.min(base.limits[k], head.limits[k]);
  }
  if (head.minSaving !== base.minSaving) changes.push(`minSaving: ${base.minSaving} → ${head.minSaving}`);

  // Budgets: the stricter of each, every budget either side has.
  const baseBy = keyed(base.assertions);
  const headBy = keyed(head.assertions);
  const assertions: Assertion[] = [];
  for (const [k, a] of baseBy) {
    const h = headBy.get(k);
    if (!h) {
      const line = `budget removed: ${describeBudget(a)}`;
      changes.push(line);
      notApplied.push(line);
      assertions.push(a);
      continue;
    }
    const merged = stricter(a, h);
    if (h.level !== a.level || h.threshold !== a.threshold || h.noise !== a.noise) {
      const line = `budget ${describeBudget(a)} → ${describeBudget(h)}`;
      changes.push(line);
      if (LEVEL_RANK[h.level] < LEVEL_RANK[a.level] || h.threshold > a.threshold || (h.noise ?? 0) > (a.noise ?? 0)) notApplied.push(line);
    }
    assertions.push(merged);
  }
  for (const [k, h] of headBy) {
    if (baseBy.has(k)) continue;
    changes.push(`budget added: ${describeBudget(h)}`);
    assertions.push(h);
  }

  if (changes.length === 0) return { config: base, review: null };
  const review: ConfigReview = { file: head.file, changes, notApplied: accepted ? [] : notApplied, accepted, acceptLabel };
  if (accepted) return { config: { ...head, review }, review };
  return {
    config: {
      ...base,
      limits,
      minSaving: Math.min(base.minSaving, head.minSaving),
      assertions,
      review,
      file: base.file === head.file ? `${base.file} (the stricter of base and head)` : `${base.file} (base) and ${head.file} (head), the stricter`,
    },
    review,
  };
}
