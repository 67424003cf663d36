/**
 * One Ghost post or page as the shared shape's post (domain/site-import.ts
 * `SitePost`).
 *
 * Decisions (Ghost's terms from its docs, "Posts" and "Routing"):
 * - Kind: `type` (`post`/`page`, Ghost 4+); before it, the `page` flag.
 * - Status: `published`, `scheduled` and `draft` keep their meaning. `sent`
 *   (Ghost 5's e-mail-only post: mailed to members, never on the web) is
 *   kept unpublished as `private`, for the newsroom to decide: publishing
 *   it would put on the site what the old site never showed. Any other
 *   status or type is skipped and counted.
 * - Old addresses: Ghost's default route `/{slug}/` for posts and pages
 *   (and `/{slug}/amp/` for posts, served while AMP was on), only for
 *   what the old site served or was about to serve (published, scheduled);
 *   a draft or an e-mail-only post had no public address.
 * - Section: Ghost's primary tag (the first public tag), the other tags
 *   in their order (map-tags.ts `postTerms`).
 * - A post for members only (`visibility` other than `public`) comes in
 *   whole but unpublished (`private`), and the caller notes how many.
 */
import type { SitePost, SitePostStatus } from '../../domain/site-import.js';
import { htmlToText } from '../../domain/html-text.js';
import { decodeSlug } from '../decode-slug.js';
import type { CardContext } from './ghost-cards.js';
import { ghostBody } from './ghost-body.js';
import { ghostDate } from './ghost-date.js';
import type { GhostPostMetaRow, GhostPostRow } from './ghost-tables.js';
import type { GhostPostTerms } from './map-tags.js';

/** What a post needs from the rest of the export. */
export interface PostLinks {
  /** The post's `posts_meta` row (Ghost 4+), if any. */
  metaOf(postId: string): GhostPostMetaRow | undefined;
  /** Author keys in byline order. */
  authorKeysOf(post: GhostPostRow): string[];
  /** The post's section and tags, from its public tags. */
  termsOf(postId: string): GhostPostTerms;
  /** The old site's address without a trailing slash, or null. */
  siteUrl: string | null;
  cards: CardContext;
}

/** A post mapped, with what could not be read in it; or why it is skipped. */
export type PostOutcome = { post: SitePost; problems: string[] } | { skipped: string };

const STATUSES: Readonly<Record<string, SitePostStatus>> = {
  published: 'published',
  scheduled: 'scheduled',
  draft: 'draft',
  sent: 'private',
};

function kindOf(row: GhostPostRow): SitePost['kind'] | null {
  if (row.type === null) return row.page ? 'page' : 'article';
  if (row.type === 'post') return 'article';
  return row.type === 'page' ? 'page' : null;
}

/** The post of one Ghost `posts` row, or why it is skipped (a reason for `tally.skipped`). */
export function toSitePost(row: GhostPostRow, links: PostLinks): PostOutcome {
  const kind = kindOf(row);
  if (kind === null) return { skipped: `type «${row.type ?? ''}»` };
  const listed = STATUSES[row.status];
  if (listed === undefined) return { skipped: `status «${row.status}»` };
  // A post for members or paying members only was never public: it comes in
  // unpublished (as WordPress's private posts do), for the newsroom to decide.
  const membersOnly = row.visibility !== null && row.visibility !== 'public';
  const status: SitePostStatus = membersOnly && listed !== 'draft' ? 'private' : listed;
  const problems: string[] = [];
  const time = (field: 'published_at' | 'updated_at', value: string | number | null) => {
    const date = ghostDate(value);
    if (date === undefined) problems.push(`${field} is not a time`);
    return date ?? null;
  };
  const body = ghostBody(row, links.cards);
  if (body.problem !== null) problems.push(`the body is empty: ${body.problem}`);
  const meta = links.metaOf(row.id);
  const slug = decodeSlug(row.slug);
  const served = (status === 'published' || status === 'scheduled') && slug !== '';
  const imageUrl = (row.feature_image ?? row.image ?? '').trim();
  const terms = links.termsOf(row.id);
  return {
    post: {
      key: row.id,
      kind,
      preferredId: null,
      status,
      headline: row.title.trim(),
      slug,
      bodyHtml: body.html,
      excerpt: row.custom_excerpt.trim(),
      publishedAt: time('published_at', row.published_at),
      modifiedAt: time('updated_at', row.updated_at),
      authorKeys: links.authorKeysOf(row),
      sectionKey: terms.sectionKey,
      tagKeys: terms.tagKeys,
      categoryTagKeys: terms.categoryTagKeys,
      featuredImage:
        imageUrl === ''
          ? null
          : {
              url: imageUrl,
              alt: (meta?.feature_image_alt ?? '').trim(),
              caption: htmlToText(meta?.feature_image_caption ?? ''),
            },
      seoTitle: (meta?.meta_title ?? row.meta_title).trim(),
      seoDescription: (meta?.meta_description ?? row.meta_description).trim(),
      views: 0,
      featured: row.featured,
      sourceUrl:
        served && links.siteUrl !== null ? `${links.siteUrl}/${encodeURIComponent(slug)}/` : null,
      oldPaths: served ? (kind === 'article' ? [`/${slug}/`, `/${slug}/amp/`] : [`/${slug}/`]) : [],
    },
    problems,
  };
}
