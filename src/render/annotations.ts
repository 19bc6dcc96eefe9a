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
