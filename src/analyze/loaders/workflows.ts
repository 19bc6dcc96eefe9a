/**
 * Workflows (`.claude/workflows/*.js`, a plugin's `workflows/`): one listing line from `export const
 * meta`, read as data, never run.
 */
import type { UnitDef } from '../units.js';
import { readWorkflowMeta } from '../workflow.js';
import type { PlanContext } from './context.js';
import { makeEntry } from './prompts.js';

export function planWorkflow(ctx: PlanContext, u: UnitDef, f: string): void {
  const r = ctx.read(f);
  if (!r) return;
  const real = ctx.tree.real(f) ?? f;
  if (r.bytes > ctx.m.workflowMaxBytes) {
    ctx.addFile(f, u.name, 'workflow', 'not-loaded', `workflow over ${ctx.m.workflowMaxBytes} bytes: ignored by Claude Code`, 'other', '');
    ctx.diag(f, 1, 'warning', 'workflow-too-large', `workflow is ${r.bytes} bytes > ${ctx.m.workflowMaxBytes}: Claude Code ignores it`);
    return;
  }
  const meta = readWorkflowMeta(r.text);
  if (!meta.ok) {
    ctx.addFile(f, u.name, 'workflow', 'not-loaded', 'workflow without a readable `export const meta`: not listed', 'other', '');
    ctx.diag(f, meta.line, 'warning', 'workflow-meta', meta.message);
    return;
  }
  const name = u.type === 'plugin' ? `${u.name}:${meta.name}` : meta.name;
  const desc = meta.whenToUse ? `${meta.description} - ${meta.whenToUse}` : meta.description;
  ctx.addFile(f, u.name, 'workflow', 'not-loaded', 'workflow script: runs when invoked, never sent as text', 'other', '');
  const entry = makeEntry(ctx, name, desc, 'workflow', u.name, real, 'eager', 'workflow listing entry (export const meta), sent at session start');
  ctx.components.push({
    id: `workflow:${u.name}:${name}`,
    kind: 'workflow',
    name,
    unit: u.name,
    file: real,
    loading: entry.loading,
    entry: entry.name,
    refs: [],
  });
}
