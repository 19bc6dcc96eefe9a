import { parseDocument } from 'yaml';
import { detach } from '../strings.js';

export interface FrontmatterIssue {
  /** 1-based line in the file. */
  line: number;
  message: string;
}

export interface ParsedFrontmatter {
  /** Top-level keys; values as YAML gives them (strings, lists, maps), or strings from the lenient reader. */
  data: Record<string, unknown>;
  /** Where the loaded text (the file without its frontmatter block) starts in the parsed string (see bodyOf). */
  bodyStart: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
  hasFrontmatter: boolean;
  issues: FrontmatterIssue[];
  /** Set when Claude Code itself can't parse the front matter (even after quoting values): it then reads no fields at all. */
  strictError?: FrontmatterIssue;
}

const OPEN = /^---[ \t]*\r?\n/;

/**
 * Splits and parses YAML frontmatter leniently, like Claude Code: strict YAML first, then a
 * line-by-line `key: value` reader for what strict YAML rejects (unquoted colons, `[x] | y`,
 * `{{TEMPLATES}}`). Never evaluates anything: `---js` and other engines are not frontmatter.
 */
export function parseFrontmatter(raw: string, maxBytes = 256 * 1024): ParsedFrontmatter {
  const parsed = parse(raw, maxBytes);
  // Nothing of the result may point into the file's text (a substring keeps its whole file alive,
  // and parse results are kept for the run): the values and messages are copied out of it.
  parsed.data = copyValue(parsed.data, new Map()) as Record<string, unknown>;
  parsed.issues = parsed.issues.map((i) => ({ line: i.line, message: detach(i.message) }));
  if (parsed.strictError) parsed.strictError = { line: parsed.strictError.line, message: detach(parsed.strictError.message) };
  return parsed;
}

/** The loaded text of a file whose parse is parsed: the text without its frontmatter block. */
export function bodyOf(raw: string, parsed: Pick<ParsedFrontmatter, 'bodyStart'> | undefined): string {
  return parsed && parsed.bodyStart > 0 ? raw.slice(parsed.bodyStart) : raw;
}

/** A deep copy of a YAML value with every string detached (aliases may make it circular: kept circular). */
function copyValue(v: unknown, seen: Map<object, unknown>): unknown {
  if (typeof v === 'string') return detach(v);
  if (typeof v !== 'object' || v === null) return v;
  const known = seen.get(v);
  if (known !== undefined) return known;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    seen.set(v, out);
    for (const x of v) out.push(copyValue(x, seen));
    return out;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  const out: Record<string, unknown> = {};
  seen.set(v, out);
  for (const [k, x] of Object.entries(v)) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: copyValue(x, seen), enumerable: true, writable: true, configurable: true });
    else out[detach(k)] = copyValue(x, seen);
  }
  return out;
}

function parse(raw: string, maxBytes: number): ParsedFrontmatter {
  const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? raw.slice(1) : raw;
  const issues: FrontmatterIssue[] = [];
  const none = (): ParsedFrontmatter => ({ data: {}, bodyStart: bom, bodyLine: 1, hasFrontmatter: false, issues });
  if (/^---[A-Za-z]+[ \t]*\r?\n/.test(text)) {
    issues.push({ line: 1, message: `frontmatter declared with an engine ("${text.slice(0, text.search(/\r?\n/))}") is read as plain text, never evaluated` });
    return none();
  }
  const open = OPEN.exec(text);
  if (!open) return none();
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) {
    issues.push({ line: 1, message: 'frontmatter opened with "---" is never closed; the whole file is read as text' });
    return none();
  }
  const yamlText = rest.slice(0, close.index);
  const bodyStart = bom + open[0].length + close.index + close[0].length;
  const bodyLine = 2 + countLines(yamlText) + 1;
  const result: ParsedFrontmatter = { data: {}, bodyStart, bodyLine, hasFrontmatter: true, issues };
  if (yamlText.length > maxBytes) {
    issues.push({ line: 2, message: `frontmatter of ${yamlText.length} bytes exceeds the ${maxBytes}-byte limit; read line by line` });
    result.data = lenientKeys(yamlText);
    return result;
  }
  const simple = parseSimple(yamlText);
  if (simple) {
    result.data = simple;
    return result;
  }
  const strict = parseStrict(yamlText);
  if (strict.ok) {
    result.data = strict.data;
    return result;
  }
  // Claude Code 2.1.332 retries with risky plain values quoted and leading tabs made spaces; if that
  // parses, it uses it. Otherwise it reads no field at all (skills fall back to their body; a project
  // agent is not loaded; a plugin agent gets a fallback description).
  const retry = parseStrict(quoteRiskyValues(yamlText));
  if (retry.ok) {
    result.data = retry.data;
    issues.push({ line: 1 + strict.line, message: `frontmatter is not valid YAML (${strict.message}); Claude Code reads it after quoting values` });
    return result;
  }
  result.strictError = { line: 1 + strict.line, message: strict.message };
  issues.push({ line: 1 + strict.line, message: `frontmatter is not valid YAML (${strict.message}); Claude Code ignores every field of it` });
  return result;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Fast path for the common case: every line is `key: plain scalar` that YAML reads as the same
 * string (no quotes, flow or block syntax, comments, anchors, tags, or ": " inside the value).
 * Returns null whenever YAML could read it differently, and the YAML parser decides.
 */
const SIMPLE_LINE = /^([A-Za-z_][\w-]*):[ \t]+([^\s\-?:,[\]{}#&*!|>'"%@`][^\n]*)$/;
const QUOTED_LINE = /^([A-Za-z_][\w-]*):[ \t]+(?:"((?:[^"\\]|\\.)*)"|'([^']*)')[ \t]*$/;

const QUOTED_ITEM = `(?:"(?:[^"\\\\]|\\\\.)*"|'[^']*')`;
/** `key: ["a", 'b']`: a flow sequence of quoted scalars only. */
const QUOTED_LIST_LINE = new RegExp(`^([A-Za-z_][\\w-]*):[ \\t]+\\[[ \\t]*(${QUOTED_ITEM}(?:[ \\t]*,[ \\t]*${QUOTED_ITEM})*)?[ \\t]*\\][ \\t]*$`);
const QUOTED_ITEMS = new RegExp(QUOTED_ITEM, 'g');

/** Characters YAML refuses or treats apart inside a quoted scalar (controls but tab, C1, line separators, BOM): left to YAML. */
function plainQuoted(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
  }
  return true;
}

/** YAML's double-quoted escapes (YAML 1.2, 5.7), or null for anything else (YAML then decides). */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
function unescapeDoubleQuoted(s: string): string | null {
  if (!s.includes('\\')) return s;
  let bad = false;
  const out = s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (_m, e: string) => {
    if (e.length > 1) {
      const cp = parseInt(e.slice(1), 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) bad = true;
      return bad ? '' : String.fromCodePoint(cp);
    }
    const r = ESCAPES[e];
    if (r === undefined) bad = true;
    return r ?? '';
  });
  return bad ? null : out;
}
/** `key: >` or `key: |`, optionally with `-` (strip): a block scalar header without indentation indicator, keep chomping or comment. */
const BLOCK_HEADER = /^([A-Za-z_][\w-]*):[ \t]+([|>])(-?)[ \t]*$/;

/**
 * A block scalar's text, or null when YAML could read it differently: every line of it at one
 * indentation of spaces (none more indented, none blank), ended by a line at column 0 or the end.
 * Folded (`>`) joins the lines with spaces, literal (`|`) with line breaks; one final line break
 * unless stripped (`-`). Returns the text and the index of the line after the block.
 */
function blockScalar(lines: string[], from: number, folded: boolean, strip: boolean): { value: string; next: number } | null {
  const first = lines[from]?.replace(/\r$/, '') ?? '';
  let indent = 0;
  while (first.charCodeAt(indent) === 32) indent++;
  if (indent === 0) return null;
  const parts: string[] = [];
  let i = from;
  for (; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '' && i === lines.length - 1) break;
    const c = line.charCodeAt(0);
    if (c !== 32 && c !== 9 && line !== '') break; // the next key
    for (let k = 0; k < indent; k++) if (line.charCodeAt(k) !== 32) return null; // blank, tab or less indented
    const ch = line.charCodeAt(indent);
    if (ch === 32 || ch === 9 || Number.isNaN(ch)) return null; // more indented, or only spaces
    const text = line.slice(indent);
    if (!plainQuoted(text)) return null;
    parts.push(text);
  }
  if (!parts.length) return null;
  return { value: parts.join(folded ? ' ' : '\n') + (strip ? '' : '\n'), next: i };
}

function parseSimple(yamlText: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '' && i === lines.length - 1) break;
    const b = BLOCK_HEADER.exec(line);
    if (b) {
      const block = blockScalar(lines, i + 1, b[2] === '>', b[3] === '-');
      if (!block) return null;
      data[b[1]!] = block.value;
      i = block.next - 1;
      continue;
    }
    const q = QUOTED_LINE.exec(line);
    if (q) {
      // A one-line quoted scalar: YAML reads the text between the quotes, escapes resolved (double quotes).
      const raw = q[2] ?? q[3]!;
      const v = !plainQuoted(raw) ? null : q[2] !== undefined ? unescapeDoubleQuoted(raw) : raw;
      if (v === null) return null;
      data[q[1]!] = v;
      continue;
    }
    const l = QUOTED_LIST_LINE.exec(line);
    if (l) {
      const items: string[] = [];
      for (const [item] of (l[2] ?? '').matchAll(QUOTED_ITEMS)) {
        const inner = item.slice(1, -1);
        const v = !plainQuoted(inner) ? null : item[0] === '"' ? unescapeDoubleQuoted(inner) : inner;
        if (v === null) return null;
        items.push(v);
      }
      data[l[1]!] = items;
      continue;
    }
    const m = SIMPLE_LINE.exec(line);
    if (!m) return null;
    const v = m[2]!.trimEnd();
    if (v.includes(': ') || v.includes(' #') || v.includes('\t') || v.endsWith(':')) return null;
    // YAML would type these; our readers only need text, but stay exact: let YAML decide.
    if (/^(true|false|null|~|yes|no|on|off|[-+]?[0-9.]|\.inf|\.nan)/i.test(v)) return null;
    data[m[1]!] = v;
  }
  return data;
}

type StrictResult = { ok: true; data: Record<string, unknown> } | { ok: false; line: number; message: string };

function parseStrict(yamlText: string): StrictResult {
  try {
    const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, strict: false, stringKeys: true });
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line ?? lineAt(yamlText, err.pos[0]);
      return { ok: false, line, message: firstLine(err.message) };
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (value === null || value === undefined) return { ok: true, data: {} };
    if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, line: 1, message: 'frontmatter is not a mapping' };
    return { ok: true, data: value as Record<string, unknown> };
  } catch (e) {
    return { ok: false, line: 1, message: firstLine((e as Error).message ?? String(e)) };
  }
}

function lineAt(s: string, pos: number): number {
  return countLines(s.slice(0, Math.max(0, pos))) + 1;
}

function firstLine(s: string): string {
  const l = s.split('\n')[0] ?? '';
  return l.length > 160 ? l.slice(0, 157) + '...' : l;
}

/** Claude Code's retry: plain `key: value` lines holding YAML syntax characters are double-quoted; leading tabs become spaces. */
const RISKY = /[{}[\]*&#!|>%@`]|: /;
function quoteRiskyValues(yamlText: string): string {
  return yamlText
    .split('\n')
    .map((line) => {
      const m = /^([a-zA-Z_-]+):\s+(\S.*)$/.exec(line);
      if (!m) return line;
      const [, key, v] = m as unknown as [string, string, string];
      if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return line;
      if (v.startsWith('[') && v.endsWith(']')) {
        const list = parseStrict(`x: ${v}`);
        if (list.ok && Array.isArray(list.data.x)) return line;
      }
      if (!RISKY.test(v)) return line;
      return `${key}: "${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    })
    .join('\n')
    .replace(/^\t+/gm, (t) => '  '.repeat(t.length));
}

/** Top-level `key: value` lines; indented continuation lines join a plain value; quotes are removed. */
function lenientKeys(yamlText: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let lastKey: string | null = null;
  for (const line of yamlText.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/.exec(line);
    if (m) {
      lastKey = m[1]!;
      const v = (m[2] ?? '').trim();
      data[lastKey] = unquote(v);
      continue;
    }
    if (lastKey && /^[ \t]+\S/.test(line)) {
      const prev = data[lastKey];
      const item = /^[ \t]+-[ \t]+(.*)$/.exec(line);
      if (item && (prev === '' || Array.isArray(prev))) data[lastKey] = [...(Array.isArray(prev) ? prev : []), unquote(item[1]!.trim())];
      else if (typeof prev === 'string') data[lastKey] = (prev ? prev + ' ' : '') + line.trim();
    }
  }
  return data;
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    const inner = v.slice(1, -1);
    return v.startsWith('"') ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\') : inner.replace(/''/g, "'");
  }
  if (v === '|' || v === '>' || v === '|-' || v === '>-') return '';
  return v;
}

/** A frontmatter value as text: lists joined with ", ", other scalars stringified. */
export function asText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  // One level only: a YAML alias can make a list contain itself.
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : x == null ? '' : safeJson(x))).join(', ');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return safeJson(v);
}

/** JSON of a YAML value that may be circular (`&a [*a]`): repeated objects become "[circular]". */
function safeJson(v: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(v, (_k, x: unknown) => {
        if (typeof x === 'object' && x !== null) {
          if (seen.has(x)) return '[circular]';
          seen.add(x);
        }
        return x;
      }) ?? ''
    );
  } catch {
    return '';
  }
}

export function asBool(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}

/** `paths:` as a list of globs (a string may hold one glob or a comma-separated list). */
export function asGlobs(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const list = Array.isArray(v) ? v.map((x) => asText(x) ?? '') : typeof v === 'string' ? v.split(',') : [asText(v) ?? ''];
  return list.map((s) => s.trim()).filter(Boolean);
}
