import { useState } from 'preact/hooks';
import { codeGroups, createAccount, newRecoveryCode, normalizePseudonym } from './auth';
import { PassphraseChooser } from './passphrase';
import { loadCrypto } from './pde';
import { generatePseudonym } from './pseudonym';
import type { Session } from './session';
import { ApiError } from './api';
import { ErrorBox, QrCode, ScreenTitle, errorMessage, useI18n } from './ui';

/** Which group of the recovery code the person types back (the 3rd). */
export const CONFIRM_GROUP = 2;

export function CreateScreen(props: { onDone: (s: Session) => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<'pseudonym' | 'keys'>('pseudonym');
  const [pseudonym, setPseudonym] = useState('');
  const [error, setError] = useState<string | null>(null);

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
    setStep('keys');
  }

  if (step === 'keys') {
    return (
      <CredentialSteps
        title={t('create-title')}
        lead={t('passphrase-for', { pseudonym })}
        submitLabel={t('create-submit')}
        busyLabel={t('creating')}
        name={pseudonym}
        kind="holder"
        create={(passphrase, code) => createAccount(pseudonym, passphrase, code)}
        onFirstStep={(message) => {
          setError(message);
          setStep('pseudonym');
        }}
        onDone={props.onDone}
      />
    );
  }

  return (
    <main class="screen" key="pseudonym">
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

/** Server answers that send the person back to the first step (the name they chose). */
const FIRST_STEP_CODES = new Set(['pseudonym_taken', 'invalid_field']);

/**
 * Steps 2 and 3 of every sign-up (a holder's wallet, a worker's account): the passphrase,
 * then the recovery sheet and its check. `create` makes the account with the chosen
 * passphrase and a new recovery code; `onFirstStep` goes back to step 1 with a message.
 */
export function CredentialSteps<S>(props: {
  title: string;
  lead: string;
  submitLabel: string;
  busyLabel: string;
  /** The pseudonym or login name, printed on the sheet. */
  name: string;
  kind: 'holder' | 'worker';
  create: (passphrase: string, recoveryCode: string) => Promise<S>;
  onFirstStep: (message: string) => void;
  /** Errors the caller handles itself (true when handled). */
  onError?: (err: unknown) => boolean;
  onDone: (s: S) => void;
}) {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<'passphrase' | 'sheet' | 'confirm'>('passphrase');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [session, setSession] = useState<S | null>(null);
  const [code, setCode] = useState('');
  const [typedBack, setTypedBack] = useState('');

  async function passphraseDone(passphrase: string) {
    setBusy(true);
    setError(null);
    try {
      await loadCrypto();
      const recovery = newRecoveryCode();
      const s = await props.create(passphrase, recovery);
      setCode(recovery);
      setSession(s);
      setStep('sheet');
    } catch (err) {
      setBusy(false);
      if (props.onError?.(err)) return;
      if (err instanceof ApiError && FIRST_STEP_CODES.has(err.code)) {
        props.onFirstStep(errorMessage(t, lang, err));
        return;
      }
      setError(errorMessage(t, lang, err));
      return;
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

  if (step === 'passphrase') {
    return (
      <main class="screen" key="passphrase">
        <ScreenTitle>{props.title}</ScreenTitle>
        <p class="step">{t('create-step', { n: 2, total: 3 })}</p>
        <p class="lead">{props.lead}</p>
        <section class="card">
          <PassphraseChooser busy={busy} submitLabel={props.submitLabel} onDone={passphraseDone} />
          <p class="status" aria-live="polite">
            {busy ? props.busyLabel : ''}
          </p>
          <ErrorBox message={error} />
          <button type="button" class="secondary" disabled={busy} onClick={() => props.onFirstStep('')}>
            {t('back')}
          </button>
        </section>
      </main>
    );
  }

  if (step === 'sheet') {
    return (
      <main class="screen sheet-screen" key="sheet">
        <div class="no-print">
          <ScreenTitle>{t('sheet-screen-title')}</ScreenTitle>
          <p class="step">{t('create-step', { n: 3, total: 3 })}</p>
          <p class="lead">{t('sheet-lead')}</p>
        </div>
        <RecoverySheet pseudonym={props.name} code={code} kind={props.kind} />
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
    <main class="screen" key="confirm">
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

/** The printable recovery sheet: pseudonym (or a worker's login name), code as text and QR, instructions. */
export function RecoverySheet({ pseudonym, code, kind }: { pseudonym: string; code: string; kind: 'holder' | 'worker' }) {
  const { t } = useI18n();
  const worker = kind === 'worker';
  return (
    <article class="sheet" aria-labelledby="sheet-title" data-testid="recovery-sheet">
      <h2 id="sheet-title">{t('sheet-title')}</h2>
      <dl>
        <dt>{worker ? t('field-login-name') : t('field-pseudonym')}</dt>
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
        <li>{worker ? t('sheet-step-1-worker') : t('sheet-step-1')}</li>
        <li>{t('sheet-step-2')}</li>
        <li>{worker ? t('sheet-step-3-worker') : t('sheet-step-3')}</li>
        <li>{worker ? t('sheet-step-4-worker') : t('sheet-step-4')}</li>
      </ol>
    </article>
  );
}
