/**
 * The picture: what the HTML report (html.ts) and the job summary's chart draw, built from the same
 * snapshots as the JSON report (one source: every number here is a snapshot's number). A tree of
 * tokens, unit -> category (always-loaded or on demand) -> file or listing entry, whose leaves sum
 * exactly to the snapshot's totals; in a diff each node carries the base's and the head's tokens.
 */
import type { GateReport } from '../model/report.js';
import type { Category, ListingEntry, Loading, Snapshot } from '../model/snapshot.js';

/** Loaded eagerly (every session pays) or on demand. */
export type PictureLoading = 'eager' | 'on-demand';

export interface PictureNode {
  /** Shown name: a unit, "memory (always-loaded)", a path or a listed name. */
  name: string;
  kind: 'root' | 'agent' | 'unit' | 'category' | 'file' | 'entry';
  /** Stable key among its siblings (how base and head are matched). */
  key: string;
  loading?: PictureLoading;
  /** Tokens on the head (or the one analyzed side); for inner nodes, the sum of their leaves. */
  head: number;
  /** Tokens on the base, in a diff. */
  base?: number;
  /** Characters of the leaf's loaded text on each side. */
  headChars?: number;
  baseChars?: number;
  /** The repository path of a leaf (a listing entry's: the file it comes from). */
  path?: string;
  /** A listing entry's description line. */
  line?: number;
  children?: PictureNode[];
}

export interface ListingPicture {
  budget: number;
  chars: number;
  /** Characters of Claude Code's own bundled entries, which share the budget. */
  bundled: number;
  overBudget: boolean;
  /** The framework's eager entries in listing order. */
  items: { name: string; unit: string; chars: number; truncated: boolean }[];
}

export interface Picture {
  mode: 'analyze' | 'diff';
  title: string;
  sides: { label: string; commit?: string }[];
  model: { id?: string; contextWindow: number };
  totals: {
    eager: { base?: number; head: number };
    onDemand: { base?: number; head: number };
  };
  /** Units that do not count in the totals (plugins not installed): named, not drawn. */
  uncounted: string[];
  tree: PictureNode;
  listing: { base?: ListingPicture; head: ListingPicture; scope: 'installed' | 'per-plugin' };
  /** Prefix of file links (e.g. https://github.com/o/r/blob/SHA/); none: paths are shown, not linked. */
  linkBase?: string;
  tokenizer: string;
}

/** Categories in words (the HTML report and the job summary's chart). */
export const CATEGORY_LABEL: Record<Category, string> = {
  memory: 'memory files',
  rules: 'rules',
  'skill-listing': 'skill listing',
  'agent-listing': 'agent listing',
  'output-style': 'output style',
  mcp: 'MCP',
  hooks: 'hooks',
  'skill-bodies': 'skill bodies',
  'command-bodies': 'command bodies',
  'agent-bodies': 'agent bodies',
  'path-rules': 'path rules',
  'nested-memory': 'nested memory',
  resources: 'resources',
  other: 'other',
};

export function loadingLabel(l: PictureLoading): string {
  return l === 'eager' ? 'always-loaded' : 'on demand';
}

interface Leaf {
  /** The agent that loads it (several agents: the tree's first level). */
  agent?: { key: string; name: string };
  unit: string;
  category: Category;
  loading: PictureLoading;
  key: string;
  name: string;
  tokens: number;
  chars: number;
  path: string;
  line?: number;
}

/** Every counted, loaded leaf of a snapshot: files, then listing entries (the totals' own terms, measure.ts). */
function leaves(s: Snapshot): Leaf[] {
  const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
  const out: Leaf[] = [];
  for (const f of s.files)
    if (counted.has(f.unit) && f.loading !== 'not-loaded')
      out.push({ unit: f.unit, category: f.category, loading: f.loading, key: `f:${f.path}`, name: f.path, tokens: f.tokens, chars: f.chars, path: f.path });
  const entry = (e: ListingEntry) => {
    if (!counted.has(e.unit) || e.loading === 'not-loaded') return;
    out.push({
      unit: e.unit,
      category: e.kind === 'agent' ? 'agent-listing' : 'skill-listing',
      loading: e.loading as PictureLoading,
      key: `${e.kind}:${e.name}`,
      name: e.name,
      tokens: e.tokens,
      chars: e.chars,
      path: e.file,
      ...(e.line !== undefined ? { line: e.line } : {}),
    });
  };
  for (const e of s.listings.skills.items) entry(e);
  for (const e of s.listings.agents.items) entry(e);
  if (!s.agents?.length) return out;
  // Several agents: Claude Code's leaves under its own node, then each other agent's.
  const claude = { key: 'claude-code', name: 'Claude Code' };
  const all = out.map((l) => ({ ...l, agent: claude }));
  for (const a of s.agents) {
    const agent = { key: a.agent.id, name: `${a.agent.name} ${a.agent.version}` };
    for (const f of a.files)
      if (f.loading !== 'not-loaded')
        all.push({
          agent,
          unit: 'project',
          category: f.category,
          loading: f.loading,
          key: `f:${f.path}`,
          name: f.path,
          tokens: f.tokens,
          chars: f.keptChars ?? f.chars,
          path: f.path,
        });
    for (const e of [...a.listings.skills.items, ...a.listings.agents.items])
      all.push({
        agent,
        unit: 'project',
        category: e.kind === 'agent' ? 'agent-listing' : 'skill-listing',
        loading: 'eager',
        key: `${e.kind}:${e.name}`,
        name: e.name,
        tokens: e.tokens,
        chars: e.chars,
        path: e.file,
      });
  }
  return all;
}

type Side = 'base' | 'head';

/** Builds (or extends) the tree with one side's leaves. */
function addSide(root: PictureNode, side: Side, ls: Leaf[], index: WeakMap<PictureNode, Map<string, PictureNode>>): void {
  const child = (parent: PictureNode, key: string, make: () => PictureNode): PictureNode => {
    let byKey = index.get(parent);
    if (!byKey) index.set(parent, (byKey = new Map()));
    let c = byKey.get(key);
    if (!c) {
      c = make();
      byKey.set(key, c);
      (parent.children ??= []).push(c);
    }
    return c;
  };
  for (const l of ls) {
    const top = l.agent ? child(root, l.agent.key, () => ({ name: l.agent!.name, kind: 'agent', key: l.agent!.key, head: 0 })) : root;
    const unit = child(top, l.unit, () => ({ name: l.unit, kind: 'unit', key: l.unit, head: 0 }));
    const ck = `${l.category}:${l.loading}`;
    const cat = child(unit, ck, () => ({
      name: `${CATEGORY_LABEL[l.category]} (${loadingLabel(l.loading)})`,
      kind: 'category',
      key: ck,
      loading: l.loading,
      head: 0,
    }));
    const leaf = child(cat, l.key, () => ({
      name: l.name,
      kind: l.key.startsWith('f:') ? 'file' : 'entry',
      key: l.key,
      loading: l.loading,
      head: 0,
      path: l.path,
      ...(l.line !== undefined ? { line: l.line } : {}),
    }));
    if (side === 'head') {
      leaf.head += l.tokens;
      leaf.headChars = (leaf.headChars ?? 0) + l.chars;
    } else {
      leaf.base = (leaf.base ?? 0) + l.tokens;
      leaf.baseChars = (leaf.baseChars ?? 0) + l.chars;
    }
  }
}

/** Sums leaves into inner nodes and orders children largest first (then by key: deterministic). */
function finish(n: PictureNode, diff: boolean): void {
  if (!n.children) {
    if (diff) n.base ??= 0;
    return;
  }
  let head = 0;
  let base = 0;
  for (const c of n.children) {
    finish(c, diff);
    head += c.head;
    base += c.base ?? 0;
  }
  n.head = head;
  if (diff) n.base = base;
  n.children.sort((a, b) => Math.max(b.head, b.base ?? 0) - Math.max(a.head, a.base ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function listingOf(s: Snapshot): ListingPicture {
  const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
  const l = s.listings.skills;
  return {
    budget: l.budget,
    chars: l.chars,
    bundled: l.bundledAllowance,
    overBudget: l.overBudget,
    items: l.items
      .filter((e) => e.loading === 'eager' && counted.has(e.unit))
      .map((e) => ({ name: e.name, unit: e.unit, chars: e.chars, truncated: !!e.truncated })),
  };
}

export interface PictureOptions {
  title?: string;
  linkBase?: string;
}

/** The picture of one analyzed framework. */
export function pictureOf(s: Snapshot, o: PictureOptions = {}): Picture {
  const tree: PictureNode = { name: 'Claude Code', kind: 'root', key: '', head: 0 };
  addSide(tree, 'head', leaves(s), new WeakMap());
  finish(tree, false);
  return {
    mode: 'analyze',
    title: o.title ?? (s.source.commit ? `${s.source.ref ?? s.source.commit.slice(0, 7)}` : s.source.root),
    sides: [{ label: s.source.ref ?? 'working tree', ...(s.source.commit ? { commit: s.source.commit } : {}) }],
    model: { ...(s.model.id ? { id: s.model.id } : {}), contextWindow: s.model.contextWindow },
    totals: { eager: { head: s.totals.eagerTokens }, onDemand: { head: s.totals.onDemandTokens } },
    uncounted: s.units.filter((u) => !u.counted).map((u) => u.name),
    tree,
    listing: { head: listingOf(s), scope: s.listings.scope },
    ...(o.linkBase ? { linkBase: o.linkBase } : {}),
    tokenizer: s.tokenizer.name,
  };
}

/** The picture of a diff: both sides in one tree, matched by unit, category and file or entry. */
export function pictureOfDiff(base: Snapshot, head: Snapshot, report: GateReport, o: PictureOptions = {}): Picture {
  const tree: PictureNode = { name: 'Claude Code', kind: 'root', key: '', head: 0 };
  const index = new WeakMap<PictureNode, Map<string, PictureNode>>();
  addSide(tree, 'base', leaves(base), index);
  addSide(tree, 'head', leaves(head), index);
  finish(tree, true);
  const side = (x: GateReport['base']) => ({ label: x.label, ...(x.commit ? { commit: x.commit } : {}) });
  return {
    mode: 'diff',
    title: o.title ?? `${report.base.label} → ${report.head.label}`,
    sides: [side(report.base), side(report.head)],
    model: { ...(head.model.id ? { id: head.model.id } : {}), contextWindow: head.model.contextWindow },
    totals: {
      eager: { base: base.totals.eagerTokens, head: head.totals.eagerTokens },
      onDemand: { base: base.totals.onDemandTokens, head: head.totals.onDemandTokens },
    },
    uncounted: [...new Set([...base.units, ...head.units].filter((u) => !u.counted).map((u) => u.name))].sort(),
    tree,
    listing: { base: listingOf(base), head: listingOf(head), scope: head.listings.scope },
    ...(o.linkBase ? { linkBase: o.linkBase } : {}),
    tokenizer: head.tokenizer.name,
  };
}

/** Leaves of a picture (depth first). */
export function pictureLeaves(n: PictureNode): PictureNode[] {
  if (!n.children) return n.kind === 'root' ? [] : [n];
  return n.children.flatMap(pictureLeaves);
}

export type { Loading };

/**
 * The picture as the HTML report embeds it: short keys, and what a node repeats left out (a file's
 * key and path are its name). `expandPicture` (run by the page's script) gives the picture back
 * exactly; about 2.5 times smaller on a 92-plugin marketplace.
 */
export interface WirePicture extends Omit<Picture, 'tree' | 'listing'> {
  tree: WireNode;
  listing: { base?: WireListing; head: WireListing; scope: Picture['listing']['scope'] };
}
type WireListing = Omit<ListingPicture, 'items'> & { units: string[]; items: [name: string, unit: number, chars: number, truncated: 0 | 1][] };
interface WireNode {
  n: string;
  t: 'r' | 'a' | 'u' | 'c' | 'f' | 'e';
  k?: string;
  l?: 'e' | 'o';
  h: number;
  b?: number;
  hc?: number;
  bc?: number;
  p?: string;
  ln?: number;
  c?: WireNode[];
}

const KIND_CODE = { root: 'r', agent: 'a', unit: 'u', category: 'c', file: 'f', entry: 'e' } as const;
const CODE_KIND = { r: 'root', a: 'agent', u: 'unit', c: 'category', f: 'file', e: 'entry' } as const;

function defaultKey(n: { kind: PictureNode['kind']; name: string }): string {
  return n.kind === 'file' ? `f:${n.name}` : n.kind === 'unit' ? n.name : '';
}

function wireNode(n: PictureNode): WireNode {
  const w: WireNode = { n: n.name, t: KIND_CODE[n.kind], h: n.head };
  if (n.key !== defaultKey(n)) w.k = n.key;
  if (n.loading) w.l = n.loading === 'eager' ? 'e' : 'o';
  if (n.base !== undefined) w.b = n.base;
  if (n.headChars !== undefined) w.hc = n.headChars;
  if (n.baseChars !== undefined) w.bc = n.baseChars;
  if (n.path !== undefined && n.path !== n.name) w.p = n.path;
  if (n.line !== undefined) w.ln = n.line;
  if (n.children) w.c = n.children.map(wireNode);
  return w;
}

function nodeOfWire(w: WireNode): PictureNode {
  const kind = CODE_KIND[w.t];
  const n: PictureNode = { name: w.n, kind, key: w.k ?? defaultKey({ kind, name: w.n }), head: w.h };
  if (w.l) n.loading = w.l === 'e' ? 'eager' : 'on-demand';
  if (w.b !== undefined) n.base = w.b;
  if (w.hc !== undefined) n.headChars = w.hc;
  if (w.bc !== undefined) n.baseChars = w.bc;
  if (w.p !== undefined) n.path = w.p;
  else if (kind === 'file') n.path = w.n;
  if (w.ln !== undefined) n.line = w.ln;
  if (w.c) n.children = w.c.map(nodeOfWire);
  return n;
}

function wireListing(l: ListingPicture): WireListing {
  const units = [...new Set(l.items.map((i) => i.unit))];
  const at = new Map(units.map((u, i) => [u, i]));
  const { items, ...rest } = l;
  return { ...rest, units, items: items.map((i) => [i.name, at.get(i.unit)!, i.chars, i.truncated ? 1 : 0]) };
}

function listingOfWire(w: WireListing): ListingPicture {
  const { items, units, ...rest } = w;
  return { ...rest, items: items.map(([name, u, chars, t]) => ({ name, unit: units[u]!, chars, truncated: t === 1 })) };
}

export function wirePicture(p: Picture): WirePicture {
  return {
    ...p,
    tree: wireNode(p.tree),
    listing: { scope: p.listing.scope, ...(p.listing.base ? { base: wireListing(p.listing.base) } : {}), head: wireListing(p.listing.head) },
  };
}

export function expandPicture(w: WirePicture): Picture {
  return {
    ...w,
    tree: nodeOfWire(w.tree),
    listing: { scope: w.listing.scope, ...(w.listing.base ? { base: listingOfWire(w.listing.base) } : {}), head: listingOfWire(w.listing.head) },
  };
}
