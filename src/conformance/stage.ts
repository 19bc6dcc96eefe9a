/**
 * Writes one side of a comparison into a temporary folder, from its source (git objects or a
 * working tree), so that Claude Code can be run on exactly that side: regular files within the
 * run's limits, symlinks that stay inside the tree, nothing else. I/O only.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Tree } from '../analyze/tree.js';
import { DEFAULT_LIMITS, type Limits } from '../model/constants.js';
import type { FrameworkSource } from '../collect/types.js';

export async function stageSource(
  source: FrameworkSource,
  dest: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<{ files: number; bytes: number; skipped: number }> {
  const entries = await source.list();
  const files = entries.filter((e) => e.type === 'file' && e.size <= limits.maxFileBytes && !/(^|\/)(\.git|node_modules)\//.test(e.path));
  let bytes = 0;
  let skipped = 0;
  const take: string[] = [];
  for (const f of files) {
    if (take.length >= limits.maxFiles || bytes + f.size > limits.maxTotalBytes) {
      skipped++;
      continue;
    }
    bytes += f.size;
    take.push(f.path);
  }
  for (let i = 0; i < take.length; i += 2000) {
    const got = await source.read(take.slice(i, i + 2000));
    for (const [p, b] of got) {
      const abs = path.join(dest, p);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, b.data);
    }
  }
  // Symlinks only when they resolve inside the tree: nothing of the machine is reachable from the copy.
  const tree = new Tree(entries, limits.maxSymlinkHops, limits.maxSymlinkExpansion);
  for (const e of entries) {
    if (e.type !== 'symlink' || !e.linkTarget) continue;
    if (!tree.resolve(e.path).ok || e.linkTarget.startsWith('/')) {
      skipped++;
      continue;
    }
    const abs = path.join(dest, e.path);
    mkdirSync(path.dirname(abs), { recursive: true });
    try {
      symlinkSync(e.linkTarget, abs);
    } catch {
      skipped++;
    }
  }
  return { files: take.length, bytes, skipped };
}
