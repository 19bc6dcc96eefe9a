/**
 * One unit's components (the project, the user scope, or a plugin): where each kind lives (the
 * project's .claude/, the user's ~/.claude, a plugin's default folders or its manifest's paths),
 * handed to the loader of that kind; output styles, MCP servers and hooks.
 */
import path from 'node:path/posix';
import type { Loading } from '../../model/snapshot.js';
import { asBool, asText } from '../frontmatter.js';
import { Tree } from '../tree.js';
import type { UnitDef } from '../units.js';
import { planAgent } from './agents.js';
import { IGNORED_DIR, isObject, manifestPaths, type PlanContext } from './context.js';
import { planPrompt } from './prompts.js';
import { mcpFile, type Settings } from './settings.js';
import { planWorkflow } from './workflows.js';

export function planUnit(ctx: PlanContext, u: UnitDef, settings: Settings): void {
  const isProject = u.type !== 'plugin';
  // The project's components live in .claude/, the user's in the ~/.claude folder itself.
  const own = (kind: string) => [u.type === 'user' ? `${u.root}/${kind}` : `.claude/${kind}`];
  // Every unit is planned as installed; whether it counts in the totals is the unit's `counted`.
  const within = (p: string) => (u.root === '' ? p : `${u.root}/${p}`);
  const paths = (key: string, def: string[]): string[] => {
    const fromManifest = manifestPaths(u.manifest, key);
    return (fromManifest ?? def).map((p) => Tree.normalize(path.join(u.root, p))).filter((p): p is string => p !== null);
  };
  const inDir = (dir: string, re: RegExp) => ctx.tree.under(dir).filter((p) => re.test(dir === '' ? p : p.slice(dir.length + 1)) && !IGNORED_DIR.test(p));

  // Commands
  const cmdDirs = isProject ? own('commands') : paths('commands', ['commands']);
  for (const d of cmdDirs) {
    const files = ctx.tree.files.has(d) || (ctx.tree.real(d) && !ctx.tree.isDir(d)) ? [d] : inDir(d, /\.md$/i);
    for (const f of files) {
      const rel = ctx.tree.files.has(d) || !ctx.tree.isDir(d) ? path.basename(f) : f.slice(d.length + 1);
      const name = rel.replace(/\.md$/i, '').split('/').join(':');
      planPrompt(ctx, u, f, isProject ? name : `${u.name}:${name}`, 'command');
    }
  }
  // Skills
  const skillRoots = isProject ? own('skills') : paths('skills', ['skills']);
  const skillFiles: string[] = [];
  const listed = !isProject && manifestPaths(u.manifest, 'skills') !== undefined;
  for (const d of skillRoots) {
    if (ctx.tree.real(`${d}/SKILL.md`)) skillFiles.push(`${d}/SKILL.md`);
    else for (const f of inDir(d, /^[^/]+\/SKILL\.md$/)) skillFiles.push(f);
  }
  if (!isProject && ctx.tree.real(within('SKILL.md')) && !manifestPaths(u.manifest, 'skills')) skillFiles.push(within('SKILL.md'));
  for (const f of skillFiles) {
    const dir = path.dirname(f);
    const dirName = f === within('SKILL.md') ? u.name : path.basename(dir);
    planPrompt(ctx, u, f, dirName, 'skill', listed ? skillFiles.indexOf(f) : undefined);
    for (const res of inDir(dir, /.+/))
      if (res !== f && !skillFiles.includes(res))
        ctx.addFile(res, u.name, 'resource', 'on-demand', `bundled with skill ${dirName}: read only when the skill reads it`, 'resources');
  }
  // Workflows
  for (const d of isProject ? own('workflows') : paths('workflows', ['workflows'])) {
    for (const f of inDir(d, /^[^/]+\.(m?js)$/i)) planWorkflow(ctx, u, f);
  }
  // Agents
  for (const d of isProject ? own('agents') : paths('agents', ['agents'])) {
    const files = ctx.tree.isDir(d) ? inDir(d, /\.md$/i) : ctx.tree.real(d) ? [d] : [];
    for (const f of files) planAgent(ctx, u, f, ctx.tree.isDir(d) ? d : '');
  }
  // Output styles
  for (const d of isProject ? own('output-styles') : paths('outputStyles', ['output-styles'])) {
    const files = ctx.tree.isDir(d) ? inDir(d, /\.md$/i) : ctx.tree.real(d) ? [d] : [];
    for (const f of files) {
      const r = ctx.read(f, true);
      const name = asText(r?.parsed?.data.name) ?? path.basename(f).replace(/\.md$/i, '');
      const forced = !isProject && asBool(r?.parsed?.data['force-for-plugin']);
      const selected = settings.outputStyle !== undefined && (settings.outputStyle === name || settings.outputStyle === `${u.name}:${name}`);
      const loading: Loading = forced || selected ? 'eager' : 'not-loaded';
      const reason = forced
        ? 'plugin output style with force-for-plugin: applies without being selected'
        : selected
          ? `output style selected in settings (outputStyle: ${settings.outputStyle})`
          : 'output style not selected in settings';
      ctx.addFile(f, u.name, 'output-style', loading, reason, loading === 'eager' ? 'output-style' : 'other', ctx.bodySource(r));
      ctx.components.push({ id: `output-style:${u.name}:${name}`, kind: 'output-style', name, unit: u.name, file: ctx.tree.real(f) ?? f, loading, refs: [] });
    }
  }
  // MCP servers
  const mcpSources: { file: string; servers: unknown }[] = [];
  const mcpPath = within('.mcp.json');
  const declared = u.manifest ? (u.manifest.mcpServers ?? (isObject(u.manifest.experimental) ? u.manifest.experimental.mcpServers : undefined)) : undefined;
  if (typeof declared === 'string' || Array.isArray(declared)) {
    for (const p of ([] as unknown[]).concat(declared)) {
      const norm = typeof p === 'string' ? Tree.normalize(path.join(u.root, p)) : null;
      if (norm && ctx.tree.real(norm)) mcpSources.push({ file: norm, servers: mcpFile(ctx, norm, u.name) });
    }
  } else if (isObject(declared)) mcpSources.push({ file: u.manifestPath ?? mcpPath, servers: declared });
  else if (ctx.tree.real(mcpPath)) mcpSources.push({ file: mcpPath, servers: mcpFile(ctx, mcpPath, u.name) });
  for (const src of mcpSources) {
    if (!isObject(src.servers)) continue;
    for (const name of Object.keys(src.servers)) {
      u.mcpServers.push(name);
      if (u.counted)
        ctx.unknowns.push({
          kind: 'mcp-server',
          unit: u.name,
          file: src.file,
          name,
          note: 'MCP server: its tool schemas load at session start; their size is unknown without starting the server',
        });
    }
  }
  // Hooks
  if (u.type === 'user') return; // user settings, hooks and MCP servers are the user's, not measured here
  const hookSources: { file: string; hooks: unknown }[] = isProject ? settings.hooks : [];
  if (!isProject) {
    const declaredHooks = u.manifest ? (u.manifest.hooks ?? (isObject(u.manifest.experimental) ? u.manifest.experimental.hooks : undefined)) : undefined;
    // The standard hooks/hooks.json always loads; the manifest's hooks, files or inline, are more.
    const standard = within('hooks/hooks.json');
    const standardReal = ctx.tree.real(standard);
    const hookFiles = standardReal ? [standard] : [];
    for (const p of typeof declaredHooks === 'string' || Array.isArray(declaredHooks) ? ([] as unknown[]).concat(declaredHooks) : []) {
      const hf = typeof p === 'string' ? Tree.normalize(path.join(u.root, p)) : null;
      const real = hf ? ctx.tree.real(hf) : undefined;
      if (!real) continue;
      if (real !== standardReal) hookFiles.push(hf!);
      else
        ctx.diag(
          u.manifestPath ?? standard,
          1,
          'warning',
          'invalid-manifest',
          `hooks: "${p}" is the standard hooks/hooks.json, which Claude Code loads anyway: it loads it once and reports "Duplicate hooks file detected"`,
        );
    }
    if (isObject(declaredHooks)) hookSources.push({ file: u.manifestPath ?? '', hooks: declaredHooks });
    // Each file exists (checked above).
    for (const hf of hookFiles) {
      ctx.addFile(hf, u.name, 'hook', 'not-loaded', 'hooks configuration (runs commands; not sent to the model)', 'other');
      const v = ctx.readJson(hf);
      if (isObject(v)) hookSources.push({ file: hf, hooks: isObject(v.hooks) ? v.hooks : v });
    }
  }
  for (const src of hookSources) {
    if (!isObject(src.hooks)) continue;
    const ss = src.hooks.SessionStart;
    const n = Array.isArray(ss) ? ss.reduce((acc: number, g: unknown) => acc + (isObject(g) && Array.isArray(g.hooks) ? g.hooks.length : 1), 0) : 0;
    u.sessionStartHooks += n;
    if (n > 0 && u.counted)
      ctx.unknowns.push({
        kind: 'session-start-hook',
        unit: u.name,
        file: src.file,
        name: `SessionStart (${n})`,
        note: 'SessionStart hook: may inject its command output into every session; unknown statically',
      });
  }
}
