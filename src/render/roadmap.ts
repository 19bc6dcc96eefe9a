import type { Horizon } from '../model/report.js';
import { GITHUB_COMMENT_LIMIT, details, marker, recLine, savingText } from './comment.js';
import { groupRecommendations } from './groups.js';
import { serializeHistory, type DoneStep, type History, type HistoryEntry, type RoadmapInput } from '../compare/history.js';
import { md } from './escape.js';
import { measuredLine } from './agent-measured.js';
import { fmt, pct, signed } from './format.js';

function trendChart(entries: HistoryEntry[]): string {
  if (entries.length < 2) return '_The trend appears after the second run._';
  // Month-day, with the time when several runs share a day.
  const days = new Set(entries.map((e) => e.date.slice(0, 10)));
  const labels = entries.map((e) => `"${days.size < entries.length ? `${e.date.slice(5, 10)} ${e.date.slice(11, 16)}` : e.date.slice(5, 10)}"`).join(', ');
  const max = Math.max(...entries.map((e) => e.eagerTokens), 1);
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Always-loaded tokens per run"',
    `  x-axis [${labels}]`,
    `  y-axis "tokens" 0 --> ${Math.ceil(max * 1.1)}`,
    `  line [${entries.map((e) => e.eagerTokens).join(', ')}]`,
    '```',
  ].join('\n');
}

/** The runs, newest first: date with the year, commit, always-loaded tokens and the change from the run before. */
function runsTable(entries: HistoryEntry[]): string {
  if (!entries.length) return '';
  const rows = entries
    .map((e, k) => [e.date.slice(0, 10), `\`${e.commit.slice(0, 7)}\``, fmt(e.eagerTokens), k === 0 ? '' : signed(e.eagerTokens - entries[k - 1]!.eagerTokens)])
    .reverse()
    .slice(0, 12);
  return ['| Date | Commit | Always-loaded tokens | Change |', '|---|---|--:|--:|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * The optimizer's plan as checkboxes: each step with its predicted gain and the command that applies
 * its kind; steps a later run measured done are ticked, with the gain measured on their file.
 */
function planSection(i: RoadmapInput, done: DoneStep[], per: number): string {
  const steps = i.plan ?? [];
  if (!steps.length && !done.length) return '';
  const max = Math.max(per, 5);
  const total = steps.reduce((a, s) => a + Math.max(0, s.predicted.eagerTokens), 0);
  const lines = [
    ...done
      .slice(0, max)
      .map(
        (s) =>
          `- [x] ~~${md(s.title, 160)}~~: done, measured ${fmt(s.measured)} always-loaded tokens less in ${md(s.file, 100)} (predicted ${fmt(s.eagerTokens)})`,
      ),
    ...steps
      .slice(0, max)
      .map(
        (s) =>
          `- [ ] ${md(s.title, 160)} (~${fmt(s.predicted.eagerTokens)} always-loaded tokens): \`context-budget optimize --only ${md(s.kind, 40)} --apply\``,
      ),
  ];
  if (steps.length > max) lines.push(`- … ${steps.length - max} more: \`context-budget optimize\` lists them all`);
  return `### Optimization plan (${steps.length} step${steps.length === 1 ? '' : 's'}${total ? `, ~${fmt(total)} always-loaded tokens` : ''})\nEdits the optimizer makes, measures and proves: run the command in a clone, review the diff, commit.\n${lines.join('\n')}`;
}

const TITLES: Record<Horizon, string> = {
  immediate: 'Immediate: high impact, low effort',
  'short-term': 'Short-term',
  'long-term': 'Long-term: architectural',
};

/** The roadmap issue body. Pure; folds recommendations to stay under GitHub's body limit. */
export function renderRoadmap(i: RoadmapInput, history: History, resolved: History['recommendations'], done: DoneStep[] = []): string {
  const s = i.snapshot;
  for (const per of [50, 20, 8, 3, 0]) {
    const parts: string[] = [marker(i.key ?? 'roadmap')];
    parts.push(`## Context budget roadmap`);
    parts.push(
      `Always loaded: **${fmt(s.totals.eagerTokens)} tokens** (${pct(s.totals.windowShare)} of a ${fmt(s.model.contextWindow)}-token window) · on demand: ${fmt(s.totals.onDemandTokens)} · as of ${i.commit.slice(0, 7)} on ${i.date.slice(0, 10)}. Token counts are estimates (${md(s.tokenizer.name)}).`,
    );
    parts.push(`### Trend\n${trendChart(history.entries)}\n\n${runsTable(history.entries)}`);
    if (s.claudeCode) {
      const c = s.claudeCode;
      const drift = c.drift.length
        ? `It loads this framework differently from the model of Claude Code ${md(s.model.claudeCodeVersion)} (${c.drift.length}):\n${c.drift
            .slice(0, 30)
            .map((d) => `- ${md(d, 600)}`)
            .join('\n')}`
        : `It loads this framework exactly as the model of Claude Code ${md(s.model.claudeCodeVersion)} predicts.`;
      parts.push(
        `### Measured by Claude Code ${md(c.version)}\nA session starts with ${fmt(c.firstRequest.tokens)} tokens${c.firstRequest.exact ? '' : ' (estimate)'} (its own prompt and tools included), after ${fmt(Math.round([...c.startupMs].sort((a, b) => a - b)[Math.floor(c.startupMs.length / 2)] ?? 0))} ms. ${drift}`,
      );
    }
    // Other agents run by `measure: codex@latest` (...): a release that loads the framework differently shows as drift.
    const agents = (s.agents ?? []).filter((a) => a.measured);
    if (agents.length)
      parts.push(
        `### Measured by other agents\n${agents
          .map(
            (a) =>
              `- ${measuredLine(a.agent.name, { head: a.measured! }, (t, n) => md(t, n), true)}${a.measured!.version !== a.agent.version ? ` The profile was measured on ${md(a.agent.version, 20)}.` : ''}`,
          )
          .join('\n')}`,
      );
    if (resolved.length) {
      const saved = resolved.reduce((a, r) => a + Math.max(0, r.eagerTokens), 0);
      parts.push(
        `### Resolved since the previous run\n${resolved
          .slice(0, Math.max(per, 5))
          .map((r) => `- ✅ ${md(r.title, 160)}${r.eagerTokens > 0 ? ` (~${fmt(r.eagerTokens)} always-loaded tokens)` : ''}`)
          .join('\n')}${saved ? `\n\nAbout ${fmt(saved)} always-loaded tokens saved.` : ''}`,
      );
    }
    const planText = planSection(i, done, per);
    if (planText) parts.push(planText);
    for (const h of ['immediate', 'short-term', 'long-term'] as Horizon[]) {
      const list = i.recommendations.filter((r) => r.horizon === h);
      if (!list.length) continue;
      const total = list.reduce((a, r) => a + Math.max(0, r.saving.eagerTokens), 0);
      // One checkbox per group (kind of work in one unit); a ticked box stays ticked across runs.
      const groups = groupRecommendations(list);
      const lines = groups.slice(0, Math.max(per, 3)).map((g) => {
        const box = i.ticked?.has(g.key) ? '[x]' : '[ ]';
        const saving = savingText(g.eagerTokens, g.onDemandTokens);
        const items =
          g.items
            .slice(0, Math.max(per, 1))
            .map((r) => recLine({ ...r, introduced: false }))
            .join('\n') + (g.items.length > Math.max(per, 1) ? `\n- … ${g.items.length - Math.max(per, 1)} more in this group` : '');
        return `- ${box} **${md(g.title, 160)}** (${g.items.length} item${g.items.length > 1 ? 's' : ''}${saving ? `, ${saving}` : ''}) <!-- group:${g.key.replace(/[^A-Za-z0-9_.:@/-]/g, '_')} -->\n\n  ${details('the items', items).replace(/\n/g, '\n  ')}`;
      });
      parts.push(
        `### ${TITLES[h]} (${list.length}${total ? `, ~${fmt(total)} always-loaded tokens` : ''})\n${lines.join('\n')}${groups.length > Math.max(per, 3) ? `\n\n_… and ${groups.length - Math.max(per, 3)} more groups: run \`context-budget analyze\` locally or see the job summary._` : ''}`,
      );
    }
    if (!i.recommendations.length) parts.push('No recommendations: the framework is lean. 🎉');
    parts.push(
      '<sub>Updated by context-budget on each scheduled run: this description is rewritten (discussion belongs in the comments). Its trend history is kept in a hidden block below.</sub>',
    );
    parts.push(serializeHistory(history));
    const body = parts.join('\n\n') + '\n';
    if (body.length <= GITHUB_COMMENT_LIMIT) return body;
  }
  return `${marker(i.key ?? 'roadmap')}\n\n## Context budget roadmap\n\nToo large to show; see the job summary.\n\n${serializeHistory({ ...history, recommendations: history.recommendations.slice(0, 20) })}\n`;
}
