/**
 * What the analyzer predicts Claude Code sends, as the same facts the recorder extracts from a real
 * request (facts.ts): so that the two can be compared entry by entry.
 */
import { analyze } from '../analyze/index.js';
import { bareLine, buildListing } from '../analyze/listing.js';
import { worktreeSource } from '../collect/worktree.js';
import { modelFor } from '../model/constants.js';
import type { TokenCounter } from '../tokenize/counter.js';
import type { LoadingModel } from '../model/constants.js';
import type { Snapshot } from '../model/snapshot.js';
import { shortHash, type Facts } from './facts.js';
import { compareNames } from '../strings.js';

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
  const nameOnly = new Set(items.filter((e) => e.description === undefined));
  const l = buildListing(items, model, nameOnly);
  const entries = l.lines.map((line) => {
    const described = !l.bare.has(line) && !(line.entry && nameOnly.has(line.entry));
    // The line as the analyzer would send it: its hash is compared with the one Claude Code sent.
    const text = line.entry ? (described ? line.entry.text : bareLine(line.entry)) : '';
    return {
      name: line.name,
      described,
      chars: l.bare.has(line) ? line.bare : line.full,
      hash: text ? shortHash(text) : '',
      ...(line.bundled ? { bundled: true } : {}),
    };
  });
  const agents = [
    ...s.listings.agents.items
      .filter((e) => e.loading === 'eager' && counted.has(e.unit))
      .map((e) => ({ name: e.name, chars: e.text.length, hash: shortHash(e.text) })),
    ...builtinAgents.map((name) => ({ name, chars: 0, hash: '', builtin: true })),
  ];
  return { model: model.id, memory, listing: { chars: l.sentChars, entries }, agents };
}

/** Every disagreement between a recorded and a predicted set of facts, in words. */
export function disagreements(real: Facts, predicted: Facts): string[] {
  const out: string[] = [];
  const paths = (f: Facts) => f.memory.map((m) => m.path).sort();
  if (JSON.stringify(paths(real)) !== JSON.stringify(paths(predicted))) out.push(`memory files: ${listDiff(paths(real), paths(predicted))}`);
  for (const m of real.memory) {
    const p = predicted.memory.find((x) => x.path === m.path);
    if (p && p.chars !== m.chars) out.push(`memory ${m.path}: Claude Code ${m.chars} chars, analyzer ${p.chars}`);
  }
  const names = (f: Facts) => f.listing.entries.map((e) => e.name);
  if (JSON.stringify(names(real)) !== JSON.stringify(names(predicted))) out.push(`listing order/names: ${listDiff(names(real), names(predicted))}`);
  const bare = (f: Facts) =>
    f.listing.entries
      .filter((e) => !e.described)
      .map((e) => e.name)
      .sort();
  if (JSON.stringify(bare(real)) !== JSON.stringify(bare(predicted))) out.push(`without description: ${listDiff(bare(real), bare(predicted))}`);
  // Every line of the framework's own compared exactly: characters and text (its hash).
  for (const e of real.listing.entries) {
    const p = predicted.listing.entries.find((x) => x.name === e.name);
    if (!p || e.bundled) continue;
    if (p.chars !== e.chars) out.push(`listing ${e.name}: Claude Code ${e.chars} chars, analyzer ${p.chars}`);
    else if (e.hash && p.hash && e.hash !== p.hash)
      out.push(`listing ${e.name}: the same ${e.chars} characters, another text (hash ${e.hash}, analyzer ${p.hash})`);
  }
  for (const a of real.agents) {
    const p = predicted.agents.find((x) => x.name === a.name);
    if (!p || a.builtin) continue;
    if (p.chars !== a.chars || (a.hash && p.hash && a.hash !== p.hash))
      out.push(`agent ${a.name}: Claude Code ${a.chars} chars${a.hash ? ` (${a.hash})` : ''}, analyzer ${p.chars}${p.hash ? ` (${p.hash})` : ''}`);
  }
  if (Math.abs(real.listing.chars - predicted.listing.chars) > real.listing.chars * 0.01)
    out.push(`listing chars: Claude Code ${real.listing.chars}, analyzer ${predicted.listing.chars}`);
  const agents = (f: Facts) => f.agents.map((a) => a.name);
  if (JSON.stringify(agents(real)) !== JSON.stringify(agents(predicted))) out.push(`agents: ${listDiff(agents(real), agents(predicted))}`);
  return out;
}

/** A recorded profile: the facts plus how Claude Code was run (plugin folders, user scope). */
export type RecordedProfile = Facts & { pluginDirs: string[]; installed?: string[]; userScope?: string };

/** The analyzer's facts for a framework folder, run the way the recorded profile ran Claude Code. */
export async function predictLike(dir: string, real: RecordedProfile, counter: TokenCounter): Promise<Facts> {
  const model = modelFor(real.model);
  const opts = { model, toolVersion: 'conformance', loadTimeRounds: 0, userScope: real.userScope };
  const probe = await analyze(worktreeSource(dir), { ...opts, installedPlugins: 'none' }, counter);
  // The plugins Claude Code got with --plugin-dir, or installed from a marketplace, count as installed; the rest don't.
  const installed = probe.units
    .filter(
      (u) =>
        u.type === 'plugin' &&
        (real.installed === undefined
          ? real.pluginDirs.includes(u.root || '.') // recorded with --plugin-dir only
          : (u.marketplace === undefined && real.pluginDirs.includes(u.root || '.')) || real.installed.includes(u.name)),
    )
    .map((u) => u.name);
  const snap = installed.length ? await analyze(worktreeSource(dir), { ...opts, installedPlugins: installed }, counter) : probe;
  const predicted = predictFacts(
    snap,
    model,
    real.agents.filter((a) => a.builtin).map((a) => a.name),
  );
  // Built-in agents sit among the framework's in Claude Code's order: compare after the same sort.
  predicted.agents.sort((a, b) => compareNames(a.name, b.name));
  return predicted;
}

/** Two lists that differ, in a few words: counts, what only one side has, and the first place they part (never both whole lists). */
export function listDiff(real: readonly string[], predicted: readonly string[], show = 5): string {
  const a = new Set(real);
  const b = new Set(predicted);
  const onlyReal = real.filter((x) => !b.has(x));
  const onlyPredicted = predicted.filter((x) => !a.has(x));
  const few = (xs: string[]) => `${xs.slice(0, show).join(', ')}${xs.length > show ? `, … (${xs.length - show} more)` : ''}`;
  const parts = [`Claude Code ${real.length}, analyzer ${predicted.length}`];
  if (onlyReal.length) parts.push(`only Claude Code: ${few(onlyReal)}`);
  if (onlyPredicted.length) parts.push(`only the analyzer: ${few(onlyPredicted)}`);
  const i = real.findIndex((x, k) => predicted[k] !== x);
  const at = i < 0 ? real.length : i;
  if (at < Math.max(real.length, predicted.length))
    parts.push(`first difference at #${at + 1}: Claude Code ${real[at] ?? '(end)'}, analyzer ${predicted[at] ?? '(end)'}`);
  return parts.join('; ');
}
