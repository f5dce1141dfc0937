/** Step 4 of Share with a worker: how long, and a note; then the share is made. */
import type { WorkerCard } from '../api';
import type { DocEntry, Session } from '../session';
import { NOTE_FROM_MAX, NOTE_MAX, WORKER_DURATIONS, durationSecs, noteJson } from '../sharing';
import { MAX_WORKER_WINDOW_SECS } from './appointment-time';
import { WhenPicker, chosenWindow } from './appointment';
import { ErrorBox, ScreenTitle, useAction, useI18n } from '../ui';
import type { ShareAction, ShareState } from './flow';
import { WhatTheySee } from './parts';

/** The note that goes with a share, encrypted to the worker: who it is from and a text. */
function NoteFields(props: { state: ShareState; worker: WorkerCard; pseudonym: string; busy: boolean; dispatch: (a: ShareAction) => void }) {
  const { t } = useI18n();
  const { state, busy, dispatch } = props;
  return (
    <fieldset class="stack">
      <legend>{t('note-legend', { name: props.worker.real_name })}</legend>
      <label for="note-from">{t('field-note-from')}</label>
      <input
        id="note-from"
        dir="auto"
        autocomplete="off"
        maxLength={NOTE_FROM_MAX}
        aria-describedby="note-from-help"
        value={state.noteFrom}
        disabled={busy}
        onInput={(e) => dispatch({ type: 'noteFrom', value: e.currentTarget.value })}
      />
      <p id="note-from-help" class="hint">
        {t('note-from-help', { pseudonym: props.pseudonym })}
      </p>
      <label for="note-text">{t('field-note-text')}</label>
      <textarea
        id="note-text"
        dir="auto"
        rows={4}
        autocomplete="off"
        maxLength={NOTE_MAX}
        value={state.noteText}
        disabled={busy}
        onInput={(e) => dispatch({ type: 'noteText', value: e.currentTarget.value })}
      />
    </fieldset>
  );
}

export function DetailsStep(props: {
  session: Session;
  state: ShareState;
  worker: WorkerCard;
  chosen: readonly DocEntry[];
  dispatch: (a: ShareAction) => void;
}) {
  const { t } = useI18n();
  const { session, state, worker, chosen, dispatch } = props;
  const sharing = useAction();
  const { busy } = sharing;

  async function share(e: Event) {
    e.preventDefault();
    if (busy) return;
    const when = state.appointment ? chosenWindow(state, MAX_WORKER_WINDOW_SECS) : durationSecs(state.duration);
    if (typeof when === 'string') return dispatch({ type: 'windowInvalid', problem: when });
    const made = await sharing.run(() => session.shareWithWorker(chosen, worker, when, noteJson(state.noteFrom, state.noteText)));
    if (made) dispatch({ type: 'sharedWithWorker', expiresAt: made.expires_at, opensAt: made.opens_at });
  }

  return (
    <main class="screen" key="details">
      <ScreenTitle>{t('share-details-title')}</ScreenTitle>
      <p class="lead">{t('share-summary', { n: chosen.length, name: worker.real_name, organisation: worker.organisation })}</p>
      {worker.verified ? null : (
        <p class="warning" role="note">
          {t('worker-unverified')}
        </p>
      )}
      <WhatTheySee docs={chosen} name={worker.real_name} />
      <form class="stack card" autocomplete="off" onSubmit={share} {...sharing.busyProps}>
        <WhenPicker state={state} choices={WORKER_DURATIONS} maxSecs={MAX_WORKER_WINDOW_SECS} busy={busy} dispatch={dispatch} />
        <NoteFields state={state} worker={worker} pseudonym={session.pseudonym} busy={busy} dispatch={dispatch} />
        <p class="status" aria-live="polite">
          {busy ? t('sharing') : ''}
        </p>
        <ErrorBox message={state.error ? t(state.error) : sharing.box.message} focusKey={state.failures + sharing.box.focusKey} />
        <button type="submit" class="primary" disabled={busy}>
          {t('share-confirm')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => dispatch({ type: 'back' })}>
          {t('back')}
        </button>
      </form>
    </main>
  );
}
