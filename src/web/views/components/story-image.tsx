/**
 * The picture of a story in a list: its featured image cropped to a 16:9
 * frame (lead stories, section blocks) or a small 4:3 thumbnail, or, when
 * the story has none, a designed stand-in of the same size (the section's
 * name on the site's colour), so a list never shows a broken or empty box
 * and nothing shifts while images load.
 *
 * The image is decorative beside the headline link that follows it, so its
 * alt text is empty (WCAG 2.2 H67: an image next to a text link to the same
 * place would otherwise be read twice).
 */
import type { ArticleSummary } from '../../../domain/article.js';
import { ResponsiveImage } from './responsive-image.js';

/** How the picture is drawn: its frame and the widths it is drawn at. */
export type StoryImageSize = 'lead' | 'card' | 'thumb';

/**
 * `sizes` of each frame, in CSS pixels: the lead fills the content column
 * (up to 60rem wide on a desktop, about 38rem of it for the picture); a card
 * is a third of it; a thumbnail is 7.5rem (120 px) wide at most.
 */
const SIZES: Record<StoryImageSize, string> = {
  lead: '(min-width: 64rem) 38rem, 100vw',
  card: '(min-width: 64rem) 19rem, (min-width: 40rem) 45vw, 100vw',
  thumb: '7.5rem',
};

export interface StoryImageProps {
  story: Pick<ArticleSummary, 'image' | 'section'>;
  size: StoryImageSize;
  /** `high` for the page's largest picture (the lead story); lazy otherwise. */
  priority?: 'lazy' | 'eager' | 'high';
  /** Text of the stand-in when there is no image: the section's name, else this. */
  fallbackText: string;
}

/**
 * @example <StoryImage story={summary} size="thumb" fallbackText="مداد" />
 * // <div class="story-image story-image--thumb"><img … alt=""></div>
 */
export function StoryImage(props: StoryImageProps) {
  const { image, section } = props.story;
  const frame = `story-image story-image--${props.size}`;
  if (image === null) {
    return (
      <div class={`${frame} story-image--none`} aria-hidden="true">
        <span class="story-image__stand-in">{section?.name ?? props.fallbackText}</span>
      </div>
    );
  }
  return (
    <div class={frame}>
      <ResponsiveImage
        media={image}
        alt=""
        sizes={SIZES[props.size]}
        priority={props.priority ?? 'lazy'}
      />
    </div>
  );
}
