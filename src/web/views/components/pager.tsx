/**
 * Newer/older links between pages of a list. Page 1 is `/`; page N is
 * `/?page=N`.
 */
import type { PageContext } from '../page-context.js';

/** The path of page `page` of the latest articles. */
export function latestPagePath(page: number): string {
  return page <= 1 ? '/' : `/?page=${page}`;
}

export function Pager({
  ctx,
  page,
  hasOlder,
  pathOf = latestPagePath,
}: {
  ctx: PageContext;
  page: number;
  hasOlder: boolean;
  /** The path of page N of the list; the latest articles' by default. */
  pathOf?: (page: number) => string;
}) {
  if (page <= 1 && !hasOlder) return null;
  return (
    <nav class="pager" aria-label={ctx.t('pager.label')}>
      {page > 1 ? (
        <a href={pathOf(page - 1)} rel="prev">
          {ctx.t('pager.newer')}
        </a>
      ) : null}
      {hasOlder ? (
        <a href={pathOf(page + 1)} rel="next">
          {ctx.t('pager.older')}
        </a>
      ) : null}
    </nav>
  );
}
