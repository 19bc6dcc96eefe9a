/**
 * A report.json produced by another workflow run (the fork recipe): untrusted input. It is rebuilt
 * field by field from a shape: numbers are finite numbers, strings are strings of bounded length,
 * enums are one of their values, lists are bounded; anything else is dropped or replaced. The
 * verdict is decided again from the results (a forged verdict is not obeyed), and the renderers
 * escape every string as they do for repository text.
 */
import { readFileSync } from 'node:fs';
import { decide } from '../compare/assert.js';
import { UserError } from '../errors.js';
import type { GateReport } from '../model/report.js';

type Shape = (v: unknown, at: string) => unknown;

class ShapeError extends Error {}

const MAX_STRING = 4_000;
const MAX_LIST = 20_000;

const num: Shape = (v, at) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(`${at}: expected a number`);
  return v;
};
const str: Shape = (v, at) => {
  if (typeof v !== 'string') throw new ShapeError(`${at}: expected a string`);
  return v.length > MAX_STRING ? v.slice(0, MAX_STRING) : v;
};
const bool: Shape = (v, at) => {
  if (typeof v !== 'boolean') throw new ShapeError(`${at}: expected true or false`);
  return v;
};
const oneOf =
  (values: readonly (string | null)[]): Shape =>
  (v, at) => {
    if (!values.includes(v as string)) throw new ShapeError(`${at}: expected one of ${values.join(', ')}`);
    return v;
  };
const nullable =
  (s: Shape): Shape =>
  (v, at) =>
    v === null ? null : s(v, at);
const opt =
  (s: Shape): Shape =>
  (v, at) =>
    v === undefined ? undefined : s(v, at);
const arr =
  (s: Shape): Shape =>
  (v, at) => {
    if (!Array.isArray(v)) throw new ShapeError(`${at}: expected a list`);
    if (v.length > MAX_LIST) throw new ShapeError(`${at}: more than ${MAX_LIST} items`);
    return v.map((x, i) => s(x, `${at}[${i}]`));
  };
/** An object with exactly these fields (unknown ones are dropped, so nothing unexpected reaches a renderer). */
const obj =
  (fields: Record<string, Shape>): Shape =>
  (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(`${at}: expected an object`);
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(fields)) {
      const x = s((v as Record<string, unknown>)[k], `${at}.${k}`);
      if (x !== undefined) out[k] = x;
    }
    return out;
  };
/** Any JSON data, bounded (fields the renderers don't read as typed values). */
const data: Shape = (v, at) => {
  const seen = JSON.stringify(v) ?? 'null';
  if (seen.length > 1_000_000) throw new ShapeError(`${at}: too large`);
  return JSON.parse(seen) as unknown;
};

const delta = obj({ base: num, head: num, delta: num, ratio: nullable(num) });
const loading = oneOf(['eager', 'on-demand', 'not-loaded']);
const status = oneOf(['added', 'removed', 'changed', 'affected']);
const location = obj({ file: str, line: opt(num) });
const scope = obj({ type: oneOf(['total', 'category', 'unit', 'files', 'kind']), value: opt(str) });
const unresolved = obj({ from: str, line: num, ref: str, reason: oneOf(['missing', 'external', 'home', 'depth', 'skipped', 'loop']), resolved: opt(str) });
const diagnostic = obj({ file: str, line: num, severity: oneOf(['error', 'warning', 'info']), code: str, message: str });
const side = obj({ label: str, commit: opt(str), eagerTokens: num });
const recommendation = obj({
  key: str,
  analyzer: oneOf(['loading', 'listing', 'duplication', 'references', 'structure', 'compression', 'collisions', 'reachability']),
  title: str,
  rationale: str,
  location,
  saving: obj({ eagerTokens: num, onDemandTokens: num }),
  effort: oneOf(['low', 'medium', 'high']),
  horizon: oneOf(['immediate', 'short-term', 'long-term']),
  introduced: opt(bool),
  unit: opt(str),
});

const REPORT = obj({
  schemaVersion: num,
  verdict: oneOf(['pass', 'warn', 'fail']),
  base: side,
  head: side,
  compared: opt(str),
  tokenizer: str,
  tokensEstimated: bool,
  configFile: str,
  results: arr(
    obj({
      id: str,
      metric: str,
      scope,
      operator: oneOf(['max', 'maxIncrease', 'maxIncreasePercent']),
      expected: num,
      actual: num,
      base: nullable(num),
      level: oneOf(['off', 'warn', 'error']),
      status: oneOf(['pass', 'warn', 'fail']),
      introduced: opt(bool),
      preexisting: opt(bool),
      message: str,
      howToPass: opt(str),
      location: opt(location),
    }),
  ),
  diff: obj({
    totals: obj({ eagerTokens: delta, onDemandTokens: delta, worstInvocationTokens: delta, notLoadedTokens: delta }),
    categories: arr(obj({ category: str, loading, base: num, head: num, delta: num, ratio: nullable(num) })),
    units: arr(obj({ name: str, status, eager: delta, onDemand: delta })),
    components: arr(obj({ id: str, kind: str, name: str, unit: str, file: str, status, eager: delta, onDemand: delta })),
    files: arr(obj({ path: str, unit: str, status, loadingBase: nullable(loading), loadingHead: nullable(loading), tokens: delta, eager: delta })),
    listings: obj({
      judged: obj({ scope: oneOf(['installed', 'per-plugin']), skillChars: delta, agentTokens: delta, skillUnit: opt(str), agentUnit: opt(str) }),
      skills: obj({
        chars: delta,
        budget: delta,
        entries: delta,
        truncatedAdded: arr(str),
        truncatedRemoved: arr(str),
        added: arr(str),
        removed: arr(str),
        changed: arr(str),
      }),
      agents: obj({ claudeEstimateTokens: delta, tokens: delta, entries: delta, added: arr(str), removed: arr(str), changed: arr(str) }),
    }),
    graph: obj({
      maxDepth: delta,
      cyclesAdded: arr(arr(str)),
      cyclesRemoved: arr(arr(str)),
      unresolvedAdded: arr(unresolved),
      unresolvedRemoved: arr(unresolved),
    }),
    diagnostics: obj({ added: arr(diagnostic), fixed: arr(diagnostic) }),
  }),
  loadTime: nullable(obj({ rounds: num, baseMedianMs: num, headMedianMs: num, ratio: num, ratioMin: num, ratioMax: num })),
  recommendations: arr(recommendation),
  resolved: arr(recommendation),
  unknowns: arr(obj({ kind: oneOf(['mcp-server', 'session-start-hook']), unit: str, name: str, note: str })),
  assertions: data,
});

/** Reads and rebuilds an untrusted report; a report of another shape is refused with the field that is wrong. */
export function readUntrustedReport(file: string): GateReport {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`Input "publish-report": ${file} is not readable JSON (${(e as Error).message.split('\n')[0]})`);
  }
  return sanitizeReport(raw, file);
}

export function sanitizeReport(raw: unknown, file = 'report'): GateReport {
  let r: GateReport;
  try {
    r = REPORT(raw, 'report') as GateReport;
  } catch (e) {
    if (e instanceof ShapeError) throw new UserError(`Input "publish-report": ${file} is not a context-budget report: ${e.message}`);
    throw e;
  }
  // The verdict is decided again, here, from the results: a forged verdict is not obeyed.
  return { ...r, verdict: decide(r.results) };
}
