import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, ROOT, tmpDir } from './helpers.js';

// dist/ is committed and is what the runner executes: it must be exactly what src/ builds to.
const out = tmpDir('cb-dist-');
afterAll(() => cleanup(out));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

describe('dist/', () => {
  it('matches a fresh build of src/ (run `npm run build` and commit dist/ if this fails)', () => {
    const ncc = path.join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
    execFileSync(process.execPath, [ncc, 'build', 'src/index.ts', '-o', path.join(out, 'dist'), '--minify', '--target', 'es2022', '-q'], { cwd: ROOT });
    execFileSync(process.execPath, [ncc, 'build', 'src/cli-entry.ts', '-o', path.join(out, 'dist', 'cli'), '--minify', '--target', 'es2022', '-q'], { cwd: ROOT });
    const built = files(path.join(out, 'dist'));
    expect(files(path.join(ROOT, 'dist'))).toEqual(built);
    for (const f of built) expect(readFileSync(path.join(ROOT, 'dist', f)).equals(readFileSync(path.join(out, 'dist', f))), `dist/${f} differs from a fresh build`).toBe(true);
  }, 180_000);

  it('README inputs/outputs are generated from action.yml', () => {
    execFileSync(process.execPath, ['scripts/readme-usage.mjs', '--check'], { cwd: ROOT });
  });
});
