import { describe, expect, it, vi } from 'vitest';
import type { ArticleId } from '../domain/article-id.js';
import { ViewCounter } from './view-counter.js';

const A = '258871304963183' as ArticleId;
const B = '9007199254740993' as ArticleId;

describe('ViewCounter', () => {
  it('writes every recorded view in one batch per flush', async () => {
    const batches: Array<[string, number][]> = [];
    const counter = new ViewCounter({ sink: async (m) => void batches.push([...m]) });
    for (let i = 0; i < 200; i++) counter.record(A);
    counter.record(B);

    expect(await counter.flush()).toBe(201);
    expect(batches).toEqual([
      [
        [A, 200],
        [B, 1],
      ],
    ]);
    expect(await counter.flush()).toBe(0);
    expect(batches).toHaveLength(1);
  });

  it('splits each batch by kind of referrer, and keeps the split of a failed write', async () => {
    const splits: Array<[string, Record<string, number>][]> = [];
    let fail = true;
    const counter = new ViewCounter({
      sink: async (_m, byReferrer) => {
        if (fail) throw new Error('busy');
        splits.push([...byReferrer]);
      },
    });
    counter.record(A, 'search');
    counter.record(A, 'search');
    counter.record(A, 'social');
    counter.record(B);
    await expect(counter.flush()).rejects.toThrow('busy');
    counter.record(A, 'other');
    expect(counter.pendingFor(A)).toBe(4);
    expect(counter.pending()).toEqual({ [A]: 4, [B]: 1 });
    fail = false;
    expect(await counter.flush()).toBe(5);
    expect(splits).toEqual([
      [
        [A, { search: 2, social: 1, direct: 0, other: 1 }],
        [B, { search: 0, social: 0, direct: 1, other: 0 }],
      ],
    ]);
  });

  it('spools only the totals of every kind', () => {
    const spooled: Array<[string, number][]> = [];
    const counter = new ViewCounter({
      sink: async () => {},
      spool: (counts) => void spooled.push([...counts]),
    });
    counter.record(A, 'search');
    counter.record(A, 'direct');
    expect(counter.spoolNow()).toBe(2);
    expect(spooled).toEqual([[[A, 2]]]);
  });

  it('keeps the views of a failed write for the next flush', async () => {
    let fail = true;
    const written: Array<[string, number][]> = [];
    const counter = new ViewCounter({
      sink: async (m) => {
        if (fail) throw new Error('disk full');
        written.push([...m]);
      },
    });
    counter.record(A);
    await expect(counter.flush()).rejects.toThrow('disk full');
    counter.record(A);
    expect(counter.pendingFor(A)).toBe(2);

    fail = false;
    expect(await counter.flush()).toBe(2);
    expect(written).toEqual([[[A, 2]]]);
  });

  it('writes what is pending when stopped', async () => {
    const written: number[] = [];
    const counter = new ViewCounter({ sink: async (m) => void written.push(m.get(A) ?? 0) });
    counter.start(60_000);
    counter.record(A);
    counter.record(A);
    await counter.stop();
    expect(written).toEqual([2]);
  });
});

/** The error better-sqlite3 throws when the disk is full. */
const diskFull = () =>
  Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('ViewCounter on a full disk', () => {
  it('spools the views it cannot write when stopped, and reports the real error', async () => {
    const errors: unknown[] = [];
    const spooled: Array<[string, number][]> = [];
    const counter = new ViewCounter({
      sink: async () => {
        throw diskFull();
      },
      onError: (error) => errors.push(error),
      spool: (counts) => void spooled.push([...counts]),
    });
    for (let i = 0; i < 300; i++) counter.record(A);
    counter.record(B);

    expect(await counter.stop()).toEqual({ written: 0, spooled: 301 });
    expect(spooled).toEqual([
      [
        [A, 300],
        [B, 1],
      ],
    ]);
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['SQLITE_FULL']);
    expect(counter.pendingFor(A)).toBe(0);
  });

  it('keeps the views of failed periodic flushes and writes them once the disk has room', async () => {
    vi.useFakeTimers();
    try {
      let full = true;
      const written: Array<[string, number][]> = [];
      const errors: unknown[] = [];
      const counter = new ViewCounter({
        sink: async (m) => {
          if (full) throw diskFull();
          written.push([...m]);
        },
        onError: (error) => errors.push(error),
      });
      counter.start(1000);
      for (let i = 0; i < 300; i++) counter.record(A);
      await vi.advanceTimersByTimeAsync(1000);
      counter.record(A);
      await vi.advanceTimersByTimeAsync(1000);
      expect(errors).toHaveLength(2);
      expect(counter.pendingFor(A)).toBe(301);

      full = false;
      await vi.advanceTimersByTimeAsync(1000);
      expect(written).toEqual([[[A, 301]]]);
      expect(counter.pendingFor(A)).toBe(0);
      await counter.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('spools at once, on demand, the views pending and those of the write in progress', async () => {
    let failWrite: (error: Error) => void = () => {};
    const spooled: Array<[string, number][]> = [];
    const counter = new ViewCounter({
      sink: () => new Promise((_, reject) => (failWrite = reject)),
      spool: (counts) => void spooled.push([...counts]),
    });
    counter.record(A);
    counter.record(A);
    const writing = counter.flush();
    await new Promise((resolve) => setImmediate(resolve)); // the write has begun
    counter.record(A);
    counter.record(B);

    expect(counter.spoolNow()).toBe(4);
    expect(spooled).toEqual([
      [
        [A, 3],
        [B, 1],
      ],
    ]);
    // The write in progress fails after all: its views are spooled already, not buffered again.
    failWrite(diskFull());
    await expect(writing).rejects.toThrow('database or disk is full');
    expect(counter.pendingFor(A)).toBe(0);
    expect(counter.spoolNow()).toBe(0);
    expect(spooled).toHaveLength(1);
  });

  it('keeps the views buffered when the spool cannot be written either', async () => {
    const counter = new ViewCounter({
      sink: async () => {
        throw diskFull();
      },
      spool: () => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    });
    counter.record(A);
    await expect(counter.stop()).rejects.toThrow('no space left on device');
    expect(counter.pendingFor(A)).toBe(1);
  });
});
