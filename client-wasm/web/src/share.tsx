/** The holder's sharing screens: Share (with a worker, or as a link) and My shares. */
import { useEffect, useState } from 'preact/hooks';
import { api, type ShareSummary, type WorkerCard } from './api';
import { CategoryIcon } from './categories';
import { QrScanner, useCanScan } from './scan';
import type { DocEntry, MadeLink, Session } from './session';
import {
  DEFAULT_DURATION, LINK_DURATIONS, NOTE_FROM_MAX, NOTE_MAX, WORKER_DURATIONS, cleanPin, durationSecs, endTime,
  formatDateTime, generatePin, isPin, newestFirst, noteJson, receiptCounts, resolveTitles, shownStatus, sortReceipts,
  type Duration, type DurationId,
} from './sharing';
import { Dialog, ErrorBox, QrCode, ScreenTitle, errorMessage, useI18n } from './ui';
import { parseWorkerCode } from './workercode';

type Step = 'docs' | 'who' | 'check' | 'details' | 'done' | 'link' | 'link-done';

/** Documents that can be shared: decrypted, newest first. */
function shareable(session: Session): DocEntry[] {
  return session.docs.filter((d) => d.handle !== null && d.meta && !d.damaged).sort((a, b) => b.createdAt - a.createdAt);
}

export function ShareScreen(props: {
  session: Session;
  onDone: (msg: string | null) => void;
  onShares: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const { session } = props;
  const docs = shareable(session);
  const [step, setStep] = useState<Step>('docs');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [worker, setWorker] = useState<WorkerCard | null>(null);
  const [duration, setDuration] = useState<DurationId>(DEFAULT_DURATION);
  const [noteFrom, setNoteFrom] = useState('');
  const [noteText, setNoteText] = useState('');
  const [usePin, setUsePin] = useState(false);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [endsAt, setEndsAt] = useState(0);
  const [link, setLink] = useState<MadeLink | null>(null);

  const chosen = docs.filter((d) => picked.has(d.id));
  const go = (s: Step) => {
    setError(null);
    setStep(s);
  };

  function toggle(id: string, on: boolean) {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  }

  async function shareWithWorker(e: Event) {
    e.preventDefault();
    if (!worker || busy) return;
    setBusy(true);
    setError(null);
    try {
      const made = await session.shareWithWorker(chosen, worker, durationSecs(duration), noteJson(noteFrom, noteText));
      setEndsAt(made.expires_at);
      setNoteText('');
      setStep('done');
    } catch (err) {
      setError(errorMessage(t, lang, err));
    }
    setBusy(false);
  }

  async function makeLink(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (usePin && !isPin(pin)) {
      setError(t('err-pin-format'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const made = await session.shareAsLink(chosen, durationSecs(duration), usePin ? pin : null, null, location.origin);
      setLink(made);
      setStep('link-done');
    } catch (err) {
      setError(errorMessage(t, lang, err));
    }
    setBusy(false);
  }

  if (step === 'docs') {
    return (
      <main class="screen" key="docs">
        <ScreenTitle>{t('share-title')}</ScreenTitle>
        <p class="lead">{t('share-lead')}</p>
        <form
          class="stack card"
          autocomplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen.length === 0) return setError(t('err-share-pick'));
            if (chosen.length > 50) return setError(t('err-share-too-many'));
            go('who');
          }}
        >
          <fieldset class="stack">
            <legend>{t('share-pick-legend')}</legend>
            {docs.length === 0 ? <p>{t('documents-none')}</p> : null}
            <ul class="pick-list">
              {docs.map((d) => (
                <li key={d.id}>
                  <label class="pick">
                    <input type="checkbox" checked={picked.has(d.id)} onChange={(e) => toggle(d.id, e.currentTarget.checked)} />
                    <CategoryIcon category={d.meta!.category} size={28} />
                    <span class="doc-text">
                      <span class="doc-title">{d.meta!.title}</span>
                      <span class="doc-sub">{t(`category-${d.meta!.category}`)}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <p class="status" aria-live="polite">
            {chosen.length ? t('share-picked', { n: chosen.length }) : ''}
          </p>
          <ErrorBox message={error} />
          <button type="submit" class="primary">
            {t('next')}
          </button>
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </form>
      </main>
    );
  }

  if (step === 'who') {
    return (
      <WhoStep
        count={chosen.length}
        onWorker={(w) => {
          setWorker(w);
          go('check');
        }}
        onLink={() => {
          setDuration(DEFAULT_DURATION);
          go('link');
        }}
        onBack={() => go('docs')}
      />
    );
  }

  if (step === 'check' && worker) {
    return (
      <main class="screen" key="check">
        <ScreenTitle>{t('share-check-title')}</ScreenTitle>
        <p class="lead">{t('share-check-lead')}</p>
        <WorkerFacts worker={worker} />
        <div class="stack">
          <button type="button" class="primary" onClick={() => go('details')}>
            {t('share-worker-yes')}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setWorker(null);
              go('who');
            }}
          >
            {t('share-worker-no')}
          </button>
        </div>
      </main>
    );
  }

  if (step === 'details' && worker) {
    return (
      <main class="screen" key="details">
        <ScreenTitle>{t('share-details-title')}</ScreenTitle>
        <p class="lead">{t('share-summary', { n: chosen.length, name: worker.real_name, organisation: worker.organisation })}</p>
        {worker.verified ? null : (
          <p class="warning" role="note">
            {t('worker-unverified')}
          </p>
        )}
        <form class="stack card" autocomplete="off" onSubmit={shareWithWorker}>
          <DurationPicker choices={WORKER_DURATIONS} value={duration} onChange={setDuration} />
          <fieldset class="stack">
            <legend>{t('note-legend', { name: worker.real_name })}</legend>
            <label for="note-from">{t('field-note-from')}</label>
            <input
              id="note-from"
              autocomplete="off"
              maxLength={NOTE_FROM_MAX}
              aria-describedby="note-from-help"
              value={noteFrom}
              disabled={busy}
              onInput={(e) => setNoteFrom(e.currentTarget.value)}
            />
            <p id="note-from-help" class="hint">
              {t('note-from-help', { pseudonym: session.pseudonym })}
            </p>
            <label for="note-text">{t('field-note-text')}</label>
            <textarea
              id="note-text"
              rows={4}
              autocomplete="off"
              maxLength={NOTE_MAX}
              value={noteText}
              disabled={busy}
              onInput={(e) => setNoteText(e.currentTarget.value)}
            />
          </fieldset>
          <p class="status" aria-live="polite">
            {busy ? t('sharing') : ''}
          </p>
          <ErrorBox message={error} />
          <button type="submit" class="primary" disabled={busy}>
            {t('share-confirm')}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => go('check')}>
            {t('back')}
          </button>
        </form>
      </main>
    );
  }

  if (step === 'done' && worker) {
    return (
      <main class="screen" key="done">
        <ScreenTitle>{t('share-done-title')}</ScreenTitle>
        <p class="notice" role="status">
          {t('share-done-text', { n: chosen.length, name: worker.real_name, when: formatDateTime(endsAt, lang) })}
        </p>
        <p>{t('share-done-revoke')}</p>
        <div class="stack">
          <button type="button" class="primary" onClick={() => props.onDone(null)}>
            {t('back-to-documents')}
          </button>
          <button type="button" class="secondary" onClick={props.onShares}>
            {t('shares-open')}
          </button>
        </div>
      </main>
    );
  }

  if (step === 'link-done' && link) {
    return (
      <main class="screen" key="link-done">
        <ScreenTitle>{t('link-done-title')}</ScreenTitle>
        <p class="notice" role="status">
          {t('link-done-text', { n: chosen.length, when: formatDateTime(link.expiresAt, lang) })}
        </p>
        <section class="card stack" aria-labelledby="link-show-title">
          <h2 id="link-show-title">{t('link-show-title')}</h2>
          <QrCode text={link.url} label={t('link-qr-label')} />
          <p class="link-text" data-testid="share-link">
            {link.url}
          </p>
          {usePin ? (
            <>
              <p>{t('link-pin-reminder')}</p>
              <PinDisplay pin={pin} testId="share-pin" />
            </>
          ) : (
            <p class="warning">{t('link-no-pin-warning')}</p>
          )}
        </section>
        <p>{t('link-done-leave')}</p>
        <div class="stack">
          <button type="button" class="primary" onClick={() => props.onDone(null)}>
            {t('back-to-documents')}
          </button>
          <button type="button" class="secondary" onClick={props.onShares}>
            {t('shares-open')}
          </button>
        </div>
      </main>
    );
  }

  // step === 'link'
  return (
    <main class="screen" key="link">
      <ScreenTitle>{t('link-make-title')}</ScreenTitle>
      <p class="lead">{t('link-summary', { n: chosen.length })}</p>
      <p>{t('link-explain')}</p>
      <form class="stack card" autocomplete="off" onSubmit={makeLink}>
        <DurationPicker choices={LINK_DURATIONS} value={duration} onChange={setDuration} />
        <fieldset class="stack">
          <legend>{t('link-pin-legend')}</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={usePin}
              disabled={busy}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setUsePin(on);
                if (on && !pin) setPin(generatePin());
              }}
            />
            {t('link-pin-use')}
          </label>
          {usePin ? (
            <>
              <label for="link-pin">{t('field-pin')}</label>
              <input
                id="link-pin"
                class="pin-input"
                inputMode="numeric"
                pattern="[0-9]{6}"
                maxLength={6}
                autocomplete="off"
                aria-describedby="link-pin-help"
                value={pin}
                disabled={busy}
                onInput={(e) => setPin(cleanPin(e.currentTarget.value))}
              />
              <p id="link-pin-help" class="hint">
                {t('link-pin-help')}
              </p>
              <button type="button" class="secondary" disabled={busy} onClick={() => setPin(generatePin())}>
                {t('link-pin-generate')}
              </button>
              {isPin(pin) ? <PinDisplay pin={pin} testId="chosen-pin" /> : null}
            </>
          ) : null}
        </fieldset>
        <p class="status" aria-live="polite">
          {busy ? t('sharing') : ''}
        </p>
        <ErrorBox message={error} />
        <button type="submit" class="primary" disabled={busy}>
          {t('link-confirm')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => go('who')}>
          {t('back')}
        </button>
      </form>
    </main>
  );
}

/** A PIN in large digits; screen readers get it digit by digit. */
function PinDisplay({ pin, testId }: { pin: string; testId: string }) {
  const { t } = useI18n();
  return (
    <p class="pin-big">
      <span class="visually-hidden">{t('link-pin-spoken', { pin: pin.split('').join(' ') })}</span>
      <span aria-hidden="true" data-testid={testId}>
        {pin}
      </span>
    </p>
  );
}

/** Type or scan a worker's card code, or choose a link. */
function WhoStep(props: { count: number; onWorker: (w: WorkerCard) => void; onLink: () => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  const canScan = useCanScan();
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const check = parseWorkerCode(code);
  const hint = !check.ok && check.reason === 'mistyped' ? t('code-hint-mistyped') : !check.ok && check.reason === 'malformed' ? t('code-hint-malformed') : null;

  async function find(typed: string) {
    const c = parseWorkerCode(typed);
    if (!c.ok) {
      setError(c.reason === 'mistyped' ? t('code-hint-mistyped') : t('code-hint-malformed'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const w = await api.worker(c.code);
      setBusy(false);
      props.onWorker(w);
    } catch (err) {
      setError(errorMessage(t, lang, err));
      setBusy(false);
    }
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
          onSubmit={(e) => {
            e.preventDefault();
            void find(code);
          }}
        >
          <label for="worker-code">{t('field-worker-code')}</label>
          <input
            id="worker-code"
            class="code-input"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={20}
            aria-describedby="worker-code-help worker-code-hint"
            aria-invalid={hint ? true : undefined}
            value={code}
            disabled={busy}
            onInput={(e) => {
              setCode(e.currentTarget.value);
              setError(null);
            }}
          />
          <p id="worker-code-help" class="hint">
            {t('code-help')}
          </p>
          <p id="worker-code-hint" class="code-hint" aria-live="polite">
            {hint ?? (check.ok ? t('code-hint-ok', { code: check.code }) : '')}
          </p>
          <ErrorBox message={error} />
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
                const c = parseWorkerCode(text);
                if (!c.ok) return false;
                setScanning(false);
                setCode(c.code);
                void find(c.code);
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

/** Who a worker is, as the server knows them, with a clear warning when nobody checked. */
function WorkerFacts({ worker }: { worker: WorkerCard }) {
  const { t } = useI18n();
  return (
    <section class="card worker-facts" aria-labelledby="worker-facts-title">
      <h2 id="worker-facts-title" class="worker-name" data-testid="worker-name">
        {worker.real_name}
      </h2>
      <dl class="facts">
        <dt>{t('worker-organisation')}</dt>
        <dd data-testid="worker-organisation">{worker.organisation}</dd>
        <dt>{t('worker-card-code')}</dt>
        <dd class="code">{worker.code}</dd>
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

function DurationPicker(props: { choices: readonly Duration[]; value: DurationId; onChange: (d: DurationId) => void }) {
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

/** Every share the holder made, newest first, with its openings; active ones can be stopped. */
export function MySharesScreen(props: { session: Session; onClose: () => void; onShare: () => void }) {
  const { t, lang } = useI18n();
  const { session } = props;
  const [shares, setShares] = useState<ShareSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ShareSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function load() {
    setError(null);
    try {
      setShares(newestFirst((await api.shares()).shares));
    } catch (err) {
      setError(errorMessage(t, lang, err));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function revoke() {
    if (!revoking) return;
    setBusy(true);
    setDialogError(null);
    try {
      await api.revokeShare(revoking.id);
      setRevoking(null);
      setMessage(t('revoked-notice'));
      await load();
    } catch (err) {
      setDialogError(errorMessage(t, lang, err));
    }
    setBusy(false);
  }

  const titles = new Map(session.docs.filter((d) => d.meta).map((d) => [d.id, d.meta!.title]));
  const now = Date.now();
  return (
    <main class="screen wide">
      <ScreenTitle>{t('shares-title')}</ScreenTitle>
      {message ? (
        <p class="notice" role="status">
          {message}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('back-to-documents')}
        </button>
        <button type="button" class="secondary" disabled={session.docs.length === 0} onClick={props.onShare}>
          {t('share-start')}
        </button>
      </div>
      <ErrorBox message={error} />
      {shares === null && !error ? <p aria-live="polite">{t('shares-loading')}</p> : null}
      {shares && shares.length === 0 ? <p>{t('shares-none')}</p> : null}
      {shares?.map((s) => {
        const status = shownStatus(s, now);
        const docTitles = resolveTitles(s.document_ids, titles);
        const counts = receiptCounts(s.receipts);
        const titleOf = (id: string) => titles.get(id) ?? t('share-doc-deleted');
        const who = s.worker ? s.worker.real_name : t('share-with-link');
        return (
          <article class="card share" key={s.id} aria-labelledby={`share-${s.id}`} data-status={status}>
            <h2 id={`share-${s.id}`}>{who}</h2>
            {s.worker ? (
              <p class="share-sub">
                {s.worker.organisation}
                {' · '}
                {s.worker.verified ? t('worker-verified-short') : <strong>{t('worker-unverified-short')}</strong>}
              </p>
            ) : (
              <p class="share-sub">{s.pin ? t('share-link-pin', { n: s.pin_failures }) : t('share-link-no-pin')}</p>
            )}
            <p class={`badge status-${status}`}>{t(`share-status-${status}`)}</p>
            <dl class="facts">
              <dt>{t('share-created')}</dt>
              <dd>{formatDateTime(s.created_at, lang)}</dd>
              {status === 'revoked' && s.revoked_at ? (
                <>
                  <dt>{t('share-revoked-at')}</dt>
                  <dd>{formatDateTime(s.revoked_at, lang)}</dd>
                </>
              ) : (
                <>
                  <dt>{status === 'active' ? t('share-ends') : t('share-ended')}</dt>
                  <dd>{formatDateTime(s.expires_at, lang)}</dd>
                </>
              )}
            </dl>
            <h3>{t('share-documents', { n: docTitles.length })}</h3>
            <ul class="share-docs">
              {docTitles.map((d) => (
                <li key={d.id}>
                  <span class={d.title === null ? 'deleted' : undefined}>{d.title ?? t('share-doc-deleted')}</span>
                  {counts.get(d.id) ? (
                    <span class="doc-counts">
                      {` · ${t('share-doc-opened', { n: counts.get(d.id)!.open })} · ${t('share-doc-downloaded', { n: counts.get(d.id)!.download })}`}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            <h3>{t('share-receipts')}</h3>
            {s.receipts.length === 0 ? (
              <p>{t('share-receipts-none')}</p>
            ) : (
              <ul class="receipts">
                {sortReceipts(s.receipts).map((r, i) => (
                  <li key={i}>
                    <strong>{t(r.action === 'download' ? 'receipt-download' : 'receipt-open')}</strong>
                    {` · ${t('quoted', { title: titleOf(r.document_id) })} · ${formatDateTime(r.at, lang)} · `}
                    {r.by === 'link' || !s.worker ? t('receipt-by-link') : t('receipt-by-worker', { name: s.worker.real_name })}
                  </li>
                ))}
              </ul>
            )}
            {status === 'active' ? (
              <button
                type="button"
                class="danger"
                onClick={() => {
                  setDialogError(null);
                  setRevoking(s);
                }}
              >
                {t('share-revoke')}
              </button>
            ) : null}
          </article>
        );
      })}
      <Dialog open={revoking !== null} labelledBy="revoke-title" role="alertdialog" onCancel={() => setRevoking(null)}>
        <h2 id="revoke-title">{t('revoke-title')}</h2>
        <p>
          {revoking?.worker
            ? t('revoke-text', { name: revoking.worker.real_name })
            : t('revoke-text-link')}
        </p>
        <ErrorBox message={dialogError} />
        <div class="row">
          <button type="button" class="secondary" autofocus onClick={() => setRevoking(null)}>
            {t('cancel')}
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => void revoke()}>
            {t('revoke-confirm')}
          </button>
        </div>
      </Dialog>
    </main>
  );
}
