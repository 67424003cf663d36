import { describe, expect, it } from 'vitest';
import { ChangeMemo } from './change-memo.js';

describe('ChangeMemo', () => {
  it('reads once for readers at once and while fresh, again after ttlMs', async () => {
    let clock = 1_000;
    let reads = 0;
    const memo = new ChangeMemo<number>(5_000, () => clock);
    const load = async () => ++reads;
    expect(await Promise.all([memo.get(load), memo.get(load)])).toEqual([1, 1]);
    clock += 4_999;
    expect(await memo.get(load)).toBe(1);
    clock += 1;
    expect(await memo.get(load)).toBe(2);
  });

  it('reads again after a clear, and never keeps a read that began before it', async () => {
    let reads = 0;
    const releases: Array<() => void> = [];
    const memo = new ChangeMemo<number>(60_000);
    const slow = () =>
      new Promise<number>((done) => {
        const n = ++reads;
        releases.push(() => done(n));
      });
    const before = memo.get(slow);
    memo.clear();
    releases[0]!();
    expect(await before).toBe(1);
    // The read that began before the clear is not kept.
    const after = memo.get(slow);
    releases[1]!();
    expect(await after).toBe(2);
    expect(await memo.get(slow)).toBe(2);
    expect(reads).toBe(2);
  });

  it('keeps no failure: the next reader reads again', async () => {
    let reads = 0;
    const memo = new ChangeMemo<number>(60_000);
    await expect(
      memo.get(async () => {
        reads += 1;
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');
    expect(await memo.get(async () => ++reads)).toBe(2);
  });
});
