// @ts-check
// The shop-api part of the test bed: a loopback stand-in for a shop's lead endpoints.
//
//   const api = await startShopApi();
//   api.info.origin                       // http://127.0.0.1:PORT
//   // endpoints of shop "t1":  {origin}/shops/t1/{follow|reward|pool|remind|claim}
//   // control of shop "t1":   POST {origin}/control/t1 { fault: { endpoint, mode, times? } } · GET → { log, … }
//   await api.stop();
import { createShopApi, ENDPOINTS } from './server.mjs';

/**
 * @typedef {{ origin: string, shopPath: string, controlPath: string, endpoints: readonly string[], imageUrl: string }} ShopApiInfo
 */

/**
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ info: ShopApiInfo, stop: () => Promise<void> }>}
 */
export async function startShopApi({ port = 0 } = {}) {
  const api = createShopApi();
  const origin = await api.listen(port);
  return {
    info: {
      origin,
      shopPath: '/shops/{shop}/{endpoint}',
      controlPath: '/control/{shop}',
      endpoints: ENDPOINTS,
      imageUrl: `${origin}/static/group.png`,
    },
    stop: () => api.close(),
  };
}

/** The test-bed part for the web-test-runner plugin (`executeServerCommand('testbed:shop-api')`). */
export const startShopApiPart = startShopApi;
