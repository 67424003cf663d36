/**
 * The lite version of an article page (`/lite/a/<id>`, issue 22): section,
 * headline, standfirst, byline and date, the featured image as a link
 * naming its size, the full text with its read-also links, corrections,
 * a live coverage's updates, and the related articles' lite pages. Dates
 * and digits follow the site's settings, as on every page.
 */
import { isolateText } from '../../../arabic/bidi.js';
import type { Article, ArticleSummary } from '../../../domain/article.js';
import { articlePath, canonicalArticlePath, litePath } from '../../../domain/article-path.js';
import { htmlToText } from '../../../domain/html-text.js';
import { liveUpdateAnchor, type LiveUpdate } from '../../../domain/live-coverage.js';
import { splitBody } from '../body-parts.js';
import { ArticleNotes } from '../components/article-notes.js';
import { LiveStatus, type LivePageUpdates } from '../components/live-coverage.js';
import { liveUpdateTime } from '../components/live-update.js';
import { sourceCredit } from '../components/article-byline.js';
import { PublishedTime } from '../components/published-time.js';
import type { PageContext } from '../page-context.js';
import { presentBody } from '../present-body.js';
import { hasStandfirst } from '../standfirst.js';
import {
  imageLinkText,
  liteBody,
  liteBodyImageUrls,
  liteImageUrl,
  type FileSizes,
} from './lite-body.js';
import { LiteLayout } from './lite-layout.js';

export interface LiteArticleProps {
  ctx: PageContext;
  article: Article;
  related: readonly ArticleSummary[];
  /** What this page shows of a live coverage's updates (null: not live). */
  liveUpdates: LivePageUpdates | null;
  /** Sizes of the image files the page links (liteArticleImageUrls). */
  sizes: FileSizes;
}

/** Every image file the lite page of `article` links: its featured image's and its bodies'. */
export function liteArticleImageUrls(
  article: Article,
  liveUpdates: LivePageUpdates | null,
): string[] {
  const media = article.featured?.media;
  const bodies = [
    article.bodyHtml,
    ...(liveUpdates ? [...liveUpdates.pinned, ...liveUpdates.stream] : []).map((u) => u.bodyHtml),
  ];
  return [
    ...(media ? [liteImageUrl(media.id, media.widths)] : []),
    ...bodies.flatMap((html) => liteBodyImageUrls(html)),
  ];
}

export function LiteArticlePage({ ctx, article, related, liveUpdates, sizes }: LiteArticleProps) {
  const { t } = ctx;
  const numerals = ctx.locale.numerals;
  const bodyText = htmlToText(article.bodyHtml);
  const media = article.featured?.media;
  const names = article.authors.map((a) => a.name);
  if (names.length === 0 && article.byline) names.push(article.byline);
  const source = sourceCredit(article);
  const lite = (html: string) => liteBody(presentBody(html, t), t, numerals, sizes, ctx.origin);
  const updates = liveUpdates ? [...liveUpdates.pinned, ...liveUpdates.stream] : [];
  return (
    <LiteLayout
      ctx={ctx}
      title={`${isolateText(article.seoTitle || article.headline)} | ${ctx.siteName}`}
      full={articlePath(article.id)}
      canonical={canonicalArticlePath(article.id, article.slug)}
    >
      <article>
        {article.section ? (
          <p class="m">
            <a href={litePath.section(article.section.slug)}>{article.section.name}</a>
          </p>
        ) : null}
        {article.live ? <LiveStatus ctx={ctx} live={article.live} /> : null}
        <h1>{article.headline}</h1>
        {hasStandfirst(article, bodyText) ? (
          <p>
            <b>{article.excerpt}</b>
          </p>
        ) : null}
        <p class="m">
          {names.length > 0 ? (
            <>
              <bdi>{names.join('، ')}</bdi>
              {' · '}
            </>
          ) : null}
          <PublishedTime
            ctx={ctx}
            publishedAt={article.publishedAt}
            precision={article.publishedPrecision}
            localTime={article.publishedLocalTime}
            withHijri={ctx.showHijri}
          />
          {source !== null ? (
            <>
              {' · '}
              {t('article.source')} <bdi>{source}</bdi>
            </>
          ) : null}
        </p>
        {/* Corrections come before the text, as on the full page: the reader learns of them first. */}
        <ArticleNotes ctx={ctx} notes={article.notes} />
        {media ? (
          <figure>
            <a href={liteImageUrl(media.id, media.widths)}>
              {imageLinkText(
                t,
                numerals,
                media.alt,
                sizes.get(liteImageUrl(media.id, media.widths)),
              )}
            </a>
            {article.featured?.caption || article.featured?.credit ? (
              <figcaption>
                {article.featured.caption}
                {article.featured.credit
                  ? ` ${t('article.imageCredit', { credit: article.featured.credit })}`
                  : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        {splitBody(article.bodyHtml, article.related).map((part) =>
          part.kind === 'html' ? (
            <div dangerouslySetInnerHTML={{ __html: lite(part.html) }} />
          ) : (
            <p>
              <b>{t('article.readAlso')}:</b>{' '}
              {part.link.target ? (
                <a href={litePath.article(part.link.target.id)}>{part.link.target.headline}</a>
              ) : (
                part.link.headline
              )}
            </p>
          ),
        )}
        {liveUpdates?.before ? (
          <p>
            <a href={litePath.article(article.id)}>{t('live.newest')}</a>
          </p>
        ) : null}
        {updates.map((update) => (
          <LiteUpdate ctx={ctx} update={update} html={lite(update.bodyHtml)} />
        ))}
        {liveUpdates?.olderBefore ? (
          <p>
            <a href={`${litePath.article(article.id)}?before=${liveUpdates.olderBefore}`}>
              {t('live.older')}
            </a>
          </p>
        ) : null}
      </article>
      {related.length > 0 ? (
        <section>
          <h2>{t('article.related')}</h2>
          <ul class="l">
            {related.map((item) => (
              <li key={item.id}>
                <a href={litePath.article(item.id)}>{item.headline}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </LiteLayout>
  );
}

/**
 * One update of a live coverage, at its anchor (`#update-<n>`, as on the
 * full page): its time, pinned or key mark and headline, its text, its writer.
 */
function LiteUpdate({ ctx, update, html }: { ctx: PageContext; update: LiveUpdate; html: string }) {
  const { t } = ctx;
  const marks = [
    ...(update.pinned ? [t('live.pinned')] : []),
    ...(update.key ? [t('live.key')] : []),
  ];
  return (
    <section id={liveUpdateAnchor(update.number)}>
      <h2>
        <span class="m">
          <time datetime={update.createdAt.toISOString()}>
            <bdi>{liveUpdateTime(update.createdAt, ctx)}</bdi>
          </time>
          {marks.length > 0 ? ` · ${marks.join(' · ')}` : null}
        </span>
        {update.headline ? <> {update.headline}</> : null}
      </h2>
      <div dangerouslySetInnerHTML={{ __html: html }} />
      {update.author ? (
        <p class="m">
          <bdi>{update.author.name}</bdi>
        </p>
      ) : null}
    </section>
  );
}
