/**
 * The slug an article gets, the same way whoever makes it: the newsroom's
 * editor, or an import. It is the source's own slug when it gives a usable
 * one, else the headline's (arabic/slug.ts), made unique with `-2`, `-3`…
 */
import { slugify } from '../arabic/slug.js';
import type { ArticleId } from '../domain/article-id.js';
import type { Db } from '../storage/db.js';
import { slugsTaken, slugTaken } from '../storage/repositories/newsroom-articles.repository.js';

/**
 * The slug `wanted` asks for (a source's or writer's slug, slugified), else
 * the headline's; '' when neither has a letter or digit.
 *
 * @example baseSlug(null, 'وقف إطلاق النار في إدلب!') === 'وقف-إطلاق-النار-في-إدلب'
 */
export function baseSlug(wanted: string | null, headline: string): string {
  return slugify(wanted ?? '') || slugify(headline);
}

/**
 * The slug an imported article asks for: the source's own (a JSON Lines
 * `slug`, a WordPress `post_name`, a Ghost `slug`) when it is usable, else
 * the headline's. A source slug is not usable when it has no letter (WordPress
 * names a post without a title by its number, `1234`) or still holds
 * percent-escapes that were not UTF-8 (`news-%d8`, cut mid-character).
 *
 * @example importSlugBase('1234', 'طقس اليوم الخميس') === 'طقس-اليوم-الخميس'
 * @example importSlugBase('weather-today', 'طقس اليوم الخميس') === 'weather-today'
 */
export function importSlugBase(sourceSlug: string | null, headline: string): string {
  const own = /%[0-9a-f]{2}/iu.test(sourceSlug ?? '') ? '' : slugify(sourceSlug ?? '');
  return /\p{L}/u.test(own) ? own : slugify(headline);
}

/** Most suffixes tried in one query: windows grow 1, 8, 16, 32… up to this. */
const MAX_WINDOW = 512;

/**
 * What a run of saves in one transaction knows of the slugs it has seen:
 * base → the highest suffix known taken (1 for the base itself), so that
 * the next article with that headline starts looking after it.
 */
export type SlugHints = Map<string, number>;

/**
 * `base`, or `base-2`, `base-3`…: the first slug no article but `id` has
 * (`id` null: an article not stored yet). Suffixes are looked up in growing
 * windows, so that the hundredth article with one headline (a daily
 * «حالة الطقس») costs a few queries, not a hundred; with `hints` (one
 * import batch) the search starts after the suffixes the batch took.
 *
 * @example await freeArticleSlug(db, 'خبر', null) // 'خبر-2' when another article has 'خبر'
 */
export async function freeArticleSlug(
  db: Db,
  base: string,
  id: ArticleId | null,
  hints?: SlugHints,
): Promise<string> {
  const known = hints?.get(base) ?? 0;
  if (known === 0 && !(await slugTaken(db, base, id))) {
    hints?.set(base, 1);
    return base;
  }
  for (let from = known + 1 < 2 ? 2 : known + 1, size = 8; ; from += size) {
    const candidates = Array.from({ length: size }, (_, i) => `${base}-${from + i}`);
    const taken = await slugsTaken(db, candidates, id);
    const index = candidates.findIndex((slug) => !taken.has(slug));
    if (index >= 0) {
      hints?.set(base, from + index);
      return candidates[index]!;
    }
    size = Math.min(size * 2, MAX_WINDOW);
  }
}
