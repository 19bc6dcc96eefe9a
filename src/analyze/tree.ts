import path from 'node:path/posix';
import type { TreeEntry } from '../collect/types.js';

export type Resolution = { ok: true; path: string; viaLink: boolean } | { ok: false; reason: 'external' | 'missing' | 'loop'; path: string };

/**
 * The repository as a set of paths, with symlinks resolved inside it only.
 * A link that leaves the repository, or loops, is never followed.
 */
export class Tree {
  readonly files = new Map<string, TreeEntry>();
  private readonly links = new Map<string, string>();
  private readonly dirs = new Set<string>(['']);
  /** Directory symlinks that resolve inside the repo, expanded into alias paths -> real paths. */
  readonly aliases = new Map<string, string>();
  /** Entries that are listed but can't be read (unreadable folders, FIFOs, oversized link targets). */
  readonly unreadable: { path: string; problem: string }[] = [];
  /** Directory links not expanded because the expansion limit was reached. */
  readonly unexpanded: string[] = [];
  /**
   * Directory links this tree does not expand as Claude Code does: links to a folder that contains
   * them (Claude Code walks into it, each real folder once), and links whose target holds further
   * directory links (Claude Code follows those too). Reported where they sit in a component folder.
   */
  readonly unfollowed: { path: string; target: string; why: 'ancestor' | 'nested' }[] = [];
  /** Submodules (gitlinks): their files are in another repository, not in this commit. */
  readonly submodules: string[] = [];

  constructor(
    entries: readonly TreeEntry[],
    private readonly maxHops = 40,
    private readonly maxExpansion = 100_000,
  ) {
    for (const e of entries) {
      if (e.type === 'unreadable') {
        this.unreadable.push({ path: e.path, problem: e.problem ?? 'cannot be read' });
        continue;
      }
      if (e.type === 'submodule') this.submodules.push(e.path);
      if (e.type === 'symlink') this.links.set(e.path, e.linkTarget ?? '');
      else if (e.type === 'file') this.files.set(e.path, e);
      let d = path.dirname(e.path);
      while (d !== '.' && !this.dirs.has(d)) {
        this.dirs.add(d);
        d = path.dirname(d);
      }
    }
    this.expandDirectoryLinks();
  }

  /** Normalizes a repository-relative path; null when it leaves the repository. */
  static normalize(p: string): string | null {
    if (p.startsWith('/')) return null;
    const n = path.normalize(p).replace(/\/+$/, '');
    if (n === '..' || n.startsWith('../')) return null;
    return n === '.' || n === '' ? '' : n;
  }

  isDir(p: string): boolean {
    return this.dirs.has(p);
  }

  isLink(p: string): boolean {
    return this.links.has(p);
  }

  /** Resolves a path through symlinks (file or directory links, chains) inside the repository. */
  resolve(p: string): Resolution {
    let current = p;
    let viaLink = false;
    for (let hop = 0; hop <= this.maxHops; hop++) {
      if (this.files.has(current)) return { ok: true, path: current, viaLink };
      const parts = current.split('/');
      let replaced = false;
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('/');
        const target = this.links.get(prefix);
        if (target === undefined) continue;
        const joined = target.startsWith('/') ? null : Tree.normalize(path.join(path.dirname(prefix), target));
        if (joined === null) return { ok: false, reason: 'external', path: p };
        current = [joined, ...parts.slice(i)].filter((s) => s !== '').join('/');
        viaLink = true;
        replaced = true;
        break;
      }
      if (!replaced) return this.dirs.has(current) ? { ok: true, path: current, viaLink } : { ok: false, reason: 'missing', path: p };
    }
    return { ok: false, reason: 'loop', path: p };
  }

  /** Every symlink with the reason it can't be followed, for the report. */
  brokenLinks(): { path: string; reason: 'external' | 'missing' | 'loop'; target: string }[] {
    const out: { path: string; reason: 'external' | 'missing' | 'loop'; target: string }[] = [];
    for (const [p, target] of this.links) {
      const r = this.resolve(p);
      if (!r.ok) out.push({ path: p, reason: r.reason, target });
    }
    return out;
  }

  private expandDirectoryLinks(): void {
    // Real files sorted, so that the files under a directory are one range found by binary search.
    const realFiles = [...this.files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const sortedLinks = [...this.links.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const link of sortedLinks) {
      const r = this.resolve(link);
      if (!r.ok || this.files.has(r.path) || !this.dirs.has(r.path)) continue;
      const prefix = r.path === '' ? '' : r.path + '/';
      // A link to one of its own ancestors would alias the tree into itself: skip (and report).
      if (link.startsWith(prefix)) {
        this.unfollowed.push({ path: link, target: this.links.get(link) ?? '', why: 'ancestor' });
        continue;
      }
      const [li, le] = prefixRange(sortedLinks, prefix);
      let inner = false;
      for (let k = li; k < le && !inner; k++) inner = sortedLinks[k] !== link && this.isDirLink(sortedLinks[k]!);
      if (inner) this.unfollowed.push({ path: link, target: this.links.get(link) ?? '', why: 'nested' });
      const [lo, end] = prefixRange(realFiles, prefix);
      // Fan-out guard: many links to one big folder must not multiply the tree without bound.
      if (this.aliases.size + (end - lo) > this.maxExpansion) {
        this.unexpanded.push(link);
        continue;
      }
      for (let k = lo; k < end; k++) {
        const f = realFiles[k]!;
        const alias = link + '/' + f.slice(prefix.length);
        if (this.files.has(alias) || this.aliases.has(alias)) continue;
        this.aliases.set(alias, f);
        let d = path.dirname(alias);
        while (d !== '.' && !this.dirs.has(d)) {
          this.dirs.add(d);
          d = path.dirname(d);
        }
      }
    }
  }

  private isDirLink(l: string): boolean {
    const r = this.resolve(l);
    return r.ok && !this.files.has(r.path) && this.dirs.has(r.path);
  }

  private visible: readonly string[] | undefined;

  /** All visible file paths, sorted: real files, file symlinks that resolve inside, and aliases through directory links. Computed once. */
  visiblePaths(): readonly string[] {
    if (this.visible) return this.visible;
    const out = [...this.files.keys(), ...this.aliases.keys()];
    for (const link of this.links.keys()) {
      const r = this.resolve(link);
      if (r.ok && this.files.has(r.path)) out.push(link);
    }
    this.visible = out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.visible;
  }

  /** Visible paths under a directory ("" for all), by binary search on the sorted list. */
  under(dir: string): readonly string[] {
    const all = this.visiblePaths();
    if (dir === '') return all;
    const [lo, end] = prefixRange(all, dir + '/');
    return all.slice(lo, end);
  }

  /** Real file behind a visible path (alias or link), or undefined. */
  real(p: string): string | undefined {
    if (this.files.has(p)) return p;
    const a = this.aliases.get(p);
    if (a) return a;
    const r = this.resolve(p);
    return r.ok && this.files.has(r.path) ? r.path : undefined;
  }
}

/** The range [start, end) of a sorted list whose items start with prefix (binary search, then a scan). */
function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < sorted.length && sorted[end]!.startsWith(prefix)) end++;
  return [lo, end];
}
