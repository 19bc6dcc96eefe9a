import path from 'node:path/posix';
import picomatch from 'picomatch';
import type { Blob } from '../collect/types.js';
import { DEFAULT_LIMITS, IMPORTABLE_EXTENSIONS, memoryFileWarnChars, memoryTotalWarnChars, type Limits, type LoadingModel } from '../model/constants.js';
import type { Category, Component, ComponentKind, Diagnostic, GraphEdge, Loading, Severity, UnresolvedRef } from '../model/snapshot.js';
import { asBool, asGlobs, asText, parseFrontmatter, type ParsedFrontmatter } from './frontmatter.js';
import { findImports, stripHtmlComments } from './markdown.js';
import { decode, parseJson } from './text.js';
import { Tree } from './tree.js';
import { discoverUnits, PROJECT, USER, type UnitDef } from './units.js';
import { readWorkflowMeta } from './workflow.js';

/** A file in the load plan, with the exact text Claude Code would load. */
export interface PlannedFile {
  path: string;
  real: string;
  sha: string;
  bytes: number;
  unit: string;
  kind: ComponentKind;
  loading: Loading;
  reason: string;
  category: Category;
  /** Loaded text (frontmatter, HTML comments removed where Claude Code removes them). */
  text: string;
  depth?: number;
}

export interface PlannedEntry {
  name: string;
  kind: 'command' | 'skill' | 'workflow' | 'agent';
  unit: string;
  file: string;
  text: string;
  loading: Loading;
  reason: string;
  descriptionCapped: boolean;
  /** `- name` alone (name-only override). */
  nameOnly: boolean;
  /** Front matter name shown in parentheses after the listed (directory) name. */
  alias?: string;
}

export interface PlannedComponent extends Pick<Component, 'id' | 'kind' | 'name' | 'unit' | 'file' | 'loading'> {
  /** Listing entry name, when it has one. */
  entry?: string;
  /** Files the component pulls in when invoked (@file references). */
  refs: string[];
}

export interface Unknown {
  kind: 'mcp-server' | 'session-start-hook';
  unit: string;
  file: string;
  name: string;
  note: string;
}

export interface Plan {
  units: UnitDef[];
  files: PlannedFile[];
  skillEntries: PlannedEntry[];
  agentEntries: PlannedEntry[];
  components: PlannedComponent[];
  edges: GraphEdge[];
  unresolved: UnresolvedRef[];
  cycles: string[][];
  unknowns: Unknown[];
  diagnostics: Diagnostic[];
  memoryChars: number;
  /** Paths whose content the plan needed but was not given: read them and plan again. */
  missing: string[];
}

/** Decoded text and parsed frontmatter by blob SHA, shared by the planning passes of one load (not by timed rounds). */
export type ParseCache = Map<string, { text: string; problem?: string; binary: boolean; parsed?: ParsedFrontmatter }>;

export interface PlanOptions {
  /** Framework files past limits.maxFiles that were not read (reported). */
  notRead?: number;
  /** Reuse decoding and frontmatter parsing between passes (load's re-plans); timed rounds pass none. */
  parseCache?: ParseCache;
  model: LoadingModel;
  limits?: Limits;
  /** Which plugins count as installed in the totals: "all", "none" or a list of names. */
  installedPlugins?: 'all' | 'none' | string[];
  /** A folder of the repository that users install as ~/.claude (user-scope memory, commands, skills, agents). */
  userScope?: string;
}

/** Paths worth reading before anything is known: everything that can be a framework file. */
export function candidatePaths(tree: Tree): string[] {
  const names = new Set(['CLAUDE.md', 'AGENTS.md', 'CLAUDE.local.md', 'SKILL.md', '.mcp.json', '.lsp.json', 'plugin.json', 'marketplace.json', 'hooks.json']);
  const dirs = /(^|\/)(\.claude|\.claude-plugin|commands|agents|skills|output-styles|workflows|hooks|rules)\//;
  // Everything bundled with a skill (references, templates, scripts) is read too: it is counted as
  // on-demand, and reading it up front saves a second planning pass.
  const skillFiles = /(^|\/)skills\/[^/]+\/./;
  return tree.visiblePaths().filter((p) => {
    const base = path.basename(p);
    if (names.has(base)) return true;
    return (dirs.test(p) && /\.(md|mdc|json|js|mjs)$/i.test(base)) || skillFiles.test(p);
  });
}

const IGNORED_DIR = /(^|\/)(node_modules|\.git)\//;

/** A front matter name Claude Code shows after the directory name (2.1.332: letters, marks, digits, `_:.-`). */
const SKILL_ALIAS = /^[\p{L}\p{M}\p{N}_:.-]+$/u;

/** Builds the load plan from a tree and the contents read so far. Pure. */
export function buildPlan(tree: Tree, contents: ReadonlyMap<string, Blob>, opts: PlanOptions): Plan {
  return new Planner(tree, contents, opts).run();
}

interface Read {
  real: string;
  sha: string;
  bytes: number;
  text: string;
  parsed?: ParsedFrontmatter;
}

class Planner {
  private readonly limits: Limits;
  private readonly m: LoadingModel;
  private readonly files = new Map<string, PlannedFile>();
  private readonly skillEntries: PlannedEntry[] = [];
  private readonly agentEntries: PlannedEntry[] = [];
  private readonly components: PlannedComponent[] = [];
  private readonly edges: GraphEdge[] = [];
  private readonly unresolved: UnresolvedRef[] = [];
  private readonly cycles: string[][] = [];
  private readonly unknowns: Unknown[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly missing = new Set<string>();
  private readonly readCache = new Map<string, Read | null>();
  private readonly diagnosed = new Set<string>();
  private memoryChars = 0;
  private units: UnitDef[] = [];

  constructor(
    private readonly tree: Tree,
    private readonly contents: ReadonlyMap<string, Blob>,
    private readonly opts: PlanOptions,
  ) {
    this.m = opts.model;
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    this.installed = opts.installedPlugins ?? 'all';
    this.parseCache = opts.parseCache;
  }
  private readonly parseCache: ParseCache | undefined;
  private readonly installed: 'all' | 'none' | string[];

  run(): Plan {
    if (this.opts.notRead) this.diag('.', 1, 'warning', 'file-limit', `${this.opts.notRead} framework files beyond limits.maxFiles (${this.limits.maxFiles}) were not read: totals are incomplete`);
    this.reportLinks();
    const { units, diagnostics } = discoverUnits(this.tree, (p) => this.readJson(p), this.installed, (p) => this.read(p)?.text ?? '');
    const userRoot = this.opts.userScope ? Tree.normalize(this.opts.userScope.replace(/\/+$/, '')) : null;
    if (this.opts.userScope) {
      if (userRoot && this.tree.isDir(userRoot)) units.splice(1, 0, { name: USER, type: 'user', root: userRoot, counted: true, mcpServers: [], sessionStartHooks: 0 });
      else this.diag('.', 1, 'warning', 'user-scope-missing', `userScope "${this.opts.userScope}" is not a folder of the repository: nothing is measured at user scope`);
    }
    this.units = units;
    this.diagnostics.push(...diagnostics);
    for (const u of units) if (u.manifestPath) this.addFile(u.manifestPath, u.name, 'plugin-manifest', 'not-loaded', 'plugin manifest (metadata, not sent to the model)', 'other');
    for (const mp of this.tree.visiblePaths().filter((p) => p.endsWith('.claude-plugin/marketplace.json'))) this.addFile(mp, PROJECT, 'marketplace', 'not-loaded', 'marketplace catalogue (metadata, not sent to the model)', 'other');
    const settings = this.readSettings();
    this.planMemory(settings);
    // A plugin whose manifest Claude Code refuses loads nothing; its files are reported as not loaded.
    for (const u of units) if (!u.invalid) this.planUnit(u, settings);
    this.applyOverridesAndOrder(settings);
    this.planRemaining();
    this.checkCollisions();
    return {
      units,
      files: [...this.files.values()],
      skillEntries: listingOrder(this.skillEntries, this.units),
      agentEntries: agentOrder(this.agentEntries),
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

  private diag(file: string, line: number, severity: Severity, code: string, message: string): void {
    const key = `${file}\0${line}\0${code}\0${message}`;
    if (this.diagnosed.has(key)) return;
    this.diagnosed.add(key);
    this.diagnostics.push({ file, line, severity, code, message });
  }

  /** Reads a visible path's text; null when it doesn't exist or can't be read; records what is missing. */
  private read(p: string, withFrontmatter = false): Read | null {
    const real = this.tree.real(p);
    if (!real) return null;
    let r = this.readCache.get(real);
    if (r === undefined) {
      const entry = this.tree.files.get(real)!;
      const blob = this.contents.get(real);
      if (!blob) {
        if (entry.size > this.limits.maxFileBytes) {
          this.diag(p, 1, 'warning', 'oversized-file', `${entry.size} bytes exceeds the analysis limit of ${this.limits.maxFileBytes} bytes (limits.maxFileBytes): not read, counted as 0 tokens`);
          r = null;
        } else {
          this.missing.add(real);
          return { real, sha: entry.sha ?? '', bytes: entry.size, text: '' };
        }
      } else {
        let d = this.parseCache?.get(blob.sha);
        if (!d) {
          d = decode(blob.data);
          this.parseCache?.set(blob.sha, d);
        }
        if (d.problem) this.diag(p, 1, d.binary ? 'warning' : 'info', d.binary ? 'binary-file' : 'encoding', d.problem);
        r = { real, sha: blob.sha, bytes: blob.data.length, text: d.text };
      }
      this.readCache.set(real, r);
    }
    if (r && withFrontmatter && !r.parsed) {
      const memo = this.parseCache?.get(r.sha);
      r.parsed = memo?.parsed ?? parseFrontmatter(r.text, this.limits.maxFrontmatterBytes);
      if (memo) memo.parsed = r.parsed;
      for (const issue of r.parsed.issues) this.diag(p, issue.line, 'warning', 'frontmatter', issue.message);
    }
    return r;
  }

  private readJson(p: string): unknown {
    const r = this.read(p);
    if (!r || this.missing.has(r.real)) return undefined;
    const j = parseJson(r.text);
    if (!j.ok) {
      this.diag(p, j.line, 'warning', 'invalid-json', `invalid JSON: ${j.message}`);
      return undefined;
    }
    return j.value;
  }

  private addFile(p: string, unit: string, kind: ComponentKind, loading: Loading, reason: string, category: Category, text?: string, depth?: number): PlannedFile | undefined {
    const r = this.read(p);
    const real = r?.real ?? this.tree.real(p) ?? p;
    const existing = this.files.get(real);
    if (existing) {
      // A file reached twice keeps its strongest loading: eager beats on-demand beats not-loaded.
      if (rank(loading) > rank(existing.loading)) this.files.set(real, { ...existing, loading, reason, category, unit, kind, text: text ?? existing.text, depth });
      return existing;
    }
    const f: PlannedFile = { path: real, real, sha: r?.sha ?? '', bytes: r?.bytes ?? 0, unit, kind, loading, reason, category, text: text ?? r?.text ?? '', depth };
    this.files.set(real, f);
    return f;
  }

  private reportLinks(): void {
    for (const l of this.tree.brokenLinks()) {
      if (IGNORED_DIR.test(l.path + '/')) continue;
      const why = l.reason === 'external' ? 'points outside the repository; never read' : l.reason === 'loop' ? 'is a symlink loop' : 'points to nothing in the repository';
      this.diag(l.path, 1, l.reason === 'missing' ? 'info' : 'warning', `symlink-${l.reason}`, `symlink to "${l.target}" ${why}`);
      this.unresolved.push({ from: l.path, line: 1, ref: l.target, reason: l.reason === 'loop' ? 'loop' : l.reason === 'external' ? 'external' : 'missing' });
    }
  }

  // ---------------------------------------------------------------- settings

  private readSettings(): Settings {
    const s: Settings = { skillOverrides: {}, claudeMdExcludes: [], hooks: [] };
    for (const p of ['.claude/settings.json', '.claude/settings.local.json']) {
      if (!this.tree.real(p)) continue;
      this.addFile(p, PROJECT, 'settings', 'not-loaded', 'settings (configure loading; not sent to the model)', 'other');
      const v = this.readJson(p);
      if (!isObject(v)) continue;
      if (typeof v.outputStyle === 'string') s.outputStyle = v.outputStyle;
      if (isObject(v.skillOverrides)) for (const [k, val] of Object.entries(v.skillOverrides)) if (typeof val === 'string') s.skillOverrides[k] = val;
      if (Array.isArray(v.claudeMdExcludes)) s.claudeMdExcludes.push(...v.claudeMdExcludes.filter((x): x is string => typeof x === 'string'));
      if (typeof v.instructionFiles === 'string') s.instructionFiles = v.instructionFiles as Settings['instructionFiles'];
      if (isObject(v.hooks)) s.hooks.push({ file: p, hooks: v.hooks });
    }
    return s;
  }

  // ---------------------------------------------------------------- memory

  private planMemory(settings: Settings): void {
    const mode = settings.instructionFiles ?? this.m.instructionFiles;
    if (mode === 'managed-only') return;
    const excluded = settings.claudeMdExcludes.length ? picomatch(settings.claudeMdExcludes, { dot: true }) : () => false;
    const user = this.units.find((u) => u.type === 'user');
    const inUser = (p: string) => user !== undefined && p.startsWith(user.root + '/');
    const visible = this.tree.visiblePaths().filter((p) => !IGNORED_DIR.test(p) && !excluded(p) && !inUser(p));
    // Memory files per directory: dir -> candidates.
    const byDir = new Map<string, { claude: string[]; agents: string[]; rules: string[] }>();
    const slot = (d: string) => {
      let s = byDir.get(d);
      if (!s) byDir.set(d, (s = { claude: [], agents: [], rules: [] }));
      return s;
    };
    for (const p of visible) {
      const base = path.basename(p);
      const dir = path.dirname(p) === '.' ? '' : path.dirname(p);
      const owner = dir === '.claude' ? '' : dir.endsWith('/.claude') ? dir.slice(0, -'/.claude'.length) : dir;
      if (base === 'CLAUDE.md' || base === 'CLAUDE.local.md') {
        if (dir === owner || dir.endsWith('.claude')) slot(owner).claude.push(p);
      } else if (base === 'AGENTS.md') {
        if (dir === owner || dir.endsWith('.claude')) slot(owner).agents.push(p);
      } else {
        const rm = /^(?:(.*)\/)?\.claude\/rules\/.+\.md$/i.exec(p);
        if (rm) slot(rm[1] ?? '').rules.push(p);
      }
    }
    const order = (d: string) => (list: string[]) =>
      [...list].sort((a, b) => memoryOrder(a, d) - memoryOrder(b, d) || (a < b ? -1 : 1));
    const roots: { p: string; loading: Loading; reason: string; category: Category; dir: string; unit?: string }[] = [];
    // User scope (~/.claude) comes first: its CLAUDE.md and its rules.
    if (user) {
      if (this.tree.real(`${user.root}/CLAUDE.md`)) roots.push({ p: `${user.root}/CLAUDE.md`, loading: 'eager', reason: 'user memory file (~/.claude/CLAUDE.md), loaded at session start', category: 'memory', dir: user.root, unit: USER });
      for (const p of this.tree.under(`${user.root}/rules`).filter((x) => /\.md$/i.test(x)).sort()) roots.push({ p, loading: 'eager', reason: 'user rule (~/.claude/rules), loaded at session start', category: 'rules', dir: user.root, unit: USER });
    }
    const dirs = [...byDir.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1));
    for (const d of dirs) {
      const s = byDir.get(d)!;
      const top = d === '';
      const loading: Loading = top ? 'eager' : 'on-demand';
      const where = top ? 'project root' : `${d}/`;
      const useAgents = mode === 'claude-md-and-agents-md' || (mode === 'claude-md-or-agents-md' && s.claude.length === 0);
      for (const p of order(d)(s.claude)) roots.push({ p, loading, reason: top ? `memory file at the ${where}, loaded at session start` : `nested memory file, loaded when Claude reads files in ${where}`, category: top ? 'memory' : 'nested-memory', dir: d });
      if (useAgents) for (const p of order(d)(s.agents)) roots.push({ p, loading, reason: top ? 'AGENTS.md standing in for CLAUDE.md, loaded at session start' : `nested AGENTS.md, loaded when Claude reads files in ${where}`, category: top ? 'memory' : 'nested-memory', dir: d });
      else for (const p of s.agents) this.addFile(p, PROJECT, 'memory', 'not-loaded', mode === 'claude-md' ? 'AGENTS.md (instructionFiles: claude-md)' : 'AGENTS.md not loaded: a CLAUDE.md exists in the same place', 'other');
      for (const p of [...s.rules].sort()) {
        const r = this.read(p, true);
        const globs = asGlobs(r?.parsed?.data.paths);
        const conditional = globs !== undefined && globs.length > 0 && !globs.every((g) => trimGlob(g) === '**');
        if (conditional) roots.push({ p, loading: 'on-demand', reason: `rule with paths: ${globs!.map(trimGlob).join(', ')}; loaded when matching files are touched`, category: 'path-rules', dir: d });
        else roots.push({ p, loading, reason: top ? 'rule without paths:, loaded at session start' : `rule in ${where}.claude/rules, loaded when Claude reads files in ${where}`, category: top ? 'rules' : 'nested-memory', dir: d });
      }
    }
    // Eager roots first so that a file reachable both ways is eager.
    const sorted = [...roots.filter((r) => r.loading === 'eager'), ...roots.filter((r) => r.loading !== 'eager')];
    const loadedTexts = new Set<string>();
    const loaded = new Set<string>();
    let totalChars = 0;
    for (const root of sorted) {
      const isAgents = path.basename(root.p) === 'AGENTS.md';
      const real = this.tree.real(root.p);
      if (!real) continue;
      if (loaded.has(real)) continue;
      if (isAgents) {
        const r = this.read(root.p);
        const trimmed = r?.text.trim() ?? '';
        if (loadedTexts.has(trimmed)) {
          this.addFile(root.p, PROJECT, 'memory', 'not-loaded', 'AGENTS.md with the same text as a memory file already loaded: dropped', 'other');
          continue;
        }
      }
      const chars = this.loadMemory(root.p, 0, root.loading, root.reason, root.category, loaded, [], root.unit);
      if (root.loading === 'eager') totalChars += chars;
      const r = this.read(root.p);
      if (r) loadedTexts.add(r.text.trim());
    }
    this.memoryChars = totalChars;
    const totalWarn = memoryTotalWarnChars(this.m);
    if (totalChars > totalWarn) this.diag(sorted.find((r) => r.loading === 'eager')?.p ?? 'CLAUDE.md', 1, 'warning', 'memory-total-size', `instruction files total ${totalChars} characters > ${totalWarn}: Claude Code warns "Instruction files will impact performance"`);
  }

  /** Loads one memory file and its imports depth-first; returns the characters loaded eagerly. */
  private loadMemory(p: string, depth: number, loading: Loading, reason: string, category: Category, loaded: Set<string>, stack: string[], unit: string = PROJECT): number {
    const real = this.tree.real(p)!;
    loaded.add(real);
    // A rule is a rule by where it is listed (a symlink in .claude/rules to elsewhere is one too).
    const isRule = /(^|\/)\.claude\/rules\//.test(p) || /(^|\/)\.claude\/rules\//.test(real);
    const r = this.read(p, isRule);
    if (!r) return 0;
    if (r.bytes > this.m.memoryFileMaxBytes) {
      this.addFile(p, PROJECT, 'memory', 'not-loaded', `memory file over ${this.m.memoryFileMaxBytes} bytes: skipped by Claude Code`, 'other', '', depth);
      this.diag(p, 1, 'error', 'memory-file-skipped', `${r.bytes} bytes > ${this.m.memoryFileMaxBytes}: Claude Code skips this memory file entirely`);
      return 0;
    }
    const raw = isRule && r.parsed ? r.parsed.body : r.text;
    const asLink = /^[^\s@]+$/.test(r.text.trim()) && r.bytes < 256 ? Tree.normalize(path.join(path.dirname(real), r.text.trim())) : null;
    if (asLink && this.tree.real(asLink) && asLink !== real)
      this.diag(p, 1, 'warning', 'symlink-as-file', `the whole file is the path "${r.text.trim()}": a symlink checked out as a plain file (core.symlinks=false)? Claude Code loads this text, not ${asLink}`);
    // Claude Code includes the text trimmed; a file with nothing left is not included at all.
    const text = stripHtmlComments(raw).trim();
    const kind: ComponentKind = isRule ? 'rule' : 'memory';
    if (text === '') {
      this.addFile(p, unit, kind, 'not-loaded', 'empty memory file: Claude Code includes nothing', 'other', '', depth);
      return 0;
    }
    this.addFile(p, unit, kind, loading, reason, category, text, depth);
    if (depth === 0) this.components.push({ id: `${kind}:${real}`, kind, name: real, unit, file: real, loading, refs: [] });
    const fileWarn = memoryFileWarnChars(this.m);
    if (text.length > fileWarn && loading === 'eager') this.diag(p, 1, 'warning', 'memory-file-size', `${text.length} characters > ${fileWarn}: Claude Code warns "Large ${real} will impact performance"`);
    // The total warning leaves out files already over the per-file limit (Claude Code 2.1.332).
    let chars = text.length > fileWarn ? 0 : text.length;
    const lineOffset = isRule && r.parsed ? r.parsed.bodyLine - 1 : 0;
    const nextStack = [...stack, real];
    for (const imp of findImports(raw)) {
      const line = imp.line + lineOffset;
      const target = this.resolveRef(p, imp.ref, line, 'import');
      if (!target) continue;
      const targetReal = this.tree.real(target)!;
      const loadable = loaded.has(targetReal) || nextStack.includes(targetReal) || depth + 1 < this.m.importMaxDepth;
      if (loadable) this.edges.push({ from: real, to: targetReal, type: 'import', line });
      if (nextStack.includes(targetReal)) {
        this.cycles.push([...nextStack.slice(nextStack.indexOf(targetReal)), targetReal]);
        continue;
      }
      if (loaded.has(targetReal)) continue;
      if (depth + 1 >= this.m.importMaxDepth) {
        this.unresolved.push({ from: real, line, ref: imp.ref, reason: 'depth', resolved: targetReal });
        this.diag(p, line, 'warning', 'import-depth', `@${imp.ref} is at import depth ${depth + 1}; Claude Code stops at depth ${this.m.importMaxDepth} (file not loaded)`);
        if (!this.files.has(targetReal)) this.addFile(target, PROJECT, 'memory', 'not-loaded', `import past the depth limit (${this.m.importMaxDepth}) from ${real}`, 'other');
        continue;
      }
      chars += this.loadMemory(target, depth + 1, loading, `imported by ${real} at depth ${depth + 1}`, category, loaded, nextStack, unit);
    }
    return chars;
  }

  /** Resolves an @reference inside the repository; records why it can't be. */
  private resolveRef(from: string, ref: string, line: number, as: 'import' | 'file-ref', base?: string): string | null {
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
    const ext = path.extname(ref).slice(1).toLowerCase();
    const baseDir = base ?? (path.dirname(fromReal) === '.' ? '' : path.dirname(fromReal));
    const norm = Tree.normalize(path.join(baseDir, ref));
    if (norm === null) {
      this.unresolved.push({ from: fromReal, line, ref, reason: 'external' });
      this.diag(from, line, 'warning', 'import-external', `@${ref} resolves outside the repository (never read)`);
      return null;
    }
    if (ext && !IMPORTABLE_EXTENSIONS.has(ext)) {
      if (this.tree.real(norm)) this.unresolved.push({ from: fromReal, line, ref, reason: 'skipped', resolved: norm });
      return null;
    }
    const res = this.tree.resolve(norm);
    if (!res.ok || !this.tree.files.has(res.path)) {
      const reason = res.ok ? 'missing' : res.reason;
      this.unresolved.push({ from: fromReal, line, ref, reason: reason === 'loop' ? 'loop' : reason === 'external' ? 'external' : 'missing' });
      if (as === 'import' && (ext || reason !== 'missing')) this.diag(from, line, 'warning', reason === 'missing' ? 'import-missing' : `import-${reason}`, `@${ref} ${reason === 'missing' ? 'does not exist in the repository' : reason === 'external' ? 'leads outside the repository through a symlink (never read)' : 'is a symlink loop'}: not loaded`);
      return null;
    }
    return norm;
  }

  // ---------------------------------------------------------------- units

  private planUnit(u: UnitDef, settings: Settings): void {
    const isProject = u.type !== 'plugin';
    // The project's components live in .claude/, the user's in the ~/.claude folder itself.
    const own = (kind: string) => [u.type === 'user' ? `${u.root}/${kind}` : `.claude/${kind}`];
    // Every unit is planned as installed; whether it counts in the totals is the unit's `counted`.
    const within = (p: string) => (u.root === '' ? p : `${u.root}/${p}`);
    const paths = (key: string, def: string[]): string[] => {
      const fromManifest = manifestPaths(u.manifest, key);
      return (fromManifest ?? def).map((p) => Tree.normalize(path.join(u.root, p))).filter((p): p is string => p !== null);
    };
    const inDir = (dir: string, re: RegExp) => this.tree.under(dir).filter((p) => re.test(dir === '' ? p : p.slice(dir.length + 1)) && !IGNORED_DIR.test(p));

    // Commands
    const cmdDirs = isProject ? own('commands') : paths('commands', ['commands']);
    for (const d of cmdDirs) {
      const files = this.tree.files.has(d) || this.tree.real(d) && !this.tree.isDir(d) ? [d] : inDir(d, /\.md$/i);
      for (const f of files) {
        const rel = this.tree.files.has(d) || !this.tree.isDir(d) ? path.basename(f) : f.slice(d.length + 1);
        const name = rel.replace(/\.md$/i, '').split('/').join(':');
        this.planPrompt(u, f, isProject ? name : `${u.name}:${name}`, 'command');
      }
    }
    // Skills
    const skillRoots = isProject ? own('skills') : paths('skills', ['skills']);
    const skillFiles: string[] = [];
    for (const d of skillRoots) {
      if (this.tree.real(`${d}/SKILL.md`)) skillFiles.push(`${d}/SKILL.md`);
      else for (const f of inDir(d, /^[^/]+\/SKILL\.md$/)) skillFiles.push(f);
    }
    if (!isProject && this.tree.real(within('SKILL.md')) && !manifestPaths(u.manifest, 'skills')) skillFiles.push(within('SKILL.md'));
    for (const f of skillFiles) {
      const dir = path.dirname(f);
      const dirName = f === within('SKILL.md') ? u.name : path.basename(dir);
      this.planPrompt(u, f, dirName, 'skill');
      for (const res of inDir(dir, /.+/)) if (res !== f && !skillFiles.includes(res)) this.addFile(res, u.name, 'resource', 'on-demand', `bundled with skill ${dirName}: read only when the skill reads it`, 'resources');
    }
    // Workflows
    for (const d of isProject ? own('workflows') : paths('workflows', ['workflows'])) {
      for (const f of inDir(d, /^[^/]+\.(m?js)$/i)) this.planWorkflow(u, f);
    }
    // Agents
    for (const d of isProject ? own('agents') : paths('agents', ['agents'])) {
      const files = this.tree.isDir(d) ? inDir(d, /\.md$/i) : this.tree.real(d) ? [d] : [];
      for (const f of files) this.planAgent(u, f, this.tree.isDir(d) ? d : '');
    }
    // Output styles
    for (const d of isProject ? own('output-styles') : paths('outputStyles', ['output-styles'])) {
      const files = this.tree.isDir(d) ? inDir(d, /\.md$/i) : this.tree.real(d) ? [d] : [];
      for (const f of files) {
        const r = this.read(f, true);
        const name = asText(r?.parsed?.data.name) ?? path.basename(f).replace(/\.md$/i, '');
        const forced = !isProject && asBool(r?.parsed?.data['force-for-plugin']);
        const selected = settings.outputStyle !== undefined && (settings.outputStyle === name || settings.outputStyle === `${u.name}:${name}`);
        const loading: Loading = forced || selected ? 'eager' : 'not-loaded';
        const reason = forced ? 'plugin output style with force-for-plugin: applies without being selected' : selected ? `output style selected in settings (outputStyle: ${settings.outputStyle})` : 'output style not selected in settings';
        this.addFile(f, u.name, 'output-style', loading, reason, loading === 'eager' ? 'output-style' : 'other', r?.parsed?.body ?? '');
        this.components.push({ id: `output-style:${u.name}:${name}`, kind: 'output-style', name, unit: u.name, file: this.tree.real(f) ?? f, loading, refs: [] });
      }
    }
    // MCP servers
    const mcpSources: { file: string; servers: unknown }[] = [];
    const mcpPath = within('.mcp.json');
    const declared = u.manifest ? (u.manifest.mcpServers ?? (isObject(u.manifest.experimental) ? u.manifest.experimental.mcpServers : undefined)) : undefined;
    if (typeof declared === 'string' || Array.isArray(declared)) {
      for (const p of ([] as unknown[]).concat(declared)) {
        const norm = typeof p === 'string' ? Tree.normalize(path.join(u.root, p)) : null;
        if (norm && this.tree.real(norm)) mcpSources.push({ file: norm, servers: this.mcpFile(norm, u.name) });
      }
    } else if (isObject(declared)) mcpSources.push({ file: u.manifestPath ?? mcpPath, servers: declared });
    else if (this.tree.real(mcpPath)) mcpSources.push({ file: mcpPath, servers: this.mcpFile(mcpPath, u.name) });
    for (const src of mcpSources) {
      if (!isObject(src.servers)) continue;
      for (const name of Object.keys(src.servers)) {
        u.mcpServers.push(name);
        if (u.counted) this.unknowns.push({ kind: 'mcp-server', unit: u.name, file: src.file, name, note: 'MCP server: its tool schemas load at session start; their size is unknown without starting the server' });
      }
    }
    // Hooks
    if (u.type === 'user') return; // user settings, hooks and MCP servers are the user's, not measured here
    const hookSources: { file: string; hooks: unknown }[] = isProject ? settings.hooks : [];
    if (!isProject) {
      const declaredHooks = u.manifest ? (u.manifest.hooks ?? (isObject(u.manifest.experimental) ? u.manifest.experimental.hooks : undefined)) : undefined;
      const hookFiles = typeof declaredHooks === 'string' || Array.isArray(declaredHooks) ? ([] as unknown[]).concat(declaredHooks).filter((x): x is string => typeof x === 'string').map((p) => Tree.normalize(path.join(u.root, p))) : [within('hooks/hooks.json')];
      if (isObject(declaredHooks)) hookSources.push({ file: u.manifestPath ?? '', hooks: declaredHooks });
      for (const hf of hookFiles) {
        if (!hf || !this.tree.real(hf)) continue;
        this.addFile(hf, u.name, 'hook', 'not-loaded', 'hooks configuration (runs commands; not sent to the model)', 'other');
        const v = this.readJson(hf);
        if (isObject(v)) hookSources.push({ file: hf, hooks: isObject(v.hooks) ? v.hooks : v });
      }
    }
    for (const src of hookSources) {
      if (!isObject(src.hooks)) continue;
      const ss = src.hooks.SessionStart;
      const n = Array.isArray(ss) ? ss.reduce((acc: number, g: unknown) => acc + (isObject(g) && Array.isArray(g.hooks) ? g.hooks.length : 1), 0) : 0;
      u.sessionStartHooks += n;
      if (n > 0 && u.counted) this.unknowns.push({ kind: 'session-start-hook', unit: u.name, file: src.file, name: `SessionStart (${n})`, note: 'SessionStart hook: may inject its command output into every session; unknown statically' });
    }
  }

  private mcpFile(p: string, unit: string): unknown {
    this.addFile(p, unit, 'mcp-server', 'not-loaded', 'MCP server declarations (tool schemas load at start: size unknown statically)', 'other');
    const v = this.readJson(p);
    return isObject(v) && isObject(v.mcpServers) ? v.mcpServers : v;
  }

  /** A command or skill: listing entry (eager or conditional) and body (on invocation). */
  private planPrompt(u: UnitDef, f: string, name: string, kind: 'command' | 'skill'): void {
    const r = this.read(f, true);
    if (!r) return;
    const fm = r.parsed?.data ?? {};
    const body = r.parsed?.body ?? r.text;
    const isPlugin = u.type === 'plugin';
    // A skill is listed under its directory name; a different, valid front matter name follows in
    // parentheses (`data_viz (DataViz)`); an invalid one (spaces, ...) is not shown (Claude Code 2.1.332).
    const listedName = isPlugin && kind === 'skill' ? `${u.name}:${name}` : name;
    let alias: string | undefined;
    if (kind === 'skill') {
      const declared = asText(fm.name)?.trim();
      if (declared && declared !== name) {
        const qualified = isPlugin ? `${u.name}:${declared}` : declared;
        const shown = SKILL_ALIAS.test(qualified) && qualified.length <= this.m.skillAliasMaxChars && !listedName.endsWith(`:${qualified}`);
        if (shown) alias = qualified;
        this.diag(f, fieldLine(r.text, 'name'), 'info', 'skill-name-mismatch', shown ? `front matter name "${declared}" differs from the directory "${name}": listed as "${listedName} (${qualified})"` : `front matter name "${declared.slice(0, 80)}" is not a valid skill name and is ignored: listed as "${listedName}"`);
      }
    }
    const real = this.tree.real(f) ?? f;
    const description = asText(fm.description)?.trim() ?? '';
    const whenToUse = asText(fm.when_to_use)?.trim() ?? '';
    if (kind === 'skill' && description.length > this.m.skillDescriptionSpecMaxChars) this.diag(f, fieldLine(r.text, 'description'), 'warning', 'description-too-long', `description is ${description.length} characters; the skills spec allows ${this.m.skillDescriptionSpecMaxChars}`);
    const disabled = asBool(fm['disable-model-invocation']);
    const globs = kind === 'skill' ? asGlobs(fm.paths) : undefined;
    const conditional = globs !== undefined && globs.length > 0 && !globs.every((g) => trimGlob(g) === '**');
    let listed = !disabled;
    let why = '';
    // No description: a plugin entry without when_to_use either is not listed; otherwise the
    // description comes from the body's first line, and when_to_use is appended (Claude Code 2.1.332).
    let base = description;
    if (!description) {
      if (isPlugin && !whenToUse) {
        listed = false;
        why = `plugin ${kind} with neither description nor when_to_use: not listed`;
        this.diag(f, 1, 'warning', 'missing-description', `plugin ${kind} has no description: Claude Code does not list it, so the model can't discover it`);
      } else {
        base = deriveDescription(body, kind, this.m.derivedDescriptionMaxChars);
        this.diag(f, 1, 'info', 'missing-description', `no description: Claude Code derives "${base.slice(0, 60)}" from the first line`);
      }
    }
    const desc = whenToUse ? `${base} - ${whenToUse}` : base;
    const bodyText = body;
    const refs: string[] = [];
    const bodyLineOffset = (r.parsed?.bodyLine ?? 1) - 1;
    if (kind === 'command') {
      for (const imp of findImports(body)) {
        const target = this.resolveRef(f, imp.ref, imp.line + bodyLineOffset, 'file-ref', u.root);
        if (!target) continue;
        const tr = this.tree.real(target)!;
        refs.push(tr);
        this.edges.push({ from: real, to: tr, type: 'file-ref', line: imp.line + bodyLineOffset });
        this.addFile(target, u.name, 'resource', 'on-demand', `referenced with @ by ${real}: loaded when it is invoked`, 'resources');
      }
    }
    const bodyLoading: Loading = 'on-demand';
    this.addFile(f, u.name, kind, bodyLoading, `${kind} body, loaded on invocation`, kind === 'skill' ? 'skill-bodies' : 'command-bodies', bodyText);
    let entryLoading: Loading = 'not-loaded';
    if (listed) entryLoading = conditional ? 'on-demand' : 'eager';
    else if (!why) why = 'disable-model-invocation: true, not listed';
    const entry = listed ? this.makeEntry(listedName, desc, kind, u.name, real, entryLoading, conditional ? `path-scoped skill (paths: ${globs!.map(trimGlob).join(', ')}): listed when matching files are touched` : `${kind} listing entry, sent at session start`, alias) : undefined;
    this.components.push({ id: `${kind}:${u.name}:${listedName}`, kind, name: listedName, unit: u.name, file: real, loading: entry?.loading ?? bodyLoading, entry: entry?.name, refs });
  }

  private makeEntry(name: string, description: string, kind: PlannedEntry['kind'], unit: string, file: string, loading: Loading, reason: string, alias?: string): PlannedEntry {
    // Line breaks and tabs in a listing description become spaces (a run of line breaks: one space),
    // then the cap counts UTF-16 code units, as Claude Code's String.length does (2.1.332, measured).
    description = description.replace(/(?:\r?\n)+/g, ' ').replace(/\t/g, ' ').trim();
    const cap = this.m.skillListingMaxDescChars;
    const capped = description.length > cap;
    const desc = capped ? description.slice(0, cap - 1) + '…' : description;
    const shown = alias ? `${name} (${alias})` : name;
    const e: PlannedEntry = { name, kind, unit, file, text: `- ${shown}: ${desc}`, loading, reason, descriptionCapped: capped, nameOnly: false, ...(alias ? { alias } : {}) };
    if (capped) this.diag(file, fieldLine(this.read(file)?.text ?? '', 'description'), 'warning', 'description-capped', `description is ${description.length} characters: the listing cuts it to ${cap} (skillListingMaxDescChars)`);
    this.skillEntries.push(e);
    return e;
  }

  private planWorkflow(u: UnitDef, f: string): void {
    const r = this.read(f);
    if (!r) return;
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

  private planAgent(u: UnitDef, f: string, dir: string): void {
    const r = this.read(f, true);
    if (!r) return;
    const real = this.tree.real(f) ?? f;
    const isPlugin = u.type === 'plugin';
    const broken = r.parsed?.strictError !== undefined;
    // Front matter that strict YAML rejects: a project agent is not loaded; a plugin agent loads
    // with its file name and a fallback description, every other field dropped (Claude Code 2.1.332).
    if (broken && !isPlugin) {
      this.addFile(f, u.name, 'agent', 'not-loaded', 'agent whose front matter does not parse: Claude Code does not load it', 'other', r.parsed?.body ?? r.text);
      this.diag(f, r.parsed!.strictError!.line, 'warning', 'agent-not-loaded', `front matter does not parse (${r.parsed!.strictError!.message}): Claude Code does not load this agent`);
      return;
    }
    const fm = broken ? {} : (r.parsed?.data ?? {});
    const fileName = path.basename(f).replace(/\.md$/i, '');
    const base = asText(fm.name)?.trim() || fileName;
    // Plugin agents are namespaced by plugin and by the folders below the agents folder.
    const rel = dir && f.startsWith(dir + '/') ? path.dirname(f.slice(dir.length + 1)) : '.';
    const name = isPlugin ? [u.name, ...(rel === '.' ? [] : rel.split('/')), base].join(':') : base;
    // A project agent needs `description`; a plugin agent also takes `when_to_use`, else a fallback (Claude Code 2.1.332).
    const description = isPlugin ? (asText(fm.description) ?? asText(fm.when_to_use) ?? asText(fm['when-to-use']))?.trim() || `Agent from ${u.name} plugin` : (asText(fm.description)?.trim() ?? '');
    const body = r.parsed?.body ?? r.text;
    if (broken) this.diag(f, r.parsed!.strictError!.line, 'warning', 'agent-fallback', `front matter does not parse (${r.parsed!.strictError!.message}): Claude Code lists this agent as "${name}" with the description "${description}"`);
    if ((!r.parsed?.hasFrontmatter && !isPlugin) || !description) {
      this.addFile(f, u.name, 'agent', 'not-loaded', r.parsed?.hasFrontmatter ? 'agent without a description: Claude Code does not load it' : 'no frontmatter: not an agent definition', 'other', body);
      if (r.parsed?.hasFrontmatter) this.diag(f, 1, 'warning', 'missing-description', 'agent has no description: Claude Code does not load it');
      return;
    }
    if (this.agentEntries.some((e) => e.name === name)) {
      this.addFile(f, u.name, 'agent', 'not-loaded', `another agent is already named "${name}": Claude Code lists it once`, 'other', body);
      this.diag(f, fieldLine(r.text, 'name'), 'warning', 'duplicate-name', `agent name "${name}" is also defined by ${this.agentEntries.find((e) => e.name === name)!.file}: Claude Code lists only one`);
      return;
    }
    const text = `- ${name}: ${description} (Tools: ${agentTools(fm)})`;
    const loading: Loading = 'eager';
    this.agentEntries.push({ name, kind: 'agent', unit: u.name, file: real, text, loading, reason: 'agent listing entry, sent at session start', descriptionCapped: false, nameOnly: false });
    this.addFile(f, u.name, 'agent', 'on-demand', "agent system prompt, loaded in the subagent's own context when spawned", 'agent-bodies', body);
    this.components.push({ id: `agent:${u.name}:${name}`, kind: 'agent', name, unit: u.name, file: real, loading, entry: name, refs: [] });
    const skills = asGlobs(fm.skills);
    for (const s of skills ?? []) this.edges.push({ from: real, to: `skill:${s}`, type: 'agent-skill' });
  }

  private applyOverridesAndOrder(settings: Settings): void {
    for (const e of this.skillEntries) {
      const o = settings.skillOverrides[e.name];
      if (!o || o === 'on') continue;
      if (o === 'off' || o === 'user-invocable-only') {
        e.loading = 'not-loaded';
        e.reason = `skillOverrides: ${o}`;
      } else if (o === 'name-only') {
        e.text = `- ${e.alias ? `${e.name} (${e.alias})` : e.name}`;
        e.nameOnly = true;
        e.reason += ' (skillOverrides: name-only)';
      }
    }
  }

  private planRemaining(): void {
    const claimed = new Set(this.files.keys());
    for (const p of candidatePaths(this.tree)) {
      const real = this.tree.real(p);
      if (!real || claimed.has(real) || IGNORED_DIR.test(p)) continue;
      claimed.add(real);
      const unit = ownerUnit(this.units, p);
      this.addFile(p, unit, 'other', 'not-loaded', unit === PROJECT ? 'not in any location Claude Code loads from' : `in plugin ${unit} but not in a component folder it declares`, 'other');
    }
  }

  private checkCollisions(): void {
    const seen = new Map<string, PlannedEntry>();
    for (const e of [...this.skillEntries, ...this.agentEntries]) {
      const key = `${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name}`;
      const prev = seen.get(key);
      if (prev && prev.file !== e.file) this.diag(e.file, 1, 'warning', 'duplicate-name', `${e.kind} name "${e.name}" is also defined by ${prev.file}${prev.unit !== e.unit ? ` (unit ${prev.unit})` : ''}: one shadows the other`);
      else seen.set(key, e);
    }
    // A project entry and a plugin entry with the same base name ("deploy" and "tools:deploy"): users
    // and the model can confuse them. Plugins sharing base names among themselves are namespaced: fine.
    const project = new Map<string, PlannedEntry>();
    for (const e of [...this.skillEntries, ...this.agentEntries]) if (e.unit === PROJECT) project.set(`${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name}`, e);
    if (project.size)
      for (const e of [...this.skillEntries, ...this.agentEntries]) {
        if (e.unit === PROJECT) continue;
        const prev = project.get(`${e.kind === 'agent' ? 'agent' : 'prompt'}:${e.name.split(':').pop()}`);
        if (prev) this.diag(e.file, 1, 'info', 'name-collision', `"${e.name}" shares its name with the project's "${prev.name}" (${prev.file})`);
      }
  }
}

interface Settings {
  outputStyle?: string;
  skillOverrides: Record<string, string>;
  claudeMdExcludes: string[];
  instructionFiles?: LoadingModel['instructionFiles'];
  hooks: { file: string; hooks: unknown }[];
}

function rank(l: Loading): number {
  return l === 'eager' ? 2 : l === 'on-demand' ? 1 : 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function memoryOrder(p: string, dir: string): number {
  const rel = dir === '' ? p : p.slice(dir.length + 1);
  return ['CLAUDE.md', '.claude/CLAUDE.md', 'AGENTS.md', '.claude/AGENTS.md', 'CLAUDE.local.md'].indexOf(rel) + 1 || 9;
}

/** Trailing `/**` is trimmed from path globs, as Claude Code does. */
export function trimGlob(g: string): string {
  return g.endsWith('/**') && g !== '/**' ? g.slice(0, -3) : g;
}

/** Manifest path(s) for a component kind; also accepted under `experimental.`. */
function manifestPaths(manifest: Record<string, unknown> | undefined, key: string): string[] | undefined {
  if (!manifest) return undefined;
  const v = manifest[key] ?? (isObject(manifest.experimental) ? manifest.experimental[key] : undefined);
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}

function ownerUnit(units: UnitDef[], p: string): string {
  let best: UnitDef | undefined;
  for (const u of units) {
    if (u.type !== 'plugin') continue;
    if (u.root === '' || p.startsWith(u.root + '/')) if (!best || u.root.length > best.root.length) best = u;
  }
  if (best && best.root === '' && /^\.claude\//.test(p)) return PROJECT;
  return best?.name ?? PROJECT;
}

/** Claude Code's fallback description: first non-empty body line, heading #s removed, cut to 100. */
export function deriveDescription(body: string, kind: 'command' | 'skill', max: number): string {
  const line = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!line) return kind === 'skill' ? 'Skill' : 'Custom command';
  const text = line.replace(/^#+\s*/, '');
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 3).join('') + '...' : text;
}

function fieldLine(text: string, key: string): number {
  const lines = text.split(/\r?\n/, 400);
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i >= 0 ? i + 1 : 1;
}

/** `Tools:` of an agent line: a list joined with ", ", `disallowedTools` as "All tools except ..." (Claude Code 2.1.332). */
function agentTools(fm: Record<string, unknown>): string {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x).trim()) : typeof v === 'string' ? v.split(',').map((x) => x.trim()) : []).filter((x) => x.length > 0);
  const tools = list(fm.tools);
  const denied = list(fm.disallowedTools ?? fm['disallowed-tools']);
  if (tools.length && denied.length) {
    const left = tools.filter((t) => !denied.includes(t));
    return left.length ? left.join(', ') : 'None';
  }
  if (tools.length) return tools.join(', ');
  if (denied.length) return `All tools except ${denied.join(', ')}`;
  return 'All tools';
}

/**
 * Claude Code's listing order (2.1.332, held to the binary by the conformance goldens; names compared
 * as localeCompare does, so `Upper` sorts among the lower-case names): the project's skills by name, its commands by name, its workflows, then the plugins' commands by name, then the
 * plugins' skills by name (plugin workflows last: not observed). Claude Code's own entries follow (listing.ts).
 */
export function listingOrder(entries: readonly PlannedEntry[], units: readonly UnitDef[]): PlannedEntry[] {
  const plugin = new Set(units.filter((u) => u.type === 'plugin').map((u) => u.name));
  const rank: Record<PlannedEntry['kind'], [number, number]> = { skill: [0, 4], command: [1, 3], workflow: [2, 5], agent: [6, 6] };
  // User-scope entries (~/.claude) come before the project's: skills, then commands (one fixture observed).
  const group = (e: PlannedEntry) => (e.unit === USER ? (e.kind === 'skill' ? -2 : -1) : rank[e.kind][plugin.has(e.unit) ? 1 : 0]);
  return [...entries].sort((a, b) => group(a) - group(b) || a.name.localeCompare(b.name));
}

/** Agents are listed by name, compared as Claude Code does (localeCompare). */
export function agentOrder(entries: readonly PlannedEntry[]): PlannedEntry[] {
  return [...entries].sort((a, b) => a.name.localeCompare(b.name));
}
