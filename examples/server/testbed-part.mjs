// @ts-check
// The reference server as a test-bed part (`executeServerCommand('testbed:reference-server')`): a throwaway
// SQLite file, CORS for loopback pages, limits loose enough for load tests, an admin token for reading back.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from './index.mjs';

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;
const OPEN = { limit: 100_000, windowMs: 60_000 };

/** @param {Partial<import('./src/config.ts').ReferenceServerOptions>} [options] */
export async function startReferenceServerPart(options = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'livehook-reference-'));
  const adminToken = randomUUID();
  const server = await startReferenceServer({
    port: 0,
    dbPath: join(dir, 'reference.db'),
    origins: [LOOPBACK],
    adminToken,
    rooms: ['testbed-room'],
    campaigns: { testbed: { title: 'Test reward' } },
    coupons: { testbed: { quantity: 50 } },
    rateLimits: { token: OPEN, follow: OPEN, reward: OPEN, claim: OPEN, remind: OPEN, group: OPEN, events: OPEN },
    log: (line) => console.error(line),
    ...options,
  });
  return {
    info: { url: server.url, adminToken },
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
