/** Share as a link: how long, and the PIN options; then the link is made. */
import type { DocEntry, Session } from '../session';
import { LINK_DURATIONS, PIN_FIELD_MAX, durationSecs, generatePin, readPin } from '../sharing';
import { ErrorBox, ScreenTitle, useAction, useI18n } from '../ui';
import { linkPin, type ShareAction, type ShareState } from './flow';
import { MAX_LINK_WINDOW_SECS } from './appointment-time';
import { WhenPicker, chosenWindow } from './appointment';
import { PinDisplay, WhatTheySee } from './parts';

/** Whether the link asks for a PIN, and which (typed, or a new one drawn here). */
function PinOptions(props: { state: ShareState; busy: boolean; dispatch: (a: ShareAction) => void }) {
  const { t } = useI18n();
  const { state, busy, dispatch } = props;
  const pin = readPin(state.pin);
  return (
    <fieldset class="stack">
      <legend>{t('link-pin-legend')}</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={state.usePin}
          disabled={busy}
          aria-describedby={state.usePin ? undefined : 'link-no-pin-risk'}
          onChange={(e) => dispatch({ type: 'usePin', on: e.currentTarget.checked, fresh: generatePin() })}
        />
        {t('link-pin-use')}
      </label>
      {state.usePin ? null : (
        <p class="warning" id="link-no-pin-risk" role="alert">
          {t('link-no-pin-risk')}
        </p>
      )}
      {state.usePin ? (
        <>
          <label for="link-pin">{t('field-pin')}</label>
          <input
            id="link-pin"
            class="pin-input"
            dir="ltr"
            inputMode="numeric"
            maxLength={PIN_FIELD_MAX}
            autocomplete="off"
            aria-describedby="link-pin-help"
            value={state.pin}
            disabled={busy}
            onInput={(e) => dispatch({ type: 'pin', value: e.currentTarget.value })}
          />
          <p id="link-pin-help" class="hint">
            {t('link-pin-help')}
          </p>
          <button type="button" class="secondary" disabled={busy} onClick={() => dispatch({ type: 'pin', value: generatePin() })}>
            {t('link-pin-generate')}
          </button>
          {pin ? <PinDisplay pin={pin} testId="chosen-pin" /> : null}
        </>
      ) : null}
    </fieldset>
  );
}

export function LinkStep(props: { session: Session; state: ShareState; chosen: readonly DocEntry[]; dispatch: (a: ShareAction) => void }) {
  const { t } = useI18n();
  const { session, state, chosen, dispatch } = props;
  const making = useAction();
  const { busy } = making;

  async function make(e: Event) {
    e.preventDefault();
    if (busy) return;
    const when = state.appointment ? chosenWindow(state, MAX_LINK_WINDOW_SECS) : durationSecs(state.duration);
    if (typeof when === 'string') return dispatch({ type: 'windowInvalid', problem: when });
    const pin = linkPin(state);
    if (pin === undefined) return dispatch({ type: 'pinInvalid' });
    dispatch({ type: 'pinValid' });
    const link = await making.run(() => session.shareAsLink(chosen, when, pin, null, location.origin));
    if (link) dispatch({ type: 'linkMade', link, pin });
  }

  // One error at a time: the PIN check's, else the server's.
  const check = state.error ? t(state.error) : null;
  return (
    <main class="screen" key="link">
      <ScreenTitle>{t('link-make-title')}</ScreenTitle>
      <p class="lead">{t('link-summary', { n: chosen.length })}</p>
      <p>{t('link-explain')}</p>
      <WhatTheySee docs={chosen} name={null} />
      <form class="stack card" autocomplete="off" onSubmit={make} {...making.busyProps}>
        <WhenPicker state={state} choices={LINK_DURATIONS} maxSecs={MAX_LINK_WINDOW_SECS} busy={busy} dispatch={dispatch} />
        <PinOptions state={state} busy={busy} dispatch={dispatch} />
        <p class="status" aria-live="polite">
          {busy ? t('sharing') : ''}
        </p>
        <ErrorBox message={check ?? making.box.message} focusKey={state.failures + making.box.focusKey} />
        <button type="submit" class="primary" disabled={busy}>
          {t('link-confirm')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => dispatch({ type: 'back' })}>
          {t('back')}
        </button>
      </form>
    </main>
  );
}
