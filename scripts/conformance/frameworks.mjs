// The frameworks the conformance goldens are recorded for: every __fixtures__ framework and both
// sides of every shared corpus (skipped when ../shared is absent).
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const CORPORA = path.resolve(ROOT, '../shared/corpora');
export const GOLDENS = path.join(ROOT, 'test/conformance/goldens');

/** Profiles: model (undefined = Claude Code's default) x plugins (none | all) [+ user scope]. */
export const PROFILES = [
  { id: 'default-none', model: undefined, plugins: 'none' },
  { id: 'default-all', model: undefined, plugins: 'all' },
  { id: 'sonnet-none', model: 'claude-sonnet-4-6', plugins: 'none' },
  { id: 'sonnet-all', model: 'claude-sonnet-4-6', plugins: 'all' },
];

export function frameworks() {
  const out = [];
  const fx = path.join(ROOT, '__fixtures__');
  for (const name of fs.readdirSync(fx).sort()) {
    const dir = path.join(fx, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    // A fixture with a `user-scope/` folder installs that folder as ~/.claude (user scope).
    const user = fs.existsSync(path.join(dir, 'user-scope')) ? 'user-scope' : undefined;
    out.push({ id: `fixture-${name}`, dir, userScope: user });
  }
  if (fs.existsSync(CORPORA))
    for (const name of fs.readdirSync(CORPORA).sort())
      for (const side of ['base', 'head']) {
        const dir = path.join(CORPORA, name, side);
        if (fs.existsSync(dir)) out.push({ id: `corpus-${name}-${side}`, dir, corpus: true });
      }
  return out;
}

/** Plugin folders of a framework as `--plugin-dir` takes them: each folder holding .claude-plugin/plugin.json. */
export function pluginDirs(dir) {
  const out = [];
  const walk = (d, depth) => {
    if (depth > 8) return;
    let ents;
    try {
      ents = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    if (ents.some((e) => e.name === '.claude-plugin') && fs.existsSync(path.join(d, '.claude-plugin', 'plugin.json'))) out.push(d);
    for (const e of ents) if (e.isDirectory() && e.name !== 'node_modules' && e.name !== '.git') walk(path.join(d, e.name), depth + 1);
  };
  walk(dir, 0);
  return out.sort();
}
