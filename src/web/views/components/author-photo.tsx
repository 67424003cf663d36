/**
 * An author's photo, cropped to a circle: in a byline or a list of writers
 * (`small`, 48 px) or at the head of their author page (`large`, 128 px).
 * Without a photo, a stand-in circle of the same size shows the first
 * letter of their name, so a row of writers never has a hole or a shift.
 *
 * The name is usually printed next to the photo, so by default the photo
 * is decorative (alt "", the stand-in hidden from screen readers) and the
 * name is not read twice (WCAG 2.2 H67). Pass `nameShown={false}` where the
 * photo stands alone: it is then labelled with the name.
 */
import type { MediaItem } from '../../../domain/media.js';
import { ResponsiveImage } from './responsive-image.js';

/** How large the circle is drawn. */
export type AuthorPhotoSize = 'small' | 'large';

/** The circle's side in CSS pixels, also given to the `<img>` as its width and height. */
export const AUTHOR_PHOTO_PIXELS: Record<AuthorPhotoSize, number> = { small: 48, large: 128 };

export interface AuthorPhotoProps {
  /** The author's display name: the stand-in's letter, and the label when `nameShown` is false. */
  name: string;
  photo: MediaItem | null;
  size: AuthorPhotoSize;
  /** False when the name is not printed beside the photo; default true. */
  nameShown?: boolean;
  /** `eager` for a photo in the first screen (the author page's head); lazy otherwise. */
  priority?: 'lazy' | 'eager';
}

/**
 * The first letter of `name` for the stand-in: the first whole grapheme
 * (a letter with its marks, never half of a surrogate pair) that holds a
 * letter or a digit, skipping spaces, punctuation and tatweel; upper-cased
 * (Latin). '' when the name holds none.
 *
 * @example initialOf('عَليّ الأحمد') === 'عَ'
 * @example initialOf('«ليلى»') === 'ل'
 * @example initialOf('layla') === 'L'
 */
export function initialOf(name: string): string {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(name)) {
    if (/[\p{L}\p{N}]/u.test(segment) && segment !== '\u0640') return segment.toLocaleUpperCase();
  }
  return '';
}

/**
 * @example <AuthorPhoto name="ليلى حسن" photo={null} size="small" />
 * // <span class="author-photo author-photo--small author-photo--none" aria-hidden="true">ل</span>
 */
export function AuthorPhoto(props: AuthorPhotoProps) {
  const frame = `author-photo author-photo--${props.size}`;
  const labelled = props.nameShown === false;
  if (props.photo === null) {
    return labelled ? (
      <span class={`${frame} author-photo--none`} role="img" aria-label={props.name}>
        <span aria-hidden="true">{initialOf(props.name)}</span>
      </span>
    ) : (
      <span class={`${frame} author-photo--none`} aria-hidden="true">
        {initialOf(props.name)}
      </span>
    );
  }
  const pixels = AUTHOR_PHOTO_PIXELS[props.size];
  return (
    <span class={frame}>
      <ResponsiveImage
        media={props.photo}
        alt={labelled ? props.name : ''}
        sizes={`${pixels}px`}
        width={pixels}
        height={pixels}
        priority={props.priority ?? 'lazy'}
      />
    </span>
  );
}
