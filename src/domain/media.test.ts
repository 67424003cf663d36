import { describe, expect, it } from 'vitest';
import {
  defaultVariantUrl,
  isBlankAlt,
  isMediaFileName,
  parseMediaId,
  srcsetOf,
  variantWidths,
} from './media.js';

describe('variantWidths', () => {
  it.each([
    [200, [200]],
    [320, [320]],
    [321, [320, 321]],
    [1000, [320, 640, 960, 1000]],
    [1600, [320, 640, 960, 1280, 1600]],
    [1601, [320, 640, 960, 1280, 1600]],
    [6000, [320, 640, 960, 1280, 1600]],
  ])('makes an image %i pixels wide at %j', (width, widths) => {
    expect(variantWidths(width)).toEqual(widths);
  });
});

describe('URLs of an image', () => {
  it('lists every variant in srcset', () => {
    expect(srcsetOf({ id: '7', widths: [320, 640, 700] })).toBe(
      '/media/7/w320.webp 320w, /media/7/w640.webp 640w, /media/7/w700.webp 700w',
    );
  });

  it.each([
    [[320, 640, 960, 1280, 1600], '/media/7/w960.webp'],
    [[320, 640, 700], '/media/7/w700.webp'],
    [[150], '/media/7/w150.webp'],
  ])('uses the widest variant up to 960 as src: %j', (widths, url) => {
    expect(defaultVariantUrl({ id: '7', widths })).toBe(url);
  });
});

describe('isMediaFileName', () => {
  it.each(['w320.webp', 'w1600.webp', 'w77.webp', 'original.jpg', 'original.png'])(
    'serves %s',
    (name) => expect(isMediaFileName(name)).toBe(true),
  );
  it.each([
    'w0320.webp',
    'w320.webp.exe',
    'W320.webp',
    'original.jpeg',
    'original.gif',
    '.incoming-x',
    '..',
    'w320.png',
    'w123456.webp',
  ])('refuses %s', (name) => expect(isMediaFileName(name)).toBe(false));
});

describe('parseMediaId', () => {
  it.each(['1', '42', '9223372036854775807'])('accepts %s', (raw) => {
    expect(parseMediaId(raw)).toBe(raw);
  });
  it.each(['', '0', '01', '-1', '1.5', 'abc', '9223372036854775808', '1'.repeat(20)])(
    'refuses %j',
    (raw) => expect(parseMediaId(raw)).toBeNull(),
  );
});

describe('isBlankAlt', () => {
  it.each([undefined, '', '   ', '\u00a0', '\u200f', '\u200e \u061c', '\t\n'])(
    'finds %j blank',
    (alt) => expect(isBlankAlt(alt)).toBe(true),
  );
  it.each(['خريطة إدلب', 'x', '\u200fصورة'])('finds %j describes something', (alt) => {
    expect(isBlankAlt(alt)).toBe(false);
  });
});
