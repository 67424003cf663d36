/**
 * Publish webhooks: the events, and when a failed delivery is tried again.
 */

/** What a hook may subscribe to. */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** True when `value` is a known event. */
export function isWebhookEvent(value: unknown): value is WebhookEvent {
  return typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** How long a delivery is retried, from when it was made: one day, in ms. */
export const DELIVERY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** The first retry's delay, and the longest, in ms. */
export const FIRST_RETRY_MS = 30_000;
export const LONGEST_RETRY_MS = 4 * 60 * 60 * 1000;

/**
 * The delay before attempt `attempt + 1` after `attempt` failed ones:
 * exponential back-off, doubling from 30 s (30 s, 1 min, 2 min, … capped
 * at 4 h), so that about 14 attempts fit in the day a delivery lives.
 *
 * @example retryDelayMs(1) === 30_000; retryDelayMs(3) === 120_000
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
}

/** The outcome a delivery may end in, or `pending` while it waits for an attempt. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A subscribed hook: where its events are sent, and the secret they are signed with. */
export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  secret: string;
  allowPrivate: boolean;
  createdAt: Date;
}

/** One event sent (or to be sent) to one hook, and how its attempts went. */
export interface Delivery {
  id: string;
  webhookId: string;
  url: string;
  event: WebhookEvent;
  /** The JSON body, exactly as signed and sent. */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * The event a status change reports: `article.published` when an article
 * goes live, `article.unpublished` when it leaves the site, none otherwise.
 */
export function eventOfMove(from: string, to: string): WebhookEvent | null {
  if (to === 'published' && from !== 'published') return 'article.published';
  if (from === 'published' && to !== 'published') return 'article.unpublished';
  return null;
}
