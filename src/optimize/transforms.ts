/**
 * The optimizer's transforms: each a pure function from a loaded framework (its snapshot and the
 * texts of the files it may edit) to file edits, with the text each edit moves out of (and into)
 * what every session loads, and the candidates it refused with why. Idempotent: run again on its
 * own output, a transform proposes nothing more.
 */
import path from 'node:path';
import { asText, parseFrontmatter } from '../analyze/frontmatter.js';
import { findImports } from '../analyze/markdown.js';
import { SECTION_MIN_CHARS, DUPLICATE_MIN_CHARS } from '../analyze/content.js';
import { LISTING_ESCAPES } from '../analyze/loaders/prompts.js';
import type { FileEdit, OptimizeKind, OptimizeStep, Refusal } from '../model/optimize.js';
import type { FileRecord, ListingEntry, Snapshot } from '../model/snapshot.js';
import { LONG_DESCRIPTION_CHARS, TARGET_DESCRIPTION_CHARS } from './analyzers.js';
import { thousands } from '../strings.js';
import {
  bodyStartOf,
  cutAtSentence,
  firstSentence,
  normalized,
  paragraphs,
  sectionBody,
  sections,
  setFrontmatterField,
  slugOf,
  spliceLines,
  yamlString,
  type Section,
} from './text.js';

/** What a transform reads: the snapshot of the tree as it stands, and the texts of its files. */
export interface TransformInput {
  snapshot: Snapshot;
  /** The current text of a file of the tree (after earlier transforms), or undefined. */
  text(path: string): string | undefined;
  /** Whether a path is taken (a file of the tree or one an earlier step creates). */
  exists(path: string): boolean;
}

/** A step before its tokens are counted: the texts it takes out of and adds to what always loads. */
export type DraftStep = Omit<OptimizeStep, 'predicted'> & {
  eagerRemoved: string[];
  eagerAdded: string[];
  listingChars: number;
  agentListingChars: number;
};

export interface TransformResult {
  steps: DraftStep[];
  refused: Refusal[];
}

export type Transform = (input: TransformInput) => TransformResult;

/**
 * Headings that read as a rule for every task: such a section stays always-loaded (moving it would
 * make the model miss it on tasks that never call the skill).
 */
export const ALWAYS_RULE_HEADING =
  /\b(rules?|conventions?|guidelines?|principles?|standards?|style|important|critical|must|never|always|overview|about|introduction|context|summary|general|core|behaviou?r|persona|role|identity|communication|tone|constraints?|requirements?|policy|policies|security|safety)\b/i;
/** Headings that name a procedure or a reference: read when a task needs them. */
export const PROCEDURE_HEADING =
  /\b(how to|how-to|workflow|process|procedures?|steps?|guide|reference|api|commands?|deploy(ment|ing)?|release|releasing|setup|set up|install(ation|ing)?|testing|tests|troubleshoot(ing)?|debug(ging)?|migrat(e|ion|ions)|architecture|schema|endpoints?|examples?|checklist|faq|recipes?|playbook|runbook|database|scripts?|tooling|build(ing)?|cli)\b/i;
/** A body with this share or more of lines that state a constraint reads as rules for every task. */
export const IMPERATIVE_SHARE = 0.4;
/** First path segments too broad to scope a rule by (a section about `src/` concerns everything). */
export const GENERIC_ROOTS: ReadonlySet<string> = new Set([
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
export function classifySection(s: Section): { kind: 'always' | 'paths' | 'procedure' | 'unclear'; why: string; globs?: string[] } {
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
  if (globs) return { kind: 'paths', why: `it concerns ${globs.join(', ')}`, globs };
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
function pathRefs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const r = m[1]!;
    if (/^[a-z]+:\/\//i.test(r) || r.startsWith('@') || r.startsWith('-')) continue;
    if (/^(\*\*\/)?\*\.[\w]+$/.test(r) || /^[\w.@-]+(\/[\w.*@-]+)+\/?$/.test(r)) out.push(r.replace(/^\.\//, ''));
  }
  return out;
}

/** The globs a section is scoped to: every path it names under one specific folder, or only file-type globs. */
function pathScope(s: Section): string[] | undefined {
  const inHeading = pathRefs(s.heading.replace(/(^|\s)([\w.-]+\/[\w./*-]*)/g, '$1`$2`'));
  const refs = inHeading.length ? inHeading : pathRefs(s.text);
  if (!refs.length || (!inHeading.length && refs.length < 3)) return undefined;
  if (refs.every((r) => /^(\*\*\/)?\*\.[\w]+$/.test(r))) return [...new Set(refs.map((r) => (r.startsWith('**/') ? r : `**/${r}`)))];
  const dirs = refs.map((r) =>
    r
      .split('/')
      .filter((x) => x && !x.includes('*'))
      .slice(0, r.endsWith('/') ? undefined : -1),
  );
  let common = dirs[0] ?? [];
  for (const d of dirs) {
    let i = 0;
    while (i < common.length && i < d.length && common[i] === d[i]) i++;
    common = common.slice(0, i);
  }
  if (!common.length || (common.length === 1 && GENERIC_ROOTS.has(common[0]!))) return undefined;
  return [`${common.join('/')}/**`];
}

/** Eager memory and rule files of the project (user-scope and plugin files are not the repository's to split). */
function eagerInstructionFiles(s: Snapshot): FileRecord[] {
  const project = new Set(s.units.filter((u) => u.type === 'project').map((u) => u.name));
  return s.files.filter((f) => f.loading === 'eager' && (f.kind === 'memory' || f.kind === 'rule') && project.has(f.unit));
}

const taken = (input: TransformInput, used: Set<string>, names: ReadonlySet<string>, make: (n: string) => string, slug: string) => {
  for (let i = 1; ; i++) {
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
export function sectionMoves(kinds: ReadonlySet<OptimizeKind>): Transform {
  return (input) => {
    const s = input.snapshot;
    const steps: DraftStep[] = [];
    const refused: Refusal[] = [];
    const files = eagerInstructionFiles(s);
    const secsOf = new Map(files.map((f) => [f.path, sections(input.text(f.path) ?? '')]));
    const headingFiles = new Map<string, Set<string>>();
    for (const [file, secs] of secsOf)
      for (const x of secs) headingFiles.set(x.heading.toLowerCase(), (headingFiles.get(x.heading.toLowerCase()) ?? new Set()).add(file));
    const names = new Set(s.listings.skills.items.map((e) => e.name));
    const used = new Set<string>();
    let listingChars = s.listings.skills.chars;
    for (const f of files) {
      let text = input.text(f.path);
      if (text === undefined) continue;
      const secs = secsOf.get(f.path)!;
      // Bottom-up, so that the line numbers of the sections above stay right.
      for (const sec of [...secs].reverse()) {
        if (sec.text.length < SECTION_MIN_CHARS) continue;
        const at = { file: f.path, line: sec.start + 1, subject: sec.heading };
        const refuse = (kind: OptimizeKind, why: string) => void (kinds.has(kind) && refused.push({ kind, ...at, why }));
        const c = classifySection(sec);
        const kind: OptimizeKind = c.kind === 'paths' ? 'conditional-loading' : 'lazy-loading';
        if (!kinds.has(kind)) continue;
        if (findImports(sec.text).length) {
          refuse(kind, 'it holds @imports: moving it would change what they load (move the imported files instead)');
          continue;
        }
        const sharers = headingFiles.get(sec.heading.toLowerCase())!;
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
          const rule = `---\npaths:\n${c.globs!.map((g) => `  - ${yamlString(g)}`).join('\n')}\n---\n\n${sec.text.trim()}\n`;
          const after = spliceLines(text, sec.start, sec.end, []);
          steps.push({
            id: `conditional-loading:${f.path}:${sec.heading}`,
            kind,
            title: `Load "${sec.heading}" only for ${c.globs!.join(', ')}`,
            detail: `The section moves, as it is, to .claude/rules/${name}.md with paths: ${c.globs!.join(', ')} (${c.why}); Claude Code loads it when a matching file is read.`,
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
          refuse(
            kind,
            `the skill listing (${listingChars} of ${s.listings.skills.budget} characters) has no room for another entry: a new skill would take another's description`,
          );
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
          detail: `${c.why[0]!.toUpperCase()}${c.why.slice(1)}: it becomes .claude/skills/${slug}/SKILL.md, loaded when a task calls for it; ${f.path} keeps one pointer line. Review the derived description: "${description}".`,
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
const listedWidth = (d: string) => d.length + 3 * (d.match(LISTING_ESCAPES)?.length ?? 0);

/** A listing entry whose description is the front matter's `description` alone, as the file holds it. */
function editableDescription(input: TransformInput, e: ListingEntry): { text: string; raw: string } | string {
  const text = input.text(e.file);
  if (text === undefined) return 'its file could not be read';
  const fm = parseFrontmatter(text);
  const raw = asText(fm.data.description)?.trim();
  if (!fm.hasFrontmatter || !raw) return 'its description is derived from the body: give it a `description:` first';
  if (fm.data.when_to_use !== undefined) return 'its listed text joins description and when_to_use: shorten them by hand';
  if (fm.strictError) return 'its front matter is not valid YAML: fix it first';
  return { text, raw };
}

/**
 * Listing fit: when the skill listing drops descriptions, the longest descriptions are cut (at a
 * sentence boundary) to a per-entry target computed from the real budget, until every entry keeps
 * one; a description past Claude Code's cap is cut to the cap in any case (the rest is never seen).
 */
export const listingFit: Transform = (input) => {
  const s = input.snapshot;
  const L = s.listings;
  const perPlugin = L.scope === 'per-plugin' && L.worst.skills;
  const unit = perPlugin ? L.worst.skills!.unit : undefined;
  const truncated = new Set(perPlugin ? L.worst.skills!.truncated : L.skills.truncated);
  const chars = perPlugin ? L.worst.skills!.chars : L.skills.chars;
  const cap = s.model.skillListingMaxDescChars ?? Infinity;
  const steps: DraftStep[] = [];
  const refused: Refusal[] = [];
  const entries = L.skills.items.filter((e) => e.loading === 'eager' && e.description !== undefined && (!unit || e.unit === unit || e.unit === 'project'));
  const editable = new Map<ListingEntry, { text: string; raw: string }>();
  for (const e of entries) {
    const d = editableDescription(input, e);
    if (typeof d === 'string') {
      if (truncated.has(e.name) || e.descriptionCapped) refused.push({ kind: 'listing-fit', file: e.file, line: e.line ?? 1, subject: e.name, why: d });
    } else editable.set(e, d);
  }
  // The target: the largest per-entry description width T that brings the listing within budget.
  const over = chars - L.skills.budget;
  const widths = [...editable.keys()].map((e) => Math.min(listedWidth(e.description!), cap));
  const cut = (t: number) => widths.reduce((a, w) => a + Math.max(0, w - t), 0);
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
    } else {
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (cut(mid) >= over) lo = mid;
        else hi = mid - 1;
      }
      target = lo;
    }
  }
  // Longest first, so that the step list reads in the order of what each cut takes.
  const order = [...editable.entries()].sort((a, b) => listedWidth(b[0].description!) - listedWidth(a[0].description!));
  for (const [e, d] of order) {
    const width = listedWidth(d.raw.replace(/\s+/g, ' '));
    const limit = Math.min(target, cap);
    if (width <= limit) continue;
    // Cut the raw text; `<`/`>` count 4 in the listing, so cut shorter until the listed width fits.
    let max = limit;
    let next = cutAtSentence(d.raw, max);
    while (listedWidth(next) > limit && max > 0) next = cutAtSentence(d.raw, --max);
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
    if (after === null) continue;
    const shown = e.alias ? `${e.name} (${e.alias})` : e.name;
    const newLine = `- ${shown}: ${next.replace(LISTING_ESCAPES, (x) => (x === '<' ? '&lt;' : '&gt;'))}`;
    steps.push({
      id: `listing-fit:${e.name}`,
      kind: 'listing-fit',
      title: `Cut ${e.name}'s description to ${thousands(next.length)} characters`,
      detail:
        e.descriptionCapped && width > cap && limit === cap
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
function rawEndOf(raw: string, prefix: string): number {
  let i = 0;
  let j = 0;
  while (i < raw.length && j < prefix.length) {
    if (/\s/.test(raw[i]!) && (prefix[j] === ' ' || /\s/.test(raw[i - 1] ?? ' '))) {
      if (prefix[j] === ' ') j++;
      i++;
      while (i < raw.length && /\s/.test(raw[i]!)) i++;
      continue;
    }
    if (raw[i] !== prefix[j]) return -1;
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
export const agentDescriptions: Transform = (input) => {
  const s = input.snapshot;
  const steps: DraftStep[] = [];
  const refused: Refusal[] = [];
  for (const e of s.listings.agents.items) {
    if (e.loading !== 'eager' || e.description === undefined) continue;
    const text = input.text(e.file);
    if (text === undefined) continue;
    const fm = parseFrontmatter(text);
    const value = asText(fm.data.description)?.trim();
    if (!value || (!/<example>/i.test(value) && value.length <= LONG_DESCRIPTION_CHARS)) continue;
    // Many agent files write line breaks as a literal `\n` inside one YAML string: read as line breaks.
    const raw = !value.includes('\n') && value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
    const at = { kind: 'agent-descriptions' as const, file: e.file, line: e.line ?? 1, subject: e.name };
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
    if (withField === null || !rest) continue;
    const start = bodyStartOf(withField);
    const after = `${withField.slice(0, start).replace(/\n*$/, '\n')}\n## When to use\n\n${rest}\n\n${withField.slice(start).replace(/^\n+/, '')}`;
    const oldListed = e.description;
    const newListed = routing.replace(/\s+/g, ' ').replace(LISTING_ESCAPES, (x) => (x === '<' ? '&lt;' : '&gt;'));
    const newLine = e.text.replace(oldListed, newListed);
    steps.push({
      id: `agent-descriptions:${e.name}`,
      kind: 'agent-descriptions',
      title: `Keep ${e.name}'s routing sentence in its description (${thousands(oldListed.length)} → ${thousands(newListed.length)} characters)`,
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
export const duplication: Transform = (input) => {
  const s = input.snapshot;
  const steps: DraftStep[] = [];
  const refused: Refusal[] = [];
  const files = [...eagerInstructionFiles(s)].sort((a, b) => (a.depth ?? 99) - (b.depth ?? 99) || (a.path < b.path ? -1 : 1));
  const seen = new Map<string, { file: string; line: number }>();
  const removals = new Map<string, { start: number; end: number; text: string; first: { file: string; line: number } }[]>();
  for (const f of files) {
    const text = input.text(f.path);
    if (text === undefined) continue;
    for (const p of paragraphs(text)) {
      const key = normalized(p.text);
      if (key.length < DUPLICATE_MIN_CHARS) continue;
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
      (removals.get(f.path) ?? removals.set(f.path, []).get(f.path)!).push({ ...p, first });
    }
  }
  for (const [file, ps] of removals) {
    let text = input.text(file)!;
    for (const p of [...ps].reverse()) {
      const lines = text.split('\n');
      const blankAfter = lines[p.end] !== undefined && lines[p.end]!.trim() === '' ? 1 : 0;
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
export const imports: Transform = (input) => {
  const s = input.snapshot;
  const steps: DraftStep[] = [];
  const refused: Refusal[] = [];
  const texts = new Map<string, string>();
  const current = (p: string) => texts.get(p) ?? input.text(p);
  const edit = (p: string, after: string): FileEdit => {
    const before = current(p)!;
    texts.set(p, after);
    return { path: p, before, after };
  };
  for (const cycle of s.graph.cycles) {
    const ring = cycle[cycle.length - 1] === cycle[0] ? cycle.slice(0, -1) : cycle;
    const from = ring[ring.length - 1]!;
    const to = ring[0]!;
    const e = s.graph.edges.find((x) => x.type === 'import' && x.from === from && x.to === to && x.line);
    const text = current(from);
    if (!e || text === undefined) continue;
    const lines = text.split('\n');
    const line = lines[e.line! - 1] ?? '';
    const ref = findImports(line).find((r) => line.includes(`@${r.ref}`));
    if (!ref) continue;
    const rest = line.replace(`@${ref.ref}`, '').trim();
    const after = rest
      ? spliceLines(text, e.line! - 1, e.line!, [line.replace(new RegExp(`\\s*@${ref.ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '')])
      : spliceLines(text, e.line! - 1, e.line!, []);
    steps.push({
      id: `imports:cycle:${from}->${to}`,
      kind: 'imports',
      title: `Break the import cycle ${ring.join(' → ')} → ${to}`,
      detail: `${from}:${e.line} imports ${to}, which is already loaded above it: Claude Code loads each file once, so the line only misleads.`,
      risk: 'low',
      location: { file: from, line: e.line! },
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
    if (
      u.reason === 'depth' &&
      u.resolved &&
      root &&
      current(root.path) !== undefined &&
      !s.files.some((f) => f.path === u.resolved && f.loading === 'eager')
    ) {
      const target = s.files.find((f) => f.path === u.resolved);
      const text = current(root.path)!;
      // Imports resolve against the importing file's folder (`.claude/CLAUDE.md` imports `@../docs/x.md`).
      const line = `@${path.posix.relative(path.posix.dirname(root.path), u.resolved)}`;
      if (text.split('\n').some((l) => l.trim() === line)) continue;
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
        eagerAdded: [line, ...newlyLoaded(s, input, u.resolved).map((p) => input.text(p)!)],
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
        why:
          u.reason === 'missing'
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
function newlyLoaded(s: Snapshot, input: TransformInput, start: string): string[] {
  const eager = new Set(s.files.filter((f) => f.loading === 'eager').map((f) => f.path));
  const out: string[] = [];
  const todo = [start];
  while (todo.length && out.length < 1_000) {
    const p = todo.pop()!;
    if (eager.has(p) || out.includes(p)) continue;
    const text = input.text(p);
    if (text === undefined) continue;
    out.push(p);
    for (const r of findImports(text)) {
      if (r.ref.startsWith('~') || r.ref.startsWith('/')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(p), r.ref));
      if (!target.startsWith('../')) todo.push(target);
    }
  }
  return out;
}

/** The transforms in the order they run: text moves first, then descriptions, then the listing they leave. */
export function transformsFor(kinds: ReadonlySet<OptimizeKind>): { kind: OptimizeKind[]; run: Transform; needsFreshSnapshot: boolean }[] {
  return [
    { kind: ['lazy-loading', 'conditional-loading'], run: sectionMoves(kinds), needsFreshSnapshot: false },
    { kind: ['duplication'], run: duplication, needsFreshSnapshot: true },
    { kind: ['imports'], run: imports, needsFreshSnapshot: true },
    { kind: ['agent-descriptions'], run: agentDescriptions, needsFreshSnapshot: true },
    { kind: ['listing-fit'], run: listingFit, needsFreshSnapshot: true },
  ].filter((t) => t.kind.some((k) => kinds.has(k as OptimizeKind))) as { kind: OptimizeKind[]; run: Transform; needsFreshSnapshot: boolean }[];
}
