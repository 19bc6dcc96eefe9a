/**
 * Workflows (src/analyze/loaders/workflows.ts): the script is never sent, its `meta` is one listing
 * line; a script over the size limit or without a readable meta is not listed (issue 24: these
 * mutants survived the analyzer's own tests).
 */
import { describe, expect, it } from 'vitest';
import { analyzeFiles, file } from '../helpers.js';

const wf = (name: string, pad = 0) => `export const meta = { name: '${name}', description: 'Ships it' };\n${pad ? `// ${'x'.repeat(pad)}\n` : ''}`;

describe('a workflow', () => {
  it('is a listing line sent at session start; the script itself counts as nothing', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/workflows/ship.js': wf('ship') });
    expect(s.listings.skills.items.filter((i) => i.kind === 'workflow')).toEqual([
      expect.objectContaining({
        name: 'ship',
        text: '- ship: Ships it',
        loading: 'eager',
        reason: 'workflow listing entry (export const meta), sent at session start',
        file: '.claude/workflows/ship.js',
      }),
    ]);
    expect(file(s, '.claude/workflows/ship.js')).toMatchObject({ loading: 'not-loaded', tokens: 0 });
    expect(s.components.find((c) => c.kind === 'workflow')).toMatchObject({ id: 'workflow:project:ship', name: 'ship', loading: 'eager', onDemandTokens: 0 });
  });

  it('exactly at the size limit is listed; one byte over is ignored, counted as nothing', async () => {
    const at = wf('at', 100);
    const limit = Buffer.byteLength(at);
    const s = await analyzeFiles(
      { 'CLAUDE.md': '# P\n', '.claude/workflows/at.js': at, '.claude/workflows/over.js': wf('ov', 101) },
      { workflowMaxBytes: limit },
    );
    expect(s.listings.skills.items.filter((i) => i.kind === 'workflow').map((i) => i.name)).toEqual(['at']);
    expect(file(s, '.claude/workflows/over.js')).toMatchObject({
      loading: 'not-loaded',
      reason: `workflow over ${limit} bytes: ignored by Claude Code`,
      tokens: 0,
    });
  });

  it('without a readable meta is not listed, says why on its line, and counts as nothing', async () => {
    const s = await analyzeFiles({ 'CLAUDE.md': '# P\n', '.claude/workflows/bare.js': '// no meta here\nexport default 1;\n' });
    expect(s.listings.skills.items).toEqual([]);
    expect(file(s, '.claude/workflows/bare.js')).toMatchObject({
      loading: 'not-loaded',
      reason: 'workflow without a readable `export const meta`: not listed',
      tokens: 0,
    });
    expect(s.diagnostics.filter((d) => d.code === 'workflow-meta').map((d) => d.file)).toEqual(['.claude/workflows/bare.js']);
  });
});
