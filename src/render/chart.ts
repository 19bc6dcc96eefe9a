/**
 * A picture GitHub draws itself: a Mermaid pie of always-loaded tokens by category, for the job
 * summary (the HTML report is the zoomable one). From the report's own numbers.
 */
import type { GateReport } from '../model/report.js';
import type { Category } from '../model/snapshot.js';
import { CATEGORY_LABEL } from './picture.js';

/** Slices shown; the rest are summed as "other". */
export const CHART_SLICES = 8;

/** A Mermaid pie of always-loaded tokens per category; "" when nothing is always loaded. */
export function mermaidPie(title: string, slices: { category: Category; tokens: number }[]): string {
  const sorted = slices.filter((s) => s.tokens > 0).sort((a, b) => b.tokens - a.tokens || (a.category < b.category ? -1 : 1));
  if (!sorted.length) return '';
  const shown = sorted.slice(0, CHART_SLICES);
  const rest = sorted.slice(CHART_SLICES).reduce((s, x) => s + x.tokens, 0);
  const lines = shown.map((s) => `    "${CATEGORY_LABEL[s.category] ?? s.category}" : ${s.tokens}`);
  if (rest) lines.push(`    "the rest" : ${rest}`);
  return ['```mermaid', `pie showData title ${title.replace(/[\n"`]/g, ' ')}`, ...lines, '```'].join('\n');
}

/** The job summary's chart of a diff: the head's always-loaded tokens per category. */
export function diffChart(r: GateReport): string {
  const eager = r.diff.categories.filter((c) => c.loading === 'eager').map((c) => ({ category: c.category, tokens: c.head }));
  const pie = mermaidPie('Always-loaded tokens of the head, by category', eager);
  return pie ? `#### Where the always-loaded context goes\n\n${pie}` : '';
}
