import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WEB_DIR } from './paths.mjs';

// The very Fluent library the app uses (from the web app's own dependencies), so the tests
// find elements by exactly the text a person sees: the same plural rules (Arabic's six
// forms too) and the same Unicode isolation marks around every inserted value.
const { FluentBundle, FluentResource } = createRequire(path.join(WEB_DIR, 'package.json'))('@fluent/bundle');

/** The locale the app formats each language with (src/i18n-core.ts, INTL_LOCALES). */
const INTL_LOCALES = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB', ar: 'ar-u-nu-latn' };

/** The languages the app speaks, as its locale files say. */
export const LANGS = ['fr', 'nl', 'en', 'ar'];

/** The Unicode marks Fluent puts around an inserted value. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * Reads the app's own .ftl file of a language and returns `t(id, args)`, which formats a
 * message as the app does; it throws on an unknown message or a missing argument.
 */
export function messages(lang) {
  const src = readFileSync(path.join(WEB_DIR, 'src', 'locales', `${lang}.ftl`), 'utf8');
  const bundle = new FluentBundle(INTL_LOCALES[lang], { useIsolating: true });
  const errors = bundle.addResource(new FluentResource(src));
  if (errors.length) throw new Error(`${lang}.ftl: ${errors.map((e) => e.message).join('; ')}`);
  return (id, args = {}) => {
    const m = bundle.getMessage(id);
    if (!m?.value) throw new Error(`no message ${id} in ${lang}.ftl`);
    const problems = [];
    const out = bundle.formatPattern(m.value, args, problems);
    if (problems.length) throw new Error(`message ${id}: ${problems.map((e) => e.message).join('; ')}`);
    return out;
  };
}
