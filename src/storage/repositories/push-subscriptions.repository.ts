/**
 * Browsers' Push API subscriptions (issue 20; the migration
 * 2026_12_06_1000_create_reach): saving one with the sections it follows,
 * forgetting one, and reading those a batch of push messages goes to.
 */
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
import { bindId, fromDate, toIdString, toInt } from './convert.js';

/** A subscription as a browser gives it (W3C Push API `PushSubscription.toJSON()`). */
export interface PushSubscriptionInput {
  endpoint: string;
  /** The browser's P-256 public key, base64url (RFC 8291). */
  p256dh: string;
  /** The 16-byte authentication secret, base64url (RFC 8291). */
  auth: string;
  breaking: boolean;
  /** Ids of sections that exist. */
  sectionIds: readonly string[];
}

/** What a push message needs of its subscription. */
export interface StoredPushSubscription {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Saves `input`: a new endpoint is added; a known one has its keys and
 * choices replaced (its sections too). @returns `created` true for a new one.
 */
export async function savePushSubscription(
  db: Db,
  input: PushSubscriptionInput,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('push_subscriptions')
      .select('id')
      .where('endpoint', '=', input.endpoint)
      .executeTakeFirst();
    let id: string;
    if (known) {
      id = toIdString(known.id);
      await trx
        .updateTable('push_subscriptions')
        .set({ p256dh: input.p256dh, auth: input.auth, breaking: input.breaking ? 1 : 0 })
        .where('id', '=', bindId(id))
        .execute();
      await trx
        .deleteFrom('push_subscription_sections')
        .where('subscription_id', '=', bindId(id))
        .execute();
    } else {
      const row = await trx
        .insertInto('push_subscriptions')
        .values({
          endpoint: input.endpoint,
          p256dh: input.p256dh,
          auth: input.auth,
          breaking: input.breaking ? 1 : 0,
          created_at: fromDate(now),
        })
        .onConflict((oc) => oc.column('endpoint').doUpdateSet({ p256dh: input.p256dh }))
        .returning('id')
        .executeTakeFirstOrThrow();
      id = toIdString(row.id);
    }
    if (input.sectionIds.length > 0) {
      await trx
        .insertInto('push_subscription_sections')
        .values(
          [...new Set(input.sectionIds)].map((s) => ({
            subscription_id: bindId(id),
            section_id: bindId(s),
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return { id, created: !known };
  });
}

/** Forgets the subscription of `endpoint` (and its sections). @returns true when there was one. */
export async function deletePushSubscriptionByEndpoint(db: Db, endpoint: string): Promise<boolean> {
  const result = await db
    .deleteFrom('push_subscriptions')
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Forgets the subscriptions `ids` (the push service said they are gone). */
export async function deletePushSubscriptions(db: Db, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500).map(bindId);
    await db
      .deleteFrom('push_subscription_sections')
      .where('subscription_id', 'in', chunk)
      .execute();
    await db.deleteFrom('push_subscriptions').where('id', 'in', chunk).execute();
  }
}

/** The subscriptions `ids` that still exist, by id. */
export async function findPushSubscriptions(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, StoredPushSubscription>> {
  const found = new Map<string, StoredPushSubscription>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('push_subscriptions')
      .select(['id', 'endpoint', 'p256dh', 'auth'])
      .where('id', 'in', unique.slice(i, i + 500).map(bindId))
      .execute();
    for (const row of rows) {
      const id = toIdString(row.id);
      found.set(id, { id, endpoint: row.endpoint, p256dh: row.p256dh, auth: row.auth });
    }
  }
  return found;
}

/** The ids of `ids` that name existing sections. */
export async function existingSectionIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('sections')
    .select('id')
    .where('id', 'in', ids.map(bindId))
    .execute();
  return new Set(rows.map((r) => toIdString(r.id)));
}

/** How many subscriptions there are, and how many want breaking news. */
export async function countPushSubscriptions(db: Db): Promise<{ total: number; breaking: number }> {
  const row = await db
    .selectFrom('push_subscriptions')
    .select((eb) => [
      eb.fn.countAll<DbInt>().as('total'),
      eb.fn.sum<DbInt | null>('breaking').as('breaking'),
    ])
    .executeTakeFirstOrThrow();
  return { total: toInt(row.total), breaking: row.breaking === null ? 0 : toInt(row.breaking) };
}
