import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MEDIA_LIMITS, exifHasGps, jpegWithGps, makeImage } from '../../test/helpers/images.js';
import type { MediaMime } from '../domain/media.js';
import { sniffImage } from './image-content.js';
import { readImageHeader, renderImage, type RenderedImage } from './image-variants.js';

const MAX_PIXELS = MEDIA_LIMITS.uploadMaxPixels;

type Rendered = RenderedImage & { mime: MediaMime };

/**
 * `bytes` made into a library image's files, in memory, as an upload does
 * before storing them; with the type judged from its content.
 */
async function render(bytes: Buffer): Promise<Rendered> {
  const mime = await sniffImage(bytes);
  const header = await readImageHeader(bytes, MAX_PIXELS);
  return { mime, ...(await renderImage(bytes, mime, header, MAX_PIXELS)) };
}

/** The bytes of the file `name` of `image`. */
function fileOf(image: RenderedImage, name: string): Buffer {
  const file = image.files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name} among ${image.files.map((f) => f.name).join(', ')}`);
  return file.data;
}

const namesOf = (image: RenderedImage): string[] => image.files.map((f) => f.name).sort();

describe('renderImage', () => {
  it('makes a JPEG into WebP variants below its width, its own width, and a stripped JPEG', async () => {
    const image = await render(await makeImage('jpeg', 1000, 600));

    expect([image.mime, image.width, image.height, image.widths, image.originalFile]).toEqual([
      'image/jpeg',
      1000,
      600,
      [320, 640, 960, 1000],
      'original.jpg',
    ]);
    expect(namesOf(image)).toEqual([
      'original.jpg',
      'w1000.webp',
      'w320.webp',
      'w640.webp',
      'w960.webp',
    ]);
    const sizes = [];
    for (const width of image.widths) {
      const meta = await sharp(fileOf(image, `w${width}.webp`)).metadata();
      sizes.push([meta.format, meta.width, meta.height]);
    }
    expect(sizes).toEqual([
      ['webp', 320, 192],
      ['webp', 640, 384],
      ['webp', 960, 576],
      ['webp', 1000, 600],
    ]);
    const original = await sharp(fileOf(image, 'original.jpg')).metadata();
    expect([original.format, original.width, original.height]).toEqual(['jpeg', 1000, 600]);
  });

  it('keeps a transparent PNG as PNG, and makes no variant wider than the image', async () => {
    const image = await render(await makeImage('png', 400, 300, { alpha: true }));
    expect([image.mime, image.widths, image.originalFile]).toEqual([
      'image/png',
      [320, 400],
      'original.png',
    ]);
    const original = await sharp(fileOf(image, 'original.png')).metadata();
    expect([original.format, original.hasAlpha, original.width]).toEqual(['png', true, 400]);
    const variant = await sharp(fileOf(image, 'w320.webp')).metadata();
    expect([variant.hasAlpha, variant.width, variant.height]).toEqual([true, 320, 240]);
  });

  it('makes a wide WebP at the five standard widths and an opaque one into original.jpg', async () => {
    const image = await render(await makeImage('webp', 2400, 1200));
    expect([image.mime, image.width, image.height]).toEqual(['image/webp', 2400, 1200]);
    expect(image.widths).toEqual([320, 640, 960, 1280, 1600]);
    expect(image.originalFile).toBe('original.jpg');
    expect(namesOf(image)).toEqual([
      'original.jpg',
      'w1280.webp',
      'w1600.webp',
      'w320.webp',
      'w640.webp',
      'w960.webp',
    ]);
    const original = await sharp(fileOf(image, 'original.jpg')).metadata();
    expect([original.format, original.width, original.height]).toEqual(['jpeg', 2400, 1200]);
  });

  it('makes original.png of a transparent WebP', async () => {
    const image = await render(await makeImage('webp', 300, 200, { alpha: true }));
    expect([image.widths, image.originalFile]).toEqual([[300], 'original.png']);
  });

  it('makes an opaque AVIF into original.jpg and a transparent one into original.png', async () => {
    const opaque = await render(await makeImage('avif', 500, 400));
    expect([opaque.mime, opaque.width, opaque.height, opaque.widths, opaque.originalFile]).toEqual([
      'image/avif',
      500,
      400,
      [320, 500],
      'original.jpg',
    ]);
    const clear = await render(await makeImage('avif', 64, 48, { alpha: true }));
    expect([clear.widths, clear.originalFile]).toEqual([[64], 'original.png']);
    const variant = await sharp(fileOf(opaque, 'w320.webp')).metadata();
    expect([variant.format, variant.width, variant.height]).toEqual(['webp', 320, 256]);
  });

  it('turns a photo upright and strips its EXIF, GPS position and every other metadata', async () => {
    const bytes = await jpegWithGps();
    const input = await sharp(bytes).metadata();
    expect(input.orientation).toBe(6);
    expect(input.exif && exifHasGps(input.exif)).toBe(true);
    expect(bytes.includes('Photographer Name')).toBe(true);

    const image = await render(bytes);
    expect([image.width, image.height, image.widths]).toEqual([60, 100, [60]]);

    for (const file of ['w60.webp', 'original.jpg']) {
      const raw = fileOf(image, file);
      const meta = await sharp(raw).metadata();
      expect({
        file,
        size: [meta.width, meta.height],
        orientation: meta.orientation,
        exif: meta.exif,
        xmp: meta.xmp,
        iptc: meta.iptc,
        icc: meta.icc,
      }).toEqual({
        file,
        size: [60, 100],
        orientation: undefined,
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        icc: undefined,
      });
      expect(raw.includes('Exif')).toBe(false);
      expect(raw.includes('Photographer Name')).toBe(false);
      expect(raw.includes('PhoneMaker')).toBe(false);
    }
  });

  it('makes 8-bit sRGB variants of a 16-bit PNG and a CMYK JPEG, keeping their colours', async () => {
    const red = sharp({
      create: { width: 800, height: 500, channels: 3, background: { r: 200, g: 40, b: 60 } },
    });
    const means = [];
    for (const bytes of [
      await red.clone().toColourspace('rgb16').png().toBuffer(),
      await red.clone().toColourspace('cmyk').jpeg().toBuffer(),
    ]) {
      const variant = fileOf(await render(bytes), 'w320.webp');
      const meta = await sharp(variant).metadata();
      const stats = await sharp(variant).stats();
      means.push([meta.space, meta.depth, ...stats.channels.map((c) => Math.round(c.mean))]);
    }
    // What sharp makes of them resized directly (CMYK goes through its own profile).
    expect(means).toEqual([
      ['srgb', 'uchar', 200, 39, 59],
      ['srgb', 'uchar', 200, 21, 41],
    ]);
  });

  it('sets libvips to one thread per image and no operation cache', async () => {
    await render(await makeImage('png', 40, 30));
    const cache = sharp.cache();
    expect([sharp.concurrency(), cache.memory.max, cache.files.max, cache.items.max]).toEqual([
      1, 0, 0, 0,
    ]);
  });

  it('writes an original over 12 megapixels as it is decoded (baseline), one at 12 with mozjpeg (progressive)', async () => {
    const at = await render(await makeImage('jpeg', 4000, 3000));
    const over = await render(await makeImage('jpeg', 4000, 3001));
    const progressive = async (image: RenderedImage) =>
      (await sharp(fileOf(image, 'original.jpg')).metadata()).isProgressive;
    expect([await progressive(at), await progressive(over)]).toEqual([true, false]);
  });
});
