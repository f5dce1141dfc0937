import { useReducer, useState } from 'preact/hooks';
import { CONFIRM_GROUP, credentialReducer, initialCredentials } from './signup-flow';
import { codeGroups, createAccount, createAccountWithPasskey, newRecoveryCode, normalizePseudonym, setNewPassphrase } from './auth';
import { passkeysSupported } from './passkeys';
import { PassphraseChooser, useGeneratedWords, type GeneratedWords } from './passphrase';
import { useNav } from './nav';
import { formatDate } from './format';
import { prepareKdf } from './pde';
import { generatePseudonym } from './pseudonym';
import type { Session } from './session';
import { ApiError, type ApiErrorCode } from './api';
import type { Translate } from './i18n-core';
import { ErrorBox, Listen, QrCode, ScreenTitle, errorMsg, invalidProps, msg, say, useAction, useI18n, type Msg } from './ui';
import { PrintButton } from './shared-computer-ui';

export { CONFIRM_GROUP } from './signup-flow';

export function CreateScreen(props: { onCreated: (s: Session) => void; onDone: (s: Session) => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  // Step 1 → 2 is a history entry: Back returns to the pseudonym.
  const [step, setStep, swapStep] = useNav<'pseudonym' | 'keys'>('createStep', 'pseudonym');
  const [pseudonym, setPseudonym] = useState('');
  const [error, setError] = useState<Msg | null>(null);
  const generated = useGeneratedWords();

  function pseudonymDone(e: Event) {
    e.preventDefault();
    const p = normalizePseudonym(pseudonym);
    if (p.length < 3 || p.length > 64) {
      setError(msg('err-pseudonym-length'));
      return;
    }
    setPseudonym(p);
    setError(null);
    // The worker and Argon2id's memory, ready by the time the new wallet is made.
    prepareKdf();
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
        generated={generated}
        create={(passphrase, code) => createAccount(pseudonym, passphrase, code)}
        viaPasskey={
          passkeysSupported()
            ? async (code) => {
                const made = await createAccountWithPasskey(pseudonym, code);
                return {
                  s: made.session,
                  needsPassphrase: made.unlocks ? null : (passphrase: string) => setNewPassphrase(made.session, passphrase, false, made.passphraseAuth),
                };
              }
            : undefined
        }
        onCreated={props.onCreated}
        onFirstStep={(message) => {
          if (!message) return history.back();
          setError(message);
          swapStep('pseudonym');
        }}
        onDone={props.onDone}
      />
    );
  }

  return (
    <main class="screen" key="pseudonym">
      <ScreenTitle>{t('create-title')}</ScreenTitle>
      <p class="step">{t('create-step', { n: 1, total: 3 })}</p>
      <Listen texts={[t('create-title'), t('pseudonym-title'), t('pseudonym-help')]} />
      <section class="card">
        <form class="stack" autocomplete="off" onSubmit={pseudonymDone}>
          <h2>{t('pseudonym-title')}</h2>
          <p>{t('pseudonym-help')}</p>
          <label for="new-pseudonym">{t('field-pseudonym')}</label>
          <input
            id="new-pseudonym"
            dir="auto"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            maxLength={64}
            {...invalidProps('new-pseudonym-error', error !== null)}
            value={pseudonym}
            onInput={(e) => setPseudonym(e.currentTarget.value)}
          />
          <ErrorBox id="new-pseudonym-error" message={error ? say(t, lang, error) : null} />
          <button type="button" class="secondary" onClick={() => setPseudonym(generatePseudonym(lang))}>
            {t('pseudonym-generate')}
          </button>
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
const FIRST_STEP_CODES: ReadonlySet<ApiErrorCode> = new Set(['pseudonym_taken', 'invalid_field']);

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
  /** The generated words, kept by the caller across its steps and language switches. */
  generated?: GeneratedWords;
  create: (passphrase: string, recoveryCode: string) => Promise<S>;
  /**
   * Where passkeys work: makes the account with this device's passkey (the first choice
   * offered, a passphrase the other). `needsPassphrase` is set when the passkey logs in but
   * cannot unlock (no PRF): the person then chooses a passphrase too.
   */
  viaPasskey?: (recoveryCode: string) => Promise<{ s: S; needsPassphrase: ((passphrase: string) => Promise<void>) | null }>;
  /** The account exists and is open (before its recovery sheet is confirmed). */
  onCreated?: (s: S) => void;
  /** Back to step 1, with a message (null: none). */
  onFirstStep: (message: Msg | null) => void;
  /** Errors the caller handles itself (true when handled). */
  onError?: (err: unknown) => boolean;
  onDone: (s: S) => void;
}) {
  const { t, lang } = useI18n();
  const [state, dispatch] = useReducer(credentialReducer, initialCredentials);
  const { step, code, typedBack } = state;
  const creating = useAction({
    onError: (err) => {
      if (props.onError?.(err)) return true;
      if (err instanceof ApiError && FIRST_STEP_CODES.has(err.code)) {
        props.onFirstStep(errorMsg(err, props.kind === 'worker' ? 'invitation' : 'other'));
        return true;
      }
      return false;
    },
  });
  const { busy } = creating;
  const [session, setSession] = useState<S | null>(null);
  // How step 2 is done: this device's passkey (offered first where it works), a passphrase,
  // or a passphrase after a passkey that cannot unlock.
  const [way, setWay] = useState<'passkey' | 'passphrase' | 'passkey-no-prf'>(props.viaPasskey ? 'passkey' : 'passphrase');
  const [pending, setPending] = useState<{ code: string; finish: (passphrase: string) => Promise<void> } | null>(null);

  async function passkeyDone() {
    const via = props.viaPasskey;
    if (!via) return;
    const made = await creating.run(async () => {
      const recovery = await newRecoveryCode();
      return { recovery, ...(await via(recovery)) };
    });
    if (!made) return;
    setSession(made.s);
    props.onCreated?.(made.s);
    if (made.needsPassphrase) {
      setPending({ code: made.recovery, finish: made.needsPassphrase });
      setWay('passkey-no-prf');
      return;
    }
    dispatch({ type: 'created', code: made.recovery });
  }

  async function noPrfPassphraseDone(passphrase: string) {
    const p = pending;
    if (!p) return;
    const done = await creating.run(async () => {
      await p.finish(passphrase);
      return true;
    });
    if (!done) return;
    setPending(null);
    dispatch({ type: 'created', code: p.code });
  }

  async function passphraseDone(passphrase: string) {
    const made = await creating.run(async () => {
      const recovery = await newRecoveryCode();
      return { recovery, s: await props.create(passphrase, recovery) };
    });
    if (!made) return;
    setSession(made.s);
    props.onCreated?.(made.s);
    dispatch({ type: 'created', code: made.recovery });
  }

  function confirmDone(e: Event) {
    e.preventDefault();
    const next = credentialReducer(state, { type: 'check' });
    dispatch({ type: 'check' });
    if (next.step === 'done' && session) props.onDone(session);
  }

  if (step === 'passphrase' && way === 'passkey') {
    return (
      <main class="screen" key="passkey">
        <ScreenTitle>{props.title}</ScreenTitle>
        <p class="step">{t('create-step', { n: 2, total: 3 })}</p>
        <p class="lead">{props.lead}</p>
        <Listen texts={[props.title, t('passkey-create-title'), t('passkey-create-help')]} />
        <section class="card stack" aria-labelledby="passkey-create-title" {...creating.busyProps}>
          <h2 id="passkey-create-title">{t('passkey-create-title')}</h2>
          <p>{t('passkey-create-help')}</p>
          <ErrorBox id="passkey-create-error" {...creating.box} />
          <p class="status" aria-live="polite">
            {busy ? props.busyLabel : ''}
          </p>
          <button type="button" class="primary" disabled={busy} onClick={() => void passkeyDone()}>
            {t('passkey-create-button')}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setWay('passphrase')}>
            {t('passkey-create-passphrase-instead')}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => props.onFirstStep(null)}>
            {t('back')}
          </button>
        </section>
      </main>
    );
  }

  if (step === 'passphrase' && way === 'passkey-no-prf') {
    return (
      <main class="screen" key="passkey-no-prf">
        <ScreenTitle>{props.title}</ScreenTitle>
        <p class="step">{t('create-step', { n: 2, total: 3 })}</p>
        <p class="notice" role="status" data-testid="passkey-no-prf">
          {t('passkey-create-no-prf')}
        </p>
        <section class="card">
          <PassphraseChooser busy={busy} submitLabel={t('passkey-create-no-prf-submit')} onDone={(p) => void noPrfPassphraseDone(p)} generated={props.generated} />
          <p class="status" aria-live="polite">
            {busy ? t('please-wait-keys') : ''}
          </p>
          <ErrorBox {...creating.box} />
        </section>
      </main>
    );
  }

  if (step === 'passphrase') {
    return (
      <main class="screen" key="passphrase">
        <ScreenTitle>{props.title}</ScreenTitle>
        <p class="step">{t('create-step', { n: 2, total: 3 })}</p>
        <p class="lead">{props.lead}</p>
        <Listen texts={[props.title, t('pass-generated-title'), t('pass-generated-help'), t('pass-write-down')]} />
        <section class="card">
          <PassphraseChooser busy={busy} submitLabel={props.submitLabel} onDone={passphraseDone} generated={props.generated} />
          <p class="status" aria-live="polite">
            {busy ? props.busyLabel : ''}
          </p>
          <ErrorBox {...creating.box} />
          <button type="button" class="secondary" disabled={busy} onClick={() => props.onFirstStep(null)}>
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
          <Listen texts={[t('sheet-screen-title'), t('sheet-lead'), ...sheetSteps(t, props.kind === 'worker')]} />
        </div>
        <RecoverySheet pseudonym={props.name} code={code} kind={props.kind} />
        <div class="stack no-print">
          <PrintButton label={t('sheet-print')} />
          <button type="button" class="primary" onClick={() => dispatch({ type: 'sheetKept' })}>
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
            dir="ltr"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={8}
            {...invalidProps('confirm-error', state.error !== null)}
            value={typedBack}
            onInput={(e) => dispatch({ type: 'typed', value: e.currentTarget.value })}
          />
          <ErrorBox id="confirm-error" message={state.error ? t(state.error) : null} focusKey={state.failures} />
          <button type="submit" class="primary">
            {t('confirm-submit')}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => dispatch({ type: 'showSheet' })}
          >
            {t('confirm-show-sheet')}
          </button>
        </form>
      </section>
    </main>
  );
}

/** The local calendar day as YYYY-MM-DD (the day the sheet is made, as its reader counts days). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The printable recovery sheet: the service's web address, the day it was made, the
 * pseudonym (or a worker's login name), the code as text and QR, instructions.
 */
export function RecoverySheet({ pseudonym, code, kind }: { pseudonym: string; code: string; kind: 'holder' | 'worker' }) {
  const { t, lang } = useI18n();
  const worker = kind === 'worker';
  const [made] = useState(today);
  return (
    <article class="sheet" aria-labelledby="sheet-title" data-testid="recovery-sheet">
      <h2 id="sheet-title">{t('sheet-title')}</h2>
      <dl>
        <dt>{t('sheet-address')}</dt>
        <dd data-testid="sheet-address" dir="ltr">{location.origin}</dd>
        <dt>{t('sheet-made')}</dt>
        <dd data-testid="sheet-date">{formatDate(made, lang)}</dd>
        <dt>{worker ? t('field-login-name') : t('field-pseudonym')}</dt>
        <dd class="sheet-pseudonym" data-testid="sheet-pseudonym" dir="auto">
          {pseudonym}
        </dd>
        <dt>{t('field-recovery-code')}</dt>
        <dd class="sheet-code" data-testid="recovery-code" dir="ltr">
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
        {sheetSteps(t, worker).map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
    </article>
  );
}

/** The instructions of a recovery sheet, in order. */
function sheetSteps(t: Translate, worker: boolean): string[] {
  return [
    worker ? t('sheet-step-1-worker') : t('sheet-step-1'),
    t('sheet-step-2'),
    worker ? t('sheet-step-3-worker') : t('sheet-step-3'),
    worker ? t('sheet-step-4-worker') : t('sheet-step-4'),
  ];
}
