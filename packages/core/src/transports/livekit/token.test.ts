import { describe, expect, it } from 'vitest';
import type { ViewerError } from '../../viewer/errors.js';
import { checkTokenResponse, fetchToken, readTokenGrants } from './token.js';

const jwt = (payload: object) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJl`;
const token = jwt({ video: { roomJoin: true, canPublish: false } });
const request = { tokenUrl: 'https://shop.example/token', room: 'r1', kind: 'viewer' as const };

function fakeFetch(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status });
}

async function error(promise: Promise<unknown>): Promise<ViewerError> {
  try {
    await promise;
  } catch (e) {
    return e as ViewerError;
  }
  throw new Error('expected a rejection');
}

describe('token endpoint answers', () => {
  it('accepts { token } and { token, url }', () => {
    expect(checkTokenResponse(JSON.stringify({ token }))).toEqual({ token });
    expect(checkTokenResponse(JSON.stringify({ token, url: 'wss://eu.live.example' }))).toEqual({
      token,
      url: 'wss://eu.live.example',
    });
  });

  it.each([
    ['{"token": "eyJhbGciOi', /not JSON/],
    ['[]', /JSON object/],
    ['{"tokn":42}', /without a valid "token"/],
    ['{"token":"not a jwt"}', /without a valid "token"/],
    [JSON.stringify({ token, url: 'javascript:alert(1)' }), /"url" that is not/],
    [`{"token":"${'a'.repeat(70_000)}"}`, /oversized/],
  ])('refuses %s', (body, message) => {
    expect(() => checkTokenResponse(body)).toThrow(message);
  });

  it('names the HTTP status and the server reason for 401 and 500', async () => {
    const refused = await error(
      fetchToken(request, { timeout: 1000, fetch: fakeFetch(401, '{"error":"not logged in"}') }),
    );
    expect(refused.code).toBe('token');
    expect(refused.message).toMatch(/refused \(HTTP 401: not logged in\)/);
    const failed = await error(fetchToken(request, { timeout: 1000, fetch: fakeFetch(500, 'boom\nstack') }));
    expect(failed.message).toMatch(/failed \(HTTP 500: boom\)/);
  });

  it('gives up on an endpoint that hangs', async () => {
    const hang: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const started = Date.now();
    const e = await error(fetchToken(request, { timeout: 150, fetch: hang }));
    expect(e.code).toBe('token');
    expect(e.message).toMatch(/did not answer within 150 ms/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('POSTs { room, kind } as JSON', async () => {
    let sent: RequestInit | undefined;
    const capture: typeof fetch = async (_url, init) => {
      sent = init;
      return new Response(JSON.stringify({ token }));
    };
    await fetchToken({ ...request, kind: 'data-only' }, { timeout: 1000, fetch: capture });
    expect(sent?.method).toBe('POST');
    expect(JSON.parse(String(sent?.body))).toEqual({ room: 'r1', kind: 'data-only' });
  });

  it('reads grants so a publishing viewer token can be flagged', () => {
    expect(readTokenGrants(token)).toEqual({ roomJoin: true, canPublish: false });
    expect(readTokenGrants(jwt({ video: { roomJoin: true } }))?.canPublish).toBeUndefined();
    expect(readTokenGrants('garbage')).toBeUndefined();
  });
});
