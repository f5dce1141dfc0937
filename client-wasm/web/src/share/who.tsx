/** Step 2 of Share: a worker by card code (typed or scanned), or a link. */
import { useEffect, useState } from 'preact/hooks';
import type { WorkerCard } from '../api';
import { QrScanner, useCanScan } from '../scan';
import { ScreenTitle, msg, useAction, useI18n } from '../ui';
import { findRememberedWorker, type RecordKeeper } from '../wallet-record';
import { parseWorkerCode } from '../workercode';
import { readWorkerCard } from '../worker-key';

/**
 * Type or scan a worker's card code, or choose a link. The worker's key is checked against the
 * card and against the wallet record (`record`, read while the holder types).
 */
export function WhoStep(props: { count: number; record: RecordKeeper; onWorker: (w: WorkerCard) => void; onLink: () => void; onBack: () => void }) {
  const { t } = useI18n();
  useEffect(() => props.record.prefetch(), [props.record]);
  const canScan = useCanScan();
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const finding = useAction();
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
      document.getElementById('worker-code')?.focus();
      return;
    }
    const w = await finding.run(() => findRememberedWorker({ code: c.code, fingerprint }, props.record));
    if (w) props.onWorker(w);
  }

  return (
    <main class="screen" key="who">
      <ScreenTitle>{t('share-who-title')}</ScreenTitle>
      <p class="lead">{t('share-picked', { n: props.count })}</p>
      <section class="card" aria-labelledby="who-worker-title">
        <h2 id="who-worker-title">{t('share-who-worker')}</h2>
        <form
          class="stack"
          autocomplete="off"
          {...finding.busyProps}
          onSubmit={(e) => {
            e.preventDefault();
            void find(code);
          }}
        >
          <label for="worker-code">{t('field-worker-code')}</label>
          <input
            id="worker-code"
            class="code-input"
            dir="ltr"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={20}
            aria-describedby="worker-code-help worker-code-hint"
            aria-invalid={hint || error ? true : undefined}
            value={code}
            disabled={busy}
            onInput={(e) => {
              setCode(e.currentTarget.value);
              finding.fail(null);
            }}
          />
          <p id="worker-code-help" class="hint">
            {t('code-help')}
          </p>
          <p id="worker-code-hint" class={error ? 'code-hint error' : 'code-hint'} role={error ? 'alert' : undefined} aria-live="polite">
            {shown}
          </p>
          <p class="status" aria-live="polite">
            {busy ? t('share-finding') : ''}
          </p>
          <button type="submit" class="primary" disabled={busy}>
            {t('share-find-worker')}
          </button>
          {canScan && !scanning ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => setScanning(true)}>
              {t('share-scan')}
            </button>
          ) : null}
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
