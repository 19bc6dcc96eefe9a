#!/usr/bin/env node
/**
 * Mutation scores per file, per module and per bar of issue 24, from StrykerJS JSON reports
 * (reports/mutation/*.json, or incremental files). Later reports win for a file they share.
 *
 *   node scripts/mutation-score.mjs                  every report in reports/mutation/, oldest first
 *   node scripts/mutation-score.mjs reports/mutation/compare.json reports/mutation/render.json ...
 *   node scripts/mutation-score.mjs --survivors src/compare/remedy.ts REPORT...   (list what survived in a file, or a folder)
 *
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts it;
 * mutants the type checker rejects (CompileError) and ignored ones (static mutants, under
 * `ignoreStatic`) are not counted; both are shown.
 */
import fs from 'node:fs';

const args = process.argv.slice(2);
let survivorsOf = null;
if (args[0] === '--survivors') {
  survivorsOf = args[1];
  args.splice(0, 2);
}
if (!args.length) {
  const dir = 'reports/mutation';
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  if (!found.length) {
    console.error(`no report in ${dir}/: run \`npm run mutation\` first (usage: mutation-score.mjs [--survivors FILE] [REPORT.json...])`);
    process.exit(2);
  }
  // Oldest first, so that a newer report wins for a file two of them share.
  args.push(...found.map((f) => `${dir}/${f}`).sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs));
}
const files = {};
for (const f of args) Object.assign(files, JSON.parse(fs.readFileSync(f, 'utf8')).files);

const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const count = (mutants) => {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, compileError: 0, ignored: 0, pending: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Timeout') c.timeout++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else if (m.status === 'CompileError' || m.status === 'RuntimeError') c.compileError++;
    else if (m.status === 'Ignored') c.ignored++;
    else c.pending++;
  }
  return c;
};
const score = (c) => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid ? ((100 * (c.killed + c.timeout)) / valid).toFixed(1) : 'n/a';
};
const add = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] + b[k]]));
const zero = count([]);

if (survivorsOf) {
  // A file, or a folder: every file under it.
  const picked = Object.keys(files)
    .filter((f) => f === survivorsOf || f.startsWith(survivorsOf.replace(/\/?$/, '/')))
    .sort();
  if (!picked.length) throw new Error(`${survivorsOf} is in none of the reports`);
  for (const f of picked) {
    const r = files[f];
    const lines = r.source.split('\n');
    for (const m of r.mutants.filter((x) => UNDETECTED.has(x.status)).sort((a, b) => a.location.start.line - b.location.start.line)) {
      const l = m.location.start;
      const end = m.location.end.line === l.line ? m.location.end.column - 1 : undefined;
      const orig = lines[l.line - 1].slice(l.column - 1, end).trim();
      console.log(`${f}:${l.line} ${m.status} ${m.mutatorName}: ${orig.slice(0, 80)} -> ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60)}`);
    }
  }
  process.exit(0);
}

const rows = [];
const modules = {};
for (const [file, r] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
  const c = count(r.mutants);
  rows.push([file, c]);
  const mod = file
    .split('/')
    .slice(0, file.startsWith('src/analyze/') ? 3 : 2)
    .join('/');
  modules[mod] = add(modules[mod] ?? zero, c);
}
const line = (name, c) =>
  `| ${name} | ${score(c)} | ${c.killed + c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.compileError} | ${c.ignored} |${c.pending ? ` ${c.pending} not run |` : ''}`;
const head = '| score % | killed or timed out | survived | no coverage | rejected by the type checker | static, not run |';
console.log(`| file ${head}`);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [f, c] of rows) console.log(line(f, c));
console.log('');
console.log(`| module ${head}`);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [m, c] of Object.entries(modules)) console.log(line(m, c));
const bar = (mods) => mods.filter((m) => modules[m]).reduce((a, m) => add(a, modules[m]), zero);
console.log('');
const core = ['src/compare', 'src/render', 'src/publish', 'src/action'];
const loaders = ['src/analyze/loaders', 'src/model'];
console.log(`gate's core (${core.filter((m) => modules[m]).join(', ') || 'none measured'}): ${score(bar(core))}% (bar 85%)`);
console.log(`loaders and model (${loaders.filter((m) => modules[m]).join(', ') || 'none measured'}): ${score(bar(loaders))}% (bar 80%)`);
