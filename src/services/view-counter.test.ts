import { describe, expect, it } from 'vitest';
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
