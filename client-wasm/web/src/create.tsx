import { useState } from 'preact/hooks';
import { codeGroups, createAccount, newRecoveryCode, normalizePseudonym } from './auth';
import { PassphraseChooser } from './passphrase';
import { loadCrypto } from './pde';
import { generatePseudonym } from './pseudonym';
import type { Session } from './session';
import { ApiError } from './api';
import { ErrorBox, QrCode, ScreenTitle, errorMessage, useI18n } from './ui';

type Step = 'pseudonym' | 'passphrase' | 'sheet' | 'confirm';

/** Which group of the recovery code the person types back (the 3rd). */
export const CONFIRM_GROUP = 2;

export function CreateScreen(props: { onDone: (s: Session) => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<Step>('pseudonym');
  const [pseudonym, setPseudonym] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [code, setCode] = useState('');
  const [typedBack, setTypedBack] = useState('');

  function pseudonymDone(e: Event) {
    e.preventDefault();
    const p = normalizePseudonym(pseudonym);
    if (p.length < 3 || p.length > 64) {
      setError(t('err-pseudonym-length'));
      return;
    }
    setPseudonym(p);
    setError(null);
    void loadCrypto();
    setStep('passphrase');
  }

  async function passphraseDone(passphrase: string) {
    setBusy(true);
    setError(null);
    try {
      await loadCrypto();
      const recovery = newRecoveryCode();
      const s = await createAccount(pseudonym, passphrase, recovery);
      setCode(recovery);
      setSession(s);
      setStep('sheet');
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'pseudonym_taken' || err.code === 'invalid_field')) {
        setStep('pseudonym');
      }
      setError(errorMessage(t, lang, err));
    }
    setBusy(false);
  }

  function confirmDone(e: Event) {
    e.preventDefault();
    const want = codeGroups(code)[CONFIRM_GROUP] ?? '';
    const got = typedBack.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
    if (got !== want) {
      setError(t('confirm-wrong'));
      return;
    }
    setCode('');
    if (session) props.onDone(session);
  }

  if (step === 'pseudonym') {
    return (
      <main class="screen">
        <ScreenTitle>{t('create-title')}</ScreenTitle>
        <p class="step">{t('create-step', { n: 1, total: 3 })}</p>
        <section class="card">
          <form class="stack" autocomplete="off" onSubmit={pseudonymDone}>
            <h2>{t('pseudonym-title')}</h2>
            <p>{t('pseudonym-help')}</p>
            <label for="new-pseudonym">{t('field-pseudonym')}</label>
            <input
              id="new-pseudonym"
              autocomplete="off"
              autocapitalize="off"
              spellcheck={false}
              maxLength={64}
              value={pseudonym}
              onInput={(e) => setPseudonym(e.currentTarget.value)}
            />
            <button type="button" class="secondary" onClick={() => setPseudonym(generatePseudonym(lang))}>
              {t('pseudonym-generate')}
            </button>
            <ErrorBox message={error} />
            <button type="submit" class="primary">
              {t('next')}
            </button>
            <button type="button" class="secondary" onClick={props.onBack}>
              {t('back')}
            </button>
          </form>
        </section>
      </main>
    );
  }

  if (step === 'passphrase') {
    return (
      <main class="screen">
        <ScreenTitle>{t('create-title')}</ScreenTitle>
        <p class="step">{t('create-step', { n: 2, total: 3 })}</p>
        <p class="lead">{t('passphrase-for', { pseudonym })}</p>
        <section class="card">
          <PassphraseChooser busy={busy} submitLabel={t('create-submit')} onDone={passphraseDone} />
          <p class="status" aria-live="polite">
            {busy ? t('creating') : ''}
          </p>
          <ErrorBox message={error} />
          <button type="button" class="secondary" disabled={busy} onClick={() => setStep('pseudonym')}>
            {t('back')}
          </button>
        </section>
      </main>
    );
  }

  if (step === 'sheet') {
    return (
      <main class="screen sheet-screen">
        <div class="no-print">
          <ScreenTitle>{t('sheet-screen-title')}</ScreenTitle>
          <p class="step">{t('create-step', { n: 3, total: 3 })}</p>
          <p class="lead">{t('sheet-lead')}</p>
        </div>
        <RecoverySheet pseudonym={pseudonym} code={code} />
        <div class="stack no-print">
          <button type="button" class="secondary" onClick={() => window.print()}>
            {t('sheet-print')}
          </button>
          <button type="button" class="primary" onClick={() => setStep('confirm')}>
            {t('sheet-kept')}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main class="screen">
      <ScreenTitle>{t('confirm-title')}</ScreenTitle>
      <section class="card">
        <form class="stack" autocomplete="off" onSubmit={confirmDone}>
          <p>{t('confirm-help', { n: CONFIRM_GROUP + 1 })}</p>
          <label for="confirm-group">{t('confirm-label', { n: CONFIRM_GROUP + 1 })}</label>
          <input
            id="confirm-group"
            class="code-input"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={8}
            value={typedBack}
            onInput={(e) => setTypedBack(e.currentTarget.value)}
          />
          <ErrorBox message={error} />
          <button type="submit" class="primary">
            {t('confirm-submit')}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setError(null);
              setStep('sheet');
            }}
          >
            {t('confirm-show-sheet')}
          </button>
        </form>
      </section>
    </main>
  );
}

/** The printable recovery sheet: pseudonym, code as text and QR, instructions. */
export function RecoverySheet({ pseudonym, code }: { pseudonym: string; code: string }) {
  const { t } = useI18n();
  return (
    <article class="sheet" aria-labelledby="sheet-title" data-testid="recovery-sheet">
      <h2 id="sheet-title">{t('sheet-title')}</h2>
      <dl>
        <dt>{t('field-pseudonym')}</dt>
        <dd class="sheet-pseudonym" data-testid="sheet-pseudonym">
          {pseudonym}
        </dd>
        <dt>{t('field-recovery-code')}</dt>
        <dd class="sheet-code" data-testid="recovery-code">
          {codeGroups(code).map((g, i) => (
            <span key={i} class="group">
              {g}
              {i < codeGroups(code).length - 1 ? '-' : ''}
            </span>
          ))}
        </dd>
      </dl>
      <QrCode text={code} label={t('sheet-qr-label')} />
      <ol class="sheet-steps">
        <li>{t('sheet-step-1')}</li>
        <li>{t('sheet-step-2')}</li>
        <li>{t('sheet-step-3')}</li>
        <li>{t('sheet-step-4')}</li>
      </ol>
    </article>
  );
}
