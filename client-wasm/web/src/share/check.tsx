/** Step 3 of Share with a worker: is this the right person? */
import { ScreenTitle, useI18n } from '../ui';
import type { WorkerCard } from '../api';
import type { ShareAction } from './flow';
import { WorkerFacts } from './parts';

export function CheckStep(props: { worker: WorkerCard; dispatch: (a: ShareAction) => void }) {
  const { t } = useI18n();
  return (
    <main class="screen" key="check">
      <ScreenTitle>{t('share-check-title')}</ScreenTitle>
      <p class="lead">{t('share-check-lead')}</p>
      <WorkerFacts worker={props.worker} />
      <div class="stack">
        <button type="button" class="primary" onClick={() => props.dispatch({ type: 'confirmWorker' })}>
          {t('share-worker-yes')}
        </button>
        <button type="button" class="secondary" onClick={() => props.dispatch({ type: 'back' })}>
          {t('share-worker-no')}
        </button>
      </div>
    </main>
  );
}
