/** Step 1 of Share: pick the documents. */
import { CategoryIcon } from '../categories';
import type { DocEntry } from '../session';
import { ErrorBox, Listen, ScreenTitle, useI18n } from '../ui';
import type { ShareAction, ShareState } from './flow';

export function PickStep(props: {
  state: ShareState;
  docs: readonly DocEntry[];
  chosen: number;
  dispatch: (a: ShareAction) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { state, docs, dispatch } = props;
  return (
    <main class="screen" key="docs">
      <ScreenTitle>{t('share-title')}</ScreenTitle>
      <p class="lead">{t('share-lead')}</p>
      <Listen texts={[t('share-title'), t('share-lead')]} />
      <form
        class="stack card"
        autocomplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          dispatch({ type: 'docsNext', available: docs.map((d) => d.id) });
        }}
      >
        <fieldset class="stack">
          <legend>{t('share-pick-legend')}</legend>
          {docs.length === 0 ? <p>{t('documents-none')}</p> : null}
          <ul class="pick-list">
            {docs.map((d) => (
              <li key={d.id}>
                <label class="pick">
                  <input
                    type="checkbox"
                    checked={state.picked.includes(d.id)}
                    onChange={(e) => dispatch({ type: 'toggle', id: d.id, on: e.currentTarget.checked })}
                  />
                  <CategoryIcon category={d.meta!.category} size={28} />
                  <span class="doc-text">
                    <span class="doc-title">{d.meta!.title}</span>
                    <span class="doc-sub">{t(`category-${d.meta!.category}`)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p class="status" aria-live="polite">
          {props.chosen ? t('share-picked', { n: props.chosen }) : ''}
        </p>
        <ErrorBox message={state.error ? t(state.error) : null} focusKey={state.failures} />
        <button type="submit" class="primary">
          {t('next')}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </form>
    </main>
  );
}
