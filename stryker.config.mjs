// @ts-check
/**
 * StrykerJS on the gate's core (issue 24), one module or several per run:
 *
 *   npm run mutation                          every module below, one report
 *   MUTATE=render npm run mutation            one module (its own sandbox, incremental file and report)
 *   MUTATE=publish,action npm run mutation    several, side by side with another run
 *
 * Two passes for modules beneath the Action (compare, render, loaders, model), each several times faster:
 *
 *   MUTATE=render MUTATION_SUITE=fast npm run mutation     without the Action's and publishing's tests
 *   node scripts/mutation-retest.mjs reports/stryker-incremental-render.json
 *   MUTATE=render npm run mutation                          its survivors against the whole suite
 *
 * Each selection keeps its own incremental file (reports/stryker-incremental-NAME.json) so that a
 * stopped run resumes where it stopped, and its JSON report (reports/mutation/NAME.json) for
 * `npm run mutation:score`. Static mutants (code run while modules load: label tables, profiles,
 * constants) are ignored: each would rerun the whole suite (about 75 s); the scores say how many.
 */
const MODULES = {
  compare: ['src/compare/**/*.ts'],
  render: ['src/render/**/*.ts', '!src/render/html-assets.generated.ts'],
  publish: ['src/publish/**/*.ts'],
  action: ['src/action/**/*.ts'],
  loaders: ['src/analyze/loaders/**/*.ts'],
  model: ['src/model/**/*.ts'],
  config: ['src/config/**/*.ts'],
};
const picked = (process.env.MUTATE ?? Object.keys(MODULES).join(','))
  .split(',')
  .map((m) => m.trim())
  .filter(Boolean);
const unknown = picked.filter((m) => !(m in MODULES));
if (unknown.length) throw new Error(`MUTATE: unknown module ${unknown.join(', ')}; known: ${Object.keys(MODULES).join(', ')}`);
// MUTATE_ONLY=src/render/roadmap.ts narrows a selection to some of its files (its own incremental file
// and report: copy the selection's incremental file to reports/stryker-incremental-NAME.json first to
// reuse its results), e.g. to run one file's survivors of a smaller suite against the whole suite.
const only = (process.env.MUTATE_ONLY ?? '')
  .split(',')
  .map((m) => m.trim())
  .filter(Boolean);
const name =
  (process.env.MUTATE ? picked.join('+') : 'all') + (only.length ? `@${only.map((f) => f.replace(/^.*\//, '').replace(/\.ts$/, '')).join('+')}` : '');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: only.length ? only : picked.flatMap((m) => MODULES[m]),
  ignorePatterns: ['build', '.stryker-tmp*', 'reports'],
  ignoreStatic: true,
  // Two type checkers and two test runners on a 2-core machine: the runners wait on files and git.
  concurrency: 4,
  // A mutant's time limit is 1.5 times its covering tests' own time plus 60 s. The tests' own time
  // leaves out each file's setup, so a mutant that survives many files' tests needs the margin: at
  // 20 s, equivalent mutants (agents.ts `dir && ...` -> `dir || ...`) were stopped and counted as
  // timed out, that is, as killed. A mutant that loops costs a minute; the score stays true.
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  thresholds: { high: 85, low: 80, break: null },
  tempDirName: `.stryker-tmp-${name}`,
  // Type checks are disabled in the sandbox's sources and tests only (not the goldens' HTML, which its parser rejects).
  disableTypeChecks: '{src,test}/**/*.{js,ts,mjs,cjs}',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${name}.json`,
};
