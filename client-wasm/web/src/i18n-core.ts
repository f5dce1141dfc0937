import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import fr from './locales/fr.ftl?raw';
import nl from './locales/nl.ftl?raw';
import en from './locales/en.ftl?raw';

export type Lang = 'fr' | 'nl' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'nl', 'en'];
export const FTL_SOURCES: Record<Lang, string> = { fr, nl, en };

export type Args = Record<string, FluentVariable>;
export type Translate = (id: string, args?: Args) => string;

const bundles = new Map<Lang, FluentBundle>();

export function bundleFor(lang: Lang): FluentBundle {
  let b = bundles.get(lang);
  if (!b) {
    // No Unicode isolation marks around placeables: they would end up in pseudonyms and codes
    // a person copies, and all three languages are left-to-right.
    b = new FluentBundle(lang, { useIsolating: false });
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

/** The first of the browser's preferred languages that PDE speaks, else French. */
export function initialLang(preferred: readonly string[]): Lang {
  for (const p of preferred) {
    const code = p.slice(0, 2).toLowerCase();
    if ((LANGS as readonly string[]).includes(code)) return code as Lang;
  }
  return 'fr';
}

/** Names of the languages in their own language (shown in the switch). */
export const LANG_NAMES: Record<Lang, string> = { fr: 'Français', nl: 'Nederlands', en: 'English' };
