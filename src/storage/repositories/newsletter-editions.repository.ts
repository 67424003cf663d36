/**
 * Newsletter editions (issue 20; table `newsletter_editions`, migration
 * 2026_12_06_1000_create_reach): making, changing, listing them, and the
 * fan-out of an edition to its subscribers through the outbox
 * (`channel 'email'`, `subject_kind 'edition'`, recipient = subscriber id).
 */
import type { ArticleId } from '../../domain/article-id.js';
import type {
  Edition,
  EditionKind,
  EditionListItem,
  EditionStatus,
} from '../../domain/newsletter-edition.js';
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
import { bindId, fromDate, toDate, toDateOrNull, toIdString, toInt } from './convert.js';
import { queueOutboxFanOut } from './outbox.repository.js';

const COLUMNS = [
  'id',
  'kind',
  'subject',
  'intro',
  'article_ids',
  'article_id',
  'digest_date',
  'status',
  'scheduled_for',
  'created_by',
  'created_at',
  'sent_at',
  'sent',
  'failed',
] as const;

type Row = {
  id: DbInt;
  kind: string;
  subject: string;
  intro: string;
  article_ids: string;
  article_id: DbInt | null;
  digest_date: string | null;
  status: string;
  scheduled_for: string | Date | null;
  created_by: DbInt | null;
  created_at: string | Date;
  sent_at: string | Date | null;
  sent: DbInt;
  failed: DbInt;
};

/** Splits the stored `article_ids` ("12,7,30") into ids, in order. */
export function parseArticleIds(value: string): ArticleId[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[1-9][0-9]{0,18}$/.test(s)) as ArticleId[];
}

function toEdition(row: Row): Edition {
  return {
    id: toIdString(row.id),
    kind: row.kind as EditionKind,
    subject: row.subject,
    intro: row.intro,
    articleIds: parseArticleIds(row.article_ids),
    articleId: row.article_id === null ? null : (toIdString(row.article_id) as ArticleId),
    digestDate: row.digest_date,
    status: row.status as EditionStatus,
    scheduledFor: toDateOrNull(row.scheduled_for),
    createdBy: row.created_by === null ? null : toIdString(row.created_by),
    createdAt: toDate(row.created_at),
    sentAt: toDateOrNull(row.sent_at),
    sent: toInt(row.sent),
    failed: toInt(row.failed),
  };
}

/** A new edition's fields. */
export interface NewEdition {
  kind: EditionKind;
  subject: string;
  intro: string;
  articleIds: readonly ArticleId[];
  /** A breaking edition's article (unique: an article is mailed once). */
  articleId?: ArticleId | null;
  /** The automatic digest's site date, YYYY-MM-DD (unique with kind). */
  digestDate?: string | null;
  status?: EditionStatus;
  createdBy: string | null;
}

/**
 * Inserts an edition unless one with the same breaking article, or the
 * same kind and digest date, exists (the unique indexes decide, so two
 * instances racing make one). @returns the new edition's id, or null when it existed.
 */
export async function insertEdition(
  db: Db,
  edition: NewEdition,
  now: Date,
): Promise<string | null> {
  const row = await db
    .insertInto('newsletter_editions')
    .values({
      kind: edition.kind,
      subject: edition.subject,
      intro: edition.intro,
      article_ids: edition.articleIds.join(','),
      article_id: edition.articleId ? bindId(edition.articleId) : null,
      digest_date: edition.digestDate ?? null,
      status: edition.status ?? 'draft',
      created_by: edition.createdBy === null ? null : bindId(edition.createdBy),
      created_at: fromDate(now),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? toIdString(row.id) : null;
}

/** The edition `id`, or null. */
export async function findEdition(db: Db, id: string): Promise<Edition | null> {
  if (!/^[1-9][0-9]{0,18}$/.test(id)) return null;
  const row = await db
    .selectFrom('newsletter_editions')
    .select(COLUMNS)
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  return row ? toEdition(row) : null;
}

/** Changes a draft's or scheduled edition's subject, intro and articles. @returns false when it is no longer editable */
export async function updateEditionContent(
  db: Db,
  id: string,
  content: { subject: string; intro: string; articleIds: readonly ArticleId[] },
): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_editions')
    .set({
      subject: content.subject,
      intro: content.intro,
      article_ids: content.articleIds.join(','),
    })
    .where('id', '=', bindId(id))
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Schedules a draft (or moves a scheduled edition) to `at`, or back to draft with null. @returns false when already sending */
export async function scheduleEdition(db: Db, id: string, at: Date | null): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_editions')
    .set({ status: at ? 'scheduled' : 'draft', scheduled_for: at ? fromDate(at) : null })
    .where('id', '=', bindId(id))
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Moves a draft or scheduled edition to `sending` (one instance wins: the
 * update is conditional on the status) and queues one email to each active
 * subscriber who wants its kind (`digest = 1` for digests, `breaking = 1`
 * for breaking news), in one statement. Run it in a transaction.
 * @returns the number of emails queued, or null when the edition was not draft or scheduled.
 */
export async function startSendingEdition(
  db: Db,
  id: string,
  kind: EditionKind,
  now: Date,
): Promise<number | null> {
  const moved = await db
    .updateTable('newsletter_editions')
    .set({ status: 'sending', sent_at: null })
    .where('id', '=', bindId(id))
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  if (moved.numUpdatedRows === 0n) return null;
  return queueEditionFanOut(db, id, kind, now);
}

/** Queues the edition `id` to the active subscribers who want `kind`. @returns how many were queued */
export function queueEditionFanOut(
  db: Db,
  id: string,
  kind: EditionKind,
  now: Date,
): Promise<number> {
  const wants = kind === 'breaking' ? 'breaking' : 'digest';
  return queueOutboxFanOut(
    db,
    { channel: 'email', subjectKind: 'edition', subjectId: id },
    db
      .selectFrom('newsletter_subscribers')
      .select('id as recipient_id')
      .where('status', '=', 'active')
      .where(wants, '=', 1),
    now,
  );
}

/** Whether an active subscriber wants `kind` (a breaking edition is made only then). */
export async function hasSubscribersFor(db: Db, kind: EditionKind): Promise<boolean> {
  const row = await db
    .selectFrom('newsletter_subscribers')
    .select('id')
    .where('status', '=', 'active')
    .where(kind === 'breaking' ? 'breaking' : 'digest', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Ids of the scheduled editions due at `now`, oldest first. */
export async function findDueEditions(
  db: Db,
  now: Date,
): Promise<Array<{ id: string; kind: EditionKind }>> {
  const rows = await db
    .selectFrom('newsletter_editions')
    .select(['id', 'kind'])
    .where('status', '=', 'scheduled')
    .where('scheduled_for', '<=', fromDate(now))
    .orderBy('scheduled_for')
    .execute();
  return rows.map((r) => ({ id: toIdString(r.id), kind: r.kind as EditionKind }));
}

/**
 * Marks `sent` the editions being sent that have no pending email left,
 * keeping the outbox's counts of sent and failed (or gone) emails in the
 * edition (the outbox forgets settled messages after a week), or the
 * edition's own counts when the sender kept them and they are higher.
 * @returns how many editions were finished.
 */
export async function finishSentEditions(db: Db, now: Date): Promise<number> {
  const sending = await db
    .selectFrom('newsletter_editions')
    .select(['id', 'sent', 'failed'])
    .where('status', '=', 'sending')
    .execute();
  let finished = 0;
  for (const edition of sending) {
    const counts = await emailCounts(db, [toIdString(edition.id)]);
    const c = counts.get(toIdString(edition.id)) ?? { pending: 0, sent: 0, failed: 0 };
    if (c.pending > 0) continue;
    const result = await db
      .updateTable('newsletter_editions')
      .set({
        status: 'sent',
        sent_at: fromDate(now),
        sent: Math.max(c.sent, toInt(edition.sent)),
        failed: Math.max(c.failed, toInt(edition.failed)),
      })
      .where('id', '=', edition.id)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    finished += Number(result.numUpdatedRows);
  }
  return finished;
}

/** Emails of editions by status (failed includes gone), from the outbox. */
async function emailCounts(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { pending: number; sent: number; failed: number }>> {
  const counts = new Map<string, { pending: number; sent: number; failed: number }>();
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['subject_id', 'status', (eb) => eb.fn.countAll<DbInt>().as('n')])
    .where('channel', '=', 'email')
    .where('subject_kind', '=', 'edition')
    .where(
      'subject_id',
      'in',
      ids.map((id) => bindId(id)),
    )
    .groupBy(['subject_id', 'status'])
    .execute();
  for (const row of rows) {
    const id = toIdString(row.subject_id);
    const c = counts.get(id) ?? { pending: 0, sent: 0, failed: 0 };
    const n = toInt(row.n);
    if (row.status === 'pending') c.pending += n;
    else if (row.status === 'sent') c.sent += n;
    else c.failed += n;
    counts.set(id, c);
  }
  return counts;
}

/**
 * The newest `limit` editions with their counts: emails sent, failed (or
 * gone) and pending (the outbox while it is being sent, or the edition's
 * kept counts when higher),
 * and subscribers who left by its unsubscribe link.
 */
export async function listEditions(db: Db, limit: number): Promise<EditionListItem[]> {
  const rows = await db
    .selectFrom('newsletter_editions')
    .select(COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const editions = rows.map(toEdition);
  const ids = editions.map((e) => e.id);
  // A finished edition keeps its counts; only those being sent are counted in the outbox.
  const counts = await emailCounts(
    db,
    editions.filter((e) => e.status === 'sending').map((e) => e.id),
  );
  const left = new Map<string, number>();
  if (ids.length > 0) {
    const unsubscribed = await db
      .selectFrom('newsletter_subscribers')
      .select(['unsubscribed_edition_id', (eb) => eb.fn.countAll<DbInt>().as('n')])
      .where(
        'unsubscribed_edition_id',
        'in',
        ids.map((id) => bindId(id)),
      )
      .groupBy('unsubscribed_edition_id')
      .execute();
    for (const row of unsubscribed)
      if (row.unsubscribed_edition_id !== null)
        left.set(toIdString(row.unsubscribed_edition_id), toInt(row.n));
  }
  return editions.map((edition) => {
    const c = counts.get(edition.id) ?? { pending: 0, sent: 0, failed: 0 };
    return {
      ...edition,
      sent: Math.max(edition.sent, c.sent),
      failed: Math.max(edition.failed, c.failed),
      pending: c.pending,
      unsubscribed: left.get(edition.id) ?? 0,
    };
  });
}

/** Active subscribers by what they want (for the newsroom's page). */
export async function countActiveSubscribers(
  db: Db,
): Promise<{ digest: number; breaking: number }> {
  const row = await db
    .selectFrom('newsletter_subscribers')
    .select([
      (eb) => eb.fn.sum<DbInt | null>('digest').as('digest'),
      (eb) => eb.fn.sum<DbInt | null>('breaking').as('breaking'),
    ])
    .where('status', '=', 'active')
    .executeTakeFirst();
  return {
    digest: row?.digest === null || row?.digest === undefined ? 0 : toInt(row.digest),
    breaking: row?.breaking === null || row?.breaking === undefined ? 0 : toInt(row.breaking),
  };
}
