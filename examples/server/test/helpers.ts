// Starts a reference server on a free loopback port with an in-memory database, and talks to it over real HTTP.
import { randomUUID } from 'node:crypto';
import type { ReferenceServerOptions } from '../src/config.js';
import { type ReferenceServer, startReferenceServer } from '../src/server.js';

export const ALLOWED_ORIGIN = 'http://shop.test';

export async function start(options: ReferenceServerOptions = {}): Promise<ReferenceServer & { post: Post; get: Get }> {
  const server = await startReferenceServer({
    port: 0,
    dbPath: ':memory:',
    origins: [ALLOWED_ORIGIN],
    log: () => {},
    ...options,
  });
  const post: Post = async (path, body, headers = {}) => {
    const response = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await parse(response) };
  };
  const get: Get = async (path, headers = {}) => {
    const response = await fetch(server.url + path, { headers });
    return { status: response.status, headers: response.headers, body: await parse(response) };
  };
  return Object.assign(server, { post, get });
}

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint answered
type Answer = { status: number; headers: Headers; body: any };
export type Post = (path: string, body: unknown, headers?: Record<string, string>) => Promise<Answer>;
export type Get = (path: string, headers?: Record<string, string>) => Promise<Answer>;

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function viewerId(): string {
  return randomUUID();
}

export function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    type: 'product.clicked',
    time: new Date().toISOString(),
    session: randomUUID(),
    viewer: 'viewer-test-0001',
    room: 'spring-sale',
    page: 'https://shop.test/live',
    data: {},
    ...overrides,
  };
}
