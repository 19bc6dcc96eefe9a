/**
 * Golden files for what users read: each rendered output is compared byte for byte with a file in
 * test/goldens/<scenario>/. A missing golden FAILS (unlike `vitest -u`, nothing is written by a
 * normal run); `UPDATE_GOLDENS=1 npx vitest run test/goldens` writes them, for review in the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const GOLDENS = path.resolve(import.meta.dirname);

export function expectGolden(rel: string, actual: string): void {
  const p = path.join(GOLDENS, rel);
  if (process.env.UPDATE_GOLDENS === '1') {
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, actual);
    return;
  }
  if (!existsSync(p)) throw new Error(`golden ${rel} is missing: write it with UPDATE_GOLDENS=1 npx vitest run test/goldens, and review it`);
  expect(actual, `differs from the golden ${rel} (UPDATE_GOLDENS=1 rewrites it)`).toBe(readFileSync(p, 'utf8'));
}
