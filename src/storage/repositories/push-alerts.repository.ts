/**
 * Push alerts (issue 20): one row per article that had a push
 * notification, with what it says fixed when it was queued and its counts
 * (sent, failed, gone), which the push sender adds to as it settles
 * messages (the outbox keeps per-message rows only a week).
 */
import { sql } from 'kysely';
import type { ArticleId } from '../../domain/article-id.js';
import type { PushAlert, PushAlertReason } from '../../domain/push-alert.js';
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
import { bindId, fromDate, toDate, toIdString, toInt } from './convert.js';

export type { PushAlert, PushAlertReason } from '../../domain/push-alert.js';

type Row = {
  id: DbInt;
  article_id: DbInt;
  reason: string;
  title: string;
  body: string;
  path: string;
  image: string | null;
  created_at: string | Date;
  sent: DbInt;
  failed: DbInt;
  gone: DbInt;
};

const COLUMNS = [
  'id',
  'article_id',
  'reason',
  'title',
  'body',
  'path',
  'image',
  'created_at',
  'sent',
  'failed',
  'gone',
] as const;

function toAlert(row: Row): PushAlert {
  return {
    id: toIdString(row.id),
    articleId: toIdString(row.article_id),
    reason: row.reason as PushAlertReason,
    title: row.title,
    body: row.body,
    path: row.path,
    image: row.image,
    createdAt: toDate(row.created_at),
    sent: toInt(row.sent),
    failed: toInt(row.failed),
    gone: toInt(row.gone),
  };
}

/**
 * Adds the alert of `articleId`, unless it has one already (one per
 * article, ever). @returns the new alert's id, or null when it had one.
 */
export async function insertPushAlert(
  db: Db,
  alert: {
    articleId: ArticleId;
    reason: PushAlertReason;
    title: string;
    body: string;
    path: string;
    image: string | null;
    createdBy: string | null;
  },
  now: Date,
): Promise<string | null> {
  const row = await db
    .insertInto('push_alerts')
    .values({
      article_id: bindId(String(alert.articleId)),
      reason: alert.reason,
      title: alert.title,
      body: alert.body,
      path: alert.path,
      image: alert.image,
      created_by: alert.createdBy === null ? null : bindId(alert.createdBy),
      created_at: fromDate(now),
    })
    .onConflict((oc) => oc.column('article_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? toIdString(row.id) : null;
}

/** The alert of article `articleId`, or null. */
export async function findPushAlertByArticle(
  db: Db,
  articleId: ArticleId | string,
): Promise<PushAlert | null> {
  const row = await db
    .selectFrom('push_alerts')
    .select(COLUMNS)
    .where('article_id', '=', bindId(String(articleId)))
    .executeTakeFirst();
  return row ? toAlert(row) : null;
}

/** The alerts of articles `articleIds`, by article id. */
export async function findPushAlertsByArticles(
  db: Db,
  articleIds: readonly string[],
): Promise<Map<string, PushAlert>> {
  const found = new Map<string, PushAlert>();
  const unique = [...new Set(articleIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('push_alerts')
      .select(COLUMNS)
      .where('article_id', 'in', unique.slice(i, i + 500).map(bindId))
      .execute();
    for (const row of rows) found.set(toIdString(row.article_id), toAlert(row));
  }
  return found;
}

/** Adds to the counts of the alert of article `articleId`. */
export async function addPushAlertCounts(
  db: Db,
  articleId: string,
  add: { sent: number; failed: number; gone: number },
): Promise<void> {
  if (add.sent === 0 && add.failed === 0 && add.gone === 0) return;
  await db
    .updateTable('push_alerts')
    .set({
      sent: sql`sent + ${add.sent}`,
      failed: sql`failed + ${add.failed}`,
      gone: sql`gone + ${add.gone}`,
    })
    .where('article_id', '=', bindId(articleId))
    .execute();
}

/**
 * How many `breaking` and `manual` alerts were queued at or after `since`
 * to at least one subscription (the daily cap; one that reached no one is not counted).
 */
export async function countCappedPushAlertsSince(db: Db, since: Date): Promise<number> {
  const row = await db
    .selectFrom('push_alerts')
    .select((eb) => eb.fn.countAll<DbInt>().as('n'))
    .where('reason', 'in', ['breaking', 'manual'])
    .where('created_at', '>=', fromDate(since))
    // An alert queued to no subscription reached no one: it does not use up the cap.
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('outbox_messages')
          .select('outbox_messages.id')
          .where('outbox_messages.channel', '=', 'push')
          .where('outbox_messages.subject_kind', '=', 'article')
          .whereRef('outbox_messages.subject_id', '=', 'push_alerts.article_id'),
      ),
    )
    .executeTakeFirstOrThrow();
  return toInt(row.n);
}

/** The latest alerts, newest first (the reach page). */
export async function listRecentPushAlerts(db: Db, limit: number): Promise<PushAlert[]> {
  const rows = await db
    .selectFrom('push_alerts')
    .select(COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toAlert);
}

/** What an alert is made of: the article's words, address parts, section and featured image. */
export interface PushAlertSource {
  id: string;
  kind: string;
  status: string;
  headline: string;
  excerpt: string;
  slug: string | null;
  sectionId: string | null;
  /** The featured image's id and variant widths (JSON as stored), or null. */
  image: { id: string; widths: string } | null;
}

/** The article `id` as an alert needs it, or null when there is none. */
export async function findPushAlertSource(
  db: Db,
  id: ArticleId | string,
): Promise<PushAlertSource | null> {
  const row = await db
    .selectFrom('articles')
    .leftJoin('media', 'media.id', 'articles.featured_media_id')
    .select([
      'articles.id as id',
      'articles.kind as kind',
      'articles.status as status',
      'articles.headline as headline',
      'articles.excerpt as excerpt',
      'articles.slug as slug',
      'articles.section_id as section_id',
      'media.id as media_id',
      'media.widths as widths',
    ])
    .where('articles.id', '=', bindId(String(id)))
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: toIdString(row.id),
    kind: row.kind,
    status: row.status,
    headline: row.headline,
    excerpt: row.excerpt,
    slug: row.slug,
    sectionId: row.section_id === null ? null : toIdString(row.section_id),
    image:
      row.media_id === null || row.widths === null
        ? null
        : { id: toIdString(row.media_id), widths: row.widths },
  };
}

/** Changes why the alert of `articleId` was sent (a section alert that became breaking news). */
export async function setPushAlertReason(
  db: Db,
  articleId: string,
  reason: PushAlertReason,
): Promise<void> {
  await db
    .updateTable('push_alerts')
    .set({ reason })
    .where('article_id', '=', bindId(articleId))
    .execute();
}
