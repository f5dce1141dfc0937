import { describe, expect, it } from 'vitest';
import { MAX_AHEAD_SECS, appointmentWindow, brusselsDay, brusselsParts, brusselsUnix } from './appointment-time';

// Tuesday 2026-11-24 10:00 in Brussels is 09:00 UTC (winter time, UTC+1).
const TUESDAY_10 = Date.UTC(2026, 10, 24, 9, 0) / 1000;
const WEEK = 7 * 86_400;

describe('Brussels time', () => {
  it('turns a day and an hour in Brussels into the instant, in winter and in summer', () => {
    expect(brusselsUnix('2026-11-24', '10:00')).toBe(TUESDAY_10);
    expect(brusselsUnix('2026-07-14', '10:00')).toBe(Date.UTC(2026, 6, 14, 8, 0) / 1000);
    expect(brusselsParts(TUESDAY_10)).toEqual({ day: '2026-11-24', time: '10:00' });
  });
  it('refuses what is not a real day or hour, and the hour skipped in spring', () => {
    expect(brusselsUnix('2026-02-30', '10:00')).toBeNull();
    expect(brusselsUnix('2026-11-24', '')).toBeNull();
    expect(brusselsUnix('2026-03-29', '02:30')).toBeNull();
  });
  it('counts days in Brussels: 00:30 on Wednesday in Brussels is still Tuesday in UTC', () => {
    const justAfterMidnight = Date.UTC(2026, 10, 24, 23, 30) / 1000;
    expect(brusselsDay(justAfterMidnight)).toBe('2026-11-25');
    expect(brusselsDay(TUESDAY_10, 1)).toBe('2026-11-25');
    expect(brusselsDay(Date.UTC(2026, 11, 31, 12) / 1000, 1)).toBe('2027-01-01');
  });
});

describe('appointmentWindow', () => {
  const now = TUESDAY_10 - 2 * 86_400;
  it('gives the window of a day from one hour until another', () => {
    expect(appointmentWindow('2026-11-24', '10:00', '12:00', now, WEEK)).toEqual({ opens_at: TUESDAY_10, closes_at: TUESDAY_10 + 7200 });
  });
  it('says what the server would refuse', () => {
    expect(appointmentWindow('2026-11-24', '10:00', '10:00', now, WEEK)).toBe('ends_before_start');
    expect(appointmentWindow('2026-11-24', '12:00', '10:00', now, WEEK)).toBe('ends_before_start');
    expect(appointmentWindow('2026-11-21', '10:00', '12:00', now, WEEK)).toBe('past');
    expect(appointmentWindow('', '10:00', '12:00', now, WEEK)).toBe('incomplete');
    expect(appointmentWindow('2026-11-24', '10:00', '12:00', TUESDAY_10 - MAX_AHEAD_SECS - 1, WEEK)).toBe('too_far');
    expect(appointmentWindow('2026-11-24', '10:00', '12:00', now, 3600)).toBe('too_long');
  });
  it('takes a start in the hour under way', () => {
    expect(appointmentWindow('2026-11-24', '10:00', '12:00', TUESDAY_10 + 1800, WEEK)).toEqual({ opens_at: TUESDAY_10, closes_at: TUESDAY_10 + 7200 });
    expect(appointmentWindow('2026-11-24', '10:00', '12:00', TUESDAY_10 + 3601, WEEK)).toBe('past');
  });
});
