import path from 'node:path/posix';
import type { Diagnostic } from '../model/snapshot.js';
import { Tree } from './tree.js';

export const PROJECT = 'project';
/** The unit of a folder installed as ~/.claude (user scope). */
export const USER = 'user';

/** A unit of installation: the project itself, or one plugin. */
export interface UnitDef {
  name: string;
  type: 'project' | 'plugin' | 'user';
  root: string;
  manifestPath?: string;
  manifest?: Record<string, unknown>;
  marketplace?: string;
  /** The folder holding the marketplace's `.claude-plugin/marketplace.json` ("" for the repository root). */
  marketplaceRoot?: string;
  counted: boolean;
  /** Why Claude Code refuses the plugin's manifest (it then loads nothing of the plugin). */
  invalid?: string;
  /**
   * A marketplace entry that is its own plugin though it may share its folder with others
   * (`strict: false`, or no plugin.json where its source points, e.g. several entries with
   * `source: "./"` and a `skills` array each): its place in the marketplace, which is the order a
   * user installs them in and Claude Code lists installed plugins in.
   */
  installOrder?: number;
  mcpServers: string[];
  sessionStartHooks: number;
}

const COMPONENT_KEYS = ['commands', 'agents', 'skills', 'outputStyles', 'themes', 'workflows', 'monitors', 'mcpServers', 'lspServers', 'hooks'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The project plus every plugin: each `.claude-plugin/plugin.json`, and each local entry of a
 * `.claude-plugin/marketplace.json` (whose fields supply or extend the manifest).
 */
export function discoverUnits(
  tree: Tree,
  readJson: (p: string) => unknown,
  installed: 'all' | 'none' | string[],
  readText: (p: string) => string = () => '',
): { units: UnitDef[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const isCounted = (name: string) => installed === 'all' || (Array.isArray(installed) && installed.includes(name));
  const project: UnitDef = { name: PROJECT, type: 'project', root: '', counted: true, mcpServers: [], sessionStartHooks: 0 };
  const byRoot = new Map<string, UnitDef>();
  const visible = tree.visiblePaths();
  for (const p of visible) {
    if (!p.endsWith('.claude-plugin/plugin.json') || /(^|\/)node_modules\//.test(p)) continue;
    if (path.basename(path.dirname(p)) !== '.claude-plugin') continue;
    const root = dirOf(path.dirname(p));
    const v = readJson(p);
    const manifest = isObject(v) ? v : {};
    if (v !== undefined && !isObject(v))
      diagnostics.push({ file: p, line: 1, severity: 'warning', code: 'invalid-manifest', message: 'plugin.json is not a JSON object' });
    const name = typeof manifest.name === 'string' && manifest.name.trim() ? manifest.name.trim() : path.basename(root) || 'plugin';
    const invalid = manifestProblem(manifest);
    if (invalid)
      diagnostics.push({
        file: p,
        line: jsonKeyLine(readText(p), invalid.key),
        severity: 'warning',
        code: 'invalid-manifest',
        message: `${invalid.key}: ${invalid.message}: Claude Code refuses this manifest and loads nothing of plugin "${name}" (\`claude plugin validate\` shows it)`,
      });
    byRoot.set(root, {
      name,
      type: 'plugin',
      root,
      manifestPath: p,
      manifest,
      counted: false,
      ...(invalid ? { invalid: `${invalid.key}: ${invalid.message}` } : {}),
      mcpServers: [],
      sessionStartHooks: 0,
    });
  }
  for (const p of visible) {
    if (!p.endsWith('.claude-plugin/marketplace.json') || path.basename(path.dirname(p)) !== '.claude-plugin') continue;
    const v = readJson(p);
    if (!isObject(v)) continue;
    const mroot = dirOf(path.dirname(p));
    const mname = typeof v.name === 'string' ? v.name : path.basename(mroot) || 'marketplace';
    const pluginRoot = isObject(v.metadata) && typeof v.metadata.pluginRoot === 'string' ? v.metadata.pluginRoot : '';
    const plugins = Array.isArray(v.plugins) ? v.plugins : [];
    let order = 0;
    plugins.forEach((entry: unknown, i: number) => {
      if (!isObject(entry)) return;
      const ename = typeof entry.name === 'string' ? entry.name : `plugin-${i + 1}`;
      if (typeof entry.source !== 'string') {
        diagnostics.push({
          file: p,
          line: 1,
          severity: 'info',
          code: 'external-plugin',
          message: `marketplace plugin "${ename}" comes from an external source (${isObject(entry.source) ? String(entry.source.source ?? 'object') : typeof entry.source}): its files are not in the repository and are not measured`,
        });
        return;
      }
      const src = entry.source.startsWith('./') || entry.source.startsWith('../') || entry.source === '.' ? entry.source : path.join(pluginRoot, entry.source);
      const root = Tree.normalize(path.join(mroot, src));
      if (root === null) {
        diagnostics.push({
          file: p,
          line: 1,
          severity: 'warning',
          code: 'external-plugin',
          message: `marketplace plugin "${ename}" source "${entry.source}" leaves the repository: not measured`,
        });
        return;
      }
      if (!tree.isDir(root)) {
        diagnostics.push({
          file: p,
          line: 1,
          severity: 'warning',
          code: 'missing-plugin',
          message: `marketplace plugin "${ename}" source "${entry.source}" does not exist in the repository`,
        });
        return;
      }
      const fromEntry = Object.fromEntries(COMPONENT_KEYS.filter((k) => k in entry).map((k) => [k, entry[k]]));
      const existing = byRoot.get(root);
      // No plugin.json where it points: the entry is the plugin's whole manifest, a plugin of its own
      // even when other entries share the folder (several `source: "./"` entries, each with a `skills` list).
      if (!existing?.manifestPath) {
        byRoot.set(existing ? `${root}\0${ename}` : root, {
          name: ename,
          type: 'plugin',
          root,
          manifest: { ...entry },
          marketplace: mname,
          marketplaceRoot: mroot,
          counted: false,
          installOrder: order++,
          mcpServers: [],
          sessionStartHooks: 0,
        });
        return;
      }
      if (existing) {
        existing.marketplace = mname;
        existing.marketplaceRoot = mroot;
        existing.manifest = entry.strict === false ? { ...entry, ...fromEntry } : { ...fromEntry, ...existing.manifest };
        if (existing.name !== ename)
          diagnostics.push({
            file: p,
            line: 1,
            severity: 'info',
            code: 'plugin-name-mismatch',
            message: `marketplace entry "${ename}" installs plugin "${existing.name}" (${root || '.'})`,
          });
      } else {
        byRoot.set(root, {
          name: ename,
          type: 'plugin',
          root,
          manifest: { ...entry },
          marketplace: mname,
          counted: false,
          mcpServers: [],
          sessionStartHooks: 0,
        });
      }
    });
  }
  const units = [project];
  const names = new Set([PROJECT]);
  for (const u of [...byRoot.values()].sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : (a.installOrder ?? -1) - (b.installOrder ?? -1)))) {
    if (names.has(u.name)) {
      diagnostics.push({
        file: u.manifestPath ?? (u.root || '.'),
        line: 1,
        severity: 'warning',
        code: 'duplicate-plugin',
        message: `plugin name "${u.name}" is used by more than one plugin; this one is reported as "${u.name}@${u.root || '.'}"`,
      });
      u.name = `${u.name}@${u.root || '.'}`;
    }
    names.add(u.name);
    u.counted = isCounted(u.name);
    units.push(u);
  }
  return { units, diagnostics };
}

function dirOf(claudePluginDir: string): string {
  const d = path.dirname(claudePluginDir);
  return d === '.' ? '' : d;
}

/**
 * The manifest rules of Claude Code 2.1.332 that make it refuse a plugin (`claude plugin validate`):
 * `agents` paths must name `.md` files (a folder such as "./agents/" is refused).
 */
export function manifestProblem(manifest: Record<string, unknown>): { key: string; message: string } | undefined {
  const agents = manifest.agents ?? (isObject(manifest.experimental) ? manifest.experimental.agents : undefined);
  if (agents !== undefined) {
    const list = Array.isArray(agents) ? agents : [agents];
    const bad = list.find((a) => typeof a !== 'string' || !a.endsWith('.md'));
    if (bad !== undefined) return { key: 'agents', message: `${JSON.stringify(bad)} must be a path ending with ".md"` };
  }
  return undefined;
}

function jsonKeyLine(text: string, key: string): number {
  const i = text.indexOf(`"${key}"`);
  return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}
