/** My shares: every share the holder made, its openings, revoke, a new link for an old one. */
import { useEffect, useState } from 'preact/hooks';
import { api, type ShareSummary } from '../api';
import type { MadeLink, Session } from '../session';
import { dayInWords, hourOf } from './appointment';
import { DEFAULT_DURATION, durationSecs, formatDateTime, generatePin, newestFirst, receiptCounts, resolveTitles, shownStatus, sortReceipts } from '../sharing';
import { Dialog, ErrorBox, ScreenTitle, useAction, useI18n } from '../ui';
import { LinkShown, shareable } from './parts';

/** Every share the holder made, newest first, with its openings; active ones can be stopped. */
export function MySharesScreen(props: { session: Session; onClose: () => void; onShare: () => void }) {
  const { t, lang } = useI18n();
  const { session } = props;
  const [shares, setShares] = useState<ShareSummary[] | null>(null);
  const [renewing, setRenewing] = useState<string | null>(null);
  const [fresh, setFresh] = useState<{ link: MadeLink; pin: string; n: number } | null>(null);
  const [revoking, setRevoking] = useState<ShareSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const listing = useAction();
  const renewal = useAction();
  const revocation = useAction();
  // One error at a time above the list: the last renewal's, else the list's.
  const error = renewal.error ?? listing.error;

  async function load() {
    const list = await listing.run(() => api.shares());
    if (list) setShares(newestFirst(list.shares));
  }

  useEffect(() => {
    void load();
  }, []);

  async function revoke() {
    if (!revoking) return;
    const id = revoking.id;
    const done = await revocation.run(async () => {
      await api.revokeShare(id);
      return true;
    });
    if (!done) return;
    setRevoking(null);
    setMessage(t('revoked-notice'));
    await load();
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
    const pin = generatePin();
    const link = await renewal.run(() => session.shareAsLink(docs, durationSecs(DEFAULT_DURATION), pin, null, location.origin));
    if (link) setFresh({ link, pin, n: docs.length });
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
      <ErrorBox message={error} focusKey={renewal.box.focusKey + listing.box.focusKey} />
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
              {s.opens_at !== null ? (
                <>
                  <dt>{t('appt-list-window')}</dt>
                  <dd data-testid="appointment-window">
                    {t('appt-list-window-value', {
                      day: dayInWords(lang, s.opens_at).words,
                      from: hourOf(lang, s.opens_at),
                      until: hourOf(lang, s.expires_at),
                    })}
                  </dd>
                </>
              ) : null}
              {status === 'revoked' && s.revoked_at ? (
                <>
                  <dt>{t('share-revoked-at')}</dt>
                  <dd>{formatDateTime(s.revoked_at, lang)}</dd>
                </>
              ) : (
                <>
                  <dt>{status === 'active' || status === 'scheduled' ? t('share-ends') : t('share-ended')}</dt>
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
            {status === 'active' || status === 'scheduled' ? (
              <button
                type="button"
                class="danger"
                onClick={() => {
                  revocation.fail(null);
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
        <ErrorBox {...revocation.box} />
        <div class="row">
          <button type="button" class="secondary" autofocus onClick={() => setRevoking(null)}>
            {t('cancel')}
          </button>
          <button type="button" class="danger" disabled={revocation.busy} onClick={() => void revoke()}>
            {t('revoke-confirm')}
          </button>
        </div>
      </Dialog>
    </main>
  );
}
