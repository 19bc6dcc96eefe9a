import path from 'node:path/posix';
import type { Blob } from '../collect/types.js';
import { agentOrder } from './loaders/agents.js';
import { planUnit } from './loaders/components.js';
import { IGNORED_DIR, PlanContext } from './loaders/context.js';
import { planMemory } from './loaders/memory.js';
import { applyOverridesAndOrder, listingOrder } from './loaders/prompts.js';
import { readSettings, reportComponentLinks, reportLinks, reportUnmeasured } from './loaders/settings.js';
import { Tree } from './tree.js';
import { withSettings } from '../model/constants.js';
import { discoverUnits, PROJECT, USER, type UnitDef } from './units.js';

export type { ParseCache, Plan, PlanOptions, PlannedComponent, PlannedEntry, PlannedFile, Unknown } from './plan-types.js';
import type { Plan, PlanOptions, PlannedEntry } from './plan-types.js';

/** Paths worth reading before anything is known: everything that can be a framework file. */
export function candidatePaths(tree: Tree): string[] {
  const names = new Set(['CLAUDE.md', 'AGENTS.md', 'CLAUDE.local.md', 'SKILL.md', '.mcp.json', '.lsp.json', 'plugin.json', 'marketplace.json', 'hooks.json']);
  const dirs = /(^|\/)(\.claude|\.claude-plugin|commands|agents|skills|output-styles|workflows|hooks|rules)\//;
  // Everything bundled with a skill (references, templates, scripts) is read too: it is counted as
  // on-demand, and reading it up front saves a second planning pass.
  const skillFiles = /(^|\/)skills\/[^/]+\/./;
  return tree.visiblePaths().filter((p) => {
    const base = path.basename(p);
    if (names.has(base)) return true;
    return (dirs.test(p) && /\.(md|mdc|json|js|mjs)$/i.test(base)) || skillFiles.test(p);
  });
}

/** Builds the load plan from a tree and the contents read so far: every loader adds its claims to one context. Pure. */
export function buildPlan(tree: Tree, contents: ReadonlyMap<string, Blob>, opts: PlanOptions): Plan {
  const ctx = new PlanContext(tree, contents, opts);
  if (ctx.opts.notRead)
    ctx.diag(
      '.',
      1,
      'error',
      'limit-reached',
      `could not measure: limit maxFiles (${ctx.limits.maxFiles}) reached; ${ctx.opts.notRead} framework files were not read`,
    );
  reportLinks(ctx);
  reportUnmeasured(ctx);
  const { units, diagnostics } = discoverUnits(
    ctx.tree,
    (p: string) => ctx.readJson(p),
    opts.installedPlugins ?? 'all',
    (p: string) => ctx.read(p)?.text ?? '',
  );
  const userRoot = ctx.opts.userScope ? Tree.normalize(ctx.opts.userScope.replace(/\/+$/, '')) : null;
  if (ctx.opts.userScope) {
    if (userRoot && ctx.tree.isDir(userRoot))
      units.splice(1, 0, { name: USER, type: 'user', root: userRoot, counted: true, mcpServers: [], sessionStartHooks: 0 });
    else
      ctx.diag(
        '.',
        1,
        'warning',
        'user-scope-missing',
        `userScope "${ctx.opts.userScope}" is not a folder of the repository: nothing is measured at user scope`,
      );
  }
  ctx.units = units;
  ctx.diagnostics.push(...diagnostics);
  reportComponentLinks(ctx);
  for (const u of units)
    if (u.manifestPath) ctx.addFile(u.manifestPath, u.name, 'plugin-manifest', 'not-loaded', 'plugin manifest (metadata, not sent to the model)', 'other');
  for (const mp of ctx.tree.visiblePaths().filter((p) => p.endsWith('.claude-plugin/marketplace.json')))
    ctx.addFile(mp, PROJECT, 'marketplace', 'not-loaded', 'marketplace catalogue (metadata, not sent to the model)', 'other');
  const settings = readSettings(ctx);
  ctx.m = withSettings(ctx.m, settings);
  planMemory(ctx, settings);
  // A plugin whose manifest Claude Code refuses loads nothing; its files are reported as not loaded.
  for (const u of units) if (!u.invalid) planUnit(ctx, u, settings);
  applyOverridesAndOrder(ctx, settings);
  planRemaining(ctx);
  checkCollisions(ctx);
  return {
    units,
    files: [...ctx.files.values()],
    skillEntries: listingOrder(ctx.skillEntries, ctx.units),
    agentEntries: agentOrder(ctx.agentEntries),
    components: ctx.components,
    edges: ctx.edges,
    unresolved: ctx.unresolved,
    cycles: ctx.cycles,
    unknowns: ctx.unknowns,
    diagnostics: ctx.diagnostics,
    memoryChars: ctx.memoryChars,
    missing: [...ctx.missing].sort(),
    model: ctx.m,
  };
}

/** Framework-looking files no loader claimed: reported as not loaded, with why. */
function planRemaining(ctx: PlanContext): void {
  const claimed = new Set(ctx.files.keys());
  for (const p of candidatePaths(ctx.tree)) {
    const real = ctx.tree.real(p);
    if (!real || claimed.has(real) || IGNORED_DIR.test(p)) continue;
    claimed.add(real);
    const unit = ownerUnit(ctx.units, p);
    ctx.addFile(
      p,
      unit,
      'other',
      'not-loaded',
      unit === PROJECT ? 'not in any location Claude Code loads from' : `in plugin ${unit} but not in a component folder it declares`,
      'other',
    );
  }
}

/** Names that shadow or may be confused with each other. */
function checkCollisions(ctx: PlanContext): void {
  const seen = new Map<string, PlannedEntry>();
  for (const e of [...ctx.skillEntries, ...ctx.agentEntries]) {
    const key = `${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name}`;
    const prev = seen.get(key);
    if (prev && prev.file !== e.file)
      ctx.diag(
        e.file,
        1,
        'warning',
        'duplicate-name',
        `${e.kind} name "${e.name}" is also defined by ${prev.file}${prev.unit !== e.unit ? ` (unit ${prev.unit})` : ''}: one shadows the other`,
      );
    else seen.set(key, e);
  }
  // A project entry and a plugin entry with the same base name ("deploy" and "tools:deploy"): users
  // and the model can confuse them. Plugins sharing base names among themselves are namespaced: fine.
  const project = new Map<string, PlannedEntry>();
  for (const e of [...ctx.skillEntries, ...ctx.agentEntries]) if (e.unit === PROJECT) project.set(`${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name}`, e);
  if (project.size)
    for (const e of [...ctx.skillEntries, ...ctx.agentEntries]) {
      if (e.unit === PROJECT) continue;
      const prev = project.get(`${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name.split(':').pop()}`);
      if (prev) ctx.diag(e.file, 1, 'info', 'name-collision', `"${e.name}" shares its name with the project's "${prev.name}" (${prev.file})`);
    }
}

function ownerUnit(units: UnitDef[], p: string): string {
  let best: UnitDef | undefined;
  for (const u of units) {
    if (u.type !== 'plugin') continue;
    if (u.root === '' || p.startsWith(u.root + '/')) if (!best || u.root.length > best.root.length) best = u;
  }
  if (best && best.root === '' && /^\.claude\//.test(p)) return PROJECT;
  return best?.name ?? PROJECT;
}
