/**
 * The HTTP API (docs/api.md, docs/sharing.md). Every mutating request carries X-PDE-Client: 1.
 *
 * The session token lives in this module's memory only and travels as `Authorization: Bearer`;
 * the browser keeps no cookie, so a closed tab, a reload or a crash leaves nothing usable behind.
 */

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly retryAfter?: number,
    /** For `wrong_pin`: how many tries are left before the link locks. */
    readonly attemptsLeft?: number,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export interface Kdf {
  alg: 'argon2id';
  m_kib: number;
  t: number;
  p: number;
}

export interface Usage {
  used_bytes: number;
  quota_bytes: number;
  max_document_bytes: number;
}

export type AccountKind = 'holder' | 'worker';
export type WorkerState = 'unverified' | 'verified' | 'suspended';

/** A worker as they see themselves (`GET /account`). */
export interface WorkerSelf {
  id: string;
  real_name: string;
  organisation: string;
  state: WorkerState;
  code: string;
}

export interface Account {
  pseudonym: string;
  recipient: string;
  created_day: number | string;
  usage: Usage;
  /** Absent on a server without sharing: a holder. */
  kind?: AccountKind;
  worker?: WorkerSelf;
}

/** A worker as a holder finds them by card code. */
export interface WorkerCard {
  id: string;
  code: string;
  real_name: string;
  organisation: string;
  verified: boolean;
  recipient: string;
}

export type ShareStatus = 'active' | 'expired' | 'revoked' | 'locked';

export interface Receipt {
  document_id: string;
  at: number;
  action: 'open' | 'download';
  by: 'worker' | 'link';
}

/** One of the holder's shares (`GET /shares`). */
export interface ShareSummary {
  id: string;
  kind: 'worker' | 'link';
  worker: Omit<WorkerCard, 'recipient'> | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  status: ShareStatus;
  pin: boolean;
  pin_failures: number;
  document_ids: string[];
  receipts: Receipt[];
}

/** A shared document as the worker or the link visitor receives it (Base64 fields). */
export interface SharedDocument {
  id: string;
  size: number;
  metadata: string;
  envelope: string;
}

/** A share addressed to the worker (`GET /shared-with-me`). */
export interface IncomingShare {
  id: string;
  holder: string;
  created_at: number;
  expires_at: number;
  note: string | null;
  documents: SharedDocument[];
}

export interface LinkContents {
  expires_at: number;
  note: string | null;
  documents: SharedDocument[];
}

export interface ShareDocumentBody {
  id: string;
  envelope: string;
}

export type NewShare =
  | { kind: 'worker'; worker_id: string; duration_secs: number; note: string | null; documents: ShareDocumentBody[] }
  | {
      kind: 'link';
      duration_secs: number;
      access_key: string;
      pin: string | null;
      note: string | null;
      documents: ShareDocumentBody[];
    };

/** What every link request carries (access key in Base64). */
export interface LinkAccess {
  access_key: string;
  pin: string | null;
}

export interface NewWallet {
  recipient: string;
  salt: string;
  kdf: Kdf;
  passphrase_auth: string;
  passphrase_slot: string;
  recovery_auth: string;
  recovery_slot: string;
}

export interface StoredDocument {
  id: string;
  size: number;
  created_at: number;
  metadata: string;
  envelope: string;
}

const BASE = '/api/v1';

/** The open session's token, or null; never written anywhere but this variable. */
let sessionToken: string | null = null;

/** A request that opens a session (log-in, sign-up, worker join): keeps the token it answers. */
async function opening<T extends { session: string }>(path: string, body: unknown): Promise<T> {
  const answer = await request<T>('POST', path, body);
  sessionToken = answer.session;
  return answer;
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
  if (token === null) return;
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

async function parseError(res: Response): Promise<ApiError> {
  let code = 'internal';
  let attemptsLeft: number | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: string; attempts_left?: unknown } };
    if (body.error?.code) code = body.error.code;
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
  params: (pseudonym: string) => request<{ salt: string; kdf: Kdf }>('POST', '/auth/params', { pseudonym }),
  createAccount: (body: NewWallet & { pseudonym: string }) => opening<{ account: Account; session: string }>('/accounts', body),
  login: (pseudonym: string, method: 'passphrase' | 'recovery', authKey: string) =>
    opening<{ recipient: string; slot: string; session: string }>('/auth/login', { pseudonym, method, auth_key: authKey }),
  logout: async () => {
    if (sessionToken === null) return;
    try {
      await request<void>('POST', '/auth/logout');
    } finally {
      sessionToken = null;
    }
  },
  account: () => request<Account>('GET', '/account'),
  setPassphrase: (body: { salt: string; kdf: Kdf; passphrase_auth: string; passphrase_slot: string; end_other_sessions?: boolean }) =>
    request<void>('PUT', '/account/passphrase', body),
  documents: () => request<{ documents: StoredDocument[] }>('GET', '/documents'),
  reserveDocument: (body: { size: number; metadata: string; envelope: string }) =>
    request<{ id: string }>('POST', '/documents', body),
  putMetadata: (id: string, metadata: string) => request<void>('PUT', `/documents/${id}/metadata`, { metadata }),
  deleteDocument: (id: string) => request<void>('DELETE', `/documents/${id}`),
  content: (id: string): Promise<Response> => binary('GET', `/documents/${seg(id)}/content`),

  // ---- sharing (docs/sharing.md) ----
  lookupInvitation: (invitation: string) =>
    request<{ organisation: string; expires_at: number }>('POST', '/invitations/lookup', { invitation }),
  createWorker: (body: NewWallet & { invitation: string; real_name: string; pseudonym: string }) =>
    opening<{ account: Account; session: string }>('/workers', body),
  /** `code` in display form (`XXXX-XXXX-C`). */
  worker: (code: string) => request<WorkerCard>('GET', `/workers/${seg(code)}`),
  createShare: (body: NewShare) => request<{ id: string; expires_at: number }>('POST', '/shares', body),
  shares: () => request<{ shares: ShareSummary[] }>('GET', '/shares'),
  revokeShare: (id: string) => request<void>('POST', `/shares/${seg(id)}/revoke`),
  sharedWithMe: () => request<{ shares: IncomingShare[] }>('GET', '/shared-with-me'),
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
      let code = 'internal';
      try {
        code = (JSON.parse(xhr.responseText) as { error: { code: string } }).error.code;
      } catch {
        /* keep internal */
      }
      reject(new ApiError(code, xhr.status));
    };
    xhr.onerror = () => reject(new ApiError('network', 0));
    xhr.send(body);
  });
}
