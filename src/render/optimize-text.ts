import type { Achieved, OptimizePlan, Saving } from '../model/optimize.js';
import { thousands } from '../strings.js';
import { totalOf } from '../optimize/optimize.js';

/** A saving as the plan shows it: what always loads, and the listings' characters when they move. */
function saving(x: Saving): string {
  const sign = (n: number) => (n > 0 ? '−' : n < 0 ? '+' : '');
  const parts = [`${sign(x.eagerTokens)}${thousands(Math.abs(x.eagerTokens))} always-loaded tokens`];
  if (x.listingChars) parts.push(`skill listing ${sign(x.listingChars)}${thousands(Math.abs(x.listingChars))} chars`);
  if (x.agentListingChars) parts.push(`agent listing ${sign(x.agentListingChars)}${thousands(Math.abs(x.agentListingChars))} chars`);
  return parts.join(', ');
}

/** Within 5% of the prediction (or within 20 tokens, for small steps). */
export function close(a: Achieved): boolean {
  const d = Math.abs(a.achieved.eagerTokens - a.predicted.eagerTokens);
  return d <= Math.max(20, Math.abs(a.predicted.eagerTokens) * 0.05);
}

/** The plan as text: steps with their predicted savings, what was refused and why, how to apply; once applied, the diff and predicted vs achieved. */
export function renderOptimizeText(plan: OptimizePlan, o: { dir: string; apply: boolean; only?: readonly string[] }): string {
  const out: string[] = [];
  const total = totalOf(plan.steps.map((s) => s.predicted));
  const b = plan.before;
  out.push(
    `Optimization plan for ${o.dir}: ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}` +
      (plan.steps.length ? ` (predicted: ${saving(total)})` : ''),
  );
  out.push(
    `Now: ${thousands(b.eagerTokens)} always-loaded tokens; skill listing ${thousands(b.listingChars)} chars${b.listingTruncated ? ` (${b.listingTruncated} entries without their description)` : ''}; agent listing ${thousands(b.agentListingChars)} chars.`,
  );
  if (plan.steps.length) out.push('');
  plan.steps.forEach((s, i) => {
    out.push(`${String(i + 1).padStart(3)}. [${s.kind}] ${s.title}`);
    out.push(`     ${s.location.file}:${s.location.line} · ${saving(s.predicted)} · risk ${s.risk}`);
    out.push(`     ${s.detail}`);
    const files = s.edits.map((e) => `${e.before === null ? 'create' : e.after === null ? 'delete' : 'edit'} ${e.path}`);
    out.push(`     ${files.join('; ')}`);
  });
  if (plan.refused.length) {
    out.push('', `Left alone (${plan.refused.length}):`);
    for (const r of plan.refused.slice(0, 50)) out.push(`  ${r.file}:${r.line} [${r.kind}] "${r.subject}": ${r.why}`);
    if (plan.refused.length > 50) out.push(`  … and ${plan.refused.length - 50} more (--json lists them all)`);
  }
  if (!plan.applied) {
    if (plan.steps.length)
      out.push(
        '',
        `Apply: context-budget optimize ${o.dir} --apply${o.only?.length ? o.only.map((k) => ` --only ${k}`).join('') : ''}  (writes the working tree, never commits)`,
      );
    return out.join('\n') + '\n';
  }
  const a = plan.applied;
  out.push('', a.diff.trimEnd(), '');
  out.push(`Written: ${a.written.length} file${a.written.length === 1 ? '' : 's'}. Measured again:`);
  for (const r of a.results)
    out.push(
      `  ${r.kind.padEnd(20)} predicted ${saving(r.predicted)}; achieved ${saving(r.achieved)}${r.kind === 'all' || close(r) ? '' : '  (more than 5% off the prediction)'}`,
    );
  if (a.verify) {
    const v = a.verify;
    out.push(
      `Verified with ${v.agent}: first request ${thousands(v.firstRequest.before)} → ${thousands(v.firstRequest.after)} tokens (${v.firstRequest.exact ? 'exact' : 'estimate'})${v.ok ? '' : ': FAILED'}`,
    );
    for (const c of v.checks) out.push(`  ${c.ok ? '✓' : '✗'} ${c.text}`);
  }
  // Other agents (--agent): what each one loads at start, before and after.
  for (const [id, before] of Object.entries(b.agents ?? {})) {
    const after = a.after.agents?.[id];
    if (after !== undefined) out.push(`  ${id.padEnd(20)} ${thousands(before)} → ${thousands(after)} always-loaded tokens`);
  }
  out.push(
    `Now: ${thousands(a.after.eagerTokens)} always-loaded tokens; skill listing ${thousands(a.after.listingChars)} chars${a.after.listingTruncated ? ` (${a.after.listingTruncated} entries without their description)` : ''}; agent listing ${thousands(a.after.agentListingChars)} chars.`,
  );
  return out.join('\n') + '\n';
}
