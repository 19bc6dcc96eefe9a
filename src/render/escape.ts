/**
 * Repository text (paths, names, descriptions) in markdown: it can't break the markup, inject
 * HTML, start a mention or fake our hidden marker. Everything taken from a repository goes
 * through md() before it reaches a comment, a summary or an issue.
 */
const SPECIAL = /[\\`*_{}[\]()#+!|~<>&]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

export function md(text: string, max = 200): string {
  // Control characters and bidirectional overrides: a name must not reorder or break the line.
  // eslint-disable-next-line no-control-regex
  let t = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ');
  // Invisible format characters (zero-width, joiners, BOM, soft hyphen, tags) and line separators
  // are shown: seven agents that differ only by them must not read as one name.
  t = t.replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
  if ([...t].length > max) t = [...t].slice(0, max - 1).join('') + '…';
  return (
    t
      .replace(SPECIAL, (c) => ENTITY[c] ?? `\\${c}`)
      // GitHub links `#123` even when the `#` is escaped: a zero-width space keeps it text.
      .replace(/\\#(?=\d)/g, '#\u200b')
      .replace(/@/g, '@\u200b')
      .replace(/:(?=[a-z0-9_+-]+:)/gi, ':\u200b')
      // Autolinks: GH-123 (an issue reference), URLs and www. (live links and cross-references).
      .replace(/\b(GH)-(?=\d)/gi, '$1-\u200b')
      .replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\u200b:')
      .replace(/\b(www)\./gi, '$1\u200b.')
  );
}

/**
 * Neutralises workflow commands in text written to the runner's log: `::cmd::` at the start of a
 * line after any whitespace the runner trims (it trims Unicode whitespace, U+0085 included, and
 * splits lines at CR, LF, U+2028 and U+2029), and the older `##[cmd]` syntax anywhere in a line.
 */
export function logSafe(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/(^|\n)([\s\u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]*)::/g, '$1$2:\u200b:')
    .replace(/##\[/g, '#\u200b#[');
}
