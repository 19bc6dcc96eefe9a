#!/usr/bin/env node
// dist/ is committed and is what the runner executes: it must be exactly what src/ builds to, and
// the README's inputs/outputs exactly what action.yml says. Rebuilds with the one build command
// (`npm run build`: no flags copied here) and fails on any difference, listing the files.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist', 'README.md'], { cwd: root, encoding: 'utf8' }).trim();
if (changed) {
  console.error(`dist/ or README.md differ from a fresh build of src/ and action.yml:\n${changed}\nRun \`npm run build\` and commit the result.`);
  process.exit(1);
}
console.log('dist/ and README.md match a fresh build.');
