import { describe, expect, it } from 'vitest';
import { isDiskFull } from './disk-full.js';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isDiskFull', () => {
  it.each(['SQLITE_FULL', '53100', 'ENOSPC', 'EDQUOT'])('recognises %s', (code) => {
    expect(isDiskFull(withCode(code))).toBe(true);
  });

  it('finds the code in the cause of a wrapped error', () => {
    const wrapped = new Error('save failed', {
      cause: new Error('x', { cause: withCode('ENOSPC') }),
    });
    expect(isDiskFull(wrapped)).toBe(true);
  });

  it.each([
    ['another engine error', withCode('SQLITE_BUSY')],
    ['a PostgreSQL constraint error', withCode('23505')],
    ['a string', 'disk full'],
    ['null', null],
  ])('does not take %s for a full disk', (_, error) => {
    expect(isDiskFull(error)).toBe(false);
  });
});
