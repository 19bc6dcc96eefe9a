#!/usr/bin/env node
/**
 * Drops the survivors (and mutants without coverage) from Stryker incremental files, so that the next
 * incremental run tests them again. Stryker reuses a survivor whose covering tests did not change;
 * a static mutant has no recorded covering tests, so a test added since would never be tried on it.
 *
 *   node scripts/mutation-retest.mjs reports/stryker-incremental.json ...
 */
import fs from 'node:fs';

for (const f of process.argv.slice(2)) {
  const j = JSON.parse(fs.readFileSync(f, 'utf8'));
  let dropped = 0;
  for (const r of Object.values(j.files)) {
    const before = r.mutants.length;
    r.mutants = r.mutants.filter((m) => m.status !== 'Survived' && m.status !== 'NoCoverage');
    dropped += before - r.mutants.length;
  }
  fs.writeFileSync(f, JSON.stringify(j));
  console.log(`${f}: ${dropped} survivors and uncovered mutants dropped, to be tested again`);
}
