/**
 * The outbox of the channels that reach readers (domain/outbox.ts; the
 * migration 2026_12_06_1000_create_reach): queueing messages, claiming
 * the due ones in batches so that several instances never send one
 * twice, and settling them.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type {
  OutboxChannel,
  OutboxMessage,
  OutboxStatus,
  OutboxSubjectKind,
} from '../../domain/outbox.js';
import { isPostgres } from '../dialects/migration-types.js';
import type { Db } from '../db.js';
import type { DbInt, Schema } from '../tables/schema.js';
import { bindId, fromDate, toDate, toIdString, toInt } from './convert.js';

/** Which subject a message is about. */
export interface OutboxSubject {
  channel: OutboxChannel;
  subjectKind: OutboxSubjectKind;
  subjectId: string;
}

/**
 * Queues one message, due at `now`, unless that subject already went to
 * that recipient on that channel. @returns true when it was queued.
 */
export async function queueOutboxMessage(
  db: Db,
  subject: OutboxSubject,
  recipientId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('outbox_messages')
    .values({
      channel: subject.channel,
      subject_kind: subject.subjectKind,
      subject_id: bindId(subject.subjectId),
      recipient_id: bindId(recipientId),
      next_attempt_at: fromDate(now),
      created_at: fromDate(now),
    })
    .onConflict((oc) =>
      oc.columns(['channel', 'subject_kind', 'subject_id', 'recipient_id']).doNothing(),
    )
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/**
 * Queues one message for each recipient id that `recipients` selects (a
 * query of `db` whose one column is `recipient_id`), in one statement
 * (`INSERT … SELECT`), skipping the recipients that subject already went
 * to. 100,000 recipients take well under a second on either engine.
 * @returns the number queued.
 * @example queueOutboxFanOut(trx, { channel: 'push', subjectKind: 'article', subjectId: id },
 *   trx.selectFrom('push_subscriptions').select('id as recipient_id').where('breaking', '=', 1), now)
 */
export async function queueOutboxFanOut(
  db: Db,
  subject: OutboxSubject,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query of the schema selecting recipient_id
  recipients: SelectQueryBuilder<Schema, any, { recipient_id: DbInt }>,
  now: Date,
): Promise<number> {
  const at = fromDate(now);
  // PostgreSQL types a parameter in a SELECT list as text: cast it to the column's type.
  const pg = isPostgres(db);
  const time = pg ? sql<string>`cast(${at} as timestamptz)` : sql<string>`${at}`;
  const id = pg
    ? sql<bigint>`cast(${subject.subjectId} as bigint)`
    : sql<bigint>`${bindId(subject.subjectId)}`;
  // `WHERE` keeps SQLite from reading ON CONFLICT as a join's ON (SQLite's upsert, "parsing ambiguity").
  const source = recipients
    .where(sql<boolean>`1 = 1`)
    .select([
      sql<string>`${subject.channel}`.as('channel'),
      sql<string>`${subject.subjectKind}`.as('subject_kind'),
      id.as('subject_id'),
      time.as('next_attempt_at'),
      time.as('created_at'),
    ]);
  const result = await db
    .insertInto('outbox_messages')
    .columns([
      'recipient_id',
      'channel',
      'subject_kind',
      'subject_id',
      'next_attempt_at',
      'created_at',
    ])
    .expression(source)
    .onConflict((oc) =>
      oc.columns(['channel', 'subject_kind', 'subject_id', 'recipient_id']).doNothing(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

type MessageRow = {
  id: DbInt;
  channel: string;
  subject_kind: string;
  subject_id: DbInt;
  recipient_id: DbInt;
  attempts: DbInt;
  created_at: string | Date;
};

function toMessage(row: MessageRow): OutboxMessage {
  return {
    id: toIdString(row.id),
    channel: row.channel as OutboxChannel,
    subjectKind: row.subject_kind as OutboxSubjectKind,
    subjectId: toIdString(row.subject_id),
    recipientId: toIdString(row.recipient_id),
    attempts: toInt(row.attempts),
    createdAt: toDate(row.created_at),
  };
}

/**
 * Claims up to `limit` due messages of `channel` for `leaseMs`: their
 * `next_attempt_at` moves to `now + leaseMs` in one statement, so another
 * instance claims other messages (PostgreSQL: `FOR UPDATE SKIP LOCKED`;
 * SQLite: one writer at a time). A message whose sender died is due again
 * when its lease ends. @returns the claimed messages, oldest first.
 */
export async function claimOutboxMessages(
  db: Db,
  channel: OutboxChannel,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<OutboxMessage[]> {
  let due = db
    .selectFrom('outbox_messages')
    .select('id')
    .where('channel', '=', channel)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', fromDate(now))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (isPostgres(db)) due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('outbox_messages')
    .set({ next_attempt_at: fromDate(new Date(now.getTime() + leaseMs)) })
    .where('id', 'in', due)
    .returning([
      'id',
      'channel',
      'subject_kind',
      'subject_id',
      'recipient_id',
      'attempts',
      'created_at',
    ])
    .execute();
  return rows.map(toMessage).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

/** How one message is settled after an attempt. */
export interface SettledMessage {
  id: string;
  status: OutboxStatus;
  /** Attempts made, this one included. */
  attempts: number;
  /** When a `pending` message is due again (ignored otherwise). */
  nextAttemptAt: Date;
  error: string | null;
}

/** Ids bound in one statement at most. */
const IDS_PER_STATEMENT = 500;

/**
 * Records attempts' outcomes. Messages sent at their first attempt (the
 * usual case) are settled in one statement per 500; the others one by one.
 */
export async function settleOutboxMessages(
  db: Db,
  settled: readonly SettledMessage[],
  now: Date,
): Promise<void> {
  const firstTime = settled.filter((m) => m.status === 'sent' && m.attempts === 1);
  for (let i = 0; i < firstTime.length; i += IDS_PER_STATEMENT) {
    await db
      .updateTable('outbox_messages')
      .set({ status: 'sent', attempts: 1, last_error: null, finished_at: fromDate(now) })
      .where(
        'id',
        'in',
        firstTime.slice(i, i + IDS_PER_STATEMENT).map((m) => bindId(m.id)),
      )
      .execute();
  }
  for (const m of settled) {
    if (m.status === 'sent' && m.attempts === 1) continue;
    await db
      .updateTable('outbox_messages')
      .set({
        status: m.status,
        attempts: m.attempts,
        next_attempt_at: fromDate(m.status === 'pending' ? m.nextAttemptAt : now),
        last_error: m.error,
        finished_at: m.status === 'pending' ? null : fromDate(now),
      })
      .where('id', '=', bindId(m.id))
      .execute();
  }
}

/** Counts of a subject's messages on a channel, by status. */
export async function outboxCounts(
  db: Db,
  subject: OutboxSubject,
): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['status', (eb) => eb.fn.countAll<DbInt>().as('n')])
    .where('channel', '=', subject.channel)
    .where('subject_kind', '=', subject.subjectKind)
    .where('subject_id', '=', bindId(subject.subjectId))
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0, gone: 0 };
  for (const row of rows) counts[row.status as OutboxStatus] = toInt(row.n);
  return counts;
}

/** Deletes the messages settled before `before` (kept that long for the counts and the log). @returns how many */
export async function pruneOutboxMessages(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('outbox_messages')
    .where('status', '<>', 'pending')
    .where('finished_at', '<', fromDate(before))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
