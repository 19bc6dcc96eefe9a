import type { ContentFindings } from '../model/snapshot.js';
import { detach } from '../strings.js';
import type { FileScan, PlannedFile } from './plan-types.js';

export type { FileScan } from './plan-types.js';

/** A line that opens or closes a code fence. */
export const FENCE_LINE = /^\s{0,3}(```|~~~)/;
/** A heading that starts a section (levels 1 and 2): what the report's sections and the optimizer's moves both split on. */
export const SECTION_HEADING = /^(#{1,2})\s+(.+)$/;

/** Sections smaller than this (characters) are not worth moving. */
export const SECTION_MIN_CHARS = 2_000;
/** Paragraphs shorter than this are not compared for duplication. */
export const DUPLICATE_MIN_CHARS = 240;
export const CODE_BLOCK_MIN_LINES = 25;
export const TABLE_MIN_ROWS = 15;
export const BASE64_MIN_CHARS = 200;

/** A file of the plan, digested (its text scanned): findContent needs no texts. */
type Scanned = Pick<PlannedFile, 'path' | 'loading' | 'digest'>;

/**
 * Text-derived findings the optimizers need (sections of always-loaded files, duplicated
 * paragraphs, compressible content), computed at analysis time so the snapshot alone is enough
 * for recommendations: a diff of two snapshot files needs no repository.
 * Token figures are proportional estimates: the file's tokens x the part's share of its characters.
 */
export function findContent<F extends Scanned>(files: readonly F[], tokensOf: (f: F) => number): ContentFindings {
  const sections: ContentFindings['sections'] = [];
  const compressible: ContentFindings['compressible'] = [];
  const paragraphs = new Map<string, { tokens: number; chars: number; preview: string; at: { file: F; line: number }[] }>();
  for (const f of files) {
    const d = f.digest;
    if (f.loading === 'not-loaded' || !d || d.chars === 0 || !d.scan) continue;
    const perChar = tokensOf(f) / d.chars;
    const est = (chars: number) => Math.round(chars * perChar);
    for (const x of d.scan.sections) sections.push({ file: f.path, line: x.line, heading: x.heading, tokens: est(x.chars) });
    for (const x of d.scan.compressible) compressible.push({ file: f.path, line: x.line, kind: x.kind, tokens: est(x.chars), note: x.note });
    for (const x of d.scan.paragraphs) {
      let p = paragraphs.get(x.key);
      if (!p) paragraphs.set(x.key, (p = { tokens: est(x.chars), chars: x.chars, preview: x.preview, at: [] }));
      if (!p.at.some((l) => l.file === f)) p.at.push({ file: f, line: x.line });
    }
  }
  const duplicates = [...paragraphs.values()]
    .filter((p) => p.at.length > 1)
    .map((p) => ({
      tokens: p.tokens,
      chars: p.chars,
      preview: p.preview,
      locations: p.at.map((l) => ({ file: l.file.path, line: l.line, eager: l.file.loading === 'eager' })),
    }))
    .sort((a, b) => b.tokens * b.locations.length - a.tokens * a.locations.length);
  return { sections: sections.sort((a, b) => b.tokens - a.tokens), duplicates, compressible: compressible.sort((a, b) => b.tokens - a.tokens) };
}

/** Scans one loaded text; what it keeps shares no memory with the text (the text is dropped after). */
export function scanFile(text: string, f: Pick<PlannedFile, 'loading' | 'category'>): FileScan | null {
  if (f.loading === 'not-loaded' || text.length === 0) return null;
  const scan: FileScan = { sections: [], compressible: [], paragraphs: [] };
  if (f.loading === 'eager') {
    const lines = text.split('\n');
    // Sections: level-1/2 headings outside code fences.
    let fence = false;
    let current: { heading: string; line: number; chars: number } | null = null;
    const close = () => {
      if (current && current.chars >= SECTION_MIN_CHARS) scan.sections.push(current);
    };
    lines.forEach((l, i) => {
      if (FENCE_LINE.test(l)) fence = !fence;
      const h = !fence && SECTION_HEADING.exec(l);
      if (h) {
        close();
        current = { heading: detach(h[2]!.trim().slice(0, 120)), line: i + 1, chars: 0 };
      }
      if (current) current.chars += l.length + 1;
    });
    close();
    scanCompressible(lines, scan.compressible);
  }
  // Paragraphs for duplication: always-loaded text and prompt bodies (bundled reference files are
  // read only when a skill chooses to; repeated text there costs little).
  if (f.category === 'resources' || f.category === 'nested-memory') return scan;
  // Split on blank lines in one pass; line numbers counted as the scan goes.
  const sep = /\n[ \t]*\n/g;
  let from = 0;
  let line = 1;
  let counted = 0;
  const take = (end: number) => {
    let a = from;
    let b = end;
    while (a < b && text.charCodeAt(a) <= 32) a++;
    while (b > a && text.charCodeAt(b - 1) <= 32) b--;
    if (b - a < DUPLICATE_MIN_CHARS) return;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < a; i = text.indexOf('\n', i + 1)) line++;
    counted = a;
    // Same length and the same normalized opening: a duplicate for all practical purposes, at a fraction of the cost.
    scan.paragraphs.push({
      key: `${b - a}:${openingHash(text, a, b)}`,
      line,
      chars: b - a,
      preview: detach(text.slice(a, a + 80).replace(/\s+/g, ' ')),
    });
  };
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    take(m.index);
    from = m.index + m[0].length;
  }
  take(text.length);
  return scan;
}

/**
 * A 64-bit hash (two FNV-style lanes) of a paragraph's opening as the duplicate key: its first 600
 * characters with runs of whitespace as one space and letters lower-cased, first 400 of those; read
 * in place (no normalized copy is built).
 */
function openingHash(text: string, a: number, b: number): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let n = 0;
  let space = false;
  const end = Math.min(b, a + 600);
  for (let i = a; i < end && n < 400; i++) {
    let c = text.charCodeAt(i);
    if (isWhite(c)) {
      if (space) continue;
      space = true;
      c = 32;
    } else {
      space = false;
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) c = text[i]!.toLowerCase().charCodeAt(0);
    }
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    n++;
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

/** What `\s` matches. */
function isWhite(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function scanCompressible(lines: string[], out: FileScan['compressible']): void {
  let i = 0;
  let blankRun = 0;
  let wsChars = 0;
  let wsLine = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    const fence = FENCE_LINE.exec(l);
    if (fence) {
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trimStart().startsWith(fence[1]!)) j++;
      const n = j - i - 1;
      if (n >= CODE_BLOCK_MIN_LINES) {
        const chars = lines.slice(i, j + 1).join('\n').length;
        out.push({ line: i + 1, kind: 'code-block', chars, note: `${n}-line code block: keep a short excerpt, move the rest to a file read on demand` });
      }
      i = j + 1;
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(l)) {
      let j = i;
      while (j < lines.length && /^\s*\|.*\|\s*$/.test(lines[j]!)) j++;
      if (j - i >= TABLE_MIN_ROWS) {
        const block = lines.slice(i, j).join('\n');
        const padding = (block.match(/ {2,}/g) ?? []).reduce((a, s) => a + s.length - 1, 0);
        out.push({
          line: i + 1,
          kind: 'table',
          chars: block.length,
          note: `${j - i}-row table${padding > 200 ? ` with ${padding} characters of alignment padding` : ''}: a list or a file read on demand costs less`,
        });
      }
      i = j;
      continue;
    }
    const b64 = /[A-Za-z0-9+/=]{200,}/.exec(l);
    if (b64 && b64[0].length >= BASE64_MIN_CHARS && /[0-9]/.test(b64[0]) && /[A-Z]/.test(b64[0]) && /[a-z]/.test(b64[0])) {
      out.push({ line: i + 1, kind: 'base64', chars: b64[0].length, note: `${b64[0].length} characters of base64-like data in an always-loaded file` });
    }
    if (l.trim() === '') blankRun++;
    else blankRun = 0;
    // Counted from the end by hand: /\s+$/ rescans a long run of spaces from every start (quadratic).
    let k = l.length;
    while (k > 0 && isSpace(l.charCodeAt(k - 1))) k--;
    const trailing = l.length - k;
    const extra = (blankRun > 1 ? 1 : 0) + trailing;
    if (extra > 0) {
      if (wsChars === 0) wsLine = i + 1;
      wsChars += extra;
    }
    i++;
  }
  if (wsChars >= 200) out.push({ line: wsLine, kind: 'whitespace', chars: wsChars, note: `${wsChars} characters of trailing spaces and repeated blank lines` });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}
