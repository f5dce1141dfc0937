/** The page a share link opens (`/s/<id>#<secret>`): PIN if asked, then the documents. */
import { CloseBrowserReminder } from './shared-computer-ui';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';
import type { LinkSession } from './shared';
import { linkClosedText } from './downloads';
import { PIN_FIELD_MAX, formatDateTime, readPin } from './sharing';
import { ErrorBox, ScreenTitle, msg, useAction, useI18n, useSession } from './ui';
import { failureCode } from './viewer';
import { DocList } from './doclist';
import { SharedDocScreen } from './worker';

type Phase = 'opening' | 'pin' | 'open' | 'ended' | 'locked' | 'bad' | 'failed';

/** What an error from a link route means for the page. */
function phaseFor(err: unknown): Phase | null {
  switch (failureCode(err)) {
    case 'pin_required':
      return 'pin';
    case 'share_ended':
      return 'ended';
    case 'link_locked':
      return 'locked';
    case 'not_found':
      return 'bad';
    default:
      return null;
  }
}

/** `session` is null when the address holds no usable secret. */
export function LinkScreen(props: { session: LinkSession | null }) {
  const { t, lang } = useI18n();
  const { session } = props;
  const [phase, setPhase] = useState<Phase>(session ? 'opening' : 'bad');
  const [pin, setPin] = useState('');
  const opening = useAction({ context: 'link' });
  const { busy, error } = opening;
  const [openDoc, setOpenDoc] = useState<string | null>(null);
  useSession(session);

  async function open(withPin: string | null) {
    if (!session) return;
    const opened = await opening.run(
      () => session.open(withPin),
      (err) => {
        const next = phaseFor(err);
        if (err instanceof ApiError && err.code === 'wrong_pin' && err.attemptsLeft === 0) {
          // That was the 5th wrong PIN: the link is locked for good, say so plainly.
          setPin('');
          setPhase('locked');
          return true;
        }
        if (next === 'pin' && withPin === null) {
          setPhase('pin');
          return true;
        }
        if (next && next !== 'pin') {
          setPhase(next);
          return true;
        }
        if (err instanceof ApiError && err.code === 'wrong_pin') setPin('');
        if (withPin === null) setPhase('failed');
        return false;
      },
    );
    if (!opened) return;
    setPin('');
    setPhase('open');
  }

  useEffect(() => {
    if (session) void open(null);
  }, []);

  if (phase === 'bad' || !session) {
    return (
      <main class="screen" key="bad">
        <ScreenTitle>{t('link-bad-title')}</ScreenTitle>
        <p class="lead">{t('link-bad-text')}</p>
        <p>{t('link-bad-appointment')}</p>
      </main>
    );
  }
  if (phase === 'ended') {
    return (
      <main class="screen" key="ended">
        <ScreenTitle>{t('link-ended-title')}</ScreenTitle>
        <p class="lead">{t('link-ended-text')}</p>
      </main>
    );
  }
  if (phase === 'locked') {
    return (
      <main class="screen" key="locked">
        <ScreenTitle>{t('link-locked-title')}</ScreenTitle>
        <p class="lead">{t('link-locked-text')}</p>
      </main>
    );
  }
  if (phase === 'opening' || phase === 'failed') {
    return (
      <main class="screen" key="opening">
        <ScreenTitle>{t('link-title')}</ScreenTitle>
        <p aria-live="polite">{phase === 'opening' ? t('link-opening') : ''}</p>
        <ErrorBox message={phase === 'failed' ? error : null} focusKey={opening.box.focusKey} />
        {phase === 'failed' ? (
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => {
              setPhase('opening');
              void open(null);
            }}
          >
            {t('try-again')}
          </button>
        ) : null}
      </main>
    );
  }
  if (phase === 'pin') {
    return (
      <main class="screen" key="pin">
        <ScreenTitle>{t('link-pin-title')}</ScreenTitle>
        <p class="lead">{t('link-pin-text')}</p>
        <form
          class="stack card"
          autocomplete="off"
          {...opening.busyProps}
          onSubmit={(e) => {
            e.preventDefault();
            // Typed as it was shown ("123 456") or said: spaces and dashes between digits are fine.
            const typed = readPin(pin);
            if (!typed) return opening.fail(msg('err-pin-format'));
            void open(typed);
          }}
        >
          <label for="visit-pin">{t('field-link-pin')}</label>
          <p id="visit-pin-help" class="hint">
            {t('link-pin-field-help')}
          </p>
          <input
            id="visit-pin"
            class="pin-input"
            dir="ltr"
            inputMode="numeric"
            maxLength={PIN_FIELD_MAX}
            autocomplete="off"
            aria-describedby="visit-pin-help"
            value={pin}
            disabled={busy}
            onInput={(e) => setPin(e.currentTarget.value)}
          />
          <ErrorBox {...opening.box} />
          <p class="status" aria-live="polite">
            {busy ? t('link-opening') : ''}
          </p>
          <button type="submit" class="primary" disabled={busy}>
            {t('link-pin-submit')}
          </button>
        </form>
      </main>
    );
  }

  const contents = session.contents!;
  const doc = openDoc ? contents.docs.find((d) => d.id === openDoc) : undefined;
  if (doc?.meta) {
    return (
      <SharedDocScreen
        key={doc.id}
        keeper={session}
        doc={doc}
        load={() => session.openDoc(doc)}
        record={() => session.recordDownload(doc)}
        onFailure={(err) => {
          const next = phaseFor(err);
          if (!next || next === 'pin') return false;
          setOpenDoc(null);
          setPhase(next);
          return true;
        }}
        onClose={() => setOpenDoc(null)}
      />
    );
  }

  return (
    <main class="screen wide" key="open">
      <ScreenTitle>{t('link-title')}</ScreenTitle>
      <p class="lead">{t('share-until', { when: formatDateTime(contents.expiresAt, lang) })}</p>
      {contents.note?.from ? <p>{t('link-from', { name: contents.note.from })}</p> : null}
      {contents.note?.text ? (
        <section class="incoming-note" aria-label={t('incoming-note')}>
          <p class="doc-note">{contents.note.text}</p>
        </section>
      ) : null}
      <p class="hint">{t('link-visitor-hint')}</p>
      <h2>{t('share-documents', { n: contents.docs.length })}</h2>
      <DocList docs={contents.docs} onOpen={setOpenDoc} />
    </main>
  );
}

/** After Quit on a link page. */
export function LinkClosedScreen(props: { lost?: boolean }) {
  const { t } = useI18n();
  return (
    <main class="screen">
      <ScreenTitle>{t('link-closed-title')}</ScreenTitle>
      <p class="notice" role="status">
        {t(props.lost ? 'link-lost' : linkClosedText())}
      </p>
      <CloseBrowserReminder />
    </main>
  );
}
