// @ts-check
// Access tokens for the test bed's rooms, minted with livekit-server-sdk.
import { randomUUID } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

/**
 * `viewer`: subscribe to media and data, publish nothing (not even data).
 * `data-only`: no subscribe, no publish. LiveKit has no "data only" grant; see README for what such a
 * participant still receives.
 * @typedef {'viewer' | 'data-only'} ViewerTokenKind
 */
export const VIEWER_TOKEN_KINDS = /** @type {const} */ (['viewer', 'data-only']);

/**
 * @typedef {object} TokenRequest
 * @property {string} apiKey
 * @property {string} apiSecret
 * @property {string} room
 * @property {string} [identity]
 * @property {string} [ttl]  e.g. '1h' (default), '24h'
 */

/**
 * @param {TokenRequest} request
 * @param {import('livekit-server-sdk').VideoGrant} grant
 */
async function mint({ apiKey, apiSecret, room, identity, ttl = '1h' }, grant) {
  const token = new AccessToken(apiKey, apiSecret, { identity: identity || `viewer-${randomUUID().slice(0, 8)}`, ttl });
  token.addGrant({ roomJoin: true, room, ...grant });
  return token.toJwt();
}

/**
 * A token for a viewer of `kind`.
 * @param {TokenRequest & { kind?: ViewerTokenKind }} request
 * @returns {Promise<string>}
 */
export function mintViewerToken({ kind = 'viewer', ...request }) {
  if (kind === 'data-only') return mint(request, { canSubscribe: false, canPublish: false, canPublishData: false });
  return mint(request, { canSubscribe: true, canPublish: false, canPublishData: false });
}

/**
 * A token for the test bed's publisher (the "host"): publish media and data.
 * @param {TokenRequest} request
 * @returns {Promise<string>}
 */
export function mintPublisherToken(request) {
  return mint({ ttl: '24h', ...request }, { canPublish: true, canPublishData: true, canSubscribe: false });
}
