import { describe, expect, it } from 'vitest';
import { isDataLine } from './data-line.js';

describe('isDataLine', () => {
  it.each([
    'الثلاثاء 12 مارس',
    'منذ 3 ساعات',
    '12 ألف مشاهدة و30 تعليقا',
    '12 Mar',
    'Tuesday, March 12',
    '٥ رمضان ١٤٤٥ هـ',
    '10:00 ص | 1.2K',
    '12 كانون الثاني',
    'مدة القراءة: دقيقة واحدة',
    'مدة القراءة: دقيقة واحدة 236 مشاهدة',
    '5 دقائق للقراءة',
    'عدد المشاهدات: 1,204',
    '3 min read',
  ])('is true for %s', (line) => {
    expect(isDataLine(line)).toBe(true);
  });

  it.each([
    'انقطاع الكهرباء عن مناطق واسعة في حلب',
    '12 قتيلا في غارات على المدينة',
    'مارس الحزين',
    'حلب اليوم',
    'أكثر من 150 ألف حالة إصابة',
    'القراءة في زمن الحرب',
    'دقيقة واحدة تكفي لإنقاذ حياة',
  ])('is false for %s', (line) => {
    expect(isDataLine(line)).toBe(false);
  });
});
