import type { GateReport } from '../model/report.js';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

/** GitHub caps one annotation message at 64 KB; we keep them short. */
const MAX_MESSAGE = 1_000;

const clip = (s: string, n = MAX_MESSAGE) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * Annotations published at most: two requests' worth. A pull request that adds 8,000 skills must not
 * turn publishing into hundreds of requests (the comment would wait behind them); the rest are
 * counted in the check run's summary and are all in the report.
 */
export const MAX_ANNOTATIONS = 100;

const RANK: Record<Annotation['annotation_level'], number> = { failure: 0, warning: 1, notice: 2 };

/** The annotations to publish: failures, then warnings, then notices (each in report order), capped; and how many were left out. */
export function cappedAnnotations(r: GateReport, max = MAX_ANNOTATIONS): { annotations: Annotation[]; omitted: number } {
  const all = renderAnnotations(r)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => RANK[x.a.annotation_level] - RANK[y.a.annotation_level] || x.i - y.i)
    .map((x) => x.a);
  return { annotations: all.slice(0, max), omitted: Math.max(0, all.length - max) };
}

/** Check-run annotations: failed and warned budgets, new diagnostics, and recommendations this change introduced. */
export function renderAnnotations(r: GateReport): Annotation[] {
  const out: Annotation[] = [];
  for (const x of r.results) {
    if (x.status === 'pass' || !x.location) continue;
    const line = Math.max(1, x.location.line ?? 1);
    out.push({
      path: x.location.file,
      start_line: line,
      end_line: line,
      annotation_level: x.status === 'fail' ? 'failure' : 'warning',
      title: clip(`context-budget: ${x.id}`, 255),
      message: clip(x.message),
    });
  }
  for (const d of r.diff.diagnostics.added) {
    if (d.severity === 'info') continue;
    const line = Math.max(1, d.line);
    out.push({
      path: d.file,
      start_line: line,
      end_line: line,
      annotation_level: d.severity === 'error' ? 'failure' : 'warning',
      title: clip(`context-budget: ${d.code}`, 255),
      message: clip(d.message),
    });
  }
  for (const rec of r.recommendations) {
    if (!rec.introduced) continue;
    const line = Math.max(1, rec.location.line ?? 1);
    out.push({
      path: rec.location.file,
      start_line: line,
      end_line: line,
      annotation_level: 'notice',
      title: clip(rec.title, 255),
      message: clip(rec.rationale),
    });
  }
  return out;
}
