import { describe, expect, it } from 'vitest';
import { FluentResource } from '@fluent/bundle';
import { readdirSync, readFileSync } from 'node:fs';
import { FTL_SOURCES, LANGS, translator } from './i18n-core';
import { CATEGORIES } from './categories';

function ids(src: string): Set<string> {
  const res = new FluentResource(src);
  const out = new Set<string>();
  for (const m of res.body) out.add(m.id);
  return out;
}

const srcDir = new URL('./', import.meta.url);
/** Every argument a message may take, for formatting them all in tests. */
const ARGS = { n: 2, total: 3, level: 'x', seconds: 5, title: 'x', pseudonym: 'x', name: 'x', size: 'x', limit: 'x', free: 'x', used: 'x', quota: 'x', percent: 5, organisation: 'x', when: 'x', code: 'x', pin: 'x' };

const sources = readdirSync(srcDir)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(new URL(f, srcDir), 'utf8'))
  .join('\n');

describe('translations', () => {
  it('every message exists in all three languages', () => {
    const all = LANGS.map((l) => ids(FTL_SOURCES[l]));
    const union = new Set(all.flatMap((s) => [...s]));
    LANGS.forEach((l, i) => {
      const missing = [...union].filter((id) => !all[i]!.has(id));
      expect(missing, `missing in ${l}.ftl`).toEqual([]);
    });
  });

  it('parses without errors and has no empty message', () => {
    for (const l of LANGS) {
      const t = translator(l);
      for (const id of ids(FTL_SOURCES[l])) expect(t(id, ARGS).trim(), `${l}:${id}`).not.toBe('');
    }
  });

  it('every literal key used in the code is translated', () => {
    const used = new Set<string>();
    for (const m of sources.matchAll(/\bt\(\s*'([a-z0-9_-]+)'/g)) used.add(m[1]!);
    for (const m of sources.matchAll(/'((?:err|pass-level|locked|progress|lang|receipt)-[a-z0-9_-]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(80);
    for (const l of LANGS) {
      const have = ids(FTL_SOURCES[l]);
      expect([...used].filter((k) => !have.has(k)), l).toEqual([]);
    }
  });

  it('every category, language name and error code has a message', () => {
    const codes = ['bad_request', 'invalid_field', 'missing_client_header', 'unauthenticated', 'pseudonym_taken', 'not_found',
      'size_mismatch', 'already_uploaded', 'storage_full', 'payload_too_large', 'internal', 'network', 'damaged', 'locked', 'invalid_input',
      'document_too_large-server', 'quota_exceeded-server',
      'forbidden', 'worker_suspended', 'invitation_invalid', 'invalid_worker_code', 'worker_code_mistyped',
      'worker_not_found', 'share_ended', 'link_locked', 'pin_required', 'wrong_pin', 'wrong_pin-left', 'link-not_found'];
    // keys the code builds from a value
    const built = [
      ...['hour', 'day', 'week', 'month'].map((d) => `duration-${d}`),
      ...['active', 'expired', 'revoked', 'locked'].map((s) => `share-status-${s}`),
      ...['minutes', 'hours', 'days'].map((u) => `time-left-${u}`),
    ];
    for (const l of LANGS) {
      const have = ids(FTL_SOURCES[l]);
      for (const c of CATEGORIES) expect(have.has(`category-${c}`), `${l} category-${c}`).toBe(true);
      for (const x of LANGS) expect(have.has(`lang-${x}`)).toBe(true);
      for (const c of codes) expect(have.has(`err-${c}`), `${l} err-${c}`).toBe(true);
      for (const k of built) expect(have.has(k), `${l} ${k}`).toBe(true);
    }
  });

  it('French and Dutch are really translated (not copies of English)', () => {
    const en = translator('en');
    for (const l of ['fr', 'nl'] as const) {
      const t = translator(l);
      const args = ARGS;
      const same = [...ids(FTL_SOURCES.en)].filter((id) => !id.startsWith('lang-') && !['app-name', 'category-contacts', 'viewer-label', 'doc-count'].includes(id) && t(id, args) === en(id, args));
      expect(same, l).toEqual([]);
    }
  });

  it('plural forms read right', () => {
    expect(translator('fr')('doc-count', { n: 1 })).toBe('1 document');
    expect(translator('nl')('doc-count', { n: 3 })).toBe('3 documenten');
    expect(translator('en')('doc-count', { n: 0 })).toBe('empty');
    expect(translator('nl')('err-too_many_attempts', { seconds: 1 })).toContain('1 seconde ');
    expect(translator('fr')('err-too_many_attempts', { seconds: 4 })).toContain('4 secondes');
    expect(translator('en')('err-wrong_pin-left', { n: 1 })).toContain('1 more time');
    expect(translator('fr')('err-wrong_pin-left', { n: 0 })).toContain('bloqué');
    expect(translator('nl')('time-left-days', { n: 3 })).toBe('Nog 3 dagen');
    expect(translator('en')('share-picked', { n: 1 })).toBe('1 document chosen');
  });
});
