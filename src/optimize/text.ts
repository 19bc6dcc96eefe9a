/**
 * Text surgery for the optimizer's transforms: Markdown sections with their line ranges, paragraphs,
 * front matter fields rewritten in place, sentence-boundary cuts. Pure string functions; the rest
 * of a file is kept byte for byte.
 */
import { FENCE_LINE, SECTION_HEADING } from '../analyze/content.js';
import { parseFrontmatter } from '../analyze/frontmatter.js';

export interface Section {
  heading: string;
  level: number;
  /** 0-based index of the heading line. */
  start: number;
  /** 0-based index one past the section's last line. */
  end: number;
  /** The section's text (heading line included), as in the file. */
  text: string;
}

const FENCE = FENCE_LINE;

/**
 * Level-1 and level-2 sections outside code fences, as the analyzer's content scan splits them
 * (src/analyze/content.ts): each heading starts a section that ends at the next one.
 */
export function sections(text: string): Section[] {
  const lines = text.split('\n');
  const out: Section[] = [];
  let fence = false;
  let cur: Omit<Section, 'end' | 'text'> | null = null;
  const close = (end: number) => {
    if (cur) out.push({ ...cur, end, text: lines.slice(cur.start, end).join('\n') });
  };
  lines.forEach((l, i) => {
    if (FENCE.test(l)) fence = !fence;
    const h = !fence && SECTION_HEADING.exec(l);
    if (h) {
      close(i);
      cur = { heading: h[2]!.trim().replace(/\s+#+\s*$/, ''), level: h[1]!.length, start: i };
    }
  });
  close(lines.length);
  return out;
}

/** Replaces lines [start, end) of a text with others (an empty list removes them). */
export function spliceLines(text: string, start: number, end: number, insert: readonly string[]): string {
  const lines = text.split('\n');
  lines.splice(start, end - start, ...insert);
  return lines.join('\n');
}

/** A section's body: its lines after the heading, trimmed. */
export function sectionBody(s: Section): string {
  return s.text.split('\n').slice(1).join('\n').trim();
}

/** The first sentence of prose in Markdown: headings, code, tables and HTML skipped; list markers and emphasis removed. */
export function firstSentence(markdown: string): string {
  let fence = false;
  for (const raw of markdown.split('\n')) {
    if (FENCE.test(raw)) {
      fence = !fence;
      continue;
    }
    const l = raw.trim();
    if (fence || !l || /^(#|\||<|>|---|@)/.test(l)) continue;
    const plain = l
      .replace(/^([-*+]|\d+[.)])\s+/, '')
      .replace(/\*\*|__/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .trim();
    if (!plain) continue;
    const end = /[.!?](\s|$)/.exec(plain);
    return end ? plain.slice(0, end.index + 1) : plain;
  }
  return '';
}

/**
 * The longest prefix of a text of at most `max` characters that ends a sentence, else the longest
 * that ends a word; never more than `max`. Whitespace is collapsed first.
 */
export function cutAtSentence(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max + 1);
  let best = -1;
  for (const m of head.matchAll(/[.!?](?=\s)/g)) if (m.index! + 1 <= max) best = m.index! + 1;
  if (best > 0) return t.slice(0, best);
  const space = head.lastIndexOf(' ');
  const word = space > 0 ? t.slice(0, space) : t.slice(0, max);
  return word.replace(/[,;:\s-]+$/, '');
}

/** kebab-case of a heading for a file or skill name: [a-z0-9-], at most `max` characters. */
export function slugOf(heading: string, max = 64): string {
  const s = heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[`*_~[\]()]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (s.slice(0, max).replace(/-+$/, '') || 'section').replace(/^-/, '');
}

/** A YAML scalar for a one-line value: double-quoted (JSON's escapes are YAML's). */
export function yamlString(v: string): string {
  return JSON.stringify(v);
}

/** Where a front matter block is: lines [1, close) of the file are its YAML, or null without one. */
function frontmatterLines(lines: readonly string[]): { close: number } | null {
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? '')) return null;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)[ \t]*\r?$/.test(lines[i]!)) return { close: i };
  return null;
}

/**
 * The file with a top-level front matter field set to a one-line value (its old value, block
 * scalars and continuation lines included, replaced); `null` removes the field. Every other line is
 * kept as it was. Returns null when the file has no front matter block or the field is absent.
 */
export function setFrontmatterField(text: string, key: string, value: string | null): string | null {
  const lines = text.split('\n');
  const fm = frontmatterLines(lines);
  if (!fm) return null;
  const keyRe = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
  const at = lines.findIndex((l, i) => i > 0 && i < fm.close && keyRe.test(l));
  if (at < 0) return null;
  let end = at + 1;
  // Continuation: indented lines, blank lines followed by indented ones, until the next top-level key.
  while (end < fm.close && (/^[ \t]/.test(lines[end]!) || (lines[end]!.trim() === '' && end + 1 < fm.close && /^[ \t]/.test(lines[end + 1]!)))) end++;
  const cr = lines[at]!.endsWith('\r') ? '\r' : '';
  lines.splice(at, end - at, ...(value === null ? [] : [`${key}: ${yamlString(value)}${cr}`]));
  return lines.join('\n');
}

/** The front matter's end: the index in the text where the body starts (0 without front matter). */
export function bodyStartOf(text: string): number {
  const p = parseFrontmatter(text);
  return p.hasFrontmatter ? p.bodyStart : 0;
}

/** Paragraphs (blocks between blank lines) with their line ranges; code fences are kept whole. */
export function paragraphs(text: string): { start: number; end: number; text: string }[] {
  const lines = text.split('\n');
  const out: { start: number; end: number; text: string }[] = [];
  let start = -1;
  let fence = false;
  lines.forEach((l, i) => {
    if (FENCE.test(l)) fence = !fence;
    const blank = !fence && l.trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push({ start, end: i, text: lines.slice(start, i).join('\n') });
      start = -1;
    }
  });
  if (start >= 0) out.push({ start, end: lines.length, text: lines.slice(start).join('\n') });
  return out;
}

/** Paragraph text compared for duplication: whitespace runs as one space, trimmed. */
export function normalized(p: string): string {
  return p.replace(/\s+/g, ' ').trim();
}
