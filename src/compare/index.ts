import type { Config } from '../config/load.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../model/snapshot.js';
import type { AgentComparison, BudgetResult, GateReport, LoadTimeComparison, Recommendation } from '../model/report.js';
import { recommend } from '../optimize/rank.js';
import { decide, evaluate } from './assert.js';
import { delta, diffSnapshots } from './diff.js';
import { howToPass } from './remedy.js';

export interface Sides {
  base: Snapshot;
  head: Snapshot;
  baseLabel: string;
  headLabel: string;
  loadTime: LoadTimeComparison | null;
}

/** The compare stage: two snapshots and the budgets -> one GateReport with its verdict. Pure. */
export function compare(sides: Sides, config: Config): GateReport {
  const { base, head } = sides;
  const diff = diffSnapshots(base, head);
  const results = [
    ...configResults(config),
    ...evaluate(config.assertions, base, head, sides.loadTime).map((r) => {
      const fix = howToPass(r, base, head, diff);
      return fix ? { ...r, howToPass: fix } : r;
    }),
  ];

  const baseRecs = recommend(base, config.minSaving);
  const headRecs = recommend(head, config.minSaving);
  const baseKeys = new Set(baseRecs.map((r) => r.key));
  const headKeys = new Set(headRecs.map((r) => r.key));
  // Recommendations the pull request introduced come first, each group keeping its ranking.
  const marked: Recommendation[] = headRecs.map((r) => ({ ...r, introduced: !baseKeys.has(r.key) }));
  const recommendations = [...marked.filter((r) => r.introduced), ...marked.filter((r) => !r.introduced)];
  const resolved = baseRecs.filter((r) => !headKeys.has(r.key));
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    verdict: decide(results),
    base: { label: sides.baseLabel, ...(base.source.commit ? { commit: base.source.commit } : {}), eagerTokens: base.totals.eagerTokens },
    head: { label: sides.headLabel, ...(head.source.commit ? { commit: head.source.commit } : {}), eagerTokens: head.totals.eagerTokens },
    model: {
      id: head.model.id ?? '',
      from: modelFrom(head.model.idFrom),
      contextWindow: head.model.contextWindow,
      ...(base.model.id !== head.model.id && base.model.id ? { baseId: base.model.id } : {}),
    },
    tokenizer: head.tokenizer.name,
    tokensEstimated: head.tokenizer.estimate || base.tokenizer.estimate,
    configFile: config.file,
    results,
    diff,
    loadTime: sides.loadTime,
    recommendations,
    resolved,
    unknowns: head.unknowns.map((u) => ({ kind: u.kind, unit: u.unit, name: u.name, note: u.note })),
    assertions: config.assertions,
    ...(config.review ? { configReview: config.review } : {}),
    ...(head.agents?.length ? { agents: compareAgents(base, head) } : {}),
  };
}

/** One row per agent measured on the head (an agent absent from the base counts from zero). */
function compareAgents(base: Snapshot, head: Snapshot): AgentComparison[] {
  return (head.agents ?? []).map((h) => {
    const b = base.agents?.find((x) => x.agent.id === h.agent.id);
    const before = new Set(b?.listings.skills.truncated ?? []);
    return {
      id: h.agent.id,
      name: h.agent.name,
      version: h.agent.version,
      eagerTokens: delta(b?.totals.eagerTokens ?? 0, h.totals.eagerTokens),
      droppedChars: delta(b?.totals.droppedChars ?? 0, h.totals.droppedChars),
      cut: h.files.filter((f) => f.keptChars !== undefined).map((f) => ({ file: f.path, bytes: f.bytes, keptChars: f.keptChars!, chars: f.chars })),
      nameOnly: { head: h.listings.skills.truncated, added: h.listings.skills.truncated.filter((n) => !before.has(n)) },
      ...(h.measured || b?.measured ? { measured: { ...(b?.measured ? { base: b.measured } : {}), ...(h.measured ? { head: h.measured } : {}) } } : {}),
    };
  });
}

/** Who chose the judged model, in words. */
function modelFrom(idFrom: string | undefined): string {
  if (!idFrom) return "Claude Code's default";
  if (idFrom === 'config') return 'the budget config';
  return `the project's ${idFrom}`;
}

/** A head config that can't be read fails the gate (the base's config judged the rest): a pull request can't pass by breaking it. */
function configResults(config: Config): BudgetResult[] {
  const r = config.review;
  if (!r?.error) return [];
  return [
    {
      id: 'budget-config',
      metric: 'errors',
      scope: { type: 'total' },
      operator: 'max',
      expected: 0,
      actual: 1,
      base: 0,
      level: 'error',
      status: 'fail',
      introduced: true,
      message: `The budget config of this pull request can't be read: ${r.error}. The base branch's config judged everything else.`,
      howToPass: `Fix ${r.file} so that it parses and validates (see schema/config.schema.json), or remove it.`,
      location: { file: r.file, line: Number(/:(\d+):/.exec(r.error)?.[1] ?? 1) },
    },
  ];
}
