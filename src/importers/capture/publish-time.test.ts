import { describe, expect, it } from 'vitest';
import type { CaptureDate, CaptureTime } from './parse-capture.js';
import { parsePublishTime } from './publish-time.js';

const d = (year: number, month: number, day: number): CaptureDate => ({ year, month, day });
const t = (hour: number, minute: number): CaptureTime => ({ hour, minute });

describe('parsePublishTime', () => {
  it.each<[string, CaptureDate | null, CaptureTime | null]>([
    ['11:43', null, t(11, 43)],
    ['١١:٤٣', null, t(11, 43)],
    ['18/01/2020 11:43', d(2020, 1, 18), t(11, 43)],
    ['١٨/٠١/٢٠٢٠ ١١:٤٣', d(2020, 1, 18), t(11, 43)],
    ['18.01.2020', d(2020, 1, 18), null],
    ['2020-01-18 11:43', d(2020, 1, 18), t(11, 43)],
    ['2020-01-18T11:43:05', d(2020, 1, 18), t(11, 43)],
    ['2020/1/8', d(2020, 1, 8), null],
    ['السبت 18 كانون الثاني 2020 - 11:43', d(2020, 1, 18), t(11, 43)],
    ['18 يناير 2020 | 11:43 ص', d(2020, 1, 18), t(11, 43)],
    ['18 يناير 2020 | 11:43 م', d(2020, 1, 18), t(23, 43)],
    ['١٨ يناير ٢٠٢٠ - ٠٧:١٥ م', d(2020, 1, 18), t(19, 15)],
    ['نشر في: 05 جويلية 2021 - 09:30', d(2021, 7, 5), t(9, 30)],
    ['نُشر بتاريخ: الأربعاء، 9 مارس 2022', d(2022, 3, 9), null],
    ['الخميس 1 آب 2019 الساعة 08:00', d(2019, 8, 1), t(8, 0)],
    ['3 أوت 2019', d(2019, 8, 3), null],
    ['3 غشت 2019', d(2019, 8, 3), null],
    ['١٤ شباط ٢٠١٠', d(2010, 2, 14), null],
    ['2 ماي 2021', d(2021, 5, 2), null],
    ['2 مايو 2021', d(2021, 5, 2), null],
    ['2 أيار 2021', d(2021, 5, 2), null],
    ['30 يونيه 2020', d(2020, 6, 30), null],
    ['7 أفريل 2021', d(2021, 4, 7), null],
    ['7 إبريل 2021', d(2021, 4, 7), null],
    ['25 تشرين الثاني 2019', d(2019, 11, 25), null],
    ['31 كانون الأول 2019', d(2019, 12, 31), null],
    ['1 تشرين الأول 2019', d(2019, 10, 1), null],
    ['12 ديسمبر/كانون الأول 2022', d(2022, 12, 12), null],
    ['12 كانون الأول (ديسمبر) 2022', d(2022, 12, 12), null],
    ['18 يناير 2020م الساعة 11:43', d(2020, 1, 18), t(11, 43)],
    ['18 يناير 2020 الموافق 23 جمادى الأولى 1441 هـ', d(2020, 1, 18), null],
    ['12:05 ص', null, t(0, 5)],
    ['12:30 م', null, t(12, 30)],
    ['07:15 مساءً', null, t(19, 15)],
    ['9:05 صباحاً', null, t(9, 5)],
    ['3:00 PM', null, t(15, 0)],
    ['11:43 بتوقيت دمشق', null, t(11, 43)],
    ['11:43 GMT+3', null, t(11, 43)],
  ])('reads %s', (text, date, time) => {
    const result = parsePublishTime(text);

    expect(result?.date ?? null).toEqual(date);
    expect(result?.time ?? null).toEqual(time);
  });

  it.each([
    ['an empty line', ''],
    ['prose that mentions a time', 'وصل الوفد عند الساعة 11:43 إلى مطار دمشق الدولي'],
    ['a time followed by a number', '11:43 236'],
    ['an hour past 23', '25:10'],
    ['a 12-hour time past 12', '13:10 م'],
    ['a day that does not exist', '31/02/2020'],
    ['a month name with no day or year', 'كانون الثاني'],
    ['a year in prose', 'عام 2020'],
  ])('refuses %s', (_name, text) => {
    expect(parsePublishTime(text)).toBeNull();
  });

  it('reads 01/18/2020 month first, since no month 18 exists, and notes it', () => {
    expect(parsePublishTime('01/18/2020')).toEqual({
      date: d(2020, 1, 18),
      time: null,
      updated: false,
      notes: ['The date 01/18/2020 was read as month/day/year.'],
    });
  });

  it('marks a date labelled as an update', () => {
    expect(parsePublishTime('آخر تحديث: 18 يناير 2020 - 12:00')?.updated).toBe(true);
    expect(parsePublishTime('نشر في: 18 يناير 2020 - 12:00')?.updated).toBe(false);
  });
});
