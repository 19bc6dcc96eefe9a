import { AGENT_PROFILES, isAgentId } from '../model/agents.js';
import { measuredLine } from './agent-measured.js';
import { markdownTable } from 'markdown-table';
import { judgedListings } from '../analyze/listing.js';
import type { Recommendation } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import { claudeCodeLines } from './claude-code.js';
import { readersOf } from '../optimize/analyzers.js';
import { groupDiagnostics } from './groups.js';
import { fmt, pct } from './format.js';

/** The `analyze` report for a terminal: what the framework costs, where, and why; then the optimizer's ranked recommendations. */
export function renderAnalyzeText(s: Snapshot, opts: { files?: number; recommendations?: Recommendation[] } = {}): string {
  const out: string[] = [];
  const where = s.source.kind === 'git' ? `${s.source.root} @ ${s.source.ref} (${(s.source.commit ?? '').slice(0, 12)})` : s.source.root;
  out.push(`context-budget ${s.tool.version}: ${where}`);
  out.push(
    `Tokens are an estimate (${s.tokenizer.name}); Claude Code ${s.model.claudeCodeVersion} loading model${s.model.id ? `, ${s.model.id}` : ''}, ${fmt(s.model.contextWindow)}-token window.`,
  );
  out.push('');
  out.push(
    markdownTable([
      ['Metric', 'Value'],
      ['Always loaded (eager) tokens', `${fmt(s.totals.eagerTokens)} (${pct(s.totals.windowShare)} of the window)`],
      ['On-demand tokens', fmt(s.totals.onDemandTokens)],
      ['Worst single invocation', `${fmt(s.totals.worstInvocationTokens)}${s.totals.worstInvocation ? ` (eager + ${s.totals.worstInvocation})` : ''}`],
      ...listingRows(s),
      ['Import depth (max)', `${s.graph.maxDepth}${s.graph.longestChain.length > 1 ? ` (${s.graph.longestChain.join(' -> ')})` : ''}`],
      ['Cycles / unresolved refs', `${s.graph.cycles.length} / ${s.graph.unresolved.length}`],
      ['Read at session start', startupCost(s)],
      ...(s.loadTime.rounds > 0
        ? [['Load time (discover + parse)', `${s.loadTime.medianMs} ms median of ${s.loadTime.rounds} (spread ${s.loadTime.spreadMs} ms)`]]
        : []),
    ]),
  );
  out.push('');
  if (s.categories.length === 0) out.push('Nothing here is loaded by Claude Code (no CLAUDE.md, AGENTS.md, .claude/ or plugins found).');
  else {
    out.push('By category');
    out.push(markdownTable([['Category', 'Loading', 'Tokens', 'Items'], ...s.categories.map((c) => [c.category, c.loading, fmt(c.tokens), String(c.files)])]));
  }
  if (s.units.length > 1) {
    out.push('');
    out.push('By unit (a plugin: what installing it adds)');
    const units = [...s.units].sort((a, b) => b.eagerTokens - a.eagerTokens);
    out.push(
      markdownTable([
        ['Unit', 'Eager', 'On demand', 'Files'],
        ...units.map((u) => [u.name + (u.counted ? '' : ' (not counted)'), fmt(u.eagerTokens), fmt(u.onDemandTokens), String(u.files)]),
      ]),
    );
  }
  const eager = s.files.filter((f) => f.loading === 'eager').sort((a, b) => b.tokens - a.tokens);
  const limit = opts.files ?? 15;
  if (eager.length) {
    out.push('');
    out.push(`Largest always-loaded files${eager.length > limit ? ` (top ${limit} of ${eager.length})` : ''}`);
    out.push(markdownTable([['File', 'Tokens', 'Why'], ...eager.slice(0, limit).map((f) => [f.path, fmt(f.tokens), f.reason])]));
  }
  if (s.unknowns.length) {
    out.push('');
    out.push('Not measurable statically (reported, not guessed)');
    for (const u of s.unknowns.slice(0, 20)) out.push(`- ${u.unit}: ${u.name} (${u.file}): ${u.note}`);
    if (s.unknowns.length > 20) out.push(`- ... and ${s.unknowns.length - 20} more`);
  }
  const diags = s.diagnostics.filter((d) => d.severity !== 'info');
  if (diags.length) {
    out.push('');
    out.push(`Diagnostics (${diags.length} warnings/errors, ${s.diagnostics.length - diags.length} info)`);
    const lines = groupDiagnostics(diags);
    for (const g of lines.slice(0, 30))
      out.push(
        'one' in g
          ? `${g.one.severity.padEnd(7)} ${g.one.file}:${g.one.line} ${g.one.message}`
          : `${String(g.severity).padEnd(7)} ${g.count} files (${g.code}): ${g.files.slice(0, 3).join(', ')}, ...: ${g.message}`,
      );
    if (lines.length > 30) out.push(`... and ${lines.length - 30} more lines (use --json for all)`);
  }
  if (s.measureError) out.push('', `Could not measure with Claude Code: ${s.measureError}`);
  if (s.claudeCode) {
    out.push('');
    out.push(...claudeCodeLines(s.claudeCode));
  }
  if (!s.agents?.length) {
    const other = s.files.map((f) => ({ f: f.path, readers: readersOf(f.path) })).filter((x) => x.readers.length);
    if (other.length) {
      const agents = [...new Map(other.flatMap((x) => x.readers).map((p) => [p.id, p])).values()];
      out.push(
        '',
        `Other agents read files here too: ${agents
          .map((p) => {
            const n = other.filter((x) => x.readers.includes(p)).length;
            return `${p.name} (${n} file${n === 1 ? '' : 's'})`;
          })
          .join(', ')}. Measure them with ${agents.map((p) => `--agent ${p.id}`).join(' ')}.`,
      );
    }
  }
  for (const a of s.agents ?? []) {
    const lost = a.listings.skills.truncated.length;
    out.push(
      '',
      `${a.agent.name} ${a.agent.version}: ${fmt(a.totals.eagerTokens)} tokens of this framework at every start (plus about ${fmt(a.totals.overheadChars)} characters of its own), ${a.listings.skills.items.length} skills, ${a.listings.agents.items.length} agents listed`,
    );
    const notCounted = isAgentId(a.agent.id) ? AGENT_PROFILES[a.agent.id].notCounted : undefined;
    if (notCounted) out.push(`  It also sends ${notCounted}: not counted here.`);
    if (a.measured) out.push(`  ${measuredLine(a.agent.name, { head: a.measured }, (t) => t)}`);
    for (const f of a.files.filter((x) => x.loading === 'eager'))
      out.push(
        `  ${f.path}: ${fmt(f.tokens)} tokens${f.keptChars !== undefined ? `, CUT: ${fmt(f.chars - f.keptChars)} of ${fmt(f.chars)} characters dropped without a word` : ''}`,
      );
    if (lost)
      out.push(
        `  ${lost} skills listed by name only (over its listing budget of ${fmt(a.listings.skills.budget ?? 0)} characters): ${a.listings.skills.truncated.slice(0, 8).join(', ')}${lost > 8 ? ', ...' : ''}`,
      );
    for (const d of a.diagnostics.slice(0, 10)) out.push(`  ${d.severity} ${d.file}:${d.line} ${d.message}`);
  }
  const recs = opts.recommendations ?? [];
  if (recs.length) {
    out.push('');
    out.push(`Recommendations (${recs.length}, ranked by saving per effort)`);
    for (const h of ['immediate', 'short-term', 'long-term'] as const) {
      const list = recs.filter((r) => r.horizon === h);
      if (!list.length) continue;
      out.push(`${h}:`);
      for (const r of list.slice(0, 15))
        out.push(
          `- ${r.title}${r.saving.eagerTokens > 0 ? ` (saves ~${fmt(r.saving.eagerTokens)} always-loaded tokens)` : r.saving.onDemandTokens > 0 ? ` (saves ~${fmt(r.saving.onDemandTokens)} on-demand tokens)` : ''}: ${r.location.file}${r.location.line ? `:${r.location.line}` : ''}`,
        );
      if (list.length > 15) out.push(`- ... and ${list.length - 15} more (use --json for all)`);
    }
  }
  return out.join('\n') + '\n';
}

/** The listing rows, judged the same way as `diff` judges them (per plugin for marketplaces), saying which. */
function listingRows(s: Snapshot): string[][] {
  const j = judgedListings(s);
  const L = s.listings.skills;
  const perPlugin = s.listings.scope === 'per-plugin' && (j.skillUnit !== undefined || j.agentUnit !== undefined);
  const how = perPlugin ? ' (judged per plugin: the project plus each plugin installed alone; worst shown)' : '';
  const worstSkills = perPlugin ? s.listings.worst.skills : null;
  const truncated = worstSkills ? worstSkills.truncated.length : L.truncated.length;
  const over = j.agentTokens > s.listings.agents.warnAt;
  return [
    [
      'Skill listing' + how,
      `${fmt(j.skillChars)} / ${fmt(L.budget)} chars${j.skillUnit ? ` (with ${j.skillUnit})` : ''}, Claude Code's own entries included${truncated ? `; OVER BUDGET: ${truncated} reduced to bare names` : ''}`,
    ],
    [
      'Agent listing' + how,
      `${fmt(j.agentTokens)} / ${fmt(s.listings.agents.warnAt)} tokens as Claude Code estimates them (characters / 4)${j.agentUnit ? ` (with ${j.agentUnit})` : ''}, ${s.listings.agents.entries} agents${over ? ', OVER LIMIT' : ''}`,
    ],
  ];
}

/** What start-up costs from the framework's side, computed, not timed: files and bytes Claude Code reads at session start. */
export function startupCost(s: Snapshot): string {
  const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
  const eager = s.files.filter((f) => f.eagerTokens > 0 && counted.has(f.unit));
  const bytes = eager.reduce((a, f) => a + f.bytes, 0);
  return `${fmt(eager.length)} files, ${fmt(bytes)} bytes (memory files, rules, listed skills, commands and agents)`;
}
