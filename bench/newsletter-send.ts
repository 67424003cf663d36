/**
 * The newsletter's bench (issue 20): one edition mailed to `count`
 * subscribers (10,000 by default) through the email outbox worker and a
 * real SMTP server on 127.0.0.1 (smtp-server, which reads every mail and
 * keeps none). Measured: queueing the fan-out (one INSERT … SELECT), then
 * sending every mail (pooled SMTP, SMTP_CONNECTIONS at once, no throttle:
 * the machine's capacity; MIDAD_MAIL_PER_MINUTE is what a real server
 * allows), the rate, and the process's peak RSS and heap. The edition is
 * a ~25 KB digest rendered once and given each recipient's link, as
 * EDITIONS' renderer does.
 *
 *   npx tsx bench/newsletter-send.ts [count]
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { emailSender } from '../src/services/mail-sender.js';
import { smtpTransport } from '../src/services/mail-transport.js';
import { OutboxWorker } from '../src/services/outbox-worker.js';
import { openDatabase } from '../src/storage/database.js';
import { queueOutboxFanOut } from '../src/storage/repositories/outbox.repository.js';
import { startSmtpServer } from '../test/helpers/smtp-server.js';
import { row } from './table.js';

export interface NewsletterSendFigures {
  mails: number;
  /** Queueing the fan-out, ms. */
  queueMs: number;
  /** Sending them all, ms. */
  sendMs: number;
  mailsPerSecond: number;
  /** Peak resident set size and heap while sending, bytes. */
  rssPeak: number;
  heapPeak: number;
  /** Mails the SMTP server received, and the edition's `sent` count. */
  received: number;
  editionSent: number;
}

/** A digest-sized edition (about 25 KB of HTML), rendered once. */
function renderer(editionId: string) {
  const items = Array.from(
    { length: 12 },
    (_, i) =>
      `<tr><td align="right" dir="rtl" style="padding:12px;font-family:'Noto Naskh Arabic',Tahoma,Arial,sans-serif;">` +
      `<h2 style="margin:0;font-size:19px;"><a href="https://news.example/a/${1000 + i}">عنوان الخبر رقم ${i + 1} في نشرة اليوم عن الاقتصاد والسياسة</a></h2>` +
      `<p style="margin:8px 0 0;font-size:15px;line-height:1.8;">${'مقدمة الخبر تشرح ما جرى ومن قال ماذا ولماذا يهم القارئ. '.repeat(6)}</p></td></tr>`,
  ).join('\n');
  const html = `<!DOCTYPE html><html lang="ar" dir="rtl"><body><table role="presentation" width="600" dir="rtl">${items}<tr><td><a href="{{unsubscribe}}">إلغاء الاشتراك</a></td></tr></table></body></html>`;
  const text = `نشرة ${editionId}\n\n${'عنوان الخبر\nhttps://news.example/a/1\n\n'.repeat(12)}إلغاء الاشتراك: {{unsubscribe}}\n`;
  return ({ unsubscribeUrl }: { unsubscribeUrl: string }) => ({
    subject: `نشرة الصباح ${editionId}`,
    html: html.replace('{{unsubscribe}}', unsubscribeUrl),
    text: text.replace('{{unsubscribe}}', unsubscribeUrl),
  });
}

/** Mails one edition to `count` subscribers; see the module comment. */
export async function measureNewsletterSend(
  dir: string,
  count = 10_000,
  log: (s: string) => void = () => {},
): Promise<NewsletterSendFigures> {
  const smtp = await startSmtpServer({ keep: false });
  const database = await openDatabase({ file: join(dir, 'newsletter.db') });
  const transport = smtpTransport(smtp.url);
  try {
    const at = new Date().toISOString();
    log(`newsletter: ${count.toLocaleString('en')} subscribers`);
    for (let i = 0; i < count; i += 500) {
      await database.db
        .insertInto('newsletter_subscribers')
        .values(
          Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
            email: `reader${i + j}@example.org`,
            status: 'active',
            token: `t${i + j}`.padEnd(43, 'x'),
            created_at: at,
          })),
        )
        .execute();
    }
    const edition = await database.db
      .insertInto('newsletter_editions')
      .values({ kind: 'digest', subject: 'نشرة', status: 'sending', created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const editionId = String(edition.id);
    let started = performance.now();
    await queueOutboxFanOut(
      database.db,
      { channel: 'email', subjectKind: 'edition', subjectId: editionId },
      database.db
        .selectFrom('newsletter_subscribers')
        .select('id as recipient_id')
        .where('status', '=', 'active')
        .where('digest', '=', 1),
      new Date(),
    );
    const queueMs = performance.now() - started;

    let rssPeak = 0;
    let heapPeak = 0;
    const sample = () => {
      const m = process.memoryUsage();
      rssPeak = Math.max(rssPeak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    };
    const sampler = setInterval(sample, 100);
    const worker = new OutboxWorker({
      database,
      now: () => new Date(),
      sender: emailSender({
        database,
        transport,
        origin: 'https://news.example',
        from: '"مداد" <news@news.example>',
        editionMail: async (id) => renderer(id),
      }),
    });
    log('newsletter: sending');
    started = performance.now();
    await worker.runOnce();
    await smtp.waitFor(count, 600_000);
    const sendMs = performance.now() - started;
    clearInterval(sampler);
    sample();
    const sent = await database.db
      .selectFrom('newsletter_editions')
      .select('sent')
      .where('id', '=', BigInt(editionId))
      .executeTakeFirstOrThrow();
    return {
      mails: count,
      queueMs,
      sendMs,
      mailsPerSecond: count / (sendMs / 1000),
      rssPeak,
      heapPeak,
      received: (smtp as unknown as { count: number }).count,
      editionSent: Number(sent.sent),
    };
  } finally {
    transport.close();
    await database.close();
    await smtp.close();
  }
}

/** Prints the figures beside their targets. */
export function printNewsletterSend(f: NewsletterSendFigures): void {
  console.log(`\nNEWSLETTER (${f.mails.toLocaleString('en')} mails to a local SMTP server)`);
  row('queue the fan-out', [`${f.queueMs.toFixed(0)} ms`], '< 2 s');
  row('send them all', [`${(f.sendMs / 1000).toFixed(1)} s`]);
  row('mails a second', [f.mailsPerSecond.toFixed(0)], '> 100 (10× MIDAD_MAIL_PER_MINUTE 600)');
  row('peak RSS', [`${(f.rssPeak / 2 ** 20).toFixed(0)} MiB`], '< 300 MiB');
  row('peak heap', [`${(f.heapPeak / 2 ** 20).toFixed(0)} MiB`]);
  row('received / counted', [`${f.received} / ${f.editionSent}`], `${f.mails} / ${f.mails}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = mkdtempSync(join(tmpdir(), 'midad-newsletter-'));
  measureNewsletterSend(dir, Number(process.argv[2] ?? 10_000), console.log)
    .then(printNewsletterSend)
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
