/**
 * Every YAML block of the README works as written (issue 20): budget configs validate against the
 * project's JSON Schema and load with the tool's own parser; workflows parse, and the fork recipe's
 * measuring workflow has the name its publishing workflow waits for. The schema's keys are the
 * parser's keys, so neither can drift from the other.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfigText, TOP_KEYS } from '../../src/config/load.js';
import { DEFAULT_MODEL } from '../../src/model/constants.js';
import { ROOT } from '../helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/config.schema.json'), 'utf8')) as {
  properties: Record<string, { properties?: Record<string, unknown> }>;
};
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const docs = blocks.flatMap((b) => parseAllDocuments(b).map((d) => ({ text: String(d), value: d.toJS() as Record<string, unknown>, errors: d.errors })));
const isWorkflow = (v: Record<string, unknown>) => v && ('jobs' in v || 'on' in v);

describe('the README', () => {
  it('has YAML blocks, and every one parses', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const d of docs) expect(d.errors, d.text.slice(0, 80)).toEqual([]);
  });

  it('every budget config in it validates against schema/config.schema.json and loads', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const configs = docs.filter((d) => !isWorkflow(d.value));
    expect(configs.length).toBeGreaterThan(0);
    for (const c of configs) {
      expect(validate(c.value), JSON.stringify(validate.errors)).toBe(true);
      expect(() => parseConfigText(c.text, 'README.yml')).not.toThrow();
    }
  });

  it('the fork recipe: the measuring workflow has the name the publishing workflow waits for', () => {
    // Per block: the recipe's two workflows stand together. GitHub matches `workflows:` against the
    // other workflow's `name:` (its file path when it has none).
    let recipes = 0;
    for (const b of blocks) {
      const ws = parseAllDocuments(b).map((d) => d.toJS() as Record<string, unknown>);
      for (const w of ws.filter((x) => isWorkflow(x) && (x.on as Record<string, unknown>)?.workflow_run)) {
        recipes++;
        const names = (w.on as Record<string, { workflows: string[] }>).workflow_run!.workflows;
        for (const n of names)
          expect(
            ws.some((x) => x !== w && x.name === n),
            `a workflow named ${n} in the same recipe`,
          ).toBe(true);
      }
    }
    expect(recipes).toBeGreaterThan(0);
  });
});

describe('the config schema', () => {
  it('has exactly the keys the parser takes (top level and model)', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...TOP_KEYS].sort());
    const modelKeys = Object.keys(DEFAULT_MODEL).filter((k) => k !== 'bundledEntries' && k !== 'claudeCodeVersion');
    expect(Object.keys(schema.properties.model!.properties!).sort()).toEqual(modelKeys.sort());
  });
});
