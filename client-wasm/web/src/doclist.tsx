/** A list of documents as buttons: thumbnail or icon, title, category, size; damaged ones say so. */
import { useMemo } from 'preact/hooks';
import { CategoryIcon } from './categories';
import { formatDate, formatSize } from './format';
import { thumbDataUrl, type Metadata } from './metadata';
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
              <DocPicture meta={d.meta} />
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

/**
 * The document's thumbnail, from its decrypted metadata (a data: URL, see thumbDataUrl: no
 * copy of it outside the page, gone with the list); the category's icon when it has none.
 * The title is next to it in the same button, so the picture has an empty text alternative:
 * a screen reader says the title once.
 */
function DocPicture({ meta }: { meta: Metadata }) {
  const url = useMemo(() => thumbDataUrl(meta), [meta]);
  if (!url) return <CategoryIcon category={meta.category} />;
  return <img class="thumb" src={url} alt="" width={64} height={64} decoding="async" data-testid="doc-thumb" />;
}
