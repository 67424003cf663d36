/**
 * Decoding an upload with sharp and making its files: WebP variants at the
 * widths of `variantWidths()`, and a re-encoded original. Every output is
 * turned upright by its EXIF orientation and carries no metadata: sharp
 * writes EXIF (with GPS), XMP, IPTC and ICC only when asked to keep them,
 * and we never ask; colours are converted to sRGB first.
 */
import type { SharpOptions, default as Sharp } from 'sharp';
import { variantFile, variantWidths, type MediaMime, type OriginalFile } from '../domain/media.js';
import { MediaError } from './media-error.js';

/**
 * How every upload is decoded: refuse damaged data, cap the pixels (past
 * `maxPixels`, a small file could expand into gigabytes of memory, a
 * "decompression bomb"), turn upright.
 */
function inputOptions(maxPixels: number): SharpOptions {
  return {
    // 'warning': libjpeg's and libpng's warnings too (premature end, corrupt data), so a
    // damaged file is refused rather than stored half grey.
    failOn: 'warning',
    // libvips checks this when it opens the image, from the header: metadata() refuses
    // a bomb without decoding a pixel.
    limitInputPixels: maxPixels,
    autoOrient: true,
  };
}

/**
 * sharp, loaded on the first upload (libvips costs some 25 MiB a
 * reader-facing process never needs), with memory kept in step with the
 * uploads: one libvips thread per image (its default is one per core, each
 * with its own buffers; uploads run a few at a time, see IMAGES_AT_ONCE in
 * media.ts) and no operation cache (50 MB by default, of results an upload
 * never asks for twice).
 */
async function loadSharp(): Promise<typeof Sharp> {
  const { default: sharp } = await import('sharp');
  sharp.concurrency(1);
  sharp.cache(false);
  return sharp;
}

/**
 * Largest original re-encoded with mozjpeg, pixels (12 megapixels, a
 * phone's photo). mozjpeg's smaller files come from progressive scans and
 * optimised Huffman tables, for which libjpeg holds the whole image's
 * coefficients, some 6 bytes a pixel: a 49-megapixel original took 301 MiB
 * and 8 s, two uploads at once twice that. Larger originals are written as
 * they are decoded (baseline, standard tables: 20 MiB and 0.2 s for the
 * same image), in larger files.
 */
export const MOZJPEG_MAX_PIXELS = 12_000_000;

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

function refusal(error: unknown, maxPixels: number): MediaError {
  const message = error instanceof Error ? error.message : '';
  if (/exceeds pixel limit/i.test(message)) {
    const megapixels = Math.round(maxPixels / 100_000) / 10;
    return new MediaError(
      'UPLOAD_TOO_MANY_PIXELS',
      `The image has too many pixels: at most ${megapixels} megapixels.`,
      { details: { megapixels }, cause: error },
    );
  }
  return new MediaError(
    'UPLOAD_CORRUPT_IMAGE',
    'The image could not be read: the file is damaged or incomplete.',
    { cause: error },
  );
}

/** What an image's header says: its upright size and whether it has an alpha channel. */
export interface ImageHeader {
  width: number;
  height: number;
  hasAlpha: boolean;
}

/**
 * Reads the header of `bytes` only (no pixel is decoded) and checks its
 * size against `maxPixels` (width × height).
 * @throws MediaError UPLOAD_TOO_MANY_PIXELS (413, `vars.megapixels` the
 *   limit), UPLOAD_CORRUPT_IMAGE (422) when there is no readable header.
 */
export async function readImageHeader(bytes: Buffer, maxPixels: number): Promise<ImageHeader> {
  const sharp = await loadSharp();
  try {
    const meta = await sharp(bytes, inputOptions(maxPixels)).metadata();
    return { ...meta.autoOrient, hasAlpha: meta.hasAlpha };
  } catch (error) {
    throw refusal(error, maxPixels);
  }
}

/**
 * Decodes `bytes` (already sniffed as `mime`, its header read by
 * readImageHeader) and makes its files.
 * @throws MediaError UPLOAD_TOO_MANY_PIXELS (413), UPLOAD_CORRUPT_IMAGE (422).
 */
export async function renderImage(
  bytes: Buffer,
  mime: MediaMime,
  header: ImageHeader,
  maxPixels: number,
): Promise<RenderedImage> {
  const sharp = await loadSharp();
  const input = inputOptions(maxPixels);
  try {
    const { width, height } = header;
    const widths = variantWidths(width);
    // The whole image is decoded once, to its largest variant (at most 1600 pixels
    // wide, kept raw: 8-bit sRGB, alpha kept), and the variants are made from that:
    // each decode of a large image leaves its memory with the allocator, and one
    // decode for five variants halved an upload's peak (a 50-megapixel PNG: 112 to 45 MiB).
    const { data: base, info } = await sharp(bytes, input)
      .resize({ width: widths[widths.length - 1] ?? width, withoutEnlargement: true })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const baseInput: SharpOptions = {
      raw: { width: info.width, height: info.height, channels: info.channels },
    };
    const files: ImageFile[] = [];
    for (const w of widths) {
      const data = await sharp(base, baseInput)
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 80, effort: 4 })
        .toBuffer();
      files.push({ name: variantFile(w), data });
    }
    const originalFile = originalFileOf(mime, header.hasAlpha);
    const original = sharp(bytes, input);
    const data =
      originalFile === 'original.png'
        ? await original.png().toBuffer()
        : await original
            .jpeg(
              width * height <= MOZJPEG_MAX_PIXELS
                ? { quality: 85, mozjpeg: true }
                : { quality: 85, optimiseCoding: false },
            )
            .toBuffer();
    files.push({ name: originalFile, data });
    return { width, height, widths, originalFile, files };
  } catch (error) {
    throw refusal(error, maxPixels);
  }
}
