export const id = 713;
export const ids = [713];
export const modules = {

/***/ 98713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/collect/git.ts


/** Runs git with arguments only (never a shell), returning stdout as a Buffer. */
function git_git(cwd, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
        const out = [];
        const err = [];
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => err.push(d));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code === 0)
                resolve(Buffer.concat(out));
            else
                reject(new GitError(args, code ?? -1, Buffer.concat(err).toString('utf8').trim()));
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(input ?? '');
    });
}
class GitError extends Error {
    args;
    code;
    stderr;
    constructor(args, code, stderr) {
        super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.split('\n')[0] ?? ''}`);
        this.args = args;
        this.code = code;
        this.stderr = stderr;
        this.name = 'GitError';
    }
}
/** Git blob hash of content, as `git hash-object` computes it. */
function git_blobSha(data) {
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}
async function resolveCommit(repo, ref) {
    if (ref.startsWith('-'))
        throw new Error(`Invalid revision "${ref}": must not start with "-"`);
    if (/[\0\n\r]/.test(ref))
        throw new Error(`Invalid revision ${JSON.stringify(ref)}: a line break or NUL in it`);
    // Asked of the repository's cat-file process (the name is read as `git rev-parse` reads it; the
    // commit object's header gives its SHA): no process of its own.
    let got;
    try {
        got = await catFileBatch(repo, [`${ref}^{commit}`]);
    }
    catch (e) {
        throw new Error(`Unknown revision "${ref}" in ${repo}: ${e.message}`);
    }
    const [sha] = got.keys();
    if (!sha)
        throw new Error(`Unknown revision "${ref}" in ${repo}: no such commit`);
    return sha;
}
/** Parses `git ls-tree -r -l -z` output. */
function parseLsTree(out) {
    const entries = [];
    for (const rec of out.toString('utf8').split('\0')) {
        if (!rec)
            continue;
        const tab = rec.indexOf('\t');
        const [mode, type, sha, size] = rec.slice(0, tab).split(/ +/);
        const path = rec.slice(tab + 1);
        if (type === 'commit')
            entries.push({ path, type: 'submodule', size: 0, sha });
        else if (type === 'blob')
            entries.push({ path, type: mode === '120000' ? 'symlink' : 'file', size: Number(size) || 0, sha });
    }
    return entries;
}
/** How long an idle `git cat-file --batch` process is kept for the next read of its repository. */
const CAT_FILE_IDLE_MS = 1000;
/**
 * One `git cat-file --batch` process per repository, asked one batch of SHAs at a time (both sides
 * of a diff and every planning round share it: one process start instead of one per read). Streamed:
 * each blob is copied into a buffer of its own as its bytes arrive, so a read holds its blobs and one
 * pipe chunk, never git's whole output twice over. The process never keeps Node alive: its handles
 * are held only while a read waits, and it is closed after CAT_FILE_IDLE_MS without one.
 */
class CatFile {
    repo;
    child = null;
    queue = Promise.resolve();
    pending = null;
    idle = null;
    err = [];
    header = [];
    blob = null;
    separator = false;
    constructor(repo) {
        this.repo = repo;
    }
    read(shas) {
        const unique = [...new Set(shas)];
        if (unique.length === 0)
            return Promise.resolve(new Map());
        const run = this.queue.then(() => this.request(unique));
        this.queue = run.catch(() => undefined);
        return run;
    }
    request(shas) {
        if (this.idle)
            clearTimeout(this.idle);
        const child = this.child ?? this.start();
        return new Promise((resolve, reject) => {
            this.pending = { want: shas.length, done: 0, result: new Map(), resolve, reject };
            this.hold(true);
            child.stdin.write(shas.join('\n') + '\n');
        });
    }
    start() {
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], { cwd: this.repo, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
        this.child = child;
        this.err = [];
        this.header = [];
        this.blob = null;
        this.separator = false;
        // Events of a process closed for idleness (a new one may serve by then) are not this reader's.
        child.stdout.on('data', (chunk) => {
            if (this.child === child)
                this.parse(chunk);
        });
        child.stderr.on('data', (d) => {
            if (this.child === child)
                this.err.push(d);
        });
        child.stdin.on('error', () => undefined);
        const fail = (e) => {
            if (this.child !== child)
                return;
            this.child = null;
            const p = this.pending;
            this.pending = null;
            p?.reject(e);
        };
        child.on('error', fail);
        child.on('close', (code) => fail(new GitError(['cat-file', '--batch'], code ?? -1, Buffer.concat(this.err).toString('utf8').trim() || 'closed early')));
        return child;
    }
    /** Holds Node alive while a read waits for git, and lets it go between reads. */
    hold(on) {
        const c = this.child;
        if (!c)
            return;
        for (const h of [c, c.stdin, c.stdout, c.stderr]) {
            if (on)
                h.ref();
            else
                h.unref();
        }
    }
    record() {
        const p = this.pending;
        if (!p || ++p.done < p.want)
            return;
        this.pending = null;
        this.hold(false);
        this.idle = setTimeout(() => this.close(), CAT_FILE_IDLE_MS);
        this.idle.unref();
        p.resolve(p.result);
    }
    close() {
        const c = this.child;
        if (!c || this.pending)
            return;
        this.child = null;
        c.stdin.end();
    }
    parse(chunk) {
        let pos = 0;
        while (pos < chunk.length) {
            if (this.blob) {
                const blob = this.blob;
                const n = Math.min(blob.data.length - blob.filled, chunk.length - pos);
                chunk.copy(blob.data, blob.filled, pos, pos + n);
                blob.filled += n;
                pos += n;
                if (blob.filled === blob.data.length) {
                    this.blob = null;
                    this.separator = true;
                    this.pending?.result.set(blob.sha, blob.data);
                    this.record();
                }
                continue;
            }
            if (this.separator) {
                pos++; // the newline after each blob's content
                this.separator = false;
                continue;
            }
            const nl = chunk.indexOf(10, pos);
            if (nl < 0) {
                this.header.push(chunk.subarray(pos));
                break;
            }
            this.header.push(chunk.subarray(pos, nl));
            const line = Buffer.concat(this.header).toString('latin1');
            this.header = [];
            pos = nl + 1;
            const [sha, type, sizeText] = line.split(' ');
            if (type === 'missing' || sizeText === undefined || sha === undefined) {
                this.record();
                continue;
            }
            const size = Number(sizeText);
            this.blob = { sha, data: Buffer.allocUnsafeSlow(size), filled: 0 };
            if (size === 0) {
                this.blob = null;
                this.separator = true;
                this.pending?.result.set(sha, Buffer.alloc(0));
                this.record();
            }
        }
    }
}
const catFiles = new Map();
/** Reads blobs by SHA through the repository's `git cat-file --batch` process (CatFile); missing ones are absent from the result. */
function catFileBatch(repo, shas) {
    let c = catFiles.get(repo);
    if (!c)
        catFiles.set(repo, (c = new CatFile(repo)));
    return c.read(shas);
}
/** Bytes of blobs asked of one `git cat-file --batch` (a bound on one read's blobs in memory at once). */
const READ_BATCH_BYTES = 32 * 1024 * 1024;
/** Longest symlink target read (PATH_MAX). */
const MAX_LINK_TARGET = 4096;
/** A commit of a repository, read from git objects only: no checkout, no worktree, nothing executed. */
async function git_gitSource(repo, ref) {
    const commit = await resolveCommit(repo, ref);
    let listing;
    const list = async () => {
        if (listing)
            return listing;
        const entries = parseLsTree(await git_git(repo, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]));
        // A link target is a path: one longer than PATH_MAX is not read (a "symlink" blob can be 400 MB).
        const links = entries.filter((e) => e.type === 'symlink' && e.size <= MAX_LINK_TARGET);
        const targets = await catFileBatch(repo, links.map((l) => l.sha));
        listing = entries.map((e) => e.type !== 'symlink'
            ? e
            : e.size > MAX_LINK_TARGET
                ? { ...e, type: 'unreadable', problem: `symlink target of ${e.size} bytes is not a path: not read` }
                : { ...e, linkTarget: targets.get(e.sha)?.toString('utf8') ?? '' });
        return listing;
    };
    return {
        kind: 'git',
        root: repo,
        ref,
        commit,
        list,
        async read(paths) {
            const byPath = new Map((await list()).map((e) => [e.path, e]));
            const wanted = paths.map((p) => byPath.get(p)).filter((e) => !!e && e.type === 'file');
            const out = new Map();
            // In batches of at most READ_BATCH_BYTES: git's output is buffered, so a batch bounds that buffer.
            for (let i = 0; i < wanted.length;) {
                let bytes = 0;
                let j = i;
                while (j < wanted.length && (j === i || bytes + wanted[j].size <= READ_BATCH_BYTES))
                    bytes += wanted[j++].size;
                const batch = wanted.slice(i, j);
                const blobs = await catFileBatch(repo, batch.map((e) => e.sha));
                for (const e of batch) {
                    const data = blobs.get(e.sha);
                    if (data)
                        out.set(e.path, { sha: e.sha, data });
                }
                i = j;
            }
            return out;
        },
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/errors.ts
/** A mistake the user can fix (bad input, config, revision): shown without a stack trace. */
class errors_UserError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UserError';
    }
}
function errors_errorMessage(e) {
    if (e instanceof Error)
        return e.message;
    return typeof e === 'string' ? e : JSON.stringify(e);
}

;// CONCATENATED MODULE: ./src/model/claude-code-profile.json
const claude_code_profile_namespaceObject = /*#__PURE__*/JSON.parse('{"rE":"2.1.332","$I":"claude-opus-5-5","Jn":{"claude-opus-5-5":{"bundled":[{"name":"dataviz","chars":1447,"competes":false},{"name":"update-config","chars":707,"competes":false},{"name":"keybindings-help","chars":248,"competes":false},{"name":"code-review","chars":850,"competes":false},{"name":"simplify","chars":188,"competes":false},{"name":"fewer-permission-prompts","chars":191,"competes":false},{"name":"loop","chars":344,"competes":false},{"name":"claude-api","chars":1169,"competes":false},{"name":"workflow-authoring","chars":252,"competes":false},{"name":"run","chars":368,"competes":false},{"name":"plugin-authoring","chars":275,"competes":false},{"name":"init","chars":67,"competes":true},{"name":"security-review","chars":90,"competes":true}],"builtinAgents":["claude","Explore","general-purpose","Plan","statusline-setup"]},"claude-sonnet-4-6":{"bundled":[{"name":"dataviz","chars":1447,"competes":false},{"name":"update-config","chars":707,"competes":false},{"name":"keybindings-help","chars":248,"competes":false},{"name":"code-review","chars":850,"competes":false},{"name":"simplify","chars":188,"competes":false},{"name":"fewer-permission-prompts","chars":191,"competes":false},{"name":"loop","chars":344,"competes":false},{"name":"claude-api","chars":1169,"competes":false},{"name":"workflow-authoring","chars":252,"competes":false},{"name":"run","chars":368,"competes":false},{"name":"plugin-authoring","chars":275,"competes":false},{"name":"init","chars":67,"competes":true},{"name":"security-review","chars":90,"competes":true}],"builtinAgents":["claude","Explore","general-purpose","Plan","statusline-setup"]}}}');
;// CONCATENATED MODULE: ./src/model/profiles.ts
/**
 * Model profiles of the pinned Claude Code release, measured from the binary by the conformance
 * recorder (`npm run conformance:record` writes claude-code-profile.json): the default model, and
 * per model its context window, characters per token, Claude Code's own listing entries (which share
 * the skill-listing budget with the framework's) and built-in agent types.
 */

const PROFILE_VERSION = claude_code_profile_namespaceObject.rE;
/** The model Claude Code picks for an API-key user who passes no --model. */
const CLAUDE_CODE_DEFAULT_MODEL = claude_code_profile_namespaceObject.$I;
/** Models whose listing Claude Code sizes at 4 characters per token (all newer ones: 3). Read from 2.1.332. */
const FOUR_CHARS_PER_TOKEN = new Set([
    'claude-3-opus',
    'claude-3-sonnet',
    'claude-3-haiku',
    'claude-3-5-sonnet',
    'claude-3-5-haiku',
    'claude-3-7-sonnet',
    'claude-opus-4-0',
    'claude-opus-4-1',
    'claude-opus-4-5',
    'claude-opus-4-6',
    'claude-sonnet-4-0',
    'claude-sonnet-4-5',
    'claude-sonnet-4-6',
    'claude-haiku-4-5',
]);
/**
 * Claude Code's aliases and what they picked in 2.1.332 (measured: the request's `model` with each
 * in `.claude/settings.json`, print mode).
 */
const MODEL_ALIASES = {
    opus: 'claude-opus-5-5',
    sonnet: 'claude-sonnet-5-5',
    haiku: 'claude-haiku-5-5',
    opusplan: 'claude-sonnet-5-5',
};
/** Model ids of Claude's families that Claude Code sizes by the rules below (a new release of a family is one of them). */
const CLAUDE_FAMILY = /^claude-(opus|sonnet|haiku)-\d+(-\d+)?$/;
const measured = claude_code_profile_namespaceObject.Jn;
/** A model id as Claude Code resolves it: an alias to its model (a `[1m]` suffix kept). */
function resolveModelId(id) {
    const oneM = /\[1m\]$/i.test(id);
    const base = id.replace(/\[1m\]$/i, '');
    const alias = MODEL_ALIASES[base.toLowerCase()];
    return alias ? alias + (oneM ? '[1m]' : '') : id;
}
function familyOf(id) {
    return resolveModelId(id)
        .replace(/\[1m\]$/i, '')
        .toLowerCase()
        .replace(/-\d{8}$/, '')
        .replace(/[._]/g, '-');
}
/** Whether Claude Code 2.1.332 knows the model: measured, an alias, one of Claude's families, or a listed older model. */
function isKnownModel(id) {
    const f = familyOf(id);
    return f in measured || FOUR_CHARS_PER_TOKEN.has(f) || CLAUDE_FAMILY.test(f);
}
/**
 * The profile of a model id (`claude-sonnet-4-6`, `claude-sonnet-4-6[1m]`, `opus`). Measured with
 * 2.1.332: the older models listed above are sized at a 200K window and 4 characters per token (1M
 * with `[1m]`); every other model, an unknown one included, at 1M and 3 (a 30,000-character listing
 * budget). Unmeasured models take the default model's bundled entries.
 */
function modelProfile(id = CLAUDE_CODE_DEFAULT_MODEL) {
    const oneM = /\[1m\]$/i.test(id);
    const resolved = resolveModelId(id);
    const base = resolved.replace(/\[1m\]$/i, '').toLowerCase();
    const family = familyOf(id);
    const older = FOUR_CHARS_PER_TOKEN.has(family);
    const m = measured[base] ?? measured[CLAUDE_CODE_DEFAULT_MODEL];
    return {
        id: resolved,
        contextWindow: oneM || !older ? 1_000_000 : 200_000,
        charsPerToken: FOUR_CHARS_PER_TOKEN.has(family) ? 4 : 3,
        bundled: m.bundled,
        builtinAgents: m.builtinAgents,
    };
}
/** What an error about an unknown model lists. */
function knownModels() {
    return [...new Set([...Object.keys(measured), ...Object.keys(MODEL_ALIASES), ...FOUR_CHARS_PER_TOKEN])];
}

;// CONCATENATED MODULE: ./src/model/constants.ts

const defaultProfile = modelProfile();
const DEFAULT_MODEL = {
    claudeCodeVersion: PROFILE_VERSION,
    id: defaultProfile.id,
    contextWindow: defaultProfile.contextWindow,
    charsPerToken: defaultProfile.charsPerToken,
    skillListingBudgetFraction: 0.01,
    skillListingBudgetOverride: null,
    skillListingMaxDescChars: 1_536,
    bundledEntries: defaultProfile.bundled,
    agentListingWarnTokens: 15_000,
    memoryFileMinWarnChars: 40_000,
    memoryFileWindowShare: 0.05,
    memoryTotalMinWarnChars: 120_000,
    memoryFileMaxBytes: 4 * 1024 * 1024,
    importMaxDepth: 5,
    derivedDescriptionMaxChars: 100,
    skillNameMaxChars: 64,
    skillAliasMaxChars: 256,
    skillDescriptionSpecMaxChars: 1_024,
    workflowMaxBytes: 512 * 1024,
    instructionFiles: 'claude-md-or-agents-md',
};
/** The loading model for a model id: its measured profile over the defaults. */
function constants_modelFor(id, base = DEFAULT_MODEL) {
    const p = modelProfile(id);
    return { ...base, id: p.id, contextWindow: p.contextWindow, charsPerToken: p.charsPerToken, bundledEntries: p.bundled };
}
/**
 * The model sessions of this project get: the settings' `model` unless the config chose one
 * explicitly, and the settings' listing keys over Claude Code's constants.
 */
function withSettings(m, s) {
    let out = m;
    if (s.model && m.idFrom !== 'config' && s.model.id !== m.id)
        out = { ...constants_modelFor(s.model.id, m), idFrom: s.model.file };
    const keys = ['skillListingBudgetFraction', 'skillListingMaxDescChars', 'skillListingBudgetOverride'];
    for (const k of keys)
        if (s[k] !== undefined && s[k] !== out[k])
            out = { ...out, [k]: s[k] };
    return out;
}
function skillListingBudget(m) {
    if (m.skillListingBudgetOverride != null)
        return m.skillListingBudgetOverride;
    return Math.max(1, Math.floor(m.contextWindow * m.charsPerToken * m.skillListingBudgetFraction));
}
function memoryFileWarnChars(m) {
    return Math.max(m.memoryFileMinWarnChars, Math.round(m.contextWindow * m.memoryFileWindowShare * m.charsPerToken));
}
function memoryTotalWarnChars(m) {
    return Math.max(m.memoryTotalMinWarnChars, memoryFileWarnChars(m));
}
/**
 * Extensions Claude Code follows in @imports (text-like files); files with no extension are
 * followed too. Anything else (images, archives) is skipped.
 */
const IMPORTABLE_EXTENSIONS = new Set(('md mdx markdown txt text rst adoc json jsonc json5 yaml yml toml xml csv tsv html htm css scss sass less ' +
    'js mjs cjs jsx ts mts cts tsx py pyi rb go rs java kt kts scala swift m mm c h cc cpp cxx hpp hh cs fs ' +
    'php pl pm lua r sql sh bash zsh fish ps1 bat cmd diff patch ini cfg conf env properties gradle ' +
    'graphql gql proto vue svelte astro elm ex exs erl hrl clj cljs dart hs ml mli nim zig tf hcl ' +
    'dockerfile makefile cmake log lock mdc prisma sol vb').split(' '));
/**
 * The run's own guards. A config file can tighten them but never relax them past these values: on a
 * pull request the config may come from the head, which whoever opened it wrote.
 */
const DEFAULT_LIMITS = {
    maxFileBytes: 8 * 1024 * 1024,
    maxFiles: 50_000,
    maxFrontmatterBytes: 256 * 1024,
    maxSymlinkHops: 40,
    maxSymlinkExpansion: 100_000,
    maxTotalBytes: 256 * 1024 * 1024,
    maxSeconds: 120,
};
/** Below this median (ms) on both sides, load-time ratios are noise: budgets pass them, reports say so. */
const LOAD_TIME_FLOOR_MS = 5;
function loadTimeTooFast(lt) {
    return Math.max(lt.baseMedianMs, lt.headMedianMs) < LOAD_TIME_FLOOR_MS;
}

;// CONCATENATED MODULE: ./src/model/budgets.ts
/** Metrics an assertion can bound. Scoped metrics accept every scope; the rest only `total`. */
const SCOPED_METRICS = ['eagerTokens', 'onDemandTokens'];
/** Metrics of another agent (scope `agent:<id>`, required): what it loads, drops and lists by name only. */
const AGENT_METRICS = ['agentEagerTokens', 'agentDroppedChars', 'agentListingNameOnly'];
const TOTAL_METRICS = [
    'worstInvocationTokens',
    'skillListingChars',
    'skillListingTruncated',
    'agentListingTokens',
    'memoryFileMaxChars',
    'memoryTotalChars',
    'importsPastDepthLimit',
    'maxDepth',
    'cycles',
    'unresolved',
    'invalidSkillNames',
    'errors',
    'unmeasured',
    'loadTimeRatio',
];
const METRICS = [...SCOPED_METRICS, ...TOTAL_METRICS, ...AGENT_METRICS];
function isAgentMetric(m) {
    return AGENT_METRICS.includes(m);
}
const METRIC_LABELS = {
    eagerTokens: 'Always-loaded tokens',
    onDemandTokens: 'On-demand tokens',
    worstInvocationTokens: 'Worst single invocation',
    skillListingChars: 'Skill listing characters',
    skillListingTruncated: 'Listing entries reduced to a bare name',
    agentListingTokens: 'Agent listing (tokens as Claude Code estimates them: characters / 4)',
    memoryFileMaxChars: 'Largest always-loaded memory file (chars)',
    memoryTotalChars: 'All instruction files (chars)',
    importsPastDepthLimit: 'Imports past the depth limit',
    maxDepth: 'Import depth',
    cycles: 'Import cycles',
    unresolved: 'Unresolved or external references',
    invalidSkillNames: 'Skill front matter names Claude Code ignores',
    errors: 'Error diagnostics',
    unmeasured: 'Not measured (unreadable, or a limit of the run reached)',
    loadTimeRatio: 'Load time (head / base)',
    agentEagerTokens: 'Tokens of the framework the agent loads at every start',
    agentDroppedChars: 'Instruction text the agent drops without a word (characters)',
    agentListingNameOnly: 'Skills the agent lists by name only (over its listing budget)',
};
const SCOPE_TYPES = ['total', 'category', 'unit', 'files', 'kind', 'agent'];
function scopeLabel(s) {
    return s.type === 'total' ? 'total' : `${s.type}:${s.value}`;
}

;// CONCATENATED MODULE: ./src/model/agents.ts
/**
 * Other coding agents that read a Claude Code framework's files, each as a profile of facts measured
 * from its own binary (scripts/conformance/agents.mjs records them; test/conformance/agents.test.ts
 * holds the analyzer to the recordings). Facts only: paths, limits, formats' sizes, never an
 * agent's own prompt text.
 */
const AGENT_IDS = ['copilot', 'codex', 'gemini', 'opencode', 'qwen', 'pi'];
/** GitHub Copilot CLI 1.0.102, measured 2026-12-06 (COPILOT_OFFLINE against a loopback fake). */
const COPILOT = {
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
const CODEX = {
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
const QWEN = {
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
const GEMINI = {
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
const OPENCODE = {
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
const PI = {
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
const agents_AGENT_PROFILES = { copilot: COPILOT, codex: CODEX, gemini: GEMINI, opencode: OPENCODE, qwen: QWEN, pi: PI };
function agents_isAgentId(s) {
    return AGENT_IDS.includes(s);
}

;// CONCATENATED MODULE: ./src/config/load.ts








const DEFAULT_CONFIG_PATHS = ['.github/context-budget.yml', '.github/context-budget.yaml', '.github/context-budget.json'];
/** A config mistake: names the file, the key and what was expected. */
class ConfigError extends errors_UserError {
    constructor(file, key, expected, got) {
        super(`${file}: ${key}: expected ${expected}${got !== undefined ? `, got ${describe(got)}` : ''}`);
        this.name = 'ConfigError';
    }
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
    return String(v);
}
/** The defaults that are right for everyone: Claude Code's own limits, plus a warning on any eager increase. */
/** Always-loaded growth (tokens) that the default eager-increase budget lets pass quietly. */
const EAGER_INCREASE_QUIET_TOKENS = 250;
function defaultAssertions() {
    const total = { type: 'total' };
    const a = (id, metric, operator, threshold, level, hardLimit = true, extra = {}) => ({
        id,
        metric,
        scope: total,
        operator,
        threshold,
        level,
        hardLimit,
        source: 'default',
        ...extra,
    });
    return [
        a('skill-listing-budget', 'skillListingTruncated', 'max', 0, 'error'),
        a('memory-file-size', 'memoryFileMaxChars', 'max', -1, 'error'),
        a('agent-listing-size', 'agentListingTokens', 'max', -1, 'error'),
        a('import-depth', 'importsPastDepthLimit', 'max', 0, 'error'),
        a('import-cycles', 'cycles', 'max', 0, 'error'),
        // Growth below this is reported but does not warn: about one paragraph of prose, 0.1% of a 200K
        // window. Smaller changes are routine edits; a budget in the config can make it stricter.
        a('eager-increase', 'eagerTokens', 'maxIncrease', EAGER_INCREASE_QUIET_TOKENS, 'warn', false),
        // A head that can't be fully measured (unreadable files, a limit of the run reached) can't pass.
        a('measurable', 'unmeasured', 'max', 0, 'error', false),
        // No timed budget by default: the same commits must give the same verdict. Timing is opt-in
        // (a loadTimeRatio budget) and then decides only when its interval clears the threshold.
    ];
}
/** Thresholds of -1 in the defaults follow the model (so overriding a model constant moves them). */
function resolveDefaults(assertions, model) {
    return assertions.map((x) => {
        if (x.threshold !== -1)
            return x;
        if (x.metric === 'agentListingTokens')
            return { ...x, threshold: model.agentListingWarnTokens };
        if (x.metric === 'memoryFileMaxChars')
            return { ...x, threshold: Math.max(model.memoryFileMinWarnChars, Math.round(model.contextWindow * model.memoryFileWindowShare * model.charsPerToken)) };
        return x;
    });
}
function findConfig(dir, explicit) {
    if (explicit) {
        const p = path.resolve(dir, explicit);
        if (!existsSync(p))
            throw new UserError(`Config file not found: ${explicit}`);
        return p;
    }
    for (const c of DEFAULT_CONFIG_PATHS)
        if (existsSync(path.join(dir, c)))
            return path.join(dir, c);
    return null;
}
function load_loadConfig(dir, explicit, overrides = {}) {
    const file = findConfig(dir, explicit);
    if (!file)
        return normalizeConfig({}, 'defaults', overrides);
    return parseConfigText(readFileSync(file, 'utf8'), path.relative(dir, file) || file, overrides);
}
function parseConfigText(text, file, overrides = {}) {
    let raw;
    if (file.endsWith('.json')) {
        try {
            raw = JSON.parse(text);
        }
        catch (e) {
            throw new errors_UserError(`${file}: invalid JSON: ${e.message}`);
        }
    }
    else {
        const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false });
        const err = doc.errors[0];
        if (err)
            throw new errors_UserError(`${file}:${err.linePos?.[0].line ?? 1}: invalid YAML: ${err.message.split('\n')[0]}`);
        raw = doc.toJS({ maxAliasCount: 50 });
    }
    return normalizeConfig(raw ?? {}, file, overrides);
}
const TOP_KEYS = ['$schema', 'model', 'limits', 'installedPlugins', 'listingScope', 'userScope', 'ignore', 'agents', 'budgets', 'defaults', 'minSaving'];
/** Ids of the defaults every enabled agent gets (one budget per agent: `<id>:<agent>`). */
const AGENT_DEFAULT_IDS = ['agent-instructions-cut', 'agent-listing'];
/** Where another agent silently drops text: its instruction cap, its listing budget. */
function agentDefaultAssertions(agents) {
    return agents.flatMap((id) => {
        const a = (name, metric) => ({
            id: `${name}:${id}`,
            metric,
            scope: { type: 'agent', value: id },
            operator: 'max',
            threshold: 0,
            level: 'error',
            hardLimit: true,
            source: 'default',
        });
        const p = agents_AGENT_PROFILES[id];
        return [
            ...(p.instructions.some((i) => i.maxBytes !== undefined) ? [a('agent-instructions-cut', 'agentDroppedChars')] : []),
            ...(p.listing.budgetChars !== undefined ? [a('agent-listing', 'agentListingNameOnly')] : []),
        ];
    });
}
/** A config with more agents turned on (--agent, the Action's `agents` input): each new one with its default budgets. */
function load_withAgentIds(config, ids) {
    const added = ids.filter((id) => !config.agents.includes(id));
    if (!added.length)
        return config;
    return { ...config, agents: [...config.agents, ...added], assertions: [...config.assertions, ...agentDefaultAssertions(added)] };
}
/** The `agents` key (or --agent): a list of agent ids, or "all". */
function load_parseAgents(v, file, key = 'agents') {
    if (v === undefined)
        return [];
    const list = v === 'all' ? [...AGENT_IDS] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
    const bad = list?.find((x) => !agents_isAgentId(x));
    if (!list || bad !== undefined)
        throw new ConfigError(file, key, `"all" or a list of ${AGENT_IDS.join(', ')}`, bad ?? v);
    return [...new Set(list)];
}
const BUDGET_KEYS = ['metric', 'scope', 'max', 'maxIncrease', 'maxIncreasePercent', 'level', 'noise'];
const LEVELS = ['off', 'warn', 'error'];
function normalizeConfig(raw, file, overrides = {}) {
    if (!isObject(raw))
        throw new ConfigError(file, '(top level)', 'a mapping', raw);
    for (const k of Object.keys(raw))
        if (!TOP_KEYS.includes(k))
            throw new ConfigError(file, k, `one of ${TOP_KEYS.join(', ')} (unknown key)`);
    let model = { ...DEFAULT_MODEL };
    const modelId = overrides.id ?? (isObject(raw.model) ? raw.model.id : undefined);
    if (modelId !== undefined) {
        if (typeof modelId !== 'string' || !/^[A-Za-z0-9._:-]+(\[1m\])?$/.test(modelId))
            throw new ConfigError(file, 'model.id', 'a model id such as claude-sonnet-4-6', modelId);
        // A typo or another vendor's model would be judged with a guessed budget: name the known ones,
        // or take an explicit window (Claude Code itself sizes an unknown model at 1M x 3).
        const explicit = overrides.contextWindow !== undefined || (isObject(raw.model) && raw.model.contextWindow !== undefined);
        if (!isKnownModel(modelId) && !explicit)
            throw new ConfigError(file, 'model.id', `a model Claude Code ${DEFAULT_MODEL.claudeCodeVersion} knows (${knownModels().join(', ')}, or a newer claude-opus|sonnet|haiku-N-N), or set model.contextWindow and model.charsPerToken for it`, modelId);
        model = { ...constants_modelFor(modelId), idFrom: 'config' };
    }
    if (raw.model !== undefined) {
        if (!isObject(raw.model))
            throw new ConfigError(file, 'model', 'a mapping of Claude Code constants', raw.model);
        for (const [k, v] of Object.entries(raw.model)) {
            if (k === 'id')
                continue;
            if (!Object.hasOwn(DEFAULT_MODEL, k) || k === 'bundledEntries' || k === 'claudeCodeVersion')
                throw new ConfigError(file, `model.${k}`, `one of id, ${Object.keys(DEFAULT_MODEL)
                    .filter((x) => x !== 'bundledEntries' && x !== 'claudeCodeVersion' && x !== 'id')
                    .join(', ')}`);
            const def = DEFAULT_MODEL[k];
            if (k === 'instructionFiles') {
                if (!['claude-md-or-agents-md', 'claude-md-and-agents-md', 'claude-md', 'managed-only'].includes(v))
                    throw new ConfigError(file, `model.${k}`, 'claude-md-or-agents-md, claude-md-and-agents-md, claude-md or managed-only', v);
            }
            else if (k === 'skillListingBudgetOverride') {
                if (v !== null && (typeof v !== 'number' || v < 0))
                    throw new ConfigError(file, `model.${k}`, 'a number >= 0 or null', v);
            }
            else if (typeof def === 'number' && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
                throw new ConfigError(file, `model.${k}`, 'a number >= 0', v);
            else if (typeof def === 'string' && typeof v !== 'string')
                throw new ConfigError(file, `model.${k}`, 'a string', v);
            model[k] = v;
        }
    }
    Object.assign(model, Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)));
    const limits = { ...DEFAULT_LIMITS };
    if (raw.limits !== undefined) {
        if (!isObject(raw.limits))
            throw new ConfigError(file, 'limits', 'a mapping', raw.limits);
        for (const [k, v] of Object.entries(raw.limits)) {
            if (!Object.hasOwn(DEFAULT_LIMITS, k))
                throw new ConfigError(file, `limits.${k}`, `one of ${Object.keys(DEFAULT_LIMITS).join(', ')}`);
            if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
                throw new ConfigError(file, `limits.${k}`, 'a positive integer', v);
            // Guards can be tightened, never relaxed: a pull request must not switch off what protects the run.
            const cap = DEFAULT_LIMITS[k];
            if (v > cap)
                throw new ConfigError(file, `limits.${k}`, `at most ${cap} (limits protect the run and can only be lowered)`, v);
            limits[k] = v;
        }
    }
    let installedPlugins = 'all';
    if (raw.installedPlugins !== undefined) {
        const v = raw.installedPlugins;
        if (v === 'all' || v === 'none')
            installedPlugins = v;
        else if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
            installedPlugins = v;
        else
            throw new ConfigError(file, 'installedPlugins', '"all", "none" or a list of plugin names', v);
    }
    if (raw.userScope !== undefined && (typeof raw.userScope !== 'string' || raw.userScope.trim() === ''))
        throw new ConfigError(file, 'userScope', 'a folder of the repository (installed as ~/.claude)', raw.userScope);
    const ignore = raw.ignore === undefined ? [] : raw.ignore;
    if (!Array.isArray(ignore) || !ignore.every((g) => typeof g === 'string' && g.trim() !== ''))
        throw new ConfigError(file, 'ignore', 'a list of globs (paths that are content, not framework, e.g. "templates/**")', raw.ignore);
    const listingScope = raw.listingScope === undefined ? 'auto' : raw.listingScope;
    if (!['auto', 'installed', 'per-plugin'].includes(listingScope))
        throw new ConfigError(file, 'listingScope', 'auto, installed or per-plugin', listingScope);
    const minSaving = raw.minSaving === undefined ? 50 : raw.minSaving;
    if (typeof minSaving !== 'number' || minSaving < 0)
        throw new ConfigError(file, 'minSaving', 'a number >= 0', minSaving);
    const agents = load_parseAgents(raw.agents, file);
    let assertions = [];
    const defaults = raw.defaults === undefined ? true : raw.defaults;
    if (defaults === true)
        assertions = [...defaultAssertions(), ...agentDefaultAssertions(agents)];
    else if (isObject(defaults)) {
        // defaults: { skill-listing-budget: warn, eager-increase: off, ... }
        const ids = [...defaultAssertions().map((a) => a.id), ...AGENT_DEFAULT_IDS];
        assertions = [...defaultAssertions(), ...agentDefaultAssertions(agents)].map((a) => {
            const lv = defaults[a.id.split(':')[0]];
            if (lv === undefined)
                return a;
            if (!LEVELS.includes(lv))
                throw new ConfigError(file, `defaults.${a.id}`, 'off, warn or error', lv);
            return { ...a, level: lv };
        });
        for (const k of Object.keys(defaults))
            if (!ids.includes(k))
                throw new ConfigError(file, `defaults.${k}`, `one of ${ids.join(', ')}`);
    }
    else if (defaults !== false)
        throw new ConfigError(file, 'defaults', 'true, false, or a mapping of default id to off|warn|error', defaults);
    if (raw.budgets !== undefined) {
        if (!Array.isArray(raw.budgets))
            throw new ConfigError(file, 'budgets', 'a list of assertions', raw.budgets);
        raw.budgets.forEach((b, i) => assertions.push(...normalizeBudget(b, `budgets[${i}]`, file)));
    }
    return {
        file,
        model,
        limits,
        installedPlugins,
        listingScope: listingScope,
        ...(typeof raw.userScope === 'string' ? { userScope: raw.userScope } : {}),
        ignore: ignore,
        assertions: resolveDefaults(assertions, model),
        minSaving,
        agents,
    };
}
function normalizeBudget(b, key, file) {
    if (!isObject(b))
        throw new ConfigError(file, key, 'a mapping with metric, an operator (max, maxIncrease, maxIncreasePercent) and level', b);
    for (const k of Object.keys(b))
        if (!BUDGET_KEYS.includes(k))
            throw new ConfigError(file, `${key}.${k}`, `one of ${BUDGET_KEYS.join(', ')} (unknown key)`);
    const metric = b.metric;
    if (typeof metric !== 'string' || !METRICS.includes(metric))
        throw new ConfigError(file, `${key}.metric`, `one of ${METRICS.join(', ')}`, metric);
    const scope = parseScope(b.scope, `${key}.scope`, file);
    if (isAgentMetric(metric) !== (scope.type === 'agent'))
        throw new ConfigError(file, `${key}.scope`, isAgentMetric(metric)
            ? `"agent:<id>" for metric ${metric} (one of ${AGENT_IDS.join(', ')})`
            : `not an agent scope for metric ${metric} (agent scopes take ${AGENT_METRICS.join(', ')})`, b.scope);
    if (scope.type === 'agent' && !agents_isAgentId(scope.value))
        throw new ConfigError(file, `${key}.scope`, `agent:${AGENT_IDS.join('|')}`, b.scope);
    if (scope.type !== 'total' && scope.type !== 'agent' && !SCOPED_METRICS.includes(metric))
        throw new ConfigError(file, `${key}.scope`, `"total" for metric ${metric} (only ${SCOPED_METRICS.join(' and ')} take a scope)`, b.scope);
    const level = b.level === undefined ? 'error' : b.level;
    if (!LEVELS.includes(level))
        throw new ConfigError(file, `${key}.level`, 'off, warn or error', level);
    const ops = ['max', 'maxIncrease', 'maxIncreasePercent'];
    const out = [];
    for (const op of ops) {
        if (b[op] === undefined)
            continue;
        const v = b[op];
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
            throw new ConfigError(file, `${key}.${op}`, 'a number >= 0', v);
        out.push({
            id: `${key}.${op}`,
            metric: metric,
            scope,
            operator: op,
            threshold: v,
            level: level,
            source: `${file} ${key}`,
            ...(typeof b.noise === 'number' ? { noise: b.noise } : metric === 'loadTimeRatio' ? { noise: 0.25 } : {}),
        });
    }
    if (out.length === 0)
        throw new ConfigError(file, key, 'at least one of max, maxIncrease, maxIncreasePercent');
    if (b.noise !== undefined && (typeof b.noise !== 'number' || b.noise < 0))
        throw new ConfigError(file, `${key}.noise`, 'a number >= 0', b.noise);
    return out;
}
function parseScope(v, key, file) {
    if (v === undefined || v === 'total')
        return { type: 'total' };
    if (typeof v === 'string') {
        const i = v.indexOf(':');
        const type = v.slice(0, i);
        if (i > 0 && type !== 'total' && SCOPE_TYPES.includes(type) && v.slice(i + 1))
            return { type: type, value: v.slice(i + 1) };
    }
    if (isObject(v)) {
        const keys = Object.keys(v);
        if (keys.length === 1 && keys[0] !== 'total' && SCOPE_TYPES.includes(keys[0]) && typeof v[keys[0]] === 'string')
            return { type: keys[0], value: v[keys[0]] };
    }
    throw new ConfigError(file, key, '"total", or "category:<name>", "unit:<plugin>", "files:<glob>", "kind:<component kind>", "agent:<id>"', v);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

;// CONCATENATED MODULE: ./src/action/config-at.ts
/**
 * The budget config of one commit, read from git objects (never from a checkout of untrusted code),
 * with the Action's model inputs applied over it.
 */



async function configAt(workspace, opts, commit) {
    const overrides = modelOverrides(opts);
    const candidates = opts.config ? [opts.config] : DEFAULT_CONFIG_PATHS;
    for (const p of candidates) {
        const rel = p.replace(/^\.\//, '');
        // `<mode> <type> <sha>\t<path>`: the config must be a regular file of the commit (a symlink's
        // blob is its target's name, a gitlink has no blob here).
        const entry = await git_git(workspace, ['ls-tree', '-z', commit, '--', rel])
            .then((b) => b.toString().split('\0')[0] ?? '')
            .catch(() => '');
        const m = /^(\d+) (\w+) ([0-9a-f]+)\t/.exec(entry);
        if (!m)
            continue;
        if (m[1] === '120000')
            throw new errors_UserError(`${p} is a symlink at ${commit.slice(0, 7)}: the budget config must be a regular file`);
        if (m[2] !== 'blob')
            throw new errors_UserError(`${p} is a ${m[2] === 'commit' ? 'submodule' : m[2]} at ${commit.slice(0, 7)}: the budget config must be a regular file`);
        const sha = m[3];
        const blob = (await catFileBatch(workspace, [sha])).get(sha);
        if (blob)
            return parseConfigText(blob.toString('utf8'), p, overrides);
    }
    if (opts.config)
        throw new errors_UserError(`Input "config": ${opts.config} does not exist at ${commit.slice(0, 7)}`);
    return normalizeConfig({}, 'defaults', overrides);
}
/** The config of a commit, or why it can't be read (a pull request's head config: reported, never a crash). */
async function configOrError(workspace, opts, commit) {
    try {
        return await configAt(workspace, opts, commit);
    }
    catch (e) {
        if (!(e instanceof errors_UserError))
            throw e;
        return { error: e.message, file: opts.config || configFileAt(e.message) };
    }
}
function configFileAt(message) {
    return DEFAULT_CONFIG_PATHS.find((p) => message.startsWith(p)) ?? DEFAULT_CONFIG_PATHS[0];
}
/** The Action's model inputs, applied over every config. */
function modelOverrides(opts) {
    return {
        ...(opts.model ? { id: opts.model } : {}),
        ...(opts.contextWindow ? { contextWindow: opts.contextWindow } : {}),
        ...(opts.charsPerToken ? { charsPerToken: opts.charsPerToken } : {}),
    };
}

;// CONCATENATED MODULE: ./src/config/review.ts

const LEVEL_RANK = { off: 0, warn: 1, error: 2 };
/** A budget's identity across configs: a default by its id, a user budget by what it bounds (and which of its kind it is). */
function keyed(list) {
    const out = new Map();
    const seen = new Map();
    for (const a of list) {
        const k = a.source === 'default' ? a.id : `${a.metric}|${scopeLabel(a.scope)}|${a.operator}`;
        const n = seen.get(k) ?? 0;
        seen.set(k, n + 1);
        out.set(`${k}#${n}`, a);
    }
    return out;
}
function describeBudget(a) {
    const what = a.source === 'default' ? a.id : `${a.metric}${a.scope.type === 'total' ? '' : ` (${scopeLabel(a.scope)})`} ${a.operator}`;
    return `${what} ${a.operator === 'max' || a.operator === 'maxIncrease' || a.operator === 'maxIncreasePercent' ? a.threshold : ''} at ${a.level}`.replace(/\s+/g, ' ');
}
/** The stricter of two budgets with the same key. */
function stricter(a, b) {
    const level = LEVEL_RANK[b.level] > LEVEL_RANK[a.level] ? b.level : a.level;
    const threshold = Math.min(a.threshold, b.threshold);
    const noise = a.noise !== undefined || b.noise !== undefined ? Math.min(a.noise ?? Infinity, b.noise ?? Infinity) : undefined;
    return { ...a, level, threshold, ...(noise !== undefined ? { noise } : {}) };
}
const fmtValue = (v) => (v === undefined ? '(unset)' : JSON.stringify(v));
/**
 * The config that judges a pull request, and what the head's config changed. `head` is the head's
 * config or why it could not be read; `accepted`: a maintainer accepted the head's config.
 */
function reviewConfig(base, head, accepted, acceptLabel) {
    if ('error' in head) {
        const review = { file: head.file, changes: [], notApplied: [], accepted: false, acceptLabel, error: head.error };
        return { config: { ...base, review }, review };
    }
    const changes = [];
    const notApplied = [];
    const measured = (line) => {
        changes.push(line);
        notApplied.push(line);
    };
    // What is measured: the base's.
    const bm = base.model;
    const hm = head.model;
    for (const k of new Set([...Object.keys(bm), ...Object.keys(hm)])) {
        if (k === 'bundledEntries')
            continue;
        if (JSON.stringify(bm[k]) !== JSON.stringify(hm[k]))
            measured(`model.${k}: ${fmtValue(bm[k])} → ${fmtValue(hm[k])}`);
    }
    for (const k of ['installedPlugins', 'listingScope', 'userScope', 'ignore', 'agents'])
        if (JSON.stringify(base[k]) !== JSON.stringify(head[k]))
            measured(`${k}: ${fmtValue(base[k])} → ${fmtValue(head[k])}`);
    // Limits and minSaving: the lower.
    const limits = { ...base.limits };
    for (const k of Object.keys(base.limits)) {
        if (head.limits[k] === base.limits[k])
            continue;
        changes.push(`limits.${k}: ${base.limits[k]} → ${head.limits[k]}`);
        if (head.limits[k] > base.limits[k])
            notApplied.push(`limits.${k}: ${base.limits[k]} → ${head.limits[k]}`);
        limits[k] = Math.min(base.limits[k], head.limits[k]);
    }
    if (head.minSaving !== base.minSaving)
        changes.push(`minSaving: ${base.minSaving} → ${head.minSaving}`);
    // Budgets: the stricter of each, every budget either side has.
    const baseBy = keyed(base.assertions);
    const headBy = keyed(head.assertions);
    const assertions = [];
    for (const [k, a] of baseBy) {
        const h = headBy.get(k);
        if (!h) {
            const line = `budget removed: ${describeBudget(a)}`;
            changes.push(line);
            notApplied.push(line);
            assertions.push(a);
            continue;
        }
        const merged = stricter(a, h);
        if (h.level !== a.level || h.threshold !== a.threshold || h.noise !== a.noise) {
            const line = `budget ${describeBudget(a)} → ${describeBudget(h)}`;
            changes.push(line);
            if (LEVEL_RANK[h.level] < LEVEL_RANK[a.level] || h.threshold > a.threshold || (h.noise ?? 0) > (a.noise ?? 0))
                notApplied.push(line);
        }
        assertions.push(merged);
    }
    for (const [k, h] of headBy) {
        if (baseBy.has(k))
            continue;
        changes.push(`budget added: ${describeBudget(h)}`);
        assertions.push(h);
    }
    if (changes.length === 0)
        return { config: base, review: null };
    const review = { file: head.file, changes, notApplied: accepted ? [] : notApplied, accepted, acceptLabel };
    if (accepted)
        return { config: { ...head, review }, review };
    return {
        config: {
            ...base,
            limits,
            minSaving: Math.min(base.minSaving, head.minSaving),
            assertions,
            review,
            file: base.file === head.file ? `${base.file} (the stricter of base and head)` : `${base.file} (base) and ${head.file} (head), the stricter`,
        },
        review,
    };
}

;// CONCATENATED MODULE: ./src/action/refs.ts

async function has(repo, sha) {
    try {
        await git_git(repo, ['cat-file', '-e', `${sha}^{commit}`]);
        return true;
    }
    catch {
        return false;
    }
}
async function isShallow(repo) {
    return (await git_git(repo, ['rev-parse', '--is-shallow-repository'])).toString().trim() === 'true';
}
async function fetchShas(repo, shas, log, depth = 1) {
    const missing = [];
    for (const s of shas)
        if (!(await has(repo, s)))
            missing.push(s);
    if (!missing.length)
        return;
    log.info(`Fetching ${missing.map((s) => s.slice(0, 12)).join(', ')} (not in this checkout: usual with the default fetch-depth: 1); nothing else is fetched.`);
    await git_git(repo, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--no-recurse-submodules', `--depth=${depth}`, 'origin', ...missing]);
}
/** Parents of a commit, read from the commit object itself (a shallow clone hides them from rev-list). */
async function parents(repo, sha) {
    const text = (await git_git(repo, ['cat-file', 'commit', sha])).toString('utf8');
    const header = text.slice(0, text.indexOf('\n\n'));
    return header
        .split('\n')
        .filter((l) => l.startsWith('parent '))
        .map((l) => l.slice('parent '.length).trim());
}
/**
 * The commits that isolate what the pull request itself changes:
 * 1. the merge commit GitHub checks out for pull_request (refs/pull/N/merge) against its first
 *    parent, the base tip it was merged onto; else
 * 2. the merge-base of base and head against head, deepening a shallow clone only as far as needed.
 * Commits that landed on the base branch meanwhile never count as this pull request's change.
 */
async function resolveCompared(repo, pr, log) {
    if (pr.mergeSha && (await has(repo, pr.mergeSha))) {
        const ps = await parents(repo, pr.mergeSha).catch(() => []);
        if (ps.length === 2 && ps[1] === pr.headSha) {
            // A shallow checkout of the merge commit lacks its first parent: fetch just that commit.
            await fetchShas(repo, [ps[0]], log);
            return {
                base: ps[0],
                head: pr.mergeSha,
                how: `base tip ${ps[0].slice(0, 7)} against the merge commit ${pr.mergeSha.slice(0, 7)} (what the pull request adds to the current base)`,
            };
        }
    }
    await fetchShas(repo, [pr.baseSha, pr.headSha], log);
    for (let attempt = 0; attempt < 8; attempt++) {
        try {
            const mb = (await git_git(repo, ['merge-base', pr.baseSha, pr.headSha])).toString().trim();
            if (mb)
                return {
                    base: mb,
                    head: pr.headSha,
                    how: `merge-base ${mb.slice(0, 7)} against head ${pr.headSha.slice(0, 7)} (commits that landed on the base branch meanwhile are excluded)`,
                };
        }
        catch {
            // not found yet
        }
        if (!(await isShallow(repo)))
            break;
        const deepen = 50 * 2 ** attempt;
        log.info(`Merge-base of ${pr.baseSha.slice(0, 7)} and ${pr.headSha.slice(0, 7)} is not in the shallow history yet: deepening by ${deepen} commits.`);
        await git_git(repo, ['fetch', '--no-tags', '--no-recurse-submodules', `--deepen=${deepen}`, 'origin', pr.baseSha, pr.headSha]);
    }
    log.warning(`No merge-base of ${pr.baseSha.slice(0, 7)} and ${pr.headSha.slice(0, 7)} was found: comparing the base tip directly (changes on the base branch may show up).`);
    return { base: pr.baseSha, head: pr.headSha, how: `base ${pr.baseSha.slice(0, 7)} against head ${pr.headSha.slice(0, 7)} (no merge-base found)` };
}

;// CONCATENATED MODULE: ./src/model/optimize.ts
/**
 * The optimizer's plan: edits to a framework's files, each step with its kind, predicted saving and
 * risk; and, once applied, what re-measuring found. The JSON of `optimize --json`.
 */
const optimize_OPTIMIZE_KINDS = ['lazy-loading', 'conditional-loading', 'listing-fit', 'agent-descriptions', 'duplication', 'imports'];

;// CONCATENATED MODULE: ./src/strings.ts
/**
 * A copy of a string that shares no memory with the string it came from. V8 makes a substring of 13
 * or more characters a view of its parent, so a description or a token-count key cut from a file
 * would otherwise keep the whole file's text alive for the run.
 */
function detach(s) {
    return s.length < 13 ? s : (' ' + s).slice(1);
}
/**
 * A whole number with its digits grouped by thousands (12,345), as en-US writes it, without
 * starting ICU's number formatter (about 7 ms on a run's first call) and the same on every Node build.
 */
function strings_thousands(n) {
    const r = Math.round(n);
    if (!Number.isFinite(r))
        return String(r);
    const digits = String(Math.abs(r));
    let out = digits.length > 3 ? digits.slice(0, digits.length % 3 || 3) : digits;
    for (let i = out.length; i < digits.length; i += 3)
        out += ',' + digits.slice(i, i + 3);
    return (r < 0 ? '-' : '') + out;
}
/**
 * Names of ASCII letters, digits, `_`, `-`, `:` and `.` only. localeCompare (ICU's root collation)
 * orders them by their letters case-blind, with `_` < `-` < `:` < `.` < digits < letters, and among
 * names equal but for case, by the first letter whose case differs, lower-case first.
 */
const SIMPLE_NAME = /^[A-Za-z0-9_.:-]*$/;
/** The punctuation as code units in the collation's order, all below the digits: `_` `,`, `-` `-`, `:` `.`, `.` `/`. */
const COLLATION_UNITS = { _: ',', ':': '.', '.': '/' };
const collationKey = (s) => s.toLowerCase().replace(/[_:.]/g, (c) => COLLATION_UNITS[c]);
/**
 * Compares names as `a.localeCompare(b)` does (Claude Code orders its listings that way). Simple
 * names (SIMPLE_NAME: nearly all of them, Claude Code's own agents included) are compared without
 * starting ICU's collator (about 6 ms on a run's first call); test/strings holds the two to the
 * same order.
 */
function strings_compareNames(a, b) {
    if (SIMPLE_NAME.test(a) && SIMPLE_NAME.test(b)) {
        const x = collationKey(a);
        const y = collationKey(b);
        if (x !== y)
            return x < y ? -1 : 1;
        return a === b ? 0 : a < b ? 1 : -1; // case alone differs: lower-case (the larger code unit) first
    }
    return a.localeCompare(b);
}

;// CONCATENATED MODULE: ./src/analyze/frontmatter.ts


const OPEN = /^---[ \t]*\r?\n/;
/**
 * Splits and parses YAML frontmatter leniently, like Claude Code: strict YAML first, then a
 * line-by-line `key: value` reader for what strict YAML rejects (unquoted colons, `[x] | y`,
 * `{{TEMPLATES}}`). Never evaluates anything: `---js` and other engines are not frontmatter.
 */
function parseFrontmatter(raw, maxBytes = 256 * 1024) {
    const parsed = parse(raw, maxBytes);
    // Nothing of the result may point into the file's text (a substring keeps its whole file alive,
    // and parse results are kept for the run): the values and messages are copied out of it.
    parsed.data = copyValue(parsed.data, new Map());
    parsed.issues = parsed.issues.map((i) => ({ line: i.line, message: detach(i.message) }));
    if (parsed.strictError)
        parsed.strictError = { line: parsed.strictError.line, message: detach(parsed.strictError.message) };
    return parsed;
}
/** The loaded text of a file whose parse is parsed: the text without its frontmatter block. */
function bodyOf(raw, parsed) {
    return parsed && parsed.bodyStart > 0 ? raw.slice(parsed.bodyStart) : raw;
}
/** A deep copy of a YAML value with every string detached (aliases may make it circular: kept circular). */
function copyValue(v, seen) {
    if (typeof v === 'string')
        return detach(v);
    if (typeof v !== 'object' || v === null)
        return v;
    const known = seen.get(v);
    if (known !== undefined)
        return known;
    if (Array.isArray(v)) {
        const out = [];
        seen.set(v, out);
        for (const x of v)
            out.push(copyValue(x, seen));
        return out;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
        return v;
    const out = {};
    seen.set(v, out);
    for (const [k, x] of Object.entries(v)) {
        if (k === '__proto__')
            Object.defineProperty(out, k, { value: copyValue(x, seen), enumerable: true, writable: true, configurable: true });
        else
            out[detach(k)] = copyValue(x, seen);
    }
    return out;
}
function parse(raw, maxBytes) {
    const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
    const text = bom ? raw.slice(1) : raw;
    const issues = [];
    const none = () => ({ data: {}, bodyStart: bom, bodyLine: 1, hasFrontmatter: false, issues });
    if (/^---[A-Za-z]+[ \t]*\r?\n/.test(text)) {
        issues.push({ line: 1, message: `frontmatter declared with an engine ("${text.slice(0, text.search(/\r?\n/))}") is read as plain text, never evaluated` });
        return none();
    }
    const open = OPEN.exec(text);
    if (!open)
        return none();
    const rest = text.slice(open[0].length);
    const close = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
    if (!close) {
        issues.push({ line: 1, message: 'frontmatter opened with "---" is never closed; the whole file is read as text' });
        return none();
    }
    const yamlText = rest.slice(0, close.index);
    const bodyStart = bom + open[0].length + close.index + close[0].length;
    const bodyLine = 2 + countLines(yamlText) + 1;
    const result = { data: {}, bodyStart, bodyLine, hasFrontmatter: true, issues };
    if (yamlText.length > maxBytes) {
        issues.push({ line: 2, message: `frontmatter of ${yamlText.length} bytes exceeds the ${maxBytes}-byte limit; read line by line` });
        result.data = lenientKeys(yamlText);
        return result;
    }
    const simple = parseSimple(yamlText);
    if (simple) {
        result.data = simple;
        return result;
    }
    const strict = parseStrict(yamlText);
    if (strict.ok) {
        result.data = strict.data;
        return result;
    }
    // Claude Code 2.1.332 retries with risky plain values quoted and leading tabs made spaces; if that
    // parses, it uses it. Otherwise it reads no field at all (skills fall back to their body; a project
    // agent is not loaded; a plugin agent gets a fallback description).
    const retry = parseStrict(quoteRiskyValues(yamlText));
    if (retry.ok) {
        result.data = retry.data;
        issues.push({ line: 1 + strict.line, message: `frontmatter is not valid YAML (${strict.message}); Claude Code reads it after quoting values` });
        return result;
    }
    result.strictError = { line: 1 + strict.line, message: strict.message };
    issues.push({ line: 1 + strict.line, message: `frontmatter is not valid YAML (${strict.message}); Claude Code ignores every field of it` });
    return result;
}
function countLines(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) === 10)
            n++;
    return n;
}
/**
 * Fast path for the common case: every line is `key: plain scalar` that YAML reads as the same
 * string (no quotes, flow or block syntax, comments, anchors, tags, or ": " inside the value).
 * Returns null whenever YAML could read it differently, and the YAML parser decides.
 */
const SIMPLE_LINE = /^([A-Za-z_][\w-]*):[ \t]+([^\s\-?:,[\]{}#&*!|>'"%@`][^\n]*)$/;
const QUOTED_LINE = /^([A-Za-z_][\w-]*):[ \t]+(?:"((?:[^"\\]|\\.)*)"|'([^']*)')[ \t]*$/;
const QUOTED_ITEM = `(?:"(?:[^"\\\\]|\\\\.)*"|'[^']*')`;
/** `key: ["a", 'b']`: a flow sequence of quoted scalars only. */
const QUOTED_LIST_LINE = new RegExp(`^([A-Za-z_][\\w-]*):[ \\t]+\\[[ \\t]*(${QUOTED_ITEM}(?:[ \\t]*,[ \\t]*${QUOTED_ITEM})*)?[ \\t]*\\][ \\t]*$`);
const QUOTED_ITEMS = new RegExp(QUOTED_ITEM, 'g');
/** Characters YAML refuses or treats apart inside a quoted scalar (controls but tab, C1, line separators, BOM): left to YAML. */
function plainQuoted(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if ((c < 32 && c !== 9) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff)
            return false;
    }
    return true;
}
/** YAML's double-quoted escapes (YAML 1.2, 5.7), or null for anything else (YAML then decides). */
const ESCAPES = {
    '0': '\0',
    a: '\x07',
    b: '\b',
    t: '\t',
    '\t': '\t',
    n: '\n',
    v: '\v',
    f: '\f',
    r: '\r',
    e: '\x1b',
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    N: '\x85',
    _: '\xa0',
    L: '\u2028',
    P: '\u2029',
};
function unescapeDoubleQuoted(s) {
    if (!s.includes('\\'))
        return s;
    let bad = false;
    const out = s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (_m, e) => {
        if (e.length > 1) {
            const cp = parseInt(e.slice(1), 16);
            if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
                bad = true;
            return bad ? '' : String.fromCodePoint(cp);
        }
        const r = ESCAPES[e];
        if (r === undefined)
            bad = true;
        return r ?? '';
    });
    return bad ? null : out;
}
/** `key: >` or `key: |`, optionally with `-` (strip): a block scalar header without indentation indicator, keep chomping or comment. */
const BLOCK_HEADER = /^([A-Za-z_][\w-]*):[ \t]+([|>])(-?)[ \t]*$/;
/**
 * A block scalar's text, or null when YAML could read it differently: every line of it at one
 * indentation of spaces (none more indented, none blank), ended by a line at column 0 or the end.
 * Folded (`>`) joins the lines with spaces, literal (`|`) with line breaks; one final line break
 * unless stripped (`-`). Returns the text and the index of the line after the block.
 */
function blockScalar(lines, from, folded, strip) {
    const first = lines[from]?.replace(/\r$/, '') ?? '';
    let indent = 0;
    while (first.charCodeAt(indent) === 32)
        indent++;
    if (indent === 0)
        return null;
    const parts = [];
    let i = from;
    for (; i < lines.length; i++) {
        let line = lines[i];
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        if (line === '' && i === lines.length - 1)
            break;
        const c = line.charCodeAt(0);
        if (c !== 32 && c !== 9 && line !== '')
            break; // the next key
        for (let k = 0; k < indent; k++)
            if (line.charCodeAt(k) !== 32)
                return null; // blank, tab or less indented
        const ch = line.charCodeAt(indent);
        if (ch === 32 || ch === 9 || Number.isNaN(ch))
            return null; // more indented, or only spaces
        const text = line.slice(indent);
        if (!plainQuoted(text))
            return null;
        parts.push(text);
    }
    if (!parts.length)
        return null;
    return { value: parts.join(folded ? ' ' : '\n') + (strip ? '' : '\n'), next: i };
}
function parseSimple(yamlText) {
    const data = {};
    const lines = yamlText.split('\n');
    for (let i = 0; i < lines.length; i++) {
        let line = lines[i];
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        if (line === '' && i === lines.length - 1)
            break;
        const b = BLOCK_HEADER.exec(line);
        if (b) {
            const block = blockScalar(lines, i + 1, b[2] === '>', b[3] === '-');
            if (!block)
                return null;
            data[b[1]] = block.value;
            i = block.next - 1;
            continue;
        }
        const q = QUOTED_LINE.exec(line);
        if (q) {
            // A one-line quoted scalar: YAML reads the text between the quotes, escapes resolved (double quotes).
            const raw = q[2] ?? q[3];
            const v = !plainQuoted(raw) ? null : q[2] !== undefined ? unescapeDoubleQuoted(raw) : raw;
            if (v === null)
                return null;
            data[q[1]] = v;
            continue;
        }
        const l = QUOTED_LIST_LINE.exec(line);
        if (l) {
            const items = [];
            for (const [item] of (l[2] ?? '').matchAll(QUOTED_ITEMS)) {
                const inner = item.slice(1, -1);
                const v = !plainQuoted(inner) ? null : item[0] === '"' ? unescapeDoubleQuoted(inner) : inner;
                if (v === null)
                    return null;
                items.push(v);
            }
            data[l[1]] = items;
            continue;
        }
        const m = SIMPLE_LINE.exec(line);
        if (!m)
            return null;
        const v = m[2].trimEnd();
        if (v.includes(': ') || v.includes(' #') || v.includes('\t') || v.endsWith(':'))
            return null;
        // YAML would type these; our readers only need text, but stay exact: let YAML decide.
        if (/^(true|false|null|~|yes|no|on|off|[-+]?[0-9.]|\.inf|\.nan)/i.test(v))
            return null;
        data[m[1]] = v;
    }
    return data;
}
function parseStrict(yamlText) {
    try {
        const doc = (0,dist/* parseDocument */.Tp)(yamlText, { uniqueKeys: false, prettyErrors: false, strict: false, stringKeys: true });
        const err = doc.errors[0];
        if (err) {
            const line = err.linePos?.[0].line ?? lineAt(yamlText, err.pos[0]);
            return { ok: false, line, message: firstLine(err.message) };
        }
        const value = doc.toJS({ maxAliasCount: 100 });
        if (value === null || value === undefined)
            return { ok: true, data: {} };
        if (typeof value !== 'object' || Array.isArray(value))
            return { ok: false, line: 1, message: 'frontmatter is not a mapping' };
        return { ok: true, data: value };
    }
    catch (e) {
        return { ok: false, line: 1, message: firstLine(e.message ?? String(e)) };
    }
}
function lineAt(s, pos) {
    return countLines(s.slice(0, Math.max(0, pos))) + 1;
}
function firstLine(s) {
    const l = s.split('\n')[0] ?? '';
    return l.length > 160 ? l.slice(0, 157) + '...' : l;
}
/** Claude Code's retry: plain `key: value` lines holding YAML syntax characters are double-quoted; leading tabs become spaces. */
const RISKY = /[{}[\]*&#!|>%@`]|: /;
function quoteRiskyValues(yamlText) {
    return yamlText
        .split('\n')
        .map((line) => {
        const m = /^([a-zA-Z_-]+):\s+(\S.*)$/.exec(line);
        if (!m)
            return line;
        const [, key, v] = m;
        if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))
            return line;
        if (v.startsWith('[') && v.endsWith(']')) {
            const list = parseStrict(`x: ${v}`);
            if (list.ok && Array.isArray(list.data.x))
                return line;
        }
        if (!RISKY.test(v))
            return line;
        return `${key}: "${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    })
        .join('\n')
        .replace(/^\t+/gm, (t) => '  '.repeat(t.length));
}
/** Top-level `key: value` lines; indented continuation lines join a plain value; quotes are removed. */
function lenientKeys(yamlText) {
    const data = {};
    let lastKey = null;
    for (const line of yamlText.split(/\r?\n/)) {
        const m = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/.exec(line);
        if (m) {
            lastKey = m[1];
            const v = (m[2] ?? '').trim();
            data[lastKey] = unquote(v);
            continue;
        }
        if (lastKey && /^[ \t]+\S/.test(line)) {
            const prev = data[lastKey];
            const item = /^[ \t]+-[ \t]+(.*)$/.exec(line);
            if (item && (prev === '' || Array.isArray(prev)))
                data[lastKey] = [...(Array.isArray(prev) ? prev : []), unquote(item[1].trim())];
            else if (typeof prev === 'string')
                data[lastKey] = (prev ? prev + ' ' : '') + line.trim();
        }
    }
    return data;
}
function unquote(v) {
    if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
        const inner = v.slice(1, -1);
        return v.startsWith('"') ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\') : inner.replace(/''/g, "'");
    }
    if (v === '|' || v === '>' || v === '|-' || v === '>-')
        return '';
    return v;
}
/** A frontmatter value as text: lists joined with ", ", other scalars stringified. */
function asText(v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === 'string')
        return v;
    // One level only: a YAML alias can make a list contain itself.
    if (Array.isArray(v))
        return v.map((x) => (typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : x == null ? '' : safeJson(x))).join(', ');
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return safeJson(v);
}
/** JSON of a YAML value that may be circular (`&a [*a]`): repeated objects become "[circular]". */
function safeJson(v) {
    const seen = new WeakSet();
    try {
        return (JSON.stringify(v, (_k, x) => {
            if (typeof x === 'object' && x !== null) {
                if (seen.has(x))
                    return '[circular]';
                seen.add(x);
            }
            return x;
        }) ?? '');
    }
    catch {
        return '';
    }
}
function asBool(v) {
    return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}
/** `paths:` as a list of globs (a string may hold one glob or a comma-separated list). */
function asGlobs(v) {
    if (v === undefined || v === null)
        return undefined;
    const list = Array.isArray(v) ? v.map((x) => asText(x) ?? '') : typeof v === 'string' ? v.split(',') : [asText(v) ?? ''];
    return list.map((s) => s.trim()).filter(Boolean);
}

;// CONCATENATED MODULE: ./src/analyze/markdown.ts
/**
 * Markdown scanning as Claude Code's memory loader does it: @imports outside fenced code blocks,
 * inline code spans and HTML comments; HTML comments stripped from what is loaded.
 */
/** Claude Code 2.1.332: `(?:^|\s)@((?:[^\s\\]|\\ )+)`. */
const IMPORT_RE = /(?:^|\s)@((?:[^\s\\]|\\ )+)/g;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
/** One line with HTML comments cut out (comments may span lines: `inComment` carries over). */
function cutComments(line, inComment, gap) {
    let s = line;
    let kept = '';
    while (s.length > 0) {
        if (inComment) {
            const end = s.indexOf('-->');
            if (end < 0)
                return { kept, inComment };
            s = s.slice(end + 3);
            inComment = false;
            continue;
        }
        const start = s.indexOf('<!--');
        if (start < 0)
            return { kept: kept + s, inComment };
        kept += s.slice(0, start) + gap;
        s = s.slice(start + 4);
        inComment = true;
    }
    return { kept, inComment };
}
function closesFence(line, fence) {
    const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    return !!m && m[1][0] === fence[0] && m[1].length >= fence.length;
}
/** Whether Claude Code treats the captured text as a path: ./ ~/ / (not alone), or a letter, digit, ., _ or -. */
function isImportPath(p) {
    if (p.startsWith('./') || p.startsWith('~/'))
        return true;
    if (p.startsWith('/'))
        return p.length > 1;
    return /^[A-Za-z0-9._-]/.test(p);
}
/**
 * Walks the lines of text (split at LF or CRLF) with code fences and HTML comments tracked, calling
 * visit(prose, index) for each line that wants(raw) accepts, with comments and inline code blanked.
 * Lines are cut out one at a time (no array of every line): scanning a 50 MB framework for `@`
 * allocates only the lines that hold one.
 */
function eachProseLine(text, wants, visit) {
    let fence = null;
    let inComment = false;
    let index = 0;
    for (let start = 0; start <= text.length; index++) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        const line = text.slice(start, end < text.length && end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
        start = end + 1;
        if (fence !== null) {
            if (closesFence(line, fence))
                fence = null;
            continue;
        }
        if (!inComment) {
            const m = FENCE_RE.exec(line);
            if (m) {
                fence = m[1];
                continue;
            }
            // Nothing here can change the comment state, and the caller doesn't want the line: skip it.
            if (!line.includes('<!--') && !wants(line))
                continue;
        }
        const cut = cutComments(line, inComment, ' ');
        inComment = cut.inComment;
        if (wants(line))
            visit(stripInlineCode(cut.kept), index);
    }
}
function stripInlineCode(line) {
    if (!line.includes('`'))
        return line;
    let out = '';
    let i = 0;
    while (i < line.length) {
        if (line[i] !== '`') {
            out += line[i];
            i++;
            continue;
        }
        let n = 0;
        while (line[i + n] === '`')
            n++;
        const ticks = '`'.repeat(n);
        let j = i + n;
        let close = -1;
        while (j < line.length) {
            const k = line.indexOf(ticks, j);
            if (k < 0)
                break;
            if (line[k + n] !== '`' && line[k - 1] !== '`') {
                close = k;
                break;
            }
            j = k + 1;
        }
        if (close < 0) {
            out += line.slice(i, i + n);
            i += n;
            continue;
        }
        out += ' '.repeat(close + n - i);
        i = close + n;
    }
    return out;
}
/** @imports in a memory file (or @file references in a command), in order of appearance. */
function findImports(text) {
    const refs = [];
    if (!text.includes('@'))
        return refs;
    eachProseLine(text, (raw) => raw.includes('@'), (line, i) => {
        if (!line.includes('@'))
            return;
        IMPORT_RE.lastIndex = 0;
        for (let m = IMPORT_RE.exec(line); m; m = IMPORT_RE.exec(line)) {
            let ref = m[1].replace(/\\ /g, ' ');
            const hash = ref.indexOf('#');
            if (hash >= 0)
                ref = ref.slice(0, hash);
            if (ref && isImportPath(ref))
                refs.push({ ref, line: i + 1 });
        }
    });
    return refs;
}
/** A memory file's text as Claude Code includes it: HTML comment blocks removed, trimmed (nothing left: not included). */
function memoryText(raw) {
    return stripHtmlComments(raw).trim();
}
/** Removes HTML comments outside code (Claude Code strips them from memory files before loading). */
function stripHtmlComments(text) {
    if (!text.includes('<!--'))
        return text;
    // Such a file goes through a markdown lexer, which also turns CRLF line ends into LF (measured:
    // a CRLF file without comments keeps its CRs, one with a comment block loses them).
    text = text.replace(/\r\n?/g, '\n');
    // Claude Code 2.1.332 removes HTML comments that form a block of their own (a line starting with
    // `<!--`, up to three spaces in, through the line holding `-->`); a comment inside a line of text
    // is kept, and so is a comment that never closes. Fenced code is left alone. One linear pass.
    const lines = text.split(/(\r?\n)/);
    let out = '';
    let fence = null;
    for (let idx = 0; idx < lines.length; idx++) {
        const part = lines[idx];
        if (idx % 2 === 1) {
            out += part;
            continue;
        }
        if (fence !== null) {
            if (closesFence(part, fence))
                fence = null;
            out += part;
            continue;
        }
        const fm = FENCE_RE.exec(part);
        if (fm) {
            fence = fm[1];
            out += part;
            continue;
        }
        if (!/^ {0,3}<!--/.test(part)) {
            out += part;
            continue;
        }
        // The block runs to the line that holds the closing `-->`.
        let j = idx;
        while (j < lines.length && !lines[j].includes('-->', j === idx ? part.indexOf('<!--') + 4 : 0))
            j += 2;
        if (j >= lines.length) {
            out += lines.slice(idx).join('');
            break;
        }
        const residue = lines
            .slice(idx, j + 1)
            .join('')
            .replace(/<!--[\s\S]*?-->/g, '');
        if (residue.trim() !== '') {
            out += residue;
            idx = j;
            continue;
        }
        // A comment block goes with the blank lines that follow it (marked's html token), as in Claude Code.
        let k = j + 2;
        while (k < lines.length && lines[k].trim() === '' && k + 1 < lines.length)
            k += 2;
        idx = k - 1;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/analyze/content.ts

/** A line that opens or closes a code fence. */
const FENCE_LINE = /^\s{0,3}(```|~~~)/;
/** A heading that starts a section (levels 1 and 2): what the report's sections and the optimizer's moves both split on. */
const SECTION_HEADING = /^(#{1,2})\s+(.+)$/;
/** Sections smaller than this (characters) are not worth moving. */
const SECTION_MIN_CHARS = 2_000;
/** Paragraphs shorter than this are not compared for duplication. */
const DUPLICATE_MIN_CHARS = 240;
const CODE_BLOCK_MIN_LINES = 25;
const TABLE_MIN_ROWS = 15;
const BASE64_MIN_CHARS = 200;
/**
 * Text-derived findings the optimizers need (sections of always-loaded files, duplicated
 * paragraphs, compressible content), computed at analysis time so the snapshot alone is enough
 * for recommendations: a diff of two snapshot files needs no repository.
 * Token figures are proportional estimates: the file's tokens x the part's share of its characters.
 */
function findContent(files, tokensOf) {
    const sections = [];
    const compressible = [];
    const paragraphs = new Map();
    for (const f of files) {
        const d = f.digest;
        if (f.loading === 'not-loaded' || !d || d.chars === 0 || !d.scan)
            continue;
        const perChar = tokensOf(f) / d.chars;
        const est = (chars) => Math.round(chars * perChar);
        for (const x of d.scan.sections)
            sections.push({ file: f.path, line: x.line, heading: x.heading, tokens: est(x.chars) });
        for (const x of d.scan.compressible)
            compressible.push({ file: f.path, line: x.line, kind: x.kind, tokens: est(x.chars), note: x.note });
        for (const x of d.scan.paragraphs) {
            let p = paragraphs.get(x.key);
            if (!p)
                paragraphs.set(x.key, (p = { tokens: est(x.chars), chars: x.chars, preview: x.preview, at: [] }));
            if (!p.at.some((l) => l.file === f))
                p.at.push({ file: f, line: x.line });
        }
    }
    const duplicates = [...paragraphs.values()]
        .filter((p) => p.at.length > 1)
        .map((p) => ({
        tokens: p.tokens,
        chars: p.chars,
        preview: p.preview,
        locations: p.at.map((l) => ({ file: l.file.path, line: l.line, eager: l.file.loading === 'eager' })),
    }))
        .sort((a, b) => b.tokens * b.locations.length - a.tokens * a.locations.length);
    return { sections: sections.sort((a, b) => b.tokens - a.tokens), duplicates, compressible: compressible.sort((a, b) => b.tokens - a.tokens) };
}
/** Scans one loaded text; what it keeps shares no memory with the text (the text is dropped after). */
function scanFile(text, f) {
    if (f.loading === 'not-loaded' || text.length === 0)
        return null;
    const scan = { sections: [], compressible: [], paragraphs: [] };
    if (f.loading === 'eager') {
        const lines = text.split('\n');
        // Sections: level-1/2 headings outside code fences.
        let fence = false;
        let current = null;
        const close = () => {
            if (current && current.chars >= SECTION_MIN_CHARS)
                scan.sections.push(current);
        };
        lines.forEach((l, i) => {
            if (FENCE_LINE.test(l))
                fence = !fence;
            const h = !fence && SECTION_HEADING.exec(l);
            if (h) {
                close();
                current = { heading: detach(h[2].trim().slice(0, 120)), line: i + 1, chars: 0 };
            }
            if (current)
                current.chars += l.length + 1;
        });
        close();
        scanCompressible(lines, scan.compressible);
    }
    // Paragraphs for duplication: always-loaded text and prompt bodies (bundled reference files are
    // read only when a skill chooses to; repeated text there costs little).
    if (f.category === 'resources' || f.category === 'nested-memory')
        return scan;
    // Split on blank lines in one pass; line numbers counted as the scan goes.
    const sep = /\n[ \t]*\n/g;
    let from = 0;
    let line = 1;
    let counted = 0;
    const take = (end) => {
        let a = from;
        let b = end;
        while (a < b && text.charCodeAt(a) <= 32)
            a++;
        while (b > a && text.charCodeAt(b - 1) <= 32)
            b--;
        if (b - a < DUPLICATE_MIN_CHARS)
            return;
        for (let i = text.indexOf('\n', counted); i >= 0 && i < a; i = text.indexOf('\n', i + 1))
            line++;
        counted = a;
        // Same length and the same normalized opening: a duplicate for all practical purposes, at a fraction of the cost.
        scan.paragraphs.push({
            key: `${b - a}:${openingHash(text, a, b)}`,
            line,
            chars: b - a,
            preview: detach(text.slice(a, a + 80).replace(/\s+/g, ' ')),
        });
    };
    for (let m = sep.exec(text); m; m = sep.exec(text)) {
        take(m.index);
        from = m.index + m[0].length;
    }
    take(text.length);
    return scan;
}
/**
 * A 64-bit hash (two FNV-style lanes) of a paragraph's opening as the duplicate key: its first 600
 * characters with runs of whitespace as one space and letters lower-cased, first 400 of those; read
 * in place (no normalized copy is built).
 */
function openingHash(text, a, b) {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    let n = 0;
    let space = false;
    const end = Math.min(b, a + 600);
    for (let i = a; i < end && n < 400; i++) {
        let c = text.charCodeAt(i);
        if (isWhite(c)) {
            if (space)
                continue;
            space = true;
            c = 32;
        }
        else {
            space = false;
            if (c >= 65 && c <= 90)
                c += 32;
            else if (c > 127)
                c = text[i].toLowerCase().charCodeAt(0);
        }
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
        n++;
    }
    return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}
/** What `\s` matches. */
function isWhite(c) {
    return (c === 32 ||
        (c >= 9 && c <= 13) ||
        c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff);
}
function scanCompressible(lines, out) {
    let i = 0;
    let blankRun = 0;
    let wsChars = 0;
    let wsLine = 0;
    while (i < lines.length) {
        const l = lines[i];
        const fence = FENCE_LINE.exec(l);
        if (fence) {
            let j = i + 1;
            while (j < lines.length && !lines[j].trimStart().startsWith(fence[1]))
                j++;
            const n = j - i - 1;
            if (n >= CODE_BLOCK_MIN_LINES) {
                const chars = lines.slice(i, j + 1).join('\n').length;
                out.push({ line: i + 1, kind: 'code-block', chars, note: `${n}-line code block: keep a short excerpt, move the rest to a file read on demand` });
            }
            i = j + 1;
            continue;
        }
        if (/^\s*\|.*\|\s*$/.test(l)) {
            let j = i;
            while (j < lines.length && /^\s*\|.*\|\s*$/.test(lines[j]))
                j++;
            if (j - i >= TABLE_MIN_ROWS) {
                const block = lines.slice(i, j).join('\n');
                const padding = (block.match(/ {2,}/g) ?? []).reduce((a, s) => a + s.length - 1, 0);
                out.push({
                    line: i + 1,
                    kind: 'table',
                    chars: block.length,
                    note: `${j - i}-row table${padding > 200 ? ` with ${padding} characters of alignment padding` : ''}: a list or a file read on demand costs less`,
                });
            }
            i = j;
            continue;
        }
        const b64 = /[A-Za-z0-9+/=]{200,}/.exec(l);
        if (b64 && b64[0].length >= BASE64_MIN_CHARS && /[0-9]/.test(b64[0]) && /[A-Z]/.test(b64[0]) && /[a-z]/.test(b64[0])) {
            out.push({ line: i + 1, kind: 'base64', chars: b64[0].length, note: `${b64[0].length} characters of base64-like data in an always-loaded file` });
        }
        if (l.trim() === '')
            blankRun++;
        else
            blankRun = 0;
        // Counted from the end by hand: /\s+$/ rescans a long run of spaces from every start (quadratic).
        let k = l.length;
        while (k > 0 && isSpace(l.charCodeAt(k - 1)))
            k--;
        const trailing = l.length - k;
        const extra = (blankRun > 1 ? 1 : 0) + trailing;
        if (extra > 0) {
            if (wsChars === 0)
                wsLine = i + 1;
            wsChars += extra;
        }
        i++;
    }
    if (wsChars >= 200)
        out.push({ line: wsLine, kind: 'whitespace', chars: wsChars, note: `${wsChars} characters of trailing spaces and repeated blank lines` });
}
function isSpace(c) {
    return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

// EXTERNAL MODULE: external "node:path/posix"
var posix_ = __webpack_require__(53916);
var posix_default = /*#__PURE__*/__webpack_require__.n(posix_);
;// CONCATENATED MODULE: ./src/analyze/tree.ts

/**
 * The repository as a set of paths, with symlinks resolved inside it only.
 * A link that leaves the repository, or loops, is never followed.
 */
class Tree {
    maxHops;
    maxExpansion;
    files = new Map();
    links = new Map();
    dirs = new Set(['']);
    /** Directory symlinks that resolve inside the repo, expanded into alias paths -> real paths. */
    aliases = new Map();
    /** Entries that are listed but can't be read (unreadable folders, FIFOs, oversized link targets). */
    unreadable = [];
    /** Directory links not expanded because the expansion limit was reached. */
    unexpanded = [];
    /**
     * Directory links this tree does not expand as Claude Code does: links to a folder that contains
     * them (Claude Code walks into it, each real folder once), and links whose target holds further
     * directory links (Claude Code follows those too). Reported where they sit in a component folder.
     */
    unfollowed = [];
    /** Submodules (gitlinks): their files are in another repository, not in this commit. */
    submodules = [];
    constructor(entries, maxHops = 40, maxExpansion = 100_000) {
        this.maxHops = maxHops;
        this.maxExpansion = maxExpansion;
        for (const e of entries) {
            if (e.type === 'unreadable') {
                this.unreadable.push({ path: e.path, problem: e.problem ?? 'cannot be read' });
                continue;
            }
            if (e.type === 'submodule')
                this.submodules.push(e.path);
            if (e.type === 'symlink')
                this.links.set(e.path, e.linkTarget ?? '');
            else if (e.type === 'file')
                this.files.set(e.path, e);
            let d = posix_default().dirname(e.path);
            while (d !== '.' && !this.dirs.has(d)) {
                this.dirs.add(d);
                d = posix_default().dirname(d);
            }
        }
        this.expandDirectoryLinks();
    }
    /** Normalizes a repository-relative path; null when it leaves the repository. */
    static normalize(p) {
        if (p.startsWith('/'))
            return null;
        const n = posix_default().normalize(p).replace(/\/+$/, '');
        if (n === '..' || n.startsWith('../'))
            return null;
        return n === '.' || n === '' ? '' : n;
    }
    isDir(p) {
        return this.dirs.has(p);
    }
    isLink(p) {
        return this.links.has(p);
    }
    /** Resolves a path through symlinks (file or directory links, chains) inside the repository. */
    resolve(p) {
        let current = p;
        let viaLink = false;
        for (let hop = 0; hop <= this.maxHops; hop++) {
            if (this.files.has(current))
                return { ok: true, path: current, viaLink };
            const parts = current.split('/');
            let replaced = false;
            for (let i = 1; i <= parts.length; i++) {
                const prefix = parts.slice(0, i).join('/');
                const target = this.links.get(prefix);
                if (target === undefined)
                    continue;
                const joined = target.startsWith('/') ? null : Tree.normalize(posix_default().join(posix_default().dirname(prefix), target));
                if (joined === null)
                    return { ok: false, reason: 'external', path: p };
                current = [joined, ...parts.slice(i)].filter((s) => s !== '').join('/');
                viaLink = true;
                replaced = true;
                break;
            }
            if (!replaced)
                return this.dirs.has(current) ? { ok: true, path: current, viaLink } : { ok: false, reason: 'missing', path: p };
        }
        return { ok: false, reason: 'loop', path: p };
    }
    /** Every symlink with the reason it can't be followed, for the report. */
    brokenLinks() {
        const out = [];
        for (const [p, target] of this.links) {
            const r = this.resolve(p);
            if (!r.ok)
                out.push({ path: p, reason: r.reason, target });
        }
        return out;
    }
    expandDirectoryLinks() {
        // Real files sorted, so that the files under a directory are one range found by binary search.
        const realFiles = [...this.files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const sortedLinks = [...this.links.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        for (const link of sortedLinks) {
            const r = this.resolve(link);
            if (!r.ok || this.files.has(r.path) || !this.dirs.has(r.path))
                continue;
            const prefix = r.path === '' ? '' : r.path + '/';
            // A link to one of its own ancestors would alias the tree into itself: skip (and report).
            if (link.startsWith(prefix)) {
                this.unfollowed.push({ path: link, target: this.links.get(link) ?? '', why: 'ancestor' });
                continue;
            }
            const [li, le] = prefixRange(sortedLinks, prefix);
            let inner = false;
            for (let k = li; k < le && !inner; k++)
                inner = sortedLinks[k] !== link && this.isDirLink(sortedLinks[k]);
            if (inner)
                this.unfollowed.push({ path: link, target: this.links.get(link) ?? '', why: 'nested' });
            const [lo, end] = prefixRange(realFiles, prefix);
            // Fan-out guard: many links to one big folder must not multiply the tree without bound.
            if (this.aliases.size + (end - lo) > this.maxExpansion) {
                this.unexpanded.push(link);
                continue;
            }
            for (let k = lo; k < end; k++) {
                const f = realFiles[k];
                const alias = link + '/' + f.slice(prefix.length);
                if (this.files.has(alias) || this.aliases.has(alias))
                    continue;
                this.aliases.set(alias, f);
                let d = posix_default().dirname(alias);
                while (d !== '.' && !this.dirs.has(d)) {
                    this.dirs.add(d);
                    d = posix_default().dirname(d);
                }
            }
        }
    }
    isDirLink(l) {
        const r = this.resolve(l);
        return r.ok && !this.files.has(r.path) && this.dirs.has(r.path);
    }
    visible;
    /** All visible file paths, sorted: real files, file symlinks that resolve inside, and aliases through directory links. Computed once. */
    visiblePaths() {
        if (this.visible)
            return this.visible;
        const out = [...this.files.keys(), ...this.aliases.keys()];
        for (const link of this.links.keys()) {
            const r = this.resolve(link);
            if (r.ok && this.files.has(r.path))
                out.push(link);
        }
        this.visible = out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return this.visible;
    }
    /** Visible paths under a directory ("" for all), by binary search on the sorted list. */
    under(dir) {
        const all = this.visiblePaths();
        if (dir === '')
            return all;
        const [lo, end] = prefixRange(all, dir + '/');
        return all.slice(lo, end);
    }
    /** Real file behind a visible path (alias or link), or undefined. */
    real(p) {
        if (this.files.has(p))
            return p;
        const a = this.aliases.get(p);
        if (a)
            return a;
        const r = this.resolve(p);
        return r.ok && this.files.has(r.path) ? r.path : undefined;
    }
}
/** The range [start, end) of a sorted list whose items start with prefix (binary search, then a scan). */
function prefixRange(sorted, prefix) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < prefix)
            lo = mid + 1;
        else
            hi = mid;
    }
    let end = lo;
    while (end < sorted.length && sorted[end].startsWith(prefix))
        end++;
    return [lo, end];
}

;// CONCATENATED MODULE: ./src/analyze/units.ts


const PROJECT = 'project';
/** The unit of a folder installed as ~/.claude (user scope). */
const USER = 'user';
const COMPONENT_KEYS = ['commands', 'agents', 'skills', 'outputStyles', 'themes', 'workflows', 'monitors', 'mcpServers', 'lspServers', 'hooks'];
function units_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * The project plus every plugin: each `.claude-plugin/plugin.json`, and each local entry of a
 * `.claude-plugin/marketplace.json` (whose fields supply or extend the manifest).
 */
function discoverUnits(tree, readJson, installed, readText = () => '') {
    const diagnostics = [];
    const isCounted = (name) => installed === 'all' || (Array.isArray(installed) && installed.includes(name));
    const project = { name: PROJECT, type: 'project', root: '', counted: true, mcpServers: [], sessionStartHooks: 0 };
    const byRoot = new Map();
    const visible = tree.visiblePaths();
    for (const p of visible) {
        if (!p.endsWith('.claude-plugin/plugin.json') || /(^|\/)node_modules\//.test(p))
            continue;
        if (posix_default().basename(posix_default().dirname(p)) !== '.claude-plugin')
            continue;
        const root = dirOf(posix_default().dirname(p));
        const v = readJson(p);
        const manifest = units_isObject(v) ? v : {};
        if (v !== undefined && !units_isObject(v))
            diagnostics.push({ file: p, line: 1, severity: 'warning', code: 'invalid-manifest', message: 'plugin.json is not a JSON object' });
        const name = typeof manifest.name === 'string' && manifest.name.trim() ? manifest.name.trim() : posix_default().basename(root) || 'plugin';
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
        if (!p.endsWith('.claude-plugin/marketplace.json') || posix_default().basename(posix_default().dirname(p)) !== '.claude-plugin')
            continue;
        const v = readJson(p);
        if (!units_isObject(v))
            continue;
        const mroot = dirOf(posix_default().dirname(p));
        const mname = typeof v.name === 'string' ? v.name : posix_default().basename(mroot) || 'marketplace';
        const pluginRoot = units_isObject(v.metadata) && typeof v.metadata.pluginRoot === 'string' ? v.metadata.pluginRoot : '';
        const plugins = Array.isArray(v.plugins) ? v.plugins : [];
        let order = 0;
        plugins.forEach((entry, i) => {
            if (!units_isObject(entry))
                return;
            const ename = typeof entry.name === 'string' ? entry.name : `plugin-${i + 1}`;
            if (typeof entry.source !== 'string') {
                diagnostics.push({
                    file: p,
                    line: 1,
                    severity: 'info',
                    code: 'external-plugin',
                    message: `marketplace plugin "${ename}" comes from an external source (${units_isObject(entry.source) ? String(entry.source.source ?? 'object') : typeof entry.source}): its files are not in the repository and are not measured`,
                });
                return;
            }
            const src = entry.source.startsWith('./') || entry.source.startsWith('../') || entry.source === '.' ? entry.source : posix_default().join(pluginRoot, entry.source);
            const root = Tree.normalize(posix_default().join(mroot, src));
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
            }
            else {
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
function dirOf(claudePluginDir) {
    const d = posix_default().dirname(claudePluginDir);
    return d === '.' ? '' : d;
}
/**
 * The manifest rules of Claude Code 2.1.332 that make it refuse a plugin (`claude plugin validate`):
 * `agents` paths must name `.md` files (a folder such as "./agents/" is refused).
 */
function manifestProblem(manifest) {
    const agents = manifest.agents ?? (units_isObject(manifest.experimental) ? manifest.experimental.agents : undefined);
    if (agents !== undefined) {
        const list = Array.isArray(agents) ? agents : [agents];
        const bad = list.find((a) => typeof a !== 'string' || !a.endsWith('.md'));
        if (bad !== undefined)
            return { key: 'agents', message: `${JSON.stringify(bad)} must be a path ending with ".md"` };
    }
    return undefined;
}
function jsonKeyLine(text, key) {
    const i = text.indexOf(`"${key}"`);
    return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

;// CONCATENATED MODULE: ./src/analyze/text.ts
const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
function decode(data) {
    if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe)
        return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), binary: false, problem: 'UTF-16 (little-endian) text; decoded' };
    if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff)
        return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), binary: false, problem: 'UTF-16 (big-endian) text; decoded' };
    const head = data.subarray(0, 8000);
    if (head.includes(0)) {
        return { text: '', binary: true, problem: 'binary content (NUL bytes): not counted' };
    }
    const start = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
    try {
        return { text: utf8Strict.decode(data.subarray(start)), binary: false };
    }
    catch {
        return { text: utf8.decode(data.subarray(start)), binary: false, problem: 'invalid UTF-8; undecodable bytes replaced' };
    }
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Display width as Claude Code measures the listing (its stringWidth): wide (CJK, fullwidth)
 * characters count 2; control characters (a newline inside a description), combining marks and
 * zero-width characters count 0. Measured: a listing line holding newlines costs its length minus them.
 */
function displayWidth(s) {
    if (PRINTABLE_ASCII.test(s))
        return s.length; // nearly every line: one regex test instead of a walk by code point
    let w = 0;
    for (const ch of s) {
        const c = ch.codePointAt(0);
        w += isZeroWidth(c) ? 0 : isWide(c) ? 2 : 1;
    }
    return w;
}
function isZeroWidth(c) {
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfeff;
}
function isWide(c) {
    return ((c >= 0x1100 && c <= 0x115f) ||
        (c >= 0x2e80 && c <= 0x303e) ||
        (c >= 0x3041 && c <= 0x33ff) ||
        (c >= 0x3400 && c <= 0x4dbf) ||
        (c >= 0x4e00 && c <= 0x9fff) ||
        (c >= 0xa000 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        (c >= 0x1f300 && c <= 0x1f64f) ||
        (c >= 0x1f900 && c <= 0x1f9ff) ||
        (c >= 0x20000 && c <= 0x3fffd));
}
/** JSON.parse with the error's line number. */
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
    }
    catch (e) {
        const msg = e.message;
        const pos = /position (\d+)/.exec(msg);
        const lineM = /line (\d+)/.exec(msg);
        const line = lineM ? Number(lineM[1]) : pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
        return { ok: false, line, message: msg.split('\n')[0].slice(0, 160) };
    }
}

;// CONCATENATED MODULE: ./src/analyze/loaders/context.ts
/**
 * What every loader shares while one load plan is built: the tree and the contents read so far,
 * the loading model and limits, and the plan's accumulating records. Reading, diagnostics and the
 * one merge rule (a file reached twice keeps its strongest loading) live here, in one place.
 */







/** Decoded texts kept at once while planning: the files a loader is working on, not the framework. */
const TEXTS_KEPT = 32;
const IGNORED_DIR = /(^|\/)(node_modules|\.git)\//;
class PlanContext {
    tree;
    contents;
    opts;
    limits;
    /** The loading model; planning applies the project's settings to it once they are read (withSettings). */
    m;
    files = new Map();
    skillEntries = [];
    agentEntries = [];
    /** The first agent of each name (Claude Code lists one per name). */
    agentByName = new Map();
    components = [];
    edges = [];
    unresolved = [];
    cycles = [];
    unknowns = [];
    diagnostics = [];
    missing = new Set();
    readCache = new Map();
    diagnosed = new Set();
    parseCache;
    texts = new Map();
    memoryChars = 0;
    units = [];
    constructor(tree, contents, opts) {
        this.tree = tree;
        this.contents = contents;
        this.opts = opts;
        this.m = opts.model;
        this.limits = opts.limits ?? DEFAULT_LIMITS;
        this.parseCache = opts.parseCache;
    }
    diag(file, line, severity, code, message) {
        const key = `${file}\0${line}\0${code}\0${message}`;
        if (this.diagnosed.has(key))
            return;
        this.diagnosed.add(key);
        this.diagnostics.push({ file, line, severity, code, message });
    }
    /** Reads a visible path's text; null when it doesn't exist or can't be read; records what is missing. */
    read(p, withFrontmatter = false) {
        const real = this.tree.real(p);
        if (!real)
            return null;
        let r = this.readCache.get(real);
        if (r === undefined) {
            const entry = this.tree.files.get(real);
            const blob = this.contents.get(real);
            if (!blob) {
                if (entry.size > this.limits.maxFileBytes) {
                    this.diag(p, 1, 'warning', 'oversized-file', `${entry.size} bytes exceeds the analysis limit of ${this.limits.maxFileBytes} bytes (limits.maxFileBytes): not read, counted as 0 tokens`);
                    r = null;
                }
                else {
                    this.missing.add(real);
                    return { real, sha: entry.sha ?? '', bytes: entry.size, text: '' };
                }
            }
            else {
                let d = this.parseCache?.get(blob.sha);
                if (!d) {
                    const decoded = decode(blob.data);
                    d = { binary: decoded.binary, ...(decoded.problem ? { problem: decoded.problem } : {}) };
                    this.parseCache?.set(blob.sha, d);
                    this.keep(blob.sha, decoded.text);
                }
                if (d.problem)
                    this.diag(p, 1, d.binary ? 'warning' : 'info', d.binary ? 'binary-file' : 'encoding', d.problem);
                const textOf = () => this.textOf(blob);
                r = {
                    real,
                    sha: blob.sha,
                    bytes: blob.data.length,
                    get text() {
                        return textOf();
                    },
                };
            }
            this.readCache.set(real, r);
        }
        if (r && withFrontmatter && !r.parsed) {
            const memo = this.parseCache?.get(r.sha);
            r.parsed = memo?.parsed ?? parseFrontmatter(r.text, this.limits.maxFrontmatterBytes);
            if (memo)
                memo.parsed = r.parsed;
            for (const issue of r.parsed.issues)
                this.diag(p, issue.line, 'warning', 'frontmatter', issue.message);
        }
        return r;
    }
    /** A blob's decoded text, from the few kept or decoded again. */
    textOf(blob) {
        const kept = this.texts.get(blob.sha);
        if (kept !== undefined) {
            this.texts.delete(blob.sha);
            this.texts.set(blob.sha, kept);
            return kept;
        }
        const text = decode(blob.data).text;
        this.keep(blob.sha, text);
        return text;
    }
    keep(sha, text) {
        this.texts.set(sha, text);
        if (this.texts.size > TEXTS_KEPT)
            this.texts.delete(this.texts.keys().next().value);
    }
    /** The loaded text of a prompt or agent file: its text after the frontmatter block. */
    bodySource(r) {
        return r ? { start: r.parsed?.bodyStart ?? 0 } : { text: '' };
    }
    /** A read file's text after its frontmatter block. */
    body(r) {
        return bodyOf(r.text, r.parsed);
    }
    /** A memory file's facts (its body when a rule with front matter), computed once per blob for every round and side. */
    memoryFacts(r, rule) {
        const which = rule && r.parsed ? 'rule' : 'plain';
        const memo = r.sha ? this.parseCache?.get(r.sha) : undefined;
        const known = memo?.memory?.[which];
        if (known)
            return known;
        const raw = which === 'rule' ? this.body(r) : r.text;
        const facts = {
            chars: memoryText(raw).length,
            imports: findImports(raw).map((i) => ({ ref: detach(i.ref), line: i.line })),
            ...(r.bytes < 256 ? { linkText: detach(r.text.trim()) } : {}),
        };
        if (memo)
            (memo.memory ??= {})[which] = facts;
        return facts;
    }
    readJson(p) {
        const r = this.read(p);
        if (!r || this.missing.has(r.real))
            return undefined;
        const j = parseJson(r.text);
        if (!j.ok) {
            this.diag(p, j.line, 'warning', 'invalid-json', `invalid JSON: ${j.message}`);
            return undefined;
        }
        return j.value;
    }
    addFile(p, unit, kind, loading, reason, category, text, depth) {
        const r = this.read(p);
        const real = r?.real ?? this.tree.real(p) ?? p;
        const existing = this.files.get(real);
        // A text of its own is copied (a substring would keep the whole file's text alive).
        const source = typeof text === 'string' ? { text: detach(text) } : text;
        if (existing) {
            // A file reached twice keeps its strongest loading: eager beats on-demand beats not-loaded.
            if (rank(loading) > rank(existing.loading))
                this.files.set(real, { ...existing, loading, reason, category, unit, kind, source: source ?? existing.source, depth });
            return existing;
        }
        const f = {
            // Claude Code names a memory file or an import by the path it reached it through (a symlink's
            // own path), but a rule by its target; everything else by its real path (measured with 2.1.332).
            path: kind === 'memory' && Tree.normalize(p) !== null ? Tree.normalize(p) : real,
            real,
            sha: r?.sha ?? '',
            bytes: r?.bytes ?? 0,
            unit,
            kind,
            loading,
            reason,
            category,
            source: source ?? (r && !this.missing.has(r.real) ? { start: 0 } : { text: '' }),
            depth,
        };
        this.files.set(real, f);
        return f;
    }
    /** Resolves an @reference inside the repository; records why it can't be. */
    resolveRef(from, ref, line, as, base) {
        const fromReal = this.tree.real(from) ?? from;
        // (findImports never yields a bare `~`: it is no path.)
        if (ref.startsWith('~/')) {
            this.unresolved.push({ from: fromReal, line, ref, reason: 'home' });
            this.diag(from, line, 'info', 'import-home', `@${ref} is in the user's home directory: user-specific, not resolvable from the repository (never read)`);
            return null;
        }
        if (ref.startsWith('/')) {
            this.unresolved.push({ from: fromReal, line, ref, reason: 'external' });
            this.diag(from, line, 'warning', 'import-external', `@${ref} is an absolute path outside the repository (never read)`);
            return null;
        }
        const ext = posix_default().extname(ref).slice(1).toLowerCase();
        const baseDir = base ?? posix_default().dirname(fromReal);
        const norm = Tree.normalize(posix_default().join(baseDir, ref));
        if (norm === null) {
            this.unresolved.push({ from: fromReal, line, ref, reason: 'external' });
            this.diag(from, line, 'warning', 'import-external', `@${ref} resolves outside the repository (never read)`);
            return null;
        }
        if (ext && !IMPORTABLE_EXTENSIONS.has(ext)) {
            if (this.tree.real(norm))
                this.unresolved.push({ from: fromReal, line, ref, reason: 'skipped', resolved: norm });
            return null;
        }
        const res = this.tree.resolve(norm);
        if (!res.ok || !this.tree.files.has(res.path)) {
            const reason = res.ok ? 'missing' : res.reason;
            const folder = posix_default().dirname(norm) === '.' ? '' : posix_default().dirname(norm);
            this.unresolved.push({
                from: fromReal,
                line,
                ref,
                reason: reason === 'loop' ? 'loop' : reason === 'external' ? 'external' : 'missing',
                ...(reason === 'missing' && !this.tree.isDir(folder) ? { noFolder: true } : {}),
            });
            if (as === 'import' && (ext || reason !== 'missing'))
                this.diag(from, line, 'warning', reason === 'missing' ? 'import-missing' : `import-${reason}`, `@${ref} ${reason === 'missing' ? 'does not exist in the repository' : reason === 'external' ? 'leads outside the repository through a symlink (never read)' : 'is a symlink loop'}: not loaded`);
            return null;
        }
        return norm;
    }
}
function rank(l) {
    return l === 'eager' ? 2 : l === 'on-demand' ? 1 : 0;
}
function context_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** 1-based line of the first line starting with `key:` among the first 400 lines (the front matter), else 1. Reads lines in place. */
function fieldLine(text, key) {
    const prefix = `${key}:`;
    let start = 0;
    for (let line = 1; line <= 400 && start <= text.length; line++) {
        if (text.startsWith(prefix, start))
            return line;
        const nl = text.indexOf('\n', start);
        if (nl < 0)
            break;
        start = nl + 1;
    }
    return 1;
}
/** Trailing `/**` is trimmed from path globs, as Claude Code does. */
function trimGlob(g) {
    return g.endsWith('/**') && g !== '/**' ? g.slice(0, -3) : g;
}
/** Manifest path(s) for a component kind; also accepted under `experimental.`. */
function manifestPaths(manifest, key) {
    if (!manifest)
        return undefined;
    const v = manifest[key] ?? (context_isObject(manifest.experimental) ? manifest.experimental[key] : undefined);
    if (typeof v === 'string')
        return [v];
    if (Array.isArray(v))
        return v.filter((x) => typeof x === 'string');
    return undefined;
}

;// CONCATENATED MODULE: ./src/analyze/loaders/prompts.ts





/** A front matter name Claude Code shows after the directory name (2.1.332: letters, marks, digits, `_:.-`). */
const SKILL_ALIAS = /^[\p{L}\p{M}\p{N}_:.-]+$/u;
/** A command or skill: listing entry (eager or conditional) and body (on invocation). */
function planPrompt(ctx, u, f, name, kind, order) {
    const r = ctx.read(f, true);
    if (!r)
        return;
    const fm = r.parsed?.data ?? {};
    const body = ctx.body(r);
    const isPlugin = u.type === 'plugin';
    // A skill is listed under its directory name; a different, valid front matter name follows in
    // parentheses (`data_viz (DataViz)`); an invalid one (spaces, ...) is not shown (Claude Code 2.1.332).
    const listedName = isPlugin && kind === 'skill' ? `${u.name}:${name}` : name;
    let alias;
    if (kind === 'skill') {
        const declared = asText(fm.name)?.trim();
        if (declared && declared !== name) {
            const qualified = isPlugin ? `${u.name}:${declared}` : declared;
            const shown = SKILL_ALIAS.test(qualified) && qualified.length <= ctx.m.skillAliasMaxChars && !listedName.endsWith(`:${qualified}`);
            if (shown)
                alias = qualified;
            ctx.diag(f, fieldLine(r.text, 'name'), 'info', 
            // An invalid name is its own code: the invalidSkillNames metric counts these.
            shown ? 'skill-name-mismatch' : 'invalid-skill-name', shown
                ? `front matter name "${declared}" differs from the directory "${name}": listed as "${listedName} (${qualified})"`
                : `front matter name "${declared.slice(0, 80)}" is not a valid skill name and is ignored: listed as "${listedName}"`);
        }
    }
    const real = ctx.tree.real(f) ?? f;
    const description = asText(fm.description)?.trim() ?? '';
    const whenToUse = asText(fm.when_to_use)?.trim() ?? '';
    if (kind === 'skill' && description.length > ctx.m.skillDescriptionSpecMaxChars)
        ctx.diag(f, fieldLine(r.text, 'description'), 'warning', 'description-too-long', `description is ${strings_thousands(description.length)} characters; the skills spec allows ${strings_thousands(ctx.m.skillDescriptionSpecMaxChars)}`);
    const disabled = asBool(fm['disable-model-invocation']);
    const globs = kind === 'skill' ? asGlobs(fm.paths) : undefined;
    // No globs (`paths: []`), or only `**`, scope nothing.
    const conditional = globs !== undefined && !globs.every((g) => trimGlob(g) === '**');
    let listed = !disabled;
    // No description: a plugin entry without when_to_use either is not listed; otherwise the
    // description comes from the body's first line, and when_to_use is appended (Claude Code 2.1.332).
    let base = description;
    if (!description) {
        if (isPlugin && !whenToUse) {
            listed = false;
            ctx.diag(f, 1, 'warning', 'missing-description', `plugin ${kind} has no description: Claude Code does not list it, so the model can't discover it`);
        }
        else {
            base = deriveDescription(body, kind, ctx.m.derivedDescriptionMaxChars);
            ctx.diag(f, 1, 'info', 'missing-description', `no description: Claude Code derives "${base.slice(0, 60)}" from the first line`);
        }
    }
    const desc = whenToUse ? `${base} - ${whenToUse}` : base;
    const refs = [];
    const bodyLineOffset = (r.parsed?.bodyLine ?? 1) - 1;
    if (kind === 'command') {
        for (const imp of findImports(body)) {
            const target = ctx.resolveRef(f, imp.ref, imp.line + bodyLineOffset, 'file-ref', u.root);
            if (!target)
                continue;
            const tr = ctx.tree.real(target);
            refs.push(tr);
            ctx.edges.push({ from: real, to: tr, type: 'file-ref', line: imp.line + bodyLineOffset });
            ctx.addFile(target, u.name, 'resource', 'on-demand', `referenced with @ by ${real}: loaded when it is invoked`, 'resources');
        }
    }
    const bodyLoading = 'on-demand';
    ctx.addFile(f, u.name, kind, bodyLoading, `${kind} body, loaded on invocation`, kind === 'skill' ? 'skill-bodies' : 'command-bodies', ctx.bodySource(r));
    const entry = listed
        ? makeEntry(ctx, listedName, desc, kind, u.name, real, conditional ? 'on-demand' : 'eager', conditional
            ? `path-scoped skill (paths: ${globs.map(trimGlob).join(', ')}): listed when matching files are touched`
            : `${kind} listing entry, sent at session start`, alias, order)
        : undefined;
    ctx.components.push({
        id: `${kind}:${u.name}:${listedName}`,
        kind,
        name: listedName,
        unit: u.name,
        file: real,
        loading: entry?.loading ?? bodyLoading,
        entry: entry?.name,
        refs,
    });
}
/** Characters the skill listing escapes as HTML entities. */
const LISTING_ESCAPES = /[<>]/g;
function makeEntry(ctx, name, description, kind, unit, file, loading, reason, alias, order) {
    // Line breaks and tabs in a listing description become spaces (a run of line breaks: one space),
    // then the cap counts UTF-16 code units, as Claude Code's String.length does (2.1.332, measured).
    // `<` and `>` are sent escaped (`&lt;`, `&gt;`; `&` and quotes as they are), and the cap counts the
    // escaped text (Claude Code 2.1.332, measured on a framework made for it: conformance-text).
    description = description
        .replace(/(?:\r?\n)+/g, ' ')
        .replace(/\t/g, ' ')
        .trim()
        .replace(LISTING_ESCAPES, (c) => (c === '<' ? '&lt;' : '&gt;'));
    const cap = ctx.m.skillListingMaxDescChars;
    const capped = description.length > cap;
    const desc = capped ? description.slice(0, cap - 1) + '…' : description;
    const shown = alias ? `${name} (${alias})` : name;
    const line = fieldLine(ctx.read(file)?.text ?? '', 'description');
    const e = {
        name,
        kind,
        unit,
        file,
        text: `- ${shown}: ${desc}`,
        description: desc,
        loading,
        reason,
        descriptionCapped: capped,
        nameOnly: false,
        ...(alias ? { alias } : {}),
        ...(order !== undefined ? { order } : {}),
        line,
    };
    if (capped)
        ctx.diag(file, line, 'warning', 'description-capped', `description is ${strings_thousands(description.length)} characters: the listing cuts it to ${strings_thousands(cap)} (skillListingMaxDescChars)`);
    ctx.skillEntries.push(e);
    return e;
}
function applyOverridesAndOrder(ctx, settings) {
    for (const e of ctx.skillEntries) {
        const o = settings.skillOverrides[e.name];
        // 'on', or no override, changes nothing; so does a value Claude Code does not know.
        if (o === 'off' || o === 'user-invocable-only') {
            e.loading = 'not-loaded';
            e.reason = `skillOverrides: ${o}`;
        }
        else if (o === 'name-only') {
            e.text = `- ${e.alias ? `${e.name} (${e.alias})` : e.name}`;
            delete e.description;
            e.nameOnly = true;
            e.reason += ' (skillOverrides: name-only)';
        }
    }
}
/** Claude Code's fallback description: first non-empty body line, heading #s removed, cut to 100. */
function deriveDescription(body, kind, max) {
    // The first non-empty line, found in place (a long body is not split into lines).
    let line;
    for (let start = 0; start < body.length && line === undefined;) {
        let end = body.indexOf('\n', start);
        if (end < 0)
            end = body.length;
        const l = body.slice(start, end).trim();
        if (l.length > 0)
            line = l;
        start = end + 1;
    }
    if (!line)
        return kind === 'skill' ? 'Skill' : 'Custom command';
    const text = line.replace(/^#+\s*/, '');
    const chars = [...text];
    // Copied: a substring of the body would keep the file's whole text alive for the run.
    return detach(chars.length > max ? chars.slice(0, max - 3).join('') + '...' : text);
}
/**
 * Claude Code's listing order (2.1.332, held to the binary by the conformance goldens; names compared
 * as localeCompare does, so `Upper` sorts among the lower-case names): the project's skills by name, its commands by name, its workflows, then the plugins' commands by name, then the
 * plugins' skills by name; a plugin's workflows sort among its commands (observed on a framework made for it). Claude Code's own entries follow (listing.ts).
 */
function listingOrder(entries, units) {
    const plugin = new Set(units.filter((u) => u.type === 'plugin').map((u) => u.name));
    // Plugins installed from a marketplace are listed in install order (the marketplace's), each
    // plugin's manifest-listed skills in their list's order (measured with 2.1.332); the rest by name.
    const installOrder = new Map(units.filter((u) => u.installOrder !== undefined).map((u) => [u.name, u.installOrder]));
    const byInstall = (a, b) => {
        const ia = installOrder.get(a.unit);
        const ib = installOrder.get(b.unit);
        if (ia === undefined || ib === undefined)
            return 0;
        return ia - ib || (a.order ?? Infinity) - (b.order ?? Infinity) || 0;
    };
    const rank = { skill: [0, 4], command: [1, 3], workflow: [2, 3], agent: [6, 6] };
    // User-scope entries (~/.claude) come before the project's: skills, then commands (one fixture observed).
    const group = (e) => (e.unit === USER ? (e.kind === 'skill' ? -2 : -1) : rank[e.kind][plugin.has(e.unit) ? 1 : 0]);
    // A plugin's commands are ordered by their file names (`commit.fast.md` before `commit.md`), the
    // project's by their names (`deploy` before `deploy_x`): both measured with 2.1.332.
    const key = (e) => (e.kind === 'command' && plugin.has(e.unit) ? `${e.name}.md` : e.name);
    return [...entries].sort((a, b) => group(a) - group(b) || byInstall(a, b) || strings_compareNames(key(a), key(b)));
}

;// CONCATENATED MODULE: ./src/analyze/listing.ts
/**
 * The skill listing as Claude Code 2.1.332 builds it for one model: the framework's entries in
 * listing order, then Claude Code's own bundled entries; its character budget; and, over budget,
 * which entries keep their description. Pure.
 *
 * Over budget (read from 2.1.332 and held to the binary by the conformance goldens): name-only
 * entries and bundled entries that never compete keep their line as it is; every other entry starts
 * as `- name`; then, in usage order (for a user with no history: the listing order), each entry gets
 * its description back if the difference still fits in what is left of the budget.
 */


/** `- name` of a listed line: everything before the first `: ` after the name. */
function bareLine(e) {
    return `- ${e.alias ? `${e.name} (${e.alias})` : e.name}`;
}
function buildListing(entries, model, nameOnly = new Set()) {
    const lines = [
        ...entries.map((e) => {
            const bare = displayWidth(bareLine(e));
            return {
                name: e.alias ? `${e.name} (${e.alias})` : e.name,
                full: nameOnly.has(e) ? bare : e.chars,
                bare,
                fixed: nameOnly.has(e),
                bundled: false,
                entry: e,
            };
        }),
        // The description cap applies to Claude Code's own entries too (`- name: ` + at most cap characters; measured with 2.1.332).
        ...model.bundledEntries.map((b) => ({
            name: b.name,
            full: Math.min(b.chars, b.name.length + 4 + model.skillListingMaxDescChars),
            bare: b.name.length + 2,
            fixed: !b.competes,
            bundled: true,
        })),
    ];
    const budget = skillListingBudget(model);
    const sep = Math.max(0, lines.length - 1);
    const chars = lines.reduce((s, l) => s + l.full, 0) + sep;
    const bundledChars = lines.filter((l) => l.bundled).reduce((s, l) => s + l.full, 0);
    const bare = new Set();
    if (chars <= budget)
        return { lines, chars, sentChars: chars, budget, bundledChars, overBudget: false, bare };
    let left = budget - (lines.reduce((s, l) => s + (l.fixed ? l.full : l.bare), 0) + sep);
    for (const l of lines) {
        if (l.fixed)
            continue;
        const extra = l.full - l.bare;
        if (extra <= left)
            left -= extra;
        else
            bare.add(l);
    }
    const sentChars = lines.reduce((s, l) => s + (bare.has(l) ? l.bare : l.full), 0) + sep;
    return { lines, chars, sentChars, budget, bundledChars, overBudget: true, bare };
}
/** Listing limits are judged per plugin (project + that plugin) when the snapshot says so and has plugins. */
function perPlugin(s) {
    return s.listings.scope === 'per-plugin' && s.listings.perPlugin.length > 0;
}
/** The listing figures the limits are judged on, and the plugin they come from in per-plugin scope. */
function listing_judgedListings(s) {
    const p = perPlugin(s);
    const sk = p ? s.listings.worst.skills : null;
    const ag = p ? s.listings.worst.agents : null;
    return {
        skillChars: sk ? sk.chars : s.listings.skills.chars,
        ...(sk ? { skillUnit: sk.unit } : {}),
        agentTokens: ag ? ag.claudeEstimateTokens : s.listings.agents.claudeEstimateTokens,
        ...(ag ? { agentUnit: ag.unit } : {}),
    };
}

;// CONCATENATED MODULE: ./src/optimize/analyzers.ts
/**
 * The optimizer suite: independent analyzers, each a pure function of a snapshot returning
 * recommendations with an estimated saving, an effort and a location. Savings are estimates
 * (o200k_base tokens; parts of files proportional to their characters).
 */



/** An always-loaded file above this many tokens is worth splitting even without headings. */
const LARGE_EAGER_FILE_TOKENS = 3_000;
/** Descriptions are worth shortening above this many characters (agents: Claude Code's examples belong in the body). */
const LONG_DESCRIPTION_CHARS = 400;
/** Target length suggested for a shortened description. */
const TARGET_DESCRIPTION_CHARS = 250;
/** Import chains at least this deep are flagged. */
const DEEP_CHAIN = 3;
const tokensPerChar = (tokens, chars) => (chars > 0 ? tokens / chars : 0.25);
/** Lazy loading: large sections of always-loaded memory files belong in skills or path-scoped rules. */
const lazyLoading = (s) => {
    const out = [];
    const withSections = new Set(s.content.sections.map((x) => x.file));
    const nth = ordinal();
    for (const sec of s.content.sections) {
        const f = s.files.find((x) => x.path === sec.file);
        if (!f || (f.kind !== 'memory' && f.kind !== 'rule'))
            continue;
        out.push({
            // Identity is the subject (file, heading), never the line: lines added above must not make it new.
            key: `loading:${sec.file}:${sec.heading}${nth(`${sec.file}\0${sec.heading}`)}`,
            analyzer: 'loading',
            title: `Move "${sec.heading}" out of the always-loaded ${sec.file}`,
            rationale: `This section costs about ${strings_thousands(sec.tokens)} tokens on every turn of every session. If it is needed only for some tasks, make it a skill (only its one-line description stays loaded) or a rule with paths: (loaded when matching files are touched).`,
            location: { file: sec.file, line: sec.line },
            saving: { eagerTokens: sec.tokens, onDemandTokens: -sec.tokens },
            effort: 'medium',
        });
    }
    for (const f of s.files) {
        if (f.loading !== 'eager' || (f.kind !== 'memory' && f.kind !== 'rule') || f.tokens < LARGE_EAGER_FILE_TOKENS || withSections.has(f.path))
            continue;
        out.push({
            key: `loading:${f.path}`,
            analyzer: 'loading',
            title: `Split the always-loaded ${f.path} (${f.tokens} tokens)`,
            rationale: `${f.reason}. Split it by topic into skills and path-scoped rules so that each session loads only what its task needs.`,
            location: { file: f.path, line: 1 },
            saving: { eagerTokens: Math.round(f.tokens / 2), onDemandTokens: 0 },
            effort: 'high',
            architectural: true,
        });
    }
    return out;
};
/** Listing: descriptions that are truncated, capped, or simply long cost on every turn. */
const listingDescriptions = (s) => {
    const out = [];
    const j = listing_judgedListings(s);
    const perPlugin = s.listings.scope === 'per-plugin';
    const truncated = new Set(perPlugin && s.listings.worst.skills ? s.listings.worst.skills.truncated : s.listings.skills.truncated);
    // The agent listing over Claude Code's limit, judged as diff judges it: that unit's entries block.
    const agentsOver = j.agentTokens > s.listings.agents.warnAt;
    const overUnit = agentsOver ? j.agentUnit : undefined;
    const inJudged = (unit) => !overUnit || unit === overUnit || unit === 'project';
    // Targets computed from the real budgets: an even share of what is left for the framework.
    const skillEntries = s.listings.skills.items.filter((e) => e.loading === 'eager' && (!j.skillUnit || e.unit === j.skillUnit || e.unit === 'project'));
    // What each description could keep if every entry kept one; under 40 characters no description is
    // useful, and saying "about 40 characters brings every entry back" would be advice that can't fit.
    const rawShare = Math.floor((s.listings.skills.budget - s.listings.skills.bundledAllowance) / Math.max(1, skillEntries.length)) - 30;
    const skillShare = Math.max(40, rawShare);
    const shareAdvice = rawShare >= 40
        ? `About ${skillShare} characters per description brings every entry back.`
        : `${skillEntries.length} entries can't all keep a description within this budget (that would leave ${Math.max(0, rawShare)} characters each): set \`disable-model-invocation: true\` on skills and commands the model need not pick by itself, or split them into plugins installed separately.`;
    const agentEntries = s.listings.agents.items.filter((e) => e.loading === 'eager' && inJudged(e.unit));
    const agentShare = Math.max(60, Math.floor((s.listings.agents.warnAt * 4) / Math.max(1, agentEntries.length)) - 40);
    for (const e of [...s.listings.skills.items, ...s.listings.agents.items]) {
        if (e.loading !== 'eager')
            continue;
        // The description alone: not the name, nor an agent line's "(Tools: ...)" suffix.
        const descChars = (e.description ?? (e.kind === 'agent' ? e.text.replace(/ \(Tools: [^()]*\)$/, '') : e.text).slice(e.text.indexOf(': ') + 2)).length;
        const isTruncated = truncated.has(e.name);
        const blocking = isTruncated || (e.kind === 'agent' && agentsOver && inJudged(e.unit));
        if (!blocking && !e.descriptionCapped && descChars <= LONG_DESCRIPTION_CHARS)
            continue;
        const target = e.kind === 'agent' ? (agentsOver ? agentShare : TARGET_DESCRIPTION_CHARS) : truncated.size ? skillShare : TARGET_DESCRIPTION_CHARS;
        if (!blocking && descChars <= target)
            continue;
        const keep = Math.min(descChars, target);
        const saving = Math.max(0, Math.round((descChars - keep) * tokensPerChar(e.tokens, e.chars)));
        const what = e.kind === 'agent' ? 'agent description' : `${e.kind} description`;
        out.push({
            key: `listing:${e.kind}:${e.name}`,
            analyzer: 'listing',
            title: isTruncated
                ? `"${e.name}" loses its description: the skill listing is over budget`
                : `Shorten the ${what} of "${e.name}" (${strings_thousands(descChars)} characters, to about ${strings_thousands(keep)})`,
            rationale: isTruncated
                ? `The listing exceeds its ${s.listings.skills.budget}-character budget (Claude Code's own entries take ${s.listings.skills.bundledAllowance}), so in the assumed order this entry is reduced to its bare name and the model no longer knows when to use it. ${shareAdvice}`
                : e.kind === 'agent'
                    ? `Every agent's description is sent at session start.${agentsOver && inJudged(e.unit) ? ` The agent listing${overUnit ? ` with ${overUnit} installed` : ''} is ${j.agentTokens} tokens against Claude Code's ${s.listings.agents.warnAt}: about ${agentShare} characters per description brings it under.` : ''} Keep it to when to use the agent; move examples and detail into the agent's body, which loads only when it is spawned.`
                    : `Every listed description is sent at session start${e.descriptionCapped ? `, and this one is cut at ${s.model.skillListingMaxDescChars ?? 1536} characters anyway` : ''}. Say when to use it in one or two sentences; detail belongs in the body, loaded on invocation.`,
            location: { file: e.file, line: e.line ?? 1 },
            saving: { eagerTokens: saving, onDemandTokens: 0 },
            effort: 'low',
            correctness: blocking,
            blocking,
        });
    }
    return out;
};
/** Duplication: the same paragraph in several loaded files is paid for more than once. */
const duplication = (s) => s.content.duplicates.slice(0, 200).map((d) => {
    const eagerCopies = d.locations.filter((l) => l.eager).length;
    const first = d.locations[0];
    return {
        key: `duplication:${d.locations.map((l) => l.file).join('|')}:${d.preview}`,
        analyzer: 'duplication',
        title: `The same ${d.chars}-character paragraph appears in ${d.locations.length} files`,
        rationale: `"${d.preview}…" is repeated in ${d.locations.map((l) => `${l.file}:${l.line}`).join(', ')}. Keep it once (a shared file referenced where needed).`,
        location: { file: first.file, line: first.line },
        saving: { eagerTokens: Math.max(0, eagerCopies - 1) * d.tokens, onDemandTokens: (d.locations.length - Math.max(eagerCopies, 1)) * d.tokens },
        effort: 'medium',
    };
});
/** References: imports and @file references that resolve to nothing, or to places that are never read. */
const references = (s) => {
    // An @-mention with no extension, bare or in a folder that does not exist either, is prose (an npm
    // package such as @storybook/sveltekit, a handle), not a broken path.
    const prose = (u) => u.reason === 'missing' && !/\.[A-Za-z0-9]+$/.test(u.ref) && (!u.ref.includes('/') || u.noFolder === true);
    return s.graph.unresolved
        .filter((u) => u.reason !== 'skipped' && !prose(u))
        .map((u) => ({
        key: `references:${u.from}:${u.ref}`,
        analyzer: 'references',
        title: u.reason === 'depth'
            ? `@${u.ref} is past the import depth limit and never loads`
            : u.reason === 'home'
                ? `@${u.ref} points into the user's home directory`
                : u.reason === 'external'
                    ? `@${u.ref} leaves the repository`
                    : u.reason === 'loop'
                        ? `@${u.ref} is a symlink loop`
                        : `@${u.ref} does not exist`,
        rationale: u.reason === 'depth'
            ? `Claude Code follows at most ${(s.model.importMaxDepth ?? 5) - 1} hops of imports below the root memory file. Import it from a shallower file, or inline it.`
            : u.reason === 'home'
                ? 'It resolves differently for every user and not at all in CI: the instructions it holds are not part of the shared framework. Commit the file and import it by a relative path, or drop the import.'
                : 'Claude Code cannot load it for anyone who clones the repository. Fix the path or remove the reference.',
        location: { file: u.from, line: u.line },
        saving: { eagerTokens: 0, onDemandTokens: 0 },
        effort: 'low',
        correctness: true,
    }));
};
/** Structure: deep import chains and cycles. */
const structure = (s) => {
    const out = [];
    for (const c of s.graph.cycles)
        out.push({
            key: `structure:cycle:${c.join('>')}`,
            analyzer: 'structure',
            title: `Import cycle: ${c.join(' → ')}`,
            rationale: 'Each file loads once, so the cycle adds nothing but makes the load order depend on where reading starts. Remove the back-reference.',
            location: { file: c[0] },
            saving: { eagerTokens: 0, onDemandTokens: 0 },
            effort: 'low',
            correctness: true,
        });
    if (s.graph.maxDepth >= DEEP_CHAIN)
        out.push({
            key: `structure:depth:${s.graph.longestChain[0]}`,
            analyzer: 'structure',
            title: `Import chain ${s.graph.maxDepth} levels deep`,
            rationale: `${s.graph.longestChain.join(' → ')}. Deep chains are hard to review and close to Claude Code's limit (a file at depth ${s.model.importMaxDepth ?? 5} is not loaded). Flatten: import from the root, or turn the leaves into skills.`,
            location: { file: s.graph.longestChain[0] },
            saving: { eagerTokens: 0, onDemandTokens: 0 },
            effort: 'medium',
            architectural: true,
        });
    return out;
};
/** Compression: long code blocks, tables, base64 and whitespace in always-loaded files. */
const compression = (s) => {
    const nth = ordinal();
    return s.content.compressible.map((c) => ({
        key: `compression:${c.file}:${c.kind}${nth(`${c.file}\0${c.kind}`)}`,
        analyzer: 'compression',
        title: `Compress the ${c.kind.replace('-', ' ')} in ${c.file}:${c.line}`,
        rationale: `${c.note}. It is always loaded.`,
        location: { file: c.file, line: c.line },
        saving: { eagerTokens: c.kind === 'whitespace' ? c.tokens : Math.round(c.tokens * 0.7), onDemandTokens: 0 },
        effort: 'low',
    }));
};
/** Tells apart subjects of one name in order (the first has no suffix, then `#2`, `#3`...). */
function ordinal() {
    const seen = new Map();
    return (subject) => {
        const n = (seen.get(subject) ?? 0) + 1;
        seen.set(subject, n);
        return n === 1 ? '' : `#${n}`;
    };
}
/** Collisions: two components with one name; one shadows the other. */
const collisions = (s) => s.diagnostics
    .filter((d) => d.code === 'duplicate-name' || d.code === 'duplicate-plugin')
    .map((d) => ({
    key: `collisions:${d.file}:${d.message}`,
    analyzer: 'collisions',
    title: `Name collision in ${d.file}`,
    rationale: `${d.message}. Rename one of them so both stay reachable.`,
    location: { file: d.file, line: d.line },
    saving: { eagerTokens: 0, onDemandTokens: 0 },
    effort: 'low',
    correctness: true,
}));
/** Other agents (measured or not) whose folders hold this file: it is not dead, only not Claude Code's. */
function analyzers_readersOf(file) {
    return AGENT_IDS.map((id) => agents_AGENT_PROFILES[id]).filter((p) => [...p.skillDirs, ...p.agentDirs, ...p.rulesDirs, ...p.commandDirs, ...(p.scopedInstructions ? [p.scopedInstructions.dir] : [])].some((d) => file.startsWith(`${d}/`)) || p.instructions.some((i) => i.names.includes(file)));
}
/** Reachability: component-like files that nothing loads (another agent's files: said, not called dead). */
const reachability = (s) => s.files
    .filter((f) => {
    const readers = analyzers_readersOf(f.path);
    // Measured agents account for their own files; an agent not measured is named (in the title below).
    return !readers.some((p) => s.agents?.some((a) => a.agent.id === p.id));
})
    .filter((f) => f.loading === 'not-loaded' &&
    (f.kind === 'other' || f.kind === 'agent' || f.kind === 'command' || f.kind === 'skill') &&
    /\.md$/i.test(f.path) &&
    f.tokens > 0)
    .filter((f) => /(^|\/)(agents|commands|skills|rules)\//.test(f.path) && !/(^|\/)README\.md$/i.test(f.path))
    .map((f) => {
    const readers = analyzers_readersOf(f.path);
    return {
        key: `reachability:${f.path}`,
        analyzer: 'reachability',
        title: readers.length
            ? `Claude Code does not load ${f.path}; ${readers.map((p) => p.name).reduce((a, n, i, all) => (i === 0 ? n : `${a}${i === all.length - 1 ? ' and ' : ', '}${n}`), '')} read${readers.length === 1 ? 's' : ''} it`
            : `Nothing loads ${f.path}`,
        rationale: readers.length
            ? `${f.reason}. Its cost in ${readers.map((p) => p.name).reduce((a, n, i, all) => (i === 0 ? n : `${a}${i === all.length - 1 ? ' and ' : ', '}${n}`), '')} is not measured: turn ${readers.length === 1 ? 'it' : 'them'} on with \`--agent ${readers.map((p) => p.id).join(' --agent ')}\` or \`agents: [${readers.map((p) => p.id).join(', ')}]\` in the budget config.`
            : `${f.reason}. Register it (a plugin manifest path, the right folder) if it is meant to be used, or delete it so reviewers don't maintain dead prompts.`,
        location: { file: f.path, line: 1 },
        saving: { eagerTokens: 0, onDemandTokens: 0 },
        effort: 'low',
    };
});
const ANALYZERS = [lazyLoading, listingDescriptions, duplication, references, structure, compression, collisions, reachability];

;// CONCATENATED MODULE: ./src/optimize/text.ts
/**
 * Text surgery for the optimizer's transforms: Markdown sections with their line ranges, paragraphs,
 * front matter fields rewritten in place, sentence-boundary cuts. Pure string functions; the rest
 * of a file is kept byte for byte.
 */


const FENCE = FENCE_LINE;
/**
 * Level-1 and level-2 sections outside code fences, as the analyzer's content scan splits them
 * (src/analyze/content.ts): each heading starts a section that ends at the next one.
 */
function sections(text) {
    const lines = text.split('\n');
    const out = [];
    let fence = false;
    let cur = null;
    const close = (end) => {
        if (cur)
            out.push({ ...cur, end, text: lines.slice(cur.start, end).join('\n') });
    };
    lines.forEach((l, i) => {
        if (FENCE.test(l))
            fence = !fence;
        const h = !fence && SECTION_HEADING.exec(l);
        if (h) {
            close(i);
            cur = { heading: h[2].trim().replace(/\s+#+\s*$/, ''), level: h[1].length, start: i };
        }
    });
    close(lines.length);
    return out;
}
/** Replaces lines [start, end) of a text with others (an empty list removes them). */
function spliceLines(text, start, end, insert) {
    const lines = text.split('\n');
    lines.splice(start, end - start, ...insert);
    return lines.join('\n');
}
/** A section's body: its lines after the heading, trimmed. */
function sectionBody(s) {
    return s.text.split('\n').slice(1).join('\n').trim();
}
/** The first sentence of prose in Markdown: headings, code, tables and HTML skipped; list markers and emphasis removed. */
function firstSentence(markdown) {
    let fence = false;
    for (const raw of markdown.split('\n')) {
        if (FENCE.test(raw)) {
            fence = !fence;
            continue;
        }
        const l = raw.trim();
        if (fence || !l || /^(#|\||<|>|---|@)/.test(l))
            continue;
        const plain = l
            .replace(/^([-*+]|\d+[.)])\s+/, '')
            .replace(/\*\*|__/g, '')
            .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
            .trim();
        if (!plain)
            continue;
        const end = /[.!?](\s|$)/.exec(plain);
        return end ? plain.slice(0, end.index + 1) : plain;
    }
    return '';
}
/**
 * The longest prefix of a text of at most `max` characters that ends a sentence, else the longest
 * that ends a word; never more than `max`. Whitespace is collapsed first.
 */
function cutAtSentence(text, max) {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t.length <= max)
        return t;
    const head = t.slice(0, max + 1);
    let best = -1;
    for (const m of head.matchAll(/[.!?](?=\s)/g))
        if (m.index + 1 <= max)
            best = m.index + 1;
    if (best > 0)
        return t.slice(0, best);
    const space = head.lastIndexOf(' ');
    const word = space > 0 ? t.slice(0, space) : t.slice(0, max);
    return word.replace(/[,;:\s-]+$/, '');
}
/** kebab-case of a heading for a file or skill name: [a-z0-9-], at most `max` characters. */
function slugOf(heading, max = 64) {
    const s = heading
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[`*_~[\]()]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return (s.slice(0, max).replace(/-+$/, '') || 'section').replace(/^-/, '');
}
/** A YAML scalar for a one-line value: double-quoted (JSON's escapes are YAML's). */
function yamlString(v) {
    return JSON.stringify(v);
}
/** Where a front matter block is: lines [1, close) of the file are its YAML, or null without one. */
function frontmatterLines(lines) {
    if (!/^---[ \t]*\r?$/.test(lines[0] ?? ''))
        return null;
    for (let i = 1; i < lines.length; i++)
        if (/^(---|\.\.\.)[ \t]*\r?$/.test(lines[i]))
            return { close: i };
    return null;
}
/**
 * The file with a top-level front matter field set to a one-line value (its old value, block
 * scalars and continuation lines included, replaced); `null` removes the field. Every other line is
 * kept as it was. Returns null when the file has no front matter block or the field is absent.
 */
function setFrontmatterField(text, key, value) {
    const lines = text.split('\n');
    const fm = frontmatterLines(lines);
    if (!fm)
        return null;
    const keyRe = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
    const at = lines.findIndex((l, i) => i > 0 && i < fm.close && keyRe.test(l));
    if (at < 0)
        return null;
    let end = at + 1;
    // Continuation: indented lines, blank lines followed by indented ones, until the next top-level key.
    while (end < fm.close && (/^[ \t]/.test(lines[end]) || (lines[end].trim() === '' && end + 1 < fm.close && /^[ \t]/.test(lines[end + 1]))))
        end++;
    const cr = lines[at].endsWith('\r') ? '\r' : '';
    lines.splice(at, end - at, ...(value === null ? [] : [`${key}: ${yamlString(value)}${cr}`]));
    return lines.join('\n');
}
/** The front matter's end: the index in the text where the body starts (0 without front matter). */
function bodyStartOf(text) {
    const p = parseFrontmatter(text);
    return p.hasFrontmatter ? p.bodyStart : 0;
}
/** Paragraphs (blocks between blank lines) with their line ranges; code fences are kept whole. */
function paragraphs(text) {
    const lines = text.split('\n');
    const out = [];
    let start = -1;
    let fence = false;
    lines.forEach((l, i) => {
        if (FENCE.test(l))
            fence = !fence;
        const blank = !fence && l.trim() === '';
        if (!blank && start < 0)
            start = i;
        if (blank && start >= 0) {
            out.push({ start, end: i, text: lines.slice(start, i).join('\n') });
            start = -1;
        }
    });
    if (start >= 0)
        out.push({ start, end: lines.length, text: lines.slice(start).join('\n') });
    return out;
}
/** Paragraph text compared for duplication: whitespace runs as one space, trimmed. */
function normalized(p) {
    return p.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/optimize/transforms.ts
/**
 * The optimizer's transforms: each a pure function from a loaded framework (its snapshot and the
 * texts of the files it may edit) to file edits, with the text each edit moves out of (and into)
 * what every session loads, and the candidates it refused with why. Idempotent: run again on its
 * own output, a transform proposes nothing more.
 */








/**
 * Headings that read as a rule for every task: such a section stays always-loaded (moving it would
 * make the model miss it on tasks that never call the skill).
 */
const ALWAYS_RULE_HEADING = /\b(rules?|conventions?|guidelines?|principles?|standards?|style|important|critical|must|never|always|overview|about|introduction|context|summary|general|core|behaviou?r|persona|role|identity|communication|tone|constraints?|requirements?|policy|policies|security|safety)\b/i;
/** Headings that name a procedure or a reference: read when a task needs them. */
const PROCEDURE_HEADING = /\b(how to|how-to|workflow|process|procedures?|steps?|guide|reference|api|commands?|deploy(ment|ing)?|release|releasing|setup|set up|install(ation|ing)?|testing|tests|troubleshoot(ing)?|debug(ging)?|migrat(e|ion|ions)|architecture|schema|endpoints?|examples?|checklist|faq|recipes?|playbook|runbook|database|scripts?|tooling|build(ing)?|cli)\b/i;
/** A body with this share or more of lines that state a constraint reads as rules for every task. */
const IMPERATIVE_SHARE = 0.4;
/** First path segments too broad to scope a rule by (a section about `src/` concerns everything). */
const GENERIC_ROOTS = new Set([
    'src',
    'lib',
    'app',
    'apps',
    'packages',
    'test',
    'tests',
    'docs',
    'scripts',
    '.',
    '..',
    '.claude',
    '.github',
]);
const IMPERATIVE = /\b(always|never|must|do not|don't|avoid|should|prefer|make sure|ensure|required?)\b/i;
/** How a section reads: a rule for every task, about specific paths, a procedure or reference, or unclear. */
function classifySection(s) {
    if (ALWAYS_RULE_HEADING.test(s.heading) && !PROCEDURE_HEADING.test(s.heading))
        return { kind: 'always', why: `its heading ("${s.heading}") reads as a rule for every task` };
    const lines = s.text
        .split('\n')
        .slice(1)
        .filter((l) => l.trim() !== '');
    const imperative = lines.filter((l) => IMPERATIVE.test(l)).length;
    if (lines.length && imperative / lines.length >= IMPERATIVE_SHARE)
        return { kind: 'always', why: `${imperative} of its ${lines.length} lines state a constraint (always, never, must...): it reads as rules for every task` };
    const globs = pathScope(s);
    if (globs)
        return { kind: 'paths', why: `it concerns ${globs.join(', ')}`, globs };
    const numbered = lines.filter((l) => /^\s*\d+[.)]\s/.test(l)).length;
    const fences = lines.filter((l) => /^\s{0,3}(```|~~~)/.test(l)).length / 2;
    const rows = lines.filter((l) => /^\s*\|.*\|\s*$/.test(l)).length;
    if (PROCEDURE_HEADING.test(s.heading) || numbered >= 3 || fences >= 1 || rows >= 3)
        return {
            kind: 'procedure',
            why: PROCEDURE_HEADING.test(s.heading)
                ? `its heading names a procedure or reference`
                : `it holds ${numbered >= 3 ? `${numbered} numbered steps` : fences >= 1 ? 'code' : 'a table'}`,
        };
    return {
        kind: 'unclear',
        why: 'no sign of a procedure or a reference (no steps, code or table, and the heading names none): it may be guidance for every task',
    };
}
/** Path-like references: `dir/sub/`, `dir/file.ext`, `**\/*.tsx`, `*.py` (URLs and @imports excluded). */
function pathRefs(text) {
    const out = [];
    for (const m of text.matchAll(/`([^`\s]+)`/g)) {
        const r = m[1];
        if (/^[a-z]+:\/\//i.test(r) || r.startsWith('@') || r.startsWith('-'))
            continue;
        if (/^(\*\*\/)?\*\.[\w]+$/.test(r) || /^[\w.@-]+(\/[\w.*@-]+)+\/?$/.test(r))
            out.push(r.replace(/^\.\//, ''));
    }
    return out;
}
/** The globs a section is scoped to: every path it names under one specific folder, or only file-type globs. */
function pathScope(s) {
    const inHeading = pathRefs(s.heading.replace(/(^|\s)([\w.-]+\/[\w./*-]*)/g, '$1`$2`'));
    const refs = inHeading.length ? inHeading : pathRefs(s.text);
    if (!refs.length || (!inHeading.length && refs.length < 3))
        return undefined;
    if (refs.every((r) => /^(\*\*\/)?\*\.[\w]+$/.test(r)))
        return [...new Set(refs.map((r) => (r.startsWith('**/') ? r : `**/${r}`)))];
    const dirs = refs.map((r) => r
        .split('/')
        .filter((x) => x && !x.includes('*'))
        .slice(0, r.endsWith('/') ? undefined : -1));
    let common = dirs[0] ?? [];
    for (const d of dirs) {
        let i = 0;
        while (i < common.length && i < d.length && common[i] === d[i])
            i++;
        common = common.slice(0, i);
    }
    if (!common.length || (common.length === 1 && GENERIC_ROOTS.has(common[0])))
        return undefined;
    return [`${common.join('/')}/**`];
}
/** Eager memory and rule files of the project (user-scope and plugin files are not the repository's to split). */
function eagerInstructionFiles(s) {
    const project = new Set(s.units.filter((u) => u.type === 'project').map((u) => u.name));
    return s.files.filter((f) => f.loading === 'eager' && (f.kind === 'memory' || f.kind === 'rule') && project.has(f.unit));
}
const taken = (input, used, names, make, slug) => {
    for (let i = 1;; i++) {
        const name = i === 1 ? slug : `${slug}-${i}`;
        if (!used.has(name) && !names.has(name) && !input.exists(make(name))) {
            used.add(name);
            return name;
        }
    }
};
/**
 * Lazy and conditional loading: a large always-loaded section that reads as a procedure or a
 * reference becomes a skill (its description derived from the section; the file keeps one pointer
 * line); one about specific paths becomes a rule with `paths:`. Refused: sections that read as
 * rules for every task, that hold @imports, whose heading another always-loaded file shares, and a
 * file's title section.
 */
function sectionMoves(kinds) {
    return (input) => {
        const s = input.snapshot;
        const steps = [];
        const refused = [];
        const files = eagerInstructionFiles(s);
        const secsOf = new Map(files.map((f) => [f.path, sections(input.text(f.path) ?? '')]));
        const headingFiles = new Map();
        for (const [file, secs] of secsOf)
            for (const x of secs)
                headingFiles.set(x.heading.toLowerCase(), (headingFiles.get(x.heading.toLowerCase()) ?? new Set()).add(file));
        const names = new Set(s.listings.skills.items.map((e) => e.name));
        const used = new Set();
        let listingChars = s.listings.skills.chars;
        for (const f of files) {
            let text = input.text(f.path);
            if (text === undefined)
                continue;
            const secs = secsOf.get(f.path);
            // Bottom-up, so that the line numbers of the sections above stay right.
            for (const sec of [...secs].reverse()) {
                if (sec.text.length < SECTION_MIN_CHARS)
                    continue;
                const at = { file: f.path, line: sec.start + 1, subject: sec.heading };
                const refuse = (kind, why) => void (kinds.has(kind) && refused.push({ kind, ...at, why }));
                const c = classifySection(sec);
                const kind = c.kind === 'paths' ? 'conditional-loading' : 'lazy-loading';
                if (!kinds.has(kind))
                    continue;
                if (findImports(sec.text).length) {
                    refuse(kind, 'it holds @imports: moving it would change what they load (move the imported files instead)');
                    continue;
                }
                const sharers = headingFiles.get(sec.heading.toLowerCase());
                if (sharers.size > 1) {
                    refuse(kind, `its heading is shared by ${[...sharers].join(' and ')}: merging them is the author's call`);
                    continue;
                }
                if (sec === secs[0] && sec.level === 1 && sec.start <= 2) {
                    refuse(kind, "it is the file's title section: give its parts level-2 headings so that each can move on its own");
                    continue;
                }
                if (c.kind === 'always' || c.kind === 'unclear') {
                    refuse(kind, c.why);
                    continue;
                }
                const body = sectionBody(sec);
                if (c.kind === 'paths') {
                    const name = taken(input, used, new Set(), (n) => `.claude/rules/${n}.md`, slugOf(sec.heading));
                    const rule = `---\npaths:\n${c.globs.map((g) => `  - ${yamlString(g)}`).join('\n')}\n---\n\n${sec.text.trim()}\n`;
                    const after = spliceLines(text, sec.start, sec.end, []);
                    steps.push({
                        id: `conditional-loading:${f.path}:${sec.heading}`,
                        kind,
                        title: `Load "${sec.heading}" only for ${c.globs.join(', ')}`,
                        detail: `The section moves, as it is, to .claude/rules/${name}.md with paths: ${c.globs.join(', ')} (${c.why}); Claude Code loads it when a matching file is read.`,
                        risk: 'medium',
                        location: { file: f.path, line: sec.start + 1 },
                        edits: [
                            { path: f.path, before: text, after },
                            { path: `.claude/rules/${name}.md`, before: null, after: rule },
                        ],
                        eagerRemoved: [sec.text],
                        eagerAdded: [],
                        listingChars: 0,
                        agentListingChars: 0,
                    });
                    text = after;
                    continue;
                }
                const slug = taken(input, used, names, (n) => `.claude/skills/${n}/SKILL.md`, slugOf(sec.heading));
                const title = sec.heading.replace(/[`*_]/g, '').replace(/^[^\p{L}\p{N}]+/u, '');
                const description = cutAtSentence(`${title}: ${firstSentence(body) || 'how this project does it'}`, TARGET_DESCRIPTION_CHARS);
                const listed = `- ${slug}: ${description.replace(LISTING_ESCAPES, (x) => (x === '<' ? '&lt;' : '&gt;'))}`;
                if (listingChars + listed.length + 1 > s.listings.skills.budget) {
                    refuse(kind, `the skill listing (${listingChars} of ${s.listings.skills.budget} characters) has no room for another entry: a new skill would take another's description`);
                    continue;
                }
                listingChars += listed.length + 1;
                const pointer = `${sec.heading}: see the \`${slug}\` skill.`;
                const skill = `---\nname: ${slug}\ndescription: ${yamlString(description)}\n---\n\n${sec.text.trim()}\n`;
                const after = spliceLines(text, sec.start, sec.end, [pointer, '']);
                steps.push({
                    id: `lazy-loading:${f.path}:${sec.heading}`,
                    kind,
                    title: `Move "${sec.heading}" to the ${slug} skill`,
                    detail: `${c.why[0].toUpperCase()}${c.why.slice(1)}: it becomes .claude/skills/${slug}/SKILL.md, loaded when a task calls for it; ${f.path} keeps one pointer line. Review the derived description: "${description}".`,
                    risk: 'medium',
                    location: { file: f.path, line: sec.start + 1 },
                    edits: [
                        { path: f.path, before: text, after },
                        { path: `.claude/skills/${slug}/SKILL.md`, before: null, after: skill },
                    ],
                    eagerRemoved: [sec.text],
                    eagerAdded: [pointer, listed],
                    listingChars: -(listed.length + 1),
                    agentListingChars: 0,
                });
                text = after;
            }
        }
        return { steps, refused };
    };
}
/** The listed width of a description (`<` and `>` are sent as entities). */
const listedWidth = (d) => d.length + 3 * (d.match(LISTING_ESCAPES)?.length ?? 0);
/** A listing entry whose description is the front matter's `description` alone, as the file holds it. */
function editableDescription(input, e) {
    const text = input.text(e.file);
    if (text === undefined)
        return 'its file could not be read';
    const fm = parseFrontmatter(text);
    const raw = asText(fm.data.description)?.trim();
    if (!fm.hasFrontmatter || !raw)
        return 'its description is derived from the body: give it a `description:` first';
    if (fm.data.when_to_use !== undefined)
        return 'its listed text joins description and when_to_use: shorten them by hand';
    if (fm.strictError)
        return 'its front matter is not valid YAML: fix it first';
    return { text, raw };
}
/**
 * Listing fit: when the skill listing drops descriptions, the longest descriptions are cut (at a
 * sentence boundary) to a per-entry target computed from the real budget, until every entry keeps
 * one; a description past Claude Code's cap is cut to the cap in any case (the rest is never seen).
 */
const listingFit = (input) => {
    const s = input.snapshot;
    const L = s.listings;
    const perPlugin = L.scope === 'per-plugin' && L.worst.skills;
    const unit = perPlugin ? L.worst.skills.unit : undefined;
    const truncated = new Set(perPlugin ? L.worst.skills.truncated : L.skills.truncated);
    const chars = perPlugin ? L.worst.skills.chars : L.skills.chars;
    const cap = s.model.skillListingMaxDescChars ?? Infinity;
    const steps = [];
    const refused = [];
    const entries = L.skills.items.filter((e) => e.loading === 'eager' && e.description !== undefined && (!unit || e.unit === unit || e.unit === 'project'));
    const editable = new Map();
    for (const e of entries) {
        const d = editableDescription(input, e);
        if (typeof d === 'string') {
            if (truncated.has(e.name) || e.descriptionCapped)
                refused.push({ kind: 'listing-fit', file: e.file, line: e.line ?? 1, subject: e.name, why: d });
        }
        else
            editable.set(e, d);
    }
    // The target: the largest per-entry description width T that brings the listing within budget.
    const over = chars - L.skills.budget;
    const widths = [...editable.keys()].map((e) => Math.min(listedWidth(e.description), cap));
    const cut = (t) => widths.reduce((a, w) => a + Math.max(0, w - t), 0);
    let target = Infinity;
    if (over > 0 && truncated.size) {
        let lo = 0;
        let hi = Math.max(0, ...widths);
        if (cut(0) < over) {
            refused.push({
                kind: 'listing-fit',
                file: entries[0]?.file ?? '',
                line: 1,
                subject: 'skill listing',
                why: `${entries.length} entries can't all keep a description within ${L.skills.budget} characters even with every editable description cut: set disable-model-invocation on skills the model need not pick by itself`,
            });
        }
        else {
            while (lo < hi) {
                const mid = Math.ceil((lo + hi) / 2);
                if (cut(mid) >= over)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            target = lo;
        }
    }
    // Longest first, so that the step list reads in the order of what each cut takes.
    const order = [...editable.entries()].sort((a, b) => listedWidth(b[0].description) - listedWidth(a[0].description));
    for (const [e, d] of order) {
        const width = listedWidth(d.raw.replace(/\s+/g, ' '));
        const limit = Math.min(target, cap);
        if (width <= limit)
            continue;
        // Cut the raw text; `<`/`>` count 4 in the listing, so cut shorter until the listed width fits.
        let max = limit;
        let next = cutAtSentence(d.raw, max);
        while (listedWidth(next) > limit && max > 0)
            next = cutAtSentence(d.raw, --max);
        if (!next || next.length < 20) {
            refused.push({
                kind: 'listing-fit',
                file: e.file,
                line: e.line ?? 1,
                subject: e.name,
                why: `a ${limit}-character description would say nothing: shorten it by hand`,
            });
            continue;
        }
        const after = setFrontmatterField(d.text, 'description', next);
        if (after === null)
            continue;
        const shown = e.alias ? `${e.name} (${e.alias})` : e.name;
        const newLine = `- ${shown}: ${next.replace(LISTING_ESCAPES, (x) => (x === '<' ? '&lt;' : '&gt;'))}`;
        steps.push({
            id: `listing-fit:${e.name}`,
            kind: 'listing-fit',
            title: `Cut ${e.name}'s description to ${strings_thousands(next.length)} characters`,
            detail: e.descriptionCapped && width > cap && limit === cap
                ? `Claude Code shows only its first ${cap} characters; the rest is never seen.`
                : `The skill listing is ${chars} characters against a budget of ${L.skills.budget}: at most ${target} characters per description brings every entry's description back. Review the wording.`,
            risk: 'medium',
            location: { file: e.file, line: e.line ?? 1 },
            edits: [{ path: e.file, before: d.text, after }],
            // The gate counts every listed line whole (a truncated entry too: what it would cost with its description).
            eagerRemoved: [e.text],
            eagerAdded: [newLine],
            listingChars: e.text.length - newLine.length,
            agentListingChars: 0,
        });
    }
    return { steps, refused };
};
/** Where in `raw` a whitespace-collapsed prefix of it ends. */
function rawEndOf(raw, prefix) {
    let i = 0;
    let j = 0;
    while (i < raw.length && j < prefix.length) {
        if (/\s/.test(raw[i]) && (prefix[j] === ' ' || /\s/.test(raw[i - 1] ?? ' '))) {
            if (prefix[j] === ' ')
                j++;
            i++;
            while (i < raw.length && /\s/.test(raw[i]))
                i++;
            continue;
        }
        if (raw[i] !== prefix[j])
            return -1;
        i++;
        j++;
    }
    return j === prefix.length ? i : -1;
}
/**
 * Agent descriptions: an agent's description is listed in every session; its `<example>` blocks and
 * long prose move to the top of its body (read when the agent runs), and the description keeps its
 * routing sentence.
 */
const agentDescriptions = (input) => {
    const s = input.snapshot;
    const steps = [];
    const refused = [];
    for (const e of s.listings.agents.items) {
        if (e.loading !== 'eager' || e.description === undefined)
            continue;
        const text = input.text(e.file);
        if (text === undefined)
            continue;
        const fm = parseFrontmatter(text);
        const value = asText(fm.data.description)?.trim();
        if (!value || (!/<example>/i.test(value) && value.length <= LONG_DESCRIPTION_CHARS))
            continue;
        // Many agent files write line breaks as a literal `\n` inside one YAML string: read as line breaks.
        const raw = !value.includes('\n') && value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
        const at = { kind: 'agent-descriptions', file: e.file, line: e.line ?? 1, subject: e.name };
        if (fm.strictError) {
            refused.push({ ...at, why: 'its front matter is not valid YAML: fix it first' });
            continue;
        }
        const ex = raw.search(/<example>/i);
        // The routing text: what comes before the first example, without a lead-in to the examples ("Specifically:").
        const lead = (ex >= 0 ? raw.slice(0, ex) : raw).replace(/(^|[.!?]\s+)[^.!?]*:\s*$/, '$1');
        const routing = cutAtSentence(lead, TARGET_DESCRIPTION_CHARS);
        if (routing.length < 20) {
            refused.push({ ...at, why: 'no routing sentence before its first <example>: write one (when to use this agent) first' });
            continue;
        }
        const end = rawEndOf(raw, routing);
        const rest = (end < 0 ? raw : raw.slice(end)).trim();
        const withField = setFrontmatterField(text, 'description', routing);
        if (withField === null || !rest)
            continue;
        const start = bodyStartOf(withField);
        const after = `${withField.slice(0, start).replace(/\n*$/, '\n')}\n## When to use\n\n${rest}\n\n${withField.slice(start).replace(/^\n+/, '')}`;
        const oldListed = e.description;
        const newListed = routing.replace(/\s+/g, ' ').replace(LISTING_ESCAPES, (x) => (x === '<' ? '&lt;' : '&gt;'));
        const newLine = e.text.replace(oldListed, newListed);
        steps.push({
            id: `agent-descriptions:${e.name}`,
            kind: 'agent-descriptions',
            title: `Keep ${e.name}'s routing sentence in its description (${strings_thousands(oldListed.length)} → ${strings_thousands(newListed.length)} characters)`,
            detail: `The agent listing carries every description in every session; ${/<example>/i.test(raw) ? 'its examples' : 'the rest of its description'} move to the top of the agent's body, read when it runs.`,
            risk: 'low',
            location: { file: e.file, line: e.line ?? 1 },
            edits: [{ path: e.file, before: text, after }],
            eagerRemoved: [e.text],
            eagerAdded: [newLine],
            listingChars: 0,
            agentListingChars: e.text.length - newLine.length,
        });
    }
    return { steps, refused };
};
/**
 * Duplication: a paragraph repeated across always-loaded files is kept once, where it loads first
 * (the shallowest file), and removed from the others. A paragraph holding @imports stays.
 */
const transforms_duplication = (input) => {
    const s = input.snapshot;
    const steps = [];
    const refused = [];
    const files = [...eagerInstructionFiles(s)].sort((a, b) => (a.depth ?? 99) - (b.depth ?? 99) || (a.path < b.path ? -1 : 1));
    const seen = new Map();
    const removals = new Map();
    for (const f of files) {
        const text = input.text(f.path);
        if (text === undefined)
            continue;
        for (const p of paragraphs(text)) {
            const key = normalized(p.text);
            if (key.length < DUPLICATE_MIN_CHARS)
                continue;
            const first = seen.get(key);
            if (!first) {
                seen.set(key, { file: f.path, line: p.start + 1 });
                continue;
            }
            if (findImports(p.text).length) {
                refused.push({
                    kind: 'duplication',
                    file: f.path,
                    line: p.start + 1,
                    subject: key.slice(0, 60),
                    why: 'the paragraph holds @imports: removing it would change what loads',
                });
                continue;
            }
            (removals.get(f.path) ?? removals.set(f.path, []).get(f.path)).push({ ...p, first });
        }
    }
    for (const [file, ps] of removals) {
        let text = input.text(file);
        for (const p of [...ps].reverse()) {
            const lines = text.split('\n');
            const blankAfter = lines[p.end] !== undefined && lines[p.end].trim() === '' ? 1 : 0;
            const after = spliceLines(text, p.start, p.end + blankAfter, []);
            steps.push({
                id: `duplication:${file}:${normalized(p.text).slice(0, 60)}`,
                kind: 'duplication',
                title: `Remove a paragraph of ${file} that ${p.first.file}:${p.first.line} already loads`,
                detail: `"${normalized(p.text).slice(0, 80)}…" is loaded twice in every session; the copy in ${p.first.file} stays.`,
                risk: 'low',
                location: { file, line: p.start + 1 },
                edits: [{ path: file, before: text, after }],
                eagerRemoved: [p.text],
                eagerAdded: [],
                listingChars: 0,
                agentListingChars: 0,
            });
            text = after;
        }
    }
    return { steps, refused };
};
/**
 * Imports: a cycle is broken at the import that closes it (Claude Code loads each file once, so the
 * line only misleads); a file past the depth limit is imported from the root memory file instead
 * (it was meant to load and doesn't: a cost, shown as such); unresolved references are listed for
 * the author, never guessed.
 */
const imports = (input) => {
    const s = input.snapshot;
    const steps = [];
    const refused = [];
    const texts = new Map();
    const current = (p) => texts.get(p) ?? input.text(p);
    const edit = (p, after) => {
        const before = current(p);
        texts.set(p, after);
        return { path: p, before, after };
    };
    for (const cycle of s.graph.cycles) {
        const ring = cycle[cycle.length - 1] === cycle[0] ? cycle.slice(0, -1) : cycle;
        const from = ring[ring.length - 1];
        const to = ring[0];
        const e = s.graph.edges.find((x) => x.type === 'import' && x.from === from && x.to === to && x.line);
        const text = current(from);
        if (!e || text === undefined)
            continue;
        const lines = text.split('\n');
        const line = lines[e.line - 1] ?? '';
        const ref = findImports(line).find((r) => line.includes(`@${r.ref}`));
        if (!ref)
            continue;
        const rest = line.replace(`@${ref.ref}`, '').trim();
        const after = rest
            ? spliceLines(text, e.line - 1, e.line, [line.replace(new RegExp(`\\s*@${ref.ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '')])
            : spliceLines(text, e.line - 1, e.line, []);
        steps.push({
            id: `imports:cycle:${from}->${to}`,
            kind: 'imports',
            title: `Break the import cycle ${ring.join(' → ')} → ${to}`,
            detail: `${from}:${e.line} imports ${to}, which is already loaded above it: Claude Code loads each file once, so the line only misleads.`,
            risk: 'low',
            location: { file: from, line: e.line },
            edits: [edit(from, after)],
            eagerRemoved: [],
            eagerAdded: [],
            listingChars: 0,
            agentListingChars: 0,
        });
    }
    const instruction = new Set(s.files.filter((f) => f.kind === 'memory' || f.kind === 'rule').map((f) => f.path));
    const root = s.files.find((f) => f.kind === 'memory' && f.loading === 'eager' && f.depth === 0 && (f.path === 'CLAUDE.md' || f.path === '.claude/CLAUDE.md'));
    for (const u of s.graph.unresolved) {
        if (u.reason === 'depth' &&
            u.resolved &&
            root &&
            current(root.path) !== undefined &&
            !s.files.some((f) => f.path === u.resolved && f.loading === 'eager')) {
            const target = s.files.find((f) => f.path === u.resolved);
            const text = current(root.path);
            // Imports resolve against the importing file's folder (`.claude/CLAUDE.md` imports `@../docs/x.md`).
            const line = `@${external_node_path_default().posix.relative(external_node_path_default().posix.dirname(root.path), u.resolved)}`;
            if (text.split('\n').some((l) => l.trim() === line))
                continue;
            steps.push({
                id: `imports:depth:${u.resolved}`,
                kind: 'imports',
                title: `Import ${u.resolved} from ${root.path}: it sits past the import depth limit and never loads`,
                detail: `${u.from}:${u.line} imports it at a depth Claude Code does not follow. Importing it from the root loads it as intended; this costs about ${target?.tokens ?? 'its'} tokens in every session. If it was not meant to load, delete the import instead.`,
                risk: 'high',
                location: { file: u.from, line: u.line },
                edits: [edit(root.path, `${text.replace(/\n*$/, '\n')}${line}\n`)],
                eagerRemoved: [],
                // The file loads, and so does every file it imports that does not load today.
                eagerAdded: [line, ...newlyLoaded(s, input, u.resolved).map((p) => input.text(p))],
                listingChars: 0,
                agentListingChars: 0,
            });
            continue;
        }
        // Imports of instruction files only (a command's `@name` is often prose), and never what reads as prose.
        if ((u.reason === 'missing' || u.reason === 'external' || u.reason === 'home') && !u.noFolder && instruction.has(u.from))
            refused.push({
                kind: 'imports',
                file: u.from,
                line: u.line,
                subject: u.ref,
                why: u.reason === 'missing'
                    ? 'the imported file does not exist: fix the path or remove the line (never guessed)'
                    : `it imports a file outside the repository (${u.reason}): every user's machine differs`,
            });
    }
    return { steps, refused };
};
/**
 * A file and the files it imports, transitively, that are not always-loaded today: what importing it
 * from the root makes load (a file past the depth limit was never read, so its own imports are
 * found in its text).
 */
function newlyLoaded(s, input, start) {
    const eager = new Set(s.files.filter((f) => f.loading === 'eager').map((f) => f.path));
    const out = [];
    const todo = [start];
    while (todo.length && out.length < 1_000) {
        const p = todo.pop();
        if (eager.has(p) || out.includes(p))
            continue;
        const text = input.text(p);
        if (text === undefined)
            continue;
        out.push(p);
        for (const r of findImports(text)) {
            if (r.ref.startsWith('~') || r.ref.startsWith('/'))
                continue;
            const target = external_node_path_default().posix.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(p), r.ref));
            if (!target.startsWith('../'))
                todo.push(target);
        }
    }
    return out;
}
/** The transforms in the order they run: text moves first, then descriptions, then the listing they leave. */
function transformsFor(kinds) {
    return [
        { kind: ['lazy-loading', 'conditional-loading'], run: sectionMoves(kinds), needsFreshSnapshot: false },
        { kind: ['duplication'], run: transforms_duplication, needsFreshSnapshot: true },
        { kind: ['imports'], run: imports, needsFreshSnapshot: true },
        { kind: ['agent-descriptions'], run: agentDescriptions, needsFreshSnapshot: true },
        { kind: ['listing-fit'], run: listingFit, needsFreshSnapshot: true },
    ].filter((t) => t.kind.some((k) => kinds.has(k)));
}

;// CONCATENATED MODULE: ./src/optimize/optimize.ts

/** The figures a saving is taken from, as the gate measures them. */
function optimize_figuresOf(s) {
    const worst = s.listings.scope === 'per-plugin' ? s.listings.worst.skills : null;
    return {
        eagerTokens: s.totals.eagerTokens,
        listingChars: worst ? worst.chars : s.listings.skills.chars,
        listingTruncated: (worst ? worst.truncated : s.listings.skills.truncated).length,
        agentListingChars: s.listings.agents.chars,
        ...(s.agents?.length ? { agents: Object.fromEntries(s.agents.map((a) => [a.agent.id, a.totals.eagerTokens])) } : {}),
    };
}
function savingBetween(a, b) {
    return {
        eagerTokens: a.eagerTokens - b.eagerTokens,
        listingChars: a.listingChars - b.listingChars,
        agentListingChars: a.agentListingChars - b.agentListingChars,
    };
}
/** Files a transform may read: the instruction files, every listed prompt file, and any Markdown an import may reach. */
function editablePaths(s) {
    const kinds = new Set(['memory', 'rule', 'skill', 'command', 'agent']);
    return s.files.filter((f) => kinds.has(f.kind) || /\.md$/i.test(f.path)).map((f) => f.path);
}
/** Plans the edits of the given kinds on the tree. */
async function optimize_planOptimizations(kinds, deps) {
    const s0 = await deps.measure(new Map());
    const links = deps.links ?? new Set();
    const listed = deps.paths ? (await deps.paths()).filter((p) => /\.md$/i.test(p)) : [];
    const paths = [...new Set([...editablePaths(s0), ...listed])];
    const originals = await deps.read(paths.filter((p) => !links.has(p)));
    const changes = new Map();
    const text = (p) => (changes.has(p) ? (changes.get(p) ?? undefined) : originals.get(p));
    const known = new Set(s0.files.map((f) => f.path));
    const drafts = [];
    const refused = paths
        .filter((p) => links.has(p) && s0.files.some((f) => f.path === p && f.loading !== 'not-loaded'))
        .map((p) => ({ kind: 'any', file: p, line: 1, subject: p, why: 'it is a symbolic link: edit the file it points to' }));
    let s = s0;
    let stale = false;
    for (const t of transformsFor(kinds)) {
        // A transform that reads the listings or the graph sees the tree as the earlier ones left it.
        if (t.needsFreshSnapshot && stale) {
            s = await deps.measure(changes);
            stale = false;
        }
        const r = t.run({ snapshot: s, text, exists: (p) => known.has(p) || changes.has(p) });
        for (const d of r.steps) {
            drafts.push(d);
            for (const e of d.edits)
                changes.set(e.path, e.after);
            stale = true;
        }
        refused.push(...r.refused);
    }
    const steps = await counted(drafts, deps);
    return { plan: { steps, refused, before: optimize_figuresOf(s0) }, changes, snapshot: s0 };
}
async function counted(drafts, deps) {
    const texts = drafts.flatMap((d) => [...d.eagerRemoved, ...d.eagerAdded]);
    const counts = await deps.count(texts);
    let i = 0;
    const sum = (n) => {
        let t = 0;
        for (let k = 0; k < n; k++)
            t += counts[i++];
        return t;
    };
    return drafts.map(({ eagerRemoved, eagerAdded, listingChars, agentListingChars, ...step }) => {
        const removed = sum(eagerRemoved.length);
        const added = sum(eagerAdded.length);
        return { ...step, predicted: { eagerTokens: removed - added, listingChars, agentListingChars } };
    });
}
/** Sums savings. */
function optimize_totalOf(xs) {
    return xs.reduce((a, x) => ({
        eagerTokens: a.eagerTokens + x.eagerTokens,
        listingChars: a.listingChars + x.listingChars,
        agentListingChars: a.agentListingChars + x.agentListingChars,
    }), {
        eagerTokens: 0,
        listingChars: 0,
        agentListingChars: 0,
    });
}
/** Each file's change from the tree as it was to the plan's end (steps that touched a file twice collapsed). */
function optimize_netEdits(steps) {
    const out = new Map();
    for (const st of steps)
        for (const e of st.edits) {
            const prev = out.get(e.path);
            out.set(e.path, { path: e.path, before: prev ? prev.before : e.before, after: e.after });
        }
    return [...out.values()].filter((e) => e.before !== e.after);
}
/**
 * Predicted against achieved, per kind and in total: the tree measured with the kinds applied one
 * after another (each kind's gain is what it adds to those before it), and the total from `after`.
 */
async function optimize_achievedByKind(plan, after, deps) {
    const kinds = [...new Set(plan.steps.map((st) => st.kind))];
    const results = [];
    let prev = plan.before;
    const applied = [];
    // Every file the plan touches, as it was: measured after --apply, the tree on disk already holds
    // every kind's edits, so the kinds not applied yet are taken back out in memory.
    const original = new Map(optimize_netEdits(plan.steps).map((e) => [e.path, e.before]));
    for (const [i, k] of kinds.entries()) {
        applied.push(...plan.steps.filter((st) => st.kind === k));
        const overlay = new Map(original);
        for (const e of optimize_netEdits(applied))
            overlay.set(e.path, e.after);
        const figures = i === kinds.length - 1 ? optimize_figuresOf(after) : optimize_figuresOf(await deps.measure(overlay));
        results.push({ kind: k, predicted: optimize_totalOf(plan.steps.filter((st) => st.kind === k).map((st) => st.predicted)), achieved: savingBetween(prev, figures) });
        prev = figures;
    }
    results.push({ kind: 'all', predicted: optimize_totalOf(plan.steps.map((st) => st.predicted)), achieved: savingBetween(plan.before, optimize_figuresOf(after)) });
    return results;
}

;// CONCATENATED MODULE: ./src/optimize/suggest.ts
/**
 * The optimizer on a pull request: a step whose edit is one stretch of one file, all of it lines the
 * pull request added, becomes a GitHub suggestion (a review comment whose `suggestion` block
 * replaces those lines); the other steps the pull request touched become a command to run. Pure.
 */

/** At most this many suggestions per run (one review): more would bury the pull request's own review. */
const MAX_SUGGESTIONS = 10;
/** Hidden marker of a suggestion, so that a later run never posts the same one twice. */
const SUGGESTION_MARKER = '<!-- context-budget:suggestion:';
/** The stretch of lines an edit replaces: 1-based [start, end] of `before`, and the lines that replace it. */
function changedStretch(before, after) {
    if (before === after)
        return null;
    const b = before.split('\n');
    const a = after.split('\n');
    let p = 0;
    while (p < b.length && p < a.length && b[p] === a[p])
        p++;
    let q = 0;
    while (q < b.length - p && q < a.length - p && b[b.length - 1 - q] === a[a.length - 1 - q])
        q++;
    let start = p + 1;
    let end = b.length - q;
    let lines = a.slice(p, a.length - q);
    // A pure insertion replaces no line: a suggestion must, so it takes the line above (or below) along.
    if (end < start) {
        if (p > 0) {
            start = p;
            lines = [b[p - 1], ...lines];
        }
        else {
            end = start;
            lines = [...lines, b[p]];
        }
    }
    return { start, end, lines };
}
const idOf = (stepId) => (0,external_node_crypto_.createHash)('sha1').update(stepId).digest('hex').slice(0, 16);
/** The hidden marker of one step's suggestion. */
function suggestionMarker(stepId) {
    return `${SUGGESTION_MARKER}${idOf(stepId)} -->`;
}
/**
 * Suggestions for the steps whose one edit the pull request's added lines cover (capped, biggest
 * saving first), and a command per kind for the other steps on lines the pull request added.
 */
function suggestionsFor(steps, added, max = MAX_SUGGESTIONS) {
    const suggestions = [];
    const commands = new Map();
    const ranked = [...steps].sort((x, y) => y.predicted.eagerTokens - x.predicted.eagerTokens || (x.id < y.id ? -1 : 1));
    for (const s of ranked) {
        const touched = s.edits.filter((e) => e.before !== null && e.after !== null);
        const stretches = touched.map((e) => ({ e, st: changedStretch(e.before, e.after) }));
        const mine = (path, st) => {
            const lines = added.get(path);
            if (!lines)
                return false;
            for (let l = st.start; l <= st.end; l++)
                if (!lines.has(l))
                    return false;
            return true;
        };
        // What the pull request added at all of: a step on text the base already had is the roadmap's.
        const anyAdded = stretches.some(({ e, st }) => st && [...Array(st.end - st.start + 1).keys()].some((k) => added.get(e.path)?.has(st.start + k)));
        if (!anyAdded)
            continue;
        const only = stretches.length === 1 && s.edits.length === 1 ? stretches[0] : undefined;
        if (only?.st && mine(only.e.path, only.st) && suggestions.length < max) {
            suggestions.push({
                stepId: s.id,
                kind: s.kind,
                path: only.e.path,
                startLine: only.st.start,
                line: only.st.end,
                title: s.title,
                detail: s.detail,
                eagerTokens: s.predicted.eagerTokens,
                listingChars: s.predicted.listingChars,
                agentListingChars: s.predicted.agentListingChars,
                replacement: only.st.lines,
            });
            continue;
        }
        const c = commands.get(s.kind) ?? { kind: s.kind, steps: 0, eagerTokens: 0, command: `context-budget optimize --only ${s.kind} --apply` };
        c.steps++;
        c.eagerTokens += s.predicted.eagerTokens;
        commands.set(s.kind, c);
    }
    return { suggestions, commands: [...commands.values()].sort((a, b) => b.eagerTokens - a.eagerTokens) };
}
/** Lines of the head each file's diff adds, from `git diff --unified=0` output. */
function addedLinesOf(diff) {
    const out = new Map();
    let file = null;
    for (const l of diff.split('\n')) {
        if (l.startsWith('+++ ')) {
            const p = l.slice(4);
            file = p === '/dev/null' ? null : p.replace(/^b\//, '');
            continue;
        }
        const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(l);
        if (h && file) {
            const start = Number(h[1]);
            const n = h[2] === undefined ? 1 : Number(h[2]);
            const set = out.get(file) ?? new Set();
            for (let i = 0; i < n; i++)
                set.add(start + i);
            out.set(file, set);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/compare/assert.ts





/** Diagnostics that mean part of a side was not measured. */
const UNMEASURED = new Set(['unreadable', 'limit-reached', 'not-measurable']);
/** A metric's value on one snapshot, with the place that explains it. Pure. */
function metricValue(s, metric, scope, loadTime, side) {
    switch (metric) {
        case 'eagerTokens':
        case 'onDemandTokens':
            return { value: scoped(s, metric === 'eagerTokens' ? 'eager' : 'on-demand', scope) };
        case 'worstInvocationTokens':
            return { value: s.totals.worstInvocationTokens };
        case 'skillListingChars':
            return perPlugin(s) && s.listings.worst.skills
                ? { value: s.listings.worst.skills.chars, unit: s.listings.worst.skills.unit }
                : { value: s.listings.skills.chars };
        case 'skillListingTruncated': {
            const w = perPlugin(s) ? s.listings.worst.skills : null;
            const names = w ? w.truncated : s.listings.skills.truncated;
            const first = s.listings.skills.items.find((e) => e.name === names[0]);
            return {
                value: names.length,
                ...(w ? { unit: w.unit } : {}),
                ...(first ? { location: { file: first.file, ...(first.line ? { line: first.line } : {}) } } : {}),
            };
        }
        case 'agentListingTokens': {
            const w = perPlugin(s) ? s.listings.worst.agents : null;
            const biggest = [...s.listings.agents.items].filter((e) => e.loading === 'eager' && (!w || e.unit === w.unit)).sort((a, b) => b.chars - a.chars)[0];
            return {
                value: w ? w.claudeEstimateTokens : s.listings.agents.claudeEstimateTokens,
                ...(w ? { unit: w.unit } : {}),
                ...(biggest ? { location: { file: biggest.file, ...(biggest.line ? { line: biggest.line } : {}) } } : {}),
            };
        }
        case 'memoryFileMaxChars': {
            const f = s.files.filter((x) => x.loading === 'eager' && (x.kind === 'memory' || x.kind === 'rule')).sort((a, b) => b.chars - a.chars)[0];
            return { value: f?.chars ?? 0, ...(f ? { location: { file: f.path, line: 1 } } : {}) };
        }
        case 'memoryTotalChars':
            return { value: s.memory.chars };
        case 'importsPastDepthLimit': {
            const d = s.graph.unresolved.filter((u) => u.reason === 'depth');
            return { value: d.length, ...(d[0] ? { location: { file: d[0].from, line: d[0].line } } : {}) };
        }
        case 'maxDepth':
            return { value: s.graph.maxDepth, ...(s.graph.longestChain[0] ? { location: { file: s.graph.longestChain[0] } } : {}) };
        case 'cycles':
            return { value: s.graph.cycles.length, ...(s.graph.cycles[0] ? { location: { file: s.graph.cycles[0][0] } } : {}) };
        case 'unresolved': {
            const u = s.graph.unresolved.filter((x) => x.reason !== 'skipped');
            return { value: u.length, ...(u[0] ? { location: { file: u[0].from, line: u[0].line } } : {}) };
        }
        case 'invalidSkillNames': {
            const d = s.diagnostics.filter((x) => x.code === 'invalid-skill-name');
            return { value: d.length, ...(d[0] ? { location: { file: d[0].file, line: d[0].line } } : {}) };
        }
        case 'unmeasured': {
            const d = s.diagnostics.filter((x) => UNMEASURED.has(x.code));
            return { value: d.length, ...(d[0] ? { location: { file: d[0].file, line: d[0].line } } : {}) };
        }
        case 'errors': {
            const d = s.diagnostics.filter((x) => x.severity === 'error');
            return { value: d.length, ...(d[0] ? { location: { file: d[0].file, line: d[0].line } } : {}) };
        }
        case 'loadTimeRatio':
            if (!loadTime)
                return null;
            return { value: side === 'head' ? loadTime.ratio : 1 };
        case 'agentEagerTokens':
        case 'agentDroppedChars':
        case 'agentListingNameOnly': {
            const a = scope.type === 'agent' ? s.agents?.find((x) => x.agent.id === scope.value) : undefined;
            if (!a)
                return null; // that agent was not analyzed on this side
            if (metric === 'agentEagerTokens')
                return { value: a.totals.eagerTokens };
            if (metric === 'agentDroppedChars') {
                const cut = a.files.find((f) => f.keptChars !== undefined);
                return { value: a.totals.droppedChars, ...(cut ? { location: { file: cut.path } } : {}) };
            }
            const first = a.listings.skills.items.find((i) => i.truncated);
            return { value: a.listings.skills.truncated.length, ...(first ? { location: { file: first.file } } : {}) };
        }
    }
}
function scoped(s, loading, scope) {
    const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
    switch (scope.type) {
        case 'total':
            return loading === 'eager' ? s.totals.eagerTokens : s.totals.onDemandTokens;
        case 'category':
            return s.categories.filter((c) => c.category === scope.value && c.loading === loading).reduce((a, c) => a + c.tokens, 0);
        case 'unit': {
            const u = s.units.find((x) => x.name === scope.value);
            return u ? (loading === 'eager' ? u.eagerTokens : u.onDemandTokens) : 0;
        }
        case 'kind':
            return s.components
                .filter((c) => c.kind === scope.value && counted.has(c.unit))
                .reduce((a, c) => a + (loading === 'eager' ? c.eagerTokens : c.onDemandTokens), 0);
        case 'agent':
            return 0; // agent scopes belong to the agent metrics (config/load.ts refuses any other pairing)
        case 'files': {
            const match = picomatch_default()(scope.value, { dot: true });
            const files = s.files.filter((f) => f.loading === loading && counted.has(f.unit) && match(f.path)).reduce((a, f) => a + f.tokens, 0);
            const entries = [...s.listings.skills.items, ...s.listings.agents.items]
                .filter((e) => e.loading === loading && counted.has(e.unit) && match(e.file))
                .reduce((a, e) => a + e.tokens, 0);
            return files + entries;
        }
    }
}
const assert_fmt = (n, metric) => (metric === 'loadTimeRatio' ? `${n.toFixed(2)}x` : strings_thousands(n));
/** The fields every result takes from its assertion. */
function of(a) {
    return { id: a.id, metric: a.metric, scope: a.scope, operator: a.operator, expected: a.threshold, level: a.level };
}
/** Evaluates every assertion; level `off` is skipped. */
function evaluate(assertions, base, head, loadTime) {
    const results = [];
    for (const a of assertions) {
        if (a.level === 'off')
            continue;
        let h = metricValue(head, a.metric, a.scope, loadTime, 'head');
        let b = metricValue(base, a.metric, a.scope, loadTime, 'base');
        if (a.metric === 'unmeasured') {
            // Only what the head could not measure and the base could counts against the change.
            const key = (d) => `${d.file}\0${d.code}`;
            // Keys carry the code, so a base diagnostic of another kind can never match a fresh one.
            const before = new Set(base.diagnostics.map(key));
            const fresh = head.diagnostics.filter((d) => UNMEASURED.has(d.code) && !before.has(key(d)));
            h = { value: fresh.length, ...(fresh[0] ? { location: { file: fresh[0].file, line: fresh[0].line } } : {}) };
            b = { value: 0 };
            if (fresh[0]) {
                const what = fresh
                    .slice(0, 3)
                    .map((d) => `${d.file}: ${d.message}`)
                    .join('; ');
                results.push({
                    ...of(a),
                    actual: fresh.length,
                    base: 0,
                    status: a.level === 'error' ? 'fail' : 'warn',
                    introduced: true,
                    message: `Could not measure the head: ${what}${fresh.length > 3 ? ` (and ${fresh.length - 3} more)` : ''}`,
                    location: h.location,
                });
                continue;
            }
        }
        if (!h)
            continue; // not measurable for this pair (e.g. load time between two snapshot files)
        const baseValue = b?.value ?? 0;
        const label = `${METRIC_LABELS[a.metric]}${a.scope.type === 'total' ? '' : ` (${scopeLabel(a.scope)})`}`;
        let violated;
        let actual;
        let message;
        if (a.metric === 'loadTimeRatio' && loadTime && loadTimeTooFast(loadTime)) {
            results.push({
                ...of(a),
                actual: h.value,
                base: 1,
                status: 'pass',
                introduced: false,
                message: `${label}: both sides load in under ${LOAD_TIME_FLOOR_MS} ms; too fast to compare reliably`,
            });
            continue;
        }
        if (a.metric === 'loadTimeRatio' && loadTime && a.operator === 'max') {
            // Timing decides only when the whole measured interval clears the threshold; otherwise it is noise.
            const limit = a.threshold + (a.noise ?? 0);
            actual = h.value;
            violated = loadTime.ratioMin > limit;
            const interval = `${loadTime.ratioMin.toFixed(2)}–${loadTime.ratioMax.toFixed(2)}x over ${loadTime.rounds} rounds`;
            message = violated
                ? `${label} is ${assert_fmt(actual, a.metric)} (${interval}), over the limit of ${assert_fmt(limit, a.metric)} in every round`
                : loadTime.ratioMax > limit
                    ? `${label} is ${assert_fmt(actual, a.metric)} (${interval}): within noise of the limit ${assert_fmt(limit, a.metric)}, not judged`
                    : `${label} is ${assert_fmt(actual, a.metric)} (${interval}; limit ${assert_fmt(limit, a.metric)})`;
        }
        else if (a.operator === 'max') {
            actual = h.value;
            violated = actual > a.threshold;
            message = violated
                ? `${label} is ${assert_fmt(actual, a.metric)}, over the limit of ${assert_fmt(a.threshold, a.metric)}`
                : `${label} is ${assert_fmt(actual, a.metric)} (limit ${assert_fmt(a.threshold, a.metric)})`;
        }
        else if (a.operator === 'maxIncrease') {
            actual = h.value - baseValue;
            violated = actual > a.threshold;
            message = `${label} ${actual > 0 ? 'grew' : actual < 0 ? 'shrank' : 'did not change'}${actual !== 0 ? ` by ${assert_fmt(Math.abs(actual), a.metric)}` : ''} (${assert_fmt(baseValue, a.metric)} → ${assert_fmt(h.value, a.metric)}; allowed increase ${assert_fmt(a.threshold, a.metric)})`;
        }
        else {
            actual = baseValue === 0 ? (h.value > 0 ? Infinity : 0) : ((h.value - baseValue) / baseValue) * 100;
            violated = actual > a.threshold;
            message = `${label} changed by ${Number.isFinite(actual) ? `${actual.toFixed(1)}%` : 'new (base was 0)'} (${assert_fmt(baseValue, a.metric)} → ${assert_fmt(h.value, a.metric)}; allowed +${a.threshold}%)`;
        }
        if (h.unit)
            message += ` (project + plugin ${h.unit}, the worst single plugin to install)`;
        let st = violated ? (a.level === 'error' ? 'fail' : 'warn') : 'pass';
        let preexisting = false;
        let share;
        if (violated && a.operator === 'max' && b && b.value > a.threshold && h.value <= b.value) {
            // Already over on the base and not made worse: what the base had is never blamed on the change.
            st = 'pass';
            preexisting = true;
            message += `; already over on the base branch (${assert_fmt(b.value, a.metric)}), not made worse by this change`;
        }
        else if (violated && a.operator === 'max' && b && b.value > a.threshold) {
            // Over on the base and made worse: the change answers for its own share, and a share within
            // the noise floor (one more entry cut, 1% of the limit) warns instead of failing.
            share = h.value - b.value;
            const floor = preexistingFloor(a.metric, a.threshold);
            if (share <= floor)
                st = 'warn';
            message += `; already over on the base branch (${assert_fmt(b.value, a.metric)}): this change adds ${assert_fmt(share, a.metric)}${share <= floor ? `, within the noise floor of ${assert_fmt(floor, a.metric)}` : ''}`;
        }
        results.push({
            ...of(a),
            actual: Number.isFinite(actual) ? actual : Number.MAX_SAFE_INTEGER,
            base: b ? b.value : null,
            status: st,
            introduced: violated && !preexisting,
            ...(preexisting ? { preexisting } : {}),
            ...(share !== undefined ? { share } : {}),
            message,
            ...(h.location ? { location: h.location } : {}),
        });
    }
    return results;
}
/**
 * How much worse a head may make a limit the base already broke before it fails (it still warns):
 * one more listing entry cut, or 1% of a size limit. Other limits (imports past the depth limit,
 * cycles) have none.
 */
function preexistingFloor(metric, threshold) {
    if (metric === 'skillListingTruncated')
        return 1;
    if (metric === 'agentListingTokens' || metric === 'memoryFileMaxChars' || metric === 'memoryTotalChars' || metric === 'skillListingChars')
        return Math.ceil(threshold * 0.01);
    return 0;
}
/** The verdict, decided once: fail if any error-level assertion fails, warn if any warns. */
function decide(results) {
    if (results.some((r) => r.status === 'fail'))
        return 'fail';
    if (results.some((r) => r.status === 'warn'))
        return 'warn';
    return 'pass';
}

;// CONCATENATED MODULE: ./src/action/report-input.ts
/**
 * A report.json produced by another workflow run (the fork recipe): untrusted input. It is rebuilt
 * field by field from a shape: numbers are finite numbers, strings are strings of bounded length,
 * enums are one of their values, lists are bounded; anything else is dropped or replaced. The
 * verdict is decided again from the results (a forged verdict is not obeyed), and the renderers
 * escape every string as they do for repository text.
 */



class ShapeError extends Error {
}
const MAX_STRING = 4_000;
const MAX_LIST = 20_000;
const num = (v, at) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
        throw new ShapeError(`${at}: expected a number`);
    return v;
};
const str = (v, at) => {
    if (typeof v !== 'string')
        throw new ShapeError(`${at}: expected a string`);
    return v.length > MAX_STRING ? v.slice(0, MAX_STRING) : v;
};
const bool = (v, at) => {
    if (typeof v !== 'boolean')
        throw new ShapeError(`${at}: expected true or false`);
    return v;
};
const oneOf = (values) => (v, at) => {
    if (!values.includes(v))
        throw new ShapeError(`${at}: expected one of ${values.join(', ')}`);
    return v;
};
const nullable = (s) => (v, at) => v === null ? null : s(v, at);
const opt = (s) => (v, at) => v === undefined ? undefined : s(v, at);
const arr = (s) => (v, at) => {
    if (!Array.isArray(v))
        throw new ShapeError(`${at}: expected a list`);
    if (v.length > MAX_LIST)
        throw new ShapeError(`${at}: more than ${MAX_LIST} items`);
    return v.map((x, i) => s(x, `${at}[${i}]`));
};
/** An object with exactly these fields (unknown ones are dropped, so nothing unexpected reaches a renderer). */
const obj = (fields) => (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new ShapeError(`${at}: expected an object`);
    const out = {};
    for (const [k, s] of Object.entries(fields)) {
        const x = s(v[k], `${at}.${k}`);
        if (x !== undefined)
            out[k] = x;
    }
    return out;
};
/** Any JSON data, bounded (fields the renderers don't read as typed values). */
const data = (v, at) => {
    const seen = JSON.stringify(v) ?? 'null';
    if (seen.length > 1_000_000)
        throw new ShapeError(`${at}: too large`);
    return JSON.parse(seen);
};
const delta = obj({ base: num, head: num, delta: num, ratio: nullable(num) });
const loading = oneOf(['eager', 'on-demand', 'not-loaded']);
const report_input_status = oneOf(['added', 'removed', 'changed', 'affected']);
const report_input_location = obj({ file: str, line: opt(num) });
const scope = obj({ type: oneOf(['total', 'category', 'unit', 'files', 'kind']), value: opt(str) });
const unresolved = obj({ from: str, line: num, ref: str, reason: oneOf(['missing', 'external', 'home', 'depth', 'skipped', 'loop']), resolved: opt(str) });
const diagnostic = obj({ file: str, line: num, severity: oneOf(['error', 'warning', 'info']), code: str, message: str });
const side = obj({ label: str, commit: opt(str), eagerTokens: num });
const recommendation = obj({
    key: str,
    analyzer: oneOf(['loading', 'listing', 'duplication', 'references', 'structure', 'compression', 'collisions', 'reachability']),
    title: str,
    rationale: str,
    location: report_input_location,
    saving: obj({ eagerTokens: num, onDemandTokens: num }),
    effort: oneOf(['low', 'medium', 'high']),
    horizon: oneOf(['immediate', 'short-term', 'long-term']),
    introduced: opt(bool),
    unit: opt(str),
});
const REPORT = obj({
    schemaVersion: num,
    verdict: oneOf(['pass', 'warn', 'fail']),
    base: side,
    head: side,
    compared: opt(str),
    tokenizer: str,
    tokensEstimated: bool,
    configFile: str,
    results: arr(obj({
        id: str,
        metric: str,
        scope,
        operator: oneOf(['max', 'maxIncrease', 'maxIncreasePercent']),
        expected: num,
        actual: num,
        base: nullable(num),
        level: oneOf(['off', 'warn', 'error']),
        status: oneOf(['pass', 'warn', 'fail']),
        introduced: opt(bool),
        preexisting: opt(bool),
        message: str,
        howToPass: opt(str),
        location: opt(report_input_location),
    })),
    diff: obj({
        totals: obj({ eagerTokens: delta, onDemandTokens: delta, worstInvocationTokens: delta, notLoadedTokens: delta }),
        categories: arr(obj({ category: str, loading, base: num, head: num, delta: num, ratio: nullable(num) })),
        units: arr(obj({ name: str, status: report_input_status, eager: delta, onDemand: delta })),
        components: arr(obj({ id: str, kind: str, name: str, unit: str, file: str, status: report_input_status, eager: delta, onDemand: delta })),
        files: arr(obj({ path: str, unit: str, status: report_input_status, loadingBase: nullable(loading), loadingHead: nullable(loading), tokens: delta, eager: delta })),
        listings: obj({
            judged: obj({ scope: oneOf(['installed', 'per-plugin']), skillChars: delta, agentTokens: delta, skillUnit: opt(str), agentUnit: opt(str) }),
            skills: obj({
                chars: delta,
                budget: delta,
                entries: delta,
                truncatedAdded: arr(str),
                truncatedRemoved: arr(str),
                added: arr(str),
                removed: arr(str),
                changed: arr(str),
            }),
            agents: obj({ claudeEstimateTokens: delta, tokens: delta, entries: delta, added: arr(str), removed: arr(str), changed: arr(str) }),
        }),
        graph: obj({
            maxDepth: delta,
            cyclesAdded: arr(arr(str)),
            cyclesRemoved: arr(arr(str)),
            unresolvedAdded: arr(unresolved),
            unresolvedRemoved: arr(unresolved),
        }),
        diagnostics: obj({ added: arr(diagnostic), fixed: arr(diagnostic) }),
    }),
    loadTime: nullable(obj({ rounds: num, baseMedianMs: num, headMedianMs: num, ratio: num, ratioMin: num, ratioMax: num })),
    recommendations: arr(recommendation),
    resolved: arr(recommendation),
    unknowns: arr(obj({ kind: oneOf(['mcp-server', 'session-start-hook']), unit: str, name: str, note: str })),
    assertions: data,
});
/** Reads and rebuilds an untrusted report; a report of another shape is refused with the field that is wrong. */
function readUntrustedReport(file) {
    let raw;
    try {
        raw = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (e) {
        throw new errors_UserError(`Input "publish-report": ${file} is not readable JSON (${e.message.split('\n')[0]})`);
    }
    return sanitizeReport(raw, file);
}
function sanitizeReport(raw, file = 'report') {
    let r;
    try {
        r = REPORT(raw, 'report');
    }
    catch (e) {
        if (e instanceof ShapeError)
            throw new errors_UserError(`Input "publish-report": ${file} is not a context-budget report: ${e.message}`);
        throw e;
    }
    // The verdict is decided again, here, from the results: a forged verdict is not obeyed.
    return { ...r, verdict: decide(r.results) };
}

;// CONCATENATED MODULE: ./src/optimize/rank.ts

/** Eager tokens are paid on every turn of every session; on-demand ones only when used. */
const EAGER_WEIGHT = 10;
const EFFORT_COST = { low: 1, medium: 3, high: 8 };
function score(r) {
    return (Math.max(0, r.saving.eagerTokens) * EAGER_WEIGHT + Math.max(0, r.saving.onDemandTokens)) / EFFORT_COST[r.effort];
}
function horizon(d, minSaving) {
    if (d.architectural || d.effort === 'high')
        return 'long-term';
    if (d.effort === 'low' && (d.correctness || d.saving.eagerTokens >= minSaving))
        return 'immediate';
    return 'short-term';
}
/**
 * Runs every analyzer, drops savings too small to matter (correctness findings always stay),
 * ranks by saving per effort and groups by horizon. Pure.
 */
function rank_recommend(s, minSaving, analyzers = ANALYZERS) {
    const all = analyzers.flatMap((a) => a(s));
    // One subject, one diagnosis: a file with a name collision is told to rename, not also to delete.
    const collided = new Set(all.filter((d) => d.analyzer === 'collisions').map((d) => d.location.file));
    const drafts = all.filter((d) => !(d.analyzer === 'reachability' && collided.has(d.location.file)));
    const seen = new Set();
    const blockingKeys = new Set();
    const unitOf = new Map(s.files.map((f) => [f.path, f.unit]));
    const out = [];
    for (const d of drafts) {
        if (seen.has(d.key))
            continue;
        seen.add(d.key);
        const worth = d.correctness || d.analyzer === 'reachability' || d.saving.eagerTokens >= minSaving || d.saving.onDemandTokens >= minSaving * EAGER_WEIGHT;
        if (!worth)
            continue;
        const { correctness: _c, architectural: _a, blocking, ...rest } = d;
        if (blocking)
            blockingKeys.add(d.key);
        out.push({ ...rest, unit: unitOf.get(rest.location.file) ?? 'project', horizon: horizon(d, minSaving) });
    }
    const order = { immediate: 0, 'short-term': 1, 'long-term': 2 };
    // What keeps a budget failing comes first within its horizon, then saving per effort.
    const blocks = (r) => (blockingKeys.has(r.key) ? 0 : 1);
    return out.sort((a, b) => order[a.horizon] - order[b.horizon] || blocks(a) - blocks(b) || score(b) - score(a) || (a.key < b.key ? -1 : 1));
}

;// CONCATENATED MODULE: ./src/analyze/agents.ts
/**
 * What another coding agent loads of a framework at session start, by its profile (model/agents.ts):
 * its instruction files (imports, caps), its skill listing (its format, budget and description
 * limit) and its agents. Reads the tree through the same source as Claude Code's analysis; runs
 * nothing. Held to each agent's binary by test/conformance/agents.test.ts.
 */



/** Follows a symlink inside the tree to the file it names (one hop at a time, at most 8). */
function resolveEntry(byPath, p) {
    let cur = p;
    for (let i = 0; i < 8; i++) {
        const e = byPath.get(cur);
        if (!e)
            return null;
        if (e.type === 'file')
            return cur;
        if (e.type !== 'symlink' || !e.linkTarget || external_node_path_default().posix.isAbsolute(e.linkTarget))
            return null;
        const next = external_node_path_default().posix.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(cur), e.linkTarget));
        if (next.startsWith('../'))
            return null;
        cur = next;
    }
    return null;
}
/** `@path` tokens as Copilot CLI reads them: in prose (not fenced or inline code), HTML comments included. */
function copilotImports(text) {
    const out = [];
    let fence = null;
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\r$/, '');
        const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
        if (fence) {
            if (f && f[1][0] === fence[0] && f[1].length >= fence.length)
                fence = null;
            continue;
        }
        if (f) {
            fence = f[1];
            continue;
        }
        if (!line.includes('@'))
            continue;
        const prose = line.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length));
        for (const m of prose.matchAll(/(?:^|\s)@(\S+)/g))
            out.push(m[1]);
    }
    return out;
}
function xml(s) {
    return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
}
async function analyzeAgent(source, profile, counter, list) {
    const entries = list ?? (await source.list());
    const byPath = new Map(entries.map((e) => [e.path, e]));
    const diagnostics = [];
    const texts = new Map();
    const bytesOf = new Map();
    const readAll = async (paths) => {
        const real = paths.map((p) => [p, resolveEntry(byPath, p)]).filter((x) => !!x[1]);
        const blobs = await source.read([...new Set(real.map(([, r]) => r))]);
        for (const [p, r] of real) {
            const b = blobs.get(r);
            if (!b)
                continue;
            texts.set(p, decode(b.data).text);
            bytesOf.set(p, b.data.length);
        }
    };
    // Instruction files at the root: the first existing name of each source; imports one level deep.
    const chosen = [];
    for (const src of profile.instructions) {
        const name = src.names.find((n) => resolveEntry(byPath, n));
        if (name)
            chosen.push({ file: name, src });
    }
    await readAll(chosen.map((c) => c.file));
    const files = [];
    const queue = [];
    for (const { file, src } of chosen) {
        const text = texts.get(file);
        if (text === undefined)
            continue;
        const bytes = bytesOf.get(file) ?? Buffer.byteLength(text);
        let kept;
        if (src.maxBytes !== undefined && bytes > src.maxBytes) {
            kept = Buffer.from(text, 'utf8').subarray(0, src.maxBytes).toString('utf8');
            diagnostics.push({
                file,
                line: 1,
                severity: 'warning',
                code: 'memory-file-size',
                message: `${profile.name} keeps the first ${src.maxBytes.toLocaleString('en-US')} bytes of ${file} (${bytes.toLocaleString('en-US')} bytes) and drops the rest without a word`,
            });
        }
        files.push({
            path: file,
            loading: 'eager',
            reason: `read by ${profile.name} at every start${kept !== undefined ? ', cut' : ''}`,
            category: 'memory',
            tokens: 0,
            chars: text.length,
            bytes,
            ...(kept !== undefined ? { keptChars: kept.length } : {}),
        });
        if (src.imports)
            queue.push(file);
    }
    // Imports, recursively, each file once (the instruction files themselves count as loaded).
    const loaded = new Set(chosen.map((c) => c.file));
    while (queue.length) {
        const from = queue.shift();
        const text = texts.get(from) ?? '';
        const found = [];
        for (const ref of copilotImports(text)) {
            const target = external_node_path_default().posix.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(from), ref));
            if (target.startsWith('../') || external_node_path_default().posix.isAbsolute(ref) || ref.startsWith('~') || loaded.has(target) || !resolveEntry(byPath, target))
                continue;
            loaded.add(target);
            found.push(target);
        }
        await readAll(found);
        for (const file of found) {
            const t = texts.get(file);
            if (t === undefined)
                continue;
            files.push({
                path: file,
                loading: 'eager',
                reason: `imported (from ${from}) by an instruction file ${profile.name} reads`,
                category: 'memory',
                tokens: 0,
                chars: t.length,
                bytes: bytesOf.get(file) ?? 0,
            });
            queue.push(file);
        }
    }
    // Rules: read whole unless scoped to other paths.
    const rules = entries
        .filter((e) => profile.rulesDirs.some((d) => e.path.startsWith(`${d}/`)) && e.path.endsWith('.md'))
        .map((e) => e.path)
        .sort();
    await readAll(rules);
    for (const file of rules) {
        const text = texts.get(file);
        if (text === undefined || loaded.has(file))
            continue;
        const paths = parseFrontmatter(text).data.paths;
        const list = paths === undefined ? [] : Array.isArray(paths) ? paths.map(String) : [String(paths)];
        if (list.some((x) => x.trim() !== '**'))
            continue;
        loaded.add(file);
        files.push({
            path: file,
            loading: 'eager',
            reason: `a rule ${profile.name} reads at every start`,
            category: 'rules',
            tokens: 0,
            chars: text.length,
            bytes: bytesOf.get(file) ?? 0,
        });
    }
    // Path-scoped instruction files that apply to every path (`applyTo: "**"`): read whole.
    const sc = profile.scopedInstructions;
    if (sc) {
        const scoped = entries
            .filter((e) => e.path.startsWith(`${sc.dir}/`) && e.path.endsWith(sc.suffix) && !e.path.slice(sc.dir.length + 1).includes('/'))
            .map((e) => e.path)
            .sort();
        await readAll(scoped);
        for (const file of scoped) {
            const text = texts.get(file);
            if (text === undefined)
                continue;
            const applyTo = asText(parseFrontmatter(text).data.applyTo)?.trim();
            if (applyTo === '**')
                files.push({
                    path: file,
                    loading: 'eager',
                    reason: `applyTo "**": read by ${profile.name} at every start`,
                    category: 'memory',
                    tokens: 0,
                    chars: text.length,
                    bytes: bytesOf.get(file) ?? 0,
                });
        }
    }
    // Skills (merged, by name), then the agent's own bundled entries, then commands (by name).
    const skillFiles = [];
    const commandFiles = [];
    const agentFiles = [];
    for (const e of entries) {
        for (const d of profile.skillDirs) {
            const rest = e.path.startsWith(`${d}/`) ? e.path.slice(d.length + 1) : null;
            if (rest && /^[^/]+\/SKILL\.md$/.test(rest))
                skillFiles.push(e.path);
        }
        for (const d of profile.commandDirs)
            if (e.path.startsWith(`${d}/`) && /^[^/]+\.md$/.test(e.path.slice(d.length + 1)))
                commandFiles.push(e.path);
        for (const d of profile.agentDirs)
            if (e.path.startsWith(`${d}/`) && e.path.endsWith('.md'))
                agentFiles.push(e.path);
    }
    await readAll([...skillFiles, ...commandFiles, ...agentFiles]);
    const describe = (file, kind) => {
        const text = texts.get(file);
        if (text === undefined)
            return null;
        const fm = parseFrontmatter(text);
        const invalid = fm.issues.some((i) => i.message.startsWith('frontmatter is not valid YAML'));
        if (invalid && (profile.listing.strictYaml === true || (profile.listing.strictYaml === 'quoted' && brokenQuotedValue(text)))) {
            diagnostics.push({
                file,
                line: fm.issues[0].line,
                severity: 'warning',
                code: 'frontmatter',
                message: `${profile.name} does not load this ${kind}: its front matter is not valid YAML`,
            });
            return null;
        }
        const base = kind === 'skill' ? external_node_path_default().posix.basename(external_node_path_default().posix.dirname(file)) : external_node_path_default().posix.basename(file).replace(/(\.agent)?\.md$/, '');
        const declared = kind === 'command' ? undefined : asText(fm.data.name)?.trim();
        let description = asText(fm.data.description)?.trim() ?? '';
        if (kind === 'skill' && profile.listing.requireNameAndDescription && (!declared || !description))
            return null;
        if (kind === 'skill' && profile.listing.requireDescription && !description)
            return null;
        // Copilot lists a front matter name with its whitespace as hyphens (`PDF Tools Helper` -> `PDF-Tools-Helper`).
        const raw = declared || base;
        const name = profile.listing.hyphenateNames ? raw.replace(/\s+/g, '-') : raw;
        if (!description && kind === 'command')
            description = bodyOf(text, fm).trim().replace(/\s+/g, ' ');
        // disable-model-invocation: the model is not told about it.
        const hidden = !!profile.listing.hideModelDisabled && (fm.data['disable-model-invocation'] === true || asText(fm.data['disable-model-invocation']) === 'true');
        return { name, description, hidden };
    };
    const L = profile.listing;
    const skills = [];
    const make = (file, kind, name, description) => {
        const desc = L.xmlEscape ? xml(description) : description;
        const text = L.xmlEscape
            ? `<skill>\n  <name>${xml(name)}</name>\n  <description>${desc}</description>\n  <location>project</location>\n</skill>\n`
            : `- ${name}: ${desc} (file: r0/${name}/SKILL.md)`;
        return { name, kind, file, text, chars: text.length, tokens: 0, loading: 'eager', reason: `listed by ${profile.name}`, description: desc };
    };
    const byName = (xs) => xs.sort((a, b) => {
        const [x, y] = profile.listing.caseInsensitiveOrder ? [a.name.toLowerCase(), b.name.toLowerCase()] : [a.name, b.name];
        return x < y ? -1 : x > y ? 1 : 0;
    });
    const skillDefs = byName(skillFiles.map((f) => ({ f, d: describe(f, 'skill') })).flatMap(({ f, d }) => (d ? [{ f, ...d }] : [])));
    const seen = new Set();
    for (const s of skillDefs) {
        if (s.hidden)
            continue;
        if (L.descriptionMaxChars !== undefined && s.description.length > L.descriptionMaxChars) {
            diagnostics.push({
                file: s.f,
                line: 1,
                severity: 'warning',
                code: 'description-too-long',
                message: `${profile.name} does not load this skill: its description has ${s.description.length} characters, over its limit of ${L.descriptionMaxChars}`,
            });
            continue;
        }
        if (seen.has(s.name))
            continue;
        seen.add(s.name);
        skills.push(make(s.f, 'skill', s.name, s.description));
    }
    fitDescriptions(skills, L, profile.name, diagnostics, (it, d) => make(it.file, 'skill', it.name, d));
    const commands = byName(commandFiles.map((f) => ({ f, d: describe(f, 'command') })).flatMap(({ f, d }) => (d ? [{ f, ...d }] : [])));
    // Budget: entries in order (project skills, the bundled ones, commands) while the running total fits.
    let used = 0;
    let over = false;
    const truncated = [];
    const place = (it, chars) => {
        if (L.budgetChars === undefined)
            return;
        if (!over && used + chars <= L.budgetChars)
            used += chars;
        else {
            over = true;
            if (it) {
                it.truncated = true;
                truncated.push(it.name);
            }
        }
    };
    for (const it of skills)
        place(it, it.chars);
    place(null, L.bundledChars);
    for (const c of commands) {
        if (c.hidden || seen.has(c.name))
            continue;
        seen.add(c.name);
        const it = make(c.f, 'command', c.name, c.description);
        skills.push(it);
        place(it, it.chars);
    }
    const agentItems = byName(agentFiles.map((f) => ({ f, d: describe(f, 'agent') })).flatMap(({ f, d }) => (d && d.description ? [{ f, ...d }] : []))).map(({ f, name, description }) => {
        const text = `- **${name}**: ${description}`;
        return { name, kind: 'agent', file: f, text, chars: text.length, tokens: 0, loading: 'eager', reason: `listed by ${profile.name}` };
    });
    // Tokens: the kept text of instruction files, the listed text of entries.
    const keyed = [
        ...files.map((f) => {
            const t = texts.get(f.path) ?? '';
            return { key: `agent:${f.path}:${f.keptChars ?? f.chars}`, text: f.keptChars !== undefined ? t.slice(0, f.keptChars) : t };
        }),
        ...skills.map((s) => ({ key: `agent-entry:${s.text}`, text: s.truncated ? s.name : s.text })),
        ...agentItems.map((a) => ({ key: `agent-entry:${a.text}`, text: a.text })),
    ];
    const counts = await counter.countAll(keyed);
    let k = 0;
    for (const f of files)
        f.tokens = counts.get(keyed[k++].key) ?? 0;
    for (const s of skills)
        s.tokens = counts.get(keyed[k++].key) ?? 0;
    for (const a of agentItems)
        a.tokens = counts.get(keyed[k++].key) ?? 0;
    // Skill bodies load when used.
    const bodies = [...skillFiles, ...commandFiles].filter((f) => skills.some((s) => s.file === f));
    const bodyCounts = await counter.countAll(bodies.map((f) => ({ key: `agent-body:${f}:${texts.get(f)?.length ?? 0}`, text: texts.get(f) ?? '' })));
    for (const f of bodies)
        files.push({
            path: f,
            loading: 'on-demand',
            reason: `a skill ${profile.name} reads when it is used`,
            category: f.endsWith('SKILL.md') ? 'skill-bodies' : 'command-bodies',
            tokens: bodyCounts.get(`agent-body:${f}:${texts.get(f)?.length ?? 0}`) ?? 0,
            chars: texts.get(f)?.length ?? 0,
            bytes: bytesOf.get(f) ?? 0,
        });
    const eagerFiles = files.filter((f) => f.loading === 'eager');
    const shown = (s) => (s.truncated ? s.name.length + 2 : s.chars);
    return {
        agent: { id: profile.id, name: profile.name, version: profile.npm.version },
        totals: {
            eagerTokens: eagerFiles.reduce((a, f) => a + f.tokens, 0) + skills.reduce((a, s) => a + s.tokens, 0) + agentItems.reduce((a, s) => a + s.tokens, 0),
            eagerChars: eagerFiles.reduce((a, f) => a + (f.keptChars ?? f.chars), 0) + skills.reduce((a, s) => a + shown(s), 0) + agentItems.reduce((a, s) => a + s.chars, 0),
            onDemandTokens: files.filter((f) => f.loading === 'on-demand').reduce((a, f) => a + f.tokens, 0),
            droppedChars: files.reduce((a, f) => a + (f.keptChars !== undefined ? f.chars - f.keptChars : 0), 0),
            overheadChars: profile.overheadChars,
        },
        files,
        listings: {
            skills: { chars: skills.reduce((a, s) => a + s.chars, 0), budget: L.budgetChars ?? null, items: skills, truncated },
            agents: { items: agentItems },
        },
        diagnostics,
    };
}
/**
 * An agent that keeps its skill list within a number of characters by cutting every description
 * to one common length (Codex): the largest length at which the lines, the bundled ones included
 * and joined by newlines, fit. Each cut entry is remade with its description's first characters.
 */
function fitDescriptions(skills, L, agent, diagnostics, remake) {
    if (L.fitChars === undefined)
        return;
    const bundled = L.bundledLines ?? [];
    const lines = skills.map((it) => ({ it, description: it.description ?? '', overhead: it.chars - (it.description ?? '').length }));
    const size = (cap) => lines.reduce((a, x) => a + x.overhead + Math.min(x.description.length, cap), 0) +
        bundled.reduce((a, b) => a + b.overhead + Math.min(b.description, cap), 0) +
        Math.max(0, lines.length + bundled.length - 1);
    const longest = Math.max(0, ...lines.map((x) => x.description.length), ...bundled.map((b) => b.description));
    if (size(longest) <= L.fitChars)
        return;
    let lo = 0;
    let hi = longest;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (size(mid) <= L.fitChars)
            lo = mid;
        else
            hi = mid - 1;
    }
    let first;
    for (const [i, x] of lines.entries()) {
        if (x.description.length <= lo)
            continue;
        const cut = { ...remake(x.it, x.description.slice(0, lo)), descriptionCapped: true };
        skills[i] = cut;
        first ??= cut;
    }
    if (first)
        diagnostics.push({
            file: first.file,
            line: 1,
            severity: 'warning',
            code: 'agent-description-cut',
            message: `${agent} cuts every skill description to ${lo.toLocaleString('en-US')} characters: its skill list is kept within ${L.fitChars.toLocaleString('en-US')} characters, its own entries included`,
        });
}
/**
 * Whether a front matter block holds a top-level value that opens a quote and has text after its
 * closing quote (`description: "Quoted": more`): what a parser that tolerates unquoted colons still
 * rejects (Codex, opencode; measured on fixture-gemini and fixture-other-agents).
 */
function brokenQuotedValue(text) {
    const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!m)
        return false;
    for (const line of m[1].split(/\r?\n/)) {
        const kv = /^[A-Za-z_][\w-]*:[ \t]+(["'])(.*)$/.exec(line);
        if (!kv)
            continue;
        const whole = kv[1] + kv[2];
        const ok = kv[1] === '"' ? /^"(?:[^"\\]|\\.)*"[ \t]*(#.*)?$/.test(whole) : /^'(?:[^']|'')*'[ \t]*(#.*)?$/.test(whole);
        if (!ok)
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/tokenize/counter.ts

/** Bump when the text a file kind loads is derived differently (frontmatter, comments). */
const TRANSFORM_VERSION = 2;
/**
 * Counts texts once per content hash per run (and across runs with a store); the tokenizer is
 * loaded lazily, only when some count is not cached.
 */
class counter_TokenCounter {
    load;
    name;
    store;
    remote;
    memo = new Map();
    tokenizer;
    /** How many texts were actually tokenized (cache misses), for the benchmark and tests. */
    tokenized = 0;
    tokenizedChars = 0;
    /** Set when remote counting failed and the estimate was used instead. */
    fallback;
    constructor(load, name, store, 
    /** Exact counts (Anthropic's endpoint); on any error the offline estimate takes over for the run. */
    remote) {
        this.load = load;
        this.name = name;
        this.store = store;
        this.remote = remote;
    }
    /** What the counts are: the remote counter's name, or the estimate's (also after a fallback). */
    get source() {
        return this.remote && !this.fallback ? { name: this.remote.name, estimate: false } : { name: this.name, estimate: true };
    }
    storeKey(k) {
        return `${this.remote && !this.fallback ? this.remote.name : this.name}:${k}`;
    }
    /** Key of an arbitrary text: the text itself when short, else its SHA-1. */
    static key(text) {
        return text.length <= 200 ? `t:${text}` : `h:${(0,external_node_crypto_.createHash)('sha1').update(text).digest('hex')}`;
    }
    /**
     * Key of a file's loaded text without reading it: the blob SHA, the kind of file and where its
     * loaded text starts in the blob's decoded text (TRANSFORM_VERSION changes when a transform does).
     */
    static fileKey(blobSha, kind, start) {
        return `b:${TRANSFORM_VERSION}:${blobSha}:${kind}:${start}`;
    }
    /** Counting through a remote counter (which wants every text of a run in one batch). */
    get remoteCounting() {
        return !!this.remote && !this.fallback;
    }
    /** Every count is the local tokenizer's (no remote counter configured): what cached snapshots may hold. */
    get localOnly() {
        return !this.remote;
    }
    /** A count already known (this run or the persistent store), or undefined. */
    cached(key) {
        return this.memo.get(key) ?? this.store?.get(this.storeKey(key));
    }
    /** Counts every text once per key; returns counts by key. */
    async countAll(items) {
        const out = new Map();
        const todo = [];
        for (const { key: k, text: t } of items) {
            if (out.has(k))
                continue;
            const hit = this.memo.get(k) ?? this.store?.get(this.storeKey(k));
            if (hit !== undefined) {
                this.memo.set(k, hit);
                out.set(k, hit);
            }
            else {
                out.set(k, -1);
                todo.push([k, t]);
            }
        }
        if (todo.length) {
            let counts;
            if (this.remote && !this.fallback) {
                try {
                    counts = await this.remote.count(todo.map(([, t]) => t));
                }
                catch (e) {
                    this.fallback = `${this.remote.name} failed (${e.message}); using the offline estimate`;
                }
            }
            if (!counts) {
                this.tokenizer ??= await this.load();
                counts = todo.map(([, t]) => this.tokenizer.count(t));
            }
            todo.forEach(([k, t], i) => {
                const n = counts[i];
                this.tokenized++;
                this.tokenizedChars += t.length;
                this.memo.set(k, n);
                this.store?.set(this.storeKey(k), n);
                out.set(k, n);
            });
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/analyze/digest.ts





/** Characters of decoded text counted at once (one batch is all the text a run holds). */
const DIGEST_BATCH_CHARS = 4_000_000;
/** Whether a value read back from a digest cache is a digest. */
function isDigest(v) {
    const d = v;
    return (!!d &&
        typeof d === 'object' &&
        typeof d.key === 'string' &&
        typeof d.chars === 'number' &&
        Array.isArray(d.names) &&
        (d.scan === null || (!!d.scan && Array.isArray(d.scan.sections) && Array.isArray(d.scan.compressible) && Array.isArray(d.scan.paragraphs))));
}
/** `/name` mentions of a command or skill (links.ts resolves them). */
const NAME_REF = /(?:^|[\s(`"'])\/([a-z0-9][\w.-]*(?::[\w.-]+)*)/g;
const MENTIONING = new Set(['command', 'skill', 'agent', 'memory', 'rule']);
/** The counter key of a planned file's text, known without reading it: blob SHA, kind and where the text starts. */
function fileCountKey(f) {
    if ('text' in f.source)
        return counter_TokenCounter.key(f.source.text);
    return f.sha ? counter_TokenCounter.fileKey(f.sha, f.source.memory ? `${f.kind}+memory` : f.kind, f.source.start) : counter_TokenCounter.key('');
}
function textOf(f, contents) {
    if ('text' in f.source)
        return f.source.text;
    const blob = contents.get(f.real);
    if (!blob)
        return '';
    const decoded = decode(blob.data).text;
    const text = f.source.start > 0 ? decoded.slice(f.source.start) : decoded;
    // Claude Code includes a memory file without its HTML comment blocks, trimmed (memory.ts).
    return f.source.memory ? memoryText(text) : text;
}
function namesIn(text, kind) {
    if (!MENTIONING.has(kind) || !text.includes('/'))
        return [];
    const names = new Set();
    for (const m of text.matchAll(NAME_REF))
        names.add(m[1]);
    return [...names].map(detach);
}
/**
 * Fills every planned file's digest and counts its text (the counter remembers the counts). With a
 * remote counter, every side is counted in one batch so that a failure can't leave one side exact
 * and the other estimated (its texts are then held together).
 */
async function digest(sides, counter, memo = new Map(), batchChars = counter.remoteCounting ? Infinity : DIGEST_BATCH_CHARS) {
    let batch = [];
    const queued = new Set();
    let chars = 0;
    const flush = async () => {
        if (batch.length)
            await counter.countAll(batch);
        batch = [];
        queued.clear();
        chars = 0;
    };
    for (const { plan, contents } of sides)
        for (const f of plan.files) {
            const key = fileCountKey(f);
            const dkey = `${key}:${f.loading}:${f.category}`;
            let d = memo.get(dkey);
            const count = !queued.has(key) && counter.cached(key) === undefined;
            if (!d || count) {
                const text = textOf(f, contents);
                if (!d)
                    memo.set(dkey, (d = { key, chars: text.length, scan: scanFile(text, f), names: namesIn(text, f.kind) }));
                if (count) {
                    batch.push({ key, text });
                    queued.add(key);
                    chars += text.length;
                    if (chars >= batchChars)
                        await flush();
                }
            }
            f.digest = d;
        }
    await flush();
}

;// CONCATENATED MODULE: ./src/model/snapshot.ts
/**
 * The snapshot: the analyzer's output and a public, versioned JSON format
 * (schema: schema/snapshot.schema.json). Scripts rely on the field names; add fields, never rename.
 */
const snapshot_SNAPSHOT_SCHEMA_VERSION = 1;

;// CONCATENATED MODULE: ./src/tokenize/tokenizer.ts


const tokenizer_TOKENIZER_NAME = 'o200k_base (gpt-tokenizer)';
const TOKENIZER_NOTE = "Estimate: counted with the public o200k_base BPE; Claude's own tokenizer is not public.";
/** Pieces longer than this are split (at whitespace when possible) so no input makes BPE superlinear. */
const MAX_PIECE_CHARS = 16_384;
/** Distinct pieces whose counts are remembered in a run, at most (a hostile input can't grow it further). */
const PIECE_MEMO_MAX = 200_000;
/** Longer pieces go to a small memory of their own (they rarely repeat). */
const PIECE_MEMO_MAX_CHARS = 64;
/** Long pieces remembered at once (the most recent). */
const LONG_PIECES_KEPT = 256;
/**
 * Counts o200k_base tokens exactly as BPE does (the text split by the encoding's regex, each piece
 * encoded on its own), remembering each distinct piece's count: prose repeats its words, so most
 * pieces cost one map lookup instead of a rank lookup plus gpt-tokenizer's LRU merge cache. Special
 * tokens ("<|endoftext|>") are plain text here: a framework that mentions one is counted, never refused.
 * Identical to gpt-tokenizer's countTokens with disallowedSpecial empty (test/tokenize).
 */
function pieceCounter(core, splitRegex) {
    const re = new RegExp(splitRegex.source, splitRegex.flags.includes('g') ? splitRegex.flags : splitRegex.flags + 'g');
    const bpe = (piece) => (core.getBpeRankFromString(piece) !== undefined ? 1 : core.bytePairEncode(piece).length);
    // Keys are copies (strings.ts): a piece cut from a text would keep the whole text alive.
    const memo = new Map();
    const long = new Map();
    return (text) => {
        let n = 0;
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
            const piece = m[0];
            let c = memo.get(piece);
            if (c === undefined) {
                if (piece.length > PIECE_MEMO_MAX_CHARS) {
                    // Long pieces (runs of spaces, long words) rarely repeat, but BPE on them is quadratic:
                    // the last LONG_PIECES_KEPT are remembered, as gpt-tokenizer's own merge cache would.
                    c = long.get(piece);
                    if (c === undefined) {
                        c = bpe(piece);
                        long.set(detach(piece), c);
                        if (long.size > LONG_PIECES_KEPT)
                            long.delete(long.keys().next().value);
                    }
                }
                else {
                    c = bpe(piece);
                    if (memo.size < PIECE_MEMO_MAX)
                        memo.set(detach(piece), c);
                }
            }
            n += c;
        }
        return n;
    };
}
/** The ranks as JSON beside the bundle (scripts/write-ranks.mjs; test/tokenize holds it to the library's). */
const RANKS_FILE = 'o200k_base.ranks.json';
/** o200k_base's ranks: parsed from RANKS_FILE when the bundle has it (about 50 ms faster than compiling them), else gpt-tokenizer's module. */
async function loadRanks() {
    let json;
    try {
        json = (0,external_node_fs_.readFileSync)(new URL(RANKS_FILE, import.meta.url), 'utf8');
    }
    catch {
        // Not built (tests, tsc output): the library's module.
    }
    return json !== undefined ? JSON.parse(json) : (await __webpack_require__.e(/* import() */ 851).then(__webpack_require__.bind(__webpack_require__, 24851))).default;
}
/** Loads the tokenizer only when a count is actually needed (a warm cache never loads it). */
async function tokenizer_loadTokenizer() {
    const [ranks, { O200KBase }, { BytePairEncodingCore }] = await Promise.all([
        loadRanks(),
        __webpack_require__.e(/* import() */ 72).then(__webpack_require__.bind(__webpack_require__, 94072)),
        __webpack_require__.e(/* import() */ 739).then(__webpack_require__.bind(__webpack_require__, 80739)),
    ]);
    const params = O200KBase(ranks);
    // No LRU merge cache: pieceCounter remembers counts itself (and the LRU's keys would keep texts alive).
    const core = new BytePairEncodingCore({ ...params, mergeCacheSize: 0 });
    // Two methods TypeScript calls private (public at run time; test/tokenize holds the counts to countTokens').
    const count = pieceCounter(core, params.tokenSplitRegex);
    return { name: tokenizer_TOKENIZER_NAME, count: (text) => countChunked(text, count) };
}
/**
 * Runs of base64-like data (no whitespace, BLOB_MIN_CHARS+ characters of [A-Za-z0-9+/=]) are counted by ratio,
 * not by BPE: random base64 costs o200k_base about 0.68 tokens per character (measured on 1 MB:
 * 683,600 tokens), and exact BPE on it runs several times slower per byte than prose.
 */
const BLOB_MIN_CHARS = 512;
const BLOB_TOKENS_PER_CHAR = 0.68;
function isBlobChar(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;
}
/** Counts long text in bounded pieces (no input makes BPE superlinear); base64-like runs by ratio. */
function countChunked(text, count) {
    if (text.length <= MAX_PIECE_CHARS)
        return text.length === 0 ? 0 : count(text);
    // One linear scan for runs of base64-like characters (a regex with {512,} backtracks per word).
    let total = 0;
    let last = 0;
    let run = 0;
    for (let i = 0; i <= text.length; i++) {
        if (i < text.length && isBlobChar(text.charCodeAt(i))) {
            run++;
            continue;
        }
        if (run >= BLOB_MIN_CHARS) {
            const start = i - run;
            total += countPieces(text.slice(last, start), count);
            total += Math.round(run * BLOB_TOKENS_PER_CHAR);
            last = i;
        }
        run = 0;
    }
    return total + countPieces(text.slice(last), count);
}
/** Pieces of at most MAX_PIECE_CHARS, cut at a newline, else a space, within the window only. */
function countPieces(text, count) {
    let total = 0;
    let start = 0;
    while (start < text.length) {
        let end = Math.min(text.length, start + MAX_PIECE_CHARS);
        if (end < text.length) {
            const window = text.slice(start + (MAX_PIECE_CHARS >> 2), end);
            const nl = window.lastIndexOf('\n');
            const sp = nl < 0 ? window.lastIndexOf(' ') : -1;
            if (nl >= 0)
                end = start + (MAX_PIECE_CHARS >> 2) + nl + 1;
            else if (sp >= 0)
                end = start + (MAX_PIECE_CHARS >> 2) + sp;
            // Never cut a surrogate pair.
            const c = text.charCodeAt(end - 1);
            if (c >= 0xd800 && c <= 0xdbff)
                end--;
        }
        if (end > start)
            total += count(text.slice(start, end));
        start = end;
    }
    return total;
}

;// CONCATENATED MODULE: ./src/analyze/links.ts
/**
 * Edges between components by name, computed once after planning (not part of what Claude Code
 * does at load, so not part of the timed load): agent `skills:` to the skill, `/name` mentions to
 * the command or skill, plugin membership. Agent skills that name nothing become unresolved refs.
 */
function linkComponents(plan) {
    const edges = [];
    const unresolved = [...plan.unresolved];
    const byName = new Map(plan.components.filter((c) => c.entry).map((c) => [c.name, c.file]));
    const byBase = new Map();
    for (const [n, f] of byName) {
        const base = n.split(':').pop();
        if (!byBase.has(base))
            byBase.set(base, f);
    }
    for (const e of plan.edges) {
        if (e.type !== 'agent-skill') {
            edges.push(e);
            continue;
        }
        const name = e.to.slice('skill:'.length);
        const target = byName.get(name) ?? byBase.get(name);
        if (target)
            edges.push({ ...e, to: target });
        else
            unresolved.push({ from: e.from, line: 1, ref: name, reason: 'missing' });
    }
    const prompts = new Map(plan.components.filter((c) => c.kind === 'command' || c.kind === 'skill').map((c) => [c.name, c.file]));
    if (prompts.size) {
        for (const f of plan.files) {
            if (f.kind !== 'command' && f.kind !== 'skill' && f.kind !== 'agent' && f.kind !== 'memory' && f.kind !== 'rule')
                continue;
            const seen = new Set();
            for (const name of f.digest?.names ?? []) {
                const target = prompts.get(name);
                if (target && target !== f.real && !seen.has(target)) {
                    seen.add(target);
                    edges.push({ from: f.real, to: target, type: 'name-ref' });
                }
            }
        }
    }
    for (const c of plan.components) {
        const u = plan.units.find((x) => x.name === c.unit);
        if (u && u.type === 'plugin')
            edges.push({ from: `plugin:${u.name}`, to: c.file, type: 'plugin-member' });
    }
    return { edges, unresolved };
}

;// CONCATENATED MODULE: ./src/analyze/graph.ts

function buildGraph(plan) {
    const linked = linkComponents(plan);
    const edges = linked.edges;
    const chainEdges = edges.filter((e) => e.type === 'import' || e.type === 'file-ref');
    const out = new Map();
    const hasIn = new Set();
    for (const e of chainEdges) {
        const l = out.get(e.from) ?? [];
        if (!l.includes(e.to))
            l.push(e.to);
        out.set(e.from, l);
        hasIn.add(e.to);
    }
    // Longest simple chain from each root (memo on acyclic part; cycles are cut by the path set).
    let longest = [];
    const memo = new Map();
    const walk = (n, onPath) => {
        const cached = memo.get(n);
        if (cached && !cached.some((x) => onPath.has(x)))
            return cached;
        onPath.add(n);
        let best = [n];
        for (const m of out.get(n) ?? []) {
            if (onPath.has(m))
                continue;
            const sub = walk(m, onPath);
            if (sub.length + 1 > best.length)
                best = [n, ...sub];
        }
        onPath.delete(n);
        memo.set(n, best);
        return best;
    };
    // Memory roots (depth 0) first, then every other node with outgoing edges (commands, cycles).
    const depth0 = plan.files.filter((f) => f.depth === 0).map((f) => f.path);
    const roots = [...new Set([...depth0.filter((n) => out.has(n)), ...[...out.keys()].filter((n) => !hasIn.has(n)), ...out.keys()])];
    for (const r of roots) {
        const c = walk(r, new Set());
        if (c.length > longest.length)
            longest = c;
    }
    const nodes = new Set();
    for (const f of plan.files)
        nodes.add(f.path);
    for (const e of edges) {
        nodes.add(e.from);
        nodes.add(e.to);
    }
    const cycles = dedupeCycles(plan.cycles);
    return { nodes: nodes.size, edges, maxDepth: Math.max(0, longest.length - 1), longestChain: longest, cycles, unresolved: linked.unresolved };
}
function dedupeCycles(cycles) {
    const seen = new Set();
    const out = [];
    for (const c of cycles) {
        const ring = c.slice(0, -1);
        const min = ring.reduce((a, b) => (b < a ? b : a), ring[0] ?? '');
        const i = ring.indexOf(min);
        const rot = [...ring.slice(i), ...ring.slice(0, i)];
        const k = rot.join('\0');
        if (seen.has(k))
            continue;
        seen.add(k);
        out.push([...rot, rot[0]]);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/analyze/measure.ts








/** The listing entries of a plan, with their count keys (files are counted by digest()). */
function entryItems(plan) {
    return [...plan.skillEntries, ...plan.agentEntries].map((e) => ({ key: counter_TokenCounter.key(e.text), text: e.text }));
}
/** Turns a digested load plan and token counts into the snapshot. Pure apart from the counter's cache. */
async function measure(plan, counter, ctx) {
    // The model the plan applied: the judged one with the project's settings (model, listing keys) over it.
    const model = plan.model;
    const counts = await counter.countAll(entryItems(plan));
    const tok = (t) => counts.get(counter_TokenCounter.key(t)) ?? 0;
    const tokFile = (f) => {
        if (!f.digest)
            throw new Error(`measure: ${f.path} was not digested`);
        return counter.cached(f.digest.key) ?? 0;
    };
    const counted = new Set(plan.units.filter((u) => u.counted).map((u) => u.name));
    const listingByFile = new Map();
    for (const e of [...plan.skillEntries, ...plan.agentEntries])
        if (e.loading === 'eager' && counted.has(e.unit))
            listingByFile.set(e.file, (listingByFile.get(e.file) ?? 0) + tok(e.text));
    const files = plan.files
        .map((f) => {
        const tokens = tokFile(f);
        const eagerTokens = (f.loading === 'eager' && counted.has(f.unit) ? tokens : 0) + (listingByFile.get(f.path) ?? 0);
        return {
            path: f.path,
            unit: f.unit,
            kind: f.kind,
            loading: f.loading,
            reason: f.reason,
            category: f.category,
            tokens,
            eagerTokens,
            chars: f.digest.chars,
            bytes: f.bytes,
            sha: f.sha,
            ...(f.depth !== undefined ? { depth: f.depth } : {}),
        };
    })
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const skillItems = plan.skillEntries.map((e) => entryRecord(e, tok));
    const nameOnly = new Set(skillItems.filter((_, i) => plan.skillEntries[i].nameOnly));
    const { truncatedItems, ...skillSummary } = skillListing(skillItems, nameOnly, model, counted);
    for (const e of truncatedItems)
        e.truncated = true;
    const skills = { ...skillSummary, items: skillItems };
    const agentItems = plan.agentEntries.map((e) => entryRecord(e, tok));
    const eagerAgents = agentItems.filter((e) => e.loading === 'eager' && counted.has(e.unit));
    // Claude Code's own estimate: round(chars / 4) of "name: description" per agent.
    const agentChars = eagerAgents.reduce((s, e, i) => s + e.text.length + (i > 0 ? 1 : 0), 0);
    const claudeEstimate = eagerAgents.reduce((s, e) => s + Math.round(agentNameDesc(e.text).length / 4), 0);
    const agents = {
        chars: agentChars,
        tokens: eagerAgents.reduce((s, e) => s + e.tokens, 0),
        claudeEstimateTokens: claudeEstimate,
        warnAt: model.agentListingWarnTokens,
        overLimit: claudeEstimate > model.agentListingWarnTokens,
        entries: eagerAgents.length,
        items: agentItems,
    };
    // Per plugin: the listings of the project plus that one plugin (a user installs plugins one by one).
    const perPlugin = plan.units
        .filter((u) => u.type === 'plugin')
        .map((u) => {
        const members = new Set(['project', u.name]);
        const { truncatedItems: _t, ...sk } = skillListing(skillItems, nameOnly, model, members);
        const ag = agentItems.filter((e) => e.loading === 'eager' && members.has(e.unit));
        return {
            unit: u.name,
            skillChars: sk.chars,
            skillTruncated: sk.truncated,
            agentClaudeEstimateTokens: ag.reduce((a, e) => a + Math.round(agentNameDesc(e.text).length / 4), 0),
        };
    });
    const scope = ctx.listingScope === 'installed' || ctx.listingScope === 'per-plugin'
        ? ctx.listingScope
        : plan.units.some((u) => u.marketplace)
            ? 'per-plugin'
            : 'installed';
    const worstSkills = [...perPlugin].sort((a, b) => b.skillTruncated.length - a.skillTruncated.length || b.skillChars - a.skillChars)[0];
    const worstAgents = [...perPlugin].sort((a, b) => b.agentClaudeEstimateTokens - a.agentClaudeEstimateTokens)[0];
    const allEntries = [...skills.items, ...agentItems];
    const byFileEntry = new Map();
    for (const e of allEntries)
        byFileEntry.set(`${e.kind}:${e.name}`, e);
    const fileTokens = new Map(files.map((f) => [f.path, f]));
    const components = plan.components.map((c) => {
        const entry = c.entry ? byFileEntry.get(`${c.kind === 'agent' ? 'agent' : c.kind}:${c.entry}`) : undefined;
        const body = fileTokens.get(c.file);
        const refs = c.refs.reduce((s, r) => s + (fileTokens.get(r)?.tokens ?? 0), 0);
        const eagerBody = body && body.loading === 'eager' && (c.kind === 'memory' || c.kind === 'rule' || c.kind === 'output-style') ? body.tokens : 0;
        const eagerTokens = (entry && entry.loading === 'eager' ? entry.tokens : 0) + eagerBody;
        const onDemand = c.kind === 'memory' || c.kind === 'rule' || c.kind === 'output-style'
            ? body?.loading === 'on-demand'
                ? body.tokens
                : 0
            : (body && body.loading !== 'not-loaded' ? body.tokens : 0) + refs;
        return { id: c.id, kind: c.kind, name: c.name, unit: c.unit, file: c.file, loading: c.loading, eagerTokens, onDemandTokens: onDemand };
    });
    const eagerFiles = files.filter((f) => f.loading === 'eager' && counted.has(f.unit));
    const eagerEntries = allEntries.filter((e) => e.loading === 'eager' && counted.has(e.unit));
    const eagerTokens = sum(eagerFiles.map((f) => f.tokens)) + sum(eagerEntries.map((e) => e.tokens));
    const onDemandFiles = files.filter((f) => f.loading === 'on-demand' && counted.has(f.unit));
    const onDemandEntries = allEntries.filter((e) => e.loading === 'on-demand' && counted.has(e.unit));
    const onDemandTokens = sum(onDemandFiles.map((f) => f.tokens)) + sum(onDemandEntries.map((e) => e.tokens));
    let worst;
    for (const c of components)
        if ((c.kind === 'command' || c.kind === 'skill') && counted.has(c.unit) && c.onDemandTokens > (worst?.onDemandTokens ?? 0))
            worst = c;
    // Grouped once (a marketplace has hundreds of units and tens of thousands of files).
    const group = (xs) => {
        const m = new Map();
        for (const x of xs) {
            const list = m.get(x.unit);
            if (list)
                list.push(x);
            else
                m.set(x.unit, [x]);
        }
        return m;
    };
    const filesByUnit = group(files);
    const entriesByUnit = group(allEntries);
    const componentsByUnit = group(components);
    const units = plan.units.map((u) => {
        const uf = filesByUnit.get(u.name) ?? [];
        const ue = entriesByUnit.get(u.name) ?? [];
        const comps = {};
        for (const c of componentsByUnit.get(u.name) ?? [])
            comps[c.kind] = (comps[c.kind] ?? 0) + 1;
        // A plugin's cost is what installing it adds: measured as if installed, whether or not it counts in the totals.
        const eager = sum(uf.filter((f) => f.loading === 'eager').map((f) => f.tokens)) + sum(ue.filter((e) => e.loading === 'eager').map((e) => e.tokens));
        return {
            name: u.name,
            type: u.type,
            root: u.root,
            ...(u.marketplace ? { marketplace: u.marketplace, marketplaceRoot: u.marketplaceRoot ?? '' } : {}),
            ...(u.invalid ? { invalid: u.invalid } : {}),
            counted: u.counted,
            eagerTokens: eager,
            onDemandTokens: sum(uf.filter((f) => f.loading === 'on-demand').map((f) => f.tokens)) + sum(ue.filter((e) => e.loading === 'on-demand').map((e) => e.tokens)),
            files: uf.length,
            components: comps,
            mcpServers: u.mcpServers,
            sessionStartHooks: u.sessionStartHooks,
        };
    });
    const catMap = new Map();
    const addCat = (category, loading, tokens) => {
        const k = `${category}:${loading}`;
        const c = catMap.get(k) ?? { category, loading, tokens: 0, files: 0 };
        c.tokens += tokens;
        c.files += 1;
        catMap.set(k, c);
    };
    for (const f of files)
        if (counted.has(f.unit) && f.loading !== 'not-loaded')
            addCat(f.category, f.loading, f.tokens);
    for (const e of allEntries)
        if (counted.has(e.unit) && e.loading !== 'not-loaded')
            addCat(e.kind === 'agent' ? 'agent-listing' : 'skill-listing', e.loading, e.tokens);
    const categories = [...catMap.values()].sort((a, b) => b.tokens - a.tokens);
    const memFiles = files.filter((f) => f.loading === 'eager' && (f.kind === 'memory' || f.kind === 'rule'));
    return {
        schemaVersion: snapshot_SNAPSHOT_SCHEMA_VERSION,
        tool: { name: 'context-budget', version: ctx.toolVersion },
        source: ctx.source,
        tokenizer: {
            name: counter.source.name,
            estimate: counter.source.estimate,
            note: counter.fallback ?? (counter.source.estimate ? TOKENIZER_NOTE : "Exact counts from Anthropic's token-counting endpoint, message framing subtracted."),
        },
        model: {
            claudeCodeVersion: model.claudeCodeVersion,
            id: model.id,
            contextWindow: model.contextWindow,
            charsPerToken: model.charsPerToken,
            importMaxDepth: model.importMaxDepth,
            skillListingMaxDescChars: model.skillListingMaxDescChars,
            skillListingBudgetFraction: model.skillListingBudgetFraction,
            skillListingBudgetOverride: model.skillListingBudgetOverride,
            ...(model.idFrom ? { idFrom: model.idFrom } : {}),
        },
        totals: {
            eagerTokens,
            onDemandTokens,
            worstInvocationTokens: eagerTokens + (worst?.onDemandTokens ?? 0),
            worstInvocation: worst ? worst.name : null,
            windowShare: round4(eagerTokens / model.contextWindow),
            notLoadedTokens: sum(files.filter((f) => f.loading === 'not-loaded').map((f) => f.tokens)),
        },
        categories,
        units,
        files,
        components,
        listings: {
            skills,
            agents,
            scope,
            perPlugin,
            worst: {
                skills: worstSkills && worstSkills.skillChars > 0 ? { unit: worstSkills.unit, chars: worstSkills.skillChars, truncated: worstSkills.skillTruncated } : null,
                agents: worstAgents && worstAgents.agentClaudeEstimateTokens > 0
                    ? { unit: worstAgents.unit, claudeEstimateTokens: worstAgents.agentClaudeEstimateTokens }
                    : null,
            },
        },
        memory: {
            chars: plan.memoryChars,
            warnChars: memoryTotalWarnChars(model),
            fileWarnChars: memoryFileWarnChars(model),
            maxFileChars: Math.max(0, ...memFiles.map((f) => f.chars)),
            files: memFiles.length,
        },
        graph: buildGraph(plan),
        unknowns: plan.unknowns,
        content: findContent(plan.files, tokFile),
        loadTime: ctx.loadTime,
        diagnostics: [...plan.diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
    };
}
function entryRecord(e, tok) {
    return {
        name: e.name,
        kind: e.kind,
        unit: e.unit,
        file: e.file,
        text: e.text,
        chars: displayWidth(e.text),
        tokens: tok(e.text),
        loading: e.loading,
        reason: e.reason,
        ...(e.descriptionCapped ? { descriptionCapped: true } : {}),
        ...(e.alias ? { alias: e.alias } : {}),
        ...(e.line ? { line: e.line } : {}),
        ...(e.description !== undefined ? { description: e.description } : {}),
        ...(e.tools !== undefined ? { tools: e.tools } : {}),
    };
}
function agentNameDesc(line) {
    // "- name: description (Tools: ...)" -> "name: description"
    return line.replace(/^- /, '').replace(/ \(Tools: [^)]*\)$/, '');
}
/**
 * The skill listing against its character budget, bundled entries included (see listing.ts). `items`
 * are all entries (any unit); only eager entries of `members` take part.
 */
function skillListing(items, nameOnly, model, members) {
    const eager = items.filter((e) => e.loading === 'eager' && members.has(e.unit));
    const l = buildListing(eager, model, nameOnly);
    const truncatedItems = l.lines.filter((x) => l.bare.has(x) && x.entry).map((x) => x.entry);
    const bundledTruncated = l.lines.filter((x) => l.bare.has(x) && x.bundled).map((x) => x.name);
    return {
        chars: l.chars,
        budget: l.budget,
        bundledAllowance: l.bundledChars,
        ...(bundledTruncated.length ? { bundledTruncated } : {}),
        overBudget: l.overBudget,
        truncated: truncatedItems.map((e) => e.name),
        truncatedItems,
        assumedOrder: "listing order (the project's skills, its commands and workflows, plugin commands, plugin skills, then Claude Code's bundled skills); real order follows each user's own usage",
        entries: eager.length,
        tokens: sum(eager.map((e) => e.tokens)),
    };
}
function sum(xs) {
    let s = 0;
    for (const x of xs)
        s += x;
    return s;
}
function round4(x) {
    return Math.round(x * 10000) / 10000;
}

;// CONCATENATED MODULE: ./src/collect/types.ts
/** Where a snapshot was read from, as the snapshot records it. */
function sourceInfo(source) {
    return { kind: source.kind, root: source.root, ...(source.ref ? { ref: source.ref } : {}), ...(source.commit ? { commit: source.commit } : {}) };
}

;// CONCATENATED MODULE: ./src/analyze/loaders/agents.ts
/**
 * Agents: one line each in the agent listing (sent whole), bodies in the subagent's own context.
 */




function planAgent(ctx, u, f, dir) {
    const r = ctx.read(f, true);
    if (!r)
        return;
    const real = ctx.tree.real(f) ?? f;
    const isPlugin = u.type === 'plugin';
    const broken = r.parsed?.strictError !== undefined;
    // Front matter that strict YAML rejects: a project agent is not loaded; a plugin agent loads
    // with its file name and a fallback description, every other field dropped (Claude Code 2.1.332).
    if (broken && !isPlugin) {
        ctx.addFile(f, u.name, 'agent', 'not-loaded', 'agent whose front matter does not parse: Claude Code does not load it', 'other', ctx.bodySource(r));
        ctx.diag(f, r.parsed.strictError.line, 'warning', 'agent-not-loaded', `front matter does not parse (${r.parsed.strictError.message}): Claude Code does not load this agent`);
        return;
    }
    const fm = broken ? {} : (r.parsed?.data ?? {});
    const fileName = posix_default().basename(f).replace(/\.md$/i, '');
    const base = asText(fm.name)?.trim() || fileName;
    // Plugin agents are namespaced by plugin and by the folders below the agents folder (`dir`, which
    // holds `f`; empty for an agent file the manifest names itself).
    const rel = dir ? posix_default().dirname(f.slice(dir.length + 1)) : '.';
    const name = isPlugin ? [u.name, ...(rel === '.' ? [] : rel.split('/')), base].join(':') : base;
    // A project agent needs `description`; a plugin agent also takes `when_to_use`, else a fallback (Claude Code 2.1.332).
    const description = isPlugin
        ? (asText(fm.description) ?? asText(fm.when_to_use) ?? asText(fm['when-to-use']))?.trim() || `Agent from ${u.name} plugin`
        : (asText(fm.description)?.trim() ?? '');
    const body = ctx.bodySource(r);
    if (broken)
        ctx.diag(f, r.parsed.strictError.line, 'warning', 'agent-fallback', `front matter does not parse (${r.parsed.strictError.message}): Claude Code lists this agent as "${name}" with the description "${description}"`);
    // A project agent without front matter has no description either.
    if (!description) {
        ctx.addFile(f, u.name, 'agent', 'not-loaded', r.parsed?.hasFrontmatter ? 'agent without a description: Claude Code does not load it' : 'no frontmatter: not an agent definition', 'other', body);
        if (r.parsed?.hasFrontmatter)
            ctx.diag(f, 1, 'warning', 'missing-description', 'agent has no description: Claude Code does not load it');
        return;
    }
    // Of several agents with one name, Claude Code keeps the last in path order (`sub/dup-b.md` over
    // `dup-a.md`, `z.md` over `sub/a.md`; measured with 2.1.332): the earlier one is not listed.
    const earlier = ctx.agentByName.get(name);
    if (earlier) {
        // One entry and one component per name at a time, both recorded below with agentByName.
        ctx.agentEntries.splice(ctx.agentEntries.indexOf(earlier), 1);
        ctx.components.splice(ctx.components.findIndex((c) => c.kind === 'agent' && c.entry === name), 1);
        const rec = ctx.files.get(earlier.file);
        if (rec)
            ctx.files.set(earlier.file, {
                ...rec,
                loading: 'not-loaded',
                reason: `another agent is named "${name}" (${real}): Claude Code lists only that one`,
                category: 'other',
            });
        ctx.diag(earlier.file, 1, 'warning', 'duplicate-name', `agent name "${name}" is also defined by ${real}, which Claude Code lists instead of this one`);
    }
    const tools = agentTools(fm);
    const text = `- ${name}: ${description} (Tools: ${tools})`;
    const loading = 'eager';
    const entry = {
        name,
        kind: 'agent',
        unit: u.name,
        file: real,
        text,
        description,
        tools,
        loading,
        reason: 'agent listing entry, sent at session start',
        descriptionCapped: false,
        nameOnly: false,
        line: fieldLine(r.text, 'description'),
    };
    ctx.agentEntries.push(entry);
    ctx.agentByName.set(name, entry);
    ctx.addFile(f, u.name, 'agent', 'on-demand', "agent system prompt, loaded in the subagent's own context when spawned", 'agent-bodies', body);
    ctx.components.push({ id: `agent:${u.name}:${name}`, kind: 'agent', name, unit: u.name, file: real, loading, entry: name, refs: [] });
    const skills = asGlobs(fm.skills);
    for (const s of skills ?? [])
        ctx.edges.push({ from: real, to: `skill:${s}`, type: 'agent-skill' });
}
/** `Tools:` of an agent line: a list joined with ", ", `disallowedTools` as "All tools except ..." (Claude Code 2.1.332). */
function agentTools(fm) {
    const list = (v) => (Array.isArray(v) ? v.map((x) => String(x).trim()) : typeof v === 'string' ? v.split(',').map((x) => x.trim()) : []).filter((x) => x.length > 0);
    const tools = list(fm.tools);
    const denied = list(fm.disallowedTools ?? fm['disallowed-tools']);
    if (tools.length && denied.length) {
        const left = tools.filter((t) => !denied.includes(t));
        return left.length ? left.join(', ') : 'None';
    }
    if (tools.length)
        return tools.join(', ');
    if (denied.length)
        return `All tools except ${denied.join(', ')}`;
    return 'All tools';
}
/** Agents are listed by name, compared as Claude Code does (localeCompare). */
function agentOrder(entries) {
    return [...entries].sort((a, b) => strings_compareNames(a.name, b.name));
}

;// CONCATENATED MODULE: ./src/analyze/loaders/settings.ts
/**
 * Settings (.claude/settings.json and .local): output style, skillOverrides, claudeMdExcludes,
 * instructionFiles, hooks; MCP declarations; broken symlinks. Hooks and MCP servers are reported
 * as unknowns: their cost cannot be known without running them.
 */


/**
 * What could not be measured, as errors: a pull request must not pass by hiding its cost behind an
 * unreadable file, a FIFO, an oversized link, or by pushing the run past one of its limits.
 */
function reportUnmeasured(ctx) {
    for (const u of ctx.tree.unreadable)
        ctx.diag(u.path, 1, 'error', 'unreadable', `${u.problem}: what it holds is not measured`);
    for (const [p, why] of ctx.opts.unreadable ?? [])
        ctx.diag(p, 1, 'error', 'unreadable', `${why}: not measured (counted as nothing)`);
    if (ctx.tree.unexpanded.length)
        ctx.diag(ctx.tree.unexpanded[0], 1, 'error', 'limit-reached', `could not measure: limit maxSymlinkExpansion (${ctx.limits.maxSymlinkExpansion} paths through directory symlinks) reached; ${ctx.tree.unexpanded.length} directory links not followed`);
    for (const l of ctx.opts.limitsReached ?? [])
        ctx.diag('.', 1, 'error', 'limit-reached', `could not measure: limit ${l} (${ctx.limits[l]}) reached; the rest of the framework was not read`);
}
function readSettings(ctx) {
    const s = { skillOverrides: {}, claudeMdExcludes: [], hooks: [] };
    for (const p of ['.claude/settings.json', '.claude/settings.local.json']) {
        if (!ctx.tree.real(p))
            continue;
        ctx.addFile(p, PROJECT, 'settings', 'not-loaded', 'settings (configure loading; not sent to the model)', 'other');
        const v = ctx.readJson(p);
        if (!context_isObject(v))
            continue;
        if (typeof v.outputStyle === 'string')
            s.outputStyle = v.outputStyle;
        if (context_isObject(v.skillOverrides))
            for (const [k, val] of Object.entries(v.skillOverrides))
                if (typeof val === 'string')
                    s.skillOverrides[k] = val;
        if (Array.isArray(v.claudeMdExcludes))
            s.claudeMdExcludes.push(...v.claudeMdExcludes.filter((x) => typeof x === 'string'));
        if (typeof v.instructionFiles === 'string')
            s.instructionFiles = v.instructionFiles;
        if (context_isObject(v.hooks))
            s.hooks.push({ file: p, hooks: v.hooks });
        // What every session of the project loads differently (local settings over project settings).
        if (typeof v.model === 'string' && /^[A-Za-z0-9._:-]+(\[1m\])?$/.test(v.model.trim()))
            s.model = { id: v.model.trim(), file: p };
        else if (v.model !== undefined)
            ctx.diag(p, 1, 'warning', 'settings-value', `"model" is not a model id: ignored here (Claude Code may refuse it)`);
        const num = (key, x, ok) => {
            const n = typeof x === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(x) ? Number(x) : x;
            if (x === undefined)
                return undefined;
            if (typeof n === 'number' && Number.isFinite(n) && ok(n))
                return n;
            ctx.diag(p, 1, 'warning', 'settings-value', `${key} ${JSON.stringify(x)} is not a valid value: Claude Code's default is assumed`);
            return undefined;
        };
        const fraction = num('skillListingBudgetFraction', v.skillListingBudgetFraction, (n) => n > 0 && n <= 1);
        if (fraction !== undefined)
            s.skillListingBudgetFraction = fraction;
        const cap = num('skillListingMaxDescChars', v.skillListingMaxDescChars, (n) => Number.isInteger(n) && n >= 1);
        if (cap !== undefined)
            s.skillListingMaxDescChars = cap;
        if (context_isObject(v.env)) {
            const budget = num('env.SLASH_COMMAND_TOOL_CHAR_BUDGET', v.env.SLASH_COMMAND_TOOL_CHAR_BUDGET, (n) => Number.isInteger(n) && n >= 0);
            if (budget !== undefined)
                s.skillListingBudgetOverride = budget;
        }
    }
    return s;
}
function mcpFile(ctx, p, unit) {
    ctx.addFile(p, unit, 'mcp-server', 'not-loaded', 'MCP server declarations (tool schemas load at start: size unknown statically)', 'other');
    const v = ctx.readJson(p);
    if (!context_isObject(v))
        return undefined;
    // A file with an `mcpServers` key declares its servers there and nowhere else (a broken value is
    // reported, never read as a server named "mcpServers"); a file without it is the map itself.
    if (Object.hasOwn(v, 'mcpServers')) {
        if (context_isObject(v.mcpServers))
            return v.mcpServers;
        ctx.diag(p, 1, 'warning', 'invalid-json', '`mcpServers` is not an object of servers: no server read from it');
        return undefined;
    }
    return v;
}
/** Component folders of a unit, where Claude Code walks every subfolder (links included) for entries. */
function componentDirs(u) {
    const at = (p) => (u.root ? `${u.root}/${p}` : p);
    return u.type === 'plugin'
        ? ['commands', 'agents', 'skills', 'output-styles', '.claude/commands', '.claude/agents', '.claude/skills'].map(at)
        : ['.claude/commands', '.claude/agents', '.claude/skills', '.claude/rules', '.claude/output-styles'].map(at);
}
/**
 * A directory symlink in a component folder that this analyzer can't expand as Claude Code does
 * (into a folder that contains it, or through further links): Claude Code lists what it finds there
 * (a link to the repository root made every Markdown file a command), so the head can't be measured.
 */
function reportComponentLinks(ctx) {
    const dirs = ctx.units.flatMap(componentDirs);
    // A submodule where Claude Code loads from (a component folder, the folder above one, or a memory
    // file's place): a checkout with submodules loads what the commit does not hold.
    const loaded = [...dirs, '.claude', 'CLAUDE.md', 'CLAUDE.local.md', 'AGENTS.md', '.claude-plugin', ...ctx.units.filter((u) => u.root).map((u) => u.root)];
    for (const s of ctx.tree.submodules) {
        const hit = loaded.find((d) => d === s || d.startsWith(s + '/') || s.startsWith(d + '/'));
        if (hit)
            ctx.diag(s, 1, 'error', 'not-measurable', `could not measure: a submodule (gitlink) at ${hit === s ? 'a path Claude Code loads from' : `${s}, where Claude Code loads ${hit}`}; its files are in another repository, not in this commit`);
    }
    const inComponent = (p) => dirs.some((d) => p === d || p.startsWith(d + '/') || d.startsWith(p + '/'));
    // A link out of the repository where Claude Code loads from: on a checkout it lists whatever is there.
    for (const l of ctx.tree.brokenLinks())
        if (l.reason === 'external' && inComponent(l.path))
            ctx.diag(l.path, 1, 'error', 'not-measurable', `could not measure: symlink to "${l.target}", outside the repository, where Claude Code loads from; a checkout lists whatever is there`);
    for (const l of ctx.tree.unfollowed) {
        if (!inComponent(l.path))
            continue;
        ctx.diag(l.path, 1, 'error', 'not-measurable', l.why === 'ancestor'
            ? `could not measure: symlink to "${l.target}", a folder that contains it; Claude Code follows it and lists every Markdown file under that folder (each real folder once)`
            : `could not measure: symlink to "${l.target}", whose folder holds further directory links; Claude Code follows them and lists what they hold`);
    }
}
function reportLinks(ctx) {
    for (const l of ctx.tree.brokenLinks()) {
        if (IGNORED_DIR.test(l.path + '/'))
            continue;
        const why = l.reason === 'external' ? 'points outside the repository; never read' : l.reason === 'loop' ? 'is a symlink loop' : 'points to nothing in the repository';
        ctx.diag(l.path, 1, l.reason === 'missing' ? 'info' : 'warning', `symlink-${l.reason}`, `symlink to "${l.target}" ${why}`);
        ctx.unresolved.push({ from: l.path, line: 1, ref: l.target, reason: l.reason === 'loop' ? 'loop' : l.reason === 'external' ? 'external' : 'missing' });
    }
}

// EXTERNAL MODULE: ./node_modules/json5/lib/index.js
var lib = __webpack_require__(84841);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
;// CONCATENATED MODULE: ./src/analyze/workflow.ts

/**
 * Reads `export const meta = { ... }` from a workflow script as data: the object literal is cut out
 * by scanning (strings and comments respected) and parsed with JSON5. Nothing is executed.
 */
function readWorkflowMeta(source) {
    // Whitespace and comments are skipped by a linear scan (a regex with a repeated comment group
    // backtracks exponentially on many comment lines), then the statement is matched where it starts.
    const at = skipSpaceAndComments(source, 0);
    const head = /export\s+const\s+meta\s*=\s*/y;
    head.lastIndex = at;
    const m = at >= 0 ? head.exec(source) : null;
    if (!m)
        return { ok: false, line: 1, message: 'first statement is not `export const meta = { ... }`: not listed' };
    const start = at + m[0].length;
    const end = matchBrace(source, start);
    const line = source.slice(0, start).split('\n').length;
    if (end < 0)
        return { ok: false, line, message: '`export const meta` is not a complete object literal' };
    let literal = source.slice(start, end + 1);
    // Template literals without substitutions are plain strings.
    literal = literal.replace(/`([^`$\\]*)`/g, (_s, inner) => JSON.stringify(inner));
    try {
        const meta = lib_default().parse(literal);
        const name = typeof meta.name === 'string' ? meta.name : '';
        const description = typeof meta.description === 'string' ? meta.description : '';
        if (!name)
            return { ok: false, line, message: '`meta.name` is missing or not a string literal' };
        return { ok: true, name, description, whenToUse: typeof meta.whenToUse === 'string' ? meta.whenToUse : undefined };
    }
    catch (e) {
        return { ok: false, line, message: `\`meta\` is not a pure object literal (${e.message.split('\n')[0]}); it is never evaluated` };
    }
}
function matchBrace(s, i) {
    if (s[i] !== '{')
        return -1;
    let depth = 0;
    for (; i < s.length; i++) {
        const c = s[i];
        if (c === '"' || c === "'" || c === '`') {
            const q = c;
            for (i++; i < s.length && s[i] !== q; i++)
                if (s[i] === '\\')
                    i++;
        }
        else if (c === '/' && s[i + 1] === '/') {
            while (i < s.length && s[i] !== '\n')
                i++;
        }
        else if (c === '/' && s[i + 1] === '*') {
            const e = s.indexOf('*/', i + 2);
            if (e < 0)
                return -1;
            i = e + 1;
        }
        else if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return i;
    }
    return -1;
}
/** Index of the first character that is neither whitespace nor inside a comment; -1 in an unclosed comment. */
function skipSpaceAndComments(s, i) {
    while (i < s.length) {
        const c = s.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff)
            i++;
        else if (s.startsWith('//', i)) {
            const e = s.indexOf('\n', i);
            i = e < 0 ? s.length : e + 1;
        }
        else if (s.startsWith('/*', i)) {
            const e = s.indexOf('*/', i + 2);
            if (e < 0)
                return -1;
            i = e + 2;
        }
        else
            break;
    }
    return i;
}

;// CONCATENATED MODULE: ./src/analyze/loaders/workflows.ts


function planWorkflow(ctx, u, f) {
    const r = ctx.read(f);
    if (!r)
        return;
    const real = ctx.tree.real(f) ?? f;
    if (r.bytes > ctx.m.workflowMaxBytes) {
        ctx.addFile(f, u.name, 'workflow', 'not-loaded', `workflow over ${ctx.m.workflowMaxBytes} bytes: ignored by Claude Code`, 'other', '');
        ctx.diag(f, 1, 'warning', 'workflow-too-large', `workflow is ${r.bytes} bytes > ${ctx.m.workflowMaxBytes}: Claude Code ignores it`);
        return;
    }
    const meta = readWorkflowMeta(r.text);
    if (!meta.ok) {
        ctx.addFile(f, u.name, 'workflow', 'not-loaded', 'workflow without a readable `export const meta`: not listed', 'other', '');
        ctx.diag(f, meta.line, 'warning', 'workflow-meta', meta.message);
        return;
    }
    const name = u.type === 'plugin' ? `${u.name}:${meta.name}` : meta.name;
    const desc = meta.whenToUse ? `${meta.description} - ${meta.whenToUse}` : meta.description;
    ctx.addFile(f, u.name, 'workflow', 'not-loaded', 'workflow script: runs when invoked, never sent as text', 'other', '');
    const entry = makeEntry(ctx, name, desc, 'workflow', u.name, real, 'eager', 'workflow listing entry (export const meta), sent at session start');
    ctx.components.push({
        id: `workflow:${u.name}:${name}`,
        kind: 'workflow',
        name,
        unit: u.name,
        file: real,
        loading: entry.loading,
        entry: entry.name,
        refs: [],
    });
}

;// CONCATENATED MODULE: ./src/analyze/loaders/components.ts
/**
 * One unit's components (the project, the user scope, or a plugin): where each kind lives (the
 * project's .claude/, the user's ~/.claude, a plugin's default folders or its manifest's paths),
 * handed to the loader of that kind; output styles, MCP servers and hooks.
 */








function planUnit(ctx, u, settings) {
    const isProject = u.type !== 'plugin';
    // The project's components live in .claude/, the user's in the ~/.claude folder itself.
    const own = (kind) => [u.type === 'user' ? `${u.root}/${kind}` : `.claude/${kind}`];
    // Every unit is planned as installed; whether it counts in the totals is the unit's `counted`.
    const within = (p) => (u.root === '' ? p : `${u.root}/${p}`);
    const paths = (key, def) => {
        const fromManifest = manifestPaths(u.manifest, key);
        return (fromManifest ?? def).map((p) => Tree.normalize(posix_default().join(u.root, p))).filter((p) => p !== null);
    };
    const inDir = (dir, re) => ctx.tree.under(dir).filter((p) => re.test(dir === '' ? p : p.slice(dir.length + 1)) && !IGNORED_DIR.test(p));
    // Commands
    const cmdDirs = isProject ? own('commands') : paths('commands', ['commands']);
    for (const d of cmdDirs) {
        const files = ctx.tree.files.has(d) || (ctx.tree.real(d) && !ctx.tree.isDir(d)) ? [d] : inDir(d, /\.md$/i);
        for (const f of files) {
            const rel = ctx.tree.files.has(d) || !ctx.tree.isDir(d) ? posix_default().basename(f) : f.slice(d.length + 1);
            const name = rel.replace(/\.md$/i, '').split('/').join(':');
            planPrompt(ctx, u, f, isProject ? name : `${u.name}:${name}`, 'command');
        }
    }
    // Skills
    const skillRoots = isProject ? own('skills') : paths('skills', ['skills']);
    const skillFiles = [];
    const listed = !isProject && manifestPaths(u.manifest, 'skills') !== undefined;
    for (const d of skillRoots) {
        if (ctx.tree.real(`${d}/SKILL.md`))
            skillFiles.push(`${d}/SKILL.md`);
        else
            for (const f of inDir(d, /^[^/]+\/SKILL\.md$/))
                skillFiles.push(f);
    }
    if (!isProject && ctx.tree.real(within('SKILL.md')) && !manifestPaths(u.manifest, 'skills'))
        skillFiles.push(within('SKILL.md'));
    for (const f of skillFiles) {
        const dir = posix_default().dirname(f);
        const dirName = f === within('SKILL.md') ? u.name : posix_default().basename(dir);
        planPrompt(ctx, u, f, dirName, 'skill', listed ? skillFiles.indexOf(f) : undefined);
        for (const res of inDir(dir, /.+/))
            if (res !== f && !skillFiles.includes(res))
                ctx.addFile(res, u.name, 'resource', 'on-demand', `bundled with skill ${dirName}: read only when the skill reads it`, 'resources');
    }
    // Workflows
    for (const d of isProject ? own('workflows') : paths('workflows', ['workflows'])) {
        for (const f of inDir(d, /^[^/]+\.(m?js)$/i))
            planWorkflow(ctx, u, f);
    }
    // Agents
    for (const d of isProject ? own('agents') : paths('agents', ['agents'])) {
        const files = ctx.tree.isDir(d) ? inDir(d, /\.md$/i) : ctx.tree.real(d) ? [d] : [];
        for (const f of files)
            planAgent(ctx, u, f, ctx.tree.isDir(d) ? d : '');
    }
    // Output styles
    for (const d of isProject ? own('output-styles') : paths('outputStyles', ['output-styles'])) {
        const files = ctx.tree.isDir(d) ? inDir(d, /\.md$/i) : ctx.tree.real(d) ? [d] : [];
        for (const f of files) {
            const r = ctx.read(f, true);
            const name = asText(r?.parsed?.data.name) ?? posix_default().basename(f).replace(/\.md$/i, '');
            const forced = !isProject && asBool(r?.parsed?.data['force-for-plugin']);
            const selected = settings.outputStyle !== undefined && (settings.outputStyle === name || settings.outputStyle === `${u.name}:${name}`);
            const loading = forced || selected ? 'eager' : 'not-loaded';
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
    const mcpSources = [];
    const mcpPath = within('.mcp.json');
    const declared = u.manifest ? (u.manifest.mcpServers ?? (context_isObject(u.manifest.experimental) ? u.manifest.experimental.mcpServers : undefined)) : undefined;
    if (typeof declared === 'string' || Array.isArray(declared)) {
        for (const p of [].concat(declared)) {
            const norm = typeof p === 'string' ? Tree.normalize(posix_default().join(u.root, p)) : null;
            if (norm && ctx.tree.real(norm))
                mcpSources.push({ file: norm, servers: mcpFile(ctx, norm, u.name) });
        }
    }
    else if (context_isObject(declared))
        mcpSources.push({ file: u.manifestPath ?? mcpPath, servers: declared });
    else if (ctx.tree.real(mcpPath))
        mcpSources.push({ file: mcpPath, servers: mcpFile(ctx, mcpPath, u.name) });
    for (const src of mcpSources) {
        if (!context_isObject(src.servers))
            continue;
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
    if (u.type === 'user')
        return; // user settings, hooks and MCP servers are the user's, not measured here
    const hookSources = isProject ? settings.hooks : [];
    if (!isProject) {
        const declaredHooks = u.manifest ? (u.manifest.hooks ?? (context_isObject(u.manifest.experimental) ? u.manifest.experimental.hooks : undefined)) : undefined;
        // The standard hooks/hooks.json always loads; the manifest's hooks, files or inline, are more.
        const standard = within('hooks/hooks.json');
        const standardReal = ctx.tree.real(standard);
        const hookFiles = standardReal ? [standard] : [];
        for (const p of typeof declaredHooks === 'string' || Array.isArray(declaredHooks) ? [].concat(declaredHooks) : []) {
            const hf = typeof p === 'string' ? Tree.normalize(posix_default().join(u.root, p)) : null;
            const real = hf ? ctx.tree.real(hf) : undefined;
            if (!real)
                continue;
            if (real !== standardReal)
                hookFiles.push(hf);
            else
                ctx.diag(u.manifestPath ?? standard, 1, 'warning', 'invalid-manifest', `hooks: "${p}" is the standard hooks/hooks.json, which Claude Code loads anyway: it loads it once and reports "Duplicate hooks file detected"`);
        }
        if (context_isObject(declaredHooks))
            hookSources.push({ file: u.manifestPath ?? '', hooks: declaredHooks });
        // Each file exists (checked above).
        for (const hf of hookFiles) {
            ctx.addFile(hf, u.name, 'hook', 'not-loaded', 'hooks configuration (runs commands; not sent to the model)', 'other');
            const v = ctx.readJson(hf);
            if (context_isObject(v))
                hookSources.push({ file: hf, hooks: context_isObject(v.hooks) ? v.hooks : v });
        }
    }
    for (const src of hookSources) {
        if (!context_isObject(src.hooks))
            continue;
        const ss = src.hooks.SessionStart;
        const n = Array.isArray(ss) ? ss.reduce((acc, g) => acc + (context_isObject(g) && Array.isArray(g.hooks) ? g.hooks.length : 1), 0) : 0;
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

;// CONCATENATED MODULE: ./src/analyze/loaders/memory.ts
/**
 * Memory files: CLAUDE.md, .claude/CLAUDE.md, CLAUDE.local.md, AGENTS.md standing in, rules with and
 * without `paths:`, nested memory on demand, user scope, and their @imports (depth limit, cycles).
 */







const MARKDOWN = /\.md$/i;
const AGENTS_MD = /(?:^|\/)AGENTS\.md$/;
function planMemory(ctx, settings) {
    const mode = settings.instructionFiles ?? ctx.m.instructionFiles;
    if (mode === 'managed-only')
        return;
    const excluded = settings.claudeMdExcludes.length ? picomatch_default()(settings.claudeMdExcludes, { dot: true }) : () => false;
    const user = ctx.units.find((u) => u.type === 'user');
    const inUser = (p) => user !== undefined && p.startsWith(user.root + '/');
    // Every memory file and rule is Markdown (most files of a repository are not: tested first).
    const visible = ctx.tree.visiblePaths().filter((p) => MARKDOWN.test(p) && !IGNORED_DIR.test(p) && !excluded(p) && !inUser(p));
    // Memory files per directory: dir -> candidates.
    const byDir = new Map();
    const slot = (d) => {
        let s = byDir.get(d);
        if (!s)
            byDir.set(d, (s = { claude: [], agents: [], rules: [] }));
        return s;
    };
    for (const p of visible) {
        const slash = p.lastIndexOf('/');
        const base = p.slice(slash + 1);
        const dir = slash < 0 ? '' : p.slice(0, slash);
        const owner = dir === '.claude' ? '' : dir.endsWith('/.claude') ? dir.slice(0, -'/.claude'.length) : dir;
        if (base === 'CLAUDE.md' || base === 'CLAUDE.local.md')
            slot(owner).claude.push(p);
        else if (base === 'AGENTS.md')
            slot(owner).agents.push(p);
        else {
            const rm = /^(?:(.*)\/)?\.claude\/rules\/.+\.md$/i.exec(p);
            if (rm)
                slot(rm[1] ?? '').rules.push(p);
        }
    }
    // At most one candidate per place (CLAUDE.md, .claude/CLAUDE.md, ...): their order is the places' order.
    const order = (d) => (list) => [...list].sort((a, b) => memoryOrder(a, d) - memoryOrder(b, d));
    const roots = [];
    // User scope (~/.claude) comes first: its CLAUDE.md and its rules. A root that does not exist is
    // skipped below; visible paths, and so each list of candidates, are sorted.
    if (user) {
        roots.push({
            p: `${user.root}/CLAUDE.md`,
            loading: 'eager',
            reason: 'user memory file (~/.claude/CLAUDE.md), loaded at session start',
            category: 'memory',
            dir: user.root,
            unit: USER,
        });
        for (const p of ctx.tree.under(`${user.root}/rules`).filter((x) => MARKDOWN.test(x)))
            roots.push({ p, loading: 'eager', reason: 'user rule (~/.claude/rules), loaded at session start', category: 'rules', dir: user.root, unit: USER });
    }
    // The project root ('') first, then each folder in path order.
    const dirs = [...byDir.keys()].sort();
    for (const d of dirs) {
        const s = byDir.get(d);
        const top = d === '';
        const loading = top ? 'eager' : 'on-demand';
        const where = top ? 'project root' : `${d}/`;
        const useAgents = mode === 'claude-md-and-agents-md' || (mode === 'claude-md-or-agents-md' && s.claude.length === 0);
        for (const p of order(d)(s.claude))
            roots.push({
                p,
                loading,
                reason: top ? `memory file at the ${where}, loaded at session start` : `nested memory file, loaded when Claude reads files in ${where}`,
                category: top ? 'memory' : 'nested-memory',
                dir: d,
            });
        if (useAgents)
            for (const p of order(d)(s.agents))
                roots.push({
                    p,
                    loading,
                    reason: top ? 'AGENTS.md standing in for CLAUDE.md, loaded at session start' : `nested AGENTS.md, loaded when Claude reads files in ${where}`,
                    category: top ? 'memory' : 'nested-memory',
                    dir: d,
                });
        else
            for (const p of s.agents)
                ctx.addFile(p, PROJECT, 'memory', 'not-loaded', mode === 'claude-md' ? 'AGENTS.md (instructionFiles: claude-md)' : 'AGENTS.md not loaded: a CLAUDE.md exists in the same place', 'other');
        for (const p of s.rules) {
            const r = ctx.read(p, true);
            const globs = asGlobs(r?.parsed?.data.paths);
            // No globs (`paths: []`), or only `**`, scope nothing.
            const conditional = globs !== undefined && !globs.every((g) => trimGlob(g) === '**');
            if (conditional)
                roots.push({
                    p,
                    loading: 'on-demand',
                    reason: `rule with paths: ${globs.map(trimGlob).join(', ')}; loaded when matching files are touched`,
                    category: 'path-rules',
                    dir: d,
                });
            else
                roots.push({
                    p,
                    loading,
                    reason: top ? 'rule without paths:, loaded at session start' : `rule in ${where}.claude/rules, loaded when Claude reads files in ${where}`,
                    category: top ? 'rules' : 'nested-memory',
                    dir: d,
                });
        }
    }
    // Eager roots first so that a file reachable both ways is eager.
    const sorted = [...roots.filter((r) => r.loading === 'eager'), ...roots.filter((r) => r.loading !== 'eager')];
    // Texts loaded so far, to drop an AGENTS.md that repeats one: kept only when an AGENTS.md is to come.
    const agentsAhead = sorted.some((r) => AGENTS_MD.test(r.p));
    const loadedTexts = new Set();
    const loaded = new Set();
    let totalChars = 0;
    // The first memory file loaded at session start: where the total-size warning points.
    let first;
    for (const root of sorted) {
        const isAgents = AGENTS_MD.test(root.p);
        const real = ctx.tree.real(root.p);
        if (!real)
            continue;
        if (loaded.has(real))
            continue;
        if (isAgents) {
            const r = ctx.read(root.p);
            const trimmed = r?.text.trim() ?? '';
            if (loadedTexts.has(trimmed)) {
                ctx.addFile(root.p, PROJECT, 'memory', 'not-loaded', 'AGENTS.md with the same text as a memory file already loaded: dropped', 'other');
                continue;
            }
        }
        const chars = loadMemory(ctx, root.p, 0, root.loading, root.reason, root.category, loaded, [], root.unit);
        if (root.loading === 'eager') {
            totalChars += chars;
            first ??= root.p;
        }
        const r = agentsAhead ? ctx.read(root.p) : null;
        if (r)
            loadedTexts.add(r.text.trim());
    }
    ctx.memoryChars = totalChars;
    const totalWarn = memoryTotalWarnChars(ctx.m);
    if (totalChars > totalWarn)
        ctx.diag(first, 1, 'warning', 'memory-total-size', `instruction files total ${totalChars} characters > ${totalWarn}: Claude Code warns "Instruction files will impact performance"`);
}
/** Loads one memory file and its imports depth-first; returns the characters loaded eagerly. */
function loadMemory(ctx, p, depth, loading, reason, category, loaded, stack, unit = PROJECT) {
    const real = ctx.tree.real(p);
    loaded.add(real);
    // A rule is a rule by where it is listed (a symlink in .claude/rules to elsewhere is one too).
    const isRule = /(^|\/)\.claude\/rules\//.test(p) || /(^|\/)\.claude\/rules\//.test(real);
    const r = ctx.read(p, isRule);
    if (!r)
        return 0;
    if (r.bytes > ctx.m.memoryFileMaxBytes) {
        ctx.addFile(p, PROJECT, 'memory', 'not-loaded', `memory file over ${ctx.m.memoryFileMaxBytes} bytes: skipped by Claude Code`, 'other', '', depth);
        ctx.diag(p, 1, 'error', 'memory-file-skipped', `${r.bytes} bytes > ${ctx.m.memoryFileMaxBytes}: Claude Code skips this memory file entirely`);
        return 0;
    }
    const facts = ctx.memoryFacts(r, isRule);
    const linkText = facts.linkText;
    const asLink = linkText !== undefined && /^[^\s@]+$/.test(linkText) ? Tree.normalize(posix_default().join(posix_default().dirname(real), linkText)) : null;
    if (asLink && ctx.tree.real(asLink) && asLink !== real)
        ctx.diag(p, 1, 'warning', 'symlink-as-file', `the whole file is the path "${linkText}": a symlink checked out as a plain file (core.symlinks=false)? Claude Code loads this text, not ${asLink}`);
    // Claude Code includes the text trimmed; a file with nothing left is not included at all.
    const kind = isRule ? 'rule' : 'memory';
    if (facts.chars === 0) {
        ctx.addFile(p, unit, kind, 'not-loaded', 'empty memory file: Claude Code includes nothing', 'other', '', depth);
        return 0;
    }
    // The text is derived again from the blob when counted (digest.ts): the plan keeps no copy.
    ctx.addFile(p, unit, kind, loading, reason, category, { start: isRule && r.parsed ? r.parsed.bodyStart : 0, memory: true }, depth);
    if (depth === 0)
        ctx.components.push({ id: `${kind}:${real}`, kind, name: real, unit, file: real, loading, refs: [] });
    const fileWarn = memoryFileWarnChars(ctx.m);
    if (facts.chars > fileWarn && loading === 'eager')
        ctx.diag(p, 1, 'warning', 'memory-file-size', `${facts.chars} characters > ${fileWarn}: Claude Code warns "Large ${real} will impact performance"`);
    // The total warning leaves out files already over the per-file limit (Claude Code 2.1.332).
    let chars = facts.chars > fileWarn ? 0 : facts.chars;
    const lineOffset = isRule && r.parsed ? r.parsed.bodyLine - 1 : 0;
    const nextStack = [...stack, real];
    for (const imp of facts.imports) {
        const line = imp.line + lineOffset;
        const target = ctx.resolveRef(p, imp.ref, line, 'import');
        if (!target)
            continue;
        const targetReal = ctx.tree.real(target);
        const loadable = loaded.has(targetReal) || nextStack.includes(targetReal) || depth + 1 < ctx.m.importMaxDepth;
        if (loadable)
            ctx.edges.push({ from: real, to: targetReal, type: 'import', line });
        if (nextStack.includes(targetReal)) {
            ctx.cycles.push([...nextStack.slice(nextStack.indexOf(targetReal)), targetReal]);
            continue;
        }
        if (loaded.has(targetReal))
            continue;
        if (depth + 1 >= ctx.m.importMaxDepth) {
            ctx.unresolved.push({ from: real, line, ref: imp.ref, reason: 'depth', resolved: targetReal });
            ctx.diag(p, line, 'warning', 'import-depth', `@${imp.ref} is at import depth ${depth + 1}; Claude Code stops at depth ${ctx.m.importMaxDepth} (file not loaded)`);
            // A file already recorded keeps its record (addFile keeps the strongest loading).
            ctx.addFile(target, PROJECT, 'memory', 'not-loaded', `import past the depth limit (${ctx.m.importMaxDepth}) from ${real}`, 'other');
            continue;
        }
        chars += loadMemory(ctx, target, depth + 1, loading, `imported by ${real} at depth ${depth + 1}`, category, loaded, nextStack, unit);
    }
    return chars;
}
function memoryOrder(p, dir) {
    const rel = dir === '' ? p : p.slice(dir.length + 1);
    return ['CLAUDE.md', '.claude/CLAUDE.md', 'AGENTS.md', '.claude/AGENTS.md', 'CLAUDE.local.md'].indexOf(rel) + 1 || 9;
}

;// CONCATENATED MODULE: ./src/analyze/plan.ts










/** Paths worth reading before anything is known: everything that can be a framework file. */
function candidatePaths(tree) {
    const names = new Set(['CLAUDE.md', 'AGENTS.md', 'CLAUDE.local.md', 'SKILL.md', '.mcp.json', '.lsp.json', 'plugin.json', 'marketplace.json', 'hooks.json']);
    const dirs = /(^|\/)(\.claude|\.claude-plugin|commands|agents|skills|output-styles|workflows|hooks|rules)\//;
    // Everything bundled with a skill (references, templates, scripts) is read too: it is counted as
    // on-demand, and reading it up front saves a second planning pass.
    const skillFiles = /(^|\/)skills\/[^/]+\/./;
    return tree.visiblePaths().filter((p) => {
        const base = posix_default().basename(p);
        if (names.has(base))
            return true;
        return (dirs.test(p) && /\.(md|mdc|json|js|mjs)$/i.test(base)) || skillFiles.test(p);
    });
}
/** Builds the load plan from a tree and the contents read so far: every loader adds its claims to one context. Pure. */
function buildPlan(tree, contents, opts) {
    const ctx = new PlanContext(tree, contents, opts);
    if (ctx.opts.notRead)
        ctx.diag('.', 1, 'error', 'limit-reached', `could not measure: limit maxFiles (${ctx.limits.maxFiles}) reached; ${ctx.opts.notRead} framework files were not read`);
    reportLinks(ctx);
    reportUnmeasured(ctx);
    const { units, diagnostics } = discoverUnits(ctx.tree, (p) => ctx.readJson(p), opts.installedPlugins ?? 'all', (p) => ctx.read(p)?.text ?? '');
    const userRoot = ctx.opts.userScope ? Tree.normalize(ctx.opts.userScope.replace(/\/+$/, '')) : null;
    if (ctx.opts.userScope) {
        if (userRoot && ctx.tree.isDir(userRoot))
            units.splice(1, 0, { name: USER, type: 'user', root: userRoot, counted: true, mcpServers: [], sessionStartHooks: 0 });
        else
            ctx.diag('.', 1, 'warning', 'user-scope-missing', `userScope "${ctx.opts.userScope}" is not a folder of the repository: nothing is measured at user scope`);
    }
    ctx.units = units;
    ctx.diagnostics.push(...diagnostics);
    reportComponentLinks(ctx);
    for (const u of units)
        if (u.manifestPath)
            ctx.addFile(u.manifestPath, u.name, 'plugin-manifest', 'not-loaded', 'plugin manifest (metadata, not sent to the model)', 'other');
    for (const mp of ctx.tree.visiblePaths().filter((p) => p.endsWith('.claude-plugin/marketplace.json')))
        ctx.addFile(mp, PROJECT, 'marketplace', 'not-loaded', 'marketplace catalogue (metadata, not sent to the model)', 'other');
    const settings = readSettings(ctx);
    ctx.m = withSettings(ctx.m, settings);
    planMemory(ctx, settings);
    // A plugin whose manifest Claude Code refuses loads nothing; its files are reported as not loaded.
    for (const u of units)
        if (!u.invalid)
            planUnit(ctx, u, settings);
    applyOverridesAndOrder(ctx, settings);
    planRemaining(ctx);
    checkCollisions(ctx);
    return {
        units,
        files: [...ctx.files.values()],
        skillEntries: listingOrder(ctx.skillEntries, ctx.units),
        agentEntries: agentOrder(ctx.agentEntries),
        components: ctx.components,
        edges: ctx.edges,
        unresolved: ctx.unresolved,
        cycles: ctx.cycles,
        unknowns: ctx.unknowns,
        diagnostics: ctx.diagnostics,
        memoryChars: ctx.memoryChars,
        missing: [...ctx.missing].sort(),
        model: ctx.m,
    };
}
/** Framework-looking files no loader claimed: reported as not loaded, with why. */
function planRemaining(ctx) {
    const claimed = new Set(ctx.files.keys());
    for (const p of candidatePaths(ctx.tree)) {
        const real = ctx.tree.real(p);
        if (!real || claimed.has(real) || IGNORED_DIR.test(p))
            continue;
        claimed.add(real);
        const unit = ownerUnit(ctx.units, p);
        ctx.addFile(p, unit, 'other', 'not-loaded', unit === PROJECT ? 'not in any location Claude Code loads from' : `in plugin ${unit} but not in a component folder it declares`, 'other');
    }
}
/** Names that shadow or may be confused with each other. */
function checkCollisions(ctx) {
    const seen = new Map();
    for (const e of [...ctx.skillEntries, ...ctx.agentEntries]) {
        const key = `${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name}`;
        const prev = seen.get(key);
        if (prev && prev.file !== e.file)
            ctx.diag(e.file, 1, 'warning', 'duplicate-name', `${e.kind} name "${e.name}" is also defined by ${prev.file}${prev.unit !== e.unit ? ` (unit ${prev.unit})` : ''}: one shadows the other`);
        else
            seen.set(key, e);
    }
    // A project entry and a plugin entry with the same base name ("deploy" and "tools:deploy"): users
    // and the model can confuse them. Plugins sharing base names among themselves are namespaced: fine.
    const project = new Map();
    for (const e of [...ctx.skillEntries, ...ctx.agentEntries])
        if (e.unit === PROJECT)
            project.set(`${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name}`, e);
    if (project.size)
        for (const e of [...ctx.skillEntries, ...ctx.agentEntries]) {
            if (e.unit === PROJECT)
                continue;
            const prev = project.get(`${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name.split(':').pop()}`);
            if (prev)
                ctx.diag(e.file, 1, 'info', 'name-collision', `"${e.name}" shares its name with the project's "${prev.name}" (${prev.file})`);
        }
}
function ownerUnit(units, p) {
    let best;
    for (const u of units) {
        if (u.type !== 'plugin')
            continue;
        if (u.root === '' || p.startsWith(u.root + '/'))
            if (!best || u.root.length > best.root.length)
                best = u;
    }
    if (best && best.root === '' && /^\.claude\//.test(p))
        return PROJECT;
    return best?.name ?? PROJECT;
}

;// CONCATENATED MODULE: ./src/analyze/load.ts

/**
 * Reading a side for the analyzer: the framework's candidate files, then what imports and manifests
 * point to, in a few batches, within the run's limits (files, bytes, time); what can't be read is
 * reported. The only place the analyzer asks its source for bytes.
 */






/** The first line of a Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md). */
const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/v1\n');
/** Memory files whose imports are followed while reading. */
const MEMORY_FILE = /(^|\/)(CLAUDE\.md|CLAUDE\.local\.md|AGENTS\.md|\.claude\/rules\/.+\.md)$/;
/** Reads everything the plan needs from the source, in a few batches (candidates, then what imports and manifests point to). */
async function load(source, opts, parseCache = new Map()) {
    const limits = opts.limits ?? DEFAULT_LIMITS;
    const listed = await source.list();
    const ignored = opts.ignore?.length ? picomatch_default()([...opts.ignore], { dot: true }) : null;
    const entries = ignored ? listed.filter((e) => !ignored(e.path)) : listed;
    const tree = new Tree(entries, limits.maxSymlinkHops, limits.maxSymlinkExpansion);
    const started = Date.now();
    let bytesRead = 0;
    const limitsReached = [];
    const unreadable = new Map();
    const contents = new Map();
    const attempted = new Set();
    const readable = (paths) => {
        const out = [];
        for (const p of paths) {
            const real = tree.real(p);
            if (!real || attempted.has(real))
                continue;
            attempted.add(real);
            const e = tree.files.get(real);
            if (!e || e.size > limits.maxFileBytes)
                continue;
            // Hard budgets of the run, whatever the framework says: total bytes, and time.
            if (bytesRead + e.size > limits.maxTotalBytes) {
                if (!limitsReached.includes('maxTotalBytes'))
                    limitsReached.push('maxTotalBytes');
                continue;
            }
            if (Date.now() - started > limits.maxSeconds * 1000) {
                if (!limitsReached.includes('maxSeconds'))
                    limitsReached.push('maxSeconds');
                continue;
            }
            bytesRead += e.size;
            out.push(real);
        }
        return out;
    };
    const readBatch = async (paths) => {
        if (!paths.length)
            return;
        const got = await source.read(paths);
        for (const [p, b] of got) {
            contents.set(p, b);
            // A Git LFS pointer stands where the file is: what sessions load is in LFS, not in git.
            if (b.data.length < 1024 && b.data.subarray(0, LFS_POINTER.length).equals(LFS_POINTER))
                unreadable.set(p, 'a Git LFS pointer (the content is stored in LFS, not in the commit)');
        }
        // A file that was listed but could not be read is reported, never counted as empty.
        for (const p of paths)
            if (!got.has(p))
                unreadable.set(p, 'listed but could not be read');
    };
    const candidates = readable(candidatePaths(tree));
    // Past the file limit, the rest is reported, not read (hostile trees stay bounded).
    let batch = candidates.slice(0, limits.maxFiles);
    const notRead = candidates.length - batch.length;
    let plan;
    // Import chains are followed while reading (cheap scans of the files just read), so that a chain
    // of imports costs one more read, not one more planning pass per level.
    const followImports = async (read, memoryOnly) => {
        let frontier = read;
        for (let level = 0; level < opts.model.importMaxDepth && frontier.length; level++) {
            const next = [];
            for (const p of frontier) {
                if (memoryOnly && level === 0 && !MEMORY_FILE.test(p))
                    continue;
                const blob = contents.get(p);
                if (!blob || !/\.md$/i.test(p) || !blob.data.includes(64 /* @ */))
                    continue;
                for (const imp of findImports(blob.data.toString('utf8'))) {
                    if (imp.ref.startsWith('/') || imp.ref.startsWith('~'))
                        continue;
                    const n = Tree.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(p), imp.ref));
                    if (n)
                        next.push(n);
                }
            }
            frontier = readable(next);
            await readBatch(frontier);
        }
    };
    for (let round = 0; round < 12; round++) {
        if (batch.length) {
            await readBatch(batch);
            await followImports(batch, round === 0);
        }
        plan = buildPlan(tree, contents, {
            model: opts.model,
            limits,
            installedPlugins: opts.installedPlugins,
            userScope: opts.userScope,
            parseCache,
            notRead,
            unreadable,
            limitsReached,
        });
        batch = readable(plan.missing);
        if (batch.length === 0)
            break;
    }
    return { entries, notRead, tree, contents, plan: plan, source: sourceInfo(source), unreadable, limitsReached };
}
/** A source whose reads skip the blobs already known by SHA (git sources list their SHAs up front). */
function withKnownBlobs(source, known) {
    const bySha = new Map();
    for (const b of known.values())
        bySha.set(b.sha, b);
    return {
        ...source,
        list: () => source.list(),
        async read(paths) {
            const entries = new Map((await source.list()).map((e) => [e.path, e]));
            const out = new Map();
            const rest = [];
            for (const p of paths) {
                const sha = entries.get(p)?.sha;
                const hit = sha ? bySha.get(sha) : undefined;
                if (hit)
                    out.set(p, hit);
                else
                    rest.push(p);
            }
            if (rest.length)
                for (const [p, b] of await source.read(rest))
                    out.set(p, b);
            return out;
        },
    };
}

;// CONCATENATED MODULE: ./src/analyze/index.ts









/** Time spent on load-time rounds per side, at most (after the first round); the rounds done are reported. */
const LOAD_TIME_BUDGET_MS = 750;
const analyze_sum = (xs) => xs.reduce((a, b) => a + b, 0);
const performanceClock = { now: () => performance.now() };
/** Times discovery and parsing (the plan) over the loaded contents: one sample per call. */
function timePlan(loaded, opts, clock = performanceClock) {
    const t0 = clock.now();
    const tree = new Tree(loaded.entries, opts.limits?.maxSymlinkHops, opts.limits?.maxSymlinkExpansion);
    buildPlan(tree, loaded.contents, {
        model: opts.model,
        limits: opts.limits,
        installedPlugins: opts.installedPlugins,
        userScope: opts.userScope,
        notRead: loaded.notRead,
        unreadable: loaded.unreadable,
        limitsReached: loaded.limitsReached,
    });
    return clock.now() - t0;
}
function summarizeTimes(samples) {
    const s = [...samples].sort((a, b) => a - b);
    const med = s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    const r = (x) => Math.round(x * 100) / 100;
    return { medianMs: r(med), rounds: s.length, minMs: r(s[0] ?? 0), maxMs: r(s[s.length - 1] ?? 0), spreadMs: r((s[s.length - 1] ?? 0) - (s[0] ?? 0)) };
}
/** The analyze stage: source -> snapshot. */
async function analyze_analyze(source, opts, counter, clock = performanceClock, digests) {
    const loaded = await load(source, opts);
    await digest([loaded], counter, digests);
    const rounds = Math.max(0, opts.loadTimeRounds ?? 5);
    if (rounds === 0)
        loaded.contents.clear(); // digested: the bytes can go
    const samples = [];
    for (let i = 0; i < rounds; i++) {
        samples.push(timePlan(loaded, opts, clock));
        if (analyze_sum(samples) > LOAD_TIME_BUDGET_MS)
            break;
    }
    return withAgents(await measureLoaded(loaded, counter, opts, summarizeTimes(samples)), source, loaded.entries, opts, counter);
}
/** The snapshot with what each other agent asked for loads of the same tree (analyze/agents.ts). */
async function withAgents(s, source, entries, opts, counter) {
    if (!opts.agents?.length)
        return s;
    const agents = [];
    for (const id of opts.agents)
        agents.push(await analyzeAgent(source, agents_AGENT_PROFILES[id], counter, entries));
    return { ...s, agents };
}
function measureLoaded(loaded, counter, opts, loadTime) {
    return measure(loaded.plan, counter, { model: opts.model, source: loaded.source, toolVersion: opts.toolVersion, loadTime, listingScope: opts.listingScope });
}
/**
 * Both sides of a diff: loaded once each, then timed in interleaved rounds (A B A B ...) in this one
 * process, so that machine noise hits both alike; the ratio is reported with the spread of the per-round ratios.
 */
async function analyzePair(baseSource, headSource, opts, counter, clock = performanceClock, digests) {
    // Base and head share most blobs: frontmatter parsing and digests are shared by both sides.
    const parseCache = new Map();
    // The head is read after the base, taking every blob the base already read (by its git SHA) from
    // memory: base and head share almost all of them, so each distinct blob is read from git once.
    const a = await load(baseSource, opts, parseCache);
    const headRead = withKnownBlobs(headSource, a.contents);
    const b = await load(headRead, opts, parseCache);
    const agents = (s, l, src) => withAgents(s, src, l.entries, opts, counter);
    // One digest for both sides: a blob both share is decoded, counted and scanned once.
    await digest([a, b], counter, digests);
    const rounds = Math.max(0, opts.loadTimeRounds ?? 3);
    // No timed rounds (the default; timing is opt-in): the raw bytes are not needed again.
    if (rounds === 0) {
        a.contents.clear();
        b.contents.clear();
        const none = summarizeTimes([]);
        return {
            base: await agents(await measureLoaded(a, counter, opts, none), a, baseSource),
            head: await agents(await measureLoaded(b, counter, opts, none), b, headRead),
            loadTime: null,
        };
    }
    // The loading passes above warmed the code up; each timed round plans from the raw bytes again.
    const sa = [];
    const sb = [];
    for (let i = 0; i < rounds; i++) {
        sa.push(timePlan(a, opts, clock));
        sb.push(timePlan(b, opts, clock));
        // Large frameworks: fewer rounds, within a time budget (the count is reported).
        if (analyze_sum(sa) + analyze_sum(sb) > 2 * LOAD_TIME_BUDGET_MS)
            break;
    }
    const ratios = sa.map((x, i) => sb[i] / Math.max(x, 1e-6));
    const ta = summarizeTimes(sa);
    const tb = summarizeTimes(sb);
    const r2 = (x) => Math.round(x * 1000) / 1000;
    return {
        base: await agents(await measureLoaded(a, counter, opts, ta), a, baseSource),
        head: await agents(await measureLoaded(b, counter, opts, tb), b, headRead),
        loadTime: {
            rounds,
            baseMedianMs: ta.medianMs,
            headMedianMs: tb.medianMs,
            ratio: r2(tb.medianMs / Math.max(ta.medianMs, 1e-6)),
            ratioMin: r2(Math.min(...ratios)),
            ratioMax: r2(Math.max(...ratios)),
        },
    };
}

;// CONCATENATED MODULE: ./src/collect/json-cache.ts


/** Writes value as JSON to file, whole or not at all (a temporary file renamed over it), its folder made if needed. */
function writeJsonFile(file, value) {
    (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    // Created afresh (O_EXCL): whatever stood at the temporary name (a FIFO, a link) is not opened.
    (0,external_node_fs_.rmSync)(tmp, { force: true });
    (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(value), { flag: 'wx' });
    (0,external_node_fs_.renameSync)(tmp, file);
}
/**
 * A cache file's text, read only when it is a regular file: opened without blocking and without
 * following a final symlink, so that a FIFO or a device restored with a cache can't hang the run and
 * a link can't point the read elsewhere. Throws otherwise (callers read that as a miss).
 */
function readCacheFile(file) {
    const fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOFOLLOW);
    try {
        if (!(0,external_node_fs_.fstatSync)(fd).isFile())
            throw new Error(`${file} is not a regular file`);
        return (0,external_node_fs_.readFileSync)(fd, 'utf8');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * Values by key in one JSON file, valid for one build of the tool (its build id): read on first use,
 * written back when something was added, most recently used last and at most `max` entries. A file
 * of another build, a damaged file or an entry that fails `valid` reads as a miss, never an error.
 */
class JsonFileCache {
    file;
    buildId;
    max;
    valid;
    entries;
    used = new Set();
    dirty = false;
    constructor(file, buildId, max, valid) {
        this.file = file;
        this.buildId = buildId;
        this.max = max;
        this.valid = valid;
    }
    load() {
        if (this.entries)
            return this.entries;
        this.entries = new Map();
        try {
            const stored = JSON.parse(readCacheFile(this.file));
            if (stored?.buildId === this.buildId && stored.entries && typeof stored.entries === 'object' && !Array.isArray(stored.entries))
                for (const [k, v] of Object.entries(stored.entries))
                    if (this.valid(v))
                        this.entries.set(k, v);
        }
        catch {
            // No cache yet, or unreadable: start empty.
        }
        return this.entries;
    }
    get(key) {
        const v = this.load().get(key);
        if (v !== undefined)
            this.used.add(key);
        return v;
    }
    set(key, value) {
        this.load().set(key, value);
        this.used.add(key);
        this.dirty = true;
    }
    /** Writes the file when something was added: the entries this run used last, the oldest dropped past `max`. */
    save() {
        if (!this.dirty || !this.entries)
            return;
        const ordered = [];
        for (const [k, v] of this.entries)
            if (!this.used.has(k))
                ordered.push([k, v]);
        for (const k of this.used)
            ordered.push([k, this.entries.get(k)]);
        const kept = ordered.slice(Math.max(0, ordered.length - this.max));
        writeJsonFile(this.file, { buildId: this.buildId, entries: Object.fromEntries(kept) });
        this.entries = new Map(kept);
        this.dirty = false;
    }
}

;// CONCATENATED MODULE: ./src/collect/worktree.ts



/** Directories never walked into. */
const IGNORED_DIRS = new Set(['.git', 'node_modules']);
async function walk(root) {
    const out = [];
    const stack = [''];
    while (stack.length) {
        const rel = stack.pop();
        let entries;
        try {
            entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
        }
        catch (e) {
            // An unreadable folder is reported: what it holds could be a cost the report would otherwise hide.
            out.push({ path: rel || '.', isLink: false, isFile: false, problem: `folder cannot be read (${e.code ?? 'error'})` });
            continue;
        }
        for (const e of entries) {
            const p = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) {
                if (!IGNORED_DIRS.has(e.name))
                    stack.push(p);
            }
            else if (e.isSymbolicLink() || e.isFile())
                out.push({ path: p, isLink: e.isSymbolicLink(), isFile: e.isFile() });
            else
                out.push({
                    path: p,
                    isLink: false,
                    isFile: false,
                    problem: `${e.isFIFO() ? 'a FIFO' : e.isSocket() ? 'a socket' : 'a device'}, not a regular file: not read`,
                });
        }
    }
    return out;
}
/** A directory on disk. Symlinks are listed, never followed by the walker. */
function worktree_worktreeSource(dir) {
    const root = path.resolve(dir);
    let listing;
    return {
        kind: 'worktree',
        root,
        async list() {
            if (listing)
                return listing;
            const found = await walk(root);
            const entries = [];
            const one = async (f) => {
                if (f.problem)
                    return { path: f.path, type: 'unreadable', size: 0, problem: f.problem };
                if (f.isLink) {
                    const target = await fs.readlink(path.join(root, f.path)).catch(() => '');
                    return { path: f.path, type: 'symlink', size: target.length, linkTarget: target };
                }
                const st = await fs.stat(path.join(root, f.path)).catch(() => undefined);
                return { path: f.path, type: 'file', size: st?.size ?? 0 };
            };
            for (let i = 0; i < found.length; i += 256)
                for (const e of await Promise.all(found.slice(i, i + 256).map(one)))
                    if (e)
                        entries.push(e);
            entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
            listing = entries;
            return listing;
        },
        async read(paths) {
            const out = new Map();
            const readOne = async (p) => {
                const abs = path.join(root, p);
                // Only regular files inside root; lstat guards against a file swapped for a symlink.
                const st = await fs.lstat(abs).catch(() => undefined);
                if (!st?.isFile())
                    return;
                const data = await fs.readFile(abs).catch(() => undefined);
                if (data)
                    out.set(p, { sha: blobSha(data), data });
            };
            // Bounded concurrency: 100,000 files must not exhaust file descriptors.
            for (let i = 0; i < paths.length; i += 64)
                await Promise.all(paths.slice(i, i + 64).map(readOne));
            return out;
        },
    };
}

;// CONCATENATED MODULE: ./src/collect/open.ts





const tops = new Map();
/** Top of the git repository containing dir, or null when dir is not in one (asked of git once per directory: both sides of a diff share it). */
function repoTop(dir) {
    let top = tops.get(dir);
    if (!top) {
        top = git(dir, ['rev-parse', '--show-toplevel']).then((out) => out.toString('utf8').trim(), () => (tops.delete(dir), null));
        tops.set(dir, top);
    }
    return top;
}
/** A directory's working tree, or one commit of the repository it belongs to. */
async function open_openSource(dir, ref) {
    const abs = path.resolve(dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory())
        throw new UserError(`Not a directory: ${dir}`);
    if (ref === undefined)
        return worktreeSource(abs);
    const top = await repoTop(abs);
    if (!top)
        throw new UserError(`"${ref}" is not a directory or snapshot file, and as a git revision it needs a git repository: ${dir} is not in one`);
    try {
        return await gitSource(top, ref);
    }
    catch (e) {
        // After a shallow clone (actions/checkout's default depth 1) older commits are simply absent.
        const shallow = await git(top, ['rev-parse', '--is-shallow-repository']).then((b) => b.toString().trim() === 'true', () => false);
        throw new UserError(shallow
            ? `${e.message}. ${top} is a shallow clone: fetch the commit (git fetch --deepen=50 origin, or git fetch origin ${ref}) or clone with more history`
            : e.message);
    }
}

;// CONCATENATED MODULE: ./src/collect/snapshot-file.ts



/** Reads a snapshot written by `analyze --json` (or the action's snapshot output). */
function snapshot_file_readSnapshotFile(file) {
    let v;
    try {
        v = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (e) {
        throw new UserError(`${file}: not a readable snapshot JSON file (${e.message})`);
    }
    return validateSnapshot(v, file);
}
function validateSnapshot(v, file) {
    const s = v;
    if (!s || typeof s !== 'object' || typeof s.schemaVersion !== 'number')
        throw new UserError(`${file}: schemaVersion: expected a context-budget snapshot`);
    if (s.schemaVersion > SNAPSHOT_SCHEMA_VERSION)
        throw new UserError(`${file}: schemaVersion: ${s.schemaVersion} is newer than this tool understands (${SNAPSHOT_SCHEMA_VERSION}); upgrade context-budget`);
    for (const k of ['totals', 'files', 'units', 'listings', 'graph', 'diagnostics', 'categories', 'components'])
        if (s[k] === undefined)
            throw new UserError(`${file}: ${k}: missing; expected a complete snapshot`);
    return { content: { sections: [], duplicates: [], compressible: [] }, unknowns: [], ...s };
}

;// CONCATENATED MODULE: ./src/collect/snapshot-cache.ts





/** Snapshots kept in the cache folder, and their bytes at most (a 50,000-file framework's is about 40 MB); the least recently used go first. */
const SNAPSHOT_CACHE_KEEP = 32;
const SNAPSHOT_CACHE_MAX_BYTES = 256 * 1024 * 1024;
const SNAPSHOT_DIR = 'snapshots-v1';
/** Written next to each bundle by scripts/write-ranks.mjs: a hash of the bundle's code. */
const BUILD_ID_FILE = 'build-id';
/** This bundle's build id, or null when running unbundled (tests, tsc output): then no snapshot is cached. */
function readBuildId() {
    try {
        const id = (0,external_node_fs_.readFileSync)(new URL(BUILD_ID_FILE, import.meta.url), 'utf8').trim();
        return /^[0-9a-f]{16,}$/.test(id) ? id : null;
    }
    catch {
        return null;
    }
}
/** The name of a snapshot file this store writes: its key (SHA-256, hex) and `.json`. */
const SNAPSHOT_FILE = /^[0-9a-f]{64}\.json$/;
/** The cache key of a source analyzed with settings (JSON data), or null when its snapshot can't be reused. */
function snapshotKey(buildId, source, settings) {
    if (source.kind !== 'git' || !source.commit || !settings)
        return null;
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({ buildId, commit: source.commit, settings }))
        .digest('hex');
}
/**
 * Whether a freshly made snapshot may be stored: not with timed rounds, nor when the time limit
 * (`limits.maxSeconds`) stopped reading, which depends on the machine. The other hard limits (files,
 * bytes, symlink expansion) stop at the same place on every run: such a snapshot is kept.
 */
function reusable(snapshot) {
    return snapshot.loadTime.rounds === 0 && !snapshot.diagnostics.some((d) => d.code === 'limit-reached' && /\bmaxSeconds\b/.test(d.message));
}
/** One JSON file per snapshot under dir. Unreadable or damaged entries are misses, never errors. */
class SnapshotStore {
    dir;
    buildId;
    keep;
    maxBytes;
    warn;
    constructor(dir, buildId, o = {}) {
        this.dir = dir;
        this.buildId = buildId;
        this.keep = o.keep ?? SNAPSHOT_CACHE_KEEP;
        this.maxBytes = o.maxBytes ?? SNAPSHOT_CACHE_MAX_BYTES;
        this.warn = o.warn ?? (() => undefined);
    }
    file(key) {
        return external_node_path_default().join(this.dir, `${key}.json`);
    }
    get(source, settings) {
        const key = snapshotKey(this.buildId, source, settings);
        if (!key)
            return undefined;
        const file = this.file(key);
        let stored;
        try {
            stored = JSON.parse(readCacheFile(file));
        }
        catch {
            return undefined;
        }
        const s = stored?.snapshot;
        if (stored?.key !== key || !s || typeof s !== 'object' || !Array.isArray(s.files) || !s.totals || !s.listings)
            return undefined;
        try {
            const now = new Date();
            (0,external_node_fs_.utimesSync)(file, now, now); // recently used: pruned last
        }
        catch {
            // A read-only cache still serves.
        }
        // The snapshot is the commit's; where it was read from and under which name is this run's.
        return { ...s, source: sourceInfo(source) };
    }
    set(source, settings, snapshot) {
        const key = snapshotKey(this.buildId, source, settings);
        if (!key || !reusable(snapshot))
            return;
        try {
            writeJsonFile(this.file(key), { key, snapshot });
            this.prune();
        }
        catch (e) {
            this.warn(`could not write the snapshot cache ${this.dir}: ${e.message}`);
        }
    }
    /**
     * Keeps the most recently used `keep` snapshots. Touches only files this store writes (a key's
     * name, a regular file) in a folder that is not a symlink: pruning never deletes anything else.
     */
    prune() {
        if ((0,external_node_fs_.lstatSync)(this.dir).isSymbolicLink())
            return this.warn(`the snapshot cache ${this.dir} is a symlink: not pruned`);
        const files = (0,external_node_fs_.readdirSync)(this.dir)
            .filter((f) => SNAPSHOT_FILE.test(f))
            .flatMap((f) => {
            const p = external_node_path_default().join(this.dir, f);
            try {
                const st = (0,external_node_fs_.lstatSync)(p);
                return st.isFile() ? [{ p, t: st.mtimeMs, size: st.size }] : [];
            }
            catch {
                return [];
            }
        })
            .sort((a, b) => b.t - a.t);
        let bytes = 0;
        files.forEach(({ p, size }, i) => {
            bytes += size;
            // The newest is always kept, however large.
            if (i > 0 && (i >= this.keep || bytes > this.maxBytes))
                (0,external_node_fs_.rmSync)(p, { force: true });
        });
    }
}

;// CONCATENATED MODULE: ./src/compare/diff.ts

function diff_delta(base, head) {
    return { base, head, delta: head - base, ratio: base === 0 ? null : (head - base) / base };
}
function diff_status(inBase, inHead) {
    return inBase && !inHead ? 'removed' : !inBase && inHead ? 'added' : 'changed';
}
/** Pairs items of both sides by key; keeps only those that differ. */
function pair(base, head, key, make) {
    const bm = new Map(base.map((x) => [key(x), x]));
    const hm = new Map(head.map((x) => [key(x), x]));
    const keys = [...new Set([...bm.keys(), ...hm.keys()])].sort();
    const out = [];
    for (const k of keys) {
        const r = make(bm.get(k), hm.get(k), diff_status(bm.has(k), hm.has(k)));
        if (r)
            out.push(r);
    }
    return out;
}
/** Deltas for every metric at every level; unchanged items are left out. Pure. */
function diffSnapshots(base, head) {
    const entryNames = (a, b) => {
        const am = new Map(a.filter((e) => e.loading !== 'not-loaded').map((e) => [e.name, e.text]));
        const bm = new Map(b.filter((e) => e.loading !== 'not-loaded').map((e) => [e.name, e.text]));
        return {
            added: [...bm.keys()].filter((k) => !am.has(k)).sort(),
            removed: [...am.keys()].filter((k) => !bm.has(k)).sort(),
            changed: [...bm.keys()].filter((k) => am.has(k) && am.get(k) !== bm.get(k)).sort(),
        };
    };
    const refKey = (u) => `${u.from}\0${u.ref}\0${u.reason}`;
    const diagKey = (d) => `${d.file}\0${d.code}\0${d.message}`;
    const cycleKey = (c) => c.join('\0');
    const minus = (a, b, key) => {
        const bs = new Set(b.map(key));
        return a.filter((x) => !bs.has(key(x)));
    };
    return {
        totals: {
            eagerTokens: diff_delta(base.totals.eagerTokens, head.totals.eagerTokens),
            onDemandTokens: diff_delta(base.totals.onDemandTokens, head.totals.onDemandTokens),
            worstInvocationTokens: diff_delta(base.totals.worstInvocationTokens, head.totals.worstInvocationTokens),
            notLoadedTokens: diff_delta(base.totals.notLoadedTokens, head.totals.notLoadedTokens),
        },
        categories: pair(base.categories, head.categories, (c) => `${c.category}:${c.loading}`, (b, h) => {
            const d = diff_delta(b?.tokens ?? 0, h?.tokens ?? 0);
            return d.delta === 0 ? null : { category: (h ?? b).category, loading: (h ?? b).loading, ...d };
        }),
        units: pair(base.units, head.units, (u) => u.name, (b, h, s) => {
            const eager = diff_delta(b?.eagerTokens ?? 0, h?.eagerTokens ?? 0);
            const onDemand = diff_delta(b?.onDemandTokens ?? 0, h?.onDemandTokens ?? 0);
            return s === 'changed' && eager.delta === 0 && onDemand.delta === 0 ? null : { name: (h ?? b).name, status: s, eager, onDemand };
        }),
        components: pair(base.components, head.components, (c) => c.id, (b, h, s) => {
            const eager = diff_delta(b?.eagerTokens ?? 0, h?.eagerTokens ?? 0);
            const onDemand = diff_delta(b?.onDemandTokens ?? 0, h?.onDemandTokens ?? 0);
            if (s === 'changed' && eager.delta === 0 && onDemand.delta === 0 && b.loading === h.loading)
                return null;
            const x = (h ?? b);
            return { id: x.id, kind: x.kind, name: x.name, unit: x.unit, file: x.file, status: s, eager, onDemand };
        }),
        files: pair(base.files, head.files, (f) => f.path, (b, h, s) => {
            if (s === 'changed' && b.sha === h.sha && b.loading === h.loading && b.tokens === h.tokens && b.eagerTokens === h.eagerTokens)
                return null;
            return {
                path: (h ?? b).path,
                unit: (h ?? b).unit,
                // Identical bytes are never "changed": the file was affected by another change.
                status: s === 'changed' && b.sha !== '' && b.sha === h.sha ? 'affected' : s,
                loadingBase: b?.loading ?? null,
                loadingHead: h?.loading ?? null,
                tokens: diff_delta(b?.tokens ?? 0, h?.tokens ?? 0),
                eager: diff_delta(b?.eagerTokens ?? 0, h?.eagerTokens ?? 0),
            };
        }),
        listings: {
            judged: (() => {
                const jb = listing_judgedListings(base);
                const jh = listing_judgedListings(head);
                return {
                    scope: head.listings.scope,
                    skillChars: diff_delta(jb.skillChars, jh.skillChars),
                    agentTokens: diff_delta(jb.agentTokens, jh.agentTokens),
                    ...(jh.skillUnit ? { skillUnit: jh.skillUnit } : {}),
                    ...(jh.agentUnit ? { agentUnit: jh.agentUnit } : {}),
                };
            })(),
            skills: {
                chars: diff_delta(base.listings.skills.chars, head.listings.skills.chars),
                budget: diff_delta(base.listings.skills.budget, head.listings.skills.budget),
                entries: diff_delta(base.listings.skills.entries, head.listings.skills.entries),
                truncatedAdded: minus(head.listings.skills.truncated, base.listings.skills.truncated, String),
                truncatedRemoved: minus(base.listings.skills.truncated, head.listings.skills.truncated, String),
                ...entryNames(base.listings.skills.items, head.listings.skills.items),
            },
            agents: {
                claudeEstimateTokens: diff_delta(base.listings.agents.claudeEstimateTokens, head.listings.agents.claudeEstimateTokens),
                tokens: diff_delta(base.listings.agents.tokens, head.listings.agents.tokens),
                entries: diff_delta(base.listings.agents.entries, head.listings.agents.entries),
                ...entryNames(base.listings.agents.items, head.listings.agents.items),
            },
        },
        graph: {
            maxDepth: diff_delta(base.graph.maxDepth, head.graph.maxDepth),
            cyclesAdded: minus(head.graph.cycles, base.graph.cycles, cycleKey),
            cyclesRemoved: minus(base.graph.cycles, head.graph.cycles, cycleKey),
            unresolvedAdded: minus(head.graph.unresolved, base.graph.unresolved, refKey),
            unresolvedRemoved: minus(base.graph.unresolved, head.graph.unresolved, refKey),
        },
        diagnostics: { added: minus(head.diagnostics, base.diagnostics, diagKey), fixed: minus(base.diagnostics, head.diagnostics, diagKey) },
    };
}
/** True when the diff holds no change at all. */
function isEmptyDiff(d) {
    const deltas = [
        d.totals.eagerTokens,
        d.totals.onDemandTokens,
        d.totals.worstInvocationTokens,
        d.totals.notLoadedTokens,
        d.listings.skills.chars,
        d.listings.agents.claudeEstimateTokens,
        d.listings.judged.skillChars,
        d.listings.judged.agentTokens,
        d.graph.maxDepth,
    ];
    return (deltas.every((x) => x.delta === 0) &&
        [
            d.categories,
            d.units,
            d.components,
            d.files,
            d.listings.skills.truncatedAdded,
            d.listings.skills.truncatedRemoved,
            d.listings.skills.added,
            d.listings.skills.removed,
            d.listings.skills.changed,
            d.listings.agents.added,
            d.listings.agents.removed,
            d.listings.agents.changed,
            d.graph.cyclesAdded,
            d.graph.cyclesRemoved,
            d.graph.unresolvedAdded,
            d.graph.unresolvedRemoved,
            d.diagnostics.added,
            d.diagnostics.fixed,
        ].every((l) => l.length === 0));
}

;// CONCATENATED MODULE: ./src/compare/remedy.ts



const n = strings_thousands;
const TOP = 5;
/** Entries the change added or edited come first, then the rest, each by size. */
function largest(items, base, kind) {
    const before = new Map(base.listings[kind].items.map((e) => [e.name, e.text]));
    const touched = (e) => before.get(e.name) !== e.text;
    return [...items].sort((a, b) => Number(touched(b)) - Number(touched(a)) || b.chars - a.chars);
}
function list(items) {
    return items
        .slice(0, TOP)
        .map((e) => `${e.name} (${n(e.chars)} chars, ${e.file}${e.line ? `:${e.line}` : ''})`)
        .join('; ');
}
const LISTING_CATEGORY = {
    skill: 'skill-listing',
    command: 'skill-listing',
    workflow: 'skill-listing',
    agent: 'agent-listing',
};
/**
 * Whether a file's tokens count toward a budget's scope, as assert.ts counts them: its unit, its
 * path against the glob, its component kind, or a category of its text (a file's own, or its listing
 * line's). The largest additions a how-to-pass names are taken from the scope, never from outside it.
 */
function inScope(scope, base, head) {
    switch (scope.type) {
        case 'total':
        case 'agent':
            return () => true;
        case 'unit':
            return (_path, unit) => unit === scope.value;
        case 'files': {
            const match = picomatch_default()(scope.value, { dot: true });
            return (path) => match(path);
        }
        case 'kind':
        case 'category': {
            const hits = new Set();
            for (const s of [base, head]) {
                for (const f of s.files)
                    if ((scope.type === 'kind' ? f.kind : f.category) === scope.value)
                        hits.add(f.path);
                for (const e of [...s.listings.skills.items, ...s.listings.agents.items])
                    if ((scope.type === 'kind' ? e.kind : LISTING_CATEGORY[e.kind]) === scope.value)
                        hits.add(e.file);
            }
            return (path) => hits.has(path);
        }
    }
}
function howToPass(r, base, head, diff) {
    if (r.status === 'pass')
        return undefined;
    // A listing limit judged per plugin names its worst plugin in the message (assert.ts); nothing else does.
    const unit = r.message.match(/project \+ plugin ([^,)]+)/)?.[1];
    switch (r.metric) {
        case 'agentListingTokens': {
            // Claude Code estimates round(chars / 4) per agent line: every 4 characters over are one token over.
            // Over on the base already: the change answers for what it added, not the base's whole overrun.
            const over = r.share ?? r.actual - r.expected;
            const agents = head.listings.agents.items.filter((e) => e.loading === 'eager' && (!unit || e.unit === unit || e.unit === 'project'));
            return `Cut about ${n(over * 4)} characters (${n(over)} tokens as Claude Code estimates them, characters / 4) from ${unit ? `${unit}'s` : 'the'} agent descriptions: keep each to what the model needs to pick the agent, and move examples into the agent's body. Largest: ${list(largest(agents, base, 'agents'))}.`;
        }
        case 'skillListingTruncated':
        case 'skillListingChars': {
            const L = head.listings.skills;
            const over = r.share !== undefined ? Math.max(0, L.chars - base.listings.skills.chars) : L.chars - L.budget;
            const entries = L.items.filter((e) => e.loading === 'eager' && (!unit || e.unit === unit || e.unit === 'project'));
            return `The listing holds ${n(L.chars)} characters against Claude Code's budget of ${n(L.budget)} (its own entries take ${n(L.bundledAllowance)})${r.share !== undefined ? `, and was over on the base branch already: cut the ${n(over)} characters this change adds` : `: cut ${n(Math.max(over, 0))} characters`} of descriptions, or set \`disable-model-invocation: true\` on skills and commands the model need not pick by itself. Largest: ${list(largest(entries, base, 'skills'))}.`;
        }
        case 'memoryFileMaxChars': {
            const file = r.location?.file ?? 'the largest memory file';
            return `Cut ${n(r.share ?? r.actual - r.expected)} characters from ${file} (Claude Code warns above ${n(r.expected)}${r.share !== undefined ? '; the rest was over on the base branch already' : ''}): move sections that only some tasks need into a rule with \`paths:\`, a skill, or a file a command reads on demand.`;
        }
        case 'memoryTotalChars':
            return `Cut ${n(r.share ?? r.actual - r.expected)} characters from the always-loaded memory files and rules (Claude Code warns above ${n(r.expected)} in total${r.share !== undefined ? '; the rest was over on the base branch already' : ''}).`;
        case 'eagerTokens':
        case 'onDemandTokens': {
            // A file's growth as the budget counts it: always-loaded tokens, or the text of a file loaded on demand.
            const onDemand = (f, side) => (side === 'base' ? f.loadingBase : f.loadingHead) === 'on-demand' ? f.tokens[side] : 0;
            const growth = (f) => (r.metric === 'eagerTokens' ? f.eager.delta : onDemand(f, 'head') - onDemand(f, 'base'));
            const within = inScope(r.scope, base, head);
            const grew = diff.files
                .map((f) => ({ path: f.path, delta: growth(f), within: within(f.path, f.unit) }))
                .filter((f) => f.delta > 0 && f.within)
                .sort((a, b) => b.delta - a.delta);
            const over = r.operator === 'maxIncreasePercent' ? undefined : r.actual - r.expected;
            const where = grew.length
                ? ` Largest additions: ${grew
                    .slice(0, TOP)
                    .map((f) => `${f.path} (+${n(f.delta)})`)
                    .join('; ')}.`
                : '';
            return `${over !== undefined ? `Remove ${n(over)} ${r.metric === 'eagerTokens' ? 'always-loaded' : 'on-demand'} tokens, or raise the budget in the config if the growth is intended.` : 'Bring the growth under the allowed percentage, or raise it in the config if intended.'}${where}`;
        }
        case 'importsPastDepthLimit': {
            const d = head.graph.unresolved.filter((u) => u.reason === 'depth');
            return `Claude Code does not load imports past its depth limit: import ${d
                .slice(0, TOP)
                .map((u) => `${u.ref} (from ${u.from}:${u.line})`)
                .join('; ')} from a file nearer the root memory file, or inline it.`;
        }
        case 'cycles':
            return `Break the import cycle${head.graph.cycles.length > 1 ? 's' : ''}: ${head.graph.cycles
                .slice(0, TOP)
                .map((c) => c.join(' → '))
                .join('; ')}.`;
        case 'maxDepth':
            return `Flatten the import chain ${head.graph.longestChain.join(' → ')}.`;
        case 'unresolved':
            return `Fix or remove the unresolved references: ${diff.graph.unresolvedAdded
                .slice(0, TOP)
                .map((u) => `@${u.ref} in ${u.from}:${u.line}`)
                .join('; ')}.`;
        case 'unmeasured':
            return "Make every framework file a readable regular file (no FIFOs, unreadable folders or oversized symlinks), and keep the framework within the run's limits (files, bytes, symlink expansion); the head is judged only once it can be measured.";
        case 'agentDroppedChars': {
            const scope = r.scope;
            const a = scope.type === 'agent' ? head.agents?.find((x) => x.agent.id === scope.value) : undefined;
            const profile = a && agents_AGENT_PROFILES[a.agent.id];
            const cut = a?.files.find((f) => f.keptChars !== undefined);
            if (!a || !profile || !cut)
                return undefined;
            const cap = profile.instructions.find((i) => i.names.includes(cut.path))?.maxBytes ?? 0;
            return `${a.agent.name} keeps the first ${n(cap)} bytes of ${cut.path} (it is ${n(cut.bytes)} bytes) and drops the rest without a word: cut ${n(cut.bytes - cap)} bytes, or move detail ${a.agent.name} needs only sometimes into skills (${profile.skillDirs.join(', ')}) that it reads when used.`;
        }
        case 'agentListingNameOnly': {
            const scope = r.scope;
            const a = scope.type === 'agent' ? head.agents?.find((x) => x.agent.id === scope.value) : undefined;
            const budget = a?.listings.skills.budget;
            if (!a || !budget)
                return undefined;
            const lost = a.listings.skills.items.filter((i) => i.truncated);
            const used = a.listings.skills.items.reduce((s, i) => s + i.chars, 0) + (agents_AGENT_PROFILES[a.agent.id]?.listing.bundledChars ?? 0);
            const largestItems = [...a.listings.skills.items].sort((x, y) => y.chars - x.chars).slice(0, TOP);
            return `${a.agent.name} lists skills within ${n(budget)} characters of its own markup; past that, ${lost.length} entr${lost.length === 1 ? 'y is' : 'ies are'} listed by name only (${lost
                .slice(0, TOP)
                .map((i) => i.name)
                .join(', ')}). Shorten descriptions by about ${n(used - budget)} characters in all, longest first: ${largestItems.map((i) => `${i.name} (${n(i.chars)} chars, ${i.file})`).join('; ')}.`;
        }
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/compare/index.ts





/** The compare stage: two snapshots and the budgets -> one GateReport with its verdict. Pure. */
function compare(sides, config) {
    const { base, head } = sides;
    const diff = diffSnapshots(base, head);
    const results = [
        ...configResults(config),
        ...evaluate(config.assertions, base, head, sides.loadTime).map((r) => {
            const fix = howToPass(r, base, head, diff);
            return fix ? { ...r, howToPass: fix } : r;
        }),
    ];
    const baseRecs = rank_recommend(base, config.minSaving);
    const headRecs = rank_recommend(head, config.minSaving);
    const baseKeys = new Set(baseRecs.map((r) => r.key));
    const headKeys = new Set(headRecs.map((r) => r.key));
    // Recommendations the pull request introduced come first, each group keeping its ranking.
    const marked = headRecs.map((r) => ({ ...r, introduced: !baseKeys.has(r.key) }));
    const recommendations = [...marked.filter((r) => r.introduced), ...marked.filter((r) => !r.introduced)];
    const resolved = baseRecs.filter((r) => !headKeys.has(r.key));
    return {
        schemaVersion: snapshot_SNAPSHOT_SCHEMA_VERSION,
        verdict: decide(results),
        base: { label: sides.baseLabel, ...(base.source.commit ? { commit: base.source.commit } : {}), eagerTokens: base.totals.eagerTokens },
        head: { label: sides.headLabel, ...(head.source.commit ? { commit: head.source.commit } : {}), eagerTokens: head.totals.eagerTokens },
        model: {
            id: head.model.id ?? '',
            from: modelFrom(head.model.idFrom),
            contextWindow: head.model.contextWindow,
            ...(base.model.id !== head.model.id && base.model.id ? { baseId: base.model.id } : {}),
        },
        tokenizer: head.tokenizer.name,
        tokensEstimated: head.tokenizer.estimate || base.tokenizer.estimate,
        configFile: config.file,
        results,
        diff,
        loadTime: sides.loadTime,
        recommendations,
        resolved,
        unknowns: head.unknowns.map((u) => ({ kind: u.kind, unit: u.unit, name: u.name, note: u.note })),
        assertions: config.assertions,
        ...(config.review ? { configReview: config.review } : {}),
        ...(head.agents?.length ? { agents: compareAgents(base, head) } : {}),
    };
}
/** One row per agent measured on the head (an agent absent from the base counts from zero). */
function compareAgents(base, head) {
    return (head.agents ?? []).map((h) => {
        const b = base.agents?.find((x) => x.agent.id === h.agent.id);
        const before = new Set(b?.listings.skills.truncated ?? []);
        return {
            id: h.agent.id,
            name: h.agent.name,
            version: h.agent.version,
            eagerTokens: diff_delta(b?.totals.eagerTokens ?? 0, h.totals.eagerTokens),
            droppedChars: diff_delta(b?.totals.droppedChars ?? 0, h.totals.droppedChars),
            cut: h.files.filter((f) => f.keptChars !== undefined).map((f) => ({ file: f.path, bytes: f.bytes, keptChars: f.keptChars, chars: f.chars })),
            nameOnly: { head: h.listings.skills.truncated, added: h.listings.skills.truncated.filter((n) => !before.has(n)) },
            ...(h.measured || b?.measured ? { measured: { ...(b?.measured ? { base: b.measured } : {}), ...(h.measured ? { head: h.measured } : {}) } } : {}),
        };
    });
}
/** Who chose the judged model, in words. */
function modelFrom(idFrom) {
    if (!idFrom)
        return "Claude Code's default";
    if (idFrom === 'config')
        return 'the budget config';
    return `the project's ${idFrom}`;
}
/** A head config that can't be read fails the gate (the base's config judged the rest): a pull request can't pass by breaking it. */
function configResults(config) {
    const r = config.review;
    if (!r?.error)
        return [];
    return [
        {
            id: 'budget-config',
            metric: 'errors',
            scope: { type: 'total' },
            operator: 'max',
            expected: 0,
            actual: 1,
            base: 0,
            level: 'error',
            status: 'fail',
            introduced: true,
            message: `The budget config of this pull request can't be read: ${r.error}. The base branch's config judged everything else.`,
            howToPass: `Fix ${r.file} so that it parses and validates (see schema/config.schema.json), or remove it.`,
            location: { file: r.file, line: Number(/:(\d+):/.exec(r.error)?.[1] ?? 1) },
        },
    ];
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/collect/claude-code.ts
/**
 * Runs the real Claude Code against a loopback capture of Anthropic's Messages API and returns its
 * first request: what a session with this framework starts with. I/O only; facts are extracted by
 * src/conformance/facts.ts.
 *
 * Safety: hooks are disabled (`disableAllHooks`), MCP servers are not started (`--strict-mcp-config`
 * with no config), the home directory is fresh and empty, no credential is passed (the API key is a
 * dummy), and the only API it can reach is the loopback capture.
 */






const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/**
 * npm's own retries wait up to minutes per request (with no network `npm install` was still trying
 * after 5 minutes): a fetch that can't reach the registry fails in seconds instead, and says so.
 */
const NPM_FETCH = ['--fetch-retries=1', '--fetch-retry-mintimeout=2000', '--fetch-retry-maxtimeout=5000', '--fetch-timeout=60000'];
/** The Claude Code release the loading model is held to (goldens under test/conformance were recorded with it). */
const PINNED_CLAUDE_CODE_VERSION = '2.1.332';
function platformPackage() {
    const plat = process.platform === 'darwin' ? 'darwin' : process.platform === 'win32' ? 'win32' : 'linux';
    const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
    return `@anthropic-ai/claude-code-${plat}-${arch}`;
}
function defaultBinaryCache() {
    return process.env.CONTEXT_BUDGET_CLAUDE_CACHE ?? external_node_path_default().join(external_node_os_default().homedir(), '.cache', 'context-budget', 'claude-code');
}
/** Resolves `latest` to a version with `npm view`. */
async function resolveVersion(version) {
    return npmVersion('@anthropic-ai/claude-code', version);
}
/** A package's version for a tag or range (`latest`), with `npm view`; an exact version as it is. */
async function npmVersion(pkg, version) {
    if (/^\d+\.\d+\.\d+/.test(version))
        return version;
    const { stdout } = await run('npm', ['view', ...NPM_FETCH, `${pkg}@${version}`, 'version'], { timeout: 60_000 });
    const v = stdout
        .trim()
        .split('\n')
        .pop()
        .replace(/^.*'(.+)'$/, '$1')
        .trim();
    if (!/^\d+\.\d+\.\d+/.test(v))
        throw new Error(`npm view returned no version for ${pkg}@${version}`);
    return v;
}
/**
 * The executable of a Claude Code version: fetched once from the npm registry (the platform
 * package, about 190 MB) into the cache directory, reused afterwards.
 */
async function ensureClaudeCode(version, cacheDir = defaultBinaryCache(), log = () => { }) {
    const v = await resolveVersion(version);
    const dir = external_node_path_default().join(cacheDir, v);
    const bin = external_node_path_default().join(dir, 'package', 'claude');
    if ((0,external_node_fs_.existsSync)(bin))
        return bin;
    // Fetched and unpacked beside the cache entry, then renamed into place: two runs at once never
    // see half a binary (the second to finish keeps the first's).
    const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
    await promises_default().mkdir(tmp, { recursive: true });
    try {
        log(`fetching ${platformPackage()}@${v} from the npm registry into ${dir}`);
        const { stdout } = await run('npm', ['pack', ...NPM_FETCH, `${platformPackage()}@${v}`, '--silent', '--pack-destination', tmp], {
            timeout: 600_000,
            maxBuffer: 1 << 20,
        });
        const tgz = external_node_path_default().join(tmp, stdout.trim().split('\n').pop());
        await run('tar', ['xzf', tgz, '-C', tmp], { timeout: 600_000 });
        await promises_default().rm(tgz, { force: true });
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(tmp, 'package', 'claude')))
            throw new Error(`${platformPackage()}@${v} has no package/claude executable`);
        if (!(0,external_node_fs_.existsSync)(bin)) {
            await promises_default().rm(dir, { recursive: true, force: true });
            await promises_default().rename(tmp, dir).catch((e) => {
                if (!(0,external_node_fs_.existsSync)(bin))
                    throw e;
            });
        }
    }
    finally {
        await promises_default().rm(tmp, { recursive: true, force: true });
    }
    return bin;
}
async function startCapture() {
    // Loaded here, when Claude Code is run: node:http costs every other run ~15 ms of start-up.
    const http = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 37067, 23));
    const requests = [];
    const server = http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            const url = req.url ?? '';
            if (url.startsWith('/v1/messages/count_tokens')) {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end('{"input_tokens":1}');
                return;
            }
            if (req.method === 'POST' && url.startsWith('/v1/messages')) {
                let body = null;
                try {
                    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                }
                catch {
                    body = null;
                }
                requests.push({ url, body, at: performance.now() });
                res.writeHead(200, { 'content-type': 'text/event-stream' });
                const ev = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
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
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
        port: server.address().port,
        requests,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
/** One print-mode run; returns the first Messages request it made. */
async function runClaudeCode(o) {
    const before = o.capture.requests.length;
    const args = ['-p', 'hi', '--settings', '{"disableAllHooks":true}', '--strict-mcp-config'];
    if (o.model)
        args.push('--model', o.model);
    for (const d of o.pluginDirs ?? [])
        args.push('--plugin-dir', d);
    const env = {
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
        if (r.status !== 0)
            throw new Error(`claude ${step.join(' ')} failed (exit ${r.status}): ${(r.stderr + r.stdout).trim().slice(-500)}`);
    }
    const t0 = performance.now();
    const { code, stderr } = await new Promise((resolve, reject) => {
        const child = spawn(o.binary, args, { cwd: o.cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (c) => {
            if (err.length < 8192)
                err += c.toString();
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
    const req = o.capture.requests.slice(before).find((r) => r.body && typeof r.body === 'object' && 'messages' in r.body);
    if (!req)
        throw new Error(`Claude Code made no Messages request (exit ${code}): ${stderr.trim().slice(0, 500)}`);
    return { body: req.body, ms, firstRequestMs: req.at - t0, exitCode: code, stderr };
}
/** Copies a directory tree (symlinks kept as symlinks) and makes it a git repository, as Claude Code takes the git root as the project. */
async function stageProject(src, dest) {
    await fs.cp(src, dest, { recursive: true, verbatimSymlinks: true, force: true });
    await run('git', ['init', '-q', dest]);
}

;// CONCATENATED MODULE: ./src/collect/sandbox.ts
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



/** Where a box's folders are seen from inside. */
const BOX_ROOT = '/work';
/** The sandbox that works on this machine, or why none does (probed once per process). */
let probed;
function sandboxSupport() {
    probed ??= probe();
    return probed;
}
const SAFE_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin';
function prefix(how) {
    const ns = ['unshare', '--net', '--pid', '--fork', '--mount', '--kill-child'];
    return how === 'userns' ? [ns[0], '--user', '--map-root-user', ...ns.slice(1)] : ['sudo', '-n', '--', ...ns];
}
async function probe() {
    if (process.platform !== 'linux')
        return { error: `namespaces are Linux-only (this is ${process.platform})` };
    // The runner inside reaches Node's modules through process.getBuiltinModule (Node 20.16+, 22.3+).
    if (typeof process.getBuiltinModule !== 'function')
        return { error: `--measure needs Node 20.16 or later (this is ${process.version})` };
    const errors = [];
    for (const how of ['userns', 'sudo']) {
        // What the real run needs: a loopback brought up, a tmpfs mounted, a fresh /proc.
        const r = await exec([
            ...prefix(how),
            'sh',
            '-c',
            'ip link set lo up && d=$(mktemp -d) && mount -t tmpfs t "$d" && mkdir "$d/p" && mount -t proc proc "$d/p" && umount "$d/p" "$d"; r=$?; rmdir "$d"; exit $r',
        ]);
        if (r.code === 0)
            return { how };
        errors.push(`${how === 'userns' ? 'unshare --user' : 'sudo -n unshare'}: ${r.stderr.trim().split('\n').pop() || `exit ${r.code}`}`);
    }
    return {
        error: `no sandbox could be made (${errors.join('; ')}). Claude Code is run only where it can reach nothing of the machine: allow unprivileged user namespaces (sysctl kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 24.04) or passwordless sudo, with unshare, ip and pivot_root installed`,
    };
}
function exec(argv, timeoutMs = 30_000) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), { env: { PATH: SAFE_PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (c) => {
            if (stderr.length < 16_384)
                stderr += c.toString();
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
const SETUP = String.raw `set -eu
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
async function runInSandbox(o) {
    return runBox({
        tool: o.binary,
        mountAs: 'claude',
        work: o.work,
        runner: captureRunner,
        job: { runs: o.runs, timeoutMs: o.timeoutMs },
        runs: o.runs.length,
        timeoutMs: o.timeoutMs,
    });
}
/** The loopback port of the fake model endpoint inside the sandbox (its own network: no clash possible). */
const AGENT_MODEL_PORT = 18_473;
/**
 * Runs other agents inside the sandbox, their package folder read-only at /tool, against a loopback
 * fake of every model API they speak (collect/sandbox.ts agentRunner).
 */
async function runAgentsInSandbox(o) {
    return runBox({
        tool: o.tool,
        mountAs: 'tool',
        work: o.work,
        runner: agentRunner,
        job: { runs: o.runs, timeoutMs: o.timeoutMs, port: AGENT_MODEL_PORT },
        runs: o.runs.length,
        timeoutMs: o.timeoutMs,
    });
}
async function runBox(o) {
    const support = await sandboxSupport();
    if ('error' in support)
        throw new Error(support.error);
    const box = external_node_path_default().join(o.work, 'box');
    (0,external_node_fs_.mkdirSync)(box, { recursive: true });
    (0,external_node_fs_.writeFileSync)(external_node_path_default().join(box, 'runner.cjs'), `(${o.runner.toString()})(process.argv[2]);\n`);
    (0,external_node_fs_.writeFileSync)(external_node_path_default().join(box, 'job.json'), JSON.stringify(o.job));
    const uid = process.getuid?.() ?? 0;
    const gid = process.getgid?.() ?? 0;
    const as = support.how === 'sudo' ? `${uid}:${gid}` : '';
    // The setup script is a file of the work folder: sudo gets no script text on its command line.
    const setup = external_node_path_default().join(o.work, 'setup.sh');
    (0,external_node_fs_.writeFileSync)(setup, SETUP);
    const r = await exec([...prefix(support.how), 'sh', setup, (0,external_node_fs_.realpathSync)(o.work), (0,external_node_fs_.realpathSync)(process.execPath), (0,external_node_fs_.realpathSync)(o.tool), as, o.mountAs], o.timeoutMs * (o.runs + 1));
    let results;
    try {
        results = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(box, 'results.json'), 'utf8'));
    }
    catch {
        results = undefined;
    }
    if (!results)
        throw new Error(`the sandbox ended with exit ${r.code} and no results: ${r.stderr.trim().slice(-500)}`);
    return results;
}
/**
 * The program run inside the sandbox (written out as its own file, so it must reference nothing
 * outside itself): a loopback fake of the Messages API that answers a minimal stream, and Claude
 * Code run on each project in turn with a fixed environment. Writes results.json beside the job.
 */
function captureRunner(jobPath) {
    const fs = process.getBuiltinModule('node:fs');
    const http = process.getBuiltinModule('node:http');
    const cp = process.getBuiltinModule('node:child_process');
    const pathm = process.getBuiltinModule('node:path');
    const job = JSON.parse(fs.readFileSync(jobPath, 'utf8'));
    const root = pathm.dirname(jobPath);
    const seen = [];
    let all = 0;
    const server = http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            all++;
            const url = req.url ?? '';
            if (url.startsWith('/v1/messages/count_tokens')) {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end('{"input_tokens":1}');
                return;
            }
            if (req.method === 'POST' && url.startsWith('/v1/messages')) {
                let body = null;
                try {
                    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                }
                catch {
                    body = null;
                }
                seen.push({ body, at: performance.now() });
                res.writeHead(200, { 'content-type': 'text/event-stream' });
                const ev = (type, data) => res.write('event: ' + type + '\ndata: ' + JSON.stringify({ type, ...data }) + '\n\n');
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
        const port = server.address().port;
        const results = [];
        // A home whose setup already ran, by project and setup: later rounds copy it instead of installing again.
        const prepared = new Map();
        for (const r of job.runs) {
            const before = seen.length;
            const beforeAll = all;
            const home = pathm.join(root, r.home);
            fs.mkdirSync(pathm.join(home, '.claude'), { recursive: true });
            const args = ['-p', 'hi', '--settings', '{"disableAllHooks":true}', '--strict-mcp-config'];
            if (r.model)
                args.push('--model', r.model);
            for (const d of r.pluginDirs ?? [])
                args.push('--plugin-dir', pathm.join(root, d));
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
            const setupErrors = [];
            const setupKey = r.setup?.length ? r.project + '\0' + JSON.stringify(r.setup) : '';
            const done0 = setupKey ? prepared.get(setupKey) : undefined;
            if (done0) {
                fs.cpSync(done0.home, home, { recursive: true, verbatimSymlinks: true });
                setupErrors.push(...done0.errors);
            }
            else {
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
            const done = await new Promise((resolve) => {
                const child = cp.spawn('/claude', args, { cwd: pathm.join(root, r.project), env, stdio: ['ignore', 'ignore', 'pipe'] });
                let err = '';
                child.stderr.on('data', (c) => {
                    if (err.length < 8192)
                        err += c.toString();
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
            const first = seen.slice(before).find((x) => x.body !== null && typeof x.body === 'object' && 'messages' in x.body);
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
function agentRunner(jobPath) {
    const fs = process.getBuiltinModule('node:fs');
    const http = process.getBuiltinModule('node:http');
    const cp = process.getBuiltinModule('node:child_process');
    const pathm = process.getBuiltinModule('node:path');
    const job = JSON.parse(fs.readFileSync(jobPath, 'utf8'));
    const root = pathm.dirname(jobPath);
    const requests = [];
    const fill = (s) => {
        if (!s || typeof s !== 'object')
            return 'ok';
        const o = s;
        if (Array.isArray(o.enum))
            return o.enum[0];
        const t = String(Array.isArray(o.type) ? o.type[0] : (o.type ?? '')).toLowerCase();
        if (t === 'object' || o.properties)
            return Object.fromEntries(Object.entries(o.properties ?? {}).map(([k, v]) => [k, fill(v)]));
        if (t === 'array')
            return [];
        if (t === 'number' || t === 'integer')
            return 0;
        if (t === 'boolean')
            return false;
        return 'ok';
    };
    const server = http.createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            const url = req.url ?? '';
            const body = Buffer.concat(chunks).toString('utf8');
            requests.push({ url, body });
            const sse = () => res.writeHead(200, { 'content-type': 'text/event-stream' });
            const named = (type, data) => res.write('event: ' + type + '\ndata: ' + JSON.stringify({ type, ...data }) + '\n\n');
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
                const chunk = (choices, extra = {}) => res.write('data: ' + JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices, ...extra }) + '\n\n');
                chunk([{ index: 0, delta: { role: 'assistant', content: 'ok' }, finish_reason: null }]);
                chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]);
                chunk([], { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
                res.write('data: [DONE]\n\n');
                return void res.end();
            }
            if (/:(stream)?[gG]enerateContent/.test(url)) {
                let j = {};
                try {
                    j = JSON.parse(body);
                }
                catch {
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
            if (url.includes(':countTokens'))
                return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"totalTokens":1}');
            if (url.includes('/messages/count_tokens'))
                return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"input_tokens":1}');
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
        const results = [];
        for (const r of job.runs) {
            const before = requests.length;
            const done = await new Promise((resolve) => {
                const child = cp.spawn(r.argv[0], r.argv.slice(1), { cwd: pathm.join(root, r.project), env: r.env, stdio: ['ignore', 'pipe', 'pipe'] });
                let out = '';
                const keep = (c) => {
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

;// CONCATENATED MODULE: ./src/conformance/stage.ts
/**
 * Writes one side of a comparison into a temporary folder, from its source (git objects or a
 * working tree), so that Claude Code can be run on exactly that side: regular files within the
 * run's limits, symlinks that stay inside the tree, nothing else. I/O only.
 */




/** Never staged: git's own folders and pointer files, dependencies, and MCP declarations (servers are never started). */
const LEFT_OUT = /(^|\/)(\.git(\/|$)|node_modules\/)|(^|\/)\.mcp\.json$/;
/** Claude Code settings files, project and local, at any depth (plugins' own settings included). */
const SETTINGS_FILE = /(^|\/)settings(\.local)?\.json$/;
/**
 * The settings keys that change what a session loads, and nothing else: every key that runs a
 * command (apiKeyHelper, awsAuthRefresh, awsCredentialExport, gcpAuthRefresh, otelHeadersHelper,
 * statusLine, fileSuggestion, hooks, ...), reaches the network (extraKnownMarketplaces, MCP) or
 * sets the environment (env: ANTHROPIC_BASE_URL, proxies, NODE_OPTIONS, GIT_TRACE, ...) is dropped.
 * An allowlist, so that a key a future Claude Code release adds is dropped until it is modelled.
 */
const STAGED_SETTINGS_KEYS = [
    'model',
    'outputStyle',
    'skillOverrides',
    'claudeMdExcludes',
    'instructionFiles',
    'skillListingBudgetFraction',
    'skillListingMaxDescChars',
    'agent',
];
/** The environment variables of `env` that change loading (listing budget, memory files), with plain values only. */
const STAGED_ENV_KEYS = ['SLASH_COMMAND_TOOL_CHAR_BUDGET', 'CLAUDE_CODE_DISABLE_CLAUDE_MDS'];
/** A settings file as staged: only the allowlisted keys (and `permissions` rules as plain strings); `{}` when it is not a JSON object. */
function stagedSettings(data) {
    let v;
    try {
        v = JSON.parse(data.toString('utf8'));
    }
    catch {
        return '{}';
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return '{}';
    const src = v;
    const out = {};
    for (const k of STAGED_SETTINGS_KEYS)
        if (Object.hasOwn(src, k))
            out[k] = src[k];
    const env = src.env;
    if (typeof env === 'object' && env !== null && !Array.isArray(env)) {
        const kept = {};
        for (const k of STAGED_ENV_KEYS) {
            const x = env[k];
            if ((typeof x === 'string' || typeof x === 'number') && /^[\w.-]{0,32}$/.test(String(x)))
                kept[k] = String(x);
        }
        if (Object.keys(kept).length)
            out.env = kept;
    }
    const perms = src.permissions;
    if (typeof perms === 'object' && perms !== null && !Array.isArray(perms)) {
        const kept = {};
        for (const k of ['allow', 'deny', 'ask']) {
            const list = perms[k];
            if (Array.isArray(list))
                kept[k] = list.filter((x) => typeof x === 'string');
        }
        if (Object.keys(kept).length)
            out.permissions = kept;
    }
    return JSON.stringify(out);
}
async function stageSource(source, dest, limits = DEFAULT_LIMITS) {
    const entries = await source.list();
    const files = entries.filter((e) => e.type === 'file' && e.size <= limits.maxFileBytes && !LEFT_OUT.test(e.path));
    let bytes = 0;
    let skipped = 0;
    const take = [];
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
            const abs = external_node_path_default().join(dest, p);
            // A path the file system refuses (ENAMETOOLONG past PATH_MAX, a name too long) is left out and counted.
            try {
                (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(abs), { recursive: true });
                (0,external_node_fs_.writeFileSync)(abs, SETTINGS_FILE.test(p) ? stagedSettings(b.data) : b.data);
            }
            catch {
                skipped++;
            }
        }
    }
    // Symlinks only when they resolve inside the tree: nothing of the machine is reachable from the copy.
    const tree = new Tree(entries, limits.maxSymlinkHops, limits.maxSymlinkExpansion);
    for (const e of entries) {
        if (e.type !== 'symlink' || !e.linkTarget)
            continue;
        if (!tree.resolve(e.path).ok || e.linkTarget.startsWith('/')) {
            skipped++;
            continue;
        }
        const abs = external_node_path_default().join(dest, e.path);
        try {
            (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(abs), { recursive: true });
            (0,external_node_fs_.symlinkSync)(e.linkTarget, abs);
        }
        catch {
            skipped++;
        }
    }
    return { files: take.length, bytes, skipped };
}

;// CONCATENATED MODULE: ./src/tokenize/anthropic.ts
const ANTHROPIC_VERSION = '2023-06-01';
/** Requests in flight at once. */
const ANTHROPIC_CONCURRENCY = 4;
function anthropicCounter(o) {
    const base = (o.baseUrl || 'https://api.anthropic.com').replace(/\/+$/, '');
    const one = async (text) => {
        const res = await fetch(`${base}/v1/messages/count_tokens`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': o.apiKey, 'anthropic-version': ANTHROPIC_VERSION },
            body: JSON.stringify({ model: o.model, messages: [{ role: 'user', content: text }] }),
            signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
        });
        if (!res.ok)
            throw new Error(`count_tokens answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
        const body = (await res.json());
        if (typeof body.input_tokens !== 'number')
            throw new Error('count_tokens answered without input_tokens');
        return body.input_tokens;
    };
    let overhead;
    return {
        name: `anthropic count_tokens (${o.model})`,
        async count(texts) {
            overhead ??= one('x').then((n) => Math.max(0, n - 1));
            const framing = await overhead;
            const out = new Array(texts.length).fill(0);
            let next = 0;
            const worker = async () => {
                while (next < texts.length) {
                    const i = next++;
                    out[i] = texts[i].length === 0 ? 0 : Math.max(0, (await one(texts[i])) - framing);
                }
            };
            await Promise.all(Array.from({ length: Math.min(ANTHROPIC_CONCURRENCY, texts.length) }, worker));
            return out;
        },
    };
}

;// CONCATENATED MODULE: ./src/conformance/facts.ts
/**
 * Facts of what Claude Code sends in its first request: memory files, skill-listing entries and
 * agent-listing entries. Names, counts, flags and hashes only, never Claude Code's own text, so
 * they can be committed as goldens and compared with what the analyzer predicts.
 */


const LISTING_HEADING = 'The following skills are available for use with the Skill tool:';
const AGENT_HEADING = 'Available agent types for the Agent tool:';
const MEMORY_SECTION = /^Contents of (.+?) \(([^)]*)\):\n\n/;
const SCOPES = [
    [/^project instructions/, 'project'],
    [/^user's private project/, 'local'],
    [/^user's private global/, 'user'],
    [/^organization/, 'managed'],
    [/auto-memory/, 'auto-memory'],
];
function shortHash(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 12);
}
/** Display width as Claude Code measures listing lines. */
const lineWidth = displayWidth;
/** Every text block of a Messages API request body (system and all messages). */
function requestTexts(body) {
    const out = [];
    const b = body;
    const push = (c) => {
        if (typeof c === 'string')
            out.push(c);
        else if (Array.isArray(c))
            for (const x of c)
                if (x && typeof x === 'object' && typeof x.text === 'string')
                    out.push(x.text);
    };
    push(b.system);
    if (Array.isArray(b.messages))
        for (const m of b.messages)
            push(m?.content);
    return out;
}
/**
 * Splits a block of `- name...` lines into entries. A description may hold newlines; a new entry
 * starts only where a line starts with `- ` followed by a name (no spaces) and `: `, ` (` or the end.
 */
function splitEntries(block) {
    const lines = block.split('\n');
    const entries = [];
    for (const line of lines) {
        if (/^- [A-Za-z0-9_.:@/+-]+(?:: | \(|$)/.test(line) || entries.length === 0)
            entries.push(line);
        else
            entries[entries.length - 1] += `\n${line}`;
    }
    return entries.filter((e) => e.startsWith('- '));
}
function entryName(line) {
    const first = line.slice(2).split('\n')[0];
    const i = first.indexOf(': ');
    if (i < 0)
        return { name: first.trimEnd(), described: false };
    return { name: first.slice(0, i), described: true };
}
/** The block after a heading, up to the next blank line that is followed by a line not starting an entry. */
function blockAfter(text, heading) {
    const at = text.indexOf(heading);
    if (at < 0)
        return undefined;
    let rest = text.slice(at + heading.length).replace(/^\n+/, '');
    // The block ends at a blank line followed by something that is not an entry.
    // (In a <system-reminder> message it ends at the closing tag, with no blank line before it.)
    const end = /\n\n(?!- )|\n<\/system-reminder>/.exec(rest);
    if (end)
        rest = rest.slice(0, end.index);
    return rest;
}
/**
 * Agent lines: each runs from `- name: ` to its ` (Tools: ...)` at the end of a line, so that
 * descriptions holding blank lines (`\n\n<example>`) stay whole.
 */
function agentLines(text) {
    const at = text.indexOf(AGENT_HEADING);
    if (at < 0)
        return [];
    const out = [];
    let p = at + AGENT_HEADING.length + 1;
    const end = /\(Tools: [^()\n]*\)(?=\n- |\n\n|\n?$)/g;
    while (text.startsWith('- ', p)) {
        end.lastIndex = p;
        const m = end.exec(text);
        if (!m)
            break;
        const stop = m.index + m[0].length;
        out.push(text.slice(p, stop));
        p = stop + 1;
    }
    return out;
}
/** Facts from a captured first request. `root`: the project directory; `home`: the fresh home. */
function extractFacts(body, root, home) {
    const texts = requestTexts(body);
    const memory = [];
    const all = texts.join('\n\n');
    const rel = (p) => {
        const norm = p.replace(/\\/g, '/');
        if (norm === root || norm.startsWith(root + '/'))
            return norm.slice(root.length + 1);
        if (home && norm.startsWith(home + '/'))
            return '~/' + norm.slice(home.length + 1);
        return norm;
    };
    for (const t of texts) {
        let idx = t.indexOf('Contents of ');
        while (idx >= 0) {
            const m = MEMORY_SECTION.exec(t.slice(idx));
            if (m) {
                const start = idx + m[0].length;
                const next = t.indexOf('\n\nContents of ', start);
                const endTag = t.indexOf('\n</system-reminder>', start);
                let end = t.length;
                for (const e of [next, endTag])
                    if (e >= 0 && e < end)
                        end = e;
                const content = t.slice(start, end).replace(/\n+IMPORTANT: this context may or may not be relevant[\s\S]*$/, '');
                memory.push({ path: rel(m[1]), scope: SCOPES.find(([re]) => re.test(m[2]))?.[1] ?? m[2], chars: content.length });
                idx = t.indexOf('Contents of ', end);
            }
            else
                idx = t.indexOf('Contents of ', idx + 1);
        }
    }
    const listingBlock = blockAfter(all, LISTING_HEADING);
    const entries = (listingBlock ? splitEntries(listingBlock) : []).map((line) => ({ ...entryName(line), chars: lineWidth(line), hash: shortHash(line) }));
    const listingChars = entries.reduce((s, e) => s + e.chars, 0) + Math.max(0, entries.length - 1);
    const agents = agentLines(all).map((line) => ({ name: entryName(line).name, chars: line.length, hash: shortHash(line) }));
    const model = typeof body.model === 'string' ? body.model : '';
    return { model, memory, listing: { chars: listingChars, entries }, agents };
}
/** Marks Claude Code's own entries (those of an empty project) as bundled / built in. */
function markBuiltins(f, empty) {
    const skills = new Set(empty.listing.entries.map((e) => e.name));
    const agents = new Set(empty.agents.map((a) => a.name));
    return {
        ...f,
        listing: { ...f.listing, entries: f.listing.entries.map((e) => (skills.has(e.name) ? { ...e, bundled: true } : e)) },
        agents: f.agents.map((a) => (agents.has(a.name) ? { ...a, builtin: true } : a)),
    };
}

;// CONCATENATED MODULE: ./src/conformance/predict.ts
/**
 * What the analyzer predicts Claude Code sends, as the same facts the recorder extracts from a real
 * request (facts.ts): so that the two can be compared entry by entry.
 */






function predictFacts(s, model, builtinAgents = []) {
    const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
    const memory = s.files
        .filter((f) => f.loading === 'eager' && (f.kind === 'memory' || f.kind === 'rule') && counted.has(f.unit))
        .map((f) => {
        const user = s.units.find((u) => u.type === 'user' && u.name === f.unit);
        if (user)
            return { path: `~/.claude/${f.path.slice(user.root.length + 1)}`, scope: 'user', chars: f.chars };
        return { path: f.path, scope: /(^|\/)CLAUDE\.local\.md$/.test(f.path) ? 'local' : 'project', chars: f.chars };
    });
    const items = s.listings.skills.items.filter((e) => e.loading === 'eager' && counted.has(e.unit));
    const nameOnly = new Set(items.filter((e) => e.description === undefined));
    const l = buildListing(items, model, nameOnly);
    const entries = l.lines.map((line) => {
        const described = !l.bare.has(line) && !(line.entry && nameOnly.has(line.entry));
        // The line as the analyzer would send it: its hash is compared with the one Claude Code sent.
        const text = line.entry ? (described ? line.entry.text : bareLine(line.entry)) : '';
        return {
            name: line.name,
            described,
            chars: l.bare.has(line) ? line.bare : line.full,
            hash: text ? shortHash(text) : '',
            ...(line.bundled ? { bundled: true } : {}),
        };
    });
    const agents = [
        ...s.listings.agents.items
            .filter((e) => e.loading === 'eager' && counted.has(e.unit))
            .map((e) => ({ name: e.name, chars: e.text.length, hash: shortHash(e.text) })),
        ...builtinAgents.map((name) => ({ name, chars: 0, hash: '', builtin: true })),
    ];
    return { model: model.id, memory, listing: { chars: l.sentChars, entries }, agents };
}
/** Every disagreement between a recorded and a predicted set of facts, in words. */
function disagreements(real, predicted) {
    const out = [];
    const paths = (f) => f.memory.map((m) => m.path).sort();
    if (JSON.stringify(paths(real)) !== JSON.stringify(paths(predicted)))
        out.push(`memory files: ${listDiff(paths(real), paths(predicted))}`);
    for (const m of real.memory) {
        const p = predicted.memory.find((x) => x.path === m.path);
        if (p && p.chars !== m.chars)
            out.push(`memory ${m.path}: Claude Code ${m.chars} chars, analyzer ${p.chars}`);
    }
    const names = (f) => f.listing.entries.map((e) => e.name);
    if (JSON.stringify(names(real)) !== JSON.stringify(names(predicted)))
        out.push(`listing order/names: ${listDiff(names(real), names(predicted))}`);
    const bare = (f) => f.listing.entries
        .filter((e) => !e.described)
        .map((e) => e.name)
        .sort();
    if (JSON.stringify(bare(real)) !== JSON.stringify(bare(predicted)))
        out.push(`without description: ${listDiff(bare(real), bare(predicted))}`);
    // Every line of the framework's own compared exactly: characters and text (its hash).
    for (const e of real.listing.entries) {
        const p = predicted.listing.entries.find((x) => x.name === e.name);
        if (!p || e.bundled)
            continue;
        if (p.chars !== e.chars)
            out.push(`listing ${e.name}: Claude Code ${e.chars} chars, analyzer ${p.chars}`);
        else if (e.hash && p.hash && e.hash !== p.hash)
            out.push(`listing ${e.name}: the same ${e.chars} characters, another text (hash ${e.hash}, analyzer ${p.hash})`);
    }
    for (const a of real.agents) {
        const p = predicted.agents.find((x) => x.name === a.name);
        if (!p || a.builtin)
            continue;
        if (p.chars !== a.chars || (a.hash && p.hash && a.hash !== p.hash))
            out.push(`agent ${a.name}: Claude Code ${a.chars} chars${a.hash ? ` (${a.hash})` : ''}, analyzer ${p.chars}${p.hash ? ` (${p.hash})` : ''}`);
    }
    if (Math.abs(real.listing.chars - predicted.listing.chars) > real.listing.chars * 0.01)
        out.push(`listing chars: Claude Code ${real.listing.chars}, analyzer ${predicted.listing.chars}`);
    const agents = (f) => f.agents.map((a) => a.name);
    if (JSON.stringify(agents(real)) !== JSON.stringify(agents(predicted)))
        out.push(`agents: ${listDiff(agents(real), agents(predicted))}`);
    return out;
}
/** The analyzer's facts for a framework folder, run the way the recorded profile ran Claude Code. */
async function predictLike(dir, real, counter) {
    const model = modelFor(real.model);
    const opts = { model, toolVersion: 'conformance', loadTimeRounds: 0, userScope: real.userScope };
    const probe = await analyze(worktreeSource(dir), { ...opts, installedPlugins: 'none' }, counter);
    // The plugins Claude Code got with --plugin-dir, or installed from a marketplace, count as installed; the rest don't.
    const installed = probe.units
        .filter((u) => u.type === 'plugin' &&
        (real.installed === undefined
            ? real.pluginDirs.includes(u.root || '.') // recorded with --plugin-dir only
            : (u.marketplace === undefined && real.pluginDirs.includes(u.root || '.')) || real.installed.includes(u.name)))
        .map((u) => u.name);
    const snap = installed.length ? await analyze(worktreeSource(dir), { ...opts, installedPlugins: installed }, counter) : probe;
    const predicted = predictFacts(snap, model, real.agents.filter((a) => a.builtin).map((a) => a.name));
    // Built-in agents sit among the framework's in Claude Code's order: compare after the same sort.
    predicted.agents.sort((a, b) => compareNames(a.name, b.name));
    return predicted;
}
/** Two lists that differ, in a few words: counts, what only one side has, and the first place they part (never both whole lists). */
function listDiff(real, predicted, show = 5) {
    const a = new Set(real);
    const b = new Set(predicted);
    const onlyReal = real.filter((x) => !b.has(x));
    const onlyPredicted = predicted.filter((x) => !a.has(x));
    const few = (xs) => `${xs.slice(0, show).join(', ')}${xs.length > show ? `, … (${xs.length - show} more)` : ''}`;
    const parts = [`Claude Code ${real.length}, analyzer ${predicted.length}`];
    if (onlyReal.length)
        parts.push(`only Claude Code: ${few(onlyReal)}`);
    if (onlyPredicted.length)
        parts.push(`only the analyzer: ${few(onlyPredicted)}`);
    const i = real.findIndex((x, k) => predicted[k] !== x);
    const at = i < 0 ? real.length : i;
    if (at < Math.max(real.length, predicted.length))
        parts.push(`first difference at #${at + 1}: Claude Code ${real[at] ?? '(end)'}, analyzer ${predicted[at] ?? '(end)'}`);
    return parts.join('; ');
}

;// CONCATENATED MODULE: ./src/conformance/measure.ts
/**
 * `--measure claude-code[@VERSION]`: runs the real Claude Code on a side (written from its git
 * objects or working tree into a temporary folder, with a fresh home), captures its first request on
 * loopback, and reports what it sent next to the model's figures, with every difference as drift.
 *
 * It executes a program on the measured tree, so it is safe by construction: hooks disabled, MCP
 * servers not started, no credential passed, the API a loopback capture (collect/claude-code.ts);
 * the Action refuses it where the head is untrusted and the token can write (pull_request_target).
 */













/** Parses `claude-code[@VERSION]`; anything else is refused. */
function parseMeasureSpec(spec) {
    const m = /^claude-code(?:@([\w.-]+))?$/.exec(spec.trim());
    if (!m)
        throw new Error(`--measure expects claude-code or claude-code@VERSION (e.g. claude-code@${PINNED_CLAUDE_CODE_VERSION}, claude-code@latest), got "${spec}"`);
    return { version: m[1] ?? PINNED_CLAUDE_CODE_VERSION };
}
/**
 * Stages the sides (and an empty project, which shows what Claude Code brings itself: bundled
 * skills, built-in agents), runs Claude Code `rounds` times on each in interleaved order (A B A B,
 * so that machine noise hits both alike) inside the sandbox (collect/sandbox.ts), and turns each
 * side's first run into a measurement. Throws when Claude Code can't be run or sends no request.
 */
async function measureSides(sides, o) {
    const { version: wanted } = parseMeasureSpec(o.spec);
    const support = await sandboxSupport();
    if ('error' in support)
        throw new Error(support.error);
    const version = o.binary ? wanted : await resolveVersion(wanted);
    const binary = o.binary ?? (await ensureClaudeCode(version, o.cacheDir, o.log));
    const work = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'cb-measure-'));
    try {
        const box = external_node_path_default().join(work, 'box');
        const staged = [];
        for (const s of [{ name: 'empty', source: null, snapshot: null }, ...sides]) {
            const dir = external_node_path_default().join(box, s.name);
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            const counts = s.source ? await stageSource(s.source, dir) : { files: 0, bytes: 0, skipped: 0 };
            (0,external_node_child_process_.execFileSync)('git', ['init', '-q', dir], { env: { PATH: process.env.PATH } });
            if (s.snapshot)
                staged.push({ name: s.name, snapshot: s.snapshot, staged: counts });
        }
        const run = (side, round, snapshot) => {
            const model = modelFlag(snapshot ? sideModel(snapshot, o.model) : o.model);
            const setup = snapshot ? installSteps(snapshot, `./${side}`) : [];
            return {
                name: `${side}-${round}`,
                project: side,
                home: `homes/${side}-${round}`,
                ...(model ? { model } : {}),
                ...(snapshot ? { pluginDirs: pluginDirsOf(snapshot).map((d) => external_node_path_default().posix.join(side, d)) } : {}),
                ...(setup.length ? { setup } : {}),
            };
        };
        const runs = [run('empty', 0)];
        for (let i = 0; i < o.rounds; i++)
            for (const s of staged)
                runs.push(run(s.name, i, s.snapshot));
        const results = await runInSandbox({ binary, work, runs, timeoutMs: 120_000 });
        const byName = new Map(results.map((r) => [r.name, r]));
        const facts = (name, project) => {
            const r = byName.get(name);
            if (!r || r.body === null)
                throw new Error(`Claude Code made no Messages request for ${project} (exit ${r?.exitCode ?? 'none'}): ${(r?.stderr ?? 'no run').trim().slice(0, 500)}`);
            return { facts: extractFacts(r.body, `${BOX_ROOT}/${project}`, `${BOX_ROOT}/homes/${name}`), body: r.body };
        };
        const empty = facts('empty-0', 'empty').facts;
        const out = [];
        for (const s of staged) {
            const first = facts(`${s.name}-0`, s.name);
            const measured = markBuiltins(first.facts, empty);
            const predicted = predictFacts(s.snapshot, sideModel(s.snapshot, o.model), measured.agents.filter((a) => a.builtin).map((a) => a.name));
            predicted.agents.sort((a, b) => strings_compareNames(a.name, b.name));
            const counted = await o.countRequest(first.body);
            out.push({
                version,
                facts: measured,
                firstRequest: { chars: requestChars(first.body), ...counted },
                startupMs: Array.from({ length: o.rounds }, (_, i) => byName.get(`${s.name}-${i}`)?.firstRequestMs ?? 0),
                drift: [
                    ...(byName.get(`${s.name}-0`)?.setupErrors ?? []).map((e) => `plugins could not be installed as a user installs them: ${e}`),
                    ...disagreements(measured, predicted),
                ],
                staged: s.staged,
            });
        }
        return out;
    }
    finally {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
    }
}
/** The --model flag for a run: none when the judged model is the one the project's settings pick (Claude Code then picks it itself). */
function modelFlag(model) {
    return model.idFrom && model.idFrom !== 'config' ? undefined : model.id;
}
/** The model a side was analyzed with: the judged one with the side's settings over it (as the snapshot records them). */
function sideModel(s, m) {
    const id = s.model.id ?? m.id;
    const base = id !== m.id ? { ...constants_modelFor(id, m), ...(s.model.idFrom ? { idFrom: s.model.idFrom } : {}) } : m;
    return {
        ...base,
        skillListingMaxDescChars: s.model.skillListingMaxDescChars ?? base.skillListingMaxDescChars,
        skillListingBudgetFraction: s.model.skillListingBudgetFraction ?? base.skillListingBudgetFraction,
        skillListingBudgetOverride: s.model.skillListingBudgetOverride !== undefined ? s.model.skillListingBudgetOverride : base.skillListingBudgetOverride,
    };
}
function requestChars(body) {
    const b = body;
    return requestTexts(body).reduce((a, t) => a + t.length, 0) + JSON.stringify(b.tools ?? []).length;
}
/** The plugin folders Claude Code gets with --plugin-dir: the snapshot's installed plugins that no marketplace lists. */
function pluginDirsOf(snapshot) {
    return snapshot.units.filter((u) => u.type === 'plugin' && u.counted && u.marketplace === undefined).map((u) => u.root || '.');
}
/**
 * A marketplace's plugins installed as a user installs them (`claude plugin marketplace add DIR`,
 * then `claude plugin install NAME@MARKETPLACE` for each, in the marketplace's order), offline,
 * into the run's fresh home; paths relative to the box.
 */
function installSteps(snapshot, project) {
    // A plugin whose manifest Claude Code refuses is not installed (the analyzer already loads nothing of it).
    const units = snapshot.units.filter((u) => u.type === 'plugin' && u.counted && u.marketplace !== undefined && !u.invalid);
    const roots = [...new Set(units.map((u) => u.marketplaceRoot ?? ''))];
    return [
        ...roots.map((r) => ['plugin', 'marketplace', 'add', r ? `${project}/${r}` : project]),
        ...units.map((u) => ['plugin', 'install', `${u.name}@${u.marketplace}`]),
    ];
}
/** Claude Code run on one side, `rounds` times. */
async function measure_measureOne(source, snapshot, o) {
    const [m] = await measureSides([{ name: 'side', source, snapshot }], o);
    return m;
}
/**
 * Both sides, Claude Code's start-up timed in interleaved rounds (A B A B ...) so that machine noise
 * hits both alike; the ratio comes with the interval of the per-round ratios.
 */
async function measurePair(base, head, o) {
    const [a, b] = (await measureSides([
        { name: 'base', ...base },
        { name: 'head', ...head },
    ], o));
    const med = (xs) => {
        const s = [...xs].sort((x, y) => x - y);
        return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    const ratios = a.startupMs.map((x, i) => b.startupMs[i] / Math.max(x, 1e-6));
    const r3 = (x) => Math.round(x * 1000) / 1000;
    const r1 = (x) => Math.round(x * 10) / 10;
    return {
        base: a,
        head: b,
        loadTime: {
            rounds: a.startupMs.length,
            baseMedianMs: r1(med(a.startupMs)),
            headMedianMs: r1(med(b.startupMs)),
            ratio: r3(med(b.startupMs) / Math.max(med(a.startupMs), 1e-6)),
            ratioMin: r3(Math.min(...ratios)),
            ratioMax: r3(Math.max(...ratios)),
            source: 'claude-code',
        },
    };
}
/**
 * Counts a captured first request: exactly with Anthropic's token-counting endpoint when a key is
 * given (the request as Claude Code sent it: system, messages, tools), else the offline estimate of
 * its text, labelled as such. The key goes to api.anthropic.com only, never to Claude Code.
 */
function requestTokenCounter(counter, apiKey, baseUrl = 'https://api.anthropic.com', log) {
    return async (body) => {
        const b = body;
        if (apiKey) {
            try {
                const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/v1/messages/count_tokens`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'anthropic-version': ANTHROPIC_VERSION },
                    body: JSON.stringify({ model: b.model, system: b.system, messages: b.messages, tools: b.tools }),
                    signal: AbortSignal.timeout(30_000),
                });
                const j = (await res.json());
                if (res.ok && typeof j.input_tokens === 'number')
                    return { tokens: j.input_tokens, exact: true, counter: `anthropic count_tokens (${b.model})` };
                log?.(`count_tokens answered ${res.status}: using the offline estimate for the first request`);
            }
            catch (e) {
                log?.(`count_tokens failed (${e.message}): using the offline estimate for the first request`);
            }
        }
        const texts = [...requestTexts(body), JSON.stringify(b.tools ?? [])];
        const counts = await counter.countAll(texts.map((t) => ({ key: counter_TokenCounter.key(t), text: t })));
        return { tokens: texts.reduce((a, t) => a + (counts.get(counter_TokenCounter.key(t)) ?? 0), 0), exact: false, counter: `${counter.source.name} estimate` };
    };
}

;// CONCATENATED MODULE: ./src/collect/agent-binary.ts
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






const agent_binary_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** Agents whose package needs its dependencies installed (a JavaScript entry with node_modules). */
const INSTALLED = new Set(['gemini', 'pi']);
function defaultAgentCache() {
    return process.env.CONTEXT_BUDGET_AGENT_CACHE ?? external_node_path_default().join(external_node_os_default().homedir(), '.cache', 'context-budget', 'agents');
}
/** The npm spec of a profile's package at a version (Codex names its platform package with the version inside). */
function agentPackageSpec(p, version) {
    if (INSTALLED.has(p.id))
        return { spec: `${p.npm.package}@${version}`, install: true };
    const pkg = p.npm.platformPackage.split(p.npm.version).join(version);
    return { spec: pkg.includes('@', 1) ? pkg : `${pkg}@${version}`, install: false };
}
/** Resolves `latest` (or a range) to a version with `npm view`. */
function resolveAgentVersion(p, version) {
    return npmVersion(p.npm.package, version);
}
async function ensureAgent(p, version = p.npm.version, cacheDir = defaultAgentCache(), log = () => { }) {
    const v = await resolveAgentVersion(p, version);
    const { spec, install } = agentPackageSpec(p, v);
    const dir = external_node_path_default().join(cacheDir, p.id, v);
    const entry = install ? external_node_path_default().join('node_modules', ...p.npm.package.split('/'), p.npm.bin) : external_node_path_default().join('package', p.npm.bin);
    const found = { root: dir, entry, node: p.npm.bin.endsWith('.js'), version: v };
    if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, entry)))
        return found;
    const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
    await external_node_fs_.promises.mkdir(tmp, { recursive: true });
    try {
        log(`fetching ${spec} from the npm registry into ${dir}`);
        if (install) {
            await agent_binary_run('npm', ['install', ...NPM_FETCH, '--prefix', tmp, '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', spec], {
                timeout: 900_000,
                maxBuffer: 16 << 20,
            });
        }
        else {
            const { stdout } = await agent_binary_run('npm', ['pack', ...NPM_FETCH, spec, '--silent', '--pack-destination', tmp], { timeout: 900_000, maxBuffer: 1 << 20 });
            const tgz = external_node_path_default().join(tmp, stdout.trim().split('\n').pop());
            await agent_binary_run('tar', ['xzf', tgz, '-C', tmp], { timeout: 600_000 });
            await external_node_fs_.promises.rm(tgz, { force: true });
        }
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(tmp, entry)))
            throw new Error(`${spec} has no ${entry}`);
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(dir, entry))) {
            await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
            await external_node_fs_.promises.mkdir(external_node_path_default().dirname(dir), { recursive: true });
            await external_node_fs_.promises.rename(tmp, dir).catch((e) => {
                if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(dir, entry)))
                    throw e;
            });
        }
    }
    finally {
        await external_node_fs_.promises.rm(tmp, { recursive: true, force: true });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/conformance/agent-facts.ts
/** The texts of a captured request that carry context: system/developer/user text and tool descriptions. */
function agent_facts_requestTexts(agent, body) {
    const out = [];
    const walk = (v) => {
        if (typeof v === 'string')
            out.push(v);
        else if (Array.isArray(v))
            v.forEach(walk);
        else if (v && typeof v === 'object')
            for (const x of Object.values(v))
                walk(x);
    };
    const b = (body ?? {});
    if (agent === 'codex')
        walk(b.input);
    else if (agent === 'gemini') {
        walk(b.systemInstruction);
        walk(b.contents);
        walk(b.tools);
    }
    else if (agent === 'opencode' || agent === 'pi') {
        walk(b.system);
        walk(b.messages);
        walk(b.tools);
    }
    else if (agent === 'qwen') {
        // Its first request: the system text and the user turn's reminders (skills) before the prompt.
        walk(b.messages);
        walk(b.tools);
    }
    else {
        walk(b.messages);
        walk(b.tools);
    }
    return out;
}
/** Longest prefix of `text` found in `hay` (binary search on its length; prefixes are monotone). */
function keptPrefix(text, hay) {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (hay.includes(text.slice(0, mid)))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
/**
 * Facts of a captured request. `files`: the repository's candidate texts (instruction-like files,
 * by path). A file counts as read whole when its text (trailing whitespace aside) is in the
 * request, as cut when a prefix of at least 200 characters is and the whole is not.
 */
function extractAgentFacts(agent, version, body, files, bundled, repoRoot) {
    const texts = agent_facts_requestTexts(agent, body);
    // Copilot inlines an imported file right after its `@path` token (nested, innermost first): each
    // file's own text is found with the blocks inside it taken out.
    const joined = texts.join('\n\u0000\n');
    const pieces = [joined];
    let rest = joined;
    const innermost = /\n\n<imported_custom_instruction source="[^"]*">\n((?:(?!<imported_custom_instruction)[\s\S])*?)<\/imported_custom_instruction>|\n\n<imported_custom_instruction [^>]*\/>/g;
    for (let i = 0; i < 64; i++) {
        const next = rest.replace(innermost, (_m, inner) => {
            if (inner !== undefined)
                pieces.push(inner);
            return '';
        });
        if (next === rest)
            break;
        rest = next;
    }
    pieces.push(rest);
    // Qwen Code and Gemini CLI replace an `@path` token with the file between markers: put the token back.
    const qwenBlock = /<!-- Imported from: ([^\n]*?) -->\n((?:(?!<!-- Imported from:)[\s\S])*?)\n?<!-- End of import from: \1 -->/g;
    let q = rest;
    for (let i = 0; i < 64 && q.includes('<!-- Imported from: '); i++) {
        const next = q.replace(qwenBlock, (_m, file, inner) => {
            pieces.push(inner);
            return `@${file}`;
        });
        if (next === q)
            break;
        q = next;
    }
    pieces.push(q);
    const hay = pieces.join('\n\u0000\n');
    const instructions = [];
    const byText = new Map();
    for (const [file, text] of files)
        byText.set(text, [...(byText.get(text) ?? []), file]);
    for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        // A byte order mark and CRLF line ends may be normalized on the way in.
        const raw = text.replace(/^\uFEFF/, '').replace(/\s+$/, '');
        const t = hay.includes(raw) ? raw : raw.replace(/\r\n/g, '\n');
        if (t.length < 12)
            continue;
        // Files with the same text (a symlink and its target) can't be told apart: each names the others.
        const same = (byText.get(text) ?? []).filter((f) => f !== file);
        if (hay.includes(t))
            instructions.push({ file, chars: text.length, ...(same.length ? { sameAs: same } : {}) });
        else {
            const kept = keptPrefix(t, hay);
            if (kept >= 200)
                instructions.push({ file, chars: text.length, keptChars: kept });
        }
    }
    const skills = [];
    const agents = [];
    if (agent === 'copilot') {
        const sys = texts.find((t) => t.includes('<available_skills>')) ?? '';
        const block = sys.slice(sys.indexOf('<available_skills>'), sys.indexOf('</available_skills>'));
        for (const m of block.matchAll(/<skill>\n\s*<name>([^<]*)<\/name>\n\s*<description>[\s\S]*?<\/description>\n\s*<location>([^<]*)<\/location>/g))
            if (m[2] !== 'builtin')
                skills.push({ name: unxml(m[1]), described: true });
        const more = /Additional skills available \(invoke by name\): ([^\n]*)/.exec(block);
        if (more)
            for (const n of more[1].split(', '))
                if (n && !bundled.includes(n))
                    skills.push({ name: n, described: false });
        const task = texts.find((t) => t.includes('User-provided custom agents:'));
        if (task)
            for (const m of task.slice(task.indexOf('User-provided custom agents:')).matchAll(/^- \*\*([^*]+)\*\*:/gm))
                agents.push(m[1]);
    }
    else if (agent === 'qwen' || agent === 'opencode' || agent === 'pi' || agent === 'gemini') {
        // `<location>` is "project" (Qwen) or the file's absolute path (opencode); anything else is the agent's own.
        const block = texts.find((t) => t.includes('<available_skills>')) ?? '';
        for (const m of block.matchAll(/<skill>\s*<name>\s*([^<]*?)\s*<\/name>\s*<description>([\s\S]*?)<\/description>\s*<location>\s*([^<]*?)\s*<\/location>/g))
            if ((m[3] === 'project' || m[3].startsWith(`${repoRoot}/`)) && !bundled.includes(m[1]))
                skills.push({ name: m[1], described: m[2].trim().length > 0 });
    }
    else {
        const sys = texts.find((t) => t.includes('<skills_instructions>')) ?? '';
        const roots = new Map();
        for (const m of sys.matchAll(/^- `(r\d+)` = `([^`]*)`/gm))
            roots.set(m[1], m[2].startsWith(`${repoRoot}/`));
        for (const m of sys.matchAll(/^- ([^:\n`]+): ([^\n]*)\(file: (r\d+)\/[^)]*\)$/gm))
            if (roots.get(m[3]) && !bundled.includes(m[1]))
                skills.push({ name: m[1], described: m[2].trim().length > 0 });
    }
    return { agent, version, instructions, skills, agents, requestChars: texts.reduce((a, t) => a + t.length, 0) };
}
function unxml(s) {
    return s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]);
}
/** What the analyzer predicts, in the facts' shape. */
function predictAgentFacts(s) {
    return {
        agent: s.agent.id,
        version: s.agent.version,
        instructions: s.files
            .filter((f) => f.loading === 'eager')
            .map((f) => ({ file: f.path, chars: f.chars, ...(f.keptChars !== undefined ? { keptChars: f.keptChars } : {}) }))
            .sort((a, b) => (a.file < b.file ? -1 : 1)),
        skills: s.listings.skills.items.map((i) => ({ name: i.name, described: !i.truncated })),
        agents: s.listings.agents.items.map((a) => a.name),
    };
}
/** Where prediction and recording disagree, one line each (empty: they agree). */
function compareAgentFacts(predicted, recorded, o = {}) {
    const out = [];
    const rec = new Map(recorded.instructions.map((i) => [i.file, i]));
    const pred = new Map(predicted.instructions.map((i) => [i.file, i]));
    for (const [f, r] of rec) {
        const p = pred.get(f) ?? r.sameAs?.map((x) => pred.get(x)).find(Boolean);
        if (!p)
            out.push(`instruction file ${f}: read by the agent${r.keptChars !== undefined ? ` (cut to ${r.keptChars} characters)` : ''}, not predicted`);
        else if ((r.keptChars === undefined) !== (p.keptChars === undefined))
            out.push(`instruction file ${f}: ${r.keptChars !== undefined ? `cut to ${r.keptChars}` : 'whole'} by the agent, predicted ${p.keptChars !== undefined ? `cut to ${p.keptChars}` : 'whole'}`);
        else if (r.keptChars !== undefined && Math.abs(r.keptChars - p.keptChars) > r.keptChars * 0.01)
            out.push(`instruction file ${f}: the agent kept ${r.keptChars} characters, predicted ${p.keptChars}`);
    }
    // Texts under 12 characters can't be told apart in a request (see extractAgentFacts): not compared.
    const named = new Set(recorded.instructions.flatMap((i) => [i.file, ...(i.sameAs ?? [])]));
    for (const [f, p] of pred)
        if (!named.has(f) && p.chars >= 16)
            out.push(`instruction file ${f}: predicted, not read by the agent`);
    // An agent that lists in its file system's order (Gemini CLI): the entries are compared, not their order.
    const names = (xs) => {
        const list = xs.map((x) => `${x.name}${x.described ? '' : ' (name only)'}`);
        return (o.unordered ? list.sort() : list).join(', ');
    };
    if (names(predicted.skills) !== names(recorded.skills))
        out.push(`skills listed: the agent [${names(recorded.skills)}], predicted [${names(predicted.skills)}]`);
    if (predicted.agents.join(', ') !== recorded.agents.join(', '))
        out.push(`agents listed: the agent [${recorded.agents.join(', ')}], predicted [${predicted.agents.join(', ')}]`);
    return out;
}

;// CONCATENATED MODULE: ./src/conformance/agent-measure.ts
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









/** Parses `codex`, `codex@0.171.0`, `gemini@latest`; anything else is refused with the ids that exist. */
function parseAgentSpec(spec) {
    const m = /^([a-z]+)(?:@([\w.-]+))?$/.exec(spec.trim());
    const id = m?.[1];
    if (!m || !id || !AGENT_IDS.includes(id))
        throw new Error(`--measure expects claude-code or an agent id (${AGENT_IDS.join(', ')}), each optionally @VERSION, separated by commas; got "${spec}"`);
    return { id, version: m[2] ?? agents_AGENT_PROFILES[id].npm.version };
}
/** How one agent is run inside the sandbox: its command line, environment and the files of its fresh home. */
function agentInvocation(p, o) {
    const url = `http://127.0.0.1:${o.port}`;
    const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: o.home, TERM: 'dumb', NO_COLOR: '1', CI: '1', LANG: 'C.UTF-8' };
    const files = {};
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
function keepMarkdown(dir) {
    for (const e of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
        const p = external_node_path_default().join(dir, e.name);
        if (e.isDirectory())
            keepMarkdown(p);
        else if (!/\.md$/i.test(e.name))
            (0,external_node_fs_.rmSync)(p, { force: true });
    }
}
/** A side written for an agent: folders and `*.md` files (and links named `*.md` resolving inside) only. */
async function stageMarkdown(source, dest) {
    await stageSource(source, dest);
    keepMarkdown(dest);
}
/** Instruction-like texts of the staged tree (what a request is searched for): Markdown outside skill, command and agent folders. */
function candidateTexts(repo) {
    const out = new Map();
    const walk = (d, depth) => {
        if (depth > 6)
            return;
        for (const e of (0,external_node_fs_.readdirSync)(d, { withFileTypes: true })) {
            const p = external_node_path_default().join(d, e.name);
            const rel = external_node_path_default().relative(repo, p).split((external_node_path_default()).sep).join('/');
            if (e.name === '.git')
                continue;
            if (e.isDirectory())
                walk(p, depth + 1);
            else if (/\.md$/.test(e.name) && !/(^|\/)(skills|commands|agents)\//.test(rel)) {
                try {
                    const st = (0,external_node_fs_.statSync)(p);
                    if (st.isFile() && st.size < 4_000_000)
                        out.set(rel, (0,external_node_fs_.readFileSync)(p, 'utf8'));
                }
                catch {
                    // a dangling link: not a text any agent reads
                }
            }
        }
    };
    walk(repo, 0);
    return out;
}
/**
 * Runs one agent on each side (in the sandbox, one box for all) and sets the side's
 * `agents[].measured` (or `measureError`). The side must have been analyzed for that agent.
 */
async function measureAgent(sides, spec, o = {}) {
    const profile = agents_AGENT_PROFILES[spec.id];
    const support = await sandboxSupport();
    if ('error' in support)
        throw new Error(support.error);
    const bin = await ensureAgent(profile, spec.version, o.cacheDir, o.log);
    const work = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'cb-agent-measure-'));
    try {
        const box = external_node_path_default().join(work, 'box');
        const runs = [];
        for (const s of sides) {
            const dir = external_node_path_default().join(box, s.name);
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            await stageMarkdown(s.source, dir);
            (0,external_node_child_process_.execFileSync)('git', ['init', '-q', dir], { env: { PATH: process.env.PATH } });
            const homeRel = `homes/${s.name}`;
            const inv = agentInvocation(profile, { entry: `/tool/${bin.entry}`, node: bin.node, home: `${BOX_ROOT}/${homeRel}`, port: AGENT_MODEL_PORT });
            for (const [f, text] of Object.entries(inv.files)) {
                const abs = external_node_path_default().join(box, homeRel, f);
                (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(abs), { recursive: true, mode: 0o700 });
                (0,external_node_fs_.writeFileSync)(abs, text, { mode: 0o600 });
            }
            (0,external_node_fs_.mkdirSync)(external_node_path_default().join(box, homeRel), { recursive: true });
            runs.push({ name: s.name, project: s.name, argv: inv.argv, env: inv.env });
        }
        const results = await runAgentsInSandbox({ tool: bin.root, work, runs, timeoutMs: o.timeoutMs ?? 180_000 });
        for (const r of results)
            o.onRequests?.(r.name, r.requests);
        return sides.map((s) => {
            const r = results.find((x) => x.name === s.name);
            const agents = s.snapshot.agents ?? [];
            const i = agents.findIndex((a) => a.agent.id === spec.id);
            if (i < 0)
                throw new Error(`${profile.name} was not analyzed on ${s.name}`);
            let measured;
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
            }
            else {
                const facts = extractAgentFacts(spec.id, bin.version, JSON.parse(session.body), candidateTexts(external_node_path_default().join(box, s.name)), profile.listing.bundled, `${BOX_ROOT}/${s.name}`);
                o.onFacts?.(s.name, facts);
                measured = {
                    version: bin.version,
                    instructions: facts.instructions.map((f) => ({ file: f.file, ...(f.keptChars !== undefined ? { keptChars: f.keptChars } : {}) })),
                    skills: facts.skills.length,
                    nameOnly: facts.skills.filter((x) => !x.described).map((x) => x.name),
                    agents: facts.agents.length,
                    requestChars: facts.requestChars ?? session.body.length,
                    drift: compareAgentFacts(predictAgentFacts(agents[i]), facts, { unordered: profile.listing.filesystemOrder }),
                };
            }
            const next = [...agents];
            next[i] = { ...agents[i], measured };
            return { ...s.snapshot, agents: next };
        });
    }
    finally {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/render/format.ts

/** Number formatting shared by every renderer. */
function format_fmt(n) {
    return strings_thousands(n);
}
function signed(n) {
    const r = Math.round(n);
    return r > 0 ? `+${format_fmt(r)}` : r < 0 ? `−${format_fmt(-r)}` : '0';
}
function format_pct(share, digits = 1) {
    return `${(share * 100).toFixed(digits)}%`;
}
function signedPct(ratio) {
    if (ratio === null || !Number.isFinite(ratio))
        return 'new';
    const p = ratio * 100;
    return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(1)}%`;
}

;// CONCATENATED MODULE: ./src/render/agent-measured.ts

/** `esc` makes repository text safe for where the line goes (markdown, or the terminal as it is). */
function agent_measured_measuredLine(name, m, esc, markdown = false) {
    const b = (t) => (markdown ? `**${t}**` : t);
    // Each side's label only when there are two (a diff); an analysis or the roadmap has one.
    const both = !!m.base && !!m.head;
    const side = (name, x) => {
        if (!x)
            return '';
        const label = both ? `${name}: ` : '';
        if (x.error)
            return `${label}could not be measured (${esc(x.error, 200)})`;
        const files = x.instructions ?? [];
        const cut = files.filter((f) => f.keptChars !== undefined);
        const what = `${format_fmt(files.length)} instruction file${files.length === 1 ? '' : 's'}${cut.length ? ` (${cut.map((f) => `${esc(f.file, 60)} cut to ${format_fmt(f.keptChars)} characters`).join(', ')})` : ''}, ${format_fmt(x.skills ?? 0)} skill${x.skills === 1 ? '' : 's'} (${format_fmt(x.nameOnly?.length ?? 0)} by name only), ${format_fmt(x.agents ?? 0)} agent${x.agents === 1 ? '' : 's'}; ${format_fmt(x.requestChars ?? 0)} characters sent`;
        const drift = x.drift.length
            ? `${markdown ? '⚠️ ' : ''}${b('drift')} from the analysis: ${x.drift
                .slice(0, 5)
                .map((d) => esc(d, 200))
                .join('; ')}${x.drift.length > 5 ? `; and ${x.drift.length - 5} more` : ''}`
            : 'no drift from the analysis';
        return `${label}${what}; ${drift}`;
    };
    const v = m.head?.version ?? m.base?.version ?? '';
    return `${b(`${esc(name, 40)} ${esc(v, 20)}, measured by running it`)} (sandboxed, offline): ${[side('base', m.base), side('head', m.head)].filter(Boolean).join('; ')}.`;
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
;// CONCATENATED MODULE: ./src/render/escape.ts
/**
 * Repository text (paths, names, descriptions) in markdown: it can't break the markup, inject
 * HTML, start a mention or fake our hidden marker. Everything taken from a repository goes
 * through md() before it reaches a comment, a summary or an issue.
 */
const SPECIAL = /[\\`*_{}[\]()#+!|~<>&]/g;
const ENTITY = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
function md(text, max = 200) {
    // Control characters and bidirectional overrides: a name must not reorder or break the line.
    // eslint-disable-next-line no-control-regex
    let t = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ');
    // Invisible format characters (zero-width, joiners, BOM, soft hyphen, tags) and line separators
    // are shown: seven agents that differ only by them must not read as one name.
    t = t.replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `⟨U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
    if ([...t].length > max)
        t = [...t].slice(0, max - 1).join('') + '…';
    return (t
        .replace(SPECIAL, (c) => ENTITY[c] ?? `\\${c}`)
        // GitHub links `#123` even when the `#` is escaped: a zero-width space keeps it text.
        .replace(/\\#(?=\d)/g, '#\u200b')
        .replace(/@/g, '@\u200b')
        .replace(/:(?=[a-z0-9_+-]+:)/gi, ':\u200b')
        // Autolinks: GH-123 (an issue reference), URLs and www. (live links and cross-references).
        .replace(/\b(GH)-(?=\d)/gi, '$1-\u200b')
        .replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\u200b:')
        .replace(/\b(www)\./gi, '$1\u200b.'));
}
/**
 * Neutralises workflow commands in text written to the runner's log: `::cmd::` at the start of a
 * line after any whitespace the runner trims (it trims Unicode whitespace, U+0085 included, and
 * splits lines at CR, LF, U+2028 and U+2029), and the older `##[cmd]` syntax anywhere in a line.
 */
function escape_logSafe(text) {
    return text
        .replace(/\r\n?|[\u2028\u2029]/g, '\n')
        .replace(/(^|\n)([\s\u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]*)::/g, '$1$2:\u200b:')
        .replace(/##\[/g, '#\u200b#[');
}

;// CONCATENATED MODULE: ./src/render/claude-code.ts
/** What Claude Code itself sent (--measure claude-code), next to the model: pure renderers. */



function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const own = (m) => m.facts.listing.entries.filter((e) => !e.bundled);
const ownAgents = (m) => m.facts.agents.filter((a) => !a.builtin);
/** For `analyze`: plain lines. */
function claude_code_claudeCodeLines(m) {
    const s = [...m.startupMs].sort((a, b) => a - b);
    return [
        `Measured by Claude Code ${m.version} (${m.facts.model}): the first request of a session with this framework`,
        `- whole first request (Claude Code's own prompt and tools included): ${format_fmt(m.firstRequest.tokens)} tokens${m.firstRequest.exact ? ' (exact)' : ' (estimate)'}, ${format_fmt(m.firstRequest.chars)} characters (${m.firstRequest.counter})`,
        `- start-up to the first request: ${format_fmt(Math.round(median(m.startupMs)))} ms median of ${m.startupMs.length} (${format_fmt(Math.round(s[0] ?? 0))}–${format_fmt(Math.round(s[s.length - 1] ?? 0))} ms)`,
        `- memory files sent: ${m.facts.memory.length}${m.facts.memory.length ? ` (${m.facts.memory.map((x) => `${x.path} ${format_fmt(x.chars)} chars`).join(', ')})` : ''}`,
        `- skill listing: ${own(m).length} entries of the framework (${own(m).filter((e) => !e.described).length} without description), ${format_fmt(m.facts.listing.chars)} characters in all`,
        `- agent listing: ${ownAgents(m).length} agents of the framework`,
        m.drift.length
            ? `- drift from the model (${m.drift.length}):\n${m.drift.map((d) => `    ${d.replace(/\n/g, '\n    ')}`).join('\n')}`
            : '- drift from the model: none (the analyzer predicts exactly what Claude Code sent)',
        `- staged for the run: ${format_fmt(m.staged.files)} files, ${format_fmt(m.staged.bytes)} bytes${m.staged.skipped ? `, ${m.staged.skipped} left out` : ''}`,
    ];
}
/** For the comment and summary: a base/head table and the drift, folded. */
/**
 * `timings: false` (the sticky comment): no start-up times unless a loadTimeRatio budget decides on
 * them, so that re-running the same commits gives the same comment.
 */
function claudeCodeSection(r, o = {}) {
    const timed = o.timings !== false || r.assertions.some((a) => a.metric === 'loadTimeRatio' && a.level !== 'off');
    if (r.measureError)
        return `#### What Claude Code itself sent\n⚠️ Could not measure with Claude Code: ${md(r.measureError, 600)}. The gate decided on the analyzer's figures alone.`;
    const c = r.claudeCode;
    if (!c)
        return '';
    const row = (label, f, suffix = '') => [
        label,
        format_fmt(f(c.base)) + suffix,
        format_fmt(f(c.head)) + suffix,
        signed(f(c.head) - f(c.base)),
    ];
    const rows = [
        ['Measured by Claude Code', `${md(c.base.version)} (${md(c.base.facts.model)})`, '', ''],
        row(`First request tokens${c.head.firstRequest.exact ? '' : ' (estimate)'}`, (m) => m.firstRequest.tokens),
        row('Memory files sent', (m) => m.facts.memory.length),
        row('Listing entries of the framework', (m) => own(m).length),
        row('… sent without description', (m) => own(m).filter((e) => !e.described).length),
        row('Agents of the framework', (m) => ownAgents(m).length),
        ...(timed ? [row('Start-up to first request (ms, median)', (m) => Math.round(median(m.startupMs)))] : []),
    ];
    const lt = r.loadTime?.source === 'claude-code' ? r.loadTime : null;
    const timing = lt && timed
        ? `Start-up ratio ${lt.ratio.toFixed(2)}x (${lt.ratioMin.toFixed(2)}–${lt.ratioMax.toFixed(2)} over ${lt.rounds} interleaved rounds); timing decides only with a loadTimeRatio budget, and only when the whole interval clears it.`
        : '';
    const drift = [...c.base.drift.map((d) => `- base: ${md(d, 600)}`), ...c.head.drift.map((d) => `- head: ${md(d, 600)}`)];
    const driftText = drift.length
        ? `<details><summary>Drift from the model (${drift.length})</summary>\n\n${drift.join('\n')}\n\n</details>`
        : 'No drift: the analyzer predicts exactly what Claude Code sent on both sides.';
    return `#### What Claude Code itself sent\n${(0,markdown_table/* markdownTable */.Q)([['', 'Base', 'Head', 'Δ'], ...rows], { align: ['l', 'r', 'r', 'r'] })}\n\n${[timing, driftText].filter(Boolean).join('\n\n')}`;
}

;// CONCATENATED MODULE: ./src/render/groups.ts
const GROUP_TITLE = {
    loading: 'Load on demand instead of always',
    listing: 'Shorten listing descriptions',
    duplication: 'Remove duplicated text',
    references: 'Fix references',
    structure: 'Restructure',
    compression: 'Compress always-loaded text',
    collisions: 'Resolve name collisions',
    reachability: 'Unreachable files',
};
/** Groups in the order of their first (best-ranked) item. Pure. */
function groupRecommendations(list) {
    const groups = new Map();
    for (const x of list) {
        const unit = x.unit ?? 'project';
        const key = `${x.analyzer}:${unit}`;
        let g = groups.get(key);
        if (!g)
            groups.set(key, (g = { key, title: `${GROUP_TITLE[x.analyzer]} in ${unit}`, unit, items: [], eagerTokens: 0, onDemandTokens: 0 }));
        g.items.push(x);
        g.eagerTokens += Math.max(0, x.saving.eagerTokens);
        g.onDemandTokens += Math.max(0, x.saving.onDemandTokens);
    }
    return [...groups.values()];
}
function groups_groupDiagnostics(list, each = 3) {
    const byCode = new Map();
    for (const d of list)
        byCode.set(d.code, [...(byCode.get(d.code) ?? []), d]);
    const out = [];
    const done = new Set();
    for (const d of list) {
        const same = byCode.get(d.code);
        if (same.length <= each)
            out.push({ one: d });
        else if (!done.has(d.code)) {
            done.add(d.code);
            out.push({ code: d.code, severity: d.severity, count: same.length, files: same.map((x) => x.file), message: d.message });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/render/analyze-text.ts








/** The `analyze` report for a terminal: what the framework costs, where, and why; then the optimizer's ranked recommendations. */
function analyze_text_renderAnalyzeText(s, opts = {}) {
    const out = [];
    const where = s.source.kind === 'git' ? `${s.source.root} @ ${s.source.ref} (${(s.source.commit ?? '').slice(0, 12)})` : s.source.root;
    out.push(`context-budget ${s.tool.version}: ${where}`);
    out.push(`Tokens are an estimate (${s.tokenizer.name}); Claude Code ${s.model.claudeCodeVersion} loading model${s.model.id ? `, ${s.model.id}` : ''}, ${fmt(s.model.contextWindow)}-token window.`);
    out.push('');
    out.push(markdownTable([
        ['Metric', 'Value'],
        ['Always loaded (eager) tokens', `${fmt(s.totals.eagerTokens)} (${pct(s.totals.windowShare)} of the window)`],
        ['On-demand tokens', fmt(s.totals.onDemandTokens)],
        ['Worst single invocation', `${fmt(s.totals.worstInvocationTokens)}${s.totals.worstInvocation ? ` (eager + ${s.totals.worstInvocation})` : ''}`],
        ...listingRows(s),
        ['Import depth (max)', `${s.graph.maxDepth}${s.graph.longestChain.length > 1 ? ` (${s.graph.longestChain.join(' -> ')})` : ''}`],
        ['Cycles / unresolved refs', `${s.graph.cycles.length} / ${s.graph.unresolved.length}`],
        ['Read at session start', startupCost(s)],
        ...(s.loadTime.rounds > 0
            ? [['Load time (discover + parse)', `${s.loadTime.medianMs} ms median of ${s.loadTime.rounds} (spread ${s.loadTime.spreadMs} ms)`]]
            : []),
    ]));
    out.push('');
    if (s.categories.length === 0)
        out.push('Nothing here is loaded by Claude Code (no CLAUDE.md, AGENTS.md, .claude/ or plugins found).');
    else {
        out.push('By category');
        out.push(markdownTable([['Category', 'Loading', 'Tokens', 'Items'], ...s.categories.map((c) => [c.category, c.loading, fmt(c.tokens), String(c.files)])]));
    }
    if (s.units.length > 1) {
        out.push('');
        out.push('By unit (a plugin: what installing it adds)');
        const units = [...s.units].sort((a, b) => b.eagerTokens - a.eagerTokens);
        out.push(markdownTable([
            ['Unit', 'Eager', 'On demand', 'Files'],
            ...units.map((u) => [u.name + (u.counted ? '' : ' (not counted)'), fmt(u.eagerTokens), fmt(u.onDemandTokens), String(u.files)]),
        ]));
    }
    const eager = s.files.filter((f) => f.loading === 'eager').sort((a, b) => b.tokens - a.tokens);
    const limit = opts.files ?? 15;
    if (eager.length) {
        out.push('');
        out.push(`Largest always-loaded files${eager.length > limit ? ` (top ${limit} of ${eager.length})` : ''}`);
        out.push(markdownTable([['File', 'Tokens', 'Why'], ...eager.slice(0, limit).map((f) => [f.path, fmt(f.tokens), f.reason])]));
    }
    if (s.unknowns.length) {
        out.push('');
        out.push('Not measurable statically (reported, not guessed)');
        for (const u of s.unknowns.slice(0, 20))
            out.push(`- ${u.unit}: ${u.name} (${u.file}): ${u.note}`);
        if (s.unknowns.length > 20)
            out.push(`- ... and ${s.unknowns.length - 20} more`);
    }
    const diags = s.diagnostics.filter((d) => d.severity !== 'info');
    if (diags.length) {
        out.push('');
        out.push(`Diagnostics (${diags.length} warnings/errors, ${s.diagnostics.length - diags.length} info)`);
        const lines = groupDiagnostics(diags);
        for (const g of lines.slice(0, 30))
            out.push('one' in g
                ? `${g.one.severity.padEnd(7)} ${g.one.file}:${g.one.line} ${g.one.message}`
                : `${String(g.severity).padEnd(7)} ${g.count} files (${g.code}): ${g.files.slice(0, 3).join(', ')}, ...: ${g.message}`);
        if (lines.length > 30)
            out.push(`... and ${lines.length - 30} more lines (use --json for all)`);
    }
    if (s.measureError)
        out.push('', `Could not measure with Claude Code: ${s.measureError}`);
    if (s.claudeCode) {
        out.push('');
        out.push(...claudeCodeLines(s.claudeCode));
    }
    if (!s.agents?.length) {
        const other = s.files.map((f) => ({ f: f.path, readers: readersOf(f.path) })).filter((x) => x.readers.length);
        if (other.length) {
            const agents = [...new Map(other.flatMap((x) => x.readers).map((p) => [p.id, p])).values()];
            out.push('', `Other agents read files here too: ${agents
                .map((p) => {
                const n = other.filter((x) => x.readers.includes(p)).length;
                return `${p.name} (${n} file${n === 1 ? '' : 's'})`;
            })
                .join(', ')}. Measure them with ${agents.map((p) => `--agent ${p.id}`).join(' ')}.`);
        }
    }
    for (const a of s.agents ?? []) {
        const lost = a.listings.skills.truncated.length;
        out.push('', `${a.agent.name} ${a.agent.version}: ${fmt(a.totals.eagerTokens)} tokens of this framework at every start (plus about ${fmt(a.totals.overheadChars)} characters of its own), ${a.listings.skills.items.length} skills, ${a.listings.agents.items.length} agents listed`);
        const notCounted = isAgentId(a.agent.id) ? AGENT_PROFILES[a.agent.id].notCounted : undefined;
        if (notCounted)
            out.push(`  It also sends ${notCounted}: not counted here.`);
        if (a.measured)
            out.push(`  ${measuredLine(a.agent.name, { head: a.measured }, (t) => t)}`);
        for (const f of a.files.filter((x) => x.loading === 'eager'))
            out.push(`  ${f.path}: ${fmt(f.tokens)} tokens${f.keptChars !== undefined ? `, CUT: ${fmt(f.chars - f.keptChars)} of ${fmt(f.chars)} characters dropped without a word` : ''}`);
        if (lost)
            out.push(`  ${lost} skills listed by name only (over its listing budget of ${fmt(a.listings.skills.budget ?? 0)} characters): ${a.listings.skills.truncated.slice(0, 8).join(', ')}${lost > 8 ? ', ...' : ''}`);
        for (const d of a.diagnostics.slice(0, 10))
            out.push(`  ${d.severity} ${d.file}:${d.line} ${d.message}`);
    }
    const recs = opts.recommendations ?? [];
    if (recs.length) {
        out.push('');
        out.push(`Recommendations (${recs.length}, ranked by saving per effort)`);
        for (const h of ['immediate', 'short-term', 'long-term']) {
            const list = recs.filter((r) => r.horizon === h);
            if (!list.length)
                continue;
            out.push(`${h}:`);
            for (const r of list.slice(0, 15))
                out.push(`- ${r.title}${r.saving.eagerTokens > 0 ? ` (saves ~${fmt(r.saving.eagerTokens)} always-loaded tokens)` : r.saving.onDemandTokens > 0 ? ` (saves ~${fmt(r.saving.onDemandTokens)} on-demand tokens)` : ''}: ${r.location.file}${r.location.line ? `:${r.location.line}` : ''}`);
            if (list.length > 15)
                out.push(`- ... and ${list.length - 15} more (use --json for all)`);
        }
    }
    return out.join('\n') + '\n';
}
/** The listing rows, judged the same way as `diff` judges them (per plugin for marketplaces), saying which. */
function listingRows(s) {
    const j = judgedListings(s);
    const L = s.listings.skills;
    const perPlugin = s.listings.scope === 'per-plugin' && (j.skillUnit !== undefined || j.agentUnit !== undefined);
    const how = perPlugin ? ' (judged per plugin: the project plus each plugin installed alone; worst shown)' : '';
    const worstSkills = perPlugin ? s.listings.worst.skills : null;
    const truncated = worstSkills ? worstSkills.truncated.length : L.truncated.length;
    const over = j.agentTokens > s.listings.agents.warnAt;
    return [
        [
            'Skill listing' + how,
            `${fmt(j.skillChars)} / ${fmt(L.budget)} chars${j.skillUnit ? ` (with ${j.skillUnit})` : ''}, Claude Code's own entries included${truncated ? `; OVER BUDGET: ${truncated} reduced to bare names` : ''}`,
        ],
        [
            'Agent listing' + how,
            `${fmt(j.agentTokens)} / ${fmt(s.listings.agents.warnAt)} tokens as Claude Code estimates them (characters / 4)${j.agentUnit ? ` (with ${j.agentUnit})` : ''}, ${s.listings.agents.entries} agents${over ? ', OVER LIMIT' : ''}`,
        ],
    ];
}
/** What start-up costs from the framework's side, computed, not timed: files and bytes Claude Code reads at session start. */
function startupCost(s) {
    const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
    const eager = s.files.filter((f) => f.eagerTokens > 0 && counted.has(f.unit));
    const bytes = eager.reduce((a, f) => a + f.bytes, 0);
    return `${fmt(eager.length)} files, ${fmt(bytes)} bytes (memory files, rules, listed skills, commands and agents)`;
}

;// CONCATENATED MODULE: ./src/render/comment.ts










/**
 * The sticky comment's size: a reviewer reads it on every push, so detail folds well before
 * GitHub's own limit (65,536 characters); the full report is in the job summary, linked.
 * Applied in UTF-8 bytes.
 */
const COMMENT_LIMIT = 12_000;
/** GitHub rejects issue comments (the roadmap issue) above this many characters (applied in UTF-8 bytes). */
const GITHUB_COMMENT_LIMIT = 65_536;
/** The job summary accepts up to 1 MiB per step, in bytes (applied in UTF-8 bytes). */
const SUMMARY_LIMIT = 1_000_000;
const MARKER_PREFIX = '<!-- context-budget:';
function marker(key) {
    return `${MARKER_PREFIX}${key.replace(/[^A-Za-z0-9_.-]/g, '_')} -->`;
}
/** A file (and line) of the head, linked to the head commit when the URL is known. */
function place(file, line, o) {
    const text = `${md(file, 120)}${line ? `:${line}` : ''}`;
    if (!o.blobUrl || /[()\s<>]/.test(file))
        return text;
    return `[${text}](${o.blobUrl}/${file.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''})`;
}
const ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
function verdictLine(r) {
    const d = r.diff.totals.eagerTokens;
    const change = d.delta === 0 ? 'always-loaded context unchanged' : `always-loaded context ${signed(d.delta)} tokens (${signedPct(d.ratio)})`;
    const failing = r.results.filter((x) => x.status === 'fail').length;
    const warning = r.results.filter((x) => x.status === 'warn').length;
    const counts = [failing ? `${failing} budget${failing > 1 ? 's' : ''} failed` : '', warning ? `${warning} warning${warning > 1 ? 's' : ''}` : '']
        .filter(Boolean)
        .join(', ');
    return `${ICON[r.verdict]} **context-budget: ${r.verdict}** — ${change}${counts ? `; ${counts}` : ''}`;
}
function cell(d, unit = '') {
    return [format_fmt(d.base) + unit, format_fmt(d.head) + unit, d.delta === 0 ? '0' : `${signed(d.delta)}${d.ratio !== null ? ` (${signedPct(d.ratio)})` : ''}`];
}
function budgetFor(r, metric) {
    const res = r.results.filter((x) => x.metric === metric && x.scope.type === 'total');
    if (!res.length)
        return '';
    return res
        .map((x) => {
        const icon = x.status === 'pass' ? '' : `${ICON[x.status]} `;
        const lim = x.operator !== 'max'
            ? x.operator === 'maxIncrease'
                ? `Δ ≤ ${format_fmt(x.expected)}`
                : `Δ ≤ ${x.expected}%`
            : metric === 'loadTimeRatio'
                ? `≤ ${x.expected}x`
                : metric === 'skillListingTruncated'
                    ? x.expected === 0
                        ? 'no entry cut'
                        : `≤ ${format_fmt(x.expected)} cut`
                    : metric === 'importsPastDepthLimit'
                        ? 'no import past the limit'
                        : `≤ ${format_fmt(x.expected)}`;
        // Already broken on the base (and not made worse): the column says so, not just the limit.
        const before = x.preexisting && x.base !== null ? ` (base already ${format_fmt(x.base)}${metric === 'skillListingTruncated' ? ' cut' : ''})` : '';
        return `${icon}${lim}${before}`;
    })
        .join(', ');
}
/** `timings: false` (the sticky comment): the start-up row only when a loadTimeRatio budget decides on it. */
function metricsTable(r, o = {}) {
    const d = r.diff;
    const rows = [['Metric', 'Base', 'Head', 'Δ', 'Budget']];
    rows.push([METRIC_LABELS.eagerTokens, ...cell(d.totals.eagerTokens), budgetFor(r, 'eagerTokens')]);
    rows.push([METRIC_LABELS.onDemandTokens, ...cell(d.totals.onDemandTokens), budgetFor(r, 'onDemandTokens')]);
    rows.push([METRIC_LABELS.worstInvocationTokens, ...cell(d.totals.worstInvocationTokens), budgetFor(r, 'worstInvocationTokens')]);
    const sk = d.listings.skills;
    const j = d.listings.judged;
    const worst = (unit) => (unit ? `, worst plugin: ${md(unit, 60)}` : '');
    rows.push([
        `Skill listing (chars of ${format_fmt(sk.budget.head)}${worst(j.skillUnit)})`,
        ...cell(j.skillChars),
        [budgetFor(r, 'skillListingChars'), budgetFor(r, 'skillListingTruncated')].filter(Boolean).join(', '),
    ]);
    rows.push([
        `Agent listing (tokens as Claude Code estimates them: characters / 4${worst(j.agentUnit)})`,
        ...cell(j.agentTokens),
        budgetFor(r, 'agentListingTokens'),
    ]);
    rows.push([METRIC_LABELS.maxDepth, ...cell(d.graph.maxDepth), budgetFor(r, 'importsPastDepthLimit')]);
    const timed = o.timings !== false || r.assertions.some((a) => a.metric === 'loadTimeRatio' && a.level !== 'off');
    if (r.loadTime && timed) {
        const lt = r.loadTime;
        rows.push([
            lt.source === 'claude-code' ? 'Claude Code start-up to first request' : 'Load time (discover + parse)',
            `${lt.baseMedianMs.toFixed(1)} ms`,
            `${lt.headMedianMs.toFixed(1)} ms`,
            loadTimeTooFast(lt) ? 'too fast to compare' : `${lt.ratio.toFixed(2)}x (${lt.ratioMin.toFixed(2)}–${lt.ratioMax.toFixed(2)}, ${lt.rounds} rounds)`,
            budgetFor(r, 'loadTimeRatio'),
        ]);
    }
    return (0,markdown_table/* markdownTable */.Q)(rows, { align: ['l', 'r', 'r', 'r', 'l'] });
}
function regressions(r, o) {
    const bad = r.results.filter((x) => x.status !== 'pass').sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
    if (!bad.length)
        return '';
    const lines = bad.map((x) => `- ${ICON[x.status]} **${md(x.message, 400)}**${x.location ? ` — ${place(x.location.file, x.location.line, o)}` : ''} <sub>(${md(x.id)})</sub>${x.howToPass ? `\n  - **How to pass:** ${md(x.howToPass, 1500)}` : ''}`);
    return `#### What this change did\n${lines.join('\n')}`;
}
/** Limits the base branch already broke and this change did not make worse: counted, never blamed. */
function preexistingSection(r, o) {
    const old = r.results.filter((x) => x.preexisting);
    if (!old.length)
        return '';
    return details(`Already on the base branch (${old.length}; not caused by this change)`, old.map((x) => `- ${md(x.message, 400)}${x.location ? ` — ${place(x.location.file, x.location.line, o)}` : ''}`).join('\n'));
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function more(n, what) {
    return n > 0 ? `\n\n_… and ${n} more ${what} (see the job summary or \`--json\`)_` : '';
}
function unitsSection(r, maxRows) {
    const u = [...r.diff.units].sort((a, b) => Math.abs(b.eager.delta) - Math.abs(a.eager.delta));
    if (!u.length || maxRows === 0)
        return '';
    const rows = u.slice(0, maxRows).map((x) => [md(x.name), x.status, ...cell(x.eager), signed(x.onDemand.delta)]);
    return details(`Units and plugins (${u.length} changed)`, (0,markdown_table/* markdownTable */.Q)([['Unit', 'Status', 'Always-loaded base', 'Always-loaded head', 'Always-loaded Δ', 'On-demand Δ'], ...rows]) +
        more(u.length - maxRows, 'units'));
}
function filesSection(r, maxRows) {
    const f = [...r.diff.files].sort((a, b) => Math.abs(b.eager.delta) - Math.abs(a.eager.delta) || Math.abs(b.tokens.delta) - Math.abs(a.tokens.delta));
    if (!f.length || maxRows === 0)
        return '';
    const loading = (x) => (x.loadingBase === x.loadingHead ? (x.loadingHead ?? '') : `${x.loadingBase ?? '—'} → ${x.loadingHead ?? '—'}`);
    const rows = f
        .slice(0, maxRows)
        .map((x) => [md(x.path, 120), x.status === 'affected' ? 'same bytes, affected' : x.status, loading(x), signed(x.tokens.delta), signed(x.eager.delta)]);
    return details(`Files (${f.length} changed)`, (0,markdown_table/* markdownTable */.Q)([['File', 'Status', 'Loading', 'Text Δ (tokens)', 'Always-loaded Δ (tokens)'], ...rows]) + more(f.length - maxRows, 'files'));
}
function listingSection(r, maxRows) {
    const s = r.diff.listings.skills;
    const a = r.diff.listings.agents;
    const parts = [];
    const list = (label, names) => {
        if (!names.length)
            return;
        parts.push(`**${label}** (${names.length}): ${names
            .slice(0, maxRows)
            .map((n) => md(n, 80))
            .join(', ')}${names.length > maxRows ? `, … ${names.length - maxRows} more` : ''}`);
    };
    list('Now reduced to a bare name (over budget)', s.truncatedAdded);
    list('Description restored', s.truncatedRemoved);
    list('Skill listing: added', s.added);
    list('Skill listing: removed', s.removed);
    list('Skill listing: changed', s.changed);
    list('Agent listing: added', a.added);
    list('Agent listing: removed', a.removed);
    list('Agent listing: changed', a.changed);
    if (!parts.length || maxRows === 0)
        return '';
    return details('Listing entries', parts.join('\n\n'));
}
function graphSection(r, maxRows) {
    const g = r.diff.graph;
    const d = r.diff.diagnostics;
    const parts = [];
    for (const c of g.cyclesAdded.slice(0, maxRows))
        parts.push(`- ❌ new import cycle: ${c.map((x) => md(x, 80)).join(' → ')}`);
    for (const u of g.unresolvedAdded.slice(0, maxRows))
        parts.push(`- ⚠️ new ${u.reason} reference: ${md('@' + u.ref, 100)} in ${md(u.from)}:${u.line}`);
    // Reference diagnostics are already listed above as references.
    const added = d.added.filter((x) => x.severity !== 'info' && !x.code.startsWith('import-') && !x.code.startsWith('symlink-'));
    for (const g of groups_groupDiagnostics(added).slice(0, maxRows))
        parts.push('one' in g
            ? `- ${g.one.severity === 'error' ? '❌' : '⚠️'} ${md(g.one.file)}:${g.one.line} ${md(g.one.message, 300)}`
            : `- ${g.severity === 'error' ? '❌' : '⚠️'} ${format_fmt(g.count)} files (${md(g.code, 40)}): ${g.files
                .slice(0, 3)
                .map((f) => md(f, 80))
                .join(', ')}, …: ${md(g.message, 200)}`);
    const fixed = d.fixed.filter((x) => x.severity !== 'info').length + g.cyclesRemoved.length + g.unresolvedRemoved.length;
    if (fixed)
        parts.push(`- ✅ ${fixed} diagnostics and references fixed`);
    if (!parts.length || maxRows === 0)
        return '';
    return details(`Dependencies and diagnostics (${g.cyclesAdded.length + g.unresolvedAdded.length + added.length} new, ${fixed} fixed)`, parts.join('\n'));
}
const HORIZON_TITLE = {
    immediate: 'Immediate (high impact, low effort)',
    'short-term': 'Short-term',
    'long-term': 'Long-term (architectural)',
};
function savingText(eager, onDemand) {
    return eager > 0 ? `~${format_fmt(eager)} always-loaded tokens` : onDemand > 0 ? `~${format_fmt(onDemand)} on-demand tokens` : '';
}
function recLine(x, o = {}) {
    const saving = savingText(x.saving.eagerTokens, x.saving.onDemandTokens);
    return `- ${x.introduced ? '🆕 ' : ''}**${md(x.title, 160)}**${saving ? ` — saves ${saving}` : ''} <sub>(${x.effort} effort; ${place(x.location.file, x.location.line, o)})</sub><br>${md(x.rationale, 400)}`;
}
/** This change's recommendations of one kind in one unit, with their total; the items inside a fold. */
function groupLines(list, o, maxItems) {
    return groupRecommendations(list).map((g) => {
        if (g.items.length === 1)
            return recLine(g.items[0], o);
        const saving = savingText(g.eagerTokens, g.onDemandTokens);
        const shown = g.items.slice(0, maxItems);
        // One line per item inside the fold; the shared reason is said once.
        const items = shown
            .map((x) => `- 🆕 ${md(x.title, 160)}${savingText(x.saving.eagerTokens, x.saving.onDemandTokens) ? ` — ~${format_fmt(x.saving.eagerTokens || x.saving.onDemandTokens)}` : ''} <sub>(${place(x.location.file, x.location.line, o)})</sub>`)
            .join('\n') + more(g.items.length - shown.length, 'in this group');
        return `- 🆕 **${md(g.title, 160)}**: ${g.items.length} items${saving ? `, together ${saving}` : ''}<br>${md(g.items[0].rationale, 400)}\n\n  ${details('the items', items).replace(/\n/g, '\n  ')}`;
    });
}
function recommendationsSection(r, maxRows, o) {
    // The comment is about the pull request: what it introduced. What the base branch already had is
    // one line, pointing to where it is kept (the roadmap issue, `context-budget analyze`).
    const mine = r.recommendations.filter((x) => x.introduced);
    const older = r.recommendations.length - mine.length;
    const pointer = older
        ? `<sub>${format_fmt(older)} more recommendation${older > 1 ? 's' : ''} the base branch already had ${older > 1 ? 'are' : 'is'} not repeated here: see the roadmap issue, or run \`context-budget analyze\`.</sub>`
        : '';
    // What the pull request fixed of what the base branch had: credited in one line.
    const fixed = r.resolved.length
        ? `✅ **Resolved by this change** (${r.resolved.length}): ${r.resolved
            .slice(0, 5)
            .map((x) => md(x.title, 120))
            .join('; ')}${r.resolved.length > 5 ? `; and ${r.resolved.length - 5} more` : ''}.`
        : '';
    if (!mine.length)
        return [fixed, pointer].filter(Boolean).join('\n\n');
    const groups = ['immediate', 'short-term', 'long-term'];
    const out = ['#### Recommendations for this change'];
    for (const h of groups) {
        // Only what this change introduced is grouped here: every item is new.
        const list = mine.filter((x) => x.horizon === h);
        if (!list.length)
            continue;
        // Folding to fit: fewer groups too, the first (most saving per effort) kept.
        const all = groupLines(list, o, maxRows);
        const groups = maxRows >= 40 ? all : all.slice(0, Math.max(2, maxRows));
        const body = groups.join('\n') + more(all.length - groups.length, 'groups of recommendations');
        out.push(h === 'immediate' ? `**${HORIZON_TITLE[h]}**\n${body}` : details(`${HORIZON_TITLE[h]} (${list.length})`, body));
    }
    if (fixed)
        out.push(fixed);
    if (pointer)
        out.push(pointer);
    return out.join('\n\n');
}
/** The optimizer's edits on the pull request's own text: suggestions on its lines, a command for the rest. */
function editsSection(r, o = {}) {
    const e = r.edits;
    if (!e || (!e.suggestions.length && !e.commands.length))
        return '';
    const lines = [`**Edits the optimizer can make to what this pull request adds**`];
    for (const s of e.suggestions)
        lines.push(`- 💡 ${md(s.title, 160)} (${place(s.path, s.startLine, o)}): about ${format_fmt(s.eagerTokens)} always-loaded tokens, suggested on the lines`);
    for (const c of e.commands)
        lines.push(`- ${c.steps} ${md(c.kind, 40)} edit${c.steps === 1 ? '' : 's'} across files (about ${format_fmt(c.eagerTokens)} always-loaded tokens): run \`${md(c.command, 120)}\` and commit the result`);
    return lines.join('\n');
}
function unknownsSection(r) {
    if (!r.unknowns.length)
        return '';
    const mcp = r.unknowns.filter((u) => u.kind === 'mcp-server').length;
    const hooks = r.unknowns.filter((u) => u.kind === 'session-start-hook').length;
    const bits = [
        mcp ? `${mcp} MCP server${mcp > 1 ? 's' : ''} (tool schemas load at start)` : '',
        hooks ? `${hooks} SessionStart hook source${hooks > 1 ? 's' : ''} (may inject output)` : '',
    ].filter(Boolean);
    return `<sub>Not measured, since it can't be known without running them: ${bits.join('; ')}.</sub>`;
}
/** What the pull request changed in its own budget config, and what of it was not applied. */
/** Other agents: one row each, what they load at start and what this change made them drop. */
function agentsSection(r) {
    if (!r.agents?.length) {
        // Not measured: say which other agents read what this change touched, and how to measure them.
        const touched = r.diff.files.map((f) => ({ f: f.path, readers: analyzers_readersOf(f.path) })).filter((x) => x.readers.length);
        if (!touched.length)
            return '';
        const agents = [...new Map(touched.flatMap((x) => x.readers).map((p) => [p.id, p])).values()];
        return `<sub>This change edits files ${agents.map((p) => p.name).reduce((a, n, i, all) => (i === 0 ? n : `${a}${i === all.length - 1 ? ' and ' : ', '}${n}`), '')} also read${agents.length === 1 ? 's' : ''} (${touched
            .slice(0, 5)
            .map((x) => md(x.f, 80))
            .join(', ')}${touched.length > 5 ? ', ...' : ''}): measure ${agents.length === 1 ? 'it' : 'them'} too with \`agents: [${agents.map((p) => p.id).join(', ')}]\` in the budget config.</sub>`;
    }
    const rows = r.agents.map((a) => {
        const drops = [];
        for (const c of a.cut)
            drops.push(`${md(c.file, 80)} cut: ${format_fmt(c.chars - c.keptChars)} of ${format_fmt(c.chars)} characters dropped`);
        if (a.nameOnly.head.length)
            drops.push(`${a.nameOnly.head.length} skill${a.nameOnly.head.length === 1 ? '' : 's'} listed by name only${a.nameOnly.added.length ? ` (${a.nameOnly.added.length} because of this change)` : ''}`);
        const worse = a.droppedChars.delta > 0 || a.nameOnly.added.length > 0;
        return [
            `${md(a.name, 40)} ${md(a.version, 20)}`,
            format_fmt(a.eagerTokens.base),
            format_fmt(a.eagerTokens.head),
            signed(a.eagerTokens.delta),
            `${worse ? '❌ ' : ''}${drops.join('; ') || 'nothing'}`,
        ];
    });
    // What a profile does not count (Gemini CLI's directory tree) is said, never silently left out.
    const notCounted = r.agents.flatMap((a) => {
        const n = agents_isAgentId(a.id) ? agents_AGENT_PROFILES[a.id].notCounted : undefined;
        return n ? [`${md(a.name, 40)} also sends ${n}: not counted here.`] : [];
    });
    const measured = r.agents.flatMap((a) => (a.measured ? [`- ${agent_measured_measuredLine(a.name, a.measured, (t, n) => md(t, n), true)}`] : []));
    return `#### Other agents that read these files

${(0,markdown_table/* markdownTable */.Q)([['Agent', 'Always-loaded before', 'After', 'Change', 'What it drops'], ...rows], { align: ['l', 'r', 'r', 'r', 'l'] })}${notCounted.length ? `\n\n<sub>${notCounted.join(' ')}</sub>` : ''}${measured.length ? `\n\n${measured.join('\n')}` : ''}`;
}
function configSection(r) {
    const c = r.configReview;
    if (!c || c.error)
        return '';
    const list = (xs) => xs.map((x) => `- ${md(x, 300)}`).join('\n');
    const applied = c.changes.filter((x) => !c.notApplied.includes(x));
    const parts = [`#### This pull request changes its budget config (${md(c.file, 120)})`];
    if (c.accepted)
        parts.push(`Applied as it is: a maintainer accepted it with the label \`${md(c.acceptLabel, 80)}\`.\n${list(c.changes)}`);
    else {
        if (c.notApplied.length)
            parts.push(`⚠️ **Not applied**: it would loosen the gate that judges this pull request, or change what is measured. The base branch's config decides until the change lands${c.acceptLabel ? `, or a maintainer adds the label \`${md(c.acceptLabel, 80)}\`` : ''}.\n${list(c.notApplied)}`);
        if (applied.length)
            parts.push(`Applied (the stricter of base and head):\n${list(applied)}`);
    }
    return parts.join('\n\n');
}
function footer(r, o = {}) {
    const side = (s) => `${md(s.label, 80)}${s.commit ? ` (${s.commit.slice(0, 7)})` : ''}`;
    const scope = r.diff.listings.judged.scope === 'per-plugin' ? ' Listing limits are judged per plugin: the project plus each plugin installed alone.' : '';
    const what = r.compared ? `Compared ${md(r.compared, 300)}` : `Compared ${side(r.base)} → ${side(r.head)}`;
    const run = `${o.reportUrl ? ` [Where the context goes: the HTML report](${o.reportUrl}).` : ''}${o.runUrl ? ` [Workflow run](${o.runUrl}).` : ''}`;
    const trust = r.untrusted ? " **Measured by the pull request's own workflow run (publish-report), not verified here: a pass is shown as neutral.**" : '';
    const model = r.model?.id
        ? ` Judged for ${md(r.model.id, 60)} (${md(r.model.from, 80)}; ${format_fmt(r.model.contextWindow)}-token window)${r.model.baseId ? `; the base branch's sessions got ${md(r.model.baseId, 60)}` : ''}.`
        : '';
    return `<sub>${what}.${trust}${scope}${model}${run} ${r.tokensEstimated === false ? `Token counts are exact (${md(r.tokenizer)}).` : `Token counts are estimates (${md(r.tokenizer)}); Claude's tokenizer is not public.`} Budgets: ${md(r.configFile)}.</sub>`;
}
/** GitHub's limits (comment body, job summary) are safest read as UTF-8 bytes: a CJK report of 501,409 characters is 1,067,325 bytes. */
function utf8Bytes(s) {
    return Buffer.byteLength(s, 'utf8');
}
/** The pull request comment (and, with a larger limit, the job summary). Folds detail to fit, never cuts markup. */
function comment_renderComment(r, opts = {}) {
    const limit = opts.limit ?? COMMENT_LIMIT;
    for (const rows of [500, 100, 40, 15, 5, 0]) {
        const parts = [
            opts.key !== undefined ? marker(opts.key) : '',
            `### ${verdictLine(r)}`,
            metricsTable(r, { timings: opts.timings === true }),
            configSection(r),
            regressions(r, opts),
            preexistingSection(r, opts),
            claudeCodeSection(r, { timings: opts.timings === true }),
            agentsSection(r),
            unitsSection(r, rows),
            filesSection(r, rows),
            listingSection(r, rows),
            graphSection(r, rows),
            editsSection(r, opts),
            recommendationsSection(r, Math.max(rows, 3), opts),
            unknownsSection(r),
            rows < 500
                ? `<sub>Detail folded to fit GitHub's limit${opts.detailsUrl ? `: [full report](${opts.detailsUrl})` : ': the full report is in the job summary'}.</sub>`
                : '',
            footer(r, opts),
        ].filter(Boolean);
        const text = parts.join('\n\n') + '\n';
        if (utf8Bytes(text) <= limit)
            return text;
    }
    // Last resort: verdict, metrics and regressions only.
    const minimal = [
        opts.key !== undefined ? marker(opts.key) : '',
        `### ${verdictLine(r)}`,
        metricsTable(r, { timings: opts.timings === true }),
        configSection(r).slice(0, limit / 4),
        regressions(r, opts)
            .slice(0, limit / 2)
            .replace(/\n[^\n]*$/, ''),
        footer(r, opts),
    ]
        .filter(Boolean)
        .join('\n\n') + '\n';
    return utf8Bytes(minimal) <= limit
        ? minimal
        : `${opts.key !== undefined ? marker(opts.key) + '\n\n' : ''}### ${verdictLine(r)}\n\n<sub>The full report is in the job summary.</sub>\n`;
}

;// CONCATENATED MODULE: ./src/render/diff-text.ts





/** The `diff` report for a terminal. */
function diff_text_renderDiffText(r) {
    const d = r.diff;
    const out = [];
    const icon = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' }[r.verdict];
    const e = d.totals.eagerTokens;
    out.push(`${icon}  always-loaded ${format_fmt(e.base)} -> ${format_fmt(e.head)} tokens (${e.delta === 0 ? 'unchanged' : `${signed(e.delta)}, ${signedPct(e.ratio)}`}); ${r.base.label} -> ${r.head.label}`);
    out.push(`Token counts are ${r.tokensEstimated === false ? 'exact' : 'estimates'} (${r.tokenizer}). Budgets: ${r.configFile}.`);
    if (r.model?.id)
        out.push(`Judged for ${r.model.id} (${r.model.from}; ${format_fmt(r.model.contextWindow)}-token window)${r.model.baseId ? `; the base's sessions got ${r.model.baseId}` : ''}.`);
    out.push('');
    const row = (name, x) => [name, format_fmt(x.base), format_fmt(x.head), signed(x.delta)];
    const rows = [
        ['Metric', 'Base', 'Head', 'Delta'],
        row('Always-loaded tokens', d.totals.eagerTokens),
        row('On-demand tokens', d.totals.onDemandTokens),
        row('Worst invocation', d.totals.worstInvocationTokens),
        row(`Skill listing chars (budget ${format_fmt(d.listings.skills.budget.head)})${d.listings.judged.skillUnit ? `, worst plugin ${d.listings.judged.skillUnit}` : ''}`, d.listings.judged.skillChars),
        row(`Agent listing (tokens, characters / 4)${d.listings.judged.agentUnit ? `, worst plugin ${d.listings.judged.agentUnit}` : ''}`, d.listings.judged.agentTokens),
        row('Import depth', d.graph.maxDepth),
    ];
    if (r.loadTime)
        rows.push([
            r.loadTime.source === 'claude-code' ? 'Claude Code start-up ms (median)' : 'Load time ms (median)',
            r.loadTime.baseMedianMs.toFixed(1),
            r.loadTime.headMedianMs.toFixed(1),
            loadTimeTooFast(r.loadTime)
                ? 'too fast to compare'
                : `${r.loadTime.ratio.toFixed(2)}x [${r.loadTime.ratioMin.toFixed(2)}-${r.loadTime.ratioMax.toFixed(2)}]`,
        ]);
    out.push((0,markdown_table/* markdownTable */.Q)(rows, { align: ['l', 'r', 'r', 'r'] }));
    const bad = r.results.filter((x) => x.status !== 'pass');
    if (bad.length) {
        out.push('');
        out.push('Budgets');
        for (const x of bad) {
            out.push(`  ${x.status.toUpperCase().padEnd(4)} ${x.message}${x.location ? ` (${x.location.file}${x.location.line ? `:${x.location.line}` : ''})` : ''}  [${x.id}]`);
            if (x.howToPass)
                out.push(`       How to pass: ${x.howToPass}`);
        }
    }
    const old = r.results.filter((x) => x.preexisting);
    const c = r.configReview;
    if (c && !c.error && c.changes.length) {
        out.push('', `This change edits its budget config (${c.file})${c.accepted ? `: applied, accepted with the label "${c.acceptLabel}"` : ''}:`);
        for (const x of c.changes)
            out.push(`  ${c.notApplied.includes(x) ? 'NOT APPLIED' : 'applied    '} ${x}`);
    }
    if (old.length)
        out.push('', `Already on the base (not caused by this change): ${old.map((x) => x.id).join(', ')}`);
    if (r.measureError)
        out.push('', `Could not measure with Claude Code: ${r.measureError}. The gate decided on the analyzer's figures alone.`);
    if (r.claudeCode) {
        out.push('');
        out.push('Claude Code itself, base -> head:');
        for (const side of ['base', 'head'])
            for (const l of claude_code_claudeCodeLines(r.claudeCode[side]))
                out.push(`  ${side}: ${l}`);
    }
    for (const a of r.agents ?? []) {
        const drops = [
            ...a.cut.map((c) => `${c.file} cut (${format_fmt(c.chars - c.keptChars)} of ${format_fmt(c.chars)} characters dropped)`),
            ...(a.nameOnly.head.length ? [`${a.nameOnly.head.length} skills by name only (${a.nameOnly.added.length} because of this change)`] : []),
        ];
        out.push('', `${a.name} ${a.version}: always-loaded ${format_fmt(a.eagerTokens.base)} -> ${format_fmt(a.eagerTokens.head)} tokens (${signed(a.eagerTokens.delta)}); drops: ${drops.join('; ') || 'nothing'}`);
        if (a.measured)
            out.push(`  ${agent_measured_measuredLine(a.name, a.measured, (t) => t)}`);
    }
    const files = [...d.files]
        .sort((a, b) => Math.abs(b.eager.delta) - Math.abs(a.eager.delta) || Math.abs(b.tokens.delta) - Math.abs(a.tokens.delta))
        .slice(0, 10);
    if (files.length) {
        out.push('');
        out.push(`Files (${d.files.length} changed; largest first)`);
        out.push((0,markdown_table/* markdownTable */.Q)([
            ['File', 'Status', 'Text delta (tokens)', 'Always-loaded delta (tokens)'],
            ...files.map((f) => [f.path, f.status === 'affected' ? 'same bytes, affected' : f.status, signed(f.tokens.delta), signed(f.eager.delta)]),
        ]));
    }
    if (d.listings.skills.truncatedAdded.length)
        out.push('', `Now reduced to a bare name in the skill listing: ${d.listings.skills.truncatedAdded.join(', ')}`);
    if (r.recommendations.length) {
        out.push('');
        out.push('Recommendations (new ones first)');
        for (const x of r.recommendations.slice(0, 10)) {
            const saving = x.saving.eagerTokens > 0
                ? `~${format_fmt(x.saving.eagerTokens)} eager`
                : x.saving.onDemandTokens > 0
                    ? `~${format_fmt(x.saving.onDemandTokens)} on-demand`
                    : 'correctness';
            out.push(`  ${x.introduced ? 'NEW ' : '    '}[${x.horizon}] ${x.title} (${saving}; ${x.effort} effort) ${x.location.file}${x.location.line ? `:${x.location.line}` : ''}`);
        }
        if (r.recommendations.length > 10)
            out.push(`  ... and ${r.recommendations.length - 10} more (--json or --markdown)`);
    }
    if (r.resolved.length) {
        out.push('', `Resolved by this change (${r.resolved.length})`);
        for (const x of r.resolved.slice(0, 10))
            out.push(`  DONE ${x.title} ${x.location.file}${x.location.line ? `:${x.location.line}` : ''}`);
        if (r.resolved.length > 10)
            out.push(`  ... and ${r.resolved.length - 10} more (--json)`);
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/render/html-assets.generated.ts
// Generated by scripts/build-web.mjs from web/treemap.ts and d3-hierarchy (ISC): do not edit.
/** The HTML report's script, minified (13147 characters). */
const TREEMAP_JS = "\"use strict\";(()=>{function Q(e){var t=0,n=e.children,a=n&&n.length;if(!a)t=1;else for(;--a>=0;)t+=n[a].value;e.value=t}function ee(){return this.eachAfter(Q)}function te(e,t){let n=-1;for(let a of this)e.call(t,a,++n,this);return this}function ne(e,t){for(var n=this,a=[n],o,u,i=-1;n=a.pop();)if(e.call(t,n,++i,this),o=n.children)for(u=o.length-1;u>=0;--u)a.push(o[u]);return this}function re(e,t){for(var n=this,a=[n],o=[],u,i,s,c=-1;n=a.pop();)if(o.push(n),u=n.children)for(i=0,s=u.length;i<s;++i)a.push(u[i]);for(;n=o.pop();)e.call(t,n,++c,this);return this}function ie(e,t){let n=-1;for(let a of this)if(e.call(t,a,++n,this))return a}function ae(e){return this.eachAfter(function(t){for(var n=+e(t.data)||0,a=t.children,o=a&&a.length;--o>=0;)n+=a[o].value;t.value=n})}function se(e){return this.eachBefore(function(t){t.children&&t.children.sort(e)})}function oe(e){for(var t=this,n=ue(t,e),a=[t];t!==n;)t=t.parent,a.push(t);for(var o=a.length;e!==n;)a.splice(o,0,e),e=e.parent;return a}function ue(e,t){if(e===t)return e;var n=e.ancestors(),a=t.ancestors(),o=null;for(e=n.pop(),t=a.pop();e===t;)o=e,e=n.pop(),t=a.pop();return o}function ce(){for(var e=this,t=[e];e=e.parent;)t.push(e);return t}function le(){return Array.from(this)}function de(){var e=[];return this.eachBefore(function(t){t.children||e.push(t)}),e}function fe(){var e=this,t=[];return e.each(function(n){n!==e&&t.push({source:n.parent,target:n})}),t}function*he(){var e=this,t,n=[e],a,o,u;do for(t=n.reverse(),n=[];e=t.pop();)if(yield e,a=e.children)for(o=0,u=a.length;o<u;++o)n.push(a[o]);while(n.length)}function _(e,t){e instanceof Map?(e=[void 0,e],t===void 0&&(t=pe)):t===void 0&&(t=me);for(var n=new M(e),a,o=[n],u,i,s,c;a=o.pop();)if((i=t(a.data))&&(c=(i=Array.from(i)).length))for(a.children=i,s=c-1;s>=0;--s)o.push(u=i[s]=new M(i[s])),u.parent=a,u.depth=a.depth+1;return n.eachBefore(be)}function ge(){return _(this).eachBefore(ye)}function me(e){return e.children}function pe(e){return Array.isArray(e)?e[1]:null}function ye(e){e.data.value!==void 0&&(e.value=e.data.value),e.data=e.data.data}function be(e){var t=0;do e.height=t;while((e=e.parent)&&e.height<++t)}function M(e){this.data=e,this.depth=this.height=0,this.parent=null}M.prototype=_.prototype={constructor:M,count:ee,each:te,eachAfter:re,eachBefore:ne,find:ie,sum:ae,sort:se,path:oe,ancestors:ce,descendants:le,leaves:de,links:fe,copy:ge,[Symbol.iterator]:he};function ke(e){if(typeof e!=\"function\")throw new Error;return e}function L(){return 0}function C(e){return function(){return e}}function xe(e){e.x0=Math.round(e.x0),e.y0=Math.round(e.y0),e.x1=Math.round(e.x1),e.y1=Math.round(e.y1)}function D(e,t,n,a,o){for(var u=e.children,i,s=-1,c=u.length,l=e.value&&(a-t)/e.value;++s<c;)i=u[s],i.y0=n,i.y1=o,i.x0=t,i.x1=t+=i.value*l}function ve(e,t){this._=e,this.parent=null,this.children=null,this.A=null,this.a=this,this.z=0,this.m=0,this.c=0,this.s=0,this.t=null,this.i=t}ve.prototype=Object.create(M.prototype);function O(e,t,n,a,o){for(var u=e.children,i,s=-1,c=u.length,l=e.value&&(o-n)/e.value;++s<c;)i=u[s],i.x0=t,i.x1=a,i.y0=n,i.y1=n+=i.value*l}var H=(1+Math.sqrt(5))/2;function j(e,t,n,a,o,u){for(var i=[],s=t.children,c,l,d=0,f=0,r=s.length,m,p,g=t.value,h,b,E,A,W,I,w;d<r;){m=o-n,p=u-a;do h=s[f++].value;while(!h&&f<r);for(b=E=h,I=Math.max(p/m,m/p)/(g*e),w=h*h*I,W=Math.max(E/w,w/b);f<r;++f){if(h+=l=s[f].value,l<b&&(b=l),l>E&&(E=l),w=h*h*I,A=Math.max(E/w,w/b),A>W){h-=l;break}W=A}i.push(c={value:h,dice:m<p,children:s.slice(d,f)}),c.dice?D(c,n,a,o,g?a+=p*h/g:u):O(c,n,a,g?n+=m*h/g:o,u),g-=h,d=f}return i}var B=(function e(t){function n(a,o,u,i,s){j(t,a,o,u,i,s)}return n.ratio=function(a){return e((a=+a)>1?a:1)},n})(H);function V(){var e=B,t=!1,n=1,a=1,o=[0],u=L,i=L,s=L,c=L,l=L;function d(r){return r.x0=r.y0=0,r.x1=n,r.y1=a,r.eachBefore(f),o=[0],t&&r.eachBefore(xe),r}function f(r){var m=o[r.depth],p=r.x0+m,g=r.y0+m,h=r.x1-m,b=r.y1-m;h<p&&(p=h=(p+h)/2),b<g&&(g=b=(g+b)/2),r.x0=p,r.y0=g,r.x1=h,r.y1=b,r.children&&(m=o[r.depth+1]=u(r)/2,p+=l(r)-m,g+=i(r)-m,h-=s(r)-m,b-=c(r)-m,h<p&&(p=h=(p+h)/2),b<g&&(g=b=(g+b)/2),e(r,p,g,h,b))}return d.round=function(r){return arguments.length?(t=!!r,d):t},d.size=function(r){return arguments.length?(n=+r[0],a=+r[1],d):[n,a]},d.tile=function(r){return arguments.length?(e=ke(r),d):e},d.padding=function(r){return arguments.length?d.paddingInner(r).paddingOuter(r):d.paddingInner()},d.paddingInner=function(r){return arguments.length?(u=typeof r==\"function\"?r:C(+r),d):u},d.paddingOuter=function(r){return arguments.length?d.paddingTop(r).paddingRight(r).paddingBottom(r).paddingLeft(r):d.paddingTop()},d.paddingTop=function(r){return arguments.length?(i=typeof r==\"function\"?r:C(+r),d):i},d.paddingRight=function(r){return arguments.length?(s=typeof r==\"function\"?r:C(+r),d):s},d.paddingBottom=function(r){return arguments.length?(c=typeof r==\"function\"?r:C(+r),d):c},d.paddingLeft=function(r){return arguments.length?(l=typeof r==\"function\"?r:C(+r),d):l},d}var Me=(function e(t){function n(a,o,u,i,s){if((c=a._squarify)&&c.ratio===t)for(var c,l,d,f,r=-1,m,p=c.length,g=a.value;++r<p;){for(l=c[r],d=l.children,f=l.value=0,m=d.length;f<m;++f)l.value+=d[f].value;l.dice?D(l,o,u,i,g?u+=(s-u)*l.value/g:s):O(l,o,u,g?o+=(i-o)*l.value/g:i,s),g-=l.value}else a._squarify=c=j(t,a,o,u,i,s),c.ratio=t}return n.ratio=function(a){return e((a=+a)>1?a:1)},n})(H);var $e={r:\"root\",a:\"agent\",u:\"unit\",c:\"category\",f:\"file\",e:\"entry\"};function we(e){return e.kind===\"file\"?`f:${e.name}`:e.kind===\"unit\"?e.name:\"\"}function F(e){let t=$e[e.t],n={name:e.n,kind:t,key:e.k??we({kind:t,name:e.n}),head:e.h};return e.l&&(n.loading=e.l===\"e\"?\"eager\":\"on-demand\"),e.b!==void 0&&(n.base=e.b),e.hc!==void 0&&(n.headChars=e.hc),e.bc!==void 0&&(n.baseChars=e.bc),e.p!==void 0?n.path=e.p:t===\"file\"&&(n.path=e.n),e.ln!==void 0&&(n.line=e.ln),e.c&&(n.children=e.c.map(F)),n}function K(e){let{items:t,units:n,...a}=e;return{...a,items:t.map(([o,u,i,s])=>({name:o,unit:n[u],chars:i,truncated:s===1}))}}function G(e){return{...e,tree:F(e.tree),listing:{scope:e.listing.scope,...e.listing.base?{base:K(e.listing.base)}:{},head:K(e.listing.head)}}}var k=G(JSON.parse(document.getElementById(\"cb-data\").textContent)),v=k.mode===\"diff\",P=document.getElementById(\"cb-map\"),R=document.getElementById(\"cb-crumbs\"),Y=document.getElementById(\"cb-details\"),$=v?\"delta\":\"head\",z=\"eager\",x=[k.tree],y=new Intl.NumberFormat(\"en-US\"),T=e=>e>0?`+${y.format(e)}`:e<0?`−${y.format(-e)}`:\"±0\";function Pe(e){if(z!==\"all\"&&e.loading!==z)return 0;let t=e.base??0;return $===\"base\"?t:$===\"head\"?e.head:Math.max(t,e.head)}function q(e){let t=e.base??0;return t===0&&e.head>0?\"added\":e.head===0&&t>0?\"removed\":e.head>t?\"grew\":e.head<t?\"shrank\":\"same\"}function Ne(e){let t=e.path?`${e.path}${e.line?`:${e.line}`:\"\"}`:\"\";if(!t)return document.createElement(\"span\");if(!k.linkBase){let a=document.createElement(\"code\");return a.textContent=t,a}let n=document.createElement(\"a\");return n.href=`${k.linkBase}${e.path.split(\"/\").map(encodeURIComponent).join(\"/\")}${e.line?`#L${e.line}`:\"\"}`,n.textContent=t,n}function J(e){let t=[e.name];return e.loading&&t.push(e.loading===\"eager\"?\"always-loaded\":\"on demand\"),v?t.push(`base ${y.format(e.base??0)}, head ${y.format(e.head)} tokens (${T(e.head-(e.base??0))}, ${q(e)})`):t.push(`${y.format(e.head)} tokens`),t.join(\"; \")}function S(e){Y.replaceChildren();let t=document.createElement(\"strong\");t.textContent=e.name;let n=[];n.push([\"kind\",e.kind===\"entry\"?\"listing entry\":e.kind]),e.loading&&n.push([\"loading\",e.loading===\"eager\"?\"always-loaded (every session pays it)\":\"on demand (paid when used)\"]);let a=e.loading===\"on-demand\"?k.totals.onDemand:k.totals.eager,o=(i,s)=>s?` (${(100*i/s).toFixed(1)}% of ${e.loading===\"on-demand\"?\"on-demand\":\"always-loaded\"})`:\"\";v?(n.push([\"base\",`${y.format(e.base??0)} tokens${e.loading?o(e.base??0,a.base):\"\"}`]),n.push([\"head\",`${y.format(e.head)} tokens${e.loading?o(e.head,a.head):\"\"}`]),n.push([\"change\",`${T(e.head-(e.base??0))} tokens (${q(e)})`])):n.push([\"tokens\",`${y.format(e.head)}${e.loading?o(e.head,a.head):\"\"}`]),(e.headChars!==void 0||e.baseChars!==void 0)&&n.push([\"characters\",v?`${y.format(e.baseChars??0)} → ${y.format(e.headChars??0)}`:y.format(e.headChars??0)]),e.path&&n.push([\"file\",Ne(e)]),e.children&&n.push([\"contains\",`${e.children.length} (Enter or click to zoom in)`]);let u=document.createElement(\"dl\");for(let[i,s]of n){let c=document.createElement(\"dt\");c.textContent=i;let l=document.createElement(\"dd\");typeof s==\"string\"?l.textContent=s:l.append(s),u.append(c,l)}Y.append(t,u)}function Z(e){x.length=e+1,N()}function U(e){!e.children||!e.children.length||(x.push(e),N(),P.querySelector(\".cell\")?.focus())}function Ee(){R.replaceChildren(),x.forEach((e,t)=>{t&&R.append(\" › \");let n=document.createElement(\"button\");n.type=\"button\",n.textContent=t===0?k.tree.children?.[0]?.kind===\"agent\"?\"all agents\":\"all units\":e.name,n.disabled=t===x.length-1,n.disabled&&n.setAttribute(\"aria-current\",\"true\"),n.addEventListener(\"click\",()=>Z(t)),R.append(n)})}function N(){Ee();let e=x[x.length-1],t=P.clientWidth,n=P.clientHeight,a=_(e,i=>i.children).sum(i=>i.children?0:Pe(i)).sort((i,s)=>(s.value??0)-(i.value??0)||(i.data.key<s.data.key?-1:1));V().tile(B).size([t,n]).round(!1).paddingTop(i=>i.depth>0&&i.x1-i.x0>48&&i.y1-i.y0>36?18:0)(a),P.replaceChildren(),P.setAttribute(\"aria-label\",`Treemap of ${e===k.tree?\"all units\":e.name}: ${J(e)}`);let o=document.createDocumentFragment(),u=a.descendants().filter(i=>i.depth>0&&(i.value??0)>0);for(let i of u){let s=i.data,c=document.createElement(\"div\"),l=i.x1-i.x0,d=i.y1-i.y0;if(c.className=`cell ${i.children?\"group\":\"leaf\"} ${s.loading??\"mixed\"} k-${s.kind}${v&&$===\"delta\"?` c-${q(s)}`:\"\"}${l<8||d<8?\" tiny\":\"\"}`,c.style.left=`${i.x0}px`,c.style.top=`${i.y0}px`,c.style.width=`${l}px`,c.style.height=`${d}px`,c.dataset.key=Le(i),c.dataset.tokens=String(i.value),c.tabIndex=0,c.setAttribute(\"role\",\"button\"),c.setAttribute(\"aria-label\",J(s)),l>36&&d>14){let r=document.createElement(\"span\");r.className=\"label\";let m=v&&$===\"delta\"?` ${s.head>(s.base??0)?\"▲\":s.head<(s.base??0)?\"▼\":\"\"}${T(s.head-(s.base??0))}`:\"\",p=x.length>1?x[1].key:i.ancestors().find(h=>h.depth===1)?.data.key??\"\",g=s.kind===\"file\"?s.name.slice(s.name.lastIndexOf(\"/\")+1):s.kind===\"entry\"&&s.name.startsWith(`${p}:`)?s.name.slice(p.length+1):s.name;r.textContent=`${g} ${y.format($===\"base\"?s.base??0:s.head)}${m}`,c.append(r)}let f=i.depth===1?i:i.ancestors().find(r=>r.depth===1);c.addEventListener(\"click\",r=>{r.stopPropagation(),S(s),U(f.data.children?.length?f.data:s)}),c.addEventListener(\"keydown\",r=>{(r.key===\"Enter\"||r.key===\" \")&&(r.preventDefault(),s.children?U(s):S(s))}),c.addEventListener(\"mouseenter\",()=>S(s)),c.addEventListener(\"focus\",()=>S(s)),o.append(c)}P.append(o)}function Le(e){let t=e.ancestors().reverse().slice(1).map(n=>n.data.key);return JSON.stringify([...x.slice(1).map(n=>n.key),...t])}function Ce(){let e=document.getElementById(\"cb-listing\");if(!e)return;let t=v&&k.listing.base?[[\"base\",k.listing.base],[\"head\",k.listing.head]]:[[\"head\",k.listing.head]],n=Math.max(...t.map(([,o])=>Math.max(o.chars,o.budget)),1),a=new Set((k.listing.base?.items??[]).filter(o=>o.truncated).map(o=>o.name));for(let[o,u]of t){let i=document.createElement(\"div\");i.className=\"lrow\";let s=document.createElement(\"div\");s.className=\"llabel\";let c=u.items.filter(f=>f.truncated).length;s.textContent=`${v?`${o}: `:\"\"}${y.format(u.chars)} of ${y.format(u.budget)} characters; ${c?`${c} entr${c===1?\"y loses its\":\"ies lose their\"} description`:\"every entry keeps its description\"}`;let l=document.createElement(\"div\");l.className=\"lbar\",l.dataset.side=o,l.setAttribute(\"role\",\"img\"),l.setAttribute(\"aria-label\",s.textContent);for(let f of u.items){let r=document.createElement(\"span\"),m=o===\"head\"&&v&&f.truncated&&!a.has(f.name);r.className=`seg${f.truncated?\" lost\":\"\"}${m?\" newly\":\"\"}`,r.style.width=`${100*f.chars/n}%`,r.title=`${f.name}: ${y.format(f.chars)} characters${f.truncated?\", listed by name only (description lost)\":\"\"}${m?\" because of this change\":\"\"}`,l.append(r)}if(u.bundled){let f=document.createElement(\"span\");f.className=\"seg bundled\",f.style.width=`${100*u.bundled/n}%`,f.title=`Claude Code's bundled entries: ${y.format(u.bundled)} characters`,l.append(f)}let d=document.createElement(\"span\");d.className=\"budget\",d.style.left=`${100*u.budget/n}%`,d.title=`budget: ${y.format(u.budget)} characters`,l.append(d),i.append(s,l),e.append(i)}}for(let e of document.querySelectorAll('input[name=\"cb-show\"]'))e.value===z&&(e.checked=!0),e.addEventListener(\"change\",()=>{z=e.value,x.length=1,N()});for(let e of document.querySelectorAll('input[name=\"cb-view\"]'))e.value===$&&(e.checked=!0),e.addEventListener(\"change\",()=>{$=e.value,N()});document.addEventListener(\"keydown\",e=>{(e.key===\"Escape\"||e.key===\"Backspace\")&&x.length>1&&!(e.target instanceof HTMLInputElement)&&(e.preventDefault(),Z(x.length-2))});var X=0;window.addEventListener(\"resize\",()=>{cancelAnimationFrame(X),X=requestAnimationFrame(N)});N();Ce();document.documentElement.dataset.readyMs=String(Math.round(performance.now()));document.documentElement.dataset.ready=\"true\";})();";

;// CONCATENATED MODULE: ./src/render/picture.ts
/** Categories in words (the HTML report and the job summary's chart). */
const CATEGORY_LABEL = {
    memory: 'memory files',
    rules: 'rules',
    'skill-listing': 'skill listing',
    'agent-listing': 'agent listing',
    'output-style': 'output style',
    mcp: 'MCP',
    hooks: 'hooks',
    'skill-bodies': 'skill bodies',
    'command-bodies': 'command bodies',
    'agent-bodies': 'agent bodies',
    'path-rules': 'path rules',
    'nested-memory': 'nested memory',
    resources: 'resources',
    other: 'other',
};
function loadingLabel(l) {
    return l === 'eager' ? 'always-loaded' : 'on demand';
}
/** Every counted, loaded leaf of a snapshot: files, then listing entries (the totals' own terms, measure.ts). */
function leaves(s) {
    const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
    const out = [];
    for (const f of s.files)
        if (counted.has(f.unit) && f.loading !== 'not-loaded')
            out.push({ unit: f.unit, category: f.category, loading: f.loading, key: `f:${f.path}`, name: f.path, tokens: f.tokens, chars: f.chars, path: f.path });
    const entry = (e) => {
        if (!counted.has(e.unit) || e.loading === 'not-loaded')
            return;
        out.push({
            unit: e.unit,
            category: e.kind === 'agent' ? 'agent-listing' : 'skill-listing',
            loading: e.loading,
            key: `${e.kind}:${e.name}`,
            name: e.name,
            tokens: e.tokens,
            chars: e.chars,
            path: e.file,
            ...(e.line !== undefined ? { line: e.line } : {}),
        });
    };
    for (const e of s.listings.skills.items)
        entry(e);
    for (const e of s.listings.agents.items)
        entry(e);
    if (!s.agents?.length)
        return out;
    // Several agents: Claude Code's leaves under its own node, then each other agent's.
    const claude = { key: 'claude-code', name: 'Claude Code' };
    const all = out.map((l) => ({ ...l, agent: claude }));
    for (const a of s.agents) {
        const agent = { key: a.agent.id, name: `${a.agent.name} ${a.agent.version}` };
        for (const f of a.files)
            if (f.loading !== 'not-loaded')
                all.push({
                    agent,
                    unit: 'project',
                    category: f.category,
                    loading: f.loading,
                    key: `f:${f.path}`,
                    name: f.path,
                    tokens: f.tokens,
                    chars: f.keptChars ?? f.chars,
                    path: f.path,
                });
        for (const e of [...a.listings.skills.items, ...a.listings.agents.items])
            all.push({
                agent,
                unit: 'project',
                category: e.kind === 'agent' ? 'agent-listing' : 'skill-listing',
                loading: 'eager',
                key: `${e.kind}:${e.name}`,
                name: e.name,
                tokens: e.tokens,
                chars: e.chars,
                path: e.file,
            });
    }
    return all;
}
/** Builds (or extends) the tree with one side's leaves. */
function addSide(root, side, ls, index) {
    const child = (parent, key, make) => {
        let byKey = index.get(parent);
        if (!byKey)
            index.set(parent, (byKey = new Map()));
        let c = byKey.get(key);
        if (!c) {
            c = make();
            byKey.set(key, c);
            (parent.children ??= []).push(c);
        }
        return c;
    };
    for (const l of ls) {
        const top = l.agent ? child(root, l.agent.key, () => ({ name: l.agent.name, kind: 'agent', key: l.agent.key, head: 0 })) : root;
        const unit = child(top, l.unit, () => ({ name: l.unit, kind: 'unit', key: l.unit, head: 0 }));
        const ck = `${l.category}:${l.loading}`;
        const cat = child(unit, ck, () => ({
            name: `${CATEGORY_LABEL[l.category]} (${loadingLabel(l.loading)})`,
            kind: 'category',
            key: ck,
            loading: l.loading,
            head: 0,
        }));
        const leaf = child(cat, l.key, () => ({
            name: l.name,
            kind: l.key.startsWith('f:') ? 'file' : 'entry',
            key: l.key,
            loading: l.loading,
            head: 0,
            path: l.path,
            ...(l.line !== undefined ? { line: l.line } : {}),
        }));
        if (side === 'head') {
            leaf.head += l.tokens;
            leaf.headChars = (leaf.headChars ?? 0) + l.chars;
        }
        else {
            leaf.base = (leaf.base ?? 0) + l.tokens;
            leaf.baseChars = (leaf.baseChars ?? 0) + l.chars;
        }
    }
}
/** Sums leaves into inner nodes and orders children largest first (then by key: deterministic). */
function finish(n, diff) {
    if (!n.children) {
        if (diff)
            n.base ??= 0;
        return;
    }
    let head = 0;
    let base = 0;
    for (const c of n.children) {
        finish(c, diff);
        head += c.head;
        base += c.base ?? 0;
    }
    n.head = head;
    if (diff)
        n.base = base;
    n.children.sort((a, b) => Math.max(b.head, b.base ?? 0) - Math.max(a.head, a.base ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
function listingOf(s) {
    const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
    const l = s.listings.skills;
    return {
        budget: l.budget,
        chars: l.chars,
        bundled: l.bundledAllowance,
        overBudget: l.overBudget,
        items: l.items
            .filter((e) => e.loading === 'eager' && counted.has(e.unit))
            .map((e) => ({ name: e.name, unit: e.unit, chars: e.chars, truncated: !!e.truncated })),
    };
}
/** The picture of one analyzed framework. */
function picture_pictureOf(s, o = {}) {
    const tree = { name: 'Claude Code', kind: 'root', key: '', head: 0 };
    addSide(tree, 'head', leaves(s), new WeakMap());
    finish(tree, false);
    return {
        mode: 'analyze',
        title: o.title ?? (s.source.commit ? `${s.source.ref ?? s.source.commit.slice(0, 7)}` : s.source.root),
        sides: [{ label: s.source.ref ?? 'working tree', ...(s.source.commit ? { commit: s.source.commit } : {}) }],
        model: { ...(s.model.id ? { id: s.model.id } : {}), contextWindow: s.model.contextWindow },
        totals: { eager: { head: s.totals.eagerTokens }, onDemand: { head: s.totals.onDemandTokens } },
        uncounted: s.units.filter((u) => !u.counted).map((u) => u.name),
        tree,
        listing: { head: listingOf(s), scope: s.listings.scope },
        ...(o.linkBase ? { linkBase: o.linkBase } : {}),
        tokenizer: s.tokenizer.name,
    };
}
/** The picture of a diff: both sides in one tree, matched by unit, category and file or entry. */
function picture_pictureOfDiff(base, head, report, o = {}) {
    const tree = { name: 'Claude Code', kind: 'root', key: '', head: 0 };
    const index = new WeakMap();
    addSide(tree, 'base', leaves(base), index);
    addSide(tree, 'head', leaves(head), index);
    finish(tree, true);
    const side = (x) => ({ label: x.label, ...(x.commit ? { commit: x.commit } : {}) });
    return {
        mode: 'diff',
        title: o.title ?? `${report.base.label} → ${report.head.label}`,
        sides: [side(report.base), side(report.head)],
        model: { ...(head.model.id ? { id: head.model.id } : {}), contextWindow: head.model.contextWindow },
        totals: {
            eager: { base: base.totals.eagerTokens, head: head.totals.eagerTokens },
            onDemand: { base: base.totals.onDemandTokens, head: head.totals.onDemandTokens },
        },
        uncounted: [...new Set([...base.units, ...head.units].filter((u) => !u.counted).map((u) => u.name))].sort(),
        tree,
        listing: { base: listingOf(base), head: listingOf(head), scope: head.listings.scope },
        ...(o.linkBase ? { linkBase: o.linkBase } : {}),
        tokenizer: head.tokenizer.name,
    };
}
/** Leaves of a picture (depth first). */
function pictureLeaves(n) {
    if (!n.children)
        return n.kind === 'root' ? [] : [n];
    return n.children.flatMap(pictureLeaves);
}
const KIND_CODE = { root: 'r', agent: 'a', unit: 'u', category: 'c', file: 'f', entry: 'e' };
const CODE_KIND = { r: 'root', a: 'agent', u: 'unit', c: 'category', f: 'file', e: 'entry' };
function defaultKey(n) {
    return n.kind === 'file' ? `f:${n.name}` : n.kind === 'unit' ? n.name : '';
}
function wireNode(n) {
    const w = { n: n.name, t: KIND_CODE[n.kind], h: n.head };
    if (n.key !== defaultKey(n))
        w.k = n.key;
    if (n.loading)
        w.l = n.loading === 'eager' ? 'e' : 'o';
    if (n.base !== undefined)
        w.b = n.base;
    if (n.headChars !== undefined)
        w.hc = n.headChars;
    if (n.baseChars !== undefined)
        w.bc = n.baseChars;
    if (n.path !== undefined && n.path !== n.name)
        w.p = n.path;
    if (n.line !== undefined)
        w.ln = n.line;
    if (n.children)
        w.c = n.children.map(wireNode);
    return w;
}
function nodeOfWire(w) {
    const kind = CODE_KIND[w.t];
    const n = { name: w.n, kind, key: w.k ?? defaultKey({ kind, name: w.n }), head: w.h };
    if (w.l)
        n.loading = w.l === 'e' ? 'eager' : 'on-demand';
    if (w.b !== undefined)
        n.base = w.b;
    if (w.hc !== undefined)
        n.headChars = w.hc;
    if (w.bc !== undefined)
        n.baseChars = w.bc;
    if (w.p !== undefined)
        n.path = w.p;
    else if (kind === 'file')
        n.path = w.n;
    if (w.ln !== undefined)
        n.line = w.ln;
    if (w.c)
        n.children = w.c.map(nodeOfWire);
    return n;
}
function wireListing(l) {
    const units = [...new Set(l.items.map((i) => i.unit))];
    const at = new Map(units.map((u, i) => [u, i]));
    const { items, ...rest } = l;
    return { ...rest, units, items: items.map((i) => [i.name, at.get(i.unit), i.chars, i.truncated ? 1 : 0]) };
}
function listingOfWire(w) {
    const { items, units, ...rest } = w;
    return { ...rest, items: items.map(([name, u, chars, t]) => ({ name, unit: units[u], chars, truncated: t === 1 })) };
}
function wirePicture(p) {
    return {
        ...p,
        tree: wireNode(p.tree),
        listing: { scope: p.listing.scope, ...(p.listing.base ? { base: wireListing(p.listing.base) } : {}), head: wireListing(p.listing.head) },
    };
}
function expandPicture(w) {
    return {
        ...w,
        tree: nodeOfWire(w.tree),
        listing: { scope: w.listing.scope, ...(w.listing.base ? { base: listingOfWire(w.listing.base) } : {}), head: listingOfWire(w.listing.head) },
    };
}

;// CONCATENATED MODULE: ./src/render/html.ts
/**
 * The HTML report: one self-contained file (inline styles and script, no network) that shows where
 * the context goes. The numbers are the picture's (picture.ts), built from the same snapshots as the
 * JSON report; the script (web/treemap.ts) lays them out with d3-hierarchy in the browser, and a
 * plain table below says the same without script or colour.
 */


/** Rows of the plain table (largest first); the JSON report has them all. */
const HTML_TABLE_ROWS = 300;
const html_fmt = (n) => n.toLocaleString('en-US');
const html_signed = (n) => (n > 0 ? `+${html_fmt(n)}` : n < 0 ? `−${html_fmt(-n)}` : '±0');
function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
/** JSON safe inside a <script> element: no "</script>", no "<!--". */
function scriptJson(v) {
    return JSON.stringify(v).replace(/</g, '\\u003c');
}
const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--eager:#d9480f;--eager-bg:#ffe8cc;--lazy:#1864ab;--lazy-bg:#d0ebff;--grew:#c92a2a;--grew-bg:#ffc9c9;--shrank:#2b8a3e;--shrank-bg:#b2f2bb}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--eager-bg:#5c2b0c;--lazy-bg:#0c3558;--grew-bg:#6b1d1d;--shrank-bg:#14452a}}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1280px;margin:0 auto;padding:16px 20px 40px}h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
.sub{color:var(--muted);margin:0 0 12px}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:180px}.card b{display:block;font-size:18px}
.controls{display:flex;flex-wrap:wrap;align-items:center;gap:16px;margin:8px 0}fieldset{border:1px solid var(--line);border-radius:6px;padding:2px 10px;margin:0}
#cb-crumbs button{font:inherit;background:none;border:0;color:var(--lazy);cursor:pointer;padding:2px;text-decoration:underline}#cb-crumbs button:disabled{color:var(--fg);text-decoration:none;cursor:default;font-weight:600}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:12px}@media (max-width:900px){.layout{grid-template-columns:1fr}}
#cb-map{position:relative;height:560px;border:1px solid var(--line);overflow:hidden;background:var(--panel)}
.cell{position:absolute;border:1px solid var(--bg);overflow:hidden;cursor:pointer}.cell:focus{outline:3px solid var(--fg);outline-offset:-3px;z-index:2}
.group{background:transparent}.group>.label{font-weight:600}
.leaf.eager{background:var(--eager-bg);border-left:3px solid var(--eager)}
.leaf.on-demand{background:repeating-linear-gradient(135deg,var(--lazy-bg) 0 6px,var(--panel) 6px 9px);border-left:3px dashed var(--lazy)}
.leaf.c-grew,.leaf.c-added{background:var(--grew-bg)}.leaf.c-shrank,.leaf.c-removed{background:var(--shrank-bg)}.leaf.c-removed{border-style:dashed;opacity:.8}
.cell.tiny{border:0}
.label{display:block;padding:1px 4px;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;pointer-events:none}
#cb-details{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px;min-height:120px;overflow-wrap:anywhere}
#cb-details dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:8px 0 0}#cb-details dt{color:var(--muted)}#cb-details dd{margin:0}
.legend{display:flex;flex-wrap:wrap;gap:14px;color:var(--muted);font-size:12px;margin:6px 0}.sw{display:inline-block;width:14px;height:12px;vertical-align:-2px;margin-right:4px;border:1px solid var(--line)}
.sw.eager{background:var(--eager-bg);border-left:3px solid var(--eager)}.sw.on-demand{background:repeating-linear-gradient(135deg,var(--lazy-bg) 0 4px,var(--panel) 4px 6px);border-left:3px dashed var(--lazy)}.sw.grew{background:var(--grew-bg)}.sw.shrank{background:var(--shrank-bg)}
.lrow{margin:8px 0}.llabel{font-size:13px;margin-bottom:2px}.lbar{position:relative;display:flex;height:22px;background:var(--panel);border:1px solid var(--line)}
.seg{height:100%;background:var(--eager-bg);border-right:1px solid var(--bg)}.seg.lost{background:repeating-linear-gradient(90deg,var(--grew-bg) 0 3px,var(--panel) 3px 5px)}.seg.newly{background:var(--grew)}.seg.bundled{background:var(--line)}
.budget{position:absolute;top:-4px;bottom:-4px;width:0;border-left:2px solid var(--fg)}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:12px}a{color:var(--lazy)}footer{color:var(--muted);font-size:12px;margin-top:24px}
`;
function card(label, t, diff, id) {
    const delta = diff ? ` <span>(${html_signed(t.head - (t.base ?? 0))} from ${html_fmt(t.base ?? 0)})</span>` : '';
    return `<div class="card" id="${id}" data-head="${t.head}"${diff ? ` data-base="${t.base ?? 0}"` : ''}>${escapeHtml(label)}<b>${html_fmt(t.head)} tokens</b>${delta}</div>`;
}
/** The plain table: every leaf's numbers, largest first (capped at HTML_TABLE_ROWS). */
function table(p) {
    const diff = p.mode === 'diff';
    const rows = [];
    for (const unit of p.tree.children ?? [])
        for (const n of pictureLeaves(unit))
            rows.push({ unit: unit.name, n });
    rows.sort((a, b) => Math.max(b.n.head, b.n.base ?? 0) - Math.max(a.n.head, a.n.base ?? 0) || (a.n.key < b.n.key ? -1 : 1));
    const shown = rows.slice(0, HTML_TABLE_ROWS);
    const head = `<tr><th>Unit</th><th>Loaded</th><th>Item</th>${diff ? '<th class="n">Base</th><th class="n">Head</th><th class="n">Change</th>' : '<th class="n">Tokens</th>'}</tr>`;
    const body = shown
        .map(({ unit, n }) => {
        const where = n.path && n.kind === 'entry' ? ` <code>${escapeHtml(n.path)}${n.line ? `:${n.line}` : ''}</code>` : '';
        const nums = diff
            ? `<td class="n">${html_fmt(n.base ?? 0)}</td><td class="n">${html_fmt(n.head)}</td><td class="n">${html_signed(n.head - (n.base ?? 0))}</td>`
            : `<td class="n">${html_fmt(n.head)}</td>`;
        return `<tr><td>${escapeHtml(unit)}</td><td>${n.loading ? loadingLabel(n.loading) : ''}</td><td>${escapeHtml(n.name)}${where}</td>${nums}</tr>`;
    })
        .join('\n');
    const more = rows.length > shown.length ? `<p class="sub">${html_fmt(rows.length - shown.length)} smaller items not shown here; the JSON report has every one.</p>` : '';
    return `<table id="cb-table"><thead>${head}</thead><tbody>\n${body}\n</tbody></table>${more}`;
}
/** The HTML report of a picture. */
function html_renderHtml(p) {
    const diff = p.mode === 'diff';
    const sides = p.sides.map((s) => `${escapeHtml(s.label)}${s.commit ? ` (<code>${escapeHtml(s.commit.slice(0, 12))}</code>)` : ''}`).join(' → ');
    const window = p.totals.eager.head / p.model.contextWindow;
    const toggle = diff
        ? `<fieldset><legend>Area and colour</legend>${['base', 'head', 'delta']
            .map((v) => `<label><input type="radio" name="cb-view" value="${v}"> ${v === 'delta' ? 'change' : v}</label>`)
            .join(' ')}</fieldset>`
        : '';
    const shows = `<fieldset><legend>Tokens drawn</legend>${[
        ['eager', 'always-loaded'],
        ['on-demand', 'on demand'],
        ['all', 'both'],
    ]
        .map(([v, l]) => `<label><input type="radio" name="cb-show" value="${v}"> ${l}</label>`)
        .join(' ')}</fieldset>`;
    const legend = `<div class="legend"><span><i class="sw eager"></i>always-loaded: paid in every session (solid, solid edge)</span><span><i class="sw on-demand"></i>on demand: paid when used (striped, dashed edge)</span>${diff ? '<span><i class="sw grew"></i>grew or added (▲, +)</span><span><i class="sw shrank"></i>shrank or removed (▼, −)</span>' : ''}<span>Area: tokens${diff ? ' (change view: the larger side)' : ''}. Click or Enter zooms in; Escape goes back.</span></div>`;
    const uncounted = p.uncounted.length ? `<p class="sub">Not installed, so not drawn: ${p.uncounted.map(escapeHtml).join(', ')}.</p>` : '';
    const listingNote = p.listing.scope === 'per-plugin' ? ' The gate judges this marketplace one plugin at a time; this bar shows every counted unit installed together.' : '';
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>context-budget: ${escapeHtml(p.title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>Where the context goes</h1>
<p class="sub">${sides} · ${escapeHtml(p.model.id ?? "Claude Code's default model")}, ${html_fmt(p.model.contextWindow)}-token window · ${escapeHtml(p.tokenizer)} estimates</p>
<div class="cards">${card('Always-loaded', p.totals.eager, diff, 'cb-eager')}${card('On demand', p.totals.onDemand, diff, 'cb-ondemand')}<div class="card">Window share<b>${(100 * window).toFixed(1)}%</b> always-loaded</div></div>
<div class="controls">${shows}${toggle}<nav id="cb-crumbs" aria-label="Zoom"></nav></div>
${legend}
<div class="layout"><div id="cb-map" role="group"></div><aside id="cb-details" aria-live="polite"><span class="sub">Hover or focus a box for its numbers.</span></aside></div>
${uncounted}
<h2>Skill listing budget</h2>
<p class="sub">Each segment is one entry in listing order; past the budget line entries are listed by name only (striped: description lost${diff ? '; solid red: lost because of this change' : ''}). Grey: Claude Code's own bundled entries.${listingNote}</p>
<div id="cb-listing"></div>
<h2>Table</h2>
${table(p)}
<footer>context-budget · the same numbers as the JSON report (<code>--json</code>) · token counts are estimates</footer>
</main>
<script type="application/json" id="cb-data">${scriptJson(wirePicture(p))}</script>
<script>${TREEMAP_JS.replace(/<\/script/gi, '<\\/script')}</script>
</body></html>
`;
}

;// CONCATENATED MODULE: ./src/tokenize/file-store.ts



/**
 * Token counts persisted as one JSON file (key: tokenizer + content hash), read on first use (a run
 * whose snapshots all come from the cache never reads it). Corrupt files are ignored.
 */
class FileCountStore {
    file;
    loaded;
    dirty = false;
    constructor(file) {
        this.file = file;
    }
    get data() {
        if (this.loaded)
            return this.loaded;
        this.loaded = new Map();
        try {
            const parsed = JSON.parse(readCacheFile(this.file));
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
                for (const [k, v] of Object.entries(parsed))
                    if (typeof v === 'number')
                        this.loaded.set(k, v);
        }
        catch {
            // No cache yet, or unreadable: start empty.
        }
        return this.loaded;
    }
    get size() {
        return this.data.size;
    }
    get(key) {
        return this.data.get(key);
    }
    set(key, value) {
        this.data.set(key, value);
        this.dirty = true;
    }
    save() {
        if (!this.dirty)
            return;
        writeJsonFile(this.file, Object.fromEntries(this.data));
        this.dirty = false;
    }
}
const CACHE_FILE = 'token-counts-v1.json';
function defaultCacheDir(env, home) {
    return env.CONTEXT_BUDGET_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'context-budget');
}
/** The CLI's cache folder: --cache-dir (relative to the working directory), else the default. */
function file_store_cacheDirOf(o, proc) {
    return o.cacheDir ? path.resolve(proc.cwd, o.cacheDir) : defaultCacheDir(proc.env, os.homedir());
}
/** Node's module compile cache of the bundle, inside the cache folder. */
const COMPILE_CACHE_DIR = 'v8-compile';

;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version (a test checks it). */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/collect/overlay.ts

/**
 * A source with some files changed in memory (path → new text; null: deleted): what the optimizer
 * measures a plan on before anything is written. Every other file is read from the source below.
 */
function overlaySource(base, changes) {
    if (!changes.size)
        return base;
    const data = new Map();
    for (const [p, t] of changes)
        if (t !== null)
            data.set(p, Buffer.from(t, 'utf8'));
    return {
        kind: base.kind,
        root: base.root,
        ...(base.ref ? { ref: base.ref } : {}),
        ...(base.commit ? { commit: base.commit } : {}),
        async list() {
            const kept = (await base.list()).filter((e) => !changes.has(e.path));
            const added = [...data].map(([p, d]) => ({ path: p, type: 'file', size: d.length, sha: git_blobSha(d) }));
            return [...kept, ...added].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        },
        async read(paths) {
            const out = await base.read(paths.filter((p) => !changes.has(p)));
            for (const p of paths) {
                const d = data.get(p);
                if (d)
                    out.set(p, { sha: git_blobSha(d), data: d });
            }
            return out;
        },
    };
}

;// CONCATENATED MODULE: ./src/collect/write.ts



/**
 * Why a repository-relative path may not be written under root: outside it, or through a symbolic
 * link (a link in the tree may point anywhere: the optimizer edits the tree's own files only).
 */
function unsafeWrite(root, rel) {
    if (!rel || path.isAbsolute(rel) || rel.split('/').some((p) => p === '..' || p === '' || p === '.'))
        return 'not a plain path inside the repository';
    let at = root;
    for (const part of rel.split('/')) {
        at = path.join(at, part);
        try {
            if (lstatSync(at).isSymbolicLink())
                return `${path.relative(root, at)} is a symbolic link`;
        }
        catch {
            return null; // from here on nothing exists: created as plain folders and files
        }
    }
    return null;
}
/**
 * Writes the files (null: deletes), creating folders; when any path may not be written, nothing is
 * written and those paths are returned with why.
 */
function write_writeFiles(root, files) {
    const skipped = [];
    for (const rel of files.keys()) {
        const why = unsafeWrite(root, rel);
        if (why)
            skipped.push({ path: rel, why });
    }
    if (skipped.length)
        return { written: [], skipped };
    const written = [];
    for (const [rel, text] of files) {
        const abs = path.join(root, rel);
        if (text === null)
            rmSync(abs, { force: true });
        else {
            mkdirSync(path.dirname(abs), { recursive: true });
            writeFileSync(abs, text);
        }
        written.push(rel);
    }
    return { written, skipped };
}
/**
 * Whether the working tree has changes git would show (`git status --porcelain`), or null when dir
 * is not in a git repository.
 */
async function write_dirtyFiles(dir) {
    try {
        const out = await git(dir, ['status', '--porcelain', '--untracked-files=all', '--', '.']);
        return out
            .toString('utf8')
            .split('\n')
            .filter((l) => l.trim() !== '');
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/render/optimize-text.ts


/** A saving as the plan shows it: what always loads, and the listings' characters when they move. */
function saving(x) {
    const sign = (n) => (n > 0 ? '−' : n < 0 ? '+' : '');
    const parts = [`${sign(x.eagerTokens)}${thousands(Math.abs(x.eagerTokens))} always-loaded tokens`];
    if (x.listingChars)
        parts.push(`skill listing ${sign(x.listingChars)}${thousands(Math.abs(x.listingChars))} chars`);
    if (x.agentListingChars)
        parts.push(`agent listing ${sign(x.agentListingChars)}${thousands(Math.abs(x.agentListingChars))} chars`);
    return parts.join(', ');
}
/** Within 5% of the prediction (or within 20 tokens, for small steps). */
function optimize_text_close(a) {
    const d = Math.abs(a.achieved.eagerTokens - a.predicted.eagerTokens);
    return d <= Math.max(20, Math.abs(a.predicted.eagerTokens) * 0.05);
}
/** The plan as text: steps with their predicted savings, what was refused and why, how to apply; once applied, the diff and predicted vs achieved. */
function optimize_text_renderOptimizeText(plan, o) {
    const out = [];
    const total = totalOf(plan.steps.map((s) => s.predicted));
    const b = plan.before;
    out.push(`Optimization plan for ${o.dir}: ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}` +
        (plan.steps.length ? ` (predicted: ${saving(total)})` : ''));
    out.push(`Now: ${thousands(b.eagerTokens)} always-loaded tokens; skill listing ${thousands(b.listingChars)} chars${b.listingTruncated ? ` (${b.listingTruncated} entries without their description)` : ''}; agent listing ${thousands(b.agentListingChars)} chars.`);
    if (plan.steps.length)
        out.push('');
    plan.steps.forEach((s, i) => {
        out.push(`${String(i + 1).padStart(3)}. [${s.kind}] ${s.title}`);
        out.push(`     ${s.location.file}:${s.location.line} · ${saving(s.predicted)} · risk ${s.risk}`);
        out.push(`     ${s.detail}`);
        const files = s.edits.map((e) => `${e.before === null ? 'create' : e.after === null ? 'delete' : 'edit'} ${e.path}`);
        out.push(`     ${files.join('; ')}`);
    });
    if (plan.refused.length) {
        out.push('', `Left alone (${plan.refused.length}):`);
        for (const r of plan.refused.slice(0, 50))
            out.push(`  ${r.file}:${r.line} [${r.kind}] "${r.subject}": ${r.why}`);
        if (plan.refused.length > 50)
            out.push(`  … and ${plan.refused.length - 50} more (--json lists them all)`);
    }
    if (!plan.applied) {
        if (plan.steps.length)
            out.push('', `Apply: context-budget optimize ${o.dir} --apply${o.only?.length ? o.only.map((k) => ` --only ${k}`).join('') : ''}  (writes the working tree, never commits)`);
        return out.join('\n') + '\n';
    }
    const a = plan.applied;
    out.push('', a.diff.trimEnd(), '');
    out.push(`Written: ${a.written.length} file${a.written.length === 1 ? '' : 's'}. Measured again:`);
    for (const r of a.results)
        out.push(`  ${r.kind.padEnd(20)} predicted ${saving(r.predicted)}; achieved ${saving(r.achieved)}${r.kind === 'all' || optimize_text_close(r) ? '' : '  (more than 5% off the prediction)'}`);
    if (a.verify) {
        const v = a.verify;
        out.push(`Verified with ${v.agent}: first request ${thousands(v.firstRequest.before)} → ${thousands(v.firstRequest.after)} tokens (${v.firstRequest.exact ? 'exact' : 'estimate'})${v.ok ? '' : ': FAILED'}`);
        for (const c of v.checks)
            out.push(`  ${c.ok ? '✓' : '✗'} ${c.text}`);
    }
    // Other agents (--agent): what each one loads at start, before and after.
    for (const [id, before] of Object.entries(b.agents ?? {})) {
        const after = a.after.agents?.[id];
        if (after !== undefined)
            out.push(`  ${id.padEnd(20)} ${thousands(before)} → ${thousands(after)} always-loaded tokens`);
    }
    out.push(`Now: ${thousands(a.after.eagerTokens)} always-loaded tokens; skill listing ${thousands(a.after.listingChars)} chars${a.after.listingTruncated ? ` (${a.after.listingTruncated} entries without their description)` : ''}; agent listing ${thousands(a.after.agentListingChars)} chars.`);
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/pipeline.ts































function cachesFor(o, proc) {
    if (!o.cache)
        return { counter: new TokenCounter(loadTokenizer, TOKENIZER_NAME), save: () => undefined };
    const warn = (s) => void proc.stderr.write(`context-budget: ${s}\n`);
    return persistentCaches(cacheDirOf(o, proc), warn);
}
/** Digests kept between runs (the most recently used): enough for the largest frameworks measured (50,000 files, both sides). */
const DIGEST_CACHE_MAX = 100_000;
const DIGEST_FILE = 'digests-v1.json';
/**
 * The caches in a cache folder. Token counts are keyed by content and tokenizer alone; digests and
 * snapshots also depend on the code, so they are kept only by a built bundle (keyed by its build id).
 */
function persistentCaches(dir, warn, buildId = readBuildId(), remote) {
    const store = new FileCountStore(external_node_path_default().join(dir, CACHE_FILE));
    const digests = buildId ? new JsonFileCache(external_node_path_default().join(dir, DIGEST_FILE), buildId, DIGEST_CACHE_MAX, isDigest) : undefined;
    return {
        counter: new counter_TokenCounter(tokenizer_loadTokenizer, tokenizer_TOKENIZER_NAME, store, remote),
        snapshots: buildId ? new SnapshotStore(external_node_path_default().join(dir, SNAPSHOT_DIR), buildId, { warn }) : undefined,
        digests,
        save: () => {
            for (const [what, s] of [
                ['token cache', store],
                ['digest cache', digests],
            ]) {
                try {
                    s?.save();
                }
                catch (e) {
                    warn(`could not write the ${what} ${s?.file}: ${e.message}`);
                }
            }
        },
    };
}
/**
 * JSON for stdout, which may be a workflow's log: the same data, with `##[` written as `#\u0023[`
 * so that no line of it reads as a workflow command (`::` can't start a line of indented JSON).
 */
function jsonOut(v) {
    return JSON.stringify(v, null, 2).replace(/##\[/g, '#\\u0023[') + '\n';
}
/** The config with the CLI's flags applied: --model, --window, --chars-per-token, --plugins, --user-scope. */
function configFor(dir, o) {
    const config = loadConfig(dir, o.config, {
        ...(o.model ? { id: o.model } : {}),
        ...(o.window ? { contextWindow: o.window } : {}),
        ...(o.charsPerToken ? { charsPerToken: o.charsPerToken } : {}),
    });
    const withCli = { ...config, ...(o.plugins ? { installedPlugins: o.plugins } : {}), ...(o.userScope ? { userScope: o.userScope } : {}) };
    return o.agents?.length ? withAgentIds(withCli, parseAgents(o.agents.includes('all') ? 'all' : o.agents, '--agent', '--agent')) : withCli;
}
/** What the analyze stage takes from a config. */
function analyzeOptions(config, rounds) {
    // Timed rounds only when a budget asks for load time (opt-in): the default verdict never depends on timing.
    const timed = config.assertions.some((a) => a.metric === 'loadTimeRatio' && a.level !== 'off');
    return {
        model: config.model,
        limits: config.limits,
        installedPlugins: config.installedPlugins,
        listingScope: config.listingScope,
        userScope: config.userScope,
        ...(config.ignore.length ? { ignore: config.ignore } : {}),
        ...(config.agents.length ? { agents: config.agents } : {}),
        toolVersion: VERSION,
        loadTimeRounds: timed ? rounds : 0,
    };
}
async function analyzeCommand(positionals, o, proc) {
    const dir = path.resolve(proc.cwd, positionals[0] ?? '.');
    const source = await openSource(dir, o.ref);
    const { counter, snapshots, digests, save } = cachesFor(o, proc);
    const found = configFor(dir, o);
    const measure = measureOptions(o, found, counter, proc);
    const config = withMeasuredAgents(found, measure);
    const opts = analyzeOptions(config, o.rounds);
    const side = withCached([{ kind: 'source', source, label: '' }], opts, counter, snapshots);
    if (proc.offload && (await large(side)))
        return proc.offload();
    let snapshot = await snapshotOf(side[0], opts, counter, { snapshots, digests });
    if (measure)
        snapshot = await withMeasurement(snapshot, source, measure);
    save();
    if (o.html)
        writeHtml(proc, o.html, renderHtml(pictureOf(snapshot)));
    proc.stdout.write(o.json
        ? // The snapshot (readable again by diff) with the optimizer's ranked recommendations beside it.
            jsonOut({ ...snapshot, recommendations: recommend(snapshot, config.minSaving) })
        : logSafe(renderAnalyzeText(snapshot, { files: o.files, recommendations: recommend(snapshot, config.minSaving) })));
    return 0;
}
/** Writes the HTML report (--html FILE), naming the file on stderr; a file that can't be written is the run's error. */
function writeHtml(proc, file, html) {
    const target = path.resolve(proc.cwd, file);
    try {
        writeFileSync(target, html);
    }
    catch (e) {
        throw new UserError(`--html ${file}: can't write the report: ${errorMessage(e)}`);
    }
    proc.stderr.write(`context-budget: HTML report written to ${target} (${html.length.toLocaleString('en-US')} bytes)\n`);
}
/** A side's snapshot: given, cached (this build analyzed that commit before), or analyzed now (and then cached). */
async function snapshotOf(side, opts, counter, { snapshots, digests } = {}) {
    const [s] = withCached([side], opts, counter, snapshots);
    if (s.kind === 'snapshot')
        return s.snapshot;
    if (s.cached)
        return s.cached;
    const made = await analyze_analyze(s.source, opts, counter, undefined, digests);
    keep(snapshots, counter, opts, [s.source, made]);
    return made;
}
/** Stores freshly made snapshots in the cache (when there is one and the counts are the local tokenizer's). */
function keep(snapshots, counter, opts, ...made) {
    if (!snapshots)
        return;
    for (const [source, snapshot] of made)
        snapshots.set(source, cacheSettings(opts, counter), snapshot);
}
/** A side of a diff: a snapshot JSON file, a directory (working tree), or a git revision of the repository at dir. */
async function openSide(spec, dir) {
    if (spec === undefined)
        return { kind: 'source', source: await openSource(dir), label: 'working tree' };
    const asPath = path.resolve(dir, spec);
    if (spec.endsWith('.json') && existsSync(asPath) && statSync(asPath).isFile())
        return { kind: 'snapshot', snapshot: readSnapshotFile(asPath), label: spec };
    if (existsSync(asPath) && statSync(asPath).isDirectory() && !/^[0-9a-f]{7,40}$/.test(spec))
        return { kind: 'source', source: await openSource(asPath), label: spec };
    return { kind: 'source', source: await openSource(dir, spec), label: spec };
}
/** A snapshot with what Claude Code sent for it, or with why it could not be measured (never a lost report). */
async function withMeasurement(snapshot, source, measure) {
    [snapshot] = (await withAgentMeasurements([{ name: 'side', source, snapshot }], measure));
    if (!measure.spec)
        return snapshot;
    try {
        return { ...snapshot, claudeCode: await measure_measureOne(source, snapshot, measure) };
    }
    catch (e) {
        measure.log?.(`could not measure with Claude Code: ${errors_errorMessage(e)}`);
        return { ...snapshot, measureError: errors_errorMessage(e) };
    }
}
/** The agents --measure names, added to those analyzed (their binaries are held to the analysis). */
function withMeasuredAgents(config, measure) {
    const more = (measure?.agents ?? []).map((a) => a.id).filter((id) => !config.agents.includes(id));
    return more.length ? { ...config, agents: [...config.agents, ...more] } : config;
}
/**
 * Each other agent --measure names, run on the sides (collect/sandbox.ts): the sides' `agents[].measured`,
 * or the reason it could not be measured there (never a lost report).
 */
async function withAgentMeasurements(sides, measure) {
    let out = sides.map((s) => s.snapshot);
    for (const spec of measure.agents ?? []) {
        try {
            out = await measureAgent(sides.map((s, i) => ({ ...s, snapshot: out[i] })), spec, { ...(measure.agentCacheDir ? { cacheDir: measure.agentCacheDir } : {}), ...(measure.log ? { log: measure.log } : {}) });
        }
        catch (e) {
            measure.log?.(`could not measure with ${agents_AGENT_PROFILES[spec.id].name}: ${errors_errorMessage(e)}`);
            out = out.map((s) => ({
                ...s,
                agents: (s.agents ?? []).map((a) => (a.agent.id === spec.id ? { ...a, measured: { version: spec.version, error: errors_errorMessage(e), drift: [] } } : a)),
            }));
        }
    }
    return out;
}
/** --measure: how to run Claude Code (and other agents) on the sides, or undefined when not asked for. */
function measureOptions(o, config, counter, proc) {
    if (!o.measure)
        return undefined;
    // `claude-code[@V]` and other agents' ids[@V], separated by commas.
    const items = o.measure
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    const claude = items.filter((x) => x.startsWith('claude-code'));
    let agents;
    try {
        if (claude.length > 1)
            throw new Error(`--measure names Claude Code twice ("${claude.join('", "')}")`);
        if (claude[0])
            parseMeasureSpec(claude[0]);
        agents = items.filter((x) => !x.startsWith('claude-code')).map(parseAgentSpec);
    }
    catch (e) {
        throw new errors_UserError(e.message);
    }
    const log = (s) => void proc.stderr.write(`context-budget: ${s}\n`);
    return {
        spec: claude[0] ?? '',
        ...(agents.length ? { agents } : {}),
        ...(agents.length && o.cacheDir ? { agentCacheDir: external_node_path_default().join(external_node_path_default().resolve(o.cacheDir), 'agents') } : {}),
        model: config.model,
        rounds: o.measureRounds ?? 3,
        countRequest: requestTokenCounter(counter, proc.env.ANTHROPIC_API_KEY, proc.env.ANTHROPIC_BASE_URL, log),
        log,
        // The binary is kept in the cache folder too, so that actions/cache keeps it with the rest.
        ...(o.cacheDir ? { cacheDir: external_node_path_default().join(external_node_path_default().resolve(o.cacheDir), 'claude-code') } : {}),
    };
}
/**
 * Sides whose commit this build already analyzed with the same options and tokenizer take their
 * snapshot from the cache (only counts of the local tokenizer are reused: never a remote counter's).
 */
function withCached(sides, opts, counter, snapshots) {
    const settings = cacheSettings(opts, counter);
    if (!snapshots || !settings)
        return sides;
    return sides.map((s) => (s.kind !== 'source' || s.cached ? s : { ...s, cached: snapshots.get(s.source, settings) }));
}
/**
 * Everything a snapshot depends on besides its commit and the build (the rest of its cache key), or
 * null when it must be analyzed afresh: timed load-time rounds, or counts from a remote counter.
 */
function cacheSettings(opts, counter) {
    if ((opts.loadTimeRounds ?? 0) > 0 || !counter.localOnly)
        return null;
    const { model, limits, installedPlugins, listingScope, userScope, ignore, toolVersion, agents } = opts;
    return {
        tokenizer: counter.name,
        toolVersion,
        model,
        limits: limits ?? null,
        installedPlugins: installedPlugins ?? null,
        listingScope: listingScope ?? null,
        userScope: userScope ?? null,
        ignore: ignore ?? null,
        ...(agents?.length ? { agents } : {}),
    };
}
/** Analyzes both sides (interleaving load-time rounds when both are sources) and compares them. */
async function runDiff(baseSide, headSide, config, counter, extras = {}) {
    return (await diffSides(baseSide, headSide, config, counter, extras)).report;
}
/** runDiff, keeping the snapshots. */
async function diffSides(baseSide, headSide, config, counter, extras = {}) {
    const { measure, snapshots, digests } = extras;
    const opts = analyzeOptions(config, extras.rounds);
    [baseSide, headSide] = withCached([baseSide, headSide], opts, counter, snapshots);
    const known = (s) => (s.kind === 'snapshot' ? s.snapshot : s.cached);
    let base = known(baseSide);
    let head = known(headSide);
    let loadTime = null;
    if (!base && !head && baseSide.kind === 'source' && headSide.kind === 'source') {
        ({ base, head, loadTime } = await analyzePair(baseSide.source, headSide.source, opts, counter, undefined, digests));
        keep(snapshots, counter, opts, [baseSide.source, base], [headSide.source, head]);
    }
    else {
        base ??= await snapshotOf(baseSide, opts, counter, extras);
        head ??= await snapshotOf(headSide, opts, counter, extras);
    }
    if (measure?.agents?.length) {
        if (baseSide.kind !== 'source' || headSide.kind !== 'source')
            throw new errors_UserError('--measure needs both sides as git revisions or directories (the agents run on the files), not snapshot files');
        [base, head] = (await withAgentMeasurements([
            { name: 'base', source: baseSide.source, snapshot: base },
            { name: 'head', source: headSide.source, snapshot: head },
        ], measure));
    }
    if (measure?.spec) {
        if (baseSide.kind !== 'source' || headSide.kind !== 'source')
            throw new errors_UserError('--measure needs both sides as git revisions or directories (Claude Code runs on the files), not snapshot files');
        let m;
        try {
            m = await measurePair({ source: baseSide.source, snapshot: base }, { source: headSide.source, snapshot: head }, measure);
        }
        catch (e) {
            // Claude Code that can't be run, or sends no request, is reported; the gate decides without it.
            measure.log?.(`could not measure with Claude Code: ${errors_errorMessage(e)}`);
            const report = compare({ base, head, baseLabel: baseSide.label, headLabel: headSide.label, loadTime }, config);
            return { report: { ...report, measureError: errors_errorMessage(e) }, base, head };
        }
        const measured = { base: { ...base, claudeCode: m.base }, head: { ...head, claudeCode: m.head } };
        const report = compare({ ...measured, baseLabel: baseSide.label, headLabel: headSide.label, loadTime: m.loadTime }, config);
        return { report: { ...report, claudeCode: { base: m.base, head: m.head } }, ...measured };
    }
    return { report: compare({ base, head, baseLabel: baseSide.label, headLabel: headSide.label, loadTime }, config), base, head };
}
/** Listed bytes of the sources read, past which the CLI runs in a worker with a capped young generation (worker.ts). */
const OFFLOAD_BYTES = (/* unused pure expression or super */ null && (32 * 1024 * 1024));
/** Whether the sources still to analyze are large enough to be worth a worker's start-up (about 50 ms of CPU). */
async function large(sides) {
    let bytes = 0;
    for (const s of sides)
        if (s.kind === 'source' && !s.cached)
            for (const e of await s.source.list())
                bytes += e.type === 'file' ? e.size : 0;
    return bytes > OFFLOAD_BYTES;
}
async function diffCommand(positionals, o, proc) {
    if (positionals.length < 1 || positionals.length > 2)
        throw new UserError('diff expects <base> [<head>]: git revisions, directories or snapshot JSON files');
    const dir = path.resolve(proc.cwd, o.dir ?? '.');
    const { counter, snapshots, digests, save } = cachesFor(o, proc);
    const found = configFor(dir, o);
    const measure = measureOptions(o, found, counter, proc);
    const config = withMeasuredAgents(found, measure);
    const [baseSide, headSide] = withCached([await openSide(positionals[0], dir), await openSide(positionals[1], dir)], analyzeOptions(config, o.rounds), counter, snapshots);
    if (proc.offload && (await large([baseSide, headSide])))
        return proc.offload();
    const { report, base, head } = await diffSides(baseSide, headSide, config, counter, {
        rounds: o.rounds,
        measure,
        snapshots,
        digests,
    });
    save();
    if (o.html)
        writeHtml(proc, o.html, renderHtml(pictureOfDiff(base, head, report)));
    // --markdown: the pull request comment as the Action posts it (the job summary has the full report).
    proc.stdout.write(o.json ? jsonOut(report) : logSafe(o.markdown ? renderComment(report) : renderDiffText(report)));
    return report.verdict === 'fail' ? 1 : 0;
}
/**
 * `optimize [dir]`: the plan of edits (the optimizer's transforms on the working tree), and with
 * --apply the edits written, their diff, and the tree measured again (predicted vs achieved).
 */
async function optimizeCommand(positionals, o, proc) {
    if (positionals.length > 1)
        throw new UserError('optimize expects at most one directory');
    const dir = path.resolve(proc.cwd, positionals[0] ?? '.');
    const kinds = parseKinds(o.only);
    const config = configFor(dir, o);
    const source = await openSource(dir);
    if (o.apply && !o.force) {
        const dirty = await dirtyFiles(dir);
        if (dirty === null)
            throw new UserError(`${dir} is not in a git repository: nothing could undo the edits. Commit it to git first, or pass --force`);
        if (dirty.length)
            throw new UserError(`the working tree has changes (${dirty
                .slice(0, 3)
                .map((l) => l.slice(3))
                .join(', ')}${dirty.length > 3 ? ', …' : ''}): commit or stash them first, or pass --force`);
    }
    const { counter, digests, save } = cachesFor(o, proc);
    const opts = analyzeOptions(config);
    const deps = await optimizerDeps(source, opts, counter, digests);
    const { plan, snapshot } = await planOptimizations(kinds, deps);
    if (o.verify && !o.apply)
        throw new UserError('--verify runs Claude Code before and after the edits: it needs --apply');
    if (o.verify && !/^claude-code(@[\w.-]+)?$/.test(o.verify.trim()))
        throw new UserError(`--verify expects claude-code or claude-code@VERSION, got "${o.verify}"`);
    const verify = o.verify && plan.steps.length ? measureOptions({ measure: o.verify, measureRounds: 1, cacheDir: o.cacheDir }, config, counter, proc) : undefined;
    // Claude Code on the tree as it is, before anything is written.
    const measuredBefore = verify ? await measureOne(source, snapshot, verify) : undefined;
    if (o.apply && plan.steps.length) {
        const edits = netEdits(plan.steps);
        const { written, skipped } = writeFiles(dir, new Map(edits.map((e) => [e.path, e.after])));
        if (skipped.length)
            throw new UserError(`not written (nothing was): ${skipped.map((x) => `${x.path}: ${x.why}`).join('; ')}`);
        const afterSource = await openSource(dir);
        const after = await analyze(afterSource, opts, counter, undefined, digests);
        const diff = edits
            .map((e) => createTwoFilesPatch(e.before === null ? '/dev/null' : `a/${e.path}`, e.after === null ? '/dev/null' : `b/${e.path}`, e.before ?? '', e.after ?? ''))
            .join('');
        plan.applied = { after: figuresOf(after), results: await achievedByKind(plan, after, deps), diff, written };
        if (verify && measuredBefore)
            plan.applied.verify = verifyPlan(plan, measuredBefore, await measureOne(afterSource, after, verify));
    }
    save();
    proc.stdout.write(o.json ? jsonOut(plan) : logSafe(renderOptimizeText(plan, { dir: positionals[0] ?? '.', apply: !!o.apply, only: o.only })));
    // A verification that fails is the run's failure (the edits stay written: the diff shows them).
    return plan.applied?.verify && !plan.applied.verify.ok ? 1 : 0;
}
/**
 * What the optimizer reads and measures a source with (the CLI's working tree, the Action's commit):
 * analyses of the tree with edits in memory (the tree as it is: `known`, when already analyzed),
 * its texts, its links and files, and token counts.
 */
async function optimizerDeps(source, opts, counter, digests, known) {
    const listing = await source.list();
    return {
        measure: async (changes) => (!changes.size && known ? known : analyze_analyze(overlaySource(source, changes), opts, counter, undefined, digests)),
        read: async (paths) => new Map([...(await source.read(paths))].map(([p, b]) => [p, b.data.toString('utf8')])),
        links: new Set(listing.filter((e) => e.type === 'symlink').map((e) => e.path)),
        paths: async () => listing.filter((e) => e.type === 'file').map((e) => e.path),
        count: async (texts) => {
            const keyed = texts.map((t) => ({ key: counter_TokenCounter.key(t), text: t }));
            const counts = await counter.countAll(keyed);
            return keyed.map((k) => counts.get(k.key) ?? 0);
        },
    };
}
/** --only KIND (repeatable, or comma-separated): the transforms to run; every kind by default. */
function parseKinds(only) {
    if (!only?.length)
        return new Set(OPTIMIZE_KINDS);
    const bad = only.filter((k) => !OPTIMIZE_KINDS.includes(k));
    if (bad.length)
        throw new UserError(`--only: unknown kind "${bad[0]}"; kinds: ${OPTIMIZE_KINDS.join(', ')}`);
    return new Set(only);
}

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 1 modules
var dist_src = __webpack_require__(11303);
;// CONCATENATED MODULE: ./src/publish/client.ts



const Client = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
/** Connection-level failures: the API is not there, whatever is retried. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);
const REQUEST_TIMEOUT_MS = 30_000;
/** Longest wait for a rate limit: a reset an hour ahead is not waited for (the report is in the summary and the log). */
const MAX_RETRY_WAIT_S = 60;
/** Octokit with retries (5xx) and throttling (primary and secondary rate limits, retry-after honoured). */
function createClient(o) {
    const base = o.retryBaseMs ?? 1000;
    return new Client({
        auth: o.token,
        baseUrl: o.baseUrl,
        userAgent: 'context-budget',
        request: {
            // Octokit's fetch has no timeout of its own: each request gets one.
            fetch: (url, init = {}) => fetch(url, {
                ...init,
                signal: AbortSignal.any([init.signal ?? AbortSignal.timeout(o.timeoutMs ?? REQUEST_TIMEOUT_MS), ...(o.deadline ? [o.deadline] : [])]),
            }).catch((e) => {
                const cause = e?.cause;
                const code = typeof cause?.code === 'string' ? cause.code : '';
                if (UNREACHABLE.has(code))
                    o.onUnreachable?.(`${code} from ${new URL(String(url)).host}`);
                throw e;
            }),
        },
        log: { debug: () => undefined, info: () => undefined, warn: (m) => o.log.debug(m), error: (m) => o.log.debug(m) },
        retry: { retryAfterBaseValue: base, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
        throttle: {
            retryAfterBaseValue: base,
            onRateLimit: (after, options, _o, count) => retryDecision(o.log, 'rate limit', after, options, count, o.deadline),
            onSecondaryRateLimit: (after, options, _o, count) => retryDecision(o.log, 'secondary rate limit', after, options, count, o.deadline),
        },
    });
}
/** Retry a rate-limited request at most twice, and only when the wait is short and the deadline not passed. */
function retryDecision(log, what, after, options, count, deadline) {
    if (deadline?.aborted)
        return false;
    if (after > MAX_RETRY_WAIT_S) {
        log.info(`GitHub ${what} on ${options.method} ${options.url}: resets in ${after}s, more than ${MAX_RETRY_WAIT_S}s: not waiting`);
        return false;
    }
    log.info(`GitHub ${what} on ${options.method} ${options.url}: retrying after ${after}s (attempt ${count + 1})`);
    return count < 2;
}
/** HTTP status of an Octokit error, or 0. */
function statusOf(e) {
    return typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number' ? e.status : 0;
}
/** A one-line explanation of a failed GitHub call, naming the permission when that is the cause. */
function explain(e, what, permission) {
    const s = statusOf(e);
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    if (s === 401)
        return `${what} failed: the token is invalid or expired (401).`;
    if (s === 403)
        return `${what} failed: the token lacks "${permission}" (403; read-only on fork pull requests). Grant it in the workflow's permissions: block, or use the workflow_run recipe in the README.`;
    if (s === 404)
        return `${what} failed: not found (404): the pull request or repository is gone, or the token can't see it.`;
    if (s === 422)
        return `${what} failed: GitHub rejected the request (422): ${msg}`;
    return `${what} failed${s ? ` (${s})` : ''}: ${msg}`;
}

;// CONCATENATED MODULE: ./src/render/annotations.ts
/** GitHub caps one annotation message at 64 KB; we keep them short. */
const MAX_MESSAGE = 1_000;
const clip = (s, n = MAX_MESSAGE) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
/**
 * Annotations published at most: two requests' worth. A pull request that adds 8,000 skills must not
 * turn publishing into hundreds of requests (the comment would wait behind them); the rest are
 * counted in the check run's summary and are all in the report.
 */
const MAX_ANNOTATIONS = 100;
const RANK = { failure: 0, warning: 1, notice: 2 };
/** The annotations to publish: failures, then warnings, then notices (each in report order), capped; and how many were left out. */
function cappedAnnotations(r, max = MAX_ANNOTATIONS) {
    const all = renderAnnotations(r)
        .map((a, i) => ({ a, i }))
        .sort((x, y) => RANK[x.a.annotation_level] - RANK[y.a.annotation_level] || x.i - y.i)
        .map((x) => x.a);
    return { annotations: all.slice(0, max), omitted: Math.max(0, all.length - max) };
}
/** Check-run annotations: failed and warned budgets, new diagnostics, and recommendations this change introduced. */
function renderAnnotations(r) {
    const out = [];
    for (const x of r.results) {
        if (x.status === 'pass' || !x.location)
            continue;
        const line = Math.max(1, x.location.line ?? 1);
        out.push({
            path: x.location.file,
            start_line: line,
            end_line: line,
            annotation_level: x.status === 'fail' ? 'failure' : 'warning',
            title: clip(`context-budget: ${x.id}`, 255),
            message: clip(x.message),
        });
    }
    for (const d of r.diff.diagnostics.added) {
        if (d.severity === 'info')
            continue;
        const line = Math.max(1, d.line);
        out.push({
            path: d.file,
            start_line: line,
            end_line: line,
            annotation_level: d.severity === 'error' ? 'failure' : 'warning',
            title: clip(`context-budget: ${d.code}`, 255),
            message: clip(d.message),
        });
    }
    for (const rec of r.recommendations) {
        if (!rec.introduced)
            continue;
        const line = Math.max(1, rec.location.line ?? 1);
        out.push({
            path: rec.location.file,
            start_line: line,
            end_line: line,
            annotation_level: 'notice',
            title: clip(rec.title, 255),
            message: clip(rec.rationale),
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/render/chart.ts

/** Slices shown; the rest are summed as "other". */
const CHART_SLICES = 8;
/** A Mermaid pie of always-loaded tokens per category; "" when nothing is always loaded. */
function mermaidPie(title, slices) {
    const sorted = slices.filter((s) => s.tokens > 0).sort((a, b) => b.tokens - a.tokens || (a.category < b.category ? -1 : 1));
    if (!sorted.length)
        return '';
    const shown = sorted.slice(0, CHART_SLICES);
    const rest = sorted.slice(CHART_SLICES).reduce((s, x) => s + x.tokens, 0);
    const lines = shown.map((s) => `    "${CATEGORY_LABEL[s.category] ?? s.category}" : ${s.tokens}`);
    if (rest)
        lines.push(`    "the rest" : ${rest}`);
    return ['```mermaid', `pie showData title ${title.replace(/[\n"`]/g, ' ')}`, ...lines, '```'].join('\n');
}
/** The job summary's chart of a diff: the head's always-loaded tokens per category. */
function diffChart(r) {
    const eager = r.diff.categories.filter((c) => c.loading === 'eager').map((c) => ({ category: c.category, tokens: c.head }));
    const pie = mermaidPie('Always-loaded tokens of the head, by category', eager);
    return pie ? `#### Where the always-loaded context goes\n\n${pie}` : '';
}

;// CONCATENATED MODULE: ./src/publish/check.ts
/** GitHub accepts at most 50 annotations per request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** Check run output.summary and output.text are limited to 65,535 characters. */
const CHECK_TEXT_LIMIT = 65_535;
function conclusion(v, untrusted = false) {
    return v === 'fail' ? 'failure' : v === 'warn' || untrusted ? 'neutral' : 'success';
}
const check_clip = (s) => s.length > CHECK_TEXT_LIMIT ? s.slice(0, CHECK_TEXT_LIMIT - 80).replace(/\n[^\n]*$/, '') + '\n\n_Truncated: the full report is in the job summary._' : s;
/** A field of GitHub's answer, checked: a malformed answer is an error, never "check run undefined". */
function answered(data, key, type, what) {
    const v = typeof data === 'object' && data !== null ? data[key] : undefined;
    if (typeof v !== type)
        throw new Error(`GitHub's answer to ${what} has no ${key} (malformed response)`);
    return v;
}
/**
 * Creates a completed check run; annotations go in batches of 50 (first with the create, the rest by
 * update). A failing update after the create is returned as `annotationError` with what was sent:
 * the check run exists, and the log must not say otherwise.
 */
async function publishCheck(gh, c, 
/** Called once the check run exists, before its other annotations are sent (a deadline may end the rest). */
onCreated = () => undefined) {
    const batches = [];
    for (let i = 0; i < c.annotations.length; i += ANNOTATIONS_PER_REQUEST)
        batches.push(c.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const output = (annotations) => ({ title: c.title.slice(0, 255), summary: check_clip(c.summary), ...(annotations.length ? { annotations } : {}) });
    const created = await gh.rest.checks.create({
        owner: c.owner,
        repo: c.repo,
        name: c.name,
        head_sha: c.headSha,
        status: 'completed',
        conclusion: conclusion(c.verdict, c.untrusted),
        completed_at: new Date().toISOString(),
        output: output(batches[0] ?? []),
        ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
    });
    const id = answered(created.data, 'id', 'number', 'creating the check run');
    onCreated(id);
    let sent = batches[0]?.length ?? 0;
    for (const batch of batches.slice(1)) {
        try {
            await gh.rest.checks.update({ owner: c.owner, repo: c.repo, check_run_id: id, output: output(batch) });
        }
        catch (e) {
            return { id, url: created.data.html_url ?? '', annotations: sent, annotationError: e };
        }
        sent += batch.length;
    }
    return { id, url: created.data.html_url ?? '', annotations: sent };
}

;// CONCATENATED MODULE: ./src/publish/comment.ts


/** Our comments on the issue: our marker on the first line AND one of our authors; every page is read. */
async function findOurComments(gh, t) {
    const all = (await gh.paginate(gh.rest.issues.listComments, { owner: t.owner, repo: t.repo, issue_number: t.issueNumber, per_page: 100 }));
    return all.filter((c) => (c.body ?? '').startsWith(t.marker) && c.user !== null && t.authors.includes(c.user.login)).sort((a, b) => a.id - b.id);
}
/**
 * One sticky comment: update ours in place, or create it. After creating, look again: if a
 * concurrent run also created one, keep the oldest and delete the rest, so one comment remains.
 */
async function upsertComment(gh, t, body, onlyIfExists = false) {
    if (!body.startsWith(t.marker) || !t.marker.startsWith(MARKER_PREFIX))
        throw new Error('comment body must start with its marker');
    const ours = await findOurComments(gh, t);
    const existing = ours[0];
    if (existing) {
        for (const extra of ours.slice(1))
            await gh.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: extra.id }).catch(() => undefined);
        if (existing.body === body)
            return { action: 'unchanged', id: existing.id, url: existing.html_url };
        const r = await gh.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: existing.id, body });
        return {
            action: 'updated',
            id: answered(r.data, 'id', 'number', 'updating the comment'),
            url: answered(r.data, 'html_url', 'string', 'updating the comment'),
        };
    }
    if (onlyIfExists)
        return { action: 'skipped' };
    const created = await gh.rest.issues.createComment({ owner: t.owner, repo: t.repo, issue_number: t.issueNumber, body });
    const after = await findOurComments(gh, t);
    if (after.length > 1) {
        const keep = after[0];
        for (const extra of after.slice(1))
            await gh.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: extra.id }).catch(() => undefined);
        if (keep.id !== created.data.id) {
            const r = await gh.rest.issues.updateComment({ owner: t.owner, repo: t.repo, comment_id: keep.id, body });
            return {
                action: 'updated',
                id: answered(r.data, 'id', 'number', 'updating the comment'),
                url: answered(r.data, 'html_url', 'string', 'updating the comment'),
            };
        }
    }
    return {
        action: 'created',
        id: answered(created.data, 'id', 'number', 'creating the comment'),
        url: answered(created.data, 'html_url', 'string', 'creating the comment'),
    };
}

;// CONCATENATED MODULE: ./src/render/suggestion.ts



/** A fence longer than any the replacement holds, so that its own code blocks stay inside. */
function fenceFor(lines) {
    const longest = Math.max(2, ...lines.map((l) => /^\s*(`{3,})/.exec(l)?.[1].length ?? 0));
    return '`'.repeat(longest + 1);
}
/**
 * The review comment of a suggested edit: its hidden marker, what and why (quoting the pull
 * request's text: escaped, mentions broken), and the `suggestion` block GitHub offers to commit.
 */
function renderSuggestion(s) {
    const fence = fenceFor(s.replacement);
    const saving = [
        `about ${format_fmt(s.eagerTokens)} always-loaded tokens`,
        ...(s.listingChars ? [`skill listing ${format_fmt(s.listingChars)} characters`] : []),
        ...(s.agentListingChars ? [`agent listing ${format_fmt(s.agentListingChars)} characters`] : []),
    ].join(', ');
    return [
        suggestionMarker(s.stepId),
        `**context-budget** · ${md(s.title, 300)} (${saving})`,
        '',
        md(s.detail, 1000),
        '',
        `${fence}suggestion`,
        ...s.replacement,
        fence,
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/publish/review.ts


/**
 * Posts the suggestions as one review (event COMMENT) on the pull request's head commit, leaving
 * out those one of our earlier runs already posted (their marker is in one of our review comments).
 * Gives how many were posted.
 */
async function postSuggestions(gh, t, suggestions) {
    if (!suggestions.length)
        return { posted: 0, already: 0 };
    const existing = (await gh.paginate(gh.rest.pulls.listReviewComments, { owner: t.owner, repo: t.repo, pull_number: t.pullNumber, per_page: 100 }));
    const ours = new Set(existing
        .filter((c) => c.user && t.authors.includes(c.user.login))
        .map((c) => (c.body ?? '').split('\n')[0])
        .filter((first) => first.startsWith(SUGGESTION_MARKER)));
    const fresh = suggestions.filter((s) => !ours.has(suggestionMarker(s.stepId)));
    if (!fresh.length)
        return { posted: 0, already: suggestions.length };
    await gh.rest.pulls.createReview({
        owner: t.owner,
        repo: t.repo,
        pull_number: t.pullNumber,
        commit_id: t.commitId,
        event: 'COMMENT',
        body: `context-budget: ${fresh.length} suggested edit${fresh.length === 1 ? '' : 's'} that take text this pull request adds out of what every session loads. Each can be committed from here; the sticky comment has the figures.`,
        comments: fresh.map((s) => ({
            path: s.path,
            line: s.line,
            side: 'RIGHT',
            ...(s.startLine < s.line ? { start_line: s.startLine, start_side: 'RIGHT' } : {}),
            body: renderSuggestion(s),
        })),
    });
    return { posted: fresh.length, already: suggestions.length - fresh.length };
}

;// CONCATENATED MODULE: ./src/publish/index.ts
/**
 * Publishing a gate report: job summary, outputs and log always; the check run and the sticky
 * comment when the token allows; the job's failure from the verdict. It never decides the gate and
 * never loses the report. Everything it touches is injected (GitHub client, logger, summary,
 * outputs, deadline), so it is tested in-process with a recording client.
 */










/** One GitHub step, given up when the deadline passes (whatever it waits for: a request, a retry). */
async function beforeDeadline(signal, step) {
    if (signal.aborted)
        throw signal.reason;
    return await new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        step().then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
        });
    });
}
/** Logins whose comments and issues are ours: the configured one, or github-actions[bot] and the token's user. */
async function ourAuthors(gh, commentAuthor) {
    if (commentAuthor)
        return [commentAuthor];
    const authors = ['github-actions[bot]'];
    try {
        const me = await gh.rest.users.getAuthenticated();
        authors.push(me.data.login);
    }
    catch {
        // GITHUB_TOKEN can't read /user: it comments as github-actions[bot].
    }
    return authors;
}
/** Publishing never decides the gate and never loses the report: summary and log always get it. */
async function publishReport(report, t, deps) {
    const { gh, log } = deps;
    const runUrl = t.serverUrl && t.runId ? `${t.serverUrl}/${t.owner}/${t.repo}/actions/runs/${t.runId}` : undefined;
    // Files and lines link to the commit measured as the head; the footer links the run.
    const blobUrl = t.serverUrl && report.head.commit ? `${t.serverUrl}/${t.owner}/${t.repo}/blob/${report.head.commit}` : undefined;
    const links = { ...(blobUrl ? { blobUrl } : {}), ...(runUrl ? { runUrl } : {}), ...(t.reportUrl ? { reportUrl: t.reportUrl } : {}) };
    log.info(diff_text_renderDiffText(report));
    try {
        // The summary also gets a chart GitHub draws itself (the HTML report is the zoomable one).
        const chart = diffChart(report);
        const body = comment_renderComment(report, { limit: SUMMARY_LIMIT - utf8Bytes(chart) - 2, timings: true, ...links });
        await deps.summary(chart ? `${body}\n\n${chart}` : body);
    }
    catch (e) {
        log.warning(`Could not write the job summary: ${errors_errorMessage(e)}`);
    }
    deps.setOutput('verdict', report.verdict);
    deps.setOutput('eager-tokens', String(report.diff.totals.eagerTokens.head));
    deps.setOutput('eager-tokens-delta', String(report.diff.totals.eagerTokens.delta));
    const missing = [];
    let checkPublished = false;
    // The comment first: it is what a reviewer reads; the check run's annotations can wait behind it.
    if (gh && t.prNumber && t.comment !== 'never') {
        const prNumber = t.prNumber;
        try {
            const onlyIfExists = t.comment === 'changed' && isEmptyDiff(report.diff) && report.verdict === 'pass';
            const body = comment_renderComment(report, { key: t.commentKey, detailsUrl: runUrl, ...links });
            const r = await beforeDeadline(deps.deadline, async () => upsertComment(gh, { owner: t.owner, repo: t.repo, issueNumber: prNumber, marker: marker(t.commentKey), authors: await ourAuthors(gh, t.commentAuthor) }, body, onlyIfExists));
            if (r.url)
                deps.setOutput('comment-url', r.url);
            log.info(r.action === 'skipped' ? 'Nothing changed: no comment (comment: changed).' : `Comment ${r.action}: ${r.url ?? ''}`);
        }
        catch (e) {
            missing.push(explain(e, 'Posting the pull request comment', 'pull-requests: write'));
        }
    }
    // Suggestions only from a report this run measured (an untrusted report's text is never posted as an edit).
    const suggested = report.edits?.suggestions ?? [];
    if (gh && t.prNumber && t.suggestions && suggested.length && !report.untrusted) {
        const pullNumber = t.prNumber;
        try {
            const r = await beforeDeadline(deps.deadline, async () => postSuggestions(gh, { owner: t.owner, repo: t.repo, pullNumber, commitId: t.headSha, authors: await ourAuthors(gh, t.commentAuthor) }, suggested));
            log.info(`Suggested edits: ${r.posted} posted${r.already ? `, ${r.already} already posted by an earlier run` : ''}.`);
        }
        catch (e) {
            missing.push(explain(e, 'Posting the suggested edits', 'pull-requests: write'));
        }
    }
    if (gh && t.checkRun) {
        let createdId;
        try {
            const { annotations, omitted } = cappedAnnotations(report);
            const note = omitted
                ? `\n\n_${omitted} more findings are not annotated (at most ${MAX_ANNOTATIONS}, failures and warnings first); all are in the report._`
                : '';
            const c = await beforeDeadline(deps.deadline, () => publishCheck(gh, {
                owner: t.owner,
                repo: t.repo,
                headSha: t.headSha,
                name: t.checkName,
                verdict: report.verdict,
                untrusted: report.untrusted === true,
                title: verdictLine(report).replace(/\*\*/g, ''),
                summary: comment_renderComment(report, { limit: 65_000 - note.length, timings: true, detailsUrl: runUrl, ...links }) + note,
                annotations,
                detailsUrl: runUrl,
            }, (id) => (createdId = id)));
            deps.setOutput('check-run-id', String(c.id));
            checkPublished = true;
            if (c.annotationError)
                missing.push(`Check run ${c.id} was created with ${c.annotations} of ${annotations.length} annotations; ${explain(c.annotationError, 'adding the rest', 'checks: write')}`);
            else
                log.info(`Check run ${c.id} published with ${c.annotations} annotations${omitted ? ` (${omitted} more not annotated)` : ''}.`);
        }
        catch (e) {
            // Said as it happened: a check run created before the deadline exists, whatever came after.
            if (createdId !== undefined) {
                deps.setOutput('check-run-id', String(createdId));
                checkPublished = true;
                missing.push(`Check run ${createdId} was created, but adding its annotations did not finish: ${errors_errorMessage(e)}.`);
            }
            else
                missing.push(explain(e, 'Creating the check run', 'checks: write'));
        }
    }
    if (!checkPublished) {
        // Fallback for annotations: workflow-command annotations in the log.
        for (const a of cappedAnnotations(report, 50).annotations) {
            const where = { file: a.path, line: a.start_line, title: a.title };
            if (a.annotation_level === 'failure')
                log.error(a.message, where);
            else if (a.annotation_level === 'warning')
                log.warning(a.message, where);
        }
    }
    if (missing.length)
        log.warning(`${missing.join('\n')}\nThe full report is in the job summary and in this log; the verdict (${report.verdict}) is unchanged.`);
    const fail = (t.failOn === 'error' && report.verdict === 'fail') || (t.failOn === 'warn' && report.verdict !== 'pass');
    if (fail)
        deps.setFailed(`context-budget: ${report.verdict}: ${report.results
            .filter((r) => r.status !== 'pass')
            .map((r) => r.message)
            .join('; ')}`);
}

;// CONCATENATED MODULE: ./src/publish/roadmap.ts


/** Our open roadmap issue: found by label and marker, written by one of our authors. */
async function findRoadmapIssue(gh, t) {
    const issues = (await gh.paginate(gh.rest.issues.listForRepo, { owner: t.owner, repo: t.repo, labels: t.label, state: 'open', per_page: 100 }));
    return issues
        .filter((i) => !i.pull_request && (i.body ?? '').startsWith(t.marker) && i.user !== null && t.authors.includes(i.user.login))
        .sort((a, b) => a.number - b.number)[0];
}
async function ensureLabel(gh, t) {
    try {
        await gh.rest.issues.getLabel({ owner: t.owner, repo: t.repo, name: t.label });
    }
    catch (e) {
        if (statusOf(e) !== 404)
            throw e;
        try {
            await gh.rest.issues.createLabel({
                owner: t.owner,
                repo: t.repo,
                name: t.label,
                color: '5319e7',
                description: 'Context budget roadmap (context-budget)',
            });
        }
        catch (e2) {
            if (statusOf(e2) !== 422)
                throw e2; // created meanwhile
        }
    }
}
async function upsertRoadmap(gh, t, body, existing) {
    if (existing) {
        const r = await gh.rest.issues.update({ owner: t.owner, repo: t.repo, issue_number: existing.number, body });
        return {
            action: 'updated',
            number: answered(r.data, 'number', 'number', 'updating the roadmap issue'),
            url: answered(r.data, 'html_url', 'string', 'updating the roadmap issue'),
        };
    }
    await ensureLabel(gh, t);
    const r = await gh.rest.issues.create({ owner: t.owner, repo: t.repo, title: t.title, body, labels: [t.label] });
    return {
        action: 'created',
        number: answered(r.data, 'number', 'number', 'creating the roadmap issue'),
        url: answered(r.data, 'html_url', 'string', 'creating the roadmap issue'),
    };
}

;// CONCATENATED MODULE: ./src/publish/pulls.ts
async function findPullRequest(gh, owner, repo, head) {
    if (!/^[0-9a-f]{40}$/.test(head.sha))
        return undefined;
    const match = (list) => list.find((p) => p.head?.sha === head.sha)?.number;
    if (head.owner && head.branch) {
        const r = await gh.rest.pulls.list({ owner, repo, state: 'open', head: `${head.owner}:${head.branch}`, per_page: 100 });
        const n = match(r.data);
        if (n !== undefined)
            return n;
    }
    // Without a branch to filter by (or a renamed one): the open pull requests, newest first, a few pages.
    for (let page = 1; page <= 3; page++) {
        const r = await gh.rest.pulls.list({ owner, repo, state: 'open', sort: 'updated', direction: 'desc', per_page: 100, page });
        const list = r.data;
        const n = match(list);
        if (n !== undefined || list.length < 100)
            return n;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/compare/history.ts
const HISTORY_OPEN = '<!-- context-budget-history';
const HISTORY_RE = /<!-- context-budget-history\n([\s\S]*?)\n-->/;
/** Reads the hidden history block; a missing or damaged block starts a new history. */
function parseHistory(body) {
    const empty = { version: 1, entries: [], recommendations: [] };
    const m = HISTORY_RE.exec(body ?? '');
    if (!m)
        return { history: empty };
    try {
        const v = JSON.parse(m[1]);
        if (v.version !== 1 || !Array.isArray(v.entries) || !Array.isArray(v.recommendations))
            return { history: empty, problem: 'history block has an unknown shape; starting a new history' };
        // A plan block edited by hand keeps only well-formed steps.
        const ok = (x) => x &&
            typeof x.id === 'string' &&
            typeof x.kind === 'string' &&
            typeof x.title === 'string' &&
            typeof x.file === 'string' &&
            Number.isFinite(x.eagerTokens) &&
            Number.isFinite(x.fileEager);
        const plan = Array.isArray(v.plan) ? v.plan.filter(ok) : undefined;
        return { history: { version: 1, entries: v.entries, recommendations: v.recommendations, ...(plan?.length ? { plan } : {}) } };
    }
    catch (e) {
        return { history: empty, problem: `history block is not valid JSON (${e.message}); starting a new history` };
    }
}
function serializeHistory(h) {
    return `${HISTORY_OPEN}\n${JSON.stringify(h).replace(/-->/g, '--\\u003e').replace(/<!--/g, '\\u003c!--')}\n-->`;
}
const TICK_RE = /^- \[[xX]\] .*<!-- group:([A-Za-z0-9_.:@/-]+) -->$/gm;
/** Group keys ticked in an issue body (a maintainer's checkbox, remembered across runs). */
function parseTicked(body) {
    return new Set([...(body ?? '').matchAll(TICK_RE)].map((m) => m[1]));
}
/** The plan's steps as the history keeps them (each with its file's always-loaded tokens now). */
function plannedSteps(i) {
    const eager = new Map(i.snapshot.files.map((f) => [f.path, f.eagerTokens]));
    return (i.plan ?? []).slice(0, 200).map((s) => ({
        id: s.id.slice(0, 300),
        kind: s.kind,
        title: s.title.slice(0, 200),
        eagerTokens: s.predicted.eagerTokens,
        file: s.location.file,
        fileEager: eager.get(s.location.file) ?? 0,
    }));
}
/**
 * Steps of the previous plan this run no longer proposes whose file now costs less: done, with the
 * gain measured on the file (its always-loaded text and listing entries then and now). Pure.
 */
function doneSteps(previous, i) {
    const now = new Set((i.plan ?? []).map((s) => s.id));
    const eager = new Map(i.snapshot.files.map((f) => [f.path, f.eagerTokens]));
    return (previous.plan ?? [])
        .filter((s) => !now.has(s.id))
        .map((s) => ({ ...s, measured: s.fileEager - (eager.get(s.file) ?? 0) }))
        .filter((s) => s.measured > 0);
}
/** Next history and what was resolved since the previous run. Pure. */
function advanceHistory(i) {
    const keys = new Set(i.recommendations.map((r) => r.key));
    const resolved = i.previous.recommendations.filter((r) => !keys.has(r.key));
    const entry = { date: i.date, commit: i.commit, eagerTokens: i.snapshot.totals.eagerTokens, onDemandTokens: i.snapshot.totals.onDemandTokens };
    const entries = [...i.previous.entries.filter((e) => e.commit !== i.commit), entry].slice(-i.historyLimit);
    const recommendations = i.recommendations
        .slice(0, 200)
        .map((r) => ({ key: r.key, title: r.title.slice(0, 200), eagerTokens: r.saving.eagerTokens, onDemandTokens: r.saving.onDemandTokens }));
    const plan = plannedSteps(i);
    return { history: { version: 1, entries, recommendations, ...(plan.length ? { plan } : {}) }, resolved };
}

;// CONCATENATED MODULE: ./src/render/roadmap.ts






function trendChart(entries) {
    if (entries.length < 2)
        return '_The trend appears after the second run._';
    // Month-day, with the time when several runs share a day.
    const days = new Set(entries.map((e) => e.date.slice(0, 10)));
    const labels = entries.map((e) => `"${days.size < entries.length ? `${e.date.slice(5, 10)} ${e.date.slice(11, 16)}` : e.date.slice(5, 10)}"`).join(', ');
    const max = Math.max(...entries.map((e) => e.eagerTokens), 1);
    return [
        '```mermaid',
        'xychart-beta',
        '  title "Always-loaded tokens per run"',
        `  x-axis [${labels}]`,
        `  y-axis "tokens" 0 --> ${Math.ceil(max * 1.1)}`,
        `  line [${entries.map((e) => e.eagerTokens).join(', ')}]`,
        '```',
    ].join('\n');
}
/** The runs, newest first: date with the year, commit, always-loaded tokens and the change from the run before. */
function runsTable(entries) {
    if (!entries.length)
        return '';
    const rows = entries
        .map((e, k) => [e.date.slice(0, 10), `\`${e.commit.slice(0, 7)}\``, format_fmt(e.eagerTokens), k === 0 ? '' : signed(e.eagerTokens - entries[k - 1].eagerTokens)])
        .reverse()
        .slice(0, 12);
    return ['| Date | Commit | Always-loaded tokens | Change |', '|---|---|--:|--:|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
/**
 * The optimizer's plan as checkboxes: each step with its predicted gain and the command that applies
 * its kind; steps a later run measured done are ticked, with the gain measured on their file.
 */
function planSection(i, done, per) {
    const steps = i.plan ?? [];
    if (!steps.length && !done.length)
        return '';
    const max = Math.max(per, 5);
    const total = steps.reduce((a, s) => a + Math.max(0, s.predicted.eagerTokens), 0);
    const lines = [
        ...done
            .slice(0, max)
            .map((s) => `- [x] ~~${md(s.title, 160)}~~: done, measured ${format_fmt(s.measured)} always-loaded tokens less in ${md(s.file, 100)} (predicted ${format_fmt(s.eagerTokens)})`),
        ...steps
            .slice(0, max)
            .map((s) => `- [ ] ${md(s.title, 160)} (~${format_fmt(s.predicted.eagerTokens)} always-loaded tokens): \`context-budget optimize --only ${md(s.kind, 40)} --apply\``),
    ];
    if (steps.length > max)
        lines.push(`- … ${steps.length - max} more: \`context-budget optimize\` lists them all`);
    return `### Optimization plan (${steps.length} step${steps.length === 1 ? '' : 's'}${total ? `, ~${format_fmt(total)} always-loaded tokens` : ''})\nEdits the optimizer makes, measures and proves: run the command in a clone, review the diff, commit.\n${lines.join('\n')}`;
}
const TITLES = {
    immediate: 'Immediate: high impact, low effort',
    'short-term': 'Short-term',
    'long-term': 'Long-term: architectural',
};
/** The roadmap issue body. Pure; folds recommendations to stay under GitHub's body limit. */
function renderRoadmap(i, history, resolved, done = []) {
    const s = i.snapshot;
    for (const per of [50, 20, 8, 3, 0]) {
        const parts = [marker(i.key ?? 'roadmap')];
        parts.push(`## Context budget roadmap`);
        parts.push(`Always loaded: **${format_fmt(s.totals.eagerTokens)} tokens** (${format_pct(s.totals.windowShare)} of a ${format_fmt(s.model.contextWindow)}-token window) · on demand: ${format_fmt(s.totals.onDemandTokens)} · as of ${i.commit.slice(0, 7)} on ${i.date.slice(0, 10)}. Token counts are estimates (${md(s.tokenizer.name)}).`);
        parts.push(`### Trend\n${trendChart(history.entries)}\n\n${runsTable(history.entries)}`);
        if (s.claudeCode) {
            const c = s.claudeCode;
            const drift = c.drift.length
                ? `It loads this framework differently from the model of Claude Code ${md(s.model.claudeCodeVersion)} (${c.drift.length}):\n${c.drift
                    .slice(0, 30)
                    .map((d) => `- ${md(d, 600)}`)
                    .join('\n')}`
                : `It loads this framework exactly as the model of Claude Code ${md(s.model.claudeCodeVersion)} predicts.`;
            parts.push(`### Measured by Claude Code ${md(c.version)}\nA session starts with ${format_fmt(c.firstRequest.tokens)} tokens${c.firstRequest.exact ? '' : ' (estimate)'} (its own prompt and tools included), after ${format_fmt(Math.round([...c.startupMs].sort((a, b) => a - b)[Math.floor(c.startupMs.length / 2)] ?? 0))} ms. ${drift}`);
        }
        // Other agents run by `measure: codex@latest` (...): a release that loads the framework differently shows as drift.
        const agents = (s.agents ?? []).filter((a) => a.measured);
        if (agents.length)
            parts.push(`### Measured by other agents\n${agents
                .map((a) => `- ${agent_measured_measuredLine(a.agent.name, { head: a.measured }, (t, n) => md(t, n), true)}${a.measured.version !== a.agent.version ? ` The profile was measured on ${md(a.agent.version, 20)}.` : ''}`)
                .join('\n')}`);
        if (resolved.length) {
            const saved = resolved.reduce((a, r) => a + Math.max(0, r.eagerTokens), 0);
            parts.push(`### Resolved since the previous run\n${resolved
                .slice(0, Math.max(per, 5))
                .map((r) => `- ✅ ${md(r.title, 160)}${r.eagerTokens > 0 ? ` (~${format_fmt(r.eagerTokens)} always-loaded tokens)` : ''}`)
                .join('\n')}${saved ? `\n\nAbout ${format_fmt(saved)} always-loaded tokens saved.` : ''}`);
        }
        const planText = planSection(i, done, per);
        if (planText)
            parts.push(planText);
        for (const h of ['immediate', 'short-term', 'long-term']) {
            const list = i.recommendations.filter((r) => r.horizon === h);
            if (!list.length)
                continue;
            const total = list.reduce((a, r) => a + Math.max(0, r.saving.eagerTokens), 0);
            // One checkbox per group (kind of work in one unit); a ticked box stays ticked across runs.
            const groups = groupRecommendations(list);
            const lines = groups.slice(0, Math.max(per, 3)).map((g) => {
                const box = i.ticked?.has(g.key) ? '[x]' : '[ ]';
                const saving = savingText(g.eagerTokens, g.onDemandTokens);
                const items = g.items
                    .slice(0, Math.max(per, 1))
                    .map((r) => recLine({ ...r, introduced: false }))
                    .join('\n') + (g.items.length > Math.max(per, 1) ? `\n- … ${g.items.length - Math.max(per, 1)} more in this group` : '');
                return `- ${box} **${md(g.title, 160)}** (${g.items.length} item${g.items.length > 1 ? 's' : ''}${saving ? `, ${saving}` : ''}) <!-- group:${g.key.replace(/[^A-Za-z0-9_.:@/-]/g, '_')} -->\n\n  ${details('the items', items).replace(/\n/g, '\n  ')}`;
            });
            parts.push(`### ${TITLES[h]} (${list.length}${total ? `, ~${format_fmt(total)} always-loaded tokens` : ''})\n${lines.join('\n')}${groups.length > Math.max(per, 3) ? `\n\n_… and ${groups.length - Math.max(per, 3)} more groups: run \`context-budget analyze\` locally or see the job summary._` : ''}`);
        }
        if (!i.recommendations.length)
            parts.push('No recommendations: the framework is lean. 🎉');
        parts.push('<sub>Updated by context-budget on each scheduled run: this description is rewritten (discussion belongs in the comments). Its trend history is kept in a hidden block below.</sub>');
        parts.push(serializeHistory(history));
        const body = parts.join('\n\n') + '\n';
        if (body.length <= GITHUB_COMMENT_LIMIT)
            return body;
    }
    return `${marker(i.key ?? 'roadmap')}\n\n## Context budget roadmap\n\nToo large to show; see the job summary.\n\n${serializeHistory({ ...history, recommendations: history.recommendations.slice(0, 20) })}\n`;
}

;// CONCATENATED MODULE: ./src/action/gate.ts
/**
 * The Action's runs (a pull request, the scheduled roadmap, publishing a report from a fork's run),
 * on the same pipeline as the CLI (`runDiff` in pipeline.ts). main.ts only reads inputs and builds
 * the context; outputs, summary, failure, clock, logger and the GitHub client are injected here.
 */

























/** The run's caches (token counts, digests, snapshots), all in the cache-dir input's folder. */
function gate_cachesFor(ctx) {
    const remote = ctx.opts.anthropicApiKey
        ? anthropicCounter({ apiKey: ctx.opts.anthropicApiKey, model: ctx.opts.anthropicModel, baseUrl: ctx.env.ANTHROPIC_BASE_URL })
        : undefined;
    const caches = persistentCaches(ctx.opts.cacheDir, (s) => ctx.log.debug(s), undefined, remote);
    return {
        ...caches,
        save: () => {
            if (caches.counter.fallback)
                ctx.log.warning(caches.counter.fallback);
            caches.save();
        },
    };
}
async function pullRequest(ctx, event) {
    const pr = ctx.payload.pull_request;
    const baseSha = ctx.opts.baseRef || pr?.base.sha;
    const headSha = ctx.opts.headRef || pr?.head.sha;
    if (!baseSha || !headSha)
        throw new errors_UserError('No pull request in the event payload: set the "base" and "head" inputs, or run on pull_request / pull_request_target');
    const compared = await resolveCompared(ctx.workspace, { baseSha, headSha, mergeSha: event === 'pull_request' && !ctx.opts.headRef ? ctx.env.GITHUB_SHA : undefined }, ctx.log);
    ctx.log.info(`Comparing ${compared.how}.`);
    const found = load_withAgentIds(await pullRequestConfig(ctx, event, compared, pr), ctx.opts.agents);
    const { counter, snapshots, digests, save } = gate_cachesFor(ctx);
    const measure = measureFor(ctx, event, found, counter);
    const config = withMeasuredAgents(found, measure);
    const [base, head] = await Promise.all([git_gitSource(ctx.workspace, compared.base), git_gitSource(ctx.workspace, compared.head)]);
    const diff = await diffSides({ kind: 'source', source: base, label: `base ${compared.base.slice(0, 7)}` }, { kind: 'source', source: head, label: `head ${compared.head.slice(0, 7)}` }, config, counter, { measure, snapshots, digests });
    // Suggestions go on lines the pull request added: a change that added or edited no framework file has none to plan.
    const touched = diff.report.diff.files.some((f) => f.status === 'added' || f.status === 'changed');
    const edits = ctx.opts.suggestions && touched ? await editsOnPullRequest(ctx, { base, head, snapshot: diff.head, headSha, config, counter, digests }) : undefined;
    save();
    const report = diff.report;
    const withHow = {
        ...report,
        compared: compared.how,
        head: { ...report.head, label: `pull request #${pr?.number ?? '?'}` },
        ...(edits && (edits.suggestions.length || edits.commands.length) ? { edits } : {}),
    };
    writeArtifacts(ctx, withHow);
    const reportUrl = await htmlReport(ctx, `pr-${pr?.number ?? 'none'}`, () => html_renderHtml(picture_pictureOfDiff(diff.base, diff.head, withHow, { linkBase: blobBase(ctx, compared.head), title: `${ctx.owner}/${ctx.repo} ${withHow.head.label}` })));
    await publish(ctx, withHow, pr?.number, headSha, reportUrl);
}
/** The optimizer's plan on a commit (read from git objects; edits measured in memory, never written). */
async function planOn(source, snapshot, config, counter, digests) {
    const { plan } = await optimize_planOptimizations(new Set(optimize_OPTIMIZE_KINDS), await optimizerDeps(source, analyzeOptions(config), counter, digests, snapshot));
    return plan;
}
/**
 * The optimizer on the pull request's head: steps on lines it added, as suggestions (only in files
 * whose text is the same at the pull request's head commit, where the review's lines point) and
 * commands. Never decides anything, never fails the run: a problem is logged and nothing suggested.
 */
async function editsOnPullRequest(ctx, a) {
    try {
        const plan = await planOn(a.head, a.snapshot, a.config, a.counter, a.digests);
        if (!plan.steps.length)
            return undefined;
        const files = [...new Set(plan.steps.flatMap((st) => st.edits.map((e) => e.path)))];
        const diff = await git_git(ctx.workspace, [
            '-c',
            'core.quotePath=false',
            'diff',
            '--no-color',
            '--no-ext-diff',
            '--no-renames',
            '--unified=0',
            a.base.commit,
            a.head.commit,
            '--',
            ...files.map((f) => `:(literal)${f}`),
        ]);
        const { suggestions, commands } = suggestionsFor(plan.steps, addedLinesOf(diff.toString('utf8')));
        // The review's lines are the pull request head's: keep a suggestion only where that file is the same as the one measured.
        const same = async (p) => a.head.commit === a.headSha ||
            (await Promise.all([git_git(ctx.workspace, ['rev-parse', `${a.head.commit}:${p}`]), git_git(ctx.workspace, ['rev-parse', `${a.headSha}:${p}`])]).then(([x, y]) => x.toString() === y.toString(), () => false));
        const kept = [];
        for (const sg of suggestions)
            if (await same(sg.path))
                kept.push(sg);
        return { suggestions: kept, commands };
    }
    catch (e) {
        ctx.log.warning(`The optimizer could not plan edits for this pull request: ${errors_errorMessage(e)}`);
        return undefined;
    }
}
/** `https://github.com/o/r/blob/SHA/`: where the HTML report's files link to. */
function blobBase(ctx, commit) {
    const server = ctx.env.GITHUB_SERVER_URL;
    return server ? `${server}/${ctx.owner}/${ctx.repo}/blob/${commit}/` : undefined;
}
/**
 * The HTML report (input html-report): written to output-dir, then uploaded as an artifact of this
 * run, unzipped, named after the comment key and the run attempt (a name is taken once per run).
 * Gives the artifact's URL to link, or nothing; a failure is a warning, never a lost report.
 */
async function htmlReport(ctx, what, html) {
    if (ctx.opts.htmlReport === 'off')
        return undefined;
    let file;
    try {
        (0,external_node_fs_.mkdirSync)(ctx.opts.outputDir, { recursive: true });
        file = external_node_path_default().join(ctx.opts.outputDir, `context-budget-${ctx.opts.commentKey}-${what}-${ctx.env.GITHUB_RUN_ATTEMPT || '1'}.html`);
        (0,external_node_fs_.writeFileSync)(file, html());
        ctx.io.setOutput('html-path', file);
    }
    catch (e) {
        ctx.log.warning(`Could not write the HTML report: ${errors_errorMessage(e)}`);
        return undefined;
    }
    if (ctx.opts.htmlReport !== 'upload')
        return undefined;
    if (!ctx.io.uploadArtifact || !ctx.env.ACTIONS_RUNTIME_TOKEN || !ctx.env.ACTIONS_RESULTS_URL) {
        ctx.log.info(`HTML report written to ${file} (no artifact service in this run: not uploaded).`);
        return undefined;
    }
    try {
        startDeadline(ctx);
        const { id } = await beforeDeadline(ctx.deadline.signal, () => ctx.io.uploadArtifact(file));
        const server = ctx.env.GITHUB_SERVER_URL || 'https://github.com';
        const url = ctx.env.GITHUB_RUN_ID ? `${server}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.env.GITHUB_RUN_ID}/artifacts/${id}` : undefined;
        ctx.log.info(`HTML report uploaded as artifact ${id}${url ? `: ${url}` : ''}`);
        if (url)
            ctx.io.setOutput('html-url', url);
        return url;
    }
    catch (e) {
        ctx.log.warning(`Could not upload the HTML report (${errors_errorMessage(e)}); it is at ${file}.`);
        return undefined;
    }
}
/**
 * The budgets that judge a pull request. The head's config is the pull request's own input: on
 * pull_request_target it is not read at all; otherwise the stricter of base and head decides
 * (config/review.ts) unless a maintainer put the accept label on the pull request. A config that
 * can't be read is reported (a failing result for the head's; the defaults for the base's), never a
 * run that publishes nothing.
 */
async function pullRequestConfig(ctx, event, compared, pr) {
    let base = await configOrError(ctx.workspace, ctx.opts, compared.base);
    if ('error' in base) {
        ctx.log.warning(`The base branch's budget config can't be read (${base.error}): the built-in defaults judge this pull request.`);
        base = normalizeConfig({}, 'defaults', modelOverrides(ctx.opts));
    }
    if (event === 'pull_request_target') {
        ctx.log.info(`Budgets: ${base.file} (read from the base commit: pull_request_target).`);
        return base;
    }
    const head = compared.head === compared.base ? base : await configOrError(ctx.workspace, ctx.opts, compared.head);
    const label = ctx.opts.acceptConfigLabel;
    const accepted = !!label && (pr?.labels ?? []).some((l) => l?.name === label);
    const { config, review } = reviewConfig(base, head, accepted, label);
    if (review?.error)
        ctx.log.warning(`The pull request's budget config can't be read: ${review.error}`);
    else if (review?.notApplied.length)
        ctx.log.warning(`The pull request changes its budget config; not applied (it would loosen the gate or change what is measured): ${review.notApplied.join('; ')}.${label ? ` A maintainer accepts it with the label "${label}".` : ''}`);
    ctx.log.info(`Budgets: ${config.file}${review?.accepted ? ` (the pull request's, accepted by the label "${label}")` : ''}.`);
    return config;
}
/**
 * The `measure` input. Running Claude Code executes a program on the measured tree: never where the
 * head is untrusted and the token can write (pull_request_target), whatever the flags make safe.
 */
function measureFor(ctx, event, config, counter) {
    if (!ctx.opts.measure)
        return undefined;
    if (event === 'pull_request_target')
        throw new errors_UserError('Input "measure": refused on pull_request_target, where the head is untrusted and the token can write. Measure on pull_request (read-only token for forks) or in the scheduled roadmap run.');
    return measureOptions({ measure: ctx.opts.measure, measureRounds: ctx.opts.measureRounds, cacheDir: ctx.opts.cacheDir }, config, counter, {
        env: { ANTHROPIC_API_KEY: ctx.opts.anthropicApiKey || undefined, ANTHROPIC_BASE_URL: ctx.env.ANTHROPIC_BASE_URL },
        stderr: { write: (s) => ctx.log.info(s.trim()) },
    });
}
function writeArtifacts(ctx, report) {
    try {
        (0,external_node_fs_.mkdirSync)(ctx.opts.outputDir, { recursive: true });
        const reportPath = external_node_path_default().join(ctx.opts.outputDir, 'report.json');
        (0,external_node_fs_.writeFileSync)(reportPath, JSON.stringify(report));
        ctx.io.setOutput('report-path', reportPath);
        ctx.io.setOutput('snapshot-path', reportPath);
    }
    catch (e) {
        ctx.log.warning(`Could not write the report to ${ctx.opts.outputDir}: ${errors_errorMessage(e)}`);
    }
}
/** Starts publishing's deadline (once). */
function startDeadline(ctx) {
    if (ctx.started)
        return;
    ctx.started = true;
    setTimeout(() => ctx.deadline.abort(new Error(`publishing took longer than ${ctx.opts.publishTimeoutSeconds}s (publish-timeout)`)), ctx.opts.publishTimeoutSeconds * 1000).unref();
}
/** Publishes with the Actions toolkit as the summary, outputs and failure (src/publish/index.ts does the work). */
async function publish(ctx, report, prNumber, headSha, reportUrl) {
    startDeadline(ctx);
    const o = ctx.opts;
    await publishReport(report, {
        owner: ctx.owner,
        repo: ctx.repo,
        prNumber,
        headSha,
        serverUrl: ctx.env.GITHUB_SERVER_URL,
        runId: ctx.env.GITHUB_RUN_ID,
        checkRun: o.checkRun,
        checkName: o.checkName,
        comment: o.comment,
        commentKey: o.commentKey,
        commentAuthor: o.commentAuthor,
        failOn: o.failOn,
        suggestions: o.suggestions,
        ...(reportUrl ? { reportUrl } : {}),
    }, {
        gh: ctx.gh,
        log: ctx.log,
        summary: ctx.io.summary,
        setOutput: ctx.io.setOutput,
        setFailed: ctx.io.setFailed,
        deadline: ctx.deadline.signal,
    });
}
/**
 * The fork recipe's trusted half: the report comes from an artifact the fork's own run wrote. It is
 * rebuilt field by field, its verdict decided again from its results, and a pass is never published
 * as a success: the check run says neutral and the comment says the numbers were not measured here.
 */
async function publishOnly(ctx) {
    const report = { ...readUntrustedReport(ctx.opts.publishReport), untrusted: true };
    const run = ctx.payload.workflow_run;
    const headSha = ctx.opts.headRef || run?.head_sha || report.head.commit || '';
    let prNumber = ctx.opts.prNumber ?? run?.pull_requests?.[0]?.number;
    // A fork's pull request: GitHub leaves pull_requests empty; find it by the fork's branch and the measured commit.
    if (prNumber === undefined && ctx.gh && run?.head_sha) {
        try {
            prNumber = await findPullRequest(ctx.gh, ctx.owner, ctx.repo, { sha: run.head_sha, owner: run.head_repository?.owner?.login, branch: run.head_branch });
            ctx.log.info(prNumber
                ? `Pull request #${prNumber} found by its head ${run.head_sha.slice(0, 7)}.`
                : `No open pull request has the head ${run.head_sha.slice(0, 7)}: no comment.`);
        }
        catch (e) {
            ctx.log.warning(explain(e, 'Finding the pull request of the workflow run', 'pull-requests: read'));
        }
    }
    await publish(ctx, report, prNumber, headSha);
}
async function roadmap(ctx) {
    const commit = ctx.opts.headRef || ctx.env.GITHUB_SHA || 'HEAD';
    const source = await git_gitSource(ctx.workspace, commit);
    const found = load_withAgentIds(await configAt(ctx.workspace, ctx.opts, source.commit), ctx.opts.agents);
    const { counter, snapshots, digests, save } = gate_cachesFor(ctx);
    // With `measure: claude-code@latest` (or `codex@latest`, ...) the roadmap says what a new release loads differently.
    const measure = measureFor(ctx, ctx.env.GITHUB_EVENT_NAME ?? '', found, counter);
    const config = withMeasuredAgents(found, measure);
    const opts = analyzeOptions(config);
    let snapshot = await snapshotOf({ kind: 'source', source, label: '' }, opts, counter, { snapshots, digests });
    if (measure)
        snapshot = await withMeasurement(snapshot, source, measure);
    let plan;
    try {
        plan = await planOn(source, snapshot, config, counter, digests);
    }
    catch (e) {
        ctx.log.warning(`The optimizer could not plan edits: ${errors_errorMessage(e)}`);
    }
    save();
    const recommendations = rank_recommend(snapshot, config.minSaving);
    ctx.io.setOutput('eager-tokens', String(snapshot.totals.eagerTokens));
    try {
        (0,external_node_fs_.mkdirSync)(ctx.opts.outputDir, { recursive: true });
        const p = external_node_path_default().join(ctx.opts.outputDir, 'snapshot.json');
        (0,external_node_fs_.writeFileSync)(p, JSON.stringify(snapshot));
        ctx.io.setOutput('snapshot-path', p);
    }
    catch (e) {
        ctx.log.warning(`Could not write the snapshot: ${errors_errorMessage(e)}`);
    }
    const target = {
        owner: ctx.owner,
        repo: ctx.repo,
        label: ctx.opts.roadmapLabel,
        title: ctx.opts.roadmapTitle,
        marker: marker('roadmap'),
        authors: ctx.gh ? await ourAuthors(ctx.gh, ctx.opts.commentAuthor) : [],
    };
    let existing;
    // Whether the open roadmap issue is known: a listing that failed must not open a second issue.
    let listed = false;
    if (ctx.gh) {
        try {
            startDeadline(ctx);
            existing = await beforeDeadline(ctx.deadline.signal, () => findRoadmapIssue(ctx.gh, target));
            listed = true;
        }
        catch (e) {
            ctx.log.warning(explain(e, 'Listing roadmap issues', 'issues: read'));
        }
    }
    const { history: previous, problem } = parseHistory(existing?.body);
    if (problem)
        ctx.log.warning(`Roadmap issue #${existing?.number}: ${problem}`);
    const input = {
        snapshot,
        recommendations,
        previous,
        date: ctx.io.now().toISOString(),
        commit: source.commit,
        historyLimit: ctx.opts.historyLimit,
        ticked: parseTicked(existing?.body),
        ...(plan ? { plan: plan.steps } : {}),
    };
    const { history, resolved } = advanceHistory(input);
    const body = renderRoadmap(input, history, resolved, doneSteps(previous, input));
    const reportUrl = await htmlReport(ctx, `roadmap`, () => html_renderHtml(picture_pictureOf(snapshot, { linkBase: blobBase(ctx, source.commit), title: `${ctx.owner}/${ctx.repo} ${source.commit.slice(0, 7)}` })));
    const chart = mermaidPie('Always-loaded tokens by category', snapshot.categories.filter((c) => c.loading === 'eager'));
    try {
        await ctx.io.summary([body, chart && `#### Where the always-loaded context goes\n\n${chart}`, reportUrl && `[Where the context goes: the HTML report](${reportUrl})`]
            .filter(Boolean)
            .join('\n\n'));
    }
    catch (e) {
        ctx.log.warning(`Could not write the job summary: ${errors_errorMessage(e)}`);
    }
    ctx.log.info(`Roadmap: ${recommendations.length} recommendations, ${resolved.length} resolved since the previous run; always-loaded ${snapshot.totals.eagerTokens} tokens.`);
    if (!ctx.gh)
        return ctx.log.warning('No github-token: the roadmap is in the job summary only.');
    if (!listed)
        return ctx.log.warning('The roadmap issue was not written: without the list of open issues a new one could duplicate it. The roadmap is in the job summary.');
    try {
        const r = await beforeDeadline(ctx.deadline.signal, () => upsertRoadmap(ctx.gh, target, body, existing));
        ctx.io.setOutput('issue-url', r.url);
        ctx.log.info(`Roadmap issue #${r.number} ${r.action}: ${r.url}`);
    }
    catch (e) {
        ctx.log.warning(`${explain(e, 'Writing the roadmap issue', 'issues: write')} The roadmap is in the job summary.`);
    }
}

;// CONCATENATED MODULE: ./src/action/options.ts



function options_oneOf(get, name, allowed, def) {
    const v = get(name).trim() || def;
    if (!allowed.includes(v))
        throw new errors_UserError(`Input "${name}": expected one of ${allowed.join(', ')}, got "${v}"`);
    return v;
}
function options_bool(get, name, def) {
    const v = get(name).trim().toLowerCase();
    if (!v)
        return def;
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new errors_UserError(`Input "${name}": expected true or false, got "${v}"`);
}
function options_num(get, name, min) {
    const v = get(name).trim();
    if (!v)
        return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min)
        throw new errors_UserError(`Input "${name}": expected a number >= ${min}, got "${v}"`);
    return n;
}
function agentsInput(v) {
    const ids = v
        .split(/[\s,]+/)
        .map((x) => x.trim())
        .filter(Boolean);
    if (!ids.length)
        return [];
    try {
        return load_parseAgents(ids.includes('all') ? 'all' : ids, 'input', 'agents');
    }
    catch {
        throw new errors_UserError(`Input "agents": expected "all" or a list of ${AGENT_IDS.join(', ')}, got "${v.trim()}"`);
    }
}
function readOptions(get, env) {
    const temp = env.RUNNER_TEMP || '/tmp';
    const comment = get('comment').trim().toLowerCase();
    return {
        token: get('github-token').trim(),
        path: get('path').trim() || '.',
        config: get('config').trim(),
        failOn: options_oneOf(get, 'fail-on', ['error', 'warn', 'never'], 'error'),
        comment: comment === 'true' ? 'always' : comment === 'false' ? 'never' : options_oneOf(get, 'comment', ['always', 'changed', 'never'], 'changed'),
        commentKey: (get('comment-key').trim() || 'default').replace(/[^A-Za-z0-9_.-]/g, '_'),
        commentAuthor: get('comment-author').trim(),
        checkRun: options_bool(get, 'check-run', true),
        checkName: get('check-name').trim() || 'context-budget',
        suggestions: options_bool(get, 'suggestions', true),
        mode: options_oneOf(get, 'mode', ['auto', 'pull-request', 'roadmap'], 'auto'),
        baseRef: get('base').trim(),
        headRef: get('head').trim(),
        model: get('model').trim(),
        contextWindow: options_num(get, 'context-window', 1000),
        charsPerToken: options_num(get, 'chars-per-token', 1),
        outputDir: get('output-dir').trim() || `${temp}/context-budget`,
        cacheDir: get('cache-dir').trim() || `${temp}/context-budget-cache`,
        publishReport: get('publish-report').trim(),
        prNumber: options_num(get, 'pr-number', 1),
        roadmapLabel: get('roadmap-label').trim() || 'context-budget',
        roadmapTitle: get('roadmap-title').trim() || 'Context budget roadmap',
        historyLimit: options_num(get, 'history-limit', 1) ?? 52,
        anthropicApiKey: get('anthropic-api-key').trim(),
        publishTimeoutSeconds: options_num(get, 'publish-timeout', 1) ?? 300,
        measure: get('measure').trim(),
        measureRounds: options_num(get, 'measure-rounds', 1) ?? 3,
        anthropicModel: get('anthropic-model').trim() || 'claude-sonnet-4-5',
        acceptConfigLabel: get('accept-config-label').trim() || 'context-budget-accept-config',
        htmlReport: options_oneOf(get, 'html-report', ['upload', 'file', 'off'], 'upload'),
        agents: agentsInput(get('agents')),
    };
}

;// CONCATENATED MODULE: ./src/main.ts








const coreLogger = {
    info: (m) => core/* info */.pq(escape_logSafe(m)),
    warning: (m, w) => core/* warning */.$e(escape_logSafe(m), w ? { file: w.file, startLine: w.line, title: w.title } : undefined),
    error: (m, w) => core/* error */.z3(escape_logSafe(m), w ? { file: w.file, startLine: w.line, title: w.title } : undefined),
    debug: (m) => core/* debug */.Yz(escape_logSafe(m)),
};
/** The Action: thin. Reads inputs and the event, runs the same pipeline as the CLI, publishes. */
async function main_run(env = process.env) {
    const log = coreLogger;
    try {
        const opts = readOptions((n) => core/* getInput */.V4(n), env);
        if (opts.token)
            core/* setSecret */.Pq(opts.token);
        if (opts.anthropicApiKey)
            core/* setSecret */.Pq(opts.anthropicApiKey);
        const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
        if (!owner || !repo)
            throw new errors_UserError('GITHUB_REPOSITORY is not set: run this inside GitHub Actions (or use the CLI)');
        const payload = env.GITHUB_EVENT_PATH ? JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8')) : {};
        const workspace = external_node_path_default().resolve(env.GITHUB_WORKSPACE ?? process.cwd(), opts.path);
        const deadline = new AbortController();
        const gh = opts.token
            ? createClient({
                token: opts.token,
                deadline: deadline.signal,
                baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
                log,
                retryBaseMs: env.CONTEXT_BUDGET_RETRY_BASE_MS ? Number(env.CONTEXT_BUDGET_RETRY_BASE_MS) : undefined,
                timeoutMs: env.CONTEXT_BUDGET_HTTP_TIMEOUT_MS ? Number(env.CONTEXT_BUDGET_HTTP_TIMEOUT_MS) : undefined,
                onUnreachable: (why) => {
                    if (!deadline.signal.aborted)
                        deadline.abort(new Error(`the GitHub API can't be reached (${why}): publishing stopped, not retried until publish-timeout`));
                },
            })
            : null;
        const io = {
            setOutput: (k, v) => core/* setOutput */.uH(k, v),
            summary: async (markdown) => void (await core/* summary */.z.addRaw(markdown).write()),
            setFailed: (m) => core/* setFailed */.C1(m),
            now: () => new Date(),
            uploadArtifact: async (file) => {
                // Loaded only to upload: the artifact client (Azure's blob SDK, zip) adds 0.3 s and 19 MB to a start-up that does not use it.
                const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 479).then(__webpack_require__.bind(__webpack_require__, 33479));
                const r = await new DefaultArtifactClient().uploadArtifact(external_node_path_default().basename(file), [file], external_node_path_default().dirname(file), { skipArchive: true });
                if (r.id === undefined)
                    throw new Error('the artifact service gave no artifact id');
                return { id: r.id };
            },
        };
        const ctx = { io, deadline, opts, log, env, owner, repo, workspace, gh, payload };
        const event = env.GITHUB_EVENT_NAME ?? '';
        const mode = opts.publishReport ? 'publish' : opts.mode !== 'auto' ? opts.mode : event.startsWith('pull_request') ? 'pull-request' : 'roadmap';
        core/* setOutput */.uH('mode', mode);
        if (mode === 'publish')
            return await publishOnly(ctx);
        if (mode === 'pull-request')
            return await pullRequest(ctx, event);
        return await roadmap(ctx);
    }
    catch (e) {
        if (e instanceof errors_UserError)
            core/* setFailed */.C1(e.message);
        else {
            core/* debug */.Yz(e instanceof Error && e.stack ? e.stack : String(e));
            core/* setFailed */.C1(`context-budget failed: ${errors_errorMessage(e)}`);
        }
    }
}


/***/ })

};

//# sourceMappingURL=713.index.js.map