import { INTL_LOCALES as LOCALES, type Lang } from './i18n-core';

const UNITS: Record<Lang, string[]> = {
  fr: ['o', 'Ko', 'Mo', 'Go'],
  nl: ['B', 'kB', 'MB', 'GB'],
  en: ['B', 'KB', 'MB', 'GB'],
  ar: ['بايت', 'كيلوبايت', 'ميغابايت', 'غيغابايت'],
};

// Intl formatters are costly to create and a list formats hundreds of values: one per shape.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as F;
}

/** A byte count for people: "1,5 Mo", "1,5 MB", "1.5 MB" (units of 1024). */
export function formatSize(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < 3) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const rounded = Math.floor(value * 10 ** digits) / 10 ** digits;
  const n = cached(`size:${lang}:${digits}`, () =>
    new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0, useGrouping: false }),
  ).format(rounded);
  return `${n}\u00a0${UNITS[lang][unit]}`;
}

/** A calendar date (YYYY-MM-DD) for people, in the language's usual form. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return cached(`date:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' })).format(d);
}

/** Title suggested from a file name: without extension, separators as spaces. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return [...base.replace(/[_]+/g, ' ').trim()].slice(0, TITLE_MAX).join('');
}

/** The longest title, in Unicode characters (the form says so instead of cutting it). */
export const TITLE_MAX = 200;

/** A title's length in Unicode characters (what a person counts, not UTF-16 units). */
export function titleLength(title: string): number {
  return [...title.trim()].length;
}

/**
 * The title after a file is chosen: the new file's name when the title is empty or is still
 * the one suggested from the previous file; what the person typed is kept.
 */
export function titleAfterChoosing(fileName: string, title: string, suggested: string | null): string {
  if (title.trim() === '' || title === suggested) return titleFromFileName(fileName);
  return title;
}

/** A moment (Unix seconds) for people: weekday, date and time, in the page's time zone. */
export function formatDateTime(unixSecs: number, lang: Lang, timeZone?: string): string {
  return cached(`moment:${lang}:${timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }),
  ).format(new Date(unixSecs * 1000));
}
