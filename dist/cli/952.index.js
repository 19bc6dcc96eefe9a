export const id = 952;
export const ids = [952];
export const modules = {

/***/ 2952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyzeCommand: () => (/* binding */ analyzeCommand),
  diffCommand: () => (/* binding */ diffCommand)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/model/constants.ts
const DEFAULT_MODEL = {
    claudeCodeVersion: '2.1.332',
    contextWindow: 200_000,
    charsPerToken: 3,
    skillListingBudgetFraction: 0.01,
    skillListingBudgetOverride: null,
    skillListingMaxDescChars: 1_536,
    bundledListingChars: 0,
    agentListingWarnTokens: 15_000,
    memoryFileMinWarnChars: 40_000,
    memoryFileWindowShare: 0.05,
    memoryTotalMinWarnChars: 120_000,
    memoryFileMaxBytes: 4 * 1024 * 1024,
    importMaxDepth: 5,
    derivedDescriptionMaxChars: 100,
    skillNameMaxChars: 64,
    skillDescriptionSpecMaxChars: 1_024,
    workflowMaxBytes: 512 * 1024,
    instructionFiles: 'claude-md-or-agents-md',
};
/** floor(window x charsPerToken x fraction), unless the env-style override is set. */
function skillListingBudget(m) {
    if (m.skillListingBudgetOverride != null)
        return m.skillListingBudgetOverride;
    return Math.floor(m.contextWindow * m.charsPerToken * m.skillListingBudgetFraction);
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
const DEFAULT_LIMITS = {
    maxFileBytes: 8 * 1024 * 1024,
    maxFiles: 50_000,
    maxFrontmatterBytes: 256 * 1024,
    maxSymlinkHops: 40,
};

;// CONCATENATED MODULE: ./src/model/snapshot.ts
/**
 * The snapshot: the analyzer's output and a public, versioned JSON format
 * (schema: schema/snapshot.schema.json). Scripts rely on the field names; add fields, never rename.
 */
const SNAPSHOT_SCHEMA_VERSION = 1;

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/tokenize/counter.ts

/**
 * Counts texts once per content hash per run (and across runs with a store); the tokenizer is
 * loaded lazily, only when some count is not cached.
 */
class TokenCounter {
    load;
    name;
    store;
    memo = new Map();
    tokenizer;
    /** How many texts were actually tokenized (cache misses), for the benchmark and tests. */
    tokenized = 0;
    tokenizedChars = 0;
    constructor(load, name, store) {
        this.load = load;
        this.name = name;
        this.store = store;
    }
    static key(text) {
        return (0,external_node_crypto_.createHash)('sha1').update(text).digest('hex');
    }
    /** Counts every text; returns counts by key. */
    async countAll(texts) {
        const out = new Map();
        const todo = [];
        for (const t of texts) {
            const k = TokenCounter.key(t);
            if (out.has(k))
                continue;
            const hit = this.memo.get(k) ?? this.store?.get(`${this.name}:${k}`);
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
            this.tokenizer ??= await this.load();
            for (const [k, t] of todo) {
                const n = this.tokenizer.count(t);
                this.tokenized++;
                this.tokenizedChars += t.length;
                this.memo.set(k, n);
                this.store?.set(`${this.name}:${k}`, n);
                out.set(k, n);
            }
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/tokenize/tokenizer.ts
const TOKENIZER_NAME = 'o200k_base (gpt-tokenizer)';
const TOKENIZER_NOTE = 'Estimate: counted with the public o200k_base BPE; Claude\'s own tokenizer is not public.';
/** Pieces longer than this are split (at whitespace when possible) so no input makes BPE superlinear. */
const MAX_PIECE_CHARS = 2_048;
/** Loads the tokenizer only when a count is actually needed (a warm cache never loads it). */
async function loadTokenizer() {
    const mod = await __webpack_require__.e(/* import() */ 359).then(__webpack_require__.bind(__webpack_require__, 5359));
    const countTokens = mod.countTokens;
    return { name: TOKENIZER_NAME, count: (text) => countChunked(text, countTokens) };
}
/** Counts long text in bounded pieces: lines are kept whole up to MAX_PIECE_CHARS, longer runs are cut at whitespace. */
function countChunked(text, count) {
    if (text.length <= MAX_PIECE_CHARS)
        return text.length === 0 ? 0 : count(text);
    let total = 0;
    let start = 0;
    while (start < text.length) {
        let end = Math.min(text.length, start + MAX_PIECE_CHARS);
        if (end < text.length) {
            const nl = text.lastIndexOf('\n', end);
            if (nl > start + MAX_PIECE_CHARS / 4)
                end = nl + 1;
            else {
                const sp = text.lastIndexOf(' ', end);
                if (sp > start + MAX_PIECE_CHARS / 4)
                    end = sp;
            }
            // Never cut a surrogate pair.
            const c = text.charCodeAt(end - 1);
            if (c >= 0xd800 && c <= 0xdbff)
                end--;
        }
        total += count(text.slice(start, end));
        start = end;
    }
    return total;
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
/** Display width as Claude Code measures the listing: wide (CJK, fullwidth) characters count 2. */
function displayWidth(s) {
    let w = 0;
    for (const ch of s) {
        const c = ch.codePointAt(0);
        w += isWide(c) ? 2 : 1;
    }
    return w;
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

;// CONCATENATED MODULE: ./src/analyze/measure.ts





/** Turns a load plan and token counts into the snapshot. Pure apart from the counter's cache. */
async function measure(plan, counter, ctx) {
    const texts = [...plan.files.map((f) => f.text), ...plan.skillEntries.map((e) => e.text), ...plan.agentEntries.map((e) => e.text)];
    const counts = await counter.countAll(texts);
    const tok = (t) => counts.get(TokenCounter.key(t)) ?? 0;
    const files = plan.files
        .map((f) => ({ path: f.path, unit: f.unit, kind: f.kind, loading: f.loading, reason: f.reason, category: f.category, tokens: tok(f.text), chars: f.text.length, bytes: f.bytes, sha: f.sha, ...(f.depth !== undefined ? { depth: f.depth } : {}) }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const counted = new Set(plan.units.filter((u) => u.counted).map((u) => u.name));
    const skills = skillListing(plan.skillEntries, ctx.model, tok, counted);
    const agentItems = plan.agentEntries.map((e) => entryRecord(e, tok));
    const eagerAgents = agentItems.filter((e) => e.loading === 'eager' && counted.has(e.unit));
    // Claude Code's own estimate: round(chars / 4) of "name: description" per agent.
    const agentChars = eagerAgents.reduce((s, e) => s + e.text.length + (eagerAgents.indexOf(e) > 0 ? 1 : 0), 0);
    const claudeEstimate = eagerAgents.reduce((s, e) => s + Math.round(agentNameDesc(e.text).length / 4), 0);
    const agents = {
        chars: agentChars,
        tokens: eagerAgents.reduce((s, e) => s + e.tokens, 0),
        claudeEstimateTokens: claudeEstimate,
        warnAt: ctx.model.agentListingWarnTokens,
        overLimit: claudeEstimate > ctx.model.agentListingWarnTokens,
        entries: eagerAgents.length,
        items: agentItems,
    };
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
        const onDemand = c.kind === 'memory' || c.kind === 'rule' || c.kind === 'output-style' ? (body?.loading === 'on-demand' ? body.tokens : 0) : (body && body.loading !== 'not-loaded' ? body.tokens : 0) + refs;
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
    const units = plan.units.map((u) => {
        const uf = files.filter((f) => f.unit === u.name);
        const ue = allEntries.filter((e) => e.unit === u.name);
        const comps = {};
        for (const c of components)
            if (c.unit === u.name)
                comps[c.kind] = (comps[c.kind] ?? 0) + 1;
        // A plugin's cost is what installing it adds: measured as if installed, whether or not it counts in the totals.
        const eager = sum(uf.filter((f) => f.loading === 'eager').map((f) => f.tokens)) + sum(ue.filter((e) => e.loading === 'eager').map((e) => e.tokens));
        return {
            name: u.name,
            type: u.type,
            root: u.root,
            ...(u.marketplace ? { marketplace: u.marketplace } : {}),
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
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        tool: { name: 'context-budget', version: ctx.toolVersion },
        source: ctx.source,
        tokenizer: { name: counter.name, estimate: true, note: TOKENIZER_NOTE },
        model: { claudeCodeVersion: ctx.model.claudeCodeVersion, contextWindow: ctx.model.contextWindow, charsPerToken: ctx.model.charsPerToken },
        totals: {
            eagerTokens,
            onDemandTokens,
            worstInvocationTokens: eagerTokens + (worst?.onDemandTokens ?? 0),
            worstInvocation: worst ? worst.name : null,
            windowShare: round4(eagerTokens / ctx.model.contextWindow),
            notLoadedTokens: sum(files.filter((f) => f.loading === 'not-loaded').map((f) => f.tokens)),
        },
        categories,
        units,
        files,
        components,
        listings: { skills, agents },
        memory: { chars: plan.memoryChars, warnChars: Math.max(ctx.model.memoryTotalMinWarnChars, 0), fileWarnChars: ctx.model.memoryFileMinWarnChars, files: memFiles.length },
        graph: buildGraph(plan),
        unknowns: plan.unknowns,
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
    };
}
function agentNameDesc(line) {
    // "- name: description (Tools: ...)" -> "name: description"
    return line.replace(/^- /, '').replace(/ \(Tools: [^)]*\)$/, '');
}
/**
 * The skill listing against its character budget. Over budget (Claude Code 2.1.332): every entry
 * starts as "- name"; in listing order (usage order for a user with no history) each gets its
 * description back if it still fits; the rest stay bare names.
 */
function skillListing(entries, model, tok, counted) {
    const items = entries.map((e) => entryRecord(e, tok));
    const eager = items.filter((e) => e.loading === 'eager' && counted.has(e.unit));
    const budget = skillListingBudget(model);
    const chars = model.bundledListingChars + eager.reduce((s, e) => s + e.chars, 0) + Math.max(0, eager.length - 1);
    const overBudget = chars > budget;
    const truncated = [];
    if (overBudget) {
        const nameOnly = eager.map((e, i) => displayWidth(`- ${e.name}`) + (i > 0 ? 1 : 0));
        let left = budget - model.bundledListingChars - sum(nameOnly);
        eager.forEach((e) => {
            const entry = entries.find((p) => p.name === e.name && p.file === e.file);
            if (entry?.nameOnly)
                return;
            const extra = e.chars - displayWidth(`- ${e.name}`);
            if (extra <= left)
                left -= extra;
            else {
                truncated.push(e.name);
                e.truncated = true;
            }
        });
    }
    return {
        chars,
        budget,
        bundledAllowance: model.bundledListingChars,
        overBudget,
        truncated,
        assumedOrder: 'listing order (project commands and skills, workflows, then plugins); real order follows each user\'s own usage',
        entries: eager.length,
        tokens: sum(eager.map((e) => e.tokens)),
        items,
    };
}
function buildGraph(plan) {
    const edges = plan.edges;
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
    return { nodes: nodes.size, edges, maxDepth: Math.max(0, longest.length - 1), longestChain: longest, cycles, unresolved: plan.unresolved };
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
function sum(xs) {
    let s = 0;
    for (const x of xs)
        s += x;
    return s;
}
function round4(x) {
    return Math.round(x * 10000) / 10000;
}

// EXTERNAL MODULE: external "node:path/posix"
var posix_ = __webpack_require__(1535);
var posix_default = /*#__PURE__*/__webpack_require__.n(posix_);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/analyze/frontmatter.ts

const OPEN = /^---[ \t]*\r?\n/;
/**
 * Splits and parses YAML frontmatter leniently, like Claude Code: strict YAML first, then a
 * line-by-line `key: value` reader for what strict YAML rejects (unquoted colons, `[x] | y`,
 * `{{TEMPLATES}}`). Never evaluates anything: `---js` and other engines are not frontmatter.
 */
function parseFrontmatter(raw, maxBytes = 256 * 1024) {
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const issues = [];
    const none = () => ({ data: {}, body: text, bodyLine: 1, hasFrontmatter: false, issues });
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
    const body = rest.slice(close.index + close[0].length);
    const bodyLine = 2 + countLines(yamlText) + 1;
    const result = { data: {}, body, bodyLine, hasFrontmatter: true, issues };
    if (yamlText.length > maxBytes) {
        issues.push({ line: 2, message: `frontmatter of ${yamlText.length} bytes exceeds the ${maxBytes}-byte limit; read line by line` });
        result.data = lenientKeys(yamlText);
        return result;
    }
    const strict = parseStrict(yamlText);
    if (strict.ok) {
        result.data = strict.data;
        return result;
    }
    issues.push({ line: 1 + strict.line, message: `frontmatter is not valid YAML (${strict.message}); read leniently line by line` });
    result.data = lenientKeys(yamlText);
    return result;
}
function countLines(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) === 10)
            n++;
    return n;
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
    if (Array.isArray(v))
        return v.map((x) => asText(x) ?? '').join(', ');
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return JSON.stringify(v);
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
/** Lines with code (fenced blocks, inline spans) and HTML comments blanked out, same line count. */
function proseLines(text) {
    const lines = text.split(/\r?\n/);
    const out = [];
    let fence = null;
    let inComment = false;
    for (const line of lines) {
        if (fence !== null) {
            const m = FENCE_RE.exec(line);
            if (closesFence(line, fence))
                fence = null;
            out.push('');
            continue;
        }
        if (!inComment) {
            const m = FENCE_RE.exec(line);
            if (m) {
                fence = m[1];
                out.push('');
                continue;
            }
        }
        let s = line;
        let kept = '';
        while (s.length > 0) {
            if (inComment) {
                const end = s.indexOf('-->');
                if (end < 0) {
                    s = '';
                    break;
                }
                s = s.slice(end + 3);
                inComment = false;
                continue;
            }
            const start = s.indexOf('<!--');
            if (start < 0) {
                kept += s;
                break;
            }
            kept += s.slice(0, start) + ' ';
            s = s.slice(start + 4);
            inComment = true;
        }
        out.push(stripInlineCode(kept));
    }
    return out;
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
    const lines = proseLines(text);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (!line.includes('@'))
            continue;
        IMPORT_RE.lastIndex = 0;
        for (let m = IMPORT_RE.exec(line); m; m = IMPORT_RE.exec(line)) {
            let ref = m[1].replace(/\\ /g, ' ');
            const hash = ref.indexOf('#');
            if (hash >= 0)
                ref = ref.slice(0, hash);
            if (ref && isImportPath(ref))
                refs.push({ ref, line: i + 1 });
        }
    }
    return refs;
}
/** Removes HTML comments outside code (Claude Code strips them from memory files before loading). */
function stripHtmlComments(text) {
    if (!text.includes('<!--'))
        return text;
    const lines = text.split(/(\r?\n)/);
    let out = '';
    let fence = null;
    let inComment = false;
    for (let idx = 0; idx < lines.length; idx++) {
        const part = lines[idx];
        if (idx % 2 === 1) {
            if (!inComment)
                out += part;
            continue;
        }
        const fm = FENCE_RE.exec(part);
        if (!inComment && fence === null && fm) {
            fence = fm[1];
            out += part;
            continue;
        }
        if (fence !== null) {
            if (closesFence(part, fence))
                fence = null;
            out += part;
            continue;
        }
        let s = part;
        while (s.length > 0) {
            if (inComment) {
                const end = s.indexOf('-->');
                if (end < 0) {
                    s = '';
                    break;
                }
                s = s.slice(end + 3);
                inComment = false;
                continue;
            }
            const start = s.indexOf('<!--');
            if (start < 0) {
                out += s;
                break;
            }
            out += s.slice(0, start);
            s = s.slice(start + 4);
            inComment = true;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/analyze/tree.ts

/**
 * The repository as a set of paths, with symlinks resolved inside it only.
 * A link that leaves the repository, or loops, is never followed.
 */
class Tree {
    maxHops;
    files = new Map();
    links = new Map();
    dirs = new Set(['']);
    /** Directory symlinks that resolve inside the repo, expanded into alias paths -> real paths. */
    aliases = new Map();
    constructor(entries, maxHops = 40) {
        this.maxHops = maxHops;
        for (const e of entries) {
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
        const realFiles = [...this.files.keys()];
        for (const link of this.links.keys()) {
            const r = this.resolve(link);
            if (!r.ok || this.files.has(r.path) || !this.dirs.has(r.path))
                continue;
            const prefix = r.path === '' ? '' : r.path + '/';
            // A link to one of its own ancestors would alias the tree into itself: skip.
            if (link.startsWith(prefix))
                continue;
            for (const f of realFiles) {
                if (!f.startsWith(prefix))
                    continue;
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
    /** All visible file paths: real files, file symlinks that resolve inside, and aliases through directory links. */
    visiblePaths() {
        const out = [...this.files.keys(), ...this.aliases.keys()];
        for (const link of this.links.keys()) {
            const r = this.resolve(link);
            if (r.ok && this.files.has(r.path))
                out.push(link);
        }
        return out.sort();
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

;// CONCATENATED MODULE: ./src/analyze/units.ts


const PROJECT = 'project';
const COMPONENT_KEYS = ['commands', 'agents', 'skills', 'outputStyles', 'themes', 'workflows', 'monitors', 'mcpServers', 'lspServers', 'hooks'];
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * The project plus every plugin: each `.claude-plugin/plugin.json`, and each local entry of a
 * `.claude-plugin/marketplace.json` (whose fields supply or extend the manifest).
 */
function discoverUnits(tree, readJson, installed) {
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
        const manifest = isObject(v) ? v : {};
        if (v !== undefined && !isObject(v))
            diagnostics.push({ file: p, line: 1, severity: 'warning', code: 'invalid-manifest', message: 'plugin.json is not a JSON object' });
        const name = typeof manifest.name === 'string' && manifest.name.trim() ? manifest.name.trim() : posix_default().basename(root) || 'plugin';
        byRoot.set(root, { name, type: 'plugin', root, manifestPath: p, manifest, counted: false, mcpServers: [], sessionStartHooks: 0 });
    }
    for (const p of visible) {
        if (!p.endsWith('.claude-plugin/marketplace.json') || posix_default().basename(posix_default().dirname(p)) !== '.claude-plugin')
            continue;
        const v = readJson(p);
        if (!isObject(v))
            continue;
        const mroot = dirOf(posix_default().dirname(p));
        const mname = typeof v.name === 'string' ? v.name : posix_default().basename(mroot) || 'marketplace';
        const pluginRoot = isObject(v.metadata) && typeof v.metadata.pluginRoot === 'string' ? v.metadata.pluginRoot : '';
        const plugins = Array.isArray(v.plugins) ? v.plugins : [];
        plugins.forEach((entry, i) => {
            if (!isObject(entry))
                return;
            const ename = typeof entry.name === 'string' ? entry.name : `plugin-${i + 1}`;
            if (typeof entry.source !== 'string') {
                diagnostics.push({ file: p, line: 1, severity: 'info', code: 'external-plugin', message: `marketplace plugin "${ename}" comes from an external source (${isObject(entry.source) ? String(entry.source.source ?? 'object') : typeof entry.source}): its files are not in the repository and are not measured` });
                return;
            }
            const src = entry.source.startsWith('./') || entry.source.startsWith('../') || entry.source === '.' ? entry.source : posix_default().join(pluginRoot, entry.source);
            const root = Tree.normalize(posix_default().join(mroot, src));
            if (root === null) {
                diagnostics.push({ file: p, line: 1, severity: 'warning', code: 'external-plugin', message: `marketplace plugin "${ename}" source "${entry.source}" leaves the repository: not measured` });
                return;
            }
            if (!tree.isDir(root)) {
                diagnostics.push({ file: p, line: 1, severity: 'warning', code: 'missing-plugin', message: `marketplace plugin "${ename}" source "${entry.source}" does not exist in the repository` });
                return;
            }
            const fromEntry = Object.fromEntries(COMPONENT_KEYS.filter((k) => k in entry).map((k) => [k, entry[k]]));
            const existing = byRoot.get(root);
            if (existing) {
                existing.marketplace = mname;
                existing.manifest = entry.strict === false ? { ...entry, ...fromEntry } : { ...fromEntry, ...existing.manifest };
                if (existing.name !== ename)
                    diagnostics.push({ file: p, line: 1, severity: 'info', code: 'plugin-name-mismatch', message: `marketplace entry "${ename}" installs plugin "${existing.name}" (${root || '.'})` });
            }
            else {
                byRoot.set(root, { name: ename, type: 'plugin', root, manifest: { ...entry }, marketplace: mname, counted: false, mcpServers: [], sessionStartHooks: 0 });
            }
        });
    }
    const units = [project];
    const names = new Set([PROJECT]);
    for (const u of [...byRoot.values()].sort((a, b) => (a.root < b.root ? -1 : 1))) {
        if (names.has(u.name)) {
            diagnostics.push({ file: u.manifestPath ?? (u.root || '.'), line: 1, severity: 'warning', code: 'duplicate-plugin', message: `plugin name "${u.name}" is used by more than one plugin; this one is reported as "${u.name}@${u.root || '.'}"` });
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

// EXTERNAL MODULE: ./node_modules/json5/lib/index.js
var lib = __webpack_require__(4841);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
;// CONCATENATED MODULE: ./src/analyze/workflow.ts

/**
 * Reads `export const meta = { ... }` from a workflow script as data: the object literal is cut out
 * by scanning (strings and comments respected) and parsed with JSON5. Nothing is executed.
 */
function readWorkflowMeta(source) {
    const m = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*export\s+const\s+meta\s*=\s*/.exec(source);
    if (!m)
        return { ok: false, line: 1, message: 'first statement is not `export const meta = { ... }`: not listed' };
    const start = m[0].length;
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

;// CONCATENATED MODULE: ./src/analyze/plan.ts









/** Paths worth reading before anything is known: everything that can be a framework file. */
function candidatePaths(tree) {
    const names = new Set(['CLAUDE.md', 'AGENTS.md', 'CLAUDE.local.md', 'SKILL.md', '.mcp.json', '.lsp.json', 'plugin.json', 'marketplace.json', 'hooks.json']);
    const dirs = /(^|\/)(\.claude|\.claude-plugin|commands|agents|skills|output-styles|workflows|hooks|rules)\//;
    return tree.visiblePaths().filter((p) => {
        const base = posix_default().basename(p);
        if (names.has(base))
            return true;
        return dirs.test(p) && /\.(md|mdc|json|js|mjs)$/i.test(base);
    });
}
const IGNORED_DIR = /(^|\/)(node_modules|\.git)\//;
/** Builds the load plan from a tree and the contents read so far. Pure. */
function buildPlan(tree, contents, opts) {
    return new Planner(tree, contents, opts).run();
}
class Planner {
    tree;
    contents;
    limits;
    m;
    files = new Map();
    skillEntries = [];
    agentEntries = [];
    components = [];
    edges = [];
    unresolved = [];
    cycles = [];
    unknowns = [];
    diagnostics = [];
    missing = new Set();
    readCache = new Map();
    diagnosed = new Set();
    memoryChars = 0;
    units = [];
    constructor(tree, contents, opts) {
        this.tree = tree;
        this.contents = contents;
        this.m = opts.model;
        this.limits = opts.limits ?? DEFAULT_LIMITS;
        this.installed = opts.installedPlugins ?? 'all';
    }
    installed;
    run() {
        this.reportLinks();
        const { units, diagnostics } = discoverUnits(this.tree, (p) => this.readJson(p), this.installed);
        this.units = units;
        this.diagnostics.push(...diagnostics);
        for (const u of units)
            if (u.manifestPath)
                this.addFile(u.manifestPath, u.name, 'plugin-manifest', 'not-loaded', 'plugin manifest (metadata, not sent to the model)', 'other');
        for (const mp of this.tree.visiblePaths().filter((p) => p.endsWith('.claude-plugin/marketplace.json')))
            this.addFile(mp, PROJECT, 'marketplace', 'not-loaded', 'marketplace catalogue (metadata, not sent to the model)', 'other');
        const settings = this.readSettings();
        this.planMemory(settings);
        for (const u of units)
            this.planUnit(u, settings);
        this.applyOverridesAndOrder(settings);
        this.planRemaining();
        this.checkCollisions();
        return {
            units,
            files: [...this.files.values()],
            skillEntries: this.skillEntries,
            agentEntries: [...this.agentEntries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
            components: this.components,
            edges: this.edges,
            unresolved: this.unresolved,
            cycles: this.cycles,
            unknowns: this.unknowns,
            diagnostics: this.diagnostics,
            memoryChars: this.memoryChars,
            missing: [...this.missing].sort(),
        };
    }
    // ---------------------------------------------------------------- reading
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
                const d = decode(blob.data);
                if (d.problem)
                    this.diag(p, 1, d.binary ? 'warning' : 'info', d.binary ? 'binary-file' : 'encoding', d.problem);
                r = { real, sha: blob.sha, bytes: blob.data.length, text: d.text };
            }
            this.readCache.set(real, r);
        }
        if (r && withFrontmatter && !r.parsed) {
            r.parsed = parseFrontmatter(r.text, this.limits.maxFrontmatterBytes);
            for (const issue of r.parsed.issues)
                this.diag(p, issue.line, 'warning', 'frontmatter', issue.message);
        }
        return r;
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
        if (existing) {
            // A file reached twice keeps its strongest loading: eager beats on-demand beats not-loaded.
            if (rank(loading) > rank(existing.loading))
                this.files.set(real, { ...existing, loading, reason, category, unit, kind, text: text ?? existing.text, depth });
            return existing;
        }
        const f = { path: real, real, sha: r?.sha ?? '', bytes: r?.bytes ?? 0, unit, kind, loading, reason, category, text: text ?? r?.text ?? '', depth };
        this.files.set(real, f);
        return f;
    }
    reportLinks() {
        for (const l of this.tree.brokenLinks()) {
            if (IGNORED_DIR.test(l.path + '/'))
                continue;
            const why = l.reason === 'external' ? 'points outside the repository; never read' : l.reason === 'loop' ? 'is a symlink loop' : 'points to nothing in the repository';
            this.diag(l.path, 1, l.reason === 'missing' ? 'info' : 'warning', `symlink-${l.reason}`, `symlink to "${l.target}" ${why}`);
            this.unresolved.push({ from: l.path, line: 1, ref: l.target, reason: l.reason === 'loop' ? 'loop' : l.reason === 'external' ? 'external' : 'missing' });
        }
    }
    // ---------------------------------------------------------------- settings
    readSettings() {
        const s = { skillOverrides: {}, claudeMdExcludes: [], hooks: [] };
        for (const p of ['.claude/settings.json', '.claude/settings.local.json']) {
            if (!this.tree.real(p))
                continue;
            this.addFile(p, PROJECT, 'settings', 'not-loaded', 'settings (configure loading; not sent to the model)', 'other');
            const v = this.readJson(p);
            if (!plan_isObject(v))
                continue;
            if (typeof v.outputStyle === 'string')
                s.outputStyle = v.outputStyle;
            if (plan_isObject(v.skillOverrides))
                for (const [k, val] of Object.entries(v.skillOverrides))
                    if (typeof val === 'string')
                        s.skillOverrides[k] = val;
            if (Array.isArray(v.claudeMdExcludes))
                s.claudeMdExcludes.push(...v.claudeMdExcludes.filter((x) => typeof x === 'string'));
            if (typeof v.instructionFiles === 'string')
                s.instructionFiles = v.instructionFiles;
            if (plan_isObject(v.hooks))
                s.hooks.push({ file: p, hooks: v.hooks });
        }
        return s;
    }
    // ---------------------------------------------------------------- memory
    planMemory(settings) {
        const mode = settings.instructionFiles ?? this.m.instructionFiles;
        if (mode === 'managed-only')
            return;
        const excluded = settings.claudeMdExcludes.length ? picomatch_default()(settings.claudeMdExcludes, { dot: true }) : () => false;
        const visible = this.tree.visiblePaths().filter((p) => !IGNORED_DIR.test(p) && !excluded(p));
        // Memory files per directory: dir -> candidates.
        const byDir = new Map();
        const slot = (d) => {
            let s = byDir.get(d);
            if (!s)
                byDir.set(d, (s = { claude: [], agents: [], rules: [] }));
            return s;
        };
        for (const p of visible) {
            const base = posix_default().basename(p);
            const dir = posix_default().dirname(p) === '.' ? '' : posix_default().dirname(p);
            const owner = dir === '.claude' ? '' : dir.endsWith('/.claude') ? dir.slice(0, -'/.claude'.length) : dir;
            if (base === 'CLAUDE.md' || base === 'CLAUDE.local.md') {
                if (dir === owner || dir.endsWith('.claude'))
                    slot(owner).claude.push(p);
            }
            else if (base === 'AGENTS.md') {
                if (dir === owner || dir.endsWith('.claude'))
                    slot(owner).agents.push(p);
            }
            else {
                const rm = /^(?:(.*)\/)?\.claude\/rules\/.+\.md$/i.exec(p);
                if (rm)
                    slot(rm[1] ?? '').rules.push(p);
            }
        }
        const order = (d) => (list) => [...list].sort((a, b) => memoryOrder(a, d) - memoryOrder(b, d) || (a < b ? -1 : 1));
        const roots = [];
        const dirs = [...byDir.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1));
        for (const d of dirs) {
            const s = byDir.get(d);
            const top = d === '';
            const loading = top ? 'eager' : 'on-demand';
            const where = top ? 'project root' : `${d}/`;
            const useAgents = mode === 'claude-md-and-agents-md' || (mode === 'claude-md-or-agents-md' && (top ? s.claude.length === 0 : s.claude.length === 0));
            for (const p of order(d)(s.claude))
                roots.push({ p, loading, reason: top ? `memory file at the ${where}, loaded at session start` : `nested memory file, loaded when Claude reads files in ${where}`, category: top ? 'memory' : 'nested-memory', dir: d });
            if (useAgents)
                for (const p of order(d)(s.agents))
                    roots.push({ p, loading, reason: top ? 'AGENTS.md standing in for CLAUDE.md, loaded at session start' : `nested AGENTS.md, loaded when Claude reads files in ${where}`, category: top ? 'memory' : 'nested-memory', dir: d });
            else
                for (const p of s.agents)
                    this.addFile(p, PROJECT, 'memory', 'not-loaded', mode === 'claude-md' ? 'AGENTS.md (instructionFiles: claude-md)' : 'AGENTS.md not loaded: a CLAUDE.md exists in the same place', 'other');
            for (const p of [...s.rules].sort()) {
                const r = this.read(p, true);
                const globs = asGlobs(r?.parsed?.data.paths);
                const conditional = globs !== undefined && globs.length > 0 && !globs.every((g) => trimGlob(g) === '**');
                if (conditional)
                    roots.push({ p, loading: 'on-demand', reason: `rule with paths: ${globs.map(trimGlob).join(', ')}; loaded when matching files are touched`, category: 'path-rules', dir: d });
                else
                    roots.push({ p, loading, reason: top ? 'rule without paths:, loaded at session start' : `rule in ${where}.claude/rules, loaded when Claude reads files in ${where}`, category: top ? 'rules' : 'nested-memory', dir: d });
            }
        }
        // Eager roots first so that a file reachable both ways is eager.
        const sorted = [...roots.filter((r) => r.loading === 'eager'), ...roots.filter((r) => r.loading !== 'eager')];
        const loadedTexts = new Set();
        const loaded = new Set();
        let totalChars = 0;
        const fileWarn = memoryFileWarnChars(this.m);
        for (const root of sorted) {
            const isAgents = posix_default().basename(root.p) === 'AGENTS.md';
            const real = this.tree.real(root.p);
            if (!real)
                continue;
            if (loaded.has(real)) {
                if (root.loading === 'eager' || !this.files.has(real))
                    continue;
                continue;
            }
            if (isAgents) {
                const r = this.read(root.p);
                const trimmed = r?.text.trim() ?? '';
                if (loadedTexts.has(trimmed)) {
                    this.addFile(root.p, PROJECT, 'memory', 'not-loaded', 'AGENTS.md with the same text as a memory file already loaded: dropped', 'other');
                    continue;
                }
            }
            const chars = this.loadMemory(root.p, 0, root.loading, root.reason, root.category, loaded, [], root.p);
            if (root.loading === 'eager')
                totalChars += chars;
            const r = this.read(root.p);
            if (r)
                loadedTexts.add(r.text.trim());
        }
        this.memoryChars = totalChars;
        const totalWarn = memoryTotalWarnChars(this.m);
        if (totalChars > totalWarn)
            this.diag(sorted.find((r) => r.loading === 'eager')?.p ?? 'CLAUDE.md', 1, 'warning', 'memory-total-size', `instruction files total ${totalChars} characters > ${totalWarn}: Claude Code warns "Instruction files will impact performance"`);
        void fileWarn;
    }
    /** Loads one memory file and its imports depth-first; returns the characters loaded eagerly. */
    loadMemory(p, depth, loading, reason, category, loaded, stack, rootPath) {
        const real = this.tree.real(p);
        loaded.add(real);
        const isRule = /(^|\/)\.claude\/rules\//.test(real);
        const r = this.read(p, isRule);
        if (!r)
            return 0;
        if (r.bytes > this.m.memoryFileMaxBytes) {
            this.addFile(p, PROJECT, 'memory', 'not-loaded', `memory file over ${this.m.memoryFileMaxBytes} bytes: skipped by Claude Code`, 'other', '', depth);
            this.diag(p, 1, 'error', 'memory-file-skipped', `${r.bytes} bytes > ${this.m.memoryFileMaxBytes}: Claude Code skips this memory file entirely`);
            return 0;
        }
        const raw = isRule && r.parsed ? r.parsed.body : r.text;
        const asLink = /^[^\s@]+$/.test(r.text.trim()) && r.bytes < 256 ? Tree.normalize(posix_default().join(posix_default().dirname(real), r.text.trim())) : null;
        if (asLink && this.tree.real(asLink) && asLink !== real)
            this.diag(p, 1, 'warning', 'symlink-as-file', `the whole file is the path "${r.text.trim()}": a symlink checked out as a plain file (core.symlinks=false)? Claude Code loads this text, not ${asLink}`);
        const text = stripHtmlComments(raw);
        const kind = isRule ? 'rule' : 'memory';
        this.addFile(p, PROJECT, kind, loading, reason, category, text, depth);
        if (depth === 0)
            this.components.push({ id: `${kind}:${real}`, kind, name: real, unit: PROJECT, file: real, loading, refs: [] });
        const fileWarn = memoryFileWarnChars(this.m);
        if (text.length > fileWarn && loading === 'eager')
            this.diag(p, 1, 'warning', 'memory-file-size', `${text.length} characters > ${fileWarn}: Claude Code warns "Large ${real} will impact performance"`);
        let chars = text.length;
        const lineOffset = isRule && r.parsed ? r.parsed.bodyLine - 1 : 0;
        const nextStack = [...stack, real];
        for (const imp of findImports(raw)) {
            const line = imp.line + lineOffset;
            const target = this.resolveRef(p, imp.ref, line, 'import');
            if (!target)
                continue;
            const targetReal = this.tree.real(target);
            const loadable = loaded.has(targetReal) || nextStack.includes(targetReal) || depth + 1 < this.m.importMaxDepth;
            if (loadable)
                this.edges.push({ from: real, to: targetReal, type: 'import', line });
            if (nextStack.includes(targetReal)) {
                this.cycles.push([...nextStack.slice(nextStack.indexOf(targetReal)), targetReal]);
                continue;
            }
            if (loaded.has(targetReal))
                continue;
            if (depth + 1 >= this.m.importMaxDepth) {
                this.unresolved.push({ from: real, line, ref: imp.ref, reason: 'depth', resolved: targetReal });
                this.diag(p, line, 'warning', 'import-depth', `@${imp.ref} is at import depth ${depth + 1}; Claude Code stops at depth ${this.m.importMaxDepth} (file not loaded)`);
                if (!this.files.has(targetReal))
                    this.addFile(target, PROJECT, 'memory', 'not-loaded', `import past the depth limit (${this.m.importMaxDepth}) from ${real}`, 'other');
                continue;
            }
            chars += this.loadMemory(target, depth + 1, loading, `imported by ${rootPath === real ? real : real} at depth ${depth + 1}`, category === 'rules' ? 'rules' : category, loaded, nextStack, rootPath);
        }
        return chars;
    }
    /** Resolves an @reference inside the repository; records why it can't be. */
    resolveRef(from, ref, line, as, base) {
        const fromReal = this.tree.real(from) ?? from;
        if (ref.startsWith('~/') || ref === '~') {
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
        const baseDir = base ?? (posix_default().dirname(fromReal) === '.' ? '' : posix_default().dirname(fromReal));
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
            this.unresolved.push({ from: fromReal, line, ref, reason: reason === 'loop' ? 'loop' : reason === 'external' ? 'external' : 'missing' });
            if (as === 'import' && (ext || reason !== 'missing'))
                this.diag(from, line, 'warning', reason === 'missing' ? 'import-missing' : `import-${reason}`, `@${ref} ${reason === 'missing' ? 'does not exist in the repository' : reason === 'external' ? 'leads outside the repository through a symlink (never read)' : 'is a symlink loop'}: not loaded`);
            return null;
        }
        return norm;
    }
    // ---------------------------------------------------------------- units
    planUnit(u, settings) {
        const isProject = u.type === 'project';
        // Every unit is planned as installed; whether it counts in the totals is the unit's `counted`.
        const within = (p) => (u.root === '' ? p : `${u.root}/${p}`);
        const paths = (key, def) => {
            const fromManifest = manifestPaths(u.manifest, key);
            return (fromManifest ?? def).map((p) => Tree.normalize(posix_default().join(u.root, p))).filter((p) => p !== null);
        };
        const inDir = (dir, re) => this.tree.visiblePaths().filter((p) => (dir === '' ? true : p.startsWith(dir + '/')) && re.test(dir === '' ? p : p.slice(dir.length + 1)) && !IGNORED_DIR.test(p));
        // Commands
        const cmdDirs = isProject ? ['.claude/commands'] : paths('commands', ['commands']);
        for (const d of cmdDirs) {
            const files = this.tree.files.has(d) || this.tree.real(d) && !this.tree.isDir(d) ? [d] : inDir(d, /\.md$/i);
            for (const f of files) {
                const rel = this.tree.files.has(d) || !this.tree.isDir(d) ? posix_default().basename(f) : f.slice(d.length + 1);
                const name = rel.replace(/\.md$/i, '').split('/').join(':');
                this.planPrompt(u, f, isProject ? name : `${u.name}:${name}`, 'command');
            }
        }
        // Skills
        const skillRoots = isProject ? ['.claude/skills'] : paths('skills', ['skills']);
        const skillFiles = [];
        for (const d of skillRoots) {
            if (this.tree.real(`${d}/SKILL.md`))
                skillFiles.push(`${d}/SKILL.md`);
            else
                for (const f of inDir(d, /^[^/]+\/SKILL\.md$/))
                    skillFiles.push(f);
        }
        if (!isProject && this.tree.real(within('SKILL.md')) && !manifestPaths(u.manifest, 'skills'))
            skillFiles.push(within('SKILL.md'));
        for (const f of skillFiles) {
            const dir = posix_default().dirname(f);
            const dirName = f === within('SKILL.md') ? u.name : posix_default().basename(dir);
            this.planPrompt(u, f, dirName, 'skill');
            for (const res of inDir(dir, /.+/))
                if (res !== f && !skillFiles.includes(res))
                    this.addFile(res, u.name, 'resource', 'on-demand', `bundled with skill ${dirName}: read only when the skill reads it`, 'resources');
        }
        // Workflows
        for (const d of isProject ? ['.claude/workflows'] : paths('workflows', ['workflows'])) {
            for (const f of inDir(d, /^[^/]+\.(m?js)$/i))
                this.planWorkflow(u, f);
        }
        // Agents
        for (const d of isProject ? ['.claude/agents'] : paths('agents', ['agents'])) {
            const files = this.tree.isDir(d) ? inDir(d, /\.md$/i) : this.tree.real(d) ? [d] : [];
            for (const f of files)
                this.planAgent(u, f);
        }
        // Output styles
        for (const d of isProject ? ['.claude/output-styles'] : paths('outputStyles', ['output-styles'])) {
            const files = this.tree.isDir(d) ? inDir(d, /\.md$/i) : this.tree.real(d) ? [d] : [];
            for (const f of files) {
                const r = this.read(f, true);
                const name = asText(r?.parsed?.data.name) ?? posix_default().basename(f).replace(/\.md$/i, '');
                const forced = !isProject && asBool(r?.parsed?.data['force-for-plugin']);
                const selected = settings.outputStyle !== undefined && (settings.outputStyle === name || settings.outputStyle === `${u.name}:${name}`);
                const loading = forced || selected ? 'eager' : 'not-loaded';
                const reason = forced ? 'plugin output style with force-for-plugin: applies without being selected' : selected ? `output style selected in settings (outputStyle: ${settings.outputStyle})` : 'output style not selected in settings';
                this.addFile(f, u.name, 'output-style', loading, reason, loading === 'eager' ? 'output-style' : 'other', r?.parsed?.body ?? '');
                this.components.push({ id: `output-style:${u.name}:${name}`, kind: 'output-style', name, unit: u.name, file: this.tree.real(f) ?? f, loading, refs: [] });
            }
        }
        // MCP servers
        const mcpSources = [];
        const mcpPath = within('.mcp.json');
        const declared = u.manifest ? (u.manifest.mcpServers ?? (plan_isObject(u.manifest.experimental) ? u.manifest.experimental.mcpServers : undefined)) : undefined;
        if (typeof declared === 'string' || Array.isArray(declared)) {
            for (const p of [].concat(declared)) {
                const norm = typeof p === 'string' ? Tree.normalize(posix_default().join(u.root, p)) : null;
                if (norm && this.tree.real(norm))
                    mcpSources.push({ file: norm, servers: this.mcpFile(norm, u.name) });
            }
        }
        else if (plan_isObject(declared))
            mcpSources.push({ file: u.manifestPath ?? mcpPath, servers: declared });
        else if (this.tree.real(mcpPath))
            mcpSources.push({ file: mcpPath, servers: this.mcpFile(mcpPath, u.name) });
        for (const src of mcpSources) {
            if (!plan_isObject(src.servers))
                continue;
            for (const name of Object.keys(src.servers)) {
                u.mcpServers.push(name);
                if (u.counted)
                    this.unknowns.push({ kind: 'mcp-server', unit: u.name, file: src.file, name, note: 'MCP server: its tool schemas load at session start; their size is unknown without starting the server' });
            }
        }
        // Hooks
        const hookSources = isProject ? settings.hooks : [];
        if (!isProject) {
            const declaredHooks = u.manifest ? (u.manifest.hooks ?? (plan_isObject(u.manifest.experimental) ? u.manifest.experimental.hooks : undefined)) : undefined;
            const hookFiles = typeof declaredHooks === 'string' || Array.isArray(declaredHooks) ? [].concat(declaredHooks).filter((x) => typeof x === 'string').map((p) => Tree.normalize(posix_default().join(u.root, p))) : [within('hooks/hooks.json')];
            if (plan_isObject(declaredHooks))
                hookSources.push({ file: u.manifestPath ?? '', hooks: declaredHooks });
            for (const hf of hookFiles) {
                if (!hf || !this.tree.real(hf))
                    continue;
                this.addFile(hf, u.name, 'hook', 'not-loaded', 'hooks configuration (runs commands; not sent to the model)', 'other');
                const v = this.readJson(hf);
                if (plan_isObject(v))
                    hookSources.push({ file: hf, hooks: plan_isObject(v.hooks) ? v.hooks : v });
            }
        }
        for (const src of hookSources) {
            if (!plan_isObject(src.hooks))
                continue;
            const ss = src.hooks.SessionStart;
            const n = Array.isArray(ss) ? ss.reduce((acc, g) => acc + (plan_isObject(g) && Array.isArray(g.hooks) ? g.hooks.length : 1), 0) : 0;
            u.sessionStartHooks += n;
            if (n > 0 && u.counted)
                this.unknowns.push({ kind: 'session-start-hook', unit: u.name, file: src.file, name: `SessionStart (${n})`, note: 'SessionStart hook: may inject its command output into every session; unknown statically' });
        }
    }
    mcpFile(p, unit) {
        this.addFile(p, unit, 'mcp-server', 'not-loaded', 'MCP server declarations (tool schemas load at start: size unknown statically)', 'other');
        const v = this.readJson(p);
        return plan_isObject(v) && plan_isObject(v.mcpServers) ? v.mcpServers : v;
    }
    /** A command or skill: listing entry (eager or conditional) and body (on invocation). */
    planPrompt(u, f, name, kind) {
        const r = this.read(f, true);
        if (!r)
            return;
        const fm = r.parsed?.data ?? {};
        const body = r.parsed?.body ?? r.text;
        const isPlugin = u.type === 'plugin';
        let listedName = name;
        if (kind === 'skill') {
            const declared = asText(fm.name)?.trim();
            const base = declared || name;
            if (declared && declared !== name)
                this.diag(f, 1, 'info', 'skill-name-mismatch', `skill name "${declared}" differs from its directory "${name}"`);
            if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(base) || base.length > this.m.skillNameMaxChars)
                this.diag(f, fieldLine(r.text, 'name'), 'error', 'invalid-skill-name', `invalid skill name "${base.slice(0, 80)}": lowercase letters, digits and hyphens, at most ${this.m.skillNameMaxChars} characters`);
            listedName = isPlugin ? `${u.name}:${base}` : base;
        }
        const real = this.tree.real(f) ?? f;
        const description = asText(fm.description)?.trim() ?? '';
        const whenToUse = asText(fm.when_to_use)?.trim() ?? '';
        if (kind === 'skill' && description.length > this.m.skillDescriptionSpecMaxChars)
            this.diag(f, fieldLine(r.text, 'description'), 'warning', 'description-too-long', `description is ${description.length} characters; the skills spec allows ${this.m.skillDescriptionSpecMaxChars}`);
        let desc = description && whenToUse ? `${description} - ${whenToUse}` : description || whenToUse;
        const disabled = asBool(fm['disable-model-invocation']);
        const globs = kind === 'skill' ? asGlobs(fm.paths) : undefined;
        const conditional = globs !== undefined && globs.length > 0 && !globs.every((g) => trimGlob(g) === '**');
        let listed = !disabled;
        let why = '';
        if (!desc) {
            if (isPlugin) {
                listed = false;
                why = `plugin ${kind} with neither description nor when_to_use: not listed`;
                this.diag(f, 1, 'warning', 'missing-description', `plugin ${kind} has no description: Claude Code does not list it, so the model can't discover it`);
            }
            else {
                desc = deriveDescription(body, kind, this.m.derivedDescriptionMaxChars);
                this.diag(f, 1, 'info', 'missing-description', `no description: Claude Code derives "${desc.slice(0, 60)}" from the first line`);
            }
        }
        const bodyText = body;
        const refs = [];
        const bodyLineOffset = (r.parsed?.bodyLine ?? 1) - 1;
        if (kind === 'command') {
            for (const imp of findImports(body)) {
                const target = this.resolveRef(f, imp.ref, imp.line + bodyLineOffset, 'file-ref', u.root);
                if (!target)
                    continue;
                const tr = this.tree.real(target);
                refs.push(tr);
                this.edges.push({ from: real, to: tr, type: 'file-ref', line: imp.line + bodyLineOffset });
                this.addFile(target, u.name, 'resource', 'on-demand', `referenced with @ by ${real}: loaded when it is invoked`, 'resources');
            }
        }
        const bodyLoading = 'on-demand';
        this.addFile(f, u.name, kind, bodyLoading, `${kind} body, loaded on invocation`, kind === 'skill' ? 'skill-bodies' : 'command-bodies', bodyText);
        let entryLoading = 'not-loaded';
        if (listed)
            entryLoading = conditional ? 'on-demand' : 'eager';
        else if (!why)
            why = 'disable-model-invocation: true, not listed';
        const entry = listed ? this.makeEntry(listedName, desc, kind, u.name, real, entryLoading, conditional ? `path-scoped skill (paths: ${globs.map(trimGlob).join(', ')}): listed when matching files are touched` : `${kind} listing entry, sent at session start`) : undefined;
        this.components.push({ id: `${kind}:${u.name}:${listedName}`, kind, name: listedName, unit: u.name, file: real, loading: entry?.loading ?? bodyLoading, entry: entry?.name, refs });
    }
    makeEntry(name, description, kind, unit, file, loading, reason) {
        const cap = this.m.skillListingMaxDescChars;
        const capped = [...description].length > cap;
        const desc = capped ? [...description].slice(0, cap - 1).join('') + '…' : description;
        const e = { name, kind, unit, file, text: `- ${name}: ${desc}`, loading, reason, descriptionCapped: capped, nameOnly: false };
        if (capped)
            this.diag(file, 1, 'warning', 'description-capped', `description is ${[...description].length} characters: the listing cuts it to ${cap} (skillListingMaxDescChars)`);
        this.skillEntries.push(e);
        return e;
    }
    planWorkflow(u, f) {
        const r = this.read(f);
        if (!r)
            return;
        const real = this.tree.real(f) ?? f;
        if (r.bytes > this.m.workflowMaxBytes) {
            this.addFile(f, u.name, 'workflow', 'not-loaded', `workflow over ${this.m.workflowMaxBytes} bytes: ignored by Claude Code`, 'other', '');
            this.diag(f, 1, 'warning', 'workflow-too-large', `workflow is ${r.bytes} bytes > ${this.m.workflowMaxBytes}: Claude Code ignores it`);
            return;
        }
        const meta = readWorkflowMeta(r.text);
        if (!meta.ok) {
            this.addFile(f, u.name, 'workflow', 'not-loaded', 'workflow without a readable `export const meta`: not listed', 'other', '');
            this.diag(f, meta.line, 'warning', 'workflow-meta', meta.message);
            return;
        }
        const name = u.type === 'plugin' ? `${u.name}:${meta.name}` : meta.name;
        const desc = meta.whenToUse ? `${meta.description} - ${meta.whenToUse}` : meta.description;
        this.addFile(f, u.name, 'workflow', 'not-loaded', 'workflow script: runs when invoked, never sent as text', 'other', '');
        const entry = this.makeEntry(name, desc, 'workflow', u.name, real, 'eager', 'workflow listing entry (export const meta), sent at session start');
        this.components.push({ id: `workflow:${u.name}:${name}`, kind: 'workflow', name, unit: u.name, file: real, loading: entry.loading, entry: entry.name, refs: [] });
    }
    planAgent(u, f) {
        const r = this.read(f, true);
        if (!r)
            return;
        const real = this.tree.real(f) ?? f;
        const fm = r.parsed?.data ?? {};
        const base = asText(fm.name)?.trim() || posix_default().basename(f).replace(/\.md$/i, '');
        const name = u.type === 'plugin' ? `${u.name}:${base}` : base;
        const description = asText(fm.description)?.trim() ?? '';
        const body = r.parsed?.body ?? r.text;
        if (!r.parsed?.hasFrontmatter || !description) {
            this.addFile(f, u.name, 'agent', 'not-loaded', r.parsed?.hasFrontmatter ? 'agent without a description: Claude Code does not load it' : 'no frontmatter: not an agent definition', 'other', body);
            if (r.parsed?.hasFrontmatter)
                this.diag(f, 1, 'warning', 'missing-description', 'agent has no description: Claude Code does not load it');
            return;
        }
        const tools = asText(fm.tools)?.trim();
        const text = `- ${name}: ${description} (Tools: ${tools || 'All tools'})`;
        const loading = 'eager';
        this.agentEntries.push({ name, kind: 'agent', unit: u.name, file: real, text, loading, reason: 'agent listing entry, sent at session start', descriptionCapped: false, nameOnly: false });
        this.addFile(f, u.name, 'agent', 'on-demand', "agent system prompt, loaded in the subagent's own context when spawned", 'agent-bodies', body);
        this.components.push({ id: `agent:${u.name}:${name}`, kind: 'agent', name, unit: u.name, file: real, loading, entry: name, refs: [] });
        const skills = asGlobs(fm.skills);
        for (const s of skills ?? [])
            this.edges.push({ from: real, to: `skill:${s}`, type: 'agent-skill' });
    }
    applyOverridesAndOrder(settings) {
        for (const e of this.skillEntries) {
            const o = settings.skillOverrides[e.name];
            if (!o || o === 'on')
                continue;
            if (o === 'off' || o === 'user-invocable-only') {
                e.loading = 'not-loaded';
                e.reason = `skillOverrides: ${o}`;
            }
            else if (o === 'name-only') {
                e.text = `- ${e.name}`;
                e.nameOnly = true;
                e.reason += ' (skillOverrides: name-only)';
            }
        }
        // Resolve agent `skills:` references and body mentions of other components by name.
        const byName = new Map(this.components.filter((c) => c.entry).map((c) => [c.name, c.file]));
        for (let i = 0; i < this.edges.length; i++) {
            const e = this.edges[i];
            if (e.type !== 'agent-skill')
                continue;
            const target = byName.get(e.to.slice('skill:'.length)) ?? [...byName.entries()].find(([n]) => n.endsWith(':' + e.to.slice('skill:'.length)))?.[1];
            if (target)
                this.edges[i] = { ...e, to: target };
            else
                this.unresolved.push({ from: e.from, line: 1, ref: e.to.slice('skill:'.length), reason: 'missing' });
        }
        for (let i = this.edges.length - 1; i >= 0; i--)
            if (this.edges[i].to.startsWith('skill:'))
                this.edges.splice(i, 1);
        const commandNames = new Map(this.components.filter((c) => c.kind === 'command' || c.kind === 'skill').map((c) => [c.name, c.file]));
        if (commandNames.size) {
            for (const f of this.files.values()) {
                if (f.kind !== 'command' && f.kind !== 'skill' && f.kind !== 'agent' && f.kind !== 'memory' && f.kind !== 'rule')
                    continue;
                if (!f.text.includes('/'))
                    continue;
                const seen = new Set();
                for (const m of f.text.matchAll(/(?:^|[\s(`"'])\/([a-z0-9][\w.-]*(?::[\w.-]+)*)/g)) {
                    const target = commandNames.get(m[1]);
                    if (target && target !== f.real && !seen.has(target)) {
                        seen.add(target);
                        this.edges.push({ from: f.real, to: target, type: 'name-ref' });
                    }
                }
            }
        }
        for (const u of this.units)
            if (u.type === 'plugin')
                for (const c of this.components)
                    if (c.unit === u.name)
                        this.edges.push({ from: `plugin:${u.name}`, to: c.file, type: 'plugin-member' });
    }
    planRemaining() {
        const claimed = new Set(this.files.keys());
        for (const p of candidatePaths(this.tree)) {
            const real = this.tree.real(p);
            if (!real || claimed.has(real) || IGNORED_DIR.test(p))
                continue;
            claimed.add(real);
            const unit = ownerUnit(this.units, p);
            this.addFile(p, unit, 'other', 'not-loaded', unit === PROJECT ? 'not in any location Claude Code loads from' : `in plugin ${unit} but not in a component folder it declares`, 'other');
        }
    }
    checkCollisions() {
        const seen = new Map();
        for (const e of [...this.skillEntries, ...this.agentEntries]) {
            const key = `${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name}`;
            const prev = seen.get(key);
            if (prev && prev.file !== e.file)
                this.diag(e.file, 1, 'warning', 'duplicate-name', `${e.kind} name "${e.name}" is also defined by ${prev.file}${prev.unit !== e.unit ? ` (unit ${prev.unit})` : ''}: one shadows the other`);
            else
                seen.set(key, e);
        }
        // Same base name across units (e.g. a plugin skill and a project skill): a softer collision.
        const base = new Map();
        for (const e of [...this.skillEntries, ...this.agentEntries]) {
            const b = `${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name.split(':').pop()}`;
            const prev = base.get(b);
            if (prev && prev.unit !== e.unit && prev.name !== e.name)
                this.diag(e.file, 1, 'info', 'name-collision', `"${e.name}" shares its name with "${prev.name}" (${prev.file}) in another unit`);
            else if (!prev)
                base.set(b, e);
        }
    }
}
function rank(l) {
    return l === 'eager' ? 2 : l === 'on-demand' ? 1 : 0;
}
function plan_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function memoryOrder(p, dir) {
    const rel = dir === '' ? p : p.slice(dir.length + 1);
    return ['CLAUDE.md', '.claude/CLAUDE.md', 'AGENTS.md', '.claude/AGENTS.md', 'CLAUDE.local.md'].indexOf(rel) + 1 || 9;
}
/** Trailing `/**` is trimmed from path globs, as Claude Code does. */
function trimGlob(g) {
    return g.endsWith('/**') && g !== '/**' ? g.slice(0, -3) : g;
}
/** Manifest path(s) for a component kind; also accepted under `experimental.`. */
function manifestPaths(manifest, key) {
    if (!manifest)
        return undefined;
    const v = manifest[key] ?? (plan_isObject(manifest.experimental) ? manifest.experimental[key] : undefined);
    if (typeof v === 'string')
        return [v];
    if (Array.isArray(v))
        return v.filter((x) => typeof x === 'string');
    return undefined;
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
/** Claude Code's fallback description: first non-empty body line, heading #s removed, cut to 100. */
function deriveDescription(body, kind, max) {
    const line = body
        .split(/\r?\n/)
        .map((l) => l.trim())
        .find((l) => l.length > 0);
    if (!line)
        return kind === 'skill' ? 'Skill' : 'Custom command';
    const text = line.replace(/^#+\s*/, '');
    const chars = [...text];
    return chars.length > max ? chars.slice(0, max - 3).join('') + '...' : text;
}
function fieldLine(text, key) {
    const lines = text.split(/\r?\n/, 400);
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    return i >= 0 ? i + 1 : 1;
}

;// CONCATENATED MODULE: ./src/analyze/index.ts




const performanceClock = { now: () => performance.now() };
/** Reads everything the plan needs from the source, in a few batches (candidates, then what imports and manifests point to). */
async function load(source, opts) {
    const limits = opts.limits ?? DEFAULT_LIMITS;
    const entries = await source.list();
    const tree = new Tree(entries, limits.maxSymlinkHops);
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
            if (e && e.size <= limits.maxFileBytes)
                out.push(real);
        }
        return out;
    };
    let batch = readable(candidatePaths(tree)).slice(0, limits.maxFiles);
    let plan;
    for (let round = 0; round < 12; round++) {
        if (batch.length)
            for (const [p, b] of await source.read(batch))
                contents.set(p, b);
        plan = buildPlan(tree, contents, { model: opts.model, limits, installedPlugins: opts.installedPlugins });
        batch = readable(plan.missing);
        if (batch.length === 0)
            break;
    }
    const src = { kind: source.kind, root: source.root, ...(source.ref ? { ref: source.ref } : {}), ...(source.commit ? { commit: source.commit } : {}) };
    return { entries, tree, contents, plan: plan, source: src };
}
/** Times discovery and parsing (the plan) over the loaded contents: one sample per call. */
function timePlan(loaded, opts, clock = performanceClock) {
    const t0 = clock.now();
    const tree = new Tree(loaded.entries, opts.limits?.maxSymlinkHops);
    buildPlan(tree, loaded.contents, { model: opts.model, limits: opts.limits, installedPlugins: opts.installedPlugins });
    return clock.now() - t0;
}
function summarizeTimes(samples) {
    const s = [...samples].sort((a, b) => a - b);
    const med = s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    const r = (x) => Math.round(x * 100) / 100;
    return { medianMs: r(med), rounds: s.length, minMs: r(s[0] ?? 0), maxMs: r(s[s.length - 1] ?? 0), spreadMs: r((s[s.length - 1] ?? 0) - (s[0] ?? 0)) };
}
/** The analyze stage: source -> snapshot. */
async function analyze(source, opts, counter, clock = performanceClock) {
    const loaded = await load(source, opts);
    const rounds = Math.max(1, opts.loadTimeRounds ?? 5);
    const samples = [];
    for (let i = 0; i < rounds; i++)
        samples.push(timePlan(loaded, opts, clock));
    return measure(loaded.plan, counter, { model: opts.model, source: loaded.source, toolVersion: opts.toolVersion, loadTime: summarizeTimes(samples) });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/collect/git.ts


/** Runs git with arguments only (never a shell), returning stdout as a Buffer. */
function git(cwd, args, input) {
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
function blobSha(data) {
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}
async function resolveCommit(repo, ref) {
    if (ref.startsWith('-'))
        throw new Error(`Invalid revision "${ref}": must not start with "-"`);
    try {
        return (await git(repo, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
    }
    catch (e) {
        throw new Error(`Unknown revision "${ref}" in ${repo}: ${e.message}`);
    }
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
/** Reads blobs by SHA through one `git cat-file --batch` process. */
async function catFileBatch(repo, shas) {
    const result = new Map();
    const unique = [...new Set(shas)];
    if (unique.length === 0)
        return result;
    const out = await git(repo, ['cat-file', '--batch'], unique.join('\n') + '\n');
    let pos = 0;
    while (pos < out.length) {
        const nl = out.indexOf(10, pos);
        if (nl < 0)
            break;
        const header = out.toString('utf8', pos, nl);
        pos = nl + 1;
        const [sha, type, sizeText] = header.split(' ');
        if (type === 'missing' || sizeText === undefined || sha === undefined)
            continue;
        const size = Number(sizeText);
        result.set(sha, out.subarray(pos, pos + size));
        pos += size + 1;
    }
    return result;
}
/** A commit of a repository, read from git objects only: no checkout, no worktree, nothing executed. */
async function gitSource(repo, ref) {
    const commit = await resolveCommit(repo, ref);
    let listing;
    const list = async () => {
        if (listing)
            return listing;
        const entries = parseLsTree(await git(repo, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit]));
        const links = entries.filter((e) => e.type === 'symlink');
        const targets = await catFileBatch(repo, links.map((l) => l.sha));
        listing = entries.map((e) => (e.type === 'symlink' ? { ...e, linkTarget: targets.get(e.sha)?.toString('utf8') ?? '' } : e));
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
            const blobs = await catFileBatch(repo, wanted.map((e) => e.sha));
            const out = new Map();
            for (const e of wanted) {
                const data = blobs.get(e.sha);
                if (data)
                    out.set(e.path, { sha: e.sha, data });
            }
            return out;
        },
    };
}

// EXTERNAL MODULE: ./node_modules/fast-glob/out/index.js
var out = __webpack_require__(5648);
var out_default = /*#__PURE__*/__webpack_require__.n(out);
;// CONCATENATED MODULE: ./src/collect/worktree.ts




const IGNORE = ['**/.git/**', '**/node_modules/**'];
/** A directory on disk. Symlinks are listed, never followed by the walker. */
function worktreeSource(dir) {
    const root = external_node_path_default().resolve(dir);
    let listing;
    return {
        kind: 'worktree',
        root,
        async list() {
            if (listing)
                return listing;
            const found = await out_default()('**', { cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, objectMode: true, ignore: IGNORE, suppressErrors: true });
            const entries = [];
            for (const f of found) {
                if (f.dirent.isSymbolicLink()) {
                    const target = await external_node_fs_.promises.readlink(external_node_path_default().join(root, f.path)).catch(() => '');
                    entries.push({ path: f.path, type: 'symlink', size: target.length, linkTarget: target });
                }
                else if (f.dirent.isFile()) {
                    const st = await external_node_fs_.promises.stat(external_node_path_default().join(root, f.path)).catch(() => undefined);
                    entries.push({ path: f.path, type: 'file', size: st?.size ?? 0 });
                }
            }
            entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
            listing = entries;
            return listing;
        },
        async read(paths) {
            const out = new Map();
            const readOne = async (p) => {
                const abs = external_node_path_default().join(root, p);
                // Only regular files inside root; lstat guards against a file swapped for a symlink.
                const st = await external_node_fs_.promises.lstat(abs).catch(() => undefined);
                if (!st?.isFile())
                    return;
                const data = await external_node_fs_.promises.readFile(abs).catch(() => undefined);
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





/** Top of the git repository containing dir, or null when dir is not in one. */
async function repoTop(dir) {
    try {
        return (await git(dir, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
    }
    catch {
        return null;
    }
}
/** A directory's working tree, or one commit of the repository it belongs to. */
async function openSource(dir, ref) {
    const abs = external_node_path_default().resolve(dir);
    if (!(0,external_node_fs_.existsSync)(abs) || !(0,external_node_fs_.statSync)(abs).isDirectory())
        throw new errors/* UserError */.y(`Not a directory: ${dir}`);
    if (ref === undefined)
        return worktreeSource(abs);
    const top = await repoTop(abs);
    if (!top)
        throw new errors/* UserError */.y(`--ref ${ref} needs a git repository, and ${dir} is not in one`);
    try {
        return await gitSource(top, ref);
    }
    catch (e) {
        throw new errors/* UserError */.y(e.message);
    }
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
;// CONCATENATED MODULE: ./src/render/format.ts
/** Number formatting shared by every renderer. */
function fmt(n) {
    return Math.round(n).toLocaleString('en-US');
}
function signed(n) {
    const r = Math.round(n);
    return r > 0 ? `+${fmt(r)}` : r < 0 ? `−${fmt(-r)}` : '0';
}
function pct(share, digits = 1) {
    return `${(share * 100).toFixed(digits)}%`;
}
function signedPct(ratio) {
    if (ratio === null || !Number.isFinite(ratio))
        return 'new';
    const p = ratio * 100;
    return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(1)}%`;
}

;// CONCATENATED MODULE: ./src/render/analyze-text.ts


/** The `analyze` report for a terminal: what the framework costs, where, and why. */
function renderAnalyzeText(s, opts = {}) {
    const out = [];
    const where = s.source.kind === 'git' ? `${s.source.root} @ ${s.source.ref} (${(s.source.commit ?? '').slice(0, 12)})` : s.source.root;
    out.push(`context-budget ${s.tool.version}: ${where}`);
    out.push(`Tokens are an estimate (${s.tokenizer.name}); Claude Code ${s.model.claudeCodeVersion} loading model, ${fmt(s.model.contextWindow)}-token window.`);
    out.push('');
    out.push((0,markdown_table/* markdownTable */.Q)([
        ['Metric', 'Value'],
        ['Always loaded (eager) tokens', `${fmt(s.totals.eagerTokens)} (${pct(s.totals.windowShare)} of the window)`],
        ['On-demand tokens', fmt(s.totals.onDemandTokens)],
        ['Worst single invocation', `${fmt(s.totals.worstInvocationTokens)}${s.totals.worstInvocation ? ` (eager + ${s.totals.worstInvocation})` : ''}`],
        ['Skill listing', `${fmt(s.listings.skills.chars)} / ${fmt(s.listings.skills.budget)} chars, ${s.listings.skills.entries} entries${s.listings.skills.overBudget ? `, OVER BUDGET: ${s.listings.skills.truncated.length} reduced to bare names` : ''}`],
        ['Agent listing', `${fmt(s.listings.agents.claudeEstimateTokens)} / ${fmt(s.listings.agents.warnAt)} tokens (Claude Code's chars/4), ${s.listings.agents.entries} agents${s.listings.agents.overLimit ? ', OVER LIMIT' : ''}`],
        ['Import depth (max)', `${s.graph.maxDepth}${s.graph.longestChain.length > 1 ? ` (${s.graph.longestChain.join(' -> ')})` : ''}`],
        ['Cycles / unresolved refs', `${s.graph.cycles.length} / ${s.graph.unresolved.length}`],
        ['Load time (discover + parse)', `${s.loadTime.medianMs} ms median of ${s.loadTime.rounds} (spread ${s.loadTime.spreadMs} ms)`],
    ]));
    out.push('');
    out.push('By category');
    out.push((0,markdown_table/* markdownTable */.Q)([['Category', 'Loading', 'Tokens', 'Items'], ...s.categories.map((c) => [c.category, c.loading, fmt(c.tokens), String(c.files)])]));
    if (s.units.length > 1) {
        out.push('');
        out.push('By unit (a plugin: what installing it adds)');
        const units = [...s.units].sort((a, b) => b.eagerTokens - a.eagerTokens);
        out.push((0,markdown_table/* markdownTable */.Q)([['Unit', 'Eager', 'On demand', 'Files'], ...units.map((u) => [u.name + (u.counted ? '' : ' (not counted)'), fmt(u.eagerTokens), fmt(u.onDemandTokens), String(u.files)])]));
    }
    const eager = s.files.filter((f) => f.loading === 'eager').sort((a, b) => b.tokens - a.tokens);
    const limit = opts.files ?? 15;
    if (eager.length) {
        out.push('');
        out.push(`Largest always-loaded files${eager.length > limit ? ` (top ${limit} of ${eager.length})` : ''}`);
        out.push((0,markdown_table/* markdownTable */.Q)([['File', 'Tokens', 'Why'], ...eager.slice(0, limit).map((f) => [f.path, fmt(f.tokens), f.reason])]));
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
        for (const d of diags.slice(0, 30))
            out.push(`${d.severity.padEnd(7)} ${d.file}:${d.line} ${d.message}`);
        if (diags.length > 30)
            out.push(`... and ${diags.length - 30} more (use --json for all)`);
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/tokenize/file-store.ts


/** Token counts persisted as one JSON file (key: tokenizer + content hash). Corrupt files are ignored. */
class FileCountStore {
    file;
    data;
    dirty = false;
    constructor(file) {
        this.file = file;
        this.data = new Map();
        try {
            const parsed = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
                for (const [k, v] of Object.entries(parsed))
                    if (typeof v === 'number')
                        this.data.set(k, v);
        }
        catch {
            // No cache yet, or unreadable: start empty.
        }
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
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(this.file), { recursive: true });
        const tmp = `${this.file}.${process.pid}.tmp`;
        (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(Object.fromEntries(this.data)));
        (0,external_node_fs_.renameSync)(tmp, this.file);
        this.dirty = false;
    }
}
const CACHE_FILE = 'token-counts-v1.json';
function defaultCacheDir(env, home) {
    return env.CONTEXT_BUDGET_CACHE_DIR || external_node_path_default().join(env.XDG_CACHE_HOME || external_node_path_default().join(home, '.cache'), 'context-budget');
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/pipeline.ts










function modelFrom(o, base = DEFAULT_MODEL) {
    return { ...base, ...(o.window ? { contextWindow: o.window } : {}), ...(o.charsPerToken ? { charsPerToken: o.charsPerToken } : {}) };
}
function counterFor(o, proc) {
    if (!o.cache)
        return { counter: new TokenCounter(loadTokenizer, TOKENIZER_NAME), save: () => undefined };
    const store = new FileCountStore(external_node_path_default().join(o.cacheDir ? external_node_path_default().resolve(proc.cwd, o.cacheDir) : defaultCacheDir(proc.env, external_node_os_default().homedir()), CACHE_FILE));
    return {
        counter: new TokenCounter(loadTokenizer, TOKENIZER_NAME, store),
        save: () => {
            try {
                store.save();
            }
            catch (e) {
                proc.stderr.write(`context-budget: could not write the token cache ${store.file}: ${e.message}\n`);
            }
        },
    };
}
async function analyzeCommand(positionals, o, proc) {
    const dir = external_node_path_default().resolve(proc.cwd, positionals[0] ?? '.');
    const source = await openSource(dir, o.ref);
    const { counter, save } = counterFor(o, proc);
    const snapshot = await analyze(source, { model: modelFrom(o), toolVersion: version/* VERSION */.x, loadTimeRounds: o.rounds }, counter);
    save();
    proc.stdout.write(o.json ? JSON.stringify(snapshot, null, 2) + '\n' : renderAnalyzeText(snapshot, { files: o.files }));
    return 0;
}
async function diffCommand(_positionals, _o, _proc) {
    throw new Error('diff: implemented in compare/');
}


/***/ })

};
