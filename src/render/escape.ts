/**
 * Repository text (paths, names, descriptions) in markdown: it can't break the markup, inject
 * HTML, start a mention or fake our hidden marker. Everything taken from a repository goes
 * through md() before it reaches a comment, a summary or an issue.
 */
const SPECIAL = /[\\`*_{}[\]()#+!|~<>&]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

export function md(text: string, max = 200): string {
  let t = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ');
  if ([...t].length > max) t = [...t].slice(0, max - 1).join('') + '…';
  return t
    .replace(SPECIAL, (c) => ENTITY[c] ?? `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/:(?=[a-z0-9_+-]+:)/gi, ':\u200b');
}

/** Neutralises workflow commands (`::error::`, `::add-mask::`...) in text written to the runner's log. */
export function logSafe(text: string): string {
  return text.replace(/(^|\n)(\s*)::/g, '$1$2:\u200b:').replace(/\r/g, '');
}
