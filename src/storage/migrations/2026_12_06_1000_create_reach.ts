import type { Kysely } from 'kysely';
import { idReferenceType, timestampType, withIdColumn } from '../dialects/migration-types.js';

/**
 * Reaching readers where they are (issue 20): web push, email newsletters
 * and a Telegram channel, and the outbox that sends all three.
 *
 * - `push_subscriptions`: one browser's Push API subscription (W3C Push
 *   API; RFC 8291 keys `p256dh` and `auth`, base64url). `breaking` (0/1):
 *   it wants breaking news. Nothing about the reader beyond the
 *   subscription itself: no address, no user agent.
 * - `push_subscription_sections`: the sections a subscription follows.
 * - `push_alerts`: one notification sent for an article, at most one per
 *   article (`article_id` unique), with what it says (title, body, the
 *   article's path, its image's URL path) fixed when it was queued, and
 *   its counts (sent, failed, gone: subscriptions the push service said no
 *   longer exist, which are deleted).
 * - `newsletter_subscribers`: an email address (lowercased, unique), its
 *   `status` (`pending` until the double opt-in link is followed,
 *   `active`, `unsubscribed`, `bounced`, `complained`), what it wants
 *   (`digest`, `breaking`: 0/1), `token` (the secret of its confirmation
 *   and unsubscribe links), `confirm_expires_at`, and when each step
 *   happened. `unsubscribed_edition_id` is the edition whose link it left
 *   by, for that edition's count.
 * - `newsletter_editions`: one newsletter: `kind` `digest` (the daily
 *   digest, or one an editor made) or `breaking` (one article);
 *   `article_ids` the articles in order (comma-separated ids);
 *   `status` `draft`, `scheduled`, `sending`, `sent`; `digest_date` (the
 *   site's date, `YYYY-MM-DD`) is unique with `kind`, so the automatic
 *   daily digest is made once however many instances run; a breaking
 *   edition's `article_id` is unique, so an article is mailed once.
 * - `outbox_messages`: one message to send on a channel (`push`, `email`,
 *   `telegram`) about a subject (`article` or `edition`, `subject_id`) to
 *   one recipient (a push subscription's or subscriber's id; 0 for the
 *   Telegram channel). Unique per (channel, subject, recipient): a
 *   subject reaches a recipient once. `status` `pending`, `sent`,
 *   `failed` (given up), `gone` (the recipient no longer exists);
 *   `next_attempt_at` is also the lease of a claimed message.
 *
 * Idempotent: tables and indexes are created if missing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bigint = idReferenceType(db);
  const time = timestampType(db);

  await withIdColumn(db, db.schema.createTable('push_subscriptions').ifNotExists())
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('breaking', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('push_subscription_sections')
    .ifNotExists()
    .addColumn('subscription_id', bigint, (c) =>
      c.notNull().references('push_subscriptions.id').onDelete('cascade'),
    )
    .addColumn('section_id', bigint, (c) =>
      c.notNull().references('sections.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('push_subscription_sections_pk', ['section_id', 'subscription_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('push_alerts').ifNotExists())
    .addColumn('article_id', bigint, (c) =>
      c.notNull().unique().references('articles.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('image', 'text')
    .addColumn('created_by', bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gone', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withIdColumn(db, db.schema.createTable('newsletter_subscribers').ifNotExists())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('digest', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('breaking', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('confirm_expires_at', time)
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('confirmed_at', time)
    .addColumn('unsubscribed_at', time)
    .addColumn('unsubscribed_edition_id', bigint)
    .addColumn('status_reason', 'text')
    .execute();
  await db.schema
    .createIndex('newsletter_subscribers_status_idx')
    .ifNotExists()
    .on('newsletter_subscribers')
    .columns(['status', 'id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('newsletter_editions').ifNotExists())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('article_ids', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('article_id', bigint, (c) =>
      c.unique().references('articles.id').onDelete('set null'),
    )
    .addColumn('digest_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('scheduled_for', time)
    .addColumn('created_by', bigint, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('sent_at', time)
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('newsletter_editions_digest_date_idx')
    .ifNotExists()
    .unique()
    .on('newsletter_editions')
    .columns(['kind', 'digest_date'])
    .execute();

  await withIdColumn(db, db.schema.createTable('outbox_messages').ifNotExists())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', bigint, (c) => c.notNull())
    .addColumn('recipient_id', bigint, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', time, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('finished_at', time)
    .execute();
  await db.schema
    .createIndex('outbox_messages_once_idx')
    .ifNotExists()
    .unique()
    .on('outbox_messages')
    .columns(['channel', 'subject_kind', 'subject_id', 'recipient_id'])
    .execute();
  await db.schema
    .createIndex('outbox_messages_due_idx')
    .ifNotExists()
    .on('outbox_messages')
    .columns(['channel', 'status', 'next_attempt_at'])
    .execute();
}

/** Drops the tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'outbox_messages',
    'newsletter_editions',
    'newsletter_subscribers',
    'push_alerts',
    'push_subscription_sections',
    'push_subscriptions',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
