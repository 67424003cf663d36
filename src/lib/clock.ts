/**
 * The real clock, as one function that code can recognise: where a clock
 * is read on every request in milliseconds only (the page cache's), this
 * one is read with `Date.now()`, making no Date, while a pinned clock (a
 * test's) is still obeyed.
 */

/** Now, as a Date (UTC instant). */
export const systemClock = (): Date => new Date();

/** `clock` in milliseconds since the epoch: `Date.now` itself for the system clock. */
export function millisecondsOf(clock: () => Date): () => number {
  return clock === systemClock ? Date.now : () => clock().getTime();
}
