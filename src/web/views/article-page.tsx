/**
 * The article page, phone first: section, headline, standfirst, byline
 * with the writer's photo and the publish time; one slim toolbar (reading
 * time and view count, then a share menu holding the short link and the
 * font-size buttons); the featured image with caption and credit; the body with its
 * read-also boxes; then tags, an author box per writer, related articles
 * with thumbnails and the "more news" block. On a 390 × 844 phone the
 * image (or the first paragraph) starts within the first 450 px.
 */
import { MINUTE_FORMS, VIEW_FORMS } from '../../arabic/plural.js';
import { countWords, readingMinutes } from '../../arabic/reading-time.js';
import { isolateText } from '../../arabic/bidi.js';
import { truncateWords } from '../../arabic/truncate.js';
import type { Article, ArticleSummary, RelatedLink } from '../../domain/article.js';
import { listingPath, litePath } from '../../domain/article-path.js';
import { htmlToText } from '../../domain/html-text.js';
import { mediaFileUrl, originalMime, type MediaItem } from '../../domain/media.js';
import { formatDateTime } from '../../arabic/dates.js';
import { splitBody } from './body-parts.js';
import { CountPhrase } from './components/count-phrase.js';
import { Interpolate } from './components/interpolate.js';
import { FontSizeControl } from './components/font-size-control.js';
import { PublishedTime } from './components/published-time.js';
import { Layout } from './layout.js';
import { articleTimes, breadcrumbData, liveBlogData, newsArticleData } from './structured-data.js';
import { ArticleNotes } from './components/article-notes.js';
import {
  LiveKeyUpdates,
  LiveStatus,
  LiveStream,
  type LivePageUpdates,
} from './components/live-coverage.js';
import { logoImage, type SocialImage } from './components/social-meta.js';
import { ShareMenu } from './components/share-bar.js';
import { ArticleByline } from './components/article-byline.js';
import { AuthorBox } from './components/author-box.js';
import { RelatedArticles } from './components/related-articles.js';
import { PushOffer } from './components/push-offer.js';
import { ResponsiveImage } from './components/responsive-image.js';
import {
  absoluteUrl,
  articlePath,
  canonicalArticlePath,
  type PageContext,
} from './page-context.js';
import { presentBody } from './present-body.js';
import { hasStandfirst } from './standfirst.js';

/** The featured image's original file as a preview image. */
function featuredImage(ctx: PageContext, media: MediaItem): SocialImage {
  return {
    url: absoluteUrl(ctx, mediaFileUrl(media.id, media.originalFile)),
    width: media.width,
    height: media.height,
    alt: media.alt,
    type: originalMime(media.originalFile),
  };
}

/** A live article's page when the route read no updates (a preview). */
const EMPTY_LIVE_PAGE: LivePageUpdates = {
  pinned: [],
  key: [],
  stream: [],
  before: null,
  olderBefore: null,
};

/** Longest meta description, in characters (what search engines show). */
const DESCRIPTION_LENGTH = 160;

export function ArticlePage({
  ctx,
  article,
  related = [],
  preview = false,
  liveUpdates = null,
}: {
  ctx: PageContext;
  article: Article;
  /**
   * What this page shows of the article's live updates (the route reads
   * them when `article.live` is set); null shows none (a preview).
   */
  liveUpdates?: LivePageUpdates | null;
  /** Articles sharing a tag or the section, newest first, listed after the body. */
  related?: readonly ArticleSummary[];
  /** A private preview: not indexed, no canonical link, a banner says so. */
  preview?: boolean;
}) {
  const { t } = ctx;
  const shortLink = absoluteUrl(ctx, articlePath(article.id));
  const canonical = absoluteUrl(ctx, canonicalArticlePath(article.id, article.slug));
  // The body's text serves the reading time and the standfirst test: made once.
  const bodyText = htmlToText(article.bodyHtml);
  const words = countWords(bodyText);
  const minutes = readingMinutes(words, ctx.readingWordsPerMinute);
  const more = article.related.filter((l) => l.kind === 'more');
  const description = truncateWords(article.seoDescription || article.excerpt, DESCRIPTION_LENGTH);
  const image = article.featured ? featuredImage(ctx, article.featured.media) : logoImage(ctx);
  const times = articleTimes(article, ctx.locale.timeZone);
  const live = article.live;
  const updates = live ? (liveUpdates ?? EMPTY_LIVE_PAGE) : null;
  // The page's script follows a coverage going on, on its first page only.
  const follows = live?.state === 'live' && updates?.before === null && !preview;
  const modified =
    article.publishedAt !== null && article.modifiedAt.getTime() > article.publishedAt.getTime();
  const crumbs = [
    { name: ctx.siteName, url: absoluteUrl(ctx, '/') },
    ...(article.section
      ? [
          {
            name: article.section.name,
            url: absoluteUrl(ctx, listingPath('section', article.section.slug)),
          },
        ]
      : []),
    { name: article.headline, url: canonical },
  ];
  return (
    <Layout
      ctx={ctx}
      title={`${isolateText(article.seoTitle || article.headline)} | ${ctx.siteName}`}
      lite={preview ? undefined : litePath.article(article.id)}
      description={description}
      canonical={preview ? undefined : canonical}
      robots={preview ? 'noindex' : undefined}
      banner={preview ? t('article.preview') : undefined}
      social={{
        title: article.seoTitle || article.headline,
        image,
        article: {
          publishedTime: times.published,
          modifiedTime: times.modified,
          section: article.section?.name ?? null,
          tags: article.tags.map((tag) => tag.name),
        },
      }}
      structuredData={
        preview
          ? []
          : [
              live?.state === 'live' && updates
                ? liveBlogData(
                    ctx,
                    article,
                    canonical,
                    image,
                    description,
                    [...updates.pinned, ...updates.stream],
                    times,
                  )
                : newsArticleData(ctx, article, canonical, image, description, times),
              breadcrumbData(crumbs),
            ]
      }
      scripts={
        preview ? undefined : [...(follows ? [ctx.assets.liveScript] : []), ctx.assets.pushScript]
      }
    >
      <article class="article" data-view-beacon={preview ? undefined : `/views/${article.id}`}>
        <header class="article__header">
          {article.section ? (
            <p class="article__section">
              <a href={`/section/${encodeURIComponent(article.section.slug)}`}>
                <bdi>{article.section.name}</bdi>
              </a>
            </p>
          ) : null}
          {live ? <LiveStatus ctx={ctx} live={live} /> : null}
          <h1 class="article__headline">{article.headline}</h1>
          {hasStandfirst(article, bodyText) ? (
            <p class="article__standfirst">{article.excerpt}</p>
          ) : null}
          <ArticleByline ctx={ctx} article={article}>
            <p class="article__facts">
              <PublishedTime
                ctx={ctx}
                publishedAt={article.publishedAt}
                precision={article.publishedPrecision}
                localTime={article.publishedLocalTime}
                withHijri={ctx.showHijri}
              />
              {modified ? (
                <span class="article__modified">
                  <Interpolate
                    message={t('article.modifiedAt')}
                    slots={{
                      time: (
                        <time datetime={article.modifiedAt.toISOString()}>
                          <bdi>{formatDateTime(article.modifiedAt, ctx.locale)}</bdi>
                        </time>
                      ),
                    }}
                  />
                </span>
              ) : null}
            </p>
          </ArticleByline>
          <ArticleNotes ctx={ctx} notes={article.notes} />
          <div class="article__tools">
            <p class="article__stats">
              {minutes > 0 ? (
                <span class="article__reading-time">
                  <Interpolate
                    message={t('article.readingTime')}
                    slots={{
                      duration: (
                        <CountPhrase
                          n={minutes}
                          forms={MINUTE_FORMS}
                          numerals={ctx.locale.numerals}
                        />
                      ),
                    }}
                  />
                </span>
              ) : null}
              <span class="article__views" data-views={article.viewCount}>
                <CountPhrase
                  n={article.viewCount}
                  forms={VIEW_FORMS}
                  numerals={ctx.locale.numerals}
                />
              </span>
            </p>
            <div class="article__toolbar">
              <ShareMenu
                ctx={ctx}
                url={shortLink}
                title={article.headline}
                withServices={!preview}
              />
              <FontSizeControl ctx={ctx} />
            </div>
          </div>
        </header>
        {live && updates ? (
          <LiveKeyUpdates ctx={ctx} articleId={article.id} updates={updates} />
        ) : null}
        {article.featured ? (
          <figure class="article__figure">
            <ResponsiveImage media={article.featured.media} priority="high" />
            {article.featured.caption || article.featured.credit ? (
              <figcaption>
                {article.featured.caption}
                {article.featured.credit ? (
                  <span class="article__credit">
                    {' '}
                    {t('article.imageCredit', { credit: article.featured.credit })}
                  </span>
                ) : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <div class="article__body">
          {splitBody(presentBody(article.bodyHtml, t, ctx.saveData), article.related).map(
            (part, i) =>
              part.kind === 'html' ? (
                <div
                  key={i}
                  class="article__text"
                  dangerouslySetInnerHTML={{ __html: part.html }}
                />
              ) : (
                <ReadAlsoBox key={i} ctx={ctx} link={part.link} />
              ),
          )}
        </div>
        {live && updates ? (
          <LiveStream ctx={ctx} articleId={article.id} live={live} updates={updates} />
        ) : null}
        {article.tags.length > 0 ? (
          <nav class="article__tags" aria-label={t('article.tags')}>
            <ul>
              {article.tags.map((tag) => (
                <li key={tag.id}>
                  <a href={`/tag/${encodeURIComponent(tag.slug)}`}>
                    <bdi>{tag.name}</bdi>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {article.authors.map((author) => (
          <AuthorBox key={author.slug} ctx={ctx} author={author} />
        ))}
      </article>
      {/* While coverage is live, its new-updates bar holds the foot of the screen, where the offer would sit. */}
      {preview || live?.state === 'live' ? null : (
        <PushOffer ctx={ctx} articleId={article.id} section={article.section} />
      )}
      {related.length > 0 ? <RelatedArticles ctx={ctx} articles={related} /> : null}
      {more.length > 0 ? <MoreNews ctx={ctx} links={more} /> : null}
    </Layout>
  );
}

function ReadAlsoBox({ ctx, link }: { ctx: PageContext; link: RelatedLink }) {
  return (
    <aside class="read-also" aria-label={ctx.t('article.readAlso')}>
      <span class="read-also__label">{ctx.t('article.readAlso')}</span>
      <RelatedHeadline link={link} />
    </aside>
  );
}

function MoreNews({ ctx, links }: { ctx: PageContext; links: RelatedLink[] }) {
  return (
    <section class="more-news" aria-labelledby="more-news-heading">
      <h2 id="more-news-heading">{ctx.t('article.moreNews')}</h2>
      <ul class="article-list">
        {links.map((link, i) => (
          <li key={i} class="article-list__item">
            <RelatedHeadline link={link} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A related headline: a link once its article is stored, else its text. */
function RelatedHeadline({ link }: { link: RelatedLink }) {
  return link.target ? (
    <a href={articlePath(link.target.id)} class="article-list__headline">
      {link.target.headline}
    </a>
  ) : (
    <span class="article-list__headline article-list__headline--pending">{link.headline}</span>
  );
}
