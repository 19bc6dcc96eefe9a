/**
 * Runs Claude Code on a staged side where nothing of the machine reaches it (`--measure`). I/O only.
 *
 * The measured tree is untrusted (it is the pull request), and so is everything Claude Code does
 * with it. Staging already drops every settings key that runs a command or sets the environment
 * (stage.ts); this is the second wall, for whatever a future Claude Code release runs that we did
 * not foresee:
 *
 * - new user, network, PID and mount namespaces (`unshare`): the only network is a loopback of its
 *   own, where the capture of the Messages API runs beside Claude Code (inside, not in this
 *   process); `/proc` shows only the sandbox's own processes, so no ancestor's environment (the
 *   Action's tokens) can be read;
 * - a new root (`pivot_root`) holding only the system's read-only `/usr`, `/etc` and libraries, a
 *   few device nodes, an empty `/tmp`, the node and Claude Code executables, and the staged sides:
 *   no home, workspace, runner folder, cache or credential file of the machine is there;
 * - every process inside starts with an environment of a few fixed variables.
 *
 * Where unprivileged user namespaces are refused (Ubuntu 24.04's AppArmor default), the same
 * namespaces are made with `sudo -n` when it needs no password (GitHub's hosted runners), and the
 * runs drop back to the invoking user. Where neither works, nothing is run: the caller reports
 * "could not measure" with the reason.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One Claude Code run inside the sandbox; paths are relative to the box folder (seen inside as /work). */
export interface BoxRun {
  name: string;
  project: string;
  home: string;
  model?: string;
  pluginDirs?: string[];
  /**
   * Claude Code commands run first in the same home and project (arguments after `claude`), e.g.
   * `plugin marketplace add <dir>` and `plugin install NAME@MARKETPLACE`: plugins installed as a
   * user installs them. Paths starting with `./` are taken relative to the box.
   */
  setup?: string[][];
}

export interface BoxResult {
  name: string;
  /** The first Messages request's body, or null when Claude Code sent none. */
  body: unknown;
  /** From start to the first Messages request. */
  firstRequestMs: number;
  exitCode: number | null;
  stderr: string;
  /** Requests that reached the capture (all of them: Claude Code has no other network). */
  requests: number;
  /** Setup commands that failed: the command and the end of its output. */
  setupErrors?: string[];
}

/** Where a box's folders are seen from inside. */
export const BOX_ROOT = '/work';

export type SandboxHow = 'userns' | 'sudo';

/** The sandbox that works on this machine, or why none does (probed once per process). */
let probed: Promise<{ how: SandboxHow } | { error: string }> | undefined;

export function sandboxSupport(): Promise<{ how: SandboxHow } | { error: string }> {
  probed ??= probe();
  return probed;
}

const SAFE_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin';

function prefix(how: SandboxHow): string[] {
  const ns = ['unshare', '--net', '--pid', '--fork', '--mount', '--kill-child'];
  return how === 'userns' ? [ns[0]!, '--user', '--map-root-user', ...ns.slice(1)] : ['sudo', '-n', '--', ...ns];
}

async function probe(): Promise<{ how: SandboxHow } | { error: string }> {
  if (process.platform !== 'linux') return { error: `namespaces are Linux-only (this is ${process.platform})` };
  // The runner inside reaches Node's modules through process.getBuiltinModule (Node 20.16+, 22.3+).
  if (typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule !== 'function')
    return { error: `--measure needs Node 20.16 or later (this is ${process.version})` };
  const errors: string[] = [];
  for (const how of ['userns', 'sudo'] as const) {
    // What the real run needs: a loopback brought up, a tmpfs mounted, a fresh /proc.
    const r = await exec([
      ...prefix(how),
      'sh',
      '-c',
      'ip link set lo up && d=$(mktemp -d) && mount -t tmpfs t "$d" && mkdir "$d/p" && mount -t proc proc "$d/p" && umount "$d/p" "$d"; r=$?; rmdir "$d"; exit $r',
    ]);
    if (r.code === 0) return { how };
    errors.push(`${how === 'userns' ? 'unshare --user' : 'sudo -n unshare'}: ${r.stderr.trim().split('\n').pop() || `exit ${r.code}`}`);
  }
  return {
    error: `no sandbox could be made (${errors.join('; ')}). Claude Code is run only where it can reach nothing of the machine: allow unprivileged user namespaces (sysctl kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 24.04) or passwordless sudo, with unshare, ip and pivot_root installed`,
  };
}

function exec(argv: string[], timeoutMs = 30_000): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { env: { PATH: SAFE_PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 16_384) stderr += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stderr: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/**
 * Sets up the new root and starts the runner in it. Runs as root of the new namespaces; $1 the
 * work folder, $2 node, $3 Claude Code, $4 uid:gid to run as ("" to stay root of a user namespace).
 */
export const SETUP = String.raw`set -eu
W="$1"; NODE="$2"; CLAUDE="$3"; AS="$4"; TOOL="\${5:-claude}"
ip link set lo up
mount --make-rprivate /
R="$W/root"
mkdir -p "$R"
mount -t tmpfs -o mode=755,size=64m cb-root "$R"
for d in usr bin sbin lib lib32 lib64 libx32 etc; do
  if [ -L "/$d" ]; then ln -s "$(readlink "/$d")" "$R/$d"
  elif [ -d "/$d" ]; then mkdir "$R/$d"; mount --bind "/$d" "$R/$d"; mount -o remount,bind,ro,nosuid "$R/$d" 2>/dev/null || true
  fi
done
mkdir -p "$R/dev" "$R/proc" "$R/work" "$R/tmp"
chmod 1777 "$R/tmp"
for n in null zero random urandom; do touch "$R/dev/$n"; mount --bind "/dev/$n" "$R/dev/$n"; done
ln -s /proc/self/fd "$R/dev/fd"
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mount --bind "$W/box" "$R/work"
touch "$R/node"
mount --bind "$NODE" "$R/node"
# The measured program: Claude Code's executable at /claude, or another agent's package folder (read-only) at /tool.
if [ -d "$CLAUDE" ]; then mkdir "$R/$TOOL"; else touch "$R/$TOOL"; fi
mount --bind "$CLAUDE" "$R/$TOOL"
mount -o remount,bind,ro,nosuid "$R/$TOOL" 2>/dev/null || true
cd "$R"
mkdir .old
pivot_root . .old
umount -l /.old
rmdir /.old
cd /
ENV="env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp TERM=dumb LANG=C.UTF-8"
if [ -n "$AS" ]; then
  exec setpriv --reuid="\${AS%%:*}" --regid="\${AS##*:}" --clear-groups --inh-caps=-all $ENV /node /work/runner.cjs /work/job.json
fi
exec $ENV /node /work/runner.cjs /work/job.json
`.replace(/\\\$/g, '$');

/**
 * Runs `runs` in order inside one sandbox (one capture for all), the box folder `work/box` holding
 * the staged projects and homes. Throws when the sandbox can't be made or the runner fails.
 */
export async function runInSandbox(o: { binary: string; work: string; runs: BoxRun[]; timeoutMs: number }): Promise<BoxResult[]> {
  return runBox<BoxResult>({
    tool: o.binary,
    mountAs: 'claude',
    work: o.work,
    runner: captureRunner,
    job: { runs: o.runs, timeoutMs: o.timeoutMs },
    runs: o.runs.length,
    timeoutMs: o.timeoutMs,
  });
}

/** One run of another agent inside the sandbox: its command line and environment as seen inside. */
export interface AgentBoxRun {
  name: string;
  /** The project folder, relative to the box. */
  project: string;
  /** argv[0] is the program inside the sandbox (/tool/..., or /node). */
  argv: string[];
  env: Record<string, string>;
}

export interface AgentBoxResult {
  name: string;
  exitCode: number | null;
  /** The end of its output, for an error message. */
  output: string;
  /** Every request that reached the fake model endpoint, in order. */
  requests: { url: string; body: string }[];
}

/** The loopback port of the fake model endpoint inside the sandbox (its own network: no clash possible). */
export const AGENT_MODEL_PORT = 18_473;

/**
 * Runs other agents inside the sandbox, their package folder read-only at /tool, against a loopback
 * fake of every model API they speak (collect/sandbox.ts agentRunner).
 */
export async function runAgentsInSandbox(o: { tool: string; work: string; runs: AgentBoxRun[]; timeoutMs: number }): Promise<AgentBoxResult[]> {
  return runBox<AgentBoxResult>({
    tool: o.tool,
    mountAs: 'tool',
    work: o.work,
    runner: agentRunner,
    job: { runs: o.runs, timeoutMs: o.timeoutMs, port: AGENT_MODEL_PORT },
    runs: o.runs.length,
    timeoutMs: o.timeoutMs,
  });
}

async function runBox<R>(o: {
  tool: string;
  mountAs: string;
  work: string;
  runner: (jobPath: string) => void;
  job: object;
  runs: number;
  timeoutMs: number;
}): Promise<R[]> {
  const support = await sandboxSupport();
  if ('error' in support) throw new Error(support.error);
  const box = path.join(o.work, 'box');
  mkdirSync(box, { recursive: true });
  writeFileSync(path.join(box, 'runner.cjs'), `(${o.runner.toString()})(process.argv[2]);\n`);
  writeFileSync(path.join(box, 'job.json'), JSON.stringify(o.job));
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  const as = support.how === 'sudo' ? `${uid}:${gid}` : '';
  // The setup script is a file of the work folder: sudo gets no script text on its command line.
  const setup = path.join(o.work, 'setup.sh');
  writeFileSync(setup, SETUP);
  const r = await exec(
    [...prefix(support.how), 'sh', setup, realpathSync(o.work), realpathSync(process.execPath), realpathSync(o.tool), as, o.mountAs],
    o.timeoutMs * (o.runs + 1),
  );
  let results: R[] | undefined;
  try {
    results = JSON.parse(readFileSync(path.join(box, 'results.json'), 'utf8')) as R[];
  } catch {
    results = undefined;
  }
  if (!results) throw new Error(`the sandbox ended with exit ${r.code} and no results: ${r.stderr.trim().slice(-500)}`);
  return results;
}

/**
 * The program run inside the sandbox (written out as its own file, so it must reference nothing
 * outside itself): a loopback fake of the Messages API that answers a minimal stream, and Claude
 * Code run on each project in turn with a fixed environment. Writes results.json beside the job.
 */
export function captureRunner(jobPath: string): void {
  const fs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
  const http = process.getBuiltinModule('node:http') as typeof import('node:http');
  const cp = process.getBuiltinModule('node:child_process') as typeof import('node:child_process');
  const pathm = process.getBuiltinModule('node:path') as typeof import('node:path');
  const job = JSON.parse(fs.readFileSync(jobPath, 'utf8')) as { runs: BoxRun[]; timeoutMs: number };
  const root = pathm.dirname(jobPath);
  const seen: { body: unknown; at: number }[] = [];
  let all = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      all++;
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
        seen.push({ body, at: performance.now() });
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const ev = (type: string, data: object) => res.write('event: ' + type + '\ndata: ' + JSON.stringify({ type, ...data }) + '\n\n');
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
  server.listen(0, '127.0.0.1', async () => {
    const port = (server.address() as { port: number }).port;
    const results: BoxResult[] = [];
    // A home whose setup already ran, by project and setup: later rounds copy it instead of installing again.
    const prepared = new Map<string, { home: string; errors: string[] }>();
    for (const r of job.runs) {
      const before = seen.length;
      const beforeAll = all;
      const home = pathm.join(root, r.home);
      fs.mkdirSync(pathm.join(home, '.claude'), { recursive: true });
      const args = ['-p', 'hi', '--settings', '{"disableAllHooks":true}', '--strict-mcp-config'];
      if (r.model) args.push('--model', r.model);
      for (const d of r.pluginDirs ?? []) args.push('--plugin-dir', pathm.join(root, d));
      const env = {
        PATH: '/usr/local/bin:/usr/bin:/bin',
        HOME: home,
        CLAUDE_CONFIG_DIR: pathm.join(home, '.claude'),
        TERM: 'dumb',
        ANTHROPIC_BASE_URL: 'http://127.0.0.1:' + port,
        ANTHROPIC_API_KEY: 'capture-only',
        DISABLE_TELEMETRY: '1',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_AUTOUPDATER: '1',
        DISABLE_ERROR_REPORTING: '1',
      };
      const setupErrors: string[] = [];
      const setupKey = r.setup?.length ? r.project + '\0' + JSON.stringify(r.setup) : '';
      const done0 = setupKey ? prepared.get(setupKey) : undefined;
      if (done0) {
        fs.cpSync(done0.home, home, { recursive: true, verbatimSymlinks: true });
        setupErrors.push(...done0.errors);
      } else {
        for (const step of r.setup ?? []) {
          const argv = step.map((a) => (a.startsWith('./') ? pathm.join(root, a) : a));
          const s = cp.spawnSync('/claude', argv, { cwd: pathm.join(root, r.project), env, encoding: 'utf8', timeout: job.timeoutMs });
          if (s.status !== 0)
            setupErrors.push('claude ' + step.join(' ') + ' (exit ' + s.status + '): ' + ((s.stderr || '') + (s.stdout || '')).trim().slice(-300));
        }
        if (setupKey) {
          // Kept before the measured run writes its own state into the home.
          const copy = pathm.join(root, 'prepared-' + prepared.size);
          fs.cpSync(home, copy, { recursive: true, verbatimSymlinks: true });
          prepared.set(setupKey, { home: copy, errors: [...setupErrors] });
        }
      }
      const t0 = performance.now();
      const done = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = cp.spawn('/claude', args, { cwd: pathm.join(root, r.project), env, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (c: Buffer) => {
          if (err.length < 8192) err += c.toString();
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), job.timeoutMs);
        child.on('error', (e) => {
          clearTimeout(timer);
          resolve({ code: null, stderr: e.message });
        });
        child.on('close', (c) => {
          clearTimeout(timer);
          resolve({ code: c, stderr: err });
        });
      });
      const first = seen.slice(before).find((x) => x.body !== null && typeof x.body === 'object' && 'messages' in (x.body as object));
      results.push({
        name: r.name,
        body: first ? first.body : null,
        firstRequestMs: first ? first.at - t0 : 0,
        exitCode: done.code,
        stderr: done.stderr,
        requests: all - beforeAll,
        ...(setupErrors.length ? { setupErrors } : {}),
      });
    }
    fs.writeFileSync(pathm.join(root, 'results.json'), JSON.stringify(results));
    server.close();
    process.exit(0);
  });
}

/**
 * The program run inside the sandbox for other agents (written out as its own file: it references
 * nothing outside itself). A loopback fake of every model API these agents speak (OpenAI Responses
 * and Chat Completions, Anthropic Messages, Gemini generateContent) that answers "ok" and never a
 * tool call, and keeps every request; each agent is run in turn with the environment it was given.
 */
export function agentRunner(jobPath: string): void {
  const fs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
  const http = process.getBuiltinModule('node:http') as typeof import('node:http');
  const cp = process.getBuiltinModule('node:child_process') as typeof import('node:child_process');
  const pathm = process.getBuiltinModule('node:path') as typeof import('node:path');
  const job = JSON.parse(fs.readFileSync(jobPath, 'utf8')) as { runs: AgentBoxRun[]; timeoutMs: number; port: number };
  const root = pathm.dirname(jobPath);
  const requests: { url: string; body: string }[] = [];
  const fill = (s: unknown): unknown => {
    if (!s || typeof s !== 'object') return 'ok';
    const o = s as { enum?: unknown[]; type?: unknown; properties?: Record<string, unknown> };
    if (Array.isArray(o.enum)) return o.enum[0];
    const t = String(Array.isArray(o.type) ? o.type[0] : (o.type ?? '')).toLowerCase();
    if (t === 'object' || o.properties) return Object.fromEntries(Object.entries(o.properties ?? {}).map(([k, v]) => [k, fill(v)]));
    if (t === 'array') return [];
    if (t === 'number' || t === 'integer') return 0;
    if (t === 'boolean') return false;
    return 'ok';
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ url, body });
      const sse = () => res.writeHead(200, { 'content-type': 'text/event-stream' });
      const named = (type: string, data: object) => res.write('event: ' + type + '\ndata: ' + JSON.stringify({ type, ...data }) + '\n\n');
      if (url.endsWith('/responses')) {
        sse();
        const usage = {
          input_tokens: 1,
          output_tokens: 1,
          total_tokens: 2,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens_details: { reasoning_tokens: 0 },
        };
        const item = { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'ok', annotations: [] }] };
        named('response.created', { response: { id: 'r1', object: 'response', status: 'in_progress', output: [], usage } });
        named('response.output_item.added', { output_index: 0, item: { ...item, content: [] } });
        named('response.output_text.delta', { output_index: 0, content_index: 0, item_id: 'msg_1', delta: 'ok' });
        named('response.output_item.done', { output_index: 0, item });
        named('response.completed', { response: { id: 'r1', object: 'response', status: 'completed', output: [item], usage } });
        return void res.end();
      }
      if (url.endsWith('/chat/completions')) {
        sse();
        const chunk = (choices: object[], extra: object = {}) =>
          res.write('data: ' + JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices, ...extra }) + '\n\n');
        chunk([{ index: 0, delta: { role: 'assistant', content: 'ok' }, finish_reason: null }]);
        chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]);
        chunk([], { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
        res.write('data: [DONE]\n\n');
        return void res.end();
      }
      if (/:(stream)?[gG]enerateContent/.test(url)) {
        let j: { generationConfig?: { responseJsonSchema?: unknown; responseSchema?: unknown } } = {};
        try {
          j = JSON.parse(body) as typeof j;
        } catch {
          // not JSON: answered with text
        }
        const schema = j.generationConfig?.responseJsonSchema ?? j.generationConfig?.responseSchema;
        const payload = {
          candidates: [{ content: { parts: [{ text: schema ? JSON.stringify(fill(schema)) : 'ok' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
          usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
        };
        if (url.includes(':streamGenerateContent')) {
          sse();
          res.write('data: ' + JSON.stringify(payload) + '\n\n');
          return void res.end();
        }
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      }
      if (url.includes(':countTokens')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"totalTokens":1}');
      if (url.includes('/messages/count_tokens')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"input_tokens":1}');
      if (url.endsWith('/messages')) {
        sse();
        const message = {
          id: 'm1',
          type: 'message',
          role: 'assistant',
          model: 'fake',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 1, output_tokens: 1 },
        };
        named('message_start', { message });
        named('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
        named('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'ok' } });
        named('content_block_stop', { index: 0 });
        named('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } });
        named('message_stop', {});
        return void res.end();
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(job.port, '127.0.0.1', async () => {
    const results: AgentBoxResult[] = [];
    for (const r of job.runs) {
      const before = requests.length;
      const done = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = cp.spawn(r.argv[0]!, r.argv.slice(1), { cwd: pathm.join(root, r.project), env: r.env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        const keep = (c: Buffer) => {
          out = (out + c.toString()).slice(-4000);
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        const timer = setTimeout(() => child.kill('SIGKILL'), job.timeoutMs);
        child.on('error', (e) => {
          clearTimeout(timer);
          resolve({ code: null, output: e.message });
        });
        child.on('close', (c) => {
          clearTimeout(timer);
          resolve({ code: c, output: out });
        });
      });
      results.push({ name: r.name, exitCode: done.code, output: done.output, requests: requests.slice(before) });
    }
    fs.writeFileSync(pathm.join(root, 'results.json'), JSON.stringify(results));
    server.close();
    process.exit(0);
  });
}
