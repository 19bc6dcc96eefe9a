/**
 * What every loader shares while one load plan is built: the tree and the contents read so far,
 * the loading model and limits, and the plan's accumulating records. Reading, diagnostics and the
 * one merge rule (a file reached twice keeps its strongest loading) live here, in one place.
 */
import path from 'node:path/posix';
import type { Blob } from '../../collect/types.js';
import { DEFAULT_LIMITS, IMPORTABLE_EXTENSIONS, type Limits, type LoadingModel } from '../../model/constants.js';
import type { Category, ComponentKind, Diagnostic, DiagnosticCode, GraphEdge, Loading, Severity, UnresolvedRef } from '../../model/snapshot.js';
import { detach } from '../../strings.js';
import { bodyOf, parseFrontmatter, type ParsedFrontmatter } from '../frontmatter.js';
import { findImports, memoryText } from '../markdown.js';
import { decode, parseJson } from '../text.js';
import { Tree } from '../tree.js';
import type { UnitDef } from '../units.js';
import type { MemoryFacts, ParseCache, PlanOptions, PlannedComponent, PlannedEntry, PlannedFile, TextSource, Unknown } from '../plan-types.js';

export interface Read {
  real: string;
  sha: string;
  bytes: number;
  /** The decoded text (decoded again when needed: plans keep no texts). */
  readonly text: string;
  parsed?: ParsedFrontmatter;
}

/** Decoded texts kept at once while planning: the files a loader is working on, not the framework. */
export const TEXTS_KEPT = 32;

export const IGNORED_DIR = /(^|\/)(node_modules|\.git)\//;

export class PlanContext {
  readonly limits: Limits;
  /** The loading model; planning applies the project's settings to it once they are read (withSettings). */
  m: LoadingModel;
  readonly files = new Map<string, PlannedFile>();
  readonly skillEntries: PlannedEntry[] = [];
  readonly agentEntries: PlannedEntry[] = [];
  /** The first agent of each name (Claude Code lists one per name). */
  readonly agentByName = new Map<string, PlannedEntry>();
  readonly components: PlannedComponent[] = [];
  readonly edges: GraphEdge[] = [];
  readonly unresolved: UnresolvedRef[] = [];
  readonly cycles: string[][] = [];
  readonly unknowns: Unknown[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly missing = new Set<string>();
  private readonly readCache = new Map<string, Read | null>();
  private readonly diagnosed = new Set<string>();
  private readonly parseCache: ParseCache | undefined;
  private readonly texts = new Map<string, string>();
  memoryChars = 0;
  units: UnitDef[] = [];

  constructor(
    readonly tree: Tree,
    private readonly contents: ReadonlyMap<string, Blob>,
    readonly opts: PlanOptions,
  ) {
    this.m = opts.model;
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    this.parseCache = opts.parseCache;
  }

  diag(file: string, line: number, severity: Severity, code: DiagnosticCode, message: string): void {
    const key = `${file}\0${line}\0${code}\0${message}`;
    if (this.diagnosed.has(key)) return;
    this.diagnosed.add(key);
    this.diagnostics.push({ file, line, severity, code, message });
  }

  /** Reads a visible path's text; null when it doesn't exist or can't be read; records what is missing. */
  read(p: string, withFrontmatter = false): Read | null {
    const real = this.tree.real(p);
    if (!real) return null;
    let r = this.readCache.get(real);
    if (r === undefined) {
      const entry = this.tree.files.get(real)!;
      const blob = this.contents.get(real);
      if (!blob) {
        if (entry.size > this.limits.maxFileBytes) {
          this.diag(
            p,
            1,
            'warning',
            'oversized-file',
            `${entry.size} bytes exceeds the analysis limit of ${this.limits.maxFileBytes} bytes (limits.maxFileBytes): not read, counted as 0 tokens`,
          );
          r = null;
        } else {
          this.missing.add(real);
          return { real, sha: entry.sha ?? '', bytes: entry.size, text: '' };
        }
      } else {
        let d = this.parseCache?.get(blob.sha);
        if (!d) {
          const decoded = decode(blob.data);
          d = { binary: decoded.binary, ...(decoded.problem ? { problem: decoded.problem } : {}) };
          this.parseCache?.set(blob.sha, d);
          this.keep(blob.sha, decoded.text);
        }
        if (d.problem) this.diag(p, 1, d.binary ? 'warning' : 'info', d.binary ? 'binary-file' : 'encoding', d.problem);
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
      if (memo) memo.parsed = r.parsed;
      for (const issue of r.parsed.issues) this.diag(p, issue.line, 'warning', 'frontmatter', issue.message);
    }
    return r;
  }

  /** A blob's decoded text, from the few kept or decoded again. */
  private textOf(blob: Blob): string {
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

  private keep(sha: string, text: string): void {
    this.texts.set(sha, text);
    if (this.texts.size > TEXTS_KEPT) this.texts.delete(this.texts.keys().next().value!);
  }

  /** The loaded text of a prompt or agent file: its text after the frontmatter block. */
  bodySource(r: Read | null): TextSource {
    return r ? { start: r.parsed?.bodyStart ?? 0 } : { text: '' };
  }

  /** A read file's text after its frontmatter block. */
  body(r: Read): string {
    return bodyOf(r.text, r.parsed);
  }

  /** A memory file's facts (its body when a rule with front matter), computed once per blob for every round and side. */
  memoryFacts(r: Read, rule: boolean): MemoryFacts {
    const which = rule && r.parsed ? 'rule' : 'plain';
    const memo = r.sha ? this.parseCache?.get(r.sha) : undefined;
    const known = memo?.memory?.[which];
    if (known) return known;
    const raw = which === 'rule' ? this.body(r) : r.text;
    const facts: MemoryFacts = {
      chars: memoryText(raw).length,
      imports: findImports(raw).map((i) => ({ ref: detach(i.ref), line: i.line })),
      ...(r.bytes < 256 ? { linkText: detach(r.text.trim()) } : {}),
    };
    if (memo) (memo.memory ??= {})[which] = facts;
    return facts;
  }

  readJson(p: string): unknown {
    const r = this.read(p);
    if (!r || this.missing.has(r.real)) return undefined;
    const j = parseJson(r.text);
    if (!j.ok) {
      this.diag(p, j.line, 'warning', 'invalid-json', `invalid JSON: ${j.message}`);
      return undefined;
    }
    return j.value;
  }

  addFile(
    p: string,
    unit: string,
    kind: ComponentKind,
    loading: Loading,
    reason: string,
    category: Category,
    text?: string | TextSource,
    depth?: number,
  ): PlannedFile | undefined {
    const r = this.read(p);
    const real = r?.real ?? this.tree.real(p) ?? p;
    const existing = this.files.get(real);
    // A text of its own is copied (a substring would keep the whole file's text alive).
    const source: TextSource | undefined = typeof text === 'string' ? { text: detach(text) } : text;
    if (existing) {
      // A file reached twice keeps its strongest loading: eager beats on-demand beats not-loaded.
      if (rank(loading) > rank(existing.loading))
        this.files.set(real, { ...existing, loading, reason, category, unit, kind, source: source ?? existing.source, depth });
      return existing;
    }
    const f: PlannedFile = {
      // Claude Code names a memory file or an import by the path it reached it through (a symlink's
      // own path), but a rule by its target; everything else by its real path (measured with 2.1.332).
      path: kind === 'memory' && Tree.normalize(p) !== null ? Tree.normalize(p)! : real,
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
  resolveRef(from: string, ref: string, line: number, as: 'import' | 'file-ref', base?: string): string | null {
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
    const ext = path.extname(ref).slice(1).toLowerCase();
    const baseDir = base ?? path.dirname(fromReal);
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
      const folder = path.dirname(norm) === '.' ? '' : path.dirname(norm);
      this.unresolved.push({
        from: fromReal,
        line,
        ref,
        reason: reason === 'loop' ? 'loop' : reason === 'external' ? 'external' : 'missing',
        ...(reason === 'missing' && !this.tree.isDir(folder) ? { noFolder: true } : {}),
      });
      if (as === 'import' && (ext || reason !== 'missing'))
        this.diag(
          from,
          line,
          'warning',
          reason === 'missing' ? 'import-missing' : `import-${reason}`,
          `@${ref} ${reason === 'missing' ? 'does not exist in the repository' : reason === 'external' ? 'leads outside the repository through a symlink (never read)' : 'is a symlink loop'}: not loaded`,
        );
      return null;
    }
    return norm;
  }
}

export function rank(l: Loading): number {
  return l === 'eager' ? 2 : l === 'on-demand' ? 1 : 0;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 1-based line of the first line starting with `key:` among the first 400 lines (the front matter), else 1. Reads lines in place. */
export function fieldLine(text: string, key: string): number {
  const prefix = `${key}:`;
  let start = 0;
  for (let line = 1; line <= 400 && start <= text.length; line++) {
    if (text.startsWith(prefix, start)) return line;
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
  }
  return 1;
}

/** Trailing `/**` is trimmed from path globs, as Claude Code does. */
export function trimGlob(g: string): string {
  return g.endsWith('/**') && g !== '/**' ? g.slice(0, -3) : g;
}

/** Manifest path(s) for a component kind; also accepted under `experimental.`. */
export function manifestPaths(manifest: Record<string, unknown> | undefined, key: string): string[] | undefined {
  if (!manifest) return undefined;
  const v = manifest[key] ?? (isObject(manifest.experimental) ? manifest.experimental[key] : undefined);
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}
