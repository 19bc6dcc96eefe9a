/**
 * Settings (.claude/settings.json and .local): output style, skillOverrides, claudeMdExcludes,
 * instructionFiles, hooks; MCP declarations; broken symlinks. Hooks and MCP servers are reported
 * as unknowns: their cost cannot be known without running them.
 */
import { PROJECT } from '../units.js';
import { IGNORED_DIR, isObject, type PlanContext } from './context.js';
import type { LoadingModel } from '../../model/constants.js';

export interface Settings {
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
  }
  return s;
}

export function mcpFile(ctx: PlanContext, p: string, unit: string): unknown {
  ctx.addFile(p, unit, 'mcp-server', 'not-loaded', 'MCP server declarations (tool schemas load at start: size unknown statically)', 'other');
  const v = ctx.readJson(p);
  return isObject(v) && isObject(v.mcpServers) ? v.mcpServers : v;
}

export function reportLinks(ctx: PlanContext): void {
  for (const l of ctx.tree.brokenLinks()) {
    if (IGNORED_DIR.test(l.path + '/')) continue;
    const why = l.reason === 'external' ? 'points outside the repository; never read' : l.reason === 'loop' ? 'is a symlink loop' : 'points to nothing in the repository';
    ctx.diag(l.path, 1, l.reason === 'missing' ? 'info' : 'warning', `symlink-${l.reason}`, `symlink to "${l.target}" ${why}`);
    ctx.unresolved.push({ from: l.path, line: 1, ref: l.target, reason: l.reason === 'loop' ? 'loop' : l.reason === 'external' ? 'external' : 'missing' });
  }
}
