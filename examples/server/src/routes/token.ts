// POST /api/token { room, identity? } → { token, url }: a subscribe-only LiveKit token for an allowed room.
import { randomUUID } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { field, type RequestContext } from '../context.js';
import { HttpError, sendJson } from '../http.js';

const IDENTITY = /^[A-Za-z0-9_.:@-]{1,128}$/;

export async function token(ctx: RequestContext): Promise<void> {
  const livekit = ctx.options.livekit;
  if (!livekit) throw new HttpError(503, 'LiveKit is not configured on this server');
  const body = await ctx.body();
  const room = field(ctx, body, 'room');
  if (!ctx.config.rooms.has(room)) throw new HttpError(404, `unknown room "${room}"`);
  const identity = body.identity ?? undefined;
  if (identity !== undefined && (typeof identity !== 'string' || !IDENTITY.test(identity))) {
    throw new HttpError(400, '"identity" must be 1–128 letters, digits or _.:@-');
  }
  const at = new AccessToken(livekit.apiKey, livekit.apiSecret, {
    identity: (identity as string | undefined) ?? `viewer-${randomUUID()}`,
    ttl: livekit.ttl ?? '1h',
  });
  // Watch only: no camera, no microphone, no data messages, no metadata edits. The secret never leaves this process.
  at.addGrant({
    room,
    roomJoin: true,
    canSubscribe: true,
    canPublish: false,
    canPublishData: false,
    canUpdateOwnMetadata: false,
  });
  sendJson(ctx.res, 200, { token: await at.toJwt(), url: livekit.url });
}
