/**
 * The skill listing as Claude Code 2.1.332 builds it for one model: the framework's entries in
 * listing order, then Claude Code's own bundled entries; its character budget; and, over budget,
 * which entries keep their description. Pure.
 *
 * Over budget (read from 2.1.332 and held to the binary by the conformance goldens): name-only
 * entries and bundled entries that never compete keep their line as it is; every other entry starts
 * as `- name`; then, in usage order (for a user with no history: the listing order), each entry gets
 * its description back if the difference still fits in what is left of the budget.
 */
import { skillListingBudget, type LoadingModel } from '../model/constants.js';
import type { ListingEntry, Snapshot } from '../model/snapshot.js';
import { displayWidth } from './text.js';

export interface ListingLine {
  name: string;
  /** Width of the full line. */
  full: number;
  /** Width of `- name` alone. */
  bare: number;
  /** Keeps its line whatever the budget (name-only overrides, bundled entries that don't compete). */
  fixed: boolean;
  bundled: boolean;
  entry?: ListingEntry;
}

export interface ListingResult {
  lines: ListingLine[];
  /** Width of the listing with every description: what is compared with the budget. */
  chars: number;
  /** Width actually sent (descriptions dropped where they don't fit). */
  sentChars: number;
  budget: number;
  bundledChars: number;
  overBudget: boolean;
  /** Lines sent without their description. */
  bare: Set<ListingLine>;
}

/** `- name` of a listed line: everything before the first `: ` after the name. */
export function bareLine(e: Pick<ListingEntry, 'name' | 'text' | 'alias'>): string {
  return `- ${e.alias ? `${e.name} (${e.alias})` : e.name}`;
}

export function buildListing(entries: readonly ListingEntry[], model: LoadingModel, nameOnly: ReadonlySet<ListingEntry> = new Set()): ListingResult {
  const lines: ListingLine[] = [
    ...entries.map((e) => {
      const bare = displayWidth(bareLine(e));
      return {
        name: e.alias ? `${e.name} (${e.alias})` : e.name,
        full: nameOnly.has(e) ? bare : e.chars,
        bare,
        fixed: nameOnly.has(e),
        bundled: false,
        entry: e,
      };
    }),
    // The description cap applies to Claude Code's own entries too (`- name: ` + at most cap characters; measured with 2.1.332).
    ...model.bundledEntries.map((b) => ({
      name: b.name,
      full: Math.min(b.chars, b.name.length + 4 + model.skillListingMaxDescChars),
      bare: b.name.length + 2,
      fixed: !b.competes,
      bundled: true,
    })),
  ];
  const budget = skillListingBudget(model);
  const sep = Math.max(0, lines.length - 1);
  const chars = lines.reduce((s, l) => s + l.full, 0) + sep;
  const bundledChars = lines.filter((l) => l.bundled).reduce((s, l) => s + l.full, 0);
  const bare = new Set<ListingLine>();
  if (chars <= budget) return { lines, chars, sentChars: chars, budget, bundledChars, overBudget: false, bare };
  let left = budget - (lines.reduce((s, l) => s + (l.fixed ? l.full : l.bare), 0) + sep);
  for (const l of lines) {
    if (l.fixed) continue;
    const extra = l.full - l.bare;
    if (extra <= left) left -= extra;
    else bare.add(l);
  }
  const sentChars = lines.reduce((s, l) => s + (bare.has(l) ? l.bare : l.full), 0) + sep;
  return { lines, chars, sentChars, budget, bundledChars, overBudget: true, bare };
}

/** Listing limits are judged per plugin (project + that plugin) when the snapshot says so and has plugins. */
export function perPlugin(s: Snapshot): boolean {
  return s.listings.scope === 'per-plugin' && s.listings.perPlugin.length > 0;
}

/** The listing figures the limits are judged on, and the plugin they come from in per-plugin scope. */
export function judgedListings(s: Snapshot): { skillChars: number; skillUnit?: string; agentTokens: number; agentUnit?: string } {
  const p = perPlugin(s);
  const sk = p ? s.listings.worst.skills : null;
  const ag = p ? s.listings.worst.agents : null;
  return {
    skillChars: sk ? sk.chars : s.listings.skills.chars,
    ...(sk ? { skillUnit: sk.unit } : {}),
    agentTokens: ag ? ag.claudeEstimateTokens : s.listings.agents.claudeEstimateTokens,
    ...(ag ? { agentUnit: ag.unit } : {}),
  };
}
