import { blobSha } from './git.js';
import type { Blob, FrameworkSource, TreeEntry } from './types.js';

/**
 * A source with some files changed in memory (path → new text; null: deleted): what the optimizer
 * measures a plan on before anything is written. Every other file is read from the source below.
 */
export function overlaySource(base: FrameworkSource, changes: ReadonlyMap<string, string | null>): FrameworkSource {
  if (!changes.size) return base;
  const data = new Map<string, Buffer>();
  for (const [p, t] of changes) if (t !== null) data.set(p, Buffer.from(t, 'utf8'));
  return {
    kind: base.kind,
    root: base.root,
    ...(base.ref ? { ref: base.ref } : {}),
    ...(base.commit ? { commit: base.commit } : {}),
    async list(): Promise<TreeEntry[]> {
      const kept = (await base.list()).filter((e) => !changes.has(e.path));
      const added: TreeEntry[] = [...data].map(([p, d]) => ({ path: p, type: 'file', size: d.length, sha: blobSha(d) }));
      return [...kept, ...added].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async read(paths: readonly string[]): Promise<Map<string, Blob>> {
      const out = await base.read(paths.filter((p) => !changes.has(p)));
      for (const p of paths) {
        const d = data.get(p);
        if (d) out.set(p, { sha: blobSha(d), data: d });
      }
      return out;
    },
  };
}
