import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/analyze/text.js';
import { compareNames, thousands } from '../../src/strings.js';

const sign = (x: number) => Math.sign(x);

describe('compareNames', () => {
  it('orders names exactly as localeCompare does (Claude Code sorts its listings with it)', () => {
    // Names built mostly from the characters the fast path takes, with every other kind mixed in.
    const char = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...'abcxyzABCXYZ0189-:._') },
      { weight: 1, arbitrary: fc.constantFrom(...',/ é漢 É!~') },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }) },
    );
    const name = fc.array(char, { maxLength: 10 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sign(compareNames(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('sorts real-looking names into the same order as localeCompare', () => {
    const names = [
      'code-reviewer',
      'code:review',
      'code',
      'code-',
      'code0',
      'code:',
      'Code',
      'a-b',
      'ab',
      'a:b',
      'a9',
      'a-',
      'z',
      '10',
      '9',
      'plugin:sub:name',
      '',
    ];
    expect([...names].sort(compareNames)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe('thousands', () => {
  it('writes whole numbers as en-US toLocaleString does (but never "-0")', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ min: -1e15, max: 1e15, noNaN: true })), (n) => {
        expect(thousands(n)).toBe((Math.round(n) || 0).toLocaleString('en-US'));
      }),
      { numRuns: 5_000 },
    );
    for (const n of [0, 999, 1000, -1000, 999_999, 1_000_000, 0.5, 1234.5]) expect(thousands(n)).toBe(Math.round(n).toLocaleString('en-US'));
    expect([thousands(-0), thousands(-0.4)]).toEqual(['0', '0']);
  });
});

describe('displayWidth', () => {
  it('counts printable ASCII by length and everything else by code point (wide 2, control and combining 0)', () => {
    expect(displayWidth('- review: Review a change')).toBe(25);
    expect(displayWidth('漢字 ok')).toBe(7);
    expect(displayWidth('a\nb')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('😀')).toBe(2);
  });
});
