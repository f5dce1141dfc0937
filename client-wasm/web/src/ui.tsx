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

/** A translated sentence for any error: server codes, crypto codes, limits, network. */
export function errorMessage(
  t: Translate,
  lang: Lang,
  e: unknown,
  context: 'login' | 'recovery' | 'link' | 'invitation' | 'other' = 'other',
): string {
  if (e instanceof LimitError) {
    return e.code === 'document_too_large'
      ? t('err-document_too_large', { limit: formatSize(e.limit, lang) })
      : t('err-quota_exceeded', { free: formatSize(e.free, lang), limit: formatSize(e.limit, lang) });
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
    return t(context === 'recovery' ? 'err-login-recovery' : 'err-login-passphrase');
  }
  if (code === 'invalid_input' && context === 'recovery') return t('err-recovery-code-format');
  if (code === 'too_many_attempts') return t('err-too_many_attempts', { seconds: retry || 60 });
  if (code === 'wrong_pin') {
    const left = e instanceof ApiError ? e.attemptsLeft : undefined;
    return left === undefined ? t('err-wrong_pin') : t('err-wrong_pin-left', { n: left });
  }
  if (code === 'not_found' && context === 'link') return t('err-link-not_found');
  if (code === 'invalid_field' && context === 'invitation') return t('err-invalid_field-join');
  const known = new Set([
    'bad_request', 'invalid_field', 'missing_client_header', 'unauthenticated', 'pseudonym_taken',
    'not_found', 'document_too_large', 'quota_exceeded', 'size_mismatch', 'already_uploaded',
    'storage_full', 'payload_too_large', 'internal', 'network', 'damaged', 'locked', 'invalid_input',
    'forbidden', 'worker_suspended', 'invitation_invalid', 'invalid_worker_code', 'worker_code_mistyped',
    'worker_not_found', 'share_ended', 'link_locked', 'pin_required',
  ]);
  if (!known.has(code)) code = 'internal';
  if (code === 'document_too_large' || code === 'quota_exceeded') return t(`err-${code}-server`);
  return t(`err-${code}`);
}

export function ErrorBox({ message, id }: { message: string | null; id?: string }) {
  return (
    <div class="error" role="alert" id={id} hidden={!message}>
      {message}
    </div>
  );
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
