/**
 * Writes one side of a comparison into a temporary folder, from its source (git objects or a
 * working tree), so that Claude Code can be run on exactly that side: regular files within the
 * run's limits, symlinks that stay inside the tree, nothing else. I/O only.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Tree } from '../analyze/tree.js';
import { DEFAULT_LIMITS, type Limits } from '../model/constants.js';
import type { FrameworkSource } from '../collect/types.js';

/** Never staged: git's own folders and pointer files, dependencies, and MCP declarations (servers are never started). */
const LEFT_OUT = /(^|\/)(\.git(\/|$)|node_modules\/)|(^|\/)\.mcp\.json$/;

/** Claude Code settings files, project and local, at any depth (plugins' own settings included). */
export const SETTINGS_FILE = /(^|\/)settings(\.local)?\.json$/;

/**
 * The settings keys that change what a session loads, and nothing else: every key that runs a
 * command (apiKeyHelper, awsAuthRefresh, awsCredentialExport, gcpAuthRefresh, otelHeadersHelper,
 * statusLine, fileSuggestion, hooks, ...), reaches the network (extraKnownMarketplaces, MCP) or
 * sets the environment (env: ANTHROPIC_BASE_URL, proxies, NODE_OPTIONS, GIT_TRACE, ...) is dropped.
 * An allowlist, so that a key a future Claude Code release adds is dropped until it is modelled.
 */
export const STAGED_SETTINGS_KEYS = [
  'model',
  'outputStyle',
  'skillOverrides',
  'claudeMdExcludes',
  'instructionFiles',
  'skillListingBudgetFraction',
  'skillListingMaxDescChars',
  'agent',
] as const;

/** The environment variables of `env` that change loading (listing budget, memory files), with plain values only. */
export const STAGED_ENV_KEYS = ['SLASH_COMMAND_TOOL_CHAR_BUDGET', 'CLAUDE_CODE_DISABLE_CLAUDE_MDS'] as const;

/** A settings file as staged: only the allowlisted keys (and `permissions` rules as plain strings); `{}` when it is not a JSON object. */
export function stagedSettings(data: Buffer): string {
  let v: unknown;
  try {
    v = JSON.parse(data.toString('utf8'));
  } catch {
    return '{}';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return '{}';
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of STAGED_SETTINGS_KEYS) if (Object.hasOwn(src, k)) out[k] = src[k];
  const env = src.env;
  if (typeof env === 'object' && env !== null && !Array.isArray(env)) {
    const kept: Record<string, string> = {};
    for (const k of STAGED_ENV_KEYS) {
      const x = (env as Record<string, unknown>)[k];
      if ((typeof x === 'string' || typeof x === 'number') && /^[\w.-]{0,32}$/.test(String(x))) kept[k] = String(x);
    }
    if (Object.keys(kept).length) out.env = kept;
  }
  const perms = src.permissions;
  if (typeof perms === 'object' && perms !== null && !Array.isArray(perms)) {
    const kept: Record<string, string[]> = {};
    for (const k of ['allow', 'deny', 'ask']) {
      const list = (perms as Record<string, unknown>)[k];
      if (Array.isArray(list)) kept[k] = list.filter((x): x is string => typeof x === 'string');
    }
    if (Object.keys(kept).length) out.permissions = kept;
  }
  return JSON.stringify(out);
}

export async function stageSource(
  source: FrameworkSource,
  dest: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<{ files: number; bytes: number; skipped: number }> {
  const entries = await source.list();
  const files = entries.filter((e) => e.type === 'file' && e.size <= limits.maxFileBytes && !LEFT_OUT.test(e.path));
  let bytes = 0;
  let skipped = 0;
  const take: string[] = [];
  for (const f of files) {
    if (take.length >= limits.maxFiles || bytes + f.size > limits.maxTotalBytes) {
      skipped++;
      continue;
    }
    bytes += f.size;
    take.push(f.path);
  }
  for (let i = 0; i < take.length; i += 2000) {
    const got = await source.read(take.slice(i, i + 2000));
    for (const [p, b] of got) {
      const abs = path.join(dest, p);
      // A path the file system refuses (ENAMETOOLONG past PATH_MAX, a name too long) is left out and counted.
      try {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, SETTINGS_FILE.test(p) ? stagedSettings(b.data) : b.data);
      } catch {
        skipped++;
      }
    }
  }
  // Symlinks only when they resolve inside the tree: nothing of the machine is reachable from the copy.
  const tree = new Tree(entries, limits.maxSymlinkHops, limits.maxSymlinkExpansion);
  for (const e of entries) {
    if (e.type !== 'symlink' || !e.linkTarget) continue;
    if (!tree.resolve(e.path).ok || e.linkTarget.startsWith('/')) {
      skipped++;
      continue;
    }
    const abs = path.join(dest, e.path);
    try {
      mkdirSync(path.dirname(abs), { recursive: true });
      symlinkSync(e.linkTarget, abs);
    } catch {
      skipped++;
    }
  }
  return { files: take.length, bytes, skipped };
}
