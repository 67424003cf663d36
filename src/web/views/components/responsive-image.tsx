/**
 * An image of the media library as a responsive `<img>`: every WebP
 * variant in `srcset`, so the browser picks the width the layout needs,
 * with `width`/`height` of the original so the page does not jump while it
 * loads.
 */
import { useContext } from 'preact/hooks';
import {
  ARTICLE_IMAGE_SIZES,
  defaultVariantUrl,
  smallestVariantUrl,
  srcsetOf,
  type MediaItem,
} from '../../../domain/media.js';
import { SaveData } from './save-data-context.js';

/** What the component needs of a media item. */
export type ResponsiveMedia = Pick<MediaItem, 'id' | 'width' | 'height' | 'widths' | 'alt'>;

export interface ResponsiveImageProps {
  media: ResponsiveMedia;
  /** How wide the image is drawn, for `sizes`; default: the article column. */
  sizes?: string;
  /** Overrides the library's alt text (`''` for a decorative image). */
  alt?: string;
  /**
   * `lazy` (default) for images below the fold; `eager` with
   * `fetchpriority="high"` for the lead image, the page's largest paint.
   */
  priority?: 'lazy' | 'eager' | 'high';
  class?: string;
  /**
   * The box the image is drawn in, in CSS pixels, when it is cropped to a
   * frame of its own (an author's round photo); default: the original's
   * size, which gives the browser its aspect ratio.
   */
  width?: number;
  height?: number;
}

/**
 * @example <ResponsiveImage media={item} priority="high" />
 * // <img src="/media/7/w960.webp" srcset="/media/7/w320.webp 320w, …" sizes="…"
 * //      width="1600" height="900" alt="…" loading="eager" fetchpriority="high" decoding="async">
 */
export function ResponsiveImage(props: ResponsiveImageProps) {
  const { media } = props;
  const priority = props.priority ?? 'lazy';
  // Asked to save data, the browser gets the smallest width alone (issue 22).
  const saveData = useContext(SaveData);
  return (
    <img
      src={saveData ? smallestVariantUrl(media) : defaultVariantUrl(media)}
      srcset={saveData ? undefined : srcsetOf(media)}
      sizes={saveData ? undefined : (props.sizes ?? ARTICLE_IMAGE_SIZES)}
      width={props.width ?? media.width}
      height={props.height ?? media.height}
      alt={props.alt ?? media.alt}
      loading={priority === 'lazy' ? 'lazy' : 'eager'}
      fetchpriority={priority === 'high' ? 'high' : undefined}
      decoding="async"
      class={props.class}
    />
  );
}
