import JSON5 from 'json5';

export type WorkflowMeta = { ok: true; name: string; description: string; whenToUse?: string } | { ok: false; line: number; message: string };

/**
 * Reads `export const meta = { ... }` from a workflow script as data: the object literal is cut out
 * by scanning (strings and comments respected) and parsed with JSON5. Nothing is executed.
 */
export function readWorkflowMeta(source: string): WorkflowMeta {
  // Whitespace and comments are skipped by a linear scan (a regex with a repeated comment group
  // backtracks exponentially on many comment lines), then the statement is matched where it starts.
  const at = skipSpaceAndComments(source, 0);
  const head = /export\s+const\s+meta\s*=\s*/y;
  head.lastIndex = at;
  const m = at >= 0 ? head.exec(source) : null;
  if (!m) return { ok: false, line: 1, message: 'first statement is not `export const meta = { ... }`: not listed' };
  const start = at + m[0].length;
  const end = matchBrace(source, start);
  const line = source.slice(0, start).split('\n').length;
  if (end < 0) return { ok: false, line, message: '`export const meta` is not a complete object literal' };
  let literal = source.slice(start, end + 1);
  // Template literals without substitutions are plain strings.
  literal = literal.replace(/`([^`$\\]*)`/g, (_s, inner: string) => JSON.stringify(inner));
  try {
    const meta = JSON5.parse(literal) as Record<string, unknown>;
    const name = typeof meta.name === 'string' ? meta.name : '';
    const description = typeof meta.description === 'string' ? meta.description : '';
    if (!name) return { ok: false, line, message: '`meta.name` is missing or not a string literal' };
    return { ok: true, name, description, whenToUse: typeof meta.whenToUse === 'string' ? meta.whenToUse : undefined };
  } catch (e) {
    return { ok: false, line, message: `\`meta\` is not a pure object literal (${(e as Error).message.split('\n')[0]}); it is never evaluated` };
  }
}

function matchBrace(s: string, i: number): number {
  if (s[i] !== '{') return -1;
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'" || c === '`') {
      const q = c;
      for (i++; i < s.length && s[i] !== q; i++) if (s[i] === '\\') i++;
    } else if (c === '/' && s[i + 1] === '/') {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (c === '/' && s[i + 1] === '*') {
      const e = s.indexOf('*/', i + 2);
      if (e < 0) return -1;
      i = e + 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the first character that is neither whitespace nor inside a comment; -1 in an unclosed comment. */
function skipSpaceAndComments(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
    else if (s.startsWith('//', i)) {
      const e = s.indexOf('\n', i);
      i = e < 0 ? s.length : e + 1;
    } else if (s.startsWith('/*', i)) {
      const e = s.indexOf('*/', i + 2);
      if (e < 0) return -1;
      i = e + 2;
    } else break;
  }
  return i;
}
