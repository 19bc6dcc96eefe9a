/**
 * Runs the real Claude Code against a loopback capture of Anthropic's Messages API and returns its
 * first request: what a session with this framework starts with. I/O only; facts are extracted by
 * src/conformance/facts.ts.
 *
 * Safety: hooks are disabled (`disableAllHooks`), MCP servers are not started (`--strict-mcp-config`
 * with no config), the home directory is fresh and empty, no credential is passed (the API key is a
 * dummy), and the only API it can reach is the loopback capture.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * npm's own retries wait up to minutes per request (with no network `npm install` was still trying
 * after 5 minutes): a fetch that can't reach the registry fails in seconds instead, and says so.
 */
export const NPM_FETCH = ['--fetch-retries=1', '--fetch-retry-mintimeout=2000', '--fetch-retry-maxtimeout=5000', '--fetch-timeout=60000'];

/** The Claude Code release the loading model is held to (goldens under test/conformance were recorded with it). */
export const PINNED_CLAUDE_CODE_VERSION = '2.1.332';

export function platformPackage(): string {
  const plat = process.platform === 'darwin' ? 'darwin' : process.platform === 'win32' ? 'win32' : 'linux';
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  return `@anthropic-ai/claude-code-${plat}-${arch}`;
}

export function defaultBinaryCache(): string {
  return process.env.CONTEXT_BUDGET_CLAUDE_CACHE ?? path.join(os.homedir(), '.cache', 'context-budget', 'claude-code');
}

/** Resolves `latest` to a version with `npm view`. */
export async function resolveVersion(version: string): Promise<string> {
  return npmVersion('@anthropic-ai/claude-code', version);
}

/** A package's version for a tag or range (`latest`), with `npm view`; an exact version as it is. */
export async function npmVersion(pkg: string, version: string): Promise<string> {
  if (/^\d+\.\d+\.\d+/.test(version)) return version;
  const { stdout } = await run('npm', ['view', ...NPM_FETCH, `${pkg}@${version}`, 'version'], { timeout: 60_000 });
  const v = stdout
    .trim()
    .split('\n')
    .pop()!
    .replace(/^.*'(.+)'$/, '$1')
    .trim();
  if (!/^\d+\.\d+\.\d+/.test(v)) throw new Error(`npm view returned no version for ${pkg}@${version}`);
  return v;
}

/**
 * The executable of a Claude Code version: fetched once from the npm registry (the platform
 * package, about 190 MB) into the cache directory, reused afterwards.
 */
export async function ensureClaudeCode(version: string, cacheDir = defaultBinaryCache(), log: (s: string) => void = () => {}): Promise<string> {
  const v = await resolveVersion(version);
  const dir = path.join(cacheDir, v);
  const bin = path.join(dir, 'package', 'claude');
  if (existsSync(bin)) return bin;
  // Fetched and unpacked beside the cache entry, then renamed into place: two runs at once never
  // see half a binary (the second to finish keeps the first's).
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await fs.mkdir(tmp, { recursive: true });
  try {
    log(`fetching ${platformPackage()}@${v} from the npm registry into ${dir}`);
    const { stdout } = await run('npm', ['pack', ...NPM_FETCH, `${platformPackage()}@${v}`, '--silent', '--pack-destination', tmp], {
      timeout: 600_000,
      maxBuffer: 1 << 20,
    });
    const tgz = path.join(tmp, stdout.trim().split('\n').pop()!);
    await run('tar', ['xzf', tgz, '-C', tmp], { timeout: 600_000 });
    await fs.rm(tgz, { force: true });
    if (!existsSync(path.join(tmp, 'package', 'claude'))) throw new Error(`${platformPackage()}@${v} has no package/claude executable`);
    if (!existsSync(bin)) {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rename(tmp, dir).catch((e) => {
        if (!existsSync(bin)) throw e;
      });
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return bin;
}

/** A loopback fake of the Messages API that records every request body and answers a minimal stream. */
export interface Capture {
  port: number;
  /** `at`: performance.now() when the request arrived. */
  requests: { url: string; body: unknown; at: number }[];
  close(): Promise<void>;
}

export async function startCapture(): Promise<Capture> {
  // Loaded here, when Claude Code is run: node:http costs every other run ~15 ms of start-up.
  const http = await import('node:http');
  const requests: Capture['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      if (url.startsWith('/v1/messages/count_tokens')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"input_tokens":1}');
        return;
      }
      if (req.method === 'POST' && url.startsWith('/v1/messages')) {
        let body: unknown = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = null;
        }
        requests.push({ url, body, at: performance.now() });
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const ev = (type: string, data: object) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
        ev('message_start', {
          message: {
            id: 'msg_capture',
            type: 'message',
            role: 'assistant',
            model: 'capture',
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 1, output_tokens: 1 },
          },
        });
        ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
        ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'ok' } });
        ev('content_block_stop', { index: 0 });
        ev('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } });
        ev('message_stop', {});
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface RunOptions {
  binary: string;
  /** Project directory (git-initialised). */
  cwd: string;
  /** Fresh home directory (its `.claude` is the user scope). */
  home: string;
  capture: Capture;
  model?: string;
  pluginDirs?: string[];
  /** Claude Code commands run first in the same home (e.g. `plugin marketplace add DIR`, `plugin install NAME@M`). */
  setup?: string[][];
  timeoutMs?: number;
}

export interface RunResult {
  body: unknown;
  ms: number;
  /** From start to the first Messages request: Claude Code's own start-up with this framework. */
  firstRequestMs: number;
  exitCode: number | null;
  stderr: string;
}

/** One print-mode run; returns the first Messages request it made. */
export async function runClaudeCode(o: RunOptions): Promise<RunResult> {
  const before = o.capture.requests.length;
  const args = ['-p', 'hi', '--settings', '{"disableAllHooks":true}', '--strict-mcp-config'];
  if (o.model) args.push('--model', o.model);
  for (const d of o.pluginDirs ?? []) args.push('--plugin-dir', d);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: o.home,
    CLAUDE_CONFIG_DIR: path.join(o.home, '.claude'),
    TERM: 'dumb',
    ANTHROPIC_BASE_URL: `http://127.0.0.1:${o.capture.port}`,
    ANTHROPIC_API_KEY: 'capture-only',
    DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
  };
  for (const step of o.setup ?? []) {
    const r = spawnSync(o.binary, step, { cwd: o.cwd, env, encoding: 'utf8', timeout: o.timeoutMs ?? 60_000 });
    if (r.status !== 0) throw new Error(`claude ${step.join(' ')} failed (exit ${r.status}): ${(r.stderr + r.stdout).trim().slice(-500)}`);
  }
  const t0 = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(o.binary, args, { cwd: o.cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < 8192) err += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve({ code: c, stderr: err });
    });
  });
  const ms = performance.now() - t0;
  const req = o.capture.requests.slice(before).find((r) => r.body && typeof r.body === 'object' && 'messages' in (r.body as object));
  if (!req) throw new Error(`Claude Code made no Messages request (exit ${code}): ${stderr.trim().slice(0, 500)}`);
  return { body: req.body, ms, firstRequestMs: req.at - t0, exitCode: code, stderr };
}

/** Copies a directory tree (symlinks kept as symlinks) and makes it a git repository, as Claude Code takes the git root as the project. */
export async function stageProject(src: string, dest: string): Promise<void> {
  await fs.cp(src, dest, { recursive: true, verbatimSymlinks: true, force: true });
  await run('git', ['init', '-q', dest]);
}
