/**
 * Query conditions shared by the article repositories.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Schema } from '../tables/schema.js';
import { bindId } from './convert.js';

/** `articles` has `userId` among its bylines. */
export function hasByline(userId: string) {
  const id = bindId(userId);
  return (eb: ExpressionBuilder<Schema, 'articles'>) =>
    eb.exists(
      eb
        .selectFrom('article_authors')
        .select('article_authors.user_id')
        .whereRef('article_authors.article_id', '=', 'articles.id')
        .where('article_authors.user_id', '=', id),
    );
}

/** `articles` carries the tag `tagId`. */
export function hasTag(tagId: string) {
  const id = bindId(tagId);
  return (eb: ExpressionBuilder<Schema, 'articles'>) =>
    eb.exists(
      eb
        .selectFrom('article_tags')
        .select('article_tags.tag_id')
        .whereRef('article_tags.article_id', '=', 'articles.id')
        .where('article_tags.tag_id', '=', id),
    );
}
