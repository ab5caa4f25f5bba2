// The widgets' notion of "now": one seam so tests can stand on a chosen date (a DST change) without fake timers.

export const clock = {
  /** ms since the epoch. Tests replace this; timers still run in real time. */
  now: (): number => Date.now(),
};
