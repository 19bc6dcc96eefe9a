/**
 * `--measure AGENT[@VERSION]` for the other agents (Copilot CLI, Codex, Gemini CLI, opencode, Qwen
 * Code, pi): each side staged (Markdown only), the agent's own binary run on it inside the sandbox
 * (collect/sandbox.ts: namespaces, a new root, no network but a loopback fake of its model API, a
 * fixed environment holding no secret of the machine), its session request read for facts
 * (agent-facts.ts), and every difference from the analyzer's prediction reported as drift.
 *
 * Staging keeps only folders and `*.md` files (and links named `*.md` that resolve inside the tree):
 * every agent reads its instructions, skills, commands and agents from Markdown, and nothing else
 * of the tree (hooks, MCP servers, plugins, extensions, settings, in whatever file an agent looks
 * for them) is there to run. The agent's own settings live in a fresh home the run writes: hooks,
 * MCP and extensions off, and its model endpoint the fake.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAgent } from '../collect/agent-binary.js';
import { AGENT_MODEL_PORT, BOX_ROOT, runAgentsInSandbox, sandboxSupport, type AgentBoxRun } from '../collect/sandbox.js';
import type { FrameworkSource } from '../collect/types.js';
import { AGENT_IDS, AGENT_PROFILES, type AgentId, type AgentProfile } from '../model/agents.js';
import type { AgentMeasurement, Snapshot } from '../model/snapshot.js';
import { compareAgentFacts, extractAgentFacts, predictAgentFacts, type AgentFacts } from './agent-facts.js';
import { stageSource } from './stage.js';

export interface AgentMeasureSpec {
  id: AgentId;
  /** A version, or `latest`; the profile's pinned version by default. */
  version: string;
}

/** Parses `codex`, `codex@0.171.0`, `gemini@latest`; anything else is refused with the ids that exist. */
export function parseAgentSpec(spec: string): AgentMeasureSpec {
  const m = /^([a-z]+)(?:@([\w.-]+))?$/.exec(spec.trim());
  const id = m?.[1] as AgentId | undefined;
  if (!m || !id || !AGENT_IDS.includes(id))
    throw new Error(`--measure expects claude-code or an agent id (${AGENT_IDS.join(', ')}), each optionally @VERSION, separated by commas; got "${spec}"`);
  return { id, version: m[2] ?? AGENT_PROFILES[id].npm.version };
}

/** How one agent is run inside the sandbox: its command line, environment and the files of its fresh home. */
export function agentInvocation(
  p: AgentProfile,
  o: { entry: string; node: boolean; home: string; port: number },
): { argv: string[]; env: Record<string, string>; files: Record<string, string> } {
  const url = `http://127.0.0.1:${o.port}`;
  const env: Record<string, string> = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: o.home, TERM: 'dumb', NO_COLOR: '1', CI: '1', LANG: 'C.UTF-8' };
  const files: Record<string, string> = {};
  const exe = o.node ? ['/node', o.entry] : [o.entry];
  switch (p.id) {
    case 'codex':
      files['.codex/config.toml'] =
        `model_provider = "fake"\napproval_policy = "never"\nsandbox_mode = "read-only"\n[model_providers.fake]\nname = "fake"\nbase_url = "${url}/v1"\nwire_api = "responses"\nenv_key = "FAKE_LLM_KEY"\nrequest_max_retries = 0\nstream_max_retries = 0\n`;
      Object.assign(env, { CODEX_HOME: `${o.home}/.codex`, FAKE_LLM_KEY: 'x' });
      return {
        argv: [...exe, 'exec', '--skip-git-repo-check', '--ephemeral', '-s', 'read-only', '--disable', 'plugins', '--disable', 'remote_plugin', 'hi'],
        env,
        files,
      };
    case 'opencode':
      Object.assign(env, {
        OPENCODE_CONFIG_CONTENT: JSON.stringify({
          provider: { anthropic: { options: { baseURL: `${url}/v1`, apiKey: 'any' } } },
          autoupdate: false,
          share: 'disabled',
          mcp: {},
          lsp: false,
        }),
        OPENCODE_DISABLE_MODELS_FETCH: '1',
        OPENCODE_DISABLE_AUTOUPDATE: '1',
        OPENCODE_DISABLE_DEFAULT_PLUGINS: '1',
        XDG_CONFIG_HOME: `${o.home}/.config`,
        XDG_DATA_HOME: `${o.home}/.local/share`,
        XDG_CACHE_HOME: `${o.home}/.cache`,
        XDG_STATE_HOME: `${o.home}/.local/state`,
      });
      return { argv: [...exe, 'run', '--pure', '--model', 'anthropic/claude-sonnet-4-5', 'hi'], env, files };
    case 'pi': {
      const model = {
        id: 'claude-sonnet-4-5',
        name: 'fake',
        contextWindow: 200000,
        maxTokens: 8192,
        input: ['text'],
        reasoning: false,
        cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      };
      files['.pi/agent/models.json'] = JSON.stringify({ providers: { fake: { baseUrl: url, api: 'anthropic-messages', apiKey: 'any', models: [model] } } });
      Object.assign(env, { PI_OFFLINE: '1', PI_CODING_AGENT_DIR: `${o.home}/.pi/agent` });
      return { argv: [...exe, '-p', '--offline', '--no-extensions', '--no-session', '--provider', 'fake', '--model', 'claude-sonnet-4-5', 'hi'], env, files };
    }
    case 'gemini':
      // System settings in a folder of the fresh home: hooks, MCP and extensions off.
      files['.gemini-system/settings.json'] = JSON.stringify({
        hooksConfig: { enabled: false },
        mcpServers: {},
        admin: { extensions: { enabled: false }, mcp: { enabled: false } },
      });
      files['.gemini/settings.json'] = JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } });
      Object.assign(env, {
        GEMINI_API_KEY: 'any',
        GOOGLE_GEMINI_BASE_URL: url,
        GEMINI_CLI_TRUST_WORKSPACE: 'true',
        GEMINI_CLI_NO_RELAUNCH: 'true',
        GEMINI_CLI_SYSTEM_SETTINGS_PATH: `${o.home}/.gemini-system/settings.json`,
      });
      return { argv: [...exe, '-p', 'hi'], env, files };
    case 'qwen':
      files['.qwen/settings.json'] = JSON.stringify({ disableAllHooks: true });
      Object.assign(env, { OPENAI_API_KEY: 'any', OPENAI_BASE_URL: `${url}/v1`, OPENAI_MODEL: 'qwen3-coder-plus', QWEN_CODE_NO_RELAUNCH: 'true' });
      return { argv: [...exe, '-p', 'hi', '--auth-type', 'openai'], env, files };
    case 'copilot':
      Object.assign(env, {
        COPILOT_OFFLINE: 'true',
        COPILOT_PROVIDER_BASE_URL: `${url}/v1`,
        COPILOT_PROVIDER_TYPE: 'openai',
        COPILOT_PROVIDER_API_KEY: 'any',
        COPILOT_MODEL: 'claude-sonnet-4.5',
        COPILOT_HOME: `${o.home}/.copilot`,
        COPILOT_AUTO_UPDATE: 'false',
      });
      return {
        argv: [
          ...exe,
          '-p',
          'hi',
          '--trust-folder',
          '--no-auto-update',
          '--disable-builtin-mcps',
          '--disable-client-telemetry',
          '--no-ask-user',
          '--deny-tool=shell',
          '--deny-tool=write',
        ],
        env,
        files,
      };
  }
}

/** Everything of the staged copy that is not a folder or a `*.md` file (or link) is taken out. */
function keepMarkdown(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) keepMarkdown(p);
    else if (!/\.md$/i.test(e.name)) rmSync(p, { force: true });
  }
}

/** A side written for an agent: folders and `*.md` files (and links named `*.md` resolving inside) only. */
export async function stageMarkdown(source: FrameworkSource, dest: string): Promise<void> {
  await stageSource(source, dest);
  keepMarkdown(dest);
}

/** Instruction-like texts of the staged tree (what a request is searched for): Markdown outside skill, command and agent folders. */
export function candidateTexts(repo: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, depth: number) => {
    if (depth > 6) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(repo, p).split(path.sep).join('/');
      if (e.name === '.git') continue;
      if (e.isDirectory()) walk(p, depth + 1);
      else if (/\.md$/.test(e.name) && !/(^|\/)(skills|commands|agents)\//.test(rel)) {
        try {
          const st = statSync(p);
          if (st.isFile() && st.size < 4_000_000) out.set(rel, readFileSync(p, 'utf8'));
        } catch {
          // a dangling link: not a text any agent reads
        }
      }
    }
  };
  walk(repo, 0);
  return out;
}

export interface AgentMeasureOptions {
  cacheDir?: string;
  log?: (s: string) => void;
  timeoutMs?: number;
  /** Every request each side's run sent (for safety checks: what left the sandbox's agent). */
  onRequests?: (side: string, requests: { url: string; body: string }[]) => void;
  /** Each side's facts as read from the binary's request (the recorder writes them as goldens). */
  onFacts?: (side: string, facts: AgentFacts) => void;
}

/**
 * Runs one agent on each side (in the sandbox, one box for all) and sets the side's
 * `agents[].measured` (or `measureError`). The side must have been analyzed for that agent.
 */
export async function measureAgent(
  sides: { name: string; source: FrameworkSource; snapshot: Snapshot }[],
  spec: AgentMeasureSpec,
  o: AgentMeasureOptions = {},
): Promise<Snapshot[]> {
  const profile = AGENT_PROFILES[spec.id];
  const support = await sandboxSupport();
  if ('error' in support) throw new Error(support.error);
  const bin = await ensureAgent(profile, spec.version, o.cacheDir, o.log);
  const work = mkdtempSync(path.join(os.tmpdir(), 'cb-agent-measure-'));
  try {
    const box = path.join(work, 'box');
    const runs: AgentBoxRun[] = [];
    for (const s of sides) {
      const dir = path.join(box, s.name);
      mkdirSync(dir, { recursive: true });
      await stageMarkdown(s.source, dir);
      execFileSync('git', ['init', '-q', dir], { env: { PATH: process.env.PATH } });
      const homeRel = `homes/${s.name}`;
      const inv = agentInvocation(profile, { entry: `/tool/${bin.entry}`, node: bin.node, home: `${BOX_ROOT}/${homeRel}`, port: AGENT_MODEL_PORT });
      for (const [f, text] of Object.entries(inv.files)) {
        const abs = path.join(box, homeRel, f);
        mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
        writeFileSync(abs, text, { mode: 0o600 });
      }
      mkdirSync(path.join(box, homeRel), { recursive: true });
      runs.push({ name: s.name, project: s.name, argv: inv.argv, env: inv.env });
    }
    const results = await runAgentsInSandbox({ tool: bin.root, work, runs, timeoutMs: o.timeoutMs ?? 180_000 });
    for (const r of results) o.onRequests?.(r.name, r.requests);
    return sides.map((s) => {
      const r = results.find((x) => x.name === s.name);
      const agents = s.snapshot.agents ?? [];
      const i = agents.findIndex((a) => a.agent.id === spec.id);
      if (i < 0) throw new Error(`${profile.name} was not analyzed on ${s.name}`);
      let measured: AgentMeasurement;
      // The session's own request: the largest (a title generator or a router's request is smaller).
      const session = r?.requests
        .filter((q) => /\/(responses|chat\/completions|messages)$|:streamGenerateContent/.test(q.url))
        .sort((a, b) => b.body.length - a.body.length)[0];
      if (!r || !session) {
        measured = {
          version: bin.version,
          error: `${profile.name} ${bin.version} sent no model request (exit ${r?.exitCode ?? 'none'}): ${(r?.output ?? '').trim().split('\n').slice(-3).join(' ').slice(0, 400)}`,
          drift: [],
        };
      } else {
        const facts = extractAgentFacts(
          spec.id,
          bin.version,
          JSON.parse(session.body),
          candidateTexts(path.join(box, s.name)),
          profile.listing.bundled,
          `${BOX_ROOT}/${s.name}`,
        );
        o.onFacts?.(s.name, facts);
        measured = {
          version: bin.version,
          instructions: facts.instructions.map((f) => ({ file: f.file, ...(f.keptChars !== undefined ? { keptChars: f.keptChars } : {}) })),
          skills: facts.skills.length,
          nameOnly: facts.skills.filter((x) => !x.described).map((x) => x.name),
          agents: facts.agents.length,
          requestChars: facts.requestChars ?? session.body.length,
          drift: compareAgentFacts(predictAgentFacts(agents[i]!), facts, { unordered: profile.listing.filesystemOrder }),
        };
      }
      const next = [...agents];
      next[i] = { ...agents[i]!, measured };
      return { ...s.snapshot, agents: next };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
