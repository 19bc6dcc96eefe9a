#!/usr/bin/env node
// Records what the real Claude Code sends for each conformance framework and profile, as facts
// (names, counts, flags, hashes), into test/conformance/goldens/<framework>.json.
//
//   npm run conformance:record                       record with the pinned version
//   npm run conformance                              re-record into a temp dir and fail on drift
//   CLAUDE_CODE_VERSION=x.y.z npm run conformance    drift table for another version (exit 0)
//   npm run conformance -- --dir PATH [--dir PATH]    a framework the project has never seen: what
//                                                    Claude Code sends vs what the analyzer predicts
//
// Needs `npm run build:lib` first (the npm scripts do it). The binary is cached in
// ~/.cache/context-budget/claude-code/<version> (CONTEXT_BUDGET_CLAUDE_CACHE to move it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureClaudeCode, PINNED_CLAUDE_CODE_VERSION, resolveVersion, runClaudeCode, stageProject, startCapture } from '../../build/collect/claude-code.js';
import { extractFacts, markBuiltins } from '../../build/conformance/facts.js';
import { installSteps, pluginDirsOf } from '../../build/conformance/measure.js';
import { analyze } from '../../build/analyze/index.js';
import { worktreeSource } from '../../build/collect/worktree.js';
import { DEFAULT_MODEL } from '../../build/model/constants.js';
import { TokenCounter } from '../../build/tokenize/counter.js';
import { loadTokenizer, TOKENIZER_NAME } from '../../build/tokenize/tokenizer.js';
import { GOLDENS, PROFILES, ROOT, frameworks, pluginDirs } from './frameworks.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const dirs = args.flatMap((a, i) => (args[i - 1] === '--dir' ? [path.resolve(a)] : []));
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--dir');
const requested = process.env.CLAUDE_CODE_VERSION || PINNED_CLAUDE_CODE_VERSION;
const version = await resolveVersion(requested);
const pinned = version === PINNED_CLAUDE_CODE_VERSION;
const binary = await ensureClaudeCode(version, undefined, (s) => console.error(s));
const counter = new TokenCounter(loadTokenizer, TOKENIZER_NAME);
const mainCapture = await startCapture();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-conformance-'));

async function record(fw, profile, emptyFacts, capture = mainCapture) {
  const proj = path.join(work, `${fw.id}-${profile.id}`, 'project');
  const home = path.join(work, `${fw.id}-${profile.id}`, 'home');
  fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
  await stageProject(fw.dir, proj);
  let userScope;
  if (fw.userScope) {
    // The framework's user-scope folder is installed as ~/.claude and removed from the project.
    fs.rmSync(path.join(home, '.claude'), { recursive: true, force: true });
    fs.renameSync(path.join(proj, fw.userScope), path.join(home, '.claude'));
    userScope = fw.userScope;
  }
  const realProj = fs.realpathSync(proj);
  // Plugins as users install them: a marketplace's through `claude plugin marketplace add` and
  // `claude plugin install` (in the marketplace's order), other plugin folders with --plugin-dir.
  // Which plugins a marketplace lists is read by the analyzer; what Claude Code then sends is the binary's.
  let dirs = [];
  let setup = [];
  let installed = [];
  if (profile.plugins === 'all') {
    const snap = await analyze(
      worktreeSource(realProj),
      { model: DEFAULT_MODEL, toolVersion: 'recorder', loadTimeRounds: 0, installedPlugins: 'all' },
      counter,
    );
    setup = installSteps(snap, realProj);
    installed = snap.units.filter((u) => u.type === 'plugin' && u.marketplace !== undefined && !u.invalid).map((u) => u.name);
    const viaDir = new Set(pluginDirsOf(snap));
    dirs = pluginDirs(realProj).filter((d) => viaDir.has(path.relative(realProj, d) || '.'));
  }
  const res = await runClaudeCode({
    binary,
    cwd: realProj,
    home: fs.realpathSync(home),
    capture,
    model: profile.model,
    pluginDirs: dirs,
    setup,
    timeoutMs: 120_000,
  });
  let facts = extractFacts(res.body, realProj, fs.realpathSync(home));
  if (emptyFacts) facts = markBuiltins(facts, emptyFacts);
  return {
    ...facts,
    pluginDirs: dirs.map((d) => path.relative(realProj, d) || '.'),
    ...(profile.plugins === 'all' ? { installed } : {}),
    ...(userScope ? { userScope } : {}),
    exitCode: res.exitCode,
  };
}

const empty = { id: 'empty', dir: fs.mkdtempSync(path.join(os.tmpdir(), 'cb-empty-')) };
const drift = [];
try {
  const emptyByProfile = {};
  for (const p of PROFILES) emptyByProfile[p.id] = await record(empty, p);
  const list = dirs.length
    ? dirs.map((d) => ({ id: `dir-${path.basename(d)}`, dir: d, userScope: fs.existsSync(path.join(d, 'user-scope')) ? 'user-scope' : undefined }))
    : frameworks().filter((f) => only.length === 0 || only.some((o) => f.id.includes(o)));
  const outDir = check || dirs.length || !pinned ? fs.mkdtempSync(path.join(os.tmpdir(), 'cb-goldens-')) : GOLDENS;
  fs.mkdirSync(outDir, { recursive: true });
  const bundled = Object.fromEntries(
    PROFILES.map((p) => [
      p.id,
      {
        model: emptyByProfile[p.id].model,
        listing: emptyByProfile[p.id].listing,
        agents: emptyByProfile[p.id].agents.map(({ name, chars }) => ({ name, chars })),
      },
    ]),
  );
  writeJson(path.join(outDir, '_claude-code.json'), { version, profiles: bundled });
  const queue = list.flatMap((fw) => PROFILES.map((p) => ({ fw, p })));
  const results = {};
  // Two at a time: the machine has two cores.
  await Promise.all(
    [0, 1].map(async () => {
      // One capture per worker: each run's request is told apart by its own port.
      const capture = await startCapture();
      for (let job = queue.shift(); job; job = queue.shift()) {
        const t0 = Date.now();
        let facts;
        try {
          facts = await record(job.fw, job.p, emptyByProfile[job.p.id], capture);
        } catch (e) {
          // A framework of one's own may be one Claude Code refuses (a listing larger than the
          // model's window: it exits without a request). Said, not compared; a fixture must not.
          if (!dirs.length) throw e;
          (results[job.fw.id] ??= {})[job.p.id] = { refused: e.message };
          console.error(`${job.fw.id} ${job.p.id}: ${e.message}`);
          continue;
        }
        (results[job.fw.id] ??= {})[job.p.id] = facts;
        console.error(
          `${job.fw.id} ${job.p.id}: ${facts.memory.length} memory, ${facts.listing.entries.length} listing (${facts.listing.chars} chars), ${facts.agents.length} agents, ${Date.now() - t0} ms`,
        );
      }
      await capture.close();
    }),
  );
  if (outDir === GOLDENS && only.length === 0) writeProfile(emptyByProfile, results);
  if (dirs.length) {
    // Live check: the analyzer (build/) against what Claude Code just sent.
    const { predictLike, disagreements } = await import('../../build/conformance/predict.js');
    for (const fw of list)
      for (const p of PROFILES) {
        const real = results[fw.id][p.id];
        if (real.refused) {
          console.log(`– ${fw.dir} ${p.id}: not compared: ${real.refused.split('\n')[0]}`);
          continue;
        }
        const diffs = disagreements(real, await predictLike(fw.dir, real, counter));
        console.log(
          `${diffs.length ? '✗' : '✓'} ${fw.dir} ${p.id}: ${real.memory.length} memory files, ${real.listing.entries.filter((e) => !e.bundled).length} listing entries (${real.listing.chars} chars), ${real.agents.filter((a) => !a.builtin).length} agents`,
        );
        for (const d of diffs) console.log(`    ${d.replace(/\n/g, '\n    ')}`);
        if (diffs.length) drift.push(...diffs.map((d) => ({ fw: fw.id, profile: p.id, what: d, was: '', now: '' })));
      }
  }
  for (const fw of list) {
    const doc = {
      version,
      framework: fw.id,
      ...(fw.corpus ? { corpus: true } : {}),
      profiles: Object.fromEntries(PROFILES.map((p) => [p.id, results[fw.id][p.id]])),
    };
    const file = path.join(outDir, `${fw.id}.json`);
    writeJson(file, doc);
    const golden = path.join(GOLDENS, `${fw.id}.json`);
    if (outDir !== GOLDENS && !dirs.length) drift.push(...compareGoldens(fw.id, golden, doc));
  }
  if (outDir !== GOLDENS && !dirs.length)
    drift.push(
      ...compareGoldens('_claude-code', path.join(GOLDENS, '_claude-code.json'), JSON.parse(fs.readFileSync(path.join(outDir, '_claude-code.json'), 'utf8'))),
    );
} finally {
  await mainCapture.close();
  fs.rmSync(work, { recursive: true, force: true });
}

if (dirs.length) process.exitCode = drift.length ? 1 : 0;
else if (check || !pinned) {
  if (drift.length === 0) console.log(`conformance: Claude Code ${version} sends exactly what the goldens record`);
  else {
    console.log(`conformance: Claude Code ${version} differs from the goldens (${PINNED_CLAUDE_CODE_VERSION}) in ${drift.length} places\n`);
    console.log('| framework | profile | what | golden | now |\n|---|---|---|---|---|');
    for (const d of drift.slice(0, 200)) console.log(`| ${d.fw} | ${d.profile} | ${d.what} | ${d.was} | ${d.now} |`);
    if (drift.length > 200) console.log(`\n(${drift.length - 200} more)`);
  }
  // A newer version only reports drift; the pinned version must match its goldens.
  process.exitCode = drift.length && pinned ? 1 : 0;
}

/** JSON with one object of a list per line: goldens diff readably. */
/**
 * What the analyzer needs to know of Claude Code itself, measured: its default model, and per model
 * its bundled listing entries (characters; whether they compete for the budget, i.e. were seen
 * losing their description) and its built-in agent types. Written to src/model/claude-code-profile.json.
 */
function writeProfile(emptyByProfile, results) {
  const lost = new Set();
  for (const byProfile of Object.values(results))
    for (const f of Object.values(byProfile)) for (const e of f.listing.entries) if (e.bundled && !e.described) lost.add(e.name);
  const models = {};
  for (const p of PROFILES) {
    const e = emptyByProfile[p.id];
    models[e.model] = {
      bundled: e.listing.entries.map((x) => ({ name: x.name, chars: x.chars, competes: lost.has(x.name) })),
      builtinAgents: e.agents.map((a) => a.name),
    };
  }
  const defaultModel = emptyByProfile[PROFILES.find((p) => p.model === undefined).id].model;
  writeJson(path.join(ROOT, 'src/model/claude-code-profile.json'), { version, defaultModel, models });
}

function writeJson(file, v) {
  const text = JSON.stringify(v, null, 1).replace(/\{\n\s+([^{}[\]]*?)\n\s*\}/g, (_m, inner) => `{ ${inner.replace(/\n\s*/g, ' ')} }`);
  fs.writeFileSync(file, text + '\n');
}

function compareGoldens(fw, goldenPath, now) {
  if (!fs.existsSync(goldenPath)) return [{ fw, profile: '*', what: 'golden', was: 'missing', now: 'recorded' }];
  const was = JSON.parse(fs.readFileSync(goldenPath, 'utf8'));
  const out = [];
  for (const [pid, n] of Object.entries(now.profiles)) {
    const w = was.profiles?.[pid];
    if (!w) {
      out.push({ fw, profile: pid, what: 'profile', was: 'missing', now: 'recorded' });
      continue;
    }
    if (w.model !== n.model) out.push({ fw, profile: pid, what: 'model', was: w.model, now: n.model });
    const key = (xs, f) => new Map((xs ?? []).map((x) => [f(x), x]));
    const mw = key(w.memory, (m) => m.path);
    const mn = key(n.memory, (m) => m.path);
    for (const [p, m] of mn)
      if (!mw.has(p)) out.push({ fw, profile: pid, what: `memory ${p}`, was: 'absent', now: `${m.chars} chars` });
      else if (mw.get(p).chars !== m.chars) out.push({ fw, profile: pid, what: `memory ${p}`, was: `${mw.get(p).chars} chars`, now: `${m.chars} chars` });
    for (const [p, m] of mw) if (!mn.has(p)) out.push({ fw, profile: pid, what: `memory ${p}`, was: `${m.chars} chars`, now: 'absent' });
    for (const [kind, a, b] of [
      ['listing', w.listing?.entries, n.listing?.entries],
      ['agent', w.agents, n.agents],
    ]) {
      const ew = key(a, (e) => e.name);
      const en = key(b, (e) => e.name);
      for (const [name, e] of en) {
        const o = ew.get(name);
        if (!o) out.push({ fw, profile: pid, what: `${kind} ${name}`, was: 'absent', now: `${e.chars} chars` });
        else if (o.hash !== e.hash || o.described !== e.described)
          out.push({
            fw,
            profile: pid,
            what: `${kind} ${name}`,
            was: `${o.chars} chars${o.described === false ? ' (name only)' : ''}`,
            now: `${e.chars} chars${e.described === false ? ' (name only)' : ''}`,
          });
      }
      for (const [name, e] of ew) if (!en.has(name)) out.push({ fw, profile: pid, what: `${kind} ${name}`, was: `${e.chars} chars`, now: 'absent' });
    }
  }
  return out;
}
