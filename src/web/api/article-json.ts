/**
 * Articles, sections, tags and authors as the Content API gives them: ids
 * as strings, times in RFC 3339 (UTC), every URL absolute.
 */
import type { Article } from '../../domain/article.js';
import { listingPath } from '../../domain/article-path.js';
import { liveUpdateAnchor, type LiveUpdate } from '../../domain/live-coverage.js';
import {
  defaultVariantUrl,
  mediaFileUrl,
  variantFile,
  type MediaItem,
} from '../../domain/media.js';
import { canonicalArticlePath } from '../views/page-context.js';

/**
 * The path of a byline's photo as the Content API gives it: its smallest
 * WebP variant (320 px wide, or the original's width when narrower).
 */
export function authorPhotoPath(photo: MediaItem): string {
  return mediaFileUrl(photo.id, variantFile(photo.widths[0] ?? 320));
}

/**
 * The Article schema's shape (see schemas.ts). `liveUpdateCount` is how
 * many updates the article has (read only when it has live coverage).
 */
export function articleJson(article: Article & { liveUpdateCount: number }, origin: string) {
  const url = (path: string) => `${origin}${path}`;
  const featured = article.featured;
  return {
    id: article.id,
    slug: article.slug,
    url: url(canonicalArticlePath(article.id, article.slug)),
    headline: article.headline,
    excerpt: article.excerpt,
    bodyHtml: article.bodyHtml,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    updatedAt: article.updatedAt.toISOString(),
    modifiedAt: article.modifiedAt.toISOString(),
    live: article.live
      ? {
          state: article.live.state,
          startedAt: article.live.startedAt.toISOString(),
          endedAt: article.live.endedAt?.toISOString() ?? null,
          updateCount: article.liveUpdateCount,
        }
      : null,
    notes: article.notes.map((n) => ({
      kind: n.kind,
      text: n.text,
      createdAt: n.createdAt.toISOString(),
    })),
    section: article.section
      ? {
          slug: article.section.slug,
          name: article.section.name,
          url: url(listingPath('section', article.section.slug)),
        }
      : null,
    tags: article.tags.map((t) => ({
      slug: t.slug,
      name: t.name,
      url: url(listingPath('tag', t.slug)),
    })),
    authors: article.authors.map((a) => ({
      slug: a.slug,
      name: a.name,
      url: url(listingPath('author', a.slug)),
      bio: a.bio,
      photoUrl: a.photo ? url(authorPhotoPath(a.photo)) : null,
    })),
    byline: article.byline,
    featuredImage: featured
      ? {
          url: url(defaultVariantUrl(featured.media)),
          width: featured.media.width,
          height: featured.media.height,
          alt: featured.media.alt,
          caption: featured.caption,
          credit: featured.credit,
          srcset: featured.media.widths
            .map((w) => `${url(mediaFileUrl(featured.media.id, variantFile(w)))} ${w}w`)
            .join(', '),
        }
      : null,
  };
}

/**
 * The LiveUpdate schema's shape (see schemas.ts): its `url` is the
 * article's canonical URL with the update's anchor.
 */
export function liveUpdateJson(update: LiveUpdate, articleUrl: string) {
  return {
    number: update.number,
    headline: update.headline,
    bodyHtml: update.bodyHtml,
    key: update.key,
    pinned: update.pinned,
    author: update.author ? { name: update.author.name, slug: update.author.slug } : null,
    createdAt: update.createdAt.toISOString(),
    updatedAt: update.updatedAt.toISOString(),
    url: `${articleUrl}#${liveUpdateAnchor(update.number)}`,
  };
}
