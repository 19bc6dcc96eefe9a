/**
 * For `npm run mutation` only: StrykerJS copies the tree into a sandbox and writes every symbolic
 * link there as a plain file, so a fixture whose rule is a link (conformance-memory's linked.md)
 * would be read as something it is not, and the initial test run fails. The links git holds are made
 * links again here, pointing where git says.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  let listing: string;
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' }).trim();
    listing = execFileSync('git', ['-C', top, 'ls-files', '-s', '-z'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    for (const entry of listing.split('\0')) {
      const m = /^120000 [0-9a-f]+ \d+\t(.+)$/.exec(entry);
      if (!m) continue;
      const rel = m[1]!;
      const here = path.join(root, rel);
      const target = readlinkSync(path.join(top, rel));
      try {
        if (lstatSync(here).isSymbolicLink()) continue;
      } catch {
        /* absent: made below */
      }
      rmSync(here, { force: true });
      symlinkSync(target, here);
    }
  } catch (e) {
    console.warn(`mutation setup: could not restore the fixtures' symbolic links: ${e instanceof Error ? e.message : String(e)}`);
  }
}
