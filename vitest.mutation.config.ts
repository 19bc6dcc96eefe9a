import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files in the order most likely to kill a mutant soonest: a file that failed last (it killed the
 * mutant before) first, then the quickest files by their last duration. Stryker stops a mutant's run at
 * the first failing test, and vitest's own order (longest first) ran the slowest files before the quick
 * unit tests that kill most mutants.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const last = new Map(files.map((f) => [f, this.ctx.cache.getTestSpecificationResult(f)]));
    const rank = (f: TestSpecification) => {
      const r = last.get(f);
      return [r?.failed ? 0 : 1, r?.duration ?? 1000] as const;
    };
    return [...files].sort((a, b) => {
      const [fa, da] = rank(a);
      const [fb, db] = rank(b);
      return fa - fb || da - db;
    });
  }
}

/**
 * The suite as `npm run mutation` runs it against each mutant of src/: the in-process tests. Left
 * out: the end-to-end tests (they run the committed dist/, which a mutant of src/ never changes) and
 * the tests that run the real Claude Code (seconds each; their rules are pinned in-process by the
 * goldens of test/conformance/conformance.test.ts). Also left out, for time: the robustness, tokenizer,
 * string and digest suites (property and hostile-input runs of seconds each that every mutant of a
 * renderer or loader would run, and that pin no gate promise) and the corpus runs of ../shared.
 *
 * A first pass can run a smaller suite (MUTATION_SUITE): a mutant it kills, the whole suite kills
 * too, so its score is a floor of the whole suite's. A survivor reruns every test that covers it,
 * and every analysis covers every loader: a survivor of src/analyze/loaders costs the whole suite.
 *   fast     without the Action's and publishing's tests (real git repositories and the fake GitHub
 *            API: 1-27 s a file), for compare;
 *   render   the renderers' own tests, the comparison's, the CLI's and the report goldens, for render;
 *   analyze  the analyzer's own tests and the conformance goldens (18 s in all), for the loaders
 *            and the model.
 * Its survivors can then run against the whole suite (`scripts/mutation-retest.mjs`, then a run
 * without MUTATION_SUITE).
 */
const SUITES: Record<string, { include?: string[]; exclude?: string[] }> = {
  fast: { exclude: ['test/action/**', 'test/publish/**', 'test/goldens/action.test.ts'] },
  render: {
    include: ['test/render/**/*.test.ts', 'test/compare/**/*.test.ts', 'test/goldens/reports.test.ts', 'test/cli/cli.test.ts', 'test/promises.test.ts'],
  },
  analyze: { include: ['test/analyze/**/*.test.ts', 'test/conformance/conformance.test.ts', 'test/promises.test.ts'] },
};
const suite = process.env.MUTATION_SUITE;
if (suite && !(suite in SUITES)) throw new Error(`MUTATION_SUITE: unknown value ${suite}; known: ${Object.keys(SUITES).join(', ')}`);
const picked = suite ? SUITES[suite]! : {};

export default defineConfig({
  test: {
    include: picked.include ?? ['test/**/*.test.ts'],
    exclude: [
      'test/e2e/**',
      'test/conformance/measure.test.ts',
      'test/conformance/agent-measure.test.ts',
      'test/conformance/measure-hostile.test.ts',
      'test/conformance/settings-loading.test.ts',
      'test/conformance/model-ids.test.ts',
      'test/conformance/marketplace-install.test.ts',
      'test/conformance/loading-rules.test.ts',
      'test/robustness/**',
      'test/tokenize/**',
      'test/strings/**',
      'test/corpora.test.ts',
      'test/optimize/corpora.test.ts',
      'test/optimize/verify.test.ts',
      'test/analyze/digest.test.ts',
      'test/analyze/frontmatter.test.ts',
      // A real browser per case (about 16 s): the HTML report's data is pinned in process by the goldens' report.html.
      'test/render/html-browser.test.ts',
      ...(picked.exclude ?? []),
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    sequence: { sequencer: QuickestFirst },
    // Shared setup runs inside each test (test/helpers.ts beforeShared), so that Stryker credits tests with what they run.
    env: { CB_MUTATION: '1' },
    // Stryker's sandbox writes symbolic links as plain files; this makes the fixtures' links links again.
    globalSetup: ['test/mutation-setup.ts'],
  },
});
