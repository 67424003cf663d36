/**
 * Images of the media library and the files made from each: WebP variants
 * at fixed widths for `srcset`, and a re-encoded original (JPEG, or PNG
 * when transparency must survive) for link previews. File names and URLs
 * are decided here so that the upload service, the public file route and
 * the views agree.
 */
import { FIELD_LIMITS } from './field-limits.js';

/** The upload types accepted, as sniffed from the content. */
export const MEDIA_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const;
export type MediaMime = (typeof MEDIA_MIMES)[number];

/** True when `value` is an accepted upload type. */
export function isMediaMime(value: unknown): value is MediaMime {
  return typeof value === 'string' && (MEDIA_MIMES as readonly string[]).includes(value);
}

/**
 * Widths of the WebP variants, in CSS pixels at 1x: phones (320–640),
 * the article column on 2x screens (960–1280) and wide screens (1600).
 */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1600] as const;

/** `sizes` of an image as wide as the article column (40rem, full width below). */
export const ARTICLE_IMAGE_SIZES = '(min-width: 42rem) 40rem, 100vw';

/** The width of the variant used as `src` and by the editor: the column at 1x–1.5x. */
export const DEFAULT_VARIANT_WIDTH = 960;

export type OriginalFile = 'original.jpg' | 'original.png';

export interface MediaItem {
  /** Decimal string (ids may exceed 2^53). */
  id: string;
  uploadedBy: string;
  /** The uploaded file's name, as the uploader's device named it (shown, never used as a path). */
  originalName: string;
  mime: MediaMime;
  /** Size of the upright original, in pixels. */
  width: number;
  height: number;
  /** Size of the upload, in bytes. */
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** Widths of the WebP variants, ascending. */
  widths: readonly number[];
  originalFile: OriginalFile;
  createdAt: Date;
}

/**
 * The variant widths made for an image `width` pixels wide: every standard
 * width below it, plus its own width when that is at most the largest
 * standard width (an image is never enlarged, and a huge one is not served
 * at full size).
 *
 * @example variantWidths(1000) // [320, 640, 960, 1000]
 * @example variantWidths(4000) // [320, 640, 960, 1280, 1600]
 */
export function variantWidths(width: number): number[] {
  const below: number[] = VARIANT_WIDTHS.filter((w) => w < width);
  const largest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] ?? 0;
  return width <= largest ? [...below, width] : below;
}

/** A variant's URL as a body holds it, `/media/7/w960.webp`; group 1 is the image's id. */
export const MEDIA_VARIANT_SRC = /^\/media\/([1-9][0-9]{0,18})\/w[1-9][0-9]{0,4}\.webp$/;

/** The file name of a variant: `w640.webp`. */
export function variantFile(width: number): string {
  return `w${width}.webp`;
}

/** True for the names of files the public route may serve: `w640.webp`, `original.jpg|png`. */
export function isMediaFileName(name: string): boolean {
  return /^w[1-9][0-9]{0,4}\.webp$/.test(name) || /^original\.(jpg|png)$/.test(name);
}

/** The public URL of one of an image's files: `/media/42/w640.webp`. */
export function mediaFileUrl(id: string, file: string): string {
  return `/media/${id}/${file}`;
}

/** The media type of a re-encoded original file. */
export function originalMime(file: OriginalFile): 'image/jpeg' | 'image/png' {
  return file === 'original.png' ? 'image/png' : 'image/jpeg';
}

/** The width used for `src`: the largest variant at most DEFAULT_VARIANT_WIDTH, else the smallest. */
export function defaultVariantWidth(widths: readonly number[]): number {
  const fitting = widths.filter((w) => w <= DEFAULT_VARIANT_WIDTH);
  return fitting.length > 0 ? Math.max(...fitting) : Math.min(...widths);
}

/** The URL of the default variant, for `src` and the editor. */
export function defaultVariantUrl(item: Pick<MediaItem, 'id' | 'widths'>): string {
  return mediaFileUrl(item.id, variantFile(defaultVariantWidth(item.widths)));
}

/** The URL of the narrowest variant, for a reader asking to save data (issue 22). */
export function smallestVariantUrl(item: Pick<MediaItem, 'id' | 'widths'>): string {
  return mediaFileUrl(item.id, variantFile(Math.min(...item.widths)));
}

/**
 * The `srcset` of an image's variants.
 * @example srcsetOf({ id: '7', widths: [320, 640] }) // '/media/7/w320.webp 320w, /media/7/w640.webp 640w'
 */
export function srcsetOf(item: Pick<MediaItem, 'id' | 'widths'>): string {
  return item.widths.map((w) => `${mediaFileUrl(item.id, variantFile(w))} ${w}w`).join(', ');
}

/** Parses a media id from a URL or a form: 1–19 digits, no leading zero, at most 2^63 − 1. */
export function parseMediaId(raw: string): string | null {
  if (!/^[1-9][0-9]{0,18}$/.test(raw)) return null;
  return BigInt(raw) <= 9_223_372_036_854_775_807n ? raw : null;
}

/** Longest alt text, caption and credit, in characters (field-limits.ts). */
export const MEDIA_TEXT_LIMITS = {
  alt: FIELD_LIMITS.mediaAlt,
  caption: FIELD_LIMITS.mediaCaption,
  credit: FIELD_LIMITS.mediaCredit,
} as const;

/**
 * True when `alt` describes nothing: empty, or only spaces, bidi marks and
 * zero-width characters (an Arabic alt of a lone RLM is still missing).
 */
export function isBlankAlt(alt: string | undefined): boolean {
  return (
    alt === undefined ||
    alt.replace(/[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g, '') === ''
  );
}
