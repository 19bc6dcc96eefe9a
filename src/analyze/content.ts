import type { ContentFindings } from '../model/snapshot.js';
import type { PlannedFile } from './plan.js';

/** Sections smaller than this (characters) are not worth moving. */
export const SECTION_MIN_CHARS = 2_000;
/** Paragraphs shorter than this are not compared for duplication. */
export const DUPLICATE_MIN_CHARS = 240;
export const CODE_BLOCK_MIN_LINES = 25;
export const TABLE_MIN_ROWS = 15;
export const BASE64_MIN_CHARS = 200;

/**
 * Text-derived findings the optimizers need (sections of always-loaded files, duplicated
 * paragraphs, compressible content), computed at analysis time so the snapshot alone is enough
 * for recommendations: a diff of two snapshot files needs no repository.
 * Token figures are proportional estimates: the file's tokens x the part's share of its characters.
 */
export function findContent(files: readonly PlannedFile[], tokensOf: (f: PlannedFile) => number): ContentFindings {
  const sections: ContentFindings['sections'] = [];
  const compressible: ContentFindings['compressible'] = [];
  const paragraphs = new Map<string, { tokens: number; chars: number; preview: string; at: { file: PlannedFile; offset: number }[] }>();
  for (const f of files) {
    if (f.loading === 'not-loaded' || f.text.length === 0) continue;
    const perChar = f.text.length ? tokensOf(f) / f.text.length : 0;
    const est = (chars: number) => Math.round(chars * perChar);
    if (f.loading === 'eager') {
      const lines = f.text.split('\n');
      // Sections: level-1/2 headings outside code fences.
      let fence = false;
      let current: { heading: string; line: number; chars: number } | null = null;
      const close = () => {
        if (current && current.chars >= SECTION_MIN_CHARS) sections.push({ file: f.path, line: current.line, heading: current.heading, tokens: est(current.chars) });
      };
      lines.forEach((l, i) => {
        if (/^\s{0,3}(```|~~~)/.test(l)) fence = !fence;
        const h = !fence && /^#{1,2}\s+(.+)$/.exec(l);
        if (h) {
          close();
          current = { heading: h[1]!.trim().slice(0, 120), line: i + 1, chars: 0 };
        }
        if (current) current.chars += l.length + 1;
      });
      close();
      scanCompressible(f.path, lines, est, compressible);
    }
    // Paragraphs for duplication: always-loaded text and prompt bodies (bundled reference files are
    // read only when a skill chooses to; repeated text there costs little).
    if (f.category === 'resources' || f.category === 'nested-memory') continue;
    // Split on blank lines in one pass; line numbers are computed only for what turns out duplicated.
    const sep = /\n[ \t]*\n/g;
    let from = 0;
    const take = (end: number) => {
      let a = from;
      let b = end;
      while (a < b && f.text.charCodeAt(a) <= 32) a++;
      while (b > a && f.text.charCodeAt(b - 1) <= 32) b--;
      if (b - a < DUPLICATE_MIN_CHARS) return;
      // Same length and the same normalized opening: a duplicate for all practical purposes, at a fraction of the cost.
      const key = `${b - a}:${f.text.slice(a, Math.min(b, a + 600)).replace(/\s+/g, ' ').toLowerCase().slice(0, 400)}`;
      let p = paragraphs.get(key);
      if (!p) paragraphs.set(key, (p = { tokens: est(b - a), chars: b - a, preview: f.text.slice(a, Math.min(b, a + 80)).replace(/\s+/g, ' '), at: [] }));
      if (!p.at.some((l) => l.file === f)) p.at.push({ file: f, offset: a });
    };
    for (let m = sep.exec(f.text); m; m = sep.exec(f.text)) {
      take(m.index);
      from = m.index + m[0].length;
    }
    take(f.text.length);
  }
  const duplicates = [...paragraphs.values()]
    .filter((p) => p.at.length > 1)
    .map((p) => ({ tokens: p.tokens, chars: p.chars, preview: p.preview, locations: p.at.map((l) => ({ file: l.file.path, line: 1 + countNewlines(l.file.text.slice(0, l.offset)), eager: l.file.loading === 'eager' })) }))
    .sort((a, b) => b.tokens * b.locations.length - a.tokens * a.locations.length);
  return { sections: sections.sort((a, b) => b.tokens - a.tokens), duplicates, compressible: compressible.sort((a, b) => b.tokens - a.tokens) };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function scanCompressible(file: string, lines: string[], est: (chars: number) => number, out: ContentFindings['compressible']): void {
  let i = 0;
  let blankRun = 0;
  let wsChars = 0;
  let wsLine = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    const fence = /^\s{0,3}(```|~~~)/.exec(l);
    if (fence) {
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trimStart().startsWith(fence[1]!)) j++;
      const n = j - i - 1;
      if (n >= CODE_BLOCK_MIN_LINES) {
        const chars = lines.slice(i, j + 1).join('\n').length;
        out.push({ file, line: i + 1, kind: 'code-block', tokens: est(chars), note: `${n}-line code block: keep a short excerpt, move the rest to a file read on demand` });
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
        out.push({ file, line: i + 1, kind: 'table', tokens: est(block.length), note: `${j - i}-row table${padding > 200 ? ` with ${padding} characters of alignment padding` : ''}: a list or a file read on demand costs less` });
      }
      i = j;
      continue;
    }
    const b64 = /[A-Za-z0-9+/=]{200,}/.exec(l);
    if (b64 && b64[0].length >= BASE64_MIN_CHARS && /[0-9]/.test(b64[0]) && /[A-Z]/.test(b64[0]) && /[a-z]/.test(b64[0])) {
      out.push({ file, line: i + 1, kind: 'base64', tokens: est(b64[0].length), note: `${b64[0].length} characters of base64-like data in an always-loaded file` });
    }
    if (l.trim() === '') blankRun++;
    else blankRun = 0;
    const trailing = /\s+$/.exec(l)?.[0].length ?? 0;
    const extra = (blankRun > 1 ? 1 : 0) + trailing;
    if (extra > 0) {
      if (wsChars === 0) wsLine = i + 1;
      wsChars += extra;
    }
    i++;
  }
  if (wsChars >= 200) out.push({ file, line: wsLine, kind: 'whitespace', tokens: est(wsChars), note: `${wsChars} characters of trailing spaces and repeated blank lines` });
}
