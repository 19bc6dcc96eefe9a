import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../model/snapshot.js';

/** Reads a snapshot written by `analyze --json` (or the action's snapshot output). */
export function readSnapshotFile(file: string): Snapshot {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${file}: not a readable snapshot JSON file (${(e as Error).message})`);
  }
  return validateSnapshot(v, file);
}

export function validateSnapshot(v: unknown, file: string): Snapshot {
  const s = v as Partial<Snapshot> | null;
  if (!s || typeof s !== 'object' || typeof s.schemaVersion !== 'number') throw new UserError(`${file}: schemaVersion: expected a context-budget snapshot`);
  if (s.schemaVersion > SNAPSHOT_SCHEMA_VERSION)
    throw new UserError(`${file}: schemaVersion: ${s.schemaVersion} is newer than this tool understands (${SNAPSHOT_SCHEMA_VERSION}); upgrade context-budget`);
  for (const k of ['totals', 'files', 'units', 'listings', 'graph', 'diagnostics', 'categories', 'components'] as const)
    if (s[k] === undefined) throw new UserError(`${file}: ${k}: missing; expected a complete snapshot`);
  return { content: { sections: [], duplicates: [], compressible: [] }, unknowns: [], ...s } as Snapshot;
}
