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
W="$1"; NODE="$2"; CLAUDE="$3"; AS="$4"
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
touch "$R/node" "$R/claude"
mount --bind "$NODE" "$R/node"
mount --bind "$CLAUDE" "$R/claude"
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
  const support = await sandboxSupport();
  if ('error' in support) throw new Error(support.error);
  const box = path.join(o.work, 'box');
  mkdirSync(box, { recursive: true });
  writeFileSync(path.join(box, 'runner.cjs'), `(${captureRunner.toString()})(process.argv[2]);\n`);
  writeFileSync(path.join(box, 'job.json'), JSON.stringify({ runs: o.runs, timeoutMs: o.timeoutMs }));
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  const as = support.how === 'sudo' ? `${uid}:${gid}` : '';
  // The setup script is a file of the work folder: sudo gets no script text on its command line.
  const setup = path.join(o.work, 'setup.sh');
  writeFileSync(setup, SETUP);
  const r = await exec(
    [...prefix(support.how), 'sh', setup, realpathSync(o.work), realpathSync(process.execPath), realpathSync(o.binary), as],
    o.timeoutMs * (o.runs.length + 1),
  );
  let results: BoxResult[] | undefined;
  try {
    results = JSON.parse(readFileSync(path.join(box, 'results.json'), 'utf8')) as BoxResult[];
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
