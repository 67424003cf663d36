import { describe, expect, it } from 'vitest';
import { checkedLookup, isPublicAddress } from './public-address.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fc00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('checkedLookup', () => {
  const lookup = (allowPrivate: boolean, host: string) =>
    new Promise<{ error: (Error & { code?: string }) | null; address: unknown }>((resolve) =>
      checkedLookup(allowPrivate)(host, 0, (error, address) => resolve({ error, address })),
    );

  it('fails a name that resolves to a private address, for the connection itself', async () => {
    const { error } = await lookup(false, 'localhost');
    expect(error?.code).toBe('ENOTPUBLIC');
  });

  it('resolves it when private addresses are allowed', async () => {
    const { error, address } = await lookup(true, 'localhost');
    expect(error).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(address);
  });
});
