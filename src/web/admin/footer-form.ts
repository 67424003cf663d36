/**
 * Reading the footer menu form of the pages list (views/pages-list-page.tsx):
 * the checked pages (`footer`, repeated, each a page id) in the order of
 * their numbers (`order-<id>`, smallest first). A missing or malformed
 * number puts the page after the numbered ones; equal numbers keep the
 * form's order. A value that is not an id is dropped.
 */
import { parseArticleId, type ArticleId } from '../../domain/article-id.js';
import { field } from './form-errors.js';

/** The chosen page ids, in the order asked for. */
export function footerChoiceOf(body: unknown): ArticleId[] {
  const raw =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).footer : [];
  const values = (Array.isArray(raw) ? raw : [raw]).filter(
    (v): v is string => typeof v === 'string',
  );
  const ids = values.map(parseArticleId).filter((id): id is ArticleId => id !== null);
  const rank = (id: ArticleId) => {
    const text = field(body, `order-${id}`).trim();
    return /^[0-9]{1,4}$/.test(text) ? Number(text) : Number.POSITIVE_INFINITY;
  };
  return ids
    .map((id, at) => ({ id, at, rank: rank(id) }))
    .sort((a, b) => a.rank - b.rank || a.at - b.at)
    .map((c) => c.id);
}
