/**
 * Settings → "Ways to open my wallet" (the passphrase, the recovery code, each passkey) and
 * "Where my wallet is open" (the sessions). The same for holders and workers. Every change to
 * a way in asks first for proof (the current passphrase, the recovery code or a passkey); a
 * new passphrase or recovery sheet offers to end the other sessions.
 */
import { useEffect, useReducer, useState } from 'preact/hooks';
import { api, type PasskeyView, type SessionView } from './api';
import { addPasskey, changePassphrase, defaultPasskeyName, makeNewRecoveryCode, withProof, type OpenSession, type OwnerProof } from './auth';
import { RecoverySheet } from './create';
import { formatDateTime } from './format';
import { PassphraseChooser } from './passphrase';
import { passkeysSupported } from './passkeys';
import { ErrorBox, NOT_REMEMBERED, PASSPHRASE_FIELD, invalidProps, msg, useAction, useI18n } from './ui';

/** What the "Ways to open my wallet" section shows. */
export type WaysView =
  | { kind: 'list' }
  | { kind: 'passphrase' }
  | { kind: 'proof'; purpose: 'add' | 'recovery' }
  | { kind: 'proof'; purpose: 'remove'; passkey: PasskeyView }
  | { kind: 'rename'; passkey: PasskeyView }
  | { kind: 'sheet'; code: string }
  | { kind: 'done'; message: 'ways-passphrase-changed' | 'ways-recovery-changed' | 'ways-passkey-added' | 'ways-passkey-added-no-prf' | 'ways-passkey-removed' | 'ways-passkey-renamed'; endedOthers?: boolean };

export type WaysAction =
  | { type: 'show'; view: WaysView }
  | { type: 'sheetKept'; endedOthers: boolean }
  | { type: 'back' };

/** The steps of the section: the list, a form, then what happened. */
export function waysReducer(state: WaysView, action: WaysAction): WaysView {
  switch (action.type) {
    case 'show':
      return action.view;
    case 'sheetKept':
      return state.kind === 'sheet' ? { kind: 'done', message: 'ways-recovery-changed', endedOthers: action.endedOthers } : state;
    case 'back':
      return { kind: 'list' };
  }
}

function ProofFields(props: { id: string; hasPasskey: boolean; proof: OwnerProof; onChange: (p: OwnerProof) => void; invalid: boolean; errorId: string }) {
  const { t } = useI18n();
  const { proof } = props;
  const methods: OwnerProof['method'][] = ['passphrase', 'recovery', ...(props.hasPasskey && passkeysSupported() ? (['passkey'] as const) : [])];
  const label = (m: OwnerProof['method']) => (m === 'passphrase' ? t('field-passphrase') : m === 'recovery' ? t('field-recovery-code') : t('ways-proof-passkey'));
  const pick = (m: OwnerProof['method']) =>
    props.onChange(m === 'passphrase' ? { method: m, passphrase: '' } : m === 'recovery' ? { method: m, code: '' } : { method: 'passkey' });
  return (
    <>
      <fieldset>
        <legend>{t('ways-proof-legend')}</legend>
        {methods.map((m) => (
          <label class="check" key={m}>
            <input type="radio" name={`${props.id}-method`} checked={proof.method === m} onChange={() => pick(m)} />
            {label(m)}
          </label>
        ))}
      </fieldset>
      {proof.method === 'passphrase' ? (
        <>
          <label for={`${props.id}-secret`}>{t('field-passphrase')}</label>
          <input
            id={`${props.id}-secret`}
            key="passphrase"
            type="password"
            {...PASSPHRASE_FIELD}
            dir="auto"
            {...invalidProps(props.errorId, props.invalid)}
            value={proof.passphrase}
            onInput={(e) => props.onChange({ method: 'passphrase', passphrase: e.currentTarget.value })}
          />
        </>
      ) : proof.method === 'recovery' ? (
        <>
          <label for={`${props.id}-secret`}>{t('field-recovery-code')}</label>
          <input
            id={`${props.id}-secret`}
            key="code"
            class="code-input"
            dir="ltr"
            {...NOT_REMEMBERED}
            autocapitalize="characters"
            {...invalidProps(props.errorId, props.invalid)}
            value={proof.code}
            onInput={(e) => props.onChange({ method: 'recovery', code: e.currentTarget.value })}
          />
        </>
      ) : (
        <p>{t('ways-proof-passkey-help')}</p>
      )}
    </>
  );
}

function proofMissing(p: OwnerProof): boolean {
  return (p.method === 'passphrase' && !p.passphrase.trim()) || (p.method === 'recovery' && !p.code.trim());
}

export function WaysInSection(props: { session: OpenSession }) {
  const { t, lang } = useI18n();
  const session = props.session;
  const [view, dispatch] = useReducer(waysReducer, { kind: 'list' });
  const [passkeys, setPasskeys] = useState<PasskeyView[] | null>(null);
  const [proof, setProof] = useState<OwnerProof>({ method: 'passphrase', passphrase: '' });
  const [endOthers, setEndOthers] = useState(true);
  const [current, setCurrent] = useState('');
  const [name, setName] = useState('');
  const loading = useAction();
  const action = useAction({ context: 'other' });
  const worker = session.kind === 'worker';

  const reload = async () => {
    const list = await loading.run(() => api.passkeys());
    if (list) setPasskeys(list.passkeys);
  };
  useEffect(() => {
    void reload();
  }, []);

  const show = (v: WaysView) => {
    setProof({ method: 'passphrase', passphrase: '' });
    setCurrent('');
    setEndOthers(true);
    action.fail(null);
    dispatch({ type: 'show', view: v });
  };

  async function submitProof(e: Event) {
    e.preventDefault();
    if (view.kind !== 'proof') return;
    if (proofMissing(proof)) return action.fail(msg('ways-proof-needed'));
    if (view.purpose === 'recovery') {
      const code = await action.run(() => makeNewRecoveryCode(session, proof, endOthers));
      if (code) dispatch({ type: 'show', view: { kind: 'sheet', code } });
      return;
    }
    if (view.purpose === 'add') {
      const unlocks = await action.run(() => withProof(session, proof, (p) => addPasskey(session, p, defaultPasskeyName())));
      if (unlocks === undefined) return;
      dispatch({ type: 'show', view: { kind: 'done', message: unlocks ? 'ways-passkey-added' : 'ways-passkey-added-no-prf' } });
      void reload();
      return;
    }
    if (view.purpose !== 'remove') return;
    const target = view.passkey;
    const done = await action.run(async () => {
      await withProof(session, proof, (p) => api.removePasskey(target.id, p));
      return true;
    });
    if (!done) return;
    dispatch({ type: 'show', view: { kind: 'done', message: 'ways-passkey-removed' } });
    void reload();
  }

  async function submitPassphrase(next: string) {
    if (!current.trim()) return action.fail(msg('ways-current-needed'));
    const done = await action.run(async () => {
      await changePassphrase(session, current, next, endOthers);
      return true;
    });
    if (!done) return;
    setCurrent('');
    dispatch({ type: 'show', view: { kind: 'done', message: 'ways-passphrase-changed', endedOthers: endOthers } });
  }

  async function submitRename(e: Event) {
    e.preventDefault();
    if (view.kind !== 'rename') return;
    const trimmed = name.trim();
    if (!trimmed || [...trimmed].length > 64) return action.fail(msg('ways-name-length'));
    const target = view.passkey;
    const done = await action.run(async () => {
      await api.renamePasskey(target.id, trimmed);
      return true;
    });
    if (!done) return;
    dispatch({ type: 'show', view: { kind: 'done', message: 'ways-passkey-renamed' } });
    void reload();
  }

  const endOthersBox = (
    <label class="check">
      <input type="checkbox" checked={endOthers} disabled={action.busy} onChange={(e) => setEndOthers(e.currentTarget.checked)} />
      {t('ways-end-others')}
    </label>
  );
  const cancel = (
    <button type="button" class="secondary" disabled={action.busy} onClick={() => dispatch({ type: 'back' })}>
      {t('cancel')}
    </button>
  );
  const hasPasskey = (passkeys?.length ?? 0) > 0;

  let body;
  if (view.kind === 'passphrase') {
    body = (
      <div class="stack">
        <h3>{t('ways-passphrase-change')}</h3>
        <label for="ways-current">{t('ways-current-passphrase')}</label>
        <input
          id="ways-current"
          type="password"
          {...PASSPHRASE_FIELD}
          dir="auto"
          {...invalidProps('ways-error', action.error !== null)}
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
        {endOthersBox}
        <PassphraseChooser busy={action.busy} submitLabel={t('ways-passphrase-submit')} onDone={(p) => void submitPassphrase(p)} />
        <p class="status" aria-live="polite">
          {action.busy ? t('please-wait-keys') : ''}
        </p>
        <ErrorBox id="ways-error" {...action.box} />
        {cancel}
      </div>
    );
  } else if (view.kind === 'proof') {
    const lead = view.purpose === 'remove' ? t('ways-remove-lead', { name: view.passkey.name }) : view.purpose === 'add' ? t('ways-add-lead') : t('ways-recovery-lead');
    body = (
      <form class="stack" autocomplete="off" onSubmit={(e) => void submitProof(e)} {...action.busyProps}>
        <h3>{view.purpose === 'add' ? t('ways-passkey-add') : view.purpose === 'recovery' ? t('ways-recovery-new') : t('ways-passkey-remove')}</h3>
        <p>{lead}</p>
        <ProofFields id="ways-proof" hasPasskey={hasPasskey} proof={proof} onChange={setProof} invalid={action.error !== null} errorId="ways-error" />
        {view.purpose === 'recovery' ? endOthersBox : null}
        <ErrorBox id="ways-error" {...action.box} />
        <p class="status" aria-live="polite">
          {action.busy ? t('please-wait') : ''}
        </p>
        <div class="row">
          <button type="submit" class={view.purpose === 'remove' ? 'danger' : 'primary'} disabled={action.busy}>
            {view.purpose === 'add' ? t('ways-passkey-add-submit') : view.purpose === 'recovery' ? t('ways-recovery-submit') : t('ways-passkey-remove-submit')}
          </button>
          {cancel}
        </div>
      </form>
    );
  } else if (view.kind === 'rename') {
    body = (
      <form class="stack" autocomplete="off" onSubmit={(e) => void submitRename(e)}>
        <label for="ways-name">{t('ways-passkey-name')}</label>
        <input
          id="ways-name"
          dir="auto"
          {...NOT_REMEMBERED}
          maxLength={64}
          {...invalidProps('ways-error', action.error !== null)}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <ErrorBox id="ways-error" {...action.box} />
        <div class="row">
          <button type="submit" class="primary" disabled={action.busy}>
            {t('ways-passkey-rename-submit')}
          </button>
          {cancel}
        </div>
      </form>
    );
  } else if (view.kind === 'sheet') {
    body = (
      <div class="stack">
        <p class="notice" role="status">
          {t('ways-recovery-sheet-lead')}
        </p>
        <RecoverySheet pseudonym={session.pseudonym} code={view.code} kind={worker ? 'worker' : 'holder'} />
        <div class="stack no-print">
          <button type="button" class="secondary" onClick={() => window.print()}>
            {t('sheet-print')}
          </button>
          <button type="button" class="primary" onClick={() => dispatch({ type: 'sheetKept', endedOthers: endOthers })}>
            {t('sheet-kept')}
          </button>
        </div>
      </div>
    );
  } else {
    body = (
      <div class="stack">
        {view.kind === 'done' ? (
          <p class="notice" role="status" data-testid="ways-done">
            {t(view.message)}
            {view.endedOthers ? ` ${t('ways-ended-others')}` : ''}
          </p>
        ) : null}
        <h3>{t('field-passphrase')}</h3>
        <button type="button" class="secondary" onClick={() => show({ kind: 'passphrase' })}>
          {t('ways-passphrase-change')}
        </button>
        <h3>{t('field-recovery-code')}</h3>
        <p>{t('ways-recovery-help')}</p>
        <button type="button" class="secondary" onClick={() => show({ kind: 'proof', purpose: 'recovery' })}>
          {t('ways-recovery-new')}
        </button>
        <h3>{t('ways-passkeys')}</h3>
        {passkeys === null ? (
          <ErrorBox {...loading.box} />
        ) : passkeys.length === 0 ? (
          <p>{t('ways-passkeys-none')}</p>
        ) : (
          <ul class="stack plain-list" data-testid="passkey-list">
            {passkeys.map((p) => (
              <li key={p.id} class="card stack" data-testid="passkey-item">
                <strong dir="auto">{p.name}</strong>
                <span>
                  {t('ways-passkey-made', { when: formatDateTime(p.created_at, lang) })}
                  {' · '}
                  {p.last_used_at ? t('ways-passkey-used', { when: formatDateTime(p.last_used_at, lang) }) : t('ways-passkey-never-used')}
                </span>
                <span>{p.unlocks ? t('ways-passkey-unlocks') : t('ways-passkey-logs-in-only')}</span>
                <div class="row">
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t('ways-passkey-rename-named', { name: p.name })}
                    onClick={() => {
                      setName(p.name);
                      show({ kind: 'rename', passkey: p });
                    }}
                  >
                    {t('ways-passkey-rename')}
                  </button>
                  <button
                    type="button"
                    class="danger"
                    aria-label={t('ways-passkey-remove-named', { name: p.name })}
                    onClick={() => show({ kind: 'proof', purpose: 'remove', passkey: p })}
                  >
                    {t('ways-passkey-remove')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {passkeysSupported() ? (
          <button type="button" class="secondary" onClick={() => show({ kind: 'proof', purpose: 'add' })}>
            {t('ways-passkey-add')}
          </button>
        ) : null}
      </div>
    );
  }

  return (
    <section class="card stack" aria-labelledby="ways-title">
      <h2 id="ways-title">{t('ways-title')}</h2>
      {body}
    </section>
  );
}

/** Systems named by their brand, the same in every language. */
const SYSTEM_NAMES: Partial<Record<SessionView['device']['system'], string>> = {
  android: 'Android',
  windows: 'Windows',
  macos: 'macOS',
  chromeos: 'ChromeOS',
  linux: 'Linux',
};

/** A session's device in plain words ("Phone · Android"). */
function deviceText(t: (id: string) => string, s: SessionView): string {
  const system = SYSTEM_NAMES[s.device.system] ?? t(`device-system-${s.device.system}`);
  return `${t(`device-form-${s.device.form}`)} · ${system}`;
}

export function SessionsSection() {
  const { t, lang } = useI18n();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();

  const reload = async () => {
    const list = await action.run(() => api.sessions());
    if (list) setSessions(list.sessions);
  };
  useEffect(() => {
    void reload();
  }, []);

  async function end(s: SessionView) {
    const done = await action.run(async () => {
      await api.endSession(s.id);
      return (await api.sessions()).sessions;
    });
    if (!done) return;
    setSessions(done);
    setNotice(t('sessions-ended-one'));
  }

  async function endOthers() {
    const done = await action.run(async () => {
      await api.endOtherSessions();
      return (await api.sessions()).sessions;
    });
    if (!done) return;
    setSessions(done);
    setNotice(t('sessions-ended-others'));
  }

  const others = sessions?.filter((s) => !s.current).length ?? 0;
  return (
    <section class="card stack" aria-labelledby="sessions-title" {...action.busyProps}>
      <h2 id="sessions-title">{t('sessions-title')}</h2>
      <p>{t('sessions-help')}</p>
      {notice ? (
        <p class="notice" role="status" data-testid="sessions-notice">
          {notice}
        </p>
      ) : null}
      <ErrorBox {...action.box} />
      {sessions ? (
        <ul class="stack plain-list" data-testid="session-list">
          {sessions.map((s) => (
            <li key={s.id} class="card stack" data-testid="session-item">
              <strong>
                {deviceText(t, s)}
                {s.current ? ` — ${t('sessions-this-one')}` : ''}
              </strong>
              <span>
                {t('sessions-started', { when: formatDateTime(s.created_at, lang) })}
                {' · '}
                {t('sessions-last-used', { when: formatDateTime(s.last_used_at, lang) })}
              </span>
              {s.current ? null : (
                <button
                  type="button"
                  class="secondary"
                  disabled={action.busy}
                  aria-label={t('sessions-end-named', { device: deviceText(t, s), when: formatDateTime(s.last_used_at, lang) })}
                  onClick={() => void end(s)}
                >
                  {t('sessions-end')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {others > 0 ? (
        <button type="button" class="danger" disabled={action.busy} onClick={() => void endOthers()}>
          {t('sessions-end-others')}
        </button>
      ) : null}
    </section>
  );
}
