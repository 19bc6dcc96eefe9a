/**
 * What another coding agent loads of a framework at session start, by its profile (model/agents.ts):
 * its instruction files (imports, caps), its skill listing (its format, budget and description
 * limit) and its agents. Reads the tree through the same source as Claude Code's analysis; runs
 * nothing. Held to each agent's binary by test/conformance/agents.test.ts.
 */
import path from 'node:path';
import type { FrameworkSource, TreeEntry } from '../collect/types.js';
import type { AgentProfile, ListingShape } from '../model/agents.js';
import type { AgentSnapshot, Diagnostic } from '../model/snapshot.js';
import type { TokenCounter } from '../tokenize/counter.js';
import { asText, bodyOf, parseFrontmatter } from './frontmatter.js';
import { decode } from './text.js';

type Item = AgentSnapshot['listings']['skills']['items'][number];

/** Follows a symlink inside the tree to the file it names (one hop at a time, at most 8). */
function resolveEntry(byPath: Map<string, TreeEntry>, p: string): string | null {
  let cur = p;
  for (let i = 0; i < 8; i++) {
    const e = byPath.get(cur);
    if (!e) return null;
    if (e.type === 'file') return cur;
    if (e.type !== 'symlink' || !e.linkTarget || path.posix.isAbsolute(e.linkTarget)) return null;
    const next = path.posix.normalize(path.posix.join(path.posix.dirname(cur), e.linkTarget));
    if (next.startsWith('../')) return null;
    cur = next;
  }
  return null;
}

/** `@path` tokens as Copilot CLI reads them: in prose (not fenced or inline code), HTML comments included. */
export function copilotImports(text: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (!line.includes('@')) continue;
    const prose = line.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length));
    for (const m of prose.matchAll(/(?:^|\s)@(\S+)/g)) out.push(m[1]!);
  }
  return out;
}

function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export async function analyzeAgent(source: FrameworkSource, profile: AgentProfile, counter: TokenCounter, list?: TreeEntry[]): Promise<AgentSnapshot> {
  const entries = list ?? (await source.list());
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const bytesOf = new Map<string, number>();
  const readAll = async (paths: string[]) => {
    const real = paths.map((p) => [p, resolveEntry(byPath, p)] as const).filter((x): x is readonly [string, string] => !!x[1]);
    const blobs = await source.read([...new Set(real.map(([, r]) => r))]);
    for (const [p, r] of real) {
      const b = blobs.get(r);
      if (!b) continue;
      texts.set(p, decode(b.data).text);
      bytesOf.set(p, b.data.length);
    }
  };

  // Instruction files at the root: the first existing name of each source; imports one level deep.
  const chosen: { file: string; src: AgentProfile['instructions'][number] }[] = [];
  for (const src of profile.instructions) {
    const name = src.names.find((n) => resolveEntry(byPath, n));
    if (name) chosen.push({ file: name, src });
  }
  await readAll(chosen.map((c) => c.file));
  const files: AgentSnapshot['files'] = [];
  const queue: string[] = [];
  for (const { file, src } of chosen) {
    const text = texts.get(file);
    if (text === undefined) continue;
    const bytes = bytesOf.get(file) ?? Buffer.byteLength(text);
    let kept: string | undefined;
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
    if (src.imports) queue.push(file);
  }
  // Imports, recursively, each file once (the instruction files themselves count as loaded).
  const loaded = new Set(chosen.map((c) => c.file));
  while (queue.length) {
    const from = queue.shift()!;
    const text = texts.get(from) ?? '';
    const found: string[] = [];
    for (const ref of copilotImports(text)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), ref));
      if (target.startsWith('../') || path.posix.isAbsolute(ref) || ref.startsWith('~') || loaded.has(target) || !resolveEntry(byPath, target)) continue;
      loaded.add(target);
      found.push(target);
    }
    await readAll(found);
    for (const file of found) {
      const t = texts.get(file);
      if (t === undefined) continue;
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
    if (text === undefined || loaded.has(file)) continue;
    const paths = parseFrontmatter(text).data.paths;
    const list = paths === undefined ? [] : Array.isArray(paths) ? paths.map(String) : [String(paths)];
    if (list.some((x) => x.trim() !== '**')) continue;
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
      if (text === undefined) continue;
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
  const skillFiles: string[] = [];
  const commandFiles: string[] = [];
  const agentFiles: string[] = [];
  for (const e of entries) {
    for (const d of profile.skillDirs) {
      const rest = e.path.startsWith(`${d}/`) ? e.path.slice(d.length + 1) : null;
      if (rest && /^[^/]+\/SKILL\.md$/.test(rest)) skillFiles.push(e.path);
    }
    for (const d of profile.commandDirs) if (e.path.startsWith(`${d}/`) && /^[^/]+\.md$/.test(e.path.slice(d.length + 1))) commandFiles.push(e.path);
    for (const d of profile.agentDirs) if (e.path.startsWith(`${d}/`) && e.path.endsWith('.md')) agentFiles.push(e.path);
  }
  await readAll([...skillFiles, ...commandFiles, ...agentFiles]);
  const describe = (file: string, kind: 'skill' | 'command' | 'agent'): { name: string; description: string; hidden: boolean } | null => {
    const text = texts.get(file);
    if (text === undefined) return null;
    const fm = parseFrontmatter(text);
    const invalid = fm.issues.some((i) => i.message.startsWith('frontmatter is not valid YAML'));
    if (invalid && (profile.listing.strictYaml === true || (profile.listing.strictYaml === 'quoted' && brokenQuotedValue(text)))) {
      diagnostics.push({
        file,
        line: fm.issues[0]!.line,
        severity: 'warning',
        code: 'frontmatter',
        message: `${profile.name} does not load this ${kind}: its front matter is not valid YAML`,
      });
      return null;
    }
    const base = kind === 'skill' ? path.posix.basename(path.posix.dirname(file)) : path.posix.basename(file).replace(/(\.agent)?\.md$/, '');
    const declared = kind === 'command' ? undefined : asText(fm.data.name)?.trim();
    let description = asText(fm.data.description)?.trim() ?? '';
    if (kind === 'skill' && profile.listing.requireNameAndDescription && (!declared || !description)) return null;
    if (kind === 'skill' && profile.listing.requireDescription && !description) return null;
    // Copilot lists a front matter name with its whitespace as hyphens (`PDF Tools Helper` -> `PDF-Tools-Helper`).
    const raw = declared || base;
    const name = profile.listing.hyphenateNames ? raw.replace(/\s+/g, '-') : raw;
    if (!description && kind === 'command') description = bodyOf(text, fm).trim().replace(/\s+/g, ' ');
    // disable-model-invocation: the model is not told about it.
    const hidden =
      !!profile.listing.hideModelDisabled && (fm.data['disable-model-invocation'] === true || asText(fm.data['disable-model-invocation']) === 'true');
    return { name, description, hidden };
  };
  const L = profile.listing;
  const skills: Item[] = [];
  const make = (file: string, kind: 'skill' | 'command', name: string, description: string): Item => {
    const desc = L.xmlEscape ? xml(description) : description;
    const text = L.xmlEscape
      ? `<skill>\n  <name>${xml(name)}</name>\n  <description>${desc}</description>\n  <location>project</location>\n</skill>\n`
      : `- ${name}: ${desc} (file: r0/${name}/SKILL.md)`;
    return { name, kind, file, text, chars: text.length, tokens: 0, loading: 'eager', reason: `listed by ${profile.name}`, description: desc };
  };
  const byName = <T extends { name: string }>(xs: T[]) =>
    xs.sort((a, b) => {
      const [x, y] = profile.listing.caseInsensitiveOrder ? [a.name.toLowerCase(), b.name.toLowerCase()] : [a.name, b.name];
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const skillDefs = byName(skillFiles.map((f) => ({ f, d: describe(f, 'skill') })).flatMap(({ f, d }) => (d ? [{ f, ...d }] : [])));
  const seen = new Set<string>();
  for (const s of skillDefs) {
    if (s.hidden) continue;
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
    if (seen.has(s.name)) continue;
    seen.add(s.name);
    skills.push(make(s.f, 'skill', s.name, s.description));
  }
  fitDescriptions(skills, L, profile.name, diagnostics, (it, d) => make(it.file, 'skill', it.name, d));
  const commands = byName(commandFiles.map((f) => ({ f, d: describe(f, 'command') })).flatMap(({ f, d }) => (d ? [{ f, ...d }] : [])));
  // Budget: entries in order (project skills, the bundled ones, commands) while the running total fits.
  let used = 0;
  let over = false;
  const truncated: string[] = [];
  const place = (it: Item | null, chars: number) => {
    if (L.budgetChars === undefined) return;
    if (!over && used + chars <= L.budgetChars) used += chars;
    else {
      over = true;
      if (it) {
        it.truncated = true;
        truncated.push(it.name);
      }
    }
  };
  for (const it of skills) place(it, it.chars);
  place(null, L.bundledChars);
  for (const c of commands) {
    if (c.hidden || seen.has(c.name)) continue;
    seen.add(c.name);
    const it = make(c.f, 'command', c.name, c.description);
    skills.push(it);
    place(it, it.chars);
  }
  const agentItems = byName(agentFiles.map((f) => ({ f, d: describe(f, 'agent') })).flatMap(({ f, d }) => (d && d.description ? [{ f, ...d }] : []))).map(
    ({ f, name, description }) => {
      const text = `- **${name}**: ${description}`;
      return { name, kind: 'agent' as const, file: f, text, chars: text.length, tokens: 0, loading: 'eager' as const, reason: `listed by ${profile.name}` };
    },
  );

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
  for (const f of files) f.tokens = counts.get(keyed[k++]!.key) ?? 0;
  for (const s of skills) s.tokens = counts.get(keyed[k++]!.key) ?? 0;
  for (const a of agentItems) a.tokens = counts.get(keyed[k++]!.key) ?? 0;
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
  const shown = (s: Item) => (s.truncated ? s.name.length + 2 : s.chars);
  return {
    agent: { id: profile.id, name: profile.name, version: profile.npm.version },
    totals: {
      eagerTokens: eagerFiles.reduce((a, f) => a + f.tokens, 0) + skills.reduce((a, s) => a + s.tokens, 0) + agentItems.reduce((a, s) => a + s.tokens, 0),
      eagerChars:
        eagerFiles.reduce((a, f) => a + (f.keptChars ?? f.chars), 0) + skills.reduce((a, s) => a + shown(s), 0) + agentItems.reduce((a, s) => a + s.chars, 0),
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
function fitDescriptions(skills: Item[], L: ListingShape, agent: string, diagnostics: Diagnostic[], remake: (it: Item, description: string) => Item): void {
  if (L.fitChars === undefined) return;
  const bundled = L.bundledLines ?? [];
  const lines = skills.map((it) => ({ it, description: it.description ?? '', overhead: it.chars - (it.description ?? '').length }));
  const size = (cap: number) =>
    lines.reduce((a, x) => a + x.overhead + Math.min(x.description.length, cap), 0) +
    bundled.reduce((a, b) => a + b.overhead + Math.min(b.description, cap), 0) +
    Math.max(0, lines.length + bundled.length - 1);
  const longest = Math.max(0, ...lines.map((x) => x.description.length), ...bundled.map((b) => b.description));
  if (size(longest) <= L.fitChars) return;
  let lo = 0;
  let hi = longest;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(mid) <= L.fitChars) lo = mid;
    else hi = mid - 1;
  }
  let first: Item | undefined;
  for (const [i, x] of lines.entries()) {
    if (x.description.length <= lo) continue;
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
export function brokenQuotedValue(text: string): boolean {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) return false;
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^[A-Za-z_][\w-]*:[ \t]+(["'])(.*)$/.exec(line);
    if (!kv) continue;
    const whole = kv[1]! + kv[2]!;
    const ok = kv[1] === '"' ? /^"(?:[^"\\]|\\.)*"[ \t]*(#.*)?$/.test(whole) : /^'(?:[^']|'')*'[ \t]*(#.*)?$/.test(whole);
    if (!ok) return true;
  }
  return false;
}
