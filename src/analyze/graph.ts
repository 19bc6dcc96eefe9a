/** The dependency graph of a plan: import and reference edges, the longest chain, cycles, what is unresolved. Pure. */
import type { Graph, GraphEdge } from '../model/snapshot.js';
import { linkComponents } from './links.js';
import type { Plan } from './plan-types.js';

export function buildGraph(plan: Plan): Graph {
  const linked = linkComponents(plan);
  const edges: GraphEdge[] = linked.edges;
  const chainEdges = edges.filter((e) => e.type === 'import' || e.type === 'file-ref');
  const out = new Map<string, string[]>();
  const hasIn = new Set<string>();
  for (const e of chainEdges) {
    const l = out.get(e.from) ?? [];
    if (!l.includes(e.to)) l.push(e.to);
    out.set(e.from, l);
    hasIn.add(e.to);
  }
  // Longest simple chain from each root (memo on acyclic part; cycles are cut by the path set).
  let longest: string[] = [];
  const memo = new Map<string, string[]>();
  const walk = (n: string, onPath: Set<string>): string[] => {
    const cached = memo.get(n);
    if (cached && !cached.some((x) => onPath.has(x))) return cached;
    onPath.add(n);
    let best: string[] = [n];
    for (const m of out.get(n) ?? []) {
      if (onPath.has(m)) continue;
      const sub = walk(m, onPath);
      if (sub.length + 1 > best.length) best = [n, ...sub];
    }
    onPath.delete(n);
    memo.set(n, best);
    return best;
  };
  // Memory roots (depth 0) first, then every other node with outgoing edges (commands, cycles).
  const depth0 = plan.files.filter((f) => f.depth === 0).map((f) => f.path);
  const roots = [...new Set([...depth0.filter((n) => out.has(n)), ...[...out.keys()].filter((n) => !hasIn.has(n)), ...out.keys()])];
  for (const r of roots) {
    const c = walk(r, new Set());
    if (c.length > longest.length) longest = c;
  }
  const nodes = new Set<string>();
  for (const f of plan.files) nodes.add(f.path);
  for (const e of edges) {
    nodes.add(e.from);
    nodes.add(e.to);
  }
  const cycles = dedupeCycles(plan.cycles);
  return { nodes: nodes.size, edges, maxDepth: Math.max(0, longest.length - 1), longestChain: longest, cycles, unresolved: linked.unresolved };
}

function dedupeCycles(cycles: string[][]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const c of cycles) {
    const ring = c.slice(0, -1);
    const min = ring.reduce((a, b) => (b < a ? b : a), ring[0] ?? '');
    const i = ring.indexOf(min);
    const rot = [...ring.slice(i), ...ring.slice(0, i)];
    const k = rot.join('\0');
    if (seen.has(k)) continue;
    seen.add(k);
    out.push([...rot, rot[0]!]);
  }
  return out;
}
