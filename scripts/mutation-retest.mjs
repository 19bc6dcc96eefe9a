#!/usr/bin/env node
/**
 * Drops the survivors (and mutants without coverage) from Stryker incremental files, so that the next
 * incremental run tests them again. Stryker reuses a survivor whose covering tests did not change;
 * a static mutant has no recorded covering tests, so a test added since would never be tried on it.
 *
 *   node scripts/mutation-retest.mjs reports/stryker-incremental.json ...
 *   node scripts/mutation-retest.mjs --timeouts reports/stryker-incremental.json ...
 *
 * With --timeouts, timed-out mutants are dropped too: Stryker counts them as killed, and a time
 * limit too tight (or a machine busy with something else) stops mutants that do not loop.
 */
import fs from 'node:fs';

const args = process.argv.slice(2);
const timeouts = args[0] === '--timeouts';
if (timeouts) args.shift();
const undecided = new Set(['Survived', 'NoCoverage', ...(timeouts ? ['Timeout'] : [])]);
for (const f of args) {
  const j = JSON.parse(fs.readFileSync(f, 'utf8'));
  let dropped = 0;
  for (const r of Object.values(j.files)) {
    const before = r.mutants.length;
    r.mutants = r.mutants.filter((m) => !undecided.has(m.status));
    dropped += before - r.mutants.length;
  }
  fs.writeFileSync(f, JSON.stringify(j));
  console.log(`${f}: ${dropped} survivors, uncovered${timeouts ? ' and timed-out' : ''} mutants dropped, to be tested again`);
}
