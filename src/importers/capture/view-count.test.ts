import { describe, expect, it } from 'vitest';
import { numberAlone, parseQuantity, readViewCount } from './view-count.js';

describe('readViewCount', () => {
  it.each([
    ['236 مشاهدة', 236],
    ['مشاهدة واحدة', 1],
    ['قراءة واحدة', 1],
    ['مشاهدتان', 2],
    ['مشاهدتين', 2],
    ['12 ألف مشاهدة', 12000],
    ['ألف مشاهدة', 1000],
    ['3 آلاف مشاهدة', 3000],
    ['المشاهدات: 1.2 ألف', 1200],
    ['1.2K مشاهدة', 1200],
    ['1,2K views', 1200],
    ['1.2k views', 1200],
    ['3 مليون مشاهدة', 3000000],
    ['3M مشاهدة', 3000000],
    ['عدد القراءات: 3M', 3000000],
    ['١٫٢ ألف مشاهدة', 1200],
    ['١٬٢٠٤ قراءة', 1204],
    ['2.5 مليون مشاهدة', 2500000],
  ])('reads %s', (piece, views) => {
    expect(readViewCount(piece)).toBe(views);
  });

  it.each([
    'مشاهدة',
    'مشاهدة الفيديو',
    '1.2 مشاهدة',
    'مشاهدات: ',
    'K مشاهدة',
    'أكثر من 150 ألف حالة إصابة',
    '12 ألف',
  ])('finds no counter in %s', (piece) => {
    expect(readViewCount(piece)).toBeNull();
  });
});

describe('parseQuantity', () => {
  it.each<[string, number | null]>([
    ['1,204', 1204],
    ['1.204', 1204],
    ['236', 236],
    ['1.2K', 1200],
    ['1.25K', 1250],
    ['1,2K', 1200],
    ['1.1 ألف', 1100],
    ['1,200 ألف', 1200000],
    ['ألفا', 2000],
    ['مليون', 1000000],
    ['1.2', null],
    ['1.234K', null],
    ['K', null],
    ['آلاف', null],
    ['', null],
  ])('reads %j', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });
});

describe('numberAlone', () => {
  it('reads a counter printed above its word, digits first', () => {
    expect(numberAlone('1.2K')).toBe(1200);
    expect(numberAlone('١٢ ألف')).toBe(12000);
    expect(numberAlone('ألف')).toBeNull();
  });
});
