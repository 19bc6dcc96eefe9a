/**
 * Load-time ratios below the floor are noise (src/model/constants.ts): both sides must be under it,
 * and exactly at it is not under (issue 24: these mutants survived).
 */
import { describe, expect, it } from 'vitest';
import { LOAD_TIME_FLOOR_MS, loadTimeTooFast } from '../../src/model/constants.js';

describe('loadTimeTooFast', () => {
  it('holds only when both medians are under the floor', () => {
    expect(loadTimeTooFast({ baseMedianMs: LOAD_TIME_FLOOR_MS - 1, headMedianMs: LOAD_TIME_FLOOR_MS - 0.5 })).toBe(true);
    expect(loadTimeTooFast({ baseMedianMs: 1, headMedianMs: LOAD_TIME_FLOOR_MS * 3 })).toBe(false);
    expect(loadTimeTooFast({ baseMedianMs: LOAD_TIME_FLOOR_MS * 3, headMedianMs: 1 })).toBe(false);
    expect(loadTimeTooFast({ baseMedianMs: 1, headMedianMs: LOAD_TIME_FLOOR_MS })).toBe(false);
  });
});
