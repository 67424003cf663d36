/**
 * Webhooks and their deliveries (see the migration 2026_11_29_2400).
 */
import {
  isWebhookEvent,
  type Delivery,
  type DeliveryStatus,
  type Webhook,
  type WebhookEvent,
} from '../../domain/webhook.js';
import type { Db } from '../db.js';
import { bindId, fromDate, toDate, toDateOrNull, toIdString, toInt } from './convert.js';

/** A delivery with what sending it needs of its hook. */
export interface DueDelivery extends Delivery {
  secret: string;
  allowPrivate: boolean;
}

export async function insertWebhook(
  db: Db,
  hook: {
    url: string;
    events: WebhookEvent[];
    secret: string;
    allowPrivate: boolean;
    createdBy: string;
  },
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('webhooks')
    .values({
      url: hook.url,
      events: hook.events.join(','),
      secret: hook.secret,
      allow_private: hook.allowPrivate ? 1 : 0,
      created_by: bindId(hook.createdBy),
      created_at: fromDate(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toIdString(row.id);
}

/** Hooks not deleted, oldest first. */
export async function listWebhooks(db: Db): Promise<Webhook[]> {
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: toIdString(r.id),
    url: r.url,
    events: r.events.split(',').filter(isWebhookEvent),
    secret: r.secret,
    allowPrivate: toInt(r.allow_private) === 1,
    createdAt: toDate(r.created_at),
  }));
}

/** Deletes a hook: it gets no more deliveries, and pending ones are dropped. @returns false when missing */
export async function deleteWebhook(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({ deleted_at: fromDate(now) })
    .where('id', '=', bindId(id))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', last_error: 'hook deleted', finished_at: fromDate(now) })
    .where('webhook_id', '=', bindId(id))
    .where('status', '=', 'pending')
    .execute();
  return result.numUpdatedRows > 0n;
}

/** Queues `payload` for every hook that subscribes to `event`, due at once. */
export async function insertDeliveries(
  db: Db,
  event: WebhookEvent,
  payload: string,
  now: Date,
): Promise<number> {
  const hooks = (await listWebhooks(db)).filter((h) => h.events.includes(event));
  for (const hook of hooks) {
    await db
      .insertInto('webhook_deliveries')
      .values({
        webhook_id: bindId(hook.id),
        event,
        payload,
        next_attempt_at: fromDate(now),
        created_at: fromDate(now),
      })
      .execute();
  }
  return hooks.length;
}

type DeliveryRow = {
  id: bigint | number | string;
  webhook_id: bigint | number | string;
  url: string;
  event: string;
  payload: string;
  status: string;
  attempts: bigint | number | string;
  next_attempt_at: string | Date;
  last_status_code: bigint | number | string | null;
  last_error: string | null;
  created_at: string | Date;
  finished_at: string | Date | null;
};

function toDelivery(r: DeliveryRow): Delivery {
  return {
    id: toIdString(r.id),
    webhookId: toIdString(r.webhook_id),
    url: r.url,
    event: isWebhookEvent(r.event) ? r.event : 'article.updated',
    payload: r.payload,
    status: r.status === 'delivered' || r.status === 'failed' ? r.status : 'pending',
    attempts: toInt(r.attempts),
    nextAttemptAt: toDate(r.next_attempt_at),
    lastStatusCode: r.last_status_code === null ? null : toInt(r.last_status_code),
    lastError: r.last_error,
    createdAt: toDate(r.created_at),
    finishedAt: toDateOrNull(r.finished_at),
  };
}

function deliveries(db: Db) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select([
      'd.id',
      'd.webhook_id',
      'w.url',
      'w.secret',
      'w.allow_private',
      'd.event',
      'd.payload',
      'd.status',
      'd.attempts',
      'd.next_attempt_at',
      'd.last_status_code',
      'd.last_error',
      'd.created_at',
      'd.finished_at',
    ]);
}

/** The newest deliveries, for the log administrators read. */
export async function listDeliveries(db: Db, limit: number): Promise<Delivery[]> {
  const rows = await deliveries(db).orderBy('d.id', 'desc').limit(limit).execute();
  return rows.map(toDelivery);
}

/**
 * Claims up to `limit` due deliveries for `leaseMs`: each is moved to
 * `now + leaseMs` only if no other instance moved it first, so each
 * attempt is made once however many instances run.
 */
export async function claimDueDeliveries(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<DueDelivery[]> {
  const rows = await deliveries(db)
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', fromDate(now))
    .where('w.deleted_at', 'is', null)
    .orderBy('d.next_attempt_at')
    .limit(limit)
    .execute();
  const claimed: DueDelivery[] = [];
  for (const row of rows) {
    const result = await db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: fromDate(new Date(now.getTime() + leaseMs)) })
      .where('id', '=', bindId(toIdString(row.id)))
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', fromDate(toDate(row.next_attempt_at)))
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n)
      claimed.push({
        ...toDelivery(row),
        secret: row.secret,
        allowPrivate: toInt(row.allow_private) === 1,
      });
  }
  return claimed;
}

/** Records an attempt's outcome. */
export async function recordAttempt(
  db: Db,
  id: string,
  outcome: {
    status: DeliveryStatus;
    attempts: number;
    nextAttemptAt: Date;
    statusCode: number | null;
    error: string | null;
    finishedAt: Date | null;
  },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      next_attempt_at: fromDate(outcome.nextAttemptAt),
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      finished_at: outcome.finishedAt ? fromDate(outcome.finishedAt) : null,
    })
    .where('id', '=', bindId(id))
    .execute();
}
