/**
 * The outbox's email channel (issue 20) against a real SMTP server on
 * 127.0.0.1: each subscriber's copy of an edition carries its own
 * one-click unsubscribe link and the list headers (RFC 2369, 2919, 8058),
 * both parts; the link's POST unsubscribes and counts the edition; a 550
 * at RCPT TO marks the subscriber bounced and stops its mail; a 451 is
 * retried; the edition's counts follow, on both engines. The edition is
 * rendered here by a minimal local renderer (EDITIONS renders the real
 * one).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { OutboxWorker } from '../../src/services/outbox-worker.js';
import { emailSender, type EditionMailRenderer } from '../../src/services/mail-sender.js';
import { smtpTransport, type MailTransport } from '../../src/services/mail-transport.js';
import {
  outboxCounts,
  queueOutboxFanOut,
} from '../../src/storage/repositories/outbox.repository.js';
import type { DialectName } from '../../src/storage/database.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => smtp.close());

/** A minimal stand-in for EDITIONS' renderEditionMail. */
const localRenderer =
  (editionId: string): EditionMailRenderer =>
  ({ unsubscribeUrl, preferencesUrl }) => ({
    subject: `نشرة ${editionId}`,
    html: `<html lang="ar" dir="rtl"><body><p>أهم الأخبار</p><a href="${unsubscribeUrl}">إلغاء الاشتراك</a> <a href="${preferencesUrl}">إعدادات الاشتراك</a></body></html>`,
    text: `أهم الأخبار\n\nإلغاء الاشتراك: ${unsubscribeUrl}\nإعدادات الاشتراك: ${preferencesUrl}\n`,
  });

describeEachDialect((dialect: DialectName) => {
  let site: TestSite;
  let transport: MailTransport;
  let clock: Date;
  let before: number;
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    clock = NOW;
    site = await testSite({ MIDAD_SMTP_URL: smtp.url }, { dialect, now: () => clock, demo: false });
    transport = smtpTransport(smtp.url);
    before = smtp.received.length;
    for (const [i, email] of [
      'one@example.org',
      'two@example.org',
      'gone@example.org',
      'left@example.org',
    ].entries()) {
      const r = await site.database.db
        .insertInto('newsletter_subscribers')
        .values({
          email,
          status: email.startsWith('left') ? 'unsubscribed' : 'active',
          token: `token${i}`.padEnd(43, 'x'),
          created_at: NOW.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[email] = String(r.id);
    }
  });
  afterEach(async () => {
    transport.close();
    smtp.allow('gone@example.org');
    smtp.allow('two@example.org');
    await site.close();
  });

  const edition = async () => {
    const r = await site.database.db
      .insertInto('newsletter_editions')
      .values({ kind: 'digest', subject: 'نشرة', status: 'sending', created_at: NOW.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return String(r.id);
  };
  /** Queues edition `id` to every subscriber (active or not: the sender skips those who left). */
  const queue = (id: string) =>
    queueOutboxFanOut(
      site.database.db,
      { channel: 'email', subjectKind: 'edition', subjectId: id },
      site.database.db.selectFrom('newsletter_subscribers').select('id as recipient_id'),
      clock,
    );
  const worker = () =>
    new OutboxWorker({
      database: site.database,
      now: () => clock,
      sender: emailSender({
        database: site.database,
        transport,
        origin: 'https://news.example',
        from: '"مداد" <news@news.example>',
        editionMail: async (id) => localRenderer(id),
      }),
    });
  const counts = async (id: string) => {
    const r = await site.database.db
      .selectFrom('newsletter_editions')
      .select(['sent', 'failed'])
      .where('id', '=', BigInt(id))
      .executeTakeFirstOrThrow();
    return { sent: Number(r.sent), failed: Number(r.failed) };
  };
  const status = async (email: string) =>
    await site.database.db
      .selectFrom('newsletter_subscribers')
      .select(['status', 'status_reason'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();

  it('each copy has its own one-click link, the list headers and both parts; its POST unsubscribes', async () => {
    const id = await edition();
    expect(await queue(id)).toBe(4);
    expect(await worker().runOnce()).toBe(4);
    await smtp.waitFor(before + 3);
    const mails = await Promise.all(smtp.received.slice(before).map((m) => m.parse()));
    expect(mails.map((m) => (m.to as { text: string }).text).sort()).toEqual([
      'gone@example.org',
      'one@example.org',
      'two@example.org',
    ]);
    const one = mails.find((m) => (m.to as { text: string }).text === 'one@example.org')!;
    const url = `https://news.example/newsletter/unsubscribe?token=${'token0'.padEnd(43, 'x')}&e=${id}`;
    expect(one.subject).toBe(`نشرة ${id}`);
    const line = (key: string) =>
      one.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(line('list-id')).toBe('List-ID: <newsletter.news.example>');
    expect(line('list-unsubscribe')).toBe(
      `List-Unsubscribe: <${url}>, <mailto:news@news.example?subject=unsubscribe>`,
    );
    expect(one.messageId).toMatch(
      new RegExp(`^<e${id}\\.s${ids['one@example.org']}\\.[A-Za-z0-9_-]+@news\\.example>$`),
    );
    expect(one.html).toContain(`<a href="${url}">`);
    const preferences = `https://news.example/newsletter/preferences?token=${'token0'.padEnd(43, 'x')}`;
    expect(one.text).toBe(
      `أهم الأخبار\n\nإلغاء الاشتراك: ${url}\nإعدادات الاشتراك: ${preferences}\n`,
    );
    expect(await counts(id)).toEqual({ sent: 3, failed: 0 });
    expect(
      await outboxCounts(site.database.db, {
        channel: 'email',
        subjectKind: 'edition',
        subjectId: id,
      }),
    ).toEqual({
      pending: 0,
      sent: 3,
      failed: 0,
      gone: 1,
    });

    // The mail program's one-click POST (RFC 8058), to the header's URL, without cookies.
    const oneClick = await site.app.inject({
      method: 'POST',
      url: url.replace('https://news.example', ''),
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload:
        '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(oneClick.statusCode).toBe(200);
    const left = await site.database.db
      .selectFrom('newsletter_subscribers')
      .select(['status', 'unsubscribed_edition_id'])
      .where('email', '=', 'one@example.org')
      .executeTakeFirstOrThrow();
    expect(left.status).toBe('unsubscribed');
    expect(String(left.unsubscribed_edition_id)).toBe(id);
  });

  it('a 550 at RCPT TO bounces the subscriber and stops its mail; a 451 is tried again later', async () => {
    smtp.refuse('gone@example.org', 550, '5.1.1 No such user here');
    smtp.refuse('two@example.org', 451, '4.3.0 Try again later');
    const id = await edition();
    await queue(id);
    await worker().runOnce();
    await smtp.waitFor(before + 1);
    expect(smtp.received.slice(before).map((m) => m.to[0])).toEqual(['one@example.org']);
    expect(await status('gone@example.org')).toEqual({
      status: 'bounced',
      status_reason: '550 5.1.1 No such user here',
    });
    expect(await counts(id)).toEqual({ sent: 1, failed: 1 });
    const subject = { channel: 'email', subjectKind: 'edition', subjectId: id } as const;
    expect(await outboxCounts(site.database.db, subject)).toEqual({
      pending: 1,
      sent: 1,
      failed: 0,
      gone: 2,
    });

    // 30 s later (the first back-off) the server takes it.
    smtp.allow('two@example.org');
    clock = new Date(NOW.getTime() + 30_000);
    expect(await worker().runOnce()).toBe(1);
    await smtp.waitFor(before + 2);
    expect(smtp.received.at(-1)!.to).toEqual(['two@example.org']);
    expect(await counts(id)).toEqual({ sent: 2, failed: 1 });

    // The next edition: the bounced address is not mailed (skipped, not counted).
    const next = await edition();
    await queue(next);
    await worker().runOnce();
    await smtp.waitFor(before + 4);
    expect(
      smtp.received
        .slice(before + 2)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['one@example.org', 'two@example.org']);
    expect(await counts(next)).toEqual({ sent: 2, failed: 0 });
  });

  it('a mail still refused with 4xx a day later is given up and counted failed', async () => {
    smtp.refuse('two@example.org', 421, '4.7.0 Try again later');
    const id = await edition();
    await queue(id);
    await worker().runOnce();
    expect(await counts(id)).toEqual({ sent: 2, failed: 0 });
    clock = new Date(NOW.getTime() + 24 * 3600_000 - 10_000);
    expect(await worker().runOnce()).toBe(1);
    expect(await counts(id)).toEqual({ sent: 2, failed: 1 });
    const subject = { channel: 'email', subjectKind: 'edition', subjectId: id } as const;
    expect(await outboxCounts(site.database.db, subject)).toEqual({
      pending: 0,
      sent: 2,
      failed: 1,
      gone: 1,
    });
  });

  it('an edition that does not exist fails its messages', async () => {
    await queue('999');
    const sender = emailSender({
      database: site.database,
      transport,
      origin: 'https://news.example',
      from: 'news@news.example',
      editionMail: async () => null,
    });
    await new OutboxWorker({ database: site.database, now: () => clock, sender }).runOnce();
    expect(
      await outboxCounts(site.database.db, {
        channel: 'email',
        subjectKind: 'edition',
        subjectId: '999',
      }),
    ).toEqual({ pending: 0, sent: 0, failed: 3, gone: 1 });
  });
});
