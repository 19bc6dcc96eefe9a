/**
 * What the analyzer predicts Claude Code sends, as the same facts the recorder extracts from a real
 * request (facts.ts): so that the two can be compared entry by entry.
 */
import { buildListing } from '../analyze/listing.js';
import type { LoadingModel } from '../model/constants.js';
import type { Snapshot } from '../model/snapshot.js';
import { lineWidth, type Facts } from './facts.js';

export function predictFacts(s: Snapshot, model: LoadingModel, builtinAgents: readonly string[] = []): Facts {
  const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
  const memory = s.files
    .filter((f) => f.loading === 'eager' && (f.kind === 'memory' || f.kind === 'rule') && counted.has(f.unit))
    .map((f) => {
      const user = s.units.find((u) => u.type === 'user' && u.name === f.unit);
      if (user) return { path: `~/.claude/${f.path.slice(user.root.length + 1)}`, scope: 'user', chars: f.chars };
      return { path: f.path, scope: /(^|\/)CLAUDE\.local\.md$/.test(f.path) ? 'local' : 'project', chars: f.chars };
    });
  const items = s.listings.skills.items.filter((e) => e.loading === 'eager' && counted.has(e.unit));
  const nameOnly = new Set(items.filter((e) => !e.text.includes(': ') && e.text === `- ${e.alias ? `${e.name} (${e.alias})` : e.name}`));
  const l = buildListing(items, model, nameOnly);
  const entries = l.lines.map((line) => ({ name: line.name, described: !l.bare.has(line) && !(line.entry && nameOnly.has(line.entry)), chars: l.bare.has(line) ? line.bare : line.full, hash: '', ...(line.bundled ? { bundled: true } : {}) }));
  const agents = [
    ...s.listings.agents.items.filter((e) => e.loading === 'eager' && counted.has(e.unit)).map((e) => ({ name: e.name, chars: e.text.length, hash: '' })),
    ...builtinAgents.map((name) => ({ name, chars: 0, hash: '', builtin: true })),
  ];
  return { model: model.id, memory, listing: { chars: l.sentChars, entries }, agents };
}

export { lineWidth };
