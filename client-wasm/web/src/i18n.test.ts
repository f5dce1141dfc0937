import { describe, expect, it } from 'vitest';
import { FluentResource } from '@fluent/bundle';
import { readdirSync, readFileSync } from 'node:fs';
import { FSI, FTL_SOURCES, LANG_NAMES, LANGS, PDI, dirOf, translator, withoutMarks } from './i18n-core';
import { CATEGORIES } from './categories';

function ids(src: string): Set<string> {
  const res = new FluentResource(src);
  const out = new Set<string>();
  for (const m of res.body) out.add(m.id);
  return out;
}

/** The variables ($name) each message of a file uses, in any of its variants. */
function variables(src: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of new FluentResource(src).body) {
    const vars = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const n = node as { type?: string; name?: string };
      if (n.type === 'var' && n.name) vars.add(n.name);
      for (const v of Object.values(node)) walk(v);
    };
    walk(m.value);
    out.set(m.id, vars);
  }
  return out;
}

/** A translated text as a person reads it (without Fluent's isolation marks). */
const plain = (lang: (typeof LANGS)[number]) => {
  const t = translator(lang);
  return (id: string, args?: Parameters<typeof t>[1]) => withoutMarks(t(id, args));
};

const srcDir = new URL('./', import.meta.url);
/** Every argument a message may take, for formatting them all in tests. */
const ARGS = { n: 2, total: 3, level: 'x', seconds: 5, title: 'x', pseudonym: 'x', name: 'x', size: 'x', limit: 'x', free: 'x', used: 'x', quota: 'x', percent: 5, organisation: 'x', when: 'x', code: 'x', pin: 'x', max: 9 };

const sources = readdirSync(srcDir)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(new URL(f, srcDir), 'utf8'))
  .join('\n');

describe('translations', () => {
  it('covers every locale file, and each has a name and a direction', () => {
    const files = readdirSync(new URL('./locales/', import.meta.url)).filter((f) => f.endsWith('.ftl')).map((f) => f.replace(/\.ftl$/, ''));
    expect([...files].sort()).toEqual([...LANGS].sort());
    expect(LANGS).toContain('ar');
    expect(dirOf('ar')).toBe('rtl');
    for (const l of LANGS.filter((x) => x !== 'ar')) expect(dirOf(l)).toBe('ltr');
  });

  it('every message exists in every language, and no language has one the others lack', () => {
    const all = LANGS.map((l) => ids(FTL_SOURCES[l]));
    const union = new Set(all.flatMap((s) => [...s]));
    LANGS.forEach((l, i) => {
      const missing = [...union].filter((id) => !all[i]!.has(id));
      expect(missing, `missing in ${l}.ftl`).toEqual([]);
    });
  });

  it('no language defines a message twice (the second would replace the first)', () => {
    for (const l of LANGS) {
      const seen = new Set<string>();
      const twice: string[] = [];
      for (const m of new FluentResource(FTL_SOURCES[l]).body) {
        if (seen.has(m.id)) twice.push(m.id);
        seen.add(m.id);
      }
      expect(twice, `defined twice in ${l}.ftl`).toEqual([]);
    }
  });

  it('no translation uses a variable the English text does not give', () => {
    const en = variables(FTL_SOURCES.en);
    for (const l of LANGS) {
      const wrong: string[] = [];
      for (const [id, vars] of variables(FTL_SOURCES[l])) {
        for (const v of vars) if (!en.get(id)?.has(v)) wrong.push(`${id}: $${v}`);
      }
      expect(wrong, l).toEqual([]);
    }
  });

  it('names every language in itself, in every language', () => {
    for (const l of LANGS) {
      const t = translator(l);
      for (const x of LANGS) expect(t(`lang-${x}`), `${l} lang-${x}`).toBe(LANG_NAMES[x]);
    }
    expect(LANG_NAMES.ar).toBe('العربية');
  });

  it('isolates inserted values, so a Latin name keeps its place in an Arabic sentence', () => {
    expect(translator('ar')('passphrase-for', { pseudonym: 'loup-calme-42' })).toBe(`الاسم المستعار: ${FSI}loup-calme-42${PDI}`);
    expect(translator('en')('added', { title: 'بطاقة' })).toBe(`“${FSI}بطاقة${PDI}” is saved.`);
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
      ...['active', 'expired', 'revoked', 'locked', 'scheduled'].map((s) => `share-status-${s}`),
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

  it('every language but English is really translated (not copies of English)', () => {
    const en = translator('en');
    for (const l of LANGS.filter((x) => x !== 'en')) {
      const t = translator(l);
      const args = ARGS;
      const same = [...ids(FTL_SOURCES.en)].filter((id) => !id.startsWith('lang-') && !['app-name', 'category-contacts', 'viewer-label', 'doc-count'].includes(id) && t(id, args) === en(id, args));
      expect(same, l).toEqual([]);
    }
  });

  it('plural forms read right', () => {
    const [fr, nl, en, ar] = (['fr', 'nl', 'en', 'ar'] as const).map(plain);
    expect(fr!('doc-count', { n: 1 })).toBe('1 document');
    expect(nl!('doc-count', { n: 3 })).toBe('3 documenten');
    expect(en!('doc-count', { n: 0 })).toBe('empty');
    expect(nl!('err-too_many_attempts', { seconds: 1 })).toContain('1 seconde ');
    expect(fr!('err-too_many_attempts', { seconds: 4 })).toContain('4 secondes');
    expect(en!('err-wrong_pin-left', { n: 1 })).toContain('1 more time');
    expect(fr!('err-wrong_pin-left', { n: 0 })).toContain('bloqué');
    expect(nl!('time-left-days', { n: 3 })).toBe('Nog 3 dagen');
    expect(en!('share-picked', { n: 1 })).toBe('1 document chosen');
    // Arabic: one, two, few (3–10), many (11–99), other (100…)
    expect(ar!('doc-count', { n: 0 })).toBe('فارغة');
    expect(ar!('doc-count', { n: 1 })).toBe('وثيقة واحدة');
    expect(ar!('doc-count', { n: 2 })).toBe('وثيقتان');
    expect(ar!('doc-count', { n: 3 })).toBe('3 وثائق');
    expect(ar!('doc-count', { n: 11 })).toBe('11 وثيقة');
    expect(ar!('doc-count', { n: 100 })).toBe('100 وثيقة');
    expect(ar!('err-too_many_attempts', { seconds: 2 })).toContain('ثانيتين');
    expect(ar!('err-too_many_attempts', { seconds: 5 })).toContain('5 ثوانٍ');
    expect(ar!('time-left-days', { n: 12 })).toBe('بقي 12 يومًا');
    // numbers in Western digits, as the codes and PINs
    expect(ar!('create-step', { n: 1, total: 3 })).toBe('الخطوة 1 من 3');
  });
});
