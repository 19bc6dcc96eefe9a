/**
 * The optimizer on a pull request: a step whose edit is one stretch of one file, all of it lines the
 * pull request added, becomes a GitHub suggestion (a review comment whose `suggestion` block
 * replaces those lines); the other steps the pull request touched become a command to run. Pure.
 */
import { createHash } from 'node:crypto';
import type { OptimizeKind, OptimizeStep } from '../model/optimize.js';
import type { EditCommand, SuggestedEdit } from '../model/report.js';

/** At most this many suggestions per run (one review): more would bury the pull request's own review. */
export const MAX_SUGGESTIONS = 10;
/** Hidden marker of a suggestion, so that a later run never posts the same one twice. */
export const SUGGESTION_MARKER = '<!-- context-budget:suggestion:';

/** The stretch of lines an edit replaces: 1-based [start, end] of `before`, and the lines that replace it. */
export function changedStretch(before: string, after: string): { start: number; end: number; lines: string[] } | null {
  if (before === after) return null;
  const b = before.split('\n');
  const a = after.split('\n');
  let p = 0;
  while (p < b.length && p < a.length && b[p] === a[p]) p++;
  let q = 0;
  while (q < b.length - p && q < a.length - p && b[b.length - 1 - q] === a[a.length - 1 - q]) q++;
  let start = p + 1;
  let end = b.length - q;
  let lines = a.slice(p, a.length - q);
  // A pure insertion replaces no line: a suggestion must, so it takes the line above (or below) along.
  if (end < start) {
    if (p > 0) {
      start = p;
      lines = [b[p - 1]!, ...lines];
    } else {
      end = start;
      lines = [...lines, b[p]!];
    }
  }
  return { start, end, lines };
}

const idOf = (stepId: string) => createHash('sha1').update(stepId).digest('hex').slice(0, 16);

/** The hidden marker of one step's suggestion. */
export function suggestionMarker(stepId: string): string {
  return `${SUGGESTION_MARKER}${idOf(stepId)} -->`;
}

/**
 * Suggestions for the steps whose one edit the pull request's added lines cover (capped, biggest
 * saving first), and a command per kind for the other steps on lines the pull request added.
 */
export function suggestionsFor(
  steps: readonly OptimizeStep[],
  added: ReadonlyMap<string, ReadonlySet<number>>,
  max = MAX_SUGGESTIONS,
): { suggestions: SuggestedEdit[]; commands: EditCommand[] } {
  const suggestions: SuggestedEdit[] = [];
  const commands = new Map<OptimizeKind, EditCommand>();
  const ranked = [...steps].sort((x, y) => y.predicted.eagerTokens - x.predicted.eagerTokens || (x.id < y.id ? -1 : 1));
  for (const s of ranked) {
    const touched = s.edits.filter((e) => e.before !== null && e.after !== null);
    const stretches = touched.map((e) => ({ e, st: changedStretch(e.before!, e.after!) }));
    const mine = (path: string, st: { start: number; end: number }) => {
      const lines = added.get(path);
      if (!lines) return false;
      for (let l = st.start; l <= st.end; l++) if (!lines.has(l)) return false;
      return true;
    };
    // What the pull request added at all of: a step on text the base already had is the roadmap's.
    const anyAdded = stretches.some(({ e, st }) => st && [...Array(st.end - st.start + 1).keys()].some((k) => added.get(e.path)?.has(st.start + k)));
    if (!anyAdded) continue;
    const only = stretches.length === 1 && s.edits.length === 1 ? stretches[0]! : undefined;
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
export function addedLinesOf(diff: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let file: string | null = null;
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
      const set = out.get(file) ?? new Set<number>();
      for (let i = 0; i < n; i++) set.add(start + i);
      out.set(file, set);
    }
  }
  return out;
}
