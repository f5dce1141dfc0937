/**
 * The worker's "Help requests": requests of holders who chose this worker as a helper, with
 * the holder's pseudonym and the request's code. The worker approves only after comparing the
 * code with the one on the person's screen; the browser first checks that the code is the one
 * of the key the share is re-encrypted to (so the server cannot show one code and use another
 * key). Approving again changes nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type WorkerHelpRequest } from '../api';
import { fromBase64, toBase64 } from '../base64';
import { formatDateTime } from '../format';
import type { WorkerSession } from '../shared';
import { ErrorBox, useAction, useI18n } from '../ui';

/** A request with the code this browser computed from its recipient. */
interface Checked {
  request: WorkerHelpRequest;
  codeMatches: boolean;
}

export function HelpRequestsSection(props: { session: WorkerSession; onFailure: (err: unknown) => boolean }) {
  const { t } = useI18n();
  const { session } = props;
  const [requests, setRequests] = useState<Checked[] | null>(null);
  const loading = useAction({ onError: props.onFailure });

  /**
   * `auto`: the load when the list opens, which says nothing when it fails (a suspended worker
   * learns it from their next action, as for shares); the button's load says why.
   */
  async function load(auto = false) {
    await loading.run(async () => {
      const { requests: got } = await api.workerHelpRequests();
      const checked: Checked[] = [];
      for (const request of got) {
        const { code } = await session.crypto.call({ op: 'helpRequestCode', recipient: request.recipient });
        checked.push({ request, codeMatches: code === request.code });
      }
      setRequests(checked);
    }, auto ? () => true : undefined);
  }
  useEffect(() => {
    void load(true);
  }, []);

  return (
    <section class="card stack" aria-labelledby="help-requests-title" data-testid="help-requests" {...loading.busyProps}>
      <h2 id="help-requests-title">{t('help-requests-title')}</h2>
      <p>{t('help-requests-lead')}</p>
      <ErrorBox {...loading.box} />
      {requests === null ? null : requests.length === 0 ? (
        <p>{t('help-requests-none')}</p>
      ) : (
        <ul class="help-requests">
          {requests.map((c) => (
            <HelpRequestItem key={c.request.id} session={session} checked={c} onFailure={props.onFailure} onApproved={() => void load()} />
          ))}
        </ul>
      )}
      <button type="button" class="secondary" disabled={loading.busy} onClick={() => void load()}>
        {t('help-requests-refresh')}
      </button>
    </section>
  );
}

function HelpRequestItem(props: { session: WorkerSession; checked: Checked; onFailure: (err: unknown) => boolean; onApproved: () => void }) {
  const { t, lang } = useI18n();
  const { request, codeMatches } = props.checked;
  const approving = useAction({ onError: props.onFailure });
  const [compared, setCompared] = useState(false);
  const id = `help-${request.id}`;

  async function approve() {
    const done = await approving.run(async () => {
      const { share } = await props.session.crypto.call({ op: 'resealHelperShare', share: fromBase64(request.share), recipient: request.recipient });
      await api.approveHelpRequest(request.id, toBase64(share));
      return true;
    });
    if (done) props.onApproved();
  }

  return (
    <li class="card stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t('help-request-from')} <bdi>{request.pseudonym}</bdi>
      </h3>
      <p>{t('help-request-started', { time: formatDateTime(request.started_at, lang) })}</p>
      <p>
        {t('help-request-code')}{' '}
        <span class="card-code help-code" dir="ltr" data-testid="help-request-code">
          {request.code}
        </span>
      </p>
      {!codeMatches ? (
        <p class="warning" role="alert">
          {t('help-request-code-wrong')}
        </p>
      ) : request.approved ? (
        <p class="notice" role="status">
          {t('help-request-approved')}
        </p>
      ) : (
        <div class="stack" {...approving.busyProps}>
          <p class="warning">{t('help-request-compare')}</p>
          <label class="check">
            <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.currentTarget.checked)} />
            {t('help-request-compared')}
          </label>
          <ErrorBox {...approving.box} />
          <button type="button" class="primary" disabled={!compared || approving.busy} onClick={() => void approve()}>
            {t('help-request-approve')}
          </button>
        </div>
      )}
    </li>
  );
}
