/**
 * The HTTP API (docs/api.md, docs/sharing.md). Every mutating request carries X-PDE-Client: 1.
 *
 * The session token lives in this module's memory only and travels as `Authorization: Bearer`;
 * the browser keeps no cookie, so a closed tab, a reload or a crash leaves nothing usable behind.
 */

import { errorCodeValues, type components } from './generated/api';

/** The server's schemas, generated from its OpenAPI document (`cargo xtask gen-api`). */
type Schemas = components['schemas'];

/** Every machine code the server answers, from its error type (docs/api.md). */
export type ErrorCode = Schemas['ErrorCode'];
/**
 * The codes the client gives itself: `network` (no answer came), `damaged` (a document whose
 * envelope or metadata does not open), `locked` (the wallet was locked meanwhile),
 * `worker_key_mismatch` (the server answered a worker key that is not the one of the card),
 * `weak_kdf` (the server asked for a cheaper passphrase derivation than wallets are made with),
 * `worker_key_changed` (the key is the card code's, but not the one the wallet record says the
 * holder used for this worker before), `record_newer` (the wallet record was written by a newer
 * version of the app).
 */
export type ClientErrorCode = 'network' | 'damaged' | 'locked' | 'worker_key_mismatch' | 'weak_kdf' | 'worker_key_changed' | 'record_newer';
/** The codes of `ApiError`: the server's and the client's own. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;
/** The server's codes at run time. */
export const errorCodes: readonly ErrorCode[] = errorCodeValues;

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

/** Whether `code` is one the server answers. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && knownCodes.has(code);
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    readonly retryAfter?: number,
    /** For `wrong_pin`: how many tries are left before the link locks. */
    readonly attemptsLeft?: number,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export type Kdf = Schemas['KdfJson'];
export type Usage = Schemas['Usage'];
/** A worker as they see themselves (`GET /account`). */
export type WorkerSelf = Schemas['OwnWorkerView'];
export type WorkerState = WorkerSelf['state'];
export type Account = Schemas['AccountView'];
export type AccountKind = Account['kind'];
/** A worker as a holder finds them by card code. */
export type WorkerCard = Schemas['WorkerView'];
export type Receipt = Schemas['ReceiptView'];
/** One of the holder's shares (`GET /shares`). */
export type ShareSummary = Schemas['ShareView'];
export type ShareStatus = ShareSummary['status'];
/** A shared document as the worker or the link visitor receives it (Base64 fields). */
export type SharedDocument = Schemas['SharedDocumentView'];
/** A share addressed to the worker (`GET /shared-with-me`). */
export type IncomingShare = Schemas['SharedWithMeView'];
export type LinkContents = Schemas['LinkView'];
export type ShareDocumentBody = Schemas['ShareDocumentRequest'];
export type NewShare = Schemas['CreateShareRequest'];
/** What every link request carries (access key in Base64). */
export type LinkAccess = Schemas['LinkRequest'];
/** The sign-up fields but the pseudonym (a holder's or a worker's wallet). */
export type NewWallet = Omit<Schemas['CreateAccountRequest'], 'pseudonym'>;
export type StoredDocument = Schemas['DocumentView'];
export type DocumentList = Schemas['DocumentList'];
export type PasskeyView = Schemas['PasskeyView'];
export type SessionView = Schemas['SessionView'];
/** A credential in `toJSON()` form, built without its PRF results (passkeys.ts). */
export type CredentialJson = Record<string, unknown>;
/** Proof of the owner for a change to the ways in (the generated type cannot name a credential's JSON). */
export type Proof =
  | { method: 'passphrase' | 'recovery'; auth_key: string }
  | { method: 'passkey'; ceremony: string; credential: CredentialJson };
export type PasskeyFinish = { ceremony: string; credential: CredentialJson };
export type PasskeyRegisterFinish = PasskeyFinish & { name: string; slot?: string };
/** Trusted helpers (docs/api.md, "Trusted helpers"). */
export type HelperSet = Schemas['HelperSetView'];
export type HelperEntry = Schemas['HelperView'];
export type HelpNotice = Schemas['HelpRequestNotice'];
export type StartedHelpRequest = Schemas['StartedHelpRequest'];
export type HelpStatus = Schemas['HelpRequestStatus'];
export type WorkerHelpRequest = Schemas['WorkerHelpRequestView'];
export type NewRecovery = { proof?: Proof; recovery_auth: string; recovery_slot: string; end_other_sessions: boolean };

const BASE = '/api/v1';

/** The open session's token, or null; never written anywhere but this variable. */
let sessionToken: string | null = null;

/** A request that opens a session (log-in, sign-up, worker join): keeps the token it answers. */
async function opening<T extends { session: string }>(path: string, body: unknown): Promise<T> {
  const answer = await request<T>('POST', path, body);
  const previous = sessionToken;
  sessionToken = answer.session;
  // The page holds one session: a log-in that replaces one (the passphrase unlocking after a
  // passkey that only logs in) ends the one it replaces.
  if (previous !== null && previous !== answer.session) endToken(previous);
  return answer;
}

/** Ends a session token with a keep-alive request (it expires on the server anyway). */
function endToken(token: string): void {
  try {
    void fetch(`${BASE}/auth/logout`, {
      method: 'POST',
      keepalive: true,
      credentials: 'omit',
      headers: { Authorization: `Bearer ${token}`, 'X-PDE-Client': '1' },
    }).catch(() => undefined);
  } catch {
    /* the session still expires on the server */
  }
}

function authHeaders(headers: Record<string, string>): Record<string, string> {
  if (sessionToken !== null) headers.Authorization = `Bearer ${sessionToken}`;
  return headers;
}

/**
 * Ends the session from a page that is going away (closed tab, reload, navigation): a
 * keep-alive request the browser finishes after the page is gone. The token is forgotten at
 * once either way.
 */
export function endSessionOnLeave(): void {
  const token = sessionToken;
  sessionToken = null;
  if (token !== null) endToken(token);
}

async function parseError(res: Response): Promise<ApiError> {
  let code: ApiErrorCode = 'internal';
  let attemptsLeft: number | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: unknown; attempts_left?: unknown } };
    if (isErrorCode(body.error?.code)) code = body.error.code;
    const left = body.error?.attempts_left;
    if (typeof left === 'number' && Number.isInteger(left) && left >= 0) attemptsLeft = left;
  } catch {
    if (res.status === 404) code = 'not_found';
  }
  const ra = Number(res.headers.get('Retry-After'));
  return new ApiError(code, res.status, Number.isFinite(ra) && ra > 0 ? ra : undefined, attemptsLeft);
}

/** Sends a request; answers the response when it is a success, else throws its ApiError. */
async function send(method: string, path: string, body: unknown, accept: string): Promise<Response> {
  const headers = authHeaders({ Accept: accept });
  if (method !== 'GET') headers['X-PDE-Client'] = '1';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!res.ok) throw await parseError(res);
  return res;
}

/** A request whose answer is a binary body (ciphertext), returned unread for streaming. */
function binary(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  return send(method, path, body, 'application/octet-stream, application/json');
}

const seg = (s: string) => encodeURIComponent(s);

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body, 'application/json');
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  params: (pseudonym: string) => request<Schemas['ParamsResponse']>('POST', '/auth/params', { pseudonym } satisfies Schemas['ParamsRequest']),
  createAccount: (body: Schemas['CreateAccountRequest']) => opening<Schemas['CreateAccountResponse']>('/accounts', body),
  login: (pseudonym: string, method: Schemas['LoginMethod'], authKey: string) =>
    opening<Schemas['LoginResponse']>('/auth/login', { pseudonym, method, auth_key: authKey } satisfies Schemas['LoginRequest']),
  logout: async () => {
    if (sessionToken === null) return;
    try {
      await request<void>('POST', '/auth/logout');
    } finally {
      sessionToken = null;
    }
  },
  account: () => request<Account>('GET', '/account'),
  setPassphrase: (body: Schemas['ChangePassphraseRequest']) =>
    request<void>('PUT', '/account/passphrase', body),
  /** Deletes the wallet; every session of it ends, this one too, so the token is forgotten. */
  deleteAccount: async (body: Schemas['DeleteAccountRequest']) => {
    await request<void>('DELETE', '/account', body);
    sessionToken = null;
  },
  documents: () => request<DocumentList>('GET', '/documents'),
  reserveDocument: (body: Schemas['CreateDocumentRequest']) =>
    request<Schemas['CreateDocumentResponse']>('POST', '/documents', body),
  putMetadata: (id: string, metadata: string) => request<void>('PUT', `/documents/${id}/metadata`, { metadata } satisfies Schemas['MetadataRequest']),
  deleteDocument: (id: string) => request<void>('DELETE', `/documents/${id}`),
  /** Hides documents until `until` (Unix seconds, server clock): see docs/api.md. */
  hideDocuments: (ids: string[], until: number) =>
    request<void>('POST', '/documents/hide', { ids, until } satisfies Schemas['HideRequest']),
  content: (id: string): Promise<Response> => binary('GET', `/documents/${seg(id)}/content`),

  // ---- passkeys and Settings (docs/api.md, "Passkeys and the Settings routes") ----
  passkeyLoginStart: () => request<Schemas['CeremonyStart']>('POST', '/auth/passkey/start'),
  passkeyLoginFinish: (body: PasskeyFinish) => opening<Schemas['PasskeyLoginResponse']>('/auth/passkey/finish', body),
  passkeys: () => request<Schemas['PasskeyList']>('GET', '/account/passkeys'),
  passkeyRegisterStart: (proof: Proof | null) =>
    request<Schemas['RegisterStart']>('POST', '/account/passkeys/start', proof ? { proof } : {}),
  passkeyRegisterFinish: (body: PasskeyRegisterFinish) => request<PasskeyView>('POST', '/account/passkeys/finish', body),
  passkeyConfirmStart: () => request<Schemas['CeremonyStart']>('POST', '/account/passkeys/confirm'),
  renamePasskey: (id: string, name: string) =>
    request<void>('PATCH', `/account/passkeys/${seg(id)}`, { name } satisfies Schemas['RenameRequest']),
  removePasskey: (id: string, proof: Proof | null) => request<void>('DELETE', `/account/passkeys/${seg(id)}`, proof ? { proof } : {}),
  newRecovery: (body: NewRecovery) => request<void>('PUT', '/account/recovery', body),
  sessions: () => request<Schemas['SessionList']>('GET', '/account/sessions'),
  endSession: (id: string) => request<void>('DELETE', `/account/sessions/${seg(id)}`),
  endOtherSessions: () => request<void>('POST', '/account/sessions/end-others'),
  /** The wallet record (docs/api.md, "Wallet record"): an age file the server cannot read. */
  record: () => request<Schemas['RecordAnswer']>('GET', '/account/record'),
  putRecord: (replaces: number, record: string) =>
    request<Schemas['PutRecordAnswer']>('PUT', '/account/record', { replaces, record } satisfies Schemas['PutRecordRequest']),

  // ---- sharing (docs/sharing.md) ----
  lookupInvitation: (invitation: string) =>
    request<Schemas['InvitationView']>('POST', '/invitations/lookup', { invitation } satisfies Schemas['LookupRequest']),
  createWorker: (body: Schemas['JoinRequest']) => opening<Schemas['CreateAccountResponse']>('/workers', body),
  /** `code` in display form (`XXXX-XXXX-C`). */
  worker: (code: string) => request<WorkerCard>('GET', `/workers/${seg(code)}`),
  createShare: (body: NewShare) => request<Schemas['CreateShareResponse']>('POST', '/shares', body),
  shares: () => request<Schemas['ShareList']>('GET', '/shares'),
  revokeShare: (id: string) => request<void>('POST', `/shares/${seg(id)}/revoke`),
  sharedWithMe: () => request<Schemas['SharedWithMeList']>('GET', '/shared-with-me'),
  sharedWithMeOne: (id: string) => request<IncomingShare>('GET', `/shared-with-me/${seg(id)}`),
  sharedContent: (share: string, doc: string): Promise<Response> =>
    binary('GET', `/shared-with-me/${seg(share)}/documents/${seg(doc)}/content`),
  sharedDownload: (share: string, doc: string) =>
    request<void>('POST', `/shared-with-me/${seg(share)}/documents/${seg(doc)}/download`),
  linkOpen: (id: string, access: LinkAccess) => request<LinkContents>('POST', `/links/${seg(id)}/open`, access),
  linkContent: (id: string, doc: string, access: LinkAccess): Promise<Response> =>
    binary('POST', `/links/${seg(id)}/documents/${seg(doc)}/content`, access),
  linkDownload: (id: string, doc: string, access: LinkAccess) =>
    request<void>('POST', `/links/${seg(id)}/documents/${seg(doc)}/download`, access),

  // ---- trusted helpers (docs/api.md, "Trusted helpers") ----
  /** The helper set, or null without helpers. */
  helpers: () => request<HelperSet | null>('GET', '/account/helpers'),
  replaceHelpers: (body: Schemas['ReplaceHelpersRequest']) => request<void>('PUT', '/account/helpers', body),
  removeHelpers: () => request<void>('DELETE', '/account/helpers'),
  helpRequests: () => request<Schemas['HelpRequestNotices']>('GET', '/account/help-requests'),
  cancelHelpRequest: (id: string) => request<void>('POST', `/account/help-requests/${seg(id)}/cancel`),
  startHelpRequest: (body: Schemas['StartHelpRequest']) => request<StartedHelpRequest>('POST', '/help/requests', body),
  helpStatus: (token: string) => request<HelpStatus>('POST', '/help/requests/status', { token } satisfies Schemas['HelpTokenRequest']),
  releaseHelp: (token: string, cards: string[]) =>
    request<Schemas['Released']>('POST', '/help/requests/release', { token, cards } satisfies Schemas['ReleaseRequest']),
  /** Finishes a recovery: the answer's session (the account's only one) becomes this page's. */
  completeHelp: (token: string, authKey: string) =>
    opening<Schemas['Completed']>('/help/requests/complete', { token, auth_key: authKey } satisfies Schemas['CompleteRequest']),
  workerHelpRequests: () => request<Schemas['WorkerHelpRequests']>('GET', '/worker/help-requests'),
  approveHelpRequest: (id: string, share: string) =>
    request<void>('POST', `/worker/help-requests/${seg(id)}/approve`, { share } satisfies Schemas['ApproveRequest']),
};

/** Uploads a body with progress events (fetch has no upload progress). */
export function uploadContent(id: string, body: Blob, onProgress: (sent: number, total: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `${BASE}/documents/${id}/content`);
    for (const [name, value] of Object.entries(authHeaders({ 'X-PDE-Client': '1' }))) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let code: ApiErrorCode = 'internal';
      try {
        const sent = (JSON.parse(xhr.responseText) as { error?: { code?: unknown } }).error?.code;
        if (isErrorCode(sent)) code = sent;
      } catch {
        /* keep internal */
      }
      reject(new ApiError(code, xhr.status));
    };
    xhr.onerror = () => reject(new ApiError('network', 0));
    xhr.send(body);
  });
}
