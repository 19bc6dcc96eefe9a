/**
 * The pipeline's shape, held: the imports of src/ form no cycle, and no module imports from a later
 * stage (model < collect, tokenize, config < analyze < optimize < compare, conformance < render <
 * publish, action, the shared pipeline < the entry points).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = path.join(ROOT, 'src');
const LAYER: Record<string, number> = {
  model: 0,
  'errors.ts': 0,
  'version.ts': 0,
  'logger.ts': 0,
  'cli-options.ts': 0,
  'strings.ts': 0,
  collect: 1,
  tokenize: 1,
  config: 1,
  analyze: 2,
  optimize: 3,
  compare: 4,
  conformance: 4,
  render: 5,
  publish: 6,
  action: 6,
  // The one gate both entry points run: the CLI through cli.ts, the Action through action/gate.ts.
  'pipeline.ts': 6,
};
const layer = (rel: string) => LAYER[rel.split('/')[0]!] ?? 7;

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(p, 'utf8');
        const deps = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)]
          .map((m) => path.resolve(path.dirname(p), (m[1] ?? m[2])!.replace(/\.js$/, '.ts')))
          .filter((x) => existsSync(x))
          .map((x) => path.relative(SRC, x));
        g.set(path.relative(SRC, p), deps);
      }
    }
  };
  walk(SRC);
  return g;
}

describe('architecture', () => {
  const g = graph();
  it('has no import cycle in src/', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (n: string) => {
      state.set(n, 'open');
      stack.push(n);
      for (const m of g.get(n) ?? []) {
        if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m].join(' -> '));
        else if (!state.has(m)) visit(m);
      }
      stack.pop();
      state.set(n, 'done');
    };
    for (const n of g.keys()) if (!state.has(n)) visit(n);
    expect(cycles).toEqual([]);
  });
  it('imports only from the same or an earlier stage', () => {
    const upward = [...g].flatMap(([f, deps]) => deps.filter((d) => layer(d) > layer(f)).map((d) => `${f} -> ${d}`));
    expect(upward).toEqual([]);
    expect(g.size).toBeGreaterThan(40);
  });
});
