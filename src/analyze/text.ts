/** Decoding file bytes the way a lenient reader must: BOMs, UTF-16, invalid UTF-8, binary. */
export interface Decoded {
  text: string;
  /** A problem worth a diagnostic, if any. */
  problem?: string;
  binary: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export function decode(data: Buffer): Decoded {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), binary: false, problem: 'UTF-16 (little-endian) text; decoded' };
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), binary: false, problem: 'UTF-16 (big-endian) text; decoded' };
  const head = data.subarray(0, 8000);
  if (head.includes(0)) {
    return { text: '', binary: true, problem: 'binary content (NUL bytes): not counted' };
  }
  const start = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  try {
    return { text: utf8Strict.decode(data.subarray(start)), binary: false };
  } catch {
    return { text: utf8.decode(data.subarray(start)), binary: false, problem: 'invalid UTF-8; undecodable bytes replaced' };
  }
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Display width as Claude Code measures the listing (its stringWidth): wide (CJK, fullwidth)
 * characters count 2; control characters (a newline inside a description), combining marks and
 * zero-width characters count 0. Measured: a listing line holding newlines costs its length minus them.
 */
export function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length; // nearly every line: one regex test instead of a walk by code point
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += isZeroWidth(c) ? 0 : isWide(c) ? 2 : 1;
  }
  return w;
}

function isZeroWidth(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfeff;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** JSON.parse with the error's line number. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; line: number; message: string } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const lineM = /line (\d+)/.exec(msg);
    const line = lineM ? Number(lineM[1]) : pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
    return { ok: false, line, message: msg.split('\n')[0]!.slice(0, 160) };
  }
}
