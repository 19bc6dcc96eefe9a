/** One line on what another agent's own binary loaded (--measure AGENT), for the comment and the terminal. */
import type { AgentComparison } from '../model/report.js';
import type { AgentMeasurement } from '../model/snapshot.js';
import { fmt } from './format.js';

/** `esc` makes repository text safe for where the line goes (markdown, or the terminal as it is). */
export function measuredLine(name: string, m: NonNullable<AgentComparison['measured']>, esc: (text: string, max: number) => string, markdown = false): string {
  const b = (t: string) => (markdown ? `**${t}**` : t);
  // Each side's label only when there are two (a diff); an analysis or the roadmap has one.
  const both = !!m.base && !!m.head;
  const side = (name: string, x: AgentMeasurement | undefined) => {
    if (!x) return '';
    const label = both ? `${name}: ` : '';
    if (x.error) return `${label}could not be measured (${esc(x.error, 200)})`;
    const files = x.instructions ?? [];
    const cut = files.filter((f) => f.keptChars !== undefined);
    const what = `${fmt(files.length)} instruction file${files.length === 1 ? '' : 's'}${cut.length ? ` (${cut.map((f) => `${esc(f.file, 60)} cut to ${fmt(f.keptChars!)} characters`).join(', ')})` : ''}, ${fmt(x.skills ?? 0)} skill${x.skills === 1 ? '' : 's'} (${fmt(x.nameOnly?.length ?? 0)} by name only), ${fmt(x.agents ?? 0)} agent${x.agents === 1 ? '' : 's'}; ${fmt(x.requestChars ?? 0)} characters sent`;
    const drift = x.drift.length
      ? `${markdown ? '⚠️ ' : ''}${b('drift')} from the analysis: ${x.drift
          .slice(0, 5)
          .map((d) => esc(d, 200))
          .join('; ')}${x.drift.length > 5 ? `; and ${x.drift.length - 5} more` : ''}`
      : 'no drift from the analysis';
    return `${label}${what}; ${drift}`;
  };
  const v = m.head?.version ?? m.base?.version ?? '';
  return `${b(`${esc(name, 40)} ${esc(v, 20)}, measured by running it`)} (sandboxed, offline): ${[side('base', m.base), side('head', m.head)].filter(Boolean).join('; ')}.`;
}
