/**
 * Commands and skills: listing entries (eager, or on demand when path-scoped) and bodies (on
 * invocation); names, aliases, derived descriptions, skillOverrides and the listing order.
 */
import type { Loading } from '../../model/snapshot.js';
import { compareNames, detach, thousands } from '../../strings.js';
import { asBool, asGlobs, asText } from '../frontmatter.js';
import { findImports } from '../markdown.js';
import type { PlannedEntry } from '../plan-types.js';
import { USER, type UnitDef } from '../units.js';
import { fieldLine, trimGlob, type PlanContext } from './context.js';
import type { Settings } from './settings.js';

/** A front matter name Claude Code shows after the directory name (2.1.332: letters, marks, digits, `_:.-`). */
const SKILL_ALIAS = /^[\p{L}\p{M}\p{N}_:.-]+$/u;

/** A command or skill: listing entry (eager or conditional) and body (on invocation). */
export function planPrompt(ctx: PlanContext, u: UnitDef, f: string, name: string, kind: 'command' | 'skill', order?: number): void {
  const r = ctx.read(f, true);
  if (!r) return;
  const fm = r.parsed?.data ?? {};
  const body = ctx.body(r);
  const isPlugin = u.type === 'plugin';
  // A skill is listed under its directory name; a different, valid front matter name follows in
  // parentheses (`data_viz (DataViz)`); an invalid one (spaces, ...) is not shown (Claude Code 2.1.332).
  const listedName = isPlugin && kind === 'skill' ? `${u.name}:${name}` : name;
  let alias: string | undefined;
  if (kind === 'skill') {
    const declared = asText(fm.name)?.trim();
    if (declared && declared !== name) {
      const qualified = isPlugin ? `${u.name}:${declared}` : declared;
      const shown = SKILL_ALIAS.test(qualified) && qualified.length <= ctx.m.skillAliasMaxChars && !listedName.endsWith(`:${qualified}`);
      if (shown) alias = qualified;
      ctx.diag(
        f,
        fieldLine(r.text, 'name'),
        'info',
        // An invalid name is its own code: the invalidSkillNames metric counts these.
        shown ? 'skill-name-mismatch' : 'invalid-skill-name',
        shown
          ? `front matter name "${declared}" differs from the directory "${name}": listed as "${listedName} (${qualified})"`
          : `front matter name "${declared.slice(0, 80)}" is not a valid skill name and is ignored: listed as "${listedName}"`,
      );
    }
  }
  const real = ctx.tree.real(f) ?? f;
  const description = asText(fm.description)?.trim() ?? '';
  const whenToUse = asText(fm.when_to_use)?.trim() ?? '';
  if (kind === 'skill' && description.length > ctx.m.skillDescriptionSpecMaxChars)
    ctx.diag(
      f,
      fieldLine(r.text, 'description'),
      'warning',
      'description-too-long',
      `description is ${thousands(description.length)} characters; the skills spec allows ${thousands(ctx.m.skillDescriptionSpecMaxChars)}`,
    );
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
    } else {
      base = deriveDescription(body, kind, ctx.m.derivedDescriptionMaxChars);
      ctx.diag(f, 1, 'info', 'missing-description', `no description: Claude Code derives "${base.slice(0, 60)}" from the first line`);
    }
  }
  const desc = whenToUse ? `${base} - ${whenToUse}` : base;
  const refs: string[] = [];
  const bodyLineOffset = (r.parsed?.bodyLine ?? 1) - 1;
  if (kind === 'command') {
    for (const imp of findImports(body)) {
      const target = ctx.resolveRef(f, imp.ref, imp.line + bodyLineOffset, 'file-ref', u.root);
      if (!target) continue;
      const tr = ctx.tree.real(target)!;
      refs.push(tr);
      ctx.edges.push({ from: real, to: tr, type: 'file-ref', line: imp.line + bodyLineOffset });
      ctx.addFile(target, u.name, 'resource', 'on-demand', `referenced with @ by ${real}: loaded when it is invoked`, 'resources');
    }
  }
  const bodyLoading: Loading = 'on-demand';
  ctx.addFile(f, u.name, kind, bodyLoading, `${kind} body, loaded on invocation`, kind === 'skill' ? 'skill-bodies' : 'command-bodies', ctx.bodySource(r));
  const entry = listed
    ? makeEntry(
        ctx,
        listedName,
        desc,
        kind,
        u.name,
        real,
        conditional ? 'on-demand' : 'eager',
        conditional
          ? `path-scoped skill (paths: ${globs!.map(trimGlob).join(', ')}): listed when matching files are touched`
          : `${kind} listing entry, sent at session start`,
        alias,
        order,
      )
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
export const LISTING_ESCAPES = /[<>]/g;

export function makeEntry(
  ctx: PlanContext,
  name: string,
  description: string,
  kind: PlannedEntry['kind'],
  unit: string,
  file: string,
  loading: Loading,
  reason: string,
  alias?: string,
  order?: number,
): PlannedEntry {
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
  const e: PlannedEntry = {
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
    ctx.diag(
      file,
      line,
      'warning',
      'description-capped',
      `description is ${thousands(description.length)} characters: the listing cuts it to ${thousands(cap)} (skillListingMaxDescChars)`,
    );
  ctx.skillEntries.push(e);
  return e;
}

export function applyOverridesAndOrder(ctx: PlanContext, settings: Settings): void {
  for (const e of ctx.skillEntries) {
    const o = settings.skillOverrides[e.name];
    // 'on', or no override, changes nothing; so does a value Claude Code does not know.
    if (o === 'off' || o === 'user-invocable-only') {
      e.loading = 'not-loaded';
      e.reason = `skillOverrides: ${o}`;
    } else if (o === 'name-only') {
      e.text = `- ${e.alias ? `${e.name} (${e.alias})` : e.name}`;
      delete e.description;
      e.nameOnly = true;
      e.reason += ' (skillOverrides: name-only)';
    }
  }
}

/** Claude Code's fallback description: first non-empty body line, heading #s removed, cut to 100. */
export function deriveDescription(body: string, kind: 'command' | 'skill', max: number): string {
  // The first non-empty line, found in place (a long body is not split into lines).
  let line: string | undefined;
  for (let start = 0; start < body.length && line === undefined;) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const l = body.slice(start, end).trim();
    if (l.length > 0) line = l;
    start = end + 1;
  }
  if (!line) return kind === 'skill' ? 'Skill' : 'Custom command';
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
export function listingOrder(entries: readonly PlannedEntry[], units: readonly UnitDef[]): PlannedEntry[] {
  const plugin = new Set(units.filter((u) => u.type === 'plugin').map((u) => u.name));
  // Plugins installed from a marketplace are listed in install order (the marketplace's), each
  // plugin's manifest-listed skills in their list's order (measured with 2.1.332); the rest by name.
  const installOrder = new Map(units.filter((u) => u.installOrder !== undefined).map((u) => [u.name, u.installOrder!]));
  const byInstall = (a: PlannedEntry, b: PlannedEntry) => {
    const ia = installOrder.get(a.unit);
    const ib = installOrder.get(b.unit);
    if (ia === undefined || ib === undefined) return 0;
    return ia - ib || (a.order ?? Infinity) - (b.order ?? Infinity) || 0;
  };
  const rank: Record<PlannedEntry['kind'], [number, number]> = { skill: [0, 4], command: [1, 3], workflow: [2, 3], agent: [6, 6] };
  // User-scope entries (~/.claude) come before the project's: skills, then commands (one fixture observed).
  const group = (e: PlannedEntry) => (e.unit === USER ? (e.kind === 'skill' ? -2 : -1) : rank[e.kind][plugin.has(e.unit) ? 1 : 0]);
  // A plugin's commands are ordered by their file names (`commit.fast.md` before `commit.md`), the
  // project's by their names (`deploy` before `deploy_x`): both measured with 2.1.332.
  const key = (e: PlannedEntry) => (e.kind === 'command' && plugin.has(e.unit) ? `${e.name}.md` : e.name);
  return [...entries].sort((a, b) => group(a) - group(b) || byInstall(a, b) || compareNames(key(a), key(b)));
}
