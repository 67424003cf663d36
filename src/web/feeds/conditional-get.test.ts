import { describe, expect, it } from 'vitest';
import { clientCopyIsCurrent, etagOf, validatorsOf } from './conditional-get.js';

describe('etagOf', () => {
  it('is a weak tag of 27 base64url characters of the SHA-256, for a string or its bytes', () => {
    expect(etagOf('abc')).toBe('W/"ungWv48Bz-pBQUDeXa4iI7ADYaO"');
    expect(etagOf(Buffer.from('abc'))).toBe(etagOf('abc'));
    expect(validatorsOf(['a', 'b'], null).etag).toBe(etagOf('a\nb'));
  });
});

describe('clientCopyIsCurrent', () => {
  const validators = { etag: etagOf('abc'), lastModified: new Date('2026-11-29T12:00:00Z') };
  const now = Date.parse('2026-11-29T13:00:00Z');
  it.each([
    ['Sun, 29 Nov 2026 12:00:00 GMT', true],
    ['Sun, 29 Nov 2026 11:59:59 GMT', false],
    ['Sun, 29 Nov 2026 13:00:00 GMT', true],
    ['Sun, 29 Nov 2026 13:00:01 GMT', false],
    ['2026-11-29T12:30:00Z', false],
    ['Sun Nov 29 12:30:00 2026', true],
  ])('takes If-Modified-Since %j as current: %s', (since, current) => {
    expect(clientCopyIsCurrent({ 'if-modified-since': since }, validators, now)).toBe(current);
  });
});
