/**
 * Decoding an upload with sharp and making its files: WebP variants at the
 * widths of `variantWidths()`, and a re-encoded original. Every output is
 * turned upright by its EXIF orientation and carries no metadata: sharp
 * writes EXIF (with GPS), XMP, IPTC and ICC only when asked to keep them,
 * and we never ask; colours are converted to sRGB first.
 */
import type { SharpOptions } from 'sharp';
import { variantFile, variantWidths, type MediaMime, type OriginalFile } from '../domain/media.js';
import { MediaError } from './media-error.js';

/**
 * Largest image decoded, in pixels (100 megapixels: a 12 240 × 8 160
 * camera frame). Past this, a small file could expand into gigabytes of
 * memory (a "decompression bomb").
 */
export const MAX_INPUT_PIXELS = 100_000_000;

/** How every upload is decoded: refuse damaged data, cap the pixels, turn upright. */
const INPUT: SharpOptions = {
  // 'warning': libjpeg's and libpng's warnings too (premature end, corrupt data), so a
  // damaged file is refused rather than stored half grey.
  failOn: 'warning',
  limitInputPixels: MAX_INPUT_PIXELS,
  autoOrient: true,
};

export interface ImageFile {
  name: string;
  data: Buffer;
}

export interface RenderedImage {
  /** Size of the upright original. */
  width: number;
  height: number;
  widths: number[];
  originalFile: OriginalFile;
  /** The variants, then the original. */
  files: ImageFile[];
}

/** The file type of the re-encoded original: PNG keeps PNG, and transparency elsewhere. */
function originalFileOf(mime: MediaMime, hasAlpha: boolean): OriginalFile {
  switch (mime) {
    case 'image/jpeg':
      return 'original.jpg';
    case 'image/png':
      return 'original.png';
    case 'image/webp':
    case 'image/avif':
      return hasAlpha ? 'original.png' : 'original.jpg';
  }
}

function refusal(error: unknown): MediaError {
  const message = error instanceof Error ? error.message : '';
  if (/exceeds pixel limit/i.test(message)) {
    return new MediaError(
      'UPLOAD_TOO_MANY_PIXELS',
      `The image has too many pixels: at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`,
      { vars: { megapixels: MAX_INPUT_PIXELS / 1_000_000 }, cause: error },
    );
  }
  return new MediaError(
    'UPLOAD_CORRUPT_IMAGE',
    'The image could not be read: the file is damaged or incomplete.',
    { cause: error },
  );
}

/**
 * Decodes `bytes` (already sniffed as `mime`) and makes its files.
 * @throws MediaError UPLOAD_TOO_MANY_PIXELS (413), UPLOAD_CORRUPT_IMAGE (422).
 */
export async function renderImage(bytes: Buffer, mime: MediaMime): Promise<RenderedImage> {
  // Loaded on the first upload: libvips costs some 25 MiB a reader-facing process never needs.
  const { default: sharp } = await import('sharp');
  try {
    const meta = await sharp(bytes, INPUT).metadata();
    const { width, height } = meta.autoOrient;
    const widths = variantWidths(width);
    const files: ImageFile[] = [];
    for (const w of widths) {
      const data = await sharp(bytes, INPUT)
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 80, effort: 4 })
        .toBuffer();
      files.push({ name: variantFile(w), data });
    }
    const originalFile = originalFileOf(mime, meta.hasAlpha);
    const original = sharp(bytes, INPUT);
    const data =
      originalFile === 'original.png'
        ? await original.png().toBuffer()
        : await original.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    files.push({ name: originalFile, data });
    return { width, height, widths, originalFile, files };
  } catch (error) {
    throw refusal(error);
  }
}
