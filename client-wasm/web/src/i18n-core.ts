import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import fr from './locales/fr.ftl?raw';
import nl from './locales/nl.ftl?raw';
import en from './locales/en.ftl?raw';
import ar from './locales/ar.ftl?raw';

export type Lang = 'fr' | 'nl' | 'en' | 'ar';
/** The languages, in the order the picker lists them. */
export const LANGS: readonly Lang[] = ['fr', 'nl', 'en', 'ar'];
export const FTL_SOURCES: Record<Lang, string> = { fr, nl, en, ar };

/** The languages written right to left: the page gets `dir="rtl"` in them. */
const RTL: ReadonlySet<Lang> = new Set<Lang>(['ar']);
export const dirOf = (lang: Lang): 'rtl' | 'ltr' => (RTL.has(lang) ? 'rtl' : 'ltr');

/**
 * The locale Intl formats numbers, dates and plurals with. Arabic is written with Western
 * digits (`nu-latn`), as in the Maghreb and in Belgium: codes, PINs and pseudonyms have them
 * too, and two digit systems on one screen would confuse.
 */
export const INTL_LOCALES: Record<Lang, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB', ar: 'ar-u-nu-latn' };

export type Args = Record<string, FluentVariable>;
export type Translate = (id: string, args?: Args) => string;

/** The Unicode marks Fluent puts around every inserted value (first strong isolate … pop). */
export const FSI = '\u2068';
export const PDI = '\u2069';

const bundles = new Map<Lang, FluentBundle>();

export function bundleFor(lang: Lang): FluentBundle {
  let b = bundles.get(lang);
  if (!b) {
    // Every inserted value (a pseudonym, a title, a code, a number) is wrapped in Unicode
    // isolation marks, so that a Latin name inside an Arabic sentence (or an Arabic title
    // inside a French one) keeps its own direction and does not reorder the words around it.
    // What a person copies or types out (the recovery code, the card code, the link, the
    // PIN) is shown in its own element, never through a message, so no mark gets copied.
    b = new FluentBundle(INTL_LOCALES[lang], { useIsolating: true });
    const errors = b.addResource(new FluentResource(FTL_SOURCES[lang]));
    if (errors.length) console.error(errors);
    bundles.set(lang, b);
  }
  return b;
}

export function translator(lang: Lang): Translate {
  const bundle = bundleFor(lang);
  return (id, args) => {
    const msg = bundle.getMessage(id);
    if (!msg?.value) return id;
    const errors: Error[] = [];
    const out = bundle.formatPattern(msg.value, args, errors);
    if (errors.length) console.warn(`i18n ${lang}:${id}`, errors.map((e) => e.message));
    return out;
  };
}

/** A translated text without its isolation marks, for where marks have no use (speech). */
export const withoutMarks = (s: string): string => s.replace(/[\u2068\u2069]/g, '');

/** The first of the browser's preferred languages that PDE speaks, else French. */
export function initialLang(preferred: readonly string[]): Lang {
  for (const p of preferred) {
    const code = p.slice(0, 2).toLowerCase();
    if ((LANGS as readonly string[]).includes(code)) return code as Lang;
  }
  return 'fr';
}

/** Names of the languages in their own language (shown in the picker). */
export const LANG_NAMES: Record<Lang, string> = { fr: 'Français', nl: 'Nederlands', en: 'English', ar: 'العربية' };
