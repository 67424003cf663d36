/**
 * The corrections page, `/corrections` («تصحيحات»): the site's latest
 * corrections, newest first, each with its article's headline (linking to
 * the article's notes, `/a/<id>#notes`), when it was added (the site's
 * date and time, on a line of its own) and its text; 20 a page,
 * `?page=N` for older ones.
 */
import { formatDateTime } from '../../arabic/dates.js';
import { formatNumber } from '../../arabic/digits.js';
import type { ArticleSummary } from '../../domain/article.js';
import type { ArticleNote } from '../../domain/article-note.js';
import { Pager } from './components/pager.js';
import { Layout } from './layout.js';
import { absoluteUrl, articlePath, type PageContext } from './page-context.js';

/** The path of page `page` of the corrections page. */
export function correctionsPagePath(page: number): string {
  return page <= 1 ? '/corrections' : `/corrections?page=${page}`;
}

/** What the corrections page shows. */
export interface CorrectionsPageContent {
  page: number;
  items: Array<{ note: ArticleNote; article: ArticleSummary }>;
  hasOlder: boolean;
}

export function CorrectionsPage({ ctx, data }: { ctx: PageContext; data: CorrectionsPageContent }) {
  const title =
    data.page <= 1
      ? ctx.t('corrections.title')
      : ctx.t('corrections.titlePage', { page: formatNumber(data.page, ctx.locale.numerals) });
  return (
    <Layout
      ctx={ctx}
      title={`${title} | ${ctx.siteName}`}
      canonical={absoluteUrl(ctx, correctionsPagePath(data.page))}
    >
      <section class="corrections-page" aria-labelledby="corrections-heading">
        <h1 id="corrections-heading" class="page-title">
          {title}
        </h1>
        {data.items.length === 0 ? (
          <p>{ctx.t('corrections.none')}</p>
        ) : (
          <ol class="corrections-list">
            {data.items.map(({ note, article }) => (
              <li key={note.id}>
                <a href={`${articlePath(article.id)}#notes`}>{article.headline}</a>
                <time class="corrections-list__time" datetime={note.createdAt.toISOString()}>
                  {formatDateTime(note.createdAt, ctx.locale)}
                </time>
                <p class="corrections-list__text">{note.text}</p>
              </li>
            ))}
          </ol>
        )}
        <Pager ctx={ctx} page={data.page} hasOlder={data.hasOlder} pathOf={correctionsPagePath} />
      </section>
    </Layout>
  );
}
