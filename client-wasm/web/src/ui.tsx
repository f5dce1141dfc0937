import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import qrcode from 'qrcode-generator';
import { ApiError, type ClientErrorCode, type ErrorCode } from './api';
import { LANG_NAMES, LANGS, dirOf, withoutMarks, type Lang, type Translate } from './i18n-core';
import { WORKER_LOST, pdeErrorCode } from './pde';
import { LimitError } from './session';
import type { Changes } from './session-base';
import { formatSize } from './format';

export interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (l: Lang) => void;
}
export const I18nContext = createContext<I18n>(null as unknown as I18n);
export const useI18n = () => useContext(I18nContext);

/**
 * The language picker, in the header of every screen: a button that shows the language in use
 * (named in itself) and opens the list of all languages, each named in itself and marked with
 * its own `lang`, so it is found by people who do not read the language shown. A list of
 * buttons rather than a <select>: choosing a language rewrites the whole page, which a person
 * does with a press, not by moving through options.
 */
export function LangSwitch() {
  const { lang, t, setLang } = useI18n();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) opener.current?.focus();
  };
  // Closes when the person presses or moves the focus elsewhere.
  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);
  return (
    <div
      class="langs"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          close(true);
        }
      }}
    >
      <button
        type="button"
        id="lang-picker"
        class="lang-picker"
        ref={opener}
        aria-expanded={open}
        aria-controls="lang-menu"
        onClick={() => setOpen(!open)}
      >
        <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          <path d="M2.5 12h19M12 2.5c2.6 2.8 3.9 6 3.9 9.5s-1.3 6.7-3.9 9.5c-2.6-2.8-3.9-6-3.9-9.5s1.3-6.7 3.9-9.5z" fill="none" stroke="currentColor" stroke-width="1.8" />
        </svg>
        <span class="visually-hidden">{t('lang-switch')}: </span>
        <span>{LANG_NAMES[lang]}</span>
      </button>
      <ul class="lang-menu" id="lang-menu" hidden={!open}>
        {LANGS.map((l) => (
          <li key={l}>
            <button
              type="button"
              class="lang"
              lang={l}
              dir={dirOf(l)}
              aria-current={l === lang ? 'true' : undefined}
              onClick={() => {
                setLang(l);
                close(true);
              }}
            >
              {LANG_NAMES[l]}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Whether the device has a speech synthesis voice for this language (known once the voices load). */
function useVoiceFor(lang: Lang): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
    if (!synth) return;
    const check = () => setHas(synth.getVoices().some((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === lang));
    check();
    // Chromium loads its voices after the page: the list arrives with this event.
    synth.addEventListener('voiceschanged', check);
    return () => synth.removeEventListener('voiceschanged', check);
  }, [lang]);
  return has;
}

/**
 * "Listen": reads a screen's instructions aloud with the browser's speech synthesis, in the
 * page's language, for people who read little. Shown only when the device has a voice for
 * that language; pressed again, it stops. Nothing leaves the device for it beyond what the
 * browser's own voice does (only the screen's fixed instructions are read, never a document,
 * a pseudonym or a code).
 */
export function Listen({ texts }: { texts: readonly string[] }) {
  const { t, lang } = useI18n();
  const voice = useVoiceFor(lang);
  const [speaking, setSpeaking] = useState(false);
  const started = useRef(false);
  // Leaving the screen (or changing language) stops the reading.
  useEffect(
    () => () => {
      if (started.current) speechSynthesis.cancel();
    },
    [lang],
  );
  if (!voice) return null;
  const toggle = () => {
    speechSynthesis.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const u = new SpeechSynthesisUtterance(texts.map(withoutMarks).join('\n'));
    u.lang = lang;
    u.onend = () => setSpeaking(false);
    u.onerror = () => setSpeaking(false);
    started.current = true;
    setSpeaking(true);
    speechSynthesis.speak(u);
  };
  return (
    <button type="button" class="secondary listen no-print" onClick={toggle}>
      {/* The sound goes out the way the text reads: mirrored right to left. */}
      <svg class="icon mirror" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
      </svg>
      {speaking ? t('listen-stop') : t('listen')}
    </button>
  );
}

/**
 * Renders the calling screen again whenever `source` (a session) says its state changed,
 * including a change between this render and the subscription.
 */
export function useSession(source: Changes | null): void {
  const [, setSeen] = useState(source?.version ?? 0);
  const rendered = source?.version ?? 0;
  useEffect(() => {
    if (!source) return;
    const off = source.subscribe(() => setSeen(source.version));
    if (source.version !== rendered) setSeen(source.version);
    return off;
  }, [source]);
}

/** A heading that takes focus when its screen appears, so the change is announced. */
export function ScreenTitle({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Layout effect: focus moves before the next key press can land elsewhere.
  useLayoutEffect(() => {
    // A screen that replaces itself on its own (an answer arrived) must not pull focus out of
    // the header: the person may be choosing a language there, and the menu would close.
    if (document.activeElement?.closest('header')) return;
    ref.current?.focus();
  }, []);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

/**
 * A message kept as its key and arguments, translated when shown, so a message already on
 * screen follows a language switch. An argument `{ bytes }` is a size, written in the
 * language shown.
 */
export interface Msg {
  id: string;
  args?: Record<string, string | number | { bytes: number }>;
}

export const msg = (id: string, args?: Msg['args']): Msg => ({ id, args });

/** The sentence of a message in the language shown. */
export function say(t: Translate, lang: Lang, m: Msg): string {
  if (!m.args) return t(m.id);
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.args)) args[k] = typeof v === 'object' ? formatSize(v.bytes, lang) : v;
  return t(m.id, args);
}

export type ErrorContext = 'login' | 'login-worker' | 'recovery' | 'link' | 'invitation' | 'other';

/** The message for any error: server codes, crypto codes, limits, network. */
export function errorMsg(e: unknown, context: ErrorContext = 'other'): Msg {
  if (e instanceof LimitError) {
    return e.code === 'document_too_large'
      ? msg('err-document_too_large', { limit: { bytes: e.limit } })
      : msg('err-quota_exceeded', { free: { bytes: e.free }, limit: { bytes: e.limit } });
  }
  // A passkey prompt closed or timed out (passkeys.ts): nothing happened.
  if (e instanceof Error && e.name === 'PasskeyCancelled') return msg('passkey-cancelled');
  let code = 'internal';
  let retry = 0;
  if (e instanceof ApiError) {
    code = e.code;
    retry = e.retryAfter ?? 0;
  } else {
    code = pdeErrorCode(e) ?? 'internal';
  }
  if (code === 'invalid_credentials' || code === 'wrong_key') {
    return msg(context === 'recovery' ? 'err-login-recovery' : context === 'login-worker' ? 'err-login-worker' : 'err-login-passphrase');
  }
  if (code === 'invalid_input' && context === 'recovery') return msg('err-recovery-code-format');
  if (code === 'too_many_attempts') return msg('err-too_many_attempts', { seconds: retry || 60 });
  if (code === 'wrong_pin') {
    const left = e instanceof ApiError ? e.attemptsLeft : undefined;
    return left === undefined ? msg('err-wrong_pin') : msg('err-wrong_pin-left', { n: left });
  }
  if (code === 'not_found' && context === 'link') return msg('err-link-not_found');
  if (code === 'invalid_field' && context === 'invitation') return msg('err-invalid_field-join');
  if (code === 'pseudonym_taken' && context === 'invitation') return msg('err-login-name-taken');
  return msg(Object.hasOwn(CODE_MESSAGES, code) ? CODE_MESSAGES[code as MessageCode] : 'err-internal');
}

type MessageCode = ErrorCode | ClientErrorCode | 'invalid_input' | typeof WORKER_LOST;

/**
 * The message of every code the server answers (typed by the generated list: a code the server
 * adds is a type error here until it has one), of the client's own codes, and of the crypto
 * module's `invalid_input`. The codes that need arguments or a context are handled above.
 */
const CODE_MESSAGES: Record<MessageCode, string> = {
  bad_request: 'err-bad_request',
  invalid_field: 'err-invalid_field',
  missing_client_header: 'err-missing_client_header',
  unauthenticated: 'err-unauthenticated',
  invalid_credentials: 'err-login-passphrase',
  too_many_attempts: 'err-too_many_attempts',
  pseudonym_taken: 'err-pseudonym_taken',
  not_found: 'err-not_found',
  document_too_large: 'err-document_too_large-server',
  quota_exceeded: 'err-quota_exceeded-server',
  size_mismatch: 'err-size_mismatch',
  already_uploaded: 'err-already_uploaded',
  storage_full: 'err-storage_full',
  payload_too_large: 'err-payload_too_large',
  request_timeout: 'err-unavailable',
  unavailable: 'err-unavailable',
  uri_too_long: 'err-bad_request',
  headers_too_large: 'err-bad_request',
  forbidden: 'err-forbidden',
  worker_suspended: 'err-worker_suspended',
  invitation_invalid: 'err-invitation_invalid',
  invalid_worker_code: 'err-invalid_worker_code',
  worker_code_mistyped: 'err-worker_code_mistyped',
  worker_not_found: 'err-worker_not_found',
  worker_code_taken: 'err-worker_code_taken',
  worker_key_mismatch: 'err-worker_key_mismatch',
  worker_key_changed: 'err-worker_key_changed',
  record_newer: 'err-record_newer',
  record_changed: 'err-unavailable',
  weak_kdf: 'err-weak_kdf',
  share_ended: 'err-share_ended',
  link_locked: 'err-link_locked',
  pin_required: 'err-pin_required',
  wrong_pin: 'err-wrong_pin',
  passkeys_unavailable: 'err-passkeys_unavailable',
  ceremony_expired: 'err-ceremony_expired',
  passkey_rejected: 'err-passkey_rejected',
  user_verification_required: 'err-user_verification_required',
  passkey_taken: 'err-passkey_taken',
  hide_until_past: 'err-hide_until_past',
  hide_until_too_far: 'err-hide_until_too_far',
  appointment_in_past: 'err-appointment_in_past',
  appointment_too_far: 'err-appointment_too_far',
  appointment_ends_before_start: 'err-appointment_ends_before_start',
  help_request_open: 'err-help_request_open',
  help_request_ended: 'err-help_request_ended',
  help_not_ready: 'err-help_not_ready',
  not_enough_approvals: 'err-not_enough_approvals',
  internal: 'err-internal',
  network: 'err-network',
  damaged: 'err-damaged',
  locked: 'err-locked',
  invalid_input: 'err-invalid_input',
  [WORKER_LOST]: 'err-worker_lost',
};

/** A translated sentence for any error (see errorMsg). */
export function errorMessage(t: Translate, lang: Lang, e: unknown, context: ErrorContext = 'other'): string {
  return say(t, lang, errorMsg(e, context));
}

/**
 * An error, announced once (role="alert") and scrolled into view when it appears, so it is
 * not missed below the fold on a phone. Put it next to the field it is about, and mark that
 * field with `invalidProps(id, message)`.
 */
export function ErrorBox({ message, id, focusKey }: { message: string | null; id?: string; focusKey?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  // A new failure (not the same one translated again after a language switch) takes the focus,
  // so a keyboard or screen reader user lands on what went wrong.
  useEffect(() => {
    if (focusKey && message) ref.current?.focus({ preventScroll: true });
  }, [focusKey]);
  return (
    <div class="error" role="alert" id={id} hidden={!message} ref={ref} tabIndex={focusKey === undefined ? undefined : -1}>
      {message}
    </div>
  );
}

/** What `useAction` gives a screen. */
export interface Action {
  /** True while the action runs: disable its controls, say so in a status line. */
  busy: boolean;
  /** The last failure, translated in the language shown, or null. */
  error: string | null;
  /**
   * Runs `f` unless an action of this hook is running: busy meanwhile, the error cleared, and
   * on failure its translated message, unless `onError` (this call's, else the hook's) took
   * the error over by returning true. Resolves to f's result, or undefined when it failed or
   * did not run.
   */
  run: <T>(f: () => Promise<T>, onError?: (e: unknown) => boolean) => Promise<T | undefined>;
  /** Shows a message of the screen's own (a check before the action), or clears it with null. */
  fail: (m: Msg | null) => void;
  /** The props of the ErrorBox that shows `error` (it takes the focus on each new failure). */
  box: { message: string | null; focusKey: number };
  /** The props of the form or section the action belongs to. */
  busyProps: { 'aria-busy': 'true' | undefined };
}

/**
 * One way to run what a button starts (log in, share, revoke…): busy state, the error code
 * mapped once to its message (errorMsg), focus on the error, aria-busy on the form.
 */
export function useAction(opts: { context?: ErrorContext; onError?: (e: unknown) => boolean } = {}): Action {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Msg | null>(null);
  const [failures, setFailures] = useState(0);
  const running = useRef(false);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const fail = (m: Msg | null) => {
    setError(m);
    if (m) setFailures((n) => n + 1);
  };
  const run = async <T,>(f: () => Promise<T>, onError = opts.onError): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await f();
    } catch (err) {
      if (live.current && !onError?.(err)) fail(errorMsg(err, opts.context));
      return undefined;
    } finally {
      running.current = false;
      if (live.current) setBusy(false);
    }
  };
  const message = error ? say(t, lang, error) : null;
  return { busy, error: message, run, fail, box: { message, focusKey: failures }, busyProps: { 'aria-busy': busy ? 'true' : undefined } };
}

/** The attributes of a field that an ErrorBox with this id is about. */
export function invalidProps(errorId: string, invalid: boolean): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  return invalid ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {};
}

/** Moves focus to an element (made focusable) and scrolls it into view below the sticky header. */
export function focusOn(el: HTMLElement | null | undefined) {
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) el.tabIndex = -1;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'start' });
}

/** A modal dialog (native <dialog>: focus stays inside, Escape closes). */
export function Dialog(props: {
  open: boolean;
  labelledBy: string;
  role?: 'dialog' | 'alertdialog';
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      class="dialog"
      role={props.role}
      aria-labelledby={props.labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      {props.open ? props.children : null}
    </dialog>
  );
}

/** A QR code drawn as an SVG path (no inline styles). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
    }
  }
  const size = n + 8;
  return (
    <svg class="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/**
 * Attributes of a field whose value a shared computer must not keep (pseudonym, login name,
 * recovery code): no form history entry, no capital letter added, no spelling dictionary.
 */
export const NOT_REMEMBERED = {
  autocomplete: 'off',
  autocapitalize: 'off',
  spellcheck: false,
} as const;

/**
 * The same for a passphrase field. Chromium ignores `autocomplete="off"` on a password field:
 * it offers to save the log-in and, even when the offer is ignored, keeps the user name it
 * saw in its profile (table `stats` of `Login Data`). Its password manager leaves fields
 * marked `one-time-code` alone, so nothing of the log-in is kept (tests/e2e checks the
 * profile's files).
 */
export const PASSPHRASE_FIELD = {
  autocomplete: 'one-time-code',
  autocapitalize: 'off',
  spellcheck: false,
} as const;
