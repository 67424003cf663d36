/**
 * The outbox of the channels that reach readers (issue 20): web push,
 * email and Telegram. A message is one subject (an article, or a
 * newsletter edition) to one recipient (a push subscription, a
 * subscriber, or the Telegram channel), written in the transaction of the
 * change that caused it, so none is lost to a crash, and unique per
 * (channel, subject, recipient), so none is sent twice. A worker per
 * channel (services/outbox-worker.ts) claims the due messages in batches,
 * sends them, and settles each with its outcome.
 */

export const OUTBOX_CHANNELS = ['push', 'email', 'telegram'] as const;
/** A channel that reaches readers. */
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** What a message is about: an article (push, breaking email, Telegram) or a newsletter edition. */
export type OutboxSubjectKind = 'article' | 'edition';

/** The recipient id of the one Telegram channel a site posts to. */
export const TELEGRAM_RECIPIENT = '0';

/** A message claimed for sending. */
export interface OutboxMessage {
  id: string;
  channel: OutboxChannel;
  subjectKind: OutboxSubjectKind;
  subjectId: string;
  recipientId: string;
  /** Attempts made before this one. */
  attempts: number;
  createdAt: Date;
}

/**
 * What one attempt came to:
 * - `sent`: done;
 * - `retry`: a passing failure (a timeout, 429, 5xx, a 4xx SMTP answer):
 *   tried again after the back-off, or after `retryAfterMs` when the
 *   service said how long to wait (HTTP Retry-After, Telegram's
 *   `retry_after`), until the message is a day old;
 * - `failed`: a lasting failure: never tried again;
 * - `gone`: the recipient no longer exists (push 404/410, a bounced
 *   address): never tried again, and the channel forgets the recipient.
 */
export type SendOutcome =
  | { status: 'sent' }
  | { status: 'retry'; error: string; retryAfterMs?: number }
  | { status: 'failed'; error: string }
  | { status: 'gone'; error: string };

/** A message older than this is given up (`failed`) instead of retried, ms (1 day). */
export const OUTBOX_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** The first retry's delay, and the longest, ms. */
export const OUTBOX_FIRST_RETRY_MS = 30_000;
export const OUTBOX_LONGEST_RETRY_MS = 60 * 60 * 1000;

/**
 * The delay before the next attempt after `attempts` failed ones:
 * exponential back-off doubling from 30 s, capped at an hour, as webhooks
 * do (domain/webhook.ts).
 * @example outboxRetryDelayMs(1) === 30_000; outboxRetryDelayMs(3) === 120_000
 */
export function outboxRetryDelayMs(attempts: number): number {
  return Math.min(OUTBOX_LONGEST_RETRY_MS, OUTBOX_FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** The status a settled message is stored with. */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'gone';
