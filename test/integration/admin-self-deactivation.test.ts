/**
 * Issue 13, item 9: an administrator could deactivate their own account
 * with one click, and two administrators deactivating each other at once
 * both got through, leaving the newsroom without one.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { countActiveAdministrators } from '../../src/storage/repositories/users.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { testSite, type TestSite } from '../helpers/site.js';

const OWNER = {
  displayName: 'رئيسة التحرير',
  email: 'owner@news.example',
  password: 'a long owner passphrase',
};
const SECOND = {
  displayName: 'مدير ثان',
  email: 'second@news.example',
  password: 'a second admin passphrase',
};

/** The id in the users list of the user with `email`. */
function idOf(list: string, email: string): string {
  const item = list.split('<li class="user-list__item"').find((li) => li.includes(email)) ?? '';
  return /action="\/admin\/users\/(\d+)\/deactivate"/.exec(item)?.[1] ?? 'none';
}

describeEachDialect((dialect) => {
  let site: TestSite;
  beforeEach(async () => {
    site = await testSite({}, { demo: false, dialect });
  });
  afterEach(async () => {
    await site.close();
  });

  async function owner(): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    await client.get('/admin/setup');
    expect((await client.post('/admin/setup', OWNER)).statusCode).toBe(303);
    return client;
  }

  async function secondAdministrator(by: AdminClient): Promise<AdminClient> {
    const added = await by.post('/admin/users', { ...SECOND, role: 'administrator' });
    expect(added.statusCode).toBe(303);
    const client = new AdminClient(site.app);
    await client.get('/admin/login');
    expect((await client.signIn(SECOND.email, SECOND.password)).statusCode).toBe(303);
    return client;
  }

  it('asks an administrator to confirm deactivating their own account, without JavaScript', async () => {
    const me = await owner();
    await secondAdministrator(me);
    const list = (await me.get('/admin/users')).body;
    const myId = idOf(list, OWNER.email);
    const myRow = list.split('<li class="user-list__item"').find((li) => li.includes(OWNER.email));
    expect(myRow).toContain('<input type="checkbox" name="confirm" value="yes" required/>');
    expect(myRow).toContain('نعم، عطّل حسابي أنا: سأخرج ولن أدخل حتى يعيد مدير آخر تفعيله.');
    const otherRow = list
      .split('<li class="user-list__item"')
      .find((li) => li.includes(SECOND.email));
    expect(otherRow).not.toContain('name="confirm"');

    const oneClick = await me.post(`/admin/users/${myId}/deactivate`);
    expect(oneClick.statusCode).toBe(422);
    expect(oneClick.body).toContain('لتعطيل حسابك أنت، ضع علامة في مربع التأكيد.');
    const still = await me.get('/admin/users');
    expect(still.statusCode).toBe(200);
    expect(await countActiveAdministrators(site.database.db)).toBe(2);

    const confirmed = await me.post(`/admin/users/${myId}/deactivate`, { confirm: 'yes' });
    expect(confirmed.headers.location).toBe('/admin/login');
    expect((await me.get('/admin/users')).headers.location).toBe(
      '/admin/login?next=%2Fadmin%2Fusers',
    );
    expect((await me.signIn(OWNER.email, OWNER.password)).statusCode).toBe(401);
    expect(await countActiveAdministrators(site.database.db)).toBe(1);
  });

  it('refuses to deactivate the last active administrator, even confirmed', async () => {
    const me = await owner();
    const myId = idOf((await me.get('/admin/users')).body, OWNER.email);
    const res = await me.post(`/admin/users/${myId}/deactivate`, { confirm: 'yes' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('هذا هو المدير الوحيد النشط؛ عيّن مديراً آخر أولاً.');
    expect((await me.get('/admin/users')).statusCode).toBe(200);
    expect(await countActiveAdministrators(site.database.db)).toBe(1);
  });

  it('keeps one active administrator when two deactivate each other at the same moment', async () => {
    const first = await owner();
    const second = await secondAdministrator(first);
    const list = (await first.get('/admin/users')).body;
    await second.get('/admin/users');
    const [a, b] = await Promise.all([
      first.post(`/admin/users/${idOf(list, SECOND.email)}/deactivate`),
      second.post(`/admin/users/${idOf(list, OWNER.email)}/deactivate`),
    ]);
    // The loser is refused as the last administrator or, when the winner's change
    // ended its session before its request was read, sent to sign in.
    const outcome = (res: typeof a) =>
      res.statusCode === 422 && res.body.includes('هذا هو المدير الوحيد النشط؛ عيّن مديراً آخر أولاً.')
        ? 'refused'
        : `${res.statusCode} ${String(res.headers.location).split('?')[0]}`;
    const outcomes = [outcome(a), outcome(b)].sort();
    expect([
      ['303 /admin/users', 'refused'],
      ['303 /admin/login', '303 /admin/users'],
    ]).toContainEqual(outcomes);
    expect(await countActiveAdministrators(site.database.db)).toBe(1);
  });
});
