/**
 * Settings → Helpers (a holder's wallet, open): the trusted helpers who can get the holder
 * back in when the passphrase and the recovery sheet are both lost. The list, then choosing a
 * new set (helpers/flow.ts): social workers by card code (typed or scanned, checked as for
 * sharing) and paper helper cards, how many are needed; then each paper card's printable page.
 * Replacing or removing the set makes the old shares and cards open nothing.
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { api, type HelperSet, type WorkerCard } from '../api';
import type { Session } from '../session';
import { PrintButton } from '../shared-computer-ui';
import { WorkerFacts } from '../share/parts';
import { ErrorBox, QrCode, focusOn, invalidProps, msg, useAction, useI18n } from '../ui';
import type { RecordKeeper } from '../wallet-record';
import { WorkerCodeForm } from '../worker-code-form';
import { canSave, helpersReducer, initialHelpers, thresholdChoices, type HelpersAction, type HelpersState } from './flow';
import { chooseHelpers } from './setup';

type Mode = 'home' | 'choose' | 'remove';

export function HelpersSection(props: { session: Session }) {
  const { t } = useI18n();
  const [set, setSet] = useState<HelperSet | null | undefined>(undefined);
  const [mode, setMode] = useState<Mode>('home');
  const [notice, setNotice] = useState<string | null>(null);
  const loading = useAction();
  const removing = useAction();
  const title = useRef<HTMLHeadingElement>(null);

  async function load() {
    await loading.run(async () => {
      setSet(await api.helpers());
    });
  }
  useEffect(() => {
    void load();
  }, []);

  const go = (m: Mode, said: string | null = null) => {
    setMode(m);
    setNotice(said);
    setTimeout(() => focusOn(title.current), 0);
  };

  async function remove() {
    const done = await removing.run(async () => {
      await api.removeHelpers();
      return true;
    });
    if (!done) return;
    setSet(null);
    go('home', t('helpers-removed'));
  }

  return (
    <section class="card stack" aria-labelledby="helpers-title" data-testid="helpers-section">
      <h2 id="helpers-title" tabIndex={-1} ref={title}>
        {t('helpers-title')}
      </h2>
      {mode === 'choose' ? (
        <ChooseHelpers
          session={props.session}
          replacing={!!set}
          onDone={() => {
            void load();
            go('home', t('helpers-saved'));
          }}
          onCancel={() => go('home')}
        />
      ) : mode === 'remove' ? (
        <div class="stack" {...removing.busyProps}>
          <p class="warning">{t('helpers-remove-warning')}</p>
          <ErrorBox {...removing.box} />
          <div class="row">
            <button type="button" class="danger" disabled={removing.busy} onClick={() => void remove()}>
              {t('helpers-remove-confirm')}
            </button>
            <button type="button" class="secondary" disabled={removing.busy} onClick={() => go('home')}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{t('helpers-lead')}</p>
          {notice ? (
            <p class="notice" role="status">
              {notice}
            </p>
          ) : null}
          <ErrorBox {...loading.box} />
          {set === undefined ? <p role="status">{t('please-wait')}</p> : set === null ? <p>{t('helpers-none')}</p> : <HelperList set={set} />}
          {set !== undefined ? (
            <div class="row">
              <button type="button" class="secondary" onClick={() => go('choose')}>
                {set ? t('helpers-replace') : t('helpers-choose')}
              </button>
              {set ? (
                <button type="button" class="secondary" onClick={() => go('remove')}>
                  {t('helpers-remove')}
                </button>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The current set: how many are needed, and each helper. */
function HelperList({ set }: { set: HelperSet }) {
  const { t } = useI18n();
  return (
    <>
      <p data-testid="helpers-threshold">{t('helpers-needed', { k: set.threshold, n: set.helpers.length })}</p>
      <ul class="helpers" data-testid="helpers-list">
        {set.helpers.map((h) => (
          <li key={h.id}>
            {h.kind === 'worker' && h.worker ? (
              <>
                <bdi>{h.worker.real_name}</bdi> — <bdi>{h.worker.organisation}</bdi>
                {h.worker.state === 'suspended' ? (
                  <p class="warning" role="note">
                    {t('helpers-worker-suspended')}
                  </p>
                ) : null}
              </>
            ) : (
              <>
                {t('helpers-card-named')} <bdi>{h.label}</bdi>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Choosing a new set, step by step (helpers/flow.ts). */
function ChooseHelpers(props: { session: Session; replacing: boolean; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [state, dispatch] = useReducer(helpersReducer, initialHelpers);
  const saving = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // Each new step's heading takes the focus (the first is the section's own).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusOn(heading.current);
  }, [state.step, state.cardAt]);

  async function save() {
    if (!canSave(state)) return dispatch({ type: 'saveInvalid' });
    const cards = await saving.run(() => chooseHelpers(props.session, state.threshold, state.helpers));
    if (cards) dispatch({ type: 'saved', cards });
  }

  const error = state.error ? t(state.error) : null;
  if (state.step === 'worker') {
    return (
      <WorkerByCode
        heading={heading}
        record={props.session.record}
        onFound={(worker) => dispatch({ type: 'workerFound', worker })}
        onBack={() => dispatch({ type: 'back' })}
      />
    );
  }
  if (state.step === 'check' && state.found) {
    return (
      <div class="stack">
        <h3 tabIndex={-1} ref={heading}>
          {t('helpers-check-title')}
        </h3>
        <p>{t('helpers-check-lead')}</p>
        <WorkerFacts worker={state.found} />
        <ErrorBox message={error} focusKey={state.failures} />
        <div class="row">
          <button type="button" class="primary" onClick={() => dispatch({ type: 'confirmWorker' })}>
            {t('helpers-worker-yes')}
          </button>
          <button type="button" class="secondary" onClick={() => dispatch({ type: 'back' })}>
            {t('share-worker-no')}
          </button>
        </div>
      </div>
    );
  }
  if (state.step === 'card') {
    return (
      <form
        class="stack"
        autocomplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          dispatch({ type: 'cardNamed' });
        }}
      >
        <h3 tabIndex={-1} ref={heading}>
          {t('helpers-card-title')}
        </h3>
        <p>{t('helpers-card-lead')}</p>
        <label for="helper-card-label">{t('helpers-card-label')}</label>
        <input
          id="helper-card-label"
          dir="auto"
          autocomplete="off"
          maxLength={100}
          {...invalidProps('helper-card-error', error !== null)}
          value={state.label}
          onInput={(e) => dispatch({ type: 'label', value: e.currentTarget.value })}
        />
        <p class="hint">{t('helpers-card-label-help')}</p>
        <ErrorBox id="helper-card-error" message={error} focusKey={state.failures} />
        <div class="row">
          <button type="submit" class="primary">
            {t('helpers-card-add')}
          </button>
          <button type="button" class="secondary" onClick={() => dispatch({ type: 'back' })}>
            {t('back')}
          </button>
        </div>
      </form>
    );
  }
  if (state.step === 'cards') {
    const card = state.cards[state.cardAt]!;
    return <PaperCardPage heading={heading} card={card} at={state.cardAt} total={state.cards.length} dispatch={dispatch} />;
  }
  if (state.step === 'done') {
    return (
      <div class="stack">
        <h3 tabIndex={-1} ref={heading}>
          {t('helpers-done-title')}
        </h3>
        <p>{t('helpers-done-text')}</p>
        <button type="button" class="primary" onClick={props.onDone}>
          {t('helpers-done-back')}
        </button>
      </div>
    );
  }
  return <ChosenList heading={heading} state={state} replacing={props.replacing} saving={saving} dispatch={dispatch} onSave={() => void save()} onCancel={props.onCancel} />;
}

function ChosenList(props: {
  heading: preact.RefObject<HTMLHeadingElement>;
  state: HelpersState;
  replacing: boolean;
  saving: ReturnType<typeof useAction>;
  dispatch: (a: HelpersAction) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { state, dispatch, saving } = props;
  const n = state.helpers.length;
  const error = state.error ? t(state.error) : null;
  return (
    <div class="stack" {...saving.busyProps}>
      <h3 tabIndex={-1} ref={props.heading}>
        {t('helpers-choose-title')}
      </h3>
      <p>{t('helpers-choose-lead')}</p>
      {props.replacing ? <p class="warning">{t('helpers-replace-warning')}</p> : null}
      {n === 0 ? (
        <p>{t('helpers-chosen-none')}</p>
      ) : (
        <ul class="helpers" data-testid="helpers-chosen">
          {state.helpers.map((h, i) => (
            <li key={i} class="row">
              <span>
                {h.kind === 'worker' ? (
                  <>
                    <bdi>{h.worker.real_name}</bdi> — <bdi>{h.worker.organisation}</bdi>
                  </>
                ) : (
                  <>
                    {t('helpers-card-named')} <bdi>{h.label}</bdi>
                  </>
                )}
              </span>
              <button
                type="button"
                class="link"
                disabled={saving.busy}
                aria-label={t('helpers-remove-one', { name: h.kind === 'worker' ? h.worker.real_name : h.label })}
                onClick={() => dispatch({ type: 'remove', index: i })}
              >
                {t('helpers-remove-one-short')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" class="secondary" disabled={saving.busy} onClick={() => dispatch({ type: 'addWorker' })}>
          {t('helpers-add-worker')}
        </button>
        <button type="button" class="secondary" disabled={saving.busy} onClick={() => dispatch({ type: 'addCard' })}>
          {t('helpers-add-card')}
        </button>
      </div>
      <label for="helpers-threshold">{t('helpers-threshold-label')}</label>
      <select
        id="helpers-threshold"
        disabled={saving.busy || n < 2}
        value={String(state.threshold)}
        onChange={(e) => dispatch({ type: 'threshold', value: Number(e.currentTarget.value) })}
      >
        {thresholdChoices(n).map((k) => (
          <option key={k} value={String(k)}>
            {t('helpers-threshold-option', { k, n: Math.max(n, 2) })}
          </option>
        ))}
      </select>
      <p class="hint">{t('helpers-threshold-help')}</p>
      <ErrorBox message={error} focusKey={state.failures} />
      <ErrorBox {...saving.box} />
      <p class="status" aria-live="polite">
        {saving.busy ? t('helpers-saving') : ''}
      </p>
      <div class="row">
        <button type="button" class="primary" disabled={saving.busy} onClick={props.onSave}>
          {t('helpers-save')}
        </button>
        <button type="button" class="secondary" disabled={saving.busy} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** A social worker by their card code, typed or scanned; the key is checked against the card. */
function WorkerByCode(props: { heading: preact.RefObject<HTMLHeadingElement>; record: RecordKeeper; onFound: (w: WorkerCard) => void; onBack: () => void }) {
  const { t } = useI18n();
  const finding = useAction();
  return (
    <WorkerCodeForm
      id="helper-worker-code"
      record={props.record}
      finding={finding}
      onFound={props.onFound}
      heading={
        <h3 tabIndex={-1} ref={props.heading}>
          {t('helpers-worker-title')}
        </h3>
      }
    >
      <button type="button" class="secondary" disabled={finding.busy} onClick={props.onBack}>
        {t('back')}
      </button>
    </WorkerCodeForm>
  );
}

/**
 * One paper helper card, to print or photograph: the service's address, the card's text and
 * its QR code, what to do with it. The holder's pseudonym is not on it: a card found or taken
 * should not say whose wallet it helps open (the person says their pseudonym when they ask).
 */
function PaperCardPage(props: {
  heading: preact.RefObject<HTMLHeadingElement>;
  card: { label: string; text: string };
  at: number;
  total: number;
  dispatch: (a: HelpersAction) => void;
}) {
  const { t } = useI18n();
  const { card } = props;
  return (
    <div class="stack">
      <div class="no-print stack">
        <h3 tabIndex={-1} ref={props.heading}>
          {t('helpers-print-title', { n: props.at + 1, total: props.total })}
        </h3>
        <p>{t('helpers-print-lead', { label: card.label })}</p>
      </div>
      <HelperCardSheet text={card.text} />
      <div class="stack no-print">
        <PrintButton label={t('helpers-print')} />
        <button type="button" class="primary" onClick={() => props.dispatch({ type: 'nextCard' })}>
          {props.at + 1 < props.total ? t('helpers-print-next') : t('helpers-print-done')}
        </button>
      </div>
    </div>
  );
}

/** The printable part of a paper helper card. */
function HelperCardSheet({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <article class="sheet helper-card" aria-labelledby="helper-sheet-title" data-testid="helper-card">
      <h4 id="helper-sheet-title">{t('helper-sheet-title')}</h4>
      <dl>
        <dt>{t('sheet-address')}</dt>
        <dd dir="ltr">{location.origin}</dd>
        <dt>{t('helper-sheet-text')}</dt>
        <dd class="sheet-code" dir="ltr" data-testid="helper-card-text">
          {text}
        </dd>
      </dl>
      <QrCode text={text} label={t('helper-sheet-qr')} />
      <ol class="sheet-steps">
        <li>{t('helper-sheet-step-1')}</li>
        <li>{t('helper-sheet-step-2')}</li>
        <li>{t('helper-sheet-step-3')}</li>
      </ol>
    </article>
  );
}
