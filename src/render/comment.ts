import { markdownTable } from 'markdown-table';
import { METRIC_LABELS } from '../model/budgets.js';
import type { BudgetResult, Delta, GateReport, Horizon, Recommendation } from '../model/report.js';
import { measuredLine } from './agent-measured.js';
import { md } from './escape.js';
import { loadTimeTooFast } from '../model/constants.js';
import { fmt, signed, signedPct } from './format.js';
import { AGENT_PROFILES, isAgentId } from '../model/agents.js';
import { claudeCodeSection } from './claude-code.js';
import { groupDiagnostics, groupRecommendations } from './groups.js';
import { readersOf } from '../optimize/analyzers.js';

/**
 * The sticky comment's size: a reviewer reads it on every push, so detail folds well before
 * GitHub's own limit (65,536 characters); the full report is in the job summary, linked.
 * Applied in UTF-8 bytes.
 */
export const COMMENT_LIMIT = 12_000;
/** GitHub rejects issue comments (the roadmap issue) above this many characters (applied in UTF-8 bytes). */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** The job summary accepts up to 1 MiB per step, in bytes (applied in UTF-8 bytes). */
export const SUMMARY_LIMIT = 1_000_000;

export const MARKER_PREFIX = '<!-- context-budget:';
export function marker(key: string): string {
  return `${MARKER_PREFIX}${key.replace(/[^A-Za-z0-9_.-]/g, '_')} -->`;
}

export interface CommentOptions {
  /** Hidden marker key (several instances can share a pull request). */
  key?: string;
  /** Character limit to fold under. */
  limit?: number;
  /** Link to the full report (job summary), shown when detail is folded. */
  detailsUrl?: string;
  /** `https://github.com/o/r/blob/<head sha>`: files and lines link to the head commit. */
  blobUrl?: string;
  /** The workflow run, linked from the footer. */
  runUrl?: string;
  /** The HTML report (a workflow artifact), linked from the footer. */
  reportUrl?: string;
  /**
   * Start-up times (the job summary, the check run). Off for the sticky comment and `--markdown`, so
   * that the same commits give the same comment; a loadTimeRatio budget shows them anyway.
   */
  timings?: boolean;
}

/** A file (and line) of the head, linked to the head commit when the URL is known. */
function place(file: string, line: number | undefined, o: CommentOptions): string {
  const text = `${md(file, 120)}${line ? `:${line}` : ''}`;
  if (!o.blobUrl || /[()\s<>]/.test(file)) return text;
  return `[${text}](${o.blobUrl}/${file.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''})`;
}

const ICON = { pass: '✅', warn: '⚠️', fail: '❌' } as const;

export function verdictLine(r: GateReport): string {
  const d = r.diff.totals.eagerTokens;
  const change = d.delta === 0 ? 'always-loaded context unchanged' : `always-loaded context ${signed(d.delta)} tokens (${signedPct(d.ratio)})`;
  const failing = r.results.filter((x) => x.status === 'fail').length;
  const warning = r.results.filter((x) => x.status === 'warn').length;
  const counts = [failing ? `${failing} budget${failing > 1 ? 's' : ''} failed` : '', warning ? `${warning} warning${warning > 1 ? 's' : ''}` : '']
    .filter(Boolean)
    .join(', ');
  return `${ICON[r.verdict]} **context-budget: ${r.verdict}** — ${change}${counts ? `; ${counts}` : ''}`;
}

function cell(d: Delta, unit = ''): string[] {
  return [fmt(d.base) + unit, fmt(d.head) + unit, d.delta === 0 ? '0' : `${signed(d.delta)}${d.ratio !== null ? ` (${signedPct(d.ratio)})` : ''}`];
}

function budgetFor(r: GateReport, metric: BudgetResult['metric']): string {
  const res = r.results.filter((x) => x.metric === metric && x.scope.type === 'total');
  if (!res.length) return '';
  return res
    .map((x) => {
      const icon = x.status === 'pass' ? '' : `${ICON[x.status]} `;
      const lim =
        x.operator !== 'max'
          ? x.operator === 'maxIncrease'
            ? `Δ ≤ ${fmt(x.expected)}`
            : `Δ ≤ ${x.expected}%`
          : metric === 'loadTimeRatio'
            ? `≤ ${x.expected}x`
            : metric === 'skillListingTruncated'
              ? x.expected === 0
                ? 'no entry cut'
                : `≤ ${fmt(x.expected)} cut`
              : metric === 'importsPastDepthLimit'
                ? 'no import past the limit'
                : `≤ ${fmt(x.expected)}`;
      // Already broken on the base (and not made worse): the column says so, not just the limit.
      const before = x.preexisting && x.base !== null ? ` (base already ${fmt(x.base)}${metric === 'skillListingTruncated' ? ' cut' : ''})` : '';
      return `${icon}${lim}${before}`;
    })
    .join(', ');
}

/** `timings: false` (the sticky comment): the start-up row only when a loadTimeRatio budget decides on it. */
export function metricsTable(r: GateReport, o: { timings?: boolean } = {}): string {
  const d = r.diff;
  const rows: string[][] = [['Metric', 'Base', 'Head', 'Δ', 'Budget']];
  rows.push([METRIC_LABELS.eagerTokens, ...cell(d.totals.eagerTokens), budgetFor(r, 'eagerTokens')]);
  rows.push([METRIC_LABELS.onDemandTokens, ...cell(d.totals.onDemandTokens), budgetFor(r, 'onDemandTokens')]);
  rows.push([METRIC_LABELS.worstInvocationTokens, ...cell(d.totals.worstInvocationTokens), budgetFor(r, 'worstInvocationTokens')]);
  const sk = d.listings.skills;
  const j = d.listings.judged;
  const worst = (unit?: string) => (unit ? `, worst plugin: ${md(unit, 60)}` : '');
  rows.push([
    `Skill listing (chars of ${fmt(sk.budget.head)}${worst(j.skillUnit)})`,
    ...cell(j.skillChars),
    [budgetFor(r, 'skillListingChars'), budgetFor(r, 'skillListingTruncated')].filter(Boolean).join(', '),
  ]);
  rows.push([
    `Agent listing (tokens as Claude Code estimates them: characters / 4${worst(j.agentUnit)})`,
    ...cell(j.agentTokens),
    budgetFor(r, 'agentListingTokens'),
  ]);
  rows.push([METRIC_LABELS.maxDepth, ...cell(d.graph.maxDepth), budgetFor(r, 'importsPastDepthLimit')]);
  const timed = o.timings !== false || r.assertions.some((a) => a.metric === 'loadTimeRatio' && a.level !== 'off');
  if (r.loadTime && timed) {
    const lt = r.loadTime;
    rows.push([
      lt.source === 'claude-code' ? 'Claude Code start-up to first request' : 'Load time (discover + parse)',
      `${lt.baseMedianMs.toFixed(1)} ms`,
      `${lt.headMedianMs.toFixed(1)} ms`,
      loadTimeTooFast(lt) ? 'too fast to compare' : `${lt.ratio.toFixed(2)}x (${lt.ratioMin.toFixed(2)}–${lt.ratioMax.toFixed(2)}, ${lt.rounds} rounds)`,
      budgetFor(r, 'loadTimeRatio'),
    ]);
  }
  return markdownTable(rows, { align: ['l', 'r', 'r', 'r', 'l'] });
}

function regressions(r: GateReport, o: CommentOptions): string {
  const bad = r.results.filter((x) => x.status !== 'pass').sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  if (!bad.length) return '';
  const lines = bad.map(
    (x) =>
      `- ${ICON[x.status]} **${md(x.message, 400)}**${x.location ? ` — ${place(x.location.file, x.location.line, o)}` : ''} <sub>(${md(x.id)})</sub>${x.howToPass ? `\n  - **How to pass:** ${md(x.howToPass, 1500)}` : ''}`,
  );
  return `#### What this change did\n${lines.join('\n')}`;
}

/** Limits the base branch already broke and this change did not make worse: counted, never blamed. */
function preexistingSection(r: GateReport, o: CommentOptions): string {
  const old = r.results.filter((x) => x.preexisting);
  if (!old.length) return '';
  return details(
    `Already on the base branch (${old.length}; not caused by this change)`,
    old.map((x) => `- ${md(x.message, 400)}${x.location ? ` — ${place(x.location.file, x.location.line, o)}` : ''}`).join('\n'),
  );
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function more(n: number, what: string): string {
  return n > 0 ? `\n\n_… and ${n} more ${what} (see the job summary or \`--json\`)_` : '';
}

function unitsSection(r: GateReport, maxRows: number): string {
  const u = [...r.diff.units].sort((a, b) => Math.abs(b.eager.delta) - Math.abs(a.eager.delta));
  if (!u.length || maxRows === 0) return '';
  const rows = u.slice(0, maxRows).map((x) => [md(x.name), x.status, ...cell(x.eager), signed(x.onDemand.delta)]);
  return details(
    `Units and plugins (${u.length} changed)`,
    markdownTable([['Unit', 'Status', 'Always-loaded base', 'Always-loaded head', 'Always-loaded Δ', 'On-demand Δ'], ...rows]) +
      more(u.length - maxRows, 'units'),
  );
}

function filesSection(r: GateReport, maxRows: number): string {
  const f = [...r.diff.files].sort((a, b) => Math.abs(b.eager.delta) - Math.abs(a.eager.delta) || Math.abs(b.tokens.delta) - Math.abs(a.tokens.delta));
  if (!f.length || maxRows === 0) return '';
  const loading = (x: (typeof f)[number]) => (x.loadingBase === x.loadingHead ? (x.loadingHead ?? '') : `${x.loadingBase ?? '—'} → ${x.loadingHead ?? '—'}`);
  const rows = f
    .slice(0, maxRows)
    .map((x) => [md(x.path, 120), x.status === 'affected' ? 'same bytes, affected' : x.status, loading(x), signed(x.tokens.delta), signed(x.eager.delta)]);
  return details(
    `Files (${f.length} changed)`,
    markdownTable([['File', 'Status', 'Loading', 'Text Δ (tokens)', 'Always-loaded Δ (tokens)'], ...rows]) + more(f.length - maxRows, 'files'),
  );
}

function listingSection(r: GateReport, maxRows: number): string {
  const s = r.diff.listings.skills;
  const a = r.diff.listings.agents;
  const parts: string[] = [];
  const list = (label: string, names: string[]) => {
    if (!names.length) return;
    parts.push(
      `**${label}** (${names.length}): ${names
        .slice(0, maxRows)
        .map((n) => md(n, 80))
        .join(', ')}${names.length > maxRows ? `, … ${names.length - maxRows} more` : ''}`,
    );
  };
  list('Now reduced to a bare name (over budget)', s.truncatedAdded);
  list('Description restored', s.truncatedRemoved);
  list('Skill listing: added', s.added);
  list('Skill listing: removed', s.removed);
  list('Skill listing: changed', s.changed);
  list('Agent listing: added', a.added);
  list('Agent listing: removed', a.removed);
  list('Agent listing: changed', a.changed);
  if (!parts.length || maxRows === 0) return '';
  return details('Listing entries', parts.join('\n\n'));
}

function graphSection(r: GateReport, maxRows: number): string {
  const g = r.diff.graph;
  const d = r.diff.diagnostics;
  const parts: string[] = [];
  for (const c of g.cyclesAdded.slice(0, maxRows)) parts.push(`- ❌ new import cycle: ${c.map((x) => md(x, 80)).join(' → ')}`);
  for (const u of g.unresolvedAdded.slice(0, maxRows)) parts.push(`- ⚠️ new ${u.reason} reference: ${md('@' + u.ref, 100)} in ${md(u.from)}:${u.line}`);
  // Reference diagnostics are already listed above as references.
  const added = d.added.filter((x) => x.severity !== 'info' && !x.code.startsWith('import-') && !x.code.startsWith('symlink-'));
  for (const g of groupDiagnostics(added).slice(0, maxRows))
    parts.push(
      'one' in g
        ? `- ${g.one.severity === 'error' ? '❌' : '⚠️'} ${md(g.one.file)}:${g.one.line} ${md(g.one.message, 300)}`
        : `- ${g.severity === 'error' ? '❌' : '⚠️'} ${fmt(g.count)} files (${md(g.code, 40)}): ${g.files
            .slice(0, 3)
            .map((f) => md(f, 80))
            .join(', ')}, …: ${md(g.message, 200)}`,
    );
  const fixed = d.fixed.filter((x) => x.severity !== 'info').length + g.cyclesRemoved.length + g.unresolvedRemoved.length;
  if (fixed) parts.push(`- ✅ ${fixed} diagnostics and references fixed`);
  if (!parts.length || maxRows === 0) return '';
  return details(`Dependencies and diagnostics (${g.cyclesAdded.length + g.unresolvedAdded.length + added.length} new, ${fixed} fixed)`, parts.join('\n'));
}

const HORIZON_TITLE: Record<Horizon, string> = {
  immediate: 'Immediate (high impact, low effort)',
  'short-term': 'Short-term',
  'long-term': 'Long-term (architectural)',
};

export function savingText(eager: number, onDemand: number): string {
  return eager > 0 ? `~${fmt(eager)} always-loaded tokens` : onDemand > 0 ? `~${fmt(onDemand)} on-demand tokens` : '';
}

export function recLine(x: Recommendation, o: CommentOptions = {}): string {
  const saving = savingText(x.saving.eagerTokens, x.saving.onDemandTokens);
  return `- ${x.introduced ? '🆕 ' : ''}**${md(x.title, 160)}**${saving ? ` — saves ${saving}` : ''} <sub>(${x.effort} effort; ${place(x.location.file, x.location.line, o)})</sub><br>${md(x.rationale, 400)}`;
}

/** This change's recommendations of one kind in one unit, with their total; the items inside a fold. */
function groupLines(list: Recommendation[], o: CommentOptions, maxItems: number): string[] {
  return groupRecommendations(list).map((g) => {
    if (g.items.length === 1) return recLine(g.items[0]!, o);
    const saving = savingText(g.eagerTokens, g.onDemandTokens);
    const shown = g.items.slice(0, maxItems);
    // One line per item inside the fold; the shared reason is said once.
    const items =
      shown
        .map(
          (x) =>
            `- 🆕 ${md(x.title, 160)}${savingText(x.saving.eagerTokens, x.saving.onDemandTokens) ? ` — ~${fmt(x.saving.eagerTokens || x.saving.onDemandTokens)}` : ''} <sub>(${place(x.location.file, x.location.line, o)})</sub>`,
        )
        .join('\n') + more(g.items.length - shown.length, 'in this group');
    return `- 🆕 **${md(g.title, 160)}**: ${g.items.length} items${saving ? `, together ${saving}` : ''}<br>${md(g.items[0]!.rationale, 400)}\n\n  ${details('the items', items).replace(/\n/g, '\n  ')}`;
  });
}

function recommendationsSection(r: GateReport, maxRows: number, o: CommentOptions): string {
  // The comment is about the pull request: what it introduced. What the base branch already had is
  // one line, pointing to where it is kept (the roadmap issue, `context-budget analyze`).
  const mine = r.recommendations.filter((x) => x.introduced);
  const older = r.recommendations.length - mine.length;
  const pointer = older
    ? `<sub>${fmt(older)} more recommendation${older > 1 ? 's' : ''} the base branch already had ${older > 1 ? 'are' : 'is'} not repeated here: see the roadmap issue, or run \`context-budget analyze\`.</sub>`
    : '';
  // What the pull request fixed of what the base branch had: credited in one line.
  const fixed = r.resolved.length
    ? `✅ **Resolved by this change** (${r.resolved.length}): ${r.resolved
        .slice(0, 5)
        .map((x) => md(x.title, 120))
        .join('; ')}${r.resolved.length > 5 ? `; and ${r.resolved.length - 5} more` : ''}.`
    : '';
  if (!mine.length) return [fixed, pointer].filter(Boolean).join('\n\n');
  const groups: Horizon[] = ['immediate', 'short-term', 'long-term'];
  const out: string[] = ['#### Recommendations for this change'];
  for (const h of groups) {
    // Only what this change introduced is grouped here: every item is new.
    const list = mine.filter((x) => x.horizon === h);
    if (!list.length) continue;
    // Folding to fit: fewer groups too, the first (most saving per effort) kept.
    const all = groupLines(list, o, maxRows);
    const groups = maxRows >= 40 ? all : all.slice(0, Math.max(2, maxRows));
    const body = groups.join('\n') + more(all.length - groups.length, 'groups of recommendations');
    out.push(h === 'immediate' ? `**${HORIZON_TITLE[h]}**\n${body}` : details(`${HORIZON_TITLE[h]} (${list.length})`, body));
  }
  if (fixed) out.push(fixed);
  if (pointer) out.push(pointer);
  return out.join('\n\n');
}

/** The optimizer's edits on the pull request's own text: suggestions on its lines, a command for the rest. */
export function editsSection(r: GateReport, o: CommentOptions = {}): string {
  const e = r.edits;
  if (!e || (!e.suggestions.length && !e.commands.length)) return '';
  const lines = [`**Edits the optimizer can make to what this pull request adds**`];
  for (const s of e.suggestions)
    lines.push(`- 💡 ${md(s.title, 160)} (${place(s.path, s.startLine, o)}): about ${fmt(s.eagerTokens)} always-loaded tokens, suggested on the lines`);
  for (const c of e.commands)
    lines.push(
      `- ${c.steps} ${md(c.kind, 40)} edit${c.steps === 1 ? '' : 's'} across files (about ${fmt(c.eagerTokens)} always-loaded tokens): run \`${md(c.command, 120)}\` and commit the result`,
    );
  return lines.join('\n');
}

function unknownsSection(r: GateReport): string {
  if (!r.unknowns.length) return '';
  const mcp = r.unknowns.filter((u) => u.kind === 'mcp-server').length;
  const hooks = r.unknowns.filter((u) => u.kind === 'session-start-hook').length;
  const bits = [
    mcp ? `${mcp} MCP server${mcp > 1 ? 's' : ''} (tool schemas load at start)` : '',
    hooks ? `${hooks} SessionStart hook source${hooks > 1 ? 's' : ''} (may inject output)` : '',
  ].filter(Boolean);
  return `<sub>Not measured, since it can't be known without running them: ${bits.join('; ')}.</sub>`;
}

/** What the pull request changed in its own budget config, and what of it was not applied. */
/** Other agents: one row each, what they load at start and what this change made them drop. */
export function agentsSection(r: GateReport): string {
  if (!r.agents?.length) {
    // Not measured: say which other agents read what this change touched, and how to measure them.
    const touched = r.diff.files.map((f) => ({ f: f.path, readers: readersOf(f.path) })).filter((x) => x.readers.length);
    if (!touched.length) return '';
    const agents = [...new Map(touched.flatMap((x) => x.readers).map((p) => [p.id, p])).values()];
    return `<sub>This change edits files ${agents.map((p) => p.name).reduce((a, n, i, all) => (i === 0 ? n : `${a}${i === all.length - 1 ? ' and ' : ', '}${n}`), '')} also read${agents.length === 1 ? 's' : ''} (${touched
      .slice(0, 5)
      .map((x) => md(x.f, 80))
      .join(
        ', ',
      )}${touched.length > 5 ? ', ...' : ''}): measure ${agents.length === 1 ? 'it' : 'them'} too with \`agents: [${agents.map((p) => p.id).join(', ')}]\` in the budget config.</sub>`;
  }
  const rows = r.agents.map((a) => {
    const drops: string[] = [];
    for (const c of a.cut) drops.push(`${md(c.file, 80)} cut: ${fmt(c.chars - c.keptChars)} of ${fmt(c.chars)} characters dropped`);
    if (a.nameOnly.head.length)
      drops.push(
        `${a.nameOnly.head.length} skill${a.nameOnly.head.length === 1 ? '' : 's'} listed by name only${a.nameOnly.added.length ? ` (${a.nameOnly.added.length} because of this change)` : ''}`,
      );
    const worse = a.droppedChars.delta > 0 || a.nameOnly.added.length > 0;
    return [
      `${md(a.name, 40)} ${md(a.version, 20)}`,
      fmt(a.eagerTokens.base),
      fmt(a.eagerTokens.head),
      signed(a.eagerTokens.delta),
      `${worse ? '❌ ' : ''}${drops.join('; ') || 'nothing'}`,
    ];
  });
  // What a profile does not count (Gemini CLI's directory tree) is said, never silently left out.
  const notCounted = r.agents.flatMap((a) => {
    const n = isAgentId(a.id) ? AGENT_PROFILES[a.id].notCounted : undefined;
    return n ? [`${md(a.name, 40)} also sends ${n}: not counted here.`] : [];
  });
  const measured = r.agents.flatMap((a) => (a.measured ? [`- ${measuredLine(a.name, a.measured, (t, n) => md(t, n), true)}`] : []));
  return `#### Other agents that read these files

${markdownTable([['Agent', 'Always-loaded before', 'After', 'Change', 'What it drops'], ...rows], { align: ['l', 'r', 'r', 'r', 'l'] })}${notCounted.length ? `\n\n<sub>${notCounted.join(' ')}</sub>` : ''}${measured.length ? `\n\n${measured.join('\n')}` : ''}`;
}

export function configSection(r: GateReport): string {
  const c = r.configReview;
  if (!c || c.error) return '';
  const list = (xs: string[]) => xs.map((x) => `- ${md(x, 300)}`).join('\n');
  const applied = c.changes.filter((x) => !c.notApplied.includes(x));
  const parts = [`#### This pull request changes its budget config (${md(c.file, 120)})`];
  if (c.accepted) parts.push(`Applied as it is: a maintainer accepted it with the label \`${md(c.acceptLabel, 80)}\`.\n${list(c.changes)}`);
  else {
    if (c.notApplied.length)
      parts.push(
        `⚠️ **Not applied**: it would loosen the gate that judges this pull request, or change what is measured. The base branch's config decides until the change lands${c.acceptLabel ? `, or a maintainer adds the label \`${md(c.acceptLabel, 80)}\`` : ''}.\n${list(c.notApplied)}`,
      );
    if (applied.length) parts.push(`Applied (the stricter of base and head):\n${list(applied)}`);
  }
  return parts.join('\n\n');
}

function footer(r: GateReport, o: CommentOptions = {}): string {
  const side = (s: GateReport['base']) => `${md(s.label, 80)}${s.commit ? ` (${s.commit.slice(0, 7)})` : ''}`;
  const scope = r.diff.listings.judged.scope === 'per-plugin' ? ' Listing limits are judged per plugin: the project plus each plugin installed alone.' : '';
  const what = r.compared ? `Compared ${md(r.compared, 300)}` : `Compared ${side(r.base)} → ${side(r.head)}`;
  const run = `${o.reportUrl ? ` [Where the context goes: the HTML report](${o.reportUrl}).` : ''}${o.runUrl ? ` [Workflow run](${o.runUrl}).` : ''}`;
  const trust = r.untrusted ? " **Measured by the pull request's own workflow run (publish-report), not verified here: a pass is shown as neutral.**" : '';
  const model = r.model?.id
    ? ` Judged for ${md(r.model.id, 60)} (${md(r.model.from, 80)}; ${fmt(r.model.contextWindow)}-token window)${r.model.baseId ? `; the base branch's sessions got ${md(r.model.baseId, 60)}` : ''}.`
    : '';
  return `<sub>${what}.${trust}${scope}${model}${run} ${r.tokensEstimated === false ? `Token counts are exact (${md(r.tokenizer)}).` : `Token counts are estimates (${md(r.tokenizer)}); Claude's tokenizer is not public.`} Budgets: ${md(r.configFile)}.</sub>`;
}

/** GitHub's limits (comment body, job summary) are safest read as UTF-8 bytes: a CJK report of 501,409 characters is 1,067,325 bytes. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The pull request comment (and, with a larger limit, the job summary). Folds detail to fit, never cuts markup. */
export function renderComment(r: GateReport, opts: CommentOptions = {}): string {
  const limit = opts.limit ?? COMMENT_LIMIT;
  for (const rows of [500, 100, 40, 15, 5, 0]) {
    const parts = [
      opts.key !== undefined ? marker(opts.key) : '',
      `### ${verdictLine(r)}`,
      metricsTable(r, { timings: opts.timings === true }),
      configSection(r),
      regressions(r, opts),
      preexistingSection(r, opts),
      claudeCodeSection(r, { timings: opts.timings === true }),
      agentsSection(r),
      unitsSection(r, rows),
      filesSection(r, rows),
      listingSection(r, rows),
      graphSection(r, rows),
      editsSection(r, opts),
      recommendationsSection(r, Math.max(rows, 3), opts),
      unknownsSection(r),
      rows < 500
        ? `<sub>Detail folded to fit GitHub's limit${opts.detailsUrl ? `: [full report](${opts.detailsUrl})` : ': the full report is in the job summary'}.</sub>`
        : '',
      footer(r, opts),
    ].filter(Boolean);
    const text = parts.join('\n\n') + '\n';
    if (utf8Bytes(text) <= limit) return text;
  }
  // Last resort: verdict, metrics and regressions only.
  const minimal =
    [
      opts.key !== undefined ? marker(opts.key) : '',
      `### ${verdictLine(r)}`,
      metricsTable(r, { timings: opts.timings === true }),
      configSection(r).slice(0, limit / 4),
      regressions(r, opts)
        .slice(0, limit / 2)
        .replace(/\n[^\n]*$/, ''),
      footer(r, opts),
    ]
      .filter(Boolean)
      .join('\n\n') + '\n';
  return utf8Bytes(minimal) <= limit
    ? minimal
    : `${opts.key !== undefined ? marker(opts.key) + '\n\n' : ''}### ${verdictLine(r)}\n\n<sub>The full report is in the job summary.</sub>\n`;
}
