/**
 * Query conditions shared by the article repositories.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
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

/** Restricts a list to one section, tag or author (user id). */
export interface ListingFilter {
  sectionId?: string;
  tagId?: string;
  authorId?: string;
}

/** The conditions of `filter`, one per field given, to apply with `where`. */
export function listingConditions(
  filter: ListingFilter,
): Array<(eb: ExpressionBuilder<Schema, 'articles'>) => Expression<SqlBool>> {
  const conditions: Array<(eb: ExpressionBuilder<Schema, 'articles'>) => Expression<SqlBool>> = [];
  if (filter.sectionId !== undefined) {
    const id = bindId(filter.sectionId);
    conditions.push((eb) => eb('articles.section_id', '=', id));
  }
  if (filter.tagId !== undefined) conditions.push(hasTag(filter.tagId));
  if (filter.authorId !== undefined) conditions.push(hasByline(filter.authorId));
  return conditions;
}
