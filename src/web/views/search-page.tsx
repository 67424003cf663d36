/**
 * The search page: the query form with its filters (section, dates, sort),
 * the number of results, and each result with its headline and snippet,
 * the matched words marked where the article spells them.
 */
import { formatNumber } from '../../arabic/digits.js';
import { countPhrase, RESULT_FORMS } from '../../arabic/plural.js';
import type { Section } from '../../domain/article.js';
import { isolateText } from '../../arabic/bidi.js';
import { COUNT_LIMIT, type SearchOutcome } from '../../domain/search-result.js';
import { Interpolate } from './components/interpolate.js';
import { Marked } from './components/marked-text.js';
import { PublishedTime } from './components/published-time.js';
import { Layout } from './layout.js';
import { articlePath, type PageContext } from './page-context.js';

export interface SearchForm {
  q: string;
  section: string;
  from: string;
  to: string;
  sort: 'relevance' | 'date';
  page: number;
}

function pageHref(form: SearchForm, page: number): string {
  const params = new URLSearchParams({ q: form.q });
  if (form.section) params.set('section', form.section);
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  if (form.sort !== 'relevance') params.set('sort', form.sort);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

export function SearchPage(props: {
  ctx: PageContext;
  form: SearchForm;
  sections: Section[];
  outcome: SearchOutcome;
  perPage: number;
}) {
  const { ctx, form, outcome } = props;
  const { t } = ctx;
  const q = form.q.trim();
  // The query is the reader's text: isolated in the title (FSI…PDI) and in <bdi> on the page.
  const title = q ? t('search.titleWithQuery', { q: isolateText(q) }) : t('search.title');
  const pages = Math.ceil(outcome.total / props.perPage);
  const count =
    outcome.total >= COUNT_LIMIT
      ? t('search.countMore', { count: formatNumber(COUNT_LIMIT, ctx.locale.numerals) })
      : countPhrase(outcome.total, RESULT_FORMS, ctx.locale.numerals);
  return (
    <Layout ctx={ctx} title={`${title} | ${ctx.siteName}`} robots="noindex">
      <section class="search-page" aria-labelledby="search-heading">
        <h1 id="search-heading" class="page-title">
          {q ? (
            <Interpolate message={t('search.titleWithQuery')} slots={{ q: <bdi>{q}</bdi> }} />
          ) : (
            title
          )}
        </h1>
        <form class="search-form" method="get" action="/search" role="search">
          <label for="search-q" class="visually-hidden">
            {t('search.label')}
          </label>
          <div class="search-form__row">
            <input id="search-q" type="search" name="q" value={form.q} dir="auto" maxLength={200} />
            <button type="submit">{t('search.submit')}</button>
          </div>
          <details
            class="search-form__filters"
            open={Boolean(form.section || form.from || form.to || form.sort !== 'relevance')}
          >
            <summary>{t('search.filters')}</summary>
            <div class="search-form__grid">
              <label>
                {t('search.section')}
                <select name="section">
                  <option value="">{t('search.anySection')}</option>
                  {props.sections.map((s) => (
                    <option value={s.slug} selected={s.slug === form.section}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('search.from')}
                <input type="date" name="from" value={form.from} dir="ltr" />
              </label>
              <label>
                {t('search.to')}
                <input type="date" name="to" value={form.to} dir="ltr" />
              </label>
              <label>
                {t('search.sort')}
                <select name="sort">
                  <option value="relevance" selected={form.sort === 'relevance'}>
                    {t('search.sort.relevance')}
                  </option>
                  <option value="date" selected={form.sort === 'date'}>
                    {t('search.sort.date')}
                  </option>
                </select>
              </label>
            </div>
          </details>
        </form>
        {!outcome.searched ? (
          <p class="empty">{t('search.empty')}</p>
        ) : outcome.results.length === 0 && pages > 0 && form.page > pages ? (
          <p class="empty">
            <Interpolate message={t('search.pastLast')} slots={{ q: <bdi>{q}</bdi> }} />{' '}
            <a href={pageHref(form, pages)}>{t('search.toLastPage')}</a>
          </p>
        ) : outcome.results.length === 0 ? (
          <p class="empty">
            <Interpolate message={t('search.none')} slots={{ q: <bdi>{q}</bdi> }} />
          </p>
        ) : (
          <>
            <p class="search-count" role="status">
              {count}
            </p>
            <ol class="search-results" start={(form.page - 1) * props.perPage + 1}>
              {outcome.results.map((r) => (
                <li class="search-result" key={r.id}>
                  <h2 class="search-result__headline">
                    <a href={articlePath(r.id)}>
                      <Marked parts={r.headlineParts} />
                    </a>
                  </h2>
                  <p class="search-result__meta">
                    {r.section ? (
                      <span>
                        <bdi>{r.section.name}</bdi>
                      </span>
                    ) : null}
                    <PublishedTime
                      ctx={ctx}
                      publishedAt={r.publishedAt}
                      precision={r.publishedPrecision}
                      localTime={null}
                    />
                  </p>
                  <p class="search-result__snippet">
                    <Marked parts={r.snippetParts} />
                  </p>
                </li>
              ))}
            </ol>
            {pages > 1 ? (
              <nav class="pager" aria-label={t('pager.label')}>
                {form.page > 1 ? (
                  <a href={pageHref(form, form.page - 1)} rel="prev">
                    {t('pager.previous')}
                  </a>
                ) : null}
                {form.page < pages ? (
                  <a href={pageHref(form, form.page + 1)} rel="next">
                    {t('pager.next')}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </section>
    </Layout>
  );
}
