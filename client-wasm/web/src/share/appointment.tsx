/**
 * Appointment cards (docs/sharing.md): in the last step of Share, "from now" or "only at an
 * appointment" (a day and two hours, Brussels time); then the card to print or keep on the
 * phone, with the time in words and numbers and a QR code.
 */
import type { WorkerCard } from '../api';
import { INTL_LOCALES, type Lang } from '../i18n-core';
import type { MadeLink } from '../session';
import { PrintButton } from '../shared-computer-ui';
import { type Duration, type DurationId } from '../sharing';
import { QrCode, ScreenTitle, useI18n } from '../ui';
import { BRUSSELS, MAX_AHEAD_SECS, TIMES, appointmentWindow, brusselsDay, type Window, type WindowProblem } from './appointment-time';
import type { ShareAction, ShareState } from './flow';
import { DurationPicker, PinDisplay } from './parts';

/** The window the state's day and hours make, or what is wrong with it. */
export function chosenWindow(state: ShareState, maxSecs: number): Window | WindowProblem {
  return appointmentWindow(state.day, state.from, state.until, Math.floor(Date.now() / 1000), maxSecs);
}

function format(lang: Lang, options: Intl.DateTimeFormatOptions, unixSecs: number): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[lang], { ...options, timeZone: BRUSSELS }).format(new Date(unixSecs * 1000));
}

/** The day in words ("mardi 24 novembre 2026") and in numbers ("24/11/2026"), in Brussels. */
export function dayInWords(lang: Lang, unixSecs: number): { words: string; numbers: string } {
  return {
    words: format(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, unixSecs),
    numbers: format(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }, unixSecs),
  };
}

/** An hour in Brussels ("10:00"). */
export function hourOf(lang: Lang, unixSecs: number): string {
  return format(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, unixSecs);
}

/** "From now" with its duration, or "only at an appointment" with its day and hours. */
export function WhenPicker(props: {
  state: ShareState;
  choices: readonly Duration[];
  maxSecs: number;
  busy: boolean;
  dispatch: (a: ShareAction) => void;
}) {
  const { t, lang } = useI18n();
  const { state, dispatch, busy } = props;
  const chosen = state.appointment ? chosenWindow(state, props.maxSecs) : null;
  const nowSecs = Math.floor(Date.now() / 1000);
  return (
    <>
      <fieldset class="stack">
        <legend>{t('appt-when-legend')}</legend>
        <div class="choices">
          <label class="choice">
            <input type="radio" name="share-when" checked={!state.appointment} disabled={busy} onChange={() => dispatch({ type: 'appointment', on: false })} />
            <span>{t('appt-when-now')}</span>
          </label>
          <label class="choice">
            <input type="radio" name="share-when" checked={state.appointment} disabled={busy} onChange={() => dispatch({ type: 'appointment', on: true })} />
            <span>{t('appt-when-appointment')}</span>
          </label>
        </div>
      </fieldset>
      {state.appointment ? (
        <fieldset class="stack" data-testid="appointment-fields">
          <legend>{t('appt-window-legend')}</legend>
          <p class="hint" id="appt-window-help">
            {t('appt-window-help')}
          </p>
          <label for="appt-day">{t('appt-field-day')}</label>
          <input
            id="appt-day"
            type="date"
            value={state.day}
            min={brusselsDay(nowSecs)}
            max={brusselsDay(nowSecs + MAX_AHEAD_SECS)}
            disabled={busy}
            aria-describedby="appt-window-help"
            onInput={(e) => dispatch({ type: 'window', day: e.currentTarget.value })}
          />
          <div class="row appointment-hours">
            <span class="stack">
              <label for="appt-from">{t('appt-field-from')}</label>
              <select id="appt-from" value={state.from} disabled={busy} onChange={(e) => dispatch({ type: 'window', from: e.currentTarget.value })}>
                {TIMES.map((time) => (
                  <option key={time} value={time}>
                    {time}
                  </option>
                ))}
              </select>
            </span>
            <span class="stack">
              <label for="appt-until">{t('appt-field-until')}</label>
              <select id="appt-until" value={state.until} disabled={busy} onChange={(e) => dispatch({ type: 'window', until: e.currentTarget.value })}>
                {TIMES.map((time) => (
                  <option key={time} value={time}>
                    {time}
                  </option>
                ))}
              </select>
            </span>
          </div>
          <p class="hint" aria-live="polite" data-testid="appointment-summary">
            {chosen && typeof chosen === 'object'
              ? t('appt-summary', {
                  day: dayInWords(lang, chosen.opens_at).words,
                  from: hourOf(lang, chosen.opens_at),
                  until: hourOf(lang, chosen.closes_at),
                })
              : ''}
          </p>
        </fieldset>
      ) : (
        <DurationPicker choices={props.choices} value={state.duration} onChange={(d: DurationId) => dispatch({ type: 'duration', duration: d })} />
      )}
    </>
  );
}

/**
 * The appointment card: who, the day and hours, a QR code (the link, or the service's address
 * for a worker, who finds the documents under "Shared with me" once the window opens), and
 * Print (which warns first on a shared computer). The document titles are not on it: a card
 * left on a table says nothing of what it opens.
 */
export function CardStep(props: {
  n: number;
  worker: WorkerCard | null;
  link: MadeLink | null;
  pin: string | null;
  opensAt: number;
  endsAt: number;
  onDone: () => void;
  onShares: () => void;
}) {
  const { t, lang } = useI18n();
  const { worker, link, opensAt, endsAt } = props;
  const day = dayInWords(lang, opensAt);
  const from = hourOf(lang, opensAt);
  const until = hourOf(lang, endsAt);
  const qrText = link ? link.url : `${location.origin}/`;
  return (
    <main class="screen" key="card">
      <ScreenTitle>{t('appt-card-title')}</ScreenTitle>
      <p class="notice no-print" role="status">
        {t('appt-card-made')}
      </p>
      <section class="card sheet appointment-card" aria-labelledby="appt-card-heading" data-testid="appointment-card">
        <h2 id="appt-card-heading">{t('appt-card-heading')}</h2>
        <dl class="facts">
          <dt>{t('appt-card-with')}</dt>
          <dd data-testid="appointment-with">{worker ? t('appt-card-worker', { name: worker.real_name, organisation: worker.organisation }) : t('appt-card-link')}</dd>
          <dt>{t('appt-card-day')}</dt>
          <dd data-testid="appointment-day">
            {day.words} <span dir="ltr">({day.numbers})</span>
          </dd>
          <dt>{t('appt-card-hours')}</dt>
          <dd data-testid="appointment-hours">{t('appt-card-hours-value', { from, until })}</dd>
          <dt>{t('appt-card-documents')}</dt>
          <dd>{props.n}</dd>
        </dl>
        <QrCode text={qrText} label={link ? t('appt-card-qr-link') : t('appt-card-qr-worker')} />
        {link ? (
          <p class="link-text" dir="ltr" data-testid="appointment-link">
            {link.url}
          </p>
        ) : null}
        <p>{worker ? t('appt-card-how-worker', { name: worker.real_name, from, until }) : t('appt-card-how-link', { from, until })}</p>
        {link && props.pin ? <p>{t('appt-card-pin-apart')}</p> : null}
      </section>
      {link && props.pin ? (
        <section class="card stack no-print" aria-labelledby="appt-pin-title">
          <h2 id="appt-pin-title">{t('appt-pin-title')}</h2>
          <PinDisplay pin={props.pin} testId="appointment-pin" />
          <p class="hint">{t('appt-pin-help')}</p>
        </section>
      ) : null}
      <div class="stack no-print">
        <PrintButton label={t('appt-print')} />
        <p class="hint">{t('appt-keep-on-phone')}</p>
        <button type="button" class="primary" onClick={props.onDone}>
          {t('back-to-documents')}
        </button>
        <button type="button" class="secondary" onClick={props.onShares}>
          {t('shares-open')}
        </button>
      </div>
    </main>
  );
}
