// Retry policies as small strategy objects, so an integrator can swap behaviour without forking.

export interface RetryContext {
  /** 0 for the first retry. */
  readonly attempt: number;
  /** ms since the first failure of this run of failures. */
  readonly elapsed: number;
}

export interface RetryPolicy {
  /** ms to wait before the next try, or null to give up. */
  nextRetryDelay(context: RetryContext): number | null;
}

export interface BackoffOptions {
  /** First delay, ms. */
  initial?: number;
  /** Longest delay, ms. */
  max?: number;
  /** Multiplier per attempt. */
  factor?: number;
  /** Give up after this many retries (Infinity: never). */
  maxAttempts?: number;
  /** Give up after this long, ms (Infinity: never). */
  maxElapsed?: number;
  /** ±fraction of random jitter, so a thousand viewers don't retry in lockstep. */
  jitter?: number;
  random?: () => number;
}

/** Exponential backoff with jitter. */
export function exponentialBackoff(options: BackoffOptions = {}): RetryPolicy {
  const {
    initial = 1000,
    max = 15_000,
    factor = 2,
    maxAttempts = Number.POSITIVE_INFINITY,
    maxElapsed = Number.POSITIVE_INFINITY,
    jitter = 0.2,
    random = Math.random,
  } = options;
  return {
    nextRetryDelay({ attempt, elapsed }) {
      if (attempt >= maxAttempts || elapsed >= maxElapsed) return null;
      const base = Math.min(max, initial * factor ** attempt);
      const spread = base * jitter * (random() * 2 - 1);
      return Math.max(0, Math.round(base + spread));
    },
  };
}

/**
 * Tracks one run of failures against a policy. `schedule` runs `task` after the policy's delay
 * (returns false when the policy gives up); `reset` after a success starts the count again.
 */
export class Retrier {
  private attempt = 0;
  private firstFailure: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  get attempts(): number {
    return this.attempt;
  }

  schedule(task: () => void): boolean {
    this.cancel();
    this.firstFailure ??= this.now();
    const delay = this.policy.nextRetryDelay({ attempt: this.attempt, elapsed: this.now() - this.firstFailure });
    if (delay === null) return false;
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      task();
    }, delay);
    return true;
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  reset(): void {
    this.cancel();
    this.attempt = 0;
    this.firstFailure = undefined;
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
