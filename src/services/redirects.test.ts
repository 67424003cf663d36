import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../lib/errors.js';
import { checkRedirect } from './redirects.js';

/** What checkRedirect throws for `form`. @throws when it throws nothing, or not InvalidInput */
function refusalOf(form: Parameters<typeof checkRedirect>[0]): InvalidInput {
  try {
    checkRedirect(form);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return error as InvalidInput;
  }
  throw new Error(`${JSON.stringify(form)} was taken`);
}

describe('checkRedirect', () => {
  it('keeps the old address as typed beside its key, and reads an empty code as 301', () => {
    expect(
      checkRedirect({
        from: ' https://old.example/%D8%AE%D8%A8%D8%B1/?utm_source=x ',
        to: ' /a/12/خبر ',
        status: '',
      }),
    ).toEqual({
      fromKey: '/خبر',
      fromPath: 'https://old.example/%D8%AE%D8%A8%D8%B1/?utm_source=x',
      toPath: '/a/12/خبر',
      status: 301,
    });
  });

  it('accepts an https target and the four codes', () => {
    for (const status of ['301', '302', '307', '308']) {
      expect(checkRedirect({ from: '/?p=5', to: 'https://other.example/x', status }).status).toBe(
        Number(status),
      );
    }
  });

  it.each([
    [{ from: 'خبر', to: '/x', status: '301' }, 'from', 'REDIRECT_INVALID'],
    [{ from: '/?utm_source=x', to: '/x', status: '301' }, 'from', 'REDIRECT_HOME'],
    [{ from: '/x', to: 'http://other.example/', status: '301' }, 'to', 'REDIRECT_TARGET_INVALID'],
    [{ from: '/x', to: '//other.example/', status: '301' }, 'to', 'REDIRECT_TARGET_INVALID'],
    [
      { from: '/x', to: 'https://user:pw@other.example/', status: '301' },
      'to',
      'REDIRECT_TARGET_INVALID',
    ],
    [{ from: '/x', to: '/a b', status: '301' }, 'to', 'REDIRECT_TARGET_INVALID'],
    [{ from: '/x', to: '', status: '301' }, 'to', 'REDIRECT_TARGET_INVALID'],
    [{ from: '/%D8%B1/', to: '/ر', status: '301' }, 'to', 'REDIRECT_TO_ITSELF'],
    [{ from: '/x', to: '/y', status: '410' }, 'status', 'REDIRECT_STATUS_INVALID'],
    [{ from: '/x', to: '/y', status: '301abc' }, 'status', 'REDIRECT_STATUS_INVALID'],
    // Hostile input: control characters, an address past the limit, a script URL.
    [{ from: '/x\u0000y', to: '/y', status: '301' }, 'from', 'REDIRECT_INVALID'],
    [{ from: `/${'ا'.repeat(2001)}`, to: '/y', status: '301' }, 'from', 'REDIRECT_INVALID'],
    [{ from: '/x', to: '/y\u0007', status: '301' }, 'to', 'REDIRECT_TARGET_INVALID'],
    [{ from: '/x', to: `/${'y'.repeat(2001)}`, status: '301' }, 'to', 'REDIRECT_TARGET_INVALID'],
    [{ from: '/x', to: 'javascript:alert(1)', status: '301' }, 'to', 'REDIRECT_TARGET_INVALID'],
  ])('refuses %j: field %s, %s', (form, field, code) => {
    const refused = refusalOf(form);
    expect([refused.field, refused.code]).toEqual([field, code]);
  });

  it.each([
    [{ from: '/x\uD800', to: '/y', status: '301' }, 'from', 'REDIRECT_INVALID', 'The old address'],
    [{ from: '/x', to: '/y\uDC00z', status: '301' }, 'to', 'REDIRECT_TARGET_INVALID', 'The target'],
  ])('refuses a lone surrogate in %j, saying so', (form, field, code, subject) => {
    const refused = refusalOf(form);
    expect([refused.field, refused.code, refused.message]).toEqual([
      field,
      code,
      `${subject} has a broken character (half of an emoji or another character outside the basic plane, a lone UTF-16 surrogate): type it again.`,
    ]);
  });
});
