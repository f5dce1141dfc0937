import { useState } from 'preact/hooks';
import { dropPasskeyLogin, normalizePseudonym, openWithPasskey, openWithPassphrase, openWithRecoveryCode, setNewPassphrase, type OpenSession } from './auth';
import { passkeysSupported } from './passkeys';
import { prepareKdf } from './pde';
import { PassphraseChooser } from './passphrase';
import { CloseBrowserReminder, SharedComputerChoice } from './shared-computer-ui';
import { ErrorBox, Listen, NOT_REMEMBERED, PASSPHRASE_FIELD, ScreenTitle, errorMsg, invalidProps, msg, useAction, useI18n } from './ui';

/** Wrong passphrases in a row after which the page points to the recovery code. */
export const FAILURES_BEFORE_RECOVERY_HINT = 3;

/**
 * The start page: open a wallet; links to create one or to use the recovery code. A social
 * worker has a way in of their own, with the words of a worker's account (same log-in).
 */
export function StartScreen(props: {
  notice: string | null;
  worker: boolean;
  onWorker: (worker: boolean) => void;
  onOpened: (s: OpenSession) => void;
  onCreate: () => void;
  onRecover: () => void;
  onAskHelp: () => void;
}) {
  const { t } = useI18n();
  const worker = props.worker;
  const [pseudonym, setPseudonym] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [show, setShow] = useState(false);
  const [failures, setFailures] = useState(0);
  const context = worker ? 'login-worker' : 'login';
  const opening = useAction({
    context,
    onError: (err) => {
      const id = errorMsg(err, context).id;
      if (id === 'err-login-passphrase' || id === 'err-login-worker') setFailures((n) => n + 1);
      return false;
    },
  });
  const { busy, error } = opening;
  const passkey = useAction({ context });
  // After a passkey that logs in but cannot unlock here: the pseudonym it logged in, and the
  // passphrase field alone.
  const [unlockFor, setUnlockFor] = useState<string | null>(null);
  const anyBusy = busy || passkey.busy;

  async function withPasskey() {
    const got = await passkey.run(() => openWithPasskey());
    if (!got) return;
    if (got.kind === 'open') return props.onOpened(got.session);
    setPassphrase('');
    setUnlockFor(got.pseudonym);
  }

  async function submit(e: Event) {
    e.preventDefault();
    const p = unlockFor ?? normalizePseudonym(pseudonym);
    if (unlockFor !== null && !passphrase.trim()) return opening.fail(msg('passkey-unlock-need-passphrase'));
    if (!p || !passphrase.trim()) return opening.fail(msg(worker ? 'err-fill-both-worker' : 'err-fill-both'));
    const session = await opening.run(() => openWithPassphrase(p, passphrase));
    if (!session) return;
    setPassphrase('');
    props.onOpened(session);
  }

  const hint = failures >= FAILURES_BEFORE_RECOVERY_HINT;
  return (
    <main class="screen" key={worker ? 'worker' : 'holder'}>
      <ScreenTitle>{worker ? t('start-worker-title') : t('start-title')}</ScreenTitle>
      <p class="lead">{worker ? t('start-worker-lead') : t('start-lead')}</p>
      <Listen texts={worker ? [t('start-worker-title'), t('start-worker-lead')] : [t('start-title'), t('start-lead')]} />
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.notice ? <CloseBrowserReminder /> : null}
      <SharedComputerChoice />
      {unlockFor === null && passkeysSupported() ? (
        <section class="card stack" aria-labelledby="passkey-title" {...passkey.busyProps}>
          <h2 id="passkey-title">{t('passkey-open-title')}</h2>
          <p>{t('passkey-open-help')}</p>
          <ErrorBox id="passkey-error" {...passkey.box} />
          <p class="status" aria-live="polite">
            {passkey.busy ? t('passkey-open-busy') : ''}
          </p>
          <button type="button" class="primary" disabled={anyBusy} onClick={() => void withPasskey()}>
            {t('passkey-open-button')}
          </button>
        </section>
      ) : null}
      <section class="card" aria-labelledby="open-title">
        <h2 id="open-title">{unlockFor !== null ? t('passkey-unlock-title') : worker ? t('open-worker-title') : t('open-title')}</h2>
        {unlockFor !== null ? (
          <p class="notice" role="status" data-testid="passkey-unlock-why">
            {t('passkey-unlock-why')}
          </p>
        ) : null}
        {/* Not a log-in form to the browser: nothing is offered for saving on a shared computer. */}
        <form class="stack" autocomplete="off" onSubmit={submit} {...opening.busyProps}>
          {unlockFor === null ? (
            <>
              <label for="open-pseudonym">{worker ? t('field-login-name') : t('field-pseudonym')}</label>
              <input
                id="open-pseudonym"
                {...NOT_REMEMBERED}
                dir="auto"
                value={pseudonym}
                onInput={(e) => setPseudonym(e.currentTarget.value)}
              />
            </>
          ) : null}
          <label for="open-passphrase">{t('field-passphrase')}</label>
          <input
            id="open-passphrase"
            type={show ? 'text' : 'password'}
            {...PASSPHRASE_FIELD}
            dir="auto"
            {...invalidProps('open-error', error !== null)}
            value={passphrase}
            onFocus={prepareKdf}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          <label class="check">
            <input type="checkbox" checked={show} onChange={(e) => setShow(e.currentTarget.checked)} />
            {t('pass-show')}
          </label>
          <ErrorBox id="open-error" {...opening.box} />
          {hint ? (
            <div class="notice stack" data-testid="recovery-hint">
              <p>{worker ? t('login-recovery-hint-worker') : t('login-recovery-hint')}</p>
              <button type="button" class="secondary" onClick={props.onRecover}>
                {t('recover-start')}
              </button>
            </div>
          ) : null}
          <p class="status" aria-live="polite">
            {busy ? t('opening') : ''}
          </p>
          <button type="submit" class="primary" disabled={anyBusy}>
            {t('open-submit')}
          </button>
          {unlockFor !== null ? (
            <button
              type="button"
              class="secondary"
              disabled={anyBusy}
              onClick={() => {
                setUnlockFor(null);
                setPassphrase('');
                opening.fail(null);
                void dropPasskeyLogin();
              }}
            >
              {t('cancel')}
            </button>
          ) : null}
        </form>
      </section>
      {worker ? (
        <section class="card" aria-labelledby="other-title">
          <h2 id="other-title">{t('start-worker-other')}</h2>
          <div class="stack">
            <p>{t('start-worker-invitation')}</p>
            <button type="button" class="secondary" onClick={props.onRecover}>
              {t('recover-start-worker')}
            </button>
            <button type="button" class="link" onClick={() => props.onWorker(false)}>
              {t('start-holder-switch')}
            </button>
          </div>
        </section>
      ) : (
        <section class="card" aria-labelledby="other-title">
          <h2 id="other-title">{t('start-other')}</h2>
          <div class="stack">
            <button type="button" class="secondary" onClick={props.onCreate}>
              {t('create-start')}
            </button>
            <button type="button" class="secondary" onClick={props.onRecover}>
              {t('recover-start')}
            </button>
            <button type="button" class="secondary" onClick={props.onAskHelp}>
              {t('help-start')}
            </button>
            <button type="button" class="link" onClick={() => props.onWorker(true)}>
              {t('start-worker-switch')}
            </button>
          </div>
        </section>
      )}
    </main>
  );
}

/**
 * Open with the recovery code, then choose a new passphrase (with a Quit button: the wallet
 * is already open), then a confirmation before the wallet or the worker's list.
 */
export function RecoverScreen(props: {
  worker: boolean;
  /** The wallet is open (the page's Quit button now closes it). */
  onOpened: (s: OpenSession) => void;
  onDone: (s: OpenSession) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const [pseudonym, setPseudonym] = useState('');
  const [code, setCode] = useState('');
  const recovering = useAction({ context: 'recovery' });
  const saving = useAction();
  const busy = recovering.busy || saving.busy;
  const [session, setSession] = useState<OpenSession | null>(null);
  const [endOthers, setEndOthers] = useState(true);
  const [saved, setSaved] = useState<{ endedOthers: boolean } | null>(null);
  const nameLabel = props.worker ? t('field-login-name') : t('field-pseudonym');

  async function submit(e: Event) {
    e.preventDefault();
    const p = normalizePseudonym(pseudonym);
    if (!p || !code.trim()) return recovering.fail(msg(props.worker ? 'err-fill-both-recovery-worker' : 'err-fill-both-recovery'));
    const opened = await recovering.run(() => openWithRecoveryCode(p, code));
    if (!opened) return;
    setCode('');
    setSession(opened);
    props.onOpened(opened);
  }

  async function newPassphrase(passphrase: string) {
    if (!session) return;
    const done = await saving.run(async () => {
      await setNewPassphrase(session, passphrase, endOthers);
      return true;
    });
    if (done) setSaved({ endedOthers: endOthers });
  }

  if (session && saved) {
    return (
      <main class="screen" key="saved">
        <ScreenTitle>{t('recover-saved-title')}</ScreenTitle>
        <p class="notice" data-testid="recover-saved">
          {t('recover-saved-text')}
          {saved.endedOthers ? ` ${t('recover-saved-others')}` : ''}
        </p>
        <button type="button" class="primary" onClick={() => props.onDone(session)}>
          {session.kind === 'worker' ? t('recover-saved-continue-worker') : t('recover-saved-continue')}
        </button>
      </main>
    );
  }

  if (session) {
    return (
      <main class="screen" key="new">
        <ScreenTitle>{t('recover-new-title')}</ScreenTitle>
        <p class="lead">{session.kind === 'worker' ? t('recover-new-lead-worker') : t('recover-new-lead')}</p>
        <section class="card stack">
          <label class="check">
            <input type="checkbox" checked={endOthers} disabled={busy} onChange={(e) => setEndOthers(e.currentTarget.checked)} />
            {session.kind === 'worker' ? t('recover-end-others-worker') : t('recover-end-others')}
          </label>
          <PassphraseChooser busy={busy} submitLabel={t('recover-new-submit')} onDone={newPassphrase} />
          <p class="status" aria-live="polite">
            {busy ? t('please-wait-keys') : ''}
          </p>
          <ErrorBox {...saving.box} />
        </section>
      </main>
    );
  }

  return (
    <main class="screen" key="code">
      <ScreenTitle>{t('recover-title')}</ScreenTitle>
      <p class="lead">{props.worker ? t('recover-lead-worker') : t('recover-lead')}</p>
      <section class="card">
        <form class="stack" autocomplete="off" onSubmit={submit} {...recovering.busyProps}>
          <label for="rec-pseudonym">{nameLabel}</label>
          <input
            id="rec-pseudonym"
            {...NOT_REMEMBERED}
            dir="auto"
            value={pseudonym}
            onInput={(e) => setPseudonym(e.currentTarget.value)}
          />
          <label for="rec-code">{t('field-recovery-code')}</label>
          <input
            id="rec-code"
            class="code-input"
            dir="ltr"
            {...NOT_REMEMBERED}
            autocapitalize="characters"
            {...invalidProps('rec-error', recovering.error !== null)}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <ErrorBox id="rec-error" {...recovering.box} />
          <p class="status" aria-live="polite">
            {busy ? t('opening') : ''}
          </p>
          <button type="submit" class="primary" disabled={busy}>
            {t('recover-submit')}
          </button>
          <button type="button" class="secondary" onClick={props.onBack}>
            {t('back')}
          </button>
        </form>
      </section>
    </main>
  );
}
