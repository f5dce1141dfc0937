/** A list of documents as buttons: icon, title, category, size; damaged ones say so. */
import { CategoryIcon } from './categories';
import { formatDate, formatSize } from './format';
import type { Metadata } from './metadata';
import { useI18n } from './ui';

export interface ListedDocument {
  id: string;
  meta: Metadata | null;
  damaged: boolean;
}

export function DocList(props: { docs: ListedDocument[]; onOpen: (id: string) => void; showDate?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <ul class="docs">
      {props.docs.map((d) => (
        <li key={d.id}>
          {d.damaged || !d.meta ? (
            <div class="doc damaged" role="group" aria-label={t('doc-damaged')}>
              <CategoryIcon category="other" />
              <span class="doc-title">{t('doc-damaged')}</span>
            </div>
          ) : (
            <button type="button" class="doc" data-doc={d.id} onClick={() => props.onOpen(d.id)}>
              <CategoryIcon category={d.meta.category} />
              <span class="doc-text">
                <bdi class="doc-title">{d.meta.title}</bdi>
                <span class="doc-sub">
                  {t(`category-${d.meta.category}`)}
                  {props.showDate && d.meta.date ? ` · ${formatDate(d.meta.date, lang)}` : ''}
                  {` · ${formatSize(d.meta.size, lang)}`}
                </span>
              </span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
