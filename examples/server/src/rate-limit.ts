// A fixed-window rate limiter per client and route: enough to stop a script minting tokens or
// hammering coupons from one address, small enough to read. Behind several server processes use a shared store.

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number; windowMs: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request; returns 0 if allowed, else the seconds until the window resets. */
  hit(key: string, { limit, windowMs }: RateLimit): number {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0, windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count <= limit) return 0;
    return Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 10_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= window.windowMs) this.windows.delete(key);
  }
}
