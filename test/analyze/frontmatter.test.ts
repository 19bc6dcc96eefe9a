import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bodyOf, parseFrontmatter } from '../../src/analyze/frontmatter.js';

/** What the YAML library reads, with the options the analyzer gives it. */
function yamlData(yamlText: string): unknown {
  const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, strict: false, stringKeys: true });
  return doc.errors.length ? undefined : (doc.toJS() ?? {});
}

/** The analyzer reads a front matter block as YAML does (where YAML refuses it, the retry and lenient readers take over: not compared). */
function readsAsYaml(yamlText: string): void {
  // The block as the analyzer cuts it out of the file: up to the closing line, its line end included.
  const expected = yamlData(`${yamlText}\n`);
  const parsed = parseFrontmatter(`---\n${yamlText}\n---\nbody\n`);
  if (expected === undefined || parsed.strictError || typeof expected !== 'object' || Array.isArray(expected)) return;
  expect(parsed.data).toEqual(expected);
}

describe('front matter: the fast path reads what YAML reads', () => {
  const key = fc.constantFrom('name', 'description', 'tools', 'model', 'when_to_use', 'x-y');
  const escape = fc.constantFrom('\\n', '\\t', '\\"', '\\\\', '\\/', '\\x41', '\\u00e9', '\\U0001F642', '\\ud800', '\\q', '\\N', '\\_', '\\0', '\\x4', '\\ ');
  const text = fc
    .array(fc.oneof(fc.constantFrom('a', 'Z', ' ', ':', '#', '"', "'", '\\', '-', ',', '[', '{', '\t', 'é', '🙂', '1', '.', '@', '`', '|', '>'), escape), {
      maxLength: 30,
    })
    .map((xs) => xs.join(''));
  const value = fc.oneof(
    text,
    text.map((t) => `"${t}"`),
    text.map((t) => `'${t}'`),
    text.map((t) => `"${t}"  `),
    fc
      .array(
        fc.oneof(
          text.map((t) => `"${t}"`),
          text.map((t) => `'${t}'`),
        ),
        { maxLength: 4 },
      )
      .map((xs) => `[${xs.join(', ')}]`),
    fc
      .array(
        text.map((t) => `"${t}"`),
        { maxLength: 3 },
      )
      .map((xs) => `[ ${xs.join(' ,')} ]  `),
  );
  it('on generated key: value lines (plain, double and single quoted; duplicate keys)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 }), (pairs) => readsAsYaml(pairs.map(([k, v]) => `${k}: ${v}`).join('\n'))),
      { numRuns: 3000 },
    );
  });

  it('on generated block scalars (folded and literal, clipped and stripped, odd indentation and lines)', () => {
    const line = fc
      .array(fc.constantFrom('a', 'Z', ' ', ':', '#', '"', "'", '\\', '-', '[', '\t', 'é', '1', '|', '>', '- ', ': '), { maxLength: 12 })
      .map((xs) => xs.join(''));
    const indent = fc.constantFrom('  ', '    ', ' ', '\t', '');
    const block = fc.tuple(
      fc.constantFrom('>', '|', '>-', '|-', '>+', '|2', '> # c'),
      indent,
      fc.array(fc.tuple(fc.constantFrom('', '', '', ' ', '  ', '-'), line), { minLength: 0, maxLength: 4 }),
    );
    const entry = fc.oneof(
      fc.tuple(key, block).map(([k, [h, ind, ls]]) => `${k}: ${h}\n${ls.map(([extra, l]) => (extra === '-' ? '' : ind + extra) + l).join('\n')}`),
      fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), fc.boolean(), (entries, crlf) =>
        readsAsYaml(crlf ? entries.join('\r\n') : entries.join('\n')),
      ),
      { numRuns: 5000 },
    );
    // The common shapes, read by the fast path, as YAML reads them.
    const folded = parseFrontmatter('---\nname: x\ndescription: >\n  Senior expert in A,\n  B and C.\ntools: Read\n---\n');
    expect(folded.data).toEqual({ name: 'x', description: 'Senior expert in A, B and C.\n', tools: 'Read' });
    expect(parseFrontmatter('---\ndescription: |-\n    one\n    two\n---\n').data).toEqual({ description: 'one\ntwo' });
  });

  it('keeps the body where it starts, after a BOM and CRLF line ends', () => {
    const raw = '\ufeff---\r\ndescription: "Quoted: with a colon"\r\n---\r\nThe body.\r\n';
    const p = parseFrontmatter(raw);
    expect(p.data).toEqual({ description: 'Quoted: with a colon' });
    expect(bodyOf(raw, p)).toBe('The body.\r\n');
    expect(p.bodyLine).toBe(4);
  });
});
