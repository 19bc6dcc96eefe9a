/**
 * Memory files: CLAUDE.md, .claude/CLAUDE.md, CLAUDE.local.md, AGENTS.md standing in, rules with and
 * without `paths:`, nested memory on demand, user scope, and their @imports (depth limit, cycles).
 */
import path from 'node:path/posix';
import picomatch from 'picomatch';
import { memoryFileWarnChars, memoryTotalWarnChars } from '../../model/constants.js';
import type { Category, ComponentKind, Loading } from '../../model/snapshot.js';
import { asGlobs } from '../frontmatter.js';
import { Tree } from '../tree.js';
import { PROJECT, USER } from '../units.js';
import { IGNORED_DIR, trimGlob, type PlanContext } from './context.js';
import type { Settings } from './settings.js';

const MARKDOWN = /\.md$/i;
const AGENTS_MD = /(?:^|\/)AGENTS\.md$/;

export function planMemory(ctx: PlanContext, settings: Settings): void {
  const mode = settings.instructionFiles ?? ctx.m.instructionFiles;
  if (mode === 'managed-only') return;
  const excluded = settings.claudeMdExcludes.length ? picomatch(settings.claudeMdExcludes, { dot: true }) : () => false;
  const user = ctx.units.find((u) => u.type === 'user');
  const inUser = (p: string) => user !== undefined && p.startsWith(user.root + '/');
  // Every memory file and rule is Markdown (most files of a repository are not: tested first).
  const visible = ctx.tree.visiblePaths().filter((p) => MARKDOWN.test(p) && !IGNORED_DIR.test(p) && !excluded(p) && !inUser(p));
  // Memory files per directory: dir -> candidates.
  const byDir = new Map<string, { claude: string[]; agents: string[]; rules: string[] }>();
  const slot = (d: string) => {
    let s = byDir.get(d);
    if (!s) byDir.set(d, (s = { claude: [], agents: [], rules: [] }));
    return s;
  };
  for (const p of visible) {
    const slash = p.lastIndexOf('/');
    const base = p.slice(slash + 1);
    const dir = slash < 0 ? '' : p.slice(0, slash);
    const owner = dir === '.claude' ? '' : dir.endsWith('/.claude') ? dir.slice(0, -'/.claude'.length) : dir;
    if (base === 'CLAUDE.md' || base === 'CLAUDE.local.md') slot(owner).claude.push(p);
    else if (base === 'AGENTS.md') slot(owner).agents.push(p);
    else {
      const rm = /^(?:(.*)\/)?\.claude\/rules\/.+\.md$/i.exec(p);
      if (rm) slot(rm[1] ?? '').rules.push(p);
    }
  }
  // At most one candidate per place (CLAUDE.md, .claude/CLAUDE.md, ...): their order is the places' order.
  const order = (d: string) => (list: string[]) => [...list].sort((a, b) => memoryOrder(a, d) - memoryOrder(b, d));
  const roots: { p: string; loading: Loading; reason: string; category: Category; dir: string; unit?: string }[] = [];
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
    const s = byDir.get(d)!;
    const top = d === '';
    const loading: Loading = top ? 'eager' : 'on-demand';
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
        ctx.addFile(
          p,
          PROJECT,
          'memory',
          'not-loaded',
          mode === 'claude-md' ? 'AGENTS.md (instructionFiles: claude-md)' : 'AGENTS.md not loaded: a CLAUDE.md exists in the same place',
          'other',
        );
    for (const p of s.rules) {
      const r = ctx.read(p, true);
      const globs = asGlobs(r?.parsed?.data.paths);
      // No globs (`paths: []`), or only `**`, scope nothing.
      const conditional = globs !== undefined && !globs.every((g) => trimGlob(g) === '**');
      if (conditional)
        roots.push({
          p,
          loading: 'on-demand',
          reason: `rule with paths: ${globs!.map(trimGlob).join(', ')}; loaded when matching files are touched`,
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
  const loadedTexts = new Set<string>();
  const loaded = new Set<string>();
  let totalChars = 0;
  // The first memory file loaded at session start: where the total-size warning points.
  let first: string | undefined;
  for (const root of sorted) {
    const isAgents = AGENTS_MD.test(root.p);
    const real = ctx.tree.real(root.p);
    if (!real) continue;
    if (loaded.has(real)) continue;
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
    if (r) loadedTexts.add(r.text.trim());
  }
  ctx.memoryChars = totalChars;
  const totalWarn = memoryTotalWarnChars(ctx.m);
  if (totalChars > totalWarn)
    ctx.diag(
      first!,
      1,
      'warning',
      'memory-total-size',
      `instruction files total ${totalChars} characters > ${totalWarn}: Claude Code warns "Instruction files will impact performance"`,
    );
}

/** Loads one memory file and its imports depth-first; returns the characters loaded eagerly. */
export function loadMemory(
  ctx: PlanContext,
  p: string,
  depth: number,
  loading: Loading,
  reason: string,
  category: Category,
  loaded: Set<string>,
  stack: string[],
  unit: string = PROJECT,
): number {
  const real = ctx.tree.real(p)!;
  loaded.add(real);
  // A rule is a rule by where it is listed (a symlink in .claude/rules to elsewhere is one too).
  const isRule = /(^|\/)\.claude\/rules\//.test(p) || /(^|\/)\.claude\/rules\//.test(real);
  const r = ctx.read(p, isRule);
  if (!r) return 0;
  if (r.bytes > ctx.m.memoryFileMaxBytes) {
    ctx.addFile(p, PROJECT, 'memory', 'not-loaded', `memory file over ${ctx.m.memoryFileMaxBytes} bytes: skipped by Claude Code`, 'other', '', depth);
    ctx.diag(p, 1, 'error', 'memory-file-skipped', `${r.bytes} bytes > ${ctx.m.memoryFileMaxBytes}: Claude Code skips this memory file entirely`);
    return 0;
  }
  const facts = ctx.memoryFacts(r, isRule);
  const linkText = facts.linkText;
  const asLink = linkText !== undefined && /^[^\s@]+$/.test(linkText) ? Tree.normalize(path.join(path.dirname(real), linkText)) : null;
  if (asLink && ctx.tree.real(asLink) && asLink !== real)
    ctx.diag(
      p,
      1,
      'warning',
      'symlink-as-file',
      `the whole file is the path "${linkText}": a symlink checked out as a plain file (core.symlinks=false)? Claude Code loads this text, not ${asLink}`,
    );
  // Claude Code includes the text trimmed; a file with nothing left is not included at all.
  const kind: ComponentKind = isRule ? 'rule' : 'memory';
  if (facts.chars === 0) {
    ctx.addFile(p, unit, kind, 'not-loaded', 'empty memory file: Claude Code includes nothing', 'other', '', depth);
    return 0;
  }
  // The text is derived again from the blob when counted (digest.ts): the plan keeps no copy.
  ctx.addFile(p, unit, kind, loading, reason, category, { start: isRule && r.parsed ? r.parsed.bodyStart : 0, memory: true }, depth);
  if (depth === 0) ctx.components.push({ id: `${kind}:${real}`, kind, name: real, unit, file: real, loading, refs: [] });
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
    if (!target) continue;
    const targetReal = ctx.tree.real(target)!;
    const loadable = loaded.has(targetReal) || nextStack.includes(targetReal) || depth + 1 < ctx.m.importMaxDepth;
    if (loadable) ctx.edges.push({ from: real, to: targetReal, type: 'import', line });
    if (nextStack.includes(targetReal)) {
      ctx.cycles.push([...nextStack.slice(nextStack.indexOf(targetReal)), targetReal]);
      continue;
    }
    if (loaded.has(targetReal)) continue;
    if (depth + 1 >= ctx.m.importMaxDepth) {
      ctx.unresolved.push({ from: real, line, ref: imp.ref, reason: 'depth', resolved: targetReal });
      ctx.diag(
        p,
        line,
        'warning',
        'import-depth',
        `@${imp.ref} is at import depth ${depth + 1}; Claude Code stops at depth ${ctx.m.importMaxDepth} (file not loaded)`,
      );
      // A file already recorded keeps its record (addFile keeps the strongest loading).
      ctx.addFile(target, PROJECT, 'memory', 'not-loaded', `import past the depth limit (${ctx.m.importMaxDepth}) from ${real}`, 'other');
      continue;
    }
    chars += loadMemory(ctx, target, depth + 1, loading, `imported by ${real} at depth ${depth + 1}`, category, loaded, nextStack, unit);
  }
  return chars;
}

function memoryOrder(p: string, dir: string): number {
  const rel = dir === '' ? p : p.slice(dir.length + 1);
  return ['CLAUDE.md', '.claude/CLAUDE.md', 'AGENTS.md', '.claude/AGENTS.md', 'CLAUDE.local.md'].indexOf(rel) + 1 || 9;
}
