/** Step 2 of Share: a worker by card code (typed or scanned), or a link. */
import { useEffect } from 'preact/hooks';
import type { WorkerCard } from '../api';
import { ScreenTitle, useAction, useI18n } from '../ui';
import type { RecordKeeper } from '../wallet-record';
import { WorkerCodeForm } from '../worker-code-form';

/**
 * Type or scan a worker's card code, or choose a link. The worker's key is checked against the
 * card and against the wallet record (`record`, read while the holder types).
 */
export function WhoStep(props: { count: number; record: RecordKeeper; onWorker: (w: WorkerCard) => void; onLink: () => void; onBack: () => void }) {
  const { t } = useI18n();
  useEffect(() => props.record.prefetch(), [props.record]);
  const finding = useAction();
  const { busy } = finding;

  return (
    <main class="screen" key="who">
      <ScreenTitle>{t('share-who-title')}</ScreenTitle>
      <p class="lead">{t('share-picked', { n: props.count })}</p>
      <section class="card" aria-labelledby="who-worker-title">
        <h2 id="who-worker-title">{t('share-who-worker')}</h2>
        <WorkerCodeForm id="worker-code" record={props.record} finding={finding} onFound={props.onWorker} />
      </section>
      <section class="card stack" aria-labelledby="who-link-title">
        <h2 id="who-link-title">{t('share-who-link')}</h2>
        <p>{t('share-who-link-text')}</p>
        <button type="button" class="secondary" disabled={busy} onClick={props.onLink}>
          {t('share-make-link')}
        </button>
      </section>
      <button type="button" class="secondary" disabled={busy} onClick={props.onBack}>
        {t('back')}
      </button>
    </main>
  );
}
