// Shared by the lead-event pipeline's browser tests: the test bed's reference collector and a pipeline aimed at it.
import { executeServerCommand } from '@web/test-runner-commands';
import type { LeadEvent } from '../events/lead-event.js';
import { createLeadPipeline, type LeadPipelineOptions } from '../events/pipeline.js';
import { exponentialBackoff } from '../policy/retry.js';

interface ServerInfo {
  url: string;
  adminToken: string;
}

let info: Promise<ServerInfo> | undefined;
export const referenceServer = () => (info ??= executeServerCommand('testbed:reference-server') as Promise<ServerInfo>);
let counter = 0;
export const unique = (name: string) => `${name}-${Date.now().toString(36)}-${counter++}`;

export async function storedEvents(room: string): Promise<LeadEvent[]> {
  const { url, adminToken } = await referenceServer();
  const response = await fetch(`${url}/api/admin/events?room=${encodeURIComponent(room)}`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  if (!response.ok) throw new Error(`admin/events answered ${response.status}`);
  return ((await response.json()) as { events: LeadEvent[] }).events;
}

/** Polls an async or sync check until it is true or the deadline passes. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeout = 30_000,
): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function storageKeys(): string[] {
  return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).filter(Boolean);
}

export async function pipelineFor(room: string, storageKey: string, extra: Partial<LeadPipelineOptions> = {}) {
  const { url } = await referenceServer();
  return createLeadPipeline({
    endpoint: `${url}/api/events`,
    room,
    storageKey,
    collect: false,
    http: {
      flushInterval: 100,
      maxBatchEvents: 50,
      // Short backoff so 20 offline periods fit in a test; production waits 1 s … 60 s.
      retry: exponentialBackoff({ initial: 50, max: 400, jitter: 0.3 }),
      timeout: 5_000,
    },
    ...extra,
  });
}
