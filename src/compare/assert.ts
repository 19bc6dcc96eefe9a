import picomatch from 'picomatch';
import { METRIC_LABELS, scopeLabel, type Assertion, type Metric, type Scope } from '../model/budgets.js';
import type { BudgetResult, LoadTimeComparison, Location, Verdict } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import { perPlugin } from '../analyze/listing.js';
import { LOAD_TIME_FLOOR_MS, loadTimeTooFast } from '../model/constants.js';
import { thousands } from '../strings.js';

/** Diagnostics that mean part of a side was not measured. */
export const UNMEASURED = new Set(['unreadable', 'limit-reached', 'not-measurable']);

export interface MetricValue {
  value: number;
  location?: Location;
  /** For listing limits judged per plugin: the plugin that makes the worst case. */
  unit?: string;
}

/** A metric's value on one snapshot, with the place that explains it. Pure. */
export function metricValue(s: Snapshot, metric: Metric, scope: Scope, loadTime: LoadTimeComparison | null, side: 'base' | 'head'): MetricValue | null {
  switch (metric) {
    case 'eagerTokens':
    case 'onDemandTokens':
      return { value: scoped(s, metric === 'eagerTokens' ? 'eager' : 'on-demand', scope) };
    case 'worstInvocationTokens':
      return { value: s.totals.worstInvocationTokens };
    case 'skillListingChars':
      return perPlugin(s) && s.listings.worst.skills
        ? { value: s.listings.worst.skills.chars, unit: s.listings.worst.skills.unit }
        : { value: s.listings.skills.chars };
    case 'skillListingTruncated': {
      const w = perPlugin(s) ? s.listings.worst.skills : null;
      const names = w ? w.truncated : s.listings.skills.truncated;
      const first = s.listings.skills.items.find((e) => e.name === names[0]);
      return {
        value: names.length,
        ...(w ? { unit: w.unit } : {}),
        ...(first ? { location: { file: first.file, ...(first.line ? { line: first.line } : {}) } } : {}),
      };
    }
    case 'agentListingTokens': {
      const w = perPlugin(s) ? s.listings.worst.agents : null;
      const biggest = [...s.listings.agents.items].filter((e) => e.loading === 'eager' && (!w || e.unit === w.unit)).sort((a, b) => b.chars - a.chars)[0];
      return {
        value: w ? w.claudeEstimateTokens : s.listings.agents.claudeEstimateTokens,
        ...(w ? { unit: w.unit } : {}),
        ...(biggest ? { location: { file: biggest.file, ...(biggest.line ? { line: biggest.line } : {}) } } : {}),
      };
    }
    case 'memoryFileMaxChars': {
      const f = s.files.filter((x) => x.loading === 'eager' && (x.kind === 'memory' || x.kind === 'rule')).sort((a, b) => b.chars - a.chars)[0];
      return { value: f?.chars ?? 0, ...(f ? { location: { file: f.path, line: 1 } } : {}) };
    }
    case 'memoryTotalChars':
      return { value: s.memory.chars };
    case 'importsPastDepthLimit': {
      const d = s.graph.unresolved.filter((u) => u.reason === 'depth');
      return { value: d.length, ...(d[0] ? { location: { file: d[0].from, line: d[0].line } } : {}) };
    }
    case 'maxDepth':
      return { value: s.graph.maxDepth, ...(s.graph.longestChain[0] ? { location: { file: s.graph.longestChain[0] } } : {}) };
    case 'cycles':
      return { value: s.graph.cycles.length, ...(s.graph.cycles[0] ? { location: { file: s.graph.cycles[0][0]! } } : {}) };
    case 'unresolved': {
      const u = s.graph.unresolved.filter((x) => x.reason !== 'skipped');
      return { value: u.length, ...(u[0] ? { location: { file: u[0].from, line: u[0].line } } : {}) };
    }
    case 'invalidSkillNames': {
      const d = s.diagnostics.filter((x) => x.code === 'invalid-skill-name');
      return { value: d.length, ...(d[0] ? { location: { file: d[0].file, line: d[0].line } } : {}) };
    }
    case 'unmeasured': {
      const d = s.diagnostics.filter((x) => UNMEASURED.has(x.code));
      return { value: d.length, ...(d[0] ? { location: { file: d[0].file, line: d[0].line } } : {}) };
    }
    case 'errors': {
      const d = s.diagnostics.filter((x) => x.severity === 'error');
      return { value: d.length, ...(d[0] ? { location: { file: d[0].file, line: d[0].line } } : {}) };
    }
    case 'loadTimeRatio':
      if (!loadTime) return null;
      return { value: side === 'head' ? loadTime.ratio : 1 };
    case 'agentEagerTokens':
    case 'agentDroppedChars':
    case 'agentListingNameOnly': {
      const a = scope.type === 'agent' ? s.agents?.find((x) => x.agent.id === scope.value) : undefined;
      if (!a) return null; // that agent was not analyzed on this side
      if (metric === 'agentEagerTokens') return { value: a.totals.eagerTokens };
      if (metric === 'agentDroppedChars') {
        const cut = a.files.find((f) => f.keptChars !== undefined);
        return { value: a.totals.droppedChars, ...(cut ? { location: { file: cut.path } } : {}) };
      }
      const first = a.listings.skills.items.find((i) => i.truncated);
      return { value: a.listings.skills.truncated.length, ...(first ? { location: { file: first.file } } : {}) };
    }
  }
}

function scoped(s: Snapshot, loading: 'eager' | 'on-demand', scope: Scope): number {
  const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
  switch (scope.type) {
    case 'total':
      return loading === 'eager' ? s.totals.eagerTokens : s.totals.onDemandTokens;
    case 'category':
      return s.categories.filter((c) => c.category === scope.value && c.loading === loading).reduce((a, c) => a + c.tokens, 0);
    case 'unit': {
      const u = s.units.find((x) => x.name === scope.value);
      return u ? (loading === 'eager' ? u.eagerTokens : u.onDemandTokens) : 0;
    }
    case 'kind':
      return s.components
        .filter((c) => c.kind === scope.value && counted.has(c.unit))
        .reduce((a, c) => a + (loading === 'eager' ? c.eagerTokens : c.onDemandTokens), 0);
    case 'agent':
      return 0; // agent scopes belong to the agent metrics (config/load.ts refuses any other pairing)
    case 'files': {
      const match = picomatch(scope.value, { dot: true });
      const files = s.files.filter((f) => f.loading === loading && counted.has(f.unit) && match(f.path)).reduce((a, f) => a + f.tokens, 0);
      const entries = [...s.listings.skills.items, ...s.listings.agents.items]
        .filter((e) => e.loading === loading && counted.has(e.unit) && match(e.file))
        .reduce((a, e) => a + e.tokens, 0);
      return files + entries;
    }
  }
}

const fmt = (n: number, metric: Metric) => (metric === 'loadTimeRatio' ? `${n.toFixed(2)}x` : thousands(n));

/** The fields every result takes from its assertion. */
function of(a: Assertion): Pick<BudgetResult, 'id' | 'metric' | 'scope' | 'operator' | 'expected' | 'level'> {
  return { id: a.id, metric: a.metric, scope: a.scope, operator: a.operator, expected: a.threshold, level: a.level };
}

/** Evaluates every assertion; level `off` is skipped. */
export function evaluate(assertions: readonly Assertion[], base: Snapshot, head: Snapshot, loadTime: LoadTimeComparison | null): BudgetResult[] {
  const results: BudgetResult[] = [];
  for (const a of assertions) {
    if (a.level === 'off') continue;
    let h = metricValue(head, a.metric, a.scope, loadTime, 'head');
    let b = metricValue(base, a.metric, a.scope, loadTime, 'base');
    if (a.metric === 'unmeasured') {
      // Only what the head could not measure and the base could counts against the change.
      const key = (d: { file: string; code: string }) => `${d.file}\0${d.code}`;
      // Keys carry the code, so a base diagnostic of another kind can never match a fresh one.
      const before = new Set(base.diagnostics.map(key));
      const fresh = head.diagnostics.filter((d) => UNMEASURED.has(d.code) && !before.has(key(d)));
      h = { value: fresh.length, ...(fresh[0] ? { location: { file: fresh[0].file, line: fresh[0].line } } : {}) };
      b = { value: 0 };
      if (fresh[0]) {
        const what = fresh
          .slice(0, 3)
          .map((d) => `${d.file}: ${d.message}`)
          .join('; ');
        results.push({
          ...of(a),
          actual: fresh.length,
          base: 0,
          status: a.level === 'error' ? 'fail' : 'warn',
          introduced: true,
          message: `Could not measure the head: ${what}${fresh.length > 3 ? ` (and ${fresh.length - 3} more)` : ''}`,
          location: h.location!,
        });
        continue;
      }
    }
    if (!h) continue; // not measurable for this pair (e.g. load time between two snapshot files)
    const baseValue = b?.value ?? 0;
    const label = `${METRIC_LABELS[a.metric]}${a.scope.type === 'total' ? '' : ` (${scopeLabel(a.scope)})`}`;
    let violated: boolean;
    let actual: number;
    let message: string;
    if (a.metric === 'loadTimeRatio' && loadTime && loadTimeTooFast(loadTime)) {
      results.push({
        ...of(a),
        actual: h.value,
        base: 1,
        status: 'pass',
        introduced: false,
        message: `${label}: both sides load in under ${LOAD_TIME_FLOOR_MS} ms; too fast to compare reliably`,
      });
      continue;
    }
    if (a.metric === 'loadTimeRatio' && loadTime && a.operator === 'max') {
      // Timing decides only when the whole measured interval clears the threshold; otherwise it is noise.
      const limit = a.threshold + (a.noise ?? 0);
      actual = h.value;
      violated = loadTime.ratioMin > limit;
      const interval = `${loadTime.ratioMin.toFixed(2)}–${loadTime.ratioMax.toFixed(2)}x over ${loadTime.rounds} rounds`;
      message = violated
        ? `${label} is ${fmt(actual, a.metric)} (${interval}), over the limit of ${fmt(limit, a.metric)} in every round`
        : loadTime.ratioMax > limit
          ? `${label} is ${fmt(actual, a.metric)} (${interval}): within noise of the limit ${fmt(limit, a.metric)}, not judged`
          : `${label} is ${fmt(actual, a.metric)} (${interval}; limit ${fmt(limit, a.metric)})`;
    } else if (a.operator === 'max') {
      actual = h.value;
      violated = actual > a.threshold;
      message = violated
        ? `${label} is ${fmt(actual, a.metric)}, over the limit of ${fmt(a.threshold, a.metric)}`
        : `${label} is ${fmt(actual, a.metric)} (limit ${fmt(a.threshold, a.metric)})`;
    } else if (a.operator === 'maxIncrease') {
      actual = h.value - baseValue;
      violated = actual > a.threshold;
      message = `${label} ${actual > 0 ? 'grew' : actual < 0 ? 'shrank' : 'did not change'}${actual !== 0 ? ` by ${fmt(Math.abs(actual), a.metric)}` : ''} (${fmt(baseValue, a.metric)} → ${fmt(h.value, a.metric)}; allowed increase ${fmt(a.threshold, a.metric)})`;
    } else {
      actual = baseValue === 0 ? (h.value > 0 ? Infinity : 0) : ((h.value - baseValue) / baseValue) * 100;
      violated = actual > a.threshold;
      message = `${label} changed by ${Number.isFinite(actual) ? `${actual.toFixed(1)}%` : 'new (base was 0)'} (${fmt(baseValue, a.metric)} → ${fmt(h.value, a.metric)}; allowed +${a.threshold}%)`;
    }
    if (h.unit) message += ` (project + plugin ${h.unit}, the worst single plugin to install)`;
    let st: BudgetResult['status'] = violated ? (a.level === 'error' ? 'fail' : 'warn') : 'pass';
    let preexisting = false;
    let share: number | undefined;
    if (violated && a.operator === 'max' && b && b.value > a.threshold && h.value <= b.value) {
      // Already over on the base and not made worse: what the base had is never blamed on the change.
      st = 'pass';
      preexisting = true;
      message += `; already over on the base branch (${fmt(b.value, a.metric)}), not made worse by this change`;
    } else if (violated && a.operator === 'max' && b && b.value > a.threshold) {
      // Over on the base and made worse: the change answers for its own share, and a share within
      // the noise floor (one more entry cut, 1% of the limit) warns instead of failing.
      share = h.value - b.value;
      const floor = preexistingFloor(a.metric, a.threshold);
      if (share <= floor) st = 'warn';
      message += `; already over on the base branch (${fmt(b.value, a.metric)}): this change adds ${fmt(share, a.metric)}${share <= floor ? `, within the noise floor of ${fmt(floor, a.metric)}` : ''}`;
    }
    results.push({
      ...of(a),
      actual: Number.isFinite(actual) ? actual : Number.MAX_SAFE_INTEGER,
      base: b ? b.value : null,
      status: st,
      introduced: violated && !preexisting,
      ...(preexisting ? { preexisting } : {}),
      ...(share !== undefined ? { share } : {}),
      message,
      ...(h.location ? { location: h.location } : {}),
    });
  }
  return results;
}

/**
 * How much worse a head may make a limit the base already broke before it fails (it still warns):
 * one more listing entry cut, or 1% of a size limit. Other limits (imports past the depth limit,
 * cycles) have none.
 */
export function preexistingFloor(metric: Metric, threshold: number): number {
  if (metric === 'skillListingTruncated') return 1;
  if (metric === 'agentListingTokens' || metric === 'memoryFileMaxChars' || metric === 'memoryTotalChars' || metric === 'skillListingChars')
    return Math.ceil(threshold * 0.01);
  return 0;
}

/** The verdict, decided once: fail if any error-level assertion fails, warn if any warns. */
export function decide(results: readonly BudgetResult[]): Verdict {
  if (results.some((r) => r.status === 'fail')) return 'fail';
  if (results.some((r) => r.status === 'warn')) return 'warn';
  return 'pass';
}
