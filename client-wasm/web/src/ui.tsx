import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import qrcode from 'qrcode-generator';
import { ApiError } from './api';
import { LANGS, type Lang, type Translate } from './i18n-core';
import { pdeErrorCode } from './pde';
import { LimitError } from './session';
import { formatSize } from './format';

export interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (l: Lang) => void;
}
export const I18nContext = createContext<I18n>(null as unknown as I18n);
export const useI18n = () => useContext(I18nContext);

export function LangSwitch() {
  const { lang, t, setLang } = useI18n();
  return (
    <nav class="langs" aria-label={t('lang-switch')}>
      {LANGS.map((l) => (
        <button
          type="button"
          key={l}
          lang={l}
          class="lang"
          aria-pressed={l === lang}
          onClick={() => setLang(l)}
        >
          {/* The name starts with what is seen ("FR"), so voice control finds it, then says it in full. */}
          {l.toUpperCase()}
          <span class="visually-hidden"> {t(`lang-${l}`)}</span>
        </button>
      ))}
    </nav>
  );
}

/** A heading that takes focus when its screen appears, so the change is announced. */
export function ScreenTitle({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Layout effect: focus moves before the next key press can land elsewhere.
  useLayoutEffect(() => {
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
  const known = new Set([
    'bad_request', 'invalid_field', 'missing_client_header', 'unauthenticated', 'pseudonym_taken',
    'not_found', 'document_too_large', 'quota_exceeded', 'size_mismatch', 'already_uploaded',
    'storage_full', 'payload_too_large', 'internal', 'network', 'damaged', 'locked', 'invalid_input',
    'forbidden', 'worker_suspended', 'invitation_invalid', 'invalid_worker_code', 'worker_code_mistyped',
    'worker_not_found', 'share_ended', 'link_locked', 'pin_required', 'worker_lost',
  ]);
  if (!known.has(code)) code = 'internal';
  if (code === 'document_too_large' || code === 'quota_exceeded') return msg(`err-${code}-server`);
  return msg(`err-${code}`);
}

/** A translated sentence for any error (see errorMsg). */
export function errorMessage(t: Translate, lang: Lang, e: unknown, context: ErrorContext = 'other'): string {
  return say(t, lang, errorMsg(e, context));
}

/**
 * An error, announced once (role="alert") and scrolled into view when it appears, so it is
 * not missed below the fold on a phone. Put it next to the field it is about, and mark that
 * field with `invalidProps(id, message)`.
 */
export function ErrorBox({ message, id }: { message: string | null; id?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  return (
    <div class="error" role="alert" id={id} hidden={!message} ref={ref}>
      {message}
    </div>
  );
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
