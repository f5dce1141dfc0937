import { useState } from 'preact/hooks';
import { normalizePseudonym, openWithPassphrase, openWithRecoveryCode, setNewPassphrase, type OpenSession } from './auth';
import { PassphraseChooser } from './passphrase';
import { ErrorBox, ScreenTitle, errorMessage, useI18n } from './ui';

/** The start page: open a wallet; links to create one or to use the recovery code. */
export function StartScreen(props: {
  notice: string | null;
  onOpened: (s: OpenSession) => void;
  onCreate: () => void;
  onRecover: () => void;
}) {
  const { t, lang } = useI18n();
  const [pseudonym, setPseudonym] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    const p = normalizePseudonym(pseudonym);
    if (!p || !passphrase.trim()) {
      setError(t('err-fill-both'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await openWithPassphrase(p, passphrase);
      setPassphrase('');
      props.onOpened(session);
    } catch (err) {
      setError(errorMessage(t, lang, err, 'login'));
      setBusy(false);
    }
  }

  return (
    <main class="screen">
      <ScreenTitle>{t('start-title')}</ScreenTitle>
      <p class="lead">{t('start-lead')}</p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <section class="card" aria-labelledby="open-title">
        <h2 id="open-title">{t('open-title')}</h2>
        <form class="stack" autocomplete="off" onSubmit={submit}>
          <label for="open-pseudonym">{t('field-pseudonym')}</label>
          <input
            id="open-pseudonym"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            value={pseudonym}
            onInput={(e) => setPseudonym(e.currentTarget.value)}
          />
          <label for="open-passphrase">{t('field-passphrase')}</label>
          <input
            id="open-passphrase"
            type="password"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          <ErrorBox message={error} />
          <p class="status" aria-live="polite">
            {busy ? t('opening') : ''}
          </p>
          <button type="submit" class="primary" disabled={busy}>
            {t('open-submit')}
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="other-title">
        <h2 id="other-title">{t('start-other')}</h2>
        <div class="stack">
          <button type="button" class="secondary" onClick={props.onCreate}>
            {t('create-start')}
          </button>
          <button type="button" class="secondary" onClick={props.onRecover}>
            {t('recover-start')}
          </button>
        </div>
      </section>
    </main>
  );
}

/** Open with the recovery code, then choose a new passphrase. */
export function RecoverScreen(props: { onDone: (s: OpenSession) => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  const [pseudonym, setPseudonym] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [session, setSession] = useState<OpenSession | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    const p = normalizePseudonym(pseudonym);
    if (!p || !code.trim()) {
      setError(t('err-fill-both-recovery'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setSession(await openWithRecoveryCode(p, code));
      setCode('');
    } catch (err) {
      setError(errorMessage(t, lang, err, 'recovery'));
    }
    setBusy(false);
  }

  async function newPassphrase(passphrase: string) {
    if (!session) return;
    setBusy(true);
    setError(null);
    try {
      await setNewPassphrase(session, passphrase);
      props.onDone(session);
    } catch (err) {
      setError(errorMessage(t, lang, err));
      setBusy(false);
    }
  }

  if (session) {
    return (
      <main class="screen">
        <ScreenTitle>{t('recover-new-title')}</ScreenTitle>
        <p class="lead">{t('recover-new-lead')}</p>
        <section class="card">
          <PassphraseChooser busy={busy} submitLabel={t('recover-new-submit')} onDone={newPassphrase} />
          <p class="status" aria-live="polite">
            {busy ? t('please-wait-keys') : ''}
          </p>
          <ErrorBox message={error} />
        </section>
      </main>
    );
  }

  return (
    <main class="screen">
      <ScreenTitle>{t('recover-title')}</ScreenTitle>
      <p class="lead">{t('recover-lead')}</p>
      <section class="card">
        <form class="stack" autocomplete="off" onSubmit={submit}>
          <label for="rec-pseudonym">{t('field-pseudonym')}</label>
          <input
            id="rec-pseudonym"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            value={pseudonym}
            onInput={(e) => setPseudonym(e.currentTarget.value)}
          />
          <label for="rec-code">{t('field-recovery-code')}</label>
          <input
            id="rec-code"
            class="code-input"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <ErrorBox message={error} />
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
