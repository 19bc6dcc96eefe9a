// Real prose for synthetic frameworks: paragraphs (blocks between blank lines) of real Markdown files,
// sampled with a seeded PRNG, so that a synthetic file has the sentence mix of real ones (headings,
// bullets, code fences, long and short lines) and tokenizes like them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a real 32-bit PRNG, deterministic across runs. */
export function prng(seed) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function markdownFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '.git' && e.name !== 'node_modules') markdownFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.md') && statSync(p).size < 200_000) out.push(p);
  }
  return out;
}

/**
 * Paragraphs of the Markdown files under the given directories (front matter dropped), in a stable
 * order. Code fences are kept whole (a fence's blank lines don't split it).
 */
export function paragraphs(dirs) {
  const out = [];
  for (const d of dirs)
    for (const f of markdownFiles(d).sort()) {
      let text = readFileSync(f, 'utf8').replace(/\r\n/g, '\n');
      if (text.startsWith('---\n')) {
        const end = text.indexOf('\n---', 4);
        if (end > 0) text = text.slice(text.indexOf('\n', end + 1) + 1);
      }
      let cur = [];
      let inFence = false;
      for (const line of text.split('\n')) {
        if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
        if (!inFence && line.trim() === '') {
          if (cur.length) out.push(cur.join('\n'));
          cur = [];
        } else cur.push(line);
      }
      if (cur.length) out.push(cur.join('\n'));
    }
  return out.filter((p) => p.length >= 20 && p.length <= 8000);
}

/** A prose source: text(bytes) returns about that many bytes of sampled paragraphs; line(max) one sentence-like line. */
export function proseSource(paras, seed = 12345) {
  if (paras.length === 0) throw new Error('no paragraphs to sample prose from');
  const rnd = prng(seed);
  const pick = () => paras[Math.floor(rnd() * paras.length)];
  return {
    rnd,
    text(bytes) {
      const parts = [];
      let n = 0;
      while (n < bytes) {
        const p = pick();
        parts.push(p);
        n += p.length + 2;
      }
      return parts.join('\n\n');
    },
    /** One line of prose (for descriptions): a plain sentence from a paragraph, at most max characters. */
    line(max) {
      for (let i = 0; i < 50; i++) {
        const l = pick()
          .split('\n')
          .find((x) => /^[A-Za-z]/.test(x) && x.length > 30);
        if (l) return l.slice(0, max).replace(/[:#]/g, ' ');
      }
      return 'A plain description of what this does and when to use it.';
    },
  };
}
