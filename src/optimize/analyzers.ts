/**
 * The optimizer suite: independent analyzers, each a pure function of a snapshot returning
 * recommendations with an estimated saving, an effort and a location. Savings are estimates
 * (o200k_base tokens; parts of files proportional to their characters).
 */
import { AGENT_IDS, AGENT_PROFILES, type AgentProfile } from '../model/agents.js';
import type { Recommendation } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import { judgedListings } from '../analyze/listing.js';
import { thousands } from '../strings.js';

export type Draft = Omit<Recommendation, 'horizon' | 'introduced'> & { correctness?: boolean; architectural?: boolean; blocking?: boolean };
export type Analyzer = (s: Snapshot) => Draft[];

/** An always-loaded file above this many tokens is worth splitting even without headings. */
export const LARGE_EAGER_FILE_TOKENS = 3_000;
/** Descriptions are worth shortening above this many characters (agents: Claude Code's examples belong in the body). */
export const LONG_DESCRIPTION_CHARS = 400;
/** Target length suggested for a shortened description. */
export const TARGET_DESCRIPTION_CHARS = 250;
/** Import chains at least this deep are flagged. */
export const DEEP_CHAIN = 3;

const tokensPerChar = (tokens: number, chars: number) => (chars > 0 ? tokens / chars : 0.25);

/** Lazy loading: large sections of always-loaded memory files belong in skills or path-scoped rules. */
export const lazyLoading: Analyzer = (s) => {
  const out: Draft[] = [];
  const withSections = new Set(s.content.sections.map((x) => x.file));
  const nth = ordinal();
  for (const sec of s.content.sections) {
    const f = s.files.find((x) => x.path === sec.file);
    if (!f || (f.kind !== 'memory' && f.kind !== 'rule')) continue;
    out.push({
      // Identity is the subject (file, heading), never the line: lines added above must not make it new.
      key: `loading:${sec.file}:${sec.heading}${nth(`${sec.file}\0${sec.heading}`)}`,
      analyzer: 'loading',
      title: `Move "${sec.heading}" out of the always-loaded ${sec.file}`,
      rationale: `This section costs about ${thousands(sec.tokens)} tokens on every turn of every session. If it is needed only for some tasks, make it a skill (only its one-line description stays loaded) or a rule with paths: (loaded when matching files are touched).`,
      location: { file: sec.file, line: sec.line },
      saving: { eagerTokens: sec.tokens, onDemandTokens: -sec.tokens },
      effort: 'medium',
    });
  }
  for (const f of s.files) {
    if (f.loading !== 'eager' || (f.kind !== 'memory' && f.kind !== 'rule') || f.tokens < LARGE_EAGER_FILE_TOKENS || withSections.has(f.path)) continue;
    out.push({
      key: `loading:${f.path}`,
      analyzer: 'loading',
      title: `Split the always-loaded ${f.path} (${f.tokens} tokens)`,
      rationale: `${f.reason}. Split it by topic into skills and path-scoped rules so that each session loads only what its task needs.`,
      location: { file: f.path, line: 1 },
      saving: { eagerTokens: Math.round(f.tokens / 2), onDemandTokens: 0 },
      effort: 'high',
      architectural: true,
    });
  }
  return out;
};

/** Listing: descriptions that are truncated, capped, or simply long cost on every turn. */
export const listingDescriptions: Analyzer = (s) => {
  const out: Draft[] = [];
  const j = judgedListings(s);
  const perPlugin = s.listings.scope === 'per-plugin';
  const truncated = new Set(perPlugin && s.listings.worst.skills ? s.listings.worst.skills.truncated : s.listings.skills.truncated);
  // The agent listing over Claude Code's limit, judged as diff judges it: that unit's entries block.
  const agentsOver = j.agentTokens > s.listings.agents.warnAt;
  const overUnit = agentsOver ? j.agentUnit : undefined;
  const inJudged = (unit: string) => !overUnit || unit === overUnit || unit === 'project';
  // Targets computed from the real budgets: an even share of what is left for the framework.
  const skillEntries = s.listings.skills.items.filter((e) => e.loading === 'eager' && (!j.skillUnit || e.unit === j.skillUnit || e.unit === 'project'));
  // What each description could keep if every entry kept one; under 40 characters no description is
  // useful, and saying "about 40 characters brings every entry back" would be advice that can't fit.
  const rawShare = Math.floor((s.listings.skills.budget - s.listings.skills.bundledAllowance) / Math.max(1, skillEntries.length)) - 30;
  const skillShare = Math.max(40, rawShare);
  const shareAdvice =
    rawShare >= 40
      ? `About ${skillShare} characters per description brings every entry back.`
      : `${skillEntries.length} entries can't all keep a description within this budget (that would leave ${Math.max(0, rawShare)} characters each): set \`disable-model-invocation: true\` on skills and commands the model need not pick by itself, or split them into plugins installed separately.`;
  const agentEntries = s.listings.agents.items.filter((e) => e.loading === 'eager' && inJudged(e.unit));
  const agentShare = Math.max(60, Math.floor((s.listings.agents.warnAt * 4) / Math.max(1, agentEntries.length)) - 40);
  for (const e of [...s.listings.skills.items, ...s.listings.agents.items]) {
    if (e.loading !== 'eager') continue;
    // The description alone: not the name, nor an agent line's "(Tools: ...)" suffix.
    const descChars = (e.description ?? (e.kind === 'agent' ? e.text.replace(/ \(Tools: [^()]*\)$/, '') : e.text).slice(e.text.indexOf(': ') + 2)).length;
    const isTruncated = truncated.has(e.name);
    const blocking = isTruncated || (e.kind === 'agent' && agentsOver && inJudged(e.unit));
    if (!blocking && !e.descriptionCapped && descChars <= LONG_DESCRIPTION_CHARS) continue;
    const target = e.kind === 'agent' ? (agentsOver ? agentShare : TARGET_DESCRIPTION_CHARS) : truncated.size ? skillShare : TARGET_DESCRIPTION_CHARS;
    if (!blocking && descChars <= target) continue;
    const keep = Math.min(descChars, target);
    const saving = Math.max(0, Math.round((descChars - keep) * tokensPerChar(e.tokens, e.chars)));
    const what = e.kind === 'agent' ? 'agent description' : `${e.kind} description`;
    out.push({
      key: `listing:${e.kind}:${e.name}`,
      analyzer: 'listing',
      title: isTruncated
        ? `"${e.name}" loses its description: the skill listing is over budget`
        : `Shorten the ${what} of "${e.name}" (${thousands(descChars)} characters, to about ${thousands(keep)})`,
      rationale: isTruncated
        ? `The listing exceeds its ${s.listings.skills.budget}-character budget (Claude Code's own entries take ${s.listings.skills.bundledAllowance}), so in the assumed order this entry is reduced to its bare name and the model no longer knows when to use it. ${shareAdvice}`
        : e.kind === 'agent'
          ? `Every agent's description is sent at session start.${agentsOver && inJudged(e.unit) ? ` The agent listing${overUnit ? ` with ${overUnit} installed` : ''} is ${j.agentTokens} tokens against Claude Code's ${s.listings.agents.warnAt}: about ${agentShare} characters per description brings it under.` : ''} Keep it to when to use the agent; move examples and detail into the agent's body, which loads only when it is spawned.`
          : `Every listed description is sent at session start${e.descriptionCapped ? `, and this one is cut at ${s.model.skillListingMaxDescChars ?? 1536} characters anyway` : ''}. Say when to use it in one or two sentences; detail belongs in the body, loaded on invocation.`,
      location: { file: e.file, line: e.line ?? 1 },
      saving: { eagerTokens: saving, onDemandTokens: 0 },
      effort: 'low',
      correctness: blocking,
      blocking,
    });
  }
  return out;
};

/** Duplication: the same paragraph in several loaded files is paid for more than once. */
export const duplication: Analyzer = (s) =>
  s.content.duplicates.slice(0, 200).map((d) => {
    const eagerCopies = d.locations.filter((l) => l.eager).length;
    const first = d.locations[0]!;
    return {
      key: `duplication:${d.locations.map((l) => l.file).join('|')}:${d.preview}`,
      analyzer: 'duplication' as const,
      title: `The same ${d.chars}-character paragraph appears in ${d.locations.length} files`,
      rationale: `"${d.preview}…" is repeated in ${d.locations.map((l) => `${l.file}:${l.line}`).join(', ')}. Keep it once (a shared file referenced where needed).`,
      location: { file: first.file, line: first.line },
      saving: { eagerTokens: Math.max(0, eagerCopies - 1) * d.tokens, onDemandTokens: (d.locations.length - Math.max(eagerCopies, 1)) * d.tokens },
      effort: 'medium' as const,
    };
  });

/** References: imports and @file references that resolve to nothing, or to places that are never read. */
export const references: Analyzer = (s) => {
  // An @-mention with no extension, bare or in a folder that does not exist either, is prose (an npm
  // package such as @storybook/sveltekit, a handle), not a broken path.
  const prose = (u: (typeof s.graph.unresolved)[number]) =>
    u.reason === 'missing' && !/\.[A-Za-z0-9]+$/.test(u.ref) && (!u.ref.includes('/') || u.noFolder === true);
  return s.graph.unresolved
    .filter((u) => u.reason !== 'skipped' && !prose(u))
    .map((u) => ({
      key: `references:${u.from}:${u.ref}`,
      analyzer: 'references' as const,
      title:
        u.reason === 'depth'
          ? `@${u.ref} is past the import depth limit and never loads`
          : u.reason === 'home'
            ? `@${u.ref} points into the user's home directory`
            : u.reason === 'external'
              ? `@${u.ref} leaves the repository`
              : u.reason === 'loop'
                ? `@${u.ref} is a symlink loop`
                : `@${u.ref} does not exist`,
      rationale:
        u.reason === 'depth'
          ? `Claude Code follows at most ${(s.model.importMaxDepth ?? 5) - 1} hops of imports below the root memory file. Import it from a shallower file, or inline it.`
          : u.reason === 'home'
            ? 'It resolves differently for every user and not at all in CI: the instructions it holds are not part of the shared framework. Commit the file and import it by a relative path, or drop the import.'
            : 'Claude Code cannot load it for anyone who clones the repository. Fix the path or remove the reference.',
      location: { file: u.from, line: u.line },
      saving: { eagerTokens: 0, onDemandTokens: 0 },
      effort: 'low' as const,
      correctness: true,
    }));
};

/** Structure: deep import chains and cycles. */
export const structure: Analyzer = (s) => {
  const out: Draft[] = [];
  for (const c of s.graph.cycles)
    out.push({
      key: `structure:cycle:${c.join('>')}`,
      analyzer: 'structure',
      title: `Import cycle: ${c.join(' → ')}`,
      rationale: 'Each file loads once, so the cycle adds nothing but makes the load order depend on where reading starts. Remove the back-reference.',
      location: { file: c[0]! },
      saving: { eagerTokens: 0, onDemandTokens: 0 },
      effort: 'low',
      correctness: true,
    });
  if (s.graph.maxDepth >= DEEP_CHAIN)
    out.push({
      key: `structure:depth:${s.graph.longestChain[0]}`,
      analyzer: 'structure',
      title: `Import chain ${s.graph.maxDepth} levels deep`,
      rationale: `${s.graph.longestChain.join(' → ')}. Deep chains are hard to review and close to Claude Code's limit (a file at depth ${s.model.importMaxDepth ?? 5} is not loaded). Flatten: import from the root, or turn the leaves into skills.`,
      location: { file: s.graph.longestChain[0]! },
      saving: { eagerTokens: 0, onDemandTokens: 0 },
      effort: 'medium',
      architectural: true,
    });
  return out;
};

/** Compression: long code blocks, tables, base64 and whitespace in always-loaded files. */
export const compression: Analyzer = (s) => {
  const nth = ordinal();
  return s.content.compressible.map((c) => ({
    key: `compression:${c.file}:${c.kind}${nth(`${c.file}\0${c.kind}`)}`,
    analyzer: 'compression' as const,
    title: `Compress the ${c.kind.replace('-', ' ')} in ${c.file}:${c.line}`,
    rationale: `${c.note}. It is always loaded.`,
    location: { file: c.file, line: c.line },
    saving: { eagerTokens: c.kind === 'whitespace' ? c.tokens : Math.round(c.tokens * 0.7), onDemandTokens: 0 },
    effort: 'low' as const,
  }));
};

/** Tells apart subjects of one name in order (the first has no suffix, then `#2`, `#3`...). */
function ordinal(): (subject: string) => string {
  const seen = new Map<string, number>();
  return (subject) => {
    const n = (seen.get(subject) ?? 0) + 1;
    seen.set(subject, n);
    return n === 1 ? '' : `#${n}`;
  };
}

/** Collisions: two components with one name; one shadows the other. */
export const collisions: Analyzer = (s) =>
  s.diagnostics
    .filter((d) => d.code === 'duplicate-name' || d.code === 'duplicate-plugin')
    .map((d) => ({
      key: `collisions:${d.file}:${d.message}`,
      analyzer: 'collisions' as const,
      title: `Name collision in ${d.file}`,
      rationale: `${d.message}. Rename one of them so both stay reachable.`,
      location: { file: d.file, line: d.line },
      saving: { eagerTokens: 0, onDemandTokens: 0 },
      effort: 'low' as const,
      correctness: true,
    }));

/** Other agents (measured or not) whose folders hold this file: it is not dead, only not Claude Code's. */
export function readersOf(file: string): AgentProfile[] {
  return AGENT_IDS.map((id) => AGENT_PROFILES[id]).filter(
    (p) =>
      [...p.skillDirs, ...p.agentDirs, ...p.rulesDirs, ...p.commandDirs, ...(p.scopedInstructions ? [p.scopedInstructions.dir] : [])].some((d) =>
        file.startsWith(`${d}/`),
      ) || p.instructions.some((i) => i.names.includes(file)),
  );
}

/** Reachability: component-like files that nothing loads (another agent's files: said, not called dead). */
export const reachability: Analyzer = (s) =>
  s.files
    .filter((f) => {
      const readers = readersOf(f.path);
      // Measured agents account for their own files; an agent not measured is named (in the title below).
      return !readers.some((p) => s.agents?.some((a) => a.agent.id === p.id));
    })
    .filter(
      (f) =>
        f.loading === 'not-loaded' &&
        (f.kind === 'other' || f.kind === 'agent' || f.kind === 'command' || f.kind === 'skill') &&
        /\.md$/i.test(f.path) &&
        f.tokens > 0,
    )
    .filter((f) => /(^|\/)(agents|commands|skills|rules)\//.test(f.path) && !/(^|\/)README\.md$/i.test(f.path))
    .map((f) => {
      const readers = readersOf(f.path);
      return {
        key: `reachability:${f.path}`,
        analyzer: 'reachability' as const,
        title: readers.length
          ? `Claude Code does not load ${f.path}; ${readers.map((p) => p.name).reduce((a, n, i, all) => (i === 0 ? n : `${a}${i === all.length - 1 ? ' and ' : ', '}${n}`), '')} read${readers.length === 1 ? 's' : ''} it`
          : `Nothing loads ${f.path}`,
        rationale: readers.length
          ? `${f.reason}. Its cost in ${readers.map((p) => p.name).reduce((a, n, i, all) => (i === 0 ? n : `${a}${i === all.length - 1 ? ' and ' : ', '}${n}`), '')} is not measured: turn ${readers.length === 1 ? 'it' : 'them'} on with \`--agent ${readers.map((p) => p.id).join(' --agent ')}\` or \`agents: [${readers.map((p) => p.id).join(', ')}]\` in the budget config.`
          : `${f.reason}. Register it (a plugin manifest path, the right folder) if it is meant to be used, or delete it so reviewers don't maintain dead prompts.`,
        location: { file: f.path, line: 1 },
        saving: { eagerTokens: 0, onDemandTokens: 0 },
        effort: 'low' as const,
      };
    });

export const ANALYZERS: readonly Analyzer[] = [lazyLoading, listingDescriptions, duplication, references, structure, compression, collisions, reachability];
