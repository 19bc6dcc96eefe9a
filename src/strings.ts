/**
 * A copy of a string that shares no memory with the string it came from. V8 makes a substring of 13
 * or more characters a view of its parent, so a description or a token-count key cut from a file
 * would otherwise keep the whole file's text alive for the run.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
