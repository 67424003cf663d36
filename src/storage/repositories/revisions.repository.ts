/**
 * Article revisions (every save, whole) and the workflow log.
 */
import type { ArticleId } from '../../domain/article-id.js';
import type { ArticleContent } from '../../domain/editable-article.js';
import type {
  Revision,
  RevisionKind,
  RevisionSummary,
  WorkflowEvent,
} from '../../domain/revision.js';
import type { Db } from '../db.js';
import { bindId, fromDate, toDate, toIdString } from './convert.js';

function fieldsOf(content: ArticleContent): string {
  const { headline: _h, excerpt: _e, bodyHtml: _b, ...fields } = content;
  return JSON.stringify(fields);
}

/** Records a revision of `content`. */
export async function insertRevision(
  db: Db,
  input: {
    articleId: ArticleId;
    kind: RevisionKind;
    userId: string | null;
    content: ArticleContent;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({
      article_id: bindId(input.articleId),
      kind: input.kind,
      user_id: input.userId === null ? null : bindId(input.userId),
      headline: input.content.headline,
      excerpt: input.content.excerpt,
      body_html: input.content.bodyHtml,
      fields_json: fieldsOf(input.content),
      created_at: fromDate(now),
    })
    .execute();
}

/** Keeps one autosave per article and user: replaces the previous one. */
export async function replaceAutosave(
  db: Db,
  input: { articleId: ArticleId; userId: string; content: ArticleContent },
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('article_revisions')
    .where('article_id', '=', bindId(input.articleId))
    .where('user_id', '=', bindId(input.userId))
    .where('kind', '=', 'autosave')
    .execute();
  await insertRevision(db, { ...input, kind: 'autosave' }, now);
}

/** The revisions of an article, newest first. */
export async function listRevisions(db: Db, articleId: ArticleId): Promise<RevisionSummary[]> {
  const rows = await db
    .selectFrom('article_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.kind', 'r.created_at', 'u.display_name'])
    .where('r.article_id', '=', bindId(articleId))
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: toIdString(r.id),
    kind: r.kind as RevisionKind,
    userName: r.display_name,
    createdAt: toDate(r.created_at),
  }));
}

/** One revision of an article, or null. */
export async function findRevision(
  db: Db,
  articleId: ArticleId,
  revisionId: string,
): Promise<Revision | null> {
  if (!/^[1-9][0-9]{0,18}$/.test(revisionId)) return null;
  const row = await db
    .selectFrom('article_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.kind',
      'r.created_at',
      'r.headline',
      'r.excerpt',
      'r.body_html',
      'r.fields_json',
      'u.display_name',
    ])
    .where('r.article_id', '=', bindId(articleId))
    .where('r.id', '=', bindId(revisionId))
    .executeTakeFirst();
  if (!row) return null;
  const fields = JSON.parse(row.fields_json) as Omit<
    ArticleContent,
    'headline' | 'excerpt' | 'bodyHtml'
  >;
  return {
    id: toIdString(row.id),
    articleId,
    kind: row.kind as RevisionKind,
    userName: row.display_name,
    createdAt: toDate(row.created_at),
    content: { ...fields, headline: row.headline, excerpt: row.excerpt, bodyHtml: row.body_html },
  };
}

/** Records a workflow move. */
export async function insertEvent(
  db: Db,
  input: {
    articleId: ArticleId;
    userId: string | null;
    move: string;
    fromStatus: string;
    toStatus: string;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('article_events')
    .values({
      article_id: bindId(input.articleId),
      user_id: input.userId === null ? null : bindId(input.userId),
      move: input.move,
      from_status: input.fromStatus,
      to_status: input.toStatus,
      at: fromDate(now),
    })
    .execute();
}

/** The workflow log of an article, oldest first. */
export async function listEvents(db: Db, articleId: ArticleId): Promise<WorkflowEvent[]> {
  const rows = await db
    .selectFrom('article_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.move', 'e.from_status', 'e.to_status', 'e.at', 'u.display_name'])
    .where('e.article_id', '=', bindId(articleId))
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    move: r.move,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    userName: r.display_name,
    at: toDate(r.at),
  }));
}

/**
 * The newest save of the article by someone other than `userId` after
 * `since` (not autosaves), or null: what a save made from an older copy
 * would overwrite.
 */
export async function findNewerSaveByOthers(
  db: Db,
  articleId: ArticleId,
  since: Date,
  userId: string,
): Promise<{ userName: string | null; createdAt: Date } | null> {
  const row = await db
    .selectFrom('article_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.created_at', 'u.display_name'])
    .where('r.article_id', '=', bindId(articleId))
    .where('r.kind', 'in', ['save', 'restore'])
    .where('r.created_at', '>', fromDate(since))
    .where((eb) => eb.or([eb('r.user_id', 'is', null), eb('r.user_id', '!=', bindId(userId))]))
    .orderBy('r.id', 'desc')
    .executeTakeFirst();
  return row ? { userName: row.display_name, createdAt: toDate(row.created_at) } : null;
}

/** The user's autosave of the article, if any: its id and time. */
export async function findAutosave(
  db: Db,
  articleId: ArticleId,
  userId: string,
): Promise<{ id: string; createdAt: Date } | null> {
  const row = await db
    .selectFrom('article_revisions')
    .select(['id', 'created_at'])
    .where('article_id', '=', bindId(articleId))
    .where('user_id', '=', bindId(userId))
    .where('kind', '=', 'autosave')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { id: toIdString(row.id), createdAt: toDate(row.created_at) } : null;
}
