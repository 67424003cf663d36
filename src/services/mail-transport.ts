/**
 * Sending mail over SMTP (issue 20): newsletters and confirmation mails,
 * through the server at `MIDAD_SMTP_URL` (Nodemailer's URL form:
 * `smtp://user:password@mail.example:587`, `smtps://…:465`), over a pool
 * of a few kept-open connections, so that thousands of mails do not open
 * thousands of connections.
 *
 * A failed attempt is sorted by what the server answered (RFC 5321
 * §4.2.1, reply codes): a 4xx answer, a timeout or a dropped connection
 * is passing (`retry`); a 5xx answer to RCPT TO (550 mailbox unavailable,
 * 551, 553 mailbox name not allowed, 554) means the address cannot
 * receive mail (`gone`: the subscriber is marked `bounced`); any other
 * 5xx (to MAIL FROM, DATA: the message refused) is `failed`.
 */
import type { createTransport, Transporter } from 'nodemailer';
import type { SendOutcome } from '../domain/outbox.js';

/** One mail, ready to go: the body parts made, the headers chosen. */
export interface OutgoingMail {
  /** The From header (`"مداد" <news@news.example>` or an address). */
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** `<…@host>`, unique. */
  messageId: string;
  /** More headers (List-Unsubscribe, List-Unsubscribe-Post, List-Id). */
  headers?: Record<string, string>;
}

/** A way of sending mails; closed when the server stops. */
export interface MailTransport {
  /** Sends one mail. @returns its outcome: never throws for the server's refusal. */
  send(mail: OutgoingMail): Promise<SendOutcome>;
  /** Closes the pooled connections. */
  close(): void;
}

/** SMTP connections kept open at most (mails sent at once). */
export const SMTP_CONNECTIONS = 5;

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
  message?: string;
  rejectedErrors?: SmtpError[];
}

/** RCPT TO answers that say the address cannot receive mail. */
const ADDRESS_GONE = new Set([550, 551, 553, 554]);

/**
 * The outcome of a failed attempt, from Nodemailer's error (its
 * `responseCode` and `command`; the first rejected recipient's when the
 * envelope was refused).
 * @example smtpOutcome({ responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 no such user' })
 *   → { status: 'gone', error: '550 5.1.1 no such user' }
 */
export function smtpOutcome(error: unknown): SendOutcome {
  const outer = (error ?? {}) as SmtpError;
  const e = outer.rejectedErrors?.[0] ?? outer;
  const said = (e.response ?? e.message ?? outer.message ?? String(error)).slice(0, 500);
  const code = e.responseCode;
  if (code !== undefined && code >= 500 && code < 600) {
    if (/RCPT/i.test(e.command ?? '') && ADDRESS_GONE.has(code)) {
      return { status: 'gone', error: said };
    }
    return { status: 'failed', error: said };
  }
  return { status: 'retry', error: said };
}

/**
 * A Nodemailer transporter made by `options`, Nodemailer loaded on the
 * first call: a server that sends no mail never holds its code (issue 21,
 * item 5: some 2.4 MiB of V8's heap).
 */
export async function createTransporter(
  options: Parameters<typeof createTransport>[0],
): Promise<Transporter> {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport(options);
}

/**
 * A pooled SMTP transport to `smtpUrl` (Nodemailer). `maxConnections`
 * defaults to SMTP_CONNECTIONS. Nothing connects (nor is Nodemailer
 * loaded) until the first mail.
 */
export function smtpTransport(
  smtpUrl: string,
  options: { maxConnections?: number } = {},
): MailTransport {
  let transporter: Promise<Transporter> | null = null;
  const made = () =>
    (transporter ??= createTransporter({
      url: smtpUrl,
      pool: true,
      maxConnections: options.maxConnections ?? SMTP_CONNECTIONS,
      // A connection is renewed after this many mails (servers limit mails per session).
      maxMessages: 500,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    }));
  return {
    async send(mail) {
      try {
        await (
          await made()
        ).sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
          headers: mail.headers ?? {},
          // Newsletters are read in Arabic: the body parts say so too.
          textEncoding: 'base64',
        });
        return { status: 'sent' };
      } catch (error) {
        return smtpOutcome(error);
      }
    },
    close() {
      void transporter?.then((made) => made.close());
    },
  };
}

/**
 * The From header: `mailFrom` when set, else `news@<the site's host>`
 * with the site's name as its display name.
 * @example mailFromHeader({ mailFrom: undefined, siteName: 'مداد' }, 'https://news.example') === '"مداد" <news@news.example>'
 */
export function mailFromHeader(
  config: { mailFrom?: string | undefined; siteName: string },
  origin: string,
): string {
  if (config.mailFrom !== undefined) return config.mailFrom;
  const name = config.siteName.replace(/["\\]/g, '');
  return `"${name}" <news@${new URL(origin).hostname}>`;
}

/** The bare address of a From header (`"x" <a@b>` → `a@b`). */
export function addressOf(from: string): string {
  const angle = /<([^<>]+)>\s*$/.exec(from);
  return (angle ? angle[1]! : from).trim();
}
