/**
 * The background sending of newsletters in `midad serve` (issue 20): one
 * OutboxWorker for channel `email`, sending through a pooled SMTP
 * transport at MIDAD_SMTP_URL, at most MIDAD_MAIL_PER_MINUTE mails a
 * minute from this instance, and, hourly, forgets the addresses never
 * confirmed a week after their link expired. Nothing runs when
 * MIDAD_SMTP_URL is unset.
 * Also the one-off sender of the newsroom's test mails.
 */
import type { Config } from '../config/schema.js';
import { publicOrigin } from '../config/public-origin.js';
import type { Database } from '../storage/database.js';
import { emailSender, type EditionMailRenderer } from './mail-sender.js';
import type { Transporter } from 'nodemailer';
import { createTransporter, mailFromHeader, smtpOutcome, smtpTransport } from './mail-transport.js';
import { forgetUnconfirmed } from './newsletter-subscribers.js';
import { OutboxWorker } from './outbox-worker.js';

type MailConfig = Pick<
  Config,
  'smtpUrl' | 'mailFrom' | 'mailPerMinute' | 'siteName' | 'baseUrl' | 'host' | 'port'
>;

/** A running email worker. */
export interface EmailWorker {
  worker: OutboxWorker;
  /** Waits for the batch in flight, then closes the SMTP connections. */
  stop(): Promise<void>;
}

/**
 * Starts the email worker, or returns null when mail is not set up.
 * `editionMail` gives an edition's renderer (EDITIONS' loadEditionMail +
 * renderEditionMail; see mail-sender.ts).
 */
export function startEmailWorker(deps: {
  config: MailConfig;
  database: Database;
  now: () => Date;
  editionMail: (editionId: string) => Promise<EditionMailRenderer | null>;
  onError: (error: unknown) => void;
}): EmailWorker | null {
  const { config } = deps;
  if (config.smtpUrl === undefined) return null;
  const transport = smtpTransport(config.smtpUrl);
  const origin = publicOrigin(config);
  const worker = new OutboxWorker({
    database: deps.database,
    now: deps.now,
    perMinute: config.mailPerMinute,
    onError: deps.onError,
    sender: emailSender({
      database: deps.database,
      transport,
      origin,
      from: mailFromHeader(config, origin),
      editionMail: deps.editionMail,
    }),
  });
  worker.start();
  // Hourly, addresses nobody confirmed are forgotten a week after their link expired.
  const forget = () => void forgetUnconfirmed(deps).catch(deps.onError);
  forget();
  const forgetting = setInterval(forget, 60 * 60_000);
  forgetting.unref();
  return {
    worker,
    async stop() {
      clearInterval(forgetting);
      await worker.stop();
      transport.close();
    },
  };
}

/** One test mail to one address (the newsroom's «إرسال تجريبي»). */
export interface TestMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

/**
 * A sender of single mails now, on a connection of its own (not the
 * pool), or null when mail is not set up.
 * @returns a function that resolves once the server took the mail, and
 *   rejects with the server's answer (`550 …`) otherwise.
 */
export function createTestMailSender(
  config: Omit<MailConfig, 'mailPerMinute'>,
): ((mail: TestMail) => Promise<void>) | null {
  if (config.smtpUrl === undefined) return null;
  const smtpUrl = config.smtpUrl;
  let transporter: Promise<Transporter> | null = null;
  const from = mailFromHeader(config, publicOrigin(config));
  return async (mail) => {
    try {
      await (
        await (transporter ??= createTransporter({ url: smtpUrl }))
      ).sendMail({ from, ...mail, textEncoding: 'base64' });
    } catch (error) {
      const outcome = smtpOutcome(error);
      throw new Error(outcome.status === 'sent' ? 'not sent' : outcome.error, { cause: error });
    }
  };
}
