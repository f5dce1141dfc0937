import { describe, expect, it } from 'vitest';
import { formatWorkerCode, normalizeWorkerCode, parseWorkerCode } from './workercode';

// The examples of docs/sharing.md.
const EXAMPLES: [number, string][] = [
  [0, '0000-0000-0'],
  [1, '0000-0001-1'],
  [123456789, '003N-QK8N-U'],
  [387564052263, 'B8Y9-W7S7-8'],
  [2 ** 40 - 1, 'ZZZZ-ZZZZ-F'],
];

describe('worker card codes', () => {
  it('formats the examples of the contract', () => {
    for (const [value, code] of EXAMPLES) expect(formatWorkerCode(value)).toBe(code);
  });

  it('parses the examples back', () => {
    for (const [value, code] of EXAMPLES) expect(parseWorkerCode(code)).toEqual({ ok: true, code, value });
  });

  it('ignores case, spaces and dashes, and reads I, L as 1 and O as 0', () => {
    expect(parseWorkerCode('b8y9 w7s7 8')).toEqual({ ok: true, code: 'B8Y9-W7S7-8', value: 387564052263 });
    expect(parseWorkerCode('  b8y9-w7s78 ')).toMatchObject({ ok: true, code: 'B8Y9-W7S7-8' });
    expect(parseWorkerCode('oooo-oooi-l')).toEqual({ ok: true, code: '0000-0001-1', value: 1 });
    expect(parseWorkerCode('OO3N-QK8N-u')).toMatchObject({ ok: true, code: '003N-QK8N-U' });
    expect(normalizeWorkerCode('ab-c d')).toBe('ABCD');
  });

  it('tells a mistyped character (check mismatch) from a malformed code', () => {
    expect(parseWorkerCode('B8Y9-W7S7-9')).toEqual({ ok: false, reason: 'mistyped' });
    expect(parseWorkerCode('B8Y9-W7S8-8')).toEqual({ ok: false, reason: 'mistyped' });
    expect(parseWorkerCode('ZZZZ-ZZZZ-U')).toEqual({ ok: false, reason: 'mistyped' });
    // U is a check character only
    expect(parseWorkerCode('U8Y9-W7S7-8')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseWorkerCode('B8Y9-W7S7-!')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseWorkerCode('B8Y9-W7S7-88')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseWorkerCode('B8Y9/W7S7')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('says when characters are still missing', () => {
    expect(parseWorkerCode('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseWorkerCode(' - ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseWorkerCode('B8Y9')).toEqual({ ok: false, reason: 'short' });
    expect(parseWorkerCode('B8Y9-W7S7')).toEqual({ ok: false, reason: 'short' });
  });

  it('refuses values outside 40 bits', () => {
    expect(() => formatWorkerCode(2 ** 40)).toThrow();
    expect(() => formatWorkerCode(-1)).toThrow();
    expect(() => formatWorkerCode(1.5)).toThrow();
  });
});
