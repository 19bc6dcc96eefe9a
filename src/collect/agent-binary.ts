/**
 * Another agent's executable, fetched once from the npm registry into the cache (outside any
 * sandbox: the registry and the pinned package are trusted, the measured tree is not). I/O only.
 *
 * - Native packages (Codex, Copilot CLI, opencode) and self-contained bundles (Qwen Code) are
 *   unpacked with `npm pack` + `tar`;
 * - packages that need their dependencies (Gemini CLI, pi) are installed with `npm install
 *   --ignore-scripts`: no install script of theirs runs.
 * Fetched beside the cache entry and renamed into place, so two runs at once never see half a tree.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AgentProfile } from '../model/agents.js';
import { NPM_FETCH, npmVersion } from './claude-code.js';

const run = promisify(execFile);

/** Agents whose package needs its dependencies installed (a JavaScript entry with node_modules). */
const INSTALLED = new Set(['gemini', 'pi']);

export interface AgentBinary {
  /** The folder to make visible to the run (read-only). */
  root: string;
  /** The executable or JavaScript entry, relative to root. */
  entry: string;
  /** The entry is JavaScript, run by Node. */
  node: boolean;
  version: string;
}

export function defaultAgentCache(): string {
  return process.env.CONTEXT_BUDGET_AGENT_CACHE ?? path.join(os.homedir(), '.cache', 'context-budget', 'agents');
}

/** The npm spec of a profile's package at a version (Codex names its platform package with the version inside). */
export function agentPackageSpec(p: AgentProfile, version: string): { spec: string; install: boolean } {
  if (INSTALLED.has(p.id)) return { spec: `${p.npm.package}@${version}`, install: true };
  const pkg = p.npm.platformPackage.split(p.npm.version).join(version);
  return { spec: pkg.includes('@', 1) ? pkg : `${pkg}@${version}`, install: false };
}

/** Resolves `latest` (or a range) to a version with `npm view`. */
export function resolveAgentVersion(p: AgentProfile, version: string): Promise<string> {
  return npmVersion(p.npm.package, version);
}

export async function ensureAgent(
  p: AgentProfile,
  version = p.npm.version,
  cacheDir = defaultAgentCache(),
  log: (s: string) => void = () => {},
): Promise<AgentBinary> {
  const v = await resolveAgentVersion(p, version);
  const { spec, install } = agentPackageSpec(p, v);
  const dir = path.join(cacheDir, p.id, v);
  const entry = install ? path.join('node_modules', ...p.npm.package.split('/'), p.npm.bin) : path.join('package', p.npm.bin);
  const found: AgentBinary = { root: dir, entry, node: p.npm.bin.endsWith('.js'), version: v };
  if (existsSync(path.join(dir, entry))) return found;
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await fs.mkdir(tmp, { recursive: true });
  try {
    log(`fetching ${spec} from the npm registry into ${dir}`);
    if (install) {
      await run('npm', ['install', ...NPM_FETCH, '--prefix', tmp, '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', spec], {
        timeout: 900_000,
        maxBuffer: 16 << 20,
      });
    } else {
      const { stdout } = await run('npm', ['pack', ...NPM_FETCH, spec, '--silent', '--pack-destination', tmp], { timeout: 900_000, maxBuffer: 1 << 20 });
      const tgz = path.join(tmp, stdout.trim().split('\n').pop()!);
      await run('tar', ['xzf', tgz, '-C', tmp], { timeout: 600_000 });
      await fs.rm(tgz, { force: true });
    }
    if (!existsSync(path.join(tmp, entry))) throw new Error(`${spec} has no ${entry}`);
    if (!existsSync(path.join(dir, entry))) {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.mkdir(path.dirname(dir), { recursive: true });
      await fs.rename(tmp, dir).catch((e) => {
        if (!existsSync(path.join(dir, entry))) throw e;
      });
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return found;
}
