/**
 * What it takes to pass a failing or warning budget, computed from the real budget and the head's
 * own entries: how much must go, and the largest places to take it from (what this change touched
 * first). Pure; the renderers only print it.
 */
import type { BudgetResult, SnapshotDiff } from '../model/report.js';
import picomatch from 'picomatch';
import type { Scope } from '../model/budgets.js';
import type { Category, ListingEntry, Snapshot } from '../model/snapshot.js';
import { thousands } from '../strings.js';
import { AGENT_PROFILES, type AgentId } from '../model/agents.js';

const n = thousands;
const TOP = 5;

/** Entries the change added or edited come first, then the rest, each by size. */
function largest(items: ListingEntry[], base: Snapshot, kind: 'skills' | 'agents'): ListingEntry[] {
  const before = new Map(base.listings[kind].items.map((e) => [e.name, e.text]));
  const touched = (e: ListingEntry) => before.get(e.name) !== e.text;
  return [...items].sort((a, b) => Number(touched(b)) - Number(touched(a)) || b.chars - a.chars);
}

function list(items: ListingEntry[]): string {
  return items
    .slice(0, TOP)
    .map((e) => `${e.name} (${n(e.chars)} chars, ${e.file}${e.line ? `:${e.line}` : ''})`)
    .join('; ');
}

const LISTING_CATEGORY: Record<ListingEntry['kind'], Category> = {
  skill: 'skill-listing',
  command: 'skill-listing',
  workflow: 'skill-listing',
  agent: 'agent-listing',
};

/**
 * Whether a file's tokens count toward a budget's scope, as assert.ts counts them: its unit, its
 * path against the glob, its component kind, or a category of its text (a file's own, or its listing
 * line's). The largest additions a how-to-pass names are taken from the scope, never from outside it.
 */
function inScope(scope: Scope, base: Snapshot, head: Snapshot): (path: string, unit: string) => boolean {
  switch (scope.type) {
    case 'total':
    case 'agent':
      return () => true;
    case 'unit':
      return (_path, unit) => unit === scope.value;
    case 'files': {
      const match = picomatch(scope.value, { dot: true });
      return (path) => match(path);
    }
    case 'kind':
    case 'category': {
      const hits = new Set<string>();
      for (const s of [base, head]) {
        for (const f of s.files) if ((scope.type === 'kind' ? f.kind : f.category) === scope.value) hits.add(f.path);
        for (const e of [...s.listings.skills.items, ...s.listings.agents.items])
          if ((scope.type === 'kind' ? e.kind : LISTING_CATEGORY[e.kind]) === scope.value) hits.add(e.file);
      }
      return (path) => hits.has(path);
    }
  }
}

export function howToPass(r: BudgetResult, base: Snapshot, head: Snapshot, diff: SnapshotDiff): string | undefined {
  if (r.status === 'pass') return undefined;
  // A listing limit judged per plugin names its worst plugin in the message (assert.ts); nothing else does.
  const unit = r.message.match(/project \+ plugin ([^,)]+)/)?.[1];
  switch (r.metric) {
    case 'agentListingTokens': {
      // Claude Code estimates round(chars / 4) per agent line: every 4 characters over are one token over.
      // Over on the base already: the change answers for what it added, not the base's whole overrun.
      const over = r.share ?? r.actual - r.expected;
      const agents = head.listings.agents.items.filter((e) => e.loading === 'eager' && (!unit || e.unit === unit || e.unit === 'project'));
      return `Cut about ${n(over * 4)} characters (${n(over)} tokens as Claude Code estimates them, characters / 4) from ${unit ? `${unit}'s` : 'the'} agent descriptions: keep each to what the model needs to pick the agent, and move examples into the agent's body. Largest: ${list(largest(agents, base, 'agents'))}.`;
    }
    case 'skillListingTruncated':
    case 'skillListingChars': {
      const L = head.listings.skills;
      const over = r.share !== undefined ? Math.max(0, L.chars - base.listings.skills.chars) : L.chars - L.budget;
      const entries = L.items.filter((e) => e.loading === 'eager' && (!unit || e.unit === unit || e.unit === 'project'));
      return `The listing holds ${n(L.chars)} characters against Claude Code's budget of ${n(L.budget)} (its own entries take ${n(L.bundledAllowance)})${r.share !== undefined ? `, and was over on the base branch already: cut the ${n(over)} characters this change adds` : `: cut ${n(Math.max(over, 0))} characters`} of descriptions, or set \`disable-model-invocation: true\` on skills and commands the model need not pick by itself. Largest: ${list(largest(entries, base, 'skills'))}.`;
    }
    case 'memoryFileMaxChars': {
      const file = r.location?.file ?? 'the largest memory file';
      return `Cut ${n(r.share ?? r.actual - r.expected)} characters from ${file} (Claude Code warns above ${n(r.expected)}${r.share !== undefined ? '; the rest was over on the base branch already' : ''}): move sections that only some tasks need into a rule with \`paths:\`, a skill, or a file a command reads on demand.`;
    }
    case 'memoryTotalChars':
      return `Cut ${n(r.share ?? r.actual - r.expected)} characters from the always-loaded memory files and rules (Claude Code warns above ${n(r.expected)} in total${r.share !== undefined ? '; the rest was over on the base branch already' : ''}).`;
    case 'eagerTokens':
    case 'onDemandTokens': {
      // A file's growth as the budget counts it: always-loaded tokens, or the text of a file loaded on demand.
      const onDemand = (f: SnapshotDiff['files'][number], side: 'base' | 'head') =>
        (side === 'base' ? f.loadingBase : f.loadingHead) === 'on-demand' ? f.tokens[side] : 0;
      const growth = (f: SnapshotDiff['files'][number]) => (r.metric === 'eagerTokens' ? f.eager.delta : onDemand(f, 'head') - onDemand(f, 'base'));
      const within = inScope(r.scope, base, head);
      const grew = diff.files
        .map((f) => ({ path: f.path, delta: growth(f), within: within(f.path, f.unit) }))
        .filter((f) => f.delta > 0 && f.within)
        .sort((a, b) => b.delta - a.delta);
      const over = r.operator === 'maxIncreasePercent' ? undefined : r.actual - r.expected;
      const where = grew.length
        ? ` Largest additions: ${grew
            .slice(0, TOP)
            .map((f) => `${f.path} (+${n(f.delta)})`)
            .join('; ')}.`
        : '';
      return `${over !== undefined ? `Remove ${n(over)} ${r.metric === 'eagerTokens' ? 'always-loaded' : 'on-demand'} tokens, or raise the budget in the config if the growth is intended.` : 'Bring the growth under the allowed percentage, or raise it in the config if intended.'}${where}`;
    }
    case 'importsPastDepthLimit': {
      const d = head.graph.unresolved.filter((u) => u.reason === 'depth');
      return `Claude Code does not load imports past its depth limit: import ${d
        .slice(0, TOP)
        .map((u) => `${u.ref} (from ${u.from}:${u.line})`)
        .join('; ')} from a file nearer the root memory file, or inline it.`;
    }
    case 'cycles':
      return `Break the import cycle${head.graph.cycles.length > 1 ? 's' : ''}: ${head.graph.cycles
        .slice(0, TOP)
        .map((c) => c.join(' → '))
        .join('; ')}.`;
    case 'maxDepth':
      return `Flatten the import chain ${head.graph.longestChain.join(' → ')}.`;
    case 'unresolved':
      return `Fix or remove the unresolved references: ${diff.graph.unresolvedAdded
        .slice(0, TOP)
        .map((u) => `@${u.ref} in ${u.from}:${u.line}`)
        .join('; ')}.`;
    case 'unmeasured':
      return "Make every framework file a readable regular file (no FIFOs, unreadable folders or oversized symlinks), and keep the framework within the run's limits (files, bytes, symlink expansion); the head is judged only once it can be measured.";
    case 'agentDroppedChars': {
      const scope = r.scope;
      const a = scope.type === 'agent' ? head.agents?.find((x) => x.agent.id === scope.value) : undefined;
      const profile = a && AGENT_PROFILES[a.agent.id as AgentId];
      const cut = a?.files.find((f) => f.keptChars !== undefined);
      if (!a || !profile || !cut) return undefined;
      const cap = profile.instructions.find((i) => i.names.includes(cut.path))?.maxBytes ?? 0;
      return `${a.agent.name} keeps the first ${n(cap)} bytes of ${cut.path} (it is ${n(cut.bytes)} bytes) and drops the rest without a word: cut ${n(cut.bytes - cap)} bytes, or move detail ${a.agent.name} needs only sometimes into skills (${profile.skillDirs.join(', ')}) that it reads when used.`;
    }
    case 'agentListingNameOnly': {
      const scope = r.scope;
      const a = scope.type === 'agent' ? head.agents?.find((x) => x.agent.id === scope.value) : undefined;
      const budget = a?.listings.skills.budget;
      if (!a || !budget) return undefined;
      const lost = a.listings.skills.items.filter((i) => i.truncated);
      const used = a.listings.skills.items.reduce((s, i) => s + i.chars, 0) + (AGENT_PROFILES[a.agent.id as AgentId]?.listing.bundledChars ?? 0);
      const largestItems = [...a.listings.skills.items].sort((x, y) => y.chars - x.chars).slice(0, TOP);
      return `${a.agent.name} lists skills within ${n(budget)} characters of its own markup; past that, ${lost.length} entr${lost.length === 1 ? 'y is' : 'ies are'} listed by name only (${lost
        .slice(0, TOP)
        .map((i) => i.name)
        .join(
          ', ',
        )}). Shorten descriptions by about ${n(used - budget)} characters in all, longest first: ${largestItems.map((i) => `${i.name} (${n(i.chars)} chars, ${i.file})`).join('; ')}.`;
    }
    default:
      return undefined;
  }
}
