/**
 * The test email of a newsletter edition (issue 20): one message sent at
 * once through the SMTP server of MIDAD_SMTP_URL (Nodemailer, one
 * connection per test), outside the outbox, from MIDAD_MAIL_FROM (else
 * `news@` the site's host). The subscribers' emails go through the email
 * sender of the outbox instead (services/mail-*.ts).
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config/schema.js';
import { publicOrigin } from '../config/public-origin.js';
import type { TestMailSender } from './newsletter-editions.js';

/** The From address: MIDAD_MAIL_FROM, else `"<site name>" <news@<site host>>`. */
export function mailFromOf(config: Config): string {
  if (config.mailFrom) return config.mailFrom;
  const host = new URL(publicOrigin(config)).hostname;
  return `"${config.siteName.replace(/["\\]/g, '')}" <news@${host}>`;
}

/**
 * A sender of test emails through `config.smtpUrl`, or undefined when no
 * mail server is set up. Each call opens a connection, sends, and closes
 * it; it rejects with the server's answer when the message is refused.
 */
export function smtpTestMail(config: Config): TestMailSender | undefined {
  const url = config.smtpUrl;
  if (!url) return undefined;
  const from = mailFromOf(config);
  return async (mail) => {
    const transport = nodemailer.createTransport(url);
    try {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: { 'Content-Language': 'ar' },
      });
    } finally {
      transport.close();
    }
  };
}
