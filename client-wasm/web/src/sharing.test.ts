import { describe, expect, it } from 'vitest';
import type { Receipt } from './api';
import {
  DEFAULT_DURATION, LINK_DURATIONS, WORKER_DURATIONS, addressWithoutSecret, cleanPin, durationSecs, endTime,
  formatDateTime, generatePin, groupPin, isPin, linkUrl, PIN_FIELD_MAX, readPin, newestFirst, noteJson, parseNote, parseRoute,
  receiptCounts, resolveTitles, shownStatus, sortReceipts, timeLeft, validRealName,
} from './sharing';

describe('durations', () => {
  it('offers 1 hour, 1 day, 7 days, 30 days to a worker and up to 7 days for a link', () => {
    expect(WORKER_DURATIONS.map((d) => d.secs)).toEqual([3600, 86400, 604800, 2592000]);
    expect(LINK_DURATIONS.map((d) => d.id)).toEqual(['hour', 'day', 'week']);
    expect(DEFAULT_DURATION).toBe('day');
    expect(durationSecs('week')).toBe(604800);
    // within what the server accepts
    for (const d of WORKER_DURATIONS) expect(d.secs).toBeLessThanOrEqual(7_776_000);
    for (const d of LINK_DURATIONS) expect(d.secs).toBeLessThanOrEqual(604_800);
  });

  it('computes the end time in Unix seconds', () => {
    expect(endTime(1_700_000_000_999, 3600)).toBe(1_700_003_600);
  });
});

describe('times', () => {
  // 2024-05-03 12:05:00 UTC = 14:05 in Brussels (summer time)
  const t = Date.UTC(2024, 4, 3, 12, 5) / 1000;

  it('writes an end time with weekday, date and time in each language', () => {
    expect(formatDateTime(t, 'fr', 'Europe/Brussels')).toBe('vendredi 3 mai 2024 à 14:05');
    expect(formatDateTime(t, 'nl', 'Europe/Brussels')).toBe('vrijdag 3 mei 2024 om 14:05');
    expect(formatDateTime(t, 'en', 'Europe/Brussels')).toBe('Friday, 3 May 2024 at 14:05');
  });

  it('tells the time left in minutes, hours or days', () => {
    const now = t * 1000;
    expect(timeLeft(t + 30, now)).toEqual({ unit: 'minutes', n: 1 });
    expect(timeLeft(t + 59 * 60 + 59, now)).toEqual({ unit: 'minutes', n: 59 });
    expect(timeLeft(t + 2 * 3600 - 1, now)).toEqual({ unit: 'minutes', n: 119 });
    expect(timeLeft(t + 2 * 3600, now)).toEqual({ unit: 'hours', n: 2 });
    expect(timeLeft(t + 2 * 3600 + 1799, now)).toEqual({ unit: 'hours', n: 2 });
    expect(timeLeft(t + 47 * 3600 + 1800, now)).toEqual({ unit: 'hours', n: 48 });
    expect(timeLeft(t + 2 * 86400, now)).toEqual({ unit: 'days', n: 2 });
    expect(timeLeft(t + 7 * 86400 - 5, now)).toEqual({ unit: 'days', n: 7 });
    expect(timeLeft(t + 30 * 86400, now)).toEqual({ unit: 'days', n: 30 });
    expect(timeLeft(t, now)).toBeNull();
    expect(timeLeft(t - 10, now)).toBeNull();
  });

  it('shows an active share past its end as ended', () => {
    expect(shownStatus({ status: 'active', expires_at: 100, opens_at: null }, 99_000)).toBe('active');
    expect(shownStatus({ status: 'active', expires_at: 100, opens_at: null }, 100_000)).toBe('expired');
    expect(shownStatus({ status: 'revoked', expires_at: 100, opens_at: null }, 1)).toBe('revoked');
    expect(shownStatus({ status: 'locked', expires_at: 100, opens_at: null }, 1)).toBe('locked');
    // An appointment: scheduled until its window opens, then active, then ended.
    expect(shownStatus({ status: 'scheduled', expires_at: 100, opens_at: 50 }, 49_000)).toBe('scheduled');
    expect(shownStatus({ status: 'scheduled', expires_at: 100, opens_at: 50 }, 50_000)).toBe('active');
    expect(shownStatus({ status: 'scheduled', expires_at: 100, opens_at: 50 }, 100_000)).toBe('expired');
  });
});

describe('shares and receipts', () => {
  const r = (document_id: string, at: number, action: Receipt['action'] = 'open'): Receipt => ({ document_id, at, action, by: 'worker' });

  it('sorts shares and receipts newest first', () => {
    expect(newestFirst([{ created_at: 1 }, { created_at: 3 }, { created_at: 2 }]).map((s) => s.created_at)).toEqual([3, 2, 1]);
    expect(sortReceipts([r('a', 5), r('b', 9), r('a', 7)]).map((x) => x.at)).toEqual([9, 7, 5]);
  });

  it('counts openings and downloads per document', () => {
    const counts = receiptCounts([r('a', 1), r('a', 2), r('a', 3, 'download'), r('b', 4)]);
    expect(counts.get('a')).toEqual({ open: 2, download: 1 });
    expect(counts.get('b')).toEqual({ open: 1, download: 0 });
    expect(counts.get('c')).toBeUndefined();
  });

  it('finds titles in the holder\'s list, null for a deleted document', () => {
    expect(resolveTitles(['x', 'y'], new Map([['x', 'Carte d’identité']]))).toEqual([
      { id: 'x', title: 'Carte d’identité' },
      { id: 'y', title: null },
    ]);
  });
});

describe('notes', () => {
  it('writes note JSON v1, or nothing when both fields are empty', () => {
    expect(noteJson('  Marie ', ' Pour le CPAS ')).toBe('{"v":1,"from":"Marie","text":"Pour le CPAS"}');
    expect(noteJson('', 'Bonjour')).toBe('{"v":1,"from":null,"text":"Bonjour"}');
    expect(noteJson('Marie', '')).toBe('{"v":1,"from":"Marie","text":""}');
    expect(noteJson(' ', '\n')).toBeNull();
    expect(JSON.parse(noteJson('', 'x'.repeat(3000))!).text).toHaveLength(2000);
  });

  it('reads a note back, and refuses what is not one', () => {
    expect(parseNote('{"v":1,"from":"Marie","text":"Bonjour"}')).toEqual({ from: 'Marie', text: 'Bonjour' });
    expect(parseNote('{"v":1,"from":null,"text":"x","later":true}')).toEqual({ from: null, text: 'x' });
    expect(parseNote('{"v":2,"text":"x"}')).toBeNull();
    expect(parseNote('not json')).toBeNull();
  });
});

describe('PINs', () => {
  it('accepts exactly 6 digits', () => {
    expect(isPin('012345')).toBe(true);
    expect(isPin('12345')).toBe(false);
    expect(isPin('1234567')).toBe(false);
    expect(isPin('12a456')).toBe(false);
    expect(cleanPin(' 12-34 5678')).toBe('123456');
  });

  it('reads a PIN typed as it is shown ("123 456"), or with dashes or dots, and nothing else', () => {
    expect(groupPin('012345')).toBe('012 345');
    expect(readPin(groupPin('012345'))).toBe('012345');
    expect(readPin('123456')).toBe('123456');
    expect(readPin(' 123 456 ')).toBe('123456');
    expect(readPin('1 2 3 4 5 6')).toBe('123456');
    expect(readPin('123-456')).toBe('123456');
    expect(readPin('123.456')).toBe('123456');
    expect(readPin('123\u00a0456')).toBe('123456');
    expect(readPin('12345')).toBeNull();
    expect(readPin('1234567')).toBeNull();
    expect(readPin('123 45a')).toBeNull();
    expect(readPin('')).toBeNull();
    // the field lets the spaced form in
    expect('1 2 3 4 5 6'.length).toBeLessThanOrEqual(PIN_FIELD_MAX);
  });

  it('makes up uniform 6-digit PINs, keeping leading zeros', () => {
    const fixed = (v: number) => (out: Uint32Array) => {
      out[0] = v;
      return out;
    };
    expect(generatePin(fixed(42))).toBe('000042');
    expect(generatePin(fixed(999_999))).toBe('999999');
    for (let i = 0; i < 50; i++) expect(isPin(generatePin())).toBe(true);
  });
});

describe('addresses', () => {
  const id = '0123456789abcdef0123456789abcdef';
  const secret = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

  it('writes a share link', () => {
    expect(linkUrl('https://pde.example', id, secret)).toBe(`https://pde.example/s/${id}#${secret}`);
  });

  it('routes /join and /s/<id> and keeps their secret out of the address', () => {
    const token = 'ab'.repeat(16);
    expect(parseRoute('/join', `#${token}`)).toEqual({ kind: 'join', token });
    expect(parseRoute('/join', '')).toEqual({ kind: 'join', token: null });
    expect(parseRoute('/join', '#nothex')).toEqual({ kind: 'join', token: null });
    expect(parseRoute(`/s/${id}`, `#${secret}`)).toEqual({ kind: 'link', id, secret });
    expect(parseRoute(`/s/${id}`, '')).toEqual({ kind: 'link', id, secret: null });
    expect(parseRoute('/', '')).toEqual({ kind: 'app' });
    expect(parseRoute('/s/short', '#x')).toEqual({ kind: 'app' });
    expect(addressWithoutSecret(parseRoute(`/s/${id}`, `#${secret}`), `/s/${id}`)).toBe(`/s/${id}`);
    expect(addressWithoutSecret(parseRoute('/join', `#${token}`), '/join')).toBe('/join');
  });
});

describe('workers', () => {
  it('checks a real name as the server does', () => {
    expect(validRealName('Jo')).toBe(true);
    expect(validRealName(' J ')).toBe(false);
    expect(validRealName('Anne\u0007Dupont')).toBe(false);
    expect(validRealName('é'.repeat(100))).toBe(true);
    expect(validRealName('é'.repeat(101))).toBe(false);
  });
});
