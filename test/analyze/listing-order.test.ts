/**
 * The skill listing's order (src/analyze/loaders/prompts.ts: listingOrder), as measured with Claude
 * Code 2.1.332 and written in its comment: the user's skills then commands, the project's skills,
 * commands and workflows, the plugins' commands (by file name, workflows among them), the plugins'
 * skills (installed plugins in install order, a manifest's skills in its order), names compared as
 * localeCompare does (issue 24: its mutants survived the analyzer's own tests, where every framework
 * has one plugin at most of each kind).
 */
import { describe, expect, it } from 'vitest';
import { listingOrder } from '../../src/analyze/loaders/prompts.js';
import type { PlannedEntry } from '../../src/analyze/plan-types.js';
import { PROJECT, USER, type UnitDef } from '../../src/analyze/units.js';

const unit = (name: string, type: UnitDef['type'], installOrder?: number): UnitDef => ({
  name,
  type,
  root: type === 'plugin' ? `plugins/${name}` : '',
  counted: true,
  mcpServers: [],
  sessionStartHooks: 0,
  ...(installOrder !== undefined ? { installOrder } : {}),
});
const entry = (unitName: string, kind: PlannedEntry['kind'], name: string, order?: number): PlannedEntry => ({
  name,
  kind,
  unit: unitName,
  file: `${unitName}/${name}.md`,
  text: `- ${name}: d`,
  loading: 'eager',
  reason: 'r',
  descriptionCapped: false,
  nameOnly: false,
  ...(order !== undefined ? { order } : {}),
});

const units = [unit(PROJECT, 'project'), unit(USER, 'user'), unit('alpha', 'plugin', 1), unit('beta', 'plugin', 0), unit('gamma', 'plugin')];

describe('the skill listing order', () => {
  it('groups, install order, manifest order and names, whatever order the entries come in', () => {
    const expected = [
      entry(USER, 'skill', 'u-skill'),
      entry(USER, 'command', 'u-cmd'),
      entry(PROJECT, 'skill', 'A-skill'),
      entry(PROJECT, 'skill', 'b-skill'),
      entry(PROJECT, 'command', 'deploy'),
      entry(PROJECT, 'command', 'deploy_x'),
      entry(PROJECT, 'workflow', 'wf'),
      // A plugin's commands by file name: "commit.fast.md" before "commit.md".
      entry('beta', 'command', 'beta:commit.fast'),
      entry('beta', 'command', 'beta:commit'),
      entry('beta', 'workflow', 'beta:flow'),
      // The plugins' skills: beta installed before alpha; alpha's in its manifest's order; gamma by name.
      entry('beta', 'skill', 'beta:s'),
      entry('alpha', 'skill', 'alpha:z', 0),
      entry('alpha', 'skill', 'alpha:a', 1),
      entry('gamma', 'skill', 'gamma:g'),
    ];
    const names = (es: PlannedEntry[]) => es.map((e) => `${e.unit} ${e.kind} ${e.name}`);
    expect(names(listingOrder([...expected].reverse(), units))).toEqual(names(expected));
    // A fixed shuffle of the same entries.
    const shuffled = [7, 2, 12, 0, 9, 4, 13, 1, 11, 5, 3, 10, 6, 8].map((i) => expected[i]!);
    expect(names(listingOrder(shuffled, units))).toEqual(names(expected));
  });

  it('plugins without an install order are ordered by name only', () => {
    const plain = [unit(PROJECT, 'project'), unit('kit', 'plugin'), unit('box', 'plugin')];
    const es = [entry('kit', 'skill', 'kit:a', 0), entry('box', 'skill', 'box:z'), entry('kit', 'skill', 'kit:b')];
    expect(listingOrder(es, plain).map((e) => e.name)).toEqual(['box:z', 'kit:a', 'kit:b']);
  });
});
