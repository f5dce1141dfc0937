/**
 * The times of an appointment card (docs/sharing.md, "Appointment cards"): a day and two hours
 * in Brussels time, whatever the device's own time zone (a shared computer may be set to
 * another one), turned into the Unix seconds the server checks, with the checks it makes again.
 */

/** Where the appointments take place. */
export const BRUSSELS = 'Europe/Brussels';

/** The server takes a start up to an hour ago (the hour under way). */
export const PAST_GRACE_SECS = 3600;
/** The furthest ahead an appointment may start (90 days). */
export const MAX_AHEAD_SECS = 90 * 86_400;
/** The shortest window (15 minutes). */
export const MIN_WINDOW_SECS = 900;

/** The longest window of a worker share (90 days) and of a link (7 days), as the server says. */
export const MAX_WORKER_WINDOW_SECS = 90 * 86_400;
export const MAX_LINK_WINDOW_SECS = 7 * 86_400;

/** The hours offered, every half hour from 07:00 to 21:00. */
export const TIMES: readonly string[] = Array.from({ length: 29 }, (_, i) => {
  const minutes = 7 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

export interface Window {
  opens_at: number;
  closes_at: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: BRUSSELS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Brussels calendar day and time of an instant. */
export function brusselsParts(unixSecs: number): { day: string; time: string } {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(new Date(unixSecs * 1000))) p[part.type] = part.value;
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** How far Brussels is ahead of UTC at an instant, in seconds. */
function offsetAt(unixSecs: number): number {
  const p: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(new Date(unixSecs * 1000))) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) / 1000;
  return wall - unixSecs;
}

/**
 * The instant of `day` (`YYYY-MM-DD`) at `time` (`HH:MM`) in Brussels; null when either is
 * missing, not a real date, or a time the clocks skip in spring.
 */
export function brusselsUnix(day: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])) / 1000;
  // The offset at the guess, then at the corrected instant (they differ only near a change).
  let at = wall - offsetAt(wall);
  at = wall - offsetAt(at);
  const back = brusselsParts(at);
  return back.day === day && back.time === time ? at : null;
}

/** The Brussels day `plusDays` after the one holding `unixSecs`, as `YYYY-MM-DD`. */
export function brusselsDay(unixSecs: number, plusDays = 0): string {
  const { day } = brusselsParts(unixSecs);
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + plusDays));
  return next.toISOString().slice(0, 10);
}

export type WindowProblem = 'incomplete' | 'past' | 'too_far' | 'ends_before_start' | 'too_short' | 'too_long';

/**
 * The window of `day` from `from` until `until` (Brussels time), or what is wrong with it
 * seen from `nowSecs`, as the server would refuse it. `maxSecs`: the longest share of its kind.
 */
export function appointmentWindow(day: string, from: string, until: string, nowSecs: number, maxSecs: number): Window | WindowProblem {
  const opens = brusselsUnix(day, from);
  const closes = brusselsUnix(day, until);
  if (opens === null || closes === null) return 'incomplete';
  if (opens < nowSecs - PAST_GRACE_SECS) return 'past';
  if (opens - nowSecs > MAX_AHEAD_SECS) return 'too_far';
  if (closes <= opens) return 'ends_before_start';
  if (closes - opens < MIN_WINDOW_SECS) return 'too_short';
  if (closes - opens > maxSecs) return 'too_long';
  return { opens_at: opens, closes_at: closes };
}
