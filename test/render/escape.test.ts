/**
 * Escaping and number formatting, exactly (issue 24: escape.ts and format.ts were near 50% in the
 * mutation run; the hostile-input suites that exercise them are too slow for it). Every rule of
 * md() and logSafe() with its exact output.
 */
import { describe, expect, it } from 'vitest';
import { logSafe, md } from '../../src/render/escape.js';
import { fmt, pct, signed, signedPct } from '../../src/render/format.js';

const ZW = '\u200b';

describe('md: repository text in markdown', () => {
  it('escapes every markdown special character, and <, >, & as entities', () => {
    expect(md('a\\b`c*d_e{f}g[h]i(j)k#l+m!n|o~p')).toBe('a\\\\b\\`c\\*d\\_e\\{f\\}g\\[h\\]i\\(j\\)k\\#l\\+m\\!n\\|o\\~p');
    expect(md('<img src=x> & more')).toBe('&lt;img src=x&gt; &amp; more');
  });

  it('turns control characters and bidirectional overrides into one space each run, and shows invisible ones', () => {
    expect(md('a\n\r\tb\u0000c\u007fd')).toBe('a b c d');
    expect(md('abc\u202edef\u2066g')).toBe('abc def g');
    expect(md('x\u200by\ufeffz\u00adw\u2028v')).toBe('x⟨U\\+200B⟩y⟨U\\+FEFF⟩z⟨U\\+00AD⟩w⟨U\\+2028⟩v'); // the + is markdown-escaped too
  });

  it('cuts to max characters (code points) with an ellipsis', () => {
    expect(md('abcdef', 4)).toBe('abc…');
    expect(md('abcd', 4)).toBe('abcd');
    expect(md('😀😀😀😀😀', 3)).toBe('😀😀…');
    expect(md('x'.repeat(250))).toBe('x'.repeat(199) + '…');
  });

  it('keeps references, mentions, emoji codes, autolinks and www. as text', () => {
    expect(md('#123 and #abc')).toBe(`#${ZW}123 and \\#abc`);
    expect(md('@octocat')).toBe(`@${ZW}octocat`);
    expect(md(':smile: :not emoji')).toBe(`:${ZW}smile: :not emoji`);
    expect(md('GH-42 gh-7 GH-x')).toBe(`GH-${ZW}42 gh-${ZW}7 GH-x`);
    expect(md('https://evil.example/x ftp://y')).toBe(`https${ZW}://evil.example/x ftp${ZW}://y`);
    expect(md('www.example.com WWW.x')).toBe(`www${ZW}.example.com WWW${ZW}.x`);
  });
});

describe('logSafe: text in the runner log', () => {
  it('breaks workflow commands at a line start, after any whitespace the runner trims, on every line break', () => {
    expect(logSafe('::error::x')).toBe(`:${ZW}:error::x`);
    expect(logSafe('ok\n  ::warning::y')).toBe(`ok\n  :${ZW}:warning::y`);
    expect(logSafe('a\r\n::set-output::z')).toBe(`a\n:${ZW}:set-output::z`);
    expect(logSafe('a\r::x::')).toBe(`a\n:${ZW}:x::`);
    expect(logSafe('a\u2028\u00a0::x::')).toBe(`a\n\u00a0:${ZW}:x::`);
    expect(logSafe('a\u2029\u0085\u3000::x::')).toBe(`a\n\u0085\u3000:${ZW}:x::`);
    expect(logSafe('text ::not at start')).toBe('text ::not at start');
  });

  it('breaks the older ##[cmd] syntax anywhere in a line', () => {
    expect(logSafe('x ##[error]y ##[group]')).toBe(`x #${ZW}#[error]y #${ZW}#[group]`);
  });
});

describe('number formatting', () => {
  it('fmt, signed, pct and signedPct', () => {
    expect(fmt(1234567)).toBe('1,234,567');
    expect(signed(0)).toBe('0');
    expect(signed(0.4)).toBe('0');
    expect(signed(1234.5)).toBe('+1,235');
    expect(signed(-1234.6)).toBe('−1,235');
    expect(pct(0.12345)).toBe('12.3%');
    expect(pct(0.12345, 2)).toBe('12.35%');
    expect(signedPct(null)).toBe('new');
    expect(signedPct(Infinity)).toBe('new');
    expect(signedPct(0)).toBe('0.0%');
    expect(signedPct(0.256)).toBe('+25.6%');
    expect(signedPct(-0.5)).toBe('−50.0%');
  });
});
