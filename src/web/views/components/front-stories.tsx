/**
 * The pieces of the front page (home-page.tsx): a story drawn as a card
 * (its picture in a 16:9 frame above the headline) or as a row (a small
 * thumbnail beside it), its section as a kicker and its time, and an
 * opinion piece with its writer's photo. Every story has a picture or the
 * designed stand-in (StoryImage), never an empty box.
 */
import { formatDate, formatRelativeTime, localDateKey } from '../../../arabic/dates.js';
import type { ArticleSummary } from '../../../domain/article.js';
import type { OpinionWriter } from '../../../domain/reader-pages.js';
import { listingPath } from '../../../domain/article-path.js';
import { articlePath, type PageContext } from '../page-context.js';
import { AuthorPhoto } from './author-photo.js';
import { StoryImage, type StoryImageSize } from './story-image.js';

/** A story's time: relative when recent and known to the minute, else its date (a day-only date as `YYYY-MM-DD`). */
export function StoryTime({ ctx, story }: { ctx: PageContext; story: ArticleSummary }) {
  if (story.publishedAt === null) return null;
  const text =
    (story.publishedPrecision === 'minute'
      ? formatRelativeTime(story.publishedAt, ctx.now, ctx.locale.numerals)
      : null) ?? formatDate(story.publishedAt, ctx.locale);
  return (
    <time
      class="story__time"
      datetime={
        story.publishedPrecision === 'day'
          ? localDateKey(story.publishedAt, ctx.locale.timeZone)
          : story.publishedAt.toISOString()
      }
    >
      {text}
    </time>
  );
}

export interface StoryProps {
  ctx: PageContext;
  story: ArticleSummary;
  /** The picture's frame: `lead` for the lead story, `card` above, `thumb` beside the headline. */
  size: StoryImageSize;
  /** The heading level of the headline. */
  level?: 'h2' | 'h3';
  withExcerpt?: boolean;
  /** Show the section's name above the headline. */
  withSection?: boolean;
  priority?: 'lazy' | 'eager' | 'high';
}

/**
 * A story with its picture: the headline is the link; the picture, a
 * decorative repeat of it, is inside the same link so one tap anywhere opens it.
 */
export function Story(props: StoryProps) {
  const { ctx, story, size } = props;
  const Heading = props.level ?? 'h3';
  const href = articlePath(story.id);
  return (
    <article class={`story story--${size}`}>
      <a class="story__picture" href={href} tabIndex={-1} aria-hidden="true">
        <StoryImage
          story={story}
          size={size}
          priority={props.priority ?? 'lazy'}
          fallbackText={ctx.siteName}
        />
      </a>
      <div class="story__text">
        {props.withSection && story.section ? (
          <a class="story__section" href={listingPath('section', story.section.slug)}>
            {story.section.name}
          </a>
        ) : null}
        <Heading class="story__headline">
          <a href={href}>{story.headline}</a>
        </Heading>
        {props.withExcerpt && story.excerpt ? <p class="story__excerpt">{story.excerpt}</p> : null}
        <StoryTime ctx={ctx} story={story} />
      </div>
    </article>
  );
}

/** An opinion piece: the writer's photo and name above the headline. */
export function OpinionPiece(props: {
  ctx: PageContext;
  story: ArticleSummary;
  writer: OpinionWriter | null;
}) {
  const { ctx, story, writer } = props;
  return (
    <article class="opinion-piece">
      {writer ? (
        <AuthorPhoto name={writer.name} photo={writer.photo} size="small" />
      ) : (
        <span class="author-photo author-photo--small author-photo--none" aria-hidden="true" />
      )}
      <div class="opinion-piece__text">
        {writer ? (
          <p class="opinion-piece__writer">
            {writer.slug ? (
              <a href={listingPath('author', writer.slug)}>{writer.name}</a>
            ) : (
              writer.name
            )}
          </p>
        ) : null}
        <h3 class="opinion-piece__headline">
          <a href={articlePath(story.id)}>{story.headline}</a>
        </h3>
        <StoryTime ctx={ctx} story={story} />
      </div>
    </article>
  );
}
