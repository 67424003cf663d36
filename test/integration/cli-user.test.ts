import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { signIn } from '../../src/services/accounts.js';
import { openDatabase } from '../../src/storage/database.js';
import { testFolder } from '../helpers/temp-folder.js';

let db: string;
let out: string[];
let err: string[];
beforeEach(() => {
  db = join(testFolder('user'), 'site.db');
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function canSignIn(email: string, password: string): Promise<boolean> {
  const database = await openDatabase({ file: db });
  try {
    await signIn({ database, now: () => new Date() }, { email, password, address: '127.0.0.1' });
    return true;
  } catch {
    return false;
  } finally {
    await database.close();
  }
}

describe('midad user', () => {
  it('adds a user with a printed random password that signs in', async () => {
    const status = await run([
      'user',
      'add',
      '--db',
      db,
      '--email',
      'Ed@News.example',
      '--name',
      'محرر',
      '--role',
      'editor',
    ]);
    expect(status).toBe(0);
    expect(out[0]).toBe('created editor ed@news.example (id 1)');
    const password = /^password: (\S{20})$/.exec(out[1] ?? '')?.[1] ?? '';
    expect(await canSignIn('ed@news.example', password)).toBe(true);
  });

  it('resets a password and deactivates, and says clearly when the user does not exist', async () => {
    await run([
      'user',
      'add',
      '--db',
      db,
      '--email',
      'a@x.org',
      '--name',
      'كاتب',
      '--role',
      'author',
    ]);
    out.length = 0;
    expect(await run(['user', 'reset-password', '--db', db, '--email', 'A@x.org'])).toBe(0);
    const password = /^password: (\S+)$/.exec(out[1] ?? '')?.[1] ?? '';
    expect(await canSignIn('a@x.org', password)).toBe(true);

    expect(await run(['user', 'deactivate', '--db', db, '--email', 'a@x.org'])).toBe(0);
    expect(await canSignIn('a@x.org', password)).toBe(false);

    expect(await run(['user', 'deactivate', '--db', db, '--email', 'nobody@x.org'])).toBe(1);
    expect(err).toEqual(['midad: No user has the e-mail address nobody@x.org.']);
  });

  it('refuses every command but add on a database file that does not exist, and makes none', async () => {
    const missing = join(testFolder('user-missing'), 'typo.db');
    for (const command of [
      ['list'],
      ['deactivate', '--email', 'a@x.org'],
      ['reactivate', '--email', 'a@x.org'],
      ['reset-password', '--email', 'a@x.org'],
    ]) {
      err.length = 0;
      expect(await run(['user', ...command, '--db', missing])).toBe(1);
      expect(err).toEqual([`midad: There is no database at ${missing}: check --db or MIDAD_DB.`]);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('reactivates a deactivated user, and says clearly when the user does not exist', async () => {
    const add = ['user', 'add', '--db', db, '--name', 'كاتب', '--role', 'author'];
    await run([...add, '--email', 'a@x.org']);
    const password = /^password: (\S+)$/.exec(out[1] ?? '')?.[1] ?? '';
    expect(await run(['user', 'deactivate', '--db', db, '--email', 'a@x.org'])).toBe(0);
    expect(await canSignIn('a@x.org', password)).toBe(false);
    out.length = 0;

    expect(await run(['user', 'reactivate', '--db', db, '--email', 'A@x.org'])).toBe(0);
    expect(out).toEqual(['reactivated a@x.org']);
    expect(await canSignIn('a@x.org', password)).toBe(true);

    expect(await run(['user', 'reactivate', '--db', db, '--email', 'nobody@x.org'])).toBe(1);
    expect(err).toEqual(['midad: No user has the e-mail address nobody@x.org.']);
  });

  it('refuses to deactivate the last active administrator, who still signs in', async () => {
    const add = ['user', 'add', '--db', db, '--name', 'مدير', '--role', 'administrator'];
    await run([...add, '--email', 'boss@x.org']);
    const password = /^password: (\S+)$/.exec(out[1] ?? '')?.[1] ?? '';

    expect(await run(['user', 'deactivate', '--db', db, '--email', 'boss@x.org'])).toBe(1);
    expect(err).toEqual([
      'midad: boss@x.org is the only active administrator: make another user an administrator first (midad user add --role administrator).',
    ]);
    expect(await canSignIn('boss@x.org', password)).toBe(true);

    await run([...add, '--email', 'deputy@x.org']);
    expect(await run(['user', 'deactivate', '--db', db, '--email', 'boss@x.org'])).toBe(0);
    expect(await canSignIn('boss@x.org', password)).toBe(false);
  });

  it('refuses an unknown role and a bad e-mail address', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(
      await run(['user', 'add', '--db', db, '--email', 'a@x.org', '--name', 'ن', '--role', 'boss']),
    ).toBe(1);
    expect(
      await run(['user', 'add', '--db', db, '--email', 'nope', '--name', 'ن', '--role', 'author']),
    ).toBe(1);
    expect(err).toEqual(['midad: That is not an e-mail address. (email)']);
  });

  it('says every problem of a new user at once, one a line', async () => {
    expect(
      await run(['user', 'add', '--db', db, '--email', 'nope', '--name', ' ', '--role', 'author']),
    ).toBe(1);
    expect(err).toEqual([
      'midad: The name must have 1 to 120 characters. (displayName)',
      'midad: That is not an e-mail address. (email)',
    ]);
  });

  it('holds the name to the domain limit in characters, and stores it without bidi or control characters', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const add = (email: string, name: string) =>
      run(['user', 'add', '--db', db, '--email', email, '--name', name, '--role', 'author']);
    expect(await add('long@x.org', 'ن'.repeat(121))).toBe(1);
    expect(err).toEqual(['midad: The name must have 1 to 120 characters. (displayName)']);
    // 120 emoji are 240 UTF-16 units, but 120 characters.
    expect(await add('emoji@x.org', '📰'.repeat(120))).toBe(0);
    expect(await add('bidi@x.org', '\u202Eسامر\u0001 الحلبي\u2069')).toBe(0);
    const database = await openDatabase({ file: db });
    try {
      const names = await database.db
        .selectFrom('users')
        .select(['email', 'display_name'])
        .orderBy('id')
        .execute();
      expect(names).toEqual([
        { email: 'emoji@x.org', display_name: '📰'.repeat(120) },
        { email: 'bidi@x.org', display_name: 'سامر الحلبي' },
      ]);
    } finally {
      await database.close();
    }
  });
});
