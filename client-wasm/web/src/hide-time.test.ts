import { describe, expect, it } from 'vitest';
import { MAX_HIDE_SECS, hideTimeProblem, hideUntil } from './hide-time';

const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min, 0, 0);

describe('hideUntil', () => {
  it('tonight is 20:00 today, or tomorrow once 20:00 has come', () => {
    expect(hideUntil('tonight', at(2026, 12, 1, 18, 30))).toEqual(at(2026, 12, 1, 20));
    expect(hideUntil('tonight', at(2026, 12, 1, 20, 0))).toEqual(at(2026, 12, 2, 20));
    expect(hideUntil('tonight', at(2026, 12, 31, 23, 0))).toEqual(at(2027, 1, 1, 20));
  });
  it('tomorrow evening is 20:00 the next day; in 2 hours is two hours on', () => {
    expect(hideUntil('tomorrow', at(2026, 2, 28, 9))).toEqual(at(2026, 3, 1, 20));
    expect(hideUntil('hours2', at(2026, 12, 1, 23, 15))).toEqual(at(2026, 12, 2, 1, 15));
  });
  it('a chosen date and time, or nothing when it is not a real one', () => {
    expect(hideUntil('custom', at(2026, 12, 1, 9), '2026-12-03', '10:30')).toEqual(at(2026, 12, 3, 10, 30));
    expect(hideUntil('custom', at(2026, 12, 1, 9), '2026-02-30', '10:30')).toBeNull();
    expect(hideUntil('custom', at(2026, 12, 1, 9), '', '10:30')).toBeNull();
    expect(hideUntil('custom', at(2026, 12, 1, 9), '2026-12-03', '')).toBeNull();
  });
});

describe('hideTimeProblem', () => {
  const now = at(2026, 12, 1, 9);
  it('refuses a time already past and one more than 90 days ahead', () => {
    expect(hideTimeProblem(now, now)).toBe('past');
    expect(hideTimeProblem(at(2026, 11, 30, 9), now)).toBe('past');
    expect(hideTimeProblem(new Date(now.getTime() + MAX_HIDE_SECS * 1000), now)).toBeNull();
    expect(hideTimeProblem(new Date(now.getTime() + (MAX_HIDE_SECS + 1) * 1000), now)).toBe('too_far');
  });
});
