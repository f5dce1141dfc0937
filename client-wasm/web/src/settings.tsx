/**
 * Settings of an open wallet or worker account: "Ways to open my wallet" and "Where my wallet
 * is open" (settings-access.tsx, for both), and for a holder "Download everything"
 * (export-section.tsx) and "Delete my wallet" — what goes and what stays, the pseudonym typed
 * to confirm, then the passphrase or the recovery code as proof.
 */
import { CloseBrowserReminder } from './shared-computer-ui';
import { useRef, useState } from 'preact/hooks';
import { deleteWallet, samePseudonym, type DeletionProof, type OpenSession } from './auth';
import { ExportSection } from './export-section';
import { HelpersSection } from './helpers/settings-helpers';
import type { Session } from './session';
import { SessionsSection, WaysInSection } from './settings-access';
import { ErrorBox, NOT_REMEMBERED, PASSPHRASE_FIELD, ScreenTitle, errorMsg, focusOn, invalidProps, msg, say, useI18n, type Msg } from './ui';

/**
 * How long the server's backups keep a copy of a deleted wallet (docs/operations.md,
 * "Keeping backups"; docs/threat-model.md).
 */
export const BACKUP_RETENTION_DAYS = 30;

type Step = 'home' | 'confirm' | 'proof';

export function SettingsScreen(props: { session: OpenSession; onClose: () => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const { session } = props;
  return (
    <main class="screen">
      <ScreenTitle>{t('settings-title')}</ScreenTitle>
      <WaysInSection session={session} />
      <SessionsSection />
      {session.kind === 'holder' ? (
        <>
          <HelpersSection session={session} />
          <ExportSection session={session} />
          <DeleteSection session={session} onClose={props.onClose} onDeleted={props.onDeleted} />
        </>
      ) : (
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('back')}
        </button>
      )}
    </main>
  );
}

function DeleteSection(props: { session: Session; onClose: () => void; onDeleted: () => void }) {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<Step>('home');
  const [typed, setTyped] = useState('');
  const [method, setMethod] = useState<DeletionProof['method']>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Msg | null>(null);
  const stepTitle = useRef<HTMLHeadingElement>(null);

  const go = (next: Step) => {
    setError(null);
    setStep(next);
    // The new step's heading takes focus, so a screen reader says where the person is.
    setTimeout(() => focusOn(stepTitle.current), 0);
  };

  const confirm = (e: Event) => {
    e.preventDefault();
    if (!samePseudonym(typed, props.session.pseudonym)) {
      setError(msg('wallet-delete-wrong-pseudonym'));
      return;
    }
    setSecret('');
    go('proof');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!secret.trim()) {
      setError(msg(method === 'passphrase' ? 'wallet-delete-need-passphrase' : 'wallet-delete-need-code'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await deleteWallet(props.session, typed, method === 'passphrase' ? { method, passphrase: secret } : { method, code: secret });
    } catch (err) {
      setBusy(false);
      setError(errorMsg(err, method === 'recovery' ? 'recovery' : 'other'));
      return;
    }
    setSecret('');
    props.onDeleted();
  };

  return (
    <>
      <section class="card stack" aria-labelledby="delete-title">
        <h2 id="delete-title" tabIndex={-1} ref={stepTitle}>
          {t('wallet-delete-title')}
        </h2>
        {step === 'home' ? (
          <>
            <p>{t('wallet-delete-goes')}</p>
            <p>{t('wallet-delete-stays', { n: BACKUP_RETENTION_DAYS })}</p>
            <div class="row">
              <button type="button" class="danger" onClick={() => go('confirm')}>
                {t('wallet-delete-start')}
              </button>
              <button type="button" class="secondary" onClick={props.onClose}>
                {t('back')}
              </button>
            </div>
          </>
        ) : step === 'confirm' ? (
          <form class="stack" autocomplete="off" onSubmit={confirm}>
            <p>{t('wallet-delete-confirm-lead')}</p>
            <label for="delete-pseudonym">{t('wallet-delete-confirm-label')}</label>
            <input
              id="delete-pseudonym"
              {...NOT_REMEMBERED}
              dir="auto"
              {...invalidProps('delete-error', error !== null)}
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
            <ErrorBox id="delete-error" message={error ? say(t, lang, error) : null} />
            <div class="row">
              <button type="submit" class="danger">
                {t('wallet-delete-continue')}
              </button>
              <button type="button" class="secondary" onClick={() => go('home')}>
                {t('cancel')}
              </button>
            </div>
          </form>
        ) : (
          <form class="stack" autocomplete="off" onSubmit={(e) => void submit(e)}>
            <p>{t('wallet-delete-proof-lead')}</p>
            <fieldset>
              <legend>{t('wallet-delete-proof-legend')}</legend>
              <label class="check">
                <input
                  type="radio"
                  name="delete-method"
                  checked={method === 'passphrase'}
                  onChange={() => {
                    setMethod('passphrase');
                    setSecret('');
                    setError(null);
                  }}
                />
                {t('field-passphrase')}
              </label>
              <label class="check">
                <input
                  type="radio"
                  name="delete-method"
                  checked={method === 'recovery'}
                  onChange={() => {
                    setMethod('recovery');
                    setSecret('');
                    setError(null);
                  }}
                />
                {t('field-recovery-code')}
              </label>
            </fieldset>
            <label for="delete-secret">{method === 'passphrase' ? t('field-passphrase') : t('field-recovery-code')}</label>
            {method === 'passphrase' ? (
              <input
                id="delete-secret"
                key="passphrase"
                type="password"
                {...PASSPHRASE_FIELD}
                dir="auto"
                {...invalidProps('delete-error', error !== null)}
                value={secret}
                onInput={(e) => setSecret(e.currentTarget.value)}
              />
            ) : (
              <input
                id="delete-secret"
                key="code"
                class="code-input"
                dir="ltr"
                {...NOT_REMEMBERED}
                autocapitalize="characters"
                {...invalidProps('delete-error', error !== null)}
                value={secret}
                onInput={(e) => setSecret(e.currentTarget.value)}
              />
            )}
            <ErrorBox id="delete-error" message={error ? say(t, lang, error) : null} />
            <p class="status" aria-live="polite">
              {busy ? t('wallet-delete-busy') : ''}
            </p>
            <div class="row">
              <button type="submit" class="danger" disabled={busy}>
                {t('wallet-delete-submit')}
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={() => go('home')}>
                {t('cancel')}
              </button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}

/** The page after a deletion: it names nothing of the wallet. */
export function DeletedScreen(props: { onStart: () => void }) {
  const { t } = useI18n();
  return (
    <main class="screen">
      <ScreenTitle>{t('wallet-deleted-title')}</ScreenTitle>
      <p>{t('wallet-deleted-text')}</p>
      <CloseBrowserReminder />
      <button type="button" class="primary" onClick={props.onStart}>
        {t('wallet-deleted-start')}
      </button>
    </main>
  );
}
