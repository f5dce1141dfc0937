/**
 * "Ask for help" (from the start page): a person who lost their passphrase and their recovery
 * sheet types their pseudonym alone. The screen shows the request's code for the helpers, the
 * waiting period and that the wallet's other devices are told; then where the request stands,
 * a field (or the camera) for paper helper cards, and, once the wait is over with enough
 * helpers, opens the wallet, asks for a new passphrase and makes a new recovery sheet.
 * An unknown pseudonym goes through the same screens (the server answers alike).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { normalizePseudonym } from '../auth';
import { CredentialSteps } from '../create';
import { formatDateTime } from '../format';
import { QrScanner, useCanScan } from '../scan';
import type { Session } from '../session';
import { ErrorBox, NOT_REMEMBERED, ScreenTitle, invalidProps, msg, say, useAction, useI18n, type Msg } from '../ui';
import { setNewWays } from './complete';
import { HelpRequest, currentHelpRequest, releaseCurrentHelpRequest, setCurrentHelpRequest, type CardResult } from './recovery';

/** How often the waiting screen asks the server where the request stands. */
const STATUS_EVERY_MS = 30_000;

type Step = 'opened' | 'new-ways' | 'renew';

export function AskHelpScreen(props: { onOpened: (s: Session) => void; onDone: (s: Session) => void; onBack: () => void }) {
  const [request, setRequest] = useState<HelpRequest | null>(currentHelpRequest);
  const [session, setSession] = useState<Session | null>(null);
  const [step, setStep] = useState<Step>('opened');

  if (session) {
    if (step === 'opened') return <OpenedStep onNext={() => setStep('new-ways')} />;
    if (step === 'renew') return <RenewStep onDone={() => props.onDone(session)} />;
    return <NewWaysStep session={session} onFirstStep={() => setStep('opened')} onDone={() => setStep('renew')} />;
  }
  if (!request) {
    return (
      <AskStep
        onAsked={(r) => {
          setCurrentHelpRequest(r);
          setRequest(r);
        }}
        onBack={props.onBack}
      />
    );
  }
  return (
    <WaitingStep
      request={request}
      onOpened={(s) => {
        releaseCurrentHelpRequest();
        setSession(s);
        props.onOpened(s);
      }}
      onBack={props.onBack}
    />
  );
}

function AskStep(props: { onAsked: (r: HelpRequest) => void; onBack: () => void }) {
  const { t } = useI18n();
  const [pseudonym, setPseudonym] = useState('');
  const asking = useAction();

  async function submit(e: Event) {
    e.preventDefault();
    const p = normalizePseudonym(pseudonym);
    if (!p) return asking.fail(msg('help-need-pseudonym'));
    const r = await asking.run(() => HelpRequest.start(p), (err) => {
      if (err instanceof ApiError && err.code === 'help_request_open') {
        asking.fail(msg('help-already-open'));
        return true;
      }
      return false;
    });
    if (r) props.onAsked(r);
  }

  return (
    <main class="screen" key="ask">
      <ScreenTitle>{t('help-title')}</ScreenTitle>
      <p class="lead">{t('help-lead')}</p>
      <section class="card">
        <form class="stack" autocomplete="off" onSubmit={(e) => void submit(e)} {...asking.busyProps}>
          <label for="help-pseudonym">{t('field-pseudonym')}</label>
          <input
            id="help-pseudonym"
            {...NOT_REMEMBERED}
            dir="auto"
            {...invalidProps('help-error', asking.error !== null)}
            value={pseudonym}
            onInput={(e) => setPseudonym(e.currentTarget.value)}
          />
          <ErrorBox id="help-error" {...asking.box} />
          <p class="status" aria-live="polite">
            {asking.busy ? t('please-wait') : ''}
          </p>
          <button type="submit" class="primary" disabled={asking.busy}>
            {t('help-submit')}
          </button>
          <button type="button" class="secondary" disabled={asking.busy} onClick={props.onBack}>
            {t('back')}
          </button>
        </form>
      </section>
    </main>
  );
}

/** The message of a card typed in. */
const CARD_MESSAGES: Record<CardResult, string> = {
  added: 'help-card-added',
  again: 'help-card-again',
  mistyped: 'help-card-mistyped',
  invalid: 'help-card-invalid',
};

function WaitingStep(props: { request: HelpRequest; onOpened: (s: Session) => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  const { request } = props;
  const [status, setStatus] = useState(request.status);
  const [cards, setCards] = useState(request.cards);
  const [card, setCard] = useState('');
  const [cardSaid, setCardSaid] = useState<{ result: CardResult; n: number } | null>(null);
  const [scanning, setScanning] = useState(false);
  const canScan = useCanScan();
  const checking = useAction();
  const adding = useAction();
  const opening = useAction();
  const [openError, setOpenError] = useState<Msg | null>(null);
  const live = useRef(true);

  async function check() {
    await checking.run(async () => {
      const s = await request.refresh();
      if (live.current) setStatus(s);
    });
  }
  useEffect(() => {
    live.current = true;
    void check();
    const timer = setInterval(() => void check(), STATUS_EVERY_MS);
    return () => {
      live.current = false;
      clearInterval(timer);
    };
  }, [request]);

  async function addCard(text: string) {
    if (!text.trim()) return adding.fail(msg('help-card-empty'));
    const result = await adding.run(() => request.addCard(text));
    if (!result) return;
    setCardSaid((prev) => ({ result, n: (prev?.n ?? 0) + 1 }));
    if (result === 'added' || result === 'again') setCard('');
    setCards(request.cards);
  }

  async function open() {
    setOpenError(null);
    const s = await opening.run(() => request.open(), (err) => {
      if (!(err instanceof ApiError)) return false;
      if (err.code === 'help_not_ready') {
        setOpenError(msg('help-not-ready', { time: formatDateTime(status.ready_at, lang) }));
        return true;
      }
      if (err.code === 'not_enough_approvals') {
        setOpenError(msg('help-not-enough'));
        return true;
      }
      if (err.code === 'help_request_ended') void check();
      return false;
    });
    if (s) props.onOpened(s);
  }

  const ended = status.state !== 'open';
  const cardInvalid = cardSaid && (cardSaid.result === 'mistyped' || cardSaid.result === 'invalid');
  return (
    <main class="screen" key="waiting">
      <ScreenTitle>{t('help-waiting-title')}</ScreenTitle>
      <section class="card stack" aria-labelledby="help-code-title">
        <h2 id="help-code-title">{t('help-code-title')}</h2>
        <p class="card-code help-code" dir="ltr" data-testid="help-code">
          {request.code}
        </p>
        <p>{t('help-code-text')}</p>
        <p data-testid="help-wait">{t('help-wait', { hours: request.started.wait_hours, time: formatDateTime(status.ready_at, lang) })}</p>
        <p>{t('help-others-told')}</p>
      </section>
      <section class="card stack" aria-labelledby="help-status-title" {...checking.busyProps}>
        <h2 id="help-status-title">{t('help-status-title')}</h2>
        <p role="status" data-testid="help-status">
          {status.state === 'open'
            ? t('help-status-open', { approvals: status.approvals, cards })
            : status.state === 'cancelled'
              ? t('help-status-cancelled')
              : status.state === 'expired'
                ? t('help-status-expired')
                : t('help-status-completed')}
        </p>
        <ErrorBox {...checking.box} />
        <button type="button" class="secondary" disabled={checking.busy} onClick={() => void check()}>
          {t('help-check-again')}
        </button>
      </section>
      {!ended ? (
        <section class="card" aria-labelledby="help-card-title">
          <form
            class="stack"
            autocomplete="off"
            {...adding.busyProps}
            onSubmit={(e) => {
              e.preventDefault();
              void addCard(card);
            }}
          >
            <h2 id="help-card-title">{t('help-card-title')}</h2>
            <p>{t('help-card-lead')}</p>
            <label for="help-card-text">{t('help-card-field')}</label>
            <textarea
              id="help-card-text"
              class="code-input"
              dir="ltr"
              rows={3}
              {...NOT_REMEMBERED}
              autocapitalize="characters"
              {...invalidProps('help-card-said', !!cardInvalid)}
              value={card}
              onInput={(e) => {
                setCard(e.currentTarget.value);
                setCardSaid(null);
              }}
            />
            <p id="help-card-said" class={cardInvalid ? 'error' : 'notice'} role={cardInvalid ? 'alert' : 'status'} hidden={!cardSaid}>
              {cardSaid ? t(CARD_MESSAGES[cardSaid.result]) : ''}
            </p>
            <ErrorBox {...adding.box} />
            <div class="row">
              <button type="submit" class="secondary" disabled={adding.busy}>
                {t('help-card-add')}
              </button>
              {canScan && !scanning ? (
                <button type="button" class="secondary" disabled={adding.busy} onClick={() => setScanning(true)}>
                  {t('help-card-scan')}
                </button>
              ) : null}
            </div>
            {scanning ? (
              <QrScanner
                wrongKind={t('help-card-not-a-card')}
                onText={(text) => {
                  if (!/^pdehelper1/i.test(text.replace(/[\s-]/g, ''))) return false;
                  setScanning(false);
                  void addCard(text);
                  return true;
                }}
                onClose={() => setScanning(false)}
              />
            ) : null}
          </form>
        </section>
      ) : null}
      {!ended ? (
        <section class="card stack" aria-labelledby="help-open-title" {...opening.busyProps}>
          <h2 id="help-open-title">{t('help-open-title')}</h2>
          <p>{t('help-open-text')}</p>
          <ErrorBox message={openError ? say(t, lang, openError) : null} />
          <ErrorBox {...opening.box} />
          <p class="status" aria-live="polite">
            {opening.busy ? t('opening') : ''}
          </p>
          <button type="button" class="primary" disabled={opening.busy} onClick={() => void open()}>
            {t('help-open')}
          </button>
        </section>
      ) : null}
      <button type="button" class="secondary" onClick={props.onBack}>
        {t('back')}
      </button>
    </main>
  );
}

function OpenedStep(props: { onNext: () => void }) {
  const { t } = useI18n();
  return (
    <main class="screen" key="opened">
      <ScreenTitle>{t('help-opened-title')}</ScreenTitle>
      <p class="lead">{t('help-opened-text')}</p>
      <button type="button" class="primary" onClick={props.onNext}>
        {t('help-opened-next')}
      </button>
    </main>
  );
}

function NewWaysStep(props: { session: Session; onFirstStep: () => void; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <CredentialSteps
      title={t('help-new-title')}
      lead={t('help-new-lead')}
      submitLabel={t('recover-new-submit')}
      busyLabel={t('please-wait-keys')}
      name={props.session.pseudonym}
      kind="holder"
      create={async (passphrase, code) => {
        await setNewWays(props.session, passphrase, code);
        return props.session;
      }}
      onFirstStep={props.onFirstStep}
      onDone={props.onDone}
    />
  );
}

function RenewStep(props: { onDone: () => void }) {
  const { t } = useI18n();
  return (
    <main class="screen" key="renew">
      <ScreenTitle>{t('help-renew-title')}</ScreenTitle>
      <p class="lead">{t('help-renew-text')}</p>
      <p>{t('help-renew-others')}</p>
      <button type="button" class="primary" onClick={props.onDone}>
        {t('recover-saved-continue')}
      </button>
    </main>
  );
}
