/**
 * Newsletter editions (issue 20), on both engines: the newsroom's flow
 * over HTTP (a new edition from the day's most read and latest articles,
 * adding, moving and removing articles, subject and intro, the preview, a
 * test email through a real local SMTP server, send now, schedule, the
 * counts), the automatic digest made once by two instances at the same
 * minute, and a breaking article mailed once.
 */
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import type { Actor } from '../../src/domain/roles.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { editionMailSite } from '../../src/services/edition-mail.js';
import { setBreaking } from '../../src/services/front-page.js';
import { moveArticle } from '../../src/services/move-article.js';
import {
  makeDailyDigest,
  queueBreakingEdition,
  runNewsletterClock,
  type EditionDeps,
} from '../../src/services/newsletter-editions.js';
import { startSession } from '../../src/services/sessions.js';
import { loadConfig } from '../../src/config/load.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { addViews } from '../../src/storage/repositories/article-views.repository.js';
import { outboxCounts } from '../../src/storage/repositories/outbox.repository.js';
import { setSetting } from '../../src/storage/repositories/settings.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect, openTestDatabase } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, SEED_HEADLINE, testSite, type TestSite } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

/** A local SMTP server that keeps every message, parsed. */
async function startSmtp(): Promise<{ url: string; mails: ParsedMail[]; close(): Promise<void> }> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Adds subscribers straight to the table: `n` of each kind. */
async function subscribe(
  database: Database,
  rows: Array<{ status: string; digest: number; breaking: number }>,
): Promise<void> {
  await database.db
    .insertInto('newsletter_subscribers')
    .values(
      rows.map((r, i) => ({
        email: `reader${i}@mail.example`,
        status: r.status,
        digest: r.digest,
        breaking: r.breaking,
        token: `token-${i}`,
        created_at: NOW.toISOString(),
      })),
    )
    .execute();
}

/** 3 active for both, 1 digest only, 1 breaking only, 1 pending, 1 unsubscribed. */
const READERS = [
  { status: 'active', digest: 1, breaking: 1 },
  { status: 'active', digest: 1, breaking: 1 },
  { status: 'active', digest: 1, breaking: 1 },
  { status: 'active', digest: 1, breaking: 0 },
  { status: 'active', digest: 0, breaking: 1 },
  { status: 'pending', digest: 1, breaking: 1 },
  { status: 'unsubscribed', digest: 1, breaking: 1 },
];

async function publish(
  database: Database,
  staff: Staff,
  now: () => Date,
  headline: string,
): Promise<ArticleId> {
  const deps = { database, now };
  const id = await createDraft(deps, staff.editor);
  await saveArticle(deps, staff.editor, id, content([staff.author.id], { headline }));
  await moveArticle(deps, staff.editor, id, 'publish');
  return id;
}

const editionIdOf = (location: unknown) =>
  /\/admin\/newsletters\/(\d+)/.exec(String(location))?.[1] ?? '';

describeEachDialect((dialect) => {
  const open: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    while (open.length > 0) await open.pop()?.close();
  });

  it('the newsroom makes, edits, previews, tests, schedules and sends an edition', async () => {
    const smtp = await startSmtp();
    open.push(smtp);
    let clock = NOW;
    const site: TestSite = await testSite(
      { MIDAD_SMTP_URL: smtp.url, MIDAD_MAIL_FROM: 'news@news.example' },
      { dialect, now: () => clock },
    );
    open.push(site);
    const staff = await createStaff(site.database, () => clock);
    const now = () => clock;
    const gold = await publish(site.database, staff, now, 'ارتفاع أسعار الذهب');
    const rain = await publish(site.database, staff, now, 'أمطار غزيرة في دمشق');
    // The seed article was read most in the last 24 hours.
    const seed = (
      await site.database.db
        .selectFrom('articles')
        .select('id')
        .where('headline', '=', SEED_HEADLINE)
        .executeTakeFirstOrThrow()
    ).id.toString() as ArticleId;
    await addViews(
      site.database.db,
      new Map([
        [seed, 40],
        [rain, 3],
      ]),
      new Date(NOW.getTime() - 3600_000),
    );
    await subscribe(site.database, READERS);

    const editor = new AdminClient(site.app);
    editor.cookies.set(
      'midad_session',
      await startSession({ database: site.database, now }, staff.editor.id),
    );
    const list = await editor.get('/admin/newsletters');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('المشتركون النشطون: 4 في النشرة اليومية، و4 في الأخبار العاجلة.');
    expect(list.body).toContain('لا نشرات بعد.');
    // An editor sees the digest time but may not change it.
    expect(list.body).not.toContain('name="digestTime"');

    const created = await editor.post('/admin/newsletters/new');
    expect(created.statusCode).toBe(303);
    const id = editionIdOf(created.headers.location);
    let page = await editor.get(`/admin/newsletters/${id}`);
    expect(page.statusCode).toBe(200);
    // Most read first (seed, then rain), then the latest not already in it (gold).
    const order = () => [...page.body.matchAll(/data-article="(\d+)"/g)].map((m) => m[1]);
    expect(order()).toEqual([seed, rain, gold]);
    expect(page.body).toContain('value="نشرة مداد اليومية: 29 نوفمبر/ تشرين الثاني 2026"');
    expect(page.body).toContain('<iframe class="edition-preview"');
    expect(page.body).toContain('sandbox srcdoc="');
    expect(page.body).toContain(
      'srcdoc="&lt;!DOCTYPE html>&lt;html lang=&quot;ar&quot; dir=&quot;rtl&quot;',
    );
    expect(page.body).toContain('https://news.example/a/' + gold);
    // The preview's inline styles are allowed by their hashes only, and the site's images.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'self' 'unsafe-hashes' 'sha256-[^']+'/);
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).toContain("img-src 'self' https://news.example");

    // Remove, move, search and add.
    expect(
      (await editor.post(`/admin/newsletters/${id}/articles`, { move: 'remove', article: rain }))
        .statusCode,
    ).toBe(303);
    expect(
      (await editor.post(`/admin/newsletters/${id}/articles`, { move: 'up', article: gold }))
        .statusCode,
    ).toBe(303);
    page = await editor.get(`/admin/newsletters/${id}?q=${encodeURIComponent('امطار')}`);
    expect(order()).toEqual([gold, seed]);
    expect(page.body).toContain('أضف «أمطار غزيرة في دمشق» إلى النشرة');
    expect(
      (
        await editor.post(`/admin/newsletters/${id}/articles`, {
          move: 'add',
          article: rain,
          q: 'امطار',
        })
      ).statusCode,
    ).toBe(303);
    page = await editor.get(`/admin/newsletters/${id}`);
    expect(order()).toEqual([gold, seed, rain]);

    // Subject and intro: refused when empty, every problem said; then saved.
    const refused = await editor.post(`/admin/newsletters/${id}`, {
      subject: '  ',
      intro: 'x'.repeat(2001),
      articles: [gold, seed, rain],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('اكتب عنوان الرسالة.');
    expect(refused.body).toContain('المقدمة أطول من 2000 حرف.');
    // Hostile text: characters XML forbids (NUL, U+0001, U+FFFE), a bidi override, a CRLF header break.
    const saved = await editor.post(`/admin/newsletters/${id}`, {
      subject: 'أبرز\u0000 أخبار\u202E السبت\uFFFE\r\n',
      intro: 'صباح الخير.\u0001\r\n\r\nهذه أبرز الأخبار.',
      articles: [gold, seed, rain],
    });
    expect(saved.headers.location).toBe(`/admin/newsletters/${id}?notice=edition-saved`);

    // The email alone, as its own page.
    const preview = await editor.get(`/admin/newsletters/${id}/preview.html`);
    expect(preview.headers['content-security-policy']).toContain('sandbox');
    expect(preview.body).toContain('<title>أبرز أخبار السبت</title>');
    expect(preview.body).toContain('>صباح الخير.</p>');
    for (const forbidden of ['\u0000', '\u0001', '\u202E', '\uFFFE', '\r'])
      expect(preview.body).not.toContain(forbidden);

    // A test email, through the SMTP server, to one address.
    const badAddress = await editor.post(`/admin/newsletters/${id}/test`, {
      address: 'not an address',
    });
    expect(badAddress.statusCode).toBe(422);
    // The error summary at the top says it, linked to the field, and so does the field.
    expect(badAddress.body).toContain(
      '<div class="error-summary" role="alert" aria-labelledby="field-error-summary"><p class="error-summary__title" id="field-error-summary">لم يُحفظ شيء. صحّح ما يلي ثم أرسل النموذج مجدداً:</p><ul><li><a href="#field-address">اكتب عنوان بريد إلكتروني واحداً صحيحاً.</a></li></ul></div>',
    );
    expect(badAddress.body).toMatch(
      /<p class="field__error" id="field-address-error">اكتب عنوان بريد إلكتروني واحداً صحيحاً.<\/p>/,
    );
    const tested = await editor.post(`/admin/newsletters/${id}/test`, {
      address: 'desk@news.example',
    });
    expect(tested.headers.location).toBe(`/admin/newsletters/${id}?notice=edition-tested`);
    expect(smtp.mails.length).toBe(1);
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe('[تجربة] أبرز أخبار السبت');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('desk@news.example');
    expect(mail.html).toContain('<html lang="ar" dir="rtl"');
    expect(mail.text).toContain(
      '1. ارتفاع أسعار الذهب\nأعلنت شركة Apple يوم 12 مارس عن iPhone 15 الجديد.\nhttps://news.example/a/' +
        gold,
    );
    expect(mail.text).toContain(
      `إلغاء الاشتراك: https://news.example/newsletter/unsubscribe?token=preview&e=${id}`,
    );

    // Schedule: a past time is refused; a future one is kept, in the site's time.
    const past = await editor.post(`/admin/newsletters/${id}/schedule`, { at: '2026-11-29T10:00' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('اختر وقتاً في المستقبل.');
    const scheduled = await editor.post(`/admin/newsletters/${id}/schedule`, {
      at: '2026-11-29T18:30',
    });
    expect(scheduled.headers.location).toBe(`/admin/newsletters/${id}?notice=edition-scheduled`);
    const row = await site.database.db
      .selectFrom('newsletter_editions')
      .select(['status', 'scheduled_for'])
      .where('id', '=', BigInt(id))
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('scheduled');
    expect(new Date(row.scheduled_for as string).toISOString()).toBe('2026-11-29T15:30:00.000Z');

    // The clock sends it when due: one email per active digest subscriber.
    const deps: EditionDeps = {
      database: site.database,
      now,
      site: editionMailSite(loadConfig({ MIDAD_BASE_URL: 'https://news.example' })),
    };
    await runNewsletterClock(deps);
    const subject = { channel: 'email', subjectKind: 'edition', subjectId: id } as const;
    expect((await outboxCounts(site.database.db, subject)).pending).toBe(0);
    clock = new Date('2026-11-29T15:31:00Z');
    await runNewsletterClock(deps);
    expect(await outboxCounts(site.database.db, subject)).toEqual({
      pending: 4,
      sent: 0,
      failed: 0,
      gone: 0,
    });
    // Sent editions cannot change.
    const late = await editor.post(`/admin/newsletters/${id}/send`);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('أُرسلت هذه النشرة أو هي قيد الإرسال، فلا يمكن تغييرها.');

    // The sender settles the emails; one reader leaves by this edition's link.
    await site.database.db
      .updateTable('outbox_messages')
      .set({ status: 'sent', finished_at: clock.toISOString() })
      .where('recipient_id', '<>', 4n)
      .execute();
    await site.database.db
      .updateTable('outbox_messages')
      .set({ status: 'gone', finished_at: clock.toISOString() })
      .where('recipient_id', '=', 4n)
      .execute();
    await site.database.db
      .updateTable('newsletter_subscribers')
      .set({ status: 'unsubscribed', unsubscribed_edition_id: BigInt(id) })
      .where('id', '=', 1n)
      .execute();
    await runNewsletterClock(deps);
    const after = await editor.get('/admin/newsletters');
    expect(after.body).toContain('أبرز أخبار السبت');
    expect(after.body).toContain('>أُرسلت</span>');
    expect(after.body).toContain('<td data-count="sent" data-label="أُرسلت">3</td>');
    expect(after.body).toContain('<td data-count="failed" data-label="تعذّر إرسالها">1</td>');
    expect(after.body).toContain(
      '<td data-count="unsubscribed" data-label="ألغوا الاشتراك">1</td>',
    );

    // Send now: a second edition goes to the 3 remaining digest readers at once.
    const second = editionIdOf((await editor.post('/admin/newsletters/new')).headers.location);
    const sent = await editor.post(`/admin/newsletters/${second}/send`);
    expect(sent.headers.location).toBe(`/admin/newsletters/${second}?notice=edition-sent`);
    expect((await outboxCounts(site.database.db, { ...subject, subjectId: second })).pending).toBe(
      3,
    );

    // The administrator sets the automatic digest's time.
    const admin = new AdminClient(site.app);
    admin.cookies.set(
      'midad_session',
      await startSession({ database: site.database, now }, staff.administrator.id),
    );
    await admin.get('/admin/newsletters');
    const wrong = await admin.post('/admin/newsletters/digest-time', { digestTime: '25:00' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('اكتب وقتاً مثل 07:30، أو اتركه فارغاً.');
    await admin.post('/admin/newsletters/digest-time', { digestTime: '07:30' });
    expect((await admin.get('/admin/newsletters')).body).toContain(
      'تُرسل كل يوم عند الساعة 07:30 بتوقيت الموقع',
    );
    // Editors may not.
    expect(
      (await editor.post('/admin/newsletters/digest-time', { digestTime: '08:00' })).statusCode,
    ).toBe(403);
    // A contributor does not see newsletters at all.
    const contributor = new AdminClient(site.app);
    contributor.cookies.set(
      'midad_session',
      await startSession({ database: site.database, now }, staff.contributor.id),
    );
    expect((await contributor.get('/admin/newsletters')).statusCode).toBe(403);
  });

  it('a scheduled edition emptied of its articles is never sent; a finished one shows as sent at once', async () => {
    let clock = NOW;
    const now = () => clock;
    const site: TestSite = await testSite({}, { dialect, now });
    open.push(site);
    const staff = await createStaff(site.database, now);
    const gold = await publish(site.database, staff, now, 'ارتفاع أسعار الذهب');
    await subscribe(site.database, READERS);
    const editor = new AdminClient(site.app);
    editor.cookies.set(
      'midad_session',
      await startSession({ database: site.database, now }, staff.editor.id),
    );
    const deps: EditionDeps = {
      database: site.database,
      now,
      site: editionMailSite(loadConfig({ MIDAD_BASE_URL: 'https://news.example' })),
    };
    const edition = async (id: string) =>
      site.database.db
        .selectFrom('newsletter_editions')
        .select(['status', 'scheduled_for', 'sent_at'])
        .where('id', '=', BigInt(id))
        .executeTakeFirstOrThrow();
    const subject = (id: string) =>
      ({ channel: 'email', subjectKind: 'edition', subjectId: id }) as const;

    await editor.get('/admin/newsletters');
    // A one-article edition, scheduled; its page says when it goes.
    const id = editionIdOf((await editor.post('/admin/newsletters/new')).headers.location);
    await editor.post(`/admin/newsletters/${id}`, {
      subject: 'نشرة الذهب',
      intro: '',
      articles: [gold],
    });
    await editor.post(`/admin/newsletters/${id}/schedule`, { at: '2026-11-29T18:30' });
    const page = await editor.get(`/admin/newsletters/${id}`);
    expect(page.body).toContain(
      '<p class="notice notice--warning edition-scheduled-note">هذه النشرة مجدولة للإرسال في 29 نوفمبر/ تشرين الثاني 2026، 18:30. ما تحفظه من تعديلات يُرسل في موعدها.</p>',
    );

    // Removing its last article clears the schedule, and says so.
    const removed = await editor.post(`/admin/newsletters/${id}/articles`, {
      move: 'remove',
      article: gold,
    });
    expect(removed.headers.location).toBe(`/admin/newsletters/${id}?notice=edition-emptied`);
    expect(await edition(id)).toEqual({ status: 'draft', scheduled_for: null, sent_at: null });
    const told = await editor.get(String(removed.headers.location));
    expect(told.body).toContain(
      'لم يبقَ في النشرة خبر منشور، فأُلغي موعد إرسالها وعادت مسودة. أضف خبراً ثم جدولها من جديد.',
    );
    expect(told.body).not.toContain('edition-scheduled-note');

    // Saving the form with no article does the same.
    await editor.post(`/admin/newsletters/${id}/articles`, { move: 'add', article: gold });
    await editor.post(`/admin/newsletters/${id}/schedule`, { at: '2026-11-29T18:30' });
    const saved = await editor.post(`/admin/newsletters/${id}`, {
      subject: 'نشرة الذهب',
      intro: '',
    });
    expect(saved.headers.location).toBe(`/admin/newsletters/${id}?notice=edition-emptied`);
    expect((await edition(id)).status).toBe('draft');

    // Emptied behind the service's back (its article unpublished): the clock
    // sends nothing at its time and leaves it a draft, unscheduled.
    await editor.post(`/admin/newsletters/${id}/articles`, { move: 'add', article: gold });
    await editor.post(`/admin/newsletters/${id}/schedule`, { at: '2026-11-29T18:30' });
    expect((await edition(id)).status).toBe('scheduled');
    await moveArticle({ database: site.database, now }, staff.editor, gold, 'unpublish');
    clock = new Date('2026-11-29T15:31:00Z');
    await runNewsletterClock(deps);
    expect(await edition(id)).toEqual({ status: 'draft', scheduled_for: null, sent_at: null });
    expect(await outboxCounts(site.database.db, subject(id))).toEqual({
      pending: 0,
      sent: 0,
      failed: 0,
      gone: 0,
    });
    const list = await editor.get('/admin/newsletters');
    expect(list.body).toContain('<span class="badge badge--draft">مسودة</span>');

    // Sent now with an article: «قيد الإرسال» while an email waits; once the
    // last is delivered the list shows (and stores) it sent, before the clock runs.
    await moveArticle({ database: site.database, now }, staff.editor, gold, 'publish');
    expect((await editor.post(`/admin/newsletters/${id}/send`)).statusCode).toBe(303);
    expect((await editor.get('/admin/newsletters')).body).toContain(
      '<span class="badge badge--sending">قيد الإرسال</span>',
    );
    await site.database.db
      .updateTable('outbox_messages')
      .set({ status: 'sent', finished_at: clock.toISOString() })
      .execute();
    const finished = await editor.get('/admin/newsletters');
    expect(finished.body).toContain('<span class="badge badge--sent">أُرسلت</span>');
    expect(finished.body).not.toContain('قيد الإرسال');
    expect(finished.body).toContain('<td data-count="sent" data-label="أُرسلت">4</td>');
    const stored = await edition(id);
    expect(stored.status).toBe('sent');
    expect(new Date(stored.sent_at as string).toISOString()).toBe('2026-11-29T15:31:00.000Z');

    // The edition's own page does the same check.
    const other = editionIdOf((await editor.post('/admin/newsletters/new')).headers.location);
    await editor.post(`/admin/newsletters/${other}/send`);
    await site.database.db
      .updateTable('outbox_messages')
      .set({ status: 'sent', finished_at: clock.toISOString() })
      .where('status', '=', 'pending')
      .execute();
    const otherPage = await editor.get(`/admin/newsletters/${other}`);
    expect(otherPage.body).toContain('<span class="badge badge--sent">أُرسلت</span>');
    expect((await edition(other)).status).toBe('sent');
  });

  it('two instances at the digest minute make one digest, sent once to digest readers', async () => {
    let first: Database;
    let second: Database;
    // Two instances: two connections to one PostgreSQL database. SQLite serves one instance
    // (one process, its writers serialised): there, two makers interleave on one connection.
    if (dialect === 'sqlite') {
      const file = join(testFolder('digest'), 'site.db');
      first = await openDatabase({ file });
      second = first;
    } else {
      const database = await openTestDatabase('postgres');
      first = database;
      second = await openDatabase({ file: '', url: database.url ?? '' });
    }
    open.push(...new Set([first, second]));
    let clock = new Date('2026-11-29T04:00:00Z'); // 07:00 in Damascus
    const now = () => clock;
    const staff = await createStaff(first, now);
    await publish(first, staff, now, 'ارتفاع أسعار الذهب');
    await subscribe(first, READERS);
    const site = editionMailSite(loadConfig({ MIDAD_BASE_URL: 'https://news.example' }));
    const deps = (database: Database): EditionDeps => ({ database, now, site });

    // Off by default.
    expect(await makeDailyDigest(deps(first))).toBeNull();
    await setSetting(first.db, 'newsletter.digestTime', '07:30');
    expect(await makeDailyDigest(deps(first))).toBeNull(); // 07:00: not yet
    clock = new Date('2026-11-29T04:30:00Z'); // 07:30
    const made = await Promise.all([makeDailyDigest(deps(first)), makeDailyDigest(deps(second))]);
    expect(made.filter((id) => id !== null).length).toBe(1);
    const id = made.find((id) => id !== null)!;
    const editions = await first.db
      .selectFrom('newsletter_editions')
      .select(['id', 'kind', 'digest_date', 'status', 'subject'])
      .execute();
    expect(editions.map((e) => [String(e.id), e.kind, e.digest_date, e.status, e.subject])).toEqual(
      [[id, 'digest', '2026-11-29', 'sending', 'نشرة مداد اليومية: 29 نوفمبر/ تشرين الثاني 2026']],
    );
    expect(
      await outboxCounts(first.db, { channel: 'email', subjectKind: 'edition', subjectId: id }),
    ).toEqual({ pending: 4, sent: 0, failed: 0, gone: 0 });
    // Later that day, and on both instances: nothing more.
    clock = new Date('2026-11-29T05:00:00Z');
    expect(
      await Promise.all([makeDailyDigest(deps(first)), makeDailyDigest(deps(second))]),
    ).toEqual([null, null]);
    // The next day, another.
    clock = new Date('2026-11-30T04:31:00Z');
    expect(await makeDailyDigest(deps(second))).not.toBeNull();
  });

  it('a breaking article is mailed once, as a one-article edition, to breaking readers', async () => {
    const database = await openTestDatabase(dialect);
    open.push(database);
    let clock = NOW;
    const now = () => clock;
    const staff: Staff = await createStaff(database, now);
    const editor: Actor = staff.editor;
    const id = await publish(database, staff, now, 'زلزال بقوة 6 درجات يضرب شمال البلاد');
    // No subscriber yet: nothing is made.
    expect(await queueBreakingEdition(database.db, id, clock, editor.id)).toBe(false);
    await subscribe(database, READERS);
    const deps = { database, now, onPublicChange: () => {} };
    await setBreaking(deps, editor, id, 60);
    clock = new Date(NOW.getTime() + 120_000);
    await setBreaking(deps, editor, id, 30);
    expect(await queueBreakingEdition(database.db, id, clock, editor.id)).toBe(false);
    const editions = await database.db
      .selectFrom('newsletter_editions')
      .select(['id', 'kind', 'article_id', 'article_ids', 'status', 'subject'])
      .execute();
    expect(
      editions.map((e) => [e.kind, String(e.article_id), e.article_ids, e.status, e.subject]),
    ).toEqual([['breaking', id, id, 'sending', 'عاجل: زلزال بقوة 6 درجات يضرب شمال البلاد']]);
    const subject = {
      channel: 'email',
      subjectKind: 'edition',
      subjectId: String(editions[0]!.id),
    } as const;
    expect(await outboxCounts(database.db, subject)).toEqual({
      pending: 4,
      sent: 0,
      failed: 0,
      gone: 0,
    });
    const recipients = await database.db
      .selectFrom('outbox_messages')
      .select('recipient_id')
      .orderBy('recipient_id')
      .execute();
    expect(recipients.map((r) => Number(r.recipient_id))).toEqual([1, 2, 3, 5]);

    // Publishing an article that is already flagged breaking mails it too, once.
    const draft = await createDraft({ database, now }, staff.editor);
    await saveArticle(
      { database, now },
      staff.editor,
      draft,
      content([staff.author.id], { headline: 'انفجار في الميناء' }),
    );
    await setBreaking(deps, editor, draft, 60);
    await moveArticle({ database, now }, staff.editor, draft, 'publish');
    const count = await database.db
      .selectFrom('newsletter_editions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('article_id', '=', BigInt(draft))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
