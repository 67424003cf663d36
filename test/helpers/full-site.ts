/**
 * A small site with a row in every archived table: users of each role,
 * a section, tags, an image with its files, a published article with
 * revisions, events and a webhook delivery, an imported capture with its
 * view count and related links, an article whose id is past 2^53, an API
 * key, a setting and a wire source; live coverage (ended) with an update
 * (number 2: number 1 was deleted), a correction note, and a minute of
 * views (which does not travel). For the archive and backup tests.
 */
import { createApiKey } from '../../src/services/api-keys.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { saveProfile } from '../../src/services/author-profile.js';
import { updateMediaDetails, uploadImage } from '../../src/services/media.js';
import { moveArticle } from '../../src/services/move-article.js';
import { saveImportedArticle } from '../../src/services/save-imported-article.js';
import { createSection, describeTagAs } from '../../src/services/taxonomy.js';
import { createWebhook } from '../../src/services/webhooks.js';
import {
  deleteLiveUpdate,
  endLiveCoverage,
  postLiveUpdate,
  startLiveCoverage,
} from '../../src/services/live-coverage.js';
import { addWireSource } from '../../src/services/wire-sources.js';
import { toArticleId } from '../../src/domain/article-id.js';
import { importFiles } from '../../src/importers/import-files.js';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../src/storage/database.js';
import {
  ARCHIVE_TABLES,
  readArchiveRows,
  type ArchiveRow,
} from '../../src/storage/archive-tables.js';
import { setSetting } from '../../src/storage/repositories/settings.repository.js';
import { addViews } from '../../src/storage/repositories/article-views.repository.js';
import { MEDIA_LIMITS, makeImage } from './images.js';
import { content, createStaff, type Staff } from './newsroom.js';

/** The demo capture: an article with a view count, "read also" and "more news" links. */
export const DEMO_CAPTURE = 'demo/anapress-258871304963183.txt';
/** An id past 2^53, which a JS number would round. */
export const BIG_ID = '9007199254740993';

/** Fills `database` (empty) and `mediaDir`; the clock moves a minute per step. */
export async function fillSite(database: Database, mediaDir: string): Promise<Staff> {
  let clock = new Date('2026-11-29T12:00:00.123Z');
  const now = () => (clock = new Date(clock.getTime() + 60_000));
  const deps = { database, now };
  const staff = await createStaff(database, now);
  await importFiles(deps, [DEMO_CAPTURE], { timeZone: 'Asia/Damascus', date: undefined });
  await saveImportedArticle(deps, {
    id: toArticleId(BIG_ID),
    headline: 'خبر بمعرّف طويل',
    paragraphs: ['فقرة أولى عن الأسد والاقتصاد.'],
    readAlso: [],
    moreHeadlines: [],
    byline: null,
    sectionName: 'اقتصاد',
    publishedAt: new Date('2020-01-18T09:43:00Z'),
    publishedPrecision: 'minute',
    publishedLocalTime: null,
    views: 12,
    sourceUrl: 'https://example.net/a/9007199254740993',
    slug: null,
  });
  await createSection(deps, staff.administrator, 'سياسة');
  await createWebhook(deps, staff.administrator, {
    url: 'http://127.0.0.1:9/hook',
    events: ['article.published'],
    allowPrivate: true,
  });
  await createApiKey(deps, staff.administrator, 'تطبيق الجوال');
  // A wire source travels (its queue does not: storage/archive-tables.ts).
  await addWireSource(deps, staff.administrator, {
    name: 'sana-ar',
    agency: 'سانا',
    url: 'http://127.0.0.1:9/feed.xml',
    sectionSlug: 'سياسة',
    everyMinutes: 10,
    allowPrivate: true,
  });
  await setSetting(database.db, 'lead_article_id', BIG_ID);
  const image = await uploadImage({ ...MEDIA_LIMITS, database, mediaDir, now }, staff.editor, {
    bytes: await makeImage('jpeg', 400, 300),
    fileName: 'حلب.jpg',
  });
  await updateMediaDetails({ database }, staff.editor, image.id, {
    alt: 'سوق في حلب',
    caption: 'السوق القديم',
    credit: 'مداد',
  });
  const id = await createDraft(deps, staff.author);
  await saveArticle(deps, staff.author, id, content([staff.author.id]));
  await saveArticle(deps, staff.editor, id, {
    ...content([staff.author.id]),
    headline: 'أبل تعلن عن iPhone 15 في 12 مارس (محدّث)',
    featuredMediaId: image.id,
  });
  await moveArticle(deps, staff.editor, id, 'publish');
  // An author profile and a tag description travel with the users and tags.
  await saveProfile(deps, staff.author, staff.author.id, {
    photoMediaId: image.id,
    bio: 'كاتب في الاقتصاد.\nيقيم في حلب.',
    links: { website: 'https://example.net/writer', x: 'https://x.com/writer' },
  });
  const tag = await database.db
    .selectFrom('tags')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await describeTagAs(deps, staff.editor, String(tag.id), 'أخبار الهواتف الذكية.');
  await addViews(database.db, new Map([[id, 7]]), now());
  await fillLiveCoverage(deps, staff, id, image.id);
  await database.db
    .insertInto('article_view_minutes')
    .values({ article_id: BigInt(id), minute: now().toISOString(), referrer: 'search', views: 3 })
    .execute();
  await fillSiteImportTables(database, id, image.id, now);
  await fillReachTables(database, now);
  return staff;
}

/**
 * Issue 20: a push alert and a newsletter edition (they travel), a push
 * subscription following a section and a newsletter subscriber (only with
 * `withSubscribers`), and an outbox message (never travels).
 */
async function fillReachTables(database: Database, now: () => Date): Promise<void> {
  const at = now().toISOString();
  const db = database.db;
  await db
    .insertInto('push_alerts')
    .values({
      article_id: BigInt(BIG_ID),
      title: 'خبر بمعرّف طويل',
      body: 'فقرة',
      path: `/a/${BIG_ID}`,
      image: null,
      created_at: at,
      sent: 3,
      failed: 1,
      gone: 1,
    })
    .execute();
  const edition = await db
    .insertInto('newsletter_editions')
    .values({
      kind: 'digest',
      subject: 'نشرة الصباح',
      intro: 'صباح الخير',
      article_ids: BIG_ID,
      digest_date: at.slice(0, 10),
      status: 'sent',
      created_at: at,
      sent_at: at,
      sent: 2,
      failed: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const subscription = await db
    .insertInto('push_subscriptions')
    .values({
      endpoint: 'https://push.example/abc',
      p256dh: 'BKey',
      auth: 'auth',
      breaking: 1,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const section = await db
    .selectFrom('sections')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('push_subscription_sections')
    .values({ subscription_id: BigInt(subscription.id), section_id: BigInt(section.id) })
    .execute();
  await db
    .insertInto('newsletter_subscribers')
    .values({
      email: 'reader@example.org',
      status: 'unsubscribed',
      digest: 1,
      breaking: 0,
      token: 'T'.repeat(43),
      created_at: at,
      confirmed_at: at,
      unsubscribed_at: at,
      unsubscribed_edition_id: BigInt(edition.id),
    })
    .execute();
  await db
    .insertInto('outbox_messages')
    .values({
      channel: 'email',
      subject_kind: 'edition',
      subject_id: BigInt(edition.id),
      recipient_id: 1n,
      next_attempt_at: at,
      created_at: at,
    })
    .execute();
}

/**
 * Live coverage of article `id`, ended, with update 2 (update 1 deleted,
 * so `live_next_number` is 3), and a correction note added with a save.
 */
async function fillLiveCoverage(
  deps: { database: Database; now: () => Date },
  staff: Staff,
  id: string,
  imageId: string,
): Promise<void> {
  const articleId = toArticleId(id);
  await startLiveCoverage(deps, staff.editor, articleId);
  const update = { headline: '', bodyHtml: '<p>تحديث أول</p>', key: false, pinned: false };
  await postLiveUpdate(deps, staff.author, articleId, update);
  await postLiveUpdate(deps, staff.editor, articleId, {
    headline: 'وصول فرق الإنقاذ',
    bodyHtml: '<p>وصلت فرق الإنقاذ إلى <strong>حلب</strong>.</p>',
    key: true,
    pinned: true,
  });
  await deleteLiveUpdate(deps, staff.editor, articleId, 1);
  await endLiveCoverage(deps, staff.editor, articleId);
  await saveArticle(
    deps,
    staff.editor,
    articleId,
    {
      ...content([staff.author.id]),
      headline: 'أبل تعلن عن iPhone 15 في 12 مارس (محدّث)',
      featuredMediaId: imageId,
    },
    { note: { kind: 'correction', text: 'ورد في نسخة سابقة أن الإعلان في 13 مارس.' } },
  );
}

/** A site import's traces: an import record, an imported image, a redirect and a missed path. */
async function fillSiteImportTables(
  database: Database,
  articleId: string,
  mediaId: string,
  now: () => Date,
): Promise<void> {
  const at = now().toISOString();
  await database.db
    .insertInto('import_records')
    .values({
      source: 'wordpress',
      item_key: '123',
      article_id: BigInt(BIG_ID),
      article_updated_at: at,
      imported_at: at,
    })
    .execute();
  await database.db
    .insertInto('imported_media')
    .values({
      source_url: 'https://example.net/wp-content/uploads/2020/01/حلب.jpg',
      media_id: BigInt(mediaId),
    })
    .execute();
  await database.db
    .insertInto('redirects')
    .values({
      from_key: '/?p=123',
      from_path: '/?p=123',
      to_path: `/a/${articleId}`,
      origin: 'import',
      hits: 3,
      last_hit_at: at,
      created_at: at,
    })
    .execute();
  await database.db
    .insertInto('missed_paths')
    .values({ path: '/2019/05/قديم/', day: at.slice(0, 10), hits: 2 })
    .execute();
}

/** Every archived table's rows, as the archive writes them, in key order. */
export async function dump(database: Database): Promise<Record<string, ArchiveRow[]>> {
  const out: Record<string, ArchiveRow[]> = {};
  for (const table of ARCHIVE_TABLES) {
    const rows: ArchiveRow[] = [];
    for await (const row of readArchiveRows(database.db, table)) rows.push(row);
    out[table.name] = rows;
  }
  return out;
}

/** Every file under `folder`, by relative path, with its bytes in base64. */
export async function filesOf(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(folder.length + 1)] = (await readFile(path)).toString('base64');
  }
  return out;
}
