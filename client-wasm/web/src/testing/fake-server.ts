/**
 * An in-memory stand-in for the PDE server's routes a wallet uses (sign-up, log-in, account,
 * documents), installed as `fetch` and `XMLHttpRequest` for unit tests under Node. It checks
 * auth keys the way the server does (a log-in with the wrong passphrase's auth key is refused)
 * and keeps every request body it was sent, so a test can check what left the page.
 *
 * A `file:` URL is read from disk: that is how the crypto worker's `init()` loads the built
 * WASM module (`src/pkg`) next to its script.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { components } from '../generated/api';

type Schemas = components['schemas'];

interface Account {
  pseudonym: string;
  body: Schemas['CreateAccountRequest'];
  docs: Map<string, { view: Schemas['DocumentView']; content: Uint8Array | null }>;
}

async function wasm(file: string): Promise<Response> {
  return new Response(await readFile(file), { headers: { 'Content-Type': 'application/wasm' } });
}

const QUOTA = 100 * 1024 * 1024;
const MAX_DOC = 20 * 1024 * 1024;

export class FakeServer {
  private accounts = new Map<string, Account>();
  private sessions = new Map<string, Account>();
  private nextId = 1;
  /** Every body sent (JSON as text, binary as bytes), in order. */
  readonly sent: (string | Uint8Array)[] = [];

  private json(status: number, body: unknown): Response {
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }

  private error(status: number, code: string): Response {
    return this.json(status, { error: { code, message: code } });
  }

  private accountView(a: Account): Schemas['AccountView'] {
    const used = [...a.docs.values()].reduce((n, d) => n + d.view.size, 0);
    return {
      created_day: 0,
      kind: 'holder',
      pseudonym: a.pseudonym,
      recipient: a.body.recipient,
      usage: { max_document_bytes: MAX_DOC, quota_bytes: QUOTA, used_bytes: used },
      worker: null,
    };
  }

  private open(a: Account): string {
    const token = `token-${this.nextId++}`;
    this.sessions.set(token, a);
    return token;
  }

  /** Swaps two documents' metadata (what a tampering server could do). */
  swapMetadata(a: string, b: string): void {
    for (const acc of this.accounts.values()) {
      const da = acc.docs.get(a);
      const db = acc.docs.get(b);
      if (da && db) [da.view.metadata, db.view.metadata] = [db.view.metadata, da.view.metadata];
    }
  }

  /** Answers one request, as the server would. */
  async handle(method: string, path: string, headers: Record<string, string>, body: string | Uint8Array | null): Promise<Response> {
    if (body !== null) this.sent.push(body);
    const text = typeof body === 'string' ? body : '';
    const auth = headers.Authorization ?? headers.authorization;
    const me = auth ? this.sessions.get(auth.replace(/^Bearer /, '')) : undefined;
    const route = `${method} ${path.replace(/^\/api\/v1/, '')}`;
    if (route === 'POST /accounts') {
      const req = JSON.parse(text) as Schemas['CreateAccountRequest'];
      if (this.accounts.has(req.pseudonym)) return this.error(409, 'pseudonym_taken');
      const a: Account = { pseudonym: req.pseudonym, body: req, docs: new Map() };
      this.accounts.set(req.pseudonym, a);
      return this.json(201, { session: this.open(a), account: this.accountView(a) } satisfies Schemas['CreateAccountResponse']);
    }
    if (route === 'POST /auth/params') {
      const a = this.accounts.get((JSON.parse(text) as Schemas['ParamsRequest']).pseudonym);
      if (!a) return this.error(404, 'not_found');
      return this.json(200, { salt: a.body.salt, kdf: a.body.kdf } satisfies Schemas['ParamsResponse']);
    }
    if (route === 'POST /auth/login') {
      const req = JSON.parse(text) as Schemas['LoginRequest'];
      const a = this.accounts.get(req.pseudonym);
      const [want, slot] = req.method === 'passphrase'
        ? [a?.body.passphrase_auth, a?.body.passphrase_slot]
        : [a?.body.recovery_auth, a?.body.recovery_slot];
      if (!a || req.auth_key !== want || !slot) return this.error(401, 'invalid_credentials');
      return this.json(200, { session: this.open(a), slot, recipient: a.body.recipient, help_requests: [] } satisfies Schemas['LoginResponse']);
    }
    if (!me) return this.error(401, 'unauthenticated');
    if (route === 'POST /auth/logout') {
      this.sessions.delete(auth!.replace(/^Bearer /, ''));
      return new Response(null, { status: 204 });
    }
    if (route === 'GET /account') return this.json(200, this.accountView(me));
    if (route === 'GET /documents') {
      const documents = [...me.docs.values()].filter((d) => d.content).map((d) => d.view);
      return this.json(200, { documents } satisfies Schemas['DocumentList']);
    }
    if (route === 'POST /documents') {
      const req = JSON.parse(text) as Schemas['CreateDocumentRequest'];
      const id = `00000000-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}`;
      me.docs.set(id, { view: { id, size: req.size, created_at: 1_800_000_000, metadata: req.metadata, envelope: req.envelope }, content: null });
      return this.json(201, { id } satisfies Schemas['CreateDocumentResponse']);
    }
    const content = /^(GET|PUT) \/documents\/([^/]+)\/content$/.exec(route);
    if (content) {
      const doc = me.docs.get(decodeURIComponent(content[2]!));
      if (!doc) return this.error(404, 'not_found');
      if (content[1] === 'PUT') {
        const bytes = body instanceof Uint8Array ? body : new Uint8Array();
        if (bytes.length !== doc.view.size) return this.error(400, 'size_mismatch');
        doc.content = bytes;
        return new Response(null, { status: 204 });
      }
      if (!doc.content) return this.error(404, 'not_found');
      return new Response(doc.content.slice(), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
    }
    return this.error(404, 'not_found');
  }

  /** `fetch` for the page and the crypto worker. */
  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url, 'http://pde.test');
    if (url.protocol === 'file:') return wasm(fileURLToPath(url));
    // Under vitest, Vite turns the module's `new URL(…, import.meta.url)` into an address of
    // the app's root, as its dev server would serve it.
    if (url.pathname.endsWith('.wasm')) return wasm(fileURLToPath(new URL(`../..${url.pathname}`, import.meta.url)));
    const body = init.body === undefined || init.body === null ? null : String(init.body);
    return this.handle(init.method ?? 'GET', url.pathname, (init.headers ?? {}) as Record<string, string>, body);
  };

  /** `XMLHttpRequest`, as far as uploadContent uses it. */
  xhr(): typeof XMLHttpRequest {
    const server = this;
    class FakeXhr {
      status = 0;
      responseText = '';
      upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      private method = 'GET';
      private path = '';
      private headers: Record<string, string> = {};
      open(method: string, path: string) {
        this.method = method;
        this.path = path;
      }
      setRequestHeader(name: string, value: string) {
        this.headers[name] = value;
      }
      send(body: Blob) {
        void (async () => {
          const bytes = new Uint8Array(await body.arrayBuffer());
          this.upload.onprogress?.({ loaded: bytes.length, total: bytes.length, lengthComputable: true });
          const res = await server.handle(this.method, this.path, this.headers, bytes);
          this.status = res.status;
          this.responseText = await res.text();
          this.onload?.();
        })().catch(() => this.onerror?.());
      }
    }
    return FakeXhr as unknown as typeof XMLHttpRequest;
  }
}
