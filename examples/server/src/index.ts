// LiveHook reference server: the public API of this example.
export type {
  CampaignConfig,
  CouponConfig,
  GroupEntry,
  LiveKitConfig,
  RateLimitName,
  ReferenceServerOptions,
  RoomConfig,
} from './config.js';
export { DEFAULT_RATE_LIMITS } from './config.js';
export { createReferenceHandler, type ReferenceHandler, type ReferenceServer, startReferenceServer } from './server.js';
export { SqliteStore } from './sqlite-store.js';
export type { Store } from './store.js';
