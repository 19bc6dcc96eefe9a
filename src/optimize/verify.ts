/**
 * Proof with the agent's binary: what Claude Code sent before the plan was applied and after, held
 * to what the plan says it did. Pure: the two measurements come from `--measure`'s sandboxed runs.
 */
import type { ClaudeCodeMeasurement } from '../model/claude-code.js';
import type { OptimizePlan, Verification } from '../model/optimize.js';

export function verifyPlan(plan: OptimizePlan, before: ClaudeCodeMeasurement, after: ClaudeCodeMeasurement): Verification {
  const checks: Verification['checks'] = [];
  const check = (ok: boolean, text: string) => checks.push({ ok, text });
  const mem = (m: ClaudeCodeMeasurement, p: string) => m.facts.memory.find((x) => x.path === p)?.chars ?? 0;
  const entry = (m: ClaudeCodeMeasurement, name: string) => m.facts.listing.entries.find((e) => !e.bundled && e.name === name);
  // Text moved out of an instruction file left the first request.
  const moved = new Map<string, number>();
  for (const s of plan.steps)
    if (s.kind === 'lazy-loading' || s.kind === 'conditional-loading' || s.kind === 'duplication')
      moved.set(s.location.file, (moved.get(s.location.file) ?? 0) + 1);
  for (const [file, n] of moved) {
    const b = mem(before, file);
    const a = mem(after, file);
    check(
      a < b,
      `${file}: ${b.toLocaleString('en-US')} → ${a.toLocaleString('en-US')} characters in the first request (${n} step${n === 1 ? '' : 's'} moved text out)`,
    );
  }
  // Each new skill is listed, with its description.
  for (const s of plan.steps.filter((x) => x.kind === 'lazy-loading')) {
    const skill = s.edits
      .find((e) => e.before === null)!
      .path.split('/')
      .at(-2)!;
    const e = entry(after, skill);
    check(
      !!e?.described,
      e ? `the new skill ${skill} is listed${e.described ? ' with its description' : ' without its description'}` : `the new skill ${skill} is not listed`,
    );
  }
  // No entry that had a description lost it; entries cut for the budget got theirs back.
  const lost = before.facts.listing.entries
    .filter((e) => e.described && !e.bundled && entry(after, e.name) && !entry(after, e.name)!.described)
    .map((e) => e.name);
  check(!lost.length, lost.length ? `entries that lost their description: ${lost.join(', ')}` : 'no entry lost its description');
  const back = before.facts.listing.entries.filter((e) => !e.described && !e.bundled && entry(after, e.name)?.described).length;
  const still = after.facts.listing.entries.filter((e) => !e.described && !e.bundled).length;
  if (plan.steps.some((s) => s.kind === 'listing-fit'))
    check(still === 0, `${back} entr${back === 1 ? 'y' : 'ies'} got their description back; ${still} still without one`);
  // Agents whose description was shortened are listed shorter.
  for (const s of plan.steps.filter((x) => x.kind === 'agent-descriptions')) {
    const name = s.id.slice('agent-descriptions:'.length);
    const b = before.facts.agents.find((x) => x.name === name)?.chars ?? 0;
    const a = after.facts.agents.find((x) => x.name === name)?.chars;
    check(
      a !== undefined && a < b,
      `agent ${name}: ${b.toLocaleString('en-US')} → ${a === undefined ? 'not listed' : a.toLocaleString('en-US')} characters in the agent listing`,
    );
  }
  check(
    !after.drift.length,
    after.drift.length
      ? `the analyzer disagrees with Claude Code on the result: ${after.drift.join('; ')}`
      : 'the analyzer agrees with Claude Code on the result (no drift)',
  );
  return {
    agent: `Claude Code ${after.version}`,
    firstRequest: { before: before.firstRequest.tokens, after: after.firstRequest.tokens, exact: after.firstRequest.exact },
    checks,
    ok: checks.every((c) => c.ok),
  };
}
