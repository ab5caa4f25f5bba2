import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReconnectWatchdog } from './reconnect-watchdog.js';

describe('ReconnectWatchdog', () => {
  let reconnecting: boolean;
  let framesMoving: boolean;
  let stuck: number;
  const watchdog = () =>
    new ReconnectWatchdog({
      after: 20_000,
      reconnecting: () => reconnecting,
      framesMoving: () => framesMoving,
      onStuck: () => stuck++,
    });

  beforeEach(() => {
    vi.useFakeTimers();
    reconnecting = true;
    framesMoving = false;
    stuck = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('calls a reconnect stuck after the deadline, once', () => {
    const w = watchdog();
    w.start();
    vi.advanceTimersByTime(19_999);
    expect(stuck).toBe(0);
    w.start(); // a second reconnect event keeps the first deadline
    vi.advanceTimersByTime(1);
    expect(stuck).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(stuck).toBe(1);
  });

  it('stands down when the room recovered or the reconnect ended', () => {
    const w = watchdog();
    w.start();
    reconnecting = false;
    vi.advanceTimersByTime(20_000);
    expect(stuck).toBe(0);
    reconnecting = true;
    w.start();
    w.stop();
    vi.advanceTimersByTime(20_000);
    expect(stuck).toBe(0);
  });

  it('waits another round while frames still move (only the signal is resuming)', () => {
    const w = watchdog();
    w.start();
    framesMoving = true;
    vi.advanceTimersByTime(20_000);
    expect(stuck).toBe(0);
    framesMoving = false;
    vi.advanceTimersByTime(20_000);
    expect(stuck).toBe(1);
  });
});
