/** The holder's sharing screens: Share (with a worker, or as a link) and My shares. */
import { useEffect, useState } from 'preact/hooks';
import { api, type ShareSummary, type WorkerCard } from './api';
import { CategoryIcon } from './categories';
import { QrScanner, useCanScan } from './scan';
import type { DocEntry, MadeLink, Session } from './session';
import {
  DEFAULT_DURATION, LINK_DURATIONS, NOTE_FROM_MAX, NOTE_MAX, PIN_FIELD_MAX, WORKER_DURATIONS, durationSecs, endTime,
  formatDateTime, generatePin, groupPin, newestFirst, noteJson, readPin, receiptCounts, resolveTitles, shownStatus,
  sortReceipts, type Duration, type DurationId,
} from './sharing';
import { formatDate, formatSize } from './format';
import { Dialog, ErrorBox, Listen, QrCode, ScreenTitle, errorMessage, useI18n } from './ui';
import { WorkerBadge } from './worker';
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
  // A link's secret stays in the browser history of whoever opens it: the PIN, which no
  // history keeps, is what stops the next user of that computer. So it is on by default.
  const [usePin, setUsePin] = useState(true);
  const [pin, setPin] = useState(() => generatePin());
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
    const typed = usePin ? readPin(pin) : null;
    if (usePin && !typed) {
      setError(t('err-pin-format'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const made = await session.shareAsLink(chosen, durationSecs(duration), typed, null, location.origin);
      setPin(typed ?? '');
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
        <Listen texts={[t('share-title'), t('share-lead')]} />
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
        <WhatTheySee docs={chosen} name={worker.real_name} />
        <form class="stack card" autocomplete="off" onSubmit={shareWithWorker}>
          <DurationPicker choices={WORKER_DURATIONS} value={duration} onChange={setDuration} />
          <fieldset class="stack">
            <legend>{t('note-legend', { name: worker.real_name })}</legend>
            <label for="note-from">{t('field-note-from')}</label>
            <input
              id="note-from"
              dir="auto"
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
              dir="auto"
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
        <LinkShown url={link.url} pin={usePin ? pin : null} />
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
      <WhatTheySee docs={chosen} name={null} />
      <form class="stack card" autocomplete="off" onSubmit={makeLink}>
        <DurationPicker choices={LINK_DURATIONS} value={duration} onChange={setDuration} />
        <fieldset class="stack">
          <legend>{t('link-pin-legend')}</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={usePin}
              disabled={busy}
              aria-describedby={usePin ? undefined : 'link-no-pin-risk'}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setUsePin(on);
                if (on && !readPin(pin)) setPin(generatePin());
              }}
            />
            {t('link-pin-use')}
          </label>
          {usePin ? null : (
            <p class="warning" id="link-no-pin-risk" role="alert">
              {t('link-no-pin-risk')}
            </p>
          )}
          {usePin ? (
            <>
              <label for="link-pin">{t('field-pin')}</label>
              <input
                id="link-pin"
                class="pin-input"
                dir="ltr"
                inputMode="numeric"
                maxLength={PIN_FIELD_MAX}
                autocomplete="off"
                aria-describedby="link-pin-help"
                value={pin}
                disabled={busy}
                onInput={(e) => setPin(e.currentTarget.value)}
              />
              <p id="link-pin-help" class="hint">
                {t('link-pin-help')}
              </p>
              <button type="button" class="secondary" disabled={busy} onClick={() => setPin(generatePin())}>
                {t('link-pin-generate')}
              </button>
              {readPin(pin) ? <PinDisplay pin={readPin(pin)!} testId="chosen-pin" /> : null}
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

/** A PIN in large digits, in two groups ("123 456"); screen readers get it digit by digit. */
function PinDisplay({ pin, testId }: { pin: string; testId: string }) {
  const { t } = useI18n();
  return (
    <p class="pin-big" dir="ltr">
      <span class="visually-hidden">{t('link-pin-spoken', { pin: pin.split('').join(' ') })}</span>
      <span aria-hidden="true" data-testid={testId}>
        {groupPin(pin)}
      </span>
    </p>
  );
}

/**
 * A link just made: QR code, the address with Copy (and Share, where the browser has the Web
 * Share API), then the PIN to say aloud. The PIN is never put into what is copied or shared.
 */
function LinkShown({ url, pin }: { url: string; pin: string | null }) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  const canShare = typeof navigator.share === 'function';

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setSaid(t('link-copied'));
    } catch {
      // No clipboard (permission refused, old browser): select the text for a manual copy.
      const el = document.querySelector('[data-testid="share-link"]');
      if (el) getSelection()?.selectAllChildren(el);
      setSaid(t('link-copy-failed'));
    }
  }

  async function share() {
    try {
      await navigator.share({ title: t('link-share-title'), url });
    } catch {
      /* the person closed the share sheet */
    }
  }

  return (
    <section class="card stack" aria-labelledby="link-show-title">
      <h2 id="link-show-title">{t('link-show-title')}</h2>
      <QrCode text={url} label={t('link-qr-label')} />
      <p class="link-text" data-testid="share-link" dir="ltr">
        {url}
      </p>
      <div class="row">
        <button type="button" class="secondary" onClick={() => void copy()}>
          {t('link-copy')}
        </button>
        {canShare ? (
          <button type="button" class="secondary" onClick={() => void share()}>
            {t('link-share')}
          </button>
        ) : null}
      </div>
      <p class="status" role="status">
        {said}
      </p>
      {pin ? (
        <>
          <p>{t('link-pin-reminder')}</p>
          <PinDisplay pin={pin} testId="share-pin" />
          <p class="hint">{t('link-pin-not-copied')}</p>
        </>
      ) : (
        <p class="warning">{t('link-no-pin-warning')}</p>
      )}
    </section>
  );
}

/**
 * Exactly what the person the documents go to will be able to read: everything a document's
 * metadata holds travels with it (title, category, date, note, file), since sharing gives
 * them the document's key D and the metadata is encrypted to D (docs/formats.md).
 */
function WhatTheySee({ docs, name }: { docs: readonly DocEntry[]; name: string | null }) {
  const { t, lang } = useI18n();
  return (
    <section class="card stack" aria-labelledby="seen-title" data-testid="what-they-see">
      <h2 id="seen-title">{name ? t('seen-title', { name }) : t('seen-title-link')}</h2>
      <p>{t('seen-lead')}</p>
      <ul class="seen-list">
        {docs.map((d) => {
          const m = d.meta!;
          return (
            <li key={d.id}>
              <p class="seen-title">{m.title}</p>
              <dl class="facts">
                <dt>{t('seen-category')}</dt>
                <dd>{t(`category-${m.category}`)}</dd>
                <dt>{t('seen-date')}</dt>
                <dd>{m.date ? formatDate(m.date, lang) : t('seen-none')}</dd>
                <dt>{t('seen-note')}</dt>
                <dd>{m.note ? m.note : t('seen-none')}</dd>
                <dt>{t('seen-file')}</dt>
                <dd>{m.file_name ? `${m.file_name} (${formatSize(m.size, lang)})` : t('seen-file-text', { size: formatSize(m.size, lang) })}</dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
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
  // One sentence at a time under the field: the server's answer once there is one, else what
  // the typed code looks like (never "complete" next to "nobody has this code").
  const shown = error ?? hint ?? (check.ok ? t('code-hint-ok', { code: check.code }) : '');

  async function find(typed: string) {
    const c = parseWorkerCode(typed);
    if (!c.ok) {
      // A mistyped or malformed code: the hint under the field already says so, once.
      if (c.reason === 'empty' || c.reason === 'short') setError(t('code-hint-short'));
      document.getElementById('worker-code')?.focus();
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
              setError(null);
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
    <section
      class={`card worker-facts ${worker.verified ? 'verified' : 'unverified'}`}
      aria-labelledby="worker-facts-title"
      data-testid="worker-facts"
    >
      <WorkerBadge verified={worker.verified} short={false} />
      <h2 id="worker-facts-title" class="worker-name" data-testid="worker-name">
        {worker.real_name}
      </h2>
      <dl class="facts">
        <dt>{t('worker-organisation')}</dt>
        <dd data-testid="worker-organisation">{worker.organisation}</dd>
        <dt>{t('worker-card-code')}</dt>
        <dd class="code" dir="ltr">{worker.code}</dd>
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
  const [renewing, setRenewing] = useState<string | null>(null);
  const [fresh, setFresh] = useState<{ link: MadeLink; pin: string; n: number } | null>(null);
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

  /** The share's documents that are still in the wallet and can be shared again. */
  const stillHere = (s: ShareSummary) => shareable(session).filter((d) => s.document_ids.includes(d.id));

  /**
   * One step from a locked or ended link to a new one for the same documents: a new secret
   * and a new PIN (someone who found the old link in a browser's history has neither).
   */
  async function renew(s: ShareSummary) {
    if (renewing) return;
    const docs = stillHere(s);
    setRenewing(s.id);
    setError(null);
    try {
      const pin = generatePin();
      const link = await session.shareAsLink(docs, durationSecs(DEFAULT_DURATION), pin, null, location.origin);
      setFresh({ link, pin, n: docs.length });
    } catch (err) {
      setError(errorMessage(t, lang, err));
    }
    setRenewing(null);
  }

  if (fresh) {
    return (
      <main class="screen" key="renewed">
        <ScreenTitle>{t('link-done-title')}</ScreenTitle>
        <p class="notice" role="status">
          {t('link-renewed-text', { n: fresh.n, when: formatDateTime(fresh.link.expiresAt, lang) })}
        </p>
        <LinkShown url={fresh.link.url} pin={fresh.pin} />
        <p>{t('link-done-leave')}</p>
        <button
          type="button"
          class="primary"
          onClick={() => {
            setFresh(null);
            setMessage(null);
            void load();
          }}
        >
          {t('back-to-shares')}
        </button>
      </main>
    );
  }

  const titles = new Map(session.docs.filter((d) => d.meta).map((d) => [d.id, d.meta!.title]));
  const now = Date.now();
  return (
    <main class="screen wide">
      <ScreenTitle>{t('shares-title')}</ScreenTitle>
      <p class="hint">{t('shares-receipts-truth')}</p>
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
            ) : !s.worker && stillHere(s).length > 0 ? (
              <>
                <p class="hint" id={`renew-help-${s.id}`}>
                  {t(status === 'locked' ? 'share-renew-locked' : 'share-renew-ended')}
                </p>
                <button
                  type="button"
                  class="primary"
                  disabled={renewing !== null}
                  aria-describedby={`renew-help-${s.id}`}
                  onClick={() => void renew(s)}
                >
                  {t('share-renew')}
                </button>
                <p class="status" aria-live="polite">
                  {renewing === s.id ? t('sharing') : ''}
                </p>
              </>
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
        <p>{revoking?.worker ? t('revoke-copies', { name: revoking.worker.real_name }) : t('revoke-copies-link')}</p>
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
