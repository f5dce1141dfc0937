import { formatDate, formatSize } from './format';
import { translator, type Lang } from './i18n-core';

/**
 * Makes the Intl formatters of `lang` (numbers, plurals, dates) while the page is idle.
 * The first Intl object of a language loads that language's data, which costs about a
 * hundred milliseconds on a slow phone; without this it happens on the first render of the
 * wallet's list, just after the wallet opens, where it is felt.
 */
export function warmIntlWhenIdle(lang: Lang): () => void {
  const warm = () => {
    const t = translator(lang);
    t('doc-count', { n: 2 });
    formatSize(1536, lang);
    formatSize(15, lang);
    formatDate('2026-01-31', lang);
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(warm, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(warm, 200);
  return () => clearTimeout(id);
}
