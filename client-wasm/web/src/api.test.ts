import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { ApiError, api, errorCodes, isErrorCode } from './api';

/** Answers every fetch with `status` and `body` as JSON. */
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })),
  );
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

const access = { access_key: 'a2V5', pin: '123456' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('API errors', () => {
  it('keep the server code, the status, the tries left and Retry-After', async () => {
    answer(401, { error: { code: 'wrong_pin', message: 'wrong PIN', attempts_left: 2 } });
    const e = await refusal(api.linkOpen('0123456789abcdef0123456789abcdef', access));
    expect([e.code, e.status, e.attemptsLeft]).toEqual(['wrong_pin', 401, 2]);

    answer(429, { error: { code: 'too_many_attempts', message: 'later' } }, { 'Retry-After': '8' });
    const t = await refusal(api.params('alice'));
    expect([t.code, t.retryAfter]).toEqual(['too_many_attempts', 8]);
  });

  it('read a code the server does not have as internal', async () => {
    answer(400, { error: { code: 'made_up_code', message: '?' } });
    const e = await refusal(api.params('alice'));
    expect(e.code).toBe('internal');
    expect(isErrorCode('made_up_code')).toBe(false);
  });

  it('are no answer at all when the network fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    const e = await refusal(api.params('alice'));
    expect([e.code, e.status]).toEqual(['network', 0]);
  });

  it('know every code of the server document, and only those', () => {
    const spec = JSON.parse(readFileSync(new URL('./generated/openapi.json', import.meta.url), 'utf8')) as {
      components: { schemas: { ErrorCode: { enum: string[] } } };
    };
    expect([...errorCodes]).toEqual(spec.components.schemas.ErrorCode.enum);
    for (const code of errorCodes) expect(isErrorCode(code)).toBe(true);
  });
});
