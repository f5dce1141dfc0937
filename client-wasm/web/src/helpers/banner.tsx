/**
 * "Someone asked to recover your wallet": shown on every open session of the holder (and so
 * on the next log-in, by passphrase, passkey or recovery code) while a help request for the
 * wallet is open, with one button that cancels it. The wallet asks the server when it opens
 * and then every little while.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type HelpNotice } from '../api';
import { formatDateTime } from '../format';
import { ErrorBox, useAction, useI18n } from '../ui';

/** How often an open wallet asks whether someone asked for help to open it. */
export const NOTICES_EVERY_MS = 15_000;

export function HelpRequestBanner() {
  const { t, lang } = useI18n();
  const [notices, setNotices] = useState<HelpNotice[]>([]);
  const [cancelled, setCancelled] = useState(false);
  const cancelling = useAction();
  const live = useRef(true);

  async function load() {
    try {
      const { requests } = await api.helpRequests();
      if (live.current) setNotices(requests);
    } catch {
      /* asked again in a moment; a closed session ends the wallet anyway */
    }
  }
  useEffect(() => {
    live.current = true;
    void load();
    const timer = setInterval(() => void load(), NOTICES_EVERY_MS);
    return () => {
      live.current = false;
      clearInterval(timer);
    };
  }, []);

  async function cancel() {
    const done = await cancelling.run(async () => {
      for (const n of notices) await api.cancelHelpRequest(n.id);
      return true;
    });
    if (!done) return;
    setNotices([]);
    setCancelled(true);
  }

  if (!notices.length) {
    return cancelled ? (
      <p class="notice" role="status" data-testid="help-cancelled">
        {t('help-banner-cancelled')}
      </p>
    ) : null;
  }
  const first = notices[0]!;
  return (
    <section class="warning stack help-banner" role="alert" aria-labelledby="help-banner-title" data-testid="help-banner" {...cancelling.busyProps}>
      <h2 id="help-banner-title">{t('help-banner-title')}</h2>
      <p>{t('help-banner-text', { time: formatDateTime(first.started_at, lang), ready: formatDateTime(first.ready_at, lang) })}</p>
      <p>
        {t('help-request-code')}{' '}
        <span dir="ltr" class="code">
          {first.code}
        </span>
      </p>
      <p>{t('help-banner-not-you')}</p>
      <ErrorBox {...cancelling.box} />
      <button type="button" class="danger" disabled={cancelling.busy} onClick={() => void cancel()}>
        {t('help-banner-cancel')}
      </button>
    </section>
  );
}
