#!/usr/bin/env node
// Writes each bundle's build id next to it (dist/build-id, dist/cli/build-id): a hash of the
// bundle's code and data files. Cached snapshots are keyed by it (src/collect/snapshot-cache.ts),
// so any change to the code makes new keys and a snapshot never outlives the build that made it.
// Run by `npm run build`, after the bundles and the ranks are written.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const dir of ['dist', 'dist/cli']) {
  const hash = createHash('sha256');
  for (const f of readdirSync(path.join(root, dir)).sort())
    if (/\.(js|json)$/.test(f))
      hash
        .update(`${f}\0`)
        .update(readFileSync(path.join(root, dir, f)))
        .update('\0');
  writeFileSync(path.join(root, dir, 'build-id'), hash.digest('hex').slice(0, 32) + '\n');
}
