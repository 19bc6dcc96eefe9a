/**
 * Other coding agents that read a Claude Code framework's files, each as a profile of facts measured
 * from its own binary (scripts/conformance/agents.mjs records them; test/conformance/agents.test.ts
 * holds the analyzer to the recordings). Facts only: paths, limits, formats' sizes, never an
 * agent's own prompt text.
 */

export type AgentId = 'copilot' | 'codex' | 'gemini' | 'opencode' | 'qwen' | 'pi';
export const AGENT_IDS: readonly AgentId[] = ['copilot', 'codex', 'gemini', 'opencode', 'qwen', 'pi'];

export interface InstructionSource {
  /** Candidate names at the repository root; the first that exists is read (Codex: AGENTS.override.md before AGENTS.md). */
  names: string[];
  /** Bytes kept of the file; the rest is dropped without a word. */
  maxBytes?: number;
  /**
   * `@path` tokens are read too, Copilot's way: anywhere in prose (HTML comments included; not in
   * code), relative to the file, no `\ ` escapes or `#fragments`, recursively, each file once.
   */
  imports: boolean;
}

export interface ListingShape {
  /** Characters of one entry around its name and description (the agent's own markup). */
  entryOverhead: number;
  /** Characters the entries may take together; past it entries are listed by name only. Absent: no budget. */
  budgetChars?: number;
  /** Descriptions longer than this make the skill invalid: it is not listed at all. */
  descriptionMaxChars?: number;
  /** Characters the agent's own bundled entries take, listed after the project's skills (and before commands). */
  bundledChars: number;
  /** Names of the agent's own bundled entries. */
  bundled: string[];
  /** The agent escapes these as XML entities in descriptions (their length counts). */
  xmlEscape: boolean;
  /**
   * Front matter that strict YAML rejects makes the agent drop the skill (Claude Code reads it after
   * quoting values). `quoted`: dropped only when a quoted value is broken (text after its closing
   * quote); an unquoted value with colons (`description: a: b`) is read (Codex, opencode).
   */
  strictYaml: boolean | 'quoted';
  /**
   * The listed lines (the agent's bundled entries included, one per line) are kept within this many
   * characters by cutting every description to one common length, the largest that fits (Codex:
   * 40,000; measured with 40 to 200 skills of 1,007 characters: descriptions cut to 926, 450, 292
   * and 162, and the list 39,994 to 39,997 characters each time).
   */
  fitChars?: number;
  /** The bundled entries' lines: characters around the description, and the description's length (for fitChars). */
  bundledLines?: { overhead: number; description: number }[];
  /** A skill needs a `description` to be listed (its name may come from its folder). */
  requireDescription?: boolean;
  /** A skill needs a front matter `name` and `description` to be listed (opencode); otherwise the folder name and an empty description do. */
  requireNameAndDescription?: boolean;
  /** Whitespace in a front matter name is listed as hyphens (Copilot). */
  hyphenateNames?: boolean;
  /** `disable-model-invocation: true` keeps a skill out of the listing (Copilot; opencode ignores it). */
  hideModelDisabled?: boolean;
  /** Listing order: by code point (default) or case-insensitively (opencode). */
  caseInsensitiveOrder?: boolean;
  /**
   * Entries come in the order the file system lists the folders (Gemini CLI: no sort), which no
   * analysis of a git tree can know: the entries are held to the binary, not their order.
   */
  filesystemOrder?: boolean;
}

export interface AgentProfile {
  id: AgentId;
  name: string;
  /** The npm package that holds its binary for this platform, and the version measured. */
  npm: { package: string; platformPackage: string; version: string; bin: string };
  instructions: InstructionSource[];
  /** Rule folders (recursive `*.md`) read whole at start, front matter included, unless their `paths` is other than "**". */
  rulesDirs: string[];
  /** Path-scoped instruction files: those whose front matter `applyTo` is "**" are read whole at start (front matter included). */
  scopedInstructions?: { dir: string; suffix: string };
  /** Folders of `<name>/SKILL.md` skills, merged and listed by name. */
  skillDirs: string[];
  /** Folders whose top-level `*.md` are listed as skills after the bundled ones (Copilot reads Claude Code's commands). */
  commandDirs: string[];
  /** Folders of agents (`*.md`, recursive) it lists; agents without a description are left out, same names are all listed. */
  agentDirs: string[];
  listing: ListingShape;
  /** Characters of its own prompt and tool definitions with an empty repository (the fixed overhead). */
  overheadChars: number;
  /** Files another agent reads that say this agent may be in use (for the "which agents read this" note). */
  signals: string[];
  /** What the agent sends at start that the profile does not count, said in the report. */
  notCounted?: string;
}

/** GitHub Copilot CLI 1.0.102, measured 2026-12-06 (COPILOT_OFFLINE against a loopback fake). */
export const COPILOT: AgentProfile = {
  id: 'copilot',
  name: 'GitHub Copilot CLI',
  npm: { package: '@github/copilot', platformPackage: '@github/copilot-linux-x64', version: '1.0.102', bin: 'copilot' },
  instructions: [
    { names: ['.github/copilot-instructions.md'], imports: false },
    { names: ['AGENTS.md'], imports: true },
    { names: ['CLAUDE.md'], imports: true },
    { names: ['GEMINI.md'], imports: false },
  ],
  rulesDirs: ['.claude/rules'],
  scopedInstructions: { dir: '.github/instructions', suffix: '.instructions.md' },
  skillDirs: ['.github/skills', '.agents/skills', '.claude/skills'],
  commandDirs: ['.claude/commands'],
  agentDirs: ['.github/agents', '.claude/agents'],
  listing: {
    // `<skill>\n  <name>N</name>\n  <description>D</description>\n  <location>project</location>\n</skill>\n`
    entryOverhead: 94,
    budgetChars: 15_000,
    descriptionMaxChars: 1024,
    bundledChars: 769,
    bundled: ['customize-cloud-agent', 'github-pr-media'],
    xmlEscape: true,
    strictYaml: true,
    hyphenateNames: true,
    hideModelDisabled: true,
  },
  overheadChars: 43_594,
  signals: ['.github/copilot-instructions.md', '.github/instructions', '.github/skills', '.github/agents'],
};

/** OpenAI Codex 0.171.0, measured 2026-12-06 (`codex exec` against a loopback Responses fake). */
export const CODEX: AgentProfile = {
  id: 'codex',
  name: 'OpenAI Codex',
  npm: { package: '@openai/codex', platformPackage: '@openai/codex@0.171.0-linux-x64', version: '0.171.0', bin: 'vendor/x86_64-unknown-linux-musl/bin/codex' },
  instructions: [{ names: ['AGENTS.override.md', 'AGENTS.md'], maxBytes: 32 * 1024, imports: false }],
  rulesDirs: [],
  skillDirs: ['.codex/skills', '.agents/skills'],
  commandDirs: [],
  agentDirs: [],
  listing: {
    // `- name: description (file: rN/name/SKILL.md)`
    entryOverhead: 25,
    bundledChars: 1_767,
    bundled: ['imagegen', 'openai-docs', 'skill-creator', 'skill-installer'],
    fitChars: 40_000,
    bundledLines: [
      { overhead: 41, description: 570 },
      { overhead: 47, description: 624 },
      { overhead: 51, description: 106 },
      { overhead: 55, description: 225 },
    ],
    xmlEscape: false,
    strictYaml: 'quoted',
    requireDescription: true,
  },
  overheadChars: 55_536,
  signals: ['AGENTS.md', 'AGENTS.override.md', '.codex', '.agents/skills'],
};

/** Qwen Code 0.24.4, measured 2026-12-06 (`qwen -p` against a loopback Chat Completions fake). */
export const QWEN: AgentProfile = {
  id: 'qwen',
  name: 'Qwen Code',
  npm: { package: '@qwen-code/qwen-code', platformPackage: '@qwen-code/qwen-code', version: '0.24.4', bin: 'cli-entry.js' },
  instructions: [
    { names: ['QWEN.md'], imports: true },
    { names: ['AGENTS.md'], imports: true },
  ],
  rulesDirs: [],
  skillDirs: ['.qwen/skills', '.agents/skills'],
  commandDirs: [],
  agentDirs: [],
  listing: {
    entryOverhead: 80,
    bundledChars: 0,
    bundled: [],
    xmlEscape: false,
    // Lenient: a skill whose front matter strict YAML rejects is still listed.
    strictYaml: false,
    requireNameAndDescription: true,
  },
  overheadChars: 58_900,
  signals: ['QWEN.md', '.qwen'],
};

/**
 * Gemini CLI 0.61.0, measured 2026-12-06 (`gemini -p` against a loopback Gemini API fake; its model
 * router's JSON request answered by the schema). It also sends a directory tree of up to 200 entries
 * of the repository, which this profile does not count (see `notCounted`).
 */
export const GEMINI: AgentProfile = {
  id: 'gemini',
  name: 'Gemini CLI',
  npm: { package: '@google/gemini-cli', platformPackage: '@google/gemini-cli', version: '0.61.0', bin: 'bundle/gemini.js' },
  instructions: [{ names: ['GEMINI.md'], imports: true }],
  rulesDirs: [],
  skillDirs: ['.gemini/skills', '.agents/skills'],
  commandDirs: [],
  agentDirs: [],
  listing: {
    entryOverhead: 80,
    bundledChars: 0,
    bundled: [],
    xmlEscape: false,
    // Lenient: a skill whose front matter strict YAML rejects is still listed; one without a name or description is not.
    strictYaml: false,
    requireNameAndDescription: true,
    filesystemOrder: true,
  },
  overheadChars: 37_900,
  signals: ['GEMINI.md', '.gemini'],
  notCounted: 'a directory tree of up to 200 entries of the repository (its layout costs context too)',
};

/** opencode 1.18.33, measured 2026-12-06 (`opencode run --pure` against a loopback Anthropic Messages fake). */
export const OPENCODE: AgentProfile = {
  id: 'opencode',
  name: 'opencode',
  npm: { package: 'opencode-ai', platformPackage: 'opencode-linux-x64', version: '1.18.33', bin: 'bin/opencode' },
  instructions: [{ names: ['AGENTS.md', 'CLAUDE.md'], imports: false }],
  rulesDirs: [],
  skillDirs: ['.opencode/skill', '.opencode/skills', '.agents/skills', '.claude/skills'],
  commandDirs: [],
  agentDirs: [],
  listing: {
    entryOverhead: 80,
    bundledChars: 0,
    bundled: ['customize-opencode'],
    xmlEscape: false,
    strictYaml: 'quoted',
    requireNameAndDescription: true,
    caseInsensitiveOrder: true,
  },
  overheadChars: 27_160,
  signals: ['.opencode', 'opencode.json'],
};

/** pi 0.73.1, measured 2026-12-06 (`pi -p --offline` against a loopback Anthropic Messages fake). */
export const PI: AgentProfile = {
  id: 'pi',
  name: 'pi',
  // A JavaScript package with dependencies: installed (scripts off), not just unpacked.
  npm: { package: '@mariozechner/pi-coding-agent', platformPackage: '@mariozechner/pi-coding-agent', version: '0.73.1', bin: 'dist/cli.js' },
  instructions: [{ names: ['AGENTS.md', 'CLAUDE.md'], imports: false }],
  rulesDirs: [],
  skillDirs: ['.agents/skills'],
  commandDirs: [],
  agentDirs: [],
  listing: { entryOverhead: 80, bundledChars: 0, bundled: [], xmlEscape: false, strictYaml: true, requireDescription: true },
  overheadChars: 4_354,
  signals: ['.pi'],
};

export const AGENT_PROFILES: Record<AgentId, AgentProfile> = { copilot: COPILOT, codex: CODEX, gemini: GEMINI, opencode: OPENCODE, qwen: QWEN, pi: PI };

export function isAgentId(s: string): s is AgentId {
  return (AGENT_IDS as readonly string[]).includes(s);
}
