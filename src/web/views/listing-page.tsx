/**
 * Section, tag and author pages: the articles filed there, newest first,
 * page by page (`?page=N`), each with its thumbnail and excerpt. The first
 * page opens with the section's or tag's description, or with the author's
 * photo, bio and links.
 */
import { isolateText } from '../../arabic/bidi.js';
import { formatNumber } from '../../arabic/digits.js';
import { truncateWords } from '../../arabic/truncate.js';
import { listingPath, litePath } from '../../domain/article-path.js';
import type { ListingContent } from '../../domain/reader-pages.js';
import { ArticleList } from './components/article-list.js';
import { AuthorPhoto } from './components/author-photo.js';
import { Interpolate } from './components/interpolate.js';
import { Layout } from './layout.js';
import { breadcrumbData } from './structured-data.js';
import { absoluteUrl, type PageContext } from './page-context.js';

const TITLE_KEY = {
  section: 'listing.section',
  tag: 'listing.tag',
  author: 'listing.author',
} as const;

/**
 * The title of a section, tag or author page as text (`<title>`, feed
 * titles): `وسم: سوريا`, the name isolated between FSI and PDI so that
 * `مقالات J. Smith, Jr.` keeps the last period with the name.
 */
export function listingTitle(ctx: PageContext, kind: ListingContent['kind'], name: string): string {
  return ctx.t(TITLE_KEY[kind], { name: isolateText(name) });
}

/** The same title as the page's heading shows it: the name in `<bdi>`, the page number too. */
function ListingHeading({ ctx, data }: { ctx: PageContext; data: ListingContent }) {
  const heading = (
    <Interpolate message={ctx.t(TITLE_KEY[data.kind])} slots={{ name: <bdi>{data.name}</bdi> }} />
  );
  if (data.page === 1) return heading;
  return (
    <Interpolate
      message={ctx.t('listing.page')}
      slots={{ title: heading, page: <bdi>{formatNumber(data.page, ctx.locale.numerals)}</bdi> }}
    />
  );
}

/** Plain text as paragraphs: one per non-empty line. */
function Paragraphs({ text }: { text: string }) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <div class="listing__about">
      {lines.map((line) => (
        <p>{line}</p>
      ))}
    </div>
  );
}

/**
 * The author's links, each labelled by its kind (`rel="me"`: the author
 * page and the account are the same person's, as IndieWeb and Mastodon
 * verification read it).
 */
function AuthorLinks({ ctx, data }: { ctx: PageContext; data: ListingContent }) {
  if (data.links.length === 0) return null;
  return (
    <ul class="author-links" aria-label={ctx.t('author.links', { name: data.name })}>
      {data.links.map((link) => (
        <li key={link.kind}>
          <a href={link.url} rel="me noopener" dir="auto">
            {ctx.t(`author.link.${link.kind}`)}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ListingPage({ ctx, data }: { ctx: PageContext; data: ListingContent }) {
  const { t } = ctx;
  const name = listingTitle(ctx, data.kind, data.name);
  const title =
    data.page > 1
      ? t('listing.page', { title: name, page: formatNumber(data.page, ctx.locale.numerals) })
      : name;
  return (
    <Layout
      ctx={ctx}
      title={`${title} | ${ctx.siteName}`}
      description={listingDescription(ctx, data, name)}
      robots={data.articles.length === 0 ? 'noindex' : undefined}
      canonical={absoluteUrl(ctx, listingPath(data.kind, data.slug, data.page))}
      feed={{ owner: { kind: data.kind, slug: data.slug }, title: `${name} | ${ctx.siteName}` }}
      current={data.kind === 'section' ? listingPath('section', data.slug) : undefined}
      lite={data.kind === 'section' ? litePath.section(data.slug, data.page) : undefined}
      structuredData={[
        // A tag's or author's crumb is the title, the name isolated in it (FSI…PDI); a
        // section's is its name alone, which needs no isolate.
        breadcrumbData([
          { name: ctx.siteName, url: absoluteUrl(ctx, '/') },
          {
            name: data.kind === 'section' ? data.name : name,
            url: absoluteUrl(ctx, listingPath(data.kind, data.slug)),
          },
        ]),
      ]}
    >
      <section class="latest-page listing" aria-labelledby="listing-heading">
        <header class={`listing__head listing__head--${data.kind}`}>
          {data.kind === 'author' && data.page === 1 ? (
            <AuthorPhoto name={data.name} photo={data.photo} size="large" priority="eager" />
          ) : null}
          <div class="listing__intro">
            <h1 id="listing-heading" class="page-title">
              <ListingHeading ctx={ctx} data={data} />
            </h1>
            {data.page === 1 && (data.bio || data.description) ? (
              <Paragraphs text={data.kind === 'author' ? data.bio : data.description} />
            ) : null}
            {data.page === 1 ? <AuthorLinks ctx={ctx} data={data} /> : null}
          </div>
        </header>
        {data.articles.length === 0 ? <p class="empty">{t('listing.empty')}</p> : null}
        <ArticleList ctx={ctx} articles={data.articles} withExcerpt withImages />
        {data.page > 1 || data.hasOlder ? (
          <nav class="pager" aria-label={t('pager.label')}>
            {data.page > 1 ? (
              <a href={listingPath(data.kind, data.slug, data.page - 1)} rel="prev">
                {t('pager.newer')}
              </a>
            ) : null}
            {data.hasOlder ? (
              <a href={listingPath(data.kind, data.slug, data.page + 1)} rel="next">
                {t('pager.older')}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </Layout>
  );
}

/**
 * The meta description of a listing (issue 17, part 6: search engines and
 * Lighthouse ask every page for one): the section's or tag's description or
 * the author's bio, cut to 160 characters, else a sentence naming the page
 * and the site.
 */
export function listingDescription(ctx: PageContext, data: ListingContent, title: string): string {
  const written = (data.kind === 'author' ? data.bio : data.description).trim();
  if (written !== '') return truncateWords(written.replace(/\s+/g, ' '), 160);
  return ctx.t('listing.metaDescription', { title, siteName: ctx.siteName });
}
