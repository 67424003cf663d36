import { describe, expect, it } from 'vitest';
import { MissedPaths, missedPathKey, utcDay } from './missed-paths.js';

const AT = new Date('2026-11-29T23:59:59.000Z');

function counter(maxPaths?: number) {
  const batches: { counts: Record<string, number>; day: string }[] = [];
  const missed = new MissedPaths({
    sink: async (counts, at) => {
      batches.push({ counts: Object.fromEntries(counts), day: utcDay(at) });
    },
    now: () => AT,
    maxPaths,
  });
  return { missed, batches };
}

describe('missedPathKey', () => {
  it.each([
    ['/%D8%AE%D8%A8%D8%B1/?utm_source=x', '/خبر'],
    ['/?p=123&fbclid=z', '/?p=123'],
    ['/index.php/2021/01/خبر/', '/index.php/2021/01/خبر'],
    ['/wp-content/uploads/2021/01/صورة.jpg', '/wp-content/uploads/2021/01/صورة.jpg'],
    ['/.well-known/security.txt', '/.well-known/security.txt'],
  ])('counts %s as %s', (input, key) => {
    expect(missedPathKey(input)).toBe(key);
  });

  it.each([
    '/wp-admin/',
    '/WP-ADMIN/install.php',
    '/wp-login.php',
    '/xmlrpc.php',
    '/.env',
    '/.git/config',
    '/wp-includes/x.js',
    `/${'a'.repeat(500)}`,
    'not-a-path',
  ])('does not count %s', (input) => {
    expect(missedPathKey(input)).toBeNull();
  });
});

describe('MissedPaths', () => {
  it('adds the misses of one address by its key and writes them on the UTC day of the flush', async () => {
    const { missed, batches } = counter();
    missed.record('/خبر/');
    missed.record('/%d8%ae%d8%a8%d8%b1');
    missed.record('/wp-login.php');
    missed.record('/?p=5');
    expect(await missed.flush()).toBe(2);
    expect(batches).toEqual([{ counts: { '/خبر': 2, '/?p=5': 1 }, day: '2026-11-29' }]);
    expect(await missed.flush()).toBe(0);
  });

  it('keeps at most maxPaths new addresses between flushes, still counting known ones', async () => {
    const { missed, batches } = counter(2);
    expect([
      missed.record('/a'),
      missed.record('/b'),
      missed.record('/c'),
      missed.record('/a'),
    ]).toEqual([true, true, false, true]);
    expect(missed.dropped).toBe(1);
    await missed.stop();
    expect(batches).toEqual([{ counts: { '/a': 2, '/b': 1 }, day: '2026-11-29' }]);
    expect(missed.dropped).toBe(0);
  });

  it('drops a batch the sink refuses, and starts afresh', async () => {
    let fail = true;
    const written: Record<string, number>[] = [];
    const missed = new MissedPaths({
      sink: async (counts) => {
        if (fail) throw new Error('disk full');
        written.push(Object.fromEntries(counts));
      },
      now: () => AT,
    });
    missed.record('/x');
    await expect(missed.flush()).rejects.toThrow('disk full');
    fail = false;
    missed.record('/y');
    await missed.flush();
    expect(written).toEqual([{ '/y': 1 }]);
  });
});
