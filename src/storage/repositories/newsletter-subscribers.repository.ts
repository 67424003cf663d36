/**
 * Email newsletter subscribers (issue 20; table `newsletter_subscribers`,
 * migration 2026_12_06_1000_create_reach): an address (lowercased,
 * unique), its status (`pending` → `active` → `unsubscribed`, or
 * `bounced` / `complained`), what it wants (the daily digest, breaking
 * news) and the secret token of its links.
 */
import { sql } from 'kysely';
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
import { bindId, fromDate, toDateOrNull, toIdString, toInt } from './convert.js';

/** A subscriber's status. */
export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'bounced' | 'complained';

/** One subscriber, as stored. */
export interface Subscriber {
  id: string;
  email: string;
  status: SubscriberStatus;
  digest: boolean;
  breaking: boolean;
  token: string;
  /** When the confirmation link stops working (pending only). */
  confirmExpiresAt: Date | null;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
  /** The edition whose link it unsubscribed by, if any. */
  unsubscribedEditionId: string | null;
}

interface Row {
  id: DbInt;
  email: string;
  status: string;
  digest: DbInt;
  breaking: DbInt;
  token: string;
  confirm_expires_at: string | Date | null;
  confirmed_at: string | Date | null;
  unsubscribed_at: string | Date | null;
  unsubscribed_edition_id: DbInt | null;
}

const COLUMNS = [
  'id',
  'email',
  'status',
  'digest',
  'breaking',
  'token',
  'confirm_expires_at',
  'confirmed_at',
  'unsubscribed_at',
  'unsubscribed_edition_id',
] as const;

function toSubscriber(row: Row): Subscriber {
  return {
    id: toIdString(row.id),
    email: row.email,
    status: row.status as SubscriberStatus,
    digest: toInt(row.digest) === 1,
    breaking: toInt(row.breaking) === 1,
    token: row.token,
    confirmExpiresAt: toDateOrNull(row.confirm_expires_at),
    confirmedAt: toDateOrNull(row.confirmed_at),
    unsubscribedAt: toDateOrNull(row.unsubscribed_at),
    unsubscribedEditionId:
      row.unsubscribed_edition_id === null ? null : toIdString(row.unsubscribed_edition_id),
  };
}

/** The subscriber of `email` (already lowercased), or null. */
export async function findSubscriberByEmail(db: Db, email: string): Promise<Subscriber | null> {
  const row = await db
    .selectFrom('newsletter_subscribers')
    .select(COLUMNS)
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? toSubscriber(row) : null;
}

/** The subscriber whose links carry `token`, or null. */
export async function findSubscriberByToken(db: Db, token: string): Promise<Subscriber | null> {
  const row = await db
    .selectFrom('newsletter_subscribers')
    .select(COLUMNS)
    .where('token', '=', token)
    .executeTakeFirst();
  return row ? toSubscriber(row) : null;
}

/** The subscribers of `ids` (any status), by id; unknown ids are left out. */
export async function findSubscribersByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Subscriber>> {
  const found = new Map<string, Subscriber>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('newsletter_subscribers')
      .select(COLUMNS)
      .where(
        'id',
        'in',
        ids.slice(i, i + 500).map((id) => bindId(id)),
      )
      .execute();
    for (const row of rows) found.set(toIdString(row.id), toSubscriber(row));
  }
  return found;
}

/** What a new or renewed subscription asks for. */
export interface PendingSubscription {
  email: string;
  digest: boolean;
  breaking: boolean;
  /**
   * The secret of its links: a new one for every request, so that the
   * links of older mails (forwarded, kept) stop working.
   */
  token: string;
  confirmExpiresAt: Date;
}

/**
 * Inserts `email` as `pending`, unless it exists (another request may
 * have inserted it a moment ago). @returns the subscriber as it now is.
 */
export async function insertPendingSubscriber(
  db: Db,
  subscription: PendingSubscription,
  now: Date,
): Promise<Subscriber> {
  await db
    .insertInto('newsletter_subscribers')
    .values({
      email: subscription.email,
      status: 'pending',
      digest: subscription.digest ? 1 : 0,
      breaking: subscription.breaking ? 1 : 0,
      token: subscription.token,
      confirm_expires_at: fromDate(subscription.confirmExpiresAt),
      created_at: fromDate(now),
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const row = await findSubscriberByEmail(db, subscription.email);
  if (!row) throw new Error(`subscriber ${subscription.email} vanished`);
  return row;
}

/**
 * Puts a subscriber who is not active (pending, unsubscribed, bounced,
 * complained) back to `pending` with new choices, a new token (the links
 * of its older mails stop working) and a new expiry.
 * @returns false when it is active (nothing changed, its token kept).
 */
export async function renewPendingSubscriber(
  db: Db,
  id: string,
  subscription: Omit<PendingSubscription, 'email'>,
): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_subscribers')
    .set({
      status: 'pending',
      token: subscription.token,
      digest: subscription.digest ? 1 : 0,
      breaking: subscription.breaking ? 1 : 0,
      confirm_expires_at: fromDate(subscription.confirmExpiresAt),
      status_reason: null,
    })
    .where('id', '=', bindId(id))
    .where('status', '<>', 'active')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Makes a pending subscriber whose link has not expired `active`. @returns true when it did. */
export async function activateSubscriber(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_subscribers')
    .set({ status: 'active', confirmed_at: fromDate(now), confirm_expires_at: null })
    .where('id', '=', bindId(id))
    .where('status', '=', 'pending')
    .where('confirm_expires_at', '>', fromDate(now))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Unsubscribes an active or pending subscriber, recording the edition
 * whose link it used (null: the preferences page or a mailto).
 * @returns true when it was subscribed until now.
 */
export async function unsubscribeSubscriber(
  db: Db,
  id: string,
  editionId: string | null,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_subscribers')
    .set({
      status: 'unsubscribed',
      unsubscribed_at: fromDate(now),
      unsubscribed_edition_id: editionId === null ? null : bindId(editionId),
      confirm_expires_at: null,
    })
    .where('id', '=', bindId(id))
    .where('status', 'in', ['active', 'pending'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Saves what an active subscriber wants. @returns true when it is active and was saved. */
export async function saveSubscriberChoices(
  db: Db,
  id: string,
  choices: { digest: boolean; breaking: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_subscribers')
    .set({ digest: choices.digest ? 1 : 0, breaking: choices.breaking ? 1 : 0 })
    .where('id', '=', bindId(id))
    .where('status', '=', 'active')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Marks subscribers `bounced` (their mail server refused the address) or
 * `complained`, with the server's answer as the reason. Only active or
 * pending ones change. @returns how many changed.
 */
export async function markSubscribersUndeliverable(
  db: Db,
  ids: readonly string[],
  status: 'bounced' | 'complained',
  reason: string,
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const result = await db
      .updateTable('newsletter_subscribers')
      .set({ status, status_reason: reason.slice(0, 500) })
      .where(
        'id',
        'in',
        ids.slice(i, i + 500).map((id) => bindId(id)),
      )
      .where('status', 'in', ['active', 'pending'])
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}

/** Subscribers by status (every status present, zero when none). */
export async function countSubscribersByStatus(db: Db): Promise<Record<SubscriberStatus, number>> {
  const rows = await db
    .selectFrom('newsletter_subscribers')
    .select(['status', (eb) => eb.fn.countAll<DbInt>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<SubscriberStatus, number> = {
    pending: 0,
    active: 0,
    unsubscribed: 0,
    bounced: 0,
    complained: 0,
  };
  for (const row of rows) counts[row.status as SubscriberStatus] = toInt(row.n);
  return counts;
}

/** Adds to an edition's counts of mails sent and failed. */
export async function addEditionMailCounts(
  db: Db,
  editionId: string,
  counts: { sent: number; failed: number },
): Promise<void> {
  if (counts.sent === 0 && counts.failed === 0) return;
  await db
    .updateTable('newsletter_editions')
    .set({
      sent: sql<number>`sent + ${counts.sent}`,
      failed: sql<number>`failed + ${counts.failed}`,
    })
    .where('id', '=', bindId(editionId))
    .execute();
}

/**
 * Deletes the addresses that asked to subscribe and never confirmed,
 * whose link expired before `before`: the form must not keep addresses
 * nobody confirmed. @returns how many.
 */
export async function deleteUnconfirmedSubscribers(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('newsletter_subscribers')
    .where('status', '=', 'pending')
    .where('confirmed_at', 'is', null)
    .where('confirm_expires_at', '<', fromDate(before))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
