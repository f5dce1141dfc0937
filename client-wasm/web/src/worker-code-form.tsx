/**
 * A social worker by their card code, typed or scanned: the field, what the typed code looks
 * like, the server's answer, and the scanner. Used to share with a worker (share/who.tsx) and
 * to choose one as a trusted helper (helpers/settings-helpers.tsx). The worker's key is checked
 * against the card and against the wallet record (wallet-record.ts).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { WorkerCard } from './api';
import { QrScanner, useCanScan } from './scan';
import { msg, useI18n, type Action } from './ui';
import { findRememberedWorker, type RecordKeeper } from './wallet-record';
import { parseWorkerCode } from './workercode';
import { readWorkerCard } from './worker-key';

export function WorkerCodeForm(props: {
  /** The field's id (the hint and help ids derive from it). */
  id: string;
  record: RecordKeeper;
  /** The lookup's action, owned by the caller so that its other buttons wait with it. */
  finding: Action;
  onFound: (w: WorkerCard) => void;
  /** Above the field (a heading). */
  heading?: ComponentChildren;
  /** More buttons beside "Find", e.g. Back. */
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const canScan = useCanScan();
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const { finding } = props;
  const { busy, error } = finding;
  const check = parseWorkerCode(code);
  const hint = !check.ok && check.reason === 'mistyped' ? t('code-hint-mistyped') : !check.ok && check.reason === 'malformed' ? t('code-hint-malformed') : null;
  // One sentence at a time under the field: the server's answer once there is one, else what
  // the typed code looks like (never "complete" next to "nobody has this code").
  const shown = error ?? hint ?? (check.ok ? t('code-hint-ok', { code: check.code }) : '');

  /** Looks the worker up; `fingerprint` is the whole key fingerprint of a scanned card. */
  async function find(typed: string, fingerprint: Uint8Array | null = null) {
    const c = parseWorkerCode(typed);
    if (!c.ok) {
      // A mistyped or malformed code: the hint under the field already says so, once.
      if (c.reason === 'empty' || c.reason === 'short') finding.fail(msg('code-hint-short'));
      document.getElementById(props.id)?.focus();
      return;
    }
    const w = await finding.run(() => findRememberedWorker({ code: c.code, fingerprint }, props.record));
    if (w) props.onFound(w);
  }

  return (
    <form
      class="stack"
      autocomplete="off"
      {...finding.busyProps}
      onSubmit={(e) => {
        e.preventDefault();
        void find(code);
      }}
    >
      {props.heading}
      <label for={props.id}>{t('field-worker-code')}</label>
      <input
        id={props.id}
        class="code-input"
        dir="ltr"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        maxLength={20}
        aria-describedby={`${props.id}-help ${props.id}-hint`}
        aria-invalid={hint || error ? true : undefined}
        value={code}
        disabled={busy}
        onInput={(e) => {
          setCode(e.currentTarget.value);
          finding.fail(null);
        }}
      />
      <p id={`${props.id}-help`} class="hint">
        {t('code-help')}
      </p>
      <p id={`${props.id}-hint`} class={error ? 'code-hint error' : 'code-hint'} role={error ? 'alert' : undefined} aria-live="polite">
        {shown}
      </p>
      <p class="status" aria-live="polite">
        {busy ? t('share-finding') : ''}
      </p>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t('share-find-worker')}
        </button>
        {canScan && !scanning ? (
          <button type="button" class="secondary" disabled={busy} onClick={() => setScanning(true)}>
            {t('share-scan')}
          </button>
        ) : null}
        {props.children}
      </div>
      {scanning ? (
        <QrScanner
          wrongKind={t('scan-not-a-card')}
          onText={(text) => {
            const card = readWorkerCard(text);
            if (!card) return false;
            setScanning(false);
            setCode(card.code);
            void find(card.code, card.fingerprint);
            return true;
          }}
          onClose={() => setScanning(false)}
        />
      ) : null}
    </form>
  );
}
