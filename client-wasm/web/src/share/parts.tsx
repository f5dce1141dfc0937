/** The pieces the Share steps and My shares have in common. */
import { useState } from 'preact/hooks';
import type { WorkerCard } from '../api';
import { formatDate, formatSize } from '../format';
import type { DocEntry, Session } from '../session';
import { durationSecs, endTime, formatDateTime, groupPin, type Duration, type DurationId } from '../sharing';
import { QrCode, useI18n } from '../ui';
import { WorkerBadge } from '../worker';

/** Documents that can be shared: decrypted, newest first. */
export function shareable(session: Session): DocEntry[] {
  return session.docs.filter((d) => d.handle !== null && d.meta && !d.damaged).sort((a, b) => b.createdAt - a.createdAt);
}

/** A PIN in large digits, in two groups ("123 456"); screen readers get it digit by digit. */
export function PinDisplay({ pin, testId }: { pin: string; testId: string }) {
  const { t } = useI18n();
  return (
    <p class="pin-big" dir="ltr">
      <span class="visually-hidden">{t('link-pin-spoken', { pin: pin.split('').join(' ') })}</span>
      <span aria-hidden="true" data-testid={testId}>
        {groupPin(pin)}
      </span>
    </p>
  );
}

/**
 * A link just made: QR code, the address with Copy (and Share, where the browser has the Web
 * Share API), then the PIN to say aloud. The PIN is never put into what is copied or shared.
 */
export function LinkShown({ url, pin }: { url: string; pin: string | null }) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  const canShare = typeof navigator.share === 'function';

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setSaid(t('link-copied'));
    } catch {
      // No clipboard (permission refused, old browser): select the text for a manual copy.
      const el = document.querySelector('[data-testid="share-link"]');
      if (el) getSelection()?.selectAllChildren(el);
      setSaid(t('link-copy-failed'));
    }
  }

  async function share() {
    try {
      await navigator.share({ title: t('link-share-title'), url });
    } catch {
      /* the person closed the share sheet */
    }
  }

  return (
    <section class="card stack" aria-labelledby="link-show-title">
      <h2 id="link-show-title">{t('link-show-title')}</h2>
      <QrCode text={url} label={t('link-qr-label')} />
      <p class="link-text" data-testid="share-link" dir="ltr">
        {url}
      </p>
      <div class="row">
        <button type="button" class="secondary" onClick={() => void copy()}>
          {t('link-copy')}
        </button>
        {canShare ? (
          <button type="button" class="secondary" onClick={() => void share()}>
            {t('link-share')}
          </button>
        ) : null}
      </div>
      <p class="status" role="status">
        {said}
      </p>
      {pin ? (
        <>
          <p>{t('link-pin-reminder')}</p>
          <PinDisplay pin={pin} testId="share-pin" />
          <p class="hint">{t('link-pin-not-copied')}</p>
        </>
      ) : (
        <p class="warning">{t('link-no-pin-warning')}</p>
      )}
    </section>
  );
}

/**
 * Exactly what the person the documents go to will be able to read: everything a document's
 * metadata holds travels with it (title, category, date, note, file), since sharing gives
 * them the document's key D and the metadata is encrypted to D (docs/formats.md).
 */
export function WhatTheySee({ docs, name }: { docs: readonly DocEntry[]; name: string | null }) {
  const { t, lang } = useI18n();
  return (
    <section class="card stack" aria-labelledby="seen-title" data-testid="what-they-see">
      <h2 id="seen-title">{name ? t('seen-title', { name }) : t('seen-title-link')}</h2>
      <p>{t('seen-lead')}</p>
      <ul class="seen-list">
        {docs.map((d) => {
          const m = d.meta!;
          return (
            <li key={d.id}>
              <p class="seen-title">{m.title}</p>
              <dl class="facts">
                <dt>{t('seen-category')}</dt>
                <dd>{t(`category-${m.category}`)}</dd>
                <dt>{t('seen-date')}</dt>
                <dd>{m.date ? formatDate(m.date, lang) : t('seen-none')}</dd>
                <dt>{t('seen-note')}</dt>
                <dd>{m.note ? m.note : t('seen-none')}</dd>
                <dt>{t('seen-file')}</dt>
                <dd>{m.file_name ? `${m.file_name} (${formatSize(m.size, lang)})` : t('seen-file-text', { size: formatSize(m.size, lang) })}</dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Who a worker is, as the server knows them, with a clear warning when nobody checked. */
export function WorkerFacts({ worker }: { worker: WorkerCard }) {
  const { t } = useI18n();
  return (
    <section
      class={`card worker-facts ${worker.verified ? 'verified' : 'unverified'}`}
      aria-labelledby="worker-facts-title"
      data-testid="worker-facts"
    >
      <WorkerBadge verified={worker.verified} short={false} />
      <h2 id="worker-facts-title" class="worker-name" data-testid="worker-name">
        {worker.real_name}
      </h2>
      <dl class="facts">
        <dt>{t('worker-organisation')}</dt>
        <dd data-testid="worker-organisation">{worker.organisation}</dd>
        <dt>{t('worker-card-code')}</dt>
        <dd class="code" dir="ltr">{worker.code}</dd>
      </dl>
      {worker.verified ? (
        <p class="notice" data-testid="worker-verified">
          {t('worker-verified')}
        </p>
      ) : (
        <p class="warning" role="alert" data-testid="worker-unverified">
          {t('worker-unverified')}
        </p>
      )}
    </section>
  );
}

/** How long the share lasts, with the time it ends. */
export function DurationPicker(props: { choices: readonly Duration[]; value: DurationId; onChange: (d: DurationId) => void }) {
  const { t, lang } = useI18n();
  const now = Date.now();
  return (
    <fieldset class="stack">
      <legend>{t('field-duration')}</legend>
      <div class="choices">
        {props.choices.map((d) => (
          <label class="choice" key={d.id}>
            <input type="radio" name="share-duration" value={d.id} checked={props.value === d.id} onChange={() => props.onChange(d.id)} />
            <span>{t(`duration-${d.id}`)}</span>
          </label>
        ))}
      </div>
      <p class="hint" aria-live="polite">
        {t('share-ends-at', { when: formatDateTime(endTime(now, durationSecs(props.value)), lang) })}
      </p>
    </fieldset>
  );
}
