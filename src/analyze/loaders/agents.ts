/**
 * Agents: one line each in the agent listing (sent whole), bodies in the subagent's own context.
 */
import path from 'node:path/posix';
import type { Loading } from '../../model/snapshot.js';
import { asGlobs, asText } from '../frontmatter.js';
import type { PlannedEntry } from '../plan-types.js';
import type { UnitDef } from '../units.js';
import { fieldLine, type PlanContext } from './context.js';
import { compareNames } from '../../strings.js';

export function planAgent(ctx: PlanContext, u: UnitDef, f: string, dir: string): void {
  const r = ctx.read(f, true);
  if (!r) return;
  const real = ctx.tree.real(f) ?? f;
  const isPlugin = u.type === 'plugin';
  const broken = r.parsed?.strictError !== undefined;
  // Front matter that strict YAML rejects: a project agent is not loaded; a plugin agent loads
  // with its file name and a fallback description, every other field dropped (Claude Code 2.1.332).
  if (broken && !isPlugin) {
    ctx.addFile(f, u.name, 'agent', 'not-loaded', 'agent whose front matter does not parse: Claude Code does not load it', 'other', ctx.bodySource(r));
    ctx.diag(
      f,
      r.parsed!.strictError!.line,
      'warning',
      'agent-not-loaded',
      `front matter does not parse (${r.parsed!.strictError!.message}): Claude Code does not load this agent`,
    );
    return;
  }
  const fm = broken ? {} : (r.parsed?.data ?? {});
  const fileName = path.basename(f).replace(/\.md$/i, '');
  const base = asText(fm.name)?.trim() || fileName;
  // Plugin agents are namespaced by plugin and by the folders below the agents folder (`dir`, which
  // holds `f`; empty for an agent file the manifest names itself).
  const rel = dir ? path.dirname(f.slice(dir.length + 1)) : '.';
  const name = isPlugin ? [u.name, ...(rel === '.' ? [] : rel.split('/')), base].join(':') : base;
  // A project agent needs `description`; a plugin agent also takes `when_to_use`, else a fallback (Claude Code 2.1.332).
  const description = isPlugin
    ? (asText(fm.description) ?? asText(fm.when_to_use) ?? asText(fm['when-to-use']))?.trim() || `Agent from ${u.name} plugin`
    : (asText(fm.description)?.trim() ?? '');
  const body = ctx.bodySource(r);
  if (broken)
    ctx.diag(
      f,
      r.parsed!.strictError!.line,
      'warning',
      'agent-fallback',
      `front matter does not parse (${r.parsed!.strictError!.message}): Claude Code lists this agent as "${name}" with the description "${description}"`,
    );
  // A project agent without front matter has no description either.
  if (!description) {
    ctx.addFile(
      f,
      u.name,
      'agent',
      'not-loaded',
      r.parsed?.hasFrontmatter ? 'agent without a description: Claude Code does not load it' : 'no frontmatter: not an agent definition',
      'other',
      body,
    );
    if (r.parsed?.hasFrontmatter) ctx.diag(f, 1, 'warning', 'missing-description', 'agent has no description: Claude Code does not load it');
    return;
  }
  // Of several agents with one name, Claude Code keeps the last in path order (`sub/dup-b.md` over
  // `dup-a.md`, `z.md` over `sub/a.md`; measured with 2.1.332): the earlier one is not listed.
  const earlier = ctx.agentByName.get(name);
  if (earlier) {
    // One entry and one component per name at a time, both recorded below with agentByName.
    ctx.agentEntries.splice(ctx.agentEntries.indexOf(earlier), 1);
    ctx.components.splice(
      ctx.components.findIndex((c) => c.kind === 'agent' && c.entry === name),
      1,
    );
    const rec = ctx.files.get(earlier.file);
    if (rec)
      ctx.files.set(earlier.file, {
        ...rec,
        loading: 'not-loaded',
        reason: `another agent is named "${name}" (${real}): Claude Code lists only that one`,
        category: 'other',
      });
    ctx.diag(earlier.file, 1, 'warning', 'duplicate-name', `agent name "${name}" is also defined by ${real}, which Claude Code lists instead of this one`);
  }
  const tools = agentTools(fm);
  const text = `- ${name}: ${description} (Tools: ${tools})`;
  const loading: Loading = 'eager';
  const entry: PlannedEntry = {
    name,
    kind: 'agent',
    unit: u.name,
    file: real,
    text,
    description,
    tools,
    loading,
    reason: 'agent listing entry, sent at session start',
    descriptionCapped: false,
    nameOnly: false,
    line: fieldLine(r.text, 'description'),
  };
  ctx.agentEntries.push(entry);
  ctx.agentByName.set(name, entry);
  ctx.addFile(f, u.name, 'agent', 'on-demand', "agent system prompt, loaded in the subagent's own context when spawned", 'agent-bodies', body);
  ctx.components.push({ id: `agent:${u.name}:${name}`, kind: 'agent', name, unit: u.name, file: real, loading, entry: name, refs: [] });
  const skills = asGlobs(fm.skills);
  for (const s of skills ?? []) ctx.edges.push({ from: real, to: `skill:${s}`, type: 'agent-skill' });
}

/** `Tools:` of an agent line: a list joined with ", ", `disallowedTools` as "All tools except ..." (Claude Code 2.1.332). */
function agentTools(fm: Record<string, unknown>): string {
  const list = (v: unknown): string[] =>
    (Array.isArray(v) ? v.map((x) => String(x).trim()) : typeof v === 'string' ? v.split(',').map((x) => x.trim()) : []).filter((x) => x.length > 0);
  const tools = list(fm.tools);
  const denied = list(fm.disallowedTools ?? fm['disallowed-tools']);
  if (tools.length && denied.length) {
    const left = tools.filter((t) => !denied.includes(t));
    return left.length ? left.join(', ') : 'None';
  }
  if (tools.length) return tools.join(', ');
  if (denied.length) return `All tools except ${denied.join(', ')}`;
  return 'All tools';
}

/** Agents are listed by name, compared as Claude Code does (localeCompare). */
export function agentOrder(entries: readonly PlannedEntry[]): PlannedEntry[] {
  return [...entries].sort((a, b) => compareNames(a.name, b.name));
}
