/**
 * The outbox's `email` channel (issue 20): each message is one
 * newsletter edition (subject `edition`) to one subscriber. The edition
 * is rendered once per batch (EDITIONS' `renderEditionMail`, injected as
 * `editionMail`, so that this service imports no view) and each
 * recipient's copy gets its own unsubscribe link and headers:
 *
 * - `List-Unsubscribe: <https://…/newsletter/unsubscribe?token=…&e=…>, <mailto:…?subject=unsubscribe>`
 *   and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 2369,
 *   RFC 8058: a mail program unsubscribes with one POST, no login);
 * - `List-Id: <newsletter.<host>>` (RFC 2919);
 * - a unique `Message-ID`.
 *
 * A subscriber no longer active is skipped (`gone`, not counted); an
 * address its server refuses at RCPT TO with 550/551/553/554 is `gone`
 * and the subscriber becomes `bounced` (mail-transport.ts); the edition's
 * `sent` and `failed` counts grow as batches are settled. The OutboxWorker
 * throttles to `MIDAD_MAIL_PER_MINUTE`; SMTP_CONNECTIONS mails go at once.
 */
import pLimit from 'p-limit';
import type { OutboxMessage, SendOutcome } from '../domain/outbox.js';
import { randomToken } from '../lib/tokens.js';
import type { Database } from '../storage/database.js';
import {
  addEditionMailCounts,
  findSubscribersByIds,
  markSubscribersUndeliverable,
} from '../storage/repositories/newsletter-subscribers.repository.js';
import { subscriberLink } from './mail-confirmation.js';
import { addressOf, SMTP_CONNECTIONS, type MailTransport } from './mail-transport.js';
import type { OutboxSender } from './outbox-worker.js';

/** One edition's mail for one recipient. */
export interface EditionMailContent {
  subject: string;
  html: string;
  text: string;
}

/** Renders an edition's mail for a recipient (the edition itself rendered once). */
export type EditionMailRenderer = (recipient: {
  /** The one-click unsubscribe page of the recipient's token and this edition. */
  unsubscribeUrl: string;
  /** The recipient's preferences page. */
  preferencesUrl: string;
}) => EditionMailContent;

export interface EmailSenderOptions {
  database: Database;
  transport: MailTransport;
  /** The public origin of links (config/public-origin.ts). */
  origin: string;
  /** The From header. */
  from: string;
  /**
   * The renderer of edition `editionId`, or null when there is no such
   * edition (its messages fail). Called once per edition and batch.
   */
  editionMail: (editionId: string) => Promise<EditionMailRenderer | null>;
  /** Mails sent at once (default SMTP_CONNECTIONS). */
  concurrency?: number;
}

/** The error of a message skipped because its subscriber left: not counted as a failure. */
export const NOT_SUBSCRIBED = 'not subscribed any more';

/**
 * The outbox sender of channel `email` (see the module comment).
 * @example new OutboxWorker({ database, now, sender: emailSender({ … }), perMinute: config.mailPerMinute })
 */
export function emailSender(options: EmailSenderOptions): OutboxSender {
  const { database, transport, origin, from } = options;
  const host = new URL(origin).hostname;
  const fromAddress = addressOf(from);
  const limit = pLimit(options.concurrency ?? SMTP_CONNECTIONS);
  return {
    channel: 'email',

    async send(batch: readonly OutboxMessage[]): Promise<SendOutcome[]> {
      const subscribers = await findSubscribersByIds(
        database.db,
        batch.map((m) => m.recipientId),
      );
      const renderers = new Map<string, Promise<EditionMailRenderer | null>>();
      const rendererOf = (id: string) => {
        let renderer = renderers.get(id);
        if (!renderer) {
          renderer = options.editionMail(id);
          renderers.set(id, renderer);
        }
        return renderer;
      };
      const outcomes = await Promise.all(
        batch.map((message) =>
          limit(async (): Promise<SendOutcome> => {
            if (message.subjectKind !== 'edition') {
              return { status: 'failed', error: `not an edition: ${message.subjectKind}` };
            }
            const subscriber = subscribers.get(message.recipientId);
            if (subscriber === undefined || subscriber.status !== 'active') {
              return { status: 'gone', error: NOT_SUBSCRIBED };
            }
            let render: EditionMailRenderer | null;
            try {
              render = await rendererOf(message.subjectId);
            } catch (error) {
              return { status: 'retry', error: `rendering failed: ${String(error)}` };
            }
            if (render === null) {
              return { status: 'failed', error: `edition ${message.subjectId} not found` };
            }
            const unsubscribeUrl = subscriberLink(
              origin,
              'unsubscribe',
              subscriber.token,
              message.subjectId,
            );
            const preferencesUrl = subscriberLink(origin, 'preferences', subscriber.token);
            const content = render({ unsubscribeUrl, preferencesUrl });
            return transport.send({
              from,
              to: subscriber.email,
              subject: content.subject,
              html: content.html,
              text: content.text,
              messageId: `<e${message.subjectId}.s${subscriber.id}.${randomToken(9)}@${host}>`,
              headers: {
                'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:${fromAddress}?subject=unsubscribe>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
                'List-Id': `<newsletter.${host}>`,
              },
            });
          }),
        ),
      );
      // An address its server refused: `bounced`, with the server's answer as the reason.
      for (const [i, message] of batch.entries()) {
        const outcome = outcomes[i]!;
        if (outcome.status === 'gone' && outcome.error !== NOT_SUBSCRIBED) {
          await markSubscribersUndeliverable(
            database.db,
            [message.recipientId],
            'bounced',
            outcome.error,
          );
        }
      }
      return outcomes;
    },

    async settled(settled) {
      const counts = new Map<string, { sent: number; failed: number }>();
      for (const { message, outcome, status } of settled) {
        if (message.subjectKind !== 'edition') continue;
        const c = counts.get(message.subjectId) ?? { sent: 0, failed: 0 };
        if (status === 'sent') c.sent += 1;
        else if (status === 'failed') c.failed += 1;
        else if (status === 'gone' && outcome.status === 'gone' && outcome.error !== NOT_SUBSCRIBED)
          c.failed += 1;
        counts.set(message.subjectId, c);
      }
      for (const [editionId, c] of counts) await addEditionMailCounts(database.db, editionId, c);
    },
  };
}
