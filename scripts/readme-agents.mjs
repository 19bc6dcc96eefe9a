// Generates the README's table of other agents from their profiles (src/model/agents.ts, read with
// Node's type stripping), between the agents markers. Part of `npm run build`; check:dist holds it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { AGENT_IDS, AGENT_PROFILES } = await import(pathToFileURL(path.join(root, 'src', 'model', 'agents.ts')).href);
const n = (x) => x.toLocaleString('en-US');
const code = (xs) => xs.map((x) => `\`${x}\``).join(', ');
const rows = AGENT_IDS.map((id) => {
  const p = AGENT_PROFILES[id];
  const reads = [
    ...p.instructions.map(
      (i) =>
        `${i.names.map((x) => `\`${x}\``).join(' or ')}${i.imports ? ' (+ `@imports`, recursively)' : ''}${i.maxBytes ? ` cut at ${n(i.maxBytes)} bytes` : ''}`,
    ),
    ...(p.rulesDirs.length ? [`${code(p.rulesDirs)} (whole, unless scoped to other paths)`] : []),
    ...(p.scopedInstructions ? [`\`${p.scopedInstructions.dir}/*${p.scopedInstructions.suffix}\` with \`applyTo: "**"\``] : []),
  ].join('; ');
  const L = p.listing;
  const limits = [
    L.budgetChars
      ? `skill listing ${n(L.budgetChars)} characters, then names only`
      : L.fitChars
        ? `skill list kept within ${n(L.fitChars)} characters (its own entries included): every description cut to one common length`
        : 'no listing budget',
    ...(L.descriptionMaxChars ? [`a description over ${n(L.descriptionMaxChars)} characters: skill not loaded`] : []),
    ...(L.strictYaml === true ? ['front matter strict YAML rejects: not loaded'] : []),
    ...(L.strictYaml === 'quoted' ? ['front matter with a broken quoted value: not loaded (unquoted colons are read)'] : []),
    ...(L.requireNameAndDescription
      ? ['a skill without `name` and `description`: not listed']
      : L.requireDescription
        ? ['a skill without `description`: not listed']
        : []),
    ...(L.filesystemOrder ? ["skills in the file system's order"] : []),
    ...(p.notCounted ? [`not counted here: ${p.notCounted}`] : []),
  ].join('; ');
  return `| \`${id}\` | ${p.name} | \`${p.npm.package}@${p.npm.version}\` | ${reads} | ${code([...p.skillDirs, ...p.commandDirs.map((d) => `${d} (as skills)`)])} | ${p.agentDirs.length ? code(p.agentDirs) : ''} | ${limits} | ${n(p.overheadChars)} |`;
});
const block = [
  '<!-- agents:start (generated from src/model/agents.ts by scripts/readme-agents.mjs) -->',
  '| id | agent | measured binary | instruction files at start | skills | agents | limits | own overhead (chars, empty repo) |',
  '|---|---|---|---|---|---|---|---:|',
  ...rows,
  '<!-- agents:end -->',
].join('\n');
const file = path.join(root, 'README.md');
const readme = readFileSync(file, 'utf8');
const re = /<!-- agents:start[\s\S]*?<!-- agents:end -->/;
if (!re.test(readme)) throw new Error('README.md has no agents markers');
const next = readme.replace(re, block);
if (next !== readme) writeFileSync(file, next);
