import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exponentialBackoff, Retrier } from './retry.js';

describe('exponentialBackoff', () => {
  it('grows, caps and gives up', () => {
    const policy = exponentialBackoff({ initial: 100, max: 1000, maxAttempts: 5, jitter: 0 });
    const delays = [0, 1, 2, 3, 4, 5].map((attempt) => policy.nextRetryDelay({ attempt, elapsed: 0 }));
    expect(delays).toEqual([100, 200, 400, 800, 1000, null]);
    expect(exponentialBackoff({ maxElapsed: 500 }).nextRetryDelay({ attempt: 0, elapsed: 600 })).toBeNull();
  });

  it('jitters within the configured spread', () => {
    const low = exponentialBackoff({ initial: 1000, jitter: 0.2, random: () => 0 });
    const high = exponentialBackoff({ initial: 1000, jitter: 0.2, random: () => 0.999999 });
    expect(low.nextRetryDelay({ attempt: 0, elapsed: 0 })).toBe(800);
    expect(high.nextRetryDelay({ attempt: 0, elapsed: 0 })).toBe(1200);
  });
});

describe('Retrier', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the task after the delay, counts attempts and resets', () => {
    const retrier = new Retrier(exponentialBackoff({ initial: 100, jitter: 0, maxAttempts: 2 }));
    const task = vi.fn();
    expect(retrier.schedule(task)).toBe(true);
    vi.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledOnce();
    expect(retrier.schedule(task)).toBe(true);
    expect(retrier.schedule(task)).toBe(false); // third try: the policy gives up
    retrier.reset();
    expect(retrier.schedule(task)).toBe(true);
    retrier.cancel();
    vi.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
