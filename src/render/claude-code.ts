/** What Claude Code itself sent (--measure claude-code), next to the model: pure renderers. */
import { markdownTable } from 'markdown-table';
import type { ClaudeCodeMeasurement } from '../model/claude-code.js';
import type { GateReport } from '../model/report.js';
import { md } from './escape.js';
import { fmt, signed } from './format.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const own = (m: ClaudeCodeMeasurement) => m.facts.listing.entries.filter((e) => !e.bundled);
const ownAgents = (m: ClaudeCodeMeasurement) => m.facts.agents.filter((a) => !a.builtin);

/** For `analyze`: plain lines. */
export function claudeCodeLines(m: ClaudeCodeMeasurement): string[] {
  const s = [...m.startupMs].sort((a, b) => a - b);
  return [
    `Measured by Claude Code ${m.version} (${m.facts.model}): the first request of a session with this framework`,
    `- whole first request (Claude Code's own prompt and tools included): ${fmt(m.firstRequest.tokens)} tokens${m.firstRequest.exact ? ' (exact)' : ' (estimate)'}, ${fmt(m.firstRequest.chars)} characters (${m.firstRequest.counter})`,
    `- start-up to the first request: ${fmt(Math.round(median(m.startupMs)))} ms median of ${m.startupMs.length} (${fmt(Math.round(s[0] ?? 0))}–${fmt(Math.round(s[s.length - 1] ?? 0))} ms)`,
    `- memory files sent: ${m.facts.memory.length}${m.facts.memory.length ? ` (${m.facts.memory.map((x) => `${x.path} ${fmt(x.chars)} chars`).join(', ')})` : ''}`,
    `- skill listing: ${own(m).length} entries of the framework (${own(m).filter((e) => !e.described).length} without description), ${fmt(m.facts.listing.chars)} characters in all`,
    `- agent listing: ${ownAgents(m).length} agents of the framework`,
    m.drift.length
      ? `- drift from the model (${m.drift.length}):\n${m.drift.map((d) => `    ${d.replace(/\n/g, '\n    ')}`).join('\n')}`
      : '- drift from the model: none (the analyzer predicts exactly what Claude Code sent)',
    `- staged for the run: ${fmt(m.staged.files)} files, ${fmt(m.staged.bytes)} bytes${m.staged.skipped ? `, ${m.staged.skipped} left out` : ''}`,
  ];
}

/** For the comment and summary: a base/head table and the drift, folded. */
/**
 * `timings: false` (the sticky comment): no start-up times unless a loadTimeRatio budget decides on
 * them, so that re-running the same commits gives the same comment.
 */
export function claudeCodeSection(r: GateReport, o: { timings?: boolean } = {}): string {
  const timed = o.timings !== false || r.assertions.some((a) => a.metric === 'loadTimeRatio' && a.level !== 'off');
  if (r.measureError)
    return `#### What Claude Code itself sent\n⚠️ Could not measure with Claude Code: ${md(r.measureError, 600)}. The gate decided on the analyzer's figures alone.`;
  const c = r.claudeCode;
  if (!c) return '';
  const row = (label: string, f: (m: ClaudeCodeMeasurement) => number, suffix = '') => [
    label,
    fmt(f(c.base)) + suffix,
    fmt(f(c.head)) + suffix,
    signed(f(c.head) - f(c.base)),
  ];
  const rows = [
    ['Measured by Claude Code', `${md(c.base.version)} (${md(c.base.facts.model)})`, '', ''],
    row(`First request tokens${c.head.firstRequest.exact ? '' : ' (estimate)'}`, (m) => m.firstRequest.tokens),
    row('Memory files sent', (m) => m.facts.memory.length),
    row('Listing entries of the framework', (m) => own(m).length),
    row('… sent without description', (m) => own(m).filter((e) => !e.described).length),
    row('Agents of the framework', (m) => ownAgents(m).length),
    ...(timed ? [row('Start-up to first request (ms, median)', (m) => Math.round(median(m.startupMs)))] : []),
  ];
  const lt = r.loadTime?.source === 'claude-code' ? r.loadTime : null;
  const timing =
    lt && timed
      ? `Start-up ratio ${lt.ratio.toFixed(2)}x (${lt.ratioMin.toFixed(2)}–${lt.ratioMax.toFixed(2)} over ${lt.rounds} interleaved rounds); timing decides only with a loadTimeRatio budget, and only when the whole interval clears it.`
      : '';
  const drift = [...c.base.drift.map((d) => `- base: ${md(d, 600)}`), ...c.head.drift.map((d) => `- head: ${md(d, 600)}`)];
  const driftText = drift.length
    ? `<details><summary>Drift from the model (${drift.length})</summary>\n\n${drift.join('\n')}\n\n</details>`
    : 'No drift: the analyzer predicts exactly what Claude Code sent on both sides.';
  return `#### What Claude Code itself sent\n${markdownTable([['', 'Base', 'Head', 'Δ'], ...rows], { align: ['l', 'r', 'r', 'r'] })}\n\n${[timing, driftText].filter(Boolean).join('\n\n')}`;
}
