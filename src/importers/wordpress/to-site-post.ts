/**
 * One WXR item that is a post or page, as a `SitePost`, with what pass 1
 * gathered (authors, terms, attachments) to resolve its references.
 */
import { parseArticleId } from '../../domain/article-id.js';
import type { SiteImage, SitePost, SiteTally } from '../../domain/site-import.js';
import { convertWordPressBody } from './body/convert-body.js';
import { decodeSlug } from '../decode-slug.js';
import type { ExportIndex } from './export-index.js';
import { parseHttpUrl } from './old-path.js';
import { plainText } from './plain-text.js';
import { primaryCategoryId, seoOf, thumbnailId, viewsOf } from './post-meta.js';
import { postOldPaths } from './post-key.js';
import type { WxrItem } from './wxr-stream.js';
import { wxrDate } from './wxr-date.js';
import type { ItemClass } from './item-class.js';
import { termRole } from './terms.js';

/** What the mapping needs besides the item. */
export interface PostContext {
  index: ExportIndex;
  timeZone: string;
  viewsMetaKeys: readonly string[];
  tally: SiteTally;
  /** Posts whose featured image is not in the export: how many, and the first few. */
  missingImages: { count: number; examples: string[] };
}

/** How many posts a note names before it says "…". */
const NOTE_EXAMPLES = 5;

/** The note on featured images missing from the export, or null when none is. */
export function missingImagesNote(missing: PostContext['missingImages']): string | null {
  if (missing.count === 0) return null;
  const more = missing.count > missing.examples.length ? ', …' : '';
  return `Posts whose featured image is not in the export: ${missing.count} (${missing.examples.join(', ')}${more}).`;
}

/**
 * The post or page of `item`, whose key is `key` and class `itemClass`.
 * Dates: `wp:post_date_gmt`, else `wp:post_date` in the site's time zone;
 * a draft or a post pending review has no publication time. The section is
 * the primary category (Yoast, Rank Math), else the first category. A
 * sticky post (`wp:is_sticky`, pinned to the front page) is featured.
 */
export function toSitePost(
  item: WxrItem,
  key: string,
  itemClass: Extract<ItemClass, { post: true }>,
  context: PostContext,
): SitePost {
  const { fields, meta } = item;
  const { index, tally } = context;
  for (const name of item.truncated) {
    tally.notes.push(`Post ${key}: ${name} was cut at its size limit.`);
  }
  const published = wxrDate(
    fields.get('wp:post_date_gmt'),
    fields.get('wp:post_date'),
    context.timeZone,
  );
  const dated = itemClass.status !== 'draft' && itemClass.status !== 'pending';
  const terms = postTerms(item, index);
  const seo = seoOf(meta);
  const link = fields.get('link')?.trim() ?? '';
  return {
    key,
    kind: itemClass.kind,
    preferredId: parseArticleId(key),
    status: itemClass.status,
    headline: plainText(fields.get('title') ?? ''),
    slug: decodeSlug(fields.get('wp:post_name') ?? ''),
    bodyHtml: convertWordPressBody(fields.get('content:encoded') ?? '', {
      attachment: (id) => index.attachments.get(id)?.image ?? null,
      countShortcode: (name) => {
        tally.shortcodes.set(name, (tally.shortcodes.get(name) ?? 0) + 1);
      },
      missingAttachment: (id) => {
        tally.missingImages.push({
          url: `attachment ${id} (post ${key})`,
          reason: 'not in the export',
        });
      },
    }),
    excerpt: plainText(fields.get('excerpt:encoded') ?? ''),
    publishedAt: dated ? published : null,
    modifiedAt: wxrDate(
      fields.get('wp:post_modified_gmt'),
      fields.get('wp:post_modified'),
      context.timeZone,
    ),
    authorKeys: terms.authorKeys,
    sectionKey: terms.sectionKey,
    tagKeys: terms.tagKeys,
    categoryTagKeys: terms.categoryTagKeys,
    featuredImage: featuredImage(item, key, context),
    seoTitle: seo.title,
    seoDescription: seo.description,
    views: viewsOf(meta, context.viewsMetaKeys),
    featured: fields.get('wp:is_sticky')?.trim() === '1',
    sourceUrl: parseHttpUrl(link) === null ? null : link,
    oldPaths: postOldPaths(fields, key, itemClass.kind, index.siteUrl),
  };
}

interface PostTerms {
  authorKeys: string[];
  sectionKey: string | null;
  tagKeys: string[];
  categoryTagKeys: string[];
}

function postTerms(item: WxrItem, index: ExportIndex): PostTerms {
  const authorKeys: string[] = [];
  const categoryKeys: string[] = [];
  const tagKeys: string[] = [];
  const addOnce = (list: string[], key: string | null): void => {
    if (key !== null && !list.includes(key)) list.push(key);
  };
  addOnce(authorKeys, index.authors.creator(item.fields.get('dc:creator') ?? ''));
  for (const term of item.terms) {
    const role = termRole(term.domain);
    if (role === 'author') addOnce(authorKeys, index.authors.coauthor(term));
    else if (role === 'category') addOnce(categoryKeys, index.categories.use(term));
    else if (role === 'tag') addOnce(tagKeys, index.tags.use(term));
  }
  const primaryId = primaryCategoryId(item.meta);
  const primary = primaryId === null ? null : index.categories.keyOfTermId(primaryId);
  const sectionKey =
    primary !== null && categoryKeys.includes(primary) ? primary : (categoryKeys[0] ?? null);
  return {
    authorKeys,
    sectionKey,
    tagKeys,
    categoryTagKeys: categoryKeys.filter((key) => key !== sectionKey),
  };
}

function featuredImage(item: WxrItem, key: string, context: PostContext): SiteImage | null {
  const id = thumbnailId(item.meta);
  if (id === null) return null;
  const attachment = context.index.attachments.get(id);
  if (attachment === undefined) {
    const missing = context.missingImages;
    missing.count += 1;
    if (missing.examples.length < NOTE_EXAMPLES) {
      missing.examples.push(`post ${key}: attachment ${id}`);
    }
    return null;
  }
  return { ...attachment.image };
}
