/** A list of documents as buttons: thumbnail or icon, title, category, size; damaged ones say so. */
import { Component } from 'preact';
import { useCallback, useMemo, useRef } from 'preact/hooks';
import { CategoryIcon } from './categories';
import { formatDate, formatSize } from './format';
import { thumbDataUrl, type Metadata } from './metadata';
import { useI18n } from './ui';

export interface ListedDocument {
  id: string;
  meta: Metadata | null;
  damaged: boolean;
}

/**
 * The list renders again each time a batch of documents is decrypted (and the wallet screen
 * on every change): each entry is a memoised component of its own props (id, metadata object,
 * damaged, showDate) and one callback that stays the same, so only new or changed entries are
 * built again, not all 200.
 */
export function DocList(props: { docs: ListedDocument[]; onOpen: (id: string) => void; showDate?: boolean }) {
  const latest = useRef(props.onOpen);
  latest.current = props.onOpen;
  const onOpen = useCallback((id: string) => latest.current(id), []);
  const showDate = props.showDate ?? false;
  return (
    <ul class="docs">
      {props.docs.map((d) => (
        <DocItem key={d.id} id={d.id} meta={d.meta} damaged={d.damaged} showDate={showDate} onOpen={onOpen} />
      ))}
    </ul>
  );
}

interface ItemProps {
  id: string;
  meta: Metadata | null;
  damaged: boolean;
  showDate: boolean;
  onOpen: (id: string) => void;
}

/**
 * One entry, built again only when one of its props changes (a shallow comparison, as
 * preact/compat's memo does, without loading compat); a change of language still reaches
 * it, through the context DocEntryBody reads.
 */
class DocItem extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    const now = this.props;
    return (
      next.id !== now.id || next.meta !== now.meta || next.damaged !== now.damaged || next.showDate !== now.showDate || next.onOpen !== now.onOpen
    );
  }

  override render() {
    return <DocEntryBody {...this.props} />;
  }
}

function DocEntryBody(props: ItemProps) {
  const { t, lang } = useI18n();
  const { id, meta } = props;
  return (
    <li>
      {props.damaged || !meta ? (
        <div class="doc damaged" role="group" aria-label={t('doc-damaged')}>
          <CategoryIcon category="other" />
          <span class="doc-title">{t('doc-damaged')}</span>
        </div>
      ) : (
        <button type="button" class="doc" data-doc={id} onClick={() => props.onOpen(id)}>
          <DocPicture meta={meta} />
          <span class="doc-text">
            <bdi class="doc-title">{meta.title}</bdi>
            <span class="doc-sub">
              {t(`category-${meta.category}`)}
              {props.showDate && meta.date ? ` · ${formatDate(meta.date, lang)}` : ''}
              {` · ${formatSize(meta.size, lang)}`}
            </span>
          </span>
        </button>
      )}
    </li>
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
