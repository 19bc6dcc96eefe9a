/**
 * Markdown scanning as Claude Code's memory loader does it: @imports outside fenced code blocks,
 * inline code spans and HTML comments; HTML comments stripped from what is loaded.
 */

export interface ImportRef {
  /** The path as written, with `\ ` unescaped and any #fragment cut off. */
  ref: string;
  /** 1-based line within the scanned text. */
  line: number;
}

/** Claude Code 2.1.332: `(?:^|\s)@((?:[^\s\\]|\\ )+)`. */
const IMPORT_RE = /(?:^|\s)@((?:[^\s\\]|\\ )+)/g;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

/** One line with HTML comments cut out (comments may span lines: `inComment` carries over). */
function cutComments(line: string, inComment: boolean, gap: string): { kept: string; inComment: boolean } {
  let s = line;
  let kept = '';
  while (s.length > 0) {
    if (inComment) {
      const end = s.indexOf('-->');
      if (end < 0) return { kept, inComment };
      s = s.slice(end + 3);
      inComment = false;
      continue;
    }
    const start = s.indexOf('<!--');
    if (start < 0) return { kept: kept + s, inComment };
    kept += s.slice(0, start) + gap;
    s = s.slice(start + 4);
    inComment = true;
  }
  return { kept, inComment };
}

function closesFence(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return !!m && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

/** Whether Claude Code treats the captured text as a path: ./ ~/ / (not alone), or a letter, digit, ., _ or -. */
export function isImportPath(p: string): boolean {
  if (p.startsWith('./') || p.startsWith('~/')) return true;
  if (p.startsWith('/')) return p.length > 1;
  return /^[A-Za-z0-9._-]/.test(p);
}

/**
 * Walks the lines of text (split at LF or CRLF) with code fences and HTML comments tracked, calling
 * visit(prose, index) for each line that wants(raw) accepts, with comments and inline code blanked.
 * Lines are cut out one at a time (no array of every line): scanning a 50 MB framework for `@`
 * allocates only the lines that hold one.
 */
function eachProseLine(text: string, wants: (raw: string) => boolean, visit: (prose: string, index: number) => void): void {
  let fence: string | null = null;
  let inComment = false;
  let index = 0;
  for (let start = 0; start <= text.length; index++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end < text.length && end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (!inComment) {
      const m = FENCE_RE.exec(line);
      if (m) {
        fence = m[1]!;
        continue;
      }
      // Nothing here can change the comment state, and the caller doesn't want the line: skip it.
      if (!line.includes('<!--') && !wants(line)) continue;
    }
    const cut = cutComments(line, inComment, ' ');
    inComment = cut.inComment;
    if (wants(line)) visit(stripInlineCode(cut.kept), index);
  }
}

function stripInlineCode(line: string): string {
  if (!line.includes('`')) return line;
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      out += line[i];
      i++;
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n++;
    const ticks = '`'.repeat(n);
    let j = i + n;
    let close = -1;
    while (j < line.length) {
      const k = line.indexOf(ticks, j);
      if (k < 0) break;
      if (line[k + n] !== '`' && line[k - 1] !== '`') {
        close = k;
        break;
      }
      j = k + 1;
    }
    if (close < 0) {
      out += line.slice(i, i + n);
      i += n;
      continue;
    }
    out += ' '.repeat(close + n - i);
    i = close + n;
  }
  return out;
}

/** @imports in a memory file (or @file references in a command), in order of appearance. */
export function findImports(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  if (!text.includes('@')) return refs;
  eachProseLine(
    text,
    (raw) => raw.includes('@'),
    (line, i) => {
      if (!line.includes('@')) return;
      IMPORT_RE.lastIndex = 0;
      for (let m = IMPORT_RE.exec(line); m; m = IMPORT_RE.exec(line)) {
        let ref = m[1]!.replace(/\\ /g, ' ');
        const hash = ref.indexOf('#');
        if (hash >= 0) ref = ref.slice(0, hash);
        if (ref && isImportPath(ref)) refs.push({ ref, line: i + 1 });
      }
    },
  );
  return refs;
}

/** A memory file's text as Claude Code includes it: HTML comment blocks removed, trimmed (nothing left: not included). */
export function memoryText(raw: string): string {
  return stripHtmlComments(raw).trim();
}

/** Removes HTML comments outside code (Claude Code strips them from memory files before loading). */
export function stripHtmlComments(text: string): string {
  if (!text.includes('<!--')) return text;
  // Such a file goes through a markdown lexer, which also turns CRLF line ends into LF (measured:
  // a CRLF file without comments keeps its CRs, one with a comment block loses them).
  text = text.replace(/\r\n?/g, '\n');
  // Claude Code 2.1.332 removes HTML comments that form a block of their own (a line starting with
  // `<!--`, up to three spaces in, through the line holding `-->`); a comment inside a line of text
  // is kept, and so is a comment that never closes. Fenced code is left alone. One linear pass.
  const lines = text.split(/(\r?\n)/);
  let out = '';
  let fence: string | null = null;
  for (let idx = 0; idx < lines.length; idx++) {
    const part = lines[idx]!;
    if (idx % 2 === 1) {
      out += part;
      continue;
    }
    if (fence !== null) {
      if (closesFence(part, fence)) fence = null;
      out += part;
      continue;
    }
    const fm = FENCE_RE.exec(part);
    if (fm) {
      fence = fm[1]!;
      out += part;
      continue;
    }
    if (!/^ {0,3}<!--/.test(part)) {
      out += part;
      continue;
    }
    // The block runs to the line that holds the closing `-->`.
    let j = idx;
    while (j < lines.length && !lines[j]!.includes('-->', j === idx ? part.indexOf('<!--') + 4 : 0)) j += 2;
    if (j >= lines.length) {
      out += lines.slice(idx).join('');
      break;
    }
    const residue = lines
      .slice(idx, j + 1)
      .join('')
      .replace(/<!--[\s\S]*?-->/g, '');
    if (residue.trim() !== '') {
      out += residue;
      idx = j;
      continue;
    }
    // A comment block goes with the blank lines that follow it (marked's html token), as in Claude Code.
    let k = j + 2;
    while (k < lines.length && lines[k]!.trim() === '' && k + 1 < lines.length) k += 2;
    idx = k - 1;
  }
  return out;
}
