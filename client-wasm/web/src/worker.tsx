/** The social worker's screens: join with an invitation, Shared with me, a document, My card. */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './api';
import { joinAsWorker, normalizePseudonym } from './auth';
import { CategoryIcon } from './categories';
import { CredentialSteps } from './create';
import { DocList } from './doclist';
import { formatSize } from './format';
import { loadCrypto } from './pde';
import type { IncomingEntry, SharedEntry, WorkerSession } from './shared';
import { formatDateTime, timeLeft, validRealName } from './sharing';
import { ErrorBox, QrCode, ScreenTitle, errorMsg, msg, say, useAction, useI18n, useSession, type Msg } from './ui';
import { useGeneratedWords } from './passphrase';
import { useNav } from './nav';
import { HelpRequestsSection } from './helpers/worker-requests';
import { SettingsScreen } from './settings';
import { DownloadConfirm, Viewer, downloadName, failureCode, useDecrypted } from './viewer';
import { parseWorkerCode } from './workercode';
import { cardQrText, codeOfFingerprint, recipientFingerprint } from './worker-key';
import { PrintButton } from './shared-computer-ui';

/** `/join#<token>`: look the invitation up, then name, login name, passphrase, recovery sheet. */
export function JoinScreen(props: { token: string | null; onDone: (s: WorkerSession) => void; onStart: () => void }) {
  const { t, lang } = useI18n();
  const [phase, setPhase] = useState<'checking' | 'identity' | 'keys' | 'invalid' | 'failed'>(props.token ? 'checking' : 'invalid');
  const [organisation, setOrganisation] = useState('');
  const [realName, setRealName] = useState('');
  const [login, setLogin] = useState('');
  const [error, setError] = useState<Msg | null>(null);
  // The field an error of the identity step is about (shown next to it).
  const [errorField, setErrorField] = useState<'name' | 'login' | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Kept across "name taken" and language switches (see useGeneratedWords).
  const generated = useGeneratedWords();

  useEffect(() => {
    if (!props.token) return;
    let live = true;
    loadCrypto();
    api
      .lookupInvitation(props.token)
      .then((r) => {
        if (!live) return;
        setOrganisation(r.organisation);
        setPhase('identity');
      })
      .catch((err) => {
        if (!live) return;
        if (err instanceof ApiError && (err.code === 'invitation_invalid' || err.code === 'not_found' || err.code === 'invalid_field')) {
          setPhase('invalid');
        } else {
          setError(errorMsg(err));
          setPhase('failed');
        }
      });
    return () => {
      live = false;
    };
  }, [attempt]);

  if (phase === 'invalid' || !props.token) {
    return (
      <main class="screen" key="invalid">
        <ScreenTitle>{t('join-invalid-title')}</ScreenTitle>
        <p class="lead">{t('join-invalid-text')}</p>
        <button type="button" class="primary" onClick={props.onStart}>
          {t('join-go-start')}
        </button>
      </main>
    );
  }

  if (phase === 'checking' || phase === 'failed') {
    return (
      <main class="screen" key="checking">
        <ScreenTitle>{t('join-title')}</ScreenTitle>
        <p aria-live="polite">{phase === 'checking' ? t('join-checking') : ''}</p>
        <ErrorBox message={phase === 'failed' && error ? say(t, lang, error) : null} />
        {phase === 'failed' ? (
          <button
            type="button"
            class="primary"
            onClick={() => {
              setError(null);
              setPhase('checking');
              setAttempt(attempt + 1);
            }}
          >
            {t('try-again')}
          </button>
        ) : null}
      </main>
    );
  }

  if (phase === 'keys') {
    const token = props.token;
    return (
      <CredentialSteps
        title={t('join-title')}
        lead={t('join-passphrase-for', { name: login })}
        submitLabel={t('join-submit')}
        busyLabel={t('joining')}
        name={login}
        kind="worker"
        generated={generated}
        create={(passphrase, code) => joinAsWorker(token, realName.normalize('NFC').trim(), login, passphrase, code)}
        onError={(err) => {
          if (err instanceof ApiError && err.code === 'invitation_invalid') {
            setPhase('invalid');
            return true;
          }
          if (err instanceof ApiError && err.code === 'invalid_field') {
            setError(errorMsg(err, 'invitation'));
            setPhase('identity');
            return true;
          }
          return false;
        }}
        onFirstStep={(message) => {
          setError(message);
          setErrorField(message ? 'login' : null);
          setPhase('identity');
        }}
        onDone={props.onDone}
      />
    );
  }

  return (
    <main class="screen" key="identity">
      <ScreenTitle>{t('join-title')}</ScreenTitle>
      <p class="step">{t('create-step', { n: 1, total: 3 })}</p>
      <p class="lead" data-testid="join-organisation">
        {t('join-lead', { organisation })}
      </p>
      <section class="card">
        <form
          class="stack"
          autocomplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            if (!validRealName(realName)) {
              setErrorField('name');
              return setError(msg('err-real-name'));
            }
            const l = normalizePseudonym(login);
            if (l.length < 3 || l.length > 64) {
              setErrorField('login');
              return setError(msg('err-login-name-length'));
            }
            setLogin(l);
            setError(null);
            setErrorField(null);
            setPhase('keys');
          }}
        >
          <label for="join-real-name">{t('field-real-name')}</label>
          <input
            id="join-real-name"
            dir="auto"
            autocomplete="off"
            maxLength={100}
            aria-describedby={errorField === 'name' ? 'join-real-name-help join-error-name' : 'join-real-name-help'}
            aria-invalid={errorField === 'name' ? 'true' : undefined}
            value={realName}
            onInput={(e) => setRealName(e.currentTarget.value)}
          />
          <p id="join-real-name-help" class="hint">
            {t('real-name-help')}
          </p>
          <ErrorBox id="join-error-name" message={error && errorField === 'name' ? say(t, lang, error) : null} />
          <label for="join-login">{t('field-login-name')}</label>
          <input
            id="join-login"
            dir="auto"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            maxLength={64}
            aria-describedby={errorField === 'login' ? 'join-login-help join-error-login' : 'join-login-help'}
            aria-invalid={errorField === 'login' ? 'true' : undefined}
            value={login}
            onInput={(e) => setLogin(e.currentTarget.value)}
          />
          <p id="join-login-help" class="hint">
            {t('login-name-help')}
          </p>
          <ErrorBox id="join-error-login" message={error && errorField === 'login' ? say(t, lang, error) : null} />
          <ErrorBox message={error && errorField === null ? say(t, lang, error) : null} />
          <button type="submit" class="primary">
            {t('next')}
          </button>
          <button type="button" class="secondary" onClick={props.onStart}>
            {t('cancel')}
          </button>
        </form>
      </section>
    </main>
  );
}

type WorkerView =
  | { kind: 'list' }
  | { kind: 'doc'; share: string; doc: string }
  | { kind: 'card' }
  | { kind: 'settings' }
  | { kind: 'ended' }
  | { kind: 'suspended' };

/** The worker's home after log-in. */
export function WorkerHome(props: { session: WorkerSession }) {
  const { session } = props;
  // Each view is a history entry: Back returns to the one before (see nav.ts).
  const [view, setView] = useNav<WorkerView>('workerView', { kind: 'list' });
  // Shares come and go (a refresh, a share that ended): the screens follow.
  useSession(session);

  /** Moves to the right screen for errors that end what the worker was doing. */
  const failed = (err: unknown, shareId?: string): boolean => {
    const code = failureCode(err);
    if (code === 'worker_suspended') {
      setView({ kind: 'suspended' });
      return true;
    }
    if (code === 'share_ended') {
      if (shareId) session.ended(shareId);
      setView({ kind: 'ended' });
      return true;
    }
    return false;
  };

  if (view.kind === 'suspended') return <SuspendedScreen />;
  if (view.kind === 'ended') return <EndedScreen onBack={() => setView({ kind: 'list' })} />;
  if (view.kind === 'card') return <CardScreen session={session} onBack={() => setView({ kind: 'list' })} />;
  if (view.kind === 'settings') {
    return <SettingsScreen session={session} onClose={() => setView({ kind: 'list' })} onDeleted={() => setView({ kind: 'list' })} />;
  }
  if (view.kind === 'doc') {
    const share = session.shares.find((s) => s.id === view.share);
    const doc = share?.docs.find((d) => d.id === view.doc);
    if (share && doc?.meta) {
      return (
        <SharedDocScreen
          key={`${share.id}/${doc.id}`}
          keeper={session}
          doc={doc}
          load={() => session.open(share, doc)}
          record={() => session.recordDownload(share, doc)}
          onFailure={(err) => failed(err, share.id)}
          onClose={() => setView({ kind: 'list' })}
        />
      );
    }
  }
  return (
    <SharedWithMe
      session={session}
      onOpen={(share, doc) => setView({ kind: 'doc', share, doc })}
      onCard={() => setView({ kind: 'card' })}
      onSettings={() => setView({ kind: 'settings' })}
      onFailure={failed}
    />
  );
}

function SharedWithMe(props: {
  session: WorkerSession;
  onOpen: (share: string, doc: string) => void;
  onCard: () => void;
  onSettings: () => void;
  onFailure: (err: unknown) => boolean;
}) {
  const { t, lang } = useI18n();
  const { session } = props;
  const { worker } = session;
  const refreshing = useAction({ onError: props.onFailure });
  const { busy } = refreshing;
  const [now, setNow] = useState(Date.now());

  // Keep the "time left" current.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  async function refresh() {
    const done = await refreshing.run(async () => {
      await session.refresh();
      return true;
    });
    if (done) setNow(Date.now());
  }

  const shares = session.shares.filter((s) => timeLeft(s.expiresAt, now) !== null);
  return (
    <main class="screen wide">
      <ScreenTitle>{t('worker-title')}</ScreenTitle>
      <p class="lead">{t('worker-hello', { name: worker.real_name, organisation: worker.organisation })}</p>
      {worker.state === 'unverified' ? (
        <p class="warning" role="note">
          {t('worker-unverified-self')}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onCard}>
          {t('worker-card-open')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => void refresh()}>
          {t('worker-refresh')}
        </button>
        <button type="button" class="secondary" onClick={props.onSettings}>
          {t('settings-open')}
        </button>
      </div>
      <p class="status" aria-live="polite">
        {busy ? t('please-wait') : ''}
      </p>
      <ErrorBox {...refreshing.box} />
      <HelpRequestsSection session={session} onFailure={props.onFailure} />
      {shares.length === 0 ? <p>{t('worker-none')}</p> : null}
      {shares.map((s) => (
        <IncomingCard key={s.id} share={s} now={now} onOpen={(doc) => props.onOpen(s.id, doc)} />
      ))}
    </main>
  );
}

function TimeLeft({ expiresAt, now }: { expiresAt: number; now: number }) {
  const { t, lang } = useI18n();
  const left = timeLeft(expiresAt, now);
  if (!left) return <p class="time-left">{t('share-status-expired')}</p>;
  return (
    <p class="time-left">
      <strong>{t(`time-left-${left.unit}`, { n: left.n })}</strong>
      {` · ${t('share-until', { when: formatDateTime(expiresAt, lang) })}`}
    </p>
  );
}

function IncomingCard(props: { share: IncomingEntry; now: number; onOpen: (doc: string) => void }) {
  const { t } = useI18n();
  const { share } = props;
  const from = share.note?.from ?? share.holder;
  return (
    <article class="card share" aria-labelledby={`in-${share.id}`}>
      <h2 id={`in-${share.id}`}>{t('incoming-from', { name: from })}</h2>
      {share.note?.from ? <p class="share-sub">{t('incoming-pseudonym', { pseudonym: share.holder })}</p> : null}
      <TimeLeft expiresAt={share.expiresAt} now={props.now} />
      {share.note?.text ? (
        <section class="incoming-note" aria-label={t('incoming-note')}>
          <p class="doc-note">{share.note.text}</p>
        </section>
      ) : null}
      <h3>{t('share-documents', { n: share.docs.length })}</h3>
      <DocList docs={share.docs} onOpen={props.onOpen} />
    </article>
  );
}

/**
 * A shared document, for a worker or a link visitor: shown in memory; Download first records
 * the download with the server, then saves the decrypted file.
 */
export function SharedDocScreen(props: {
  keeper: Parameters<typeof useDecrypted>[0];
  doc: SharedEntry;
  load: () => Promise<Blob>;
  record: () => Promise<void>;
  /** True when the failure moved to another screen. */
  onFailure: (err: unknown) => boolean;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const meta = props.doc.meta!;
  const { decrypted, failure, save } = useDecrypted(props.keeper, props.doc.id, meta, props.load);
  const [confirming, setConfirming] = useState(false);
  const downloading = useAction({ onError: props.onFailure });
  const { busy } = downloading;
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (failure) props.onFailure(failure);
  }, [failure]);

  async function download() {
    const recorded = await downloading.run(async () => {
      await props.record();
      return true;
    });
    if (recorded) {
      save();
      setSaved(true);
    }
    setConfirming(false);
  }

  return (
    <main class="screen wide">
      <div class="row">
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      <ScreenTitle>
        <bdi>{meta.title}</bdi>
      </ScreenTitle>
      <p class="doc-sub">
        <CategoryIcon category={meta.category} size={24} /> {t(`category-${meta.category}`)}
        {` · ${formatSize(meta.size, lang)}`}
      </p>
      {meta.note ? <p class="doc-note">{meta.note}</p> : null}
      <Viewer meta={meta} decrypted={decrypted} failure={failure} />
      {decrypted ? (
        <div class="stack">
          <p class="hint" id="shared-download-hint">
            {t('shared-record-hint')}
          </p>
          <button
            type="button"
            class="secondary"
            disabled={busy}
            aria-describedby="shared-download-hint"
            onClick={() => {
              downloading.fail(null);
              setConfirming(true);
            }}
          >
            {t('shared-download')}
          </button>
          <p class="status" aria-live="polite">
            {saved ? t('shared-downloaded') : ''}
          </p>
          <ErrorBox {...downloading.box} />
        </div>
      ) : null}
      <DownloadConfirm
        open={confirming}
        fileName={downloadName(meta)}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void download()}
      />
    </main>
  );
}

function EndedScreen(props: { onBack: () => void }) {
  const { t } = useI18n();
  return (
    <main class="screen">
      <ScreenTitle>{t('share-ended-title')}</ScreenTitle>
      <p class="lead">{t('share-ended-text')}</p>
      <button type="button" class="primary" onClick={props.onBack}>
        {t('back-to-list')}
      </button>
    </main>
  );
}

function SuspendedScreen() {
  const { t } = useI18n();
  return (
    <main class="screen">
      <ScreenTitle>{t('worker-suspended-title')}</ScreenTitle>
      <p class="lead" role="alert">
        {t('err-worker_suspended')}
      </p>
    </main>
  );
}

/** The worker's card: name, organisation, code as text and QR; printable. */
function CardScreen(props: { session: WorkerSession; onBack: () => void }) {
  const { t } = useI18n();
  const { worker } = props.session;
  const parsed = parseWorkerCode(worker.code);
  const code = parsed.ok ? parsed.code : worker.code;
  const verified = worker.state === 'verified';
  // The QR code carries the fingerprint of this worker's own key, as the crypto worker
  // computes it, never the server's word for it; a code from the server that does not
  // derive from that key is said plainly.
  const [qr, setQr] = useState<{ text: string; matches: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    void props.session.crypto
      .call({ op: 'walletRecipient' })
      .then(({ recipient }) => recipientFingerprint(recipient))
      .then((fp) => {
        if (live) setQr({ text: cardQrText(fp), matches: codeOfFingerprint(fp) === code });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [props.session, code]);
  return (
    <main class="screen sheet-screen">
      <div class="no-print">
        <ScreenTitle>{t('card-title')}</ScreenTitle>
        <p class="lead">{t('card-lead')}</p>
      </div>
      <article
        class={`sheet worker-card ${verified ? 'verified' : 'unverified'}`}
        aria-labelledby="card-sheet-title"
        data-testid="worker-card"
      >
        <h2 id="card-sheet-title">{t('card-sheet-title')}</h2>
        <WorkerBadge verified={verified} short={false} self />
        <dl>
          <dt>{t('card-name')}</dt>
          <dd class="sheet-pseudonym" data-testid="card-name">
            {worker.real_name}
          </dd>
          <dt>{t('worker-organisation')}</dt>
          <dd data-testid="card-organisation">{worker.organisation}</dd>
          <dt>{t('worker-card-code')}</dt>
          <dd class="card-code" data-testid="worker-code" dir="ltr">
            {code}
          </dd>
        </dl>
        {qr && !qr.matches ? (
          <p class="notice error" role="alert" data-testid="card-key-mismatch">
            {t('card-key-mismatch')}
          </p>
        ) : null}
        {qr?.matches ? <QrCode text={qr.text} label={t('card-qr-label')} /> : null}
        <p>{t('card-instructions')}</p>
      </article>
      <div class="stack no-print">
        <PrintButton label={t('card-print')} />
        <button type="button" class="primary" onClick={props.onBack}>
          {t('back-to-list')}
        </button>
      </div>
    </main>
  );
}

/**
 * Whether the operator checked a worker, as a badge whose colour, border and mark differ:
 * a verified card and an unverified one never look alike (on the worker's own card, `self`,
 * and where a holder picks a worker).
 */
export function WorkerBadge(props: { verified: boolean; short: boolean; self?: boolean }) {
  const { t } = useI18n();
  const key = props.verified
    ? props.self ? 'card-verified' : props.short ? 'worker-verified-short' : 'worker-verified-badge'
    : props.self ? 'card-unverified' : props.short ? 'worker-unverified-short' : 'worker-unverified-badge';
  return (
    <p class={`worker-badge ${props.verified ? 'badge-verified' : 'badge-unverified'}`} data-testid="worker-badge">
      <span class="mark" aria-hidden="true">
        {props.verified ? '\u2714' : '!'}
      </span>
      {t(key)}
    </p>
  );
}
