/** The HTTP API (docs/api.md). Every mutating request carries X-PDE-Client: 1. */

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly retryAfter?: number,
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

export interface Account {
  pseudonym: string;
  recipient: string;
  created_day: number | string;
  usage: Usage;
}

export interface StoredDocument {
  id: string;
  size: number;
  created_at: number;
  metadata: string;
  envelope: string;
}

const BASE = '/api/v1';

async function parseError(res: Response): Promise<ApiError> {
  let code = 'internal';
  try {
    const body = (await res.json()) as { error?: { code?: string } };
    if (body.error?.code) code = body.error.code;
  } catch {
    if (res.status === 404) code = 'not_found';
  }
  const ra = Number(res.headers.get('Retry-After'));
  return new ApiError(code, res.status, Number.isFinite(ra) && ra > 0 ? ra : undefined);
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-PDE-Client'] = '1';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  params: (pseudonym: string) => request<{ salt: string; kdf: Kdf }>('POST', '/auth/params', { pseudonym }),
  createAccount: (body: {
    pseudonym: string;
    recipient: string;
    salt: string;
    kdf: Kdf;
    passphrase_auth: string;
    passphrase_slot: string;
    recovery_auth: string;
    recovery_slot: string;
  }) => request<{ account: Account }>('POST', '/accounts', body),
  login: (pseudonym: string, method: 'passphrase' | 'recovery', authKey: string) =>
    request<{ recipient: string; slot: string }>('POST', '/auth/login', { pseudonym, method, auth_key: authKey }),
  logout: () => request<void>('POST', '/auth/logout'),
  account: () => request<Account>('GET', '/account'),
  setPassphrase: (body: { salt: string; kdf: Kdf; passphrase_auth: string; passphrase_slot: string }) =>
    request<void>('PUT', '/account/passphrase', body),
  documents: () => request<{ documents: StoredDocument[] }>('GET', '/documents'),
  reserveDocument: (body: { size: number; metadata: string; envelope: string }) =>
    request<{ id: string }>('POST', '/documents', body),
  putMetadata: (id: string, metadata: string) => request<void>('PUT', `/documents/${id}/metadata`, { metadata }),
  deleteDocument: (id: string) => request<void>('DELETE', `/documents/${id}`),
  content: async (id: string): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(`${BASE}/documents/${id}/content`, { credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new ApiError('network', 0);
    }
    if (!res.ok) throw await parseError(res);
    return res;
  },
};

/** Uploads a body with progress events (fetch has no upload progress). */
export function uploadContent(id: string, body: Blob, onProgress: (sent: number, total: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `${BASE}/documents/${id}/content`);
    xhr.setRequestHeader('X-PDE-Client', '1');
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
