/**
 * Facts of what Claude Code sends in its first request: memory files, skill-listing entries and
 * agent-listing entries. Names, counts, flags and hashes only, never Claude Code's own text, so
 * they can be committed as goldens and compared with what the analyzer predicts.
 */
import { createHash } from 'node:crypto';
import { displayWidth } from '../analyze/text.js';

export type { AgentFact, Facts, ListingFact, MemoryFact } from '../model/claude-code.js';
import type { Facts, MemoryFact } from '../model/claude-code.js';

export const LISTING_HEADING = 'The following skills are available for use with the Skill tool:';
export const AGENT_HEADING = 'Available agent types for the Agent tool:';
const MEMORY_SECTION = /^Contents of (.+?) \(([^)]*)\):\n\n/;
const SCOPES: [RegExp, string][] = [
  [/^project instructions/, 'project'],
  [/^user's private project/, 'local'],
  [/^user's private global/, 'user'],
  [/^organization/, 'managed'],
  [/auto-memory/, 'auto-memory'],
];

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Display width as Claude Code measures listing lines. */
export const lineWidth = displayWidth;

/** Every text block of a Messages API request body (system and all messages). */
export function requestTexts(body: unknown): string[] {
  const out: string[] = [];
  const b = body as { system?: unknown; messages?: unknown };
  const push = (c: unknown) => {
    if (typeof c === 'string') out.push(c);
    else if (Array.isArray(c))
      for (const x of c) if (x && typeof x === 'object' && typeof (x as { text?: unknown }).text === 'string') out.push((x as { text: string }).text);
  };
  push(b.system);
  if (Array.isArray(b.messages)) for (const m of b.messages) push((m as { content?: unknown })?.content);
  return out;
}

/**
 * Splits a block of `- name...` lines into entries. A description may hold newlines; a new entry
 * starts only where a line starts with `- ` followed by a name (no spaces) and `: `, ` (` or the end.
 */
export function splitEntries(block: string): string[] {
  const lines = block.split('\n');
  const entries: string[] = [];
  for (const line of lines) {
    if (/^- [A-Za-z0-9_.:@/+-]+(?:: | \(|$)/.test(line) || entries.length === 0) entries.push(line);
    else entries[entries.length - 1] += `\n${line}`;
  }
  return entries.filter((e) => e.startsWith('- '));
}

function entryName(line: string): { name: string; described: boolean } {
  const first = line.slice(2).split('\n')[0]!;
  const i = first.indexOf(': ');
  if (i < 0) return { name: first.trimEnd(), described: false };
  return { name: first.slice(0, i), described: true };
}

/** The block after a heading, up to the next blank line that is followed by a line not starting an entry. */
function blockAfter(text: string, heading: string): string | undefined {
  const at = text.indexOf(heading);
  if (at < 0) return undefined;
  let rest = text.slice(at + heading.length).replace(/^\n+/, '');
  // The block ends at a blank line followed by something that is not an entry.
  // (In a <system-reminder> message it ends at the closing tag, with no blank line before it.)
  const end = /\n\n(?!- )|\n<\/system-reminder>/.exec(rest);
  if (end) rest = rest.slice(0, end.index);
  return rest;
}

/**
 * Agent lines: each runs from `- name: ` to its ` (Tools: ...)` at the end of a line, so that
 * descriptions holding blank lines (`\n\n<example>`) stay whole.
 */
export function agentLines(text: string): string[] {
  const at = text.indexOf(AGENT_HEADING);
  if (at < 0) return [];
  const out: string[] = [];
  let p = at + AGENT_HEADING.length + 1;
  const end = /\(Tools: [^()\n]*\)(?=\n- |\n\n|\n?$)/g;
  while (text.startsWith('- ', p)) {
    end.lastIndex = p;
    const m = end.exec(text);
    if (!m) break;
    const stop = m.index + m[0].length;
    out.push(text.slice(p, stop));
    p = stop + 1;
  }
  return out;
}

/** Facts from a captured first request. `root`: the project directory; `home`: the fresh home. */
export function extractFacts(body: unknown, root: string, home?: string): Facts {
  const texts = requestTexts(body);
  const memory: MemoryFact[] = [];
  const all = texts.join('\n\n');
  const rel = (p: string) => {
    const norm = p.replace(/\\/g, '/');
    if (norm === root || norm.startsWith(root + '/')) return norm.slice(root.length + 1);
    if (home && norm.startsWith(home + '/')) return '~/' + norm.slice(home.length + 1);
    return norm;
  };
  for (const t of texts) {
    let idx = t.indexOf('Contents of ');
    while (idx >= 0) {
      const m = MEMORY_SECTION.exec(t.slice(idx));
      if (m) {
        const start = idx + m[0].length;
        const next = t.indexOf('\n\nContents of ', start);
        const endTag = t.indexOf('\n</system-reminder>', start);
        let end = t.length;
        for (const e of [next, endTag]) if (e >= 0 && e < end) end = e;
        const content = t.slice(start, end).replace(/\n+IMPORTANT: this context may or may not be relevant[\s\S]*$/, '');
        memory.push({ path: rel(m[1]!), scope: SCOPES.find(([re]) => re.test(m[2]!))?.[1] ?? m[2]!, chars: content.length });
        idx = t.indexOf('Contents of ', end);
      } else idx = t.indexOf('Contents of ', idx + 1);
    }
  }
  const listingBlock = blockAfter(all, LISTING_HEADING);
  const entries = (listingBlock ? splitEntries(listingBlock) : []).map((line) => ({ ...entryName(line), chars: lineWidth(line), hash: shortHash(line) }));
  const listingChars = entries.reduce((s, e) => s + e.chars, 0) + Math.max(0, entries.length - 1);
  const agents = agentLines(all).map((line) => ({ name: entryName(line).name, chars: line.length, hash: shortHash(line) }));
  const model = typeof (body as { model?: unknown }).model === 'string' ? (body as { model: string }).model : '';
  return { model, memory, listing: { chars: listingChars, entries }, agents };
}

/** Marks Claude Code's own entries (those of an empty project) as bundled / built in. */
export function markBuiltins(f: Facts, empty: Facts): Facts {
  const skills = new Set(empty.listing.entries.map((e) => e.name));
  const agents = new Set(empty.agents.map((a) => a.name));
  return {
    ...f,
    listing: { ...f.listing, entries: f.listing.entries.map((e) => (skills.has(e.name) ? { ...e, bundled: true } : e)) },
    agents: f.agents.map((a) => (agents.has(a.name) ? { ...a, builtin: true } : a)),
  };
}
