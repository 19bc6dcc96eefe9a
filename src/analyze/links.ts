import type { GraphEdge, UnresolvedRef } from '../model/snapshot.js';
import type { Plan } from './plan.js';

/**
 * Edges between components by name, computed once after planning (not part of what Claude Code
 * does at load, so not part of the timed load): agent `skills:` to the skill, `/name` mentions to
 * the command or skill, plugin membership. Agent skills that name nothing become unresolved refs.
 */
export function linkComponents(plan: Plan): { edges: GraphEdge[]; unresolved: UnresolvedRef[] } {
  const edges: GraphEdge[] = [];
  const unresolved: UnresolvedRef[] = [...plan.unresolved];
  const byName = new Map(plan.components.filter((c) => c.entry).map((c) => [c.name, c.file]));
  const byBase = new Map<string, string>();
  for (const [n, f] of byName) {
    const base = n.split(':').pop()!;
    if (!byBase.has(base)) byBase.set(base, f);
  }
  for (const e of plan.edges) {
    if (e.type !== 'agent-skill') {
      edges.push(e);
      continue;
    }
    const name = e.to.slice('skill:'.length);
    const target = byName.get(name) ?? byBase.get(name);
    if (target) edges.push({ ...e, to: target });
    else unresolved.push({ from: e.from, line: 1, ref: name, reason: 'missing' });
  }
  const prompts = new Map(plan.components.filter((c) => c.kind === 'command' || c.kind === 'skill').map((c) => [c.name, c.file]));
  if (prompts.size) {
    for (const f of plan.files) {
      if (f.kind !== 'command' && f.kind !== 'skill' && f.kind !== 'agent' && f.kind !== 'memory' && f.kind !== 'rule') continue;
      const seen = new Set<string>();
      for (const name of f.digest?.names ?? []) {
        const target = prompts.get(name);
        if (target && target !== f.real && !seen.has(target)) {
          seen.add(target);
          edges.push({ from: f.real, to: target, type: 'name-ref' });
        }
      }
    }
  }
  for (const c of plan.components) {
    const u = plan.units.find((x) => x.name === c.unit);
    if (u && u.type === 'plugin') edges.push({ from: `plugin:${u.name}`, to: c.file, type: 'plugin-member' });
  }
  return { edges, unresolved };
}
