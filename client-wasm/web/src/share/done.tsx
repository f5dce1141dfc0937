/** The last step of Share: what was shared, until when, and where to stop it. */
import type { ComponentChildren } from 'preact';
import type { MadeLink } from '../session';
import { formatDateTime } from '../sharing';
import { ScreenTitle, useI18n } from '../ui';
import { LinkShown } from './parts';

function DoneButtons(props: { onDone: () => void; onShares: () => void }) {
  const { t } = useI18n();
  return (
    <div class="stack">
      <button type="button" class="primary" onClick={props.onDone}>
        {t('back-to-documents')}
      </button>
      <button type="button" class="secondary" onClick={props.onShares}>
        {t('shares-open')}
      </button>
    </div>
  );
}

function Done(props: { stepKey: string; title: string; children: ComponentChildren; onDone: () => void; onShares: () => void }) {
  return (
    <main class="screen" key={props.stepKey}>
      <ScreenTitle>{props.title}</ScreenTitle>
      {props.children}
      <DoneButtons onDone={props.onDone} onShares={props.onShares} />
    </main>
  );
}

export function WorkerDoneStep(props: { n: number; name: string; endsAt: number; onDone: () => void; onShares: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Done stepKey="done" title={t('share-done-title')} onDone={props.onDone} onShares={props.onShares}>
      <p class="notice" role="status">
        {t('share-done-text', { n: props.n, name: props.name, when: formatDateTime(props.endsAt, lang) })}
      </p>
      <p>{t('share-done-revoke')}</p>
    </Done>
  );
}

export function LinkDoneStep(props: { n: number; link: MadeLink; pin: string | null; onDone: () => void; onShares: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Done stepKey="link-done" title={t('link-done-title')} onDone={props.onDone} onShares={props.onShares}>
      <p class="notice" role="status">
        {t('link-done-text', { n: props.n, when: formatDateTime(props.link.expiresAt, lang) })}
      </p>
      <LinkShown url={props.link.url} pin={props.pin} />
      <p>{t('link-done-leave')}</p>
    </Done>
  );
}
