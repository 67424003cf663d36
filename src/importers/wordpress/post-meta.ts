/**
 * What a post's `wp:postmeta` says beyond its fields: view counters of
 * the popular plugins and themes, the SEO plugins' title, description and
 * primary category, and the featured image.
 *
 * Keys: Yoast SEO (`_yoast_wpseo_title`, `_yoast_wpseo_metadesc`,
 * `_yoast_wpseo_primary_category`), Rank Math (`rank_math_title`,
 * `rank_math_description`, `rank_math_primary_category`), the Jannah/TieLabs
 * themes (`tie_views`), Post Views Counter and WP-PostViews
 * (`post_views_count`, `views`, `_post_views`), WordPress's own
 * `_thumbnail_id` and `_wp_attachment_image_alt`.
 */

/** View counters read by default; a site may name more (`viewsMetaKeys`). */
export const VIEWS_META_KEYS: readonly string[] = [
  'tie_views',
  'post_views_count',
  'views',
  '_post_views',
];

/** Every other postmeta key the reader keeps. */
export const POST_META_KEYS: readonly string[] = [
  '_yoast_wpseo_title',
  '_yoast_wpseo_metadesc',
  '_yoast_wpseo_primary_category',
  'rank_math_title',
  'rank_math_description',
  'rank_math_primary_category',
  '_thumbnail_id',
  '_wp_attachment_image_alt',
];

type Meta = ReadonlyMap<string, string>;

/**
 * The largest whole number among the values of `keys`; 0 when none is one.
 * Thousands separators are allowed (`1,234`).
 */
export function viewsOf(meta: Meta, keys: readonly string[]): number {
  let views = 0;
  for (const key of keys) {
    const raw = meta.get(key)?.trim().replace(/,/g, '') ?? '';
    if (!/^\d{1,15}$/.test(raw)) continue;
    views = Math.max(views, Number(raw));
  }
  return views;
}

/**
 * The SEO title and description: Yoast's, else Rank Math's, with their
 * template variables removed (Yoast `%%title%%`, Rank Math `%sitename%`):
 * '' when the value was only variables and separators.
 */
export function seoOf(meta: Meta): { title: string; description: string } {
  return {
    title: firstText(meta, ['_yoast_wpseo_title', 'rank_math_title']),
    description: firstText(meta, ['_yoast_wpseo_metadesc', 'rank_math_description']),
  };
}

function firstText(meta: Meta, keys: readonly string[]): string {
  for (const key of keys) {
    const text = withoutVariables(meta.get(key) ?? '');
    if (text !== '') return text;
  }
  return '';
}

/**
 * The text without template variables; '' when what is left has no letter
 * or digit (`%%title%% %%sep%% %%sitename%%`, `- |`).
 *
 * @example withoutVariables('دليل السفر %%sep%% %%sitename%%') // 'دليل السفر'
 */
export function withoutVariables(raw: string): string {
  const text = raw
    .replace(/%%[^%\s]+%%/g, ' ')
    .replace(/%[a-z_]+(?:\([^)%]*\))?%/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return '';
  return text.replace(/^[\s\-–—|:·•]+|[\s\-–—|:·•]+$/g, '').trim();
}

/** The term id of the primary category (Yoast, else Rank Math), or null. */
export function primaryCategoryId(meta: Meta): string | null {
  for (const key of ['_yoast_wpseo_primary_category', 'rank_math_primary_category']) {
    const id = meta.get(key)?.trim() ?? '';
    if (/^\d+$/.test(id) && id !== '0') return id;
  }
  return null;
}

/** The post ID of the featured image (`_thumbnail_id`), or null. */
export function thumbnailId(meta: Meta): string | null {
  const id = meta.get('_thumbnail_id')?.trim() ?? '';
  return /^\d+$/.test(id) && id !== '0' ? id : null;
}
