import { measuredLine } from './agent-measured.js';
import { markdownTable } from 'markdown-table';
import type { GateReport } from '../model/report.js';
import { loadTimeTooFast } from '../model/constants.js';
import { claudeCodeLines } from './claude-code.js';
import { fmt, signed, signedPct } from './format.js';

/** The `diff` report for a terminal. */
export function renderDiffText(r: GateReport): string {
  const d = r.diff;
  const out: string[] = [];
  const icon = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' }[r.verdict];
  const e = d.totals.eagerTokens;
  out.push(
    `${icon}  always-loaded ${fmt(e.base)} -> ${fmt(e.head)} tokens (${e.delta === 0 ? 'unchanged' : `${signed(e.delta)}, ${signedPct(e.ratio)}`}); ${r.base.label} -> ${r.head.label}`,
  );
  out.push(`Token counts are ${r.tokensEstimated === false ? 'exact' : 'estimates'} (${r.tokenizer}). Budgets: ${r.configFile}.`);
  if (r.model?.id)
    out.push(
      `Judged for ${r.model.id} (${r.model.from}; ${fmt(r.model.contextWindow)}-token window)${r.model.baseId ? `; the base's sessions got ${r.model.baseId}` : ''}.`,
    );
  out.push('');
  const row = (name: string, x: { base: number; head: number; delta: number }) => [name, fmt(x.base), fmt(x.head), signed(x.delta)];
  const rows = [
    ['Metric', 'Base', 'Head', 'Delta'],
    row('Always-loaded tokens', d.totals.eagerTokens),
    row('On-demand tokens', d.totals.onDemandTokens),
    row('Worst invocation', d.totals.worstInvocationTokens),
    row(
      `Skill listing chars (budget ${fmt(d.listings.skills.budget.head)})${d.listings.judged.skillUnit ? `, worst plugin ${d.listings.judged.skillUnit}` : ''}`,
      d.listings.judged.skillChars,
    ),
    row(
      `Agent listing (tokens, characters / 4)${d.listings.judged.agentUnit ? `, worst plugin ${d.listings.judged.agentUnit}` : ''}`,
      d.listings.judged.agentTokens,
    ),
    row('Import depth', d.graph.maxDepth),
  ];
  if (r.loadTime)
    rows.push([
      r.loadTime.source === 'claude-code' ? 'Claude Code start-up ms (median)' : 'Load time ms (median)',
      r.loadTime.baseMedianMs.toFixed(1),
      r.loadTime.headMedianMs.toFixed(1),
      loadTimeTooFast(r.loadTime)
        ? 'too fast to compare'
        : `${r.loadTime.ratio.toFixed(2)}x [${r.loadTime.ratioMin.toFixed(2)}-${r.loadTime.ratioMax.toFixed(2)}]`,
    ]);
  out.push(markdownTable(rows, { align: ['l', 'r', 'r', 'r'] }));
  const bad = r.results.filter((x) => x.status !== 'pass');
  if (bad.length) {
    out.push('');
    out.push('Budgets');
    for (const x of bad) {
      out.push(
        `  ${x.status.toUpperCase().padEnd(4)} ${x.message}${x.location ? ` (${x.location.file}${x.location.line ? `:${x.location.line}` : ''})` : ''}  [${x.id}]`,
      );
      if (x.howToPass) out.push(`       How to pass: ${x.howToPass}`);
    }
  }
  const old = r.results.filter((x) => x.preexisting);
  const c = r.configReview;
  if (c && !c.error && c.changes.length) {
    out.push('', `This change edits its budget config (${c.file})${c.accepted ? `: applied, accepted with the label "${c.acceptLabel}"` : ''}:`);
    for (const x of c.changes) out.push(`  ${c.notApplied.includes(x) ? 'NOT APPLIED' : 'applied    '} ${x}`);
  }
  if (old.length) out.push('', `Already on the base (not caused by this change): ${old.map((x) => x.id).join(', ')}`);
  if (r.measureError) out.push('', `Could not measure with Claude Code: ${r.measureError}. The gate decided on the analyzer's figures alone.`);
  if (r.claudeCode) {
    out.push('');
    out.push('Claude Code itself, base -> head:');
    for (const side of ['base', 'head'] as const) for (const l of claudeCodeLines(r.claudeCode[side])) out.push(`  ${side}: ${l}`);
  }
  for (const a of r.agents ?? []) {
    const drops = [
      ...a.cut.map((c) => `${c.file} cut (${fmt(c.chars - c.keptChars)} of ${fmt(c.chars)} characters dropped)`),
      ...(a.nameOnly.head.length ? [`${a.nameOnly.head.length} skills by name only (${a.nameOnly.added.length} because of this change)`] : []),
    ];
    out.push(
      '',
      `${a.name} ${a.version}: always-loaded ${fmt(a.eagerTokens.base)} -> ${fmt(a.eagerTokens.head)} tokens (${signed(a.eagerTokens.delta)}); drops: ${drops.join('; ') || 'nothing'}`,
    );
    if (a.measured) out.push(`  ${measuredLine(a.name, a.measured, (t) => t)}`);
  }
  const files = [...d.files]
    .sort((a, b) => Math.abs(b.eager.delta) - Math.abs(a.eager.delta) || Math.abs(b.tokens.delta) - Math.abs(a.tokens.delta))
    .slice(0, 10);
  if (files.length) {
    out.push('');
    out.push(`Files (${d.files.length} changed; largest first)`);
    out.push(
      markdownTable([
        ['File', 'Status', 'Text delta (tokens)', 'Always-loaded delta (tokens)'],
        ...files.map((f) => [f.path, f.status === 'affected' ? 'same bytes, affected' : f.status, signed(f.tokens.delta), signed(f.eager.delta)]),
      ]),
    );
  }
  if (d.listings.skills.truncatedAdded.length) out.push('', `Now reduced to a bare name in the skill listing: ${d.listings.skills.truncatedAdded.join(', ')}`);
  if (r.recommendations.length) {
    out.push('');
    out.push('Recommendations (new ones first)');
    for (const x of r.recommendations.slice(0, 10)) {
      const saving =
        x.saving.eagerTokens > 0
          ? `~${fmt(x.saving.eagerTokens)} eager`
          : x.saving.onDemandTokens > 0
            ? `~${fmt(x.saving.onDemandTokens)} on-demand`
            : 'correctness';
      out.push(
        `  ${x.introduced ? 'NEW ' : '    '}[${x.horizon}] ${x.title} (${saving}; ${x.effort} effort) ${x.location.file}${x.location.line ? `:${x.location.line}` : ''}`,
      );
    }
    if (r.recommendations.length > 10) out.push(`  ... and ${r.recommendations.length - 10} more (--json or --markdown)`);
  }
  if (r.resolved.length) {
    out.push('', `Resolved by this change (${r.resolved.length})`);
    for (const x of r.resolved.slice(0, 10)) out.push(`  DONE ${x.title} ${x.location.file}${x.location.line ? `:${x.location.line}` : ''}`);
    if (r.resolved.length > 10) out.push(`  ... and ${r.resolved.length - 10} more (--json)`);
  }
  return out.join('\n') + '\n';
}
