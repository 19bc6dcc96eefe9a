import { memoryFileWarnChars, memoryTotalWarnChars, type LoadingModel } from '../model/constants.js';
import {
  SNAPSHOT_SCHEMA_VERSION,
  type Category,
  type CategoryTotal,
  type Component,
  type FileRecord,
  type ListingEntry,
  type Loading,
  type Snapshot,
  type UnitRecord,
} from '../model/snapshot.js';
import { TokenCounter } from '../tokenize/counter.js';
import { TOKENIZER_NOTE } from '../tokenize/tokenizer.js';
import { findContent } from './content.js';
import { buildGraph } from './graph.js';
import { buildListing } from './listing.js';
import { displayWidth } from './text.js';
import type { Plan, PlannedEntry } from './plan.js';

export interface MeasureContext {
  model: LoadingModel;
  source: Snapshot['source'];
  toolVersion: string;
  loadTime: Snapshot['loadTime'];
  /** How hard listing limits are judged: all counted units together, or project + each plugin alone ("auto": per plugin for marketplaces). */
  listingScope?: 'auto' | 'installed' | 'per-plugin';
}

/** The listing entries of a plan, with their count keys (files are counted by digest()). */
export function entryItems(plan: Plan): { key: string; text: string }[] {
  return [...plan.skillEntries, ...plan.agentEntries].map((e) => ({ key: TokenCounter.key(e.text), text: e.text }));
}

/** Turns a digested load plan and token counts into the snapshot. Pure apart from the counter's cache. */
export async function measure(plan: Plan, counter: TokenCounter, ctx: MeasureContext): Promise<Snapshot> {
  // The model the plan applied: the judged one with the project's settings (model, listing keys) over it.
  const model = plan.model;
  const counts = await counter.countAll(entryItems(plan));
  const tok = (t: string) => counts.get(TokenCounter.key(t)) ?? 0;
  const tokFile = (f: Plan['files'][number]) => {
    if (!f.digest) throw new Error(`measure: ${f.path} was not digested`);
    return counter.cached(f.digest.key) ?? 0;
  };

  const counted = new Set(plan.units.filter((u) => u.counted).map((u) => u.name));
  const listingByFile = new Map<string, number>();
  for (const e of [...plan.skillEntries, ...plan.agentEntries])
    if (e.loading === 'eager' && counted.has(e.unit)) listingByFile.set(e.file, (listingByFile.get(e.file) ?? 0) + tok(e.text));
  const files: FileRecord[] = plan.files
    .map((f) => {
      const tokens = tokFile(f);
      const eagerTokens = (f.loading === 'eager' && counted.has(f.unit) ? tokens : 0) + (listingByFile.get(f.path) ?? 0);
      return {
        path: f.path,
        unit: f.unit,
        kind: f.kind,
        loading: f.loading,
        reason: f.reason,
        category: f.category,
        tokens,
        eagerTokens,
        chars: f.digest!.chars,
        bytes: f.bytes,
        sha: f.sha,
        ...(f.depth !== undefined ? { depth: f.depth } : {}),
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const skillItems = plan.skillEntries.map((e) => entryRecord(e, tok));
  const nameOnly = new Set(skillItems.filter((_, i) => plan.skillEntries[i]!.nameOnly));
  const { truncatedItems, ...skillSummary } = skillListing(skillItems, nameOnly, model, counted);
  for (const e of truncatedItems) e.truncated = true;
  const skills = { ...skillSummary, items: skillItems };
  const agentItems: ListingEntry[] = plan.agentEntries.map((e) => entryRecord(e, tok));
  const eagerAgents = agentItems.filter((e) => e.loading === 'eager' && counted.has(e.unit));
  // Claude Code's own estimate: round(chars / 4) of "name: description" per agent.
  const agentChars = eagerAgents.reduce((s, e, i) => s + e.text.length + (i > 0 ? 1 : 0), 0);
  const claudeEstimate = eagerAgents.reduce((s, e) => s + Math.round(agentNameDesc(e.text).length / 4), 0);
  const agents = {
    chars: agentChars,
    tokens: eagerAgents.reduce((s, e) => s + e.tokens, 0),
    claudeEstimateTokens: claudeEstimate,
    warnAt: model.agentListingWarnTokens,
    overLimit: claudeEstimate > model.agentListingWarnTokens,
    entries: eagerAgents.length,
    items: agentItems,
  };

  // Per plugin: the listings of the project plus that one plugin (a user installs plugins one by one).
  const perPlugin = plan.units
    .filter((u) => u.type === 'plugin')
    .map((u) => {
      const members = new Set(['project', u.name]);
      const { truncatedItems: _t, ...sk } = skillListing(skillItems, nameOnly, model, members);
      const ag = agentItems.filter((e) => e.loading === 'eager' && members.has(e.unit));
      return {
        unit: u.name,
        skillChars: sk.chars,
        skillTruncated: sk.truncated,
        agentClaudeEstimateTokens: ag.reduce((a, e) => a + Math.round(agentNameDesc(e.text).length / 4), 0),
      };
    });
  const scope: 'installed' | 'per-plugin' =
    ctx.listingScope === 'installed' || ctx.listingScope === 'per-plugin'
      ? ctx.listingScope
      : plan.units.some((u) => u.marketplace)
        ? 'per-plugin'
        : 'installed';
  const worstSkills = [...perPlugin].sort((a, b) => b.skillTruncated.length - a.skillTruncated.length || b.skillChars - a.skillChars)[0];
  const worstAgents = [...perPlugin].sort((a, b) => b.agentClaudeEstimateTokens - a.agentClaudeEstimateTokens)[0];

  const allEntries = [...skills.items, ...agentItems];
  const byFileEntry = new Map<string, ListingEntry>();
  for (const e of allEntries) byFileEntry.set(`${e.kind}:${e.name}`, e);
  const fileTokens = new Map(files.map((f) => [f.path, f]));

  const components: Component[] = plan.components.map((c) => {
    const entry = c.entry ? byFileEntry.get(`${c.kind === 'agent' ? 'agent' : c.kind}:${c.entry}`) : undefined;
    const body = fileTokens.get(c.file);
    const refs = c.refs.reduce((s, r) => s + (fileTokens.get(r)?.tokens ?? 0), 0);
    const eagerBody = body && body.loading === 'eager' && (c.kind === 'memory' || c.kind === 'rule' || c.kind === 'output-style') ? body.tokens : 0;
    const eagerTokens = (entry && entry.loading === 'eager' ? entry.tokens : 0) + eagerBody;
    const onDemand =
      c.kind === 'memory' || c.kind === 'rule' || c.kind === 'output-style'
        ? body?.loading === 'on-demand'
          ? body.tokens
          : 0
        : (body && body.loading !== 'not-loaded' ? body.tokens : 0) + refs;
    return { id: c.id, kind: c.kind, name: c.name, unit: c.unit, file: c.file, loading: c.loading, eagerTokens, onDemandTokens: onDemand };
  });

  const eagerFiles = files.filter((f) => f.loading === 'eager' && counted.has(f.unit));
  const eagerEntries = allEntries.filter((e) => e.loading === 'eager' && counted.has(e.unit));
  const eagerTokens = sum(eagerFiles.map((f) => f.tokens)) + sum(eagerEntries.map((e) => e.tokens));
  const onDemandFiles = files.filter((f) => f.loading === 'on-demand' && counted.has(f.unit));
  const onDemandEntries = allEntries.filter((e) => e.loading === 'on-demand' && counted.has(e.unit));
  const onDemandTokens = sum(onDemandFiles.map((f) => f.tokens)) + sum(onDemandEntries.map((e) => e.tokens));
  let worst: Component | undefined;
  for (const c of components)
    if ((c.kind === 'command' || c.kind === 'skill') && counted.has(c.unit) && c.onDemandTokens > (worst?.onDemandTokens ?? 0)) worst = c;

  // Grouped once (a marketplace has hundreds of units and tens of thousands of files).
  const group = <T extends { unit: string }>(xs: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const list = m.get(x.unit);
      if (list) list.push(x);
      else m.set(x.unit, [x]);
    }
    return m;
  };
  const filesByUnit = group(files);
  const entriesByUnit = group(allEntries);
  const componentsByUnit = group(components);
  const units: UnitRecord[] = plan.units.map((u) => {
    const uf = filesByUnit.get(u.name) ?? [];
    const ue = entriesByUnit.get(u.name) ?? [];
    const comps: Record<string, number> = {};
    for (const c of componentsByUnit.get(u.name) ?? []) comps[c.kind] = (comps[c.kind] ?? 0) + 1;
    // A plugin's cost is what installing it adds: measured as if installed, whether or not it counts in the totals.
    const eager = sum(uf.filter((f) => f.loading === 'eager').map((f) => f.tokens)) + sum(ue.filter((e) => e.loading === 'eager').map((e) => e.tokens));
    return {
      name: u.name,
      type: u.type,
      root: u.root,
      ...(u.marketplace ? { marketplace: u.marketplace, marketplaceRoot: u.marketplaceRoot ?? '' } : {}),
      ...(u.invalid ? { invalid: u.invalid } : {}),
      counted: u.counted,
      eagerTokens: eager,
      onDemandTokens:
        sum(uf.filter((f) => f.loading === 'on-demand').map((f) => f.tokens)) + sum(ue.filter((e) => e.loading === 'on-demand').map((e) => e.tokens)),
      files: uf.length,
      components: comps,
      mcpServers: u.mcpServers,
      sessionStartHooks: u.sessionStartHooks,
    };
  });

  const catMap = new Map<string, CategoryTotal>();
  const addCat = (category: Category, loading: Loading, tokens: number) => {
    const k = `${category}:${loading}`;
    const c = catMap.get(k) ?? { category, loading, tokens: 0, files: 0 };
    c.tokens += tokens;
    c.files += 1;
    catMap.set(k, c);
  };
  for (const f of files) if (counted.has(f.unit) && f.loading !== 'not-loaded') addCat(f.category, f.loading, f.tokens);
  for (const e of allEntries)
    if (counted.has(e.unit) && e.loading !== 'not-loaded') addCat(e.kind === 'agent' ? 'agent-listing' : 'skill-listing', e.loading, e.tokens);
  const categories = [...catMap.values()].sort((a, b) => b.tokens - a.tokens);

  const memFiles = files.filter((f) => f.loading === 'eager' && (f.kind === 'memory' || f.kind === 'rule'));

  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'context-budget', version: ctx.toolVersion },
    source: ctx.source,
    tokenizer: {
      name: counter.source.name,
      estimate: counter.source.estimate,
      note:
        counter.fallback ?? (counter.source.estimate ? TOKENIZER_NOTE : "Exact counts from Anthropic's token-counting endpoint, message framing subtracted."),
    },
    model: {
      claudeCodeVersion: model.claudeCodeVersion,
      id: model.id,
      contextWindow: model.contextWindow,
      charsPerToken: model.charsPerToken,
      importMaxDepth: model.importMaxDepth,
      skillListingMaxDescChars: model.skillListingMaxDescChars,
      skillListingBudgetFraction: model.skillListingBudgetFraction,
      skillListingBudgetOverride: model.skillListingBudgetOverride,
      ...(model.idFrom ? { idFrom: model.idFrom } : {}),
    },
    totals: {
      eagerTokens,
      onDemandTokens,
      worstInvocationTokens: eagerTokens + (worst?.onDemandTokens ?? 0),
      worstInvocation: worst ? worst.name : null,
      windowShare: round4(eagerTokens / model.contextWindow),
      notLoadedTokens: sum(files.filter((f) => f.loading === 'not-loaded').map((f) => f.tokens)),
    },
    categories,
    units,
    files,
    components,
    listings: {
      skills,
      agents,
      scope,
      perPlugin,
      worst: {
        skills:
          worstSkills && worstSkills.skillChars > 0 ? { unit: worstSkills.unit, chars: worstSkills.skillChars, truncated: worstSkills.skillTruncated } : null,
        agents:
          worstAgents && worstAgents.agentClaudeEstimateTokens > 0
            ? { unit: worstAgents.unit, claudeEstimateTokens: worstAgents.agentClaudeEstimateTokens }
            : null,
      },
    },
    memory: {
      chars: plan.memoryChars,
      warnChars: memoryTotalWarnChars(model),
      fileWarnChars: memoryFileWarnChars(model),
      maxFileChars: Math.max(0, ...memFiles.map((f) => f.chars)),
      files: memFiles.length,
    },
    graph: buildGraph(plan),
    unknowns: plan.unknowns,
    content: findContent(plan.files, tokFile),
    loadTime: ctx.loadTime,
    diagnostics: [...plan.diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
  };
}

function entryRecord(e: PlannedEntry, tok: (t: string) => number): ListingEntry {
  return {
    name: e.name,
    kind: e.kind,
    unit: e.unit,
    file: e.file,
    text: e.text,
    chars: displayWidth(e.text),
    tokens: tok(e.text),
    loading: e.loading,
    reason: e.reason,
    ...(e.descriptionCapped ? { descriptionCapped: true } : {}),
    ...(e.alias ? { alias: e.alias } : {}),
    ...(e.line ? { line: e.line } : {}),
    ...(e.description !== undefined ? { description: e.description } : {}),
    ...(e.tools !== undefined ? { tools: e.tools } : {}),
  };
}

function agentNameDesc(line: string): string {
  // "- name: description (Tools: ...)" -> "name: description"
  return line.replace(/^- /, '').replace(/ \(Tools: [^)]*\)$/, '');
}

/**
 * The skill listing against its character budget, bundled entries included (see listing.ts). `items`
 * are all entries (any unit); only eager entries of `members` take part.
 */
export function skillListing(
  items: ListingEntry[],
  nameOnly: ReadonlySet<ListingEntry>,
  model: LoadingModel,
  members: ReadonlySet<string>,
): Omit<Snapshot['listings']['skills'], 'items'> & { truncatedItems: ListingEntry[] } {
  const eager = items.filter((e) => e.loading === 'eager' && members.has(e.unit));
  const l = buildListing(eager, model, nameOnly);
  const truncatedItems = l.lines.filter((x) => l.bare.has(x) && x.entry).map((x) => x.entry!);
  const bundledTruncated = l.lines.filter((x) => l.bare.has(x) && x.bundled).map((x) => x.name);
  return {
    chars: l.chars,
    budget: l.budget,
    bundledAllowance: l.bundledChars,
    ...(bundledTruncated.length ? { bundledTruncated } : {}),
    overBudget: l.overBudget,
    truncated: truncatedItems.map((e) => e.name),
    truncatedItems,
    assumedOrder:
      "listing order (the project's skills, its commands and workflows, plugin commands, plugin skills, then Claude Code's bundled skills); real order follows each user's own usage",
    entries: eager.length,
    tokens: sum(eager.map((e) => e.tokens)),
  };
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
