#!/usr/bin/env node
// Records what other coding agents load at session start, from their own binaries, as facts
// (src/conformance/agent-facts.ts) into test/conformance/agent-goldens/<agent>/<framework>.json.
//
//   npm run conformance:agents                          record every agent on every fixture and corpus side
//   npm run conformance:agents -- --check               record into memory and compare with the analyzer
//   npm run conformance:agents -- --agent codex --dir PATH   any folder, live: the binary vs the analyzer
//
// Each agent runs from its npm package (fetched once into ~/.cache/context-budget/agents), offline:
// its model endpoint is a loopback fake that answers "ok" and never calls a tool; a fresh home per
// run, `env -i` with only what it needs, hooks and MCP configuration left out of the staged copy.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { analyzeAgent } from '../../build/analyze/agents.js';
import { worktreeSource } from '../../build/collect/worktree.js';
import { compareAgentFacts, extractAgentFacts, predictAgentFacts } from '../../build/conformance/agent-facts.js';
import { AGENT_IDS, AGENT_PROFILES } from '../../build/model/agents.js';
import { TokenCounter } from '../../build/tokenize/counter.js';
import { loadTokenizer, TOKENIZER_NAME } from '../../build/tokenize/tokenizer.js';
import { frameworks, ROOT } from './frameworks.mjs';

const GOLDENS = path.join(ROOT, 'test/conformance/agent-goldens');
const args = process.argv.slice(2);
const check = args.includes('--check');
const dirs = args.flatMap((a, i) => (args[i - 1] === '--dir' ? [path.resolve(a)] : []));
const agents = args.flatMap((a, i) => (args[i - 1] === '--agent' ? [a] : []));
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--dir' && args[i - 1] !== '--agent');
for (const a of agents) if (!AGENT_IDS.includes(a)) throw new Error(`--agent ${a}: one of ${AGENT_IDS.join(', ')}`);
const chosen = agents.length ? agents : AGENT_IDS;
const cacheRoot = process.env.CONTEXT_BUDGET_AGENT_CACHE || path.join(os.homedir(), '.cache', 'context-budget', 'agents');
const counter = new TokenCounter(loadTokenizer, TOKENIZER_NAME);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-agents-'));

/** The agent's executable: its platform package, fetched once from the npm registry. */
function ensureBinary(profile) {
  const dir = path.join(cacheRoot, profile.id, profile.npm.version);
  if (profile.id === 'pi' || profile.id === 'gemini') {
    // A JavaScript package with dependencies: installed with its scripts off.
    const entry = path.join(dir, 'node_modules', ...profile.npm.package.split('/'), profile.npm.bin);
    if (!fs.existsSync(entry)) {
      fs.mkdirSync(dir, { recursive: true });
      console.error(`installing ${profile.npm.package}@${profile.npm.version} ...`);
      execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts', `${profile.npm.package}@${profile.npm.version}`], {
        stdio: 'ignore',
      });
    }
    return entry;
  }
  const bin = path.join(dir, 'package', profile.npm.bin);
  if (fs.existsSync(bin)) return bin;
  fs.mkdirSync(dir, { recursive: true });
  const spec = profile.npm.platformPackage.includes('@', 1) ? profile.npm.platformPackage : `${profile.npm.platformPackage}@${profile.npm.version}`;
  console.error(`fetching ${spec} ...`);
  const tgz = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', dir]);
  fs.rmSync(path.join(dir, tgz));
  return bin;
}

/** A value that fits a JSON schema (the first of an enum; an object with its properties filled). */
function fillSchema(s) {
  if (!s || typeof s !== 'object') return 'ok';
  if (Array.isArray(s.enum)) return s.enum[0];
  const t = String(Array.isArray(s.type) ? s.type[0] : (s.type ?? '')).toLowerCase();
  if (t === 'object' || s.properties) return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fillSchema(v)]));
  if (t === 'array') return [];
  if (t === 'number' || t === 'integer') return 0;
  if (t === 'boolean') return false;
  return 'ok';
}

/** A loopback model endpoint for every wire format these agents use; keeps each request body. */
async function fakeModel() {
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ url: req.url, body });
      if (req.url.endsWith('/responses')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const ev = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
        const usage = {
          input_tokens: 1,
          output_tokens: 1,
          total_tokens: 2,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens_details: { reasoning_tokens: 0 },
        };
        const item = { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'ok', annotations: [] }] };
        ev('response.created', { response: { id: 'r1', object: 'response', status: 'in_progress', output: [], usage } });
        ev('response.output_item.added', { output_index: 0, item: { ...item, content: [] } });
        ev('response.output_text.delta', { output_index: 0, content_index: 0, item_id: 'msg_1', delta: 'ok' });
        ev('response.output_item.done', { output_index: 0, item });
        ev('response.completed', { response: { id: 'r1', object: 'response', status: 'completed', output: [item], usage } });
        return void res.end();
      }
      if (req.url.endsWith('/chat/completions')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const chunk = (choices, extra = {}) =>
          res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices, ...extra })}\n\n`);
        chunk([{ index: 0, delta: { role: 'assistant', content: 'ok' }, finish_reason: null }]);
        chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]);
        chunk([], { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
        res.write('data: [DONE]\n\n');
        return void res.end();
      }
      // Gemini: its model router asks for JSON first (answered with a value of its schema), then the session streams.
      if (/:(stream)?[gG]enerateContent/.test(req.url)) {
        let j = {};
        try {
          j = JSON.parse(body);
        } catch {
          // not JSON: answered with text
        }
        const schema = j.generationConfig?.responseJsonSchema ?? j.generationConfig?.responseSchema;
        const payload = {
          candidates: [{ content: { parts: [{ text: schema ? JSON.stringify(fillSchema(schema)) : 'ok' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
          usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
        };
        if (req.url.includes(':streamGenerateContent')) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(`data: ${JSON.stringify(payload)}\n\n`);
          return void res.end();
        }
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      }
      if (req.url.includes(':countTokens')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"totalTokens":1}');
      if (req.url.includes('/messages/count_tokens')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"input_tokens":1}');
      if (req.url.endsWith('/messages')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const ev = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
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
        ev('message_start', { message });
        ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
        ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'ok' } });
        ev('content_block_stop', { index: 0 });
        ev('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } });
        ev('message_stop', {});
        return void res.end();
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, requests, close: () => new Promise((r) => server.close(r)) };
}

/**
 * The staged copy holds Markdown only (folders, `*.md` files and links named `*.md`): every agent
 * reads its instructions, skills, commands and agents from Markdown, and nothing else of the tree
 * (hooks, MCP configurations, plugins, extensions, settings: in whatever file an agent looks for
 * them) is there to run. An allowlist, not a list of known dangerous paths: a denylist missed
 * `.github/mcp.json`, whose server Copilot CLI started.
 */
function stage(src, dest) {
  fs.cpSync(src, dest, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (p) => {
      if (p === src) return true;
      if (path.basename(p) === '.git') return false;
      const st = fs.lstatSync(p);
      return st.isDirectory() || ((st.isFile() || st.isSymbolicLink()) && /\.md$/i.test(p));
    },
  });
  execFileSync('git', ['init', '-q'], { cwd: dest });
}

function run(profile, binary, repo, port) {
  let bin = binary;
  const home = fs.mkdtempSync(path.join(work, `${profile.id}-home-`));
  const env = { PATH: '/usr/bin:/bin', HOME: home, TERM: 'dumb', NO_COLOR: '1', CI: '1', LANG: 'C.UTF-8' };
  let argv;
  if (profile.id === 'codex') {
    fs.mkdirSync(path.join(home, '.codex'));
    fs.writeFileSync(
      path.join(home, '.codex', 'config.toml'),
      `model_provider = "fake"\napproval_policy = "never"\nsandbox_mode = "read-only"\n[model_providers.fake]\nname = "fake"\nbase_url = "http://127.0.0.1:${port}/v1"\nwire_api = "responses"\nenv_key = "FAKE_LLM_KEY"\nrequest_max_retries = 0\nstream_max_retries = 0\n`,
    );
    Object.assign(env, { CODEX_HOME: path.join(home, '.codex'), FAKE_LLM_KEY: 'x' });
    argv = ['exec', '--skip-git-repo-check', '--ephemeral', '-s', 'read-only', '--disable', 'plugins', '--disable', 'remote_plugin', 'hi'];
  } else if (profile.id === 'opencode') {
    const xdg = (d) => path.join(home, d);
    Object.assign(env, {
      OPENCODE_CONFIG_CONTENT: JSON.stringify({
        provider: { anthropic: { options: { baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'any' } } },
        autoupdate: false,
        share: 'disabled',
        mcp: {},
        lsp: false,
      }),
      OPENCODE_DISABLE_MODELS_FETCH: '1',
      OPENCODE_DISABLE_AUTOUPDATE: '1',
      OPENCODE_DISABLE_DEFAULT_PLUGINS: '1',
      XDG_CONFIG_HOME: xdg('.config'),
      XDG_DATA_HOME: xdg('.local/share'),
      XDG_CACHE_HOME: xdg('.cache'),
      XDG_STATE_HOME: xdg('.local/state'),
    });
    argv = ['run', '--pure', '--model', 'anthropic/claude-sonnet-4-5', 'hi'];
  } else if (profile.id === 'pi') {
    const agentDir = path.join(home, '.pi', 'agent');
    fs.mkdirSync(agentDir, { recursive: true });
    const model = {
      id: 'claude-sonnet-4-5',
      name: 'fake',
      contextWindow: 200000,
      maxTokens: 8192,
      input: ['text'],
      reasoning: false,
      cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    };
    fs.writeFileSync(
      path.join(agentDir, 'models.json'),
      JSON.stringify({ providers: { fake: { baseUrl: `http://127.0.0.1:${port}`, api: 'anthropic-messages', apiKey: 'any', models: [model] } } }),
    );
    Object.assign(env, { PI_OFFLINE: '1', PI_CODING_AGENT_DIR: agentDir });
    argv = [bin, '-p', '--offline', '--no-extensions', '--no-session', '--provider', 'fake', '--model', 'claude-sonnet-4-5', 'hi'];
    bin = process.execPath;
  } else if (profile.id === 'gemini') {
    // System settings in a private folder (it ignores a world-writable one): hooks, MCP and extensions off.
    const sys = fs.mkdtempSync(path.join(work, 'gemini-system-'));
    fs.writeFileSync(
      path.join(sys, 'settings.json'),
      JSON.stringify({ hooksConfig: { enabled: false }, mcpServers: {}, admin: { extensions: { enabled: false }, mcp: { enabled: false } } }),
    );
    fs.mkdirSync(path.join(home, '.gemini'));
    fs.writeFileSync(path.join(home, '.gemini', 'settings.json'), JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }));
    Object.assign(env, {
      GEMINI_API_KEY: 'any',
      GOOGLE_GEMINI_BASE_URL: `http://127.0.0.1:${port}`,
      GEMINI_CLI_TRUST_WORKSPACE: 'true',
      GEMINI_CLI_NO_RELAUNCH: 'true',
      GEMINI_CLI_SYSTEM_SETTINGS_PATH: path.join(sys, 'settings.json'),
    });
    argv = [bin, '-p', 'hi'];
    bin = process.execPath; // a JavaScript entry: run by this Node
  } else if (profile.id === 'qwen') {
    fs.mkdirSync(path.join(home, '.qwen'));
    fs.writeFileSync(path.join(home, '.qwen', 'settings.json'), JSON.stringify({ disableAllHooks: true }));
    Object.assign(env, {
      OPENAI_API_KEY: 'any',
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      OPENAI_MODEL: 'qwen3-coder-plus',
      QWEN_CODE_NO_RELAUNCH: 'true',
    });
    argv = [bin, '-p', 'hi', '--auth-type', 'openai'];
    bin = process.execPath; // a JavaScript entry: run by this Node
  } else {
    Object.assign(env, {
      COPILOT_OFFLINE: 'true',
      COPILOT_PROVIDER_BASE_URL: `http://127.0.0.1:${port}/v1`,
      COPILOT_PROVIDER_TYPE: 'openai',
      COPILOT_PROVIDER_API_KEY: 'any',
      COPILOT_MODEL: 'claude-sonnet-4.5',
      COPILOT_HOME: path.join(home, '.copilot'),
      COPILOT_AUTO_UPDATE: 'false',
    });
    argv = [
      '-p',
      'hi',
      '--trust-folder',
      '--no-auto-update',
      '--disable-builtin-mcps',
      '--disable-client-telemetry',
      '--no-ask-user',
      '--deny-tool=shell',
      '--deny-tool=write',
    ];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(bin, argv, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${profile.name} exited ${code}: ${out.slice(-400)}`));
    });
  });
}

/** Instruction-like texts of the repository (what a request is searched for). */
function candidateTexts(repo) {
  const out = new Map();
  const walk = (d, depth) => {
    if (depth > 6) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(repo, p).split(path.sep).join('/');
      if (e.name === '.git' || e.name === 'node_modules') continue;
      if (e.isDirectory()) walk(p, depth + 1);
      else if (/\.md$/.test(e.name) && !/(^|\/)(skills|commands|agents)\//.test(rel)) {
        try {
          const st = fs.statSync(p);
          if (st.isFile() && st.size < 4_000_000) out.set(rel, fs.readFileSync(p, 'utf8'));
        } catch {
          // a dangling link: not a text any agent reads
        }
      }
    }
  };
  walk(repo, 0);
  return out;
}

async function record(profile, bin, dir, id, model) {
  const repo = path.join(work, `${profile.id}-${id}`);
  stage(dir, repo);
  const real = fs.realpathSync(repo);
  model.requests.length = 0;
  await run(profile, bin, real, model.port);
  // The session's own request: the largest (helpers such as a title generator or a memory pass are smaller).
  const first = model.requests
    .filter((r) => /\/(responses|chat\/completions|messages)$|:streamGenerateContent/.test(r.url))
    .sort((a, b) => b.body.length - a.body.length)[0];
  if (!first) throw new Error(`${profile.name} sent no model request for ${id}`);
  // For a safety check: every request body, appended to a file (CONTEXT_BUDGET_AGENT_REQUESTS).
  if (process.env.CONTEXT_BUDGET_AGENT_REQUESTS)
    for (const r of model.requests) fs.appendFileSync(process.env.CONTEXT_BUDGET_AGENT_REQUESTS, `${r.url} ${r.body}\n`);
  const facts = extractAgentFacts(profile.id, profile.npm.version, JSON.parse(first.body), candidateTexts(real), profile.listing.bundled, real);
  const snap = await analyzeAgent(worktreeSource(real), profile, counter);
  return { facts, predicted: predictAgentFacts(snap) };
}

const model = await fakeModel();
let disagreements = 0;
try {
  for (const id of chosen) {
    const profile = AGENT_PROFILES[id];
    const bin = ensureBinary(profile);
    const list = dirs.length
      ? dirs.map((d) => ({ id: path.basename(d), dir: d }))
      : frameworks().filter((f) => !only.length || only.some((o) => f.id.includes(o)));
    for (const fw of list) {
      const { facts, predicted } = await record(profile, bin, fw.dir, fw.id, model);
      const diff = compareAgentFacts(predicted, facts, { unordered: profile.listing.filesystemOrder });
      disagreements += diff.length;
      console.log(
        `${profile.id} ${fw.id}: ${facts.instructions.length} instruction files, ${facts.skills.length} skills (${facts.skills.filter((s) => !s.described).length} by name only), ${facts.agents.length} agents, ${diff.length} disagreements`,
      );
      for (const d of diff) console.log(`  - ${d}`);
      if (!check && !dirs.length) {
        fs.mkdirSync(path.join(GOLDENS, profile.id), { recursive: true });
        const { requestChars: _drop, ...kept } = facts;
        fs.writeFileSync(path.join(GOLDENS, profile.id, `${fw.id}.json`), JSON.stringify({ framework: fw.id, ...kept }, null, 2) + '\n');
      }
    }
    // The fixed overhead: everything the agent sends for an empty repository.
    if (!dirs.length && !only.length) {
      const empty = fs.mkdtempSync(path.join(work, 'empty-'));
      const { facts } = await record(profile, bin, empty, 'empty', model);
      console.log(`${profile.id}: an empty repository's request carries ${facts.requestChars} characters (profile: ${profile.overheadChars})`);
    }
  }
} finally {
  await model.close();
  fs.rmSync(work, { recursive: true, force: true });
}
if (check || dirs.length) {
  console.log(disagreements ? `${disagreements} disagreements` : 'no disagreement');
  process.exitCode = disagreements ? 1 : 0;
}
