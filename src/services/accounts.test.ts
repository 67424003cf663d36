import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasCode, InvalidInputs } from '../lib/errors.js';
import { openDatabase, type Database } from '../storage/database.js';
import {
  changeRole,
  createUser,
  deactivateUser,
  needsSetup,
  reactivateUser,
  resetPassword,
  setUpOwner,
  signIn,
} from './accounts.js';
import { ACCOUNT_FAILURES, ADDRESS_FAILURES, LOCK_MS } from './login-throttle.js';
import { resolveSession, startSession } from './sessions.js';

let database: Database;
let clock: Date;
const deps = () => ({ database, now: () => clock });
const OWNER = {
  email: 'Owner@Example.com',
  displayName: 'رئيس التحرير',
  password: 'correct horse battery',
};

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

beforeEach(async () => {
  database = await openDatabase({ file: ':memory:' });
  clock = new Date('2026-11-29T12:00:00Z');
});
afterEach(async () => {
  await database.close();
});

describe('every problem at once', () => {
  it('says each field of a new user that is wrong, in the form order, with the role sent', async () => {
    await setUpOwner(deps(), OWNER);
    let caught: unknown;
    try {
      await createUser(deps(), {
        email: OWNER.email,
        displayName: '',
        password: 'x',
        role: 'boss',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputs);
    const problems = (caught as InvalidInputs).problems;
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['displayName', 'NAME_INVALID'],
      ['email', 'EMAIL_TAKEN'],
      ['role', 'ROLE_INVALID'],
      ['password', 'PASSWORD_TOO_SHORT'],
    ]);
    expect(problems[2]?.details).toEqual({
      role: 'boss',
      roles: 'contributor, author, editor, administrator',
    });
    expect((caught as InvalidInputs).code).toBe('NAME_INVALID');
  });

  it('throws a single problem as it is', async () => {
    expect(
      await codeOf(
        createUser(deps(), { ...OWNER, email: 'a@b.example', role: 'author', password: 'short' }),
      ),
    ).toBe('PASSWORD_TOO_SHORT');
  });
});

describe('first-run set-up', () => {
  it('creates the owner as an administrator once, and only once', async () => {
    expect(await needsSetup(deps())).toBe(true);
    const owner = await setUpOwner(deps(), OWNER);
    expect(owner).toMatchObject({
      email: 'owner@example.com',
      role: 'administrator',
      slug: 'رئيس-التحرير',
      status: 'active',
    });
    expect(await needsSetup(deps())).toBe(false);
    expect(await codeOf(setUpOwner(deps(), { ...OWNER, email: 'x@example.com' }))).toBe(
      'SETUP_ALREADY_DONE',
    );
  });

  it.each([
    [{ ...OWNER, email: 'not-an-address' }, 'EMAIL_INVALID'],
    [{ ...OWNER, password: 'short' }, 'PASSWORD_TOO_SHORT'],
    [{ ...OWNER, password: 'owner@example.com' }, 'PASSWORD_SAME_AS_EMAIL'],
    [{ ...OWNER, displayName: '   ' }, 'NAME_INVALID'],
  ])('refuses %j with %s', async (input, code) => {
    expect(await codeOf(setUpOwner(deps(), input))).toBe(code);
    expect(await needsSetup(deps())).toBe(true);
  });
});

describe('users', () => {
  it('gives each user a unique author slug and a unique e-mail address', async () => {
    await setUpOwner(deps(), OWNER);
    const a = await createUser(deps(), {
      email: 'a@x.org',
      displayName: 'سامر الحلبي',
      password: 'long enough pw',
      role: 'author',
    });
    const b = await createUser(deps(), {
      email: 'b@x.org',
      displayName: 'سامر  الحلبي',
      password: 'long enough pw',
      role: 'contributor',
    });
    expect([a.slug, b.slug]).toEqual(['سامر-الحلبي', 'سامر-الحلبي-2']);
    expect(
      await codeOf(
        createUser(deps(), {
          email: 'A@X.org',
          displayName: 'ن',
          password: 'long enough pw',
          role: 'author',
        }),
      ),
    ).toBe('EMAIL_TAKEN');
  });

  it('never leaves the newsroom without an active administrator', async () => {
    const owner = await setUpOwner(deps(), OWNER);
    expect(await codeOf(deactivateUser(deps(), owner.id))).toBe('LAST_ADMINISTRATOR');
    expect(await codeOf(changeRole(deps(), owner.id, 'editor'))).toBe('LAST_ADMINISTRATOR');
    await createUser(deps(), {
      email: 'second@x.org',
      displayName: 'مدير ثان',
      password: 'long enough pw',
      role: 'administrator',
    });
    await changeRole(deps(), owner.id, 'editor');
  });
});

describe('sign-in', () => {
  const address = '203.0.113.9';

  it('signs in with the right password, whatever the case of the e-mail address', async () => {
    await setUpOwner(deps(), OWNER);
    const user = await signIn(deps(), {
      email: ' OWNER@example.com ',
      password: OWNER.password,
      address,
    });
    expect(user.email).toBe('owner@example.com');
    expect(user).not.toHaveProperty('passwordHash');
  });

  it('gives the same answer for a wrong password, an unknown account and a deactivated one', async () => {
    await setUpOwner(deps(), OWNER);
    const writer = await createUser(deps(), {
      email: 'w@x.org',
      displayName: 'كاتب',
      password: 'long enough pw',
      role: 'author',
    });
    await deactivateUser(deps(), writer.id);
    expect(
      await codeOf(signIn(deps(), { email: OWNER.email, password: 'wrong password!', address })),
    ).toBe('LOGIN_FAILED');
    expect(
      await codeOf(signIn(deps(), { email: 'nobody@x.org', password: 'whatever it is', address })),
    ).toBe('LOGIN_FAILED');
    expect(
      await codeOf(signIn(deps(), { email: 'w@x.org', password: 'long enough pw', address })),
    ).toBe('LOGIN_FAILED');
    await reactivateUser(deps(), writer.id);
    expect(
      (await signIn(deps(), { email: 'w@x.org', password: 'long enough pw', address })).id,
    ).toBe(writer.id);
  });

  it(`locks an account after ${ACCOUNT_FAILURES} failures, even with the right password, until the lock ends`, async () => {
    await setUpOwner(deps(), OWNER);
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      await codeOf(
        signIn(deps(), {
          email: OWNER.email,
          password: 'wrong password!',
          address: `198.51.100.${i}`,
        }),
      );
    }
    let error: unknown;
    try {
      await signIn(deps(), { email: OWNER.email, password: OWNER.password, address: '192.0.2.1' });
    } catch (e) {
      error = e;
    }
    expect(hasCode(error, 'LOGIN_THROTTLED') && error.details.until).toEqual(
      new Date(clock.getTime() + LOCK_MS),
    );

    clock = new Date(clock.getTime() + LOCK_MS + 1000);
    expect(
      (await signIn(deps(), { email: OWNER.email, password: OWNER.password, address })).role,
    ).toBe('administrator');
  });

  it(`locks an address after ${ADDRESS_FAILURES} failures across accounts`, async () => {
    await setUpOwner(deps(), OWNER);
    for (let i = 0; i < ADDRESS_FAILURES; i++) {
      await codeOf(
        signIn(deps(), { email: `guess${i}@x.org`, password: 'wrong password!', address }),
      );
    }
    expect(
      await codeOf(signIn(deps(), { email: OWNER.email, password: OWNER.password, address })),
    ).toBe('LOGIN_THROTTLED');
    expect(
      (
        await signIn(deps(), {
          email: OWNER.email,
          password: OWNER.password,
          address: '192.0.2.50',
        })
      ).role,
    ).toBe('administrator');
    // 22 Argon2id verifications on purpose: give a busy machine time for them.
  }, 120_000);
});

describe('sessions', () => {
  it('resolves a session to its user until deactivation or a password reset ends it', async () => {
    const owner = await setUpOwner(deps(), OWNER);
    const writer = await createUser(deps(), {
      email: 'w@x.org',
      displayName: 'كاتب',
      password: 'long enough pw',
      role: 'author',
    });
    const token = await startSession(deps(), writer.id);
    expect((await resolveSession(deps(), token))?.id).toBe(writer.id);
    expect(await resolveSession(deps(), `${token}x`)).toBeNull();

    await deactivateUser(deps(), writer.id);
    expect(await resolveSession(deps(), token)).toBeNull();

    const ownerToken = await startSession(deps(), owner.id);
    await resetPassword(deps(), owner.id, 'a brand new passphrase');
    expect(await resolveSession(deps(), ownerToken)).toBeNull();
  });

  it('expires a session unused for 14 days', async () => {
    const owner = await setUpOwner(deps(), OWNER);
    const token = await startSession(deps(), owner.id);
    clock = new Date(clock.getTime() + 14 * 24 * 3600_000 + 1);
    expect(await resolveSession(deps(), token)).toBeNull();
  });
});
