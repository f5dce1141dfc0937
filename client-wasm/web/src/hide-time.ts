/**
 * The times "Hide until…" offers, in the browser's local time, and the checks the server makes
 * again (docs/api.md, `POST /documents/hide`).
 */

export type HideChoice = 'hours2' | 'tonight' | 'tomorrow' | 'custom';

/** The furthest ahead the server lets a document be hidden. */
export const MAX_HIDE_SECS = 90 * 86_400;

/** The evening hour "tonight" and "tomorrow evening" mean. */
export const EVENING_HOUR = 20;

function eveningOf(day: Date, plusDays: number): Date {
  const d = new Date(day.getFullYear(), day.getMonth(), day.getDate() + plusDays, EVENING_HOUR, 0, 0, 0);
  return d;
}

/**
 * When a choice ends, as a Date, from `now`: in 2 hours; tonight at 20:00 (tomorrow's if it
 * is 20:00 or later); tomorrow at 20:00; or the local `date` (`YYYY-MM-DD`) and `time`
 * (`HH:MM`) given. Null when the chosen date or time is missing or not a real one.
 */
export function hideUntil(choice: HideChoice, now: Date, date = '', time = ''): Date | null {
  switch (choice) {
    case 'hours2':
      return new Date(now.getTime() + 2 * 3600 * 1000);
    case 'tonight': {
      const tonight = eveningOf(now, 0);
      return tonight.getTime() > now.getTime() ? tonight : eveningOf(now, 1);
    }
    case 'tomorrow':
      return eveningOf(now, 1);
    case 'custom': {
      const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      const t = /^(\d{2}):(\d{2})$/.exec(time);
      if (!d || !t) return null;
      const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
      const [h, min] = [Number(t[1]), Number(t[2])];
      const at = new Date(y, m - 1, day, h, min, 0, 0);
      if (at.getFullYear() !== y || at.getMonth() !== m - 1 || at.getDate() !== day || at.getHours() !== h) return null;
      return at;
    }
  }
}

/** What is wrong with `until` seen from `now`: already past, too far, or nothing (null). */
export function hideTimeProblem(until: Date, now: Date): 'past' | 'too_far' | null {
  const secs = Math.floor(until.getTime() / 1000) - Math.floor(now.getTime() / 1000);
  if (secs <= 0) return 'past';
  if (secs > MAX_HIDE_SECS) return 'too_far';
  return null;
}

/** `YYYY-MM-DD` of a local date, for a date input's bounds. */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
