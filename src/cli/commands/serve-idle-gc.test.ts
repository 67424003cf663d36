import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHECK_MS,
  collectWhenIdle,
  IDLE_UTILIZATION,
  startIdleCollector,
} from './serve-idle-gc.js';

afterEach(() => void vi.useRealTimers());

describe('startIdleCollector', () => {
  it('collects once per idle spell after work, the start counting as work', () => {
    vi.useFakeTimers();
    // Utilisation of each interval: idle after the start, busy, idle twice, busy, idle.
    const utilizations = [0, 0.5, 0, 0, IDLE_UTILIZATION, 0.01];
    const collectedAt: number[] = [];
    let check = 0;
    const stop = startIdleCollector({
      utilization: () => utilizations[check++]!,
      collect: () => void collectedAt.push(check),
    });
    vi.advanceTimersByTime(CHECK_MS * utilizations.length);
    stop();
    vi.advanceTimersByTime(CHECK_MS * 3);

    expect(check).toBe(6);
    expect(collectedAt).toEqual([1, 3, 6]);
  });

  it('collects through V8 in this process, without a command-line flag', () => {
    vi.useFakeTimers();
    const stop = collectWhenIdle();
    expect(() => vi.advanceTimersByTime(CHECK_MS)).not.toThrow();
    stop();
  });
});
