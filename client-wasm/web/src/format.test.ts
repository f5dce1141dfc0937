import { describe, expect, it } from 'vitest';
import { TITLE_MAX, formatDate, formatSize, titleAfterChoosing, titleFromFileName, titleLength } from './format';
import { scaledSize } from './image';
import { newMetadata, parseMetadata, viewKind } from './metadata';
import { fromBase64, toBase64 } from './base64';
import { initialLang } from './i18n-core';

describe('formatSize', () => {
  it('uses each language\'s units and decimal separator', () => {
    expect(formatSize(0, 'en')).toBe('0\u00a0B');
    expect(formatSize(512, 'fr')).toBe('512\u00a0o');
    expect(formatSize(1536, 'en')).toBe('1.5\u00a0KB');
    expect(formatSize(1536, 'fr')).toBe('1,5\u00a0Ko');
    expect(formatSize(1536, 'nl')).toBe('1,5\u00a0kB');
    expect(formatSize(50 * 1024 * 1024, 'fr')).toBe('50\u00a0Mo');
    expect(formatSize(500 * 1024 * 1024, 'nl')).toBe('500\u00a0MB');
    expect(formatSize(3 * 1024 ** 3, 'en')).toBe('3\u00a0GB');
    // Arabic: Western digits, Arabic unit names
    expect(formatSize(1536, 'ar')).toBe('1.5\u00a0كيلوبايت');
  });

  it('never rounds a size up past a limit', () => {
    expect(formatSize(1024 * 1024 - 1, 'en')).toBe('1023\u00a0KB');
  });
});

describe('formatDate', () => {
  it('writes dates in full', () => {
    expect(formatDate('2024-05-01', 'fr')).toBe('1 mai 2024');
    expect(formatDate('2024-05-01', 'nl')).toBe('1 mei 2024');
    expect(formatDate('2024-05-01', 'en')).toBe('1 May 2024');
    expect(formatDate('2024-05-01', 'ar')).toBe('1 مايو 2024');
  });
});

describe('helpers', () => {
  it('suggests a title from a file name', () => {
    expect(titleFromFileName('carte_identite.jpg')).toBe('carte identite');
    expect(titleFromFileName('report')).toBe('report');
  });

  it('replaces the title suggested from a first file when a second file is chosen, not a typed one', () => {
    const first = titleAfterChoosing('carte_identite.jpg', '', null);
    expect(first).toBe('carte identite');
    expect(titleAfterChoosing('attestation_cpas.pdf', first, first)).toBe('attestation cpas');
    expect(titleAfterChoosing('attestation_cpas.pdf', 'Ma carte', first)).toBe('Ma carte');
  });

  it('counts a title in characters, and a file name never makes a title longer than the limit', () => {
    expect(titleLength(' été ')).toBe(3);
    expect(titleLength('😀'.repeat(3))).toBe(3);
    expect(titleLength(titleFromFileName(`${'x'.repeat(300)}.pdf`))).toBe(TITLE_MAX);
  });

  it('downscales only above 2000 px, keeping the aspect ratio', () => {
    expect(scaledSize(1999, 1000)).toBeNull();
    expect(scaledSize(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1500, height: 2000 });
  });

  it('chooses how to show a document', () => {
    expect(viewKind('image/jpeg')).toBe('image');
    expect(viewKind('image/webp')).toBe('image');
    expect(viewKind('application/pdf')).toBe('pdf');
    expect(viewKind('text/plain')).toBe('text');
    expect(viewKind('image/gif')).toBe('download');
    expect(viewKind('application/zip')).toBe('download');
  });

  it('writes metadata v1 and keeps unknown fields on reading', () => {
    const m = newMetadata({ title: 'T', category: 'health', fileName: null, mime: 'text/plain', size: 3, date: null, note: null, now: new Date('2026-01-02T03:04:05.678Z') });
    expect(m).toEqual({ v: 1, title: 'T', category: 'health', file_name: null, mime: 'text/plain', size: 3, date: null, note: null, added: '2026-01-02T03:04:05Z' });
    const back = parseMetadata(JSON.stringify({ ...m, future: 42 }));
    expect(back.future).toBe(42);
    expect(() => parseMetadata('{"v":2}')).toThrow();
  });

  it('round-trips base64', () => {
    const bytes = new Uint8Array(100000).map((_, i) => i * 7);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('picks the first language the browser prefers', () => {
    expect(initialLang(['nl-BE', 'fr'])).toBe('nl');
    expect(initialLang(['de-DE', 'en-US'])).toBe('en');
    expect(initialLang(['ar-MA', 'fr'])).toBe('ar');
    expect(initialLang(['ti'])).toBe('fr');
  });
});
