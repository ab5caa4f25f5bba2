// The HTTP sink against a fake fetch and fake timers: batch bounds, backoff, and what each answer means.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exponentialBackoff } from '../policy/retry.js';
import { HttpSink, type HttpSinkOptions } from './http-sink.js';
import { createLeadEvent, type LeadEvent } from './lead-event.js';
import { EventQueue, MemoryQueueStore } from './queue.js';

type Reply = { status: number; body?: unknown } | 'network';

function setup(replies: Reply[], options: Partial<HttpSinkOptions> = {}) {
  const bodies: { events: LeadEvent[] }[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    const reply = replies.shift() ?? { status: 200 };
    if (reply === 'network') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(reply.body ?? { accepted: 0, duplicates: 0, rejected: [] }), {
      status: reply.status,
    });
  });
  const queue = new EventQueue(new MemoryQueueStore(), 1000);
  const rejected: string[] = [];
  const sink = new HttpSink(
    queue,
    {
      endpoint: 'https://shop.test/api/events',
      fetch: fetch as unknown as typeof globalThis.fetch,
      retry: exponentialBackoff({ initial: 1000, jitter: 0 }),
      ...options,
    },
    { sent: () => {}, rejected: (_e, reason) => rejected.push(reason), failed: () => {} },
  );
  sink.resume();
  const push = (n: number) => {
    for (let i = 0; i < n; i++) {
      queue.push(createLeadEvent({ type: 'custom.test', data: { i } }));
      sink.notify();
    }
  };
  return { sink, queue, fetch, bodies, push, rejected };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('HttpSink', () => {
  it('sends a full batch at once and the rest after flushInterval', async () => {
    const { queue, bodies, push } = setup([], { maxBatchEvents: 10, flushInterval: 5000 });
    push(13);
    await vi.advanceTimersByTimeAsync(0);
    expect(bodies.map((b) => b.events.length)).toEqual([10]);
    await vi.advanceTimersByTimeAsync(4999);
    expect(bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(bodies.map((b) => b.events.length)).toEqual([10, 3]);
    expect(queue.length).toBe(0);
  });

  it('keeps batches under maxBatchBytes', async () => {
    const { bodies, push, sink } = setup([], { maxBatchEvents: 1000, maxBatchBytes: 2000 });
    push(30);
    await sink.flush();
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) expect(JSON.stringify(body).length).toBeLessThanOrEqual(2000);
    expect(bodies.flatMap((b) => b.events)).toHaveLength(30);
  });

  it('backs off after network errors and 5xx, keeping every event', async () => {
    const { queue, fetch, push, sink } = setup(['network', { status: 503 }, { status: 200 }]);
    push(3);
    expect(await sink.flush()).toBe(false);
    expect(queue.length).toBe(3);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2); // 503
    await vi.advanceTimersByTimeAsync(2000); // the second delay doubles
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(queue.length).toBe(0);
  });

  it('halves the batch on 413, and drops (with a reason) what the endpoint refuses with 400', async () => {
    const { queue, bodies, push, sink, rejected } = setup([{ status: 413 }, { status: 400, body: { error: 'nope' } }]);
    push(4);
    await sink.flush();
    expect(bodies.map((b) => b.events.length)).toEqual([4, 2, 2]);
    expect(rejected).toEqual([
      'the endpoint refused the batch (400): nope',
      'the endpoint refused the batch (400): nope',
    ]);
    expect(queue.length).toBe(0);
  });

  it('reports events the collector rejected one by one', async () => {
    const { push, sink, rejected } = setup([
      { status: 200, body: { accepted: 1, duplicates: 0, rejected: [{ index: 1, reason: 'bad' }] } },
    ]);
    push(2);
    await sink.flush();
    expect(rejected).toEqual(['bad']);
  });

  it('sends nothing while paused', async () => {
    const { fetch, push, sink } = setup([]);
    sink.pause();
    push(100);
    sink.flushOnExit();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).not.toHaveBeenCalled();
  });
});
