import { describe, expect, it } from 'vitest';
import { encodingFor } from './page-answer.js';

describe('encodingFor', () => {
  it('takes content codings in any case, and x-gzip as gzip (RFC 9110 §8.4.1)', () => {
    expect(encodingFor('br, gzip')).toBe('br');
    expect(encodingFor('GZIP')).toBe('gzip');
    expect(encodingFor('Br;q=1, GZip;q=0.5')).toBe('br');
    expect(encodingFor('x-gzip')).toBe('gzip');
    expect(encodingFor('deflate, X-GZIP;q=0.1')).toBe('gzip');
  });

  it('answers identity when nothing we keep is acceptable', () => {
    expect(encodingFor(undefined)).toBe('identity');
    expect(encodingFor('')).toBe('identity');
    expect(encodingFor('deflate')).toBe('identity');
    expect(encodingFor('br;q=0, gzip;q=0')).toBe('identity');
  });

  it('answers the same for a value it has seen, past its bound, and for a long value', () => {
    const values = Array.from({ length: 300 }, (_, i) => `br;q=0, deflate;q=0.${i}, GZip`);
    expect(new Set([...values, ...values].map(encodingFor))).toEqual(new Set(['gzip']));
    expect(encodingFor(`${'x;q=0.5, '.repeat(100)}br`)).toBe('br');
  });
});
