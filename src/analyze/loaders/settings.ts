/**
 * Settings (.claude/settings.json and .local): output style, skillOverrides, claudeMdExcludes,
 * instructionFiles, hooks; MCP declarations; broken symlinks. Hooks and MCP servers are reported
 * as unknowns: their cost cannot be known without running them.
 */
import { PROJECT, type UnitDef } from '../units.js';
import { IGNORED_DIR, isObject, type PlanContext } from './context.js';

/**
 * What could not be measured, as errors: a pull request must not pass by hiding its cost behind an
 * unreadable file, a FIFO, an oversized link, or by pushing the run past one of its limits.
 */
export function reportUnmeasured(ctx: PlanContext): void {
  for (const u of ctx.tree.unreadable) ctx.diag(u.path, 1, 'error', 'unreadable', `${u.problem}: what it holds is not measured`);
  for (const [p, why] of ctx.opts.unreadable ?? []) ctx.diag(p, 1, 'error', 'unreadable', `${why}: not measured (counted as nothing)`);
  if (ctx.tree.unexpanded.length)
    ctx.diag(
      ctx.tree.unexpanded[0]!,
      1,
      'error',
      'limit-reached',
      `could not measure: limit maxSymlinkExpansion (${ctx.limits.maxSymlinkExpansion} paths through directory symlinks) reached; ${ctx.tree.unexpanded.length} directory links not followed`,
    );
  for (const l of ctx.opts.limitsReached ?? [])
    ctx.diag(
      '.',
      1,
      'error',
      'limit-reached',
      `could not measure: limit ${l} (${(ctx.limits as unknown as Record<string, number>)[l]}) reached; the rest of the framework was not read`,
    );
}
import type { LoadingModel, SettingsModel } from '../../model/constants.js';

export interface Settings extends SettingsModel {
  outputStyle?: string;
  skillOverrides: Record<string, string>;
  claudeMdExcludes: string[];
  instructionFiles?: LoadingModel['instructionFiles'];
  hooks: { file: string; hooks: unknown }[];
}

export function readSettings(ctx: PlanContext): Settings {
  const s: Settings = { skillOverrides: {}, claudeMdExcludes: [], hooks: [] };
  for (const p of ['.claude/settings.json', '.claude/settings.local.json']) {
    if (!ctx.tree.real(p)) continue;
    ctx.addFile(p, PROJECT, 'settings', 'not-loaded', 'settings (configure loading; not sent to the model)', 'other');
    const v = ctx.readJson(p);
    if (!isObject(v)) continue;
    if (typeof v.outputStyle === 'string') s.outputStyle = v.outputStyle;
    if (isObject(v.skillOverrides)) for (const [k, val] of Object.entries(v.skillOverrides)) if (typeof val === 'string') s.skillOverrides[k] = val;
    if (Array.isArray(v.claudeMdExcludes)) s.claudeMdExcludes.push(...v.claudeMdExcludes.filter((x): x is string => typeof x === 'string'));
    if (typeof v.instructionFiles === 'string') s.instructionFiles = v.instructionFiles as Settings['instructionFiles'];
    if (isObject(v.hooks)) s.hooks.push({ file: p, hooks: v.hooks });
    // What every session of the project loads differently (local settings over project settings).
    if (typeof v.model === 'string' && /^[A-Za-z0-9._:-]+(\[1m\])?$/.test(v.model.trim())) s.model = { id: v.model.trim(), file: p };
    else if (v.model !== undefined) ctx.diag(p, 1, 'warning', 'settings-value', `"model" is not a model id: ignored here (Claude Code may refuse it)`);
    const num = (key: string, x: unknown, ok: (n: number) => boolean): number | undefined => {
      const n = typeof x === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(x) ? Number(x) : x;
      if (x === undefined) return undefined;
      if (typeof n === 'number' && Number.isFinite(n) && ok(n)) return n;
      ctx.diag(p, 1, 'warning', 'settings-value', `${key} ${JSON.stringify(x)} is not a valid value: Claude Code's default is assumed`);
      return undefined;
    };
    const fraction = num('skillListingBudgetFraction', v.skillListingBudgetFraction, (n) => n > 0 && n <= 1);
    if (fraction !== undefined) s.skillListingBudgetFraction = fraction;
    const cap = num('skillListingMaxDescChars', v.skillListingMaxDescChars, (n) => Number.isInteger(n) && n >= 1);
    if (cap !== undefined) s.skillListingMaxDescChars = cap;
    if (isObject(v.env)) {
      const budget = num('env.SLASH_COMMAND_TOOL_CHAR_BUDGET', v.env.SLASH_COMMAND_TOOL_CHAR_BUDGET, (n) => Number.isInteger(n) && n >= 0);
      if (budget !== undefined) s.skillListingBudgetOverride = budget;
    }
  }
  return s;
}

export function mcpFile(ctx: PlanContext, p: string, unit: string): unknown {
  ctx.addFile(p, unit, 'mcp-server', 'not-loaded', 'MCP server declarations (tool schemas load at start: size unknown statically)', 'other');
  const v = ctx.readJson(p);
  if (!isObject(v)) return undefined;
  // A file with an `mcpServers` key declares its servers there and nowhere else (a broken value is
  // reported, never read as a server named "mcpServers"); a file without it is the map itself.
  if (Object.hasOwn(v, 'mcpServers')) {
    if (isObject(v.mcpServers)) return v.mcpServers;
    ctx.diag(p, 1, 'warning', 'invalid-json', '`mcpServers` is not an object of servers: no server read from it');
    return undefined;
  }
  return v;
}

/** Component folders of a unit, where Claude Code walks every subfolder (links included) for entries. */
function componentDirs(u: UnitDef): string[] {
  const at = (p: string) => (u.root ? `${u.root}/${p}` : p);
  return u.type === 'plugin'
    ? ['commands', 'agents', 'skills', 'output-styles', '.claude/commands', '.claude/agents', '.claude/skills'].map(at)
    : ['.claude/commands', '.claude/agents', '.claude/skills', '.claude/rules', '.claude/output-styles'].map(at);
}

/**
 * A directory symlink in a component folder that this analyzer can't expand as Claude Code does
 * (into a folder that contains it, or through further links): Claude Code lists what it finds there
 * (a link to the repository root made every Markdown file a command), so the head can't be measured.
 */
export function reportComponentLinks(ctx: PlanContext): void {
  const dirs = ctx.units.flatMap(componentDirs);
  // A submodule where Claude Code loads from (a component folder, the folder above one, or a memory
  // file's place): a checkout with submodules loads what the commit does not hold.
  const loaded = [...dirs, '.claude', 'CLAUDE.md', 'CLAUDE.local.md', 'AGENTS.md', '.claude-plugin', ...ctx.units.filter((u) => u.root).map((u) => u.root)];
  for (const s of ctx.tree.submodules) {
    const hit = loaded.find((d) => d === s || d.startsWith(s + '/') || s.startsWith(d + '/'));
    if (hit)
      ctx.diag(
        s,
        1,
        'error',
        'not-measurable',
        `could not measure: a submodule (gitlink) at ${hit === s ? 'a path Claude Code loads from' : `${s}, where Claude Code loads ${hit}`}; its files are in another repository, not in this commit`,
      );
  }
  const inComponent = (p: string) => dirs.some((d) => p === d || p.startsWith(d + '/') || d.startsWith(p + '/'));
  // A link out of the repository where Claude Code loads from: on a checkout it lists whatever is there.
  for (const l of ctx.tree.brokenLinks())
    if (l.reason === 'external' && inComponent(l.path))
      ctx.diag(
        l.path,
        1,
        'error',
        'not-measurable',
        `could not measure: symlink to "${l.target}", outside the repository, where Claude Code loads from; a checkout lists whatever is there`,
      );
  for (const l of ctx.tree.unfollowed) {
    if (!inComponent(l.path)) continue;
    ctx.diag(
      l.path,
      1,
      'error',
      'not-measurable',
      l.why === 'ancestor'
        ? `could not measure: symlink to "${l.target}", a folder that contains it; Claude Code follows it and lists every Markdown file under that folder (each real folder once)`
        : `could not measure: symlink to "${l.target}", whose folder holds further directory links; Claude Code follows them and lists what they hold`,
    );
  }
}

export function reportLinks(ctx: PlanContext): void {
  for (const l of ctx.tree.brokenLinks()) {
    if (IGNORED_DIR.test(l.path + '/')) continue;
    const why =
      l.reason === 'external' ? 'points outside the repository; never read' : l.reason === 'loop' ? 'is a symlink loop' : 'points to nothing in the repository';
    ctx.diag(l.path, 1, l.reason === 'missing' ? 'info' : 'warning', `symlink-${l.reason}`, `symlink to "${l.target}" ${why}`);
    ctx.unresolved.push({ from: l.path, line: 1, ref: l.target, reason: l.reason === 'loop' ? 'loop' : l.reason === 'external' ? 'external' : 'missing' });
  }
}
