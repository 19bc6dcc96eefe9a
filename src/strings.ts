/**
 * A copy of a string that shares no memory with the string it came from. V8 makes a substring of 13
 * or more characters a view of its parent, so a description or a token-count key cut from a file
 * would otherwise keep the whole file's text alive for the run.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * A whole number with its digits grouped by thousands (12,345), as en-US writes it, without
 * starting ICU's number formatter (about 7 ms on a run's first call) and the same on every Node build.
 */
export function thousands(n: number): string {
  const r = Math.round(n);
  if (!Number.isFinite(r)) return String(r);
  const digits = String(Math.abs(r));
  let out = digits.length > 3 ? digits.slice(0, digits.length % 3 || 3) : digits;
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return (r < 0 ? '-' : '') + out;
}

/**
 * Names of ASCII letters, digits, `_`, `-`, `:` and `.` only. localeCompare (ICU's root collation)
 * orders them by their letters case-blind, with `_` < `-` < `:` < `.` < digits < letters, and among
 * names equal but for case, by the first letter whose case differs, lower-case first.
 */
const SIMPLE_NAME = /^[A-Za-z0-9_.:-]*$/;
/** The punctuation as code units in the collation's order, all below the digits: `_` `,`, `-` `-`, `:` `.`, `.` `/`. */
const COLLATION_UNITS: Record<string, string> = { _: ',', ':': '.', '.': '/' };
const collationKey = (s: string) => s.toLowerCase().replace(/[_:.]/g, (c) => COLLATION_UNITS[c]!);

/**
 * Compares names as `a.localeCompare(b)` does (Claude Code orders its listings that way). Simple
 * names (SIMPLE_NAME: nearly all of them, Claude Code's own agents included) are compared without
 * starting ICU's collator (about 6 ms on a run's first call); test/strings holds the two to the
 * same order.
 */
export function compareNames(a: string, b: string): number {
  if (SIMPLE_NAME.test(a) && SIMPLE_NAME.test(b)) {
    const x = collationKey(a);
    const y = collationKey(b);
    if (x !== y) return x < y ? -1 : 1;
    return a === b ? 0 : a < b ? 1 : -1; // case alone differs: lower-case (the larger code unit) first
  }
  return a.localeCompare(b);
}
